/* demo_batch.h — multi-row INSERTs for the demo loaders (cli layer). A batch belongs to one table:
 * head is "INSERT INTO t (c1, …) VALUES" with ncols columns (at most DEMO_BATCH_MAX_COLS). Each row
 * is its values put in column order, then demo_batch_row_done(), which writes the batch when it is
 * full; demo_batch_flush() writes the rest. Inside the caller's transaction. */
#ifndef WM_DEMO_BATCH_H
#define WM_DEMO_BATCH_H
#include <stddef.h>
#include <stdint.h>

struct db;
struct demo_batch;

#define DEMO_BATCH_ROWS 64 /* rows per INSERT: 64 × 14 parameters stays under SQLite's old 999 */
#define DEMO_BATCH_MAX_COLS 14

struct demo_batch *demo_batch_new(struct db *db, const char *head, int ncols);
void demo_batch_int(struct demo_batch *b, int64_t i);
/* NULL puts SQL NULL. */
void demo_batch_text(struct demo_batch *b, const char *s);
/* Takes p (malloc'd). */
void demo_batch_blob(struct demo_batch *b, unsigned char *p, size_t n);
/* Ends a row; writes the batch when full. 0 on success. */
int demo_batch_row_done(struct demo_batch *b);
/* Writes the rows collected so far. 0 on success. */
int demo_batch_flush(struct demo_batch *b);
void demo_batch_free(struct demo_batch *b);

#endif
