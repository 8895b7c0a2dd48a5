/* h_hours.c — volunteers' service hours (http layer): the volunteers who served in an activity
 * with their time, each unit's self-report link, the public form volunteers report their own
 * hours through (no login, rate-limited), and the liaison's approval or decline of those reports.
 * Time travels as whole minutes; hours are shown with one decimal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../codec/sheet.h"
#include "../domain/ledger.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/activity_store.h"
#include "../store/db.h"
#include "../store/hours_store.h"
#include "../store/unit_store.h"
#include "../store/user_store.h"
#include "../store/volunteer_store.h"
#include "../util/buf.h"
#include "../util/crypto.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

#define SERVED_MAX 2000

static int hours_sees_phone(const struct req *r)
{
	return r->who.role_bit == ROLE_ADMIN || r->who.role_bit == ROLE_UNIT;
}

static json_t *hours_json(int64_t minutes)
{
	char h[32];
	ledger_hours_text(minutes, h, sizeof h);
	return json_string(h);
}

/* ---- the volunteers who served in an activity ---- */

struct served_ctx {
	json_t *items;
	int64_t minutes;
	int full_phone;
};

static void served_row(const struct served *s, void *arg)
{
	struct served_ctx *c = arg;
	char masked[32];
	ledger_phone_mask(s->phone, masked, sizeof masked);
	json_array_append_new(c->items, json_pack("{s:I, s:s, s:s, s:I, s:o}", "volunteer_id", (json_int_t)s->volunteer_id,
						  "name", s->name, "phone", c->full_phone ? s->phone : masked, "minutes",
						  (json_int_t)s->minutes, "hours", hours_json(s->minutes)));
	c->minutes += s->minutes;
}

/* The activity's served list as JSON (NULL on a database failure). */
static json_t *served_json(struct req *r, const struct activity *a, int full_phone)
{
	struct served_ctx c = {json_array(), 0, full_phone};
	if (hours_store_served_list(req_db(r), a->id, served_row, &c) != ERR_OK) {
		json_decref(c.items);
		return NULL;
	}
	return json_pack("{s:I, s:I, s:o, s:I, s:I, s:o}", "activity_id", (json_int_t)a->id, "activity_version",
			 (json_int_t)a->version, "items", c.items, "volunteers", (json_int_t)json_array_size(c.items),
			 "minutes", (json_int_t)c.minutes, "hours", hours_json(c.minutes));
}

void h_activity_volunteers_get(struct req *r)
{
	struct activity a;
	enum err e = activity_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &a);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "活动不存在", NULL);
		return;
	}
	json_t *j = e == ERR_OK ? served_json(r, &a, hours_sees_phone(r)) : NULL;
	if (!j) {
		reply_db_failure(r, "served list");
		return;
	}
	reply_json(r, 200, j);
}

static const struct json_in_field served_fields[] = {
	{"items", JIN_ARRAY, 1, 0, SERVED_MAX, "服务志愿者"},
	{"version", JIN_INT, 1, 1, INT32_MAX, "活动版本号"},
};

/* Reads items[] into out (n ≤ SERVED_MAX); 0 and d set on a malformed item. */
static int served_parse(json_t *items, struct served *out, size_t *n, struct err_detail *d)
{
	size_t i;
	json_t *it;
	char field[48];
	json_array_foreach(items, i, it)
	{
		json_t *vid = json_object_get(it, "volunteer_id"), *min = json_object_get(it, "minutes");
		if (!json_is_object(it) || json_object_size(it) != 2 || !json_is_integer(vid) || !json_is_integer(min)) {
			snprintf(field, sizeof field, "items[%zu]", i);
			err_set(d, ERR_INVALID, "invalid_type", field, "每一项应为 {volunteer_id, minutes}（整数）");
			return 0;
		}
		if (json_integer_value(vid) <= 0) {
			snprintf(field, sizeof field, "items[%zu].volunteer_id", i);
			err_set(d, ERR_INVALID, "invalid_value", field, "志愿者编号应为正整数");
			return 0;
		}
		if (json_integer_value(min) < 1 || json_integer_value(min) > LEDGER_MINUTES_MAX) {
			snprintf(field, sizeof field, "items[%zu].minutes", i);
			err_set(d, ERR_INVALID, "out_of_range", field, "服务时长应在1分钟到24小时之间");
			return 0;
		}
		memset(&out[i], 0, sizeof out[i]);
		out[i].volunteer_id = json_integer_value(vid);
		out[i].minutes = json_integer_value(min);
	}
	*n = json_array_size(items);
	return 1;
}

