/* demo_volunteers.c — the units' volunteer rosters (志愿者名册) of the demo (cli layer).
 * 薛家湾供电公司 has the article's 658 active volunteers; the other titled units 20–35 % of their
 * staff (indicator 4.1: 注册志愿者 ≥20 % 职工), capped at 300, except a few (DV_UNDER in all,
 * counting those the cap pushes below) kept at 15–19 % so the ratio check has something to
 * show; the seed units are not capped; untitled units 5–10 % (cap 50). About one in ten has
 * left (退出 with a date). Merged and dissolved units' volunteers all left on that day. Names
 * are common surnames × given names (unique within a unit) and Mongolian names; mobiles
 * 13x/15x/18x; most hold a 全国志愿服务信息系统 ID (NM + year joined + 6 digits). Inserted
 * through volunteer_store in the caller's transaction; a fixed-seed generator draws it all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../store/volunteer_store.h"
#include "../util/xalloc.h"
#include "demo.h"

#define DV_SEED 20160305u /* 学雷锋纪念日 */
#define DV_XJW "国网内蒙古东部电力有限公司薛家湾供电公司"
#define DV_XJW_ACTIVE 658
#define DV_FIRST "2016-01-01"
#define DV_END "2026-11-27" /* the demo's today */
#define DV_CAP_TITLED 300
#define DV_CAP_UNTITLED 50
#define DV_UNDER 6          /* titled units below 20 %, those under the cap included */
#define DV_UNDER_MIN_STAFF 40

static const char *const dv_surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
	"何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
	"袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛",
	"郝", "白", "任", "乔", "霍", "武", "闫", "温", "康", "奇", "云", "杜", "田", "段", "尚", "邬",
};
#define DV_N_SURNAMES (sizeof dv_surnames / sizeof dv_surnames[0])

/* Given names, male ones first. */
static const char *const dv_given[] = {
	"建国", "志强", "海军", "俊杰", "文斌", "海涛", "彦军", "永胜", "晓东", "鹏飞", "宇", "磊",
	"鑫", "瑞", "伟", "强", "军", "勇", "杰", "涛", "超", "明", "刚", "平", "辉", "浩然", "子轩",
	"宇航", "博文", "振华", "国庆", "建军", "利军", "卫东", "志刚", "云飞", "旭东", "天宇", "晨阳", "嘉豪",
	"丽娜", "晓燕", "慧敏", "静", "雪梅", "婷", "红英", "春花", "利平", "亚楠", "佳琪", "芳", "娜",
	"敏", "丽", "艳", "霞", "燕", "玲", "秀英", "桂兰", "凤霞", "淑珍", "海燕", "欣怡", "梓涵", "雨萱",
	"思雨", "晓丽", "美玲", "玉梅", "彩霞", "丹丹", "媛媛", "倩", "璐", "颖",
};
#define DV_N_GIVEN (sizeof dv_given / sizeof dv_given[0])
#define DV_N_GIVEN_MALE 40

static const struct {
	const char *name;
	char gender; /* 'm', 'f' */
} dv_mongolian[] = {
	{"巴图", 'm'},	   {"其其格", 'f'},	 {"乌云", 'f'},	   {"斯琴", 'f'},     {"额尔敦", 'm'},
	{"苏日娜", 'f'},   {"那仁", 'm'},	 {"娜仁花", 'f'},   {"图雅", 'f'},     {"孟和", 'm'},
	{"朝鲁", 'm'},	   {"阿拉坦", 'm'},	 {"萨仁高娃", 'f'}, {"乌云其其格", 'f'}, {"巴特尔", 'm'},
	{"宝音", 'm'},	   {"格日勒", 'f'},	 {"敖其尔", 'm'},   {"苏和", 'm'},     {"乌兰", 'f'},
	{"其木格", 'f'},   {"塔娜", 'f'},	 {"阿如汗", 'f'},   {"达来", 'm'},     {"毕力格", 'm'},
	{"呼和", 'm'},	   {"布仁巴雅尔", 'm'}, {"斯琴图雅", 'f'}, {"乌日娜", 'f'},   {"那顺", 'm'},
	{"吉日嘎拉", 'm'}, {"额尔德木图", 'm'}, {"巴雅尔", 'm'},   {"乌仁图雅", 'f'},   {"白音仓", 'm'},
	{"萨日娜", 'f'},   {"高娃", 'f'},	 {"满都拉", 'm'},   {"额日和木", 'm'}, {"哈斯其其格", 'f'},
};
#define DV_N_MONGOLIAN (sizeof dv_mongolian / sizeof dv_mongolian[0])

static const char *const dv_remarks[] = {
	"党员志愿者", "青年志愿者", "志愿服务队骨干", "志愿服务队队长", "退休职工志愿者", "应急救援志愿者",
	"获评优秀志愿者", "电力志愿服务队成员",
};
static const char *const dv_left_remarks[] = {"工作调动", "退休", "个人原因退出", "调离本单位", "", ""};

