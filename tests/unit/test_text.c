/* test_text.c — unit tests for src/domain/text (UTF-8 helpers).
 * Table-driven: strict validation edge cases, code-point counts, control detection, trim. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../src/domain/text.h"

struct test_utf8_case {
	const char *bytes;
	size_t len; /* 0: strlen(bytes) */
	int valid;
	const char *why;
};

static const struct test_utf8_case test_utf8_cases[] = {
	{ "", 0, 1, "empty" },
	{ "hello", 0, 1, "ASCII" },
	{ "文明单位", 0, 1, "CJK (3-byte)" },
	{ "\xC2\x80", 0, 1, "U+0080 smallest 2-byte" },
	{ "\xDF\xBF", 0, 1, "U+07FF largest 2-byte" },
	{ "\xE0\xA0\x80", 0, 1, "U+0800 smallest 3-byte" },
	{ "\xED\x9F\xBF", 0, 1, "U+D7FF just below surrogates" },
	{ "\xEE\x80\x80", 0, 1, "U+E000 just above surrogates" },
	{ "\xEF\xBF\xBF", 0, 1, "U+FFFF" },
	{ "\xF0\x90\x80\x80", 0, 1, "U+10000 smallest 4-byte" },
	{ "\xF0\x9F\x98\x80", 0, 1, "emoji U+1F600" },
	{ "\xF4\x8F\xBF\xBF", 0, 1, "U+10FFFF" },
	{ "a\0b", 3, 1, "embedded NUL is U+0000" },
	{ "\x80", 0, 0, "lone continuation" },
	{ "\xBF", 0, 0, "lone continuation" },
	{ "\xC0\x80", 0, 0, "overlong NUL" },
	{ "\xC1\xBF", 0, 0, "overlong 2-byte" },
	{ "\xE0\x80\x80", 0, 0, "overlong 3-byte" },
	{ "\xE0\x9F\xBF", 0, 0, "overlong 3-byte (U+07FF)" },
	{ "\xF0\x80\x80\x80", 0, 0, "overlong 4-byte" },
	{ "\xF0\x8F\xBF\xBF", 0, 0, "overlong 4-byte (U+FFFF)" },
	{ "\xED\xA0\x80", 0, 0, "U+D800 high surrogate" },
	{ "\xED\xBF\xBF", 0, 0, "U+DFFF low surrogate" },
	{ "\xED\xA0\xBD\xED\xB8\x80", 0, 0, "CESU-8 surrogate pair" },
	{ "\xF4\x90\x80\x80", 0, 0, "U+110000" },
	{ "\xF5\x80\x80\x80", 0, 0, "F5 lead" },
	{ "\xF8\x88\x80\x80\x80", 0, 0, "5-byte form" },
	{ "\xFE", 0, 0, "FE" },
	{ "\xFF", 0, 0, "FF" },
	{ "\xC3", 0, 0, "truncated 2-byte" },
	{ "\xE6\x96", 0, 0, "truncated 3-byte" },
	{ "\xF0\x9F\x98", 0, 0, "truncated 4-byte" },
	{ "\xE6\x96\x87", 2, 0, "truncated by n" },
	{ "\xC3\x28", 0, 0, "bad continuation" },
	{ "\xE6\x28\x87", 0, 0, "bad second byte" },
	{ "\xE6\x96\x28", 0, 0, "bad third byte" },
	{ "\xF0\x9F\x98\x28", 0, 0, "bad fourth byte" },
	{ "ok\xE6\x96\x87\xFF", 0, 0, "valid then invalid" },
};

static void test_text_utf8_valid_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_utf8_cases / sizeof *test_utf8_cases; i++) {
		const struct test_utf8_case *t = &test_utf8_cases[i];
		size_t n = t->len ? t->len : strlen(t->bytes);

		if (text_utf8_valid(t->bytes, n) != t->valid) {
			fail_msg("case %zu (%s): want %d", i, t->why, t->valid);
		}
	}
	assert_int_equal(text_utf8_valid(NULL, 0), 1);
}

