/* demo_registry.c — loads the demo registry (cli layer): the units of demo_names.c with valid
 * USCCs, contacts and addresses; titles at every level whose status history plays the 2021
 * round of the 准格尔旗 article (13 通报批评, 10 撤销, 12 新授予) and the annual reviews since;
 * institutional changes (更名, 合并, 分立, 撤销) as lineage; one user per role; then the creation
 * ledger's partners and pairings (demo_ledger.c), its activities (demo_activities.c), the
 * units' volunteer rosters (demo_volunteers.c) and their exemplars, aid records and
 * public-service ads (demo_records.c), then the volunteers' service hours and self-reports
 * (demo_hours.c). A fixed-seed generator draws every choice, so runs are identical. Inserts go
 * through the stores in one transaction, so the demo exercises the same code as the server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../domain/title.h"
#include "../domain/unit.h"
#include "../domain/uscc.h"
#include "../store/db.h"
#include "../store/title_store.h"
#include "../store/unit_store.h"
#include "../store/user_store.h"
#include "../util/crypto.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "demo.h"

#define DEMO_RNG_SEED 20220725u /* the article's date */
#define DEMO_MAX_TEV 6
#define DEMO_TEXT 320
#define DEMO_TERM_YEARS 3
#define DEMO_JUNGAR "150622"
#define DEMO_BASELINE_DATE "2014-12-31" /* units that existed before the demo years */

struct demo_tev {
	int64_t at;
	int seq;
	char from[16];
	char to[16];
	char reason[DEMO_TEXT];
	char doc[64];
	const char *actor;
};

/* A title as planned in memory before it is written: final status plus its history. */
struct demo_plan {
	size_t row;
	char level[16];
	char tier[8];
	int year;
	char status[16];
	char doc[64];
	char note[DEMO_TEXT];
	int touched; /* already given a story by a review round */
	int n_ev;
	struct demo_tev ev[DEMO_MAX_TEV];
};

struct demo_state {
	const struct demo_unit_row *rows;
	size_t n_rows;
	int64_t *unit_ids;
	unsigned char *restructured;
	const struct demo_lineage *lineages;
	size_t n_lineages;
	struct demo_plan *plans;
	size_t n_plans, cap_plans;
	uint64_t rng;
	int seq;
	int n_title_events, n_unit_events;
};

static uint32_t demo_rand(struct demo_state *st)
{
	st->rng = st->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st->rng >> 33);
}

int64_t demo_epoch(const char *date)
{
	int64_t y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	int64_t days = era * 146097 + doe - 719468;
	return days * 86400 + 90 * 60;
}

static size_t demo_row_find(const struct demo_state *st, const char *name)
{
	for (size_t i = 0; i < st->n_rows; i++) {
		if (strcmp(st->rows[i].name, name) == 0) {
			return i;
		}
	}
	return (size_t)-1;
}

/* Appends a status change to plan ti; the first one is the award (from ""). */
static void demo_change(struct demo_state *st, size_t ti, const char *date, const char *to, const char *reason,
			const char *doc, const char *actor)
{
	struct demo_plan *t = &st->plans[ti];
	if (t->n_ev >= DEMO_MAX_TEV) {
		return;
	}
	struct demo_tev *ev = &t->ev[t->n_ev++];
	ev->at = demo_epoch(date) + (int64_t)(st->seq % 40) * 60;
	ev->seq = st->seq++;
	snprintf(ev->from, sizeof ev->from, "%s", t->status);
	snprintf(ev->to, sizeof ev->to, "%s", to);
	snprintf(ev->reason, sizeof ev->reason, "%s", reason);
	snprintf(ev->doc, sizeof ev->doc, "%s", doc);
	ev->actor = actor;
	snprintf(t->status, sizeof t->status, "%s", to);
}

/* Plans a title awarded to row in year (from the award table) and returns its index. */
static size_t demo_add_title(struct demo_state *st, size_t row, const char *level, const char *tier, int year)
{
	if (st->n_plans == st->cap_plans) {
		st->cap_plans = st->cap_plans ? st->cap_plans * 2 : 256;
		st->plans = xrealloc(st->plans, st->cap_plans * sizeof *st->plans);
	}
	size_t ti = st->n_plans++;
	struct demo_plan *t = &st->plans[ti];
	memset(t, 0, sizeof *t);
	t->row = row;
	snprintf(t->level, sizeof t->level, "%s", level);
	snprintf(t->tier, sizeof t->tier, "%s", tier);
	t->year = year;
	const struct demo_region *reg = demo_region_get(st->rows[row].region);
	const char *date = NULL;
	int doc_n = 1;
	size_t n_awards;
	const struct demo_award *awards = demo_awards_get(&n_awards);
	for (size_t i = 0; i < n_awards; i++) {
		if (awards[i].year == year && strcmp(awards[i].level, level) == 0) {
			date = awards[i].date;
			doc_n = awards[i].doc_n;
		}
	}
	char fallback[11];
	if (!date) {
		snprintf(fallback, sizeof fallback, "%04d-06-30", year);
		date = fallback;
	}
	demo_doc_no(level, reg, year, doc_n, t->doc, sizeof t->doc);
	char label[64], reason[DEMO_TEXT];
	demo_title_label(level, tier, reg, label, sizeof label);
	snprintf(reason, sizeof reason, "授予“%s”荣誉称号", label);
	demo_change(st, ti, date, "valid", reason, t->doc, demo_level_office(level, year, reg));
	return ti;
}

