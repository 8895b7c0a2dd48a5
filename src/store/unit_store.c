/* unit_store.c — units: scoped list with pinyin order and keyset cursors, get, insert, update,
 * delete, lineage events and registry statistics (store layer). */
#include "unit_store.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../domain/title.h"
#include "../util/collate.h"
#include "../util/crypto.h"
#include "../util/xalloc.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

/* ---- count cache: list totals keyed by the SHA-256 of the count query and its values ---- */

#define COUNT_CACHE_SLOTS 512
#define COUNT_CACHE_TTL 300

struct count_slot {
	char key[65];
	int64_t total;
	uint64_t generation;
	time_t at;
};

static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;
static struct count_slot count_slots[COUNT_CACHE_SLOTS];

enum err unit_store_invalidate_counts(struct db *db)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE counters SET n = n + 1 WHERE name = 'units'", &st) != DB_OK) {
		return ERR_DB;
	}
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

/* The generation the cached totals are keyed by; read before counting. */
static int unit_count_generation(struct db *db, uint64_t *gen)
{
	int64_t n = 0;
	if (db_exec_int64(db, "SELECT n FROM counters WHERE name = 'units'", &n) != DB_OK) {
		return -1;
	}
	*gen = (uint64_t)n;
	return 0;
}

static void count_key(const struct sqlb *q, char out[65])
{
	struct buf b;
	buf_init(&b);
	buf_append(&b, q->sql.data, q->sql.len);
	for (int i = 0; i < q->n_args; i++) {
		buf_printf(&b, "|%d:%lld:", q->args[i].type, (long long)q->args[i].i);
		if (q->args[i].p) {
			buf_append(&b, q->args[i].p, q->args[i].len);
		}
	}
	crypto_sha256_hex(b.data, b.len, out);
	buf_cleanup(&b);
}

static int count_lookup(const char *key, uint64_t generation, int64_t *total)
{
	unsigned slot = (unsigned)strtoul((char[9]){key[0], key[1], key[2], key[3], key[4], key[5], 0}, NULL, 16) %
			COUNT_CACHE_SLOTS;
	int hit = 0;
	pthread_mutex_lock(&count_mu);
	struct count_slot *s = &count_slots[slot];
	if (strcmp(s->key, key) == 0 && s->generation == generation &&
	    time(NULL) - s->at < COUNT_CACHE_TTL) {
		*total = s->total;
		hit = 1;
	}
	pthread_mutex_unlock(&count_mu);
	return hit;
}

static void count_store(const char *key, int64_t total, uint64_t generation)
{
	unsigned slot = (unsigned)strtoul((char[9]){key[0], key[1], key[2], key[3], key[4], key[5], 0}, NULL, 16) %
			COUNT_CACHE_SLOTS;
	pthread_mutex_lock(&count_mu);
	struct count_slot *s = &count_slots[slot];
	memcpy(s->key, key, 65);
	s->total = total;
	s->generation = generation;
	s->at = time(NULL);
	pthread_mutex_unlock(&count_mu);
}

/* ---- rows ---- */

#define UNIT_COLUMNS                                                                               \
	"u.id, u.name, COALESCE(u.uscc, ''), u.category, COALESCE(d.label, u.category), u.region_code, " \
	"r.name, u.address, u.contact_name, u.contact_phone, u.staff_count, u.status, "                 \
	"COALESCE(u.merged_into_id, 0), COALESCE(u.split_from_id, 0), u.remark, u.version, "            \
	"u.created_at, u.updated_at, u.name_key, "                                                   \
	"COALESCE(tt.id, 0), COALESCE(tt.level, ''), COALESCE(tt.tier, ''), COALESCE(tt.status, ''), "   \
	"COALESCE(tt.awarded_year, 0) "
/* The unit's highest live title is kept in units.top_title_id by the title store. */
#define UNIT_FROM                                                                                  \
	" FROM units u JOIN regions r ON r.code = u.region_code"                                       \
	" LEFT JOIN dict_items d ON d.kind = 'unit_category' AND d.code = u.category"                 \
	" LEFT JOIN titles tt ON tt.id = u.top_title_id"

static void unit_copy(char *dst, size_t n, const char *src)
{
	str_copy(dst, n, src);
}

