/* test_region_scope.c — unit tests for src/domain/region_code and src/domain/scope.
 * Table-driven: code shapes and levels, parent matching, prefixes, coverage of regions and
 * units, and the "may not grant wider than your own" containment rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/domain/region_code.h"
#include "../../src/domain/scope.h"

struct test_region_case {
	const char *code;
	const char *parent;
	enum err want_err;
	int want_level;
	const char *want_code; /* "" when OK */
	const char *want_field;
};

static const struct test_region_case test_region_cases[] = {
	/* well-formed, no parent */
	{ "150000", NULL, ERR_OK, 1, "", "" },        /* 内蒙古自治区 */
	{ "150600", NULL, ERR_OK, 2, "", "" },        /* 鄂尔多斯市 */
	{ "150622", NULL, ERR_OK, 3, "", "" },        /* 准格尔旗 */
	{ "110101", NULL, ERR_OK, 3, "", "" },        /* 北京市东城区 */
	{ "820000", "", ERR_OK, 1, "", "" },          /* "" parent = no parent */
	{ "150622", "", ERR_OK, 3, "", "" },
	/* well-formed with a matching parent */
	{ "150600", "150000", ERR_OK, 2, "", "" },
	{ "150622", "150600", ERR_OK, 3, "", "" },
	{ "150100", "150000", ERR_OK, 2, "", "" },
	/* malformed codes */
	{ "", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "15000", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "1500000", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "15060a", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ " 150600", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "15 600", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "-15060", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "000000", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "000100", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "001122", NULL, ERR_INVALID, 0, "region_code", "code" },
	{ "150022", NULL, ERR_INVALID, 0, "region_code", "code" }, /* county under province: strict */
	{ "150022", "150000", ERR_INVALID, 0, "region_code", "code" },
	{ "\xEF\xBC\x91\xEF\xBC\x95", NULL, ERR_INVALID, 0, "region_code", "code" }, /* full-width */
	/* parent mismatches */
	{ "150000", "150000", ERR_INVALID, 0, "region_parent", "parent_code" }, /* province with parent */
	{ "150600", "150600", ERR_INVALID, 0, "region_parent", "parent_code" }, /* itself */
	{ "150600", "140000", ERR_INVALID, 0, "region_parent", "parent_code" }, /* other province */
	{ "150622", "150000", ERR_INVALID, 0, "region_parent", "parent_code" }, /* skips a level */
	{ "150622", "150100", ERR_INVALID, 0, "region_parent", "parent_code" }, /* other prefecture */
	{ "150622", "150621", ERR_INVALID, 0, "region_parent", "parent_code" }, /* county parent */
	{ "150600", "15000", ERR_INVALID, 0, "region_parent", "parent_code" },  /* malformed parent */
	{ "150600", "15000x", ERR_INVALID, 0, "region_parent", "parent_code" },
	{ "150622", "150060", ERR_INVALID, 0, "region_parent", "parent_code" },
};

static void test_region_validate_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_region_cases / sizeof *test_region_cases; i++) {
		const struct test_region_case *t = &test_region_cases[i];
		struct err_detail d;
		int level = -1;
		enum err got;

		err_clear(&d);
		got = region_code_validate(t->code, t->parent, &level, &d);
		if (got != t->want_err || level != t->want_level || strcmp(d.code, t->want_code) != 0 ||
		    strcmp(d.field, t->want_field) != 0) {
			fail_msg("case %zu (%s under %s): got err %d level %d code '%s' field '%s'", i,
				 t->code, t->parent ? t->parent : "NULL", got, level, d.code, d.field);
		}
		if (t->want_err != ERR_OK) {
			assert_true(d.message[0] != '\0');
		}
	}
}

