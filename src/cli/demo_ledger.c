/* demo_ledger.c — the demo's creation ledger (cli layer): the partners of demo_names.c (社区,
 * 嘎查村) and the units' pairings with them. Nearly every unit holds an open 结对共建 with a 社区
 * and an open 包联共建 with a 嘎查村 of its own banner; 准格尔旗's 2021 adjustment plan shows as
 * pairings ended on 2021-03-31 (or at the end of 脱贫攻坚, 2020) followed by new ones; merged and
 * dissolved units' pairings end on the restructuring date; a few units and partners are left
 * without, so the coverage view has something to warn about. Plans in memory, then inserts
 * through the stores; a fixed-seed generator of its own keeps the registry's draws unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../store/partner_store.h"
#include "../util/xalloc.h"
#include "demo.h"

#define DL_SEED 20210331u
#define DL_JUNGAR "150622"
#define DL_PLAN_END "2021-03-31"
#define DL_POVERTY_END "2020-12-31"
#define DL_VETO_DATE "2021-12-20" /* the registry's 2021 review revokes the vetoed title that day */
#define DL_PLAN "《准格尔旗调整文明单位包联共建嘎查村、社区（小区）实施方案》（准文明委发〔2021〕2号）"
#define DL_NOTE 600
#define DL_HISTORY_RURAL 18 /* 准格尔旗 units whose 嘎查村 the 2021 plan changed */
#define DL_HISTORY_POVERTY 5 /* of those, pairings that had ended with 脱贫攻坚 in 2020 */
#define DL_HISTORY_CITY 10  /* units whose 社区 it changed (overlapping the above) */
#define DL_NONE ((size_t)-1)

enum { DL_CITY, DL_RURAL };

#define DL_NO_CITY 1u
#define DL_NO_RURAL 2u
#define DL_CITY_STOPPED 4u  /* its 社区 pairing stopped when its title was revoked by a veto */
#define DL_CITY_RELEASED 8u /* the 2021 plan took its 社区 away and none has been given since */
#define DL_TWO_VILLAGES 16u

/* Units written by hand: the article's units with what it says they did, and the gaps. */
struct dl_case {
	const char *unit;
	unsigned flags;
	const char *city_note;
	const char *rural_note;
};

static const struct dl_case dl_cases[] = {
	{"神华准格尔能源有限责任公司", DL_TWO_VILLAGES, "组织青年志愿者每月到社区开展精神文明创建活动，协助改造提升老旧小区",
	 "派驻第一书记，帮助发展肉羊养殖和小杂粮种植产业化项目"},
	{"国网内蒙古东部电力有限公司薛家湾供电公司", 0,
	 "公司658名志愿者常态化开展雷锋月、“我们的节日”志愿服务和社区用电安全检查", "派驻第一书记，实施农网改造和光伏帮扶项目"},
	{"内蒙古伊东资源集团股份有限公司", 0, NULL, "2021年为帮扶村对接帮扶资金100.01万元，支持村集体经济和基础设施建设"},
	{"内蒙古国华准格尔发电有限责任公司", 0, NULL, "巩固脱贫攻坚成果，累计消费农牧户猪、牛、羊肉18266公斤，合计148万元"},
	{"内蒙古高原杏仁露有限公司", 0, NULL, "订单收购农户山杏核，帮助销售农畜产品"},
	{"准格尔旗商务局", DL_NO_CITY, NULL, NULL},
	{"准格尔旗信访局", DL_NO_CITY | DL_NO_RURAL, NULL, NULL},
	{"准格尔旗公共资源交易中心", DL_NO_CITY, NULL, NULL},
	{"准格尔旗德瑞能源有限公司", DL_NO_CITY, NULL, NULL},
	{"准格尔旗智慧树幼儿园", DL_NO_CITY, NULL, NULL},
	{"准格尔旗鑫泰煤炭有限责任公司", DL_CITY_STOPPED, NULL, NULL},
	{"准格尔旗永盛煤业有限公司", DL_CITY_RELEASED, NULL, NULL},
	{"准格尔旗华泰汽车销售服务有限公司", DL_NO_RURAL, NULL, NULL},
	{"准格尔旗薛家湾镇白云社区居民委员会", DL_NO_RURAL, NULL, NULL},
	{"准格尔旗铭泰建材有限公司", DL_NO_RURAL, NULL, NULL},
	{"达拉特旗恒通物流有限公司", DL_NO_CITY, NULL, NULL},
	{"达拉特旗志愿者协会", DL_NO_RURAL, NULL, NULL},
	{"伊金霍洛旗札萨克镇人民政府", DL_NO_CITY, NULL, NULL},
	{"鄂尔多斯市东胜区青年志愿者协会", DL_NO_RURAL, NULL, NULL},
};

