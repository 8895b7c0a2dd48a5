/* demo_registry.c — demo registry data: the units of the 准格尔旗 article with their titles,
 * and one user per role (cli layer). Inserts go through the stores, so the demo exercises the
 * same code as the server. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../domain/uscc.h"
#include "../store/db.h"
#include "../store/title_store.h"
#include "../store/unit_store.h"
#include "../store/user_store.h"
#include "../util/crypto.h"
#include "cli.h"
#include "demo.h"

struct demo_unit {
	const char *name;
	const char *category;
	const char *region;
	int staff;
	const char *level; /* NULL: no title */
	const char *tier;
	int year;
};

static const struct demo_unit demo_units[] = {
	{"神华准格尔能源有限责任公司", "soe", "150622", 9800, "national", "unit", 2020},
	{"国网内蒙古东部电力有限公司薛家湾供电公司", "soe", "150622", 1200, "national", "unit", 2020},
	{"内蒙古伊东资源集团股份有限公司", "private", "150622", 6000, "region", "model", 2019},
	{"内蒙古国华准格尔发电有限责任公司", "soe", "150622", 650, "city", "unit", 2021},
	{"内蒙古高原杏仁露有限公司", "private", "150622", 420, "banner", "unit", 2021},
	{"准格尔旗人民医院", "hospital", "150622", 900, "city", "unit", 2020},
	{"准格尔旗第一中学", "school", "150622", 380, "banner", "model", 2021},
	{"准格尔旗税务局", "party_gov", "150622", 210, "region", "unit", 2019},
	{"鄂尔多斯市东胜区人民医院", "hospital", "150602", 800, "city", "unit", 2020},
	{"鄂尔多斯市康巴什区图书馆", "institution", "150603", 60, "city", "unit", 2021},
};

static int demo_insert_unit(struct db *db, const struct demo_unit *du, unsigned seq, int64_t now, int64_t *id)
{
	struct unit u;
	memset(&u, 0, sizeof u);
	snprintf(u.name, sizeof u.name, "%s", du->name);
	char prefix[9];
	snprintf(prefix, sizeof prefix, "91%s", du->region);
	uscc_make(prefix, seq, u.uscc);
	snprintf(u.category, sizeof u.category, "%s", du->category);
	snprintf(u.region_code, sizeof u.region_code, "%s", du->region);
	snprintf(u.status, sizeof u.status, "active");
	u.staff_count = du->staff;
	snprintf(u.contact_name, sizeof u.contact_name, "联络员%u", seq);
	snprintf(u.contact_phone, sizeof u.contact_phone, "0477-46%05u", seq);
	struct err_detail d;
	err_clear(&d);
	if (unit_store_insert(db, &u, now, &d) != ERR_OK) {
		fprintf(stderr, "demo: unit %s: %s\n", du->name, d.message);
		return -1;
	}
	struct unit_event ev = {.unit_id = u.id, .at = now};
	snprintf(ev.kind, sizeof ev.kind, "created");
	snprintf(ev.new_name, sizeof ev.new_name, "%s", u.name);
	if (unit_event_insert(db, &ev, 0) != ERR_OK) {
		return -1;
	}
	*id = u.id;
	if (du->level) {
		struct title t;
		memset(&t, 0, sizeof t);
		t.unit_id = u.id;
		snprintf(t.level, sizeof t.level, "%s", du->level);
		snprintf(t.tier, sizeof t.tier, "%s", du->tier);
		t.awarded_year = du->year;
		t.term_years = 3;
		snprintf(t.status, sizeof t.status, "valid");
		snprintf(t.doc_no, sizeof t.doc_no, "准文明委发〔%d〕%u号", du->year, 3 + seq % 20);
		if (title_store_insert(db, &t, now, &d) != ERR_OK) {
			return -1;
		}
		struct title_event te = {.title_id = t.id, .at = now};
		snprintf(te.to_status, sizeof te.to_status, "valid");
		snprintf(te.reason, sizeof te.reason, "授予");
		snprintf(te.doc_no, sizeof te.doc_no, "%s", t.doc_no);
		snprintf(te.actor_name, sizeof te.actor_name, "demo");
		if (title_event_insert(db, &te, 0) != ERR_OK) {
			return -1;
		}
	}
	return 0;
}

static int demo_insert_user(struct db *db, const char *username, const char *display, const char *role,
			    const char *region, int64_t unit_id, const char *password, int64_t now)
{
	struct user u;
	memset(&u, 0, sizeof u);
	snprintf(u.username, sizeof u.username, "%s", username);
	snprintf(u.display_name, sizeof u.display_name, "%s", display);
	snprintf(u.role, sizeof u.role, "%s", role);
	snprintf(u.region_code, sizeof u.region_code, "%s", region);
	u.unit_id = unit_id;
	if (crypto_password_hash(password, u.password_hash) != 0) {
		return -1;
	}
	struct err_detail d;
	err_clear(&d);
	return user_store_insert(db, &u, now, &d) == ERR_OK ? 0 : -1;
}

int demo_load(struct db *db, FILE *out)
{
	int64_t now = (int64_t)time(NULL);
	if (db_begin_write(db) != DB_OK) {
		return -1;
	}
	int64_t first_unit = 0;
	for (size_t i = 0; i < sizeof demo_units / sizeof demo_units[0]; i++) {
		int64_t id;
		if (demo_insert_unit(db, &demo_units[i], (unsigned)i + 1, now, &id) != 0) {
			db_rollback(db);
			return -1;
		}
		if (i == 0) {
			first_unit = id;
		}
	}
	static const char *password = "wenming2026";
	if (demo_insert_user(db, "admin", "准格尔旗文明办管理员", "admin", "150622", 0, password, now) ||
	    demo_insert_user(db, "ordos", "鄂尔多斯市文明办管理员", "admin", "150600", 0, password, now) ||
	    demo_insert_user(db, "assessor", "测评组成员", "assessor", "150622", 0, password, now) ||
	    demo_insert_user(db, "liaison", "神华准能联络员", "unit", "150622", first_unit, password, now) ||
	    demo_insert_user(db, "leader", "旗委领导", "viewer", "150622", 0, password, now) ||
	    cli_audit(db, "demo", "database", 0, "150600", NULL) != 0) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db) != DB_OK) {
		return -1;
	}
	fprintf(out,
		"demo logins (password %s for all):\n"
		"  admin     准格尔旗文明办管理员 (admin, 准格尔旗)\n"
		"  ordos     鄂尔多斯市文明办管理员 (admin, 鄂尔多斯市)\n"
		"  assessor  测评组成员 (assessor, 准格尔旗)\n"
		"  liaison   神华准能联络员 (unit)\n"
		"  leader    旗委领导 (viewer, 准格尔旗)\n",
		password);
	return 0;
}
