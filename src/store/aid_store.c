/* aid_store.c — the creation ledger's aid records (帮扶记录) and their totals by kind (store
 * layer). Scoped by the record's unit; the partner's name is joined. Money stays integer fen. */
#include "aid_store.h"

#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

#define AID_SELECT                                                                                 \
	"SELECT a.id, a.unit_id, u.name, u.region_code, a.kind, COALESCE(a.partner_id, 0), "            \
	"COALESCE(p.name, ''), a.aid_date, a.year, COALESCE(a.end_date, ''), a.person, a.item, a.quantity, " \
	"a.quantity_unit, a.amount_fen, a.description, a.version, a.created_at, a.updated_at"           \
	" FROM aid_records a JOIN units u ON u.id = a.unit_id LEFT JOIN partners p ON p.id = a.partner_id"

static void aid_read(struct db_stmt *st, struct aid_record *a)
{
	a->id = db_col_int64(st, 0);
	a->unit_id = db_col_int64(st, 1);
	str_copy(a->unit_name, sizeof a->unit_name, db_col_text(st, 2));
	str_copy(a->unit_region_code, sizeof a->unit_region_code, db_col_text(st, 3));
	str_copy(a->kind, sizeof a->kind, db_col_text(st, 4));
	a->partner_id = db_col_int64(st, 5);
	str_copy(a->partner_name, sizeof a->partner_name, db_col_text(st, 6));
	str_copy(a->aid_date, sizeof a->aid_date, db_col_text(st, 7));
	a->year = (int)db_col_int64(st, 8);
	str_copy(a->end_date, sizeof a->end_date, db_col_text(st, 9));
	str_copy(a->person, sizeof a->person, db_col_text(st, 10));
	str_copy(a->item, sizeof a->item, db_col_text(st, 11));
	a->quantity = db_col_int64(st, 12);
	str_copy(a->quantity_unit, sizeof a->quantity_unit, db_col_text(st, 13));
	a->amount_fen = db_col_int64(st, 14);
	str_copy(a->description, sizeof a->description, db_col_text(st, 15));
	a->version = db_col_int64(st, 16);
	a->created_at = db_col_int64(st, 17);
	a->updated_at = db_col_int64(st, 18);
}

static void aid_read_any(struct db_stmt *st, void *out)
{
	aid_read(st, out);
}

/* The filter's FROM-less condition; the query has `aid_records a JOIN units u`. */
static void aid_filter_sql(struct sqlb *q, const struct scope *scope, const struct aid_filter *f)
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
	if (f->kind && *f->kind) {
		sqlb_sql(q, " AND a.kind = ");
		sqlb_text(q, f->kind);
	}
	if (f->year) {
		sqlb_sql(q, " AND a.year = ");
		sqlb_int(q, f->year);
	}
	if (f->from && *f->from) {
		sqlb_sql(q, " AND a.aid_date >= ");
		sqlb_text(q, f->from);
	}
	if (f->to && *f->to) {
		sqlb_sql(q, " AND a.aid_date <= ");
		sqlb_text(q, f->to);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "a.item", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "a.person", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "a.description", f->q, 1);
		sqlb_sql(q, ")");
	}
}

struct aid_list_cb {
	void (*fn)(const struct aid_record *row, void *ctx);
	void *ctx;
	struct aid_record row; /* ~9 KB: kept off the stack of the row callback */
};

static void aid_store_row(struct db_stmt *st, void *arg)
{
	struct aid_list_cb *cb = arg;
	aid_read(st, &cb->row);
	cb->fn(&cb->row, cb->ctx);
}

enum err aid_store_list(struct db *db, const struct scope *scope, const struct aid_filter *f,
			void (*fn)(const struct aid_record *a, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM aid_records a JOIN units u ON u.id = a.unit_id");
	aid_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, AID_SELECT);
	aid_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY a.aid_date DESC, a.id DESC LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct aid_list_cb cb = {.fn = fn, .ctx = ctx};
	return sqlb_list(db, &count, &page, total, aid_store_row, &cb);
}

