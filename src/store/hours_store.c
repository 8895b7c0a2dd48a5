/* hours_store.c — volunteers' service hours, self-report links and hour reports (store layer). */
#include "hours_store.h"

#include <stdio.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../util/buf.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

static enum err hours_exec_id(struct db *db, const char *sql, int64_t id);

static enum err hours_db_err(struct db *db, struct err_detail *d)
{
	return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
}

enum err hours_store_served_list(struct db *db, int64_t activity_id, void (*fn)(const struct served *s, void *ctx),
				 void *ctx)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT av.volunteer_id, av.minutes, v.name, v.phone FROM activity_volunteers av"
		       " JOIN volunteers v ON v.id = av.volunteer_id WHERE av.activity_id = ? ORDER BY v.name_key, v.id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, activity_id);
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct served s;
		s.volunteer_id = db_col_int64(st, 0);
		s.minutes = db_col_int64(st, 1);
		str_copy(s.name, sizeof s.name, db_col_text(st, 2));
		str_copy(s.phone, sizeof s.phone, db_col_text(st, 3));
		fn(&s, ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

/* Checks one volunteer against the activity's unit and date. */
static enum err hours_check_volunteer(struct db *db, int64_t unit_id, const char *date, size_t i, int64_t vid,
				      struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT unit_id, COALESCE(joined_date, ''), status, COALESCE(left_date, '') FROM volunteers WHERE id = ?",
		       &st) != DB_OK) {
		return hours_db_err(db, d);
	}
	db_bind_int64(st, 1, vid);
	enum db_rc rc = db_step(st);
	char field[48];
	snprintf(field, sizeof field, "items[%zu].volunteer_id", i);
	enum err e = ERR_OK;
	if (rc == DB_ROW) {
		int64_t uid = db_col_int64(st, 0);
		char joined[11], status[8], left[11];
		str_copy(joined, sizeof joined, db_col_text(st, 1));
		str_copy(status, sizeof status, db_col_text(st, 2));
		str_copy(left, sizeof left, db_col_text(st, 3));
		if (uid != unit_id) {
			e = err_set(d, ERR_INVALID, "volunteer_not_in_unit", field, "该志愿者不在本单位的志愿者名册中");
		} else if ((joined[0] && strcmp(joined, date) > 0) || (strcmp(status, "left") == 0 && left[0] && strcmp(left, date) < 0)) {
			e = err_set(d, ERR_INVALID, "volunteer_not_active", field, "活动当天该志愿者不在册（加入前或已退出）");
		}
	} else if (rc == DB_DONE) {
		e = err_set(d, ERR_INVALID, "volunteer_not_in_unit", field, "该志愿者不在本单位的志愿者名册中");
	} else {
		e = hours_db_err(db, d);
	}
	db_stmt_free(st);
	return e;
}

enum err hours_store_served_replace(struct db *db, int64_t activity_id, int64_t unit_id, const char *date,
				    const struct served *items, size_t n, struct err_detail *d)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (items[j].volunteer_id == items[i].volunteer_id) {
				char field[48];
				snprintf(field, sizeof field, "items[%zu].volunteer_id", i);
				return err_set(d, ERR_INVALID, "duplicate_volunteer", field, "同一志愿者在一次活动中只能登记一次");
			}
		}
		enum err e = hours_check_volunteer(db, unit_id, date, i, items[i].volunteer_id, d);
		if (e != ERR_OK) {
			return e;
		}
	}
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM activity_volunteers WHERE activity_id = ?", &st) != DB_OK) {
		return hours_db_err(db, d);
	}
	db_bind_int64(st, 1, activity_id);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return hours_db_err(db, d);
	}
	if (n == 0) {
		return ERR_OK;
	}
	if (db_prepare(db, "INSERT INTO activity_volunteers (activity_id, volunteer_id, minutes) VALUES (?, ?, ?)", &st) != DB_OK) {
		return hours_db_err(db, d);
	}
	for (size_t i = 0; i < n; i++) {
		db_reset(st);
		db_bind_int64(st, 1, activity_id);
		db_bind_int64(st, 2, items[i].volunteer_id);
		db_bind_int64(st, 3, items[i].minutes);
		if (db_step(st) != DB_DONE) {
			enum err e = hours_db_err(db, d);
			db_stmt_free(st);
			return e;
		}
	}
	db_stmt_free(st);
	return ERR_OK;
}

enum err hours_store_served_upsert(struct db *db, int64_t activity_id, int64_t volunteer_id, int64_t minutes)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO activity_volunteers (activity_id, volunteer_id, minutes) VALUES (?, ?, ?)"
		       " ON CONFLICT (activity_id, volunteer_id) DO UPDATE SET minutes = excluded.minutes",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, activity_id);
	db_bind_int64(st, 2, volunteer_id);
	db_bind_int64(st, 3, minutes);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return ERR_DB;
	}
	return hours_exec_id(db, "UPDATE activities SET version = version + 1 WHERE id = ?", activity_id);
}