/* Sets every field of u (no memset of the whole record: this runs for every row of a page). */
static void unit_read_row(struct db_stmt *st, struct unit *u)
{
	u->id = db_col_int64(st, 0);
	unit_copy(u->name, sizeof u->name, db_col_text(st, 1));
	unit_copy(u->uscc, sizeof u->uscc, db_col_text(st, 2));
	unit_copy(u->category, sizeof u->category, db_col_text(st, 3));
	unit_copy(u->category_label, sizeof u->category_label, db_col_text(st, 4));
	unit_copy(u->region_code, sizeof u->region_code, db_col_text(st, 5));
	unit_copy(u->region_name, sizeof u->region_name, db_col_text(st, 6));
	unit_copy(u->address, sizeof u->address, db_col_text(st, 7));
	unit_copy(u->contact_name, sizeof u->contact_name, db_col_text(st, 8));
	unit_copy(u->contact_phone, sizeof u->contact_phone, db_col_text(st, 9));
	u->staff_count = db_col_int64(st, 10);
	unit_copy(u->status, sizeof u->status, db_col_text(st, 11));
	u->merged_into_id = db_col_int64(st, 12);
	u->split_from_id = db_col_int64(st, 13);
	unit_copy(u->remark, sizeof u->remark, db_col_text(st, 14));
	u->version = db_col_int64(st, 15);
	u->created_at = db_col_int64(st, 16);
	u->updated_at = db_col_int64(st, 17);
	u->top_title.id = db_col_int64(st, 19);
	unit_copy(u->top_title.level, sizeof u->top_title.level, db_col_text(st, 20));
	unit_copy(u->top_title.tier, sizeof u->top_title.tier, db_col_text(st, 21));
	unit_copy(u->top_title.status, sizeof u->top_title.status, db_col_text(st, 22));
	u->top_title.awarded_year = (int)db_col_int64(st, 23);
}

static void unit_read_any(struct db_stmt *st, void *out)
{
	unit_read_row(st, out);
}

static void unit_filter_sql(struct sqlb *q, const struct scope *scope, const struct unit_filter *f)
{
	sqlb_sql(q, " WHERE ");
	scope_sql_unit(q, scope, "u");
	if (f->region && *f->region) {
		struct scope rs = {.kind = SCOPE_REGION};
		unit_copy(rs.region_code, sizeof rs.region_code, f->region);
		sqlb_sql(q, " AND ");
		scope_sql_unit(q, &rs, "u");
	}
	if (f->q && *f->q) {
		sqlb_sql(q, " AND (");
		sqlb_like(q, "u.name", f->q, 1);
		sqlb_sql(q, " OR ");
		sqlb_like(q, "u.uscc", f->q, 0);
		sqlb_sql(q, ")");
	}
	if (f->category && *f->category) {
		sqlb_sql(q, " AND u.category = ");
		sqlb_text(q, f->category);
	}
	if (f->status && *f->status) {
		sqlb_sql(q, " AND u.status = ");
		sqlb_text(q, f->status);
	}
	if ((f->level && *f->level) || (f->tier && *f->tier) || (f->title_status && *f->title_status)) {
		sqlb_sql(q, " AND EXISTS (SELECT 1 FROM titles t WHERE t.unit_id = u.id");
		if (f->level && *f->level) {
			sqlb_sql(q, " AND t.level = ");
			sqlb_text(q, f->level);
		}
		if (f->tier && *f->tier) {
			sqlb_sql(q, " AND t.tier = ");
			sqlb_text(q, f->tier);
		}
		if (f->title_status && *f->title_status) {
			sqlb_sql(q, " AND t.status = ");
			sqlb_text(q, f->title_status);
		} else {
			sqlb_sql(q, " AND t.status IN ('valid', 'criticized', 'yellow_card')");
		}
		sqlb_sql(q, ")");
	}
}

/* Cursor: "<sort>.<hex key>.<id>" where key is the sort column of the last row. */
static int unit_hex_decode(const char *hex, size_t n, unsigned char *out)
{
	for (size_t i = 0; i < n / 2; i++) {
		unsigned v;
		if (sscanf(hex + 2 * i, "%2x", &v) != 1) {
			return -1;
		}
		out[i] = (unsigned char)v;
	}
	return 0;
}

