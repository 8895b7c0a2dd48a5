/* cli_common.c — option parsing and database opening shared by the subcommands (cli layer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../store/audit_store.h"
#include "../store/db.h"
#include "../store/migrate.h"
#include "../store/unit_store.h"
#include "cli.h"

const char *cli_take_opt(int *argc, char **argv, const char *name)
{
	size_t n = strlen(name);
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		int used = 0;
		if (strcmp(a, name) == 0 && i + 1 < *argc) {
			val = argv[i + 1];
			used = 2;
		} else if (strncmp(a, name, n) == 0 && a[n] == '=') {
			val = a + n + 1;
			used = 1;
		}
		if (used) {
			memmove(&argv[i], &argv[i + used], sizeof(char *) * (size_t)(*argc - i - used + 1));
			*argc -= used;
			return val;
		}
	}
	return NULL;
}

int cli_take_flag(int *argc, char **argv, const char *name)
{
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], name) == 0) {
			memmove(&argv[i], &argv[i + 1], sizeof(char *) * (size_t)(*argc - i));
			(*argc)--;
			return 1;
		}
	}
	return 0;
}

const char *cli_db_url(int *argc, char **argv)
{
	const char *v = cli_take_opt(argc, argv, "--db");
	if (v && *v) {
		return v;
	}
	v = getenv("WENMING_DB");
	return v && *v ? v : "wenming.db";
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			return 1;
		}
	}
	return 0;
}

struct db *cli_open_migrated(const char *url)
{
	char err[512];
	struct db *db = db_open(url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "wenming: %s\n", err);
		return NULL;
	}
	int applied = 0;
	if (migrate_run(db, &applied, err, sizeof err) != 0) {
		fprintf(stderr, "wenming: %s\n", err);
		db_close(db);
		return NULL;
	}
	if (applied) {
		fprintf(stderr, "wenming: applied %d migration(s)\n", applied);
	}
	int rebuilt = 0;
	if (unit_store_refresh_sort_keys(db, &rebuilt) != ERR_OK) {
		fprintf(stderr, "wenming: cannot refresh sort keys: %s\n", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	if (rebuilt) {
		fprintf(stderr, "wenming: rebuilt the pinyin sort keys of %d units for a new ICU collator\n", rebuilt);
	}
	if (cli_seed_regions(db) != 0) {
		fprintf(stderr, "wenming: cannot seed regions: %s\n", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	return db;
}

int cli_read_line(char *out, size_t len)
{
	if (!fgets(out, (int)len, stdin)) {
		return -1;
	}
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

int cli_seed_regions(struct db *db)
{
	int64_t n = 0;
	if (db_exec_int64(db, "SELECT count(*) FROM regions", &n) != DB_OK) {
		return -1;
	}
	if (n > 0) {
		return 0;
	}
	static const char *rows[][3] = {
		{"150000", "内蒙古自治区", NULL},
		{"150600", "鄂尔多斯市", "150000"},
		{"150602", "东胜区", "150600"},
		{"150603", "康巴什区", "150600"},
		{"150621", "达拉特旗", "150600"},
		{"150622", "准格尔旗", "150600"},
		{"150623", "鄂托克前旗", "150600"},
		{"150624", "鄂托克旗", "150600"},
		{"150625", "杭锦旗", "150600"},
		{"150626", "乌审旗", "150600"},
		{"150627", "伊金霍洛旗", "150600"},
	};
	struct db_stmt *st;
	if (db_begin_write(db) != DB_OK) {
		return -1;
	}
	if (db_prepare(db,
		       "INSERT INTO regions (code, name, parent_code, level, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, 1, ?, ?)",
		       &st) != DB_OK) {
		db_rollback(db);
		return -1;
	}
	int64_t now = (int64_t)time(NULL);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		db_reset(st);
		db_bind_text(st, 1, rows[i][0], -1);
		db_bind_text(st, 2, rows[i][1], -1);
		db_bind_text(st, 3, rows[i][2], -1);
		db_bind_int64(st, 4, rows[i][2] == NULL ? 1 : strcmp(rows[i][0] + 4, "00") == 0 ? 2 : 3);
		db_bind_int64(st, 5, now);
		db_bind_int64(st, 6, now);
		if (db_step(st) != DB_DONE) {
			db_stmt_free(st);
			db_rollback(db);
			return -1;
		}
	}
	db_stmt_free(st);
	return db_commit(db) == DB_OK ? 0 : -1;
}

int cli_audit(struct db *db, const char *action, const char *entity, long long entity_id, const char *region_code,
	      const char *after_json)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", entity_id);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct audit_entry e = {
		.at_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000,
		.actor_name = "cli",
		.action = action,
		.entity = entity,
		.entity_id = id,
		.region_code = region_code,
		.after_json = after_json,
		.request_id = "cli",
		.ip = "",
	};
	return audit_append(db, &e) == ERR_OK ? 0 : -1;
}