static const char *const dl_city_notes[] = {
	"协助维护公共设施、配合整治环境秩序，每月开展一次精神文明创建活动",
	"带头开展文明城市创建宣传教育，常态开展“讲文明树新风”公益宣传",
	"参与老旧小区改造提升，组织志愿者清理楼道杂物、规范车辆停放",
	"组织志愿者开展“我们的节日”主题活动和文明交通劝导",
	"开展文明餐桌、垃圾分类和诚信宣传教育",
	"",
	"",
};

static const char *const dl_rural_notes[] = {
	"派驻第一书记，帮助发展肉羊养殖产业化项目",
	"开展消费帮扶，帮助销售小米、羊肉等农畜产品",
	"协调帮扶资金修缮村级党群服务中心和文化活动室",
	"支持发展庭院经济和特色种植，组织农牧民技能培训",
	"组织党员志愿者开展政策宣讲、助农服务和移风易俗宣传",
	"",
	"",
};

struct dl_partner {
	const struct demo_partner_row *row;
	int64_t id;
	char name[128];
	int open_load;
};

struct dl_pairing {
	size_t unit, partner;
	int kind;
	int fixed; /* written by hand or part of a story: the balancing pass leaves it alone */
	char start[11], end[11];
	char note[DL_NOTE];
};

struct dl_state {
	const struct demo_unit_row *rows;
	size_t n_rows;
	struct dl_partner *partners;
	size_t n_partners;
	size_t *cand;
	struct dl_pairing *pairs;
	size_t n_pairs, cap_pairs;
	uint64_t rng;
};

static uint32_t dl_rand(struct dl_state *st)
{
	st->rng = st->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st->rng >> 33);
}

static int64_t dl_days(const char *date)
{
	return demo_epoch(date) / 86400;
}

static void dl_date(int64_t days, char out[11])
{
	ledger_date_of(days * 86400, out);
}

/* A day drawn between from and to (inclusive). */
static void dl_date_between(struct dl_state *st, int64_t from, int64_t to, char out[11])
{
	dl_date(to > from ? from + (int64_t)(dl_rand(st) % (uint32_t)(to - from + 1)) : from, out);
}

static const struct dl_case *dl_case_of(const char *unit)
{
	for (size_t i = 0; i < sizeof dl_cases / sizeof dl_cases[0]; i++) {
		if (strcmp(dl_cases[i].unit, unit) == 0) {
			return &dl_cases[i];
		}
	}
	return NULL;
}

/* The merger or dissolution that ended the unit, or NULL. */
static const struct demo_lineage *dl_unit_end(const char *unit)
{
	size_t n;
	const struct demo_lineage *l = demo_lineages_get(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(l[i].unit, unit) == 0 && (strcmp(l[i].kind, "merge") == 0 || strcmp(l[i].kind, "dissolve") == 0)) {
			return &l[i];
		}
	}
	return NULL;
}

static const char *dl_partner_kind(int kind)
{
	return kind == DL_CITY ? "community" : "village";
}

