/* h_audit.c — reading the audit log, filtered and exportable (http layer). Entries are scoped
 * by the region of the record they concern. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../codec/sheet.h"
#include "../codec/registry_json.h"
#include "../store/audit_store.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

struct audit_list_ctx {
	json_t *items;
	struct handler_export *x;
	int64_t last_id;
};

static void audit_list_row(const struct audit_entry *e, void *ctx)
{
	struct audit_list_ctx *c = ctx;
	c->last_id = e->id;
	time_t t = (time_t)(e->at_ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	char at[32];
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (c->x) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)e->id);
		const char *cells[] = {id, at, e->actor_name, e->action, e->entity, e->entity_id,
				       e->before_json ? e->before_json : "", e->after_json ? e->after_json : "",
				       e->request_id, e->ip};
		handler_export_row(c->x, cells, sizeof cells / sizeof cells[0]);
		return;
	}
	json_t *before = e->before_json ? json_loads(e->before_json, 0, NULL) : NULL;
	json_t *after = e->after_json ? json_loads(e->after_json, 0, NULL) : NULL;
	json_array_append_new(c->items,
			      json_pack("{s:I, s:s, s:o, s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s}", "id", (json_int_t)e->id,
					"at", at, "actor_id", e->actor_id ? json_integer(e->actor_id) : json_null(),
					"actor_name", e->actor_name, "action", e->action, "entity", e->entity, "entity_id",
					e->entity_id, "before", before ? before : json_null(), "after",
					after ? after : json_null(), "request_id", e->request_id, "ip", e->ip));
}

/* YYYY-MM-DD → epoch ms at 00:00 UTC; 0 when s is empty; -1 when malformed. */
static int64_t audit_parse_date(const char *s)
{
	if (!s || !*s) {
		return 0;
	}
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	char *end = strptime(s, "%Y-%m-%d", &tm);
	if (!end || *end || strlen(s) != 10) {
		return -1;
	}
	return (int64_t)timegm(&tm) * 1000;
}

void h_audit_list(struct req *r)
{
	struct page_params p;
	if (!handler_page_or_reply(r, &p)) {
		return;
	}
	struct audit_filter f = {
		.entity = req_query(r, "entity"),
		.entity_id = req_query(r, "entity_id"),
		.actor = req_query(r, "actor"),
		.action = req_query(r, "action"),
		.page = p.page,
		.per_page = p.per_page,
	};
	const char *strs[] = {f.entity, f.entity_id, f.actor, f.action};
	for (size_t i = 0; i < 4; i++) {
		if (strs[i] && strlen(strs[i]) > 64) {
			reply_error(r, 400, "too_long", "筛选条件过长", NULL);
			return;
		}
	}
	f.from_ms = audit_parse_date(req_query(r, "from"));
	int64_t to = audit_parse_date(req_query(r, "to"));
	if (f.from_ms < 0 || to < 0) {
		reply_error(r, 400, "invalid_date", "日期格式应为 YYYY-MM-DD", f.from_ms < 0 ? "from" : "to");
		return;
	}
	f.to_ms = to ? to + 86400000 : 0;
	if (p.after) {
		char *end;
		f.after_id = strtoll(p.after, &end, 10);
		if (*end || f.after_id <= 0) {
			reply_error(r, 400, "invalid_cursor", "分页游标无效", "after");
			return;
		}
	}
	struct audit_list_ctx c = {0};
	int64_t total = 0;
	if (p.export_format) {
		static const struct sheet_col cols[] = {
			{"序号", 8, 1},	  {"时间(UTC)", 20, 0}, {"操作人", 12, 0}, {"操作", 10, 0},    {"对象", 12, 0},
			{"对象编号", 10, 0}, {"变更前", 40, 0},    {"变更后", 40, 0}, {"请求编号", 18, 0}, {"IP", 14, 0},
		};
		struct handler_export x;
		if (!handler_export_open_or_reply(r, &x, p.export_format, "审计日志", cols, sizeof cols / sizeof cols[0])) {
			return;
		}
		c.x = &x;
		f.per_page = 100;
		f.page = 1;
		for (int pages = 0; pages < 11000 && !x.overflow; pages++) {
			int64_t before_last = c.last_id;
			if (audit_list(req_db(r), &r->who.scope, &f, audit_list_row, &c, &total) != ERR_OK) {
				handler_export_finish(r, &x, 0, "审计日志", "audit");
				return;
			}
			if (c.last_id == before_last || c.last_id <= 1) {
				break;
			}
			f.after_id = c.last_id;
		}
		handler_export_finish(r, &x, 1, "审计日志", "audit");
		return;
	}
	c.items = json_array();
	if (audit_list(req_db(r), &r->who.scope, &f, audit_list_row, &c, &total) != ERR_OK) {
		json_decref(c.items);
		reply_db_failure(r, "audit list");
		return;
	}
	char next[24] = "";
	if ((int)json_array_size(c.items) == f.per_page && c.last_id > 1) {
		snprintf(next, sizeof next, "%lld", (long long)c.last_id);
	}
	reply_json(r, 200,
		   json_pack("{s:o, s:I, s:i, s:i, s:o}", "items", c.items, "total", (json_int_t)total, "page", p.page,
			     "per_page", p.per_page, "next_cursor", next[0] ? json_string(next) : json_null()));
}
