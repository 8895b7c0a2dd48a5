/* ledger_records.h — the creation ledger's exemplars (先进典型) and public-service ads (公益广告)
 * (domain layer): their vocabularies (kinds, commending levels, the four virtues of the
 * 善行义举四德榜, ad carriers) with Chinese labels, and the validation of a record. Pure
 * functions: no I/O, today is a parameter. Arguments are borrowed; labels are static strings. */
#ifndef WM_LEDGER_RECORDS_H
#define WM_LEDGER_RECORDS_H
#include <stddef.h>
#include <stdint.h>

#include "../util/err.h"

/* Free texts of these records (deeds, description), in characters. */
#define LEDGER_RECORD_TEXT_MAX 2000
#define LEDGER_EXEMPLAR_NAME_MAX 50
#define LEDGER_AD_THEME_MAX 100
#define LEDGER_AD_PLACE_MAX 100
#define LEDGER_AD_COUNT_MAX 100000

/* Exemplar kinds: moral_model 道德模范, moral_model_collective 道德模范集体, good_person 身边好人,
 * excellent_staff 优秀员工/先进工作者, excellent_volunteer 优秀志愿者, civilized_family 文明家庭.
 * Labels are "" for an unknown code. */
const char *ledger_exemplar_kind_label(const char *kind);
/* Commending levels, lowest first: unit 本单位, banner 旗县级, city 市级, region 自治区级, nation 全国. */
const char *ledger_exemplar_level_label(const char *level);
/* The four virtues (四德): social 社会公德, professional 职业道德, family 家庭美德, personal 个人品德;
 * "" for none given or an unknown code. */
const char *ledger_virtue_label(const char *virtue);
/* The label of a virtue's column on the board: as above, and 其他 for "" (none given). */
const char *ledger_virtue_column_label(const char *virtue);
/* The board's columns in order: the four virtues, then "" (其他). n gets 5. */
const char *const *ledger_virtue_order(size_t *n);
/* Ad carriers: door_head 门头, wall 墙体, bulletin_board 宣传栏, led_screen 电子显示屏,
 * billboard 公益广告牌, website 单位网站, wechat_weibo_app 两微一端. */
const char *ledger_ad_carrier_label(const char *carrier);

/* The position of a code in its vocabulary's order ('k' exemplar kinds, 'l' levels lowest first,
 * 'c' ad carriers), -1 when unknown: lists and statistics show them in this order. */
int ledger_record_code_index(char vocabulary, const char *code);

/* year 0 means "not given" (400 required). today is YYYY-MM-DD: the year may be at most the
 * next one (a commendation announced ahead), and no later than 2100.
 * Codes: required (kind, name, level, year), invalid_kind, invalid_level, invalid_year,
 * invalid_virtue, too_long (name > 50, deeds > 2000), invalid_characters. */
struct exemplar_fields {
	const char *kind, *name, *level, *virtue, *deeds;
	int64_t year;
};
enum err ledger_exemplar_validate(const struct exemplar_fields *e, const char *today, struct err_detail *d);

/* count 0 means "not given" (400 required), otherwise 1..100000 (out_of_range). start_date is a
 * real date not after today (invalid_date); end_date "" (still up) or a real date not before
 * start_date (invalid_date, invalid_range). Codes also: required (carrier, theme, start_date),
 * invalid_carrier, too_long (theme, place > 100, description > 2000), invalid_characters. */
struct ad_fields {
	const char *carrier, *theme, *start_date, *end_date, *place, *description;
	int64_t count;
};
enum err ledger_ad_validate(const struct ad_fields *a, const char *today, struct err_detail *d);

#endif
