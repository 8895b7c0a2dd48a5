/* test_cell.c — unit tests for src/domain/cell: the values people type into spreadsheet cells.
 * Dates in every accepted form (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, a trailing time of
 * day, Excel date serials with and without a time fraction) and the dates that are not real
 * (2026-02-30, 2025-02-29, month 13, before 1949-10-01, after 2100); integers with thousands
 * separators, a spreadsheet's ".0", signs, overflow and the [min, max] range; hours with one
 * decimal as whole minutes; trimming ASCII and ideographic (U+3000) spaces. Table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../src/domain/cell.h"

/* ---------------------------------------------------------------- cell_date ---- */

struct date_case {
	const char *text;
	const char *want; /* NULL: not a date */
};

static void test_date_formats(void **state)
{
	(void)state;
	static const struct date_case cases[] = {
		{"2026-03-05", "2026-03-05"},
		{"2026-3-5", "2026-03-05"},
		{"2026/03/05", "2026-03-05"},
		{"2026/3/5", "2026-03-05"},
		{"2026.3.5", "2026-03-05"},
		{"2026.03.05", "2026-03-05"},
		{"2026年3月5日", "2026-03-05"},
		{"2026年03月05日", "2026-03-05"},
		{"2026年12月31日", "2026-12-31"},
		{"2026年3月5", "2026-03-05"},             /* the closing 日 may be left out */
		{"  2026-03-05  ", "2026-03-05"},         /* ASCII spaces */
		{"\t2026/3/5\r\n", "2026-03-05"},
		{"\xE3\x80\x80" "2026-03-05" "\xE3\x80\x80", "2026-03-05"}, /* U+3000 on both sides */
		{"2026-03-05 00:00:00", "2026-03-05"},    /* a time of day a spreadsheet added */
		{"2026/3/5 8:30", "2026-03-05"},
		{"2024-02-29", "2024-02-29"},             /* leap year */
		{"2000-02-29", "2000-02-29"},             /* divisible by 400 */
		{"1949-10-01", "1949-10-01"},             /* the first date the ledger accepts */
		{"2100-12-31", "2100-12-31"},
		/* not real dates */
		{"2026-02-30", NULL},
		{"2025-02-29", NULL},
		{"1900-02-29", NULL},
		{"2100-02-29", NULL},                     /* divisible by 100, not by 400 */
		{"2026-04-31", NULL},
		{"2026-13-01", NULL},
		{"2026-00-10", NULL},
		{"2026-01-00", NULL},
		{"2026-01-32", NULL},
		{"1949-09-30", NULL},                     /* before the ledger's first date */
		{"2101-01-01", NULL},
		/* not dates at all */
		{"", NULL},
		{"   ", NULL},
		{"garbage", NULL},
		{"2026", NULL},
		{"2026-03", NULL},
		{"2026-03-", NULL},
		{"26-03-05", NULL},
		{"20260305", NULL},
		{"2026-03-05x", NULL},
		{"2026-03-05T10:00", NULL},
		{"2026-03-05 下午", NULL},
		{"2026-003-05", NULL},
		{"2026-03-005", NULL},
		{"2026/03-05", NULL},                     /* mixed separators */
		{"2026年3-5", NULL},
		{"二〇二六年三月五日", NULL},
		{"-2026-03-05", NULL},
		{"2026--03-05", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[11] = "xxxxxxxxxx";
		int ok = cell_date(cases[i].text, out);
		if (cases[i].want) {
			if (!ok || strcmp(out, cases[i].want) != 0) {
				fail_msg("cell_date(\"%s\") = %d \"%s\", want \"%s\"", cases[i].text, ok, ok ? out : "", cases[i].want);
			}
		} else if (ok) {
			fail_msg("cell_date(\"%s\") accepted as \"%s\"", cases[i].text, out);
		}
	}
}

static void test_date_serials(void **state)
{
	(void)state;
	/* Excel date serials count days from 1899-12-30 (the 1900 leap-year bug folded in). */
	static const struct date_case cases[] = {
		{"45000", "2023-03-15"},
		{"45000.5", "2023-03-15"},   /* noon: the time fraction is dropped */
		{"45000.99999", "2023-03-15"},
		{"45000.0", "2023-03-15"},
		{"44927", "2023-01-01"},
		{"44926", "2022-12-31"},
		{"45351", "2024-02-29"},
		{"45352", "2024-03-01"},
		{"46086", "2026-03-05"},
		{"25569", "1970-01-01"},
		{"18172", "1949-10-01"},     /* the ledger's first date */
		{"73000", "2099-11-11"},     /* the last serial read */
		{" 46086 ", "2026-03-05"},
		/* out of the ledger's range or not a serial */
		{"18171", NULL},             /* 1949-09-30 */
		{"17999", NULL},
		{"73001", NULL},             /* above the serial range read (2099-11-12) */
		{"99999", NULL},
		{"4500", NULL},              /* four digits: not a serial */
		{"450000", NULL},
		{"45000.", "2023-03-15"},    /* an empty fraction */
		{"45000.5x", NULL},
		{"45000,5", NULL},
		{"-45000", NULL},
		{"45e3", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[11] = "";
		int ok = cell_date(cases[i].text, out);
		if (cases[i].want) {
			if (!ok || strcmp(out, cases[i].want) != 0) {
				fail_msg("cell_date(\"%s\") = %d \"%s\", want \"%s\"", cases[i].text, ok, ok ? out : "", cases[i].want);
			}
		} else if (ok) {
			fail_msg("cell_date(\"%s\") accepted as \"%s\"", cases[i].text, out);
		}
	}
}

static void test_date_every_day(void **state)
{
	(void)state;
	/* Serial n and the text of the same day agree for every day of 2023–2025. */
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int serial = 44927; /* 2023-01-01 */
	for (int y = 2023; y <= 2025; y++) {
		for (int m = 1; m <= 12; m++) {
			int days = mdays[m - 1] + (m == 2 && y % 4 == 0);
			for (int d = 1; d <= days; d++, serial++) {
				char s[16], text[64], a[11], b[11], want[40];
				snprintf(s, sizeof s, "%d", serial);
				snprintf(text, sizeof text, "%d年%d月%d日", y, m, d);
				snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
				assert_true(cell_date(s, a));
				assert_true(cell_date(text, b));
				assert_string_equal(a, want);
				assert_string_equal(b, want);
			}
		}
	}
}

static void test_date_null_and_long(void **state)
{
	(void)state;
	char out[11];
	assert_false(cell_date(NULL, out));
	char longer[200];
	memset(longer, '9', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	assert_false(cell_date(longer, out));
	/* a date followed by a long tail is not a date (the tail is not a time) */
	char tail[120];
	snprintf(tail, sizeof tail, "2026-03-05 %s", "这一格后面还写了很多很多其他的文字内容");
	assert_false(cell_date(tail, out));
}

/* ---------------------------------------------------------------- cell_int ---- */

struct int_case {
	const char *text;
	int64_t min, max;
	int ok;
	int64_t want;
};

static void test_int(void **state)
{
	(void)state;
	static const struct int_case cases[] = {
		{"0", 0, 100, 1, 0},
		{"35", 0, 100, 1, 35},
		{" 35 ", 0, 100, 1, 35},
		{"\xE3\x80\x80" "35" "\xE3\x80\x80", 0, 100, 1, 35},
		{"1,200", 0, 1000000, 1, 1200},
		{"1,234,567", 0, 10000000, 1, 1234567},
		{"12.0", 0, 100, 1, 12},
		{"12.000", 0, 100, 1, 12},
		{"1,200.0", 0, 10000, 1, 1200},
		{"+7", 0, 100, 1, 7},
		{"-5", -10, 10, 1, -5},
		{"007", 0, 100, 1, 7},
		{"1000000", 0, 1000000, 1, 1000000},   /* the maximum itself */
		{"9223372036854775", INT64_MIN, INT64_MAX, 1, 9223372036854775},
		/* refused */
		{"12.5", 0, 100, 0, 0},
		{"12.05", 0, 100, 0, 0},
		{"12.0x", 0, 100, 0, 0},
		{"1e3", 0, 10000, 0, 0},
		{"", 0, 100, 0, 0},
		{"   ", 0, 100, 0, 0},
		{"-", -10, 10, 0, 0},
		{"+", 0, 10, 0, 0},
		{",100", 0, 1000, 0, 0},               /* a separator before any digit */
		{"abc", 0, 100, 0, 0},
		{"35人", 0, 100, 0, 0},
		{"三十五", 0, 100, 0, 0},
		{"1 200", 0, 10000, 0, 0},
		{"0x10", 0, 100, 0, 0},
		{"-5", 0, 100, 0, 0},                   /* below min */
		{"101", 0, 100, 0, 0},                  /* above max */
		{"1,000,001", 0, 1000000, 0, 0},
		{"99999999999999999999", INT64_MIN, INT64_MAX, 0, 0}, /* overflow */
		{"9223372036854775808", INT64_MIN, INT64_MAX, 0, 0},
		{"-99999999999999999999", INT64_MIN, INT64_MAX, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -424242;
		int ok = cell_int(cases[i].text, cases[i].min, cases[i].max, &v);
		if (ok != cases[i].ok || (ok && v != cases[i].want)) {
			fail_msg("cell_int(\"%s\", %lld, %lld) = %d (%lld), want %d (%lld)", cases[i].text,
				 (long long)cases[i].min, (long long)cases[i].max, ok, (long long)v, cases[i].ok,
				 (long long)cases[i].want);
		}
		if (!ok) {
			assert_int_equal(v, -424242); /* untouched on failure */
		}
	}
	int64_t v;
	assert_false(cell_int(NULL, 0, 10, &v));
}

/* ---------------------------------------------------------------- cell_hours ---- */

struct hours_case {
	const char *text;
	int ok;
	int64_t minutes;
};

static void test_hours(void **state)
{
	(void)state;
	static const struct hours_case cases[] = {
		{"2", 1, 120},
		{"2.5", 1, 150},
		{"0.1", 1, 6},
		{"0.5", 1, 30},
		{"24", 1, 1440},
		{"2.50", 1, 150},     /* a spreadsheet's trailing zero */
		{"2.0", 1, 120},
		{"2.", 1, 120},
		{" 1.5 ", 1, 90},
		{"\xE3\x80\x80" "3" "\xE3\x80\x80", 1, 180},
		{"0", 1, 0},          /* a number; the import refuses 0 minutes separately */
		{"9999", 1, 599940},
		/* refused */
		{"2.55", 0, 0},       /* two decimals */
		{"2.05", 0, 0},
		{".5", 0, 0},
		{"", 0, 0},
		{"-1", 0, 0},
		{"+1", 0, 0},
		{"1,5", 0, 0},
		{"2小时", 0, 0},
		{"two", 0, 0},
		{"10000", 0, 0},      /* more than four digits */
		{"1e1", 0, 0},
		{"2.5.1", 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t m = -1;
		int ok = cell_hours(cases[i].text, &m);
		if (ok != cases[i].ok || (ok && m != cases[i].minutes)) {
			fail_msg("cell_hours(\"%s\") = %d (%lld), want %d (%lld)", cases[i].text, ok, (long long)m, cases[i].ok,
				 (long long)cases[i].minutes);
		}
	}
	int64_t m;
	assert_false(cell_hours(NULL, &m));
}

/* ---------------------------------------------------------------- cell_trim ---- */

struct trim_case {
	const char *text;
	const char *want;
};

static void test_trim(void **state)
{
	(void)state;
	static const struct trim_case cases[] = {
		{"abc", "abc"},
		{"  abc  ", "abc"},
		{"\t\r\n abc \n\r\t", "abc"},
		{"\xE3\x80\x80王晓梅\xE3\x80\x80", "王晓梅"},
		{"\xE3\x80\x80 \xE3\x80\x80 王晓梅 \xE3\x80\x80\t", "王晓梅"}, /* mixed, repeated */
		{"王\xE3\x80\x80晓梅", "王\xE3\x80\x80晓梅"},                  /* inner spaces kept */
		{"a b", "a b"},
		{"", ""},
		{"   ", ""},
		{"\xE3\x80\x80\xE3\x80\x80", ""},
		{"\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0"}, /* U+00A0 is not trimmed */
		{"\xE3\x80", "\xE3\x80"},                    /* a cut U+3000 is left alone */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[64];
		size_t n = cell_trim(cases[i].text, out, sizeof out);
		if (strcmp(out, cases[i].want) != 0 || n != strlen(cases[i].want)) {
			fail_msg("cell_trim(\"%s\") = \"%s\" (%zu), want \"%s\"", cases[i].text, out, n, cases[i].want);
		}
	}
	char out[8];
	assert_int_equal(cell_trim(NULL, out, sizeof out), 0);
	assert_string_equal(out, "");
	/* truncated to the buffer (NUL included) */
	assert_int_equal(cell_trim("  abcdefghij  ", out, sizeof out), 7);
	assert_string_equal(out, "abcdefg");
	/* outlen 0 writes nothing */
	out[0] = 'z';
	assert_int_equal(cell_trim("abc", out, 0), 0);
	assert_int_equal(out[0], 'z');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_formats), cmocka_unit_test(test_date_serials),
		cmocka_unit_test(test_date_every_day), cmocka_unit_test(test_date_null_and_long),
		cmocka_unit_test(test_int),          cmocka_unit_test(test_hours),
		cmocka_unit_test(test_trim),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