void h_activity_volunteers_put(struct req *r)
{
	json_t *body = handler_body_or_reply(r, served_fields, sizeof served_fields / sizeof served_fields[0]);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version) {
		return;
	}
	struct err_detail d;
	err_clear(&d);
	size_t n = 0;
	struct served *items = calloc(SERVED_MAX > 0 ? SERVED_MAX : 1, sizeof *items);
	if (!items) {
		reply_error(r, 503, "busy", "服务器繁忙，请稍后再试", NULL);
		return;
	}
	if (!served_parse(json_object_get(body, "items"), items, &n, &d)) {
		free(items);
		reply_err_detail(r, &d);
		return;
	}
	if (!handler_begin_or_reply(r)) {
		free(items);
		return;
	}
	struct activity a;
	json_t *before = NULL;
	enum err e = activity_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &a);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "活动不存在");
	} else if (a.version != version) {
		err_set(&d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
		e = ERR_CONFLICT;
	} else if (!(before = served_json(r, &a, 1))) {
		e = err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
	} else {
		/* the activity's version moves with its served list, so two editors of the list conflict;
		 * it moves first: the row lock makes a concurrent editor wait and then fail the version
		 * check (409), instead of colliding with this one's rows (a 500 on PostgreSQL) */
		e = activity_store_touch(req_db(r), &a, version, handler_now(), &d);
	}
	if (e == ERR_OK) {
		e = hours_store_served_replace(req_db(r), a.id, a.unit_id, a.activity_date, items, n, &d);
	}
	free(items);
	if (e != ERR_OK) {
		json_decref(before);
		handler_rollback_reply(r, &d);
		return;
	}
	json_t *after = served_json(r, &a, 1);
	if (!handler_audit_or_reply(r, after != NULL, "served", "activity", a.id, a.unit_region_code, before,
				    after ? json_incref(after) : NULL)) {
		json_decref(after);
		return;
	}
	json_decref(after);
	if (handler_commit_or_reply(r)) {
		json_t *out = served_json(r, &a, hours_sees_phone(r));
		if (out) {
			reply_json(r, 200, out);
		} else {
			reply_db_failure(r, "served list");
		}
	}
}

/* ---- the unit's self-report link ---- */

static int hours_unit_or_reply(struct req *r, struct unit *u)
{
	enum err e = unit_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), u);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "单位不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "unit get");
	}
	return e == ERR_OK;
}

static json_t *link_json(int64_t unit_id, const char *token, int64_t created_at)
{
	char path[128];
	snprintf(path, sizeof path, "/r/%s", token);
	return json_pack("{s:I, s:o, s:o, s:o}", "unit_id", (json_int_t)unit_id, "token",
			 token[0] ? json_string(token) : json_null(), "path", token[0] ? json_string(path) : json_null(),
			 "created_at", handler_time_json(created_at));
}

void h_self_report_link_get(struct req *r)
{
	struct unit u;
	if (!hours_unit_or_reply(r, &u)) {
		return;
	}
	char token[64];
	int64_t created_at;
	if (hours_store_link_get(req_db(r), u.id, token, &created_at) != ERR_OK) {
		reply_db_failure(r, "link get");
		return;
	}
	reply_json(r, 200, link_json(u.id, token, created_at));
}

