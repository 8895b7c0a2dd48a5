/* reply.c — building and queueing responses (http layer). Response memory mode: bodies are
 * malloc'd and handed to libmicrohttpd with MHD_RESPMEM_MUST_FREE, except embedded assets
 * which are MHD_RESPMEM_PERSISTENT. */
#include "reply.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app.h"
#include "../util/log.h"
#include "../util/xalloc.h"
#include "server.h"

static const char *reply_csp =
	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
	"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
	"frame-ancestors 'none'";

static void reply_queue(struct req *r, unsigned status, struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "Content-Security-Policy", reply_csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Request-Id", r->request_id);
	if (!MHD_get_response_header(resp, "Cache-Control")) {
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	}
	server_apply_pending_headers(r, resp);
	MHD_queue_response(r->conn, status, resp);
	MHD_destroy_response(resp);
	r->status = status;
}

void reply_json(struct req *r, unsigned status, json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	if (!text) {
		text = xstrdup("{}");
	}
	struct MHD_Response *resp =
		MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", "application/json; charset=utf-8");
	reply_queue(r, status, resp);
}

void reply_json_buf(struct req *r, unsigned status, struct buf *body)
{
	size_t len;
	char *text = buf_detach(body, &len);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", "application/json; charset=utf-8");
	reply_queue(r, status, resp);
}

void reply_error(struct req *r, unsigned status, const char *code, const char *message,
		 const char *field)
{
	json_t *e = json_pack("{s:s, s:s}", "code", code, "message", message);
	if (field && *field) {
		json_object_set_new(e, "field", json_string(field));
	}
	reply_json(r, status, json_pack("{s:o}", "error", e));
}

void reply_err_detail(struct req *r, const struct err_detail *d)
{
	unsigned status;
	switch (d->err) {
	case ERR_INVALID: status = 400; break;
	case ERR_NOT_FOUND: status = 404; break;
	case ERR_CONFLICT: status = 409; break;
	case ERR_FORBIDDEN: status = 403; break;
	case ERR_UNPROCESSABLE: status = 422; break;
	case ERR_DB:
		reply_db_failure(r, d->message);
		return;
	default: status = 500; break;
	}
	reply_error(r, status, d->code[0] ? d->code : "error", d->message[0] ? d->message : "请求有误",
		    d->field);
}

void reply_db_failure(struct req *r, const char *what)
{
	log_error("database failure", "request_id", r->request_id, "detail", what ? what : "");
	reply_error(r, 500, "internal", "服务器内部错误，请稍后重试", NULL);
}

void reply_no_content(struct req *r)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	reply_queue(r, 204, resp);
}

void reply_bytes(struct req *r, unsigned status, const char *content_type, const void *data,
		 size_t len, const char *content_disposition)
{
	void *copy = xmalloc(len ? len : 1);
	if (len) {
		memcpy(copy, data, len);
	}
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, copy, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", content_type);
	if (content_disposition) {
		MHD_add_response_header(resp, "Content-Disposition", content_disposition);
	}
	reply_queue(r, status, resp);
}

void reply_owned_bytes(struct req *r, const char *content_type, void *data, size_t len,
		       const char *content_disposition, const char *cache_control)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", content_type);
	if (content_disposition) {
		MHD_add_response_header(resp, "Content-Disposition", content_disposition);
	}
	if (cache_control) {
		MHD_add_response_header(resp, "Cache-Control", cache_control);
	}
	reply_queue(r, 200, resp);
}

void reply_file(struct req *r, int fd, uint64_t size, const char *content_type, const char *filename_ascii,
		const char *filename_utf8)
{
	struct MHD_Response *resp = MHD_create_response_from_fd64(size, fd);
	if (!resp) {
		close(fd);
		reply_error(r, 503, "busy", "服务器繁忙，请稍后再试", NULL);
		return;
	}
	MHD_add_response_header(resp, "Content-Type", content_type);
	char disp[600];
	reply_disposition(filename_ascii, filename_utf8, disp, sizeof disp);
	MHD_add_response_header(resp, "Content-Disposition", disp);
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	reply_queue(r, 200, resp);
}

void reply_disposition(const char *ascii, const char *utf8, char *out, size_t outlen)
{
	static const char hex[] = "0123456789ABCDEF";
	int n = snprintf(out, outlen, "attachment; filename=\"%s\"", ascii);
	if (!utf8 || n < 0 || (size_t)n >= outlen) {
		return;
	}
	size_t pos = (size_t)n;
	const char *pre = "; filename*=UTF-8''";
	for (const char *p = pre; *p && pos + 1 < outlen; p++) {
		out[pos++] = *p;
	}
	for (const unsigned char *c = (const unsigned char *)utf8; *c && pos + 4 < outlen; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || strchr("-._~", *c)) {
			out[pos++] = (char)*c;
		} else {
			out[pos++] = '%';
			out[pos++] = hex[*c >> 4];
			out[pos++] = hex[*c & 15];
		}
	}
	out[pos] = '\0';
}

void reply_static(struct req *r, const char *content_type, const void *data, size_t len,
		  const char *cache_control)
{
	struct MHD_Response *resp =
		MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(resp, "Content-Type", content_type);
	if (cache_control) {
		MHD_add_response_header(resp, "Cache-Control", cache_control);
	}
	reply_queue(r, 200, resp);
}

void reply_throttled(struct req *r, int retry_after_seconds, const char *message)
{
	char v[32];
	snprintf(v, sizeof v, "%d", retry_after_seconds);
	server_add_pending_header(r, "Retry-After", v);
	reply_error(r, 429, "too_many_attempts", message, NULL);
}

void reply_set_session_cookie(struct req *r, const char *value, int max_age)
{
	char c[256];
	snprintf(c, sizeof c, "wm_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
		 value ? value : "", value ? max_age : 0, r->app->cfg.secure_cookies ? "; Secure" : "");
	server_add_pending_header(r, "Set-Cookie", c);
}

