/* h_exemplars.c — the creation ledger's exemplars (先进典型) and each unit's 善行义举四德榜
 * (http layer). Scoped by unit: admins keep the exemplars of their region, a unit's liaison
 * their own unit's; viewers and assessors read. The board groups a unit's exemplars by the
 * virtue (四德) they stand for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../domain/ledger.h"
#include "../domain/ledger_records.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../store/attachment_store.h"
#include "../store/db.h"
#include "../store/exemplar_store.h"
#include "../store/unit_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

/* The board reads a unit's exemplars in pages of this size, at most this many pages. */
#define EXEMPLAR_BOARD_PAGE 1000
#define EXEMPLAR_BOARD_PAGES 100

static json_t *exemplar_to_json(const struct exemplar *e)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:s, s:I, s:o, s:o}", "id",
			 (json_int_t)e->id, "unit_id", (json_int_t)e->unit_id, "unit_name", e->unit_name, "kind", e->kind,
			 "kind_label", ledger_exemplar_kind_label(e->kind), "name", e->name, "level", e->level, "level_label",
			 ledger_exemplar_level_label(e->level), "year", e->year, "virtue", e->virtue, "virtue_label",
			 ledger_virtue_label(e->virtue), "deeds", e->deeds, "version", (json_int_t)e->version, "created_at",
			 handler_time_json(e->created_at), "updated_at", handler_time_json(e->updated_at));
}

