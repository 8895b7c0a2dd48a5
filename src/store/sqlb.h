/* sqlb.h — a small SQL builder for dynamic queries (store layer): text is appended with
 * sqlb_sql(), each value with sqlb_int()/sqlb_text() which append a `?` and remember the value,
 * so values are always bound, never formatted into SQL. struct sqlb is caller-owned storage:
 * sqlb_init(&q) … sqlb_cleanup(&q). */
#ifndef WM_SQLB_H
#define WM_SQLB_H
#include <stdint.h>

#include "../util/buf.h"
#include "../util/err.h"
#include "db.h"

#define SQLB_MAX_ARGS 48

struct sqlb_arg {
	int type; /* 1 int, 2 text, 3 blob, 4 null */
	int64_t i;
	char *p;
	size_t len;
};

struct sqlb {
	struct buf sql;
	int n_args;
	struct sqlb_arg args[SQLB_MAX_ARGS];
};

void sqlb_init(struct sqlb *q);
void sqlb_cleanup(struct sqlb *q);
void sqlb_sql(struct sqlb *q, const char *text);
void sqlb_int(struct sqlb *q, int64_t v);
void sqlb_text(struct sqlb *q, const char *s);
void sqlb_blob(struct sqlb *q, const void *p, size_t n);
/* `column LIKE ? ESCAPE '\'` with the text's wildcards escaped: contains (anywhere = 1) or
 * starts with (anywhere = 0). */
void sqlb_like(struct sqlb *q, const char *column, const char *text, int anywhere);
/* Runs the query and reads its first row with read(st, out): ERR_OK, ERR_NOT_FOUND when there
 * is no row (missing or outside the scope), ERR_DB on failure. Cleans up q. */
enum err sqlb_fetch_one(struct sqlb *q, struct db *db, void (*read)(struct db_stmt *st, void *out), void *out);
/* A paged list: `count` (SELECT count(*) … with the list's filter) gives *total, then each row of
 * `page` goes to row(st, ctx). Cleans up both builders. */
enum err sqlb_list(struct db *db, struct sqlb *count, struct sqlb *page, int64_t *total,
		   void (*row)(struct db_stmt *st, void *ctx), void *ctx);
/* Runs a prepared `UPDATE … WHERE id = ? AND version = ?` and frees it: ERR_OK when one row
 * changed, ERR_CONFLICT version_conflict when none did (stale version), ERR_DB otherwise. */
enum err sqlb_step_versioned(struct db *db, struct db_stmt *st, struct err_detail *d);
/* `sql` is `DELETE FROM <table> WHERE id = ? AND version = ?`: as above, and a row still
 * referenced by a foreign key gives ERR_CONFLICT in_use with in_use_message. */
enum err sqlb_delete_versioned(struct db *db, const char *sql, int64_t id, int64_t expected_version,
			       const char *in_use_message, struct err_detail *d);
/* Prepares the statement and binds every remembered value. */
enum db_rc sqlb_prepare(struct sqlb *q, struct db *db, struct db_stmt **out);

#endif
