/* handler.c — shared handler plumbing: body parsing, paging, transactions, audit (http layer). */
#include "handler.h"

#include "../codec/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../app.h"
#include "../store/audit_store.h"
#include "../store/db.h"
#include "../util/log.h"
#include "reply.h"

json_t *handler_body_or_reply(struct req *r, const struct json_in_field *fields, size_t n)
{
	const char *ct = req_header(r, "Content-Type");
	if (!ct || strncasecmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
		reply_error(r, 415, "unsupported_media_type", "请求内容类型应为 application/json", NULL);
		return NULL;
	}
	if (!json_in_depth_ok(r->body.data ? r->body.data : "", r->body.len, r->app->cfg.max_json_depth)) {
		reply_error(r, 400, "json_too_deep", "JSON 嵌套层级过深", NULL);
		return NULL;
	}
	json_error_t je;
	json_t *j = json_loadb(r->body.data ? r->body.data : "", r->body.len, JSON_REJECT_DUPLICATES, &je);
	if (!j) {
		char msg[200];
		snprintf(msg, sizeof msg, "JSON 格式错误（第%d行第%d列）", je.line, je.column);
		reply_error(r, 400, "invalid_json", msg, NULL);
		return NULL;
	}
	struct err_detail d;
	err_clear(&d);
	if (json_in_check(j, fields, n, &d) != ERR_OK) {
		json_decref(j);
		reply_err_detail(r, &d);
		return NULL;
	}
	json_decref(r->json);
	r->json = j;
	return j;
}

static int handler_parse_int(const char *s, int lo, int hi, int *out)
{
	if (!s || !*s || strlen(s) > 9) {
		return 0;
	}
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < lo || v > hi) {
		return 0;
	}
	*out = (int)v;
	return 1;
}

int handler_page_or_reply(struct req *r, struct page_params *p)
{
	p->page = 1;
	p->per_page = 20;
	p->after = req_query(r, "after");
	p->export_format = 0;
	const char *s = req_query(r, "page");
	if (s && !handler_parse_int(s, 1, 1000000, &p->page)) {
		reply_error(r, 400, "invalid_page", "页码应为1到1000000之间的整数", "page");
		return 0;
	}
	s = req_query(r, "per_page");
	if (s && !handler_parse_int(s, 1, 100, &p->per_page)) {
		reply_error(r, 400, "invalid_per_page", "每页条数应为1到100之间的整数", "per_page");
		return 0;
	}
	if (p->after && strlen(p->after) > 2200) {
		reply_error(r, 400, "invalid_cursor", "分页游标无效", "after");
		return 0;
	}
	s = req_query(r, "format");
	if (s) {
		if (strcmp(s, "csv") == 0) {
			p->export_format = SHEET_CSV;
		} else if (strcmp(s, "xlsx") == 0) {
			p->export_format = SHEET_XLSX;
		} else if (strcmp(s, "json") != 0) {
			reply_error(r, 400, "invalid_format", "导出格式无效，可选 csv、xlsx", "format");
			return 0;
		}
	}
	return 1;
}

int handler_begin_or_reply(struct req *r)
{
	if (db_begin_write(req_db(r)) != DB_OK) {
		reply_db_failure(r, db_errmsg(req_db(r)));
		return 0;
	}
	return 1;
}

int handler_commit_or_reply(struct req *r)
{
	if (db_commit(req_db(r)) != DB_OK) {
		char msg[256];
		snprintf(msg, sizeof msg, "%s", db_errmsg(req_db(r)));
		db_rollback(req_db(r));
		reply_db_failure(r, msg);
		return 0;
	}
	return 1;
}

void handler_rollback_reply(struct req *r, const struct err_detail *d)
{
	db_rollback(req_db(r));
	reply_err_detail(r, d);
}

int64_t handler_now(void)
{
	return (int64_t)time(NULL);
}

int handler_audit(struct req *r, const char *action, const char *entity, int64_t entity_id,
		  const char *region_code, json_t *before, json_t *after)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)entity_id);
	return handler_audit_key(r, action, entity, id, region_code, before, after);
}

int handler_audit_key(struct req *r, const char *action, const char *entity, const char *entity_key,
		      const char *region_code, json_t *before, json_t *after)
{
	char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct audit_entry e = {
		.at_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000,
		.actor_id = r->who.user_id,
		.actor_name = r->who.username,
		.action = action,
		.entity = entity,
		.entity_id = entity_key,
		.region_code = region_code,
		.before_json = b,
		.after_json = a,
		.request_id = r->request_id,
		.ip = r->ip,
	};
	enum err rc = audit_append(req_db(r), &e);
	free(b);
	free(a);
	return rc == ERR_OK;
}

int handler_audit_key_or_reply(struct req *r, int ok, const char *action, const char *entity, const char *key,
				const char *region_code, json_t *before, json_t *after)
{
	ok = ok && handler_audit_key(r, action, entity, key, region_code, before, after);
	json_decref(before);
	json_decref(after);
	if (!ok) {
		db_rollback(req_db(r));
		reply_db_failure(r, entity);
	}
	return ok;
}

