/* test_db.c — unit tests of the storage driver interface (store layer), through db.h only.
 * The same cases run against SQLite (a temp file) and, when WENMING_TEST_PG_URL is set,
 * against PostgreSQL in a fresh schema that is dropped afterwards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/store/db.h"

struct tdb {
	struct db *db;
	char path[64];   /* SQLite temp file, empty for PostgreSQL */
	char schema[64]; /* PostgreSQL schema, empty for SQLite */
};

/* ---- helpers ---- */

static struct db *tdb_db(void **state)
{
	return ((struct tdb *)*state)->db;
}

static int64_t count_rows(struct db *db, const char *table)
{
	char sql[128];
	int64_t n = -1;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	assert_int_equal(db_exec_int64(db, sql, &n), DB_OK);
	return n;
}

/* Inserts a parent row and returns its id (via RETURNING). */
static int64_t insert_parent(struct db *db, const char *name, int64_t n)
{
	struct db_stmt *st;
	assert_int_equal(db_prepare(db, "INSERT INTO parent(name, n) VALUES (?, ?) RETURNING id", &st),
			 DB_OK);
	db_bind_text(st, 1, name, -1);
	db_bind_int64(st, 2, n);
	assert_int_equal(db_step(st), DB_ROW);
	int64_t id = db_col_int64(st, 0);
	assert_true(id > 0);
	assert_int_equal(db_step(st), DB_DONE);
	db_stmt_free(st);
	return id;
}

/* ---- fixtures ---- */

