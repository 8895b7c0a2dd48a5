/* user_store.c — users, sessions, API tokens, login throttling (store layer). */
#include "user_store.h"

#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

#define USER_COLUMNS                                                                               \
	"u.id, u.username, u.display_name, u.role, COALESCE(u.region_code, ''), COALESCE(r.name, ''), " \
	"COALESCE(u.unit_id, 0), COALESCE(un.name, ''), u.must_change_password, u.disabled, "          \
	"COALESCE(u.last_login_at, 0), u.version, u.created_at, u.updated_at, u.password_hash "
#define USER_FROM                                                                                  \
	"FROM users u LEFT JOIN regions r ON r.code = u.region_code LEFT JOIN units un ON un.id = u.unit_id "

static void user_copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static void user_read_row(struct db_stmt *st, int c, struct user *u)
{
	memset(u, 0, sizeof *u);
	u->id = db_col_int64(st, c + 0);
	user_copy(u->username, sizeof u->username, db_col_text(st, c + 1));
	user_copy(u->display_name, sizeof u->display_name, db_col_text(st, c + 2));
	user_copy(u->role, sizeof u->role, db_col_text(st, c + 3));
	user_copy(u->region_code, sizeof u->region_code, db_col_text(st, c + 4));
	user_copy(u->region_name, sizeof u->region_name, db_col_text(st, c + 5));
	u->unit_id = db_col_int64(st, c + 6);
	user_copy(u->unit_name, sizeof u->unit_name, db_col_text(st, c + 7));
	u->must_change_password = (int)db_col_int64(st, c + 8);
	u->disabled = (int)db_col_int64(st, c + 9);
	u->last_login_at = db_col_int64(st, c + 10);
	u->version = db_col_int64(st, c + 11);
	u->created_at = db_col_int64(st, c + 12);
	u->updated_at = db_col_int64(st, c + 13);
	user_copy(u->password_hash, sizeof u->password_hash, db_col_text(st, c + 14));
}

void user_to_principal(const struct user *u, struct principal *p)
{
	memset(p, 0, sizeof *p);
	p->user_id = u->id;
	user_copy(p->username, sizeof p->username, u->username);
	user_copy(p->display_name, sizeof p->display_name, u->display_name);
	user_copy(p->role, sizeof p->role, u->role);
	user_copy(p->region_code, sizeof p->region_code, u->region_code);
	p->role_bit = principal_role_bit(u->role);
	p->must_change_password = u->must_change_password;
	if (p->role_bit == ROLE_UNIT) {
		p->scope.kind = u->unit_id ? SCOPE_UNIT : SCOPE_NONE;
		p->scope.unit_id = u->unit_id;
	} else if (u->region_code[0]) {
		p->scope.kind = SCOPE_REGION;
		user_copy(p->scope.region_code, sizeof p->scope.region_code, u->region_code);
	} else {
		p->scope.kind = SCOPE_ALL;
	}
}

static void user_read_any(struct db_stmt *st, void *out)
{
	user_read_row(st, 0, out);
}

static enum err user_fetch_one(struct sqlb *q, struct db *db, struct user *out)
{
	return sqlb_fetch_one(q, db, user_read_any, out);
}

enum err user_store_get_by_username(struct db *db, const char *username, struct user *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT " USER_COLUMNS USER_FROM "WHERE u.username = ");
	sqlb_text(&q, username);
	return user_fetch_one(&q, db, out);
}

enum err user_store_get(struct db *db, const struct scope *scope, int64_t id, struct user *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT " USER_COLUMNS USER_FROM "WHERE u.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_region(&q, scope, "u.region_code");
	return user_fetch_one(&q, db, out);
}

static void user_filter_sql(struct sqlb *q, const struct scope *scope, const struct user_filter *f)
{
	sqlb_sql(q, "WHERE ");
	scope_sql_region(q, scope, "u.region_code");
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "u.username", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "u.display_name", f->q, 1);
		sqlb_sql(q, ")");
	}
	if (f->role && *f->role) {
		sqlb_sql(q, " AND u.role = ");
		sqlb_text(q, f->role);
	}
}

struct user_list_cb {
	void (*fn)(const struct user *row, void *ctx);
	void *ctx;
};

static void user_list_row(struct db_stmt *st, void *arg)
{
	struct user_list_cb *cb = arg;
	struct user u;
	user_read_row(st, 0, &u);
	cb->fn(&u, cb->ctx);
}

enum err user_store_list(struct db *db, const struct scope *scope, const struct user_filter *f,
			 void (*fn)(const struct user *u, void *ctx), void *ctx, int64_t *total)
{
	struct sqlb count, page;
	sqlb_init(&count);
	sqlb_sql(&count, "SELECT count(*) FROM users u ");
	user_filter_sql(&count, scope, f);
	sqlb_init(&page);
	sqlb_sql(&page, "SELECT " USER_COLUMNS USER_FROM);
	user_filter_sql(&page, scope, f);
	sqlb_sql(&page, " ORDER BY u.username LIMIT ");
	sqlb_int(&page, f->per_page);
	sqlb_sql(&page, " OFFSET ");
	sqlb_int(&page, (int64_t)(f->page - 1) * f->per_page);
	struct user_list_cb cb = {fn, ctx};
	return sqlb_list(db, &count, &page, total, user_list_row, &cb);
}

