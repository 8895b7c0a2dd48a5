/* h_imports.c — the import framework (http layer): templates, a preview with the suggested
 * column mapping, and the all-or-nothing import itself. The body of a preview or an import is
 * the file itself (.xlsx or .csv), streamed to a temporary file by the server (ROUTE_BODY_FILE)
 * and read back row by row, so a million-row file never sits in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/sheet.h"
#include "../domain/cell.h"
#include "../domain/ledger.h"
#include "../domain/text.h"
#include "../store/db.h"
#include "../util/buf.h"
#include "../util/crypto.h"
#include "../util/xalloc.h"
#include "handler.h"
#include "handlers.h"
#include "imp.h"
#include "reply.h"

static const struct imp_kind *const imp_kinds[] = {&imp_activities, &imp_volunteers, &imp_hours, &imp_partners,
						   &imp_pairings, &imp_exemplars, &imp_aid, &imp_publicity};
#define IMP_N_KINDS (sizeof imp_kinds / sizeof imp_kinds[0])
#define IMP_MAX_ROWS 1048576
#define IMP_PREVIEW_ROWS 5
#define IMP_CELL_MAX (32 * 1024 + 1)

static const struct imp_kind *imp_kind_or_reply(struct req *r)
{
	const char *key = req_param(r, 0);
	for (size_t i = 0; i < IMP_N_KINDS; i++) {
		if (strcmp(imp_kinds[i]->key, key) == 0) {
			if (imp_kinds[i]->roles && !(imp_kinds[i]->roles & r->who.role_bit)) {
				char msg[96];
				snprintf(msg, sizeof msg, "无权导入%s：只有管理员可以维护%s", imp_kinds[i]->label, imp_kinds[i]->label);
				reply_error(r, 403, "forbidden", msg, NULL);
				return NULL;
			}
			return imp_kinds[i];
		}
	}
	reply_error(r, 404, "not_found", "不支持导入该类台账", NULL);
	return NULL;
}

static json_t *imp_fields_json(const struct imp_kind *k)
{
	json_t *a = json_array();
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct imp_field *f = &k->fields[i];
		json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:s}", "key", f->key, "label", f->label, "required",
						   f->required, "example", f->example ? f->example : ""));
	}
	return a;
}

void h_imports_kinds(struct req *r)
{
	json_t *items = json_array();
	for (size_t i = 0; i < IMP_N_KINDS; i++) {
		if (imp_kinds[i]->roles && !(imp_kinds[i]->roles & r->who.role_bit)) {
			continue; /* a kind the caller may not import */
		}
		json_array_append_new(items, json_pack("{s:s, s:s, s:o}", "kind", imp_kinds[i]->key, "label",
						       imp_kinds[i]->label, "fields", imp_fields_json(imp_kinds[i])));
	}
	reply_json(r, 200, json_pack("{s:o, s:i}", "items", items, "max_rows", IMP_MAX_ROWS - 1));
}

void h_imports_template(struct req *r)
{
	const struct imp_kind *k = imp_kind_or_reply(r);
	if (!k) {
		return;
	}
	const char *fmt = req_query(r, "format");
	enum sheet_format f = SHEET_XLSX;
	if (fmt && strcmp(fmt, "csv") == 0) {
		f = SHEET_CSV;
	} else if (fmt && *fmt && strcmp(fmt, "xlsx") != 0) {
		reply_error(r, 400, "invalid_format", "模板格式无效，可选 xlsx、csv", "format");
		return;
	}
	struct sheet_col cols[IMP_MAX_FIELDS];
	const char *example[IMP_MAX_FIELDS];
	for (size_t i = 0; i < k->n_fields; i++) {
		cols[i] = (struct sheet_col){k->fields[i].label, (int)(text_utf8_chars(k->fields[i].label, strlen(k->fields[i].label)) * 2 + 6), 0};
		example[i] = k->fields[i].example;
	}
	struct handler_export x;
	if (!handler_export_open_or_reply(r, &x, f, k->label, cols, k->n_fields)) {
		return;
	}
	handler_export_row(&x, example, k->n_fields);
	char name[128];
	snprintf(name, sizeof name, "%s导入模板", k->label);
	char ascii[64];
	snprintf(ascii, sizeof ascii, "%s-template", k->key);
	handler_export_finish(r, &x, 1, name, ascii);
}

