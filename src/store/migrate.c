/* migrate.c — schema migrations from the files embedded at build time (store layer). */
#include "migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/embed.h"
#include "db.h"

static int migrate_is_applied(struct db *db, long version)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT 1 FROM schema_migrations WHERE version = ?", &st) != DB_OK) {
		return -1;
	}
	db_bind_int64(st, 1, version);
	enum db_rc rc = db_step(st);
	db_stmt_free(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int migrate_current_version(struct db *db)
{
	int64_t v = 0;
	if (db_exec_int64(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &v) != DB_OK) {
		return 0;
	}
	return (int)v;
}

static int migrate_name_cmp(const void *a, const void *b)
{
	const struct embedded_file *const *x = a, *const *y = b;
	return strcmp((*x)->name, (*y)->name);
}

int migrate_run(struct db *db, int *applied, char *err, size_t errlen)
{
	*applied = 0;
	const char *prefix = db_kind(db) == DB_SQLITE ? "migrations/sqlite/" : "migrations/postgres/";
	if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY,"
			" name TEXT NOT NULL, applied_at BIGINT NOT NULL)") != DB_OK) {
		snprintf(err, errlen, "cannot create schema_migrations: %s", db_errmsg(db));
		return -1;
	}
	const struct embedded_file *files[256];
	size_t n = 0;
	for (size_t i = 0; i < embedded_files_count && n < 256; i++) {
		if (strncmp(embedded_files[i].name, prefix, strlen(prefix)) == 0) {
			files[n++] = &embedded_files[i];
		}
	}
	qsort(files, n, sizeof files[0], migrate_name_cmp);
	for (size_t i = 0; i < n; i++) {
		const char *base = files[i]->name + strlen(prefix);
		long version = strtol(base, NULL, 10);
		if (db_begin_write(db) != DB_OK) {
			snprintf(err, errlen, "cannot begin: %s", db_errmsg(db));
			return -1;
		}
		if (db_kind(db) == DB_POSTGRES &&
		    db_exec(db, "LOCK TABLE schema_migrations IN ACCESS EXCLUSIVE MODE") != DB_OK) {
			snprintf(err, errlen, "cannot lock schema_migrations: %s", db_errmsg(db));
			db_rollback(db);
			return -1;
		}
		int done = migrate_is_applied(db, version);
		if (done == 1) {
			db_rollback(db);
			continue;
		}
		struct db_stmt *st = NULL;
		if (done < 0 || db_exec(db, (const char *)files[i]->data) != DB_OK) {
			snprintf(err, errlen, "migration %s failed: %s", base, db_errmsg(db));
			db_rollback(db);
			return -1;
		}
		if (db_prepare(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
			       &st) != DB_OK) {
			snprintf(err, errlen, "cannot record migration: %s", db_errmsg(db));
			db_rollback(db);
			return -1;
		}
		db_bind_int64(st, 1, version);
		db_bind_text(st, 2, base, -1);
		db_bind_int64(st, 3, (int64_t)time(NULL));
		enum db_rc rc = db_step(st);
		db_stmt_free(st);
		if (rc != DB_DONE || db_commit(db) != DB_OK) {
			snprintf(err, errlen, "cannot record migration %s: %s", base, db_errmsg(db));
			db_rollback(db);
			return -1;
		}
		(*applied)++;
	}
	return 0;
}
