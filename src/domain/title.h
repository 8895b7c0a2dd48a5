/* title.h — vocabulary of 文明单位 titles and units (domain layer, pure C).
 * The stable English values stored and sent over the API, their Chinese labels, the level
 * ranking, the title status machine, and year/term arithmetic. Labels are static strings. */
#ifndef WM_TITLE_H
#define WM_TITLE_H

#define TITLE_YEAR_MIN 1980
#define TITLE_YEAR_MAX 2100
#define TITLE_TERM_MIN 1
#define TITLE_TERM_MAX 10

/* Vocabulary (value → label):
 *   level        national 全国 > region 自治区级 > city 市级 > banner 旗级
 *   tier         unit 文明单位, model 文明单位标兵
 *   status       valid 有效, criticized 通报批评, yellow_card 黄牌警告, revoked 撤销,
 *                lapsed 自行终止
 *   unit status  active 正常, merged 已合并, dissolved 已撤销
 * Matching is exact (case-sensitive). NULL is never valid.
 * Label functions return a static string the caller must not free, or NULL for an unknown
 * value. */

int title_level_valid(const char *level);
int title_tier_valid(const char *tier);
int title_status_valid(const char *status);
int title_unit_status_valid(const char *status);

const char *title_level_label(const char *level);
const char *title_tier_label(const char *tier);
const char *title_status_label(const char *status);
const char *title_unit_status_label(const char *status);

/* Rank of a level: national 4, region 3, city 2, banner 1; unknown 0 (ranks below all). */
int title_level_rank(const char *level);

/* Compares two levels by rank: > 0 when a outranks b, 0 when equal, < 0 when b outranks a. */
int title_level_compare(const char *a, const char *b);

/* 1 when a title may move from status `from` to status `to`, else 0:
 *   valid       → criticized, yellow_card, revoked, lapsed
 *   criticized  → valid (restore), yellow_card, revoked, lapsed
 *   yellow_card → valid (restore), revoked, lapsed
 *   revoked, lapsed: final, no transitions.
 * Staying in the same status is not a transition (0). Unknown values give 0. */
int title_status_transition_allowed(const char *from, const char *to);

/* 1 when year is within TITLE_YEAR_MIN..TITLE_YEAR_MAX, else 0. */
int title_year_valid(int year);

/* 1 when term_years is within TITLE_TERM_MIN..TITLE_TERM_MAX, else 0. */
int title_term_valid(int term_years);

/* Last year the title is in force: awarded_year + term_years − 1 (2020 + 3 → 2022).
 * Returns 0 when either argument fails title_year_valid / title_term_valid. */
int title_expires_year(int awarded_year, int term_years);

#endif
