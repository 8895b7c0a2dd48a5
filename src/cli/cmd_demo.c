/* cmd_demo.c — `wenming demo`: a new database filled with realistic demo data (cli layer).
 * The registry part (units, titles, lineage, users) lives in demo_registry.c. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../store/db.h"
#include "../util/crypto.h"
#include "cli.h"
#include "demo.h"

int cmd_demo(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs("usage: wenming demo [--db FILE|postgresql://…]\n\n"
		      "Creates a database filled with the demo: 内蒙古自治区 › 鄂尔多斯市 › 准格尔旗 and its\n"
		      "neighbours, the units the 2022 准格尔旗 article names and about 200 others, titles at\n"
		      "every level with their history and some institutional changes, the communities (社区)\n"
		      "and villages (嘎查村) the units are paired with (结对共建/包联共建) over the years, their\n"
		      "activities 2021–2026 and volunteer rosters, their exemplars (先进典型: 神华准能's 30\n"
		      "道德模范 and 3 collectives, 高原杏仁露's 15 先进工作者 of 2021), aid records (帮扶记录:\n"
		      "first secretaries, projects, purchase aid such as 国华准格尔电厂's 18266 kg of meat for\n"
		      "148万元, donations and 伊东集团's 100.01万元 of 2021) and public-service ads (公益广告),\n"
		      "and one user per role.\n"
		      "Refuses to touch an existing SQLite file or a PostgreSQL database that holds units.\n"
		      "Prints the demo logins.\n",
		      stdout);
		return 0;
	}
	const char *url = cli_db_url(&argc, argv);
	if (argc > 1) {
		fprintf(stderr, "wenming demo: unexpected argument %s\n", argv[1]);
		return 2;
	}
	if (!db_url_is_postgres(url) && access(url, F_OK) == 0) {
		fprintf(stderr, "wenming demo: %s already exists; refusing to overwrite it\n", url);
		return 1;
	}
	if (crypto_setup(2) != 0) {
		return 1;
	}
	struct db *db = cli_open_migrated(url);
	if (!db) {
		return 1;
	}
	int64_t n = 0;
	if (db_exec_int64(db, "SELECT count(*) FROM units", &n) != DB_OK || n > 0) {
		fprintf(stderr, "wenming demo: the database already holds units; refusing to add the demo\n");
		db_close(db);
		return 1;
	}
	int rc = demo_load(db, stdout);
	db_close(db);
	if (rc != 0) {
		fprintf(stderr, "wenming demo: loading the demo failed\n");
		return 1;
	}
	return 0;
}
