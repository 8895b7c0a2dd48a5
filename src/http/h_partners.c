/* h_partners.c — the creation ledger's partners (社区/小区, 嘎查村), their pairings with units
 * (结对共建 / 包联共建) and the coverage view (http layer).
 * Partners: everyone reads those of their region (a unit's liaison: their unit's region);
 * admins write. Pairings are scoped by their unit: admins write them in their region, a unit's
 * liaison for their own unit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../domain/ledger.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/db.h"
#include "../store/attachment_store.h"
#include "../store/partner_store.h"
#include "../store/unit_store.h"
#include "../util/buf.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

/* The regions whose partners a caller sees: their scope; a liaison's is their unit's region. */
static struct scope partner_read_scope(struct req *r)
{
	struct scope s = r->who.scope;
	if (s.kind == SCOPE_UNIT) {
		memset(&s, 0, sizeof s);
		if (r->who.region_code[0]) {
			s.kind = SCOPE_REGION;
			str_copy(s.region_code, sizeof s.region_code, r->who.region_code);
		}
	}
	return s;
}

static void partner_today(char out[11])
{
	ledger_date_of(handler_now(), out);
}

static json_t *partner_to_json(const struct partner *p)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:s, s:I, s:I, s:o, s:o}", "id",
			 (json_int_t)p->id, "kind", p->kind, "kind_label", ledger_partner_kind_label(p->kind), "name",
			 p->name, "region_code", p->region_code, "region_name", p->region_name, "address", p->address,
			 "contact_name", p->contact_name, "contact_phone", p->contact_phone, "households",
			 (json_int_t)p->households, "population", (json_int_t)p->population, "remark", p->remark,
			 "active_pairings", (json_int_t)p->active_pairings, "version", (json_int_t)p->version,
			 "created_at", handler_time_json(p->created_at), "updated_at", handler_time_json(p->updated_at));
}

static json_t *pairing_to_json(const struct pairing *g, const char *today)
{
	int active = strcmp(g->start_date, today) <= 0 && (!g->end_date[0] || strcmp(g->end_date, today) >= 0);
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:s, s:I, s:o, s:o}", "id",
			 (json_int_t)g->id, "unit_id", (json_int_t)g->unit_id, "unit_name", g->unit_name, "partner_id",
			 (json_int_t)g->partner_id, "partner_name", g->partner_name, "partner_kind", g->partner_kind,
			 "partner_region_name", g->partner_region_name, "kind", g->kind, "kind_label",
			 ledger_pairing_kind_label(g->kind), "start_date", g->start_date, "end_date",
			 g->end_date[0] ? json_string(g->end_date) : json_null(), "active", active, "note", g->note,
			 "version", (json_int_t)g->version, "created_at", handler_time_json(g->created_at), "updated_at",
			 handler_time_json(g->updated_at));
}

/* ---- partners ---- */

static void partner_export_row(const struct partner *p, void *ctx)
{
	char households[24], population[24], active[24];
	snprintf(households, sizeof households, "%lld", (long long)p->households);
	snprintf(population, sizeof population, "%lld", (long long)p->population);
	snprintf(active, sizeof active, "%lld", (long long)p->active_pairings);
	const char *cells[] = {p->name, ledger_partner_kind_label(p->kind), p->region_name, p->address, p->contact_name,
			       p->contact_phone, households, population, active, p->remark};
	handler_export_row(ctx, cells, sizeof cells / sizeof cells[0]);
}

static void partner_list_row(const struct partner *p, void *ctx)
{
	json_array_append_new(ctx, partner_to_json(p));
}

static enum err partners_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				 int64_t *total)
{
	struct partner_filter *f = filter;
	struct scope s = partner_read_scope(r);
	f->page = page;
	f->per_page = per_page;
	return partner_store_list(req_db(r), &s, f, export_rows ? partner_export_row : partner_list_row, ctx, total);
}