/* Partners of the unit's region and the pairing kind that may take a new unit: not set aside,
 * not the unit itself (a 社区 居委会 is also a unit), not avoid. with_flags picks the set-aside
 * ones instead. Fills st->cand; returns their number. */
static size_t dl_candidates(struct dl_state *st, size_t unit, int kind, size_t avoid, const char *town,
			    unsigned with_flags)
{
	const struct demo_unit_row *u = &st->rows[unit];
	size_t n = 0;
	for (size_t i = 0; i < st->n_partners; i++) {
		const struct dl_partner *p = &st->partners[i];
		if (i == avoid || strcmp(p->row->region, u->region) != 0 || strcmp(p->row->kind, dl_partner_kind(kind)) != 0 ||
		    (with_flags ? !(p->row->flags & with_flags) : p->row->flags != 0) || strstr(u->name, p->name) ||
		    (town && strcmp(p->row->town, town) != 0)) {
			continue;
		}
		st->cand[n++] = i;
	}
	return n;
}

/* The partner a unit is given: one of its own 苏木镇 when it sits outside the seat (most of the
 * time), for a 社区 half the time one of the seat; the less busy of two drawn. */
static size_t dl_pick(struct dl_state *st, size_t unit, int kind, size_t avoid)
{
	const struct demo_unit_row *u = &st->rows[unit];
	const struct demo_region *reg = demo_region_get(u->region);
	const char *seat = reg ? reg->seat : "";
	size_t n = 0;
	uint32_t r = dl_rand(st);
	if (u->town && strcmp(u->town, seat) != 0 && (r % 10 < 8 || (u->flags & DEMO_ROW_SEED))) {
		n = dl_candidates(st, unit, kind, avoid, u->town, 0);
	} else if (kind == DL_CITY && seat[0] && r % 2 == 0) {
		n = dl_candidates(st, unit, kind, avoid, seat, 0);
	}
	if (n == 0) {
		n = dl_candidates(st, unit, kind, avoid, NULL, 0);
	}
	if (n == 0) {
		return DL_NONE;
	}
	size_t a = st->cand[dl_rand(st) % n], b = st->cand[dl_rand(st) % n];
	return st->partners[b].open_load < st->partners[a].open_load ? b : a;
}

static struct dl_pairing *dl_add(struct dl_state *st, size_t unit, size_t partner, int kind, const char *start,
				 const char *end)
{
	if (st->n_pairs == st->cap_pairs) {
		st->cap_pairs = st->cap_pairs ? st->cap_pairs * 2 : 512;
		st->pairs = xrealloc(st->pairs, st->cap_pairs * sizeof *st->pairs);
	}
	struct dl_pairing *g = &st->pairs[st->n_pairs++];
	memset(g, 0, sizeof *g);
	g->unit = unit;
	g->partner = partner;
	g->kind = kind;
	snprintf(g->start, sizeof g->start, "%s", start);
	snprintf(g->end, sizeof g->end, "%s", end ? end : "");
	if (!g->end[0]) {
		st->partners[partner].open_load++;
	}
	return g;
}

static const char *dl_activity(struct dl_state *st, int kind)
{
	uint32_t r = dl_rand(st);
	return kind == DL_CITY ? dl_city_notes[r % (sizeof dl_city_notes / sizeof dl_city_notes[0])]
			       : dl_rural_notes[r % (sizeof dl_rural_notes / sizeof dl_rural_notes[0])];
}

/* The start of a unit's pairing: mostly 2019–2022, some earlier or later (the article's units:
 * by 2020); after the unit was set up and (if end is set) well before end. */
