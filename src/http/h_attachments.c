/* h_attachments.c — photos and documents attached to ledger records (http layer). An upload is
 * multipart/form-data (owner_kind, owner_id, caption, file); the type is decided from the
 * content (libmagic) and must agree with the name; content is stored once per SHA-256. Every
 * attachment is scoped by the unit of its record; downloads carry the stored type,
 * nosniff and a Content-Disposition with the UTF-8 name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/multipart.h"
#include "../domain/attachment.h"
#include "../domain/text.h"
#include "../store/activity_store.h"
#include "../store/ad_store.h"
#include "../store/aid_store.h"
#include "../store/attachment_store.h"
#include "../store/db.h"
#include "../store/exemplar_store.h"
#include "../store/partner_store.h"
#include "../util/buf.h"
#include "../util/crypto.h"
#include "../util/filetype.h"
#include "../util/xalloc.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

/* The record an attachment belongs to, seen through the caller's scope. */
struct att_owner {
	int64_t unit_id;
	char region_code[7];
	char unit_status[16];
};

/* ERR_NOT_FOUND when the record is missing or outside the scope. */
static enum err att_owner_get(struct req *r, const char *kind, int64_t id, struct att_owner *o)
{
	enum err e = ERR_NOT_FOUND;
	if (strcmp(kind, "activity") == 0) {
		struct activity a;
		if ((e = activity_store_get(req_db(r), &r->who.scope, id, &a)) == ERR_OK) {
			o->unit_id = a.unit_id;
			str_copy(o->region_code, sizeof o->region_code, a.unit_region_code);
		}
	} else if (strcmp(kind, "pairing") == 0) {
		struct pairing p;
		if ((e = pairing_store_get(req_db(r), &r->who.scope, id, &p)) == ERR_OK) {
			o->unit_id = p.unit_id;
			str_copy(o->region_code, sizeof o->region_code, p.unit_region_code);
		}
	} else if (strcmp(kind, "aid") == 0) {
		struct aid_record *a = xcalloc(1, sizeof *a);
		if ((e = aid_store_get(req_db(r), &r->who.scope, id, a)) == ERR_OK) {
			o->unit_id = a->unit_id;
			str_copy(o->region_code, sizeof o->region_code, a->unit_region_code);
		}
		free(a);
	} else if (strcmp(kind, "ad") == 0) {
		struct public_service_ad *a = xcalloc(1, sizeof *a);
		if ((e = ad_store_get(req_db(r), &r->who.scope, id, a)) == ERR_OK) {
			o->unit_id = a->unit_id;
			str_copy(o->region_code, sizeof o->region_code, a->unit_region_code);
		}
		free(a);
	} else if (strcmp(kind, "exemplar") == 0) {
		struct exemplar *x = xcalloc(1, sizeof *x);
		if ((e = exemplar_store_get(req_db(r), &r->who.scope, id, x)) == ERR_OK) {
			o->unit_id = x->unit_id;
			str_copy(o->region_code, sizeof o->region_code, x->unit_region_code);
		}
		free(x);
	}
	return e;
}

static json_t *att_to_json(const struct attachment *a, int deduplicated)
{
	char url[96];
	snprintf(url, sizeof url, "/api/v1/attachments/%lld/content", (long long)a->id);
	json_t *j = json_pack("{s:I, s:s, s:I, s:I, s:s, s:s, s:I, s:s, s:s, s:b, s:s, s:s, s:o}", "id", (json_int_t)a->id,
			      "owner_kind", a->owner_kind, "owner_id", (json_int_t)a->owner_id, "unit_id",
			      (json_int_t)a->unit_id, "filename", a->filename, "mime", a->mime, "size", (json_int_t)a->size,
			      "sha256", a->sha256, "caption", a->caption, "is_image", attachment_is_image(a->mime), "url", url,
			      "created_by", a->created_by, "created_at", handler_time_json(a->created_at));
	if (deduplicated >= 0) {
		json_object_set_new(j, "deduplicated", json_boolean(deduplicated));
	}
	return j;
}

static int att_owner_params_or_reply(struct req *r, const char *kind, const char *id_text, int64_t *id)
{
	if (!kind || !*kind) {
		reply_error(r, 400, "required", "请指定附件所属的记录类型", "owner_kind");
		return 0;
	}
	if (!attachment_owner_kind_valid(kind)) {
		reply_error(r, 400, "invalid_value", "记录类型无效，可选 activity、pairing、aid、ad、exemplar", "owner_kind");
		return 0;
	}
	/* digits only (strtoll alone would take " 5" and "+5") */
	size_t nd = id_text ? strspn(id_text, "0123456789") : 0;
	long long v = nd ? strtoll(id_text, NULL, 10) : 0;
	if (!nd || id_text[nd] || v <= 0 || nd > 18) {
		reply_error(r, 400, "invalid_value", "owner_id 应为正整数", "owner_id");
		return 0;
	}
	*id = v;
	return 1;
}