enum err aid_store_totals(struct db *db, const struct scope *scope, const struct aid_filter *f,
			  void (*fn)(const struct aid_totals_row *t, void *ctx), void *ctx)
{
	struct sqlb q;
	struct db_stmt *st = NULL;
	sqlb_init(&q);
	/* SUM over BIGINT is numeric in PostgreSQL: cast back so both engines answer an integer. */
	sqlb_sql(&q, "SELECT a.kind, count(*), CAST(COALESCE(SUM(a.amount_fen), 0) AS BIGINT),"
		     " CAST(COALESCE(SUM(CASE WHEN a.quantity_unit = 'kg' THEN a.quantity ELSE 0 END), 0) AS BIGINT)"
		     " FROM aid_records a JOIN units u ON u.id = a.unit_id");
	aid_filter_sql(&q, scope, f);
	sqlb_sql(&q, " GROUP BY a.kind ORDER BY CASE a.kind WHEN 'first_secretary' THEN 1 WHEN 'industry_project' THEN 2"
		     " WHEN 'purchase_aid' THEN 3 WHEN 'donation' THEN 4 ELSE 5 END");
	enum err e = ERR_DB;
	if (sqlb_prepare(&q, db, &st) == DB_OK) {
		enum db_rc rc;
		while ((rc = db_step(st)) == DB_ROW) {
			struct aid_totals_row t = {db_col_text(st, 0), db_col_int64(st, 1), db_col_int64(st, 2),
						   db_col_int64(st, 3)};
			fn(&t, ctx);
		}
		e = rc == DB_DONE ? ERR_OK : ERR_DB;
	}
	db_stmt_free(st);
	sqlb_cleanup(&q);
	return e;
}

enum err aid_store_get(struct db *db, const struct scope *scope, int64_t id, struct aid_record *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, AID_SELECT " WHERE a.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, aid_read_any, out);
}

static void aid_bind(struct db_stmt *st, const struct aid_record *a)
{
	db_bind_int64(st, 1, a->unit_id);
	db_bind_text(st, 2, a->kind, -1);
	if (a->partner_id) {
		db_bind_int64(st, 3, a->partner_id);
	} else {
		db_bind_null(st, 3);
	}
	db_bind_text(st, 4, a->aid_date, -1);
	db_bind_int64(st, 5, a->year);
	db_bind_text(st, 6, a->end_date[0] ? a->end_date : NULL, -1);
	db_bind_text(st, 7, a->person, -1);
	db_bind_text(st, 8, a->item, -1);
	db_bind_int64(st, 9, a->quantity);
	db_bind_text(st, 10, a->quantity_unit, -1);
	db_bind_int64(st, 11, a->amount_fen);
	db_bind_text(st, 12, a->description, -1);
}

enum err aid_store_insert(struct db *db, struct aid_record *a, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO aid_records (unit_id, kind, partner_id, aid_date, year, end_date, person, item, quantity,"
		       " quantity_unit, amount_fen, description, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	aid_bind(st, a);
	db_bind_int64(st, 13, now);
	db_bind_int64(st, 14, now);
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

enum err aid_store_update(struct db *db, struct aid_record *a, int64_t expected_version, int64_t now,
			  struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE aid_records SET unit_id = ?, kind = ?, partner_id = ?, aid_date = ?, year = ?, end_date = ?,"
		       " person = ?, item = ?, quantity = ?, quantity_unit = ?, amount_fen = ?, description = ?,"
		       " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	aid_bind(st, a);
	db_bind_int64(st, 13, now);
	db_bind_int64(st, 14, a->id);
	db_bind_int64(st, 15, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		a->version = expected_version + 1;
		a->updated_at = now;
	}
	return e;
}

enum err aid_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	return sqlb_delete_versioned(db, "DELETE FROM aid_records WHERE id = ? AND version = ?", id, expected_version,
				     "该帮扶记录仍被引用，不能删除", d);
}