static enum err unit_cursor_sql(struct sqlb *q, const char *sort, const char *cursor, struct err_detail *d)
{
	const char *dot1 = strchr(cursor, '.');
	const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	if (!dot1 || !dot2 || (size_t)(dot1 - cursor) != strlen(sort) || strncmp(cursor, sort, strlen(sort)) != 0) {
		return err_set(d, ERR_INVALID, "invalid_cursor", "after", "分页游标无效");
	}
	char *end;
	long long id = strtoll(dot2 + 1, &end, 10);
	size_t keylen = (size_t)(dot2 - dot1 - 1);
	if (*end || id <= 0 || keylen > 2048) {
		return err_set(d, ERR_INVALID, "invalid_cursor", "after", "分页游标无效");
	}
	if (strcmp(sort, "name") == 0 || strcmp(sort, "-name") == 0) {
		unsigned char key[1024];
		if (keylen % 2 || unit_hex_decode(dot1 + 1, keylen, key) != 0) {
			return err_set(d, ERR_INVALID, "invalid_cursor", "after", "分页游标无效");
		}
		sqlb_sql(q, strcmp(sort, "name") == 0 ? " AND (u.name_key, u.id) > (" : " AND (u.name_key, u.id) < (");
		sqlb_blob(q, key, keylen / 2);
		sqlb_sql(q, ", ");
		sqlb_int(q, id);
		sqlb_sql(q, ")");
	} else if (strcmp(sort, "-updated_at") == 0) {
		long long at = strtoll(dot1 + 1, NULL, 16);
		sqlb_sql(q, " AND (u.updated_at, u.id) < (");
		sqlb_int(q, at);
		sqlb_sql(q, ", ");
		sqlb_int(q, id);
		sqlb_sql(q, ")");
	} else {
		sqlb_sql(q, " AND u.id > ");
		sqlb_int(q, id);
	}
	return ERR_OK;
}

