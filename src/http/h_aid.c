/* h_aid.c — the creation ledger's aid records (帮扶记录: 选派第一书记, 产业项目, 消费帮扶, 捐款捐物,
 * 帮扶资金) and their totals by kind (http layer). Scoped by unit: admins write them in their
 * region, a unit's liaison for their own unit. Money is integer fen, answered also as exact 元
 * and 万元 text (domain/money). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../domain/aid.h"
#include "../domain/ledger.h"
#include "../domain/money.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/attachment_store.h"
#include "../store/aid_store.h"
#include "../store/db.h"
#include "../store/partner_store.h"
#include "../store/unit_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static json_t *aid_to_json(const struct aid_record *a)
{
	char yuan[MONEY_TEXT_MAX], wan[MONEY_TEXT_MAX];
	money_format_yuan(a->amount_fen, yuan, sizeof yuan);
	money_format_wan(a->amount_fen, wan, sizeof wan);
	const char *unit_label = ledger_aid_unit_label(a->quantity_unit);
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:s, s:s, s:i, s:o, s:s, s:s, s:I, s:s, s:s, s:I, s:s, s:s,"
			 " s:s, s:I, s:o, s:o}",
			 "id", (json_int_t)a->id, "unit_id", (json_int_t)a->unit_id, "unit_name", a->unit_name, "kind",
			 a->kind, "kind_label", ledger_aid_kind_label(a->kind), "partner_id",
			 a->partner_id ? json_integer(a->partner_id) : json_null(), "partner_name", a->partner_name,
			 "aid_date", a->aid_date, "year", a->year, "end_date",
			 a->end_date[0] ? json_string(a->end_date) : json_null(), "person", a->person, "item", a->item,
			 "quantity", (json_int_t)a->quantity, "quantity_unit", a->quantity_unit, "quantity_unit_label",
			 unit_label ? unit_label : "", "amount_fen", (json_int_t)a->amount_fen, "amount_yuan", yuan,
			 "amount_wan", wan, "description", a->description, "version", (json_int_t)a->version,
			 "created_at", handler_time_json(a->created_at), "updated_at", handler_time_json(a->updated_at));
}

/* Partners are located by region: a liaison picks among those of their region. */
static struct scope aid_partner_scope(const struct req *r)
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

static int aid_filter_or_reply(struct req *r, struct aid_filter *f)
{
	memset(f, 0, sizeof *f);
	int64_t year = 0;
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f->unit_id) ||
	    !handler_query_int_or_reply(r, "partner_id", 1, INT64_MAX / 2, &f->partner_id) ||
	    !handler_query_int_or_reply(r, "year", 1949, 2100, &year)) {
		return 0;
	}
	f->year = (int)year;
	f->kind = req_query(r, "kind");
	f->region = req_query(r, "region");
	f->q = req_query(r, "q");
	f->from = req_query(r, "from");
	f->to = req_query(r, "to");
	if (f->kind && *f->kind && ledger_aid_kind_index(f->kind) < 0) {
		reply_error(r, 400, "invalid_value", "帮扶类型无效", "kind");
		return 0;
	}
	if (f->region && *f->region && region_code_level(f->region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return 0;
	}
	int bad_from = f->from && *f->from && !ledger_date_valid(f->from);
	if (bad_from || (f->to && *f->to && !ledger_date_valid(f->to))) {
		reply_error(r, 400, "invalid_date", "日期应为有效日期，格式 YYYY-MM-DD", bad_from ? "from" : "to");
		return 0;
	}
	if (f->q && text_utf8_chars(f->q, strlen(f->q)) > 50) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过50个字", "q");
		return 0;
	}
	return 1;
}

