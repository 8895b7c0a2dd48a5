/* cmd_serve.c — `wenming serve`, `init` and `migrate` (cli layer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../http/metrics.h"
#include "../http/server.h"
#include "../store/db.h"
#include "../store/migrate.h"
#include "../util/crypto.h"
#include "cli.h"

static const char *serve_help =
	"usage: wenming serve [--db FILE|postgresql://…] [--listen HOST:PORT] [--threads N]\n"
	"\n"
	"Runs the web server: the JSON API under /api/v1 and the web UI. Creates and migrates the\n"
	"database when needed. Stops gracefully on SIGINT/SIGTERM (requests in flight finish).\n"
	"\n"
	"  --db        database: an SQLite file (default wenming.db, or $WENMING_DB) or a\n"
	"              postgresql:// URL\n"
	"  --listen    address to listen on (default 127.0.0.1:8080, or $WENMING_LISTEN);\n"
	"              port 0 picks a free port and prints it\n"
	"  --threads   worker threads and database connections (default 4, or $WENMING_THREADS)\n"
	"\n"
	"Environment: WENMING_SESSION_IDLE (s, default 1800), WENMING_SESSION_MAX (s, 43200),\n"
	"WENMING_LOGIN_MAX_FAILURES (5), WENMING_LOGIN_IP_MAX_FAILURES (30), WENMING_LOGIN_WINDOW\n"
	"(s, 900), WENMING_LOGIN_LOCK (s, 900), WENMING_MAX_BODY (bytes, 1048576),\n"
	"WENMING_SECURE_COOKIES (1 behind TLS), WENMING_TRUST_PROXY (1 to use X-Forwarded-For),\n"
	"WENMING_OFFICE_NAME (shown in the UI header).\n";

int cmd_serve(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs(serve_help, stdout);
		return 0;
	}
	struct app app;
	memset(&app, 0, sizeof app);
	app_config_defaults(&app.cfg);
	const char *url = cli_db_url(&argc, argv);
	snprintf(app.cfg.db_url, sizeof app.cfg.db_url, "%s", url);
	const char *listen = cli_take_opt(&argc, argv, "--listen");
	if (listen && app_config_set_listen(&app.cfg, listen) != 0) {
		fprintf(stderr, "wenming serve: --listen wants HOST:PORT, got %s\n", listen);
		return 2;
	}
	const char *threads = cli_take_opt(&argc, argv, "--threads");
	if (threads) {
		app.cfg.threads = atoi(threads);
		if (app.cfg.threads < 1 || app.cfg.threads > 256) {
			fprintf(stderr, "wenming serve: --threads wants 1..256\n");
			return 2;
		}
	}
	if (argc > 1) {
		fprintf(stderr, "wenming serve: unexpected argument %s (see --help)\n", argv[1]);
		return 2;
	}
	if (crypto_setup(2) != 0) {
		fprintf(stderr, "wenming: libsodium failed to start\n");
		return 1;
	}
	struct db *db = cli_open_migrated(app.cfg.db_url);
	if (!db) {
		return 1;
	}
	db_close(db);
	char err[512];
	app.pool = db_pool_new(app.cfg.db_url, app.cfg.threads, err, sizeof err);
	if (!app.pool) {
		fprintf(stderr, "wenming: %s\n", err);
		return 1;
	}
	app.metrics = metrics_new();
	int rc = server_run(&app);
	db_pool_free(app.pool);
	metrics_free(app.metrics);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs("usage: wenming init [--db FILE|postgresql://…]\n\n"
		      "Creates the database (if it is a file) and applies every migration, and seeds the\n"
		      "region tree 内蒙古自治区 › 鄂尔多斯市 › its banners when it is empty. Safe to run again.\n",
		      stdout);
		return 0;
	}
	const char *url = cli_db_url(&argc, argv);
	struct db *db = cli_open_migrated(url);
	if (!db) {
		return 1;
	}
	printf("database ready: %s (schema version %d)\n", url, migrate_current_version(db));
	db_close(db);
	return 0;
}

int cmd_migrate(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs("usage: wenming migrate [--db FILE|postgresql://…]\n\n"
		      "Applies pending schema migrations, one transaction each, and prints the version.\n"
		      "`serve` does this at start too.\n",
		      stdout);
		return 0;
	}
	const char *url = cli_db_url(&argc, argv);
	char err[512];
	struct db *db = db_open(url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "wenming: %s\n", err);
		return 1;
	}
	int applied = 0;
	if (migrate_run(db, &applied, err, sizeof err) != 0) {
		fprintf(stderr, "wenming: %s\n", err);
		db_close(db);
		return 1;
	}
	printf("applied %d migration(s); schema version %d\n", applied, migrate_current_version(db));
	db_close(db);
	return 0;
}
