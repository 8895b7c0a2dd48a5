/* demo_activities.c — the demo's activities (精神文明创建活动, cli layer), 2021 up to 2026-11-27:
 * titled units hold one a month (indicator 4.2) with 学雷锋 in March, "我们的节日" on the real
 * lunar dates of each year, 道德讲堂/学习讲堂 four times a year and 包联嘎查村 visits; large
 * units hold more, untitled ones a few; some units miss months in 2025/2026 so the statistics
 * show gaps; 薛家湾供电公司 holds the article's 56 volunteer activities in 2022, crowded into 雷锋月
 * and 中秋. Activities at a partner name the pairing open that day (read back from the store).
 * Planned per unit in memory, then inserted through activity_store in the caller's transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../store/activity_store.h"
#include "../store/partner_store.h"
#include "../util/xalloc.h"
#include "demo.h"
#include "demo_activity_words.h"

#define DA_SEED 20220910u /* 2022 中秋 */
#define DA_END "2026-11-27" /* the demo's today: nothing is planned after it */
#define DA_XJW "国网内蒙古东部电力有限公司薛家湾供电公司"
#define DA_XJW_YEAR 2022
#define DA_VETO_DATE "2021-12-20" /* the vetoed unit loses its title that day */
#define DA_GAP_UNITS 8
#define DA_TEXT 320
#define DA_DESC 480

enum { DA_SPARSE, DA_MONTHLY, DA_BIG };

/* A pairing as stored, by unit row. */
struct da_span {
	size_t row;
	int rural;
	int64_t partner_id, start, end;
	char name[128], short_name[64];
};

struct da_plan {
	int64_t day;
	int seq, type, fest, joined, participants;
	int64_t partner_id;
	char title[DA_TEXT], place[DA_TEXT], desc[DA_DESC];
};

struct da_unit {
	const struct demo_unit_row *row;
	const struct demo_region *reg;
	int64_t lo, hi, veto; /* days it may hold activities; veto: 0 or the day its title went */
	int profile, xjw;
	unsigned gaps[DA_LAST_YEAR - DA_FIRST_YEAR + 1]; /* bit m: month m missed */
	const struct da_span *spans;
	size_t n_spans;
};

struct da_state {
	struct db *db;
	const int64_t *unit_ids;
	const struct demo_unit_row *rows;
	size_t n_rows;
	struct da_span *spans;
	size_t n_spans, cap_spans;
	struct da_plan *plans;
	size_t n_plans, cap_plans;
	uint64_t rng;
	size_t tpl_cand[DA_MAX_TPLS];
	struct demo_activity_counts *counts;
};

static uint32_t da_rand(struct da_state *st)
{
	st->rng = st->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st->rng >> 33);
}

static int da_chance(struct da_state *st, unsigned percent)
{
	return da_rand(st) % 100u < percent;
}

static int64_t da_day(int y, int m, int d)
{
	char s[16];
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	return demo_epoch(s) / 86400;
}

static int64_t da_days(const char *date)
{
	return demo_epoch(date) / 86400;
}

static int64_t da_between(struct da_state *st, int64_t lo, int64_t hi)
{
	return hi > lo ? lo + (int64_t)(da_rand(st) % (uint32_t)(hi - lo + 1)) : lo;
}

static int64_t da_fest_day(int year, int fest)
{
	const char *md = da_fest_dates[year - DA_FIRST_YEAR][fest];
	return da_day(year, atoi(md), atoi(md + 3));
}

/* Replaces the first {} of tpl with value. */
static void da_subst(char *out, size_t n, const char *tpl, const char *value)
{
	const char *at = strstr(tpl, "{}");
	if (!at) {
		snprintf(out, n, "%s", tpl);
		return;
	}
	snprintf(out, n, "%.*s%s%s", (int)(at - tpl), tpl, value, at + 2);
}

static const struct da_span *da_partner_on(struct da_state *st, const struct da_unit *cu, int rural, int64_t day)
{
	const struct da_span *found[4];
	size_t n = 0;
	for (size_t i = 0; i < cu->n_spans && n < 4; i++) {
		const struct da_span *s = &cu->spans[i];
		if (s->rural == rural && s->start <= day && day <= s->end) {
			found[n++] = s;
		}
	}
	return n == 0 ? NULL : n == 1 ? found[0] : found[da_rand(st) % n];
}