/* ---- reading the file ---- */

/* Drops the bytes of s that are not whole UTF-8 characters, in place: a header or a cell quoted
 * in a message may have been cut in the middle of a character, and JSON strings must be UTF-8. */
static void imp_utf8_clean(char *s)
{
	size_t n = strlen(s), o = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		if (k && i + k <= n && text_utf8_valid(s + i, k)) {
			memmove(s + o, s + i, k);
			o += k;
			i += k;
		} else {
			i++;
		}
	}
	s[o] = '\0';
}

/* The header text without spaces and a trailing required mark (* or （必填）). */
static void imp_norm_header(const char *in, char *out, size_t outlen)
{
	size_t n = cell_trim(in, out, outlen);
	if (n && out[n - 1] == '*') {
		out[--n] = '\0';
	}
	static const char *marks[] = {"（必填）", "(必填)", "（选填）", "(选填)"};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t m = strlen(marks[i]);
		if (n >= m && strcmp(out + n - m, marks[i]) == 0) {
			n -= m;
			out[n] = '\0';
		}
	}
	char tmp[256];
	cell_trim(out, tmp, sizeof tmp);
	snprintf(out, outlen, "%s", tmp);
	imp_utf8_clean(out);
}

static int imp_header_matches(const struct imp_field *f, const char *header)
{
	if (strcmp(header, f->label) == 0 || strcmp(header, f->key) == 0) {
		return 1;
	}
	for (const char *a = f->aliases; a && *a;) {
		size_t n = strcspn(a, "|");
		if (n == strlen(header) && strncmp(a, header, n) == 0) {
			return 1;
		}
		a += n + (a[n] == '|');
	}
	return 0;
}

struct imp_file {
	struct sheet_reader *rd;
	char headers[SHEET_MAX_COLS][256];
	size_t n_headers;
	int64_t header_row;
	int map[IMP_MAX_FIELDS]; /* column of each field, -1 when unmapped */
};

/* Opens the uploaded file and reads its header row. 0 after answering. */
static int imp_open_or_reply(struct req *r, struct imp_file *f)
{
	memset(f, 0, sizeof *f);
	if (r->body_fd < 0 || r->body_file_len == 0) {
		reply_error(r, 400, "empty_file", "请上传 .xlsx 或 .csv 文件（请求体即文件内容）", "file");
		return 0;
	}
	struct err_detail d;
	err_clear(&d);
	f->rd = sheet_reader_open(r->body_path, &d);
	if (!f->rd) {
		reply_err_detail(r, &d);
		return 0;
	}
	const char *const *cells;
	size_t n;
	int rc;
	while ((rc = sheet_reader_next(f->rd, &cells, &n, &f->header_row, &d)) == 1 && n == 0) {
	}
	if (rc < 0) {
		reply_err_detail(r, &d);
		sheet_reader_free(f->rd);
		return 0;
	}
	if (rc == 0) {
		reply_error(r, 400, "empty_file", "文件中没有内容", "file");
		sheet_reader_free(f->rd);
		return 0;
	}
	f->n_headers = n;
	for (size_t i = 0; i < n; i++) {
		imp_norm_header(cells[i], f->headers[i], sizeof f->headers[i]);
	}
	return 1;
}

static void imp_auto_map(const struct imp_kind *k, struct imp_file *f)
{
	for (size_t i = 0; i < k->n_fields; i++) {
		f->map[i] = -1;
		for (size_t c = 0; c < f->n_headers; c++) {
			if (f->headers[c][0] && imp_header_matches(&k->fields[i], f->headers[c])) {
				f->map[i] = (int)c;
				break;
			}
		}
	}
}