struct att_list_ctx {
	json_t *items;
	int64_t bytes;
};

static void att_list_row(const struct attachment *a, void *arg)
{
	struct att_list_ctx *c = arg;
	json_array_append_new(c->items, att_to_json(a, -1));
	c->bytes += a->size;
}

void h_attachments_list(struct req *r)
{
	const char *kind = req_query(r, "owner_kind");
	int64_t owner_id;
	if (!att_owner_params_or_reply(r, kind, req_query(r, "owner_id"), &owner_id)) {
		return;
	}
	struct att_owner o;
	enum err e = att_owner_get(r, kind, owner_id, &o);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "owner_not_found", "记录不存在或不在您的管辖范围内", "owner_id");
		return;
	}
	struct att_list_ctx c = {json_array(), 0};
	if (e != ERR_OK || attachment_store_list(req_db(r), &r->who.scope, kind, owner_id, att_list_row, &c) != ERR_OK) {
		json_decref(c.items);
		reply_db_failure(r, "attachments list");
		return;
	}
	reply_json(r, 200, json_pack("{s:o, s:I, s:I}", "items", c.items, "total", (json_int_t)json_array_size(c.items),
				     "bytes", (json_int_t)c.bytes));
}

static int att_field_text(const struct multipart_part *p, char *out, size_t outlen)
{
	if (!p) {
		out[0] = '\0';
		return 1;
	}
	/* a NUL would cut the text short unseen ("5\0x" taken as 5) */
	if (p->has_filename || p->len + 1 > outlen || memchr(p->data, '\0', p->len)) {
		return 0;
	}
	memcpy(out, p->data, p->len);
	out[p->len] = '\0';
	return 1;
}

void h_attachments_create(struct req *r)
{
	struct multipart_part parts[8];
	size_t n = 0;
	struct err_detail d;
	err_clear(&d);
	if (multipart_parse(req_header(r, "Content-Type"), r->body.data ? r->body.data : "", r->body.len, parts, 8, &n, &d) !=
	    ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const char *nm = parts[i].name;
		if (strcmp(nm, "owner_kind") != 0 && strcmp(nm, "owner_id") != 0 && strcmp(nm, "caption") != 0 &&
		    strcmp(nm, "file") != 0) {
			char msg[128];
			snprintf(msg, sizeof msg, "不支持的字段：%.60s", nm);
			reply_error(r, 400, "unknown_field", msg, nm);
			return;
		}
	}
	char kind[32], owner_text[32], caption[ATTACHMENT_CAPTION_MAX * 4 + 4];
	if (!att_field_text(multipart_find(parts, n, "owner_kind"), kind, sizeof kind) ||
	    !att_field_text(multipart_find(parts, n, "owner_id"), owner_text, sizeof owner_text)) {
		reply_error(r, 400, "invalid_value", "owner_kind、owner_id 应为普通文本字段", NULL);
		return;
	}
	const struct multipart_part *cp = multipart_find(parts, n, "caption");
	if (cp && !cp->has_filename && cp->len < sizeof caption &&
	    (memchr(cp->data, '\0', cp->len) || !text_utf8_valid(cp->data, cp->len))) {
		reply_error(r, 400, "invalid_characters", "说明含有无效字符", "caption");
		return;
	}
	if (!att_field_text(cp, caption, sizeof caption) || text_utf8_chars(caption, strlen(caption)) > ATTACHMENT_CAPTION_MAX) {
		reply_error(r, 400, "too_long", "说明不能超过100个字", "caption");
		return;
	}
	if (text_has_control(caption)) {
		reply_error(r, 400, "invalid_characters", "说明不能含控制字符", "caption");
		return;
	}
	int64_t owner_id;
	if (!att_owner_params_or_reply(r, kind, owner_text, &owner_id)) {
		return;
	}
	const struct multipart_part *file = multipart_find(parts, n, "file");
	if (!file || !file->has_filename) {
		reply_error(r, 400, "required", "请选择要上传的文件", "file");
		return;
	}
	if (file->len == 0) {
		reply_error(r, 400, "empty_file", "文件内容为空", "file");
		return;
	}
	char detected[128], mime[128];
	if (filetype_detect(file->data, file->len, detected, sizeof detected) != 0) {
		reply_error(r, 500, "internal", "无法识别文件类型", NULL);
		return;
	}
	if (attachment_check(detected, file->filename, mime, sizeof mime, &d) != ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	struct attachment a;
	memset(&a, 0, sizeof a);
	str_copy(a.owner_kind, sizeof a.owner_kind, kind);
	a.owner_id = owner_id;
	str_copy(a.filename, sizeof a.filename, file->filename);
	str_copy(a.mime, sizeof a.mime, mime);
	str_copy(a.caption, sizeof a.caption, caption);
	a.size = (int64_t)file->len;
	crypto_sha256_hex(file->data, file->len, a.sha256);
	if (!handler_begin_or_reply(r)) {
		return;
	}
	struct att_owner o;
	int64_t count = 0;
	enum err e = att_owner_get(r, kind, owner_id, &o);
	if (e == ERR_NOT_FOUND) {
		err_set(&d, ERR_NOT_FOUND, "owner_not_found", "owner_id", "记录不存在或不在您的管辖范围内");
	} else if (e != ERR_OK || attachment_store_count(req_db(r), kind, owner_id, &count) != ERR_OK) {
		e = err_set(&d, ERR_DB, "db", NULL, db_errmsg(req_db(r)));
	} else if (count >= ATTACHMENT_PER_OWNER_MAX) {
		e = err_set(&d, ERR_CONFLICT, "too_many_attachments", "file", "每条记录最多50个附件");
	}
	int existed = 0;
	if (e == ERR_OK) {
		a.unit_id = o.unit_id;
		str_copy(a.unit_region_code, sizeof a.unit_region_code, o.region_code);
		str_copy(a.created_by, sizeof a.created_by, r->who.display_name);
		e = attachment_store_insert(req_db(r), &a, file->data, r->who.user_id, handler_now(), &existed, &d);
	}
	if (e != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "create", "attachment", a.id, a.unit_region_code, NULL, att_to_json(&a, -1)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, att_to_json(&a, existed));
	}
}

