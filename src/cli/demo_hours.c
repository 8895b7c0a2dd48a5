/* demo_hours.c — the demo's volunteer service hours (志愿服务时长, cli layer).
 * Every volunteer-type activity of a titled unit (志愿服务, 学雷锋, 我们的节日, 共建社区活动,
 * 乡村振兴帮扶) gets a share of its participants from the unit's roster as served volunteers —
 * only those on the roster that day (joined by then, not left before) — each with 1–4 hours
 * in half-hour steps around the activity's length; the keen ones (a per-volunteer zeal, drawn
 * once) serve more often. 薛家湾供电公司's team, the article's, turns out a larger share.
 * Then the liaison's unit (神华准能) gets its self-report link — a random token from
 * crypto_random_token, never printed — and about thirty reports from the last 60 days before the
 * demo's today: most pending (work for the 时长审核 page), some approved (matched to the roster
 * volunteer with the reporter's phone, decided by the liaison), some declined with a reason; two
 * pending ones come from phones not on the roster, to try the choose-a-volunteer path.
 * Activities and volunteers are read back from the store; rows go in with direct SQL (served
 * volunteers as multi-row INSERTs) in the caller's transaction, after the users exist.
 * Deterministic (a fixed-seed generator of its own) apart from the token. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../store/db.h"
#include "../util/crypto.h"
#include "../util/xalloc.h"
#include "demo.h"
#include "demo_batch.h"

#define DH_SEED 20081205u /* 国际志愿者日 */
#define DH_XJW "国网内蒙古东部电力有限公司薛家湾供电公司"
#define DH_XJW_YEAR 2022
#define DH_END "2026-11-27" /* the demo's today */
#define DH_LINK_DATE "2026-09-01"
#define DH_REPORT_DAYS 60
#define DH_REPORTS 30
#define DH_NO_DAY ((int64_t)1 << 40)
#define DH_N(a) (sizeof(a) / sizeof((a)[0]))

/* The volunteer-type activities: the share of participants who are the unit's volunteers and
 * the activity's length, in half hours. */
static const struct dh_type {
	const char *code;
	int pct_lo, pct_hi;
	int half_lo, half_hi;
} dh_types[] = {
	{"volunteer_service", 60, 90, 4, 8},
	{"lei_feng", 50, 80, 3, 8},
	{"our_festivals", 15, 30, 2, 6},
	{"community_joint", 30, 60, 3, 7},
	{"rural_support", 30, 60, 4, 8},
};

struct dh_vol {
	int64_t id, joined, left; /* days; left DH_NO_DAY while on the roster */
	int active, zeal;
	char name[96], phone[32];
};

struct dh_state {
	struct db *db;
	uint64_t rng;
	const int64_t *unit_ids;
	const struct demo_unit_row *rows;
	size_t n_rows;
	struct dh_vol *vols;
	size_t n_vols;
	size_t *first, *count; /* per row: its volunteers in vols */
	size_t *cand;
	unsigned char *xjw_seen;
	size_t xjw_row;
	struct demo_batch *served; /* activity_volunteers rows */
	struct demo_hours_counts *counts;
};

static uint32_t dh_rand(struct dh_state *st)
{
	st->rng = st->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st->rng >> 33);
}

static int dh_between(struct dh_state *st, int lo, int hi)
{
	return hi > lo ? lo + (int)(dh_rand(st) % (uint32_t)(hi - lo + 1)) : lo;
}

static int64_t dh_days(const char *date)
{
	return demo_epoch(date) / 86400;
}

static void dh_date(int64_t day, char out[11])
{
	ledger_date_of(day * 86400, out);
}

static int dh_served_row(struct dh_state *st, int64_t activity_id, int64_t volunteer_id, int minutes)
{
	demo_batch_int(st->served, activity_id);
	demo_batch_int(st->served, volunteer_id);
	demo_batch_int(st->served, minutes);
	return demo_batch_row_done(st->served);
}