/* Picks a title for type in [*lo, *hi] (a month or less) and narrows the range to the title's
 * days; titles at a partner only when avail holds its kind ('C', 'V'). NULL when none fits. */
static const struct da_tpl *da_pick_tpl(struct da_state *st, int type, int fest, const char *avail, int64_t *lo,
					int64_t *hi)
{
	char date[11];
	ledger_date_of(*lo * 86400, date);
	int y = atoi(date), m = atoi(date + 5), ym = y * 100 + m;
	size_t n = 0, n_special = 0;
	for (size_t i = 0; i < da_n_tpls; i++) {
		const struct da_tpl *t = &da_tpls[i];
		if (t->type != type || t->fest != fest || (t->at && !strchr(avail, t->at)) || (t->mlo && (m < t->mlo || m > t->mhi)) ||
		    (t->ym1 && (ym < t->ym1 || ym > t->ym2)) ||
		    (t->dlo && (da_day(y, m, t->dhi) < *lo || da_day(y, m, t->dlo) > *hi))) {
			continue;
		}
		int special = t->mlo || t->ym1 || t->dlo;
		if (special) { /* dated titles first, so that they show when their day comes */
			memmove(&st->tpl_cand[1], &st->tpl_cand[0], n * sizeof st->tpl_cand[0]);
			st->tpl_cand[0] = i;
			n_special++;
		} else {
			st->tpl_cand[n] = i;
		}
		n++;
	}
	if (n == 0) {
		return NULL;
	}
	uint32_t r = da_rand(st);
	const struct da_tpl *t = &da_tpls[st->tpl_cand[n_special && r % 100 < 55 ? r / 100 % n_special : r / 100 % n]];
	if (t->dlo) {
		int64_t a = da_day(y, m, t->dlo), b = da_day(y, m, t->dhi);
		*lo = a > *lo ? a : *lo;
		*hi = b < *hi ? b : *hi;
	}
	return t;
}

/* Where: the partner (a 社区's service centre or square, a 嘎查村's committee), else the unit's
 * own rooms or a public place of its region fitting the type. */
static void da_place(struct da_state *st, const struct da_unit *cu, struct da_plan *p, const struct da_span *partner)
{
	static const char *const own[] = {"单位会议室", "单位多功能厅", "单位职工活动中心", "单位院内"};
	static const char *const community_at[] = {"", "党群服务中心", "新时代文明实践站", "文化广场"};
	uint32_t r = da_rand(st) % 4;
	const char *place = own[r];
	if (partner) {
		const char *name_end = partner->name + strlen(partner->name);
		const char *committee = strcmp(name_end - strlen("嘎查"), "嘎查") == 0 ? "委员会" : "村民委员会";
		snprintf(p->place, sizeof p->place, "%s%s", partner->name,
			 partner->rural ? (r % 2 ? committee : "") : community_at[r]);
		return;
	}
	if (p->type == T_MORAL) {
		place = "单位道德讲堂";
	} else if (p->type == T_STUDY) {
		place = r == 0 ? "单位职工书屋" : "单位会议室";
	} else if (p->type == T_RURAL) {
		place = cu->row->town ? cu->row->town : "帮扶嘎查村";
	} else if (!cu->reg) {
		place = own[r];
	} else if (p->type == T_TRAVEL) {
		place = cu->reg->scenic_area;
	} else if (p->type == T_FESTIVAL && p->fest == F_QINGMING && r < 2) {
		place = cu->reg->martyrs_cemetery;
	} else if (p->type == T_CULTURE || p->type == T_FESTIVAL || p->type == T_LEI_FENG || p->type == T_VOLUNTEER ||
		   p->type == T_AD || p->type == T_ONLINE || p->type == T_DINING || p->type == T_INTEGRITY) {
		place = r == 0 ? cu->reg->square : r == 1 ? cu->reg->practice_center : own[r];
	}
	snprintf(p->place, sizeof p->place, "%s", place);
}

/* What happened and with whom: a sentence the title calls for (else one of the type's), who
 * hosted, how many took part. */
