/* activity_store.c — activities of the creation ledger (store layer). */
#include "activity_store.h"

#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

#define ACTIVITY_SELECT                                                                            \
	"SELECT a.id, a.unit_id, u.name, u.region_code, a.type_code, COALESCE(d.label, a.type_code), "   \
	"COALESCE(a.festival, ''), a.title, a.activity_date, a.year, a.place, COALESCE(a.partner_id, 0), " \
	"COALESCE(p.name, ''), a.role, a.participants, a.description, a.version, a.created_at, a.updated_at" \
	" FROM activities a JOIN units u ON u.id = a.unit_id"                                          \
	" LEFT JOIN dict_items d ON d.kind = 'activity_type' AND d.code = a.type_code"                  \
	" LEFT JOIN partners p ON p.id = a.partner_id"

static void activity_read(struct db_stmt *st, struct activity *a)
{
	a->id = db_col_int64(st, 0);
	a->unit_id = db_col_int64(st, 1);
	str_copy(a->unit_name, sizeof a->unit_name, db_col_text(st, 2));
	str_copy(a->unit_region_code, sizeof a->unit_region_code, db_col_text(st, 3));
	str_copy(a->type_code, sizeof a->type_code, db_col_text(st, 4));
	str_copy(a->type_label, sizeof a->type_label, db_col_text(st, 5));
	str_copy(a->festival, sizeof a->festival, db_col_text(st, 6));
	str_copy(a->title, sizeof a->title, db_col_text(st, 7));
	str_copy(a->activity_date, sizeof a->activity_date, db_col_text(st, 8));
	a->year = (int)db_col_int64(st, 9);
	str_copy(a->place, sizeof a->place, db_col_text(st, 10));
	a->partner_id = db_col_int64(st, 11);
	str_copy(a->partner_name, sizeof a->partner_name, db_col_text(st, 12));
	str_copy(a->role, sizeof a->role, db_col_text(st, 13));
	a->participants = db_col_int64(st, 14);
	str_copy(a->description, sizeof a->description, db_col_text(st, 15));
	a->version = db_col_int64(st, 16);
	a->created_at = db_col_int64(st, 17);
	a->updated_at = db_col_int64(st, 18);
}

static void activity_read_any(struct db_stmt *st, void *out)
{
	activity_read(st, out);
}

static void activity_filter_sql(struct sqlb *q, const struct scope *scope, const struct activity_filter *f)
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
	if (f->partner_id) {
		sqlb_sql(q, " AND a.partner_id = ");
		sqlb_int(q, f->partner_id);
	}
	if (f->type_code && *f->type_code) {
		sqlb_sql(q, " AND a.type_code = ");
		sqlb_text(q, f->type_code);
	}
	if (f->festival && *f->festival) {
		sqlb_sql(q, " AND a.festival = ");
		sqlb_text(q, f->festival);
	}
	if (f->year) {
		sqlb_sql(q, " AND a.year = ");
		sqlb_int(q, f->year);
	}
	if (f->from && *f->from) {
		sqlb_sql(q, " AND a.activity_date >= ");
		sqlb_text(q, f->from);
	}
	if (f->to && *f->to) {
		sqlb_sql(q, " AND a.activity_date <= ");
		sqlb_text(q, f->to);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "a.title", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "u.name", f->q, 1);
		sqlb_sql(q, ")");
	}
}

struct activity_list_cb {
	void (*fn)(const struct activity *row, void *ctx);
	void *ctx;
};

static void activity_list_row(struct db_stmt *st, void *arg)
{
	struct activity_list_cb *cb = arg;
	struct activity a;
	activity_read(st, &a);
	cb->fn(&a, cb->ctx);
}

enum err activity_store_list(struct db *db, const struct scope *scope, const struct activity_filter *f,
			     void (*fn)(const struct activity *a, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM activities a JOIN units u ON u.id = a.unit_id");
	activity_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, ACTIVITY_SELECT);
	activity_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY a.activity_date DESC, a.id DESC LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct activity_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, activity_list_row, &cb);
}

enum err activity_store_get(struct db *db, const struct scope *scope, int64_t id, struct activity *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, ACTIVITY_SELECT " WHERE a.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, activity_read_any, out);
}

static void activity_bind(struct db_stmt *st, const struct activity *a)
{
	db_bind_int64(st, 1, a->unit_id);
	db_bind_text(st, 2, a->type_code, -1);
	db_bind_text(st, 3, a->festival[0] ? a->festival : NULL, -1);
	db_bind_text(st, 4, a->title, -1);
	db_bind_text(st, 5, a->activity_date, -1);
	db_bind_int64(st, 6, a->year);
	db_bind_text(st, 7, a->place, -1);
	if (a->partner_id) {
		db_bind_int64(st, 8, a->partner_id);
	} else {
		db_bind_null(st, 8);
	}
	db_bind_text(st, 9, a->role, -1);
	db_bind_int64(st, 10, a->participants);
	db_bind_text(st, 11, a->description, -1);
}