static int demo_random_year(struct demo_state *st, const char *level, const char *region)
{
	/* 准格尔旗's 2021 batch is exactly the article's twelve, all written out in the table. */
	static const int banner_jungar[] = {2015, 2015, 2015, 2018, 2018, 2018, 2018, 2024, 2024};
	static const int banner_other[] = {2015, 2018, 2018, 2021, 2024};
	static const int city[] = {2017, 2020, 2023};
	static const int region_years[] = {2016, 2019, 2022, 2025};
	static const int national[] = {2015, 2017, 2020, 2025};
	uint32_t r = demo_rand(st);
	if (strcmp(level, "banner") == 0) {
		if (strcmp(region, DEMO_JUNGAR) == 0) {
			return banner_jungar[r % (sizeof banner_jungar / sizeof banner_jungar[0])];
		}
		return banner_other[r % (sizeof banner_other / sizeof banner_other[0])];
	}
	if (strcmp(level, "city") == 0) {
		return city[r % (sizeof city / sizeof city[0])];
	}
	if (strcmp(level, "region") == 0) {
		return region_years[r % (sizeof region_years / sizeof region_years[0])];
	}
	return national[r % (sizeof national / sizeof national[0])];
}

/* Plans the titles of a row from its ladder ("b15 c20"). */
static void demo_plan_row(struct demo_state *st, size_t row)
{
	const char *p = st->rows[row].plan;
	while (p && *p) {
		if (*p == ' ') {
			p++;
			continue;
		}
		char c = *p++;
		const char *level = (c == 'b' || c == 'B')   ? "banner"
				    : (c == 'c' || c == 'C') ? "city"
				    : (c == 'r' || c == 'R') ? "region"
							     : "national";
		const char *tier = (c == 'B' || c == 'C' || c == 'R') ? "model" : "unit";
		int year = 0;
		if (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') {
			year = 2000 + (p[0] - '0') * 10 + (p[1] - '0');
			p += 2;
		} else {
			year = demo_random_year(st, level, st->rows[row].region);
		}
		demo_add_title(st, row, level, tier, year);
	}
}

/* Institutional changes seen by the titles: merged and dissolved units' live titles end
 * (自行终止), a renamed unit's earlier titles carry a note. */
static void demo_plan_lineage(struct demo_state *st)
{
	for (size_t li = 0; li < st->n_lineages; li++) {
		const struct demo_lineage *l = &st->lineages[li];
		size_t row = demo_row_find(st, l->unit);
		if (row == (size_t)-1) {
			continue;
		}
		st->restructured[row] = 1;
		if (l->other && demo_row_find(st, l->other) != (size_t)-1) {
			st->restructured[demo_row_find(st, l->other)] = 1;
		}
		int is_merge = strcmp(l->kind, "merge") == 0, is_dissolve = strcmp(l->kind, "dissolve") == 0;
		const struct demo_region *reg = demo_region_get(st->rows[row].region);
		for (size_t ti = 0; ti < st->n_plans; ti++) {
			struct demo_plan *t = &st->plans[ti];
			if (t->row != row || t->year >= atoi(l->date)) {
				continue;
			}
			if (strcmp(l->kind, "rename") == 0) {
				snprintf(t->note, sizeof t->note, "以原名称“%s”获得，%d年更名后备案保留", l->old_name,
					 atoi(l->date));
			} else if (is_merge || is_dissolve) {
				demo_change(st, ti, l->date, "lapsed", is_merge ? "机构撤并（合并）" : "机构撤并（撤销）", l->doc,
					    reg ? reg->office : "准格尔旗文明办");
			}
		}
	}
}

/* 1 when plan ti is its unit's only title at its level and none is higher or later, so a
 * review of it tells a clear story. */
static int demo_plan_reviewable(const struct demo_state *st, size_t ti)
{
	const struct demo_plan *t = &st->plans[ti];
	for (size_t i = 0; i < st->n_plans; i++) {
		const struct demo_plan *o = &st->plans[i];
		if (i != ti && o->row == t->row && (title_level_compare(o->level, t->level) >= 0 || o->year > t->year)) {
			return 0;
		}
	}
	return 1;
}