static void da_describe(struct da_state *st, const struct da_unit *cu, struct da_plan *p, const struct da_span *partner)
{
	const char *const *details = da_details[p->type == T_FESTIVAL ? T_N + p->fest : p->type];
	size_t n_details = 0;
	while (n_details < 4 && details[n_details]) {
		n_details++;
	}
	const char *detail = NULL;
	int lecture = p->type == T_MORAL || p->type == T_STUDY;
	for (size_t i = 0; i < da_n_title_details && !detail && !lecture; i++) {
		if (strstr(p->title, da_title_details[i][0])) {
			detail = da_title_details[i][1];
		}
	}
	if (!detail && cu->xjw && (p->type == T_VOLUNTEER || p->type == T_LEI_FENG) && da_chance(st, 60)) {
		detail = da_xjw_details[da_rand(st) % da_n_xjw_details];
	}
	if (!detail) {
		detail = n_details ? details[da_rand(st) % n_details] : "";
	}
	char where[DA_TEXT];
	if (partner) {
		snprintf(where, sizeof where, "%s%s%s", p->joined ? "参加" : partner->rural ? "到包联的" : "与结对共建的",
			 partner->name, p->joined ? "组织的活动" : partner->rural ? "开展" : "联合开展");
	} else {
		snprintf(where, sizeof where, "%s", p->joined ? "单位派员参加" : "单位主办");
	}
	snprintf(p->desc, sizeof p->desc, "%s。%s，参与%d人。", detail, where, p->participants);
}

static struct da_plan *da_new_plan(struct da_state *st)
{
	if (st->n_plans == st->cap_plans) {
		st->cap_plans = st->cap_plans ? st->cap_plans * 2 : 256;
		st->plans = xrealloc(st->plans, st->cap_plans * sizeof *st->plans);
	}
	struct da_plan *p = &st->plans[st->n_plans];
	memset(p, 0, sizeof *p);
	p->seq = (int)st->n_plans++;
	return p;
}

static int da_participants(struct da_state *st, const struct da_unit *cu, int type)
{
	static const int range[T_N][2] = {{10, 60}, {15, 80}, {20, 150}, {30, 120}, {30, 150}, {10, 50}, {10, 40}, {10, 40},
					  {10, 60}, {20, 80}, {10, 60}, {10, 30}, {10, 60}, {10, 40}, {40, 200}, {20, 100}};
	int n = range[type][0] + (int)(da_rand(st) % (uint32_t)(range[type][1] - range[type][0] + 1));
	int cap = cu->row->staff * 3 + 20; /* a small unit's activity is mostly the residents' */
	if (n > cap) {
		n = cap > range[type][0] ? cap : range[type][0];
	}
	return n < 10 ? 10 : n > 200 ? 200 : n;
}

/* Chooses the title, the day in [lo, hi] and the partner (NULL: none) of an activity; a title at
 * a partner only when one is open that day. NULL when nothing fits. */
static const struct da_tpl *da_choose(struct da_state *st, const struct da_unit *cu, int type, int fest, int64_t lo,
				      int64_t hi, int anchor, int64_t *day, const struct da_span **partner)
{
	char avail[3] = "";
	if (da_partner_on(st, cu, 0, lo) || da_partner_on(st, cu, 0, hi)) {
		strcat(avail, "C");
	}
	if (da_partner_on(st, cu, 1, lo) || da_partner_on(st, cu, 1, hi)) {
		strcat(avail, "V");
	}
	for (int attempt = 0; attempt < 4; attempt++) { /* the last ones take titles anywhere */
		int64_t a = lo, b = hi;
		const struct da_tpl *t = da_pick_tpl(st, type, fest, attempt < 2 ? avail : "", &a, &b);
		if (!t) {
			return NULL;
		}
		*day = da_between(st, a, b);
		*partner = NULL;
		if (t->at == 'V' || type == T_RURAL) {
			*partner = da_partner_on(st, cu, 1, *day);
		} else if (t->at == 'C' || da_chance(st, da_at_community[type][!anchor])) {
			*partner = da_partner_on(st, cu, 0, *day);
		}
		if (!t->at || *partner) {
			return t;
		}
	}
	return NULL;
}

/* Plans one activity of type (fest for our_festivals) within [lo, hi] (one month or less);
 * anchor: the month's main activity, more often at the paired 社区. 0 when nothing fits. */