/* Applies ?mapping={"field": column index | null, …} over the automatic one. 0 after answering. */
static int imp_mapping_or_reply(struct req *r, const struct imp_kind *k, struct imp_file *f)
{
	imp_auto_map(k, f);
	const char *m = req_query(r, "mapping");
	if (m && *m) {
		json_error_t je;
		json_t *o = strlen(m) < 4096 ? json_loads(m, 0, &je) : NULL;
		if (!json_is_object(o)) {
			json_decref(o);
			reply_error(r, 400, "invalid_mapping", "列对应关系应为 JSON 对象，如 {\"activity_date\":0}", "mapping");
			return 0;
		}
		const char *key;
		json_t *val;
		json_object_foreach(o, key, val)
		{
			size_t i;
			for (i = 0; i < k->n_fields && strcmp(k->fields[i].key, key) != 0; i++) {
			}
			char msg[160];
			if (i == k->n_fields) {
				snprintf(msg, sizeof msg, "列对应关系中有未知字段：%.60s", key);
				json_decref(o);
				reply_error(r, 400, "invalid_mapping", msg, "mapping");
				return 0;
			}
			if (json_is_null(val)) {
				f->map[i] = -1;
			} else if (json_is_integer(val) && json_integer_value(val) >= 0 &&
				   json_integer_value(val) < (json_int_t)f->n_headers) {
				f->map[i] = (int)json_integer_value(val);
			} else {
				snprintf(msg, sizeof msg, "“%s”对应的列号无效（文件共%zu列，从0起）", k->fields[i].label, f->n_headers);
				json_decref(o);
				reply_error(r, 400, "invalid_mapping", msg, "mapping");
				return 0;
			}
		}
		json_decref(o);
	}
	return 1;
}

static json_t *imp_mapping_json(const struct imp_kind *k, const struct imp_file *f)
{
	json_t *o = json_object();
	for (size_t i = 0; i < k->n_fields; i++) {
		json_object_set_new(o, k->fields[i].key, f->map[i] >= 0 ? json_integer(f->map[i]) : json_null());
	}
	return o;
}

/* The required fields left without a column, as a message; 0 when none. */
static int imp_missing(const struct req *r, const struct imp_kind *k, const struct imp_file *f, char *msg, size_t len)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < k->n_fields; i++) {
		/* a unit's liaison may leave the unit column out: their rows are their own unit's */
		int own_unit = r->who.scope.kind == SCOPE_UNIT && strcmp(k->fields[i].key, "unit") == 0;
		if (k->fields[i].required && f->map[i] < 0 && !own_unit) {
			buf_puts(&b, b.len ? "、" : "缺少必填列：");
			buf_puts(&b, k->fields[i].label);
		}
	}
	int missing = b.len > 0;
	snprintf(msg, len, "%.*s", (int)b.len, b.data ? b.data : "");
	buf_cleanup(&b);
	return missing;
}