struct dv_state {
	uint64_t rng;
	int64_t first, end;
};

static uint32_t dv_rand(struct dv_state *st)
{
	st->rng = st->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st->rng >> 33);
}

static int64_t dv_between(struct dv_state *st, int64_t lo, int64_t hi)
{
	return hi > lo ? lo + (int64_t)(dv_rand(st) % (uint32_t)(hi - lo + 1)) : lo;
}

static int64_t dv_days(const char *date)
{
	return demo_epoch(date) / 86400;
}

/* The day a merged or dissolved unit ended, or 0. */
static int64_t dv_unit_end(const char *name)
{
	size_t n;
	const struct demo_lineage *l = demo_lineages_get(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(l[i].unit, name) == 0 && (strcmp(l[i].kind, "merge") == 0 || strcmp(l[i].kind, "dissolve") == 0)) {
			return dv_days(l[i].date);
		}
	}
	return 0;
}

static int dv_titled(const struct demo_unit_row *row)
{
	return row->plan && row->plan[0];
}

/* The k-th volunteer of a unit: Han names walk the surname × given permutation from the unit's
 * offset so none repeats within a unit; Mongolian names walk their list. */
static void dv_person(struct dv_state *st, uint32_t offset, int k, int *k_mongol, struct volunteer *v)
{
	uint32_t r = dv_rand(st);
	char g;
	if (r % 100 < 8) {
		/* past one round of the list, with a surname some Mongolian families use */
		static const char *const clan[] = {"", "包", "奇", "白", "云", "鲍", "韩", "乌", "宝", "那", "杭"};
		int round = *k_mongol / (int)DV_N_MONGOLIAN;
		size_t i = (offset + (uint32_t)(*k_mongol)++ * 7u) % DV_N_MONGOLIAN;
		snprintf(v->name, sizeof v->name, "%s%s", clan[round % (int)(sizeof clan / sizeof clan[0])],
			 dv_mongolian[i].name);
		g = dv_mongolian[i].gender;
	} else {
		uint32_t space = (uint32_t)(DV_N_SURNAMES * DV_N_GIVEN);
		uint32_t p = (offset + (uint32_t)k * 7919u) % space;
		size_t gi = p / DV_N_SURNAMES;
		snprintf(v->name, sizeof v->name, "%s%s", dv_surnames[p % DV_N_SURNAMES], dv_given[gi]);
		g = gi < DV_N_GIVEN_MALE ? 'm' : 'f';
	}
	snprintf(v->gender, sizeof v->gender, "%s", r / 100 % 100 < 3 ? "" : g == 'm' ? "male" : "female");
	static const char *const prefixes[] = {"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
					       "150", "151", "152", "153", "155", "156", "157", "158", "159", "180",
					       "181", "182", "183", "184", "185", "186", "187", "188", "189"};
	uint32_t r2 = dv_rand(st);
	snprintf(v->phone, sizeof v->phone, "%s%08u", prefixes[r2 % (sizeof prefixes / sizeof prefixes[0])],
		 dv_rand(st) % 100000000u);
	if (r2 / 64 % 100 < 5) {
		snprintf(v->remark, sizeof v->remark, "%s", dv_remarks[dv_rand(st) % (sizeof dv_remarks / sizeof dv_remarks[0])]);
	}
}

/* Fills the dates, status and platform ID; joined in [lo, hi]; left (by end at the latest) when
 * left is set. */
static void dv_dates(struct dv_state *st, struct volunteer *v, int64_t lo, int64_t hi, int left, int64_t end,
		     int ended_unit)
{
	int64_t joined = dv_between(st, lo, hi);
	ledger_date_of(joined * 86400, v->joined_date);
	snprintf(v->status, sizeof v->status, "%s", left ? "left" : "active");
	if (left) {
		int64_t gone = ended_unit ? end : dv_between(st, joined + 30 < end ? joined + 30 : end, end);
		ledger_date_of(gone * 86400, v->left_date);
		if (!v->remark[0]) {
			const char *why = ended_unit ? "单位撤并"
						     : dv_left_remarks[dv_rand(st) % (sizeof dv_left_remarks / sizeof dv_left_remarks[0])];
			snprintf(v->remark, sizeof v->remark, "%s", why);
		}
	}
	if (dv_rand(st) % 100 < 85) {
		snprintf(v->platform_id, sizeof v->platform_id, "NM%.4s%06u", v->joined_date, dv_rand(st) % 1000000u);
	}
}