enum err hours_store_link_get(struct db *db, int64_t unit_id, char token[64], int64_t *created_at)
{
	struct db_stmt *st;
	token[0] = '\0';
	*created_at = 0;
	if (db_prepare(db, "SELECT token, created_at FROM self_report_links WHERE unit_id = ?", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		str_copy(token, 64, db_col_text(st, 0));
		*created_at = db_col_int64(st, 1);
	}
	db_stmt_free(st);
	return rc == DB_ROW || rc == DB_DONE ? ERR_OK : ERR_DB;
}

static enum err hours_exec_id(struct db *db, const char *sql, int64_t id)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, id);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

/* ERR_NOT_FOUND when the unit has no link (also when a concurrent request removed it first). */
enum err hours_store_link_delete(struct db *db, int64_t unit_id)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM self_report_links WHERE unit_id = ?", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	enum db_rc rc = db_step(st);
	int64_t n = rc == DB_DONE ? db_changes(st) : 0;
	db_stmt_free(st);
	return rc != DB_DONE ? ERR_DB : n == 0 ? ERR_NOT_FOUND : ERR_OK;
}

enum err hours_store_link_set(struct db *db, int64_t unit_id, const char *token, int64_t user_id, int64_t now)
{
	/* one upsert rather than delete + insert: two concurrent issuers for a unit then both succeed
	 * (the later token wins) instead of colliding on the unit's row (a 500 on PostgreSQL) */
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO self_report_links (unit_id, token, created_by, created_at) VALUES (?, ?, ?, ?)"
		       " ON CONFLICT (unit_id) DO UPDATE SET token = excluded.token, created_by = excluded.created_by,"
		       " created_at = excluded.created_at",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	db_bind_text(st, 2, token, -1);
	if (user_id) {
		db_bind_int64(st, 3, user_id);
	} else {
		db_bind_null(st, 3);
	}
	db_bind_int64(st, 4, now);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err hours_store_link_find(struct db *db, const char *token, int64_t *unit_id)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT l.unit_id FROM self_report_links l JOIN units u ON u.id = l.unit_id"
			   " WHERE l.token = ? AND u.status = 'active'",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, token, -1);
	enum db_rc rc = db_step(st);
	enum err e = rc == DB_ROW ? ERR_OK : rc == DB_DONE ? ERR_NOT_FOUND : ERR_DB;
	if (rc == DB_ROW) {
		*unit_id = db_col_int64(st, 0);
	}
	db_stmt_free(st);
	return e;
}

enum err hours_store_report_insert(struct db *db, struct hour_report *h, const char *client_ip, int64_t now,
				   struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO hour_reports (unit_id, name, phone, service_date, year, minutes, activity_id, description,"
		       " status, client_ip, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 1, ?, ?)"
		       " RETURNING id",
		       &st) != DB_OK) {
		return hours_db_err(db, d);
	}
	db_bind_int64(st, 1, h->unit_id);
	db_bind_text(st, 2, h->name, -1);
	db_bind_text(st, 3, h->phone, -1);
	db_bind_text(st, 4, h->service_date, -1);
	db_bind_int64(st, 5, h->year);
	db_bind_int64(st, 6, h->minutes);
	if (h->activity_id) {
		db_bind_int64(st, 7, h->activity_id);
	} else {
		db_bind_null(st, 7);
	}
	db_bind_text(st, 8, h->description, -1);
	db_bind_text(st, 9, client_ip, -1);
	db_bind_int64(st, 10, now);
	db_bind_int64(st, 11, now);
	enum err e = ERR_OK;
	if (db_step(st) == DB_ROW) {
		h->id = db_col_int64(st, 0);
		h->version = 1;
		h->created_at = now;
		str_copy(h->status, sizeof h->status, "pending");
	} else {
		e = hours_db_err(db, d);
	}
	db_stmt_free(st);
	return e;
}

#define REPORT_SELECT                                                                                       \
	"SELECT h.id, h.unit_id, u.name, COALESCE(h.volunteer_id, 0), COALESCE(v.name, ''), h.name, h.phone,"       \
	" h.service_date, h.year, h.minutes, COALESCE(h.activity_id, 0), COALESCE(a.title, ''), h.description,"    \
	" h.status, h.reason, COALESCE(du.display_name, ''), COALESCE(h.decided_at, 0), h.version, h.created_at,"  \
	" u.region_code"                                                                                            \
	" FROM hour_reports h JOIN units u ON u.id = h.unit_id LEFT JOIN volunteers v ON v.id = h.volunteer_id"     \
	" LEFT JOIN activities a ON a.id = h.activity_id LEFT JOIN users du ON du.id = h.decided_by"