static int da_add(struct da_state *st, const struct da_unit *cu, int type, int fest, int64_t lo, int64_t hi,
		  int anchor)
{
	lo = lo > cu->lo ? lo : cu->lo;
	hi = hi < cu->hi ? hi : cu->hi;
	int64_t day = 0;
	const struct da_span *partner = NULL;
	const struct da_tpl *t = lo <= hi ? da_choose(st, cu, type, fest, lo, hi, anchor, &day, &partner) : NULL;
	if (!t) {
		return 0;
	}
	struct da_plan *p = da_new_plan(st);
	p->day = day;
	p->type = type;
	p->fest = fest;
	p->partner_id = partner ? partner->partner_id : 0;
	p->joined = da_chance(st, type == T_MORAL || type == T_STUDY ? 8 : cu->xjw ? 10 : 22);
	p->participants = da_participants(st, cu, type);
	da_subst(p->title, sizeof p->title, t->text, partner ? partner->short_name : "");
	for (size_t i = 0; type == T_VOLUNTEER && !t->at && i < da_n_unit_tpls; i++) {
		if ((!da_unit_tpls[i].category || strcmp(da_unit_tpls[i].category, cu->row->category) == 0) &&
		    (!da_unit_tpls[i].word || strstr(cu->row->name, da_unit_tpls[i].word)) && da_chance(st, 45)) {
			snprintf(p->title, sizeof p->title, "%s", da_unit_tpls[i].title);
			break;
		}
	}
	da_place(st, cu, p, partner);
	da_describe(st, cu, p, partner);
	return 1;
}

/* The month's festivals whose activity window meets [lo, hi]; out gets them in table order. */
static int da_month_festivals(int year, int64_t lo, int64_t hi, int out[F_N], int64_t win[F_N][2])
{
	int n = 0;
	for (int f = 0; f < F_N; f++) {
		int64_t d = da_fest_day(year, f), a = d + da_fest_window[f][0], b = d + da_fest_window[f][1];
		a = a > lo ? a : lo;
		b = b < hi ? b : hi;
		if (a <= b) {
			win[n][0] = a;
			win[n][1] = b;
			out[n++] = f;
		}
	}
	return n;
}

/* A type for an ordinary month, weighted; rural only when a 嘎查村 pairing is open. */
static int da_general_type(struct da_state *st, int month, int has_village)
{
	static const int weights[T_N] = {32, 0, 0, 2, 2, 6, 4, 8, 6, 6, 6, 7, 14, 4, 6, 3};
	int total = 0, w[T_N];
	for (int t = 0; t < T_N; t++) {
		w[t] = weights[t];
		if ((t == T_TRAVEL && (month < 5 || month > 10)) || (t == T_RURAL && !has_village)) {
			w[t] = 0;
		}
		total += w[t];
	}
	int r = (int)(da_rand(st) % (uint32_t)total);
	for (int t = 0; t < T_N; t++) {
		if (r < w[t]) {
			return t;
		}
		r -= w[t];
	}
	return T_VOLUNTEER;
}

/* 薛家湾供电公司 in 2022: the article's 56 volunteer activities (志愿服务, 学雷锋, 我们的节日),
 * most in 雷锋月 and in the days before 中秋, and its other activities of the year; in the other
 * years 60–85 % as many, on that year's festival dates. */
static const struct {
	int month, type, fest, n;
} da_xjw_2022[] = {
	{1, T_FESTIVAL, F_SPRING, 2},	    {1, T_VOLUNTEER, F_NONE, 1},     {2, T_FESTIVAL, F_SPRING, 1},
	{2, T_FESTIVAL, F_LANTERN, 2},	    {2, T_VOLUNTEER, F_NONE, 1},     {3, T_LEI_FENG, F_NONE, 14},
	{3, T_VOLUNTEER, F_NONE, 4},	    {4, T_FESTIVAL, F_QINGMING, 1},  {4, T_VOLUNTEER, F_NONE, 1},
	{5, T_VOLUNTEER, F_NONE, 3},	    {6, T_FESTIVAL, F_DRAGON, 1},    {6, T_VOLUNTEER, F_NONE, 1},
	{7, T_VOLUNTEER, F_NONE, 1},	    {8, T_FESTIVAL, F_QIXI, 1},	     {8, T_VOLUNTEER, F_NONE, 1},
	{9, T_FESTIVAL, F_MID_AUTUMN, 7},   {9, T_VOLUNTEER, F_NONE, 5},     {10, T_FESTIVAL, F_DOUBLE_NINTH, 3},
	{10, T_VOLUNTEER, F_NONE, 1},	    {11, T_VOLUNTEER, F_NONE, 2},    {12, T_VOLUNTEER, F_NONE, 3},
	{3, T_INTEGRITY, F_NONE, 1},	    {4, T_MORAL, F_NONE, 1},	     {5, T_RURAL, F_NONE, 1},
	{5, T_TRAFFIC, F_NONE, 1},	    {7, T_STUDY, F_NONE, 1},	     {7, T_RURAL, F_NONE, 1},
	{9, T_ONLINE, F_NONE, 1},	    {9, T_RURAL, F_NONE, 1},	     {11, T_MORAL, F_NONE, 1},
	{12, T_STUDY, F_NONE, 1},
};