/* Picks up to want live, untouched titles of level in region (NULL: any) awarded by max_year,
 * that are reviewable (above); marks them touched. */
static size_t demo_pick(struct demo_state *st, const char *region, const char *level, int max_year, size_t want,
			size_t *out)
{
	size_t *cand = xcalloc(st->n_plans + 1, sizeof *cand), n_cand = 0;
	for (size_t i = 0; i < st->n_plans; i++) {
		const struct demo_plan *t = &st->plans[i];
		const struct demo_unit_row *row = &st->rows[t->row];
		if (t->touched || strcmp(t->status, "valid") != 0 || strcmp(t->level, level) != 0 || t->year > max_year ||
		    (region && strcmp(row->region, region) != 0) || (row->flags & (DEMO_ROW_SEED | DEMO_ROW_VETO)) ||
		    st->restructured[t->row] || !demo_plan_reviewable(st, i)) {
			continue;
		}
		cand[n_cand++] = i;
	}
	size_t n = 0;
	for (; n < want && n < n_cand; n++) {
		size_t j = n + demo_rand(st) % (n_cand - n);
		size_t tmp = cand[n];
		cand[n] = cand[j];
		cand[j] = tmp;
		out[n] = cand[n];
		st->plans[out[n]].touched = 1;
	}
	free(cand);
	return n;
}

static void demo_criticize_reason(struct demo_state *st, int year, char *out, size_t n)
{
	static const char *const findings[] = {
		"复查综合测评成绩低于80分",
		"复查综合测评成绩低于80分",
		"复查中志愿服务活动开展不经常、网络文明传播工作滞后",
		"复查中未按要求每月开展精神文明创建活动、结对共建社区工作不实",
		"复查中公益广告宣传氛围不浓、创建档案资料不全",
	};
	snprintf(out, n, "%d年度%s，限期三个月整改", year, findings[demo_rand(st) % (sizeof findings / sizeof findings[0])]);
}

/* One annual review: as many titles as outcomes are criticised on date; then, per title,
 * K stays criticised, R is restored on date2, Y gets a yellow card on date2, X a yellow card
 * on date2 and is revoked on date3, Z a yellow card on date2 and is restored on date3. */
struct demo_round {
	const char *region; /* NULL: every region (city level) */
	const char *level;
	const char *date;
	int doc_n;
	const char *outcomes;
	const char *date2;
	int doc2_n;
	const char *date3;
	int doc3_n;
};

static void demo_run_round(struct demo_state *st, const struct demo_round *rd)
{
	const struct demo_region *reg = rd->region ? demo_region_get(rd->region) : NULL;
	const char *actor = demo_level_office(rd->level, atoi(rd->date), reg);
	int year = atoi(rd->date);
	size_t want = strlen(rd->outcomes), picked[32];
	if (want > sizeof picked / sizeof picked[0]) {
		want = sizeof picked / sizeof picked[0];
	}
	size_t n = demo_pick(st, rd->region, rd->level, year - 1, want, picked);
	char doc[64], doc2[64], doc3[64], reason[DEMO_TEXT];
	demo_doc_no(rd->level, reg, year, rd->doc_n, doc, sizeof doc);
	if (rd->date2) {
		demo_doc_no(rd->level, reg, atoi(rd->date2), rd->doc2_n, doc2, sizeof doc2);
	}
	if (rd->date3) {
		demo_doc_no(rd->level, reg, atoi(rd->date3), rd->doc3_n, doc3, sizeof doc3);
	}
	for (size_t k = 0; k < n; k++) {
		size_t ti = picked[k];
		demo_criticize_reason(st, year, reason, sizeof reason);
		demo_change(st, ti, rd->date, "criticized", reason, doc, actor);
		char o = rd->outcomes[k];
		if (o == 'R') {
			demo_change(st, ti, rd->date2, "valid", "限期整改期满，经复查整改到位，予以恢复", doc2, actor);
		} else if (o == 'Y' || o == 'X' || o == 'Z') {
			demo_change(st, ti, rd->date2, "yellow_card", "限期整改期满，复查整改不到位，给予黄牌警告", doc2, actor);
		}
		if (o == 'X') {
			snprintf(reason, sizeof reason, "黄牌警告后%d年度复查仍未达标，撤销荣誉称号", atoi(rd->date3));
			demo_change(st, ti, rd->date3, "revoked", reason, doc3, actor);
		} else if (o == 'Z') {
			snprintf(reason, sizeof reason, "黄牌警告期间整改到位，%d年度复查合格，予以恢复", atoi(rd->date3));
			demo_change(st, ti, rd->date3, "valid", reason, doc3, actor);
		}
	}
}

/* The article's round: 准格尔旗's 2021 review criticises 13 and revokes 10 banner titles
 * (one by a veto); two of the revoked units win a title again in 2024. */