static void aid_export_row(const struct aid_record *a, void *ctx)
{
	char quantity[24] = "", yuan[MONEY_TEXT_MAX] = "";
	int purchase = strcmp(a->kind, "purchase_aid") == 0;
	if (purchase) {
		snprintf(quantity, sizeof quantity, "%lld", (long long)a->quantity);
	}
	if (strcmp(a->kind, "first_secretary") != 0) {
		money_format_yuan(a->amount_fen, yuan, sizeof yuan);
	}
	const char *unit_label = ledger_aid_unit_label(a->quantity_unit);
	const char *cells[] = {a->aid_date, a->unit_name, ledger_aid_kind_label(a->kind), a->partner_name, a->person,
			       a->end_date, a->item, quantity, unit_label ? unit_label : "", yuan, a->description};
	handler_export_row(ctx, cells, sizeof cells / sizeof cells[0]);
}

static void aid_json_row(const struct aid_record *a, void *ctx)
{
	json_array_append_new(ctx, aid_to_json(a));
}

static enum err aid_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				int64_t *total)
{
	struct aid_filter *f = filter;
	f->page = page;
	f->per_page = per_page;
	return aid_store_list(req_db(r), &r->who.scope, f, export_rows ? aid_export_row : aid_json_row, ctx,
				total);
}

void h_aid_list(struct req *r)
{
	struct aid_filter f;
	struct page_params pp;
	if (!aid_filter_or_reply(r, &f) || !handler_page_or_reply(r, &pp)) {
		return;
	}
	static const struct sheet_col cols[] = {
		{"帮扶日期", 12, 0}, {"单位名称", 28, 0}, {"帮扶类型", 14, 0},  {"帮扶对象", 20, 0},
		{"第一书记", 10, 0}, {"离任日期", 12, 0}, {"项目或产品", 20, 0}, {"数量", 10, 1},
		{"计量单位", 8, 0},  {"金额(元)", 16, 0}, {"说明", 40, 0},
	};
	static const struct handler_list list = {"帮扶记录", "aid", cols, sizeof cols / sizeof cols[0],
						   aid_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

/* The sums of one kind, or of all. */
struct aid_sum {
	int64_t records, amount_fen, quantity_kg;
	int present;
};

struct aid_totals_ctx {
	struct aid_sum kinds[AID_N_KINDS], all;
	int overflow;
};

static int aid_add(int64_t *to, int64_t v)
{
	if ((v > 0 && *to > INT64_MAX - v) || (v < 0 && *to < INT64_MIN - v)) {
		return 0;
	}
	*to += v;
	return 1;
}

static void aid_totals_add_row(const struct aid_totals_row *t, void *ctx)
{
	struct aid_totals_ctx *c = ctx;
	int i = ledger_aid_kind_index(t->kind);
	if (i < 0) {
		return; /* the table's CHECK admits only the five kinds */
	}
	struct aid_sum *k = &c->kinds[i];
	k->present = 1;
	if (!aid_add(&k->records, t->records) || !aid_add(&k->amount_fen, t->amount_fen) ||
	    !aid_add(&k->quantity_kg, t->quantity_kg) || !aid_add(&c->all.records, t->records) ||
	    !aid_add(&c->all.amount_fen, t->amount_fen) || !aid_add(&c->all.quantity_kg, t->quantity_kg)) {
		c->overflow = 1;
	}
}

/* Adds records, amount_fen, amount_yuan, amount_wan, quantity_kg of s to o. */
static void aid_sum_json(json_t *o, const struct aid_sum *s)
{
	char yuan[MONEY_TEXT_MAX], wan[MONEY_TEXT_MAX];
	money_format_yuan(s->amount_fen, yuan, sizeof yuan);
	money_format_wan(s->amount_fen, wan, sizeof wan);
	json_object_set_new(o, "records", json_integer(s->records));
	json_object_set_new(o, "amount_fen", json_integer(s->amount_fen));
	json_object_set_new(o, "amount_yuan", json_string(yuan));
	json_object_set_new(o, "amount_wan", json_string(wan));
	json_object_set_new(o, "quantity_kg", json_integer(s->quantity_kg));
}

void h_aid_totals(struct req *r)
{
	struct aid_filter f;
	if (!aid_filter_or_reply(r, &f)) {
		return;
	}
	struct aid_totals_ctx c;
	memset(&c, 0, sizeof c);
	if (aid_store_totals(req_db(r), &r->who.scope, &f, aid_totals_add_row, &c) != ERR_OK) {
		reply_db_failure(r, "aid totals");
		return;
	}
	if (c.overflow) {
		reply_error(r, 500, "overflow", "合计金额超出可计算的范围", NULL);
		return;
	}
	json_t *items = json_array();
	for (int i = 0; i < AID_N_KINDS; i++) {
		if (!c.kinds[i].present) {
			continue;
		}
		const char *kind = ledger_aid_kind_at(i);
		json_t *o = json_pack("{s:s, s:s}", "kind", kind, "kind_label", ledger_aid_kind_label(kind));
		aid_sum_json(o, &c.kinds[i]);
		json_array_append_new(items, o);
	}
	json_t *out = json_pack("{s:o}", "items", items);
	aid_sum_json(out, &c.all);
	reply_json(r, 200, out);
}

void h_aid_get(struct req *r)
{
	struct aid_record *a = xcalloc(1, sizeof *a);
	enum err e = aid_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), a);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "帮扶记录不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "aid get");
	} else {
		reply_json(r, 200, aid_to_json(a));
	}
	free(a);
}

