/* h_volunteers.c — each unit's volunteer roster (志愿者名册) (http layer). Scoped by unit: admins
 * keep the rosters of their region, a unit's liaison their own unit's. Phones are kept whole and
 * shown whole only to those who keep the roster (admins, the unit's liaison); leaders and
 * assessors see them masked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../domain/ledger.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/db.h"
#include "../store/unit_store.h"
#include "../store/volunteer_store.h"
#include "../util/buf.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static int volunteer_sees_phone(const struct req *r)
{
	return r->who.role_bit == ROLE_ADMIN || r->who.role_bit == ROLE_UNIT;
}

static json_t *volunteer_to_json(const struct volunteer *v, int full_phone)
{
	char masked[32], hours[32];
	ledger_phone_mask(v->phone, masked, sizeof masked);
	ledger_hours_text(v->service_minutes, hours, sizeof hours);
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:b, s:s, s:o, s:s, s:o, s:s, s:I, s:s, s:I, s:o, s:o}", "id",
			 (json_int_t)v->id, "unit_id", (json_int_t)v->unit_id, "unit_name", v->unit_name, "name", v->name,
			 "gender", v->gender, "phone", full_phone ? v->phone : masked, "phone_masked", !full_phone,
			 "platform_id", v->platform_id, "joined_date",
			 v->joined_date[0] ? json_string(v->joined_date) : json_null(), "status", v->status, "left_date",
			 v->left_date[0] ? json_string(v->left_date) : json_null(), "remark", v->remark, "service_minutes",
			 (json_int_t)v->service_minutes, "service_hours", hours, "version", (json_int_t)v->version, "created_at", handler_time_json(v->created_at), "updated_at",
			 handler_time_json(v->updated_at));
}

struct volunteer_list_ctx {
	json_t *items;
	struct handler_export *x;
	int full_phone;
};

static void volunteer_list_row(const struct volunteer *v, void *ctx)
{
	struct volunteer_list_ctx *c = ctx;
	if (c->x) {
		char masked[32], hours[32];
		ledger_phone_mask(v->phone, masked, sizeof masked);
		ledger_hours_text(v->service_minutes, hours, sizeof hours);
		const char *gender = strcmp(v->gender, "male") == 0 ? "男" : strcmp(v->gender, "female") == 0 ? "女" : "";
		const char *cells[] = {v->unit_name, v->name, gender, c->full_phone ? v->phone : masked, v->platform_id,
				       v->joined_date, strcmp(v->status, "left") == 0 ? "已退出" : "在册", v->left_date,
				       hours, v->remark};
		handler_export_row(c->x, cells, sizeof cells / sizeof cells[0]);
		return;
	}
	json_array_append_new(c->items, volunteer_to_json(v, c->full_phone));
}

static enum err volunteers_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				   int64_t *total)
{
	struct volunteer_filter *f = filter;
	struct volunteer_list_ctx c = {export_rows ? NULL : ctx, export_rows ? ctx : NULL, volunteer_sees_phone(r)};
	f->page = page;
	f->per_page = per_page;
	return volunteer_store_list(req_db(r), &r->who.scope, f, volunteer_list_row, &c, total);
}

void h_volunteers_list(struct req *r)
{
	struct page_params pp;
	if (!handler_page_or_reply(r, &pp)) {
		return;
	}
	struct volunteer_filter f = {.q = req_query(r, "q"), .status = req_query(r, "status"), .region = req_query(r, "region"),
				     .page = pp.page, .per_page = pp.per_page};
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f.unit_id)) {
		return;
	}
	if (f.status && *f.status && strcmp(f.status, "active") != 0 && strcmp(f.status, "left") != 0) {
		reply_error(r, 400, "invalid_value", "状态无效，可选 active、left", "status");
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
		{"单位名称", 28, 0},	     {"姓名", 10, 0},	  {"性别", 6, 0},     {"联系电话", 14, 0},
		{"志愿服务平台编号", 18, 0}, {"加入日期", 12, 0}, {"状态", 8, 0},     {"退出日期", 12, 0},
		{"服务时长(小时)", 14, 0},   {"备注", 30, 0},
	};
	static const struct handler_list list = {"志愿者名册", "volunteers", cols, sizeof cols / sizeof cols[0],
						   volunteers_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

void h_volunteers_get(struct req *r)
{
	struct volunteer v;
	enum err e = volunteer_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &v);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "志愿者不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "volunteer get");
	} else {
		reply_json(r, 200, volunteer_to_json(&v, volunteer_sees_phone(r)));
	}
}

static const struct json_in_field volunteer_fields[] = {
	{"unit_id", JIN_INT, 0, 1, INT64_MAX, "单位"},
	{"name", JIN_STRING, 0, 1, 50, "姓名"},
	{"gender", JIN_STRING, 0, 0, 6, "性别"},
	{"phone", JIN_STRING, 0, 0, 20, "联系电话"},
	{"platform_id", JIN_STRING, 0, 0, 40, "志愿服务平台编号"},
	{"joined_date", JIN_STRING, 0, 0, 10, "加入日期"},
	{"status", JIN_STRING, 0, 1, 6, "状态"},
	{"left_date", JIN_STRING, 0, 0, 10, "退出日期"},
	{"remark", JIN_STRING, 0, 0, LEDGER_NOTE_MAX, "备注"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define VOLUNTEER_N_FIELDS (sizeof volunteer_fields / sizeof volunteer_fields[0])

/* null or "" clears an optional text (dates, gender, phone, platform id, remark). */
static void volunteer_take_str(json_t *body, const char *name, char *out, size_t outlen)
{
	json_t *m = json_object_get(body, name);
	if (m) {
		out[0] = '\0';
		json_in_str(body, name, out, outlen);
	}
}

