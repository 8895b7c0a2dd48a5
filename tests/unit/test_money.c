/* test_money.c — unit tests for src/domain/money: fen as 元 (commas, two decimals, sign), fen as
 * 万元 (half up away from zero at every x.5 boundary), parsing the amounts people write (元, 万,
 * 亿, commas, decimals finer than a fen), and the int64 extremes in both directions without
 * overflow. Table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/domain/money.h"

struct money_case {
	int64_t fen;
	const char *text;
};

static void test_format_yuan(void **state)
{
	(void)state;
	static const struct money_case cases[] = {
		{0, "0.00"},
		{1, "0.01"},
		{10, "0.10"},
		{99, "0.99"},
		{100, "1.00"},
		{12345, "123.45"},
		{99999, "999.99"},
		{100000, "1,000.00"},
		{123456789, "1,234,567.89"},
		{148000000, "1,480,000.00"},
		{100010000, "1,000,100.00"},              /* 100.01万元 */
		{20000000000, "200,000,000.00"},          /* 2亿元 */
		{100000000000000000, "1,000,000,000,000,000.00"},
		{-1, "-0.01"},
		{-99, "-0.99"},
		{-100, "-1.00"},
		{-123456789, "-1,234,567.89"},
		{-100000, "-1,000.00"},
		{INT64_MAX, "92,233,720,368,547,758.07"},
		{INT64_MIN, "-92,233,720,368,547,758.08"},
		{INT64_MIN + 1, "-92,233,720,368,547,758.07"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[MONEY_TEXT_MAX];
		size_t n = money_format_yuan(cases[i].fen, buf, sizeof buf);
		if (strcmp(buf, cases[i].text) != 0 || n != strlen(cases[i].text)) {
			fail_msg("money_format_yuan(%lld) = \"%s\" (%zu), want \"%s\"", (long long)cases[i].fen, buf, n,
				 cases[i].text);
		}
	}
}

static void test_format_wan(void **state)
{
	(void)state;
	static const struct money_case cases[] = {
		{0, "0.00"},
		{1, "0.00"},
		{4999, "0.00"},
		{5000, "0.01"}, /* exactly 0.005万元: half up */
		{5001, "0.01"},
		{9999, "0.01"},
		{10000, "0.01"},
		{14999, "0.01"},
		{15000, "0.02"},
		{1000000, "1.00"},
		{1234565000, "1234.57"},  /* 1234.565万 → up */
		{1234564999, "1234.56"},
		{99995000, "100.00"},     /* 99.995万 carries into the integer part */
		{99994999, "99.99"},
		{148000000, "148.00"},
		{100010000, "100.01"},    /* 100.01万元 */
		{100005000, "100.01"},
		{100004999, "100.00"},
		{20000000000, "20000.00"}, /* 2亿元 */
		{-1, "0.00"},             /* rounds to zero: no sign */
		{-4999, "0.00"},
		{-5000, "-0.01"},         /* away from zero */
		{-15000, "-0.02"},
		{-1234565000, "-1234.57"},
		{-1234564999, "-1234.56"},
		{INT64_MAX, "9223372036854.78"},  /* 9223372036854.775807万 → up */
		{INT64_MIN, "-9223372036854.78"},
		{INT64_MAX - 807, "9223372036854.78"}, /* …4775000 fen: exactly half → up */
		{INT64_MAX - 808, "9223372036854.77"}, /* …4774999 fen → down */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[MONEY_TEXT_MAX];
		size_t n = money_format_wan(cases[i].fen, buf, sizeof buf);
		if (strcmp(buf, cases[i].text) != 0 || n != strlen(cases[i].text)) {
			fail_msg("money_format_wan(%lld) = \"%s\" (%zu), want \"%s\"", (long long)cases[i].fen, buf, n,
				 cases[i].text);
		}
	}
}

static void test_format_small_buffers(void **state)
{
	(void)state;
	char buf[8];
	memset(buf, 'x', sizeof buf);
	assert_int_equal(money_format_yuan(123456789, buf, sizeof buf), strlen("1,234,567.89"));
	assert_string_equal(buf, "1,234,5"); /* truncated like snprintf, NUL-terminated */
	assert_int_equal(money_format_wan(148000000, buf, 4), strlen("148.00"));
	assert_string_equal(buf, "148");
	assert_int_equal(money_format_yuan(5, buf, 1), 4);
	assert_string_equal(buf, "");
	assert_int_equal(money_format_yuan(5, NULL, 0), 4); /* just the length */
	char big[MONEY_TEXT_MAX];
	assert_true(money_format_yuan(INT64_MIN, big, sizeof big) < sizeof big);
}

