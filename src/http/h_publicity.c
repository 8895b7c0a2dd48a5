/* h_publicity.c — the creation ledger's public-service ads (公益广告) at /api/v1/publicity (a path
 * ad blockers leave alone) (http layer). Scoped by unit: admins keep the ads of their region, a
 * unit's liaison their own unit's; viewers and assessors read. The day an ad went up decides
 * the year it counts for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../domain/ledger.h"
#include "../domain/ledger_records.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/attachment_store.h"
#include "../store/ad_store.h"
#include "../store/db.h"
#include "../store/unit_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static json_t *ad_to_json(const struct public_service_ad *a)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:o, s:i, s:s, s:s, s:I, s:o, s:o}", "id",
			 (json_int_t)a->id, "unit_id", (json_int_t)a->unit_id, "unit_name", a->unit_name, "carrier",
			 a->carrier, "carrier_label", ledger_ad_carrier_label(a->carrier), "theme", a->theme, "count",
			 (json_int_t)a->count, "start_date", a->start_date, "end_date",
			 a->end_date[0] ? json_string(a->end_date) : json_null(), "year", a->year, "place", a->place,
			 "description", a->description, "version", (json_int_t)a->version, "created_at",
			 handler_time_json(a->created_at), "updated_at", handler_time_json(a->updated_at));
}

static int ad_filter_or_reply(struct req *r, struct ad_filter *f)
{
	memset(f, 0, sizeof *f);
	int64_t year = 0;
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f->unit_id) ||
	    !handler_query_int_or_reply(r, "year", 1949, 2100, &year)) {
		return 0;
	}
	f->year = (int)year;
	f->carrier = req_query(r, "carrier");
	f->region = req_query(r, "region");
	f->q = req_query(r, "q");
	if (f->carrier && *f->carrier && !ledger_ad_carrier_label(f->carrier)[0]) {
		reply_error(r, 400, "invalid_value", "载体无效", "carrier");
		return 0;
	}
	if (f->region && *f->region && region_code_level(f->region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return 0;
	}
	if (f->q && text_utf8_chars(f->q, strlen(f->q)) > 50) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过50个字", "q");
		return 0;
	}
	return 1;
}

static void ad_export_row(const struct public_service_ad *a, void *ctx)
{
	char count[24];
	snprintf(count, sizeof count, "%lld", (long long)a->count);
	const char *cells[] = {a->start_date, a->end_date,  a->unit_name, ledger_ad_carrier_label(a->carrier),
			       a->theme,      count,        a->place,     a->description};
	handler_export_row(ctx, cells, sizeof cells / sizeof cells[0]);
}

static void ad_list_row(const struct public_service_ad *a, void *ctx)
{
	json_array_append_new(ctx, ad_to_json(a));
}

static enum err publicity_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				int64_t *total)
{
	struct ad_filter *f = filter;
	f->page = page;
	f->per_page = per_page;
	return ad_store_list(req_db(r), &r->who.scope, f, export_rows ? ad_export_row : ad_list_row, ctx,
				total);
}

void h_publicity_list(struct req *r)
{
	struct ad_filter f;
	struct page_params pp;
	if (!ad_filter_or_reply(r, &f) || !handler_page_or_reply(r, &pp)) {
		return;
	}
	static const struct sheet_col cols[] = {
		{"开始日期", 12, 0}, {"结束日期", 12, 0}, {"单位名称", 28, 0}, {"载体", 12, 0},
		{"主题", 30, 0},     {"数量", 8, 1},      {"地点", 20, 0},     {"说明", 50, 0},
	};
	static const struct handler_list list = {"公益广告", "publicity", cols, sizeof cols / sizeof cols[0],
						   publicity_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

void h_publicity_get(struct req *r)
{
	struct public_service_ad *a = xcalloc(1, sizeof *a);
	enum err e = ad_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), a);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "公益广告记录不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "publicity get");
	} else {
		reply_json(r, 200, ad_to_json(a));
	}
	free(a);
}

static const struct json_in_field ad_fields[] = {
	{"unit_id", JIN_INT, 0, 1, INT64_MAX, "单位"},
	{"carrier", JIN_STRING, 0, 1, 23, "载体"},
	{"theme", JIN_STRING, 0, 1, LEDGER_AD_THEME_MAX, "主题"},
	{"count", JIN_INT, 0, 1, LEDGER_AD_COUNT_MAX, "数量"},
	{"start_date", JIN_STRING, 0, 1, 10, "开始日期"},
	{"end_date", JIN_STRING, 0, 0, 10, "结束日期"},
	{"place", JIN_STRING, 0, 0, LEDGER_AD_PLACE_MAX, "地点"},
	{"description", JIN_STRING, 0, 0, LEDGER_RECORD_TEXT_MAX, "说明"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define AD_N_FIELDS (sizeof ad_fields / sizeof ad_fields[0])

/* null or "" clears an optional text (end_date, place, description). */
static void ad_take_str(json_t *body, const char *name, char *out, size_t outlen)
{
	if (json_object_get(body, name)) {
		out[0] = '\0';
		json_in_str(body, name, out, outlen);
	}
}

