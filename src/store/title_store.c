/* title_store.c — titles and title events (store layer). */
#include "title_store.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"
#include "unit_store.h"

#define TITLE_COLUMNS                                                                              \
	"t.id, t.unit_id, u.name, u.region_code, t.level, t.tier, t.awarded_year, t.term_years, t.doc_no, " \
	"t.status, t.note, t.version, t.created_at, t.updated_at "
#define TITLE_FROM " FROM titles t JOIN units u ON u.id = t.unit_id"

static void title_copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static void title_read_row(struct db_stmt *st, struct title *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_col_int64(st, 0);
	t->unit_id = db_col_int64(st, 1);
	title_copy(t->unit_name, sizeof t->unit_name, db_col_text(st, 2));
	title_copy(t->region_code, sizeof t->region_code, db_col_text(st, 3));
	title_copy(t->level, sizeof t->level, db_col_text(st, 4));
	title_copy(t->tier, sizeof t->tier, db_col_text(st, 5));
	t->awarded_year = (int)db_col_int64(st, 6);
	t->term_years = (int)db_col_int64(st, 7);
	title_copy(t->doc_no, sizeof t->doc_no, db_col_text(st, 8));
	title_copy(t->status, sizeof t->status, db_col_text(st, 9));
	title_copy(t->note, sizeof t->note, db_col_text(st, 10));
	t->version = db_col_int64(st, 11);
	t->created_at = db_col_int64(st, 12);
	t->updated_at = db_col_int64(st, 13);
}

static void title_read_any(struct db_stmt *st, void *out)
{
	title_read_row(st, out);
}

static void title_filter_sql(struct sqlb *q, const struct scope *scope, const struct title_filter *f)
{
	sqlb_sql(q, " WHERE ");
	scope_sql_unit(q, scope, "u");
	if (f->region && *f->region) {
		struct scope rs = {.kind = SCOPE_REGION};
		title_copy(rs.region_code, sizeof rs.region_code, f->region);
		sqlb_sql(q, " AND ");
		scope_sql_unit(q, &rs, "u");
	}
	if (f->unit_id) {
		sqlb_sql(q, " AND t.unit_id = ");
		sqlb_int(q, f->unit_id);
	}
	if (f->level && *f->level) {
		sqlb_sql(q, " AND t.level = ");
		sqlb_text(q, f->level);
	}
	if (f->tier && *f->tier) {
		sqlb_sql(q, " AND t.tier = ");
		sqlb_text(q, f->tier);
	}
	if (f->status && *f->status) {
		sqlb_sql(q, " AND t.status = ");
		sqlb_text(q, f->status);
	}
	if (f->year) {
		sqlb_sql(q, " AND t.awarded_year = ");
		sqlb_int(q, f->year);
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "u.name", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "t.doc_no", f->q, 1);
		sqlb_sql(q, ")");
	}
}

struct title_list_cb {
	void (*fn)(const struct title *row, void *ctx);
	void *ctx;
};

static void title_list_row(struct db_stmt *st, void *arg)
{
	struct title_list_cb *cb = arg;
	struct title t;
	title_read_row(st, &t);
	cb->fn(&t, cb->ctx);
}

enum err title_store_list(struct db *db, const struct scope *scope, const struct title_filter *f,
			  void (*fn)(const struct title *t, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*)" TITLE_FROM);
	title_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, "SELECT " TITLE_COLUMNS TITLE_FROM);
	title_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY t.awarded_year DESC, u.name_key, t.id LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct title_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, title_list_row, &cb);
}

enum err title_store_get(struct db *db, const struct scope *scope, int64_t id, struct title *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT " TITLE_COLUMNS TITLE_FROM " WHERE t.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, title_read_any, out);
}

