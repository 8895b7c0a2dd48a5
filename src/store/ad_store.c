/* ad_store.c — the creation ledger's public-service ads (公益广告) (store layer). Lists are
 * ordered newest first: start date, then id, descending. */
#include "ad_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/xalloc.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

#define AD_SELECT                                                                                  \
	"SELECT a.id, a.unit_id, u.name, u.region_code, a.carrier, a.theme, a.count, a.start_date, "       \
	"COALESCE(a.end_date, ''), a.year, a.place, a.description, a.version, a.created_at, a.updated_at " \
	"FROM public_service_ads a JOIN units u ON u.id = a.unit_id"

static void ad_read(struct db_stmt *st, struct public_service_ad *a)
{
	a->id = db_col_int64(st, 0);
	a->unit_id = db_col_int64(st, 1);
	str_copy(a->unit_name, sizeof a->unit_name, db_col_text(st, 2));
	str_copy(a->unit_region_code, sizeof a->unit_region_code, db_col_text(st, 3));
	str_copy(a->carrier, sizeof a->carrier, db_col_text(st, 4));
	str_copy(a->theme, sizeof a->theme, db_col_text(st, 5));
	a->count = db_col_int64(st, 6);
	str_copy(a->start_date, sizeof a->start_date, db_col_text(st, 7));
	str_copy(a->end_date, sizeof a->end_date, db_col_text(st, 8));
	a->year = (int)db_col_int64(st, 9);
	str_copy(a->place, sizeof a->place, db_col_text(st, 10));
	str_copy(a->description, sizeof a->description, db_col_text(st, 11));
	a->version = db_col_int64(st, 12);
	a->created_at = db_col_int64(st, 13);
	a->updated_at = db_col_int64(st, 14);
}

static void ad_read_any(struct db_stmt *st, void *out)
{
	ad_read(st, out);
}

static void ad_filter_sql(struct sqlb *q, const struct scope *scope, const struct ad_filter *f)
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
		sqlb_sql(q, " AND a.unit_id = ");
		sqlb_int(q, f->unit_id);
	}
	if (f->carrier && *f->carrier) {
		sqlb_sql(q, " AND a.carrier = ");
		sqlb_text(q, f->carrier);
	}
	if (f->year) {
		sqlb_sql(q, " AND a.year = ");
		sqlb_int(q, f->year);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "a.theme", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "a.place", f->q, 1);
		sqlb_sql(q, ")");
	}
}

struct ad_list_cb {
	void (*fn)(const struct public_service_ad *row, void *ctx);
	void *ctx;
};

static void ad_list_row(struct db_stmt *st, void *arg)
{
	struct ad_list_cb *cb = arg;
	struct public_service_ad *a = xmalloc(sizeof *a);
	ad_read(st, a);
	cb->fn(a, cb->ctx);
	free(a);
}

enum err ad_store_list(struct db *db, const struct scope *scope, const struct ad_filter *f,
		       void (*fn)(const struct public_service_ad *a, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM public_service_ads a JOIN units u ON u.id = a.unit_id");
	ad_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, AD_SELECT);
	ad_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY a.start_date DESC, a.id DESC LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct ad_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, ad_list_row, &cb);
}

enum err ad_store_get(struct db *db, const struct scope *scope, int64_t id, struct public_service_ad *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, AD_SELECT " WHERE a.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, ad_read_any, out);
}

/* Binds parameters 1–9: unit_id, carrier, theme, count, start_date, end_date, year, place,
 * description. */
static void ad_bind(struct db_stmt *st, const struct public_service_ad *a)
{
	db_bind_int64(st, 1, a->unit_id);
	db_bind_text(st, 2, a->carrier, -1);
	db_bind_text(st, 3, a->theme, -1);
	db_bind_int64(st, 4, a->count);
	db_bind_text(st, 5, a->start_date, -1);
	db_bind_text(st, 6, a->end_date[0] ? a->end_date : NULL, -1);
	db_bind_int64(st, 7, a->year);
	db_bind_text(st, 8, a->place, -1);
	db_bind_text(st, 9, a->description, -1);
}

enum err ad_store_insert(struct db *db, struct public_service_ad *a, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO public_service_ads (unit_id, carrier, theme, count, start_date, end_date, year, place,"
		       " description, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
		       " RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	ad_bind(st, a);
	db_bind_int64(st, 10, now);
	db_bind_int64(st, 11, now);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_ROW) {
		a->id = db_col_int64(st, 0);
		a->version = 1;
		a->created_at = a->updated_at = now;
	} else {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_stmt_free(st);
	return e;
}

enum err ad_store_update(struct db *db, struct public_service_ad *a, int64_t expected_version, int64_t now,
			 struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE public_service_ads SET unit_id = ?, carrier = ?, theme = ?, count = ?, start_date = ?,"
		       " end_date = ?, year = ?, place = ?, description = ?, version = version + 1, updated_at = ?"
		       " WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	ad_bind(st, a);
	db_bind_int64(st, 10, now);
	db_bind_int64(st, 11, a->id);
	db_bind_int64(st, 12, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		a->version = expected_version + 1;
		a->updated_at = now;
	}
	return e;
}

enum err ad_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	return sqlb_delete_versioned(db, "DELETE FROM public_service_ads WHERE id = ? AND version = ?", id,
				     expected_version, "该公益广告记录仍被引用，不能删除", d);
}
