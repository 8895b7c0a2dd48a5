/* db_pg.c — PostgreSQL implementation of the storage driver interface (store layer).
 * Built on libpq: `?` placeholders become $1…$n at prepare time, parameters go out as text
 * (blobs as binary) through PQexecParams, and results come back as text. */
#include "db_impl.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/log.h"
#include "../util/xalloc.h"

/* Server-side prepared statements, per connection: the same SQL text is parsed and planned once
 * (PQprepare) and then only executed (PQexecPrepared). Beyond the cap, statements run unnamed. */
#define PG_PREPARED_MAX 256

struct pg_db {
	struct db base;
	PGconn *conn;
	char *errmsg; /* last error, owned */
	char *prepared[PG_PREPARED_MAX]; /* SQL of statement "wm<i>", owned */
	int n_prepared;
	int stream; /* run queries in single-row mode (db_stream_results) */
};

struct pg_stmt {
	struct db_stmt base;
	char *sql;           /* translated SQL with $n placeholders */
	int nparams;         /* number of placeholders in sql */
	char **values;       /* owned copies, NULL for SQL NULL */
	int *lengths;
	int *formats;        /* 0 text, 1 binary (blobs) */
	int bind_bad;        /* an out-of-range index was bound since the last reset */
	PGresult *res;
	int executed;
	enum db_rc exec_rc;  /* result of the execution (DB_DONE or an error) */
	int row;             /* current row, -1 before the first */
	int ntuples;
	int64_t changes;
	unsigned char **blobs; /* decoded bytea per column of the current row, PQfreemem'd */
	size_t *blob_lens;
	int nblobs;
	int streaming;       /* single-row mode results still to be read from the connection */
	int stream_mode;     /* this execution hands rows over one at a time */
};

static const struct db_driver db_pg_driver;

/* ---- errors ---- */

static void pg_set_err(struct pg_db *d, const char *msg)
{
	free(d->errmsg);
	d->errmsg = xstrdup(msg ? msg : "unknown PostgreSQL error");
	size_t n = strlen(d->errmsg);
	while (n > 0 && (d->errmsg[n - 1] == '\n' || d->errmsg[n - 1] == ' ')) {
		d->errmsg[--n] = '\0';
	}
}

static enum db_rc pg_map_sqlstate(const char *state)
{
	if (!state || strlen(state) != 5) {
		return DB_E_ERROR;
	}
	if (strcmp(state, "23505") == 0) {
		return DB_E_UNIQUE;
	}
	if (strcmp(state, "23503") == 0) {
		return DB_E_FOREIGN;
	}
	if (strncmp(state, "23", 2) == 0) {
		return DB_E_CONSTRAINT;
	}
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0) {
		return DB_E_BUSY;
	}
	return DB_E_ERROR;
}

/* Records the error carried by res (or the connection when res is NULL) and maps it. */
static enum db_rc pg_fail(struct pg_db *d, const PGresult *res)
{
	if (!res) {
		pg_set_err(d, PQerrorMessage(d->conn));
		return DB_E_ERROR;
	}
	const char *msg = PQresultErrorMessage(res);
	pg_set_err(d, msg && *msg ? msg : PQresStatus(PQresultStatus(res)));
	return pg_map_sqlstate(PQresultErrorField(res, PG_DIAG_SQLSTATE));
}

static void pg_notice(void *arg, const char *message)
{
	(void)arg;
	char *msg = xstrdup(message);
	size_t n = strlen(msg);
	while (n > 0 && msg[n - 1] == '\n') {
		msg[--n] = '\0';
	}
	log_warn("postgres notice", "message", msg);
	free(msg);
}

/* ---- connection ---- */

