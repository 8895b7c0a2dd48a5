/* ledger_records.c — exemplars and public-service ads of the creation ledger: vocabularies,
 * labels and validation (domain layer). Dates come from ledger.h. */
#include "ledger_records.h"

#include <stdio.h>
#include <string.h>

#include "ledger.h"
#include "text.h"

struct ledger_code_label {
	const char *code, *label;
};

static const struct ledger_code_label ledger_exemplar_kinds[] = {
	{"moral_model", "道德模范"},
	{"moral_model_collective", "道德模范集体"},
	{"good_person", "身边好人"},
	{"excellent_staff", "优秀员工/先进工作者"},
	{"excellent_volunteer", "优秀志愿者"},
	{"civilized_family", "文明家庭"},
};

static const struct ledger_code_label ledger_exemplar_levels[] = {
	{"unit", "本单位"}, {"banner", "旗县级"}, {"city", "市级"}, {"region", "自治区级"}, {"nation", "全国"},
};

static const struct ledger_code_label ledger_virtues[] = {
	{"social", "社会公德"}, {"professional", "职业道德"}, {"family", "家庭美德"}, {"personal", "个人品德"},
};

static const struct ledger_code_label ledger_ad_carriers[] = {
	{"door_head", "门头"},       {"wall", "墙体"},           {"bulletin_board", "宣传栏"},
	{"led_screen", "电子显示屏"}, {"billboard", "公益广告牌"}, {"website", "单位网站"},
	{"wechat_weibo_app", "两微一端"},
};

#define LEDGER_N(a) (sizeof(a) / sizeof((a)[0]))

static const char *ledger_lookup(const struct ledger_code_label *t, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++) {
		if (strcmp(code, t[i].code) == 0) {
			return t[i].label;
		}
	}
	return "";
}

static int ledger_index(const struct ledger_code_label *t, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++) {
		if (strcmp(code, t[i].code) == 0) {
			return (int)i;
		}
	}
	return -1;
}

int ledger_record_code_index(char vocabulary, const char *code)
{
	switch (vocabulary) {
	case 'k':
		return ledger_index(ledger_exemplar_kinds, LEDGER_N(ledger_exemplar_kinds), code);
	case 'l':
		return ledger_index(ledger_exemplar_levels, LEDGER_N(ledger_exemplar_levels), code);
	case 'c':
		return ledger_index(ledger_ad_carriers, LEDGER_N(ledger_ad_carriers), code);
	default:
		return -1;
	}
}

const char *ledger_exemplar_kind_label(const char *kind)
{
	return ledger_lookup(ledger_exemplar_kinds, LEDGER_N(ledger_exemplar_kinds), kind);
}

const char *ledger_exemplar_level_label(const char *level)
{
	return ledger_lookup(ledger_exemplar_levels, LEDGER_N(ledger_exemplar_levels), level);
}

const char *ledger_virtue_label(const char *virtue)
{
	return ledger_lookup(ledger_virtues, LEDGER_N(ledger_virtues), virtue);
}

const char *ledger_virtue_column_label(const char *virtue)
{
	return virtue && *virtue ? ledger_virtue_label(virtue) : "其他";
}

const char *const *ledger_virtue_order(size_t *n)
{
	static const char *const order[] = {"social", "professional", "family", "personal", ""};
	*n = LEDGER_N(order);
	return order;
}

const char *ledger_ad_carrier_label(const char *carrier)
{
	return ledger_lookup(ledger_ad_carriers, LEDGER_N(ledger_ad_carriers), carrier);
}

/* A free text: required or not, valid UTF-8 without control characters, at most max characters. */
static enum err ledger_record_text(const char *s, const char *field, size_t max, int required, const char *label,
				   struct err_detail *d)
{
	char msg[160];
	size_t n = s ? strlen(s) : 0;
	if (required && n == 0) {
		snprintf(msg, sizeof msg, "请填写%s", label);
		return err_set(d, ERR_INVALID, "required", field, msg);
	}
	if (n && (!text_utf8_valid(s, n) || text_has_control(s))) {
		snprintf(msg, sizeof msg, "%s含有不允许的字符", label);
		return err_set(d, ERR_INVALID, "invalid_characters", field, msg);
	}
	if (text_utf8_chars(s ? s : "", n) > max) {
		snprintf(msg, sizeof msg, "%s不能超过%zu个字", label, max);
		return err_set(d, ERR_INVALID, "too_long", field, msg);
	}
	return ERR_OK;
}

