/* h_activities.c — the creation ledger's activities (精神文明创建活动) and their statistics
 * (http layer). Scoped by unit: admins write them in their region, a unit's liaison for their
 * own unit; the date an activity happened decides the year it counts for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../domain/ledger.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/activity_store.h"
#include "../store/attachment_store.h"
#include "../store/db.h"
#include "../store/partner_store.h"
#include "../store/unit_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static json_t *activity_to_json(const struct activity *a)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:s, s:s, s:i, s:s, s:o, s:s, s:s, s:I, s:s, s:I, s:o, s:o}",
			 "id", (json_int_t)a->id, "unit_id", (json_int_t)a->unit_id, "unit_name", a->unit_name,
			 "type_code", a->type_code, "type_label", a->type_label, "festival",
			 a->festival[0] ? json_string(a->festival) : json_null(), "title", a->title, "activity_date",
			 a->activity_date, "year", a->year, "place", a->place, "partner_id",
			 a->partner_id ? json_integer(a->partner_id) : json_null(), "partner_name", a->partner_name,
			 "role", a->role, "participants", (json_int_t)a->participants, "description", a->description,
			 "version", (json_int_t)a->version, "created_at", handler_time_json(a->created_at), "updated_at",
			 handler_time_json(a->updated_at));
}

static int activity_filter_or_reply(struct req *r, struct activity_filter *f)
{
	memset(f, 0, sizeof *f);
	int64_t year = 0;
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f->unit_id) ||
	    !handler_query_int_or_reply(r, "partner_id", 1, INT64_MAX / 2, &f->partner_id) ||
	    !handler_query_int_or_reply(r, "year", 1949, 2100, &year)) {
		return 0;
	}
	f->year = (int)year;
	f->type_code = req_query(r, "type");
	f->festival = req_query(r, "festival");
	f->region = req_query(r, "region");
	f->q = req_query(r, "q");
	f->from = req_query(r, "from");
	f->to = req_query(r, "to");
	if (f->type_code && strlen(f->type_code) > 64) {
		reply_error(r, 400, "invalid_value", "活动类型无效", "type");
		return 0;
	}
	if (f->festival && *f->festival && !ledger_festival_valid(f->festival)) {
		reply_error(r, 400, "invalid_value", "节日无效", "festival");
		return 0;
	}
	if (f->region && *f->region && region_code_level(f->region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return 0;
	}
	if ((f->from && *f->from && !ledger_date_valid(f->from)) || (f->to && *f->to && !ledger_date_valid(f->to))) {
		reply_error(r, 400, "invalid_date", "日期应为有效日期，格式 YYYY-MM-DD", f->from && *f->from && !ledger_date_valid(f->from) ? "from" : "to");
		return 0;
	}
	if (f->q && text_utf8_chars(f->q, strlen(f->q)) > 100) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过100个字", "q");
		return 0;
	}
	return 1;
}

static void activity_export_row(const struct activity *a, void *ctx)
{
	char participants[24];
	snprintf(participants, sizeof participants, "%lld", (long long)a->participants);
	const char *cells[] = {a->activity_date, a->unit_name, a->title, a->type_label, ledger_festival_label(a->festival),
			       a->place, a->partner_name, strcmp(a->role, "joined") == 0 ? "参与" : "主办", participants,
			       a->description};
	handler_export_row(ctx, cells, sizeof cells / sizeof cells[0]);
}

static void activity_list_row(const struct activity *a, void *ctx)
{
	json_array_append_new(ctx, activity_to_json(a));
}

static enum err activities_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				int64_t *total)
{
	struct activity_filter *f = filter;
	f->page = page;
	f->per_page = per_page;
	return activity_store_list(req_db(r), &r->who.scope, f, export_rows ? activity_export_row : activity_list_row, ctx,
				total);
}

void h_activities_list(struct req *r)
{
	struct activity_filter f;
	struct page_params pp;
	if (!activity_filter_or_reply(r, &f) || !handler_page_or_reply(r, &pp)) {
		return;
	}
	static const struct sheet_col cols[] = {
		{"活动日期", 12, 0}, {"单位名称", 28, 0}, {"活动名称", 30, 0}, {"活动类型", 14, 0}, {"节日", 8, 0},
		{"活动地点", 20, 0}, {"共建对象", 20, 0}, {"方式", 6, 0}, {"参与人数", 10, 1}, {"活动内容", 50, 0},
	};
	static const struct handler_list list = {"活动记录", "activities", cols, sizeof cols / sizeof cols[0],
						   activities_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

void h_activities_get(struct req *r)
{
	struct activity *a = xcalloc(1, sizeof *a);
	enum err e = activity_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), a);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "活动记录不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "activity get");
	} else {
		reply_json(r, 200, activity_to_json(a));
	}
	free(a);
}

static const struct json_in_field activity_fields[] = {
	{"unit_id", JIN_INT, 0, 1, INT64_MAX, "单位"},
	{"type_code", JIN_STRING, 0, 1, 64, "活动类型"},
	{"festival", JIN_STRING, 0, 0, 16, "节日"},
	{"title", JIN_STRING, 0, 1, LEDGER_ACTIVITY_TITLE_MAX, "活动名称"},
	{"activity_date", JIN_STRING, 0, 1, 10, "活动日期"},
	{"place", JIN_STRING, 0, 0, 100, "活动地点"},
	{"partner_id", JIN_INT, 0, 1, INT64_MAX, "共建对象"},
	{"role", JIN_STRING, 0, 1, 8, "参与方式"},
	{"participants", JIN_INT, 0, 0, 1000000, "参与人数"},
	{"description", JIN_STRING, 0, 0, LEDGER_ACTIVITY_DESC_MAX, "活动内容"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define ACTIVITY_N_FIELDS (sizeof activity_fields / sizeof activity_fields[0])

/* Applies the body and checks it: the unit is the caller's and active (re-checked only when it
 * changes), the type is in the activity_type dictionary, the partner (optional) is visible. */