enum err activity_store_insert(struct db *db, struct activity *a, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO activities (unit_id, type_code, festival, title, activity_date, year, place, partner_id,"
		       " role, participants, description, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	activity_bind(st, a);
	db_bind_int64(st, 12, now);
	db_bind_int64(st, 13, now);
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

enum err activity_store_update(struct db *db, struct activity *a, int64_t expected_version, int64_t now,
			       struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE activities SET unit_id = ?, type_code = ?, festival = ?, title = ?, activity_date = ?,"
		       " year = ?, place = ?, partner_id = ?, role = ?, participants = ?, description = ?,"
		       " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	activity_bind(st, a);
	db_bind_int64(st, 12, now);
	db_bind_int64(st, 13, a->id);
	db_bind_int64(st, 14, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		a->version = expected_version + 1;
		a->updated_at = now;
	}
	return e;
}

enum err activity_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	return sqlb_delete_versioned(db, "DELETE FROM activities WHERE id = ? AND version = ?", id, expected_version, "该活动记录仍被引用，不能删除", d);
}

enum err activity_store_stats(struct db *db, const struct scope *scope, const struct activity_filter *f,
			      void (*fn)(const char *type_code, const char *type_label, int month, int64_t n,
					 int64_t participants, void *ctx),
			      void *ctx)
{
	struct sqlb q;
	struct db_stmt *st = NULL;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT a.type_code, COALESCE(d.label, a.type_code), CAST(substr(a.activity_date, 6, 2) AS INTEGER),"
		     " count(*), COALESCE(sum(a.participants), 0) FROM activities a JOIN units u ON u.id = a.unit_id"
		     " LEFT JOIN dict_items d ON d.kind = 'activity_type' AND d.code = a.type_code");
	activity_filter_sql(&q, scope, f);
	/* In the dictionary's order, so the types read as the office arranged them. */
	sqlb_sql(&q, " GROUP BY a.type_code, COALESCE(d.label, a.type_code), COALESCE(d.sort, 999999),"
		     " CAST(substr(a.activity_date, 6, 2) AS INTEGER) ORDER BY COALESCE(d.sort, 999999), 1, 3");
	enum err e = ERR_DB;
	if (sqlb_prepare(&q, db, &st) == DB_OK) {
		enum db_rc rc;
		while ((rc = db_step(st)) == DB_ROW) {
			fn(db_col_text(st, 0), db_col_text(st, 1), (int)db_col_int64(st, 2), db_col_int64(st, 3),
			   db_col_int64(st, 4), ctx);
		}
		e = rc == DB_DONE ? ERR_OK : ERR_DB;
	}
	db_stmt_free(st);
	sqlb_cleanup(&q);
	return e;
}

enum err activity_store_touch(struct db *db, struct activity *a, int64_t expected_version, int64_t now,
			      struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE activities SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?", &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, a->id);
	db_bind_int64(st, 3, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		a->version = expected_version + 1;
		a->updated_at = now;
	}
	return e;
}

enum err activity_store_month_counts(struct db *db, const struct scope *scope, const char *region, int year,
				     int titled_only,
				     void (*fn)(const struct activity_unit_ref *u, int month, int64_t n, void *ctx),
				     void *ctx)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT u.id, u.name, u.region_code, CASE WHEN u.top_title_id IS NULL THEN 0 ELSE 1 END,"
		     " COALESCE(CAST(substr(a.activity_date, 6, 2) AS INTEGER), 0), count(a.id)"
		     " FROM units u LEFT JOIN activities a ON a.unit_id = u.id AND a.year = ");
	sqlb_int(&q, year);
	sqlb_sql(&q, " WHERE u.status = 'active' AND ");
	scope_sql_unit(&q, scope, "u");
	if (region && *region) {
		struct scope rs = {.kind = SCOPE_REGION};
		str_copy(rs.region_code, sizeof rs.region_code, region);
		sqlb_sql(&q, " AND ");
		scope_sql_unit(&q, &rs, "u");
	}
	if (titled_only) {
		sqlb_sql(&q, " AND u.top_title_id IS NOT NULL");
	}
	sqlb_sql(&q, " GROUP BY u.id, u.name, u.region_code, u.top_title_id, u.name_key,"
		     " COALESCE(CAST(substr(a.activity_date, 6, 2) AS INTEGER), 0) ORDER BY u.name_key, u.id, 5");
	struct db_stmt *st;
	enum db_rc rc = sqlb_prepare(&q, db, &st);
	sqlb_cleanup(&q);
	if (rc != DB_OK) {
		return ERR_DB;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		struct activity_unit_ref u = {db_col_int64(st, 0), db_col_text(st, 1), db_col_text(st, 2),
					      (int)db_col_int64(st, 3)};
		fn(&u, (int)db_col_int64(st, 4), db_col_int64(st, 5), ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}