void h_self_report_link_create(struct req *r)
{
	if (!handler_begin_or_reply(r)) {
		return;
	}
	struct unit u;
	struct err_detail d;
	err_clear(&d);
	enum err e = unit_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &u);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "单位不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	if (strcmp(u.status, "active") != 0) {
		err_set(&d, ERR_CONFLICT, "unit_inactive", NULL, "该单位已合并或撤销，不能开通自报链接");
		handler_rollback_reply(r, &d);
		return;
	}
	char old[64], token[64];
	int64_t old_at, now = handler_now();
	crypto_random_token(token, sizeof token, 18);
	if (hours_store_link_get(req_db(r), u.id, old, &old_at) != ERR_OK ||
	    hours_store_link_set(req_db(r), u.id, token, r->who.user_id, now) != ERR_OK) {
		err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		handler_rollback_reply(r, &d);
		return;
	}
	/* the audit keeps that a link was issued, not the token itself */
	if (handler_audit_or_reply(r, 1, old[0] ? "rotate" : "create", "self_report_link", u.id, u.region_code, NULL,
				   json_pack("{s:I, s:s}", "unit_id", (json_int_t)u.id, "unit_name", u.name)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, link_json(u.id, token, now));
	}
}

void h_self_report_link_delete(struct req *r)
{
	if (!handler_begin_or_reply(r)) {
		return;
	}
	struct unit u;
	struct err_detail d;
	err_clear(&d);
	enum err e = unit_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &u);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "单位不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	/* the DELETE's row count decides: of two concurrent requests only one removes (and audits) it */
	e = hours_store_link_delete(req_db(r), u.id);
	if (e != ERR_OK) {
		if (e == ERR_NOT_FOUND) {
			err_set(&d, ERR_NOT_FOUND, "not_found", NULL, "该单位尚未开通自报链接");
		} else {
			err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		}
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "delete", "self_report_link", u.id, u.region_code,
				   json_pack("{s:I, s:s}", "unit_id", (json_int_t)u.id, "unit_name", u.name), NULL) &&
	    handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
}

/* ---- the public form (no login) ---- */

/* The unit behind the path's token, or 0 after answering 404. Tokens are URL-safe base64. */
static int64_t public_unit_or_reply(struct req *r, struct unit *u)
{
	const char *token = req_param(r, 0);
	size_t len = strlen(token);
	int ok = len >= 16 && len <= 60;
	for (size_t i = 0; ok && i < len; i++) {
		char c = token[i];
		ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}
	int64_t unit_id = 0;
	enum err e = ok ? hours_store_link_find(req_db(r), token, &unit_id) : ERR_NOT_FOUND;
	if (e == ERR_OK) {
		struct scope all = {.kind = SCOPE_ALL};
		e = unit_store_get(req_db(r), &all, unit_id, u);
	}
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "link_not_found", "链接无效或已停用，请向单位联络员索取新的链接", NULL);
		return 0;
	}
	if (e != ERR_OK) {
		reply_db_failure(r, "self-report link");
		return 0;
	}
	return unit_id;
}

static void recent_row(int64_t id, const char *title, const char *date, void *ctx)
{
	json_array_append_new(ctx, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "title", title, "activity_date", date));
}

/* The date `days` before today. */
static void hours_days_ago(int days, char out[11])
{
	ledger_date_of(handler_now() - (int64_t)days * 86400, out);
}

void h_public_self_report_get(struct req *r)
{
	struct unit u;
	if (!public_unit_or_reply(r, &u)) {
		return;
	}
	char since[11], today[11];
	hours_days_ago(90, since);
	ledger_date_of(handler_now(), today);
	json_t *acts = json_array();
	if (hours_store_recent_activities(req_db(r), u.id, since, today, 50, recent_row, acts) != ERR_OK) {
		json_decref(acts);
		reply_db_failure(r, "recent activities");
		return;
	}
	reply_json(r, 200, json_pack("{s:s, s:o, s:s}", "unit_name", u.name, "activities", acts, "today", today));
}

static const struct json_in_field report_fields[] = {
	{"name", JIN_STRING, 1, 1, 50, "姓名"},
	{"phone", JIN_STRING, 1, 1, 20, "手机号码"},
	{"service_date", JIN_STRING, 1, 1, 10, "服务日期"},
	{"minutes", JIN_INT, 1, 1, LEDGER_MINUTES_MAX, "服务时长（分钟）"},
	{"activity_id", JIN_INT, 0, 1, INT64_MAX, "参加的活动"},
	{"description", JIN_STRING, 0, 0, 500, "服务内容"},
};