void h_imports_preview(struct req *r)
{
	const struct imp_kind *k = imp_kind_or_reply(r);
	struct imp_file f;
	if (!k || !imp_open_or_reply(r, &f)) {
		return;
	}
	if (!imp_mapping_or_reply(r, k, &f)) {
		sheet_reader_free(f.rd);
		return;
	}
	json_t *headers = json_array(), *rows = json_array();
	for (size_t i = 0; i < f.n_headers; i++) {
		json_array_append_new(headers, json_string(f.headers[i]));
	}
	const char *const *cells;
	size_t n;
	int64_t row_no, data_rows = 0;
	struct err_detail d;
	err_clear(&d);
	int rc;
	while ((rc = sheet_reader_next(f.rd, &cells, &n, &row_no, &d)) == 1) {
		if (n == 0) {
			continue;
		}
		data_rows++;
		if (json_array_size(rows) < IMP_PREVIEW_ROWS) {
			json_t *row = json_array();
			for (size_t i = 0; i < n; i++) {
				json_array_append_new(row, json_string(text_utf8_valid(cells[i], strlen(cells[i])) ? cells[i] : ""));
			}
			json_array_append_new(rows, json_pack("{s:I, s:o}", "row", (json_int_t)row_no, "cells", row));
		}
	}
	enum sheet_format fmt = sheet_reader_format(f.rd);
	sheet_reader_free(f.rd);
	if (rc < 0) {
		json_decref(headers);
		json_decref(rows);
		reply_err_detail(r, &d);
		return;
	}
	char missing[512];
	int miss = imp_missing(r, k, &f, missing, sizeof missing);
	reply_json(r, 200, json_pack("{s:s, s:s, s:o, s:I, s:o, s:o, s:I, s:o, s:o}", "kind", k->key, "format",
				     sheet_extension(fmt), "headers", headers, "header_row", (json_int_t)f.header_row,
				     "mapping", imp_mapping_json(k, &f), "fields", imp_fields_json(k), "rows",
				     (json_int_t)data_rows, "sample", rows, "missing",
				     miss ? json_string(missing) : json_null()));
}

/* ---- helpers for the kinds ---- */

struct imp_unit_entry {
	char *key;
	enum err e;
	struct lookup_unit u;
};

struct imp_unit_cache {
	struct imp_unit_entry *slots;
	size_t cap, used;
};

static uint64_t imp_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	}
	return h;
}

static struct imp_unit_entry *imp_cache_find(struct imp_unit_cache *c, const char *key, int *found)
{
	size_t i = (size_t)(imp_hash(key) & (c->cap - 1));
	while (c->slots[i].key) {
		if (strcmp(c->slots[i].key, key) == 0) {
			*found = 1;
			return &c->slots[i];
		}
		i = (i + 1) & (c->cap - 1);
	}
	*found = 0;
	return c->used * 2 < c->cap ? &c->slots[i] : NULL;
}

int imp_error(struct imp_ctx *c, int field, const char *message)
{
	c->failed = 1;
	c->n_errors++;
	if (c->n_errors <= IMP_MAX_ERRORS) {
		/* the messages quote cells with %.40s and the like, which can cut a character */
		char msg[512];
		snprintf(msg, sizeof msg, "%s", message);
		imp_utf8_clean(msg);
		json_array_append_new(c->errors,
				      json_pack("{s:I, s:s, s:o, s:s}", "row", (json_int_t)c->row_no, "column",
						field >= 0 ? c->headers[field] : "", "field",
						field >= 0 ? json_string(c->kind->fields[field].key) : json_null(), "message",
						msg));
	}
	return 0;
}

int imp_detail(struct imp_ctx *c, const struct err_detail *d)
{
	for (size_t i = 0; i < c->kind->n_fields; i++) {
		if (strcmp(c->kind->fields[i].key, d->field) == 0) {
			return imp_error(c, (int)i, d->message);
		}
	}
	return imp_error(c, -1, d->message);
}

int imp_unit(struct imp_ctx *c, int field, struct lookup_unit *out)
{
	const char *name = c->v[field];
	char own[32];
	if (!*name) {
		if (c->r->who.scope.kind != SCOPE_UNIT) {
			char msg[96];
			snprintf(msg, sizeof msg, "请填写%s", c->kind->fields[field].label);
			return imp_error(c, field, msg);
		}
		snprintf(own, sizeof own, "#%lld", (long long)c->r->who.scope.unit_id);
		name = own;
	}
	int found = 0;
	struct imp_unit_entry *e = imp_cache_find(c->units, name, &found);
	struct imp_unit_entry tmp;
	if (!found) {
		if (!e) {
			e = &tmp;
			memset(e, 0, sizeof *e);
		}
		if (name == own) {
			e->e = lookup_unit_by_id(c->db, &c->r->who.scope, c->r->who.scope.unit_id, &e->u);
		} else {
			e->e = lookup_unit(c->db, &c->r->who.scope, name, &e->u);
		}
		if (e != &tmp) {
			e->key = xstrdup(name);
			c->units->used++;
		}
	}
	char msg[256];
	switch (e->e) {
	case ERR_OK:
		if (strcmp(e->u.status, "active") != 0) {
			snprintf(msg, sizeof msg, "单位“%.100s”已合并或撤销，不能再登记台账", e->u.name);
			return imp_error(c, field, msg);
		}
		*out = e->u;
		return 1;
	case ERR_NOT_FOUND:
		snprintf(msg, sizeof msg, "找不到单位“%.100s”，或不在您的管辖范围内", name);
		return imp_error(c, field, msg);
	case ERR_CONFLICT:
		snprintf(msg, sizeof msg, "有多个名为“%.100s”的单位，请改填统一社会信用代码", name);
		return imp_error(c, field, msg);
	default:
		return imp_error(c, field, "查询单位时出错");
	}
}