static int dv_insert(struct db *db, struct volunteer *v, int64_t now)
{
	struct volunteer_fields f = {v->name,	     v->gender, v->phone,	 v->platform_id,
				     v->joined_date, v->status, v->left_date, v->remark};
	struct err_detail d;
	err_clear(&d);
	if (ledger_volunteer_validate(&f, &d) != ERR_OK || volunteer_store_insert(db, v, now, &d) != ERR_OK) {
		fprintf(stderr, "demo: volunteer %s: %s\n", v->name, d.message);
		return -1;
	}
	return 0;
}

/* How many active volunteers row i gets; under is set when it is one of the units below 20 %. */
static int dv_active_count(struct dv_state *st, const struct demo_unit_row *row, int under)
{
	int staff = row->staff;
	if (strcmp(row->name, DV_XJW) == 0) {
		return DV_XJW_ACTIVE;
	}
	if (!dv_titled(row)) {
		int n = (staff * (5 + (int)(dv_rand(st) % 6)) + 99) / 100;
		return n < 1 ? 1 : n > DV_CAP_UNTITLED ? DV_CAP_UNTITLED : n;
	}
	if (under) {
		int n = staff * (15 + (int)(dv_rand(st) % 5)) / 100;
		while (n > 0 && n * 5 >= staff) {
			n--;
		}
		return n > DV_CAP_TITLED ? DV_CAP_TITLED : n;
	}
	int seed = (row->flags & DEMO_ROW_SEED) != 0;
	int n = (staff * (seed ? 21 + (int)(dv_rand(st) % 4) : 21 + (int)(dv_rand(st) % 15)) + 99) / 100;
	return !seed && n > DV_CAP_TITLED ? DV_CAP_TITLED : n;
}

int demo_volunteers_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_volunteer_counts *counts)
{
	struct dv_state st = {.rng = DV_SEED, .first = dv_days(DV_FIRST), .end = dv_days(DV_END)};
	size_t n_rows;
	const struct demo_unit_row *rows = demo_unit_rows(&n_rows);
	memset(counts, 0, sizeof *counts);
	/* The units kept below 20 %: those the cap pushes there, then enough of the mid-sized titled
	 * units (selection sampling) to make DV_UNDER. */
	unsigned char *under = xcalloc(n_rows + 1, 1);
	int n_capped = 0, n_eligible = 0;
	for (size_t i = 0; i < n_rows; i++) {
		const struct demo_unit_row *row = &rows[i];
		if (!dv_titled(row) || (row->flags & DEMO_ROW_SEED) || dv_unit_end(row->name)) {
			continue;
		}
		if (row->staff * 20 > DV_CAP_TITLED * 100) {
			n_capped++;
		} else if (row->staff >= DV_UNDER_MIN_STAFF) {
			n_eligible++;
		}
	}
	int need = DV_UNDER > n_capped ? DV_UNDER - n_capped : 0;
	for (size_t i = 0; i < n_rows && need > 0; i++) {
		const struct demo_unit_row *row = &rows[i];
		if (!dv_titled(row) || (row->flags & DEMO_ROW_SEED) || dv_unit_end(row->name) ||
		    row->staff * 20 > DV_CAP_TITLED * 100 || row->staff < DV_UNDER_MIN_STAFF) {
			continue;
		}
		if ((int)(dv_rand(&st) % (uint32_t)n_eligible) < need) {
			under[i] = 1;
			need--;
		}
		n_eligible--;
	}
	struct volunteer *v = xmalloc(sizeof *v);
	int rc = 0;
	for (size_t i = 0; i < n_rows && rc == 0; i++) {
		const struct demo_unit_row *row = &rows[i];
		int64_t ended = dv_unit_end(row->name);
		int64_t lo = st.first, end = ended ? ended : st.end;
		if (row->founded && dv_days(row->founded) + 15 > lo) {
			lo = dv_days(row->founded) + 15;
		}
		int active = dv_active_count(&st, row, under[i]);
		int n_left = (active * (8 + (int)(dv_rand(&st) % 5)) + 50) / 100;
		int total = active + n_left;
		uint32_t offset = dv_rand(&st);
		int k_mongol = 0;
		for (int k = 0; k < total && rc == 0; k++) {
			memset(v, 0, sizeof *v);
			v->unit_id = unit_ids[i];
			dv_person(&st, offset, k, &k_mongol, v);
			int left = ended || k >= active;
			/* those who left joined early enough to have stayed a while */
			dv_dates(&st, v, lo, left && !ended && end - 60 > lo ? end - 60 : end, left, end, ended != 0);
			rc = dv_insert(db, v, now);
			counts->total++;
			counts->left += left;
		}
		if (ended) {
			continue;
		}
		counts->units += total > 0;
		if (strcmp(row->name, DV_XJW) == 0) {
			counts->xjw_active = active;
		}
		counts->titled_under += dv_titled(row) && active * 5 < row->staff;
	}
	free(v);
	free(under);
	return rc;
}
