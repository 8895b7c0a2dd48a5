/* h_titles.c — honour titles: list across the registry, list and award per unit, status
 * changes with a reason kept in the title's history (http layer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../codec/registry_json.h"
#include "../domain/region_code.h"
#include "../domain/text.h"
#include "../domain/title.h"
#include "../store/db.h"
#include "../store/title_store.h"
#include "../store/unit_store.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

struct title_list_ctx {
	json_t *items;
	struct handler_export *x;
};

static void title_list_row(const struct title *t, void *ctx)
{
	struct title_list_ctx *c = ctx;
	if (c->x) {
		char year[16], term[16], expires[16];
		snprintf(year, sizeof year, "%d", t->awarded_year);
		snprintf(term, sizeof term, "%d", t->term_years);
		snprintf(expires, sizeof expires, "%d", title_expires_year(t->awarded_year, t->term_years));
		const char *cells[] = {t->unit_name, title_level_label(t->level), title_tier_label(t->tier), year, term,
				       expires, t->doc_no, title_status_label(t->status)};
		handler_export_row(c->x, cells, sizeof cells / sizeof cells[0]);
		return;
	}
	json_array_append_new(c->items, title_to_json(t));
}

static int title_filter_or_reply(struct req *r, struct title_filter *f)
{
	memset(f, 0, sizeof *f);
	f->level = req_query(r, "level");
	f->tier = req_query(r, "tier");
	f->status = req_query(r, "status");
	f->region = req_query(r, "region");
	f->q = req_query(r, "q");
	const char *year = req_query(r, "year");
	if (f->level && *f->level && !title_level_valid(f->level)) {
		reply_error(r, 400, "invalid_value", "称号级别无效，可选 national、region、city、banner", "level");
		return 0;
	}
	if (f->tier && *f->tier && !title_tier_valid(f->tier)) {
		reply_error(r, 400, "invalid_value", "称号类型无效，可选 unit、model", "tier");
		return 0;
	}
	if (f->status && *f->status && !title_status_valid(f->status)) {
		reply_error(r, 400, "invalid_value", "称号状态无效", "status");
		return 0;
	}
	if (f->region && *f->region && region_code_level(f->region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return 0;
	}
	if (f->q && text_utf8_chars(f->q, strlen(f->q)) > 100) {
		reply_error(r, 400, "too_long", "搜索关键字不能超过100个字", "q");
		return 0;
	}
	if (year && *year) {
		char *end;
		long y = strtol(year, &end, 10);
		if (*end || !title_year_valid((int)y)) {
			reply_error(r, 400, "invalid_year", "年度应为1980到2100之间的整数", "year");
			return 0;
		}
		f->year = (int)y;
	}
	return 1;
}

static void title_list_reply(struct req *r, struct title_filter *f)
{
	struct page_params p;
	if (!handler_page_or_reply(r, &p)) {
		return;
	}
	int64_t total = 0;
	struct title_list_ctx c = {0};
	if (p.export_format) {
		static const struct sheet_col cols[] = {
			{"单位名称", 30, 0}, {"称号级别", 12, 0}, {"称号类型", 14, 0}, {"授予年度", 10, 1},
			{"届期(年)", 8, 1},  {"有效至", 12, 0},   {"命名文号", 24, 0}, {"状态", 10, 0},
		};
		struct handler_export x;
		if (!handler_export_open_or_reply(r, &x, p.export_format, "文明称号", cols, sizeof cols / sizeof cols[0])) {
			return;
		}
		c.x = &x;
		f->page = 1;
		f->per_page = HANDLER_EXPORT_MAX_ROWS + 1;
		enum err e = title_store_list(req_db(r), &r->who.scope, f, title_list_row, &c, &total);
		handler_export_finish(r, &x, e == ERR_OK, "文明称号", "titles");
		return;
	}
	f->page = p.page;
	f->per_page = p.per_page;
	c.items = json_array();
	if (title_store_list(req_db(r), &r->who.scope, f, title_list_row, &c, &total) != ERR_OK) {
		json_decref(c.items);
		reply_db_failure(r, "titles list");
		return;
	}
	reply_json(r, 200,
		   json_pack("{s:o, s:I, s:i, s:i, s:n}", "items", c.items, "total", (json_int_t)total, "page", p.page,
			     "per_page", p.per_page, "next_cursor"));
}

void h_titles_list(struct req *r)
{
	struct title_filter f;
	if (title_filter_or_reply(r, &f)) {
		title_list_reply(r, &f);
	}
}

void h_unit_titles_list(struct req *r)
{
	struct unit u;
	enum err e = unit_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &u);
	if (e != ERR_OK) {
		if (e == ERR_NOT_FOUND) {
			reply_error(r, 404, "not_found", "单位不存在", NULL);
		} else {
			reply_db_failure(r, "unit get");
		}
		return;
	}
	struct title_filter f;
	if (title_filter_or_reply(r, &f)) {
		f.unit_id = u.id;
		title_list_reply(r, &f);
	}
}

void h_unit_titles_create(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"level", JIN_STRING, 1, 1, 16, "称号级别"},
		{"tier", JIN_STRING, 1, 1, 8, "称号类型"},
		{"awarded_year", JIN_INT, 1, TITLE_YEAR_MIN, TITLE_YEAR_MAX, "授予年度"},
		{"term_years", JIN_INT, 0, TITLE_TERM_MIN, TITLE_TERM_MAX, "届期"},
		{"doc_no", JIN_STRING, 0, 0, 60, "命名文号"},
		{"note", JIN_STRING, 0, 0, 500, "备注"},
	};
	json_t *body = handler_body_or_reply(r, fields, sizeof fields / sizeof fields[0]);
	if (!body) {
		return;
	}
	struct title t;
	memset(&t, 0, sizeof t);
	json_in_str(body, "level", t.level, sizeof t.level);
	json_in_str(body, "tier", t.tier, sizeof t.tier);
	int64_t v = 0;
	json_in_int(body, "awarded_year", &v);
	t.awarded_year = (int)v;
	v = 3;
	json_in_int(body, "term_years", &v);
	t.term_years = (int)v;
	json_in_str(body, "doc_no", t.doc_no, sizeof t.doc_no);
	json_in_str(body, "note", t.note, sizeof t.note);
	snprintf(t.status, sizeof t.status, "valid");
	if (!title_level_valid(t.level)) {
		reply_error(r, 400, "invalid_value", "称号级别无效，可选 national、region、city、banner", "level");
		return;
	}
	if (!title_tier_valid(t.tier)) {
		reply_error(r, 400, "invalid_value", "称号类型无效，可选 unit、model", "tier");
		return;
	}
	if (!handler_begin_or_reply(r)) {
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
	if (strcmp(u.status, "active") != 0) {
		err_set(&d, ERR_CONFLICT, "unit_inactive", NULL, "该单位已合并或撤销，不能授予荣誉称号");
		handler_rollback_reply(r, &d);
		return;
	}
	t.unit_id = u.id;
	snprintf(t.unit_name, sizeof t.unit_name, "%s", u.name);
	snprintf(t.region_code, sizeof t.region_code, "%s", u.region_code);
	int64_t now = handler_now();
	if (title_store_insert(db, &t, now, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	struct title_event ev = {.title_id = t.id, .at = now};
	snprintf(ev.to_status, sizeof ev.to_status, "valid");
	snprintf(ev.reason, sizeof ev.reason, "授予");
	snprintf(ev.doc_no, sizeof ev.doc_no, "%s", t.doc_no);
	snprintf(ev.actor_name, sizeof ev.actor_name, "%s", r->who.username);
	int ok = title_event_insert(db, &ev, r->who.user_id) == ERR_OK;
	if (!handler_audit_or_reply(r, ok, "create", "title", t.id, u.region_code, NULL, title_to_json(&t)) ||
	    !handler_commit_or_reply(r)) {
		return;
	}
	reply_json(r, 201, title_to_json(&t));
}

void h_titles_update(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"status", JIN_STRING, 0, 1, 16, "称号状态"},
		{"reason", JIN_STRING, 0, 0, 500, "原因"},
		{"doc_no", JIN_STRING, 0, 0, 60, "文号"},
		{"term_years", JIN_INT, 0, TITLE_TERM_MIN, TITLE_TERM_MAX, "届期"},
		{"note", JIN_STRING, 0, 0, 500, "备注"},
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
	struct title before, t;
	struct err_detail d;
	err_clear(&d);
	enum err e = title_store_get(db, &r->who.scope, req_param_id(r, 0), &before);
	if (e != ERR_OK) {
		err_set(&d, e, e == ERR_NOT_FOUND ? "not_found" : "db", NULL, "荣誉称号不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	t = before;
	char reason[2004] = "";
	json_in_str(body, "status", t.status, sizeof t.status);
	json_in_str(body, "reason", reason, sizeof reason);
	json_in_str(body, "doc_no", t.doc_no, sizeof t.doc_no);
	json_in_str(body, "note", t.note, sizeof t.note);
	int64_t term = t.term_years;
	json_in_int(body, "term_years", &term);
	t.term_years = (int)term;
	int status_changed = strcmp(t.status, before.status) != 0;
	if (status_changed) {
		if (!title_status_valid(t.status)) {
			err_set(&d, ERR_INVALID, "invalid_value", "status", "称号状态无效");
		} else if (!title_status_transition_allowed(before.status, t.status)) {
			char msg[200];
			snprintf(msg, sizeof msg, "称号状态不能从“%s”变更为“%s”", title_status_label(before.status),
				 title_status_label(t.status));
			err_set(&d, ERR_UNPROCESSABLE, "invalid_transition", "status", msg);
		} else if (!reason[0]) {
			err_set(&d, ERR_INVALID, "required", "reason", "变更称号状态须填写原因");
		}
		if (d.err) {
			handler_rollback_reply(r, &d);
			return;
		}
	}
	int64_t now = handler_now();
	if (title_store_update(db, &t, version, now, &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	int ok = 1;
	if (status_changed) {
		struct title_event ev = {.title_id = t.id, .at = now};
		snprintf(ev.from_status, sizeof ev.from_status, "%s", before.status);
		snprintf(ev.to_status, sizeof ev.to_status, "%s", t.status);
		snprintf(ev.reason, sizeof ev.reason, "%s", reason);
		snprintf(ev.doc_no, sizeof ev.doc_no, "%s", t.doc_no);
		snprintf(ev.actor_name, sizeof ev.actor_name, "%s", r->who.username);
		ok = title_event_insert(db, &ev, r->who.user_id) == ERR_OK;
	}
	if (!handler_audit_or_reply(r, ok, status_changed ? "status_change" : "update", "title", t.id, t.region_code, title_to_json(&before), title_to_json(&t))) {
		return;
	}
	if (!handler_commit_or_reply(r)) {
		return;
	}
	reply_json(r, 200, title_to_json(&t));
}
