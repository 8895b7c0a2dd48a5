/* partner_store.c — partners, pairings and the coverage view (store layer). */
#include "partner_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/unit.h"
#include "../util/buf.h"
#include "../util/collate.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

#define PARTNER_FROM " FROM partners p JOIN regions r ON r.code = p.region_code"

static void partner_read(struct db_stmt *st, struct partner *p)
{
	p->id = db_col_int64(st, 0);
	str_copy(p->kind, sizeof p->kind, db_col_text(st, 1));
	str_copy(p->name, sizeof p->name, db_col_text(st, 2));
	str_copy(p->region_code, sizeof p->region_code, db_col_text(st, 3));
	str_copy(p->region_name, sizeof p->region_name, db_col_text(st, 4));
	str_copy(p->address, sizeof p->address, db_col_text(st, 5));
	str_copy(p->contact_name, sizeof p->contact_name, db_col_text(st, 6));
	str_copy(p->contact_phone, sizeof p->contact_phone, db_col_text(st, 7));
	p->households = db_col_int64(st, 8);
	p->population = db_col_int64(st, 9);
	str_copy(p->remark, sizeof p->remark, db_col_text(st, 10));
	p->version = db_col_int64(st, 11);
	p->created_at = db_col_int64(st, 12);
	p->updated_at = db_col_int64(st, 13);
	p->active_pairings = db_col_int64(st, 14);
}

static void partner_read_any(struct db_stmt *st, void *out)
{
	partner_read(st, out);
}

/* The SELECT head with the two `today` values of the active-pairings count bound. */
static void partner_select(struct sqlb *q, const char *today)
{
	sqlb_sql(q, "SELECT p.id, p.kind, p.name, p.region_code, r.name, p.address, p.contact_name, p.contact_phone,"
		    " p.households, p.population, p.remark, p.version, p.created_at, p.updated_at,"
		    " (SELECT count(*) FROM pairings x WHERE x.partner_id = p.id AND x.start_date <= ");
	sqlb_text(q, today);
	sqlb_sql(q, " AND (x.end_date IS NULL OR x.end_date >= ");
	sqlb_text(q, today);
	sqlb_sql(q, "))" PARTNER_FROM);
}

static void partner_filter_sql(struct sqlb *q, const struct scope *scope, const struct partner_filter *f)
{
	sqlb_sql(q, " WHERE ");
	scope_sql_located(q, scope, "p");
	if (f->region && *f->region) {
		struct scope rs = {.kind = SCOPE_REGION};
		str_copy(rs.region_code, sizeof rs.region_code, f->region);
		sqlb_sql(q, " AND ");
		scope_sql_located(q, &rs, "p");
	}
	if (f->kind && *f->kind) {
		sqlb_sql(q, " AND p.kind = ");
		sqlb_text(q, f->kind);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND ");
		sqlb_like(q, "p.name", f->q, 1);
	}
}

struct partner_list_cb {
	void (*fn)(const struct partner *row, void *ctx);
	void *ctx;
};

static void partner_list_row(struct db_stmt *st, void *arg)
{
	struct partner_list_cb *cb = arg;
	struct partner p;
	partner_read(st, &p);
	cb->fn(&p, cb->ctx);
}

enum err partner_store_list(struct db *db, const struct scope *scope, const struct partner_filter *f,
			    void (*fn)(const struct partner *p, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM partners p");
	partner_filter_sql(&count, scope, f);
	sqlb_init(&page);
	partner_select(&page, f->today);
	partner_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY p.name_key, p.id LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct partner_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, partner_list_row, &cb);
}