enum err title_store_insert(struct db *db, struct title *t, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO titles (unit_id, level, tier, awarded_year, term_years, doc_no, status, note, version,"
		       " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_int64(st, 1, t->unit_id);
	db_bind_text(st, 2, t->level, -1);
	db_bind_text(st, 3, t->tier, -1);
	db_bind_int64(st, 4, t->awarded_year);
	db_bind_int64(st, 5, t->term_years);
	db_bind_text(st, 6, t->doc_no, -1);
	db_bind_text(st, 7, t->status, -1);
	db_bind_text(st, 8, t->note, -1);
	db_bind_int64(st, 9, now);
	db_bind_int64(st, 10, now);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_ROW) {
		t->id = db_col_int64(st, 0);
		t->version = 1;
		t->created_at = t->updated_at = now;
	} else {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_stmt_free(st);
	if (e == ERR_OK && (unit_store_invalidate_counts(db) != ERR_OK || unit_store_refresh_top_title(db, t->unit_id) != ERR_OK)) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	return e;
}

enum err title_store_update(struct db *db, struct title *t, int64_t expected_version, int64_t now,
			    struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE titles SET status = ?, doc_no = ?, term_years = ?, note = ?, version = version + 1,"
		       " updated_at = ? WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_text(st, 1, t->status, -1);
	db_bind_text(st, 2, t->doc_no, -1);
	db_bind_int64(st, 3, t->term_years);
	db_bind_text(st, 4, t->note, -1);
	db_bind_int64(st, 5, now);
	db_bind_int64(st, 6, t->id);
	db_bind_int64(st, 7, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		t->version = expected_version + 1;
		t->updated_at = now;
	}
	if (e == ERR_OK && (unit_store_invalidate_counts(db) != ERR_OK || unit_store_refresh_top_title(db, t->unit_id) != ERR_OK)) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	return e;
}

enum err title_event_insert(struct db *db, const struct title_event *e, int64_t actor_id)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO title_events (title_id, from_status, to_status, reason, doc_no, actor_id, actor_name, at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, e->title_id);
	db_bind_text(st, 2, e->from_status[0] ? e->from_status : NULL, -1);
	db_bind_text(st, 3, e->to_status, -1);
	db_bind_text(st, 4, e->reason, -1);
	db_bind_text(st, 5, e->doc_no, -1);
	if (actor_id) {
		db_bind_int64(st, 6, actor_id);
	} else {
		db_bind_null(st, 6);
	}
	db_bind_text(st, 7, e->actor_name, -1);
	db_bind_int64(st, 8, e->at);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err title_store_end_all(struct db *db, int64_t unit_id, const char *status, const char *reason,
			     const char *doc_no, int64_t actor_id, const char *actor_name, int64_t now, int *n)
{
	struct db_stmt *st;
	*n = 0;
	if (db_prepare(db,
		       "UPDATE titles SET status = ?, version = version + 1, updated_at = ? WHERE unit_id = ? AND"
		       " status IN ('valid', 'criticized', 'yellow_card') RETURNING id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, status, -1);
	db_bind_int64(st, 2, now);
	db_bind_int64(st, 3, unit_id);
	int64_t ids[64];
	int k = 0;
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if (k < 64) {
			ids[k++] = db_col_int64(st, 0);
		}
	}
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return ERR_DB;
	}
	for (int i = 0; i < k; i++) {
		struct title_event ev;
		memset(&ev, 0, sizeof ev);
		ev.title_id = ids[i];
		title_copy(ev.from_status, sizeof ev.from_status, "valid");
		title_copy(ev.to_status, sizeof ev.to_status, status);
		title_copy(ev.reason, sizeof ev.reason, reason);
		title_copy(ev.doc_no, sizeof ev.doc_no, doc_no);
		title_copy(ev.actor_name, sizeof ev.actor_name, actor_name);
		ev.at = now;
		if (title_event_insert(db, &ev, actor_id) != ERR_OK) {
			return ERR_DB;
		}
	}
	*n = k;
	if (unit_store_refresh_top_title(db, unit_id) != ERR_OK) {
		return ERR_DB;
	}
	return unit_store_invalidate_counts(db);
}

enum err title_event_list_for_unit(struct db *db, int64_t unit_id,
				   void (*fn)(const struct title_event *e, void *ctx), void *ctx)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT e.id, e.title_id, COALESCE(e.from_status, ''), e.to_status, e.reason, e.doc_no,"
		       " e.actor_name, e.at FROM title_events e JOIN titles t ON t.id = e.title_id WHERE t.unit_id = ?"
		       " ORDER BY e.id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct title_event ev;
		memset(&ev, 0, sizeof ev);
		ev.id = db_col_int64(st, 0);
		ev.title_id = db_col_int64(st, 1);
		title_copy(ev.from_status, sizeof ev.from_status, db_col_text(st, 2));
		title_copy(ev.to_status, sizeof ev.to_status, db_col_text(st, 3));
		title_copy(ev.reason, sizeof ev.reason, db_col_text(st, 4));
		title_copy(ev.doc_no, sizeof ev.doc_no, db_col_text(st, 5));
		title_copy(ev.actor_name, sizeof ev.actor_name, db_col_text(st, 6));
		ev.at = db_col_int64(st, 7);
		fn(&ev, ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}