static void da_plan_xjw(struct da_state *st, const struct da_unit *cu, int year)
{
	int64_t mid_autumn = da_fest_day(year, F_MID_AUTUMN);
	unsigned scale = year == DA_XJW_YEAR ? 100 : 60 + da_rand(st) % 25; /* other years: a little less */
	for (size_t i = 0; i < sizeof da_xjw_2022 / sizeof da_xjw_2022[0]; i++) {
		int m = da_xjw_2022[i].month, type = da_xjw_2022[i].type, fest = da_xjw_2022[i].fest;
		int64_t lo = da_day(year, m, 1), hi = da_day(year + (m == 12), m % 12 + 1, 1) - 1;
		if (fest != F_NONE) { /* 2022's table splits 春节 between January and February */
			int64_t d = da_fest_day(year, fest), a = d + da_fest_window[fest][0], b = d + da_fest_window[fest][1];
			lo = year != DA_XJW_YEAR || a > lo ? a : lo;
			hi = year != DA_XJW_YEAR || b < hi ? b : hi;
		} else if (m == 3 && type != T_INTEGRITY) {
			hi = da_day(year, 3, 20); /* 雷锋月 front-loaded around 3·5 */
		} else if (m == 9 && type == T_VOLUNTEER) {
			lo = mid_autumn - 10;
			hi = mid_autumn + 2;
		}
		int n = (int)(((unsigned)da_xjw_2022[i].n * scale + da_rand(st) % 100) / 100);
		for (int k = 0; k < n; k++) {
			int added = da_add(st, cu, type, fest, lo, hi, k == 0);
			st->counts->xjw_volunteer_2022 += added && year == DA_XJW_YEAR &&
							  (type == T_VOLUNTEER || type == T_LEI_FENG || type == T_FESTIVAL);
		}
	}
}

static void da_shuffle(struct da_state *st, int *a, int n)
{
	for (int i = 0; i + 1 < n; i++) {
		int j = i + (int)(da_rand(st) % (uint32_t)(n - i)), tmp = a[i];
		a[i] = a[j];
		a[j] = tmp;
	}
}

/* Months that get a lecture (道德讲堂/学习讲堂) or a 嘎查村 visit instead of the usual activity:
 * four lectures a year (two or three for some units, which then miss indicator 3.3) and two or
 * three visits, away from March and, where possible, from the festivals. */
static void da_year_slots(struct da_state *st, int year, int profile, char slot[13])
{
	int order[12], n_plain = 0, festive_months[12], n_festive = 0;
	memset(slot, 0, 13);
	for (int m = 1; m <= 12; m++) {
		int festive = 0;
		for (int f = 0; f < F_N; f++) {
			festive |= atoi(da_fest_dates[year - DA_FIRST_YEAR][f]) == m && f != F_LANTERN;
		}
		if (m == 3) {
			continue;
		}
		if (festive) {
			festive_months[n_festive++] = m;
		} else {
			order[n_plain++] = m;
		}
	}
	for (int i = 0; i < n_festive; i++) { /* some festival months join the first group */
		if (da_chance(st, 30)) {
			order[n_plain++] = festive_months[i];
			festive_months[i--] = festive_months[--n_festive];
		}
	}
	da_shuffle(st, order, n_plain);
	da_shuffle(st, festive_months, n_festive);
	memcpy(&order[n_plain], festive_months, (size_t)n_festive * sizeof order[0]);
	int n = n_plain + n_festive;
	int lectures = profile == DA_SPARSE ? (int)(da_rand(st) % 2) : da_chance(st, 18) ? 2 + (int)(da_rand(st) % 2) : 4;
	int visits = profile == DA_SPARSE ? 0 : profile == DA_BIG ? 2 + (int)(da_rand(st) % 2) : 1 + (int)(da_rand(st) % 2);
	for (int i = 0; i < n && (lectures > 0 || visits > 0); i++) {
		slot[order[i]] = lectures > 0 ? 'L' : 'V';
		if (lectures > 0) {
			lectures--;
		} else {
			visits--;
		}
	}
}

