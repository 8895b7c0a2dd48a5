/* h_units.c — the unit registry: list, detail, create, update, delete, restructure (merge,
 * split, rename, dissolve) and registry statistics (http layer). Handlers validate, call the
 * domain and the stores inside one transaction, audit the change, and answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../codec/json_out.h"
#include "../codec/registry_json.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../domain/title.h"
#include "../domain/uscc.h"
#include "../store/db.h"
#include "../store/title_store.h"
#include "../store/unit_store.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static const struct json_in_field unit_fields[] = {
	{"name", JIN_STRING, 0, 0, UNIT_NAME_MAX, "单位名称"},
	{"uscc", JIN_STRING, 0, 0, 30, "统一社会信用代码"},
	{"category", JIN_STRING, 0, 0, 32, "单位类别"},
	{"region_code", JIN_STRING, 0, 0, 6, "行政区划"},
	{"address", JIN_STRING, 0, 0, UNIT_ADDRESS_MAX, "地址"},
	{"contact_name", JIN_STRING, 0, 0, UNIT_CONTACT_MAX, "联系人"},
	{"contact_phone", JIN_STRING, 0, 0, UNIT_PHONE_MAX, "联系电话"},
	{"staff_count", JIN_INT, 0, 0, UNIT_STAFF_MAX, "职工人数"},
	{"remark", JIN_STRING, 0, 0, UNIT_REMARK_MAX, "备注"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define UNIT_N_FIELDS (sizeof unit_fields / sizeof unit_fields[0])

/* Copies the body's fields over u. 0 (and an answer in d) when the USCC is too long to be one. */
static int unit_apply_body(struct unit *u, json_t *body, struct err_detail *d)
{
	char uscc[128];
	json_in_str(body, "name", u->name, sizeof u->name);
	if (json_in_str(body, "uscc", uscc, sizeof uscc)) {
		uscc_normalize(uscc);
		if (strlen(uscc) > 18) {
			err_set(d, ERR_INVALID, "uscc_length", "uscc", "统一社会信用代码应为18位");
			return 0;
		}
		str_copy(u->uscc, sizeof u->uscc, uscc);
	}
	json_in_str(body, "category", u->category, sizeof u->category);
	json_in_str(body, "region_code", u->region_code, sizeof u->region_code);
	json_in_str(body, "address", u->address, sizeof u->address);
	json_in_str(body, "contact_name", u->contact_name, sizeof u->contact_name);
	json_in_str(body, "contact_phone", u->contact_phone, sizeof u->contact_phone);
	json_in_int(body, "staff_count", &u->staff_count);
	json_in_str(body, "remark", u->remark, sizeof u->remark);
	return 1;
}

static int unit_region_in_scope_or_reply(struct req *r, const char *region_code)
{
	if (!scope_covers_region(&r->who.scope, region_code)) {
		reply_error(r, 404, "region_not_found", "行政区划不存在或不在您的管辖范围内", "region_code");
		return 0;
	}
	return 1;
}

/* ---- list ---- */

struct unit_list_ctx {
	struct buf *out; /* JSON text of the items */
	int n;
	struct handler_export *x;
};

static void unit_list_row(const struct unit *u, void *ctx)
{
	struct unit_list_ctx *c = ctx;
	if (c->x) {
		char staff[24], top[64] = "";
		snprintf(staff, sizeof staff, "%lld", (long long)u->staff_count);
		if (u->top_title.id) {
			snprintf(top, sizeof top, "%s%s（%s）", title_level_label(u->top_title.level),
				 title_tier_label(u->top_title.tier), title_status_label(u->top_title.status));
		}
		const char *cells[] = {u->name, u->uscc, u->category_label, u->region_name, top, staff,
				       title_unit_status_label(u->status), u->address, u->contact_name, u->contact_phone};
		handler_export_row(c->x, cells, sizeof cells / sizeof cells[0]);
		return;
	}
	if (c->n++) {
		buf_putc(c->out, ',');
	}
	unit_write_json(c->out, u);
}

static int unit_filter_or_reply(struct req *r, struct unit_filter *f)
{
	memset(f, 0, sizeof *f);
	f->q = req_query(r, "q");
	f->region = req_query(r, "region");
	f->category = req_query(r, "category");
	f->status = req_query(r, "status");
	f->level = req_query(r, "level");
	f->tier = req_query(r, "tier");
	f->title_status = req_query(r, "title_status");
	f->sort = req_query(r, "sort");
	if (f->q && text_utf8_chars(f->q, strlen(f->q)) > 100) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过100个字", "q");
		return 0;
	}
	if (f->region && *f->region && region_code_level(f->region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return 0;
	}
	if (f->status && *f->status && !title_unit_status_valid(f->status)) {
		reply_error(r, 400, "invalid_value", "单位状态无效，可选 active、merged、dissolved", "status");
		return 0;
	}
	if (f->level && *f->level && !title_level_valid(f->level)) {
		reply_error(r, 400, "invalid_value", "称号级别无效，可选 national、region、city、banner", "level");
		return 0;
	}
	if (f->tier && *f->tier && !title_tier_valid(f->tier)) {
		reply_error(r, 400, "invalid_value", "称号类型无效，可选 unit、model", "tier");
		return 0;
	}
	if (f->title_status && *f->title_status && !title_status_valid(f->title_status)) {
		reply_error(r, 400, "invalid_value", "称号状态无效", "title_status");
		return 0;
	}
	if (f->category && strlen(f->category) > 32) {
		reply_error(r, 400, "too_long", "单位类别无效", "category");
		return 0;
	}
	return 1;
}

