/* db_sqlite.c — the SQLite implementation of the driver interface (store layer).
 * One connection per worker thread: WAL, foreign keys on, a busy timeout, NORMAL sync. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "db_impl.h"

/* Prepared statements are kept per connection and reused: the same SQL text (stores use
 * literals, and the builder produces the same text for the same filters) skips parsing. */
#define SQLITE_STMT_CACHE 64

struct sqlite_stmt {
	struct db_stmt base;
	sqlite3_stmt *h;
	int64_t changes;
	int done;
	int cached;   /* lives in the connection's cache */
	int in_use;
	uint64_t last_use;
	char *sql;
};

struct sqlite_db {
	struct db base;
	sqlite3 *h;
	struct sqlite_stmt *cache[SQLITE_STMT_CACHE];
	int n_cache;
	uint64_t clock;
	int streaming;
};

static enum db_rc sqlite_map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: return DB_OK;
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return DB_E_BUSY;
	case SQLITE_CONSTRAINT:
		switch (rc) {
		case SQLITE_CONSTRAINT_UNIQUE:
		case SQLITE_CONSTRAINT_PRIMARYKEY: return DB_E_UNIQUE;
		case SQLITE_CONSTRAINT_FOREIGNKEY: return DB_E_FOREIGN;
		default: return DB_E_CONSTRAINT;
		}
	default: return DB_E_ERROR;
	}
}

static struct sqlite_db *sqlite_db_of(struct db *db) { return (struct sqlite_db *)db; }
static struct sqlite_stmt *sqlite_stmt_of(struct db_stmt *st) { return (struct sqlite_stmt *)st; }

static void sqlite_stmt_destroy(struct sqlite_stmt *st)
{
	sqlite3_finalize(st->h);
	free(st->sql);
	free(st);
}

static void sqlite_db_close(struct db *db)
{
	struct sqlite_db *s = sqlite_db_of(db);
	for (int i = 0; i < s->n_cache; i++) {
		sqlite_stmt_destroy(s->cache[i]);
	}
	sqlite3_close_v2(s->h);
	free(s);
}

static const char *sqlite_db_errmsg(struct db *db)
{
	return sqlite3_errmsg(sqlite_db_of(db)->h);
}

static enum db_rc sqlite_db_exec(struct db *db, const char *sql)
{
	return sqlite_map_rc(sqlite3_exec(sqlite_db_of(db)->h, sql, NULL, NULL, NULL));
}

static int sqlite_db_in_transaction(struct db *db)
{
	return !sqlite3_get_autocommit(sqlite_db_of(db)->h);
}

static enum db_rc sqlite_db_prepare(struct db *db, const char *sql, struct db_stmt **out)
{
	struct sqlite_db *s = sqlite_db_of(db);
	for (int i = 0; i < s->n_cache; i++) {
		struct sqlite_stmt *c = s->cache[i];
		if (!c->in_use && strcmp(c->sql, sql) == 0) {
			c->in_use = 1;
			c->last_use = ++s->clock;
			c->done = 0;
			c->changes = 0;
			*out = &c->base;
			return DB_OK;
		}
	}
	sqlite3_stmt *h = NULL;
	int rc = sqlite3_prepare_v3(s->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &h, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(h);
		return sqlite_map_rc(rc);
	}
	struct sqlite_stmt *st = xcalloc(1, sizeof *st);
	st->base.drv = db->drv;
	st->base.db = db;
	st->h = h;
	st->in_use = 1;
	st->last_use = ++s->clock;
	/* Cache it, evicting the least recently used idle statement when full. */
	int slot = -1;
	if (s->n_cache < SQLITE_STMT_CACHE) {
		slot = s->n_cache++;
	} else {
		for (int i = 0; i < s->n_cache; i++) {
			if (!s->cache[i]->in_use && (slot < 0 || s->cache[i]->last_use < s->cache[slot]->last_use)) {
				slot = i;
			}
		}
		if (slot >= 0) {
			sqlite_stmt_destroy(s->cache[slot]);
		}
	}
	if (slot >= 0) {
		st->cached = 1;
		st->sql = xstrdup(sql);
		s->cache[slot] = st;
	}
	*out = &st->base;
	return DB_OK;
}

static void sqlite_stmt_free(struct db_stmt *st)
{
	struct sqlite_stmt *s = sqlite_stmt_of(st);
	if (s->cached) {
		sqlite3_reset(s->h);
		sqlite3_clear_bindings(s->h);
		s->in_use = 0;
		return;
	}
	sqlite_stmt_destroy(s);
}

static void sqlite_stmt_reset(struct db_stmt *st)
{
	struct sqlite_stmt *s = sqlite_stmt_of(st);
	sqlite3_reset(s->h);
	sqlite3_clear_bindings(s->h);
	s->done = 0;
	s->changes = 0;
}

static void sqlite_bind_int64(struct db_stmt *st, int idx, int64_t v)
{
	sqlite3_bind_int64(sqlite_stmt_of(st)->h, idx, v);
}

static void sqlite_bind_double(struct db_stmt *st, int idx, double v)
{
	sqlite3_bind_double(sqlite_stmt_of(st)->h, idx, v);
}

static void sqlite_bind_text(struct db_stmt *st, int idx, const char *s, int len)
{
	sqlite3_bind_text(sqlite_stmt_of(st)->h, idx, s, len, SQLITE_TRANSIENT);
}

static void sqlite_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n)
{
	sqlite3_bind_blob64(sqlite_stmt_of(st)->h, idx, p ? p : "", n, SQLITE_TRANSIENT);
}