static void test_region_validate_nulls(void **state)
{
	struct err_detail d;

	(void)state;
	err_clear(&d);
	assert_int_equal(region_code_validate(NULL, NULL, NULL, &d), ERR_INVALID);
	assert_string_equal(d.code, "region_code");
	assert_int_equal(region_code_validate("150622", "150600", NULL, NULL), ERR_OK);
	assert_int_equal(region_code_validate("150622", "150100", NULL, NULL), ERR_INVALID);
	err_clear(&d);
	assert_int_equal(region_code_validate("150622", "150100", NULL, &d), ERR_INVALID);
	assert_string_equal(d.message, "行政区划代码与上级不匹配");
}

static void test_region_level(void **state)
{
	struct test_level {
		const char *code;
		int level;
	};
	static const struct test_level cases[] = {
		{ "150000", 1 }, { "150600", 2 }, { "150622", 3 }, { "659001", 3 },
		{ "150022", 0 }, { "000000", 0 }, { "1506", 0 },   { "abcdef", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		if (region_code_level(cases[i].code) != cases[i].level) {
			fail_msg("%s: got %d, want %d", cases[i].code, region_code_level(cases[i].code),
				 cases[i].level);
		}
	}
	assert_int_equal(region_code_level(NULL), 0);
}

static void test_scope_prefix(void **state)
{
	struct test_prefix {
		const char *code;
		int len;
		const char *prefix;
	};
	static const struct test_prefix cases[] = {
		{ "150000", 2, "15" },     { "150600", 4, "1506" }, { "150622", 6, "150622" },
		{ "110101", 6, "110101" }, { "150022", 0, "" },     { "15060", 0, "" },
		{ "", 0, "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[7];

		memset(out, 'x', sizeof out);
		assert_int_equal(scope_region_prefix(cases[i].code, out), cases[i].len);
		assert_string_equal(out, cases[i].prefix);
	}
	{
		char out[7] = "xx";

		assert_int_equal(scope_region_prefix(NULL, out), 0);
		assert_string_equal(out, "");
	}
}

/* Builds a scope value. */
static struct scope test_scope_make(int kind, const char *region, int64_t unit_id)
{
	struct scope s;

	memset(&s, 0, sizeof s);
	s.kind = kind;
	if (region) {
		size_t n = strlen(region);

		/* Truncate to 6 chars; the zeroed array keeps the NUL at index 6. */
		memcpy(s.region_code, region, n < sizeof s.region_code - 1 ? n : sizeof s.region_code - 1);
	}
	s.unit_id = unit_id;
	return s;
}

struct test_cover_case {
	int kind;
	const char *scope_region;
	const char *region;
	int want;
};

static const struct test_cover_case test_cover_cases[] = {
	{ SCOPE_REGION, "150600", "150622", 1 },
	{ SCOPE_REGION, "150600", "150600", 1 },
	{ SCOPE_REGION, "150600", "150100", 0 },
	{ SCOPE_REGION, "150600", "150000", 0 }, /* the parent is outside */
	{ SCOPE_REGION, "150600", "150602", 1 },
	{ SCOPE_REGION, "150600", "1506", 0 },   /* malformed target */
	{ SCOPE_REGION, "150600", "15062x", 0 },
	{ SCOPE_REGION, "150600", "", 0 },
	{ SCOPE_REGION, "150000", "150622", 1 },
	{ SCOPE_REGION, "150000", "150000", 1 },
	{ SCOPE_REGION, "150000", "110101", 0 },
	{ SCOPE_REGION, "150000", "140622", 0 }, /* same first digit only */
	{ SCOPE_REGION, "150000", "151000", 1 }, /* prefix "15" */
	{ SCOPE_REGION, "150622", "150622", 1 },
	{ SCOPE_REGION, "150622", "150621", 0 },
	{ SCOPE_REGION, "150622", "150600", 0 },
	{ SCOPE_REGION, "1506", "150622", 0 },   /* malformed scope covers nothing */
	{ SCOPE_REGION, "", "150622", 0 },
	{ SCOPE_ALL, "", "150622", 1 },
	{ SCOPE_ALL, "", "110000", 1 },
	{ SCOPE_UNIT, "150600", "150622", 0 },   /* a unit scope covers no region */
	{ SCOPE_NONE, "150600", "150622", 0 },
	{ 99, "150600", "150622", 0 },           /* unknown kind fails closed */
};

static void test_scope_covers_region_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_cover_cases / sizeof *test_cover_cases; i++) {
		const struct test_cover_case *t = &test_cover_cases[i];
		struct scope s = test_scope_make(t->kind, t->scope_region, 7);

		if (scope_covers_region(&s, t->region) != t->want) {
			fail_msg("case %zu: kind %d scope %s region %s: want %d", i, t->kind,
				 t->scope_region, t->region, t->want);
		}
	}
}