struct db *db_pg_open(const char *url, char *err, size_t errlen)
{
	struct pg_db *d = NULL;
	PGresult *res = NULL;
	PGconn *conn = PQconnectdb(url);
	if (!conn) {
		snprintf(err, errlen, "PostgreSQL: out of memory");
		return NULL;
	}
	if (PQstatus(conn) != CONNECTION_OK) {
		snprintf(err, errlen, "PostgreSQL: %s", PQerrorMessage(conn));
		goto fail;
	}
	PQsetNoticeProcessor(conn, pg_notice, NULL);
	res = PQexec(conn, "SET client_encoding='UTF8'; SET TimeZone='UTC'; "
			   "SET client_min_messages=warning");
	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) {
		snprintf(err, errlen, "PostgreSQL: %s",
			 res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
		goto fail;
	}
	PQclear(res);
	d = xcalloc(1, sizeof *d);
	d->base.drv = &db_pg_driver;
	d->conn = conn;
	return &d->base;
fail:
	/* libpq messages end in a newline; drop it. */
	if (errlen > 0) {
		size_t n = strlen(err);
		while (n > 0 && err[n - 1] == '\n') {
			err[--n] = '\0';
		}
	}
	PQclear(res);
	PQfinish(conn);
	return NULL;
}

static void pg_close(struct db *db)
{
	struct pg_db *d = (struct pg_db *)db;
	for (int i = 0; i < d->n_prepared; i++) {
		free(d->prepared[i]);
	}
	PQfinish(d->conn);
	free(d->errmsg);
	free(d);
}

static int pg_in_transaction(struct db *db)
{
	PGTransactionStatusType t = PQtransactionStatus(((struct pg_db *)db)->conn);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static const char *pg_errmsg(struct db *db)
{
	struct pg_db *d = (struct pg_db *)db;
	return d->errmsg ? d->errmsg : "not an error";
}

static enum db_rc pg_exec(struct db *db, const char *sql)
{
	struct pg_db *d = (struct pg_db *)db;
	enum db_rc rc = DB_OK;
	PGresult *res = PQexec(d->conn, sql);
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		rc = pg_fail(d, res);
	}
	PQclear(res);
	return rc;
}

/* ---- statements ---- */

static int pg_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || (unsigned char)c >= 0x80;
}

/* Length of the dollar-quote opener ($$ or $tag$) at p, or 0; prev is the character before p. */
static size_t pg_dollar_tag(const char *p, char prev)
{
	size_t i = 1;
	if (*p != '$' || pg_ident_char(prev) || (p[1] >= '0' && p[1] <= '9')) {
		return 0;
	}
	while (p[i] && p[i] != '$' && pg_ident_char(p[i])) {
		i++;
	}
	return p[i] == '$' ? i + 1 : 0;
}

/* Copies sql, turning each `?` outside quotes and comments into $1, $2, …; counts them. */
static char *pg_translate(const char *sql, int *nparams)
{
	size_t len = strlen(sql);
	int n = 0;
	/* Each `?` becomes at most "$" and 10 digits. */
	size_t nq = 0;
	for (const char *p = sql; *p; p++) {
		nq += *p == '?';
	}
	char *out = xmalloc(len + nq * 10 + 1);
	char *o = out;
	const char *p = sql;
	size_t tl;
	while (*p) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			*o++ = *p++;
			while (*p && *p != q) {
				*o++ = *p++;
			}
			if (*p) {
				*o++ = *p++; /* closing quote; a doubled quote reopens on the next pass */
			}
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n') {
				*o++ = *p++;
			}
		} else if (p[0] == '/' && p[1] == '*') {
			*o++ = *p++;
			*o++ = *p++;
			while (*p && !(p[0] == '*' && p[1] == '/')) {
				*o++ = *p++;
			}
			if (*p) {
				*o++ = *p++;
				*o++ = *p++;
			}
		} else if ((tl = pg_dollar_tag(p, p > sql ? p[-1] : ' ')) > 0) {
			char *tag = xstrndup(p, tl);
			const char *end = strstr(p + tl, tag);
			free(tag);
			/* Copy the body and the closing tag, or the rest when it is unterminated. */
			size_t n_copy = end ? (size_t)(end - p) + tl : strlen(p);
			memcpy(o, p, n_copy);
			o += n_copy;
			p += n_copy;
		} else if (*p == '?') {
			o += sprintf(o, "$%d", ++n);
			p++;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	*nparams = n;
	return out;
}

