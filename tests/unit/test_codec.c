/* test_codec.c — unit tests for src/codec: request validation tables (json_in), JSON text
 * output (json_out), CSV rows with formula neutralisation (csv), and the pinyin sort keys the
 * registry orders by (util/collate). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/codec/csv.h"
#include "../../src/codec/json_in.h"
#include "../../src/codec/json_out.h"
#include "../../src/util/collate.h"

static const struct json_in_field test_fields[] = {
	{"name", JIN_STRING, 1, 2, 5, "名称"},
	{"count", JIN_INT, 0, 0, 100, "数量"},
	{"flag", JIN_BOOL, 0, 0, 0, "标志"},
};

struct test_json_case {
	const char *body;
	const char *code; /* NULL: accepted */
	const char *field;
};

static const struct test_json_case test_json_cases[] = {
	{"{\"name\":\"文明单位\"}", NULL, NULL},
	{"{\"name\":\"文明单位测评\"}", NULL, NULL}, /* 6 characters: over the limit (see below) */
	{"{\"name\":\"ab\",\"count\":100,\"flag\":true}", NULL, NULL},
	{"{\"name\":\"ab\",\"count\":null}", NULL, NULL},
	{"{}", "required", "name"},
	{"{\"name\":null}", "required", "name"},
	{"{\"name\":\"a\"}", "too_short", "name"},
	{"{\"name\":\"abcdef\"}", "too_long", "name"},
	{"{\"name\":12}", "invalid_type", "name"},
	{"{\"name\":\"ab\",\"count\":\"3\"}", "invalid_type", "count"},
	{"{\"name\":\"ab\",\"count\":101}", "out_of_range", "count"},
	{"{\"name\":\"ab\",\"count\":-1}", "out_of_range", "count"},
	{"{\"name\":\"ab\",\"flag\":1}", "invalid_type", "flag"},
	{"{\"name\":\"ab\",\"extra\":1}", "unknown_field", "extra"},
	{"{\"name\":\"a\\u0001b\"}", "invalid_characters", "name"},
	{"{\"name\":\"a\\u0000b\"}", "invalid_characters", "name"},
	{"[1,2]", "invalid_body", NULL},
};

static void test_json_in_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof test_json_cases / sizeof test_json_cases[0]; i++) {
		const struct test_json_case *c = &test_json_cases[i];
		json_t *j = json_loads(c->body, JSON_ALLOW_NUL, NULL);
		assert_non_null(j);
		struct err_detail d;
		err_clear(&d);
		enum err e = json_in_check(j, test_fields, 3, &d);
		const char *expect = c->code;
		/* 文明单位测评 has 6 characters: over the limit of 5. */
		if (i == 1) {
			expect = "too_long";
		}
		if (!expect) {
			assert_int_equal(e, ERR_OK);
		} else {
			assert_int_equal(e, ERR_INVALID);
			assert_string_equal(d.code, expect);
			assert_true(d.message[0] != '\0');
			if (c->field) {
				assert_string_equal(d.field, c->field);
			}
		}
		json_decref(j);
	}
}

static void test_json_in_depth(void **state)
{
	(void)state;
	char deep[256];
	memset(deep, '[', 100);
	memset(deep + 100, ']', 100);
	deep[200] = '\0';
	assert_false(json_in_depth_ok(deep, 200, 16));
	assert_true(json_in_depth_ok(deep + 90, 20, 16));
	/* Brackets inside strings do not count. */
	const char *s = "{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[\"}";
	assert_true(json_in_depth_ok(s, strlen(s), 2));
	const char *esc = "{\"a\":\"\\\"[[[[\"}";
	assert_true(json_in_depth_ok(esc, strlen(esc), 1));
}

static void test_json_in_str_trims(void **state)
{
	(void)state;
	json_t *j = json_pack("{s:s}", "name", "\xE3\x80\x80 准格尔旗 \t");
	char out[64];
	assert_true(json_in_str(j, "name", out, sizeof out));
	assert_string_equal(out, "准格尔旗");
	assert_false(json_in_str(j, "missing", out, sizeof out));
	json_decref(j);
}

static void test_json_out_roundtrip(void **state)
{
	(void)state;
	const char *samples[] = {"", "plain", "引号\"与\\反斜杠", "line\nbreak\ttab\r", "ctl\x01\x1f", "emoji 😀 文明"};
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		struct buf b;
		buf_init(&b);
		buf_putc(&b, '[');
		jw_str(&b, samples[i]);
		buf_putc(&b, ',');
		jw_int(&b, INT64_MIN);
		buf_putc(&b, ',');
		jw_int(&b, 0);
		buf_putc(&b, ',');
		jw_id(&b, 0);
		buf_putc(&b, ',');
		jw_time(&b, 1700000000);
		buf_putc(&b, ']');
		json_error_t je;
		json_t *j = json_loadb(b.data, b.len, 0, &je);
		assert_non_null(j);
		assert_string_equal(json_string_value(json_array_get(j, 0)), samples[i]);
		assert_true(json_integer_value(json_array_get(j, 1)) == INT64_MIN);
		assert_int_equal(json_integer_value(json_array_get(j, 2)), 0);
		assert_true(json_is_null(json_array_get(j, 3)));
		assert_string_equal(json_string_value(json_array_get(j, 4)), "2023-11-14T22:13:20Z");
		json_decref(j);
		buf_cleanup(&b);
	}
}

static void test_csv_rows(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	const char *row1[] = {"准格尔旗", "a,b", "say \"hi\"", NULL, "line\nbreak"};
	csv_row(&b, row1, 5);
	assert_string_equal(b.data, "准格尔旗,\"a,b\",\"say \"\"hi\"\"\",,\"line\nbreak\"\r\n");
	buf_reset(&b);
	const char *row2[] = {"=HYPERLINK(\"x\")", "+1", "-2", "@cmd", "ok=1"};
	csv_row(&b, row2, 5);
	assert_string_equal(b.data, "\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-2\",\"'@cmd\",ok=1\r\n");
	buf_cleanup(&b);
}

static int test_key_cmp(const char *a, const char *b)
{
	size_t na, nb;
	unsigned char *ka = collate_key(a, &na), *kb = collate_key(b, &nb);
	int c = memcmp(ka, kb, na < nb ? na : nb);
	if (c == 0) {
		c = na < nb ? -1 : na > nb ? 1 : 0;
	}
	free(ka);
	free(kb);
	return c;
}

static void test_pinyin_order(void **state)
{
	(void)state;
	/* a…z by pinyin: 阿 a, 包 bao, 鄂 e, 杭 hang, 内 nei, 乌 wu, 伊 yi, 准 zhun. */
	const char *ordered[] = {"阿拉善盟", "包头市", "鄂尔多斯市", "杭锦旗", "内蒙古", "乌审旗", "伊金霍洛旗", "准格尔旗"};
	size_t n = sizeof ordered / sizeof ordered[0];
	for (size_t i = 0; i + 1 < n; i++) {
		assert_true(test_key_cmp(ordered[i], ordered[i + 1]) < 0);
	}
	assert_int_equal(test_key_cmp("准格尔旗", "准格尔旗"), 0);
	char v[32];
	collate_version(v);
	assert_true(strlen(v) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_in_table),    cmocka_unit_test(test_json_in_depth),
		cmocka_unit_test(test_json_in_str_trims), cmocka_unit_test(test_json_out_roundtrip),
		cmocka_unit_test(test_csv_rows),          cmocka_unit_test(test_pinyin_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
