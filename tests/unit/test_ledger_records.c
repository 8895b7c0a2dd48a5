/* test_ledger_records.c — unit tests for src/domain/ledger_records: the exemplar and ad
 * vocabularies with their Chinese labels, the board's column order, and the validation of an
 * exemplar (kind, name, level, year against today, virtue, deeds) and of a public-service ad
 * (carrier, theme, count, dates against today and each other, place, description). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/domain/ledger_records.h"

#define TODAY "2025-06-15"

static char *repeat(const char *s, size_t times)
{
	size_t n = strlen(s);
	char *out = test_malloc(n * times + 1);
	for (size_t i = 0; i < times; i++) {
		memcpy(out + i * n, s, n);
	}
	out[n * times] = '\0';
	return out;
}

static void test_labels(void **state)
{
	(void)state;
	static const struct {
		const char *(*fn)(const char *);
		const char *code, *label;
	} cases[] = {
		{ledger_exemplar_kind_label, "moral_model", "道德模范"},
		{ledger_exemplar_kind_label, "moral_model_collective", "道德模范集体"},
		{ledger_exemplar_kind_label, "good_person", "身边好人"},
		{ledger_exemplar_kind_label, "excellent_staff", "优秀员工/先进工作者"},
		{ledger_exemplar_kind_label, "excellent_volunteer", "优秀志愿者"},
		{ledger_exemplar_kind_label, "civilized_family", "文明家庭"},
		{ledger_exemplar_kind_label, "hero", ""},
		{ledger_exemplar_kind_label, "", ""},
		{ledger_exemplar_kind_label, "Moral_model", ""},
		{ledger_exemplar_level_label, "unit", "本单位"},
		{ledger_exemplar_level_label, "banner", "旗县级"},
		{ledger_exemplar_level_label, "city", "市级"},
		{ledger_exemplar_level_label, "region", "自治区级"},
		{ledger_exemplar_level_label, "nation", "全国"},
		{ledger_exemplar_level_label, "national", ""},
		{ledger_virtue_label, "social", "社会公德"},
		{ledger_virtue_label, "professional", "职业道德"},
		{ledger_virtue_label, "family", "家庭美德"},
		{ledger_virtue_label, "personal", "个人品德"},
		{ledger_virtue_label, "", ""},
		{ledger_virtue_label, "public", ""},
		{ledger_virtue_column_label, "", "其他"},
		{ledger_virtue_column_label, "family", "家庭美德"},
		{ledger_ad_carrier_label, "door_head", "门头"},
		{ledger_ad_carrier_label, "wall", "墙体"},
		{ledger_ad_carrier_label, "bulletin_board", "宣传栏"},
		{ledger_ad_carrier_label, "led_screen", "电子显示屏"},
		{ledger_ad_carrier_label, "billboard", "公益广告牌"},
		{ledger_ad_carrier_label, "website", "单位网站"},
		{ledger_ad_carrier_label, "wechat_weibo_app", "两微一端"},
		{ledger_ad_carrier_label, "tv", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (strcmp(cases[i].fn(cases[i].code), cases[i].label) != 0) {
			fail_msg("label of %s: got %s, want %s", cases[i].code, cases[i].fn(cases[i].code), cases[i].label);
		}
	}
	assert_string_equal(ledger_exemplar_kind_label(NULL), "");
	assert_string_equal(ledger_exemplar_level_label(NULL), "");
	assert_string_equal(ledger_virtue_label(NULL), "");
	assert_string_equal(ledger_virtue_column_label(NULL), "其他");
	assert_string_equal(ledger_ad_carrier_label(NULL), "");
	size_t n = 0;
	const char *const *order = ledger_virtue_order(&n);
	assert_int_equal(n, 5);
	const char *want[] = {"social", "professional", "family", "personal", ""};
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(order[i], want[i]);
	}
}

struct exemplar_case {
	struct exemplar_fields f;
	const char *today;
	enum err err;
	const char *code, *field;
};

static void check_exemplar(const struct exemplar_case *c, size_t i)
{
	struct err_detail d;
	err_clear(&d);
	enum err e = ledger_exemplar_validate(&c->f, c->today ? c->today : TODAY, &d);
	if (e != c->err) {
		fail_msg("exemplar case %zu: err %d, want %d (%s %s)", i, e, c->err, d.code, d.field);
	}
	if (c->err != ERR_OK && (strcmp(d.code, c->code) != 0 || strcmp(d.field, c->field) != 0)) {
		fail_msg("exemplar case %zu: %s/%s, want %s/%s", i, d.code, d.field, c->code, c->field);
	}
	if (c->err != ERR_OK && !d.message[0]) {
		fail_msg("exemplar case %zu: no message", i);
	}
}

static void test_exemplar_validate(void **state)
{
	(void)state;
	char *name50 = repeat("字", 50), *name51 = repeat("字", 51);
	char *deeds2000 = repeat("德", 2000), *deeds2001 = repeat("德", 2001);
	const struct exemplar_case cases[] = {
		/* good ones, limits inclusive */
		{{"moral_model", "张三", "nation", "social", "见义勇为", 2024}, NULL, ERR_OK, NULL, NULL},
		{{"civilized_family", "李家", "unit", "", "", 1949}, NULL, ERR_OK, NULL, NULL},
		{{"good_person", "王五", "banner", NULL, NULL, 2026}, NULL, ERR_OK, NULL, NULL},
		{{"excellent_staff", name50, "city", "professional", deeds2000, 2025}, NULL, ERR_OK, NULL, NULL},
		{{"excellent_volunteer", "赵六", "region", "personal", "", 2025}, NULL, ERR_OK, NULL, NULL},
		{{"moral_model_collective", "先进集体", "region", "family", "", 2025}, NULL, ERR_OK, NULL, NULL},
		/* the year's upper bound moves with today, and stops at 2100 */
		{{"good_person", "甲", "unit", "", "", 2027}, NULL, ERR_INVALID, "invalid_year", "year"},
		{{"good_person", "甲", "unit", "", "", 2027}, "2026-01-01", ERR_OK, NULL, NULL},
		{{"good_person", "甲", "unit", "", "", 2100}, "2100-06-01", ERR_OK, NULL, NULL},
		{{"good_person", "甲", "unit", "", "", 2101}, "2100-06-01", ERR_INVALID, "invalid_year", "year"},
		{{"good_person", "甲", "unit", "", "", 1948}, NULL, ERR_INVALID, "invalid_year", "year"},
		{{"good_person", "甲", "unit", "", "", -2024}, NULL, ERR_INVALID, "invalid_year", "year"},
		{{"good_person", "甲", "unit", "", "", INT64_MAX}, NULL, ERR_INVALID, "invalid_year", "year"},
		{{"good_person", "甲", "unit", "", "", 0}, NULL, ERR_INVALID, "required", "year"},
		/* kind */
		{{NULL, "甲", "unit", "", "", 2024}, NULL, ERR_INVALID, "required", "kind"},
		{{"", "甲", "unit", "", "", 2024}, NULL, ERR_INVALID, "required", "kind"},
		{{"hero", "甲", "unit", "", "", 2024}, NULL, ERR_INVALID, "invalid_kind", "kind"},
		/* name */
		{{"good_person", NULL, "unit", "", "", 2024}, NULL, ERR_INVALID, "required", "name"},
		{{"good_person", "", "unit", "", "", 2024}, NULL, ERR_INVALID, "required", "name"},
		{{"good_person", name51, "unit", "", "", 2024}, NULL, ERR_INVALID, "too_long", "name"},
		{{"good_person", "a\x01" "b", "unit", "", "", 2024}, NULL, ERR_INVALID, "invalid_characters", "name"},
		{{"good_person", "\xff\xfe", "unit", "", "", 2024}, NULL, ERR_INVALID, "invalid_characters", "name"},
		/* level */
		{{"good_person", "甲", NULL, "", "", 2024}, NULL, ERR_INVALID, "required", "level"},
		{{"good_person", "甲", "", "", "", 2024}, NULL, ERR_INVALID, "required", "level"},
		{{"good_person", "甲", "province", "", "", 2024}, NULL, ERR_INVALID, "invalid_level", "level"},
		/* virtue */
		{{"good_person", "甲", "unit", "public", "", 2024}, NULL, ERR_INVALID, "invalid_virtue", "virtue"},
		{{"good_person", "甲", "unit", "其他", "", 2024}, NULL, ERR_INVALID, "invalid_virtue", "virtue"},
		/* deeds */
		{{"good_person", "甲", "unit", "", deeds2001, 2024}, NULL, ERR_INVALID, "too_long", "deeds"},
		{{"good_person", "甲", "unit", "", "x\x7fy", 2024}, NULL, ERR_INVALID, "invalid_characters", "deeds"},
		/* the first fault is reported: kind before name before level before year */
		{{"hero", "", "province", "x", "", 0}, NULL, ERR_INVALID, "invalid_kind", "kind"},
		{{"good_person", "", "province", "x", "", 0}, NULL, ERR_INVALID, "required", "name"},
		{{"good_person", "甲", "province", "x", "", 0}, NULL, ERR_INVALID, "invalid_level", "level"},
		{{"good_person", "甲", "unit", "x", "", 0}, NULL, ERR_INVALID, "required", "year"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_exemplar(&cases[i], i);
	}
	test_free(name50);
	test_free(name51);
	test_free(deeds2000);
	test_free(deeds2001);
}