static void demo_plan_jungar_2021(struct demo_state *st)
{
	static const struct demo_round criticize = {DEMO_JUNGAR, "banner", "2021-12-20", 7, "RRRRRRRRRRRXZ",
						    "2022-04-15", 3, "2022-12-16", 9};
	const struct demo_region *reg = demo_region_get(DEMO_JUNGAR);
	char doc[64];
	demo_doc_no("banner", reg, 2021, 7, doc, sizeof doc);
	size_t n_revoked = 0;
	for (size_t ti = 0; ti < st->n_plans; ti++) {
		struct demo_plan *t = &st->plans[ti];
		if ((st->rows[t->row].flags & DEMO_ROW_VETO) && strcmp(t->status, "valid") == 0 && t->year <= 2020) {
			t->touched = 1;
			demo_change(st, ti, criticize.date, "revoked", "发生重大安全生产事故，一票否决", doc, reg->office);
			n_revoked++;
		}
	}
	demo_run_round(st, &criticize);
	size_t picked[10];
	size_t n = demo_pick(st, DEMO_JUNGAR, "banner", 2020, n_revoked < 10 ? 10 - n_revoked : 0, picked);
	for (size_t k = 0; k < n; k++) {
		const char *reason = k + 1 == n ? "无正当理由未参加2021年度复查，视为自动放弃"
				     : k % 2	? "2021年度复查综合测评成绩低于70分"
						: "2021年度复查中创建工作严重滑坡，综合测评成绩低于70分";
		demo_change(st, picked[k], criticize.date, "revoked", reason, doc, reg->office);
		if (k < 2) {
			size_t again = demo_add_title(st, st->plans[picked[k]].row, "banner", "unit", 2024);
			st->plans[again].touched = 1;
			snprintf(st->plans[again].note, sizeof st->plans[again].note,
				 "2021年被撤销荣誉称号，整改后重新申报，2024年重新授予");
		}
	}
}

static void demo_plan_reviews(struct demo_state *st)
{
	static const struct demo_round rounds[] = {
		{NULL, "city", "2022-12-09", 16, "R", "2023-04-14", 5, NULL, 0},
		{DEMO_JUNGAR, "banner", "2023-12-15", 9, "RRR", "2024-04-12", 2, NULL, 0},
		{"150621", "banner", "2023-12-18", 11, "R", "2024-04-16", 3, NULL, 0},
		{DEMO_JUNGAR, "banner", "2024-12-16", 8, "RRYY", "2025-04-11", 3, NULL, 0},
		{"150621", "banner", "2024-12-18", 10, "Y", "2025-04-16", 4, NULL, 0},
		{NULL, "city", "2025-12-05", 15, "K", NULL, 0, NULL, 0},
		{DEMO_JUNGAR, "banner", "2025-12-12", 10, "KKKKKKKK", NULL, 0, NULL, 0},
		{"150621", "banner", "2025-12-15", 12, "KK", NULL, 0, NULL, 0},
		{"150627", "banner", "2025-12-16", 9, "K", NULL, 0, NULL, 0},
		{"150602", "banner", "2025-12-17", 8, "K", NULL, 0, NULL, 0},
	};
	demo_plan_jungar_2021(st);
	for (size_t i = 0; i < sizeof rounds / sizeof rounds[0]; i++) {
		demo_run_round(st, &rounds[i]);
	}
}

static const struct demo_lineage *demo_lineage_for(const struct demo_state *st, const char *kind, const char *unit, const char *other)
{
	for (size_t i = 0; i < st->n_lineages; i++) {
		const struct demo_lineage *l = &st->lineages[i];
		if (strcmp(l->kind, kind) == 0 && (!unit || strcmp(l->unit, unit) == 0) &&
		    (!other || (l->other && strcmp(l->other, other) == 0))) {
			return l;
		}
	}
	return NULL;
}

static int demo_unit_event(struct db *db, struct demo_state *st, int64_t unit_id, const char *kind, int64_t related,
			   const char *old_name, const char *new_name, const char *date, const char *doc, const char *note,
			   int64_t at)
{
	struct unit_event ev;
	memset(&ev, 0, sizeof ev);
	ev.unit_id = unit_id;
	snprintf(ev.kind, sizeof ev.kind, "%s", kind);
	ev.related_unit_id = related;
	snprintf(ev.old_name, sizeof ev.old_name, "%s", old_name ? old_name : "");
	snprintf(ev.new_name, sizeof ev.new_name, "%s", new_name ? new_name : "");
	snprintf(ev.date, sizeof ev.date, "%s", date ? date : "");
	snprintf(ev.doc_no, sizeof ev.doc_no, "%s", doc ? doc : "");
	snprintf(ev.note, sizeof ev.note, "%s", note ? note : "");
	ev.at = at;
	st->n_unit_events++;
	return unit_event_insert(db, &ev, 0) == ERR_OK ? 0 : -1;
}