static enum db_rc pg_prepare(struct db *db, const char *sql, struct db_stmt **out)
{
	struct pg_stmt *st = xcalloc(1, sizeof *st);
	st->base.drv = &db_pg_driver;
	st->base.db = db;
	st->sql = pg_translate(sql, &st->nparams);
	if (st->nparams > 0) {
		st->values = xcalloc((size_t)st->nparams, sizeof *st->values);
		st->lengths = xcalloc((size_t)st->nparams, sizeof *st->lengths);
		st->formats = xcalloc((size_t)st->nparams, sizeof *st->formats);
	}
	st->row = -1;
	*out = &st->base;
	return DB_OK;
}

static void pg_drain(struct pg_db *d, struct pg_stmt *st);

/* Frees the bytea decoded for the current row. */
static void pg_free_blobs(struct pg_stmt *st)
{
	for (int i = 0; i < st->nblobs; i++) {
		if (st->blobs[i]) {
			PQfreemem(st->blobs[i]);
			st->blobs[i] = NULL;
		}
		st->blob_lens[i] = 0;
	}
}

static void pg_clear_result(struct pg_stmt *st)
{
	pg_free_blobs(st);
	PQclear(st->res);
	st->res = NULL;
	if (st->streaming) {
		pg_drain((struct pg_db *)st->base.db, st);
	}
	st->stream_mode = 0;
	st->executed = 0;
	st->exec_rc = DB_DONE;
	st->row = -1;
	st->ntuples = 0;
	st->changes = 0;
}

static void pg_clear_bindings(struct pg_stmt *st)
{
	for (int i = 0; i < st->nparams; i++) {
		free(st->values[i]);
		st->values[i] = NULL;
		st->lengths[i] = 0;
		st->formats[i] = 0;
	}
	st->bind_bad = 0;
}

static void pg_reset(struct db_stmt *s)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	pg_clear_result(st);
	pg_clear_bindings(st);
}

static void pg_stmt_free(struct db_stmt *s)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	pg_reset(s);
	free(st->blobs);
	free(st->blob_lens);
	free(st->values);
	free(st->lengths);
	free(st->formats);
	free(st->sql);
	free(st);
}

/* Stores an owned value (may be NULL) for parameter idx; takes ownership of v. */
static void pg_bind(struct pg_stmt *st, int idx, char *v, int len, int format)
{
	if (idx < 1 || idx > st->nparams) {
		st->bind_bad = 1;
		free(v);
		return;
	}
	free(st->values[idx - 1]);
	st->values[idx - 1] = v;
	st->lengths[idx - 1] = len;
	st->formats[idx - 1] = format;
}

static void pg_bind_int64(struct db_stmt *s, int idx, int64_t v)
{
	pg_bind((struct pg_stmt *)s, idx, xasprintf("%lld", (long long)v), 0, 0);
}

static void pg_bind_double(struct db_stmt *s, int idx, double v)
{
	pg_bind((struct pg_stmt *)s, idx, xasprintf("%.17g", v), 0, 0);
}

static void pg_bind_text(struct db_stmt *s, int idx, const char *str, int len)
{
	pg_bind((struct pg_stmt *)s, idx, xstrndup(str, (size_t)len), 0, 0);
}

static void pg_bind_blob(struct db_stmt *s, int idx, const void *p, size_t n)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	if (n > (size_t)0x7fffffff) {
		st->bind_bad = 1;
		return;
	}
	char *v = xmalloc(n ? n : 1);
	if (n) {
		memcpy(v, p, n);
	}
	pg_bind(st, idx, v, (int)n, 1);
}

static void pg_bind_null(struct db_stmt *s, int idx)
{
	pg_bind((struct pg_stmt *)s, idx, NULL, 0, 0);
}

/* Runs st through a prepared statement of the connection (preparing it on first use). A prepare
 * that fails (bad SQL, aborted transaction) is not remembered, so the error surfaces as usual. */
/* Finds or creates the prepared statement for st: its slot, -1 when not prepared (too many),
 * -2 with *err when preparing failed. */
static int pg_prepared_slot(struct pg_db *d, struct pg_stmt *st, PGresult **err)
{
	for (int i = 0; i < d->n_prepared; i++) {
		if (strcmp(d->prepared[i], st->sql) == 0) {
			return i;
		}
	}
	if (d->n_prepared >= PG_PREPARED_MAX) {
		return -1;
	}
	char name[16];
	snprintf(name, sizeof name, "wm%d", d->n_prepared);
	PGresult *pr = PQprepare(d->conn, name, st->sql, st->nparams, NULL);
	if (!pr || PQresultStatus(pr) != PGRES_COMMAND_OK) {
		*err = pr;
		return -2;
	}
	PQclear(pr);
	d->prepared[d->n_prepared] = xstrdup(st->sql);
	return d->n_prepared++;
}