void h_partners_list(struct req *r)
{
	struct page_params pp;
	if (!handler_page_or_reply(r, &pp)) {
		return;
	}
	char today[11];
	partner_today(today);
	struct partner_filter f = {.q = req_query(r, "q"), .kind = req_query(r, "kind"), .region = req_query(r, "region"),
				   .today = today, .page = pp.page, .per_page = pp.per_page};
	if (f.kind && *f.kind && !ledger_partner_kind_valid(f.kind)) {
		reply_error(r, 400, "invalid_value", "共建对象类型无效，可选 community、village", "kind");
		return;
	}
	if (f.region && *f.region && region_code_level(f.region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return;
	}
	if (f.q && text_utf8_chars(f.q, strlen(f.q)) > 100) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过100个字", "q");
		return;
	}
	static const struct sheet_col cols[] = {
		{"名称", 24, 0}, {"类型", 10, 0}, {"行政区划", 14, 0}, {"地址", 30, 0}, {"联系人", 10, 0},
		{"联系电话", 14, 0}, {"户数", 8, 1}, {"人口", 8, 1}, {"结对单位数", 10, 1}, {"备注", 30, 0},
	};
	static const struct handler_list list = {"共建对象", "partners", cols, sizeof cols / sizeof cols[0],
						   partners_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

void h_partners_get(struct req *r)
{
	struct scope s = partner_read_scope(r);
	char today[11];
	partner_today(today);
	struct partner p;
	enum err e = partner_store_get(req_db(r), &s, req_param_id(r, 0), today, &p);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "共建对象不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "partner get");
	} else {
		reply_json(r, 200, partner_to_json(&p));
	}
}

static const struct json_in_field partner_fields[] = {
	{"kind", JIN_STRING, 0, 1, 16, "类型"},
	{"name", JIN_STRING, 0, 1, LEDGER_NAME_MAX, "名称"},
	{"region_code", JIN_STRING, 0, 0, 6, "行政区划"},
	{"address", JIN_STRING, 0, 0, 200, "地址"},
	{"contact_name", JIN_STRING, 0, 0, 50, "联系人"},
	{"contact_phone", JIN_STRING, 0, 0, 30, "联系电话"},
	{"households", JIN_INT, 0, 0, 10000000, "户数"},
	{"population", JIN_INT, 0, 0, 100000000, "人口"},
	{"remark", JIN_STRING, 0, 0, LEDGER_NOTE_MAX, "备注"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define PARTNER_N_FIELDS (sizeof partner_fields / sizeof partner_fields[0])

static enum err partner_apply_body(struct req *r, struct partner *p, json_t *body, struct err_detail *d)
{
	json_in_str(body, "kind", p->kind, sizeof p->kind);
	json_in_str(body, "name", p->name, sizeof p->name);
	json_in_str(body, "region_code", p->region_code, sizeof p->region_code);
	json_in_str(body, "address", p->address, sizeof p->address);
	json_in_str(body, "contact_name", p->contact_name, sizeof p->contact_name);
	json_in_str(body, "contact_phone", p->contact_phone, sizeof p->contact_phone);
	/* null clears a number to 0 (unknown). */
	if (json_is_null(json_object_get(body, "households"))) {
		p->households = 0;
	}
	if (json_is_null(json_object_get(body, "population"))) {
		p->population = 0;
	}
	json_in_int(body, "households", &p->households);
	json_in_int(body, "population", &p->population);
	json_in_str(body, "remark", p->remark, sizeof p->remark);
	struct partner_fields pf = {p->kind, p->name, p->region_code, p->address, p->contact_name, p->contact_phone,
				    p->remark, p->households, p->population};
	enum err e = ledger_partner_validate(&pf, d);
	if (e == ERR_OK && !scope_covers_region(&r->who.scope, p->region_code)) {
		e = err_set(d, ERR_NOT_FOUND, "region_not_found", "region_code", "行政区划不存在或不在您的管辖范围内");
	}
	return e;
}

void h_partners_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, partner_fields, PARTNER_N_FIELDS - 1);
	if (!body) {
		return;
	}
	struct partner p;
	memset(&p, 0, sizeof p);
	struct err_detail d;
	err_clear(&d);
	if (partner_apply_body(r, &p, body, &d) != ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	if (!handler_begin_or_reply(r)) {
		return;
	}
	if (partner_store_insert(req_db(r), &p, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	char today[11];
	partner_today(today);
	partner_store_get(req_db(r), NULL, p.id, today, &p);
	if (handler_audit_or_reply(r, 1, "create", "partner", p.id, p.region_code, NULL, partner_to_json(&p)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, partner_to_json(&p));
	}
}

void h_partners_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, partner_fields, PARTNER_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	char today[11];
	partner_today(today);
	struct partner before, p;
	struct err_detail d;
	err_clear(&d);
	enum err e = partner_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), today, &before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "共建对象不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	p = before;
	if (partner_apply_body(r, &p, body, &d) == ERR_OK && strcmp(p.kind, before.kind) != 0 &&
	    partner_store_has_pairings(req_db(r), p.id)) {
		err_set(&d, ERR_CONFLICT, "partner_kind_locked", "kind", "该共建对象已有结对记录，不能更改类型");
	}
	if (d.err || partner_store_update(req_db(r), &p, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	partner_store_get(req_db(r), NULL, p.id, today, &p);
	if (handler_audit_or_reply(r, 1, "update", "partner", p.id, p.region_code, partner_to_json(&before),
				   partner_to_json(&p)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 200, partner_to_json(&p));
	}
}

void h_partners_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	char today[11];
	partner_today(today);
	struct partner p;
	struct err_detail d;
	err_clear(&d);
	enum err e = partner_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), today, &p);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "共建对象不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	if (partner_store_delete(req_db(r), p.id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "delete", "partner", p.id, p.region_code, partner_to_json(&p), NULL) &&
	    handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
}

/* ---- pairings ---- */

struct pairing_list_ctx {
	json_t *items;
	const char *today;
	struct handler_export *x;
};

static void pairing_list_row(const struct pairing *g, void *ctx)
{
	struct pairing_list_ctx *c = ctx;
	if (c->x) {
		int active = strcmp(g->start_date, c->today) <= 0 && (!g->end_date[0] || strcmp(g->end_date, c->today) >= 0);
		const char *state = active ? "有效" : strcmp(g->start_date, c->today) > 0 ? "未开始" : "已结束";
		const char *cells[] = {g->unit_name, g->partner_name, ledger_partner_kind_label(g->partner_kind),
				       ledger_pairing_kind_label(g->kind), g->start_date, g->end_date[0] ? g->end_date : "长期",
				       state, g->note};
		handler_export_row(c->x, cells, sizeof cells / sizeof cells[0]);
		return;
	}
	json_array_append_new(c->items, pairing_to_json(g, c->today));
}

static enum err pairings_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				 int64_t *total)
{
	struct pairing_filter *f = filter;
	char today[11];
	partner_today(today);
	struct pairing_list_ctx c = {export_rows ? NULL : ctx, today, export_rows ? ctx : NULL};
	f->page = page;
	f->per_page = per_page;
	return pairing_store_list(req_db(r), &r->who.scope, f, pairing_list_row, &c, total);
}

