/* region_store.c — regions and dictionary items (store layer). */
#include "region_store.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

static void region_read(struct db_stmt *st, struct region *g)
{
	memset(g, 0, sizeof *g);
	snprintf(g->code, sizeof g->code, "%s", db_col_text(st, 0));
	snprintf(g->name, sizeof g->name, "%s", db_col_text(st, 1));
	const char *p = db_col_text(st, 2);
	snprintf(g->parent_code, sizeof g->parent_code, "%s", p ? p : "");
	g->level = (int)db_col_int64(st, 3);
	g->version = db_col_int64(st, 4);
}

static void region_read_any(struct db_stmt *st, void *out)
{
	region_read(st, out);
}

enum err region_store_list(struct db *db, const struct scope *scope, void (*fn)(const struct region *g, void *ctx),
			   void *ctx)
{
	struct sqlb q;
	struct db_stmt *st;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT code, name, parent_code, level, version FROM regions WHERE ");
	scope_sql_region(&q, scope, "code");
	sqlb_sql(&q, " ORDER BY code");
	enum err e = ERR_DB;
	if (sqlb_prepare(&q, db, &st) == DB_OK) {
		enum db_rc rc;
		while ((rc = db_step(st)) == DB_ROW) {
			struct region g;
			region_read(st, &g);
			fn(&g, ctx);
		}
		e = rc == DB_DONE ? ERR_OK : ERR_DB;
		db_stmt_free(st);
	}
	sqlb_cleanup(&q);
	return e;
}

enum err region_store_get(struct db *db, const struct scope *scope, const char *code, struct region *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT code, name, parent_code, level, version FROM regions WHERE code = ");
	sqlb_text(&q, code);
	sqlb_sql(&q, " AND ");
	scope_sql_region(&q, scope, "code");
	return sqlb_fetch_one(&q, db, region_read_any, out);
}

enum err region_store_insert(struct db *db, const struct region *g, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO regions (code, name, parent_code, level, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, 1, ?, ?)",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_text(st, 1, g->code, -1);
	db_bind_text(st, 2, g->name, -1);
	db_bind_text(st, 3, g->parent_code[0] ? g->parent_code : NULL, -1);
	db_bind_int64(st, 4, g->level);
	db_bind_int64(st, 5, now);
	db_bind_int64(st, 6, now);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	if (rc == DB_E_UNIQUE) {
		return err_set(d, ERR_CONFLICT, "region_exists", "code", "该行政区划代码已存在");
	}
	if (rc == DB_E_FOREIGN) {
		return err_set(d, ERR_INVALID, "region_parent", "parent_code", "上级行政区划不存在");
	}
	return rc == DB_DONE ? ERR_OK : err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
}

enum err region_store_update(struct db *db, struct region *g, int64_t expected_version, int64_t now,
			     struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE regions SET name = ?, version = version + 1, updated_at = ? WHERE code = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_text(st, 1, g->name, -1);
	db_bind_int64(st, 2, now);
	db_bind_text(st, 3, g->code, -1);
	db_bind_int64(st, 4, expected_version);
	enum db_rc rc = db_step(st);
	int64_t n = db_changes(st);
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	if (n != 1) {
		return err_set(d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	}
	g->version = expected_version + 1;
	return ERR_OK;
}

static void dict_read(struct db_stmt *st, struct dict_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = db_col_int64(st, 0);
	snprintf(it->kind, sizeof it->kind, "%s", db_col_text(st, 1));
	snprintf(it->code, sizeof it->code, "%s", db_col_text(st, 2));
	snprintf(it->label, sizeof it->label, "%s", db_col_text(st, 3));
	it->sort = (int)db_col_int64(st, 4);
	it->active = (int)db_col_int64(st, 5);
	it->version = db_col_int64(st, 6);
}

enum err dict_store_list(struct db *db, const char *kind, void (*fn)(const struct dict_item *it, void *ctx),
			 void *ctx)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "SELECT id, kind, code, label, sort, active, version FROM dict_items WHERE kind = ?"
		       " ORDER BY sort, id",
		       &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_text(st, 1, kind, -1);
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct dict_item it;
		dict_read(st, &it);
		fn(&it, ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err dict_store_get(struct db *db, int64_t id, struct dict_item *out)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id, kind, code, label, sort, active, version FROM dict_items WHERE id = ?", &st) !=
	    DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, id);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		dict_read(st, out);
	}
	db_stmt_free(st);
	return rc == DB_ROW ? ERR_OK : rc == DB_DONE ? ERR_NOT_FOUND : ERR_DB;
}

enum err dict_store_insert(struct db *db, struct dict_item *it, int64_t now, struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "INSERT INTO dict_items (kind, code, label, sort, active, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, 1, 1, ?, ?) RETURNING id",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_text(st, 1, it->kind, -1);
	db_bind_text(st, 2, it->code, -1);
	db_bind_text(st, 3, it->label, -1);
	db_bind_int64(st, 4, it->sort);
	db_bind_int64(st, 5, now);
	db_bind_int64(st, 6, now);
	enum db_rc rc = db_step(st);
	if (rc == DB_ROW) {
		it->id = db_col_int64(st, 0);
		it->version = 1;
		it->active = 1;
	}
	db_stmt_free(st);
	if (rc == DB_E_UNIQUE) {
		return err_set(d, ERR_CONFLICT, "dict_code_exists", "code", "该编码已存在");
	}
	return rc == DB_ROW ? ERR_OK : err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
}

enum err dict_store_update(struct db *db, struct dict_item *it, int64_t expected_version, int64_t now,
			   struct err_detail *d)
{
	struct db_stmt *st;
	if (db_prepare(db,
		       "UPDATE dict_items SET label = ?, sort = ?, active = ?, version = version + 1, updated_at = ?"
		       " WHERE id = ? AND version = ?",
		       &st) != DB_OK) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	db_bind_text(st, 1, it->label, -1);
	db_bind_int64(st, 2, it->sort);
	db_bind_int64(st, 3, it->active);
	db_bind_int64(st, 4, now);
	db_bind_int64(st, 5, it->id);
	db_bind_int64(st, 6, expected_version);
	enum db_rc rc = db_step(st);
	int64_t n = db_changes(st);
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return err_set(d, ERR_DB, "db", NULL, db_errmsg(db));
	}
	if (n != 1) {
		return err_set(d, ERR_CONFLICT, "version_conflict", "version", "数据已被他人修改，请刷新后重试");
	}
	it->version = expected_version + 1;
	return ERR_OK;
}
