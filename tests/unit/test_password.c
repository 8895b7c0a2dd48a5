/* test_password.c — unit tests for src/domain/password (policy and temporary passwords).
 * Table-driven policy cases with the expected Chinese message; generated passwords checked
 * against the policy and the unambiguous alphabet over many byte patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/domain/password.h"

#define TEST_PW_LEN "密码长度应为8至128个字符"
#define TEST_PW_LETTER "密码必须包含至少一个字母"
#define TEST_PW_DIGIT "密码必须包含至少一个数字"
#define TEST_PW_USER "密码不能与用户名相同或包含用户名"
#define TEST_PW_CHARS "密码含有无效字符或控制字符"

struct test_pw_case {
	const char *pw;
	const char *username;
	const char *message; /* NULL: accepted */
};

static const struct test_pw_case test_pw_cases[] = {
	{ "abcdefg1", "admin", NULL },
	{ "Passw0rd!", NULL, NULL },
	{ "Passw0rd!", "", NULL },
	{ "1234567a", "admin", NULL },
	{ "文明单位创建1a", "admin", NULL },          /* 8 code points, 20 bytes */
	{ "文明单位创1a", "admin", TEST_PW_LEN },      /* 7 code points, 17 bytes */
	{ "abc1234", "admin", TEST_PW_LEN },           /* 7 chars */
	{ "", "admin", TEST_PW_LEN },
	{ NULL, "admin", TEST_PW_LEN },
	{ "abcdefgh", "admin", TEST_PW_DIGIT },
	{ "ABCDEFGH", "admin", TEST_PW_DIGIT },
	{ "12345678", "admin", TEST_PW_LETTER },
	{ "!@#$%^&*", "admin", TEST_PW_LETTER },
	{ "文明单位创建测评1", "admin", TEST_PW_LETTER }, /* CJK is not an ASCII letter */
	{ "１２３４５６７８ab", "admin", TEST_PW_DIGIT }, /* full-width digits are not digits */
	{ "admin123", "admin", TEST_PW_USER },
	{ "xxAdMiN99", "admin", TEST_PW_USER },        /* case-insensitive */
	{ "zhang3san", "zhang3san", TEST_PW_USER },    /* equal */
	{ "Zhang3San", "zhang3san", TEST_PW_USER },
	{ "zhang3sa9", "zhang3san", NULL },            /* shares a prefix only */
	{ "pass\x01word1", "admin", TEST_PW_CHARS },
	{ "password1\x7f", "admin", TEST_PW_CHARS },
	{ "passw\xC0\x80rd1", "admin", TEST_PW_CHARS }, /* overlong */
	{ "passw\xEDrd1", "admin", TEST_PW_CHARS },
	{ "pass word 1", "admin", NULL },              /* spaces are allowed */
	{ "pass\tword1", "admin", NULL },
};

static void test_password_policy_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_pw_cases / sizeof *test_pw_cases; i++) {
		const struct test_pw_case *t = &test_pw_cases[i];
		struct err_detail d;
		enum err got;

		err_clear(&d);
		got = password_check_policy(t->pw, t->username, &d);
		if (!t->message) {
			if (got != ERR_OK) {
				fail_msg("case %zu (%s): rejected: %s", i, t->pw, d.message);
			}
			assert_string_equal(d.code, "");
			continue;
		}
		if (got != ERR_UNPROCESSABLE) {
			fail_msg("case %zu (%s): accepted", i, t->pw ? t->pw : "NULL");
		}
		assert_int_equal(d.err, ERR_UNPROCESSABLE);
		assert_string_equal(d.code, "weak_password");
		assert_string_equal(d.field, "new_password");
		if (strcmp(d.message, t->message) != 0) {
			fail_msg("case %zu: got %s, want %s", i, d.message, t->message);
		}
	}
}

static void test_password_policy_length_bounds(void **state)
{
	struct test_len {
		size_t n;
		const char *unit; /* repeated to n code points, then "1" replaces the last */
		enum err want;
	};
	static const struct test_len cases[] = {
		{ 8, "a", ERR_OK },
		{ 128, "a", ERR_OK },
		{ 129, "a", ERR_UNPROCESSABLE },
		{ 128, "文", ERR_UNPROCESSABLE }, /* all CJK + "1": no ASCII letter */
		{ 129, "文", ERR_UNPROCESSABLE },
	};
	char buf[1024];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t ul = strlen(cases[i].unit);
		size_t pos = 0;

		for (size_t k = 0; k + 1 < cases[i].n; k++) {
			memcpy(buf + pos, cases[i].unit, ul);
			pos += ul;
		}
		buf[pos++] = '1';
		buf[pos] = '\0';
		assert_int_equal(password_check_policy(buf, "admin", NULL), cases[i].want);
	}
	/* 126 CJK + "a1" = 128 code points, 380 bytes: accepted (counted in code points). */
	{
		size_t pos = 0;

		for (int k = 0; k < 126; k++) {
			memcpy(buf + pos, "文", 3);
			pos += 3;
		}
		memcpy(buf + pos, "a1", 3);
		assert_int_equal(password_check_policy(buf, NULL, NULL), ERR_OK);
		memcpy(buf + pos, "文a1", 6);
		assert_int_equal(password_check_policy(buf, NULL, NULL), ERR_UNPROCESSABLE);
	}
}