static void dl_start(struct dl_state *st, const struct demo_unit_row *u, const char *end, char out[11])
{
	uint32_t r = dl_rand(st) % 20;
	if (u->flags & DEMO_ROW_SEED) { /* the article's units were paired before it was written */
		dl_date_between(st, dl_days("2016-03-01"), dl_days("2020-12-31"), out);
	} else if (r < 3) {
		dl_date_between(st, dl_days("2017-03-01"), dl_days("2018-12-31"), out);
	} else if (r == 3) {
		dl_date_between(st, dl_days("2023-02-01"), dl_days("2024-10-31"), out);
	} else {
		dl_date_between(st, dl_days("2019-01-02"), dl_days("2022-12-30"), out);
	}
	if (u->founded && dl_days(out) < dl_days(u->founded) + 30) {
		int64_t from = dl_days(u->founded) + 30;
		dl_date_between(st, from, from + 150, out);
	}
	if (end && end[0] && dl_days(out) > dl_days(end) - 60) {
		dl_date_between(st, dl_days("2016-03-01"), dl_days(end) - 200, out);
	}
}

/* An old pairing the 2021 plan (or the end of 脱贫攻坚) ended, then the open one from April 2021. */
static void dl_plan_history(struct dl_state *st, size_t unit, int kind, size_t partner, int poverty)
{
	size_t old = DL_NONE, n_released = dl_candidates(st, unit, kind, partner, NULL, DEMO_PARTNER_RELEASED);
	for (size_t k = 0; k < n_released && old == DL_NONE; k++) {
		old = st->cand[k]; /* each released partner first, then any other */
		for (size_t i = 0; i < st->n_pairs && old != DL_NONE; i++) {
			if (st->pairs[i].partner == old) {
				old = DL_NONE;
			}
		}
	}
	if (old == DL_NONE) {
		size_t n = dl_candidates(st, unit, kind, partner, NULL, 0);
		old = n ? st->cand[dl_rand(st) % n] : DL_NONE;
	}
	char start[11];
	if (old != DL_NONE) {
		dl_date_between(st, dl_days("2016-03-01"), dl_days("2019-10-31"), start);
		const char *end = poverty ? DL_POVERTY_END : DL_PLAN_END;
		struct dl_pairing *g = dl_add(st, unit, old, kind, start, end);
		g->fixed = 1;
		if (poverty) {
			snprintf(g->note, sizeof g->note, "脱贫攻坚帮扶任务完成，包联关系于2020年底到期终止");
		} else {
			snprintf(g->note, sizeof g->note, "根据%s调整%s，原%s关系终止", DL_PLAN,
				 kind == DL_CITY ? "结对社区" : "包联嘎查村", kind == DL_CITY ? "结对" : "包联");
		}
	}
	dl_date_between(st, dl_days("2021-04-01"), dl_days("2021-04-30"), start);
	struct dl_pairing *g = dl_add(st, unit, partner, kind, start, NULL);
	g->fixed = 1;
	const char *act = dl_activity(st, kind);
	snprintf(g->note, sizeof g->note, "根据%s重新确定%s%s%s", DL_PLAN, kind == DL_CITY ? "结对社区" : "包联嘎查村",
		 act[0] ? "；" : "", act);
}

/* One pairing of a unit that did not go through the 2021 adjustment. */
static void dl_plan_plain(struct dl_state *st, size_t unit, int kind, const struct dl_case *c, size_t avoid,
			  const char *note)
{
	const struct demo_unit_row *u = &st->rows[unit];
	const struct demo_lineage *ended = dl_unit_end(u->name);
	const char *end = ended ? ended->date : NULL;
	if (kind == DL_CITY && c && (c->flags & DL_CITY_STOPPED)) {
		end = DL_VETO_DATE;
	}
	size_t partner = dl_pick(st, unit, kind, avoid);
	if (partner == DL_NONE) {
		return;
	}
	char start[11];
	dl_start(st, u, end, start);
	struct dl_pairing *g = dl_add(st, unit, partner, kind, start, end);
	g->fixed = c != NULL || end != NULL;
	if (ended) {
		snprintf(g->note, sizeof g->note, "%s，%s关系随之终止", ended->remark, kind == DL_CITY ? "结对" : "包联");
	} else if (end) {
		snprintf(g->note, sizeof g->note, "2021年12月发生重大安全生产事故，被撤销全旗文明单位荣誉称号，结对共建活动中止");
	} else {
		snprintf(g->note, sizeof g->note, "%s", note ? note : dl_activity(st, kind));
	}
}

