/* demo_batch.c — multi-row INSERTs for the demo loaders (cli layer): values are collected row by
 * row and written DEMO_BATCH_ROWS rows per statement, so PostgreSQL is not slowed by a round trip
 * a row. */
#include "demo_batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/db.h"
#include "../util/xalloc.h"

enum { DB_VAL_NULL, DB_VAL_INT, DB_VAL_TEXT, DB_VAL_BLOB };

struct demo_batch_val {
	int type;
	int64_t i;
	char *p;
	size_t n;
};

/* Rows of one table collected until DEMO_BATCH_ROWS, then written by one INSERT. */
struct demo_batch {
	struct db *db;
	const char *head; /* "INSERT INTO t (c1, …) VALUES" */
	int ncols, nrows, nvals, failed;
	struct demo_batch_val vals[DEMO_BATCH_ROWS * DEMO_BATCH_MAX_COLS];
};

struct demo_batch *demo_batch_new(struct db *db, const char *head, int ncols)
{
	struct demo_batch *b = xcalloc(1, sizeof *b);
	b->db = db;
	b->head = head;
	b->ncols = ncols;
	return b;
}

static struct demo_batch_val *demo_batch_slot(struct demo_batch *b)
{
	if (b->nvals >= (b->nrows + 1) * b->ncols) {
		b->failed = 1; /* more values than columns: a bug; keep the slot in bounds */
		return &b->vals[b->nvals - 1];
	}
	struct demo_batch_val *v = &b->vals[b->nvals++];
	memset(v, 0, sizeof *v);
	return v;
}

void demo_batch_int(struct demo_batch *b, int64_t i)
{
	struct demo_batch_val *v = demo_batch_slot(b);
	v->type = DB_VAL_INT;
	v->i = i;
}

/* NULL puts SQL NULL. */
void demo_batch_text(struct demo_batch *b, const char *s)
{
	struct demo_batch_val *v = demo_batch_slot(b);
	if (s) {
		free(v->p);
		v->type = DB_VAL_TEXT;
		v->p = xstrdup(s);
	}
}

/* Takes p. */
void demo_batch_blob(struct demo_batch *b, unsigned char *p, size_t n)
{
	struct demo_batch_val *v = demo_batch_slot(b);
	free(v->p);
	v->type = DB_VAL_BLOB;
	v->p = (char *)p;
	v->n = n;
}

static void demo_batch_clear(struct demo_batch *b)
{
	for (int k = 0; k < b->nvals; k++) {
		free(b->vals[k].p);
		b->vals[k].p = NULL;
	}
	b->nrows = b->nvals = 0;
}

int demo_batch_flush(struct demo_batch *b)
{
	if (b->failed) {
		demo_batch_clear(b);
		return -1;
	}
	if (b->nrows == 0) {
		return 0;
	}
	size_t head = strlen(b->head), len = head + (size_t)b->nrows * ((size_t)b->ncols * 2 + 4) + 1;
	char *sql = xmalloc(len), *p = sql;
	memcpy(p, b->head, head);
	p += head;
	for (int r = 0; r < b->nrows; r++) {
		*p++ = r ? ',' : ' ';
		*p++ = '(';
		for (int c = 0; c < b->ncols; c++) {
			if (c) {
				*p++ = ',';
			}
			*p++ = '?';
		}
		*p++ = ')';
	}
	*p = '\0';
	struct db_stmt *st = NULL;
	int rc = -1;
	if (db_prepare(b->db, sql, &st) == DB_OK) {
		for (int k = 0; k < b->nvals; k++) {
			const struct demo_batch_val *v = &b->vals[k];
			if (v->type == DB_VAL_INT) {
				db_bind_int64(st, k + 1, v->i);
			} else if (v->type == DB_VAL_TEXT) {
				db_bind_text(st, k + 1, v->p, -1);
			} else if (v->type == DB_VAL_BLOB) {
				db_bind_blob(st, k + 1, v->p, v->n);
			} else {
				db_bind_null(st, k + 1);
			}
		}
		rc = db_step(st) == DB_DONE ? 0 : -1;
	}
	if (rc != 0) {
		fprintf(stderr, "demo: %.40s…: %s\n", b->head, db_errmsg(b->db));
		b->failed = 1;
	}
	db_stmt_free(st);
	free(sql);
	demo_batch_clear(b);
	return rc;
}

int demo_batch_row_done(struct demo_batch *b)
{
	if (b->nvals != (b->nrows + 1) * b->ncols) {
		b->failed = 1;
	}
	b->nrows++;
	if (b->failed) {
		return -1;
	}
	return b->nrows == DEMO_BATCH_ROWS ? demo_batch_flush(b) : 0;
}

void demo_batch_free(struct demo_batch *b)
{
	if (b) {
		demo_batch_clear(b);
		free(b);
	}
}