static void da_plan_month(struct da_state *st, const struct da_unit *cu, int year, int m, char slot,
			  unsigned *done_fests)
{
	int64_t lo = da_day(year, m, 1), hi = da_day(year + (m == 12), m % 12 + 1, 1) - 1;
	int sparse = cu->profile == DA_SPARSE || (cu->veto && lo > cu->veto);
	if (((cu->gaps[year - DA_FIRST_YEAR] >> m) & 1u) || (sparse && !da_chance(st, 32))) {
		return;
	}
	int fests[F_N];
	int64_t win[F_N][2];
	int n_fests = da_month_festivals(year, lo, hi, fests, win);
	int64_t mid = lo + (hi - lo) / 2;
	int has_village = da_partner_on(st, cu, 1, mid) != NULL;
	int added = 0;
	if (slot == 'L') {
		added = da_add(st, cu, da_chance(st, 55) ? T_MORAL : T_STUDY, F_NONE, lo, hi, 0);
	} else if (slot == 'V' && has_village) {
		added = da_add(st, cu, T_RURAL, F_NONE, lo, hi, 1);
	}
	if (!added && m == 3 && da_chance(st, sparse ? 60 : 92)) {
		added = da_add(st, cu, T_LEI_FENG, F_NONE, lo, da_day(year, 3, 25), 1);
	}
	for (int i = 0; i < n_fests && !added; i++) {
		int f = fests[i];
		/* a festival counts once a year, in the month most of its window falls in */
		int main_month = ((*done_fests >> f) & 1u) == 0 && (win[i][1] - win[i][0] >= 2 || da_fest_day(year, f) <= hi);
		if (main_month && da_chance(st, (sparse ? 45u : cu->profile == DA_BIG ? 120u : 100u) * da_fest_share[f] / 100u)) {
			added = da_add(st, cu, T_FESTIVAL, f, win[i][0], win[i][1], 1);
			*done_fests |= (unsigned)added << f;
		}
	}
	if (!added) {
		added = da_add(st, cu, da_general_type(st, m, has_village), F_NONE, lo, hi, 1);
	}
	if (sparse) {
		return;
	}
	/* More for the large units; a second 学雷锋 in March, a second festival when two meet. */
	int big = cu->profile == DA_BIG;
	if (m == 3 && da_chance(st, big ? 90 : 25)) {
		da_add(st, cu, da_chance(st, 60) ? T_LEI_FENG : T_VOLUNTEER, F_NONE, lo, da_day(year, 3, 31), 0);
	}
	for (int i = 0; i < n_fests; i++) {
		int f = fests[i];
		if (((*done_fests >> f) & 1u) == 0 && da_fest_day(year, f) >= lo && da_fest_day(year, f) <= hi &&
		    da_chance(st, big ? 40 : n_fests > 1 ? 30 : 10)) {
			if (da_add(st, cu, T_FESTIVAL, f, win[i][0], win[i][1], 0)) {
				*done_fests |= 1u << f;
			}
		}
	}
	if (da_chance(st, big ? 15 : 3)) {
		da_add(st, cu, da_general_type(st, m, has_village), F_NONE, lo, hi, 0);
	}
}

/* A unit's year: 薛家湾供电公司 from its table (any month it leaves empty planned as usual), the
 * others month by month around their lecture and visit slots. */
static void da_plan_year(struct da_state *st, const struct da_unit *cu, int year)
{
	char slot[13];
	unsigned done_fests = 0, covered = 0;
	da_year_slots(st, year, cu->profile, slot);
	if (cu->xjw) {
		size_t first = st->n_plans;
		da_plan_xjw(st, cu, year);
		memset(slot, 0, sizeof slot);
		for (size_t k = first; k < st->n_plans; k++) {
			char date[11];
			ledger_date_of(st->plans[k].day * 86400, date);
			covered |= 1u << atoi(date + 5);
		}
	}
	for (int m = 1; m <= 12; m++) {
		if (!((covered >> m) & 1u) && da_day(year, m, 1) <= cu->hi &&
		    da_day(year + (m == 12), m % 12 + 1, 1) - 1 >= cu->lo) {
			da_plan_month(st, cu, year, m, slot[m], &done_fests);
		}
	}
}