static enum err activity_apply_body(struct req *r, struct activity *a, json_t *body, struct err_detail *d)
{
	int64_t old_unit = a->unit_id;
	char old_type[64];
	str_copy(old_type, sizeof old_type, a->type_code);
	json_in_int(body, "unit_id", &a->unit_id);
	json_in_str(body, "type_code", a->type_code, sizeof a->type_code);
	if (json_object_get(body, "festival")) {
		a->festival[0] = '\0';
		json_in_str(body, "festival", a->festival, sizeof a->festival);
	}
	json_in_str(body, "title", a->title, sizeof a->title);
	json_in_str(body, "activity_date", a->activity_date, sizeof a->activity_date);
	json_in_str(body, "place", a->place, sizeof a->place);
	if (json_object_get(body, "partner_id")) {
		a->partner_id = 0;
		json_in_int(body, "partner_id", &a->partner_id);
	}
	if (!a->role[0]) {
		str_copy(a->role, sizeof a->role, "hosted");
	}
	json_in_str(body, "role", a->role, sizeof a->role);
	json_in_int(body, "participants", &a->participants);
	json_in_str(body, "description", a->description, sizeof a->description);
	if (!a->unit_id) {
		return err_set(d, ERR_INVALID, "required", "unit_id", "请选择单位");
	}
	struct activity_fields af = {a->type_code, a->festival, a->title, a->activity_date, a->place, a->role,
				     a->description, a->participants};
	enum err e = ledger_activity_validate(&af, d);
	if (e != ERR_OK) {
		return e;
	}
	a->year = ledger_date_year(a->activity_date);
	/* A type taken out of use stays valid on the activities already recorded with it. */
	if (strcmp(a->type_code, old_type) != 0) {
		char label[256];
		if (!dict_item_exists(req_db(r), "activity_type", a->type_code, label, sizeof label)) {
			return err_set(d, ERR_INVALID, "invalid_value", "type_code", "活动类型不存在或已停用");
		}
		str_copy(a->type_label, sizeof a->type_label, label);
	}
	struct unit u;
	if (unit_store_get(req_db(r), &r->who.scope, a->unit_id, &u) != ERR_OK) {
		return err_set(d, ERR_NOT_FOUND, "unit_not_found", "unit_id", "单位不存在或不在您的管辖范围内");
	}
	if (a->unit_id != old_unit && strcmp(u.status, "active") != 0) {
		return err_set(d, ERR_CONFLICT, "unit_inactive", "unit_id", "该单位已合并或撤销，不能新增活动记录");
	}
	str_copy(a->unit_name, sizeof a->unit_name, u.name);
	str_copy(a->unit_region_code, sizeof a->unit_region_code, u.region_code);
	a->partner_name[0] = '\0';
	if (a->partner_id) {
		struct scope ps = r->who.scope;
		if (ps.kind == SCOPE_UNIT) {
			memset(&ps, 0, sizeof ps);
			ps.kind = SCOPE_REGION;
			str_copy(ps.region_code, sizeof ps.region_code, r->who.region_code);
		}
		struct partner p;
		if (partner_store_get(req_db(r), &ps, a->partner_id, a->activity_date, &p) != ERR_OK) {
			return err_set(d, ERR_NOT_FOUND, "partner_not_found", "partner_id", "共建对象不存在或不在您的管辖范围内");
		}
		str_copy(a->partner_name, sizeof a->partner_name, p.name);
	}
	return ERR_OK;
}