enum err unit_store_list(struct db *db, const struct scope *scope, const struct unit_filter *f,
			 void (*fn)(const struct unit *u, void *ctx), void *ctx, int64_t *total,
			 char *next_cursor, size_t cursor_len, struct err_detail *d)
{
	const char *sort = f->sort && *f->sort ? f->sort : "name";
	const char *order;
	if (strcmp(sort, "name") == 0) {
		order = " ORDER BY u.name_key, u.id";
	} else if (strcmp(sort, "-name") == 0) {
		order = " ORDER BY u.name_key DESC, u.id DESC";
	} else if (strcmp(sort, "-updated_at") == 0) {
		order = " ORDER BY u.updated_at DESC, u.id DESC";
	} else if (strcmp(sort, "id") == 0) {
		order = " ORDER BY u.id";
	} else {
		return err_set(d, ERR_INVALID, "invalid_sort", "sort", "排序方式无效，可选 name、-name、-updated_at、id");
	}
	next_cursor[0] = '\0';
	struct sqlb q;
	struct db_stmt *st = NULL;
	int n = 0;
	enum err e = ERR_DB;
	/* total: from the cache, else counted once */
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT count(*) FROM units u");
	unit_filter_sql(&q, scope, f);
	char key[65];
	count_key(&q, key);
	uint64_t gen = 0;
	if (unit_count_generation(db, &gen) != 0) {
		err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
		goto out;
	}
	if (!count_lookup(key, gen, total)) {
		if (sqlb_prepare(&q, db, &st) != DB_OK || db_step(st) != DB_ROW) {
			err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
			goto out;
		}
		*total = db_col_int64(st, 0);
		db_stmt_free(st);
		st = NULL;
		count_store(key, *total, gen);
	}
	sqlb_cleanup(&q);
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT " UNIT_COLUMNS UNIT_FROM);
	unit_filter_sql(&q, scope, f);
	if (f->after && *f->after) {
		if ((e = unit_cursor_sql(&q, sort, f->after, d)) != ERR_OK) {
			goto out;
		}
		e = ERR_DB;
	}
	sqlb_sql(&q, order);
	sqlb_sql(&q, " LIMIT ");
	sqlb_int(&q, f->per_page + 1);
	if (!(f->after && *f->after) && f->page > 1) {
		sqlb_sql(&q, " OFFSET ");
		sqlb_int(&q, (int64_t)(f->page - 1) * f->per_page);
	}
	if (sqlb_prepare(&q, db, &st) != DB_OK) {
		err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
		goto out;
	}
	struct unit row;
	int64_t last_id = 0, last_updated = 0;
	enum db_rc rc;
	int more = 0;
	size_t last_kl = 0;
	unsigned char last_key[1024];
	while ((rc = db_step(st)) == DB_ROW) {
		if (n == f->per_page) {
			more = 1;
			break;
		}
		unit_read_row(st, &row);
		size_t kl;
		const unsigned char *k = db_col_blob(st, 18, &kl);
		last_kl = kl <= sizeof last_key ? kl : 0;
		if (last_kl) {
			memcpy(last_key, k, kl);
		}
		fn(&row, ctx);
		last_id = row.id;
		last_updated = row.updated_at;
		n++;
	}
	if (rc != DB_ROW && rc != DB_DONE) {
		err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
		goto out;
	}
	if (more && (strcmp(sort, "name") == 0 || strcmp(sort, "-name") == 0) && last_kl * 2 + 64 < cursor_len) {
		static const char hex[] = "0123456789abcdef";
		int off = snprintf(next_cursor, cursor_len, "%s.", sort);
		for (size_t i = 0; i < last_kl; i++) {
			next_cursor[off++] = hex[last_key[i] >> 4];
			next_cursor[off++] = hex[last_key[i] & 15];
		}
		snprintf(next_cursor + off, cursor_len - (size_t)off, ".%lld", (long long)last_id);
	} else if (more && strcmp(sort, "-updated_at") == 0) {
		snprintf(next_cursor, cursor_len, "%s.%llx.%lld", sort, (long long)last_updated, (long long)last_id);
	} else if (more && strcmp(sort, "id") == 0) {
		snprintf(next_cursor, cursor_len, "id.0.%lld", (long long)last_id);
	}
	e = ERR_OK;
out:
	db_stmt_free(st);
	sqlb_cleanup(&q);
	return e;
}

enum err unit_store_get(struct db *db, const struct scope *scope, int64_t id, struct unit *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT " UNIT_COLUMNS UNIT_FROM " WHERE u.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return sqlb_fetch_one(&q, db, unit_read_any, out);
}

int dict_item_exists(struct db *db, const char *kind, const char *code, char *label, size_t label_len)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT label FROM dict_items WHERE kind = ? AND code = ? AND active = 1", &st) != DB_OK) {
		return 0;
	}
	db_bind_text(st, 1, kind, -1);
	db_bind_text(st, 2, code, -1);
	int found = db_step(st) == DB_ROW;
	if (found && label) {
		unit_copy(label, label_len, db_col_text(st, 0));
	}
	db_stmt_free(st);
	return found;
}

static int unit_region_name(struct db *db, const char *code, char *name, size_t n)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT name FROM regions WHERE code = ?", &st) != DB_OK) {
		return 0;
	}
	db_bind_text(st, 1, code, -1);
	int found = db_step(st) == DB_ROW;
	if (found) {
		unit_copy(name, n, db_col_text(st, 0));
	}
	db_stmt_free(st);
	return found;
}

static enum err unit_check_refs(struct db *db, struct unit *u, struct err_detail *d)
{
	if (!dict_item_exists(db, "unit_category", u->category, u->category_label, sizeof u->category_label)) {
		return err_set(d, ERR_INVALID, "invalid_category", "category", "单位类别不存在");
	}
	if (!unit_region_name(db, u->region_code, u->region_name, sizeof u->region_name)) {
		return err_set(d, ERR_NOT_FOUND, "region_not_found", "region_code", "行政区划不存在或不在您的管辖范围内");
	}
	return ERR_OK;
}