struct ad_case {
	struct ad_fields f;
	enum err err;
	const char *code, *field;
};

static void test_ad_validate(void **state)
{
	(void)state;
	char *theme100 = repeat("讲", 100), *theme101 = repeat("讲", 101);
	char *place100 = repeat("地", 100), *place101 = repeat("地", 101);
	char *desc2000 = repeat("文", 2000), *desc2001 = repeat("文", 2001);
	const struct ad_case cases[] = {
		/* good ones, limits inclusive; today is allowed, equal dates are in order */
		{{"wall", "讲文明树新风", "2025-03-01", "", "", "", 10}, ERR_OK, NULL, NULL},
		{{"door_head", "图说我们的价值观", "2025-06-15", "2025-06-15", "大门", "说明", 1}, ERR_OK, NULL, NULL},
		{{"website", theme100, "1949-10-01", "2100-12-31", place100, desc2000, 100000}, ERR_OK, NULL, NULL},
		{{"wechat_weibo_app", "网络文明", "2024-02-29", NULL, NULL, NULL, 3}, ERR_OK, NULL, NULL},
		{{"billboard", "甲", "2025-01-01", "2030-01-01", "", "", 2}, ERR_OK, NULL, NULL},
		{{"led_screen", "甲", "2025-01-01", "", "", "", 2}, ERR_OK, NULL, NULL},
		{{"bulletin_board", "甲", "2025-01-01", "", "", "", 2}, ERR_OK, NULL, NULL},
		/* carrier */
		{{NULL, "甲", "2025-01-01", "", "", "", 1}, ERR_INVALID, "required", "carrier"},
		{{"", "甲", "2025-01-01", "", "", "", 1}, ERR_INVALID, "required", "carrier"},
		{{"tv", "甲", "2025-01-01", "", "", "", 1}, ERR_INVALID, "invalid_carrier", "carrier"},
		/* theme */
		{{"wall", "", "2025-01-01", "", "", "", 1}, ERR_INVALID, "required", "theme"},
		{{"wall", NULL, "2025-01-01", "", "", "", 1}, ERR_INVALID, "required", "theme"},
		{{"wall", theme101, "2025-01-01", "", "", "", 1}, ERR_INVALID, "too_long", "theme"},
		{{"wall", "a\x02", "2025-01-01", "", "", "", 1}, ERR_INVALID, "invalid_characters", "theme"},
		/* count */
		{{"wall", "甲", "2025-01-01", "", "", "", 0}, ERR_INVALID, "required", "count"},
		{{"wall", "甲", "2025-01-01", "", "", "", -1}, ERR_INVALID, "out_of_range", "count"},
		{{"wall", "甲", "2025-01-01", "", "", "", 100001}, ERR_INVALID, "out_of_range", "count"},
		/* start_date: required, real, not after today */
		{{"wall", "甲", "", "", "", "", 1}, ERR_INVALID, "required", "start_date"},
		{{"wall", "甲", NULL, "", "", "", 1}, ERR_INVALID, "required", "start_date"},
		{{"wall", "甲", "2025-02-29", "", "", "", 1}, ERR_INVALID, "invalid_date", "start_date"},
		{{"wall", "甲", "2025/01/01", "", "", "", 1}, ERR_INVALID, "invalid_date", "start_date"},
		{{"wall", "甲", "1949-09-30", "", "", "", 1}, ERR_INVALID, "invalid_date", "start_date"},
		{{"wall", "甲", "2025-06-16", "", "", "", 1}, ERR_INVALID, "invalid_date", "start_date"},
		/* end_date: real, not before the start (it may lie ahead) */
		{{"wall", "甲", "2025-01-01", "2025-13-01", "", "", 1}, ERR_INVALID, "invalid_date", "end_date"},
		{{"wall", "甲", "2025-01-01", "2024-12-31", "", "", 1}, ERR_INVALID, "invalid_range", "end_date"},
		/* place, description */
		{{"wall", "甲", "2025-01-01", "", place101, "", 1}, ERR_INVALID, "too_long", "place"},
		{{"wall", "甲", "2025-01-01", "", "", desc2001, 1}, ERR_INVALID, "too_long", "description"},
		{{"wall", "甲", "2025-01-01", "", "", "a\x1b", 1}, ERR_INVALID, "invalid_characters", "description"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct err_detail d;
		err_clear(&d);
		enum err e = ledger_ad_validate(&cases[i].f, TODAY, &d);
		if (e != cases[i].err) {
			fail_msg("ad case %zu: err %d, want %d (%s %s)", i, e, cases[i].err, d.code, d.field);
		}
		if (cases[i].err != ERR_OK &&
		    (strcmp(d.code, cases[i].code) != 0 || strcmp(d.field, cases[i].field) != 0 || !d.message[0])) {
			fail_msg("ad case %zu: %s/%s, want %s/%s", i, d.code, d.field, cases[i].code, cases[i].field);
		}
	}
	struct err_detail d;
	err_clear(&d);
	struct ad_fields late = {"wall", "甲", "2025-06-16", "", "", "", 1};
	assert_int_equal(ledger_ad_validate(&late, TODAY, &d), ERR_INVALID);
	assert_non_null(strstr(d.message, "不能晚于今天"));
	test_free(theme100);
	test_free(theme101);
	test_free(place100);
	test_free(place101);
	test_free(desc2000);
	test_free(desc2001);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_exemplar_validate),
		cmocka_unit_test(test_ad_validate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