static int da_plan_cmp(const void *a, const void *b)
{
	const struct da_plan *x = a, *y = b;
	if (x->day != y->day) {
		return x->day < y->day ? -1 : 1;
	}
	return x->seq - y->seq;
}

static int da_insert_plans(struct da_state *st, const struct da_unit *cu, int64_t unit_id, int64_t now)
{
	qsort(st->plans, st->n_plans, sizeof *st->plans, da_plan_cmp);
	struct activity *a = xmalloc(sizeof *a);
	int rc = 0;
	for (size_t i = 0; i < st->n_plans && rc == 0; i++) {
		const struct da_plan *p = &st->plans[i];
		memset(a, 0, sizeof *a);
		a->unit_id = unit_id;
		snprintf(a->type_code, sizeof a->type_code, "%s", da_type_codes[p->type]);
		snprintf(a->festival, sizeof a->festival, "%s", p->type == T_FESTIVAL ? da_fest_codes[p->fest] : "");
		snprintf(a->title, sizeof a->title, "%s", p->title);
		ledger_date_of(p->day * 86400, a->activity_date);
		a->year = ledger_date_year(a->activity_date);
		snprintf(a->place, sizeof a->place, "%s", p->place);
		a->partner_id = p->partner_id;
		snprintf(a->role, sizeof a->role, "%s", p->joined ? "joined" : "hosted");
		a->participants = p->participants;
		snprintf(a->description, sizeof a->description, "%s", p->desc);
		struct activity_fields af = {a->type_code, a->festival,	 a->title, a->activity_date,
					     a->place,	   a->role,	 a->description, a->participants};
		struct err_detail d;
		err_clear(&d);
		if (ledger_activity_validate(&af, &d) != ERR_OK || activity_store_insert(st->db, a, now, &d) != ERR_OK) {
			fprintf(stderr, "demo: activity %s of %s: %s\n", a->title, cu->row->name, d.message);
			rc = -1;
		}
		st->counts->total++;
		st->counts->at_partner += a->partner_id != 0;
	}
	free(a);
	return rc;
}

static void da_read_span(const struct pairing *g, void *ctx)
{
	struct da_state *st = ctx;
	size_t row = 0;
	while (row < st->n_rows && st->unit_ids[row] != g->unit_id) {
		row++;
	}
	if (row == st->n_rows) {
		return;
	}
	if (st->n_spans == st->cap_spans) {
		st->cap_spans = st->cap_spans ? st->cap_spans * 2 : 512;
		st->spans = xrealloc(st->spans, st->cap_spans * sizeof *st->spans);
	}
	struct da_span *s = &st->spans[st->n_spans++];
	memset(s, 0, sizeof *s);
	s->row = row;
	s->rural = strcmp(g->kind, "rural_revitalization") == 0;
	s->partner_id = g->partner_id;
	s->start = da_days(g->start_date);
	s->end = g->end_date[0] ? da_days(g->end_date) : INT64_MAX;
	snprintf(s->name, sizeof s->name, "%.120s", g->partner_name);
	size_t n_prows;
	const struct demo_partner_row *prows = demo_partner_rows(&n_prows);
	snprintf(s->short_name, sizeof s->short_name, "%.60s", g->partner_name);
	for (size_t i = 0; i < n_prows; i++) {
		size_t tl = strlen(prows[i].town);
		if (strncmp(g->partner_name, prows[i].town, tl) == 0 && strcmp(g->partner_name + tl, prows[i].short_name) == 0) {
			snprintf(s->short_name, sizeof s->short_name, "%s", prows[i].short_name);
			break;
		}
	}
}

static int da_span_cmp(const void *a, const void *b)
{
	const struct da_span *x = a, *y = b;
	if (x->row != y->row) {
		return x->row < y->row ? -1 : 1;
	}
	if (x->start != y->start) {
		return x->start < y->start ? -1 : 1;
	}
	if (x->rural != y->rural) {
		return x->rural - y->rural;
	}
	return x->partner_id < y->partner_id ? -1 : x->partner_id > y->partner_id;
}

