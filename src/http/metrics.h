/* metrics.h — request counters and latency histograms in Prometheus text format (http layer).
 * Lock-free atomic counters indexed by route; safe from every worker thread. */
#ifndef WM_METRICS_H
#define WM_METRICS_H
#include <stdint.h>

#include "../util/buf.h"

struct metrics;
struct db_pool;

struct metrics *metrics_new(void);
void metrics_free(struct metrics *m);
/* route_idx -1 for requests no route matched (static files, 404s). */
void metrics_observe(struct metrics *m, int route_idx, unsigned status, uint64_t elapsed_ns);
void metrics_render(struct metrics *m, struct db_pool *pool, struct buf *out);

#endif