/* Applies the body and checks the whole record: the unit is in the caller's scope and active
 * (re-checked only when it changes, so a merged unit's ads stay editable). */
static enum err ad_apply_body(struct req *r, struct public_service_ad *a, json_t *body, struct err_detail *d)
{
	int64_t old_unit = a->unit_id;
	json_in_int(body, "unit_id", &a->unit_id);
	json_in_str(body, "carrier", a->carrier, sizeof a->carrier);
	json_in_str(body, "theme", a->theme, sizeof a->theme);
	json_in_int(body, "count", &a->count);
	json_in_str(body, "start_date", a->start_date, sizeof a->start_date);
	ad_take_str(body, "end_date", a->end_date, sizeof a->end_date);
	ad_take_str(body, "place", a->place, sizeof a->place);
	ad_take_str(body, "description", a->description, sizeof a->description);
	if (!a->unit_id) {
		return err_set(d, ERR_INVALID, "required", "unit_id", "请选择单位");
	}
	char today[11];
	ledger_date_of(handler_now(), today);
	struct ad_fields af = {a->carrier, a->theme, a->start_date, a->end_date, a->place, a->description, a->count};
	enum err e = ledger_ad_validate(&af, today, d);
	if (e != ERR_OK) {
		return e;
	}
	a->year = ledger_date_year(a->start_date);
	struct unit u;
	if (unit_store_get(req_db(r), &r->who.scope, a->unit_id, &u) != ERR_OK) {
		return err_set(d, ERR_NOT_FOUND, "unit_not_found", "unit_id", "单位不存在或不在您的管辖范围内");
	}
	if (a->unit_id != old_unit && strcmp(u.status, "active") != 0) {
		return err_set(d, ERR_CONFLICT, "unit_inactive", "unit_id", "该单位已合并或撤销，不能新增公益广告记录");
	}
	str_copy(a->unit_name, sizeof a->unit_name, u.name);
	str_copy(a->unit_region_code, sizeof a->unit_region_code, u.region_code);
	return ERR_OK;
}

void h_publicity_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, ad_fields, AD_N_FIELDS - 1);
	if (!body || !handler_begin_or_reply(r)) {
		return;
	}
	struct public_service_ad *a = xcalloc(1, sizeof *a);
	struct err_detail d;
	err_clear(&d);
	if (ad_apply_body(r, a, body, &d) != ERR_OK || ad_store_insert(req_db(r), a, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "create", "public_service_ad", a->id, a->unit_region_code, NULL,
					  ad_to_json(a)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 201, ad_to_json(a));
	}
	free(a);
}

void h_publicity_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, ad_fields, AD_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct public_service_ad *before = xcalloc(2, sizeof *before);
	struct public_service_ad *a = before + 1;
	struct err_detail d;
	err_clear(&d);
	enum err e = ad_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "公益广告记录不存在");
		handler_rollback_reply(r, &d);
		free(before);
		return;
	}
	*a = *before;
	if (ad_apply_body(r, a, body, &d) != ERR_OK || ad_store_update(req_db(r), a, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "update", "public_service_ad", a->id, a->unit_region_code, ad_to_json(before),
					  ad_to_json(a)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 200, ad_to_json(a));
	}
	free(before);
}

void h_publicity_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct public_service_ad *a = xcalloc(1, sizeof *a);
	struct err_detail d;
	err_clear(&d);
	enum err e = ad_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), a);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "公益广告记录不存在");
		handler_rollback_reply(r, &d);
	} else if (attachment_store_delete_owner(req_db(r), "ad", a->id) != ERR_OK) {
		err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		handler_rollback_reply(r, &d);
	} else if (ad_store_delete(req_db(r), a->id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "delete", "public_service_ad", a->id, a->unit_region_code, ad_to_json(a),
					  NULL) &&
		   handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
	free(a);
}
