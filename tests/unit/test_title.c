/* test_title.c — unit tests for src/domain/title (title and unit vocabulary).
 * Table-driven: values and labels, level ranks, the full status transition matrix, and the
 * year/term arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/domain/title.h"

struct test_vocab_case {
	int (*valid)(const char *);
	const char *(*label)(const char *);
	const char *value;
	const char *want_label; /* NULL: invalid value */
};

static const struct test_vocab_case test_vocab_cases[] = {
	{ title_level_valid, title_level_label, "national", "全国" },
	{ title_level_valid, title_level_label, "region", "自治区级" },
	{ title_level_valid, title_level_label, "city", "市级" },
	{ title_level_valid, title_level_label, "banner", "旗级" },
	{ title_level_valid, title_level_label, "National", NULL },
	{ title_level_valid, title_level_label, "county", NULL },
	{ title_level_valid, title_level_label, "", NULL },
	{ title_level_valid, title_level_label, "unit", NULL }, /* a tier, not a level */
	{ title_tier_valid, title_tier_label, "unit", "文明单位" },
	{ title_tier_valid, title_tier_label, "model", "文明单位标兵" },
	{ title_tier_valid, title_tier_label, "models", NULL },
	{ title_tier_valid, title_tier_label, "national", NULL },
	{ title_status_valid, title_status_label, "valid", "有效" },
	{ title_status_valid, title_status_label, "criticized", "通报批评" },
	{ title_status_valid, title_status_label, "yellow_card", "黄牌警告" },
	{ title_status_valid, title_status_label, "revoked", "撤销" },
	{ title_status_valid, title_status_label, "lapsed", "自行终止" },
	{ title_status_valid, title_status_label, "yellow-card", NULL },
	{ title_status_valid, title_status_label, "active", NULL }, /* a unit status */
	{ title_status_valid, title_status_label, "valid ", NULL },
	{ title_unit_status_valid, title_unit_status_label, "active", "正常" },
	{ title_unit_status_valid, title_unit_status_label, "merged", "已合并" },
	{ title_unit_status_valid, title_unit_status_label, "dissolved", "已撤销" },
	{ title_unit_status_valid, title_unit_status_label, "revoked", NULL },
	{ title_unit_status_valid, title_unit_status_label, "ACTIVE", NULL },
};

static void test_title_vocab_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_vocab_cases / sizeof *test_vocab_cases; i++) {
		const struct test_vocab_case *t = &test_vocab_cases[i];
		const char *label = t->label(t->value);

		if (t->valid(t->value) != (t->want_label != NULL)) {
			fail_msg("case %zu (%s): validity wrong", i, t->value);
		}
		if (t->want_label == NULL) {
			assert_null(label);
		} else {
			assert_non_null(label);
			assert_string_equal(label, t->want_label);
		}
	}
}

static void test_title_vocab_null(void **state)
{
	(void)state;
	assert_int_equal(title_level_valid(NULL), 0);
	assert_int_equal(title_tier_valid(NULL), 0);
	assert_int_equal(title_status_valid(NULL), 0);
	assert_int_equal(title_unit_status_valid(NULL), 0);
	assert_null(title_level_label(NULL));
	assert_null(title_tier_label(NULL));
	assert_null(title_status_label(NULL));
	assert_null(title_unit_status_label(NULL));
	assert_int_equal(title_level_rank(NULL), 0);
}

static void test_title_level_rank(void **state)
{
	static const char *const order[] = { "national", "region", "city", "banner" };
	struct test_rank {
		const char *level;
		int rank;
	};
	static const struct test_rank cases[] = {
		{ "national", 4 }, { "region", 3 }, { "city", 2 }, { "banner", 1 }, { "county", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(title_level_rank(cases[i].level), cases[i].rank);
	}
	/* Strict order national > region > city > banner, and compare agrees. */
	for (size_t i = 0; i < 4; i++) {
		for (size_t k = 0; k < 4; k++) {
			int cmp = title_level_compare(order[i], order[k]);

			if (i < k) {
				assert_true(cmp > 0);
			} else if (i > k) {
				assert_true(cmp < 0);
			} else {
				assert_int_equal(cmp, 0);
			}
		}
		assert_true(title_level_compare(order[i], "bogus") > 0);
	}
}

/* The full 5×5 matrix of allowed transitions; rows = from, columns = to, in the order
 * valid, criticized, yellow_card, revoked, lapsed. */
static void test_title_transition_matrix(void **state)
{
	static const char *const statuses[5] = { "valid", "criticized", "yellow_card", "revoked",
						 "lapsed" };
	static const int allowed[5][5] = {
		/*              valid crit yellow revoked lapsed */
		/* valid */ { 0, 1, 1, 1, 1 },
		/* crit  */ { 1, 0, 1, 1, 1 },
		/* yellow */ { 1, 0, 0, 1, 1 },
		/* revoked */ { 0, 0, 0, 0, 0 },
		/* lapsed */ { 0, 0, 0, 0, 0 },
	};

	(void)state;
	for (int f = 0; f < 5; f++) {
		for (int t = 0; t < 5; t++) {
			if (title_status_transition_allowed(statuses[f], statuses[t]) != allowed[f][t]) {
				fail_msg("%s -> %s: want %d", statuses[f], statuses[t], allowed[f][t]);
			}
		}
	}
	assert_int_equal(title_status_transition_allowed("valid", "bogus"), 0);
	assert_int_equal(title_status_transition_allowed("bogus", "valid"), 0);
	assert_int_equal(title_status_transition_allowed(NULL, "valid"), 0);
	assert_int_equal(title_status_transition_allowed("valid", NULL), 0);
	assert_int_equal(title_status_transition_allowed("valid", "active"), 0);
}

static void test_title_years(void **state)
{
	struct test_year {
		int year;
		int valid;
	};
	static const struct test_year years[] = {
		{ 1979, 0 }, { 1980, 1 }, { 2024, 1 }, { 2100, 1 }, { 2101, 0 }, { 0, 0 }, { -2020, 0 },
	};
	struct test_term {
		int term;
		int valid;
	};
	static const struct test_term terms[] = {
		{ 0, 0 }, { 1, 1 }, { 3, 1 }, { 10, 1 }, { 11, 0 }, { -1, 0 },
	};
	struct test_expiry {
		int awarded;
		int term;
		int want;
	};
	static const struct test_expiry expiries[] = {
		{ 2020, 3, 2022 }, { 2020, 1, 2020 }, { 1980, 10, 1989 }, { 2100, 10, 2109 },
		{ 2023, 0, 0 },    { 2023, 11, 0 },   { 1979, 3, 0 },     { 2101, 3, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
		assert_int_equal(title_year_valid(years[i].year), years[i].valid);
	}
	for (size_t i = 0; i < sizeof terms / sizeof *terms; i++) {
		assert_int_equal(title_term_valid(terms[i].term), terms[i].valid);
	}
	for (size_t i = 0; i < sizeof expiries / sizeof *expiries; i++) {
		if (title_expires_year(expiries[i].awarded, expiries[i].term) != expiries[i].want) {
			fail_msg("%d + %d: want %d", expiries[i].awarded, expiries[i].term,
				 expiries[i].want);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_vocab_table),
		cmocka_unit_test(test_title_vocab_null),
		cmocka_unit_test(test_title_level_rank),
		cmocka_unit_test(test_title_transition_matrix),
		cmocka_unit_test(test_title_years),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
