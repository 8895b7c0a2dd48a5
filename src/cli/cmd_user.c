/* cmd_user.c — `wenming user add|passwd|list|disable` and `wenming token create|revoke|list`
 * (cli layer). Accounts made here without --password-stdin get a temporary password that must
 * be changed at first login. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../domain/password.h"
#include "../domain/region_code.h"
#include "../store/db.h"
#include "../store/unit_store.h"
#include "../store/user_store.h"
#include "../util/buf.h"
#include "../util/crypto.h"
#include "cli.h"

static const char *user_help =
	"usage: wenming user add NAME --role admin|assessor|unit|viewer (--region CODE | --unit ID)\n"
	"                        [--display-name TEXT] [--password-stdin] [--db …]\n"
	"       wenming user passwd NAME [--password-stdin] [--db …]\n"
	"       wenming user list [--db …]\n"
	"       wenming user disable NAME [--db …]\n"
	"       wenming user enable NAME [--db …]\n"
	"\n"
	"add       creates a user scoped to a region subtree (admin, assessor, viewer) or to one unit\n"
	"          (unit). With --password-stdin the password is read twice from standard input;\n"
	"          without it a temporary password is printed, to be changed at first login.\n"
	"passwd    sets a new password (read twice with --password-stdin, else a temporary one).\n"
	"list      prints every user: id, name, role, scope, state.\n"
	"disable   blocks a user from logging in and ends their sessions; enable undoes it.\n";

static int user_read_password(const char *username, char hash[128], char *shown, size_t shown_len, int from_stdin)
{
	if (!from_stdin) {
		for (int tries = 0; tries < 8; tries++) {
			unsigned char rnd[12];
			crypto_random_bytes(rnd, sizeof rnd);
			char temp[PASSWORD_TEMP_LEN + 1];
			password_generate_temp(temp, rnd);
			if (password_check_policy(temp, username, NULL) == ERR_OK) {
				snprintf(shown, shown_len, "%s", temp);
				return crypto_password_hash(temp, hash) == 0 ? 1 : -1;
			}
		}
		return -1;
	}
	char a[256], b[256];
	if (cli_read_line(a, sizeof a) != 0 || cli_read_line(b, sizeof b) != 0) {
		fprintf(stderr, "wenming user: expected the password twice on standard input\n");
		return -1;
	}
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "wenming user: the two passwords differ\n");
		return -1;
	}
	struct err_detail d;
	err_clear(&d);
	if (password_check_policy(a, username, &d) != ERR_OK) {
		fprintf(stderr, "wenming user: %s\n", d.message);
		return -1;
	}
	int rc = crypto_password_hash(a, hash) == 0 ? 0 : -1;
	crypto_wipe(a, sizeof a);
	crypto_wipe(b, sizeof b);
	return rc;
}

static int user_add(struct db *db, int argc, char **argv)
{
	const char *role = cli_take_opt(&argc, argv, "--role");
	const char *region = cli_take_opt(&argc, argv, "--region");
	const char *unit = cli_take_opt(&argc, argv, "--unit");
	const char *display = cli_take_opt(&argc, argv, "--display-name");
	int from_stdin = cli_take_flag(&argc, argv, "--password-stdin");
	if (argc != 3) {
		fputs(user_help, stderr);
		return 2;
	}
	struct user u;
	memset(&u, 0, sizeof u);
	snprintf(u.username, sizeof u.username, "%s", argv[2]);
	snprintf(u.display_name, sizeof u.display_name, "%s", display ? display : argv[2]);
	if (!role || !principal_role_bit(role)) {
		fprintf(stderr, "wenming user add: --role must be admin, assessor, unit or viewer\n");
		return 2;
	}
	snprintf(u.role, sizeof u.role, "%s", role);
	if (strcmp(role, "unit") == 0) {
		if (!unit || region) {
			fprintf(stderr, "wenming user add: a unit user needs --unit ID (and no --region)\n");
			return 2;
		}
		u.unit_id = strtoll(unit, NULL, 10);
		struct unit un;
		if (u.unit_id <= 0 || unit_store_get(db, NULL, u.unit_id, &un) != ERR_OK) {
			fprintf(stderr, "wenming user add: no unit with id %s\n", unit);
			return 1;
		}
		snprintf(u.region_code, sizeof u.region_code, "%s", un.region_code);
	} else {
		if (!region || unit) {
			fprintf(stderr, "wenming user add: a %s user needs --region CODE (and no --unit)\n", role);
			return 2;
		}
		if (region_code_level(region) == 0) {
			fprintf(stderr, "wenming user add: %s is not a GB/T 2260 region code\n", region);
			return 2;
		}
		snprintf(u.region_code, sizeof u.region_code, "%s", region);
	}
	char shown[64] = "";
	int r = user_read_password(u.username, u.password_hash, shown, sizeof shown, from_stdin);
	if (r < 0) {
		return 1;
	}
	u.must_change_password = !from_stdin;
	struct err_detail d;
	err_clear(&d);
	if (db_begin_write(db) != DB_OK) {
		fprintf(stderr, "wenming: %s\n", db_errmsg(db));
		return 1;
	}
	if (user_store_insert(db, &u, (int64_t)time(NULL), &d) != ERR_OK) {
		db_rollback(db);
		fprintf(stderr, "wenming user add: %s\n", d.code[0] && strcmp(d.code, "username_taken") == 0 ?
								 "that username is taken" : d.message);
		return 1;
	}
	char after[256];
	snprintf(after, sizeof after, "{\"username\":\"%s\",\"role\":\"%s\"}", u.username, u.role);
	if (cli_audit(db, "create", "user", (long long)u.id, u.region_code, after) != 0 || db_commit(db) != DB_OK) {
		db_rollback(db);
		fprintf(stderr, "wenming: %s\n", db_errmsg(db));
		return 1;
	}
	printf("user %s created (id %lld, role %s)\n", u.username, (long long)u.id, u.role);
	if (shown[0]) {
		printf("temporary password: %s\n(to be changed at first login)\n", shown);
	}
	return 0;
}

static int user_passwd(struct db *db, int argc, char **argv)
{
	int from_stdin = cli_take_flag(&argc, argv, "--password-stdin");
	if (argc != 3) {
		fputs(user_help, stderr);
		return 2;
	}
	struct user u;
	if (user_store_get_by_username(db, argv[2], &u) != ERR_OK) {
		fprintf(stderr, "wenming user passwd: no user %s\n", argv[2]);
		return 1;
	}
	char shown[64] = "";
	if (user_read_password(u.username, u.password_hash, shown, sizeof shown, from_stdin) < 0) {
		return 1;
	}
	u.must_change_password = !from_stdin;
	struct err_detail d;
	err_clear(&d);
	if (db_begin_write(db) != DB_OK || user_store_update(db, &u, u.version, (int64_t)time(NULL), &d) != ERR_OK ||
	    session_store_delete_for_user(db, u.id, NULL) != ERR_OK ||
	    cli_audit(db, "password_reset", "user", (long long)u.id, u.region_code, NULL) != 0 ||
	    db_commit(db) != DB_OK) {
		db_rollback(db);
		fprintf(stderr, "wenming user passwd: %s\n", d.message[0] ? d.message : db_errmsg(db));
		return 1;
	}
	printf("password of %s changed\n", u.username);
	if (shown[0]) {
		printf("temporary password: %s\n(to be changed at first login)\n", shown);
	}
	return 0;
}

static void user_print_row(const struct user *u, void *ctx)
{
	(void)ctx;
	printf("%-6lld %-20s %-9s %-8s %s%s\n", (long long)u->id, u->username, u->role,
	       u->unit_id ? "unit" : "region", u->unit_id ? u->unit_name : u->region_name,
	       u->disabled ? "  [disabled]" : "");
}

static int user_set_disabled(struct db *db, const char *name, int disabled)
{
	struct user u;
	if (user_store_get_by_username(db, name, &u) != ERR_OK) {
		fprintf(stderr, "wenming user: no user %s\n", name);
		return 1;
	}
	u.disabled = disabled;
	struct err_detail d;
	err_clear(&d);
	if (db_begin_write(db) != DB_OK || user_store_update(db, &u, u.version, (int64_t)time(NULL), &d) != ERR_OK ||
	    session_store_delete_for_user(db, u.id, NULL) != ERR_OK ||
	    cli_audit(db, disabled ? "disable" : "enable", "user", (long long)u.id, u.region_code, NULL) != 0 ||
	    db_commit(db) != DB_OK) {
		db_rollback(db);
		fprintf(stderr, "wenming user: %s\n", d.message[0] ? d.message : db_errmsg(db));
		return 1;
	}
	printf("user %s %s\n", name, disabled ? "disabled" : "enabled");
	return 0;
}

int cmd_user(int argc, char **argv)
{
	if (argc < 2 || cli_wants_help(argc, argv)) {
		fputs(user_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *url = cli_db_url(&argc, argv);
	const char *sub = argv[1];
	if (strcmp(sub, "add") && strcmp(sub, "passwd") && strcmp(sub, "list") && strcmp(sub, "disable") &&
	    strcmp(sub, "enable")) {
		fprintf(stderr, "wenming user: unknown subcommand %s\n", sub);
		fputs(user_help, stderr);
		return 2;
	}
	if (crypto_setup(1) != 0) {
		return 1;
	}
	struct db *db = cli_open_migrated(url);
	if (!db) {
		return 1;
	}
	int rc;
	if (strcmp(sub, "add") == 0) {
		rc = user_add(db, argc, argv);
	} else if (strcmp(sub, "passwd") == 0) {
		rc = user_passwd(db, argc, argv);
	} else if (strcmp(sub, "list") == 0) {
		struct user_filter f = {.page = 1, .per_page = 100000};
		int64_t total;
		printf("%-6s %-20s %-9s %-8s %s\n", "id", "username", "role", "scope", "");
		rc = user_store_list(db, NULL, &f, user_print_row, NULL, &total) == ERR_OK ? 0 : 1;
	} else {
		rc = argc == 3 ? user_set_disabled(db, argv[2], strcmp(sub, "disable") == 0) : 2;
		if (rc == 2) {
			fputs(user_help, stderr);
		}
	}
	db_close(db);
	return rc;
}

/* ---- tokens ---- */