static void test_parse_ok(void **state)
{
	(void)state;
	static const struct money_case cases[] = {
		{148000000, "1480000"},
		{148000050, "1,480,000.5"},
		{148000000, "148万"},
		{148000000, "148.00万元"},
		{148000000, "1480000元"},
		{148000000, "148万元"},
		{100010000, "100.01万元"},
		{20000000000, "2亿元"},
		{20000000000, "2亿"},
		{12345678901, "1.2345678901亿"},
		{1, "0.01"},
		{1, "0.000001万"},
		{10, "0.1"},
		{0, "0"},
		{0, "0.00元"},
		{0, "-0"},
		{123, "1.230"},           /* zeros past a fen are fine */
		{123, "1.23000000"},
		{100, "001"},
		{123456789, "1,234,567.89"},
		{123456789, "1234567.89"},
		{100000, "1,000"},
		{100000, "  1,000 "},
		{100000, "\xE3\x80\x80" "1000元\xE3\x80\x80"}, /* U+3000 around */
		{148000000, "148 万元"},
		{148000000, "¥1,480,000.00"},
		{148000000, "￥1480000"},
		{-148000000, "-148万"},
		{-5, "-0.05"},
		{-148000000, "-¥1,480,000"},
		{INT64_MAX, "92233720368547758.07"},
		{INT64_MAX, "92,233,720,368,547,758.07"},
		{INT64_MIN, "-92233720368547758.08"},
		{INT64_MIN, "-9223372036854.775808万"},
		{INT64_MAX, "9223372036854.775807万"},
		{INT64_MIN + 1, "-92233720368547758.07"},
		{9000000000000000000, "900000000亿"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t fen = 42;
		enum err e = money_parse_yuan(cases[i].text, &fen);
		if (e != ERR_OK || fen != cases[i].fen) {
			fail_msg("money_parse_yuan(\"%s\") = %d, %lld; want %lld", cases[i].text, (int)e, (long long)fen,
				 (long long)cases[i].fen);
		}
	}
}

static void test_parse_refused(void **state)
{
	(void)state;
	static const char *const cases[] = {
		"",
		"   ",
		"元",
		"万元",
		"-",
		".5",
		"1.",
		"1.5.",
		"1.235",                   /* finer than a fen */
		"1.001",
		"0.0000001万",             /* finer than a fen in 万 */
		"1.00000000001亿",
		"1,48",                    /* not groups of three */
		"1,4800",
		"1234,567",
		",123",
		"1,,000",
		"1,000,",
		"1,000.5,0",
		"1.000,00",
		"abc",
		"12a",
		"1e5",
		"+5",
		"--5",
		"1 000",
		"1万万",
		"1元元",
		"万1",
		"1.5美元",
		"92233720368547758.08",    /* INT64_MAX + 1 fen */
		"-92233720368547758.09",   /* INT64_MIN - 1 fen */
		"92233720368547758.07万",
		"9223372036854.775808万",  /* INT64_MAX + 1 in 万 */
		"-9223372036854.775809万", /* INT64_MIN - 1 in 万 */
		"999999999999999999999999",
		"18446744073709551616",    /* 2^64 */
		"1000000000亿",
		"0x10",
		"１２３",                   /* full-width digits */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t fen = 42;
		if (money_parse_yuan(cases[i], &fen) != ERR_INVALID || fen != 42) {
			fail_msg("money_parse_yuan(\"%s\") should be refused, got %lld", cases[i], (long long)fen);
		}
	}
	int64_t fen = 42;
	assert_int_equal(money_parse_yuan(NULL, &fen), ERR_INVALID);
	assert_int_equal(fen, 42);
}

/* Whatever money_format_yuan writes, money_parse_yuan reads back exactly. */
static void test_round_trip(void **state)
{
	(void)state;
	static const int64_t values[] = {0,         1,          -1,         99,         100,        101,
					 99999,     100000,     -100000,    123456789,  148000000,  100010000,
					 20000000000, INT64_MAX, INT64_MIN, INT64_MIN + 1, INT64_MAX - 1};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		char buf[MONEY_TEXT_MAX];
		money_format_yuan(values[i], buf, sizeof buf);
		int64_t back = 0;
		if (money_parse_yuan(buf, &back) != ERR_OK || back != values[i]) {
			fail_msg("round trip of %lld via \"%s\" gave %lld", (long long)values[i], buf, (long long)back);
		}
	}
	/* 万元 text of a multiple of 100 元 reads back exactly too. */
	for (int64_t fen = -3000000; fen <= 3000000; fen += 10000) {
		char buf[MONEY_TEXT_MAX + 4];
		money_format_wan(fen, buf, sizeof buf - 3);
		strcat(buf, "万");
		int64_t back = 1;
		if (money_parse_yuan(buf, &back) != ERR_OK || back != fen) {
			fail_msg("round trip of %lld via \"%s\" gave %lld", (long long)fen, buf, (long long)back);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_yuan),   cmocka_unit_test(test_format_wan),
		cmocka_unit_test(test_format_small_buffers), cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_refused), cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