static int group_setup_sqlite(void **state)
{
	struct tdb *t = calloc(1, sizeof *t);
	char err[256] = "";
	snprintf(t->path, sizeof t->path, "/tmp/wm_test_db_XXXXXX");
	int fd = mkstemp(t->path);
	if (fd < 0) {
		free(t);
		return -1;
	}
	close(fd);
	t->db = db_open(t->path, err, sizeof err);
	if (!t->db) {
		fprintf(stderr, "sqlite open: %s\n", err);
		unlink(t->path);
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int group_setup_pg(void **state)
{
	const char *url = getenv("WENMING_TEST_PG_URL");
	struct tdb *t = calloc(1, sizeof *t);
	char err[256] = "";
	char sql[512];
	t->db = db_open(url, err, sizeof err);
	if (!t->db) {
		fprintf(stderr, "postgres open: %s\n", err);
		free(t);
		return -1;
	}
	snprintf(t->schema, sizeof t->schema, "wm_test_db_%ld", (long)getpid());
	snprintf(sql, sizeof sql,
		 "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s; SET search_path TO %s",
		 t->schema, t->schema, t->schema);
	if (db_exec(t->db, sql) != DB_OK) {
		fprintf(stderr, "postgres schema: %s\n", db_errmsg(t->db));
		db_close(t->db);
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int group_teardown(void **state)
{
	struct tdb *t = *state;
	if (t->schema[0]) {
		char sql[256];
		snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", t->schema);
		db_exec(t->db, sql);
	}
	db_close(t->db);
	if (t->path[0]) {
		char side[80];
		unlink(t->path);
		snprintf(side, sizeof side, "%s-wal", t->path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", t->path);
		unlink(side);
	}
	free(t);
	return 0;
}

/* Drops and recreates the tables before every test. */
static int test_setup(void **state)
{
	struct db *db = tdb_db(state);
	int pg = db_kind(db) == DB_POSTGRES;
	const char *pk = pg ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY";
	const char *blob = pg ? "BYTEA" : "BLOB";
	const char *real = pg ? "DOUBLE PRECISION" : "REAL";
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "DROP TABLE IF EXISTS child; DROP TABLE IF EXISTS parent;"
		 "CREATE TABLE parent (id %s, name TEXT NOT NULL UNIQUE, n BIGINT, score %s,"
		 " data %s);"
		 "CREATE TABLE child (id %s, parent_id BIGINT NOT NULL REFERENCES parent(id),"
		 " qty INTEGER NOT NULL CHECK (qty > 0))",
		 pk, real, blob, pk);
	if (db_exec(db, sql) != DB_OK) {
		fprintf(stderr, "schema: %s\n", db_errmsg(db));
		return -1;
	}
	return 0;
}

/* ---- cases ---- */

static void test_insert_returning(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	assert_int_equal(db_prepare(db, "INSERT INTO parent(name, n) VALUES (?, ?) RETURNING id, name",
				    &st),
			 DB_OK);
	db_bind_text(st, 1, "alpha", -1);
	db_bind_int64(st, 2, 7);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_count(st), 2);
	int64_t id1 = db_col_int64(st, 0);
	assert_true(id1 > 0);
	assert_string_equal(db_col_text(st, 1), "alpha");
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 1);
	db_stmt_free(st);

	int64_t id2 = insert_parent(db, "beta", 8);
	assert_true(id2 > id1);
	assert_int_equal(count_rows(db, "parent"), 2);
}

static void test_bind_types(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	const int64_t big = INT64_C(9007199254740993); /* not representable as a double */
	const double score = 0.1 + 0.2;
	assert_int_equal(db_prepare(db, "INSERT INTO parent(name, n, score, data) VALUES (?, ?, ?, ?)",
				    &st),
			 DB_OK);
	db_bind_text(st, 1, "typed-and-some-junk", 5); /* explicit length: "typed" */
	db_bind_int64(st, 2, big);
	db_bind_double(st, 3, score);
	db_bind_null(st, 4);
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 1);
	db_stmt_free(st);

	assert_int_equal(db_prepare(db, "INSERT INTO parent(name, n, score) VALUES (?, ?, ?)", &st), DB_OK);
	db_bind_text(st, 1, "negative", -1);
	db_bind_int64(st, 2, INT64_MIN);
	db_bind_text(st, 3, NULL, 0); /* NULL text binds SQL NULL */
	assert_int_equal(db_step(st), DB_DONE);
	db_stmt_free(st);

	assert_int_equal(db_prepare(db, "SELECT name, n, score, data FROM parent WHERE name = ?", &st),
			 DB_OK);
	db_bind_text(st, 1, "typed", -1);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_count(st), 4);
	assert_string_equal(db_col_text(st, 0), "typed");
	assert_int_equal(db_col_int64(st, 1), big);
	assert_true(db_col_double(st, 2) == score);
	assert_true(db_col_is_null(st, 3));
	assert_false(db_col_is_null(st, 0));
	assert_null(db_col_text(st, 3));
	assert_int_equal(db_step(st), DB_DONE);

	db_reset(st);
	db_bind_text(st, 1, "negative", -1);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int64(st, 1), INT64_MIN);
	assert_true(db_col_is_null(st, 2));
	assert_true(db_col_double(st, 2) == 0.0);
	assert_int_equal(db_step(st), DB_DONE);
	db_stmt_free(st);
}

static void test_unique_violation(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	insert_parent(db, "same", 1);
	assert_int_equal(db_prepare(db, "INSERT INTO parent(name, n) VALUES (?, ?)", &st), DB_OK);
	db_bind_text(st, 1, "same", -1);
	db_bind_int64(st, 2, 2);
	assert_int_equal(db_step(st), DB_E_UNIQUE);
	assert_true(strlen(db_errmsg(db)) > 0);
	db_stmt_free(st);
	assert_int_equal(count_rows(db, "parent"), 1);

	/* The connection stays usable after the error. */
	insert_parent(db, "different", 3);
	assert_int_equal(count_rows(db, "parent"), 2);
}