enum err partner_store_get(struct db *db, const struct scope *scope, int64_t id, const char *today,
			   struct partner *out)
{
	struct sqlb q;
	sqlb_init(&q);
	partner_select(&q, today);
	sqlb_sql(&q, " WHERE p.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_located(&q, scope, "p");
	return sqlb_fetch_one(&q, db, partner_read_any, out);
}

static void partner_bind(struct db_stmt *st, const struct partner *p)
{
	size_t kl;
	unsigned char *key = collate_key(p->name, &kl);
	char city[7], prov[7];
	unit_region_levels(p->region_code, city, prov);
	db_bind_text(st, 1, p->kind, -1);
	db_bind_text(st, 2, p->name, -1);
	db_bind_blob(st, 3, key, kl);
	db_bind_text(st, 4, p->region_code, -1);
	db_bind_text(st, 5, city, -1);
	db_bind_text(st, 6, prov, -1);
	db_bind_text(st, 7, p->address, -1);
	db_bind_text(st, 8, p->contact_name, -1);
	db_bind_text(st, 9, p->contact_phone, -1);
	db_bind_int64(st, 10, p->households);
	db_bind_int64(st, 11, p->population);
	db_bind_text(st, 12, p->remark, -1);
	free(key);
}

static enum err partner_write_error(struct db *db, enum db_rc rc, struct err_detail *d)
{
	if (rc == DB_E_UNIQUE) {
		return err_set(d, ERR_CONFLICT, "partner_exists", "name", "该行政区划内已有同名同类型的共建对象");
	}
	if (rc == DB_E_FOREIGN) {
		return err_set(d, ERR_NOT_FOUND, "region_not_found", "region_code", "行政区划不存在或不在您的管辖范围内");
	}
	return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
}

enum err partner_store_insert(struct db *db, struct partner *p, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO partners (kind, name, name_key, region_code, city_code, prov_code, address, contact_name,"
		       " contact_phone, households, population, remark, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	partner_bind(st, p);
	db_bind_int64(st, 13, now);
	db_bind_int64(st, 14, now);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_ROW) {
		p->id = db_col_int64(st, 0);
		p->version = 1;
		p->created_at = p->updated_at = now;
	} else {
		e = partner_write_error(db, rc, d);
	}
	db_stmt_free(st);
	return e;
}

enum err partner_store_update(struct db *db, struct partner *p, int64_t expected_version, int64_t now,
			      struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE partners SET kind = ?, name = ?, name_key = ?, region_code = ?, city_code = ?, prov_code = ?,"
		       " address = ?, contact_name = ?, contact_phone = ?, households = ?, population = ?, remark = ?,"
		       " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	partner_bind(st, p);
	db_bind_int64(st, 13, now);
	db_bind_int64(st, 14, p->id);
	db_bind_int64(st, 15, expected_version);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc != DB_DONE) {
		e = partner_write_error(db, rc, d);
	} else if (db_changes(st) != 1) {
		e = err_set(d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	} else {
		p->version = expected_version + 1;
		p->updated_at = now;
	}
	db_stmt_free(st);
	return e;
}

int partner_store_has_pairings(struct db *db, int64_t id)
{
	int64_t n = 0;
	struct db_stmt *st;
	if (db_prepare(db, "SELECT count(*) FROM pairings WHERE partner_id = ?", &st) != DB_OK) {
		return 1; /* fail closed: treat as in use */
	}
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW) {
		n = db_col_int64(st, 0);
	}
	db_stmt_free(st);
	return n > 0;
}

enum err partner_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	if (partner_store_has_pairings(db, id)) {
		return err_set(d, ERR_CONFLICT, "partner_in_use", NULL, "该共建对象已有结对记录，不能删除");
	}
	int64_t n = 0;
	struct db_stmt *st;
	if (db_prepare(db, "SELECT count(*) FROM activities WHERE partner_id = ?", &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW) {
		n = db_col_int64(st, 0);
	}
	db_stmt_free(st);
	if (n > 0) {
		return err_set(d, ERR_CONFLICT, "partner_in_use", NULL, "该共建对象已有活动记录，不能删除");
	}
	return sqlb_delete_versioned(db, "DELETE FROM partners WHERE id = ? AND version = ?", id, expected_version,
				       "该共建对象仍被引用，不能删除", d);
}

/* ---- pairings ---- */