/* Inserts every unit with its 设立 event. */
static int demo_insert_units(struct db *db, struct demo_state *st, int64_t now)
{
	struct unit *u = xmalloc(sizeof *u);
	int rc = 0;
	for (size_t i = 0; i < st->n_rows && rc == 0; i++) {
		const struct demo_unit_row *row = &st->rows[i];
		memset(u, 0, sizeof *u);
		snprintf(u->name, sizeof u->name, "%s", row->name);
		const char *kind = row->kind ? row->kind : demo_uscc_kind(row->category);
		if (kind[0]) {
			char prefix[9];
			snprintf(prefix, sizeof prefix, "%s%s", kind, row->region);
			uscc_make(prefix, (unsigned)(((uint64_t)(i + 1) * 39916801u + 12345679u) % 100000000u), u->uscc);
		}
		snprintf(u->category, sizeof u->category, "%s", row->category);
		snprintf(u->region_code, sizeof u->region_code, "%s", row->region);
		snprintf(u->status, sizeof u->status, "active");
		u->staff_count = row->staff;
		demo_unit_address(row, demo_rand(st), u->address, sizeof u->address);
		demo_person_name(demo_rand(st), u->contact_name, sizeof u->contact_name);
		uint32_t r1 = demo_rand(st), r2 = demo_rand(st);
		demo_unit_phone(row, r1, r2, u->contact_phone, sizeof u->contact_phone);
		const struct demo_lineage *renamed = demo_lineage_for(st, "rename", row->name, NULL);
		if (renamed) {
			snprintf(u->remark, sizeof u->remark, "%s", renamed->remark);
		}
		struct err_detail d;
		err_clear(&d);
		if (unit_validate(u, &d) != ERR_OK || unit_store_insert(db, u, now, &d) != ERR_OK) {
			fprintf(stderr, "demo: unit %s: %s\n", row->name, d.message);
			rc = -1;
			break;
		}
		st->unit_ids[i] = u->id;
		const struct demo_lineage *split = demo_lineage_for(st, "split", NULL, row->name);
		const char *date = row->founded, *doc = NULL, *note = NULL;
		if (split) {
			doc = split->doc;
			note = split->note;
		} else if (date && strcmp(date, "2019-03-25") == 0) {
			doc = "准党发〔2019〕4号";
			note = "旗级机构改革新组建";
		} else if (!date) {
			note = "纳入文明单位创建管理时已存在";
		}
		rc = demo_unit_event(db, st, u->id, "created", 0, NULL, renamed ? renamed->old_name : u->name, date, doc,
				     note, demo_epoch(date ? date : DEMO_BASELINE_DATE));
	}
	free(u);
	return rc;
}

static int demo_plan_cmp(const void *a, const void *b)
{
	const struct demo_plan *x = a, *y = b;
	if (x->row != y->row) {
		return x->row < y->row ? -1 : 1;
	}
	if (x->ev[0].at != y->ev[0].at) {
		return x->ev[0].at < y->ev[0].at ? -1 : 1;
	}
	return x->ev[0].seq - y->ev[0].seq;
}

struct demo_ev_ref {
	const struct demo_tev *ev;
	int64_t title_id;
};

static int demo_ev_cmp(const void *a, const void *b)
{
	const struct demo_ev_ref *x = a, *y = b;
	if (x->ev->at != y->ev->at) {
		return x->ev->at < y->ev->at ? -1 : 1;
	}
	return x->ev->seq - y->ev->seq;
}

/* Writes the planned titles, unit by unit, each unit's events in time order (the history
 * lists read them by id). */
