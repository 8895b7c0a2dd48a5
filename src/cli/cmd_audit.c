/* cmd_audit.c — `wenming audit verify`, `backup` and `restore` (cli layer). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../store/audit_store.h"
#include "../store/db.h"
#include "cli.h"

int cmd_audit(int argc, char **argv)
{
	if (argc < 2 || cli_wants_help(argc, argv) || strcmp(argv[1], "verify") != 0) {
		fputs("usage: wenming audit verify [--db FILE|postgresql://…]\n\n"
		      "Recomputes the audit log's hash chain from the first entry and reports the first\n"
		      "entry that was altered, removed or inserted out of order. Exit status 0 when the\n"
		      "chain is intact, 1 when it is broken.\n",
		      cli_wants_help(argc, argv) ? stdout : stderr);
		return cli_wants_help(argc, argv) ? 0 : 2;
	}
	const char *url = cli_db_url(&argc, argv);
	struct db *db = cli_open_migrated(url);
	if (!db) {
		return 1;
	}
	int64_t checked = 0, broken = 0;
	char why[256];
	enum err e = audit_verify(db, &checked, &broken, why, sizeof why);
	db_close(db);
	if (e != ERR_OK) {
		fprintf(stderr, "wenming audit verify: %s\n", why);
		return 1;
	}
	if (broken) {
		printf("audit chain BROKEN at entry %lld: %s (%lld entries verified before it)\n", (long long)broken, why,
		       (long long)checked);
		return 1;
	}
	printf("audit chain intact: %lld entries verified\n", (long long)checked);
	return 0;
}

int db_sqlite_backup(struct db *db, const char *dest_path, char *err, size_t errlen);

int cmd_backup(int argc, char **argv)
{
	const char *url = cli_db_url(&argc, argv);
	if (cli_wants_help(argc, argv) || argc != 2) {
		fputs("usage: wenming backup DEST.db [--db FILE]\n\n"
		      "Copies a live SQLite database to DEST.db with SQLite's online backup API; the server\n"
		      "may keep running. For PostgreSQL use pg_dump, e.g.\n"
		      "  pg_dump --format=custom --file=wenming.dump postgresql://…\n",
		      cli_wants_help(argc, argv) ? stdout : stderr);
		return cli_wants_help(argc, argv) ? 0 : 2;
	}
	if (db_url_is_postgres(url)) {
		fprintf(stderr, "wenming backup: for PostgreSQL use pg_dump --format=custom --file=DEST '%s'\n", url);
		return 2;
	}
	if (access(argv[1], F_OK) == 0) {
		fprintf(stderr, "wenming backup: %s exists; refusing to overwrite it\n", argv[1]);
		return 1;
	}
	char err[512];
	struct db *db = db_open(url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "wenming: %s\n", err);
		return 1;
	}
	int rc = db_sqlite_backup(db, argv[1], err, sizeof err);
	db_close(db);
	if (rc != 0) {
		fprintf(stderr, "wenming backup: %s\n", err);
		return 1;
	}
	printf("backup written to %s\n", argv[1]);
	return 0;
}

int cmd_restore(int argc, char **argv)
{
	int force = cli_take_flag(&argc, argv, "--force");
	const char *url = cli_db_url(&argc, argv);
	if (cli_wants_help(argc, argv) || argc != 2) {
		fputs("usage: wenming restore BACKUP.db [--db FILE] [--force]\n\n"
		      "Replaces the SQLite database with a backup made by `wenming backup` (stop the server\n"
		      "first). Refuses to overwrite an existing database without --force. The backup's audit\n"
		      "chain is verified first. For PostgreSQL use pg_restore.\n",
		      cli_wants_help(argc, argv) ? stdout : stderr);
		return cli_wants_help(argc, argv) ? 0 : 2;
	}
	if (db_url_is_postgres(url)) {
		fprintf(stderr, "wenming restore: for PostgreSQL use pg_restore --clean --dbname='%s' BACKUP\n", url);
		return 2;
	}
	if (access(url, F_OK) == 0 && !force) {
		fprintf(stderr, "wenming restore: %s exists; add --force to replace it\n", url);
		return 1;
	}
	char err[512];
	struct db *src = db_open(argv[1], err, sizeof err);
	if (!src) {
		fprintf(stderr, "wenming restore: %s\n", err);
		return 1;
	}
	int64_t checked = 0, broken = 0;
	char why[256];
	if (audit_verify(src, &checked, &broken, why, sizeof why) != ERR_OK || broken) {
		fprintf(stderr, "wenming restore: the backup's audit chain does not verify: %s\n", why);
		db_close(src);
		return 1;
	}
	char tmp[1100];
	snprintf(tmp, sizeof tmp, "%s.restore-tmp", url);
	unlink(tmp);
	int rc = db_sqlite_backup(src, tmp, err, sizeof err);
	db_close(src);
	if (rc != 0 || rename(tmp, url) != 0) {
		fprintf(stderr, "wenming restore: %s\n", rc ? err : "cannot move the restored file into place");
		unlink(tmp);
		return 1;
	}
	char wal[1100];
	snprintf(wal, sizeof wal, "%s-wal", url);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", url);
	unlink(wal);
	printf("restored %s from %s (%lld audit entries verified)\n", url, argv[1], (long long)checked);
	return 0;
}