#define PAIRING_SELECT                                                                             \
	"SELECT g.id, g.unit_id, u.name, u.region_code, g.partner_id, p.name, p.kind, r.name, g.kind, "   \
	"g.start_date, COALESCE(g.end_date, ''), g.note, g.version, g.created_at, g.updated_at"          \
	" FROM pairings g JOIN units u ON u.id = g.unit_id JOIN partners p ON p.id = g.partner_id"       \
	" JOIN regions r ON r.code = p.region_code"

static void pairing_read(struct db_stmt *st, struct pairing *p)
{
	p->id = db_col_int64(st, 0);
	p->unit_id = db_col_int64(st, 1);
	str_copy(p->unit_name, sizeof p->unit_name, db_col_text(st, 2));
	str_copy(p->unit_region_code, sizeof p->unit_region_code, db_col_text(st, 3));
	p->partner_id = db_col_int64(st, 4);
	str_copy(p->partner_name, sizeof p->partner_name, db_col_text(st, 5));
	str_copy(p->partner_kind, sizeof p->partner_kind, db_col_text(st, 6));
	str_copy(p->partner_region_name, sizeof p->partner_region_name, db_col_text(st, 7));
	str_copy(p->kind, sizeof p->kind, db_col_text(st, 8));
	str_copy(p->start_date, sizeof p->start_date, db_col_text(st, 9));
	str_copy(p->end_date, sizeof p->end_date, db_col_text(st, 10));
	str_copy(p->note, sizeof p->note, db_col_text(st, 11));
	p->version = db_col_int64(st, 12);
	p->created_at = db_col_int64(st, 13);
	p->updated_at = db_col_int64(st, 14);
}

static void pairing_read_any(struct db_stmt *st, void *out)
{
	pairing_read(st, out);
}

static void pairing_filter_sql(struct sqlb *q, const struct scope *scope, const struct pairing_filter *f)
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
		sqlb_sql(q, " AND g.unit_id = ");
		sqlb_int(q, f->unit_id);
	}
	if (f->partner_id) {
		sqlb_sql(q, " AND g.partner_id = ");
		sqlb_int(q, f->partner_id);
	}
	if (f->kind && *f->kind) {
		sqlb_sql(q, " AND g.kind = ");
		sqlb_text(q, f->kind);
	}
	if (f->active_on && *f->active_on) {
		sqlb_sql(q, " AND g.start_date <= ");
		sqlb_text(q, f->active_on);
		sqlb_sql(q, " AND (g.end_date IS NULL OR g.end_date >= ");
		sqlb_text(q, f->active_on);
		sqlb_sql(q, ")");
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "u.name", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "p.name", f->q, 1);
		sqlb_sql(q, ")");
	}
}

struct pairing_list_cb {
	void (*fn)(const struct pairing *row, void *ctx);
	void *ctx;
};

static void pairing_list_row(struct db_stmt *st, void *arg)
{
	struct pairing_list_cb *cb = arg;
	struct pairing p;
	pairing_read(st, &p);
	cb->fn(&p, cb->ctx);
}

enum err pairing_store_list(struct db *db, const struct scope *scope, const struct pairing_filter *f,
			    void (*fn)(const struct pairing *p, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM pairings g JOIN units u ON u.id = g.unit_id JOIN partners p ON p.id = g.partner_id");
	pairing_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, PAIRING_SELECT);
	pairing_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY u.name_key, g.kind, g.start_date DESC, g.id LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct pairing_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, pairing_list_row, &cb);
}

enum err pairing_store_get(struct db *db, const struct scope *scope, int64_t id, struct pairing *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, PAIRING_SELECT " WHERE g.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, pairing_read_any, out);
}