static void test_foreign_and_constraints(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	int64_t pid = insert_parent(db, "p", 1);
	assert_int_equal(db_prepare(db, "INSERT INTO child(parent_id, qty) VALUES (?, ?)", &st), DB_OK);

	db_bind_int64(st, 1, pid + 1000);
	db_bind_int64(st, 2, 1);
	assert_int_equal(db_step(st), DB_E_FOREIGN);
	assert_true(strlen(db_errmsg(db)) > 0);

	db_reset(st);
	db_bind_int64(st, 1, pid);
	db_bind_int64(st, 2, 0); /* CHECK (qty > 0) */
	assert_int_equal(db_step(st), DB_E_CONSTRAINT);

	db_reset(st);
	db_bind_int64(st, 1, pid);
	db_bind_null(st, 2); /* NOT NULL */
	assert_int_equal(db_step(st), DB_E_CONSTRAINT);

	db_reset(st);
	db_bind_int64(st, 1, pid);
	db_bind_int64(st, 2, 5);
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 1);
	db_stmt_free(st);

	/* Deleting a referenced parent is a foreign-key violation too. */
	assert_int_equal(db_prepare(db, "DELETE FROM parent WHERE id = ?", &st), DB_OK);
	db_bind_int64(st, 1, pid);
	assert_int_equal(db_step(st), DB_E_FOREIGN);
	db_stmt_free(st);
	assert_int_equal(count_rows(db, "child"), 1);
}

static void test_changes(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	insert_parent(db, "a", 1);
	insert_parent(db, "b", 2);
	insert_parent(db, "c", 3);

	assert_int_equal(db_prepare(db, "UPDATE parent SET n = n * 10 WHERE n >= ?", &st), DB_OK);
	db_bind_int64(st, 1, 2);
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 2);
	db_reset(st);
	db_bind_int64(st, 1, 1000);
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 0);
	db_stmt_free(st);

	assert_int_equal(db_prepare(db, "DELETE FROM parent WHERE n < ?", &st), DB_OK);
	db_bind_int64(st, 1, 25);
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 2);
	db_stmt_free(st);

	int64_t n = 0;
	assert_int_equal(db_exec_int64(db, "SELECT n FROM parent", &n), DB_OK);
	assert_int_equal(n, 30);
}

static void test_transactions(void **state)
{
	struct db *db = tdb_db(state);
	insert_parent(db, "before", 0);

	assert_int_equal(db_begin_write(db), DB_OK);
	insert_parent(db, "rolled-back-1", 1);
	insert_parent(db, "rolled-back-2", 2);
	assert_int_equal(count_rows(db, "parent"), 3);
	assert_int_equal(db_rollback(db), DB_OK);
	assert_int_equal(count_rows(db, "parent"), 1);

	assert_int_equal(db_begin(db), DB_OK);
	insert_parent(db, "committed", 3);
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(count_rows(db, "parent"), 2);

	/* An error inside a transaction, then rollback: the connection is usable again. */
	struct db_stmt *st;
	assert_int_equal(db_begin_write(db), DB_OK);
	insert_parent(db, "doomed", 4);
	assert_int_equal(db_prepare(db, "INSERT INTO parent(name) VALUES (?)", &st), DB_OK);
	db_bind_text(st, 1, "committed", -1);
	assert_int_equal(db_step(st), DB_E_UNIQUE);
	db_stmt_free(st);
	assert_int_equal(db_rollback(db), DB_OK);
	assert_int_equal(count_rows(db, "parent"), 2);
}

