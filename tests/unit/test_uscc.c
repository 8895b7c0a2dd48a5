/* test_uscc.c — unit tests for src/domain/uscc (统一社会信用代码 validation).
 * Table-driven: real published codes that must pass, variants that must fail with a given
 * error code, normalisation, the check-char function and uscc_make. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../src/domain/uscc.h"

/* Real codes, published on business licences and annual reports; each also verified by the
 * algorithm (both check chars). */
static const char *const test_uscc_valid_codes[] = {
	"91350100M000100Y43", /* widely cited example (letters in the organization code) */
	"91110000802100433B", /* widely cited example */
	"914403001922038216", /* 华为技术有限公司 */
	"9144030071526726XG", /* 腾讯科技（深圳）有限公司 — org check char 'X' (value 10) */
	"91440300708461136T", /* 深圳市腾讯计算机系统有限公司 */
	"91330100799655058B", /* 阿里巴巴（中国）有限公司 */
	"91110000710925462X", /* 中国石油天然气股份有限公司 — position-18 'X' */
	"91110108551385082Q", /* 小米科技有限责任公司 */
	"91440300192317458F", /* 比亚迪股份有限公司 */
	"91100000100003962T", /* 中国工商银行股份有限公司 */
	"91110000100017643K", /* 中国移动通信集团有限公司 */
	"91310000132200821H", /* 上海汽车集团股份有限公司 */
	"9144030010001686XA", /* 招商银行股份有限公司 */
	"91440300100012316L", /* 中国平安保险（集团）股份有限公司 */
	"91110108MA01MNU448", /* an MA-series (post-2015) code: org check holds there too */
};

struct test_uscc_bad {
	const char *input;
	const char *code;
	const char *why;
};

static const struct test_uscc_bad test_uscc_bad_codes[] = {
	{ "", "uscc_length", "empty" },
	{ "91350100M000100Y4", "uscc_length", "17 chars" },
	{ "91350100M000100Y433", "uscc_length", "19 chars" },
	{ " 91350100M000100Y43", "uscc_length", "leading space is not trimmed by validate" },
	{ "91350100M000100Y43\xE3\x80\x80", "uscc_length", "trailing ideographic space" },
	{ "913501\xE4\xB8\xAD" "M000100Y4", "uscc_charset", "18 bytes with a CJK char" },
	{ "91350100m000100Y43", "uscc_charset", "lowercase letter" },
	{ "91350100M000100y43", "uscc_charset", "lowercase letter at 16" },
	{ "91350100MI00100Y43", "uscc_charset", "I is not in the charset" },
	{ "91350100MO00100Y43", "uscc_charset", "O is not in the charset" },
	{ "91350100MZ00100Y43", "uscc_charset", "Z is not in the charset" },
	{ "91350100MS00100Y43", "uscc_charset", "S is not in the charset" },
	{ "91350100MV00100Y43", "uscc_charset", "V is not in the charset" },
	{ "91350100M000100Y4-", "uscc_charset", "punctuation" },
	{ "9135010 M000100Y43", "uscc_charset", "inner space" },
	{ "91A50100M000100Y43", "uscc_charset", "letter in the division code (position 3)" },
	{ "9135010AM000100Y43", "uscc_charset", "letter in the division code (position 8)" },
	{ "91350100M000100Y44", "uscc_checksum", "wrong position 18" },
	{ "91110000802100433C", "uscc_checksum", "wrong position 18" },
	{ "914403001922038217", "uscc_checksum", "wrong position 18" },
	{ "91350100M000100Y34", "uscc_checksum", "positions 17 and 18 swapped" },
	{ "91350101M000100Y43", "uscc_checksum", "one digit changed in the division code" },
	{ "19350100M000100Y43", "uscc_checksum", "positions 1 and 2 swapped" },
	{ "914403001922038126", "uscc_checksum", "positions 16 and 17 swapped" },
	{ "91440300192203821G", "uscc_checksum", "last char replaced" },
};

/* Codes whose position 18 is right for the first 17 chars but whose position 17 is not the
 * GB 11714 check of positions 9–16: built by recomputing C18 over a broken C17. */