/* 1 when row i may stand for the 2021 adjustment: an ordinary 准格尔旗 unit that existed then. */
static int dl_history_eligible(const struct dl_state *st, size_t i)
{
	const struct demo_unit_row *u = &st->rows[i];
	return strcmp(u->region, DL_JUNGAR) == 0 && !u->founded && !(u->flags & (DEMO_ROW_SEED | DEMO_ROW_VETO)) &&
	       !dl_case_of(u->name) && !dl_unit_end(u->name);
}

static void dl_plan(struct dl_state *st)
{
	/* Which units the 2021 plan touched: one shuffle, the first ones lose their 嘎查村, an
	 * overlapping run their 社区. */
	unsigned char *hist = xcalloc(st->n_rows + 1, 1);
	size_t *order = xcalloc(st->n_rows + 1, sizeof *order), n_order = 0;
	for (size_t i = 0; i < st->n_rows; i++) {
		if (dl_history_eligible(st, i)) {
			order[n_order++] = i;
		}
	}
	for (size_t k = 0; k + 1 < n_order; k++) {
		size_t j = k + dl_rand(st) % (n_order - k), tmp = order[k];
		order[k] = order[j];
		order[j] = tmp;
	}
	for (size_t k = 0; k < n_order; k++) {
		if (k < DL_HISTORY_RURAL) {
			hist[order[k]] |= k < DL_HISTORY_POVERTY ? 4 : 1;
		}
		if (k >= DL_HISTORY_RURAL - 8 && k < DL_HISTORY_RURAL - 8 + DL_HISTORY_CITY) {
			hist[order[k]] |= 2;
		}
	}
	for (size_t i = 0; i < st->n_rows; i++) {
		const struct dl_case *c = dl_case_of(st->rows[i].name);
		unsigned flags = c ? c->flags : 0;
		if (flags & DL_CITY_RELEASED) {
			size_t n = dl_candidates(st, i, DL_CITY, DL_NONE, NULL, DEMO_PARTNER_RELEASED);
			if (n > 0) {
				char start[11];
				dl_date_between(st, dl_days("2017-03-01"), dl_days("2019-06-30"), start);
				struct dl_pairing *g = dl_add(st, i, st->cand[0], DL_CITY, start, DL_PLAN_END);
				g->fixed = 1;
				snprintf(g->note, sizeof g->note, "根据%s调整结对社区，原结对关系终止，新的结对社区尚未确定", DL_PLAN);
			}
		} else if (!(flags & DL_NO_CITY)) {
			if (hist[i] & 2) {
				size_t p = dl_pick(st, i, DL_CITY, DL_NONE);
				if (p != DL_NONE) {
					dl_plan_history(st, i, DL_CITY, p, 0);
				}
			} else {
				dl_plan_plain(st, i, DL_CITY, c, DL_NONE, c ? c->city_note : NULL);
			}
		}
		if (flags & DL_NO_RURAL) {
			continue;
		}
		if (hist[i] & 5) {
			size_t p = dl_pick(st, i, DL_RURAL, DL_NONE);
			if (p != DL_NONE) {
				dl_plan_history(st, i, DL_RURAL, p, (hist[i] & 4) != 0);
			}
			continue;
		}
		dl_plan_plain(st, i, DL_RURAL, c, DL_NONE, c ? c->rural_note : NULL);
		if (flags & DL_TWO_VILLAGES) {
			dl_plan_plain(st, i, DL_RURAL, c, st->pairs[st->n_pairs - 1].partner, "开展消费帮扶，帮助销售小米、羊肉等农畜产品");
		}
	}
	free(order);
	free(hist);
}