void h_pairings_list(struct req *r)
{
	struct page_params pp;
	if (!handler_page_or_reply(r, &pp)) {
		return;
	}
	char today[11];
	partner_today(today);
	struct pairing_filter f = {.kind = req_query(r, "kind"), .region = req_query(r, "region"), .q = req_query(r, "q"),
				   .page = pp.page, .per_page = pp.per_page};
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f.unit_id) ||
	    !handler_query_int_or_reply(r, "partner_id", 1, INT64_MAX / 2, &f.partner_id)) {
		return;
	}
	const char *active = req_query(r, "active");
	if (active && strcmp(active, "true") == 0) {
		f.active_on = today;
	} else if (active && *active && strcmp(active, "false") != 0) {
		reply_error(r, 400, "invalid_value", "active 应为 true 或 false", "active");
		return;
	}
	const char *on = req_query(r, "on");
	if (on && *on) {
		if (!ledger_date_valid(on)) {
			reply_error(r, 400, "invalid_date", "日期应为有效日期，格式 YYYY-MM-DD", "on");
			return;
		}
		f.active_on = on;
	}
	if (f.kind && *f.kind && !ledger_pairing_kind_valid(f.kind)) {
		reply_error(r, 400, "invalid_value", "结对类型无效，可选 city_creation、rural_revitalization", "kind");
		return;
	}
	if (f.region && *f.region && region_code_level(f.region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return;
	}
	if (f.q && text_utf8_chars(f.q, strlen(f.q)) > 100) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过100个字", "q");
		return;
	}
	static const struct sheet_col cols[] = {
		{"单位名称", 28, 0}, {"共建对象", 22, 0}, {"对象类型", 10, 0}, {"结对类型", 12, 0},
		{"开始日期", 12, 0}, {"结束日期", 12, 0}, {"状态", 8, 0},	 {"备注", 30, 0},
	};
	static const struct handler_list list = {"结对共建", "pairings", cols, sizeof cols / sizeof cols[0],
						   pairings_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

void h_pairings_get(struct req *r)
{
	char today[11];
	partner_today(today);
	struct pairing g;
	enum err e = pairing_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &g);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "结对记录不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "pairing get");
	} else {
		reply_json(r, 200, pairing_to_json(&g, today));
	}
}