enum err ledger_exemplar_validate(const struct exemplar_fields *e, const char *today, struct err_detail *d)
{
	enum err rc;
	if (!e->kind || !*e->kind) {
		return err_set(d, ERR_INVALID, "required", "kind", "请选择典型类别");
	}
	if (!ledger_exemplar_kind_label(e->kind)[0]) {
		return err_set(d, ERR_INVALID, "invalid_kind", "kind",
			       "典型类别无效，可选道德模范、道德模范集体、身边好人、优秀员工/先进工作者、优秀志愿者、文明家庭");
	}
	if ((rc = ledger_record_text(e->name, "name", LEDGER_EXEMPLAR_NAME_MAX, 1, "姓名或名称", d))) {
		return rc;
	}
	if (!e->level || !*e->level) {
		return err_set(d, ERR_INVALID, "required", "level", "请选择表彰级别");
	}
	if (!ledger_exemplar_level_label(e->level)[0]) {
		return err_set(d, ERR_INVALID, "invalid_level", "level", "表彰级别无效，可选本单位、旗县级、市级、自治区级、全国");
	}
	if (e->year == 0) {
		return err_set(d, ERR_INVALID, "required", "year", "请填写年度");
	}
	int max_year = ledger_date_year(today) + 1;
	if (max_year <= 1 || max_year > 2100) {
		max_year = 2100;
	}
	if (e->year < 1949 || e->year > max_year) {
		char msg[96];
		snprintf(msg, sizeof msg, "年度应在1949到%d之间", max_year);
		return err_set(d, ERR_INVALID, "invalid_year", "year", msg);
	}
	if (e->virtue && *e->virtue && !ledger_virtue_label(e->virtue)[0]) {
		return err_set(d, ERR_INVALID, "invalid_virtue", "virtue",
			       "四德类别无效，可选社会公德、职业道德、家庭美德、个人品德，或不填");
	}
	return ledger_record_text(e->deeds, "deeds", LEDGER_RECORD_TEXT_MAX, 0, "主要事迹", d);
}

enum err ledger_ad_validate(const struct ad_fields *a, const char *today, struct err_detail *d)
{
	enum err rc;
	if (!a->carrier || !*a->carrier) {
		return err_set(d, ERR_INVALID, "required", "carrier", "请选择载体");
	}
	if (!ledger_ad_carrier_label(a->carrier)[0]) {
		return err_set(d, ERR_INVALID, "invalid_carrier", "carrier",
			       "载体无效，可选门头、墙体、宣传栏、电子显示屏、公益广告牌、单位网站、两微一端");
	}
	if ((rc = ledger_record_text(a->theme, "theme", LEDGER_AD_THEME_MAX, 1, "主题", d))) {
		return rc;
	}
	if (a->count == 0) {
		return err_set(d, ERR_INVALID, "required", "count", "请填写数量");
	}
	if (a->count < 1 || a->count > LEDGER_AD_COUNT_MAX) {
		return err_set(d, ERR_INVALID, "out_of_range", "count", "数量应在1到100000之间");
	}
	if (!a->start_date || !*a->start_date) {
		return err_set(d, ERR_INVALID, "required", "start_date", "请填写开始日期");
	}
	if (!ledger_date_valid(a->start_date)) {
		return err_set(d, ERR_INVALID, "invalid_date", "start_date", "开始日期应为有效日期，格式 YYYY-MM-DD");
	}
	if (today && strcmp(a->start_date, today) > 0) {
		return err_set(d, ERR_INVALID, "invalid_date", "start_date", "开始日期不能晚于今天");
	}
	if (a->end_date && *a->end_date) {
		if (!ledger_date_valid(a->end_date)) {
			return err_set(d, ERR_INVALID, "invalid_date", "end_date", "结束日期应为有效日期，格式 YYYY-MM-DD");
		}
		if (strcmp(a->end_date, a->start_date) < 0) {
			return err_set(d, ERR_INVALID, "invalid_range", "end_date", "结束日期不能早于开始日期");
		}
	}
	if ((rc = ledger_record_text(a->place, "place", LEDGER_AD_PLACE_MAX, 0, "地点", d))) {
		return rc;
	}
	return ledger_record_text(a->description, "description", LEDGER_RECORD_TEXT_MAX, 0, "说明", d);
}