/* Every 3-byte code point from E0 A0 80 to EF BF BF except the surrogate block is valid. */
static void test_text_utf8_valid_sweep(void **state)
{
	unsigned valid = 0;

	(void)state;
	for (unsigned cp = 0x800; cp <= 0xFFFF; cp++) {
		char b[3] = { (char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
			      (char)(0x80 | (cp & 0x3F)) };
		int want = !(cp >= 0xD800 && cp <= 0xDFFF);

		if (text_utf8_valid(b, 3) != want) {
			fail_msg("U+%04X: want %d", cp, want);
		}
		valid += (unsigned)want;
	}
	assert_int_equal(valid, 0xF800 - 0x800);
}

static void test_text_utf8_chars_table(void **state)
{
	struct test_count {
		const char *s;
		size_t n;
		size_t want;
	};
	static const struct test_count cases[] = {
		{ "", 0, 0 },
		{ "abc", 3, 3 },
		{ "文明单位", 12, 4 },
		{ "a文b", 5, 3 },
		{ "\xF0\x9F\x98\x80x", 5, 2 },
		{ "\xC2\xA9", 2, 1 },
		{ "abc", 2, 2 },       /* n limits */
		{ "a\0b", 3, 3 },      /* NUL counted */
		{ "\x80\x80", 2, 0 },  /* stray continuations not counted (invalid input) */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(text_utf8_chars(cases[i].s, cases[i].n), cases[i].want);
	}
}

static void test_text_has_control_table(void **state)
{
	struct test_ctl {
		const char *s;
		int want;
	};
	static const struct test_ctl cases[] = {
		{ "", 0 },
		{ "plain 文明", 0 },
		{ "tab\there", 0 },
		{ "line\nbreak\r\n", 0 },
		{ "bell\a", 1 },
		{ "\x01", 1 },
		{ "esc\x1b[0m", 1 },
		{ "vt\v", 1 },
		{ "ff\f", 1 },
		{ "\x1f", 1 },
		{ "del\x7f", 1 },
		{ " ~", 0 },            /* 0x20 and 0x7E are printable */
		{ "\xC2\x85", 0 },      /* C1 NEL is not checked */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		if (text_has_control(cases[i].s) != cases[i].want) {
			fail_msg("case %zu: want %d", i, cases[i].want);
		}
	}
	assert_int_equal(text_has_control(NULL), 0);
}

static void test_text_trim_table(void **state)
{
	struct test_trim {
		const char *in;
		const char *want;
	};
	static const struct test_trim cases[] = {
		{ "", "" },
		{ "abc", "abc" },
		{ "  abc  ", "abc" },
		{ "\t\n\v\f\r abc \r\n", "abc" },
		{ "\xE3\x80\x80文明\xE3\x80\x80", "文明" },
		{ " \xE3\x80\x80 \xE3\x80\x80x\xE3\x80\x80 \t", "x" },
		{ "a b\xE3\x80\x80" "c", "a b\xE3\x80\x80" "c" }, /* inner spaces kept */
		{ "   ", "" },
		{ "\xE3\x80\x80", "" },
		{ "\xE3\x80\x80\xE3\x80\x80", "" },
		{ "\xE3\x80", "\xE3\x80" },                 /* partial U+3000 is not space */
		{ "\xE3\x80\x81", "\xE3\x80\x81" },         /* U+3001 、 is not space */
		{ "x\xC2\xA0", "x\xC2\xA0" },               /* NBSP is not trimmed */
		{ " 1", "1" },
		{ "1 ", "1" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char buf[64];

		snprintf(buf, sizeof buf, "%s", cases[i].in);
		text_trim(buf);
		if (strcmp(buf, cases[i].want) != 0) {
			fail_msg("case %zu: got '%s', want '%s'", i, buf, cases[i].want);
		}
	}
	text_trim(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_utf8_valid_table),
		cmocka_unit_test(test_text_utf8_valid_sweep),
		cmocka_unit_test(test_text_utf8_chars_table),
		cmocka_unit_test(test_text_has_control_table),
		cmocka_unit_test(test_text_trim_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