int imp_date(struct imp_ctx *c, int field, int required, char out[11])
{
	out[0] = '\0';
	if (!*c->v[field]) {
		if (!required) {
			return 1;
		}
		char msg[96];
		snprintf(msg, sizeof msg, "请填写%s", c->kind->fields[field].label);
		return imp_error(c, field, msg);
	}
	if (!cell_date(c->v[field], out)) {
		char msg[200];
		snprintf(msg, sizeof msg, "“%.40s”不是有效日期，请写成 2026-03-05 这样的格式", c->v[field]);
		return imp_error(c, field, msg);
	}
	return 1;
}

int imp_int(struct imp_ctx *c, int field, int required, int64_t min, int64_t max, int64_t def, int64_t *out)
{
	char msg[200];
	if (!*c->v[field]) {
		if (!required) {
			*out = def;
			return 1;
		}
		snprintf(msg, sizeof msg, "请填写%s", c->kind->fields[field].label);
		return imp_error(c, field, msg);
	}
	if (!cell_int(c->v[field], min, max, out)) {
		snprintf(msg, sizeof msg, "“%.40s”应为%lld到%lld之间的整数", c->v[field], (long long)min, (long long)max);
		return imp_error(c, field, msg);
	}
	return 1;
}

/* ---- the import ---- */

static void imp_cleanup(struct imp_ctx *c, struct imp_file *f)
{
	if (c->kind && c->kind->finish) {
		c->kind->finish(c);
	}
	if (c->units) {
		for (size_t i = 0; i < c->units->cap; i++) {
			free(c->units->slots[i].key);
		}
		free(c->units->slots);
		free(c->units);
	}
	json_decref(c->errors);
	sheet_reader_free(f->rd);
}