static void report_read(struct db_stmt *st, void *out)
{
	struct hour_report *h = out;
	h->id = db_col_int64(st, 0);
	h->unit_id = db_col_int64(st, 1);
	str_copy(h->unit_name, sizeof h->unit_name, db_col_text(st, 2));
	h->volunteer_id = db_col_int64(st, 3);
	str_copy(h->volunteer_name, sizeof h->volunteer_name, db_col_text(st, 4));
	str_copy(h->name, sizeof h->name, db_col_text(st, 5));
	str_copy(h->phone, sizeof h->phone, db_col_text(st, 6));
	str_copy(h->service_date, sizeof h->service_date, db_col_text(st, 7));
	h->year = (int)db_col_int64(st, 8);
	h->minutes = db_col_int64(st, 9);
	h->activity_id = db_col_int64(st, 10);
	str_copy(h->activity_title, sizeof h->activity_title, db_col_text(st, 11));
	str_copy(h->description, sizeof h->description, db_col_text(st, 12));
	str_copy(h->status, sizeof h->status, db_col_text(st, 13));
	str_copy(h->reason, sizeof h->reason, db_col_text(st, 14));
	str_copy(h->decided_by, sizeof h->decided_by, db_col_text(st, 15));
	h->decided_at = db_col_int64(st, 16);
	h->version = db_col_int64(st, 17);
	h->created_at = db_col_int64(st, 18);
	str_copy(h->unit_region_code, sizeof h->unit_region_code, db_col_text(st, 19));
}

static void report_filter_sql(struct sqlb *q, const struct scope *scope, const struct hour_report_filter *f)
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
		sqlb_sql(q, " AND h.unit_id = ");
		sqlb_int(q, f->unit_id);
	}
	if (f->volunteer_id) {
		sqlb_sql(q, " AND h.volunteer_id = ");
		sqlb_int(q, f->volunteer_id);
	}
	if (f->status && *f->status) {
		sqlb_sql(q, " AND h.status = ");
		sqlb_text(q, f->status);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "h.name", f->q, 1);
		if (f->q_phone) {
			sqlb_sql(q, " OR ");
			sqlb_like(q, "h.phone", f->q, 0);
		}
		sqlb_sql(q, ")");
	}
}

struct report_list_cb {
	void (*fn)(const struct hour_report *h, void *ctx);
	void *ctx;
};

static void report_list_row(struct db_stmt *st, void *arg)
{
	struct report_list_cb *cb = arg;
	struct hour_report h;
	report_read(st, &h);
	cb->fn(&h, cb->ctx);
}

enum err hours_store_report_list(struct db *db, const struct scope *scope, const struct hour_report_filter *f,
				 void (*fn)(const struct hour_report *h, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM hour_reports h JOIN units u ON u.id = h.unit_id");
	report_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, REPORT_SELECT);
	report_filter_sql(&page, scope, f);
	/* pending first (oldest first: first come, first decided), then decided ones newest first */
	sqlb_sql(&page, " ORDER BY CASE WHEN h.status = 'pending' THEN 0 ELSE 1 END,"
			" CASE WHEN h.status = 'pending' THEN h.id ELSE -h.id END LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct report_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, report_list_row, &cb);
}

enum err hours_store_report_get(struct db *db, const struct scope *scope, int64_t id, struct hour_report *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, REPORT_SELECT " WHERE h.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, report_read, out);
}

enum err hours_store_report_decide(struct db *db, struct hour_report *h, int64_t user_id, int64_t expected_version,
				   int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE hour_reports SET status = ?, volunteer_id = ?, reason = ?, decided_by = ?, decided_at = ?,"
		       " version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'pending'",
		       &st) != DB_OK) {
		return hours_db_err(db, d);
	}
	db_bind_text(st, 1, h->status, -1);
	if (h->volunteer_id) {
		db_bind_int64(st, 2, h->volunteer_id);
	} else {
		db_bind_null(st, 2);
	}
	db_bind_text(st, 3, h->reason, -1);
	db_bind_int64(st, 4, user_id);
	db_bind_int64(st, 5, now);
	db_bind_int64(st, 6, now);
	db_bind_int64(st, 7, h->id);
	db_bind_int64(st, 8, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		h->version = expected_version + 1;
		h->decided_at = now;
	}
	return e;
}

enum err hours_store_match_phone(struct db *db, int64_t unit_id, const char *phone, int64_t *volunteer_id)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id, phone FROM volunteers WHERE unit_id = ? AND status = 'active' AND phone <> '' ORDER BY id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	char want[32], have[32];
	ledger_phone_digits(phone, want, sizeof want);
	int n = 0;
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		ledger_phone_digits(db_col_text(st, 1), have, sizeof have);
		if (strcmp(want, have) == 0 && n++ == 0) {
			*volunteer_id = db_col_int64(st, 0);
		}
	}
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return ERR_DB;
	}
	return n == 0 ? ERR_NOT_FOUND : n > 1 ? ERR_CONFLICT : ERR_OK;
}

enum err hours_store_recent_activities(struct db *db, int64_t unit_id, const char *since, const char *until, int max,
				       void (*fn)(int64_t id, const char *title, const char *date, void *ctx), void *ctx)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT id, title, activity_date FROM activities WHERE unit_id = ? AND activity_date >= ? AND activity_date <= ?"
		       " ORDER BY activity_date DESC, id DESC LIMIT ?",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	db_bind_text(st, 2, since, -1);
	db_bind_text(st, 3, until, -1);
	db_bind_int64(st, 4, max);
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		fn(db_col_int64(st, 0), db_col_text(st, 1), db_col_text(st, 2), ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}