static int demo_insert_titles(struct db *db, struct demo_state *st, int64_t now)
{
	qsort(st->plans, st->n_plans, sizeof *st->plans, demo_plan_cmp);
	struct demo_ev_ref *refs = xcalloc(st->n_plans * DEMO_MAX_TEV + 1, sizeof *refs);
	int rc = 0;
	for (size_t first = 0; first < st->n_plans && rc == 0;) {
		size_t last = first, n_refs = 0;
		while (last < st->n_plans && st->plans[last].row == st->plans[first].row) {
			last++;
		}
		for (size_t ti = first; ti < last && rc == 0; ti++) {
			const struct demo_plan *p = &st->plans[ti];
			struct title t;
			memset(&t, 0, sizeof t);
			t.unit_id = st->unit_ids[p->row];
			snprintf(t.level, sizeof t.level, "%s", p->level);
			snprintf(t.tier, sizeof t.tier, "%s", p->tier);
			t.awarded_year = p->year;
			t.term_years = DEMO_TERM_YEARS;
			snprintf(t.doc_no, sizeof t.doc_no, "%s", p->doc);
			snprintf(t.status, sizeof t.status, "%s", p->status);
			snprintf(t.note, sizeof t.note, "%s", p->note);
			struct err_detail d;
			err_clear(&d);
			if (title_store_insert(db, &t, now, &d) != ERR_OK) {
				fprintf(stderr, "demo: title of %s: %s\n", st->rows[p->row].name, d.message);
				rc = -1;
			}
			for (int k = 0; k < p->n_ev; k++) {
				refs[n_refs].ev = &p->ev[k];
				refs[n_refs++].title_id = t.id;
			}
		}
		qsort(refs, n_refs, sizeof *refs, demo_ev_cmp);
		for (size_t k = 0; k < n_refs && rc == 0; k++) {
			const struct demo_tev *ev = refs[k].ev;
			struct title_event te;
			memset(&te, 0, sizeof te);
			te.title_id = refs[k].title_id;
			snprintf(te.from_status, sizeof te.from_status, "%s", ev->from);
			snprintf(te.to_status, sizeof te.to_status, "%s", ev->to);
			snprintf(te.reason, sizeof te.reason, "%s", ev->reason);
			snprintf(te.doc_no, sizeof te.doc_no, "%s", ev->doc);
			snprintf(te.actor_name, sizeof te.actor_name, "%s", ev->actor);
			te.at = ev->at;
			if (title_event_insert(db, &te, 0) != ERR_OK) {
				fprintf(stderr, "demo: title event: %s\n", db_errmsg(db));
				rc = -1;
			}
			st->n_title_events++;
		}
		first = last;
	}
	free(refs);
	return rc;
}

/* Applies the institutional changes to the stored units and records their lineage. */
static int demo_insert_lineage(struct db *db, struct demo_state *st, int64_t now)
{
	struct unit *u = xmalloc(sizeof *u), *o = xmalloc(sizeof *o);
	int rc = 0;
	for (size_t li = 0; li < st->n_lineages && rc == 0; li++) {
		const struct demo_lineage *l = &st->lineages[li];
		size_t row = demo_row_find(st, l->unit), other = l->other ? demo_row_find(st, l->other) : (size_t)-1;
		if (row == (size_t)-1 || (l->other && other == (size_t)-1)) {
			fprintf(stderr, "demo: lineage of %s: unit not in the table\n", l->unit);
			rc = -1;
			break;
		}
		int64_t id = st->unit_ids[row], other_id = l->other ? st->unit_ids[other] : 0, at = demo_epoch(l->date);
		struct err_detail d;
		err_clear(&d);
		if (unit_store_get(db, NULL, id, u) != ERR_OK) {
			rc = -1;
			break;
		}
		if (strcmp(l->kind, "rename") == 0) {
			rc = demo_unit_event(db, st, id, "renamed", 0, l->old_name, u->name, l->date, l->doc, l->note, at);
			continue;
		}
		if (strcmp(l->kind, "split") == 0) {
			if (unit_store_get(db, NULL, other_id, o) != ERR_OK) {
				rc = -1;
				break;
			}
			o->split_from_id = id;
			snprintf(o->remark, sizeof o->remark, "%d年由%s分设", atoi(l->date), u->name);
			snprintf(u->remark, sizeof u->remark, "%s", l->remark);
			if (unit_store_update(db, o, o->version, now, &d) != ERR_OK ||
			    unit_store_update(db, u, u->version, now, &d) != ERR_OK ||
			    demo_unit_event(db, st, id, "split_to", other_id, NULL, NULL, l->date, l->doc, l->note, at) ||
			    demo_unit_event(db, st, other_id, "split_from", id, NULL, NULL, l->date, l->doc, l->note, at)) {
				rc = -1;
			}
			continue;
		}
		int merge = strcmp(l->kind, "merge") == 0;
		snprintf(u->status, sizeof u->status, "%s", merge ? "merged" : "dissolved");
		u->merged_into_id = other_id;
		snprintf(u->remark, sizeof u->remark, "%s", l->remark);
		if (unit_store_update(db, u, u->version, now, &d) != ERR_OK ||
		    demo_unit_event(db, st, id, merge ? "merged_into" : "dissolved", other_id, NULL, NULL, l->date, l->doc,
				    l->note, at) ||
		    (merge && demo_unit_event(db, st, other_id, "absorbed", id, NULL, NULL, l->date, l->doc, l->note, at))) {
			rc = -1;
		}
	}
	if (rc != 0) {
		fprintf(stderr, "demo: lineage: %s\n", db_errmsg(db));
	}
	free(u);
	free(o);
	return rc;
}