static size_t dh_row_of(const struct dh_state *st, int64_t unit_id)
{
	for (size_t i = 0; i < st->n_rows; i++) {
		if (st->unit_ids[i] == unit_id) {
			return i;
		}
	}
	return (size_t)-1;
}

/* Every volunteer, grouped by unit row (the rows are read in unit order). */
static int dh_read_volunteers(struct dh_state *st)
{
	struct db_stmt *q = NULL;
	if (db_prepare(st->db,
		       "SELECT id, unit_id, joined_date, left_date, status, name, phone FROM volunteers ORDER BY unit_id, id",
		       &q) != DB_OK) {
		fprintf(stderr, "demo: hours: reading the volunteers: %s\n", db_errmsg(st->db));
		return -1;
	}
	size_t cap = 0, row = (size_t)-1;
	int64_t last_unit = 0;
	enum db_rc rc;
	while ((rc = db_step(q)) == DB_ROW) {
		if (st->n_vols == cap) {
			cap = cap ? cap * 2 : 4096;
			st->vols = xrealloc(st->vols, cap * sizeof *st->vols);
		}
		int64_t unit = db_col_int64(q, 1);
		if (unit != last_unit) {
			last_unit = unit;
			row = dh_row_of(st, unit);
			if (row != (size_t)-1) {
				st->first[row] = st->n_vols;
			}
		}
		if (row == (size_t)-1) {
			continue;
		}
		struct dh_vol *v = &st->vols[st->n_vols++];
		memset(v, 0, sizeof *v);
		v->id = db_col_int64(q, 0);
		v->joined = db_col_is_null(q, 2) ? 0 : dh_days(db_col_text(q, 2));
		int left = strcmp(db_col_text(q, 4), "left") == 0;
		v->left = left && !db_col_is_null(q, 3) ? dh_days(db_col_text(q, 3)) : DH_NO_DAY;
		v->active = !left;
		v->zeal = (int)(dh_rand(st) % 100);
		snprintf(v->name, sizeof v->name, "%.90s", db_col_text(q, 5));
		snprintf(v->phone, sizeof v->phone, "%.30s", db_col_text(q, 6));
		st->count[row]++;
	}
	db_stmt_free(q);
	if (rc != DB_DONE) {
		fprintf(stderr, "demo: hours: reading the volunteers: %s\n", db_errmsg(st->db));
		return -1;
	}
	return 0;
}

/* The volunteers who serve in one activity: a share of its participants, at most 85 % of those
 * on the roster that day, picked by two-way tournaments on zeal (the keen ones more often). */
static int dh_activity(struct dh_state *st, int64_t activity_id, size_t row, int64_t day, const struct dh_type *t,
		       int participants)
{
	struct demo_hours_counts *c = st->counts;
	size_t n = 0;
	for (size_t k = 0; k < st->count[row]; k++) {
		const struct dh_vol *v = &st->vols[st->first[row] + k];
		if (v->joined <= day && day <= v->left) {
			st->cand[n++] = st->first[row] + k;
		}
	}
	int xjw = row == st->xjw_row;
	int pct = dh_between(st, t->pct_lo, t->pct_hi) + (xjw ? 20 : 0);
	size_t want = (size_t)((participants * (pct > 95 ? 95 : pct) + 50) / 100), most = n * 85 / 100;
	if (want > most) {
		want = most;
	}
	if (want == 0 && n > 0 && participants > 0) {
		want = 1;
	}
	if (want == 0) {
		return 0;
	}
	int half = dh_between(st, t->half_lo, t->half_hi);
	char date[11];
	dh_date(day, date);
	int in_xjw_year = xjw && atoi(date) == DH_XJW_YEAR;
	for (size_t j = 0; j < want; j++) {
		size_t a = j + dh_rand(st) % (n - j), b = j + dh_rand(st) % (n - j);
		size_t pick = st->vols[st->cand[b]].zeal > st->vols[st->cand[a]].zeal ? b : a;
		size_t tmp = st->cand[j];
		st->cand[j] = st->cand[pick];
		st->cand[pick] = tmp;
		const struct dh_vol *v = &st->vols[st->cand[j]];
		/* most stay to the end; some come late or leave early, a few stay on to clear up */
		uint32_t r = dh_rand(st) % 100;
		int h = r < 70 ? half : r < 85 ? half - 1 : r < 95 ? half - 2 : half + 1;
		h = h < 2 ? 2 : h > 8 ? 8 : h;
		if (dh_served_row(st, activity_id, v->id, h * 30) != 0) {
			return -1;
		}
		c->served++;
		c->minutes += h * 30;
		if (in_xjw_year) {
			c->xjw_minutes_2022 += h * 30;
			size_t k = st->cand[j] - st->first[row];
			c->xjw_volunteers_2022 += !st->xjw_seen[k];
			st->xjw_seen[k] = 1;
		}
	}
	c->activities++;
	c->xjw_activities_2022 += in_xjw_year;
	return 0;
}