static void user_bind_nullable_text(struct db_stmt *st, int idx, const char *s)
{
	if (s && *s) {
		db_bind_text(st, idx, s, -1);
	} else {
		db_bind_null(st, idx);
	}
}

enum err user_store_insert(struct db *db, struct user *u, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO users (username, display_name, password_hash, role, region_code, unit_id,"
		       " must_change_password, disabled, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_text(st, 1, u->username, -1);
	db_bind_text(st, 2, u->display_name, -1);
	db_bind_text(st, 3, u->password_hash, -1);
	db_bind_text(st, 4, u->role, -1);
	user_bind_nullable_text(st, 5, u->region_code);
	if (u->unit_id) {
		db_bind_int64(st, 6, u->unit_id);
	} else {
		db_bind_null(st, 6);
	}
	db_bind_int64(st, 7, u->must_change_password);
	db_bind_int64(st, 8, u->disabled);
	db_bind_int64(st, 9, now);
	db_bind_int64(st, 10, now);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_ROW) {
		u->id = db_col_int64(st, 0);
		u->version = 1;
		u->created_at = u->updated_at = now;
	} else if (rc == DB_E_UNIQUE) {
		e = err_set(d, ERR_CONFLICT, "username_taken", "username", "用户名已存在");
	} else {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_stmt_free(st);
	return e;
}

enum err user_store_update(struct db *db, struct user *u, int64_t expected_version, int64_t now,
			   struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE users SET display_name = ?, role = ?, region_code = ?, unit_id = ?, disabled = ?,"
		       " must_change_password = ?, password_hash = ?, version = version + 1, updated_at = ?"
		       " WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_text(st, 1, u->display_name, -1);
	db_bind_text(st, 2, u->role, -1);
	user_bind_nullable_text(st, 3, u->region_code);
	if (u->unit_id) {
		db_bind_int64(st, 4, u->unit_id);
	} else {
		db_bind_null(st, 4);
	}
	db_bind_int64(st, 5, u->disabled);
	db_bind_int64(st, 6, u->must_change_password);
	db_bind_text(st, 7, u->password_hash, -1);
	db_bind_int64(st, 8, now);
	db_bind_int64(st, 9, u->id);
	db_bind_int64(st, 10, expected_version);
	enum err e = sqlb_step_versioned(db, st, d);
	if (e == ERR_OK) {
		u->version = expected_version + 1;
		u->updated_at = now;
	}
	return e;
}

static enum err user_exec_simple(struct db *db, const char *sql, int n, const int64_t *ints,
				 const char *text)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st) != DB_OK) {
		return ERR_DB;
	}
	int idx = 1;
	if (text) {
		db_bind_text(st, idx++, text, -1);
	}
	for (int i = 0; i < n; i++) {
		db_bind_int64(st, idx++, ints[i]);
	}
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE || rc == DB_ROW ? ERR_OK : ERR_DB;
}

enum err user_store_set_last_login(struct db *db, int64_t id, int64_t now)
{
	int64_t v[2] = {now, id};
	return user_exec_simple(db, "UPDATE users SET last_login_at = ? WHERE id = ?", 2, v, NULL);
}

int64_t user_store_count(struct db *db)
{
	int64_t n = 0;
	db_exec_int64(db, "SELECT count(*) FROM users", &n);
	return n;
}

/* ---- sessions ---- */

enum err session_store_create(struct db *db, const char *id, int64_t user_id, const char *csrf,
			      const char *ip, int64_t now)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, ip)"
		       " VALUES (?, ?, ?, ?, ?, ?)",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, id, -1);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, csrf, -1);
	db_bind_int64(st, 4, now);
	db_bind_int64(st, 5, now);
	db_bind_text(st, 6, ip, -1);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err session_store_lookup(struct db *db, const char *id, int64_t now, int idle_s, int max_s,
			      struct user *u, char csrf[64])
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT s.created_at, s.last_seen_at, s.csrf_token, " USER_COLUMNS
		       "FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN regions r ON r.code = u.region_code"
		       " LEFT JOIN units un ON un.id = u.unit_id WHERE s.id = ?",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, id, -1);
	enum db_rc rc = db_step(st);
	if (rc != DB_ROW) {
		db_stmt_free(st);
		return rc == DB_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	int64_t created = db_col_int64(st, 0), seen = db_col_int64(st, 1);
	snprintf(csrf, 64, "%s", db_col_text(st, 2));
	user_read_row(st, 3, u);
	db_stmt_free(st);
	if (now - seen > idle_s || now - created > max_s || u->disabled) {
		session_store_delete(db, id);
		return ERR_NOT_FOUND;
	}
	/* Record activity at most once a minute, but often enough for short idle limits. */
	if (now - seen >= (idle_s / 2 < 60 ? idle_s / 2 : 60)) {
		struct db_stmt *t;
		if (db_prepare(db, "UPDATE sessions SET last_seen_at = ? WHERE id = ?", &t) == DB_OK) {
			db_bind_int64(t, 1, now);
			db_bind_text(t, 2, id, -1);
			db_step(t);
			db_stmt_free(t);
		}
	}
	return ERR_OK;
}

