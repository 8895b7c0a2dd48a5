/* demo_activity_words.h — the vocabulary of the demo's activities (cli layer): types, festivals
 * and their dates, title templates, descriptions. Private to demo_activities.c and
 * demo_activity_words.c, which holds the tables. */
#ifndef WM_DEMO_ACTIVITY_WORDS_H
#define WM_DEMO_ACTIVITY_WORDS_H
#include <stddef.h>

#define DA_FIRST_YEAR 2021
#define DA_LAST_YEAR 2026
#define DA_MAX_TPLS 512

enum da_type {
	T_VOLUNTEER, T_LEI_FENG, T_FESTIVAL, T_MORAL, T_STUDY, T_DINING, T_TRAVEL, T_TRAFFIC,
	T_ONLINE, T_ETIQUETTE, T_INTEGRITY, T_AD, T_JOINT, T_RURAL, T_CULTURE, T_OTHER, T_N
};

enum da_fest { F_SPRING, F_LANTERN, F_QINGMING, F_DRAGON, F_QIXI, F_MID_AUTUMN, F_DOUBLE_NINTH, F_N, F_NONE = -1 };

/* A title. at: 0 anywhere, 'C' at the paired 社区, 'V' at the paired 嘎查村 ({} is its short
 * name). Optional limits: months mlo–mhi, days dlo–dhi of the month, year-months ym1–ym2. */
struct da_tpl {
	int type, fest;
	const char *text;
	char at;
	int mlo, mhi, dlo, dhi, ym1, ym2;
};

/* A volunteer title fitting a kind of unit: category (NULL any) and a word of its name (NULL any). */
struct da_unit_tpl {
	const char *category, *word, *title;
};

extern const char *const da_type_codes[T_N];
extern const char *const da_fest_codes[F_N];
/* 春节, 元宵, 清明, 端午, 七夕, 中秋, 重阳 of each year (MM-DD). */
extern const char da_fest_dates[DA_LAST_YEAR - DA_FIRST_YEAR + 1][F_N][6];
/* When a festival's activities happen, in days around the festival. */
extern const int da_fest_window[F_N][2];
/* How many of the units hold an activity for each festival (percent). */
extern const unsigned da_fest_share[F_N];
extern const struct da_tpl da_tpls[];
extern const size_t da_n_tpls;
extern const struct da_unit_tpl da_unit_tpls[];
extern const size_t da_n_unit_tpls;
/* What happened, one sentence per type (our_festivals: per festival, after the types). */
extern const char *const da_details[T_N + F_N][4];
/* What happened when the title says it: the first word of the title found wins over da_details. */
extern const char *const da_title_details[][2];
extern const size_t da_n_title_details;
extern const char *const da_xjw_details[];
extern const size_t da_n_xjw_details;
/* How likely an activity of a type is held at the paired 社区 (percent): main, extra. */
extern const unsigned da_at_community[T_N][2];

#endif
