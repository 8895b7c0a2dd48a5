/* demo_records.h — what demo_records.c (state, people, aid, the loader), demo_exemplars.c and
 * demo_ads.c share (cli layer, private to the demo): the units as the generator sees them, its
 * fixed-seed random numbers and day arithmetic. */
#ifndef WM_DEMO_RECORDS_H
#define WM_DEMO_RECORDS_H
#include <stddef.h>
#include <stdint.h>

#include "demo.h"
#include "demo_batch.h"

#include "../util/collate.h"
#include "../util/xalloc.h"
#include "demo.h"

#define DR_SEED 20190920u /* 公民道德宣传日 */
#define DR_FIRST_YEAR 2021
#define DR_LAST_YEAR 2026
#define DR_END "2026-11-27" /* the demo's today: nothing happens after it */
#define DR_ARTICLE "2022-07-25"
#define DR_SHENHUA "神华准格尔能源有限责任公司"
#define DR_XJW "国网内蒙古东部电力有限公司薛家湾供电公司"
#define DR_YIDONG "内蒙古伊东资源集团股份有限公司"
#define DR_GUOHUA "内蒙古国华准格尔发电有限责任公司"
#define DR_ALMOND "内蒙古高原杏仁露有限公司"
#define DR_YIDONG_FUNDS 100010000LL /* 100.01万元 */
#define DR_GUOHUA_KG 18266
#define DR_GUOHUA_FEN 148000000LL /* 148万元 */
#define DR_TEXT 512
#define DR_NAME 96
#define DR_N(a) (sizeof(a) / sizeof((a)[0]))

/* A pairing as stored. */
struct dr_span {
	int64_t unit_id, partner_id, start, end; /* days; end INT64_MAX while open */
	int rural;
	char name[128];
};

struct dr_unit {
	const struct demo_unit_row *row;
	const struct demo_region *reg;
	int64_t id, lo, hi; /* days it exists within the demo years */
	int titled, big, veto;
	const struct dr_span *spans;
	size_t n_spans;
	uint32_t name_offset;
	int n_names, n_mongol;
};

struct dr_state {
	uint64_t rng;
	int64_t now, end_day;
	struct dr_span *spans;
	size_t n_spans, cap_spans;
	struct demo_batch *ex, *aid, *ads;
	struct demo_record_counts *counts;
};

uint32_t dr_rand(struct dr_state *st);
int dr_chance(struct dr_state *st, unsigned percent);
int64_t dr_between(struct dr_state *st, int64_t lo, int64_t hi);
int64_t dr_days(const char *date);
int64_t dr_ymd(int y, int m, int d);
/* The YYYY-MM-DD of a day number (days since 1970-01-01). */
void dr_date(int64_t z, char out[16]);
int dr_year_of(int64_t day);
int dr_is(const struct dr_unit *u, const char *name);
/* The pairing of a kind open on day (the first when several are), or NULL. */
const struct dr_span *dr_partner_on(const struct dr_unit *u, int rural, int64_t day);
/* What the unit calls itself in a commendation: 公司, 学校, 医院 or 单位. */
const char *dr_self(const struct dr_unit *u);
/* The next person of a unit (names do not repeat within it). */
void dr_person(struct dr_state *st, struct dr_unit *u, char *out, size_t n);

/* demo_exemplars.c: the unit's exemplars (the article's ones for 神华准能 and 高原杏仁露). */
int dr_exemplars(struct dr_state *st, struct dr_unit *u);
/* demo_ads.c: the unit's public-service ads. */
int dr_ads(struct dr_state *st, struct dr_unit *u);

#endif
