/* reply.h — the one place an answer becomes an HTTP response (http layer): JSON bodies, the
 * error envelope, enum err → status, security headers, request logging hooks.
 * Every reply_* function answers the request once; the json_t passed in is stolen. */
#ifndef WM_REPLY_H
#define WM_REPLY_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"
#include "../util/err.h"
#include "req.h"

void reply_json(struct req *r, unsigned status, json_t *body);
/* A JSON body already written as text; takes the buffer's contents and leaves it empty. */
void reply_json_buf(struct req *r, unsigned status, struct buf *body);
/* {"error":{"code","message","field"?}} */
void reply_error(struct req *r, unsigned status, const char *code, const char *message,
		 const char *field);
/* Maps d->err to a status (ERR_INVALID 400, ERR_NOT_FOUND 404, ERR_CONFLICT 409, …). */
void reply_err_detail(struct req *r, const struct err_detail *d);
/* A storage failure: logged with the request id, answered 500 with a generic message. */
void reply_db_failure(struct req *r, const char *what);
void reply_no_content(struct req *r);
/* data is copied. */
void reply_bytes(struct req *r, unsigned status, const char *content_type, const void *data,
		 size_t len, const char *content_disposition);
/* 200 with data (malloc'd; taken, freed when sent). */
void reply_owned_bytes(struct req *r, const char *content_type, void *data, size_t len,
		       const char *content_disposition, const char *cache_control);
/* 200 streaming an open file (fd taken: closed when sent) as a download named filename_utf8
 * (filename_ascii for old clients). */
void reply_file(struct req *r, int fd, uint64_t size, const char *content_type, const char *filename_ascii,
		const char *filename_utf8);
/* `attachment; filename="ascii"; filename*=UTF-8''<utf8 percent-encoded>` into out. */
void reply_disposition(const char *ascii, const char *utf8, char *out, size_t outlen);
/* data is static (embedded) and not copied. */
void reply_static(struct req *r, const char *content_type, const void *data, size_t len,
		  const char *cache_control);
/* 429 with Retry-After. */
void reply_throttled(struct req *r, int retry_after_seconds, const char *message);
/* Adds Set-Cookie to the next reply of r (call before reply_*). value NULL clears the cookie. */
void reply_set_session_cookie(struct req *r, const char *value, int max_age);



#endif
