/* volunteer_store.c — volunteer rosters (store layer). */
#include "volunteer_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/collate.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

#define VOLUNTEER_SELECT                                                                           \
	"SELECT v.id, v.unit_id, u.name, u.region_code, v.name, v.gender, v.phone, v.platform_id, "      \
	"COALESCE(v.joined_date, ''), v.status, COALESCE(v.left_date, ''), v.remark, v.version, "        \
	"v.created_at, v.updated_at, "                                                                  \
	"CAST((SELECT COALESCE(SUM(av.minutes), 0) FROM activity_volunteers av WHERE av.volunteer_id = v.id)" \
	" + (SELECT COALESCE(SUM(h.minutes), 0) FROM hour_reports h WHERE h.volunteer_id = v.id"           \
	" AND h.status = 'approved') AS BIGINT) FROM volunteers v JOIN units u ON u.id = v.unit_id"

static void volunteer_read(struct db_stmt *st, struct volunteer *v)
{
	v->id = db_col_int64(st, 0);
	v->unit_id = db_col_int64(st, 1);
	str_copy(v->unit_name, sizeof v->unit_name, db_col_text(st, 2));
	str_copy(v->unit_region_code, sizeof v->unit_region_code, db_col_text(st, 3));
	str_copy(v->name, sizeof v->name, db_col_text(st, 4));
	str_copy(v->gender, sizeof v->gender, db_col_text(st, 5));
	str_copy(v->phone, sizeof v->phone, db_col_text(st, 6));
	str_copy(v->platform_id, sizeof v->platform_id, db_col_text(st, 7));
	str_copy(v->joined_date, sizeof v->joined_date, db_col_text(st, 8));
	str_copy(v->status, sizeof v->status, db_col_text(st, 9));
	str_copy(v->left_date, sizeof v->left_date, db_col_text(st, 10));
	str_copy(v->remark, sizeof v->remark, db_col_text(st, 11));
	v->version = db_col_int64(st, 12);
	v->created_at = db_col_int64(st, 13);
	v->updated_at = db_col_int64(st, 14);
	v->service_minutes = db_col_int64(st, 15);
}

static void volunteer_read_any(struct db_stmt *st, void *out)
{
	volunteer_read(st, out);
}

static void volunteer_filter_sql(struct sqlb *q, const struct scope *scope, const struct volunteer_filter *f)
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
		sqlb_sql(q, " AND v.unit_id = ");
		sqlb_int(q, f->unit_id);
	}
	if (f->status && *f->status) {
		sqlb_sql(q, " AND v.status = ");
		sqlb_text(q, f->status);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "v.name", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "v.platform_id", f->q, 0);
		sqlb_sql(q, ")");
	}
}

struct volunteer_list_cb {
	void (*fn)(const struct volunteer *row, void *ctx);
	void *ctx;
};

static void volunteer_list_row(struct db_stmt *st, void *arg)
{
	struct volunteer_list_cb *cb = arg;
	struct volunteer v;
	volunteer_read(st, &v);
	cb->fn(&v, cb->ctx);
}

enum err volunteer_store_list(struct db *db, const struct scope *scope, const struct volunteer_filter *f,
			      void (*fn)(const struct volunteer *v, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM volunteers v JOIN units u ON u.id = v.unit_id");
	volunteer_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, VOLUNTEER_SELECT);
	volunteer_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY u.name_key, v.unit_id, v.name_key, v.id LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct volunteer_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, volunteer_list_row, &cb);
}

enum err volunteer_store_get(struct db *db, const struct scope *scope, int64_t id, struct volunteer *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, VOLUNTEER_SELECT " WHERE v.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, volunteer_read_any, out);
}

static void volunteer_bind(struct db_stmt *st, const struct volunteer *v)
{
	size_t kl;
	unsigned char *key = collate_key(v->name, &kl);
	db_bind_int64(st, 1, v->unit_id);
	db_bind_text(st, 2, v->name, -1);
	db_bind_blob(st, 3, key, kl);
	db_bind_text(st, 4, v->gender, -1);
	db_bind_text(st, 5, v->phone, -1);
	db_bind_text(st, 6, v->platform_id, -1);
	db_bind_text(st, 7, v->joined_date[0] ? v->joined_date : NULL, -1);
	db_bind_text(st, 8, v->status, -1);
	db_bind_text(st, 9, v->left_date[0] ? v->left_date : NULL, -1);
	db_bind_text(st, 10, v->remark, -1);
	free(key);
}

enum err volunteer_store_insert(struct db *db, struct volunteer *v, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO volunteers (unit_id, name, name_key, gender, phone, platform_id, joined_date, status,"
		       " left_date, remark, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
		       " RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	volunteer_bind(st, v);
	db_bind_int64(st, 11, now);
	db_bind_int64(st, 12, now);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_ROW) {
		v->id = db_col_int64(st, 0);
		v->version = 1;
		v->created_at = v->updated_at = now;
	} else {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_stmt_free(st);
	return e;
}

enum err volunteer_store_update(struct db *db, struct volunteer *v, int64_t expected_version, int64_t now,
				struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE volunteers SET unit_id = ?, name = ?, name_key = ?, gender = ?, phone = ?, platform_id = ?,"
		       " joined_date = ?, status = ?, left_date = ?, remark = ?, version = version + 1, updated_at = ?"
		       " WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	volunteer_bind(st, v);
	db_bind_int64(st, 11, now);
	db_bind_int64(st, 12, v->id);
	db_bind_int64(st, 13, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		v->version = expected_version + 1;
		v->updated_at = now;
	}
	return e;
}

enum err volunteer_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	return sqlb_delete_versioned(db, "DELETE FROM volunteers WHERE id = ? AND version = ?", id, expected_version, "该志愿者仍被引用，不能删除", d);
}
