/* reply.c — building and queueing responses (http layer). Response memory mode: bodies are
 * malloc'd and handed to libmicrohttpd with MHD_RESPMEM_MUST_FREE, except embedded assets
 * which are MHD_RESPMEM_PERSISTENT. */
#include "reply.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void reply_csv(struct req *r, struct buf *csv, const char *filename)
{
	size_t len;
	struct buf out;
	buf_init(&out);
	buf_append(&out, "\xEF\xBB\xBF", 3);
	buf_append(&out, csv->data ? csv->data : "", csv->len);
	buf_cleanup(csv);
	char *data = buf_detach(&out, &len);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", "text/csv; charset=utf-8");
	char disp[256];
	snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", filename);
	MHD_add_response_header(resp, "Content-Disposition", disp);
	reply_queue(r, 200, resp);
}