static void unit_bind_fields(struct db_stmt *st, const struct unit *u, int first)
{
	size_t kl;
	unsigned char *key = collate_key(u->name, &kl);
	char city[7], prov[7];
	unit_region_levels(u->region_code, city, prov);
	db_bind_text(st, first + 0, u->name, -1);
	db_bind_blob(st, first + 1, key, kl);
	if (u->uscc[0]) {
		db_bind_text(st, first + 2, u->uscc, -1);
	} else {
		db_bind_null(st, first + 2);
	}
	db_bind_text(st, first + 3, u->category, -1);
	db_bind_text(st, first + 4, u->region_code, -1);
	db_bind_text(st, first + 5, city, -1);
	db_bind_text(st, first + 6, prov, -1);
	db_bind_text(st, first + 7, u->address, -1);
	db_bind_text(st, first + 8, u->contact_name, -1);
	db_bind_text(st, first + 9, u->contact_phone, -1);
	db_bind_int64(st, first + 10, u->staff_count);
	db_bind_text(st, first + 11, u->status, -1);
	if (u->merged_into_id) {
		db_bind_int64(st, first + 12, u->merged_into_id);
	} else {
		db_bind_null(st, first + 12);
	}
	if (u->split_from_id) {
		db_bind_int64(st, first + 13, u->split_from_id);
	} else {
		db_bind_null(st, first + 13);
	}
	db_bind_text(st, first + 14, u->remark, -1);
	free(key);
}

static enum err unit_write_error(struct db *db, enum db_rc rc, struct err_detail *d)
{
	if (rc == DB_E_UNIQUE) {
		return err_set(d, ERR_CONFLICT, "uscc_taken", "uscc", "该统一社会信用代码已被其他单位使用");
	}
	if (rc == DB_E_FOREIGN) {
		return err_set(d, ERR_INVALID, "invalid_reference", NULL, "引用的记录不存在");
	}
	return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
}

enum err unit_store_insert(struct db *db, struct unit *u, int64_t now, struct err_detail *d)
{
	enum err e = unit_check_refs(db, u, d);
	if (e) {
		return e;
	}
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO units (name, name_key, uscc, category, region_code, city_code, prov_code, address,"
		       " contact_name, contact_phone, staff_count, status, merged_into_id, split_from_id, remark,"
		       " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
		       " RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	unit_bind_fields(st, u, 1);
	db_bind_int64(st, 16, now);
	db_bind_int64(st, 17, now);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		u->id = db_col_int64(st, 0);
		u->version = 1;
		u->created_at = u->updated_at = now;
		e = ERR_OK;
	} else {
		e = unit_write_error(db, rc, d);
	}
	db_stmt_free(st);
	if (e == ERR_OK && unit_store_invalidate_counts(db) != ERR_OK) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	return e;
}

