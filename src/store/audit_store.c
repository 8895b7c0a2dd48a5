/* audit_store.c — append-only hash-chained audit log (store layer). The chain head
 * (audit_head) is bumped with UPDATE … RETURNING, which serialises appenders on both engines. */
#include "audit_store.h"

#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/crypto.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

static void audit_field(struct buf *b, const char *s)
{
	if (!s) {
		buf_puts(b, "-|");
		return;
	}
	buf_printf(b, "%zu:", strlen(s));
	buf_puts(b, s);
	buf_putc(b, '|');
}

static void audit_hash(const struct audit_entry *e, const char *prev, char out[65])
{
	struct buf b;
	buf_init(&b);
	audit_field(&b, prev);
	buf_printf(&b, "%lld|%lld|%lld|", (long long)e->id, (long long)e->at_ms, (long long)e->actor_id);
	audit_field(&b, e->actor_name);
	audit_field(&b, e->action);
	audit_field(&b, e->entity);
	audit_field(&b, e->entity_id);
	audit_field(&b, e->region_code);
	audit_field(&b, e->before_json);
	audit_field(&b, e->after_json);
	audit_field(&b, e->request_id);
	audit_field(&b, e->ip);
	crypto_sha256_hex(b.data, b.len, out);
	buf_cleanup(&b);
}