static int exemplar_filter_or_reply(struct req *r, struct exemplar_filter *f)
{
	memset(f, 0, sizeof *f);
	int64_t year = 0;
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f->unit_id) ||
	    !handler_query_int_or_reply(r, "year", 1949, 2100, &year)) {
		return 0;
	}
	f->year = (int)year;
	f->kind = req_query(r, "kind");
	f->level = req_query(r, "level");
	f->region = req_query(r, "region");
	f->q = req_query(r, "q");
	if (f->kind && *f->kind && !ledger_exemplar_kind_label(f->kind)[0]) {
		reply_error(r, 400, "invalid_value", "典型类别无效", "kind");
		return 0;
	}
	if (f->level && *f->level && !ledger_exemplar_level_label(f->level)[0]) {
		reply_error(r, 400, "invalid_value", "表彰级别无效", "level");
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

static void exemplar_export_row(const struct exemplar *e, void *ctx)
{
	char year[16];
	snprintf(year, sizeof year, "%d", e->year);
	const char *cells[] = {e->unit_name,
			       e->name,
			       ledger_exemplar_kind_label(e->kind),
			       ledger_exemplar_level_label(e->level),
			       year,
			       ledger_virtue_label(e->virtue),
			       e->deeds};
	handler_export_row(ctx, cells, sizeof cells / sizeof cells[0]);
}

static void exemplar_list_row(const struct exemplar *e, void *ctx)
{
	json_array_append_new(ctx, exemplar_to_json(e));
}

static enum err exemplars_fetch(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
				int64_t *total)
{
	struct exemplar_filter *f = filter;
	f->page = page;
	f->per_page = per_page;
	return exemplar_store_list(req_db(r), &r->who.scope, f, export_rows ? exemplar_export_row : exemplar_list_row, ctx,
				total);
}

void h_exemplars_list(struct req *r)
{
	struct exemplar_filter f;
	struct page_params pp;
	if (!exemplar_filter_or_reply(r, &f) || !handler_page_or_reply(r, &pp)) {
		return;
	}
	static const struct sheet_col cols[] = {
		{"单位名称", 28, 0}, {"姓名或名称", 20, 0}, {"类别", 18, 0},     {"表彰级别", 10, 0},
		{"年度", 8, 1},      {"四德", 10, 0},       {"主要事迹", 60, 0},
	};
	static const struct handler_list list = {"先进典型", "exemplars", cols, sizeof cols / sizeof cols[0],
						   exemplars_fetch};
	handler_list_reply(r, &pp, &list, &f);
}

struct exemplar_board_ctx {
	const char *const *order;
	size_t n_order;
	json_t *items[8];
	int64_t n;
};

static void exemplar_board_row(const struct exemplar *e, void *ctx)
{
	struct exemplar_board_ctx *c = ctx;
	size_t col = c->n_order - 1; /* "" (其他) is last; an unknown virtue goes there too */
	for (size_t i = 0; i < c->n_order; i++) {
		if (strcmp(e->virtue, c->order[i]) == 0) {
			col = i;
			break;
		}
	}
	json_array_append_new(c->items[col], exemplar_to_json(e));
	c->n++;
}

void h_exemplars_board(struct req *r)
{
	const char *unit = req_query(r, "unit_id");
	if (!unit || !*unit) {
		reply_error(r, 400, "required", "请指定单位 unit_id", "unit_id");
		return;
	}
	struct exemplar_filter f;
	if (!handler_query_int_or_reply(r, "unit_id", 1, INT64_MAX / 2, &f.unit_id)) {
		return;
	}
	int64_t unit_id = f.unit_id, year = 0;
	if (!handler_query_int_or_reply(r, "year", 1949, 2100, &year)) {
		return;
	}
	struct unit u;
	enum err ue = unit_store_get(req_db(r), &r->who.scope, unit_id, &u);
	if (ue == ERR_NOT_FOUND) {
		reply_error(r, 404, "unit_not_found", "单位不存在或不在您的管辖范围内", "unit_id");
		return;
	}
	if (ue != ERR_OK) {
		reply_db_failure(r, "unit get");
		return;
	}
	memset(&f, 0, sizeof f);
	f.unit_id = unit_id;
	f.year = (int)year;
	struct exemplar_board_ctx c;
	memset(&c, 0, sizeof c);
	c.order = ledger_virtue_order(&c.n_order);
	for (size_t i = 0; i < c.n_order; i++) {
		c.items[i] = json_array();
	}
	int64_t total = 0;
	f.per_page = EXEMPLAR_BOARD_PAGE;
	enum err e = ERR_OK;
	for (f.page = 1; f.page <= EXEMPLAR_BOARD_PAGES; f.page++) {
		int64_t before = c.n;
		if ((e = exemplar_store_list(req_db(r), &r->who.scope, &f, exemplar_board_row, &c, &total)) != ERR_OK ||
		    c.n == before || (int64_t)f.page * f.per_page >= total) {
			break;
		}
	}
	if (e != ERR_OK) {
		for (size_t i = 0; i < c.n_order; i++) {
			json_decref(c.items[i]);
		}
		reply_db_failure(r, "exemplars board");
		return;
	}
	json_t *groups = json_array();
	for (size_t i = 0; i < c.n_order; i++) {
		json_array_append_new(groups, json_pack("{s:s, s:s, s:o}", "virtue", c.order[i], "label",
							ledger_virtue_column_label(c.order[i]), "items", c.items[i]));
	}
	reply_json(r, 200, json_pack("{s:I, s:s, s:o, s:I, s:o}", "unit_id", (json_int_t)u.id, "unit_name", u.name,
				     "year", year ? json_integer(year) : json_null(), "total", (json_int_t)c.n, "groups",
				     groups));
}

void h_exemplars_get(struct req *r)
{
	struct exemplar *e = xcalloc(1, sizeof *e);
	enum err err = exemplar_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), e);
	if (err == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "先进典型不存在", NULL);
	} else if (err != ERR_OK) {
		reply_db_failure(r, "exemplar get");
	} else {
		reply_json(r, 200, exemplar_to_json(e));
	}
	free(e);
}

