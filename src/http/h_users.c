/* h_users.c — user administration (http layer). An admin manages users inside their own
 * region subtree and can never grant a scope wider than their own (scope_is_within). New
 * accounts and resets get a temporary password that must be changed at first login. */
#include <stdio.h>
#include <string.h>

#include "../codec/registry_json.h"
#include "../domain/password.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/db.h"
#include "../store/region_store.h"
#include "../store/unit_store.h"
#include "../store/user_store.h"
#include "../util/crypto.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static void user_list_row(const struct user *u, void *ctx)
{
	json_array_append_new(ctx, user_to_json(u));
}

void h_users_list(struct req *r)
{
	struct page_params p;
	if (!handler_page_or_reply(r, &p)) {
		return;
	}
	struct user_filter f = {.q = req_query(r, "q"), .role = req_query(r, "role"), .page = p.page, .per_page = p.per_page};
	if (f.q && text_utf8_chars(f.q, strlen(f.q)) > 100) {
		reply_error(r, 400, "too_long", "搜索关键字过长", "q");
		return;
	}
	if (f.role && *f.role && !principal_role_bit(f.role)) {
		reply_error(r, 400, "invalid_value", "角色无效，可选 admin、assessor、unit、viewer", "role");
		return;
	}
	json_t *items = json_array();
	int64_t total = 0;
	if (user_store_list(req_db(r), &r->who.scope, &f, user_list_row, items, &total) != ERR_OK) {
		json_decref(items);
		reply_db_failure(r, "users list");
		return;
	}
	reply_json(r, 200, json_pack("{s:o, s:I, s:i, s:i, s:n}", "items", items, "total", (json_int_t)total, "page",
				     p.page, "per_page", p.per_page, "next_cursor"));
}

void h_users_get(struct req *r)
{
	struct user u;
	enum err e = user_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &u);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "用户不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "user get");
	} else {
		reply_json(r, 200, user_to_json(&u));
	}
}

/* Checks role + scope of u against the granter; fills u->region_code for unit users. */
static enum err user_check_grant(struct req *r, struct user *u, struct err_detail *d)
{
	if (!principal_role_bit(u->role)) {
		return err_set(d, ERR_INVALID, "invalid_value", "role", "角色无效，可选 admin、assessor、unit、viewer");
	}
	struct scope granted;
	memset(&granted, 0, sizeof granted);
	char unit_region[7] = "";
	if (strcmp(u->role, "unit") == 0) {
		if (!u->unit_id) {
			return err_set(d, ERR_INVALID, "required", "unit_id", "单位联络员须指定所属单位");
		}
		struct unit un;
		if (unit_store_get(req_db(r), &r->who.scope, u->unit_id, &un) != ERR_OK) {
			return err_set(d, ERR_NOT_FOUND, "unit_not_found", "unit_id", "单位不存在或不在您的管辖范围内");
		}
		granted.kind = SCOPE_UNIT;
		granted.unit_id = un.id;
		snprintf(unit_region, sizeof unit_region, "%s", un.region_code);
		snprintf(u->region_code, sizeof u->region_code, "%s", un.region_code);
	} else {
		u->unit_id = 0;
		if (!u->region_code[0]) {
			return err_set(d, ERR_INVALID, "required", "region_code", "请指定管辖的行政区划");
		}
		if (region_code_level(u->region_code) == 0) {
			return err_set(d, ERR_INVALID, "region_code", "region_code", "行政区划代码应为6位数字的有效代码");
		}
		struct region g;
		if (region_store_get(req_db(r), &r->who.scope, u->region_code, &g) != ERR_OK) {
			return err_set(d, ERR_NOT_FOUND, "region_not_found", "region_code", "行政区划不存在或不在您的管辖范围内");
		}
		granted.kind = SCOPE_REGION;
		snprintf(granted.region_code, sizeof granted.region_code, "%s", u->region_code);
	}
	if (!scope_is_within(&r->who.scope, &granted, unit_region)) {
		return err_set(d, ERR_NOT_FOUND, "region_not_found", "region_code", "不能授予超出您管辖范围的权限");
	}
	return ERR_OK;
}

static int user_new_temp_password(char out[PASSWORD_TEMP_LEN + 1], char hash[128], const char *username)
{
	for (int tries = 0; tries < 8; tries++) {
		unsigned char rnd[12];
		crypto_random_bytes(rnd, sizeof rnd);
		password_generate_temp(out, rnd);
		if (password_check_policy(out, username, NULL) == ERR_OK) {
			return crypto_password_hash(out, hash) == 0;
		}
	}
	return 0;
}