static void test_blob_roundtrip(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	unsigned char bytes[512];
	for (size_t i = 0; i < sizeof bytes; i++) {
		bytes[i] = (unsigned char)(i * 7 + (i >> 8));
	}
	bytes[0] = 0x00;
	bytes[1] = 0x00;
	bytes[2] = '\\';
	bytes[3] = 'x';
	bytes[4] = '\'';
	bytes[sizeof bytes - 1] = 0x00;

	assert_int_equal(db_prepare(db, "INSERT INTO parent(name, data) VALUES (?, ?)", &st), DB_OK);
	db_bind_text(st, 1, "bin", -1);
	db_bind_blob(st, 2, bytes, sizeof bytes);
	assert_int_equal(db_step(st), DB_DONE);
	db_reset(st);
	db_bind_text(st, 1, "empty", -1);
	db_bind_blob(st, 2, "", 0);
	assert_int_equal(db_step(st), DB_DONE);
	db_stmt_free(st);

	/* Two blob columns of one row: both pointers stay valid until the next step. */
	assert_int_equal(db_prepare(db, "SELECT data, data FROM parent WHERE name = ?", &st), DB_OK);
	db_bind_text(st, 1, "bin", -1);
	assert_int_equal(db_step(st), DB_ROW);
	size_t n1 = 0, n2 = 0;
	const void *p1 = db_col_blob(st, 0, &n1);
	const void *p2 = db_col_blob(st, 1, &n2);
	assert_int_equal(n1, sizeof bytes);
	assert_int_equal(n2, sizeof bytes);
	assert_memory_equal(p1, bytes, sizeof bytes);
	assert_memory_equal(p2, bytes, sizeof bytes);
	assert_int_equal(db_step(st), DB_DONE);

	db_reset(st);
	db_bind_text(st, 1, "empty", -1);
	assert_int_equal(db_step(st), DB_ROW);
	assert_false(db_col_is_null(st, 0));
	n1 = 99;
	db_col_blob(st, 0, &n1);
	assert_int_equal(n1, 0);
	assert_int_equal(db_step(st), DB_DONE);
	db_stmt_free(st);

	/* A NULL blob reads back as NULL with length 0. */
	insert_parent(db, "noblob", 0);
	assert_int_equal(db_prepare(db, "SELECT data FROM parent WHERE name = ?", &st), DB_OK);
	db_bind_text(st, 1, "noblob", -1);
	assert_int_equal(db_step(st), DB_ROW);
	assert_true(db_col_is_null(st, 0));
	n1 = 99;
	assert_null(db_col_blob(st, 0, &n1));
	assert_int_equal(n1, 0);
	db_stmt_free(st);
}

static void test_utf8_text(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	const char *name = "文明你好";
	const char *long_text = "中文字符：汉字、标点「」，以及 emoji 🀄 和引号 ' \" 反斜杠 \\";
	insert_parent(db, name, 1);
	assert_int_equal(db_prepare(db, "UPDATE parent SET data = NULL, n = length(name) WHERE name = ?",
				    &st),
			 DB_OK);
	db_bind_text(st, 1, name, -1);
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 1);
	db_stmt_free(st);

	assert_int_equal(db_prepare(db, "SELECT name, n FROM parent WHERE name = ?", &st), DB_OK);
	db_bind_text(st, 1, name, -1);
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), name);
	assert_int_equal(db_col_int64(st, 1), 4); /* characters, not bytes */
	assert_int_equal(db_step(st), DB_DONE);
	db_stmt_free(st);

	insert_parent(db, long_text, 2);
	assert_int_equal(db_prepare(db, "SELECT name FROM parent WHERE n = ?", &st), DB_OK);
	db_bind_int64(st, 1, 2);
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), long_text);
	db_stmt_free(st);
}