static const char *token_help =
	"usage: wenming token create NAME [--user USERNAME] [--db …]\n"
	"       wenming token revoke ID|NAME [--db …]\n"
	"       wenming token list [--db …]\n"
	"\n"
	"create    makes an API token for integrations and prints it once (only its hash is kept).\n"
	"          It acts as USERNAME (default: the first admin) with that user's role and scope;\n"
	"          send it as `Authorization: Bearer TOKEN`.\n"
	"revoke    ends a token at once.\n"
	"list      prints id, name, user, created and revoked times (epoch seconds).\n";

int cmd_token(int argc, char **argv)
{
	if (argc < 2 || cli_wants_help(argc, argv)) {
		fputs(token_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *url = cli_db_url(&argc, argv);
	const char *username = cli_take_opt(&argc, argv, "--user");
	const char *sub = argv[1];
	if (!((strcmp(sub, "create") == 0 && argc == 3) || (strcmp(sub, "revoke") == 0 && argc == 3) ||
	      (strcmp(sub, "list") == 0 && argc == 2))) {
		fputs(token_help, stderr);
		return 2;
	}
	if (crypto_setup(1) != 0) {
		return 1;
	}
	struct db *db = cli_open_migrated(url);
	if (!db) {
		return 1;
	}
	int rc = 1;
	int64_t now = (int64_t)time(NULL);
	if (strcmp(sub, "create") == 0) {
		struct user u;
		enum err e;
		if (username) {
			e = user_store_get_by_username(db, username, &u);
		} else {
			struct db_stmt *st;
			e = ERR_NOT_FOUND;
			if (db_prepare(db, "SELECT username FROM users WHERE role = 'admin' AND disabled = 0 ORDER BY id LIMIT 1",
				       &st) == DB_OK) {
				if (db_step(st) == DB_ROW) {
					char name[64];
					snprintf(name, sizeof name, "%s", db_col_text(st, 0));
					db_stmt_free(st);
					st = NULL;
					e = user_store_get_by_username(db, name, &u);
				}
				db_stmt_free(st);
			}
		}
		if (e != ERR_OK) {
			fprintf(stderr, "wenming token create: %s\n",
				username ? "no such user" : "no admin user yet (create one with `wenming user add`)");
		} else {
			char token[80], hash[65];
			char raw[48];
			crypto_random_token(raw, sizeof raw, 32);
			snprintf(token, sizeof token, "wm_%s", raw);
			crypto_sha256_hex(token, strlen(token), hash);
			int64_t id = 0;
			if (db_begin_write(db) == DB_OK && token_store_insert(db, argv[2], u.id, hash, now, &id) == ERR_OK &&
			    cli_audit(db, "create", "api_token", (long long)id, u.region_code, NULL) == 0 &&
			    db_commit(db) == DB_OK) {
				printf("%s\n", token);
				fprintf(stderr, "token %lld \"%s\" acts as %s; it is shown only this once\n", (long long)id,
					argv[2], u.username);
				rc = 0;
			} else {
				db_rollback(db);
				fprintf(stderr, "wenming: %s\n", db_errmsg(db));
			}
		}
	} else if (strcmp(sub, "revoke") == 0) {
		if (db_begin_write(db) != DB_OK) {
			fprintf(stderr, "wenming: %s\n", db_errmsg(db));
		} else {
			enum err e = token_store_revoke(db, argv[2], now);
			if (e == ERR_OK && cli_audit(db, "revoke", "api_token", 0, "", NULL) == 0 && db_commit(db) == DB_OK) {
				printf("token %s revoked\n", argv[2]);
				rc = 0;
			} else {
				db_rollback(db);
				fprintf(stderr, "wenming token revoke: %s\n", e == ERR_NOT_FOUND ? "no live token with that id or name" : db_errmsg(db));
			}
		}
	} else {
		struct buf b;
		buf_init(&b);
		if (token_store_list(db, &b) == ERR_OK) {
			printf("id\tname\tuser\tcreated\trevoked\n%s", b.data ? b.data : "");
			rc = 0;
		}
		buf_cleanup(&b);
	}
	db_close(db);
	return rc;
}