/* Who the unit is for the generator: its days, its profile, its pairings. */
static void da_unit_init(struct da_state *st, size_t row, size_t *span_at, struct da_unit *cu)
{
	const struct demo_unit_row *u = &st->rows[row];
	memset(cu, 0, sizeof *cu);
	cu->row = u;
	cu->reg = demo_region_get(u->region);
	cu->lo = da_day(DA_FIRST_YEAR, 1, 1);
	cu->hi = da_days(DA_END);
	if (u->founded && da_days(u->founded) + 30 > cu->lo) {
		cu->lo = da_days(u->founded) + 30;
	}
	size_t n_l;
	const struct demo_lineage *l = demo_lineages_get(&n_l);
	for (size_t i = 0; i < n_l; i++) {
		if (strcmp(l[i].unit, u->name) == 0 && (strcmp(l[i].kind, "merge") == 0 || strcmp(l[i].kind, "dissolve") == 0)) {
			cu->hi = da_days(l[i].date) - 1;
		}
	}
	cu->veto = (u->flags & DEMO_ROW_VETO) ? da_days(DA_VETO_DATE) : 0;
	cu->xjw = strcmp(u->name, DA_XJW) == 0;
	const char *plan = u->plan ? u->plan : "";
	if (!plan[0]) {
		cu->profile = DA_SPARSE;
	} else if ((u->flags & DEMO_ROW_SEED) || u->staff >= 500 || strpbrk(plan, "rRnC")) {
		cu->profile = DA_BIG;
	} else {
		cu->profile = DA_MONTHLY;
	}
	while (*span_at < st->n_spans && st->spans[*span_at].row < row) {
		(*span_at)++;
	}
	cu->spans = &st->spans[*span_at];
	while (*span_at + cu->n_spans < st->n_spans && st->spans[*span_at + cu->n_spans].row == row) {
		cu->n_spans++;
	}
}

/* The units that miss months in 2025 and 2026: ordinary titled units that exist to the end. */
static void da_choose_gaps(struct da_state *st, struct da_unit *units)
{
	size_t *cand = xcalloc(st->n_rows + 1, sizeof *cand), n = 0;
	for (size_t i = 0; i < st->n_rows; i++) {
		if (units[i].profile == DA_MONTHLY && !units[i].veto && units[i].hi == da_days(DA_END)) {
			cand[n++] = i;
		}
	}
	for (size_t k = 0; k < DA_GAP_UNITS && k < n; k++) {
		size_t j = k + da_rand(st) % (n - k), pick = cand[j];
		cand[j] = cand[k];
		struct da_unit *cu = &units[pick];
		for (int y = 2025; y <= 2026; y++) {
			int want = (y == 2025 ? 2 : 1) + (int)(da_rand(st) % 3);
			for (int g = 0; g < want; g++) {
				cu->gaps[y - DA_FIRST_YEAR] |= 1u << (1 + da_rand(st) % (y == 2026 ? 11 : 12));
			}
		}
		st->counts->units_with_gaps++;
	}
	free(cand);
}

int demo_activities_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_activity_counts *counts)
{
	struct da_state st;
	memset(&st, 0, sizeof st);
	memset(counts, 0, sizeof *counts);
	st.db = db;
	st.unit_ids = unit_ids;
	st.rng = DA_SEED;
	st.counts = counts;
	st.rows = demo_unit_rows(&st.n_rows);
	struct pairing_filter f = {.page = 1, .per_page = 1000000};
	int64_t total = 0;
	if (pairing_store_list(db, NULL, &f, da_read_span, &st, &total) != ERR_OK) {
		fprintf(stderr, "demo: activities: reading the pairings failed\n");
		free(st.spans);
		return -1;
	}
	qsort(st.spans, st.n_spans, sizeof *st.spans, da_span_cmp);
	struct da_unit *units = xcalloc(st.n_rows + 1, sizeof *units);
	size_t span_at = 0;
	for (size_t i = 0; i < st.n_rows; i++) {
		da_unit_init(&st, i, &span_at, &units[i]);
	}
	da_choose_gaps(&st, units);
	int rc = 0;
	for (size_t i = 0; i < st.n_rows && rc == 0; i++) {
		const struct da_unit *cu = &units[i];
		st.n_plans = 0;
		for (int y = DA_FIRST_YEAR; y <= DA_LAST_YEAR; y++) {
			da_plan_year(&st, cu, y);
		}
		rc = da_insert_plans(&st, cu, unit_ids[i], now);
	}
	free(units);
	free(st.plans);
	free(st.spans);
	return rc;
}