static const struct json_in_field exemplar_fields[] = {
	{"unit_id", JIN_INT, 0, 1, INT64_MAX, "单位"},
	{"kind", JIN_STRING, 0, 1, 32, "典型类别"},
	{"name", JIN_STRING, 0, 1, LEDGER_EXEMPLAR_NAME_MAX, "姓名或名称"},
	{"level", JIN_STRING, 0, 1, 16, "表彰级别"},
	{"year", JIN_INT, 0, INT64_MIN, INT64_MAX, "年度"},
	{"virtue", JIN_STRING, 0, 0, 15, "四德类别"},
	{"deeds", JIN_STRING, 0, 0, LEDGER_RECORD_TEXT_MAX, "主要事迹"},
	{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
};
#define EXEMPLAR_N_FIELDS (sizeof exemplar_fields / sizeof exemplar_fields[0])

/* null or "" clears an optional text (virtue, deeds). */
static void exemplar_take_str(json_t *body, const char *name, char *out, size_t outlen)
{
	if (json_object_get(body, name)) {
		out[0] = '\0';
		json_in_str(body, name, out, outlen);
	}
}

/* Applies the body and checks the whole record: the unit is in the caller's scope and active
 * (re-checked only when it changes, so a merged unit's exemplars stay editable). */
static enum err exemplar_apply_body(struct req *r, struct exemplar *e, json_t *body, struct err_detail *d)
{
	int64_t old_unit = e->unit_id;
	json_in_int(body, "unit_id", &e->unit_id);
	json_in_str(body, "kind", e->kind, sizeof e->kind);
	json_in_str(body, "name", e->name, sizeof e->name);
	json_in_str(body, "level", e->level, sizeof e->level);
	int64_t year = e->year;
	json_in_int(body, "year", &year);
	exemplar_take_str(body, "virtue", e->virtue, sizeof e->virtue);
	exemplar_take_str(body, "deeds", e->deeds, sizeof e->deeds);
	if (!e->unit_id) {
		return err_set(d, ERR_INVALID, "required", "unit_id", "请选择单位");
	}
	char today[11];
	ledger_date_of(handler_now(), today);
	struct exemplar_fields xf = {e->kind, e->name, e->level, e->virtue, e->deeds, year};
	enum err err = ledger_exemplar_validate(&xf, today, d);
	if (err != ERR_OK) {
		return err;
	}
	e->year = (int)year;
	struct unit u;
	if (unit_store_get(req_db(r), &r->who.scope, e->unit_id, &u) != ERR_OK) {
		return err_set(d, ERR_NOT_FOUND, "unit_not_found", "unit_id", "单位不存在或不在您的管辖范围内");
	}
	if (e->unit_id != old_unit && strcmp(u.status, "active") != 0) {
		return err_set(d, ERR_CONFLICT, "unit_inactive", "unit_id", "该单位已合并或撤销，不能新增先进典型");
	}
	str_copy(e->unit_name, sizeof e->unit_name, u.name);
	str_copy(e->unit_region_code, sizeof e->unit_region_code, u.region_code);
	return ERR_OK;
}

void h_exemplars_create(struct req *r)
{
	json_t *body = handler_body_or_reply(r, exemplar_fields, EXEMPLAR_N_FIELDS - 1);
	if (!body || !handler_begin_or_reply(r)) {
		return;
	}
	struct exemplar *e = xcalloc(1, sizeof *e);
	struct err_detail d;
	err_clear(&d);
	if (exemplar_apply_body(r, e, body, &d) != ERR_OK || exemplar_store_insert(req_db(r), e, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "create", "exemplar", e->id, e->unit_region_code, NULL, exemplar_to_json(e)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 201, exemplar_to_json(e));
	}
	free(e);
}

void h_exemplars_update(struct req *r)
{
	json_t *body = handler_body_or_reply(r, exemplar_fields, EXEMPLAR_N_FIELDS);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct exemplar *before = xcalloc(2, sizeof *before);
	struct exemplar *e = before + 1;
	struct err_detail d;
	err_clear(&d);
	enum err err = exemplar_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), before);
	if (err != ERR_OK) {
		err_set(&d, err, "not_found", NULL, "先进典型不存在");
		handler_rollback_reply(r, &d);
		free(before);
		return;
	}
	*e = *before;
	if (exemplar_apply_body(r, e, body, &d) != ERR_OK ||
	    exemplar_store_update(req_db(r), e, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "update", "exemplar", e->id, e->unit_region_code, exemplar_to_json(before),
					  exemplar_to_json(e)) &&
		   handler_commit_or_reply(r)) {
		reply_json(r, 200, exemplar_to_json(e));
	}
	free(before);
}

void h_exemplars_delete(struct req *r)
{
	int64_t version = handler_version_or_reply(r, NULL);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct exemplar *e = xcalloc(1, sizeof *e);
	struct err_detail d;
	err_clear(&d);
	enum err err = exemplar_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), e);
	if (err != ERR_OK) {
		err_set(&d, err, "not_found", NULL, "先进典型不存在");
		handler_rollback_reply(r, &d);
	} else if (attachment_store_delete_owner(req_db(r), "exemplar", e->id) != ERR_OK) {
		err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
		handler_rollback_reply(r, &d);
	} else if (exemplar_store_delete(req_db(r), e->id, version, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
	} else if (handler_audit_or_reply(r, 1, "delete", "exemplar", e->id, e->unit_region_code, exemplar_to_json(e), NULL) &&
		   handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
	free(e);
}