static int dh_titled(const struct demo_unit_row *row)
{
	return row->plan && row->plan[0];
}

static int dh_served_load(struct dh_state *st)
{
	struct db_stmt *q = NULL;
	if (db_prepare(st->db,
		       "SELECT id, unit_id, activity_date, type_code, participants FROM activities WHERE type_code IN"
		       " ('volunteer_service', 'lei_feng', 'our_festivals', 'community_joint', 'rural_support') ORDER BY id",
		       &q) != DB_OK) {
		fprintf(stderr, "demo: hours: reading the activities: %s\n", db_errmsg(st->db));
		return -1;
	}
	/* read them all first: no other statement may run while one is being stepped (PostgreSQL) */
	struct dh_act {
		int64_t id, day;
		size_t row, type;
		int participants;
	} *acts = NULL;
	size_t n_acts = 0, cap = 0, row = (size_t)-1;
	int64_t last_unit = 0;
	enum db_rc rc;
	while ((rc = db_step(q)) == DB_ROW) {
		int64_t unit = db_col_int64(q, 1);
		if (unit != last_unit) {
			last_unit = unit;
			row = dh_row_of(st, unit);
		}
		if (row == (size_t)-1 || !dh_titled(&st->rows[row])) {
			continue;
		}
		if (n_acts == cap) {
			cap = cap ? cap * 2 : 4096;
			acts = xrealloc(acts, cap * sizeof *acts);
		}
		struct dh_act *a = &acts[n_acts++];
		a->id = db_col_int64(q, 0);
		a->day = dh_days(db_col_text(q, 2));
		a->row = row;
		a->type = 0;
		for (size_t t = 0; t < DH_N(dh_types); t++) {
			if (strcmp(db_col_text(q, 3), dh_types[t].code) == 0) {
				a->type = t;
			}
		}
		a->participants = (int)db_col_int64(q, 4);
	}
	db_stmt_free(q);
	if (rc != DB_DONE) {
		fprintf(stderr, "demo: hours: reading the activities: %s\n", db_errmsg(st->db));
		free(acts);
		return -1;
	}
	int ok = 0;
	for (size_t i = 0; i < n_acts && ok == 0; i++) {
		ok = dh_activity(st, acts[i].id, acts[i].row, acts[i].day, &dh_types[acts[i].type], acts[i].participants);
	}
	free(acts);
	return ok == 0 ? demo_batch_flush(st->served) : -1;
}

/* ------------------------------------------------------------------ self-reports ---- */

struct dh_report {
	int64_t day, created, decided;
	int64_t activity_id; /* 0: none */
	const char *activity_title;
	int64_t volunteer_id; /* approved: the volunteer with the phone */
	char name[96], phone[32], desc[320], ip[20];
	char reason[200];
	int minutes;
	char status; /* P, A, D */
	int off_roster, duplicate;
};

struct dh_window_act {
	int64_t id, day;
	char title[256];
};

static int dh_report_cmp(const void *x, const void *y)
{
	const struct dh_report *a = x, *b = y;
	return a->created < b->created ? -1 : a->created > b->created;
}