void h_public_self_report_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, report_fields, sizeof report_fields / sizeof report_fields[0]);
	if (!body) {
		return;
	}
	struct db *db = req_db(r);
	int64_t now = handler_now();
	char ikey[96], lkey[96];
	snprintf(ikey, sizeof ikey, "sr-ip:%s", r->ip);
	struct unit u;
	if (!public_unit_or_reply(r, &u)) {
		return;
	}
	/* per link: a new link (rotation) starts a new day's quota */
	snprintf(lkey, sizeof lkey, "sr-link:%.16s", req_param(r, 0));
	int retry_i = 0, retry_l = 0;
	if (throttle_check(db, ikey, now, &retry_i) != ERR_OK || throttle_check(db, lkey, now, &retry_l) != ERR_OK) {
		reply_db_failure(r, "throttle check");
		return;
	}
	if (retry_i > 0 || retry_l > 0) {
		int retry = retry_i > retry_l ? retry_i : retry_l;
		char msg[128];
		snprintf(msg, sizeof msg, "提交过于频繁，请%d分钟后再试", (retry + 59) / 60);
		reply_throttled(r, retry, msg);
		return;
	}
	struct hour_report h;
	memset(&h, 0, sizeof h);
	h.unit_id = u.id;
	json_in_str(body, "name", h.name, sizeof h.name);
	json_in_str(body, "phone", h.phone, sizeof h.phone);
	json_in_str(body, "service_date", h.service_date, sizeof h.service_date);
	json_in_int(body, "minutes", &h.minutes);
	json_in_int(body, "activity_id", &h.activity_id);
	json_in_str(body, "description", h.description, sizeof h.description);
	char today[11];
	ledger_date_of(now, today);
	struct hour_report_fields hf = {h.name, h.phone, h.service_date, today, h.description, h.minutes};
	struct err_detail d;
	err_clear(&d);
	if (ledger_hour_report_validate(&hf, &d) != ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	h.year = ledger_date_year(h.service_date);
	if (!handler_begin_or_reply(r)) {
		return;
	}
	if (h.activity_id) {
		struct scope own = {.kind = SCOPE_UNIT, .unit_id = u.id};
		struct activity a;
		if (activity_store_get(db, &own, h.activity_id, &a) != ERR_OK) {
			err_set(&d, ERR_INVALID, "activity_not_found", "activity_id", "所选活动不是本单位的活动");
			handler_rollback_reply(r, &d);
			return;
		}
		str_copy(h.activity_title, sizeof h.activity_title, a.title);
	}
	if (hours_store_report_insert(db, &h, r->ip, now, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	json_t *after = json_pack("{s:I, s:s, s:s, s:s, s:I, s:I}", "unit_id", (json_int_t)u.id, "name", h.name, "phone",
				  h.phone, "service_date", h.service_date, "minutes", (json_int_t)h.minutes, "activity_id",
				  (json_int_t)h.activity_id);
	if (!handler_audit_or_reply(r, 1, "self_report", "hour_report", h.id, u.region_code, NULL, after) ||
	    !handler_commit_or_reply(r)) {
		return;
	}
	const struct app_config *c = &r->app->cfg;
	throttle_fail(db, ikey, now, c->self_report_ip_max, 3600, 3600);
	throttle_fail(db, lkey, now, c->self_report_link_max, 86400, 86400);
	reply_json(r, 201, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)h.id, "status", "pending", "message",
				     "已提交，等待单位联络员审核"));
}

/* ---- the liaison's review ---- */

static json_t *report_to_json(const struct hour_report *h, int full_phone)
{
	char masked[32];
	ledger_phone_mask(h->phone, masked, sizeof masked);
	return json_pack("{s:I, s:I, s:s, s:o, s:s, s:s, s:s, s:b, s:s, s:i, s:I, s:o, s:o, s:s, s:s, s:s, s:s, s:o,"
			 " s:o, s:I, s:o}",
			 "id", (json_int_t)h->id, "unit_id", (json_int_t)h->unit_id, "unit_name", h->unit_name,
			 "volunteer_id", h->volunteer_id ? json_integer(h->volunteer_id) : json_null(), "volunteer_name",
			 h->volunteer_name, "name", h->name, "phone", full_phone ? h->phone : masked, "phone_masked",
			 !full_phone, "service_date", h->service_date, "year", h->year, "minutes", (json_int_t)h->minutes,
			 "hours", hours_json(h->minutes), "activity_id",
			 h->activity_id ? json_integer(h->activity_id) : json_null(), "activity_title", h->activity_title,
			 "description", h->description, "status", h->status, "reason", h->reason, "decided_by",
			 h->decided_by[0] ? json_string(h->decided_by) : json_null(), "decided_at",
			 handler_time_json(h->decided_at), "version", (json_int_t)h->version, "created_at",
			 handler_time_json(h->created_at));
}