/* Reads every result still pending on the connection (a stream abandoned half-way). */
static void pg_drain(struct pg_db *d, struct pg_stmt *st)
{
	PGresult *x;
	while ((x = PQgetResult(d->conn)) != NULL) {
		PQclear(x);
	}
	st->streaming = 0;
}

/* The next single-row result: DB_ROW with one row in st->res, DB_DONE at the end, or an error. */
static enum db_rc pg_stream_next(struct pg_db *d, struct pg_stmt *st)
{
	PQclear(st->res);
	st->res = PQgetResult(d->conn);
	ExecStatusType s = st->res ? PQresultStatus(st->res) : PGRES_FATAL_ERROR;
	st->row = -1;
	st->ntuples = 0;
	if (s == PGRES_SINGLE_TUPLE) {
		st->ntuples = 1;
		return DB_ROW;
	}
	enum db_rc rc = DB_DONE;
	if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK) {
		st->changes = strtoll(PQcmdTuples(st->res), NULL, 10);
	} else {
		rc = pg_fail(d, st->res);
	}
	PQclear(st->res);
	st->res = NULL;
	pg_drain(d, st);
	return rc;
}

static enum db_rc pg_stream_start(struct pg_db *d, struct pg_stmt *st)
{
	PGresult *perr = NULL;
	int slot = pg_prepared_slot(d, st, &perr);
	if (slot == -2) {
		enum db_rc rc = pg_fail(d, perr);
		PQclear(perr);
		return rc;
	}
	int sent;
	if (slot < 0) {
		sent = PQsendQueryParams(d->conn, st->sql, st->nparams, NULL, (const char *const *)st->values, st->lengths,
					 st->formats, 0);
	} else {
		char name[16];
		snprintf(name, sizeof name, "wm%d", slot);
		sent = PQsendQueryPrepared(d->conn, name, st->nparams, (const char *const *)st->values, st->lengths,
					   st->formats, 0);
	}
	if (!sent) {
		pg_set_err(d, PQerrorMessage(d->conn));
		return DB_E_ERROR;
	}
	st->streaming = 1;
	PQsetSingleRowMode(d->conn);
	return pg_stream_next(d, st);
}

static PGresult *pg_run(struct pg_db *d, struct pg_stmt *st)
{
	PGresult *perr = NULL;
	int slot = pg_prepared_slot(d, st, &perr);
	if (slot == -2) {
		return perr; /* the caller reports its error */
	}
	if (slot < 0) {
		return PQexecParams(d->conn, st->sql, st->nparams, NULL, (const char *const *)st->values, st->lengths,
				    st->formats, 0);
	}
	char name[16];
	snprintf(name, sizeof name, "wm%d", slot);
	return PQexecPrepared(d->conn, name, st->nparams, (const char *const *)st->values, st->lengths, st->formats, 0);
}

static enum db_rc pg_execute(struct pg_stmt *st)
{
	struct pg_db *d = (struct pg_db *)st->base.db;
	enum db_rc rc = DB_DONE;
	st->executed = 1;
	if (st->bind_bad) {
		pg_set_err(d, "parameter index out of range");
		rc = DB_E_ERROR;
		goto out;
	}
	if (d->stream) {
		st->stream_mode = 1;
		rc = pg_stream_start(d, st);
		st->exec_rc = rc == DB_ROW ? DB_DONE : rc;
		return rc;
	}
	st->stream_mode = 0;
	st->res = pg_run(d, st);
	ExecStatusType s = st->res ? PQresultStatus(st->res) : PGRES_FATAL_ERROR;
	if (s == PGRES_TUPLES_OK) {
		st->ntuples = PQntuples(st->res);
	} else if (s != PGRES_COMMAND_OK) {
		rc = pg_fail(d, st->res);
		PQclear(st->res);
		st->res = NULL;
		goto out;
	}
	st->changes = strtoll(PQcmdTuples(st->res), NULL, 10);
out:
	st->exec_rc = rc;
	return rc;
}