static int test_password_in_alphabet(char c)
{
	return strchr("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", c) != NULL &&
	       c != '\0';
}

/* Checks one generated password: length, alphabet, policy. */
static void test_password_check_generated(const unsigned char bytes[PASSWORD_TEMP_LEN],
					  char out[PASSWORD_TEMP_LEN + 1])
{
	struct err_detail d;

	memset(out, '?', PASSWORD_TEMP_LEN + 1);
	password_generate_temp(out, bytes);
	assert_int_equal(strlen(out), PASSWORD_TEMP_LEN);
	for (int i = 0; i < PASSWORD_TEMP_LEN; i++) {
		if (!test_password_in_alphabet(out[i])) {
			fail_msg("%s: char %d '%c' outside the alphabet", out, i, out[i]);
		}
	}
	err_clear(&d);
	if (password_check_policy(out, NULL, &d) != ERR_OK) {
		fail_msg("%s violates the policy: %s", out, d.message);
	}
}

static void test_password_generate_patterns(void **state)
{
	static const unsigned char patterns[][PASSWORD_TEMP_LEN] = {
		{ 0 },
		{ 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF },
		{ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 },
		{ 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
		{ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 },
		{ 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39 },
	};
	char first[PASSWORD_TEMP_LEN + 1];
	char again[PASSWORD_TEMP_LEN + 1];

	(void)state;
	for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++) {
		char out[PASSWORD_TEMP_LEN + 1];

		test_password_check_generated(patterns[i], out);
	}
	/* Deterministic: same bytes, same password; different bytes, different password. */
	test_password_check_generated(patterns[2], first);
	test_password_check_generated(patterns[2], again);
	assert_string_equal(first, again);
	test_password_check_generated(patterns[3], again);
	assert_string_not_equal(first, again);
	test_password_check_generated(patterns[0], first);
	test_password_check_generated(patterns[4], again);
	assert_string_not_equal(first, again);
}

/* Exact outputs, computed independently (Python) from the construction documented in
 * password.h: mixed radix over the 96-bit number — digit slot (12), letter slot (11, skipping
 * the digit slot), then each position from digits (8), letters (49) or the whole alphabet (57). */
static void test_password_generate_golden(void **state)
{
	struct test_golden {
		unsigned char bytes[PASSWORD_TEMP_LEN];
		const char *want;
	};
	static const struct test_golden cases[] = {
		{ { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, "5nAWb2GsbQym" },
		{ { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF },
		  "ADR8ZrbFbS6q" },
		{ { 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "AgcpmFYu3J8V" },
		{ { 0 }, "2AAAAAAAAAAA" },
		/* every free slot draws a digit: the forced letter is the only one */
		{ { 0x00, 0x00, 0x03, 0x78, 0x94, 0xAA, 0x02, 0xA8, 0xE8, 0x1F, 0xDC, 0x40 },
		  "2A2222222222" },
		/* digit slot last, letter slot just before it */
		{ { 0x00, 0x00, 0x03, 0xF7, 0x85, 0x54, 0x95, 0x53, 0x52, 0x6E, 0x58, 0x1F },
		  "9999999999z9" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[PASSWORD_TEMP_LEN + 1];

		test_password_check_generated(cases[i].bytes, out);
		if (strcmp(out, cases[i].want) != 0) {
			fail_msg("case %zu: got %s, want %s", i, out, cases[i].want);
		}
	}
}

/* A simple xorshift stream: many varied inputs, every output meets the policy, and the
 * outputs spread over the alphabet and positions. */
static void test_password_generate_many(void **state)
{
	uint64_t x = 0x9E3779B97F4A7C15ull;
	int seen[128] = { 0 };
	int digits_at[PASSWORD_TEMP_LEN] = { 0 };
	int distinct = 0;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		unsigned char bytes[PASSWORD_TEMP_LEN];
		char out[PASSWORD_TEMP_LEN + 1];

		for (int i = 0; i < PASSWORD_TEMP_LEN; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			bytes[i] = (unsigned char)(x >> 24);
		}
		test_password_check_generated(bytes, out);
		for (int i = 0; i < PASSWORD_TEMP_LEN; i++) {
			seen[(unsigned char)out[i]]++;
			if (out[i] >= '0' && out[i] <= '9') {
				digits_at[i]++;
			}
		}
	}
	for (int c = 0; c < 128; c++) {
		distinct += seen[c] > 0;
	}
	assert_int_equal(distinct, 57);
	assert_int_equal(seen['0'] + seen['1'] + seen['O'] + seen['I'] + seen['l'], 0);
	for (int i = 0; i < PASSWORD_TEMP_LEN; i++) {
		assert_true(digits_at[i] > 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password_policy_table),
		cmocka_unit_test(test_password_policy_length_bounds),
		cmocka_unit_test(test_password_generate_patterns),
		cmocka_unit_test(test_password_generate_golden),
		cmocka_unit_test(test_password_generate_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