void h_attachments_get(struct req *r)
{
	struct attachment a;
	enum err e = attachment_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &a);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "附件不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "attachment get");
	} else {
		reply_json(r, 200, att_to_json(&a, -1));
	}
}

/* RFC 6266/5987: an ASCII fallback name and the UTF-8 name percent-encoded. */
static void att_disposition(const struct attachment *a, int download, char *out, size_t outlen)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, download || !attachment_is_inline(a->mime) ? "attachment" : "inline");
	buf_puts(&b, "; filename=\"");
	const char *dot = strrchr(a->filename, '.');
	char ascii[32];
	snprintf(ascii, sizeof ascii, "attachment-%lld%s", (long long)a->id, dot && strlen(dot) < 8 ? dot : "");
	for (const char *c = ascii; *c; c++) {
		buf_putc(&b, *c == '"' || *c == '\\' ? '_' : *c);
	}
	buf_puts(&b, "\"; filename*=UTF-8''");
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *c = (const unsigned char *)a->filename; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || strchr("-._~", *c)) {
			buf_putc(&b, (char)*c);
		} else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*c >> 4]);
			buf_putc(&b, hex[*c & 15]);
		}
	}
	snprintf(out, outlen, "%.*s", (int)b.len, b.data ? b.data : "");
	buf_cleanup(&b);
}

void h_attachments_content(struct req *r)
{
	struct attachment a;
	enum err e = attachment_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &a);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "附件不存在", NULL);
		return;
	}
	void *data = NULL;
	size_t len = 0;
	if (e != ERR_OK || (e = attachment_store_content(req_db(r), a.sha256, &data, &len)) != ERR_OK) {
		free(data);
		reply_db_failure(r, "attachment content");
		return;
	}
	const char *dl = req_query(r, "download");
	char disp[1600];
	att_disposition(&a, dl && strcmp(dl, "1") == 0, disp, sizeof disp);
	reply_owned_bytes(r, a.mime, data, len, disp, "private, max-age=86400, immutable");
}

void h_attachments_delete(struct req *r)
{
	if (!handler_begin_or_reply(r)) {
		return;
	}
	struct attachment a;
	struct err_detail d;
	err_clear(&d);
	enum err e = attachment_store_get(req_db(r), &r->who.scope, req_param_id(r, 0), &a);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "附件不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, attachment_store_delete(req_db(r), &a) == ERR_OK, "delete", "attachment", a.id,
				   a.unit_region_code, att_to_json(&a, -1), NULL) &&
	    handler_commit_or_reply(r)) {
		reply_no_content(r);
	}
}