/* 1 when the unit has any pairing with the partner (moving another onto it could overlap). */
static int dl_unit_has(const struct dl_state *st, size_t unit, size_t partner)
{
	for (size_t i = 0; i < st->n_pairs; i++) {
		if (st->pairs[i].unit == unit && st->pairs[i].partner == partner) {
			return 1;
		}
	}
	return 0;
}

/* Every partner not set aside gets at least one open pairing: it takes one from the busiest
 * partner of its region and kind. */
static void dl_balance(struct dl_state *st)
{
	for (size_t p = 0; p < st->n_partners; p++) {
		struct dl_partner *to = &st->partners[p];
		if (to->row->flags || to->open_load > 0) {
			continue;
		}
		size_t best = DL_NONE;
		for (size_t i = 0; i < st->n_pairs; i++) {
			const struct dl_pairing *g = &st->pairs[i];
			const struct dl_partner *from = &st->partners[g->partner];
			if (g->fixed || g->end[0] || strcmp(from->row->region, to->row->region) != 0 ||
			    strcmp(from->row->kind, to->row->kind) != 0 || from->open_load < 2 ||
			    strstr(st->rows[g->unit].name, to->name) || dl_unit_has(st, g->unit, p)) {
				continue;
			}
			if (best == DL_NONE || from->open_load > st->partners[st->pairs[best].partner].open_load) {
				best = i;
			}
		}
		if (best != DL_NONE) {
			st->partners[st->pairs[best].partner].open_load--;
			st->pairs[best].partner = p;
			to->open_load++;
		}
	}
}

static int dl_insert_partners(struct db *db, struct dl_state *st, int64_t now)
{
	struct partner *p = xmalloc(sizeof *p);
	int rc = 0;
	for (size_t i = 0; i < st->n_partners && rc == 0; i++) {
		struct dl_partner *dp = &st->partners[i];
		const struct demo_partner_row *row = dp->row;
		const struct demo_region *reg = demo_region_get(row->region);
		int community = strcmp(row->kind, "community") == 0;
		memset(p, 0, sizeof *p);
		snprintf(p->kind, sizeof p->kind, "%s", row->kind);
		snprintf(p->name, sizeof p->name, "%s", dp->name);
		snprintf(p->region_code, sizeof p->region_code, "%s", row->region);
		demo_partner_address(row, dl_rand(st), p->address, sizeof p->address);
		demo_person_name(dl_rand(st), p->contact_name, sizeof p->contact_name);
		uint32_t r1 = dl_rand(st), r2 = dl_rand(st);
		if (community && reg) {
			snprintf(p->contact_phone, sizeof p->contact_phone, "%s%05u", reg->phone_prefix, r2 % 100000u);
		} else {
			static const char *const mobile[] = {"139", "138", "135", "150", "151", "152", "158", "183",
							     "187", "133", "153", "189", "130", "131", "155", "186"};
			snprintf(p->contact_phone, sizeof p->contact_phone, "%s%08u",
				 mobile[r1 % (sizeof mobile / sizeof mobile[0])], r2 % 100000000u);
		}
		int in_town = reg && reg->seat[0] && strcmp(row->town, reg->seat) != 0;
		uint32_t r3 = dl_rand(st), r4 = dl_rand(st);
		if (community) {
			p->households = in_town ? 700 + r3 % 2300 : 1800 + r3 % 4600;
			p->population = p->households * (240 + r4 % 50) / 100;
		} else {
			p->households = 160 + r3 % 740;
			p->population = p->households * (210 + r4 % 50) / 100;
		}
		snprintf(p->remark, sizeof p->remark, "%s", row->remark ? row->remark : "");
		struct partner_fields pf = {p->kind,	     p->name,	    p->region_code, p->address, p->contact_name,
					    p->contact_phone, p->remark,	    p->households, p->population};
		struct err_detail d;
		err_clear(&d);
		if (ledger_partner_validate(&pf, &d) != ERR_OK || partner_store_insert(db, p, now, &d) != ERR_OK) {
			fprintf(stderr, "demo: partner %s: %s\n", p->name, d.message);
			rc = -1;
		}
		dp->id = p->id;
	}
	free(p);
	return rc;
}