enum err session_store_delete(struct db *db, const char *id)
{
	return user_exec_simple(db, "DELETE FROM sessions WHERE id = ?", 0, NULL, id);
}

enum err session_store_delete_for_user(struct db *db, int64_t user_id, const char *except_id)
{
	int64_t v[1] = {user_id};
	return user_exec_simple(db, "DELETE FROM sessions WHERE id <> ? AND user_id = ?", 1, v,
				except_id ? except_id : "");
}

/* ---- API tokens ---- */

enum err token_store_insert(struct db *db, const char *name, int64_t user_id, const char *hash,
			    int64_t now, int64_t *id)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO api_tokens (name, user_id, token_hash, created_at) VALUES (?, ?, ?, ?)"
		       " RETURNING id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, name, -1);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, hash, -1);
	db_bind_int64(st, 4, now);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
	}
	db_stmt_free(st);
	return rc == DB_ROW ? ERR_OK : ERR_DB;
}

enum err token_store_lookup(struct db *db, const char *hash, struct user *u)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT " USER_COLUMNS "FROM api_tokens t JOIN users u ON u.id = t.user_id"
		       " LEFT JOIN regions r ON r.code = u.region_code LEFT JOIN units un ON un.id = u.unit_id"
		       " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, hash, -1);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		user_read_row(st, 0, u);
	}
	db_stmt_free(st);
	return rc == DB_ROW ? ERR_OK : rc == DB_DONE ? ERR_NOT_FOUND : ERR_DB;
}

enum err token_store_revoke(struct db *db, const char *id_or_name, int64_t now)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE api_tokens SET revoked_at = ? WHERE revoked_at IS NULL AND"
		       " (name = ? OR CAST(id AS TEXT) = ?)",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, now);
	db_bind_text(st, 2, id_or_name, -1);
	db_bind_text(st, 3, id_or_name, -1);
	enum db_rc rc = db_step(st);
	int64_t n = db_changes(st);
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return ERR_DB;
	}
	return n > 0 ? ERR_OK : ERR_NOT_FOUND;
}

enum err token_store_list(struct db *db, struct buf *out)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT t.id, t.name, u.username, t.created_at, COALESCE(t.revoked_at, 0)"
		       " FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		buf_printf(out, "%lld\t%s\t%s\t%lld\t%lld\n", (long long)db_col_int64(st, 0), db_col_text(st, 1),
			   db_col_text(st, 2), (long long)db_col_int64(st, 3), (long long)db_col_int64(st, 4));
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

/* ---- login throttling ---- */

enum err throttle_check(struct db *db, const char *key, int64_t now, int *retry_after)
{
	struct db_stmt *st;
	*retry_after = 0;
	if (db_prepare(db, "SELECT locked_until FROM login_throttle WHERE key = ?", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, key, -1);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		int64_t until = db_col_int64(st, 0);
		if (until > now) {
			*retry_after = (int)(until - now);
		}
	}
	db_stmt_free(st);
	return rc == DB_ROW || rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err throttle_fail(struct db *db, const char *key, int64_t now, int max, int window_s, int lock_s)
{
	/* A new window starts when the old one has passed; the lock is set when the count reaches max. */
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES (?, 1, ?, 0)"
		       " ON CONFLICT (key) DO UPDATE SET"
		       " failures = CASE WHEN login_throttle.window_start < ? THEN 1 ELSE login_throttle.failures + 1 END,"
		       " window_start = CASE WHEN login_throttle.window_start < ? THEN ? ELSE login_throttle.window_start END"
		       " RETURNING failures",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, key, -1);
	db_bind_int64(st, 2, now);
	db_bind_int64(st, 3, now - window_s);
	db_bind_int64(st, 4, now - window_s);
	db_bind_int64(st, 5, now);
	enum db_rc rc = db_step(st);
	int64_t failures = rc == DB_ROW ? db_col_int64(st, 0) : 0;
	db_stmt_free(st);
	if (rc != DB_ROW) {
		return ERR_DB;
	}
	if (failures >= max) {
		int64_t v[2] = {now + lock_s, 0};
		if (db_prepare(db, "UPDATE login_throttle SET locked_until = ?, failures = 0, window_start = ? WHERE key = ?",
			       &st) != DB_OK) {
			return ERR_DB;
		}
		db_bind_int64(st, 1, v[0]);
		db_bind_int64(st, 2, now);
		db_bind_text(st, 3, key, -1);
		rc = db_step(st);
		db_stmt_free(st);
		return rc == DB_DONE ? ERR_OK : ERR_DB;
	}
	return ERR_OK;
}

enum err throttle_clear(struct db *db, const char *key)
{
	return user_exec_simple(db, "DELETE FROM login_throttle WHERE key = ?", 0, NULL, key);
}