void h_units_list(struct req *r)
{
	struct unit_filter f;
	struct page_params p;
	if (!unit_filter_or_reply(r, &f) || !handler_page_or_reply(r, &p)) {
		return;
	}
	f.page = p.page;
	f.per_page = p.per_page;
	f.after = p.after;
	struct err_detail d;
	err_clear(&d);
	int64_t total = 0;
	char cursor[2400], after[2400];
	struct unit_list_ctx c = {0};
	if (p.export_format) {
		static const struct sheet_col cols[] = {
			{"单位名称", 30, 0}, {"统一社会信用代码", 20, 0}, {"单位类别", 12, 0}, {"行政区划", 12, 0},
			{"最高称号", 18, 0}, {"职工人数", 10, 1},	      {"状态", 8, 0},	   {"地址", 30, 0},
			{"联系人", 10, 0},   {"联系电话", 14, 0},
		};
		struct handler_export x;
		if (!handler_export_open_or_reply(r, &x, p.export_format, "文明单位", cols, sizeof cols / sizeof cols[0])) {
			return;
		}
		c.x = &x;
		f.per_page = 1000;
		f.page = 1;
		/* Walks the whole result with keyset pages (up to the export limit). */
		for (int pages = 0; pages < 1100 && !x.overflow; pages++) {
			if (unit_store_list(req_db(r), &r->who.scope, &f, unit_list_row, &c, &total, cursor,
					    sizeof cursor, &d) != ERR_OK) {
				handler_export_finish(r, &x, 0, "文明单位", "units");
				return;
			}
			if (!cursor[0]) {
				break;
			}
			/* The store clears next_cursor first, so the cursor read must live elsewhere. */
			memcpy(after, cursor, sizeof after);
			f.after = after;
		}
		handler_export_finish(r, &x, 1, "文明单位", "units");
		return;
	}
	struct buf out;
	buf_init(&out);
	buf_reserve(&out, 1024 + (size_t)f.per_page * 700);
	buf_puts(&out, "{\"items\":[");
	c.out = &out;
	if (unit_store_list(req_db(r), &r->who.scope, &f, unit_list_row, &c, &total, cursor, sizeof cursor, &d) !=
	    ERR_OK) {
		buf_cleanup(&out);
		reply_err_detail(r, &d);
		return;
	}
	buf_printf(&out, "],\"total\":%lld,\"page\":%d,\"per_page\":%d,\"next_cursor\":", (long long)total, p.page,
		   p.per_page);
	jw_str(&out, cursor[0] ? cursor : NULL);
	buf_putc(&out, '}');
	reply_json_buf(r, 200, &out);
}

/* ---- detail ---- */

struct unit_detail_ctx {
	json_t *titles;
	json_t *events;
};

static void unit_title_row(const struct title *t, void *ctx)
{
	struct unit_detail_ctx *c = ctx;
	json_t *tj = title_to_json(t);
	json_object_set_new(tj, "events", json_array());
	json_array_append_new(c->titles, tj);
}

static void unit_title_event_row(const struct title_event *e, void *ctx)
{
	struct unit_detail_ctx *c = ctx;
	size_t i;
	json_t *tj;
	json_array_foreach(c->titles, i, tj) {
		if (json_integer_value(json_object_get(tj, "id")) == e->title_id) {
			json_array_append_new(json_object_get(tj, "events"), title_event_to_json(e));
		}
	}
}

static void unit_event_row(const struct unit_event *e, void *ctx)
{
	struct unit_detail_ctx *c = ctx;
	json_array_append_new(c->events, unit_event_to_json(e));
}

/* The unit with its titles (with events) and lineage; NULL on a database failure. */
static json_t *unit_detail_json(struct req *r, const struct unit *u)
{
	struct unit_detail_ctx c = {json_array(), json_array()};
	struct title_filter tf = {.unit_id = u->id, .page = 1, .per_page = 200};
	int64_t total;
	struct db *db = req_db(r);
	if (title_store_list(db, NULL, &tf, unit_title_row, &c, &total) != ERR_OK ||
	    title_event_list_for_unit(db, u->id, unit_title_event_row, &c) != ERR_OK ||
	    unit_event_list(db, u->id, unit_event_row, &c) != ERR_OK) {
		json_decref(c.titles);
		json_decref(c.events);
		return NULL;
	}
	json_t *j = unit_to_json(u);
	json_object_set_new(j, "titles", c.titles);
	json_object_set_new(j, "events", c.events);
	return j;
}

