/* exemplar_store.c — the creation ledger's exemplars (先进典型) (store layer). Lists are ordered
 * by year (newest first), then name in pinyin (name_key), then id. */
#include "exemplar_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/collate.h"
#include "../util/xalloc.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

#define EXEMPLAR_SELECT                                                                            \
	"SELECT x.id, x.unit_id, u.name, u.region_code, x.kind, x.name, x.level, x.year, x.virtue, x.deeds, " \
	"x.version, x.created_at, x.updated_at FROM exemplars x JOIN units u ON u.id = x.unit_id"

static void exemplar_read(struct db_stmt *st, struct exemplar *e)
{
	e->id = db_col_int64(st, 0);
	e->unit_id = db_col_int64(st, 1);
	str_copy(e->unit_name, sizeof e->unit_name, db_col_text(st, 2));
	str_copy(e->unit_region_code, sizeof e->unit_region_code, db_col_text(st, 3));
	str_copy(e->kind, sizeof e->kind, db_col_text(st, 4));
	str_copy(e->name, sizeof e->name, db_col_text(st, 5));
	str_copy(e->level, sizeof e->level, db_col_text(st, 6));
	e->year = (int)db_col_int64(st, 7);
	str_copy(e->virtue, sizeof e->virtue, db_col_text(st, 8));
	str_copy(e->deeds, sizeof e->deeds, db_col_text(st, 9));
	e->version = db_col_int64(st, 10);
	e->created_at = db_col_int64(st, 11);
	e->updated_at = db_col_int64(st, 12);
}

static void exemplar_read_any(struct db_stmt *st, void *out)
{
	exemplar_read(st, out);
}

static void exemplar_filter_sql(struct sqlb *q, const struct scope *scope, const struct exemplar_filter *f)
{
	sqlb_sql(q, " WHERE ");
	scope_sql_unit(q, scope, "u");
	if (f->region && *f->region) {
		struct scope rs = {.kind = SCOPE_REGION};
		str_copy(rs.region_code, sizeof rs.region_code, f->region);
		sqlb_sql(q, " AND ");
		scope_sql_unit(q, &rs, "u");
	}
	if (f->unit_id) {
		sqlb_sql(q, " AND x.unit_id = ");
		sqlb_int(q, f->unit_id);
	}
	if (f->kind && *f->kind) {
		sqlb_sql(q, " AND x.kind = ");
		sqlb_text(q, f->kind);
	}
	if (f->level && *f->level) {
		sqlb_sql(q, " AND x.level = ");
		sqlb_text(q, f->level);
	}
	if (f->year) {
		sqlb_sql(q, " AND x.year = ");
		sqlb_int(q, f->year);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "x.name", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "x.deeds", f->q, 1);
		sqlb_sql(q, ")");
	}
}

struct exemplar_list_cb {
	void (*fn)(const struct exemplar *row, void *ctx);
	void *ctx;
};

static void exemplar_list_row(struct db_stmt *st, void *arg)
{
	struct exemplar_list_cb *cb = arg;
	struct exemplar *e = xmalloc(sizeof *e);
	exemplar_read(st, e);
	cb->fn(e, cb->ctx);
	free(e);
}

enum err exemplar_store_list(struct db *db, const struct scope *scope, const struct exemplar_filter *f,
			     void (*fn)(const struct exemplar *e, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM exemplars x JOIN units u ON u.id = x.unit_id");
	exemplar_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, EXEMPLAR_SELECT);
	exemplar_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY x.year DESC, x.name_key, x.id LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct exemplar_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, exemplar_list_row, &cb);
}

enum err exemplar_store_get(struct db *db, const struct scope *scope, int64_t id, struct exemplar *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, EXEMPLAR_SELECT " WHERE x.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, exemplar_read_any, out);
}

/* Binds parameters 1–8: unit_id, kind, name, name_key, level, year, virtue, deeds. */
static void exemplar_bind(struct db_stmt *st, const struct exemplar *e)
{
	size_t kl;
	unsigned char *key = collate_key(e->name, &kl);
	db_bind_int64(st, 1, e->unit_id);
	db_bind_text(st, 2, e->kind, -1);
	db_bind_text(st, 3, e->name, -1);
	db_bind_blob(st, 4, key, kl);
	db_bind_text(st, 5, e->level, -1);
	db_bind_int64(st, 6, e->year);
	db_bind_text(st, 7, e->virtue, -1);
	db_bind_text(st, 8, e->deeds, -1);
	free(key);
}

enum err exemplar_store_insert(struct db *db, struct exemplar *e, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO exemplars (unit_id, kind, name, name_key, level, year, virtue, deeds, version, created_at,"
		       " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	exemplar_bind(st, e);
	db_bind_int64(st, 9, now);
	db_bind_int64(st, 10, now);
	enum db_rc rc = db_step(st);
	enum err err = ERR_OK;
	if (rc == DB_ROW) {
		e->id = db_col_int64(st, 0);
		e->version = 1;
		e->created_at = e->updated_at = now;
	} else {
		err = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_stmt_free(st);
	return err;
}

enum err exemplar_store_update(struct db *db, struct exemplar *e, int64_t expected_version, int64_t now,
			       struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE exemplars SET unit_id = ?, kind = ?, name = ?, name_key = ?, level = ?, year = ?, virtue = ?,"
		       " deeds = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	exemplar_bind(st, e);
	db_bind_int64(st, 9, now);
	db_bind_int64(st, 10, e->id);
	db_bind_int64(st, 11, expected_version);
	enum err err = sqlb_step_versioned(db, st, d);
	if (err == ERR_OK) {
		e->version = expected_version + 1;
		e->updated_at = now;
	}
	return err;
}

enum err exemplar_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	return sqlb_delete_versioned(db, "DELETE FROM exemplars WHERE id = ? AND version = ?", id, expected_version,
				     "该先进典型仍被引用，不能删除", d);
}
