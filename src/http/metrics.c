/* metrics.c — Prometheus counters (http layer). */
#include "metrics.h"

#include <stdlib.h>
#include <string.h>

#include "../store/db.h"
#include "../util/xalloc.h"
#include "route.h"

static const unsigned metrics_statuses[] = {200, 201, 204, 304, 400, 401, 403, 404, 405,
					    409, 413, 415, 422, 429, 500, 503};
#define METRICS_N_STATUS (sizeof metrics_statuses / sizeof metrics_statuses[0] + 1)
static const double metrics_buckets[] = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
#define METRICS_N_BUCKETS (sizeof metrics_buckets / sizeof metrics_buckets[0])
#define METRICS_MAX_ROUTES 256

struct metrics_route {
	uint64_t by_status[METRICS_N_STATUS];
	uint64_t buckets[METRICS_N_BUCKETS];
	uint64_t count;
	uint64_t sum_us;
};

struct metrics {
	struct metrics_route routes[METRICS_MAX_ROUTES + 1]; /* last slot: unmatched */
};

struct metrics *metrics_new(void)
{
	return xcalloc(1, sizeof(struct metrics));
}

void metrics_free(struct metrics *m)
{
	free(m);
}

void metrics_observe(struct metrics *m, int route_idx, unsigned status, uint64_t elapsed_ns)
{
	if (route_idx < 0 || route_idx >= METRICS_MAX_ROUTES) {
		route_idx = METRICS_MAX_ROUTES;
	}
	struct metrics_route *mr = &m->routes[route_idx];
	size_t s = METRICS_N_STATUS - 1;
	for (size_t i = 0; i + 1 < METRICS_N_STATUS; i++) {
		if (metrics_statuses[i] == status) {
			s = i;
			break;
		}
	}
	__atomic_fetch_add(&mr->by_status[s], 1, __ATOMIC_RELAXED);
	double secs = (double)elapsed_ns / 1e9;
	for (size_t b = 0; b < METRICS_N_BUCKETS; b++) {
		if (secs <= metrics_buckets[b]) {
			__atomic_fetch_add(&mr->buckets[b], 1, __ATOMIC_RELAXED);
		}
	}
	__atomic_fetch_add(&mr->count, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&mr->sum_us, elapsed_ns / 1000, __ATOMIC_RELAXED);
}

static void metrics_route_label(struct buf *out, int idx)
{
	if (idx == METRICS_MAX_ROUTES || (size_t)idx >= routes_count) {
		buf_puts(out, "route=\"other\"");
		return;
	}
	buf_printf(out, "route=\"%s %s\"", routes[idx].method, routes[idx].pattern);
}

void metrics_render(struct metrics *m, struct db_pool *pool, struct buf *out)
{
	buf_puts(out, "# HELP wenming_http_requests_total HTTP requests by route and status.\n"
		      "# TYPE wenming_http_requests_total counter\n");
	for (int i = 0; i <= METRICS_MAX_ROUTES; i++) {
		struct metrics_route *mr = &m->routes[i];
		for (size_t s = 0; s < METRICS_N_STATUS; s++) {
			uint64_t v = __atomic_load_n(&mr->by_status[s], __ATOMIC_RELAXED);
			if (!v) {
				continue;
			}
			buf_puts(out, "wenming_http_requests_total{");
			metrics_route_label(out, i);
			if (s + 1 < METRICS_N_STATUS) {
				buf_printf(out, ",status=\"%u\"} %llu\n", metrics_statuses[s], (unsigned long long)v);
			} else {
				buf_printf(out, ",status=\"other\"} %llu\n", (unsigned long long)v);
			}
		}
	}
	buf_puts(out, "# HELP wenming_http_request_duration_seconds Request latency.\n"
		      "# TYPE wenming_http_request_duration_seconds histogram\n");
	for (int i = 0; i <= METRICS_MAX_ROUTES; i++) {
		struct metrics_route *mr = &m->routes[i];
		uint64_t count = __atomic_load_n(&mr->count, __ATOMIC_RELAXED);
		if (!count) {
			continue;
		}
		for (size_t b = 0; b < METRICS_N_BUCKETS; b++) {
			buf_puts(out, "wenming_http_request_duration_seconds_bucket{");
			metrics_route_label(out, i);
			buf_printf(out, ",le=\"%g\"} %llu\n", metrics_buckets[b],
				   (unsigned long long)__atomic_load_n(&mr->buckets[b], __ATOMIC_RELAXED));
		}
		buf_puts(out, "wenming_http_request_duration_seconds_bucket{");
		metrics_route_label(out, i);
		buf_printf(out, ",le=\"+Inf\"} %llu\n", (unsigned long long)count);
		buf_puts(out, "wenming_http_request_duration_seconds_sum{");
		metrics_route_label(out, i);
		buf_printf(out, "} %.6f\n", (double)__atomic_load_n(&mr->sum_us, __ATOMIC_RELAXED) / 1e6);
		buf_puts(out, "wenming_http_request_duration_seconds_count{");
		metrics_route_label(out, i);
		buf_printf(out, "} %llu\n", (unsigned long long)count);
	}
	buf_printf(out,
		   "# HELP wenming_db_pool_connections Database connections in the pool.\n"
		   "# TYPE wenming_db_pool_connections gauge\nwenming_db_pool_connections %d\n"
		   "# HELP wenming_db_pool_in_use Database connections in use.\n"
		   "# TYPE wenming_db_pool_in_use gauge\nwenming_db_pool_in_use %d\n",
		   db_pool_size(pool), db_pool_in_use(pool));
}