static void sqlite_bind_null(struct db_stmt *st, int idx)
{
	sqlite3_bind_null(sqlite_stmt_of(st)->h, idx);
}

static enum db_rc sqlite_stmt_step(struct db_stmt *st)
{
	struct sqlite_stmt *s = sqlite_stmt_of(st);
	if (s->done) {
		return DB_DONE;
	}
	int rc = sqlite3_step(s->h);
	if (rc == SQLITE_DONE) {
		s->done = 1;
		s->changes = sqlite3_changes64(sqlite3_db_handle(s->h));
		return DB_DONE;
	}
	if (rc == SQLITE_ROW) {
		s->changes = sqlite3_changes64(sqlite3_db_handle(s->h));
		return DB_ROW;
	}
	rc = sqlite3_extended_errcode(sqlite3_db_handle(s->h));
	s->done = 1;
	return sqlite_map_rc(rc);
}

static int64_t sqlite_stmt_changes(struct db_stmt *st) { return sqlite_stmt_of(st)->changes; }
static int sqlite_col_count(struct db_stmt *st) { return sqlite3_column_count(sqlite_stmt_of(st)->h); }

static int sqlite_col_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(sqlite_stmt_of(st)->h, col) == SQLITE_NULL;
}

static int64_t sqlite_col_int64(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(sqlite_stmt_of(st)->h, col);
}

static double sqlite_col_double(struct db_stmt *st, int col)
{
	return sqlite3_column_double(sqlite_stmt_of(st)->h, col);
}

static const char *sqlite_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(sqlite_stmt_of(st)->h, col);
}

static const void *sqlite_col_blob(struct db_stmt *st, int col, size_t *n)
{
	sqlite3_stmt *h = sqlite_stmt_of(st)->h;
	const void *p = sqlite3_column_blob(h, col);
	*n = (size_t)sqlite3_column_bytes(h, col);
	return p;
}

/* Streaming (an export of up to a million rows): temporary storage goes to a file, so the sort
 * behind the list's ORDER BY spills to disk past the cache instead of growing the heap. Normal
 * requests keep it in memory, which is faster for their small sorts and statement journals. */
static void sqlite_db_set_streaming(struct db *db, int on)
{
	struct sqlite_db *d = (struct sqlite_db *)db;
	if (d->streaming != on) { /* called at the end of every request: only a change costs */
		d->streaming = on;
		sqlite3_exec(d->h, on ? "PRAGMA temp_store=FILE" : "PRAGMA temp_store=MEMORY", NULL, NULL, NULL);
	}
}

static const struct db_driver sqlite_driver = {
	.kind = DB_SQLITE,
	.close = sqlite_db_close,
	.errmsg = sqlite_db_errmsg,
	.exec = sqlite_db_exec,
	.set_streaming = sqlite_db_set_streaming,
	.in_transaction = sqlite_db_in_transaction,
	.prepare = sqlite_db_prepare,
	.stmt_free = sqlite_stmt_free,
	.reset = sqlite_stmt_reset,
	.bind_int64 = sqlite_bind_int64,
	.bind_double = sqlite_bind_double,
	.bind_text = sqlite_bind_text,
	.bind_blob = sqlite_bind_blob,
	.bind_null = sqlite_bind_null,
	.step = sqlite_stmt_step,
	.changes = sqlite_stmt_changes,
	.col_count = sqlite_col_count,
	.col_is_null = sqlite_col_is_null,
	.col_int64 = sqlite_col_int64,
	.col_double = sqlite_col_double,
	.col_text = sqlite_col_text,
	.col_blob = sqlite_col_blob,
};

static pthread_once_t sqlite_config_once = PTHREAD_ONCE_INIT;

/* Each connection is used by one thread at a time, so SQLite's own mutexes on connections are
 * not needed; memory statistics would take a global mutex on every allocation. */
static void sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_initialize();
}

struct db *db_sqlite_open(const char *path, char *err, size_t errlen)
{
	pthread_once(&sqlite_config_once, sqlite_configure);
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open %s: %s", path, h ? sqlite3_errmsg(h) : "out of memory");
		sqlite3_close_v2(h);
		return NULL;
	}
	sqlite3_busy_timeout(h, 10000);
	sqlite3_extended_result_codes(h, 1);
	rc = sqlite3_exec(h,
			  "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
			  " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8000;",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot configure %s: %s", path, sqlite3_errmsg(h));
		sqlite3_close_v2(h);
		return NULL;
	}
	struct sqlite_db *s = xcalloc(1, sizeof *s);
	s->base.drv = &sqlite_driver;
	s->h = h;
	return &s->base;
}

/* For `wenming backup`: copies the live database with the online backup API. */
int db_sqlite_backup(struct db *db, const char *dest_path, char *err, size_t errlen);
int db_sqlite_backup(struct db *db, const char *dest_path, char *err, size_t errlen)
{
	if (db_kind(db) != DB_SQLITE) {
		snprintf(err, errlen, "not an SQLite database");
		return -1;
	}
	sqlite3 *dst = NULL;
	int rc = sqlite3_open(dest_path, &dst);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", sqlite_db_of(db)->h, "main");
		if (b) {
			do {
				rc = sqlite3_backup_step(b, 256);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
					sqlite3_sleep(20);
				}
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			sqlite3_backup_finish(b);
		}
		rc = sqlite3_errcode(dst);
	}
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "backup to %s failed: %s", dest_path, dst ? sqlite3_errmsg(dst) : "");
	}
	sqlite3_close(dst);
	return rc == SQLITE_OK ? 0 : -1;
}