static const char *const test_uscc_bad_org_first17[] = {
	"91350100M000100Y5", /* correct org check is 4 */
	"91110000802100434", /* correct org check is 3 */
	"9144030071526726Y", /* correct org check is X */
	"914403001922038200", /* (only 17 used) correct org check is 1 */
	"91110108MA01MNU40", /* correct org check is 4 */
};

static void test_uscc_accepts_real_codes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_uscc_valid_codes / sizeof *test_uscc_valid_codes; i++) {
		struct err_detail d;

		err_clear(&d);
		if (uscc_validate(test_uscc_valid_codes[i], &d) != ERR_OK) {
			fail_msg("%s rejected: %s", test_uscc_valid_codes[i], d.code);
		}
		assert_string_equal(d.code, "");
		/* The check char function agrees with the published 18th char. */
		assert_int_equal(uscc_check_char(test_uscc_valid_codes[i]), test_uscc_valid_codes[i][17]);
	}
}

static void test_uscc_rejects_bad_codes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_uscc_bad_codes / sizeof *test_uscc_bad_codes; i++) {
		const struct test_uscc_bad *t = &test_uscc_bad_codes[i];
		struct err_detail d;

		err_clear(&d);
		if (uscc_validate(t->input, &d) != ERR_INVALID) {
			fail_msg("accepted %s (%s)", t->input, t->why);
		}
		if (strcmp(d.code, t->code) != 0) {
			fail_msg("%s (%s): got %s, want %s", t->input, t->why, d.code, t->code);
		}
		assert_int_equal(d.err, ERR_INVALID);
		assert_string_equal(d.field, "uscc");
		assert_true(d.message[0] != '\0');
	}
}

static void test_uscc_messages(void **state)
{
	struct test_uscc_msg {
		const char *input;
		const char *message;
	};
	static const struct test_uscc_msg cases[] = {
		{ "123", "统一社会信用代码应为18位" },
		{ "91350100M000100I43", "统一社会信用代码含有非法字符" },
		{ "91350100M000100Y44", "统一社会信用代码校验位错误" },
	};
	struct err_detail d;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		err_clear(&d);
		assert_int_equal(uscc_validate(cases[i].input, &d), ERR_INVALID);
		assert_string_equal(d.message, cases[i].message);
	}
	/* NULL input and NULL detail. */
	err_clear(&d);
	assert_int_equal(uscc_validate(NULL, &d), ERR_INVALID);
	assert_string_equal(d.code, "uscc_length");
	assert_int_equal(uscc_validate("91350100M000100Y44", NULL), ERR_INVALID);
	assert_int_equal(uscc_validate("91350100M000100Y43", NULL), ERR_OK);
}

static void test_uscc_rejects_bad_orgcode(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_uscc_bad_org_first17 / sizeof *test_uscc_bad_org_first17;
	     i++) {
		char code[USCC_LEN + 1];
		struct err_detail d;

		memcpy(code, test_uscc_bad_org_first17[i], 17);
		code[17] = uscc_check_char(code);
		code[18] = '\0';
		assert_true(code[17] != '\0');
		err_clear(&d);
		if (uscc_validate(code, &d) != ERR_INVALID ||
		    strcmp(d.code, "uscc_orgcode_checksum") != 0) {
			fail_msg("%s: got %s, want uscc_orgcode_checksum", code, d.code);
		}
		assert_string_equal(d.field, "uscc");
		assert_string_equal(d.message, "统一社会信用代码中的组织机构代码校验位错误");
	}
}

static void test_uscc_check_char(void **state)
{
	struct test_uscc_cc {
		const char *first17;
		char want;
	};
	static const struct test_uscc_cc cases[] = {
		{ "91350100M000100Y4", '3' },
		{ "91110000802100433", 'B' },
		{ "91110000710925462", 'X' },
		{ "91350100M000100Y4ZZZ", '3' }, /* chars after the 17th are ignored */
		{ "00000000000000000", '0' },    /* sum 0 → 31 → 0 */
		{ "91350100M000100I4", '\0' },   /* I is outside the charset */
		{ "9135010", '\0' },             /* too short: stops at the NUL */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		if (uscc_check_char(cases[i].first17) != cases[i].want) {
			fail_msg("%s: got %c, want %c", cases[i].first17,
				 uscc_check_char(cases[i].first17), cases[i].want);
		}
	}
	assert_int_equal(uscc_check_char(NULL), '\0');
}