void h_imports_run(struct req *r)
{
	const struct imp_kind *k = imp_kind_or_reply(r);
	struct imp_file f;
	if (!k || !imp_open_or_reply(r, &f)) {
		return;
	}
	const char *dry = req_query(r, "dry_run");
	int dry_run = dry && (strcmp(dry, "1") == 0 || strcmp(dry, "true") == 0);
	char missing[512];
	if (!imp_mapping_or_reply(r, k, &f)) {
		sheet_reader_free(f.rd);
		return;
	}
	if (imp_missing(r, k, &f, missing, sizeof missing)) {
		sheet_reader_free(f.rd);
		reply_error(r, 400, "mapping_incomplete", missing, "mapping");
		return;
	}
	char sha[65];
	if (crypto_sha256_file(r->body_path, sha) != 0) {
		sheet_reader_free(f.rd);
		reply_error(r, 503, "busy", "无法读取上传的文件", NULL);
		return;
	}
	if (!handler_begin_or_reply(r)) {
		sheet_reader_free(f.rd);
		return;
	}
	struct imp_ctx c;
	memset(&c, 0, sizeof c);
	c.r = r;
	c.db = req_db(r);
	c.now = handler_now();
	c.kind = k;
	c.errors = json_array();
	c.units = xcalloc(1, sizeof *c.units);
	c.units->cap = 4096;
	c.units->slots = xcalloc(c.units->cap, sizeof *c.units->slots);
	ledger_date_of(c.now, c.today);
	for (size_t i = 0; i < k->n_fields; i++) {
		c.headers[i] = f.map[i] >= 0 ? f.headers[f.map[i]] : k->fields[i].label;
	}
	if (k->init) {
		k->init(&c);
	}
	int csv = sheet_reader_format(f.rd) == SHEET_CSV;
	struct buf vals;
	buf_init(&vals);
	size_t off[IMP_MAX_FIELDS];
	const char *const *cells;
	size_t n;
	int64_t rows = 0;
	struct err_detail d;
	err_clear(&d);
	int rc;
	while ((rc = sheet_reader_next(f.rd, &cells, &n, &c.row_no, &d)) == 1) {
		if (n == 0) {
			continue;
		}
		if (++rows >= IMP_MAX_ROWS) {
			err_set(&d, ERR_INVALID, "too_many_rows", NULL, "一次最多导入1,048,575行，请分批导入");
			rc = -1;
			break;
		}
		vals.len = 0;
		int any = 0;
		for (size_t i = 0; i < k->n_fields; i++) {
			off[i] = vals.len;
			int col = f.map[i];
			if (col >= 0 && (size_t)col < n) {
				char tmp[IMP_CELL_MAX];
				size_t len = cell_trim(cells[col], tmp, sizeof tmp);
				const char *val = tmp;
				/* our CSV export writes '=… for a cell a spreadsheet would run as a formula */
				if (csv && len >= 2 && tmp[0] == '\'' && strchr("=+-@", tmp[1])) {
					val++;
					len--;
				}
				buf_append(&vals, val, len);
				any |= len > 0;
			}
			buf_putc(&vals, '\0');
		}
		if (!any) {
			rows--;
			continue; /* a row with nothing in the mapped columns */
		}
		for (size_t i = 0; i < k->n_fields; i++) {
			c.v[i] = vals.data + off[i];
		}
		k->row(&c);
		if (!c.failed) {
			c.rows_ok++;
		}
	}
	buf_cleanup(&vals);
	enum sheet_format fmt = sheet_reader_format(f.rd);
	if (rc < 0) {
		imp_cleanup(&c, &f);
		handler_rollback_reply(r, &d);
		return;
	}
	if (c.n_errors) {
		char msg[160];
		snprintf(msg, sizeof msg, "共%lld处错误，未导入任何数据；请按错误列表修改文件后重新导入", (long long)c.n_errors);
		json_t *body = json_pack("{s:{s:s, s:s, s:n}, s:O, s:I, s:I}", "error", "code", "import_invalid", "message", msg,
					 "field", "errors", c.errors, "error_count", (json_int_t)c.n_errors, "rows",
					 (json_int_t)rows);
		imp_cleanup(&c, &f);
		db_rollback(req_db(r));
		reply_json(r, 422, body);
		return;
	}
	imp_cleanup(&c, &f);
	if (rows == 0) {
		err_set(&d, ERR_INVALID, "empty_import", "file", "文件中只有表头，没有数据行");
		handler_rollback_reply(r, &d);
		return;
	}
	if (dry_run) {
		db_rollback(req_db(r));
		reply_json(r, 200, json_pack("{s:b, s:I, s:s}", "dry_run", 1, "rows", (json_int_t)rows, "format",
					     sheet_extension(fmt)));
		return;
	}
	json_t *after = json_pack("{s:s, s:I, s:s, s:s}", "kind", k->key, "rows", (json_int_t)rows, "format",
				  sheet_extension(fmt), "sha256", sha);
	if (handler_audit_key_or_reply(r, 1, "import", k->entity, sha, r->who.region_code, NULL, after) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, json_pack("{s:s, s:I, s:s}", "kind", k->key, "imported", (json_int_t)rows, "format",
					     sheet_extension(fmt)));
	}
}