static void test_scope_covers_region_edge(void **state)
{
	struct scope s = test_scope_make(SCOPE_REGION, "150600", 0);
	struct scope zero;

	(void)state;
	assert_int_equal(scope_covers_region(NULL, "150622"), 0);
	assert_int_equal(scope_covers_region(&s, NULL), 0);
	/* A zero-initialised scope covers nothing. */
	memset(&zero, 0, sizeof zero);
	assert_int_equal(scope_covers_region(&zero, "150622"), 0);
	assert_int_equal(scope_covers_unit(&zero, 0, "150622"), 0);
	/* A region_code array without NUL is treated as malformed, not read past. */
	memcpy(s.region_code, "1506001", 7);
	assert_int_equal(scope_covers_region(&s, "150622"), 0);
}

struct test_unit_case {
	int kind;
	const char *scope_region;
	int64_t scope_unit;
	int64_t unit_id;
	const char *unit_region;
	int want;
};

static const struct test_unit_case test_unit_cases[] = {
	{ SCOPE_UNIT, "", 7, 7, "150622", 1 },
	{ SCOPE_UNIT, "", 7, 7, NULL, 1 },
	{ SCOPE_UNIT, "", 7, 8, "150622", 0 },
	{ SCOPE_UNIT, "", 7, -7, "150622", 0 },
	{ SCOPE_REGION, "150600", 0, 8, "150622", 1 },
	{ SCOPE_REGION, "150600", 0, 8, "150600", 1 },
	{ SCOPE_REGION, "150600", 0, 8, "150100", 0 },
	{ SCOPE_REGION, "150600", 0, 8, NULL, 0 },
	{ SCOPE_ALL, "", 0, 123, "110101", 1 },
	{ SCOPE_ALL, "", 0, 123, NULL, 1 },
	{ SCOPE_NONE, "", 7, 7, "150622", 0 },
	{ 42, "150600", 7, 7, "150622", 0 },
};

static void test_scope_covers_unit_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_unit_cases / sizeof *test_unit_cases; i++) {
		const struct test_unit_case *t = &test_unit_cases[i];
		struct scope s = test_scope_make(t->kind, t->scope_region, t->scope_unit);

		if (scope_covers_unit(&s, t->unit_id, t->unit_region) != t->want) {
			fail_msg("case %zu: want %d", i, t->want);
		}
	}
	assert_int_equal(scope_covers_unit(NULL, 7, "150622"), 0);
}

struct test_within_case {
	int granter_kind;
	const char *granter_region;
	int64_t granter_unit;
	int granted_kind;
	const char *granted_region;
	int64_t granted_unit;
	const char *granted_unit_region;
	int want;
};