static void test_reset_rerun(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *ins, *sel;
	assert_int_equal(db_prepare(db, "INSERT INTO parent(name, n) VALUES (?, ?)", &ins), DB_OK);
	for (int i = 0; i < 10; i++) {
		char name[16];
		snprintf(name, sizeof name, "row%d", i);
		db_reset(ins);
		db_bind_text(ins, 1, name, -1);
		db_bind_int64(ins, 2, i % 3);
		assert_int_equal(db_step(ins), DB_DONE);
		assert_int_equal(db_changes(ins), 1);
	}
	db_stmt_free(ins);

	assert_int_equal(db_prepare(db, "SELECT name FROM parent WHERE n = ? ORDER BY name", &sel), DB_OK);
	for (int k = 0; k < 3; k++) {
		static const int expect[] = {4, 3, 3};
		int rows = 0;
		db_bind_int64(sel, 1, k);
		while (db_step(sel) == DB_ROW) {
			assert_non_null(db_col_text(sel, 0));
			rows++;
		}
		assert_int_equal(rows, expect[k]);
		db_reset(sel);
	}
	/* Reset clears bindings: an unbound parameter is NULL, which matches nothing. */
	assert_int_equal(db_step(sel), DB_DONE);
	/* Rebinding the same index replaces the value. */
	db_reset(sel);
	db_bind_int64(sel, 1, 0);
	db_bind_int64(sel, 1, 1);
	assert_int_equal(db_step(sel), DB_ROW);
	assert_string_equal(db_col_text(sel, 0), "row1");
	db_stmt_free(sel);

	/* A statement abandoned mid-result can be freed. */
	assert_int_equal(db_prepare(db, "SELECT name FROM parent", &sel), DB_OK);
	assert_int_equal(db_step(sel), DB_ROW);
	db_stmt_free(sel);
}

static void test_exec_and_literals(void **state)
{
	struct db *db = tdb_db(state);
	struct db_stmt *st;
	assert_int_equal(db_exec(db, "INSERT INTO parent(name, n) VALUES ('x', 1);"
				     "INSERT INTO parent(name, n) VALUES ('it''s', 2)"),
			 DB_OK);
	assert_int_equal(count_rows(db, "parent"), 2);
	assert_int_equal(db_exec(db, "INSERT INTO parent(name, n) VALUES ('x', 3)"), DB_E_UNIQUE);
	assert_true(strlen(db_errmsg(db)) > 0);
	assert_int_equal(db_exec(db, "THIS IS NOT SQL"), DB_E_ERROR);

	/* A '?' inside a string literal is not a placeholder. */
	assert_int_equal(db_prepare(db, "SELECT name FROM parent WHERE name <> '?' AND n = ?", &st),
			 DB_OK);
	db_bind_int64(st, 1, 2);
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "it's");
	assert_int_equal(db_step(st), DB_DONE);
	db_stmt_free(st);

	/* Bad SQL fails at prepare (SQLite) or at the first step (PostgreSQL). */
	enum db_rc rc = db_prepare(db, "SELECT nope FROM nowhere", &st);
	if (rc == DB_OK) {
		rc = db_step(st);
		db_stmt_free(st);
	}
	assert_int_equal(rc, DB_E_ERROR);

	int64_t v = 0;
	assert_int_equal(db_exec_int64(db, "SELECT 40 + 2", &v), DB_OK);
	assert_int_equal(v, 42);
}

#define DB_TESTS(name)                                                                        \
	const struct CMUnitTest name[] = {                                                    \
		cmocka_unit_test_setup(test_insert_returning, test_setup),                    \
		cmocka_unit_test_setup(test_bind_types, test_setup),                          \
		cmocka_unit_test_setup(test_unique_violation, test_setup),                    \
		cmocka_unit_test_setup(test_foreign_and_constraints, test_setup),             \
		cmocka_unit_test_setup(test_changes, test_setup),                             \
		cmocka_unit_test_setup(test_transactions, test_setup),                        \
		cmocka_unit_test_setup(test_blob_roundtrip, test_setup),                      \
		cmocka_unit_test_setup(test_utf8_text, test_setup),                           \
		cmocka_unit_test_setup(test_reset_rerun, test_setup),                         \
		cmocka_unit_test_setup(test_exec_and_literals, test_setup),                   \
	}

int main(void)
{
	DB_TESTS(tests);
	int failed = cmocka_run_group_tests_name("db_sqlite", tests, group_setup_sqlite, group_teardown);
	if (getenv("WENMING_TEST_PG_URL") && *getenv("WENMING_TEST_PG_URL")) {
		failed += cmocka_run_group_tests_name("db_postgres", tests, group_setup_pg, group_teardown);
	} else {
		printf("db_postgres: skipped (WENMING_TEST_PG_URL not set)\n");
	}
	return failed ? 1 : 0;
}