void h_users_create(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"username", JIN_STRING, 1, 3, 32, "用户名"},
		{"display_name", JIN_STRING, 1, 1, 50, "姓名"},
		{"role", JIN_STRING, 1, 1, 16, "角色"},
		{"region_code", JIN_STRING, 0, 0, 6, "管辖区划"},
		{"unit_id", JIN_INT, 0, 1, INT64_MAX, "所属单位"},
	};
	json_t *body = handler_body_or_reply(r, fields, sizeof fields / sizeof fields[0]);
	if (!body) {
		return;
	}
	struct user u;
	memset(&u, 0, sizeof u);
	json_in_str(body, "username", u.username, sizeof u.username);
	json_in_str(body, "display_name", u.display_name, sizeof u.display_name);
	json_in_str(body, "role", u.role, sizeof u.role);
	json_in_str(body, "region_code", u.region_code, sizeof u.region_code);
	json_in_int(body, "unit_id", &u.unit_id);
	for (const char *p = u.username; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || *p == '-')) {
			reply_error(r, 400, "invalid_username", "用户名只能包含小写字母、数字和 _ . -", "username");
			return;
		}
	}
	struct err_detail d;
	err_clear(&d);
	if (user_check_grant(r, &u, &d) != ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	char temp[PASSWORD_TEMP_LEN + 1];
	if (!user_new_temp_password(temp, u.password_hash, u.username)) {
		reply_error(r, 500, "internal", "服务器内部错误", NULL);
		return;
	}
	u.must_change_password = 1;
	if (!handler_begin_or_reply(r)) {
		return;
	}
	if (user_store_insert(req_db(r), &u, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (!handler_audit_or_reply(r, 1, "create", "user", u.id, u.region_code, NULL, user_to_json(&u)) ||
	    !handler_commit_or_reply(r)) {
		return;
	}
	user_store_get(req_db(r), NULL, u.id, &u);
	reply_json(r, 201, json_pack("{s:o, s:s}", "user", user_to_json(&u), "temporary_password", temp));
}

void h_users_update(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"display_name", JIN_STRING, 0, 1, 50, "姓名"},
		{"role", JIN_STRING, 0, 1, 16, "角色"},
		{"region_code", JIN_STRING, 0, 0, 6, "管辖区划"},
		{"unit_id", JIN_INT, 0, 1, INT64_MAX, "所属单位"},
		{"disabled", JIN_BOOL, 0, 0, 0, "停用"},
		{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
	};
	json_t *body = handler_body_or_reply(r, fields, sizeof fields / sizeof fields[0]);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct db *db = req_db(r);
	struct user before, u;
	struct err_detail d;
	err_clear(&d);
	enum err e = user_store_get(db, &r->who.scope, req_param_id(r, 0), &before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "用户不存在");
		goto fail;
	}
	u = before;
	json_in_str(body, "display_name", u.display_name, sizeof u.display_name);
	json_in_str(body, "role", u.role, sizeof u.role);
	if (json_object_get(body, "region_code")) {
		u.region_code[0] = '\0';
		json_in_str(body, "region_code", u.region_code, sizeof u.region_code);
	}
	json_in_int(body, "unit_id", &u.unit_id);
	json_t *dis = json_object_get(body, "disabled");
	if (json_is_boolean(dis)) {
		u.disabled = json_is_true(dis);
	}
	if (u.id == r->who.user_id && (strcmp(u.role, before.role) != 0 || u.disabled ||
				       strcmp(u.region_code, before.region_code) != 0)) {
		err_set(&d, ERR_UNPROCESSABLE, "cannot_modify_self", NULL, "不能修改自己的角色、管辖范围或停用自己");
		goto fail;
	}
	if (user_check_grant(r, &u, &d) != ERR_OK || user_store_update(db, &u, version, handler_now(), &d) != ERR_OK) {
		goto fail;
	}
	int ok = 1;
	if (u.disabled || strcmp(u.role, before.role) != 0 || strcmp(u.region_code, before.region_code) != 0 ||
	    u.unit_id != before.unit_id) {
		ok = session_store_delete_for_user(db, u.id, NULL) == ERR_OK;
	}
	if (!handler_audit_or_reply(r, ok, "update", "user", u.id, u.region_code, user_to_json(&before), user_to_json(&u))) {
		return;
	}
	if (handler_commit_or_reply(r)) {
		user_store_get(db, NULL, u.id, &u);
		reply_json(r, 200, user_to_json(&u));
	}
	return;
fail:
	handler_rollback_reply(r, &d);
}

void h_users_reset_password(struct req *r)
{
	if (!handler_begin_or_reply(r)) {
		return;
	}
	struct db *db = req_db(r);
	struct user u;
	struct err_detail d;
	err_clear(&d);
	enum err e = user_store_get(db, &r->who.scope, req_param_id(r, 0), &u);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "用户不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	char temp[PASSWORD_TEMP_LEN + 1];
	if (!user_new_temp_password(temp, u.password_hash, u.username)) {
		db_rollback(db);
		reply_error(r, 500, "internal", "服务器内部错误", NULL);
		return;
	}
	u.must_change_password = 1;
	if (user_store_update(db, &u, u.version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (session_store_delete_for_user(db, u.id, NULL) != ERR_OK ||
	    !handler_audit(r, "password_reset", "user", u.id, u.region_code, NULL, NULL)) {
		db_rollback(db);
		reply_db_failure(r, "password reset");
		return;
	}
	if (handler_commit_or_reply(r)) {
		reply_json(r, 200, json_pack("{s:s}", "temporary_password", temp));
	}
}