static int dl_insert_pairings(struct db *db, struct dl_state *st, const int64_t *unit_ids, int64_t now)
{
	struct pairing *g = xmalloc(sizeof *g);
	int rc = 0;
	for (size_t i = 0; i < st->n_pairs && rc == 0; i++) {
		const struct dl_pairing *pl = &st->pairs[i];
		const char *kind = pl->kind == DL_CITY ? "city_creation" : "rural_revitalization";
		memset(g, 0, sizeof *g);
		g->unit_id = unit_ids[pl->unit];
		g->partner_id = st->partners[pl->partner].id;
		snprintf(g->kind, sizeof g->kind, "%s", kind);
		snprintf(g->start_date, sizeof g->start_date, "%s", pl->start);
		snprintf(g->end_date, sizeof g->end_date, "%s", pl->end);
		snprintf(g->note, sizeof g->note, "%s", pl->note);
		struct err_detail d;
		err_clear(&d);
		if (ledger_pairing_validate(kind, st->partners[pl->partner].row->kind, g->start_date, g->end_date, g->note,
					    &d) != ERR_OK ||
		    pairing_store_insert(db, g, now, &d) != ERR_OK) {
			fprintf(stderr, "demo: pairing of %s with %s: %s\n", st->rows[pl->unit].name, st->partners[pl->partner].name,
				d.message);
			rc = -1;
		}
	}
	free(g);
	return rc;
}

static void dl_count(const struct dl_state *st, struct demo_ledger_counts *c)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < st->n_partners; i++) {
		const struct dl_partner *p = &st->partners[i];
		if (strcmp(p->row->kind, "community") == 0) {
			c->communities++;
		} else {
			c->villages++;
		}
		c->jungar_partners_without += strcmp(p->row->region, DL_JUNGAR) == 0 && p->open_load == 0;
	}
	for (size_t i = 0; i < st->n_pairs; i++) {
		if (st->pairs[i].end[0]) {
			c->pairings_ended++;
		} else {
			c->pairings_open++;
		}
	}
	for (size_t u = 0; u < st->n_rows; u++) {
		if (strcmp(st->rows[u].region, DL_JUNGAR) != 0 || dl_unit_end(st->rows[u].name)) {
			continue;
		}
		int has[2] = {0, 0};
		for (size_t i = 0; i < st->n_pairs; i++) {
			if (st->pairs[i].unit == u && !st->pairs[i].end[0]) {
				has[st->pairs[i].kind] = 1;
			}
		}
		c->jungar_without_community += !has[DL_CITY];
		c->jungar_without_village += !has[DL_RURAL];
	}
}

int demo_ledger_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_ledger_counts *counts)
{
	struct dl_state st;
	memset(&st, 0, sizeof st);
	st.rng = DL_SEED;
	st.rows = demo_unit_rows(&st.n_rows);
	const struct demo_partner_row *prows = demo_partner_rows(&st.n_partners);
	st.partners = xcalloc(st.n_partners + 1, sizeof *st.partners);
	st.cand = xcalloc(st.n_partners + 1, sizeof *st.cand);
	for (size_t i = 0; i < st.n_partners; i++) {
		st.partners[i].row = &prows[i];
		snprintf(st.partners[i].name, sizeof st.partners[i].name, "%s%s", prows[i].town, prows[i].short_name);
	}
	int rc = dl_insert_partners(db, &st, now);
	if (rc == 0) {
		dl_plan(&st);
		dl_balance(&st);
		rc = dl_insert_pairings(db, &st, unit_ids, now);
	}
	if (rc == 0) {
		dl_count(&st, counts);
	}
	free(st.pairs);
	free(st.cand);
	free(st.partners);
	return rc;
}
