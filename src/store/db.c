/* db.c — engine-independent part of the driver interface: dispatch, transactions, the pool
 * (store layer). */
#include "db_impl.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

int db_url_is_postgres(const char *url)
{
	return url && (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0);
}

struct db *db_open(const char *url, char *err, size_t errlen)
{
	if (!url || !*url) {
		snprintf(err, errlen, "no database given");
		return NULL;
	}
	if (db_url_is_postgres(url)) {
		return db_pg_open(url, err, errlen);
	}
	return db_sqlite_open(url, err, errlen);
}

void db_close(struct db *db)
{
	if (db) {
		db->drv->close(db);
	}
}

enum db_kind db_kind(const struct db *db) { return db->drv->kind; }
const char *db_errmsg(struct db *db) { return db->drv->errmsg(db); }
enum db_rc db_exec(struct db *db, const char *sql) { return db->drv->exec(db, sql); }

enum db_rc db_begin(struct db *db)
{
	return db_exec(db, "BEGIN");
}

enum db_rc db_begin_write(struct db *db)
{
	return db_exec(db, db_kind(db) == DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN");
}

enum db_rc db_commit(struct db *db) { return db_exec(db, "COMMIT"); }
enum db_rc db_rollback(struct db *db) { return db_exec(db, "ROLLBACK"); }
int db_in_transaction(struct db *db) { return db->drv->in_transaction(db); }

enum db_rc db_prepare(struct db *db, const char *sql, struct db_stmt **out)
{
	*out = NULL;
	return db->drv->prepare(db, sql, out);
}

void db_stmt_free(struct db_stmt *st)
{
	if (st) {
		st->drv->stmt_free(st);
	}
}

void db_reset(struct db_stmt *st) { st->drv->reset(st); }
void db_bind_int64(struct db_stmt *st, int idx, int64_t v) { st->drv->bind_int64(st, idx, v); }
void db_bind_double(struct db_stmt *st, int idx, double v) { st->drv->bind_double(st, idx, v); }

void db_bind_text(struct db_stmt *st, int idx, const char *s, int len)
{
	if (!s) {
		st->drv->bind_null(st, idx);
		return;
	}
	st->drv->bind_text(st, idx, s, len < 0 ? (int)strlen(s) : len);
}

void db_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n)
{
	st->drv->bind_blob(st, idx, p, n);
}

void db_bind_null(struct db_stmt *st, int idx) { st->drv->bind_null(st, idx); }
enum db_rc db_step(struct db_stmt *st) { return st->drv->step(st); }
int64_t db_changes(struct db_stmt *st) { return st->drv->changes(st); }
int db_col_count(struct db_stmt *st) { return st->drv->col_count(st); }
int db_col_is_null(struct db_stmt *st, int col) { return st->drv->col_is_null(st, col); }
int64_t db_col_int64(struct db_stmt *st, int col) { return st->drv->col_int64(st, col); }
double db_col_double(struct db_stmt *st, int col) { return st->drv->col_double(st, col); }
const char *db_col_text(struct db_stmt *st, int col) { return st->drv->col_text(st, col); }

const void *db_col_blob(struct db_stmt *st, int col, size_t *n)
{
	return st->drv->col_blob(st, col, n);
}

enum db_rc db_exec_int64(struct db *db, const char *sql, int64_t *out)
{
	struct db_stmt *st;
	enum db_rc rc = db_prepare(db, sql, &st);
	if (rc != DB_OK) {
		return rc;
	}
	rc = db_step(st);
	if (rc == DB_ROW) {
		if (out) {
			*out = db_col_int64(st, 0);
		}
		rc = DB_OK;
	} else if (rc == DB_DONE) {
		rc = DB_OK;
	}
	db_stmt_free(st);
	return rc;
}

/* ---- pool ---- */

struct db_pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int size;
	int n_free;
	struct db **conns; /* all connections */
	struct db **free_list;
};

struct db_pool *db_pool_new(const char *url, int size, char *err, size_t errlen)
{
	struct db_pool *p = xcalloc(1, sizeof *p);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->conns = xcalloc((size_t)size, sizeof *p->conns);
	p->free_list = xcalloc((size_t)size, sizeof *p->free_list);
	for (int i = 0; i < size; i++) {
		struct db *db = db_open(url, err, errlen);
		if (!db) {
			db_pool_free(p);
			return NULL;
		}
		p->conns[p->size++] = db;
		p->free_list[p->n_free++] = db;
	}
	return p;
}

void db_pool_free(struct db_pool *p)
{
	if (!p) {
		return;
	}
	for (int i = 0; i < p->size; i++) {
		db_close(p->conns[i]);
	}
	free(p->conns);
	free(p->free_list);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
}

struct db *db_pool_acquire(struct db_pool *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->n_free == 0) {
		pthread_cond_wait(&p->cv, &p->mu);
	}
	struct db *db = p->free_list[--p->n_free];
	pthread_mutex_unlock(&p->mu);
	return db;
}

void db_pool_release(struct db_pool *p, struct db *db)
{
	pthread_mutex_lock(&p->mu);
	p->free_list[p->n_free++] = db;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

int db_pool_size(struct db_pool *p) { return p->size; }

int db_pool_in_use(struct db_pool *p)
{
	pthread_mutex_lock(&p->mu);
	int n = p->size - p->n_free;
	pthread_mutex_unlock(&p->mu);
	return n;
}

void db_stream_results(struct db *db, int on)
{
	if (db->drv->set_streaming) {
		db->drv->set_streaming(db, on);
	}
}