static void test_uscc_normalize(void **state)
{
	struct test_uscc_norm {
		const char *input;
		const char *want;
	};
	static const struct test_uscc_norm cases[] = {
		{ "91350100m000100y43", "91350100M000100Y43" },
		{ "  91350100M000100Y43\t\n", "91350100M000100Y43" },
		{ "\xE3\x80\x80" "9144030071526726xg" "\xE3\x80\x80", "9144030071526726XG" },
		{ "", "" },
		{ "   ", "" },
		{ "ab c", "AB C" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char buf[64];

		snprintf(buf, sizeof buf, "%s", cases[i].input);
		uscc_normalize(buf);
		assert_string_equal(buf, cases[i].want);
	}
	uscc_normalize(NULL);
	{
		char buf[] = " 91350100m000100y43 ";

		uscc_normalize(buf);
		assert_int_equal(uscc_validate(buf, NULL), ERR_OK);
	}
}

static void test_uscc_make(void **state)
{
	struct test_uscc_mk {
		const char *prefix;
		unsigned seq;
		const char *want; /* NULL: only check validity */
	};
	static const struct test_uscc_mk cases[] = {
		{ "91150622", 1, "91150622000000019N" },
		{ "91150622", 0, NULL },
		{ "91150622", 42, NULL },
		/* expected values computed independently (Python, from the standard's formulas) */
		{ "91150622", 12345678u, "911506221234567881" },
		{ "52150600", 99999999u, "52150600999999998J" },
		{ "Y1150000", 123456, "Y1150000001234562H" },
		{ "91150622", 100000001u, "91150622000000019N" }, /* seq wraps mod 10^8 */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[USCC_LEN + 1];
		struct err_detail d;

		memset(out, 'x', sizeof out);
		uscc_make(cases[i].prefix, cases[i].seq, out);
		assert_int_equal(strlen(out), USCC_LEN);
		assert_memory_equal(out, cases[i].prefix, 8);
		err_clear(&d);
		if (uscc_validate(out, &d) != ERR_OK) {
			fail_msg("uscc_make(%s, %u) = %s: %s", cases[i].prefix, cases[i].seq, out, d.code);
		}
		if (cases[i].want) {
			assert_string_equal(out, cases[i].want);
		}
	}
}

/* Every sequence number in a range gives a distinct valid code, covering org check chars
 * '0' (11), 'X' (10) and every digit. */
static void test_uscc_make_sweep(void **state)
{
	int seen_org[128] = { 0 };
	char prev[USCC_LEN + 1] = "";

	(void)state;
	for (unsigned seq = 0; seq < 2000; seq++) {
		char out[USCC_LEN + 1];

		uscc_make("91150600", seq, out);
		assert_int_equal(uscc_validate(out, NULL), ERR_OK);
		assert_string_not_equal(out, prev);
		seen_org[(unsigned char)out[16]] = 1;
		memcpy(prev, out, sizeof prev);
	}
	assert_true(seen_org['X']);
	assert_true(seen_org['0']);
	for (char c = '1'; c <= '9'; c++) {
		assert_true(seen_org[(unsigned char)c]);
	}
}

static void test_uscc_make_bad_prefix(void **state)
{
	static const char *const bad[] = {
		"9115062",   /* 7 chars */
		"911506220", /* 9 chars */
		"9I150622",  /* I outside the charset */
		"91A50622",  /* letter in the division code */
		"9115062\xE4", /* non-ASCII */
		"",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char out[USCC_LEN + 1];

		memset(out, 'x', sizeof out);
		uscc_make(bad[i], 1, out);
		assert_string_equal(out, "");
	}
	{
		char out[USCC_LEN + 1] = "x";

		uscc_make(NULL, 1, out);
		assert_string_equal(out, "");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uscc_accepts_real_codes),
		cmocka_unit_test(test_uscc_rejects_bad_codes),
		cmocka_unit_test(test_uscc_messages),
		cmocka_unit_test(test_uscc_rejects_bad_orgcode),
		cmocka_unit_test(test_uscc_check_char),
		cmocka_unit_test(test_uscc_normalize),
		cmocka_unit_test(test_uscc_make),
		cmocka_unit_test(test_uscc_make_sweep),
		cmocka_unit_test(test_uscc_make_bad_prefix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
