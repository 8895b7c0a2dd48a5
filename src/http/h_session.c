/* h_session.c — login, current session, logout, password change (http layer). */
#include <stdio.h>
#include <string.h>

#include "../app.h"
#include "../codec/registry_json.h"
#include "../domain/password.h"
#include "../store/db.h"
#include "../store/user_store.h"
#include "../util/crypto.h"
#include "../util/log.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static json_t *session_body(struct req *r, const struct user *u, const char *csrf)
{
	json_t *uj = user_to_json(u);
	json_object_set_new(uj, "role_label", json_string(principal_role_label(u->role)));
	return json_pack("{s:o, s:s, s:s}", "user", uj, "csrf_token", csrf, "office_name", r->app->cfg.office_name);
}

/* A fixed argon2id hash to verify against when the user does not exist, so that the answer
 * takes as long for unknown names as for wrong passwords. */
static const char *session_dummy_hash(void)
{
	static char hash[128];
	static int ready;
	if (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE)) {
		char tmp[128];
		crypto_password_hash("wenming-dummy-password-1", tmp);
		memcpy(hash, tmp, sizeof hash);
		__atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
	}
	return hash;
}

void h_session_create(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"username", JIN_STRING, 1, 1, 64, "用户名"},
		{"password", JIN_STRING, 1, 1, 128, "密码"},
	};
	json_t *body = handler_body_or_reply(r, fields, 2);
	if (!body) {
		return;
	}
	char username[260], password[520];
	json_in_str(body, "username", username, sizeof username);
	snprintf(password, sizeof password, "%s", json_string_value(json_object_get(body, "password")));
	struct db *db = req_db(r);
	int64_t now = handler_now();
	char ukey[300], ikey[80];
	snprintf(ukey, sizeof ukey, "u:%s", username);
	snprintf(ikey, sizeof ikey, "ip:%s", r->ip);
	int retry_u = 0, retry_i = 0;
	if (throttle_check(db, ukey, now, &retry_u) != ERR_OK || throttle_check(db, ikey, now, &retry_i) != ERR_OK) {
		reply_db_failure(r, "throttle check");
		return;
	}
	int retry = retry_u > retry_i ? retry_u : retry_i;
	if (retry > 0) {
		char msg[128];
		snprintf(msg, sizeof msg, "登录尝试过多，请%d秒后再试", retry);
		reply_throttled(r, retry, msg);
		return;
	}
	struct user u;
	enum err e = user_store_get_by_username(db, username, &u);
	if (e == ERR_DB) {
		reply_db_failure(r, "user lookup");
		return;
	}
	int ok = crypto_password_verify(e == ERR_OK ? u.password_hash : session_dummy_hash(), password);
	crypto_wipe(password, sizeof password);
	if (e != ERR_OK || !ok) {
		const struct app_config *c = &r->app->cfg;
		throttle_fail(db, ukey, now, c->login_max_failures, c->login_window_seconds, c->login_lock_seconds);
		throttle_fail(db, ikey, now, c->login_ip_max_failures, c->login_window_seconds, c->login_lock_seconds);
		log_warn("login failed", "request_id", r->request_id, "username", username, "ip", r->ip);
		reply_error(r, 401, "bad_credentials", "用户名或密码错误", NULL);
		return;
	}
	if (u.disabled) {
		reply_error(r, 403, "account_disabled", "该账号已停用，请联系管理员", NULL);
		return;
	}
	char token[64], csrf[64], id[65];
	crypto_random_token(token, sizeof token, 32);
	crypto_random_token(csrf, sizeof csrf, 24);
	crypto_sha256_hex(token, strlen(token), id);
	if (!handler_begin_or_reply(r)) {
		return;
	}
	user_to_principal(&u, &r->who);
	if (throttle_clear(db, ukey) != ERR_OK || session_store_create(db, id, u.id, csrf, r->ip, now) != ERR_OK ||
	    user_store_set_last_login(db, u.id, now) != ERR_OK ||
	    !handler_audit(r, "login", "session", u.id, u.region_code, NULL, NULL)) {
		db_rollback(db);
		reply_db_failure(r, "session create");
		return;
	}
	if (!handler_commit_or_reply(r)) {
		return;
	}
	u.last_login_at = now;
	reply_set_session_cookie(r, token, r->app->cfg.session_max_seconds);
	reply_json(r, 200, session_body(r, &u, csrf));
}

void h_session_get(struct req *r)
{
	struct user u;
	if (user_store_get(req_db(r), NULL, r->who.user_id, &u) != ERR_OK) {
		reply_error(r, 401, "unauthenticated", "请先登录", NULL);
		return;
	}
	reply_json(r, 200, session_body(r, &u, r->csrf_token));
}

void h_session_delete(struct req *r)
{
	if (r->session_id[0]) {
		struct db *db = req_db(r);
		if (!handler_begin_or_reply(r)) {
			return;
		}
		if (session_store_delete(db, r->session_id) != ERR_OK ||
		    !handler_audit(r, "logout", "session", r->who.user_id, r->who.region_code, NULL, NULL)) {
			db_rollback(db);
			reply_db_failure(r, "logout");
			return;
		}
		if (!handler_commit_or_reply(r)) {
			return;
		}
	}
	reply_set_session_cookie(r, NULL, 0);
	reply_no_content(r);
}

void h_session_password(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"old_password", JIN_STRING, 1, 1, 128, "原密码"},
		{"new_password", JIN_STRING, 1, 1, 128, "新密码"},
	};
	json_t *body = handler_body_or_reply(r, fields, 2);
	if (!body) {
		return;
	}
	const char *old_pw = json_string_value(json_object_get(body, "old_password"));
	const char *new_pw = json_string_value(json_object_get(body, "new_password"));
	struct db *db = req_db(r);
	struct user u;
	if (user_store_get(db, NULL, r->who.user_id, &u) != ERR_OK) {
		reply_error(r, 401, "unauthenticated", "请先登录", NULL);
		return;
	}
	if (!crypto_password_verify(u.password_hash, old_pw)) {
		reply_error(r, 400, "wrong_password", "原密码不正确", "old_password");
		return;
	}
	struct err_detail d;
	err_clear(&d);
	if (password_check_policy(new_pw, u.username, &d) != ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	if (strcmp(old_pw, new_pw) == 0) {
		reply_error(r, 422, "weak_password", "新密码不能与原密码相同", "new_password");
		return;
	}
	char hash[128];
	if (crypto_password_hash(new_pw, hash) != 0) {
		reply_error(r, 500, "internal", "服务器内部错误", NULL);
		return;
	}
	if (!handler_begin_or_reply(r)) {
		return;
	}
	snprintf(u.password_hash, sizeof u.password_hash, "%s", hash);
	u.must_change_password = 0;
	if (user_store_update(db, &u, u.version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (session_store_delete_for_user(db, u.id, r->session_id) != ERR_OK ||
	    !handler_audit(r, "password_change", "user", u.id, u.region_code, NULL, NULL)) {
		db_rollback(db);
		reply_db_failure(r, "password change");
		return;
	}
	if (!handler_commit_or_reply(r)) {
		return;
	}
	reply_no_content(r);
}