int handler_audit_or_reply(struct req *r, int ok, const char *action, const char *entity, int64_t entity_id,
			   const char *region_code, json_t *before, json_t *after)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)entity_id);
	return handler_audit_key_or_reply(r, ok, action, entity, id, region_code, before, after);
}

json_t *handler_time_json(int64_t t)
{
	if (!t) {
		return json_null();
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char s[32];
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return json_string(s);
}

int64_t handler_version_or_reply(struct req *r, json_t *body)
{
	int64_t v = 0;
	if (body) {
		json_in_int(body, "version", &v);
	} else {
		const char *s = req_query(r, "version");
		if (s && strlen(s) < 19) {
			char *end;
			v = strtoll(s, &end, 10);
			if (*end) {
				v = 0;
			}
		}
	}
	if (v <= 0) {
		reply_error(r, 400, "version_required", "请提供记录的版本号 version", "version");
		return 0;
	}
	return v;
}

int handler_export_open_or_reply(struct req *r, struct handler_export *x, int format, const char *sheet_name,
				 const struct sheet_col *cols, size_t n)
{
	x->overflow = 0;
	x->w = sheet_writer_open((enum sheet_format)format, sheet_name, cols, n);
	if (!x->w) {
		log_error("export: cannot create a temporary file", "request_id", r->request_id);
		reply_error(r, 503, "busy", "服务器暂时无法导出，请稍后再试", NULL);
		return 0;
	}
	db_stream_results(req_db(r), 1);
	return 1;
}

void handler_export_row(struct handler_export *x, const char *const *cells, size_t n)
{
	if (x->overflow) {
		return;
	}
	if (sheet_writer_rows(x->w) >= HANDLER_EXPORT_MAX_ROWS || sheet_writer_row(x->w, cells, n) != 0) {
		x->overflow = 1;
	}
}

void handler_export_finish(struct req *r, struct handler_export *x, int store_ok, const char *name_utf8,
			   const char *name_ascii)
{
	db_stream_results(req_db(r), 0);
	if (!store_ok) {
		sheet_writer_free(x->w);
		reply_db_failure(r, "export");
		return;
	}
	if (x->overflow) {
		sheet_writer_free(x->w);
		reply_error(r, 400, "export_too_large", "导出超过1,048,575行，请缩小筛选范围后分批导出", NULL);
		return;
	}
	enum sheet_format f = sheet_writer_format(x->w);
	int fd;
	uint64_t size;
	if (sheet_writer_finish(x->w, &fd, &size) != 0) {
		reply_error(r, 503, "busy", "服务器暂时无法导出，请稍后再试", NULL);
		return;
	}
	char utf8[256], ascii[96];
	snprintf(utf8, sizeof utf8, "%s.%s", name_utf8, sheet_extension(f));
	snprintf(ascii, sizeof ascii, "%s.%s", name_ascii, sheet_extension(f));
	reply_file(r, fd, size, sheet_content_type(f), ascii, utf8);
}

int handler_query_int_or_reply(struct req *r, const char *name, int64_t lo, int64_t hi, int64_t *out)
{
	const char *s = req_query(r, name);
	*out = 0;
	if (!s || !*s) {
		return 1;
	}
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*end || v < lo || v > hi || strlen(s) > 18) {
		char msg[96];
		if (lo == 1 && hi >= INT64_MAX / 2) {
			snprintf(msg, sizeof msg, "%s 应为正整数", name);
		} else {
			snprintf(msg, sizeof msg, "%s 应为%lld到%lld之间的整数", name, (long long)lo, (long long)hi);
		}
		reply_error(r, 400, "invalid_value", msg, name);
		return 0;
	}
	*out = v;
	return 1;
}

void handler_list_reply(struct req *r, const struct page_params *pp, const struct handler_list *l, void *filter)
{
	int64_t total = 0;
	if (pp->export_format) {
		struct handler_export x;
		if (!handler_export_open_or_reply(r, &x, pp->export_format, l->name_utf8, l->cols, l->n_cols)) {
			return;
		}
		enum err e = l->fetch(r, filter, 1, HANDLER_EXPORT_MAX_ROWS + 1, &x, 1, &total);
		handler_export_finish(r, &x, e == ERR_OK, l->name_utf8, l->name_ascii);
		return;
	}
	json_t *items = json_array();
	if (l->fetch(r, filter, pp->page, pp->per_page, items, 0, &total) != ERR_OK) {
		json_decref(items);
		reply_db_failure(r, l->name_ascii);
		return;
	}
	reply_json(r, 200, json_pack("{s:o, s:I, s:i, s:i, s:n}", "items", items, "total", (json_int_t)total, "page",
				     pp->page, "per_page", pp->per_page, "next_cursor"));
}