static const struct json_in_field aid_fields[] = {
	{"unit_id", JIN_INT, 0, 1, INT64_MAX, "单位"},
	{"kind", JIN_STRING, 0, 1, 20, "帮扶类型"},
	{"partner_id", JIN_INT, 0, 1, INT64_MAX, "帮扶对象"},
	{"aid_date", JIN_STRING, 0, 1, 10, "帮扶日期"},
	{"end_date", JIN_STRING, 0, 0, 10, "离任日期"},
	{"person", JIN_STRING, 0, 0, AID_PERSON_MAX, "第一书记姓名"},
	{"item", JIN_STRING, 0, 0, AID_ITEM_MAX, "项目或产品"},
	{"quantity", JIN_INT, 0, 0, AID_QUANTITY_MAX, "数量"},
	{"quantity_unit", JIN_STRING, 0, 0, 8, "计量单位"},
	/* Any integer here: the domain answers invalid_amount for a negative or too large one. */
	{"amount_fen", JIN_INT, 0, INT64_MIN, INT64_MAX, "金额（分）"},
	{"description", JIN_STRING, 0, 0, AID_DESC_MAX, "说明"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define AID_N_FIELDS (sizeof aid_fields / sizeof aid_fields[0])

/* A member present (null included) replaces the value: null or "" clears it. */
static void aid_take_str(json_t *body, const char *name, char *out, size_t outlen)
{
	if (json_object_get(body, name)) {
		out[0] = '\0';
		json_in_str(body, name, out, outlen);
	}
}

static void aid_take_int(json_t *body, const char *name, int64_t *out)
{
	if (json_object_get(body, name)) {
		*out = 0;
		json_in_int(body, name, out);
	}
}

/* Applies the body and checks it: the per-kind rules (domain/aid), the unit is the caller's and
 * active (re-checked only when it changes), the partner (optional; a first secretary's must be
 * a village) is one the caller can see. */
static enum err aid_apply_body(struct req *r, struct aid_record *a, json_t *body, struct err_detail *d)
{
	int64_t old_unit = a->unit_id;
	json_in_int(body, "unit_id", &a->unit_id);
	json_in_str(body, "kind", a->kind, sizeof a->kind);
	aid_take_int(body, "partner_id", &a->partner_id);
	json_in_str(body, "aid_date", a->aid_date, sizeof a->aid_date);
	aid_take_str(body, "end_date", a->end_date, sizeof a->end_date);
	aid_take_str(body, "person", a->person, sizeof a->person);
	aid_take_str(body, "item", a->item, sizeof a->item);
	aid_take_int(body, "quantity", &a->quantity);
	aid_take_str(body, "quantity_unit", a->quantity_unit, sizeof a->quantity_unit);
	aid_take_int(body, "amount_fen", &a->amount_fen);
	aid_take_str(body, "description", a->description, sizeof a->description);
	if (!a->unit_id) {
		return err_set(d, ERR_INVALID, "required", "unit_id", "请选择单位");
	}
	char today[11];
	ledger_date_of(handler_now(), today);
	struct aid_fields af = {a->kind, a->aid_date, a->end_date, a->person, a->item, a->quantity_unit,
				a->description, a->partner_id, a->quantity, a->amount_fen, today};
	enum err e = ledger_aid_validate(&af, d);
	if (e != ERR_OK) {
		return e;
	}
	a->year = ledger_date_year(a->aid_date);
	struct unit u;
	if (unit_store_get(req_db(r), &r->who.scope, a->unit_id, &u) != ERR_OK) {
		return err_set(d, ERR_NOT_FOUND, "unit_not_found", "unit_id", "单位不存在或不在您的管辖范围内");
	}
	if (a->unit_id != old_unit && strcmp(u.status, "active") != 0) {
		return err_set(d, ERR_CONFLICT, "unit_inactive", "unit_id", "该单位已合并或撤销，不能新增帮扶记录");
	}
	str_copy(a->unit_name, sizeof a->unit_name, u.name);
	str_copy(a->unit_region_code, sizeof a->unit_region_code, u.region_code);
	a->partner_name[0] = '\0';
	if (a->partner_id) {
		struct scope ps = aid_partner_scope(r);
		struct partner *p = xcalloc(1, sizeof *p);
		e = partner_store_get(req_db(r), &ps, a->partner_id, today, p);
		if (e == ERR_NOT_FOUND) {
			e = err_set(d, ERR_NOT_FOUND, "partner_not_found", "partner_id", "帮扶对象不存在或不在您的管辖范围内");
		} else if (e != ERR_OK) {
			e = err_set(d, ERR_DB, "db", NULL, "读取帮扶对象失败");
		} else if (strcmp(a->kind, "first_secretary") == 0 && strcmp(p->kind, "village") != 0) {
			e = err_set(d, ERR_UNPROCESSABLE, "partner_kind", "partner_id", "第一书记所驻的帮扶对象应为嘎查村");
		} else {
			str_copy(a->partner_name, sizeof a->partner_name, p->name);
		}
		free(p);
	}
	return e;
}

void h_aid_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, aid_fields, AID_N_FIELDS - 1);
	if (!body || !handler_begin_or_reply(r)) {
		return;
	}
	struct aid_record *a = xcalloc(1, sizeof *a);
	struct err_detail d;
	err_clear(&d);
	if (aid_apply_body(r, a, body, &d) != ERR_OK || aid_store_insert(req_db(r), a, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "create", "aid_record", a->id, a->unit_region_code, NULL, aid_to_json(a)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 201, aid_to_json(a));
	}
	free(a);
}

void h_aid_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, aid_fields, AID_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct aid_record *before = xcalloc(2, sizeof *before);
	struct aid_record *a = before + 1;
	struct err_detail d;
	err_clear(&d);
	enum err e = aid_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "帮扶记录不存在");
		handler_rollback_reply(r, &d);
		free(before);
		return;
	}
	*a = *before;
	if (aid_apply_body(r, a, body, &d) != ERR_OK || aid_store_update(req_db(r), a, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "update", "aid_record", a->id, a->unit_region_code, aid_to_json(before),
					  aid_to_json(a)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 200, aid_to_json(a));
	}
	free(before);
}

void h_aid_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct aid_record *a = xcalloc(1, sizeof *a);
	struct err_detail d;
	err_clear(&d);
	enum err e = aid_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), a);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "帮扶记录不存在");
		handler_rollback_reply(r, &d);
	} else if (attachment_store_delete_owner(req_db(r), "aid", a->id) != ERR_OK) {
		err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		handler_rollback_reply(r, &d);
	} else if (aid_store_delete(req_db(r), a->id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "delete", "aid_record", a->id, a->unit_region_code, aid_to_json(a), NULL) &&
		   handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
	free(a);
}