void h_activities_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, activity_fields, ACTIVITY_N_FIELDS - 1);
	if (!body || !handler_begin_or_reply(r)) {
		return;
	}
	struct activity *a = xcalloc(1, sizeof *a);
	struct err_detail d;
	err_clear(&d);
	if (activity_apply_body(r, a, body, &d) != ERR_OK || activity_store_insert(req_db(r), a, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "create", "activity", a->id, a->unit_region_code, NULL, activity_to_json(a)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 201, activity_to_json(a));
	}
	free(a);
}

void h_activities_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, activity_fields, ACTIVITY_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct activity *before = xcalloc(2, sizeof *before);
	struct activity *a = before + 1;
	struct err_detail d;
	err_clear(&d);
	enum err e = activity_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "活动记录不存在");
		handler_rollback_reply(r, &d);
		free(before);
		return;
	}
	*a = *before;
	if (activity_apply_body(r, a, body, &d) != ERR_OK ||
	    activity_store_update(req_db(r), a, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "update", "activity", a->id, a->unit_region_code, activity_to_json(before),
					  activity_to_json(a)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 200, activity_to_json(a));
	}
	free(before);
}

void h_activities_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct activity *a = xcalloc(1, sizeof *a);
	struct err_detail d;
	err_clear(&d);
	enum err e = activity_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), a);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "活动记录不存在");
		handler_rollback_reply(r, &d);
	} else if (attachment_store_delete_owner(req_db(r), "activity", a->id) != ERR_OK) {
		err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		handler_rollback_reply(r, &d);
	} else if (activity_store_delete(req_db(r), a->id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "delete", "activity", a->id, a->unit_region_code, activity_to_json(a), NULL) &&
		   handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
	free(a);
}

struct activity_stats_ctx {
	json_t *by_type;
	int64_t months[13];
	int64_t total, participants;
};

