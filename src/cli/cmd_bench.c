/* cmd_bench.c — `wenming bench-seed`: fills a database with N synthetic units for benchmarks
 * (cli layer). Like Fossil's test-* commands it is not for production use; it goes through the
 * unit store so the rows are exactly what the server writes (pinyin keys, region columns). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../domain/uscc.h"
#include "../store/db.h"
#include "../store/unit_store.h"
#include "cli.h"

int cmd_bench_seed(int argc, char **argv)
{
	const char *n_opt = cli_take_opt(&argc, argv, "--units");
	const char *region = cli_take_opt(&argc, argv, "--region");
	if (cli_wants_help(argc, argv) || !n_opt) {
		fputs("usage: wenming bench-seed --units N [--region CODE] [--db …]\n\n"
		      "Adds N synthetic units (default region 150622) in one transaction, for benchmarks.\n",
		      n_opt ? stdout : stderr);
		return n_opt ? 0 : 2;
	}
	long n = strtol(n_opt, NULL, 10);
	if (n <= 0 || n > 10000000) {
		fprintf(stderr, "wenming bench-seed: --units wants 1..10000000\n");
		return 2;
	}
	const char *url = cli_db_url(&argc, argv);
	struct db *db = cli_open_migrated(url);
	if (!db) {
		return 1;
	}
	static const char *stems[] = {"供电", "能源", "煤业", "化工", "物流", "建设", "医院", "学校", "银行", "税务",
				      "交通", "水务", "燃气", "通信", "农牧", "文旅", "商贸", "科技", "环保", "社区"};
	static const char *places[] = {"薛家湾", "沙圪堵", "大路", "准格尔召", "纳日松", "龙口", "魏家峁",
				       "暖水", "布尔陶亥", "十二连城", "东胜", "康巴什", "达拉特", "伊金霍洛"};
	int64_t now = (int64_t)time(NULL);
	int rc = 0;
	if (db_begin_write(db) != DB_OK) {
		rc = 1;
		goto out;
	}
	for (long i = 0; i < n; i++) {
		struct unit u;
		memset(&u, 0, sizeof u);
		snprintf(u.name, sizeof u.name, "%s%s第%ld公司", places[i % 14], stems[(i / 14) % 20], i + 1);
		char prefix[9];
		snprintf(prefix, sizeof prefix, "91%s", region ? region : "150622");
		uscc_make(prefix, (unsigned)(5000000 + i), u.uscc);
		snprintf(u.category, sizeof u.category, "%s", i % 3 ? "private" : "soe");
		snprintf(u.region_code, sizeof u.region_code, "%s", region ? region : "150622");
		snprintf(u.status, sizeof u.status, "active");
		u.staff_count = 20 + i % 900;
		snprintf(u.contact_name, sizeof u.contact_name, "联络员");
		snprintf(u.contact_phone, sizeof u.contact_phone, "0477-4%06ld", i % 1000000);
		struct err_detail d;
		err_clear(&d);
		if (unit_store_insert(db, &u, now, &d) != ERR_OK) {
			fprintf(stderr, "wenming bench-seed: %s\n", d.message);
			db_rollback(db);
			rc = 1;
			goto out;
		}
	}
	if (db_commit(db) != DB_OK) {
		rc = 1;
		goto out;
	}
	printf("added %ld units\n", n);
out:
	db_close(db);
	return rc;
}