static const struct json_in_field pairing_fields[] = {
	{"unit_id", JIN_INT, 0, 1, INT64_MAX, "单位"},
	{"partner_id", JIN_INT, 0, 1, INT64_MAX, "共建对象"},
	{"kind", JIN_STRING, 0, 1, 24, "结对类型"},
	{"start_date", JIN_STRING, 0, 1, 10, "开始日期"},
	{"end_date", JIN_STRING, 0, 0, 10, "结束日期"},
	{"note", JIN_STRING, 0, 0, LEDGER_NOTE_MAX, "备注"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define PAIRING_N_FIELDS (sizeof pairing_fields / sizeof pairing_fields[0])

/* Applies the body, then checks the unit and the partner are the caller's and fit together.
 * A new pairing needs an active unit and a partner the caller can see; an edit re-checks them
 * only when it changes them, so a pairing of a unit since merged can still be ended, and a
 * pairing that a city office made across banners can be edited by either banner. The unit row
 * is locked first, so two concurrent requests cannot both pass the overlap check. */
static enum err pairing_apply_body(struct req *r, struct pairing *g, json_t *body, struct err_detail *d)
{
	int64_t old_unit = g->unit_id, old_partner = g->partner_id;
	json_in_int(body, "unit_id", &g->unit_id);
	json_in_int(body, "partner_id", &g->partner_id);
	json_in_str(body, "kind", g->kind, sizeof g->kind);
	json_in_str(body, "start_date", g->start_date, sizeof g->start_date);
	json_t *end = json_object_get(body, "end_date");
	if (end) {
		g->end_date[0] = '\0';
		json_in_str(body, "end_date", g->end_date, sizeof g->end_date);
	}
	json_in_str(body, "note", g->note, sizeof g->note);
	if (!g->unit_id) {
		return err_set(d, ERR_INVALID, "required", "unit_id", "请选择单位");
	}
	if (!g->partner_id) {
		return err_set(d, ERR_INVALID, "required", "partner_id", "请选择共建对象");
	}
	if (!g->start_date[0]) {
		return err_set(d, ERR_INVALID, "required", "start_date", "请填写开始日期");
	}
	if (unit_store_lock(req_db(r), g->unit_id) != ERR_OK) {
		return err_set(d, ERR_DB, "db", NULL, "lock");
	}
	struct unit u;
	if (unit_store_get(req_db(r), &r->who.scope, g->unit_id, &u) != ERR_OK) {
		return err_set(d, ERR_NOT_FOUND, "unit_not_found", "unit_id", "单位不存在或不在您的管辖范围内");
	}
	if (g->unit_id != old_unit && strcmp(u.status, "active") != 0) {
		return err_set(d, ERR_CONFLICT, "unit_inactive", "unit_id", "该单位已合并或撤销，不能新增结对");
	}
	if (g->partner_id != old_partner) {
		struct scope ps = partner_read_scope(r);
		struct partner p;
		char today[11];
		partner_today(today);
		if (partner_store_get(req_db(r), &ps, g->partner_id, today, &p) != ERR_OK) {
			return err_set(d, ERR_NOT_FOUND, "partner_not_found", "partner_id", "共建对象不存在或不在您的管辖范围内");
		}
		str_copy(g->partner_name, sizeof g->partner_name, p.name);
		str_copy(g->partner_kind, sizeof g->partner_kind, p.kind);
		str_copy(g->partner_region_name, sizeof g->partner_region_name, p.region_name);
	}
	str_copy(g->unit_name, sizeof g->unit_name, u.name);
	str_copy(g->unit_region_code, sizeof g->unit_region_code, u.region_code);
	enum err e = ledger_pairing_validate(g->kind, g->partner_kind, g->start_date, g->end_date, g->note, d);
	if (e == ERR_OK) {
		e = pairing_store_check_overlap(req_db(r), g, g->id, d);
	}
	return e;
}

void h_pairings_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, pairing_fields, PAIRING_N_FIELDS - 1);
	if (!body || !handler_begin_or_reply(r)) {
		return;
	}
	struct pairing g;
	memset(&g, 0, sizeof g);
	struct err_detail d;
	err_clear(&d);
	if (pairing_apply_body(r, &g, body, &d) != ERR_OK || pairing_store_insert(req_db(r), &g, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	char today[11];
	partner_today(today);
	if (handler_audit_or_reply(r, 1, "create", "pairing", g.id, g.unit_region_code, NULL, pairing_to_json(&g, today)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, pairing_to_json(&g, today));
	}
}

void h_pairings_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, pairing_fields, PAIRING_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct pairing before, g;
	struct err_detail d;
	err_clear(&d);
	enum err e = pairing_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "结对记录不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	g = before;
	if (pairing_apply_body(r, &g, body, &d) != ERR_OK ||
	    pairing_store_update(req_db(r), &g, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	char today[11];
	partner_today(today);
	if (handler_audit_or_reply(r, 1, "update", "pairing", g.id, g.unit_region_code, pairing_to_json(&before, today),
				   pairing_to_json(&g, today)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 200, pairing_to_json(&g, today));
	}
}

void h_pairings_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct pairing g;
	struct err_detail d;
	err_clear(&d);
	enum err e = pairing_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &g);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "结对记录不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	char today[11];
	partner_today(today);
	if (attachment_store_delete_owner(req_db(r), "pairing", g.id) != ERR_OK) {
		err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		handler_rollback_reply(r, &d);
		return;
	}
	if (pairing_store_delete(req_db(r), g.id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "delete", "pairing", g.id, g.unit_region_code, pairing_to_json(&g, today), NULL) &&
	    handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
}

/* ---- coverage ---- */

static void coverage_row_cb(int list, const struct coverage_row *row, void *ctx)
{
	json_t **lists = ctx;
	json_t *j = json_pack("{s:I, s:s, s:s}", "id", (json_int_t)row->id, "name", row->name, "region_name",
			      row->region_name);
	if (row->kind) {
		json_object_set_new(j, "kind", json_string(row->kind));
	}
	json_array_append_new(lists[list], j);
}

void h_pairings_coverage(struct req *r)
{
	char day[11];
	partner_today(day);
	const char *on = req_query(r, "on");
	if (on && *on) {
		if (!ledger_date_valid(on)) {
			reply_error(r, 400, "invalid_date", "日期应为有效日期，格式 YYYY-MM-DD", "on");
			return;
		}
		str_copy(day, sizeof day, on);
	}
	int limit = 200;
	const char *lim = req_query(r, "limit");
	if (lim && *lim) {
		char *end;
		long v = strtol(lim, &end, 10);
		if (*end || v < 0 || v > 1000) {
			reply_error(r, 400, "invalid_value", "limit 应为0到1000之间的整数", "limit");
			return;
		}
		limit = (int)v;
	}
	struct scope ps = partner_read_scope(r);
	json_t *lists[3] = {json_array(), json_array(), json_array()};
	struct coverage_counts c;
	if (pairing_store_coverage(req_db(r), &r->who.scope, &ps, day, limit, &c, coverage_row_cb, lists) != ERR_OK) {
		for (int i = 0; i < 3; i++) {
			json_decref(lists[i]);
		}
		reply_db_failure(r, "coverage");
		return;
	}
	reply_json(r, 200,
		   json_pack("{s:s, s:{s:I, s:I, s:I, s:I, s:I}, s:o, s:o, s:o}", "on", day, "counts", "units_active",
			     (json_int_t)c.units_active, "units_without_community", (json_int_t)c.units_without_community,
			     "units_without_village", (json_int_t)c.units_without_village, "partners_total",
			     (json_int_t)c.partners_total, "partners_without", (json_int_t)c.partners_without,
			     "units_without_community", lists[0], "units_without_village", lists[1], "partners_without",
			     lists[2]));
}