static const struct test_within_case test_within_cases[] = {
	/* granter ALL grants anything */
	{ SCOPE_ALL, "", 0, SCOPE_ALL, "", 0, NULL, 1 },
	{ SCOPE_ALL, "", 0, SCOPE_REGION, "150000", 0, NULL, 1 },
	{ SCOPE_ALL, "", 0, SCOPE_UNIT, "", 9, "110101", 1 },
	{ SCOPE_ALL, "", 0, SCOPE_NONE, "", 0, NULL, 1 },
	{ SCOPE_ALL, "", 0, SCOPE_REGION, "1500", 0, NULL, 0 }, /* malformed granted region */
	/* granter REGION 150600 */
	{ SCOPE_REGION, "150600", 0, SCOPE_ALL, "", 0, NULL, 0 },
	{ SCOPE_REGION, "150600", 0, SCOPE_REGION, "150600", 0, NULL, 1 },
	{ SCOPE_REGION, "150600", 0, SCOPE_REGION, "150622", 0, NULL, 1 },
	{ SCOPE_REGION, "150600", 0, SCOPE_REGION, "150000", 0, NULL, 0 }, /* wider */
	{ SCOPE_REGION, "150600", 0, SCOPE_REGION, "150100", 0, NULL, 0 }, /* sibling */
	{ SCOPE_REGION, "150600", 0, SCOPE_UNIT, "", 9, "150622", 1 },
	{ SCOPE_REGION, "150600", 0, SCOPE_UNIT, "", 9, "150600", 1 },
	{ SCOPE_REGION, "150600", 0, SCOPE_UNIT, "", 9, "150100", 0 },
	{ SCOPE_REGION, "150600", 0, SCOPE_UNIT, "", 9, NULL, 0 },
	{ SCOPE_REGION, "150600", 0, SCOPE_NONE, "", 0, NULL, 1 },
	{ SCOPE_REGION, "150600", 0, 77, "150622", 0, NULL, 0 },
	/* granter REGION 150000 (province) */
	{ SCOPE_REGION, "150000", 0, SCOPE_REGION, "150600", 0, NULL, 1 },
	{ SCOPE_REGION, "150000", 0, SCOPE_REGION, "110000", 0, NULL, 0 },
	/* granter UNIT 9 */
	{ SCOPE_UNIT, "", 9, SCOPE_UNIT, "", 9, "150622", 1 },
	{ SCOPE_UNIT, "", 9, SCOPE_UNIT, "", 10, "150622", 0 },
	{ SCOPE_UNIT, "", 9, SCOPE_REGION, "150622", 0, NULL, 0 },
	{ SCOPE_UNIT, "", 9, SCOPE_ALL, "", 0, NULL, 0 },
	/* granter NONE */
	{ SCOPE_NONE, "", 0, SCOPE_UNIT, "", 0, "150622", 0 },
	{ SCOPE_NONE, "", 0, SCOPE_REGION, "150622", 0, NULL, 0 },
	{ SCOPE_NONE, "", 0, SCOPE_NONE, "", 0, NULL, 1 },
};

static void test_scope_is_within_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_within_cases / sizeof *test_within_cases; i++) {
		const struct test_within_case *t = &test_within_cases[i];
		struct scope granter = test_scope_make(t->granter_kind, t->granter_region, t->granter_unit);
		struct scope granted = test_scope_make(t->granted_kind, t->granted_region, t->granted_unit);

		if (scope_is_within(&granter, &granted, t->granted_unit_region) != t->want) {
			fail_msg("case %zu: granter %d/%s/%lld granted %d/%s/%lld: want %d", i,
				 t->granter_kind, t->granter_region, (long long)t->granter_unit,
				 t->granted_kind, t->granted_region, (long long)t->granted_unit, t->want);
		}
	}
	{
		struct scope all = test_scope_make(SCOPE_ALL, "", 0);

		assert_int_equal(scope_is_within(NULL, &all, NULL), 0);
		assert_int_equal(scope_is_within(&all, NULL, NULL), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_region_validate_table),
		cmocka_unit_test(test_region_validate_nulls),
		cmocka_unit_test(test_region_level),
		cmocka_unit_test(test_scope_prefix),
		cmocka_unit_test(test_scope_covers_region_table),
		cmocka_unit_test(test_scope_covers_region_edge),
		cmocka_unit_test(test_scope_covers_unit_table),
		cmocka_unit_test(test_scope_is_within_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