void h_units_get(struct req *r)
{
	struct unit u;
	enum err e = unit_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &u);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "单位不存在", NULL);
		return;
	}
	json_t *j = e == ERR_OK ? unit_detail_json(r, &u) : NULL;
	if (!j) {
		reply_db_failure(r, "unit get");
		return;
	}
	reply_json(r, 200, j);
}

/* ---- create / update / delete ---- */

void h_units_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, unit_fields, UNIT_N_FIELDS - 1);
	if (!body) {
		return;
	}
	struct unit u;
	memset(&u, 0, sizeof u);
	snprintf(u.status, sizeof u.status, "active");
	struct err_detail d;
	err_clear(&d);
	if (!unit_apply_body(&u, body, &d) || unit_validate(&u, &d) != ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	if (!unit_region_in_scope_or_reply(r, u.region_code) || !handler_begin_or_reply(r)) {
		return;
	}
	int64_t now = handler_now();
	struct db *db = req_db(r);
	if (unit_store_insert(db, &u, now, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	struct unit_event ev = {.unit_id = u.id, .at = now};
	snprintf(ev.kind, sizeof ev.kind, "created");
	snprintf(ev.new_name, sizeof ev.new_name, "%s", u.name);
	int ok = unit_event_insert(db, &ev, r->who.user_id) == ERR_OK;
	if (!handler_audit_or_reply(r, ok, "create", "unit", u.id, u.region_code, NULL, unit_to_json(&u)) ||
	    !handler_commit_or_reply(r)) {
		return;
	}
	unit_store_get(db, NULL, u.id, &u);
	reply_json(r, 201, unit_to_json(&u));
}

void h_units_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, unit_fields, UNIT_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct db *db = req_db(r);
	struct unit u, before;
	struct err_detail d;
	err_clear(&d);
	enum err e = unit_store_get(db, &r->who.scope, req_param_id(r, 0), &before);
	if (e != ERR_OK) {
		err_set(&d, e, e == ERR_NOT_FOUND ? "not_found" : "db", NULL, "单位不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	u = before;
	if (!unit_apply_body(&u, body, &d) || unit_validate(&u, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (strcmp(u.region_code, before.region_code) != 0 && !scope_covers_region(&r->who.scope, u.region_code)) {
		err_set(&d, ERR_NOT_FOUND, "region_not_found", "region_code", "行政区划不存在或不在您的管辖范围内");
		handler_rollback_reply(r, &d);
		return;
	}
	if (unit_store_update(db, &u, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (!handler_audit_or_reply(r, 1, "update", "unit", u.id, u.region_code, unit_to_json(&before), unit_to_json(&u))) {
		return;
	}
	if (!handler_commit_or_reply(r)) {
		return;
	}
	unit_store_get(db, NULL, u.id, &u);
	reply_json(r, 200, unit_to_json(&u));
}

void h_units_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct db *db = req_db(r);
	struct unit u;
	struct err_detail d;
	err_clear(&d);
	enum err e = unit_store_get(db, &r->who.scope, req_param_id(r, 0), &u);
	if (e != ERR_OK) {
		err_set(&d, e, e == ERR_NOT_FOUND ? "not_found" : "db", NULL, "单位不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	if (unit_store_delete(db, u.id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (!handler_audit_or_reply(r, 1, "delete", "unit", u.id, u.region_code, unit_to_json(&u), NULL)) {
		return;
	}
	if (!handler_commit_or_reply(r)) {
		return;
	}
	reply_no_content(r);
}

static void registry_stats_title_row(const char *level, const char *tier, const char *status, int64_t n, void *ctx)
{
	json_array_append_new(ctx, json_pack("{s:s, s:s, s:s, s:I}", "level", level, "tier", tier, "status", status,
					     "count", (json_int_t)n));
}

void h_registry_stats(struct req *r)
{
	struct registry_stats s;
	json_t *titles = json_array();
	if (unit_store_stats(req_db(r), &r->who.scope, &s, registry_stats_title_row, titles) != ERR_OK) {
		json_decref(titles);
		reply_db_failure(r, "stats");
		return;
	}
	reply_json(r, 200,
		   json_pack("{s:{s:I, s:I, s:I, s:I}, s:o}", "units", "total", (json_int_t)s.units_total, "active",
			     (json_int_t)s.units_active, "merged", (json_int_t)s.units_merged, "dissolved",
			     (json_int_t)s.units_dissolved, "titles", titles));
}