enum err audit_append(struct db *db, const struct audit_entry *in)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, last_hash", &st) !=
	    DB_OK) {
		return ERR_DB;
	}
	if (db_step(st) != DB_ROW) {
		db_stmt_free(st);
		return ERR_DB;
	}
	struct audit_entry e = *in;
	e.id = db_col_int64(st, 0);
	char prev[65];
	snprintf(prev, sizeof prev, "%s", db_col_text(st, 1));
	db_stmt_free(st);
	if (!e.actor_name) e.actor_name = "";
	if (!e.entity_id) e.entity_id = "";
	if (!e.region_code) e.region_code = "";
	if (!e.request_id) e.request_id = "";
	if (!e.ip) e.ip = "";
	char hash[65];
	audit_hash(&e, prev, hash);
	if (db_prepare(db,
		       "INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, region_code,"
		       " before_json, after_json, request_id, ip, prev_hash, hash)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, e.id);
	db_bind_int64(st, 2, e.at_ms);
	if (e.actor_id) {
		db_bind_int64(st, 3, e.actor_id);
	} else {
		db_bind_null(st, 3);
	}
	db_bind_text(st, 4, e.actor_name, -1);
	db_bind_text(st, 5, e.action, -1);
	db_bind_text(st, 6, e.entity, -1);
	db_bind_text(st, 7, e.entity_id, -1);
	db_bind_text(st, 8, e.region_code, -1);
	db_bind_text(st, 9, e.before_json, -1);
	db_bind_text(st, 10, e.after_json, -1);
	db_bind_text(st, 11, e.request_id, -1);
	db_bind_text(st, 12, e.ip, -1);
	db_bind_text(st, 13, prev, -1);
	db_bind_text(st, 14, hash, -1);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return ERR_DB;
	}
	if (db_prepare(db, "UPDATE audit_head SET last_hash = ? WHERE id = 1", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, hash, -1);
	rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

#define AUDIT_COLUMNS                                                                              \
	"a.id, a.at, COALESCE(a.actor_id, 0), a.actor_name, a.action, a.entity, a.entity_id, a.region_code, " \
	"a.before_json, a.after_json, a.request_id, a.ip, a.prev_hash, a.hash "

static void audit_read(struct db_stmt *st, struct audit_entry *e)
{
	e->id = db_col_int64(st, 0);
	e->at_ms = db_col_int64(st, 1);
	e->actor_id = db_col_int64(st, 2);
	e->actor_name = db_col_text(st, 3);
	e->action = db_col_text(st, 4);
	e->entity = db_col_text(st, 5);
	e->entity_id = db_col_text(st, 6);
	e->region_code = db_col_text(st, 7);
	e->before_json = db_col_text(st, 8);
	e->after_json = db_col_text(st, 9);
	e->request_id = db_col_text(st, 10);
	e->ip = db_col_text(st, 11);
	e->prev_hash = db_col_text(st, 12);
	e->hash = db_col_text(st, 13);
}

static void audit_filter_sql(struct sqlb *q, const struct scope *scope, const struct audit_filter *f)
{
	sqlb_sql(q, " WHERE ");
	scope_sql_region(q, scope, "a.region_code");
	if (f->entity && *f->entity) {
		sqlb_sql(q, " AND a.entity = ");
		sqlb_text(q, f->entity);
	}
	if (f->entity_id && *f->entity_id) {
		sqlb_sql(q, " AND a.entity_id = ");
		sqlb_text(q, f->entity_id);
	}
	if (f->actor && *f->actor) {
		sqlb_sql(q, " AND a.actor_name = ");
		sqlb_text(q, f->actor);
	}
	if (f->action && *f->action) {
		sqlb_sql(q, " AND a.action = ");
		sqlb_text(q, f->action);
	}
	if (f->from_ms) {
		sqlb_sql(q, " AND a.at >= ");
		sqlb_int(q, f->from_ms);
	}
	if (f->to_ms) {
		sqlb_sql(q, " AND a.at < ");
		sqlb_int(q, f->to_ms);
	}
}

enum err audit_list(struct db *db, const struct scope *scope, const struct audit_filter *f,
		    void (*fn)(const struct audit_entry *e, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb q;
	struct db_stmt *st = NULL;
	enum err e = ERR_DB;
	sqlb_init(&q);
	/* Bounded count: an audit log grows without end, so totals stop at 100000. */
	sqlb_sql(&q, "SELECT count(*) FROM (SELECT 1 FROM audit_log a");
	audit_filter_sql(&q, scope, f);
	sqlb_sql(&q, " LIMIT 100000) c");
	if (sqlb_prepare(&q, db, &st) != DB_OK || db_step(st) != DB_ROW) {
		goto out;
	}
	*total = db_col_int64(st, 0);
	db_stmt_free(st);
	st = NULL;
	sqlb_cleanup(&q);
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT " AUDIT_COLUMNS "FROM audit_log a");
	audit_filter_sql(&q, scope, f);
	if (f->after_id > 0) {
		sqlb_sql(&q, " AND a.id < ");
		sqlb_int(&q, f->after_id);
	}
	sqlb_sql(&q, " ORDER BY a.id DESC LIMIT ");
	sqlb_int(&q, f->per_page);
	if (f->after_id <= 0) {
		sqlb_sql(&q, " OFFSET ");
		sqlb_int(&q, (int64_t)(f->page - 1) * f->per_page);
	}
	if (sqlb_prepare(&q, db, &st) != DB_OK) {
		goto out;
	}
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct audit_entry a;
		audit_read(st, &a);
		fn(&a, ctx);
	}
	e = rc == DB_DONE ? ERR_OK : ERR_DB;
out:
	db_stmt_free(st);
	sqlb_cleanup(&q);
	return e;
}

enum err audit_verify(struct db *db, int64_t *checked, int64_t *broken_id, char *why, size_t why_len)
{
	struct db_stmt *st;
	*checked = 0;
	*broken_id = 0;
	why[0] = '\0';
	if (db_prepare(db, "SELECT " AUDIT_COLUMNS "FROM audit_log a ORDER BY a.id", &st) != DB_OK) {
		snprintf(why, why_len, "%s", db_errmsg(db));
		return ERR_DB;
	}
	char prev[65] = "";
	int64_t expect_id = 0;
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct audit_entry a;
		audit_read(st, &a);
		expect_id++;
		char h[65];
		audit_hash(&a, prev, h);
		if (a.id != expect_id) {
			*broken_id = a.id;
			snprintf(why, why_len, "entry %lld follows %lld: entries are missing", (long long)a.id,
				 (long long)(expect_id - 1));
			break;
		}
		if (strcmp(a.prev_hash, prev) != 0) {
			*broken_id = a.id;
			snprintf(why, why_len, "entry %lld does not link to the previous entry's hash", (long long)a.id);
			break;
		}
		if (strcmp(a.hash, h) != 0) {
			*broken_id = a.id;
			snprintf(why, why_len, "entry %lld was altered: its content does not match its hash", (long long)a.id);
			break;
		}
		snprintf(prev, sizeof prev, "%s", a.hash);
		(*checked)++;
	}
	db_stmt_free(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		snprintf(why, why_len, "%s", db_errmsg(db));
		return ERR_DB;
	}
	if (!*broken_id) {
		int64_t seq = 0;
		char head[65] = "";
		if (db_prepare(db, "SELECT seq, last_hash FROM audit_head WHERE id = 1", &st) == DB_OK) {
			if (db_step(st) == DB_ROW) {
				seq = db_col_int64(st, 0);
				snprintf(head, sizeof head, "%s", db_col_text(st, 1));
			}
			db_stmt_free(st);
		}
		if (seq != *checked || strcmp(head, prev) != 0) {
			*broken_id = *checked + 1;
			snprintf(why, why_len, "the chain head says %lld entries but %lld were found: the newest entries were removed",
				 (long long)seq, (long long)*checked);
		}
	}
	return ERR_OK;
}