static enum err volunteer_apply_body(struct req *r, struct volunteer *v, json_t *body, struct err_detail *d)
{
	int64_t old_unit = v->unit_id;
	json_in_int(body, "unit_id", &v->unit_id);
	json_in_str(body, "name", v->name, sizeof v->name);
	volunteer_take_str(body, "gender", v->gender, sizeof v->gender);
	volunteer_take_str(body, "phone", v->phone, sizeof v->phone);
	volunteer_take_str(body, "platform_id", v->platform_id, sizeof v->platform_id);
	volunteer_take_str(body, "joined_date", v->joined_date, sizeof v->joined_date);
	if (!v->status[0]) {
		str_copy(v->status, sizeof v->status, "active");
	}
	json_in_str(body, "status", v->status, sizeof v->status);
	volunteer_take_str(body, "left_date", v->left_date, sizeof v->left_date);
	volunteer_take_str(body, "remark", v->remark, sizeof v->remark);
	if (!v->unit_id) {
		return err_set(d, ERR_INVALID, "required", "unit_id", "请选择单位");
	}
	struct volunteer_fields vf = {v->name, v->gender, v->phone, v->platform_id, v->joined_date, v->status, v->left_date,
				      v->remark};
	enum err e = ledger_volunteer_validate(&vf, d);
	if (e != ERR_OK) {
		return e;
	}
	struct unit u;
	if (unit_store_get(req_db(r), &r->who.scope, v->unit_id, &u) != ERR_OK) {
		return err_set(d, ERR_NOT_FOUND, "unit_not_found", "unit_id", "单位不存在或不在您的管辖范围内");
	}
	if (v->unit_id != old_unit && strcmp(u.status, "active") != 0) {
		return err_set(d, ERR_CONFLICT, "unit_inactive", "unit_id", "该单位已合并或撤销，不能新增志愿者");
	}
	str_copy(v->unit_name, sizeof v->unit_name, u.name);
	str_copy(v->unit_region_code, sizeof v->unit_region_code, u.region_code);
	return ERR_OK;
}

void h_volunteers_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, volunteer_fields, VOLUNTEER_N_FIELDS - 1);
	if (!body || !handler_begin_or_reply(r)) {
		return;
	}
	struct volunteer v;
	memset(&v, 0, sizeof v);
	struct err_detail d;
	err_clear(&d);
	if (volunteer_apply_body(r, &v, body, &d) != ERR_OK || volunteer_store_insert(req_db(r), &v, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "create", "volunteer", v.id, v.unit_region_code, NULL, volunteer_to_json(&v, 1)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, volunteer_to_json(&v, volunteer_sees_phone(r)));
	}
}

void h_volunteers_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, volunteer_fields, VOLUNTEER_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct volunteer before, v;
	struct err_detail d;
	err_clear(&d);
	enum err e = volunteer_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "志愿者不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	v = before;
	if (volunteer_apply_body(r, &v, body, &d) != ERR_OK ||
	    volunteer_store_update(req_db(r), &v, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "update", "volunteer", v.id, v.unit_region_code, volunteer_to_json(&before, 1),
				   volunteer_to_json(&v, 1)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 200, volunteer_to_json(&v, volunteer_sees_phone(r)));
	}
}

void h_volunteers_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct volunteer v;
	struct err_detail d;
	err_clear(&d);
	enum err e = volunteer_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &v);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "志愿者不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	if (volunteer_store_delete(req_db(r), v.id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "delete", "volunteer", v.id, v.unit_region_code, volunteer_to_json(&v, 1), NULL) &&
	    handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
}