static int demo_insert_user(struct db *db, const char *username, const char *display, const char *role,
			    const char *region, int64_t unit_id, const char *hash, int64_t now)
{
	struct user u;
	memset(&u, 0, sizeof u);
	snprintf(u.username, sizeof u.username, "%s", username);
	snprintf(u.display_name, sizeof u.display_name, "%s", display);
	snprintf(u.role, sizeof u.role, "%s", role);
	snprintf(u.region_code, sizeof u.region_code, "%s", region);
	snprintf(u.password_hash, sizeof u.password_hash, "%s", hash);
	u.unit_id = unit_id;
	struct err_detail d;
	err_clear(&d);
	return user_store_insert(db, &u, now, &d) == ERR_OK ? 0 : -1;
}

/* One hash serves every demo user: they share the password, and each hash costs ~60 ms. */
static int demo_insert_users(struct db *db, int64_t liaison_unit, const char *password, int64_t now)
{
	char hash[128];
	if (crypto_password_hash(password, hash) != 0) {
		return -1;
	}
	if (demo_insert_user(db, "admin", "准格尔旗文明办管理员", "admin", DEMO_JUNGAR, 0, hash, now) ||
	    demo_insert_user(db, "ordos", "鄂尔多斯市文明办管理员", "admin", "150600", 0, hash, now) ||
	    demo_insert_user(db, "assessor", "测评组成员", "assessor", DEMO_JUNGAR, 0, hash, now) ||
	    demo_insert_user(db, "liaison", "神华准能联络员", "unit", DEMO_JUNGAR, liaison_unit, hash, now) ||
	    demo_insert_user(db, "leader", "旗委领导", "viewer", DEMO_JUNGAR, 0, hash, now) ||
	    demo_insert_user(db, "dalad", "达拉特旗文明办管理员", "admin", "150621", 0, hash, now)) {
		fprintf(stderr, "demo: users: %s\n", db_errmsg(db));
		return -1;
	}
	return 0;
}

static void demo_print_summary(const struct demo_state *st, const struct demo_ledger_counts *lc,
			       const struct demo_activity_counts *ac, const struct demo_volunteer_counts *vc,
			       const struct demo_record_counts *rc, const struct demo_hours_counts *hc, FILE *out)
{
	static const char *const statuses[] = {"valid", "criticized", "yellow_card", "revoked", "lapsed"};
	int by_status[5] = {0}, jungar = 0, merged = 0, dissolved = 0;
	int crit21 = 0, revoked21 = 0, new21 = 0;
	for (size_t i = 0; i < st->n_rows; i++) {
		jungar += strcmp(st->rows[i].region, DEMO_JUNGAR) == 0;
	}
	for (size_t li = 0; li < st->n_lineages; li++) {
		merged += strcmp(st->lineages[li].kind, "merge") == 0;
		dissolved += strcmp(st->lineages[li].kind, "dissolve") == 0;
	}
	for (size_t i = 0; i < st->n_plans; i++) {
		const struct demo_plan *t = &st->plans[i];
		for (size_t s = 0; s < 5; s++) {
			by_status[s] += strcmp(t->status, statuses[s]) == 0;
		}
		if (strcmp(t->level, "banner") != 0 || strcmp(st->rows[t->row].region, DEMO_JUNGAR) != 0) {
			continue;
		}
		new21 += t->year == 2021;
		for (int k = 1; k < t->n_ev; k++) {
			int in_2021 = t->ev[k].at >= demo_epoch("2021-01-01") && t->ev[k].at < demo_epoch("2022-01-01");
			crit21 += in_2021 && strcmp(t->ev[k].to, "criticized") == 0;
			revoked21 += in_2021 && strcmp(t->ev[k].to, "revoked") == 0;
		}
	}
	fprintf(out,
		"loaded %zu units (%d in 准格尔旗; %d merged, %d dissolved), %zu titles (%d valid, %d criticized, "
		"%d yellow_card, %d revoked, %d lapsed), %d title events, %d lineage events; "
		"准格尔旗 2021: %d 通报批评, %d 撤销, %d 新授予; "
		"%d partners (%d communities, %d villages), %d pairings (%d open, %d ended); "
		"准格尔旗 coverage: %d units without a community, %d without a village, %d partners unpaired; "
		"%d activities 2021–2026 (%d at partners; 薛家湾供电公司 2022: %d volunteer activities; "
		"%d units with monthly gaps in 2025/2026); "
		"%d volunteers (%d left) in %d units (薛家湾供电公司: %d active; %d titled units under 20 %% of staff)",
		st->n_rows, jungar, merged, dissolved, st->n_plans, by_status[0], by_status[1], by_status[2], by_status[3],
		by_status[4], st->n_title_events, st->n_unit_events, crit21, revoked21, new21, lc->communities + lc->villages,
		lc->communities, lc->villages, lc->pairings_open + lc->pairings_ended, lc->pairings_open, lc->pairings_ended,
		lc->jungar_without_community, lc->jungar_without_village, lc->jungar_partners_without, ac->total,
		ac->at_partner, ac->xjw_volunteer_2022, ac->units_with_gaps, vc->total, vc->left, vc->units, vc->xjw_active,
		vc->titled_under);
	/* money in 万元 with two decimals, rounded half up */
#define WAN(fen) (long long)(((fen) + 5000) / 10000 / 100), (long long)(((fen) + 5000) / 10000 % 100)
	fprintf(out,
		"; %d exemplars (神华准能: %d 名道德模范, %d 个道德模范集体; 内蒙古高原杏仁露: %d 名2021年度先进工作者); "
		"%d aid records (%d first secretaries, %d serving; 伊东集团: 2021年帮扶资金 %lld.%02lld万元, "
		"捐款捐物累计 %lld.%02lld万元, 至2022-07-25 %lld.%02lld万元; 国华准格尔电厂: 消费帮扶 %lld 千克 "
		"%lld.%02lld万元); %d public-service ads (%lld pieces)",
		rc->exemplars, rc->shenhua_models, rc->shenhua_collectives, rc->almond_staff_2021, rc->aid,
		rc->first_secretaries, rc->secretaries_serving, WAN(rc->yidong_funds_2021_fen), WAN(rc->yidong_donations_fen),
		WAN(rc->yidong_donations_article_fen), (long long)rc->guohua_meat_kg, WAN(rc->guohua_meat_fen), rc->ads,
		(long long)rc->ad_pieces);
#undef WAN
	/* hours with one decimal, exact for whole multiples of 6 minutes */
#define HOURS(m) (long long)((m) / 60), (int)((m) % 60 / 6)
	fprintf(out,
		"; %d volunteer services (%lld.%d hours) in %d activities (薛家湾供电公司 2022: %d volunteers served "
		"%lld.%d hours in %d activities); 神华准能: a self-report link, %d hour reports (%d pending, %d approved, "
		"%d declined; %d from phones not on the roster)\n",
		hc->served, HOURS(hc->minutes), hc->activities, hc->xjw_volunteers_2022, HOURS(hc->xjw_minutes_2022),
		hc->xjw_activities_2022, hc->reports, hc->reports_pending, hc->reports_approved, hc->reports_declined,
		hc->reports_off_roster);
#undef HOURS
}