static enum db_rc pg_step(struct db_stmt *s)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	pg_free_blobs(st);
	if (!st->executed) {
		enum db_rc rc = pg_execute(st);
		if (st->stream_mode) {
			st->row = rc == DB_ROW ? 0 : -1;
			return rc;
		}
		if (rc != DB_DONE) {
			return rc;
		}
	} else if (st->stream_mode) {
		if (!st->streaming) {
			return st->exec_rc;
		}
		enum db_rc rc = pg_stream_next((struct pg_db *)st->base.db, st);
		st->row = rc == DB_ROW ? 0 : -1;
		if (rc != DB_ROW && rc != DB_DONE) {
			st->exec_rc = rc;
		}
		return rc;
	} else if (st->exec_rc != DB_DONE) {
		return st->exec_rc;
	}
	if (st->row < st->ntuples) {
		st->row++;
	}
	return st->row < st->ntuples ? DB_ROW : DB_DONE;
}

static int64_t pg_changes(struct db_stmt *s)
{
	return ((struct pg_stmt *)s)->changes;
}

static int pg_col_count(struct db_stmt *s)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	return st->res ? PQnfields(st->res) : 0;
}

/* True when (current row, col) names a cell of the result. */
static int pg_cell_ok(const struct pg_stmt *st, int col)
{
	return st->res && st->row >= 0 && st->row < st->ntuples && col >= 0 &&
	       col < PQnfields(st->res);
}

static int pg_col_is_null(struct db_stmt *s, int col)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	return !pg_cell_ok(st, col) || PQgetisnull(st->res, st->row, col);
}

static const char *pg_col_text(struct db_stmt *s, int col)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	if (pg_col_is_null(s, col)) {
		return NULL;
	}
	return PQgetvalue(st->res, st->row, col);
}

static int64_t pg_col_int64(struct db_stmt *s, int col)
{
	const char *v = pg_col_text(s, col);
	return v ? strtoll(v, NULL, 10) : 0;
}

static double pg_col_double(struct db_stmt *s, int col)
{
	const char *v = pg_col_text(s, col);
	return v ? strtod(v, NULL) : 0.0;
}

static const void *pg_col_blob(struct db_stmt *s, int col, size_t *n)
{
	struct pg_stmt *st = (struct pg_stmt *)s;
	const void *p = NULL;
	size_t len = 0;
	const char *v = pg_col_text(s, col);
	if (!v) {
		goto out;
	}
	/* Decoded once per row and column, so every pointer handed out lives until the next step. */
	if (col >= st->nblobs) {
		int nf = PQnfields(st->res);
		st->blobs = xrealloc(st->blobs, (size_t)nf * sizeof *st->blobs);
		st->blob_lens = xrealloc(st->blob_lens, (size_t)nf * sizeof *st->blob_lens);
		for (int i = st->nblobs; i < nf; i++) {
			st->blobs[i] = NULL;
			st->blob_lens[i] = 0;
		}
		st->nblobs = nf;
	}
	if (!st->blobs[col]) {
		st->blobs[col] = PQunescapeBytea((const unsigned char *)v, &st->blob_lens[col]);
		if (!st->blobs[col]) {
			st->blob_lens[col] = 0;
			goto out;
		}
	}
	p = st->blobs[col];
	len = st->blob_lens[col];
out:
	if (n) {
		*n = len;
	}
	return p;
}

static void pg_set_streaming(struct db *db, int on)
{
	((struct pg_db *)db)->stream = on;
}

static const struct db_driver db_pg_driver = {
	.kind = DB_POSTGRES,
	.close = pg_close,
	.errmsg = pg_errmsg,
	.exec = pg_exec,
	.in_transaction = pg_in_transaction,
	.prepare = pg_prepare,
	.stmt_free = pg_stmt_free,
	.reset = pg_reset,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.changes = pg_changes,
	.col_count = pg_col_count,
	.col_is_null = pg_col_is_null,
	.col_int64 = pg_col_int64,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.set_streaming = pg_set_streaming,
};
