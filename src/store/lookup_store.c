/* lookup_store.c — lookups by name for imports (store layer). */
#include "lookup_store.h"

#include <string.h>

#include "../domain/ledger.h"
#include "../util/buf.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

/* Runs q (cleaned up) and reads up to two rows with read(): ERR_OK for exactly one. */
static enum err lookup_one(struct sqlb *q, struct db *db, void (*read)(struct db_stmt *st, void *out), void *out)
{
	struct db_stmt *st;
	enum db_rc rc = sqlb_prepare(q, db, &st);
	sqlb_cleanup(q);
	if (rc != DB_OK) {
		return ERR_DB;
	}
	int n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (n++ == 0) {
			read(st, out);
		}
	}
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return ERR_DB;
	}
	return n == 0 ? ERR_NOT_FOUND : n > 1 ? ERR_CONFLICT : ERR_OK;
}

static void lookup_unit_read(struct db_stmt *st, void *out)
{
	struct lookup_unit *u = out;
	u->id = db_col_int64(st, 0);
	str_copy(u->name, sizeof u->name, db_col_text(st, 1));
	str_copy(u->region_code, sizeof u->region_code, db_col_text(st, 2));
	str_copy(u->status, sizeof u->status, db_col_text(st, 3));
	u->staff = db_col_int64(st, 4);
}

enum err lookup_unit(struct db *db, const struct scope *scope, const char *name_or_uscc, struct lookup_unit *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT u.id, u.name, u.region_code, u.status, u.staff_count FROM units u WHERE ");
	if (strlen(name_or_uscc) == 18 && strspn(name_or_uscc, "0123456789ABCDEFGHJKLMNPQRTUWXY") == 18) {
		sqlb_sql(&q, "u.uscc = ");
	} else {
		sqlb_sql(&q, "u.name = ");
	}
	sqlb_text(&q, name_or_uscc);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	sqlb_sql(&q, " ORDER BY CASE WHEN u.status = 'active' THEN 0 ELSE 1 END, u.id LIMIT 2");
	return lookup_one(&q, db, lookup_unit_read, out);
}

enum err lookup_unit_by_id(struct db *db, const struct scope *scope, int64_t id, struct lookup_unit *out)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT u.id, u.name, u.region_code, u.status, u.staff_count FROM units u WHERE u.id = ");
	sqlb_int(&q, id);
	sqlb_sql(&q, " AND ");
	scope_sql_unit(&q, scope, "u");
	return lookup_one(&q, db, lookup_unit_read, out);
}

struct lookup_partner_out {
	int64_t *id;
	char *kind;
	size_t kind_len;
};

static void lookup_partner_read(struct db_stmt *st, void *out)
{
	struct lookup_partner_out *o = out;
	*o->id = db_col_int64(st, 0);
	if (o->kind) {
		str_copy(o->kind, o->kind_len, db_col_text(st, 1));
	}
}

enum err lookup_partner(struct db *db, const struct scope *scope, const char *name, const char *kind, int64_t *id,
			char *kind_out, size_t kind_len)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT p.id, p.kind FROM partners p WHERE p.name = ");
	sqlb_text(&q, name);
	if (kind && *kind) {
		sqlb_sql(&q, " AND p.kind = ");
		sqlb_text(&q, kind);
	}
	sqlb_sql(&q, " AND ");
	scope_sql_located(&q, scope, "p");
	sqlb_sql(&q, " LIMIT 2");
	struct lookup_partner_out o = {id, kind_out, kind_len};
	return lookup_one(&q, db, lookup_partner_read, &o);
}

static void lookup_id_read(struct db_stmt *st, void *out)
{
	*(int64_t *)out = db_col_int64(st, 0);
}

enum err lookup_volunteer(struct db *db, int64_t unit_id, const char *name, const char *phone, int64_t *id)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id, phone FROM volunteers WHERE unit_id = ? AND name = ? ORDER BY id", &st) != DB_OK) {
		return ERR_DB;
	}
	db_bind_int64(st, 1, unit_id);
	db_bind_text(st, 2, name, -1);
	char want[32], have[32];
	size_t wn = ledger_phone_digits(phone, want, sizeof want);
	int n = 0;
	enum db_rc rc;
	while ((rc = db_step(st)) == DB_ROW) {
		ledger_phone_digits(db_col_text(st, 1), have, sizeof have);
		if (wn == 0 || strcmp(want, have) == 0) {
			if (n++ == 0) {
				*id = db_col_int64(st, 0);
			}
		}
	}
	db_stmt_free(st);
	if (rc != DB_DONE) {
		return ERR_DB;
	}
	return n == 0 ? ERR_NOT_FOUND : n > 1 ? ERR_CONFLICT : ERR_OK;
}

enum err lookup_activity(struct db *db, int64_t unit_id, const char *date, const char *title, int64_t *id)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT id FROM activities WHERE unit_id = ");
	sqlb_int(&q, unit_id);
	sqlb_sql(&q, " AND activity_date = ");
	sqlb_text(&q, date);
	sqlb_sql(&q, " AND title = ");
	sqlb_text(&q, title);
	sqlb_sql(&q, " LIMIT 2");
	return lookup_one(&q, db, lookup_id_read, id);
}

struct lookup_code_out {
	char *code;
	size_t len;
};

static void lookup_code_read(struct db_stmt *st, void *out)
{
	struct lookup_code_out *o = out;
	str_copy(o->code, o->len, db_col_text(st, 0));
}

enum err lookup_dict(struct db *db, const char *kind, const char *code_or_label, char *code_out, size_t code_len)
{
	struct sqlb q;
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT code FROM dict_items WHERE kind = ");
	sqlb_text(&q, kind);
	sqlb_sql(&q, " AND active = 1 AND (code = ");
	sqlb_text(&q, code_or_label);
	sqlb_sql(&q, " OR label = ");
	sqlb_text(&q, code_or_label);
	sqlb_sql(&q, ") ORDER BY CASE WHEN code = ");
	sqlb_text(&q, code_or_label);
	sqlb_sql(&q, " THEN 0 ELSE 1 END LIMIT 1");
	struct lookup_code_out o = {code_out, code_len};
	return lookup_one(&q, db, lookup_code_read, &o);
}