int demo_load(struct db *db, FILE *out)
{
	static const char *password = "wenming2026";
	int64_t now = (int64_t)time(NULL);
	struct demo_state st;
	memset(&st, 0, sizeof st);
	st.rng = DEMO_RNG_SEED;
	st.rows = demo_unit_rows(&st.n_rows);
	st.lineages = demo_lineages_get(&st.n_lineages);
	st.unit_ids = xcalloc(st.n_rows, sizeof *st.unit_ids);
	st.restructured = xcalloc(st.n_rows, 1);
	int rc = -1;
	if (db_begin_write(db) != DB_OK) {
		goto out;
	}
	if (demo_insert_units(db, &st, now) != 0) {
		goto fail;
	}
	for (size_t i = 0; i < st.n_rows; i++) {
		demo_plan_row(&st, i);
	}
	demo_plan_lineage(&st);
	demo_plan_reviews(&st);
	struct demo_ledger_counts lc;
	struct demo_activity_counts ac;
	struct demo_volunteer_counts vc;
	struct demo_record_counts rec;
	struct demo_hours_counts hc;
	if (demo_insert_titles(db, &st, now) != 0 || demo_insert_lineage(db, &st, now) != 0 ||
	    demo_ledger_load(db, st.unit_ids, now, &lc) != 0 || demo_activities_load(db, st.unit_ids, now, &ac) != 0 ||
	    demo_volunteers_load(db, st.unit_ids, now, &vc) != 0 || demo_records_load(db, st.unit_ids, now, &rec) != 0 ||
	    demo_insert_users(db, st.unit_ids[0], password, now) != 0 || demo_hours_load(db, st.unit_ids, &hc) != 0 ||
	    cli_audit(db, "demo", "database", 0, "150600", NULL) != 0) {
		goto fail;
	}
	if (db_commit(db) != DB_OK) {
		goto out;
	}
	fprintf(out,
		"demo logins (password %s for all):\n"
		"  admin     准格尔旗文明办管理员 (admin, 准格尔旗)\n"
		"  ordos     鄂尔多斯市文明办管理员 (admin, 鄂尔多斯市)\n"
		"  assessor  测评组成员 (assessor, 准格尔旗)\n"
		"  liaison   神华准能联络员 (unit)\n"
		"  leader    旗委领导 (viewer, 准格尔旗)\n"
		"  dalad     达拉特旗文明办管理员 (admin, 达拉特旗)\n",
		password);
	demo_print_summary(&st, &lc, &ac, &vc, &rec, &hc, out);
	rc = 0;
	goto out;
fail:
	db_rollback(db);
out:
	free(st.plans);
	free(st.restructured);
	free(st.unit_ids);
	return rc;
}