enum err pairing_store_check_overlap(struct db *db, const struct pairing *p, int64_t exclude_id,
				     struct err_detail *d)
{
	/* Two ranges overlap when each starts before the other ends (open ends never end). */
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT count(*) FROM pairings WHERE unit_id = ? AND partner_id = ? AND id <> ? AND"
		       " (end_date IS NULL OR end_date >= ?) AND (? = '' OR start_date <= ?)",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_int64(st, 1, p->unit_id);
	db_bind_int64(st, 2, p->partner_id);
	db_bind_int64(st, 3, exclude_id);
	db_bind_text(st, 4, p->start_date, -1);
	db_bind_text(st, 5, p->end_date, -1);
	db_bind_text(st, 6, p->end_date, -1);
	enum db_rc rc = db_step(st);
	int64_t n = rc == DB_ROW ? db_col_int64(st, 0) : -1;
	db_stmt_free(st);
	if (n < 0) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	if (n > 0) {
		return err_set(d, ERR_CONFLICT, "pairing_overlap", "start_date", "该单位与该共建对象在这段时间内已有结对记录");
	}
	return ERR_OK;
}

static void pairing_bind(struct db_stmt *st, const struct pairing *p)
{
	db_bind_int64(st, 1, p->unit_id);
	db_bind_int64(st, 2, p->partner_id);
	db_bind_text(st, 3, p->kind, -1);
	db_bind_text(st, 4, p->start_date, -1);
	db_bind_text(st, 5, p->end_date[0] ? p->end_date : NULL, -1);
	db_bind_text(st, 6, p->note, -1);
}

enum err pairing_store_insert(struct db *db, struct pairing *p, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO pairings (unit_id, partner_id, kind, start_date, end_date, note, version, created_at,"
		       " updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	pairing_bind(st, p);
	db_bind_int64(st, 7, now);
	db_bind_int64(st, 8, now);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_ROW) {
		p->id = db_col_int64(st, 0);
		p->version = 1;
		p->created_at = p->updated_at = now;
	} else {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_stmt_free(st);
	return e;
}

enum err pairing_store_update(struct db *db, struct pairing *p, int64_t expected_version, int64_t now,
			      struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE pairings SET unit_id = ?, partner_id = ?, kind = ?, start_date = ?, end_date = ?, note = ?,"
		       " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	pairing_bind(st, p);
	db_bind_int64(st, 7, now);
	db_bind_int64(st, 8, p->id);
	db_bind_int64(st, 9, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		p->version = expected_version + 1;
		p->updated_at = now;
	}
	return e;
}

enum err pairing_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	return sqlb_delete_versioned(db, "DELETE FROM pairings WHERE id = ? AND version = ?", id, expected_version,
				       "该结对记录仍被引用，不能删除", d);
}