struct report_list_ctx {
	json_t *items;
	struct handler_export *x;
	int full_phone;
};

static void report_list_row(const struct hour_report *h, void *arg)
{
	struct report_list_ctx *c = arg;
	if (c->x) {
		char masked[32], hours[32], decided[32] = "";
		ledger_phone_mask(h->phone, masked, sizeof masked);
		ledger_hours_text(h->minutes, hours, sizeof hours);
		if (h->decided_at) {
			ledger_date_of(h->decided_at, decided);
		}
		const char *status = strcmp(h->status, "approved") == 0   ? "已通过"
				     : strcmp(h->status, "declined") == 0 ? "已退回"
									  : "待审核";
		const char *cells[] = {h->unit_name, h->name, c->full_phone ? h->phone : masked, h->service_date, hours,
				       h->activity_title, h->description, status, h->volunteer_name, h->reason,
				       h->decided_by, decided};
		handler_export_row(c->x, cells, sizeof cells / sizeof cells[0]);
		return;
	}
	json_array_append_new(c->items, report_to_json(h, c->full_phone));
}

static enum err hour_reports_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				     int64_t *total)
{
	struct hour_report_filter *f = filter;
	struct report_list_ctx c = {export_rows ? NULL : ctx, export_rows ? ctx : NULL, hours_sees_phone(r)};
	f->page = page;
	f->per_page = per_page;
	return hours_store_report_list(req_db(r), &r->who.scope, f, report_list_row, &c, total);
}

void h_hour_reports_list(struct req *r)
{
	struct page_params pp;
	if (!handler_page_or_reply(r, &pp)) {
		return;
	}
	struct hour_report_filter f = {.status = req_query(r, "status"), .region = req_query(r, "region"),
				       .q = req_query(r, "q"), .q_phone = hours_sees_phone(r), .page = pp.page,
				       .per_page = pp.per_page};
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f.unit_id) ||
	    !handler_query_int_or_reply(r, "volunteer_id", 1, INT64_MAX / 2, &f.volunteer_id)) {
		return;
	}
	if (f.status && *f.status && strcmp(f.status, "pending") != 0 && strcmp(f.status, "approved") != 0 &&
	    strcmp(f.status, "declined") != 0) {
		reply_error(r, 400, "invalid_value", "状态无效，可选 pending、approved、declined", "status");
		return;
	}
	if (f.region && *f.region && region_code_level(f.region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return;
	}
	if (f.q && text_utf8_chars(f.q, strlen(f.q)) > 50) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过50个字", "q");
		return;
	}
	static const struct sheet_col cols[] = {
		{"单位名称", 28, 0},	   {"姓名", 10, 0},	  {"手机号码", 14, 0}, {"服务日期", 12, 0},
		{"服务时长(小时)", 12, 0}, {"参加的活动", 24, 0}, {"服务内容", 30, 0}, {"状态", 8, 0},
		{"对应志愿者", 10, 0},	   {"退回理由", 20, 0},	  {"审核人", 12, 0},   {"审核日期", 12, 0},
	};
	static const struct handler_list list = {"志愿服务时长申报", "hour-reports", cols, sizeof cols / sizeof cols[0],
						   hour_reports_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

void h_hour_reports_get(struct req *r)
{
	struct hour_report h;
	enum err e = hours_store_report_get(req_db(r), &r->who.scope, req_param_id(r, 0), &h);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "时长申报不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "hour report get");
	} else {
		reply_json(r, 200, report_to_json(&h, hours_sees_phone(r)));
	}
}

