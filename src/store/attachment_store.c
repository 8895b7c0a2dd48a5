/* attachment_store.c — attachments and blobs (store layer). */
#include "attachment_store.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/xalloc.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

static enum err att_db(struct db *db, struct err_detail *d)
{
	return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
}

/* Concurrent writers. SQLite serialises write transactions, so nothing below is needed there.
 * PostgreSQL runs them side by side (READ COMMITTED): two uploads of the same new content both
 * insert the blob (ON CONFLICT DO NOTHING lets the second wait for the first and then skip),
 * and an upload reusing a blob can meet a deletion collecting it. The upload locks the blob it
 * reuses (FOR KEY SHARE, which a deletion waits for) and stores it again when it is gone; the
 * collector locks the blob (FOR UPDATE, which waits for those reusing it) before it looks for
 * attachments that still refer to it, in a statement of its own (a fresh snapshot). */
enum err attachment_store_insert(struct db *db, struct attachment *a, const void *data, int64_t user_id, int64_t now,
				 int *existed, struct err_detail *d)
{
	struct db_stmt *st;
	*existed = 0;
	for (int attempt = 0;; attempt++) {
		if (db_prepare(db,
			       "INSERT INTO blobs (sha256, size, mime, data, created_at) VALUES (?, ?, ?, ?, ?)"
			       " ON CONFLICT (sha256) DO NOTHING",
			       &st) != DB_OK) {
			return att_db(db, d);
		}
		db_bind_text(st, 1, a->sha256, -1);
		db_bind_int64(st, 2, a->size);
		db_bind_text(st, 3, a->mime, -1);
		db_bind_blob(st, 4, data, (size_t)a->size);
		db_bind_int64(st, 5, now);
		enum db_rc rc = db_step(st);
		int64_t inserted = db_changes(st);
		db_stmt_free(st);
		if (rc != DB_DONE) {
			return att_db(db, d);
		}
		if (inserted) {
			break;
		}
		*existed = 1;
		if (db_kind(db) != DB_POSTGRES) {
			break;
		}
		if (db_prepare(db, "SELECT 1 FROM blobs WHERE sha256 = ? FOR KEY SHARE", &st) != DB_OK) {
			return att_db(db, d);
		}
		db_bind_text(st, 1, a->sha256, -1);
		rc = db_step(st);
		db_stmt_free(st);
		if (rc == DB_ROW) {
			break;
		}
		if (rc != DB_DONE || attempt >= 3) {
			return att_db(db, d);
		}
		*existed = 0; /* collected meanwhile: store it again */
	}
	if (db_prepare(db,
		       "INSERT INTO attachments (owner_kind, owner_id, unit_id, sha256, filename, mime, size, caption, created_by,"
		       " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return att_db(db, d);
	}
	db_bind_text(st, 1, a->owner_kind, -1);
	db_bind_int64(st, 2, a->owner_id);
	db_bind_int64(st, 3, a->unit_id);
	db_bind_text(st, 4, a->sha256, -1);
	db_bind_text(st, 5, a->filename, -1);
	db_bind_text(st, 6, a->mime, -1);
	db_bind_int64(st, 7, a->size);
	db_bind_text(st, 8, a->caption, -1);
	if (user_id) {
		db_bind_int64(st, 9, user_id);
	} else {
		db_bind_null(st, 9);
	}
	db_bind_int64(st, 10, now);
	enum err e = ERR_OK;
	if (db_step(st) == DB_ROW) {
		a->id = db_col_int64(st, 0);
		a->created_at = now;
	} else {
		e = att_db(db, d);
	}
	db_stmt_free(st);
	return e;
}

#define ATT_SELECT                                                                                         \
	"SELECT t.id, t.owner_kind, t.owner_id, t.unit_id, u.region_code, t.sha256, t.filename, t.mime, t.size," \
	" t.caption, COALESCE(cu.display_name, ''), t.created_at FROM attachments t JOIN units u ON u.id = t.unit_id" \
	" LEFT JOIN users cu ON cu.id = t.created_by"

static void att_read(struct db_stmt *st, void *out)
{
	struct attachment *a = out;
	a->id = db_col_int64(st, 0);
	str_copy(a->owner_kind, sizeof a->owner_kind, db_col_text(st, 1));
	a->owner_id = db_col_int64(st, 2);
	a->unit_id = db_col_int64(st, 3);
	str_copy(a->unit_region_code, sizeof a->unit_region_code, db_col_text(st, 4));
	str_copy(a->sha256, sizeof a->sha256, db_col_text(st, 5));
	str_copy(a->filename, sizeof a->filename, db_col_text(st, 6));
	str_copy(a->mime, sizeof a->mime, db_col_text(st, 7));
	a->size = db_col_int64(st, 8);
	str_copy(a->caption, sizeof a->caption, db_col_text(st, 9));
	str_copy(a->created_by, sizeof a->created_by, db_col_text(st, 10));
	a->created_at = db_col_int64(st, 11);
}

enum err attachment_store_list(struct db *db, const struct scope *scope, const char *owner_kind, int64_t owner_id,
			       void (*fn)(const struct attachment *a, void *ctx), void *ctx)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, ATT_SELECT " WHERE t.owner_kind = ");
	sqlb_text(&q, owner_kind);
	sqlb_sql(&q, " AND t.owner_id = ");
	sqlb_int(&q, owner_id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	sqlb_sql(&q, " ORDER BY t.id");
	struct db_stmt *st;
	enum db_rc rc = sqlb_prepare(&q, db, &st);
	sqlb_cleanup(&q);
	if (rc != DB_OK) {
		return ERR_DB;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		struct attachment a;
		att_read(st, &a);
		fn(&a, ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err attachment_store_count(struct db *db, const char *owner_kind, int64_t owner_id, int64_t *n)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT count(*) FROM attachments WHERE owner_kind = ? AND owner_id = ?", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, owner_kind, -1);
	db_bind_int64(st, 2, owner_id);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		*n = db_col_int64(st, 0);
	}
	db_stmt_free(st);
	return rc == DB_ROW ? ERR_OK : ERR_DB;
}

enum err attachment_store_get(struct db *db, const struct scope *scope, int64_t id, struct attachment *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, ATT_SELECT " WHERE t.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, att_read, out);
}

enum err attachment_store_content(struct db *db, const char *sha256, void **data, size_t *len)
{
	struct db_stmt *st;
	*data = NULL;
	*len = 0;
	if (db_prepare(db, "SELECT data FROM blobs WHERE sha256 = ?", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, sha256, -1);
	enum db_rc rc = db_step(st);
	enum err e = rc == DB_ROW ? ERR_OK : rc == DB_DONE ? ERR_NOT_FOUND : ERR_DB;
	if (rc == DB_ROW) {
		size_t n = 0;
		const void *p = db_col_blob(st, 0, &n);
		*data = xmalloc(n ? n : 1);
		if (n) {
			memcpy(*data, p, n);
		}
		*len = n;
	}
	db_stmt_free(st);
	return e;
}

static enum err att_exec(struct db *db, const char *sql, const char *text, int64_t id)
{
	struct db_stmt *st;
	if (db_prepare(db, sql, &st) != DB_OK) {
		return ERR_DB;
	}
	int i = 1;
	if (text) {
		db_bind_text(st, i++, text, -1);
	}
	if (id) {
		db_bind_int64(st, i, id);
	}
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

/* Drops the blob of the given hash when no attachment refers to it any more. */
static enum err att_gc(struct db *db, const char *sha256)
{
	if (db_kind(db) == DB_POSTGRES) {
		struct db_stmt *st;
		if (db_prepare(db, "SELECT 1 FROM blobs WHERE sha256 = ? FOR UPDATE", &st) != DB_OK) {
			return ERR_DB;
		}
		db_bind_text(st, 1, sha256, -1);
		enum db_rc rc = db_step(st);
		db_stmt_free(st);
		if (rc != DB_ROW && rc != DB_DONE) {
			return ERR_DB;
		}
	}
	return att_exec(db,
			"DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments t WHERE t.sha256 = blobs.sha256)",
			sha256, 0);
}

enum err attachment_store_delete(struct db *db, const struct attachment *a)
{
	if (att_exec(db, "DELETE FROM attachments WHERE id = ?", NULL, a->id) != ERR_OK) {
		return ERR_DB;
	}
	return att_gc(db, a->sha256);
}

enum err attachment_store_delete_owner(struct db *db, const char *owner_kind, int64_t owner_id)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM attachments WHERE owner_kind = ? AND owner_id = ? RETURNING sha256", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, owner_kind, -1);
	db_bind_int64(st, 2, owner_id);
	/* the hashes first (at most ATTACHMENT_PER_OWNER_MAX rows), then only their blobs are
	 * collected: not a scan of every blob */
	char (*hashes)[65] = NULL;
	size_t n = 0;
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *h = db_col_text(st, 0);
		size_t i = 0;
		while (i < n && strcmp(hashes[i], h ? h : "") != 0) {
			i++;
		}
		if (i == n) {
			hashes = xrealloc(hashes, (n + 1) * sizeof *hashes);
			str_copy(hashes[n++], sizeof hashes[0], h ? h : "");
		}
	}
	db_stmt_free(st);
	enum err e = rc == DB_DONE ? ERR_OK : ERR_DB;
	for (size_t i = 0; e == ERR_OK && i < n; i++) {
		e = att_gc(db, hashes[i]);
	}
	free(hashes);
	return e;
}
