/* db.h — the small storage driver interface (store layer).
 * Two implementations: db_sqlite.c and db_pg.c. Stores write portable SQL once, with `?`
 * placeholders (db_pg.c turns them into $1…$n; never put a literal '?' in SQL text).
 * Portable SQL rules: integers for booleans (0/1), epoch seconds for times, integer fen for money,
 * BLOB/bytea for binary, INSERT … RETURNING, ON CONFLICT … DO UPDATE.
 *
 * Ownership: a struct db is one connection, used by one thread at a time (take it from a
 * db_pool). Statements belong to their connection; db_stmt_free() them before the connection is
 * closed. Pointers returned by db_col_text/db_col_blob stay valid until the next db_step() or
 * db_stmt_free() on that statement. */
#ifndef WM_DB_H
#define WM_DB_H
#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

enum db_kind { DB_SQLITE = 1, DB_POSTGRES = 2 };

/* Results of the driver calls. */
enum db_rc {
	DB_OK = 0,
	DB_ROW,         /* db_step: a row is ready */
	DB_DONE,        /* db_step: no more rows */
	DB_E_UNIQUE,    /* unique or primary-key violation */
	DB_E_FOREIGN,   /* foreign-key violation */
	DB_E_CONSTRAINT,/* other constraint (CHECK, NOT NULL) */
	DB_E_BUSY,      /* lock timeout / serialization failure: retry the transaction */
	DB_E_ERROR,     /* anything else; db_errmsg() says what */
};

/* Opens a connection. url is a file path (SQLite; created if missing) or postgresql://… /
 * postgres://… (PostgreSQL). On failure returns NULL and writes a message into err. */
struct db *db_open(const char *url, char *err, size_t errlen);
void db_close(struct db *db); /* NULL is harmless */
enum db_kind db_kind(const struct db *db);
const char *db_errmsg(struct db *db);

/* Runs SQL without parameters; may hold several statements separated by ';'. */
enum db_rc db_exec(struct db *db, const char *sql);

/* Transactions. db_begin_write takes the write lock at once on SQLite (BEGIN IMMEDIATE) so that
 * two writers never deadlock on a lock upgrade; on PostgreSQL it is a plain BEGIN. */
enum db_rc db_begin(struct db *db);
enum db_rc db_begin_write(struct db *db);
enum db_rc db_commit(struct db *db);
enum db_rc db_rollback(struct db *db);
/* 1 while a transaction is open on the connection. */
int db_in_transaction(struct db *db);
/* While on, queries hand their rows over one at a time instead of holding the whole result
 * in memory (PostgreSQL's single-row mode; SQLite steps rows anyway and sorts on disk). For exports of up to a million
 * rows: no other statement may run on the connection until such a query has been stepped to
 * its end or freed. */
void db_stream_results(struct db *db, int on);

/* Statements. Parameters are numbered from 1, columns from 0. */
enum db_rc db_prepare(struct db *db, const char *sql, struct db_stmt **out);
void db_stmt_free(struct db_stmt *st); /* NULL is harmless */
/* Clears bindings and results so the statement can run again. */
void db_reset(struct db_stmt *st);
void db_bind_int64(struct db_stmt *st, int idx, int64_t v);
void db_bind_double(struct db_stmt *st, int idx, double v);
/* The text is copied; len < 0 means strlen. NULL binds SQL NULL. */
void db_bind_text(struct db_stmt *st, int idx, const char *s, int len);
void db_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n);
void db_bind_null(struct db_stmt *st, int idx);
/* Executes (on the first call) and moves to the next row: DB_ROW, DB_DONE or an error. */
enum db_rc db_step(struct db_stmt *st);
/* Rows changed by the last INSERT/UPDATE/DELETE run by st. */
int64_t db_changes(struct db_stmt *st);

int db_col_count(struct db_stmt *st);
int db_col_is_null(struct db_stmt *st, int col);
int64_t db_col_int64(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);
/* NULL for SQL NULL. */
const char *db_col_text(struct db_stmt *st, int col);
const void *db_col_blob(struct db_stmt *st, int col, size_t *n);

/* Convenience: prepare + step once for statements that return nothing or one int. */
enum db_rc db_exec_int64(struct db *db, const char *sql, int64_t *out); /* no params */

/* A fixed-size pool of connections shared by the HTTP worker threads. */
struct db_pool;
struct db_pool *db_pool_new(const char *url, int size, char *err, size_t errlen);
void db_pool_free(struct db_pool *p);
/* Blocks until a connection is free. */
struct db *db_pool_acquire(struct db_pool *p);
void db_pool_release(struct db_pool *p, struct db *db);
int db_pool_size(struct db_pool *p);
int db_pool_in_use(struct db_pool *p);

/* True when url names PostgreSQL. */
int db_url_is_postgres(const char *url);

#endif