enum err pairing_store_end_open(struct db *db, int64_t unit_id, const char *day, int64_t now, int *n)
{
	struct db_stmt *st;
	*n = 0;
	if (db_prepare(db,
		       "UPDATE pairings SET end_date = ?, version = version + 1, updated_at = ? WHERE unit_id = ? AND"
		       " start_date <= ? AND (end_date IS NULL OR end_date > ?)",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, day, -1);
	db_bind_int64(st, 2, now);
	db_bind_int64(st, 3, unit_id);
	db_bind_text(st, 4, day, -1);
	db_bind_text(st, 5, day, -1);
	enum db_rc rc = db_step(st);
	*n = (int)db_changes(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

/* ---- coverage ---- */

/* One coverage list: its count, then up to `limit` rows. head is the SELECT list; from_where the
 * rest up to (not including) the scope condition. */
static enum err coverage_list(struct db *db, int list, const char *from_where, const char *cols, const char *order,
			      const struct scope *scope, int unit_rows, const char *alias, const char *day,
			      int binds_day_twice, int limit, int64_t *count,
			      void (*fn)(int list, const struct coverage_row *row, void *ctx), void *ctx)
{
	struct sqlb q;
	struct db_stmt *st = NULL;
	enum err e = ERR_DB;
	for (int pass = 0; pass < (limit > 0 ? 2 : 1); pass++) {
		sqlb_init(&q);
		sqlb_sql(&q, pass == 0 ? "SELECT count(*)" : cols);
		sqlb_sql(&q, from_where);
		if (binds_day_twice) {
			sqlb_text(&q, day);
			sqlb_sql(&q, " AND (x.end_date IS NULL OR x.end_date >= ");
			sqlb_text(&q, day);
			sqlb_sql(&q, ")) AND ");
		}
		if (unit_rows) {
			scope_sql_unit(&q, scope, alias);
		} else {
			scope_sql_located(&q, scope, alias);
		}
		if (pass == 1) {
			sqlb_sql(&q, order);
			sqlb_sql(&q, " LIMIT ");
			sqlb_int(&q, limit);
		}
		if (sqlb_prepare(&q, db, &st) != DB_OK) {
			goto out;
		}
		enum db_rc rc;
		while ((rc = db_step(st)) == DB_ROW) {
			if (pass == 0) {
				*count = db_col_int64(st, 0);
				continue;
			}
			struct coverage_row row = {db_col_int64(st, 0), db_col_text(st, 1), db_col_text(st, 2),
						   db_col_count(st) > 3 ? db_col_text(st, 3) : NULL};
			fn(list, &row, ctx);
		}
		if (rc != DB_DONE) {
			goto out;
		}
		db_stmt_free(st);
		st = NULL;
		sqlb_cleanup(&q);
	}
	return ERR_OK;
out:
	db_stmt_free(st);
	sqlb_cleanup(&q);
	return e;
}

enum err pairing_store_coverage(struct db *db, const struct scope *unit_scope, const struct scope *partner_scope,
				const char *day, int limit, struct coverage_counts *c,
				void (*fn)(int list, const struct coverage_row *row, void *ctx), void *ctx)
{
	memset(c, 0, sizeof *c);
	static const char *unit_cols = "SELECT u.id, u.name, r.name";
	static const char *unit_order = " ORDER BY u.name_key, u.id";
	enum err e;
	if ((e = coverage_list(db, 3, " FROM units u JOIN regions r ON r.code = u.region_code WHERE u.status = 'active' AND ",
			       unit_cols, unit_order, unit_scope, 1, "u", day, 0, 0, &c->units_active, fn, ctx))) {
		return e;
	}
	if ((e = coverage_list(db, 0,
			       " FROM units u JOIN regions r ON r.code = u.region_code WHERE u.status = 'active' AND NOT EXISTS"
			       " (SELECT 1 FROM pairings x WHERE x.unit_id = u.id AND x.kind = 'city_creation' AND x.start_date <= ",
			       unit_cols, unit_order, unit_scope, 1, "u", day, 1, limit, &c->units_without_community, fn, ctx)) ||
	    (e = coverage_list(db, 1,
			       " FROM units u JOIN regions r ON r.code = u.region_code WHERE u.status = 'active' AND NOT EXISTS"
			       " (SELECT 1 FROM pairings x WHERE x.unit_id = u.id AND x.kind = 'rural_revitalization' AND"
			       " x.start_date <= ",
			       unit_cols, unit_order, unit_scope, 1, "u", day, 1, limit, &c->units_without_village, fn, ctx)) ||
	    (e = coverage_list(db, 3, " FROM partners p JOIN regions r ON r.code = p.region_code WHERE ",
			       "SELECT p.id, p.name, r.name, p.kind", " ORDER BY p.name_key, p.id", partner_scope, 0, "p",
			       day, 0, 0, &c->partners_total, fn, ctx)) ||
	    (e = coverage_list(db, 2,
			       " FROM partners p JOIN regions r ON r.code = p.region_code WHERE NOT EXISTS (SELECT 1 FROM"
			       " pairings x WHERE x.partner_id = p.id AND x.start_date <= ",
			       "SELECT p.id, p.name, r.name, p.kind", " ORDER BY p.name_key, p.id", partner_scope, 0, "p", day,
			       1, limit, &c->partners_without, fn, ctx))) {
		return e;
	}
	return ERR_OK;
}