/* 1 when the volunteer's phone digits are no other active volunteer's in the unit: approval by
 * phone then matches exactly them. */
static int dh_phone_unique(const struct dh_state *st, size_t row, size_t k)
{
	char want[32], have[32];
	if (ledger_phone_digits(st->vols[st->first[row] + k].phone, want, sizeof want) == 0) {
		return 0;
	}
	for (size_t j = 0; j < st->count[row]; j++) {
		const struct dh_vol *v = &st->vols[st->first[row] + j];
		if (j != k && v->active && ledger_phone_digits(v->phone, have, sizeof have) && strcmp(want, have) == 0) {
			return 0;
		}
	}
	return 1;
}

/* 1 when any volunteer of the unit, active or not, has those digits. */
static int dh_phone_on_roster(const struct dh_state *st, size_t row, const char *phone)
{
	char have[32];
	for (size_t j = 0; j < st->count[row]; j++) {
		if (ledger_phone_digits(st->vols[st->first[row] + j].phone, have, sizeof have) && strcmp(phone, have) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Whether the volunteer was recorded as serving in the activity: -1 on a database error. */
static int dh_has_served(struct dh_state *st, int64_t activity_id, int64_t volunteer_id)
{
	struct db_stmt *q = NULL;
	int64_t n = -1;
	if (db_prepare(st->db, "SELECT count(*) FROM activity_volunteers WHERE activity_id = ? AND volunteer_id = ?", &q) ==
	    DB_OK) {
		db_bind_int64(q, 1, activity_id);
		db_bind_int64(q, 2, volunteer_id);
		if (db_step(q) == DB_ROW) {
			n = db_col_int64(q, 0);
		}
	}
	db_stmt_free(q);
	if (n < 0) {
		fprintf(stderr, "demo: hours: %s\n", db_errmsg(st->db));
		return -1;
	}
	return n > 0;
}

/* The longest time recorded for a volunteer of the activity in minutes: -1 on a database error. */
static int64_t dh_longest(struct dh_state *st, int64_t activity_id)
{
	struct db_stmt *q = NULL;
	int64_t n = -1;
	if (db_prepare(st->db, "SELECT COALESCE(MAX(minutes), 0) FROM activity_volunteers WHERE activity_id = ?", &q) == DB_OK) {
		db_bind_int64(q, 1, activity_id);
		if (db_step(q) == DB_ROW) {
			n = db_col_int64(q, 0);
		}
	}
	db_stmt_free(q);
	if (n < 0) {
		fprintf(stderr, "demo: hours: %s\n", db_errmsg(st->db));
	}
	return n;
}

/* Picks the reporter of h from the roster: active, joined by the service day, a phone that is
 * theirs alone, not yet reporting; served in the activity exactly when want_served. -1 when
 * none fits (or on a database error). */
static int dh_pick_reporter(struct dh_state *st, size_t row, struct dh_report *h, unsigned char *used, int want_served)
{
	size_t n = st->count[row];
	if (n == 0) {
		return -1;
	}
	size_t start = dh_rand(st) % n;
	for (size_t step = 0; step < n; step++) {
		size_t k = (start + step * 7919u) % n;
		const struct dh_vol *v = &st->vols[st->first[row] + k];
		if (used[k] || !v->active || v->joined > h->day || !dh_phone_unique(st, row, k)) {
			continue;
		}
		if (h->activity_id) {
			int served = dh_has_served(st, h->activity_id, v->id);
			if (served < 0) {
				return -1;
			}
			if (served != want_served) {
				continue;
			}
		} else if (want_served) {
			return -1;
		}
		used[k] = 1;
		snprintf(h->name, sizeof h->name, "%s", v->name);
		snprintf(h->phone, sizeof h->phone, "%s", v->phone);
		h->volunteer_id = v->id;
		return 0;
	}
	return -1;
}

/* The liaison's unit's activities in the window [from, to], oldest first. */
static size_t dh_window(struct dh_state *st, int64_t unit_id, int64_t from, int64_t to, struct dh_window_act *out,
			size_t max)
{
	char a[11], b[11];
	dh_date(from, a);
	dh_date(to, b);
	struct db_stmt *q = NULL;
	size_t n = 0;
	if (db_prepare(st->db,
		       "SELECT id, activity_date, title FROM activities WHERE unit_id = ? AND activity_date >= ?"
		       " AND activity_date <= ? ORDER BY activity_date, id",
		       &q) != DB_OK) {
		fprintf(stderr, "demo: hours: reading the activities: %s\n", db_errmsg(st->db));
		return 0;
	}
	db_bind_int64(q, 1, unit_id);
	db_bind_text(q, 2, a, -1);
	db_bind_text(q, 3, b, -1);
	while (n < max && db_step(q) == DB_ROW) {
		out[n].id = db_col_int64(q, 0);
		out[n].day = dh_days(db_col_text(q, 1));
		snprintf(out[n].title, sizeof out[n].title, "%.250s", db_col_text(q, 2));
		n++;
	}
	db_stmt_free(q);
	return n;
}

static int dh_liaison(struct dh_state *st, int64_t *user_id, int64_t *unit_id)
{
	struct db_stmt *q = NULL;
	int rc = -1;
	if (db_prepare(st->db, "SELECT id, unit_id FROM users WHERE username = 'liaison'", &q) == DB_OK &&
	    db_step(q) == DB_ROW && !db_col_is_null(q, 1)) {
		*user_id = db_col_int64(q, 0);
		*unit_id = db_col_int64(q, 1);
		rc = 0;
	}
	db_stmt_free(q);
	if (rc != 0) {
		fprintf(stderr, "demo: hours: the liaison user and unit: %s\n", db_errmsg(st->db));
	}
	return rc;
}

/* The status of the reports in the order they came in: the older sixteen are mostly decided
 * (7 approved, 5 declined); the recent fourteen wait. */
static const char dh_pattern[] = "AADAPDAAPDADAPDP";
/* Why the declined ones were declined: the first of them that names an activity (or can name
 * one held by the day it was sent) repeats what the unit already recorded for the volunteer, the
 * next claims far more than the activity lasted; one that names none was not the unit's; the
 * rest did not sign in. */
#define DH_DUPLICATE "该活动单位已登记本人服务时长，请勿重复申报"
#define DH_TOO_LONG "申报时长与活动记录不符（活动实际约%s小时）"
#define DH_ELSEWHERE "非本单位组织的活动，请向活动组织方申报"
#define DH_NO_SIGN_IN "活动当天未签到"
/* Service away from the unit's own activities (no activity named). */
static const char *const dh_own[] = {
	"参加准格尔旗无偿献血志愿服务，在献血屋做引导和登记",
	"在薛家湾镇敬老院陪伴老人聊天、打扫卫生",
	"参加冬季扫雪除冰志愿服务，清理矿区职工小区主干道积雪",
	"参加“书香准格尔”全民阅读推广，在旗图书馆整理图书",
	"为矿区困难职工家庭送过冬物资并帮助安装取暖设施",
	"参加黄河流域秋季植树志愿活动",
	"在大路镇小学开展煤矿安全和防溺水知识宣讲",
	"在薛家湾镇火车站广场参加文明交通劝导",
};
static const char *const dh_tasks[] = {
	"负责现场秩序维护", "负责物资搬运和发放", "负责签到和引导", "负责拍照记录和宣传报道", "负责后勤保障",
	"负责陪同入户走访",
};
/* Names for the reporter who is not on the roster yet. */
static const char *const dh_newcomers[] = {"刘思彤", "贺晓宇", "高娃", "郝志鹏", "乔雅琪"};

static int dh_name_on_roster(const struct dh_state *st, size_t row, const char *name)
{
	for (size_t j = 0; j < st->count[row]; j++) {
		if (strcmp(st->vols[st->first[row] + j].name, name) == 0) {
			return 1;
		}
	}
	return 0;
}

/* A mobile number on no volunteer of the unit. */
static void dh_fresh_phone(struct dh_state *st, size_t row, char *out, size_t n)
{
	static const char *const prefixes[] = {"139", "150", "158", "177", "186", "198"};
	do {
		snprintf(out, n, "%s%08u", prefixes[dh_rand(st) % DH_N(prefixes)], dh_rand(st) % 100000000u);
	} while (dh_phone_on_roster(st, row, out));
}

static int dh_insert_reports(struct dh_state *st, int64_t unit_id, int64_t user_id, const struct dh_report *r, size_t n)
{
	struct db_stmt *q = NULL;
	if (db_prepare(st->db,
		       "INSERT INTO hour_reports (unit_id, volunteer_id, name, phone, service_date, year, minutes, activity_id,"
		       " description, status, reason, decided_by, decided_at, client_ip, version, created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &q) != DB_OK) {
		fprintf(stderr, "demo: hours: hour_reports: %s\n", db_errmsg(st->db));
		return -1;
	}
	int rc = 0;
	/* one at a time, in the order they came in: the pending list is read oldest first by id */
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct dh_report *h = &r[i];
		char date[11];
		dh_date(h->day, date);
		int decided = h->status != 'P';
		const char *status = h->status == 'A' ? "approved" : h->status == 'D' ? "declined" : "pending";
		db_reset(q);
		db_bind_int64(q, 1, unit_id);
		if (h->status == 'A') {
			db_bind_int64(q, 2, h->volunteer_id);
		} else {
			db_bind_null(q, 2);
		}
		db_bind_text(q, 3, h->name, -1);
		db_bind_text(q, 4, h->phone, -1);
		db_bind_text(q, 5, date, -1);
		db_bind_int64(q, 6, atoi(date));
		db_bind_int64(q, 7, h->minutes);
		if (h->activity_id) {
			db_bind_int64(q, 8, h->activity_id);
		} else {
			db_bind_null(q, 8);
		}
		db_bind_text(q, 9, h->desc, -1);
		db_bind_text(q, 10, status, -1);
		db_bind_text(q, 11, h->status == 'D' ? h->reason : "", -1);
		if (decided) {
			db_bind_int64(q, 12, user_id);
			db_bind_int64(q, 13, h->decided);
		} else {
			db_bind_null(q, 12);
			db_bind_null(q, 13);
		}
		db_bind_text(q, 14, h->ip, -1);
		db_bind_int64(q, 15, decided ? 2 : 1);
		db_bind_int64(q, 16, h->created);
		db_bind_int64(q, 17, decided ? h->decided : h->created);
		if (db_step(q) != DB_DONE) {
			fprintf(stderr, "demo: hours: hour_reports: %s\n", db_errmsg(st->db));
			rc = -1;
		}
	}
	db_stmt_free(q);
	return rc;
}

static int dh_link(struct dh_state *st, int64_t unit_id, int64_t user_id)
{
	char token[64];
	crypto_random_token(token, sizeof token, 18);
	struct db_stmt *q = NULL;
	int rc = -1;
	if (db_prepare(st->db, "INSERT INTO self_report_links (unit_id, token, created_by, created_at) VALUES (?, ?, ?, ?)",
		       &q) == DB_OK) {
		db_bind_int64(q, 1, unit_id);
		db_bind_text(q, 2, token, -1);
		db_bind_int64(q, 3, user_id);
		db_bind_int64(q, 4, demo_epoch(DH_LINK_DATE) + 25 * 60);
		rc = db_step(q) == DB_DONE ? 0 : -1;
	}
	db_stmt_free(q);
	crypto_wipe(token, sizeof token);
	if (rc != 0) {
		fprintf(stderr, "demo: hours: self_report_links: %s\n", db_errmsg(st->db));
	}
	return rc;
}

static int dh_reports_load(struct dh_state *st)
{
	int64_t user_id = 0, unit_id = 0;
	if (dh_liaison(st, &user_id, &unit_id) != 0) {
		return -1;
	}
	size_t row = dh_row_of(st, unit_id);
	if (row == (size_t)-1 || dh_link(st, unit_id, user_id) != 0) {
		return -1;
	}
	int64_t today = dh_days(DH_END), from = today - DH_REPORT_DAYS, to = today - 1;
	int64_t morning = today * 86400 + 3600; /* 09:00 Beijing, the demo's today */
	struct dh_window_act acts[32];
	size_t n_acts = dh_window(st, unit_id, from, to, acts, DH_N(acts));
	struct dh_report r[DH_REPORTS];
	memset(r, 0, sizeof r);
	for (size_t i = 0; i < DH_REPORTS; i++) {
		struct dh_report *h = &r[i];
		if (n_acts && dh_rand(st) % 100 < 40) {
			const struct dh_window_act *a = &acts[dh_rand(st) % n_acts];
			h->activity_id = a->id;
			h->activity_title = a->title;
			h->day = a->day;
		} else {
			h->day = from + dh_rand(st) % (uint32_t)(to - from + 1);
		}
		h->minutes = dh_between(st, 2, 8) * 30;
		/* sent that evening (19:00–22:00 Beijing) or up to two days later */
		h->created = (h->day + dh_between(st, 0, 2)) * 86400 + 11 * 3600 + dh_between(st, 0, 180) * 60;
		if (h->created > morning - 600) {
			h->created = morning - 600 - (int64_t)i * 97;
		}
		snprintf(h->ip, sizeof h->ip, "%s.%u", dh_rand(st) % 2 ? "203.0.113" : "198.51.100", 10 + dh_rand(st) % 200);
	}
	qsort(r, DH_REPORTS, sizeof r[0], dh_report_cmp);
	unsigned char *used = xcalloc(st->count[row] + 1, 1);
	int had_duplicate = 0, had_too_long = 0, had_elsewhere = 0;
	int rc = 0;
	for (size_t i = 0; i < DH_REPORTS && rc == 0; i++) {
		struct dh_report *h = &r[i];
		h->status = i < sizeof dh_pattern - 1 ? dh_pattern[i] : 'P';
		/* decided the next working hours, a day to four later; too recent ones still wait */
		h->decided = (h->created / 86400 + dh_between(st, 1, 4)) * 86400 + 3600 + dh_between(st, 0, 420) * 60;
		if (h->status != 'P' && h->decided > morning) {
			h->status = 'P';
		}
		if (h->status == 'D') {
			/* the duplicate names an activity held by the day it was sent */
			for (size_t k = n_acts; !had_duplicate && !h->activity_id && k-- > 0;) {
				if (acts[k].day <= h->created / 86400) {
					h->activity_id = acts[k].id;
					h->activity_title = acts[k].title;
					h->day = acts[k].day;
				}
			}
			if (h->activity_id && !had_duplicate) {
				had_duplicate = h->duplicate = 1;
				snprintf(h->reason, sizeof h->reason, DH_DUPLICATE);
			} else if (h->activity_id && !had_too_long) {
				had_too_long = 1;
				int64_t longest = dh_longest(st, h->activity_id);
				if (longest < 0) {
					rc = -1;
					break;
				}
				char hours[16];
				ledger_hours_text(longest ? longest : 120, hours, sizeof hours);
				snprintf(h->reason, sizeof h->reason, DH_TOO_LONG, hours);
				h->minutes = 480;
			} else if (!h->activity_id && !had_elsewhere) {
				had_elsewhere = 1;
				snprintf(h->reason, sizeof h->reason, DH_ELSEWHERE);
			} else {
				snprintf(h->reason, sizeof h->reason, DH_NO_SIGN_IN);
			}
		}
		if (i == 8 || i == DH_REPORTS - 5) {
			/* not on the roster by phone: a volunteer with a new number, then a newcomer */
			h->status = 'P';
			h->off_roster = 1;
			h->activity_id = 0;
			h->duplicate = 0;
			if (i == 8 && dh_pick_reporter(st, row, h, used, 0) == 0) {
				h->volunteer_id = 0;
				snprintf(h->desc, sizeof h->desc, "%s（本人手机号已更换）", dh_own[dh_rand(st) % DH_N(dh_own)]);
			} else {
				size_t k = dh_rand(st) % DH_N(dh_newcomers);
				for (size_t tries = 0; tries < DH_N(dh_newcomers) && dh_name_on_roster(st, row, dh_newcomers[k]);
				     tries++) {
					k = (k + 1) % DH_N(dh_newcomers);
				}
				snprintf(h->name, sizeof h->name, "%s", dh_newcomers[k]);
				snprintf(h->desc, sizeof h->desc, "%s（新加入志愿服务队，尚未录入名册）",
					 dh_own[dh_rand(st) % DH_N(dh_own)]);
			}
			dh_fresh_phone(st, row, h->phone, sizeof h->phone);
		} else if (dh_pick_reporter(st, row, h, used, h->duplicate) != 0) {
			/* no volunteer fits the activity: the report names none */
			h->activity_id = 0;
			h->duplicate = 0;
			if (h->status == 'D') {
				snprintf(h->reason, sizeof h->reason, DH_NO_SIGN_IN);
			}
			if (dh_pick_reporter(st, row, h, used, 0) != 0) {
				fprintf(stderr, "demo: hours: no volunteer of the liaison's unit can report\n");
				rc = -1;
				break;
			}
		}
		if (!h->desc[0]) {
			if (h->activity_id) {
				const char *q = strstr(h->activity_title, "“") ? "" : "“", *qe = q[0] ? "”" : "";
				snprintf(h->desc, sizeof h->desc, "参加%s%.200s%s，%s", q, h->activity_title, qe,
					 dh_tasks[dh_rand(st) % DH_N(dh_tasks)]);
			} else {
				snprintf(h->desc, sizeof h->desc, "%s", dh_own[dh_rand(st) % DH_N(dh_own)]);
			}
		}
		struct demo_hours_counts *c = st->counts;
		c->reports++;
		c->reports_pending += h->status == 'P';
		c->reports_approved += h->status == 'A';
		c->reports_declined += h->status == 'D';
		c->reports_off_roster += h->off_roster;
	}
	free(used);
	return rc == 0 ? dh_insert_reports(st, unit_id, user_id, r, DH_REPORTS) : -1;
}

int demo_hours_load(struct db *db, const int64_t *unit_ids, struct demo_hours_counts *counts)
{
	struct dh_state st;
	memset(&st, 0, sizeof st);
	memset(counts, 0, sizeof *counts);
	st.db = db;
	st.rng = DH_SEED;
	st.unit_ids = unit_ids;
	st.counts = counts;
	st.rows = demo_unit_rows(&st.n_rows);
	st.first = xcalloc(st.n_rows + 1, sizeof *st.first);
	st.count = xcalloc(st.n_rows + 1, sizeof *st.count);
	st.xjw_row = (size_t)-1;
	for (size_t i = 0; i < st.n_rows; i++) {
		if (strcmp(st.rows[i].name, DH_XJW) == 0) {
			st.xjw_row = i;
		}
	}
	int rc = dh_read_volunteers(&st);
	if (rc == 0) {
		st.cand = xcalloc(st.n_vols + 1, sizeof *st.cand);
		st.xjw_seen = xcalloc(st.xjw_row != (size_t)-1 ? st.count[st.xjw_row] + 1 : 1, 1);
		st.served = demo_batch_new(db, "INSERT INTO activity_volunteers (activity_id, volunteer_id, minutes) VALUES", 3);
	}
	if (rc == 0) {
		rc = dh_served_load(&st);
	}
	demo_batch_free(st.served);
	if (rc == 0) {
		rc = dh_reports_load(&st);
	}
	free(st.xjw_seen);
	free(st.cand);
	free(st.vols);
	free(st.first);
	free(st.count);
	return rc;
}