/* Loads the pending report for a decision inside the transaction; 0 after answering. */
static int report_pending_or_reply(struct req *r, int64_t version, struct hour_report *h)
{
	struct err_detail d;
	err_clear(&d);
	enum err e = hours_store_report_get(req_db(r), &r->who.scope, req_param_id(r, 0), h);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "时长申报不存在");
	} else if (strcmp(h->status, "pending") != 0) {
		err_set(&d, ERR_CONFLICT, "already_decided", "status",
			strcmp(h->status, "approved") == 0 ? "该申报已审核通过" : "该申报已被退回");
	} else if (h->version != version) {
		err_set(&d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	} else {
		return 1;
	}
	handler_rollback_reply(r, &d);
	return 0;
}

static void report_finish(struct req *r, const char *action, struct hour_report *before, int64_t version)
{
	struct hour_report after;
	struct err_detail d;
	err_clear(&d);
	if (hours_store_report_decide(req_db(r), before, r->who.user_id, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (hours_store_report_get(req_db(r), &r->who.scope, before->id, &after) != ERR_OK) {
		err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, action, "hour_report", after.id, after.unit_region_code,
				   json_pack("{s:s}", "status", "pending"), report_to_json(&after, 1)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 200, report_to_json(&after, hours_sees_phone(r)));
	}
}

void h_hour_reports_approve(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"version", JIN_INT, 1, 1, INT32_MAX, "版本号"},
		{"volunteer_id", JIN_INT, 0, 1, INT64_MAX, "志愿者"},
	};
	json_t *body = handler_body_or_reply(r, fields, 2);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct hour_report h;
	if (!report_pending_or_reply(r, version, &h)) {
		return;
	}
	struct err_detail d;
	err_clear(&d);
	int64_t vid = 0;
	json_in_int(body, "volunteer_id", &vid);
	if (vid) {
		struct scope own = {.kind = SCOPE_UNIT, .unit_id = h.unit_id};
		struct volunteer v;
		enum err e = volunteer_store_get(req_db(r), &own, vid, &v);
		if (e == ERR_NOT_FOUND) {
			err_set(&d, ERR_INVALID, "volunteer_not_in_unit", "volunteer_id", "该志愿者不在本单位的志愿者名册中");
			handler_rollback_reply(r, &d);
			return;
		}
		if (e != ERR_OK) {
			err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
			handler_rollback_reply(r, &d);
			return;
		}
		if ((v.joined_date[0] && strcmp(v.joined_date, h.service_date) > 0) ||
		    (strcmp(v.status, "left") == 0 && v.left_date[0] && strcmp(v.left_date, h.service_date) < 0)) {
			err_set(&d, ERR_INVALID, "volunteer_not_active", "volunteer_id", "服务当天该志愿者不在册（加入前或已退出）");
			handler_rollback_reply(r, &d);
			return;
		}
	} else {
		enum err e = hours_store_match_phone(req_db(r), h.unit_id, h.phone, &vid);
		if (e == ERR_NOT_FOUND || e == ERR_CONFLICT) {
			err_set(&d, ERR_CONFLICT, "volunteer_unmatched", "volunteer_id",
				e == ERR_NOT_FOUND ? "名册中没有该手机号的在册志愿者，请选择志愿者后再通过"
						   : "名册中有多名志愿者使用该手机号，请选择志愿者后再通过");
			handler_rollback_reply(r, &d);
			return;
		}
		if (e != ERR_OK) {
			err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
			handler_rollback_reply(r, &d);
			return;
		}
	}
	h.volunteer_id = vid;
	str_copy(h.status, sizeof h.status, "approved");
	h.reason[0] = '\0';
	report_finish(r, "approve", &h, version);
}

void h_hour_reports_decline(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"version", JIN_INT, 1, 1, INT32_MAX, "版本号"},
		{"reason", JIN_STRING, 1, 1, 200, "退回理由"},
	};
	json_t *body = handler_body_or_reply(r, fields, 2);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct hour_report h;
	if (!report_pending_or_reply(r, version, &h)) {
		return;
	}
	json_in_str(body, "reason", h.reason, sizeof h.reason);
	if (!h.reason[0]) {
		struct err_detail d;
		err_set(&d, ERR_INVALID, "required", "reason", "请填写退回理由");
		handler_rollback_reply(r, &d);
		return;
	}
	h.volunteer_id = 0;
	str_copy(h.status, sizeof h.status, "declined");
	report_finish(r, "decline", &h, version);
}
