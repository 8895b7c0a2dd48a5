/* handler.h — what every resource handler uses (http layer): the JSON body, paging parameters,
 * the write transaction and the audit entry that goes with a change. Functions ending in
 * _or_reply have already answered the request when they return 0/NULL: the caller just returns. */
#ifndef WM_HANDLER_H
#define WM_HANDLER_H
#include <jansson.h>
#include <stdint.h>

#include "../codec/json_in.h"
#include "req.h"

/* Parses and validates the body against fields. Returns the object (owned by r) or NULL. */
json_t *handler_body_or_reply(struct req *r, const struct json_in_field *fields, size_t n);

struct page_params {
	int page, per_page;
	const char *after;
	int export_format; /* format=csv → SHEET_CSV, format=xlsx → SHEET_XLSX, else 0 */
};
/* Reads page, per_page (1–100, default 20), after and format (json, csv, xlsx). */
int handler_page_or_reply(struct req *r, struct page_params *p);

/* Exports of lists: the whole filtered list (up to HANDLER_EXPORT_MAX_ROWS rows) written to a
 * temporary file row by row and streamed back, so memory stays flat however long the list. */
#define HANDLER_EXPORT_MAX_ROWS 1048575
struct sheet_col;
struct handler_export {
	struct sheet_writer *w;
	int overflow;
};
/* Opens the file and puts the request's connection in streaming mode; 0 after answering. */
int handler_export_open_or_reply(struct req *r, struct handler_export *x, int format, const char *sheet_name,
				 const struct sheet_col *cols, size_t n);
/* A row (from a store's list callback). Rows beyond the limit set x->overflow. */
void handler_export_row(struct handler_export *x, const char *const *cells, size_t n);
/* A list that answers a JSON page or, with format=csv|xlsx, the whole filtered list as a file.
 * fetch runs the store's list for filter with page/per_page, its rows going to ctx: a json_t
 * array of items for a page, a struct handler_export for an export (export_rows 1). */
struct handler_list {
	const char *name_utf8;  /* the sheet and the file: 活动记录 */
	const char *name_ascii; /* the file for old clients: activities */
	const struct sheet_col *cols;
	size_t n_cols;
	enum err (*fetch)(struct req *r, void *filter, int page, int per_page, void *ctx, int export_rows,
			  int64_t *total);
};
void handler_list_reply(struct req *r, const struct page_params *pp, const struct handler_list *l, void *filter);

/* Ends the export: 500 when the store failed (store_ok 0), 400 export_too_large on overflow,
 * else the file as "<name_utf8>.<csv|xlsx>" (name_ascii for old clients). */
void handler_export_finish(struct req *r, struct handler_export *x, int store_ok, const char *name_utf8,
			   const char *name_ascii);

/* BEGIN (write lock on SQLite). */
int handler_begin_or_reply(struct req *r);
/* COMMIT; on failure rolls back and answers 500. */
int handler_commit_or_reply(struct req *r);
/* ROLLBACK, then answers d. */
void handler_rollback_reply(struct req *r, const struct err_detail *d);

/* Appends the audit entry for a change made by r's user. before/after are borrowed (may be
 * NULL). Returns 0 on failure (the caller rolls back). */
int handler_audit(struct req *r, const char *action, const char *entity, int64_t entity_id,
		  const char *region_code, json_t *before, json_t *after);

/* The same for records keyed by text (a region's code). */
int handler_audit_key(struct req *r, const char *action, const char *entity, const char *entity_key,
		      const char *region_code, json_t *before, json_t *after);

/* Ends the work of a write before COMMIT: when ok, appends the audit entry (before and after
 * are stolen; either may be NULL). When ok is 0 or the append fails, rolls back and answers
 * 500; returns 0 then and the caller just returns. */
int handler_audit_or_reply(struct req *r, int ok, const char *action, const char *entity, int64_t entity_id,
			   const char *region_code, json_t *before, json_t *after);
int handler_audit_key_or_reply(struct req *r, int ok, const char *action, const char *entity, const char *key,
				const char *region_code, json_t *before, json_t *after);

/* An optional integer query parameter within [lo, hi] (0 when absent); 400 invalid_value
 * otherwise. */
int handler_query_int_or_reply(struct req *r, const char *name, int64_t lo, int64_t hi, int64_t *out);

int64_t handler_now(void);
/* ISO 8601 UTC text of an epoch-seconds time, as a new json string; null for 0. */
json_t *handler_time_json(int64_t t);
/* The version to check, from the body (PATCH) or ?version= (DELETE); 0 and an answer when
 * missing. */
int64_t handler_version_or_reply(struct req *r, json_t *body);

#endif