static void activity_stats_row(const char *type_code, const char *type_label, int month, int64_t n,
			       int64_t participants, void *ctx)
{
	struct activity_stats_ctx *c = ctx;
	json_t *t = json_object_get(c->by_type, type_code);
	if (!t) {
		t = json_pack("{s:s, s:s, s:I, s:[iiiiiiiiiiii]}", "type_code", type_code, "type_label", type_label, "count",
			      (json_int_t)0, "months", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		json_object_set_new(c->by_type, type_code, t);
	}
	json_object_set_new(t, "count", json_integer(json_integer_value(json_object_get(t, "count")) + n));
	if (month >= 1 && month <= 12) {
		json_array_set_new(json_object_get(t, "months"), (size_t)month - 1, json_integer(n));
		c->months[month] += n;
	}
	c->total += n;
	c->participants += participants;
}

void h_activities_stats(struct req *r)
{
	struct activity_filter f;
	if (!activity_filter_or_reply(r, &f)) {
		return;
	}
	if (!f.year) {
		reply_error(r, 400, "required", "请指定年度 year", "year");
		return;
	}
	if (f.unit_id) {
		struct unit u;
		enum err ue = unit_store_get(req_db(r), &r->who.scope, f.unit_id, &u);
		if (ue != ERR_OK) {
			if (ue == ERR_NOT_FOUND) {
				reply_error(r, 404, "unit_not_found", "单位不存在或不在您的管辖范围内", "unit_id");
			} else {
				reply_db_failure(r, "unit get");
			}
			return;
		}
	}
	struct activity_stats_ctx c;
	memset(&c, 0, sizeof c);
	c.by_type = json_object();
	if (activity_store_stats(req_db(r), &r->who.scope, &f, activity_stats_row, &c) != ERR_OK) {
		json_decref(c.by_type);
		reply_db_failure(r, "activity stats");
		return;
	}
	json_t *types = json_array(), *months = json_array();
	const char *key;
	json_t *v;
	json_object_foreach(c.by_type, key, v) {
		json_array_append(types, v);
	}
	for (int m = 1; m <= 12; m++) {
		json_array_append_new(months, json_integer(c.months[m]));
	}
	json_decref(c.by_type);
	reply_json(r, 200, json_pack("{s:i, s:I, s:I, s:o, s:o}", "year", f.year, "total", (json_int_t)c.total,
				     "participants", (json_int_t)c.participants, "months", months, "by_type", types));
}

/* ---- months without an activity (每月一次精神文明创建活动), office-wide ---- */

#define GAPS_MAX_UNITS 1000

struct gaps_ctx {
	json_t *units;
	int through;          /* months 1..through are due */
	int64_t cur_id;       /* the unit being collected */
	char cur_name[404], cur_region[7];
	int cur_titled;
	int64_t months[13];
	int64_t n_units, with_gaps;
};

static void gaps_flush(struct gaps_ctx *c)
{
	if (!c->cur_id) {
		return;
	}
	c->n_units++;
	json_t *missing = json_array();
	int64_t total = 0;
	for (int m = 1; m <= 12; m++) {
		total += c->months[m];
		if (m <= c->through && c->months[m] == 0) {
			json_array_append_new(missing, json_integer(m));
		}
	}
	if (json_array_size(missing) == 0) {
		json_decref(missing);
	} else {
		/* every unit with gaps is kept until they are sorted; the cap applies after */
		c->with_gaps++;
		json_t *months = json_array();
		for (int m = 1; m <= 12; m++) {
			json_array_append_new(months, json_integer(c->months[m]));
		}
		json_array_append_new(c->units, json_pack("{s:I, s:s, s:s, s:b, s:I, s:o, s:o}", "unit_id",
							  (json_int_t)c->cur_id, "unit_name", c->cur_name, "region_code",
							  c->cur_region, "titled", c->cur_titled, "activities", (json_int_t)total,
							  "months", months, "missing_months", missing));
	}
	c->cur_id = 0;
	memset(c->months, 0, sizeof c->months);
}

static void gaps_row(const struct activity_unit_ref *u, int month, int64_t n, void *arg)
{
	struct gaps_ctx *c = arg;
	if (u->id != c->cur_id) {
		gaps_flush(c);
		c->cur_id = u->id;
		str_copy(c->cur_name, sizeof c->cur_name, u->name);
		str_copy(c->cur_region, sizeof c->cur_region, u->region_code);
		c->cur_titled = u->titled;
	}
	if (month >= 1 && month <= 12) {
		c->months[month] += n;
	}
}

/* Most missing months first; among equals the store's pinyin order (pos), explicitly, since qsort
 * need not be stable. */
struct gaps_item {
	json_t *unit;
	size_t missing, pos;
};

static int gaps_cmp(const void *a, const void *b)
{
	const struct gaps_item *x = a, *y = b;
	if (x->missing != y->missing) {
		return x->missing < y->missing ? 1 : -1;
	}
	return x->pos < y->pos ? -1 : x->pos > y->pos ? 1 : 0;
}

void h_activities_gaps(struct req *r)
{
	char today[11];
	ledger_date_of(handler_now(), today);
	int this_year = ledger_date_year(today), this_month = (today[5] - '0') * 10 + (today[6] - '0');
	int64_t year = 0;
	if (!handler_query_int_or_reply(r, "year", 1949, this_year, &year)) {
		return;
	}
	if (!year) {
		year = this_year;
	}
	const char *region = req_query(r, "region");
	if (region && *region && region_code_level(region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return;
	}
	const char *titled = req_query(r, "titled");
	if (titled && *titled && strcmp(titled, "true") != 0 && strcmp(titled, "false") != 0) {
		reply_error(r, 400, "invalid_value", "titled 应为 true 或 false", "titled");
		return;
	}
	int titled_only = !titled || !*titled || strcmp(titled, "true") == 0;
	struct gaps_ctx c;
	memset(&c, 0, sizeof c);
	c.units = json_array();
	/* the current month is still running: it is due only from next month on */
	c.through = year < this_year ? 12 : this_month - 1;
	if (activity_store_month_counts(req_db(r), &r->who.scope, region, (int)year, titled_only, gaps_row, &c) != ERR_OK) {
		json_decref(c.units);
		reply_db_failure(r, "activity gaps");
		return;
	}
	gaps_flush(&c);
	size_t n = json_array_size(c.units);
	struct gaps_item *items = xcalloc(n ? n : 1, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		items[i].unit = json_incref(json_array_get(c.units, i));
		items[i].missing = json_array_size(json_object_get(items[i].unit, "missing_months"));
		items[i].pos = i;
	}
	qsort(items, n, sizeof *items, gaps_cmp);
	json_array_clear(c.units);
	for (size_t i = 0; i < n; i++) {
		if (i < GAPS_MAX_UNITS) {
			json_array_append_new(c.units, items[i].unit);
		} else {
			json_decref(items[i].unit);
		}
	}
	free(items);
	reply_json(r, 200, json_pack("{s:I, s:i, s:b, s:I, s:I, s:b, s:o}", "year", (json_int_t)year, "through_month",
				     c.through, "titled_only", titled_only, "units_checked", (json_int_t)c.n_units,
				     "units_with_gaps", (json_int_t)c.with_gaps, "truncated", c.with_gaps > GAPS_MAX_UNITS,
				     "units", c.units));
}