enum err unit_store_update(struct db *db, struct unit *u, int64_t expected_version, int64_t now,
			   struct err_detail *d)
{
	enum err e = unit_check_refs(db, u, d);
	if (e) {
		return e;
	}
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE units SET name = ?, name_key = ?, uscc = ?, category = ?, region_code = ?, city_code = ?,"
		       " prov_code = ?, address = ?, contact_name = ?, contact_phone = ?, staff_count = ?, status = ?,"
		       " merged_into_id = ?, split_from_id = ?, remark = ?, version = version + 1, updated_at = ?"
		       " WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	unit_bind_fields(st, u, 1);
	db_bind_int64(st, 16, now);
	db_bind_int64(st, 17, u->id);
	db_bind_int64(st, 18, expected_version);
	enum db_rc rc = db_step(st);
	if (rc != DB_DONE) {
		e = unit_write_error(db, rc, d);
	} else if (db_changes(st) != 1) {
		e = err_set(d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	} else {
		u->version = expected_version + 1;
		u->updated_at = now;
	}
	db_stmt_free(st);
	if (e == ERR_OK && unit_store_invalidate_counts(db) != ERR_OK) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	return e;
}

enum err unit_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d)
{
	int64_t n = 0;
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT (SELECT count(*) FROM titles WHERE unit_id = ?) + (SELECT count(*) FROM users WHERE"
		       " unit_id = ?) + (SELECT count(*) FROM units WHERE merged_into_id = ? OR split_from_id = ?)",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	for (int i = 1; i <= 4; i++) {
		db_bind_int64(st, i, id);
	}
	if (db_step(st) == DB_ROW) {
		n = db_col_int64(st, 0);
	}
	db_stmt_free(st);
	if (n > 0) {
		return err_set(d, ERR_CONFLICT, "unit_in_use", NULL,
			       "该单位已有荣誉称号、用户或机构变更记录，不能删除；如已撤并请使用“机构变更”");
	}
	if (db_prepare(db, "DELETE FROM unit_events WHERE unit_id = ? AND kind = 'created'", &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_int64(st, 1, id);
	db_step(st);
	db_stmt_free(st);
	if (db_prepare(db, "DELETE FROM units WHERE id = ? AND version = ?", &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, expected_version);
	enum db_rc rc = db_step(st);
	enum err e = ERR_OK;
	if (rc == DB_E_FOREIGN) {
		e = err_set(d, ERR_CONFLICT, "unit_in_use", NULL, "该单位仍被其他记录引用，不能删除");
	} else if (rc != DB_DONE) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	} else if (db_changes(st) != 1) {
		e = err_set(d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	}
	db_stmt_free(st);
	if (e == ERR_OK && unit_store_invalidate_counts(db) != ERR_OK) {
		e = err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	return e;
}

enum err unit_event_insert(struct db *db, const struct unit_event *ev, int64_t actor_id)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO unit_events (unit_id, kind, related_unit_id, old_name, new_name, event_date, doc_no,"
		       " note, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, ev->unit_id);
	db_bind_text(st, 2, ev->kind, -1);
	if (ev->related_unit_id) {
		db_bind_int64(st, 3, ev->related_unit_id);
	} else {
		db_bind_null(st, 3);
	}
	db_bind_text(st, 4, ev->old_name[0] ? ev->old_name : NULL, -1);
	db_bind_text(st, 5, ev->new_name[0] ? ev->new_name : NULL, -1);
	db_bind_text(st, 6, ev->date[0] ? ev->date : NULL, -1);
	db_bind_text(st, 7, ev->doc_no, -1);
	db_bind_text(st, 8, ev->note, -1);
	if (actor_id) {
		db_bind_int64(st, 9, actor_id);
	} else {
		db_bind_null(st, 9);
	}
	db_bind_int64(st, 10, ev->at);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err unit_event_list(struct db *db, int64_t unit_id, void (*fn)(const struct unit_event *e, void *ctx),
			 void *ctx)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT e.id, e.unit_id, e.kind, COALESCE(e.related_unit_id, 0), COALESCE(r.name, ''),"
		       " COALESCE(e.old_name, ''), COALESCE(e.new_name, ''), COALESCE(e.event_date, ''), e.doc_no, e.note, e.at"
		       " FROM unit_events e LEFT JOIN units r ON r.id = e.related_unit_id WHERE e.unit_id = ? ORDER BY e.id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct unit_event ev;
		memset(&ev, 0, sizeof ev);
		ev.id = db_col_int64(st, 0);
		ev.unit_id = db_col_int64(st, 1);
		unit_copy(ev.kind, sizeof ev.kind, db_col_text(st, 2));
		ev.related_unit_id = db_col_int64(st, 3);
		unit_copy(ev.related_unit_name, sizeof ev.related_unit_name, db_col_text(st, 4));
		unit_copy(ev.old_name, sizeof ev.old_name, db_col_text(st, 5));
		unit_copy(ev.new_name, sizeof ev.new_name, db_col_text(st, 6));
		unit_copy(ev.date, sizeof ev.date, db_col_text(st, 7));
		unit_copy(ev.doc_no, sizeof ev.doc_no, db_col_text(st, 8));
		unit_copy(ev.note, sizeof ev.note, db_col_text(st, 9));
		ev.at = db_col_int64(st, 10);
		fn(&ev, ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err unit_store_stats(struct db *db, const struct scope *scope, struct registry_stats *out,
			  void (*fn)(const char *level, const char *tier, const char *status, int64_t n, void *ctx),
			  void *ctx)
{
	memset(out, 0, sizeof *out);
	struct sqlb q;
	struct db_stmt *st = NULL;
	enum err e = ERR_DB;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT u.status, count(*) FROM units u WHERE ");
	scope_sql_unit(&q, scope, "u");
	sqlb_sql(&q, " GROUP BY u.status");
	if (sqlb_prepare(&q, db, &st) != DB_OK) {
		goto out;
	}
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *s = db_col_text(st, 0);
		int64_t n = db_col_int64(st, 1);
		out->units_total += n;
		if (strcmp(s, "active") == 0) {
			out->units_active = n;
		} else if (strcmp(s, "merged") == 0) {
			out->units_merged = n;
		} else if (strcmp(s, "dissolved") == 0) {
			out->units_dissolved = n;
		}
	}
	if (rc != DB_DONE) {
		goto out;
	}
	db_stmt_free(st);
	st = NULL;
	sqlb_cleanup(&q);
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT t.level, t.tier, t.status, count(*) FROM titles t JOIN units u ON u.id = t.unit_id WHERE ");
	scope_sql_unit(&q, scope, "u");
	sqlb_sql(&q, " GROUP BY t.level, t.tier, t.status ORDER BY t.level, t.tier, t.status");
	if (sqlb_prepare(&q, db, &st) != DB_OK) {
		goto out;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		fn(db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_int64(st, 3), ctx);
	}
	e = rc == DB_DONE ? ERR_OK : ERR_DB;
out:
	db_stmt_free(st);
	sqlb_cleanup(&q);
	return e;
}

enum err unit_store_refresh_sort_keys(struct db *db, int *n)
{
	char version[32];
	collate_version(version);
	*n = 0;
	struct db_stmt *st = NULL, *up = NULL;
	if (db_begin_write(db) != DB_OK) {
		return ERR_DB;
	}
	enum err e = ERR_DB;
	if (db_prepare(db, "SELECT value FROM settings WHERE key = 'collation_version'", &st) != DB_OK) {
		goto out;
	}
	enum db_rc rc = db_step(st);
	int same = rc == DB_ROW && strcmp(db_col_text(st, 0), version) == 0;
	db_stmt_free(st);
	st = NULL;
	if (same) {
		e = ERR_OK;
		goto out;
	}
	if (db_prepare(db, "SELECT id, name FROM units ORDER BY id", &st) != DB_OK ||
	    db_prepare(db, "UPDATE units SET name_key = ? WHERE id = ?", &up) != DB_OK) {
		goto out;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		size_t kl;
		unsigned char *key = collate_key(db_col_text(st, 1), &kl);
		db_reset(up);
		db_bind_blob(up, 1, key, kl);
		db_bind_int64(up, 2, db_col_int64(st, 0));
		free(key);
		if (db_step(up) != DB_DONE) {
			goto out;
		}
		(*n)++;
	}
	if (rc != DB_DONE) {
		goto out;
	}
	db_stmt_free(up);
	up = NULL;
	if (db_prepare(db,
		       "INSERT INTO settings (key, value) VALUES ('collation_version', ?) ON CONFLICT (key) DO UPDATE"
		       " SET value = excluded.value",
		       &up) != DB_OK) {
		goto out;
	}
	db_bind_text(up, 1, version, -1);
	if (db_step(up) != DB_DONE) {
		goto out;
	}
	e = ERR_OK;
out:
	db_stmt_free(st);
	db_stmt_free(up);
	if (e == ERR_OK && db_commit(db) == DB_OK) {
		return ERR_OK;
	}
	db_rollback(db);
	return ERR_DB;
}

enum err unit_store_refresh_top_title(struct db *db, int64_t unit_id)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE units SET top_title_id = (SELECT t.id FROM titles t WHERE t.unit_id = units.id AND"
		       " t.status IN ('valid', 'criticized', 'yellow_card') ORDER BY CASE t.level WHEN 'national' THEN 4"
		       " WHEN 'region' THEN 3 WHEN 'city' THEN 2 ELSE 1 END DESC, CASE t.tier WHEN 'model' THEN 1 ELSE 0"
		       " END DESC, t.id DESC LIMIT 1) WHERE id = ?",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err unit_store_lock(struct db *db, int64_t unit_id)
{
	/* A no-op update: on PostgreSQL it takes the row lock until the transaction ends; SQLite's
	 * write transaction (BEGIN IMMEDIATE) already serialises writers. */
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE units SET version = version WHERE id = ?", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}
