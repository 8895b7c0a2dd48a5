/* sqlb.c — SQL builder with bound values (store layer). */
#include "sqlb.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

void sqlb_init(struct sqlb *q)
{
	buf_init(&q->sql);
	q->n_args = 0;
}

void sqlb_cleanup(struct sqlb *q)
{
	for (int i = 0; i < q->n_args; i++) {
		free(q->args[i].p);
	}
	buf_cleanup(&q->sql);
	q->n_args = 0;
}

void sqlb_sql(struct sqlb *q, const char *text)
{
	buf_puts(&q->sql, text);
}

static struct sqlb_arg *sqlb_next(struct sqlb *q)
{
	if (q->n_args >= SQLB_MAX_ARGS) {
		abort(); /* a programming error: queries are built from fixed filter lists */
	}
	buf_putc(&q->sql, '?');
	struct sqlb_arg *a = &q->args[q->n_args++];
	memset(a, 0, sizeof *a);
	return a;
}

void sqlb_int(struct sqlb *q, int64_t v)
{
	struct sqlb_arg *a = sqlb_next(q);
	a->type = 1;
	a->i = v;
}

void sqlb_text(struct sqlb *q, const char *s)
{
	struct sqlb_arg *a = sqlb_next(q);
	if (!s) {
		a->type = 4;
		return;
	}
	a->type = 2;
	a->len = strlen(s);
	a->p = xstrndup(s, a->len);
}

void sqlb_blob(struct sqlb *q, const void *p, size_t n)
{
	struct sqlb_arg *a = sqlb_next(q);
	a->type = 3;
	a->len = n;
	a->p = xmalloc(n ? n : 1);
	memcpy(a->p, p, n);
}

enum db_rc sqlb_prepare(struct sqlb *q, struct db *db, struct db_stmt **out)
{
	enum db_rc rc = db_prepare(db, q->sql.data ? q->sql.data : "", out);
	if (rc != DB_OK) {
		return rc;
	}
	for (int i = 0; i < q->n_args; i++) {
		struct sqlb_arg *a = &q->args[i];
		switch (a->type) {
		case 1: db_bind_int64(*out, i + 1, a->i); break;
		case 2: db_bind_text(*out, i + 1, a->p, (int)a->len); break;
		case 3: db_bind_blob(*out, i + 1, a->p, a->len); break;
		default: db_bind_null(*out, i + 1); break;
		}
	}
	return DB_OK;
}

void sqlb_like(struct sqlb *q, const char *column, const char *text, int anywhere)
{
	struct buf like;
	buf_init(&like);
	if (anywhere) {
		buf_putc(&like, '%');
	}
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\') {
			buf_putc(&like, '\\');
		}
		buf_putc(&like, *p);
	}
	buf_putc(&like, '%');
	sqlb_sql(q, column);
	sqlb_sql(q, " LIKE ");
	sqlb_text(q, like.data);
	sqlb_sql(q, " ESCAPE '\\'");
	buf_cleanup(&like);
}

enum err sqlb_fetch_one(struct sqlb *q, struct db *db, void (*read)(struct db_stmt *st, void *out), void *out)
{
	struct db_stmt *st;
	enum err e = ERR_DB;
	if (sqlb_prepare(q, db, &st) == DB_OK) {
		enum db_rc rc = db_step(st);
		if (rc == DB_ROW) {
			read(st, out);
			e = ERR_OK;
		} else if (rc == DB_DONE) {
			e = ERR_NOT_FOUND;
		}
		db_stmt_free(st);
	}
	sqlb_cleanup(q);
	return e;
}

enum err sqlb_list(struct db *db, struct sqlb *count, struct sqlb *page, int64_t *total,
		   void (*row)(struct db_stmt *st, void *ctx), void *ctx)
{
	struct db_stmt *st = NULL;
	enum err e = ERR_DB;
	if (sqlb_prepare(count, db, &st) != DB_OK || db_step(st) != DB_ROW) {
		goto out;
	}
	*total = db_col_int64(st, 0);
	db_stmt_free(st);
	st = NULL;
	if (sqlb_prepare(page, db, &st) != DB_OK) {
		goto out;
	}
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		row(st, ctx);
	}
	e = rc == DB_DONE ? ERR_OK : ERR_DB;
out:
	db_stmt_free(st);
	sqlb_cleanup(count);
	sqlb_cleanup(page);
	return e;
}

enum err sqlb_step_versioned(struct db *db, struct db_stmt *st, struct err_detail *d)
{
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc != DB_DONE) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	} else if (db_changes(st) != 1) {
		e = err_set(d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	}
	db_stmt_free(st);
	return e;
}

enum err sqlb_delete_versioned(struct db *db, const char *sql, int64_t id, int64_t expected_version,
			       const char *in_use_message, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, expected_version);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_E_FOREIGN) {
		e = err_set(d, ERR_CONFLICT, "in_use", NULL, in_use_message);
	} else if (rc != DB_DONE) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	} else if (db_changes(st) != 1) {
		e = err_set(d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	}
	db_stmt_free(st);
	return e;
}
