/* test_multipart.c — unit tests for src/codec/multipart: multipart/form-data bodies parsed in
 * place (several parts, quoted and unquoted boundaries, browser file names with Windows paths,
 * UTF-8 names, binary content with CR/LF and near-delimiters, empty fields) and malformed bodies
 * (no or bad boundary, another content type, no closing delimiter, no Content-Disposition, too
 * many parts, overlong names), each rejected with ERR_INVALID and code "multipart". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/codec/multipart.h"
#include "../../src/util/buf.h"

#define MP_CT "multipart/form-data; boundary=XyZ123"

/* A body assembled from pieces (binary-safe: explicit lengths). */
struct mp_body {
	char *data;
	size_t len;
};

static void mp_add(struct mp_body *b, const void *p, size_t n)
{
	b->data = realloc(b->data, b->len + n + 1);
	assert_non_null(b->data);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void mp_adds(struct mp_body *b, const char *s)
{
	mp_add(b, s, strlen(s));
}

static enum err mp_parse_n(const char *ct, const struct mp_body *b, struct multipart_part *parts, size_t max,
			   size_t *n, struct err_detail *d)
{
	err_clear(d);
	return multipart_parse(ct, b->data ? b->data : "", b->len, parts, max, n, d);
}

/* Asserts the body is rejected as malformed multipart. */
static void mp_assert_bad(const char *ct, const struct mp_body *b, size_t max)
{
	struct multipart_part parts[8];
	struct err_detail d;
	size_t n = 99;
	assert_true(max <= 8);
	assert_int_equal(mp_parse_n(ct, b, parts, max, &n, &d), ERR_INVALID);
	assert_int_equal(d.err, ERR_INVALID);
	assert_string_equal(d.code, "multipart");
	assert_true(d.message[0] != '\0');
}

static void mp_assert_bad_text(const char *ct, const char *body)
{
	struct mp_body b = {NULL, 0};
	mp_adds(&b, body);
	mp_assert_bad(ct, &b, 8);
	free(b.data);
}

static void mp_assert_data(const struct multipart_part *p, const void *data, size_t len)
{
	assert_int_equal(p->len, len);
	if (len) {
		assert_memory_equal(p->data, data, len);
	}
}

static void test_mp_several_parts(void **state)
{
	(void)state;
	const char *body = "--XyZ123\r\n"
			   "Content-Disposition: form-data; name=\"owner_kind\"\r\n"
			   "\r\n"
			   "activity\r\n"
			   "--XyZ123\r\n"
			   "Content-Disposition: form-data; name=\"owner_id\"\r\n"
			   "\r\n"
			   "42\r\n"
			   "--XyZ123\r\n"
			   "Content-Disposition: form-data; name=\"caption\"\r\n"
			   "\r\n"
			   "学雷锋 活动照片\r\n"
			   "--XyZ123\r\n"
			   "Content-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
			   "Content-Type: image/png\r\n"
			   "\r\n"
			   "\x89PNG\r\n\x1a\n\r\n"
			   "\r\n--XyZ123--\r\n";
	struct multipart_part parts[8];
	struct err_detail d;
	size_t n = 0;
	err_clear(&d);
	assert_int_equal(multipart_parse(MP_CT, body, strlen(body), parts, 8, &n, &d), ERR_OK);
	assert_int_equal(n, 4);
	assert_string_equal(parts[0].name, "owner_kind");
	assert_false(parts[0].has_filename);
	assert_string_equal(parts[0].filename, "");
	assert_string_equal(parts[0].content_type, "");
	mp_assert_data(&parts[0], "activity", 8);
	assert_string_equal(parts[1].name, "owner_id");
	mp_assert_data(&parts[1], "42", 2);
	assert_string_equal(parts[2].name, "caption");
	mp_assert_data(&parts[2], "学雷锋 活动照片", strlen("学雷锋 活动照片"));
	assert_string_equal(parts[3].name, "file");
	assert_true(parts[3].has_filename);
	assert_string_equal(parts[3].filename, "photo.png");
	assert_string_equal(parts[3].content_type, "image/png");
	/* the data keeps its own trailing CR LF; only the CR LF before the delimiter goes */
	mp_assert_data(&parts[3], "\x89PNG\r\n\x1a\n\r\n", 10);
	/* parts point into the body */
	assert_true(parts[3].data > body && parts[3].data + parts[3].len <= body + strlen(body));

	assert_ptr_equal(multipart_find(parts, n, "file"), &parts[3]);
	assert_ptr_equal(multipart_find(parts, n, "owner_kind"), &parts[0]);
	assert_null(multipart_find(parts, n, "missing"));
	assert_null(multipart_find(parts, n, "File"));
	assert_null(multipart_find(parts, 0, "file"));
}

static void test_mp_boundary_forms(void **state)
{
	(void)state;
	struct {
		const char *ct;
		const char *boundary;
	} cases[] = {
		{"multipart/form-data; boundary=XyZ123", "XyZ123"},
		{"multipart/form-data;boundary=XyZ123", "XyZ123"},
		{"multipart/form-data; boundary=XyZ123; charset=UTF-8", "XyZ123"},
		{"multipart/form-data; charset=UTF-8; boundary=XyZ123", "XyZ123"},
		{"Multipart/Form-Data; BOUNDARY=XyZ123", "XyZ123"},
		{"multipart/form-data; boundary=\"XyZ123\"", "XyZ123"},
		/* a quoted boundary may hold characters a token may not (RFC 2046 bchars) */
		{"multipart/form-data; boundary=\"----form data:1,2\"", "----form data:1,2"},
		{"multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
		 "----WebKitFormBoundary7MA4YWxkTrZu0gW"},
		/* 70 characters, the longest RFC 2046 allows */
		{"multipart/form-data; boundary=0123456789012345678901234567890123456789012345678901234567890123456789",
		 "0123456789012345678901234567890123456789012345678901234567890123456789"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mp_body b = {NULL, 0};
		/* a preamble before the first delimiter and an epilogue after the last are ignored */
		mp_adds(&b, "This is the preamble.\r\n--");
		mp_adds(&b, cases[i].boundary);
		mp_adds(&b, "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue-a\r\n--");
		mp_adds(&b, cases[i].boundary);
		mp_adds(&b, "\r\ncontent-disposition: form-data; name=b\r\n\r\nvalue-b\r\n--");
		mp_adds(&b, cases[i].boundary);
		mp_adds(&b, "--\r\nepilogue");
		struct multipart_part parts[4];
		struct err_detail d;
		size_t n = 0;
		assert_int_equal(mp_parse_n(cases[i].ct, &b, parts, 4, &n, &d), ERR_OK);
		assert_int_equal(n, 2);
		assert_string_equal(parts[0].name, "a");
		mp_assert_data(&parts[0], "value-a", 7);
		assert_string_equal(parts[1].name, "b"); /* unquoted name, lower-case header name */
		mp_assert_data(&parts[1], "value-b", 7);
		free(b.data);
	}
}

static void test_mp_filenames(void **state)
{
	(void)state;
	struct {
		const char *param; /* as sent in the header */
		const char *name;  /* as parsed */
	} cases[] = {
		{"filename=\"活动.jpg\"", "活动.jpg"},
		{"filename=\"文明单位创建工作总结（2024年）.docx\"", "文明单位创建工作总结（2024年）.docx"},
		{"filename=plain.pdf", "plain.pdf"},
		/* old browsers send the whole client path: only the last component is kept */
		{"filename=\"C:\\Users\\张三\\Pictures\\活动照片.jpg\"", "活动照片.jpg"},
		{"filename=\"C:\\fakepath\\report.pdf\"", "report.pdf"},
		{"filename=\"/home/user/docs/a b.png\"", "a b.png"},
		{"filename=\"dir/sub\\mixed.png\"", "mixed.png"},
		/* browsers percent-encode a double quote; the name is taken as sent */
		{"filename=\"say %22hi%22.png\"", "say %22hi%22.png"},
		/* a backslash-escaped quote (RFC 2616 quoted-pair) */
		{"filename=\"a\\\"b.png\"", "a\"b.png"},
		{"filename=\"\"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mp_body b = {NULL, 0};
		mp_adds(&b, "--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; ");
		mp_adds(&b, cases[i].param);
		mp_adds(&b, "\r\nContent-Type: application/octet-stream\r\n\r\nDATA\r\n--XyZ123--\r\n");
		struct multipart_part parts[2];
		struct err_detail d;
		size_t n = 0;
		assert_int_equal(mp_parse_n(MP_CT, &b, parts, 2, &n, &d), ERR_OK);
		assert_int_equal(n, 1);
		assert_string_equal(parts[0].name, "file");
		assert_true(parts[0].has_filename);
		if (strcmp(parts[0].filename, cases[i].name) != 0) {
			print_error("case %zu: %s → \"%s\", expected \"%s\"\n", i, cases[i].param, parts[0].filename, cases[i].name);
		}
		assert_string_equal(parts[0].filename, cases[i].name);
		assert_string_equal(parts[0].content_type, "application/octet-stream");
		mp_assert_data(&parts[0], "DATA", 4);
		free(b.data);
	}
	/* parameters in another order; "name" is not found inside "filename" */
	const char *body = "--XyZ123\r\nContent-Disposition: form-data; filename=\"x.png\"; name=\"file\"\r\n\r\n"
			   "1\r\n--XyZ123--";
	struct multipart_part parts[2];
	struct err_detail d;
	size_t n = 0;
	err_clear(&d);
	assert_int_equal(multipart_parse(MP_CT, body, strlen(body), parts, 2, &n, &d), ERR_OK);
	assert_int_equal(n, 1);
	assert_string_equal(parts[0].name, "file");
	assert_string_equal(parts[0].filename, "x.png");
	mp_assert_data(&parts[0], "1", 1);

	/* parameter-like text inside a quoted value is not a parameter */
	body = "--XyZ123\r\nContent-Disposition: form-data; filename=\"x; name=evil.png\"; name=\"file\"\r\n\r\n"
	       "1\r\n--XyZ123\r\nContent-Disposition: form-data; name=\"caption\"; x=\"; filename=a.png\"\r\n\r\n"
	       "2\r\n--XyZ123--";
	assert_int_equal(multipart_parse(MP_CT, body, strlen(body), parts, 2, &n, &d), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(parts[0].name, "file");
	assert_string_equal(parts[0].filename, "x; name=evil.png");
	assert_string_equal(parts[1].name, "caption");
	assert_false(parts[1].has_filename);
	assert_string_equal(parts[1].filename, "");
	mp_assert_data(&parts[1], "2", 1);
}

static void test_mp_binary_data(void **state)
{
	(void)state;
	/* content that looks like delimiters without being one */
	static const char tricky[] = "\r\n--XyZ12 "      /* a shorter boundary */
				     "x--XyZ123 "        /* the delimiter without the CR LF before it */
				     "\n--XyZ123 "       /* LF only */
				     "\r--XyZ123 "       /* CR only */
				     "\r\n-XyZ123 "      /* one dash */
				     "\r\n--xyz123 "     /* another case: boundaries are case-sensitive */
				     "\r\n\r\n\r\n"       /* blank lines */
				     "\0\0\xff\xfe\x00\r"; /* NULs and high bytes, a trailing CR */
	size_t tlen = sizeof tricky - 1;
	unsigned char bin[1024];
	for (size_t i = 0; i < sizeof bin; i++) {
		bin[i] = (unsigned char)((i * 131 + 7) & 0xff);
	}
	struct mp_body b = {NULL, 0};
	mp_adds(&b, "--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.bin\"\r\n\r\n");
	mp_add(&b, tricky, tlen);
	mp_adds(&b, "\r\n--XyZ123\r\nContent-Disposition: form-data; name=\"file2\"; filename=\"b.bin\"\r\n\r\n");
	mp_add(&b, bin, sizeof bin);
	mp_adds(&b, "\r\n--XyZ12"); /* ends with a partial delimiter */
	mp_adds(&b, "\r\n--XyZ123\r\nContent-Disposition: form-data; name=\"end\"\r\n\r\n");
	mp_adds(&b, "\r\n"); /* a field whose value is one CR LF */
	mp_adds(&b, "\r\n--XyZ123--");
	struct multipart_part parts[4];
	struct err_detail d;
	size_t n = 0;
	assert_int_equal(mp_parse_n(MP_CT, &b, parts, 4, &n, &d), ERR_OK);
	assert_int_equal(n, 3);
	mp_assert_data(&parts[0], tricky, tlen);
	assert_string_equal(parts[1].filename, "b.bin");
	assert_int_equal(parts[1].len, sizeof bin + 9);
	assert_memory_equal(parts[1].data, bin, sizeof bin);
	assert_memory_equal(parts[1].data + sizeof bin, "\r\n--XyZ12", 9);
	assert_string_equal(parts[2].name, "end");
	mp_assert_data(&parts[2], "\r\n", 2);
	free(b.data);
}

static void test_mp_empty_fields(void **state)
{
	(void)state;
	const char *body = "--XyZ123\r\n"
			   "Content-Disposition: form-data; name=\"caption\"\r\n"
			   "\r\n"
			   "\r\n"
			   "--XyZ123\r\n"
			   "Content-Disposition: form-data; name=\"file\"; filename=\"empty.pdf\"\r\n"
			   "Content-Type: application/pdf\r\n"
			   "\r\n"
			   "\r\n"
			   "--XyZ123\r\n"
			   "Content-Disposition: form-data; name=\"last\"\r\n"
			   "\r\n"
			   "x\r\n"
			   "--XyZ123--\r\n";
	struct multipart_part parts[4];
	struct err_detail d;
	size_t n = 0;
	err_clear(&d);
	assert_int_equal(multipart_parse(MP_CT, body, strlen(body), parts, 4, &n, &d), ERR_OK);
	assert_int_equal(n, 3);
	assert_string_equal(parts[0].name, "caption");
	assert_int_equal(parts[0].len, 0);
	assert_non_null(parts[0].data);
	assert_string_equal(parts[1].filename, "empty.pdf");
	assert_true(parts[1].has_filename);
	assert_int_equal(parts[1].len, 0);
	mp_assert_data(&parts[2], "x", 1);
}

static void test_mp_limits(void **state)
{
	(void)state;
	/* exactly max parts is fine; one more is refused */
	struct mp_body b = {NULL, 0};
	for (int i = 0; i < 3; i++) {
		char line[128];
		snprintf(line, sizeof line, "--XyZ123\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv%d\r\n", i, i);
		mp_adds(&b, line);
	}
	mp_adds(&b, "--XyZ123--\r\n");
	struct multipart_part parts[8];
	struct err_detail d;
	size_t n = 0;
	assert_int_equal(mp_parse_n(MP_CT, &b, parts, 3, &n, &d), ERR_OK);
	assert_int_equal(n, 3);
	assert_string_equal(parts[2].name, "f2");
	mp_assert_data(&parts[2], "v2", 2);
	mp_assert_bad(MP_CT, &b, 2);
	mp_assert_bad(MP_CT, &b, 0);
	free(b.data);

	/* names: 63 bytes fit, 64 do not; file names: 511 bytes fit, 512 do not */
	for (int round = 0; round < 4; round++) {
		size_t len = round == 0 ? 63 : round == 1 ? 64 : round == 2 ? 511 : 512;
		char *s = malloc(len + 1);
		assert_non_null(s);
		memset(s, 'a', len);
		if (round >= 2) {
			memcpy(s + len - 4, ".png", 4);
		}
		s[len] = '\0';
		struct mp_body m = {NULL, 0};
		mp_adds(&m, "--XyZ123\r\nContent-Disposition: form-data; ");
		mp_adds(&m, round < 2 ? "name=\"" : "name=\"file\"; filename=\"");
		mp_adds(&m, s);
		mp_adds(&m, "\"\r\n\r\nDATA\r\n--XyZ123--\r\n");
		if (round == 0 || round == 2) {
			assert_int_equal(mp_parse_n(MP_CT, &m, parts, 8, &n, &d), ERR_OK);
			assert_int_equal(n, 1);
			assert_string_equal(round == 0 ? parts[0].name : parts[0].filename, s);
		} else {
			mp_assert_bad(MP_CT, &m, 8);
		}
		free(m.data);
		free(s);
	}
	/* a 71-character boundary is refused */
	mp_assert_bad_text("multipart/form-data; boundary=01234567890123456789012345678901234567890123456789012345678901234567890",
			   "--01234567890123456789012345678901234567890123456789012345678901234567890\r\n"
			   "Content-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n"
			   "--01234567890123456789012345678901234567890123456789012345678901234567890--\r\n");
}

static void test_mp_malformed(void **state)
{
	(void)state;
	const char *ok = "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ123--\r\n";
	/* the well-formed body the cases below break */
	struct multipart_part parts[8];
	struct err_detail d;
	size_t n = 0;
	err_clear(&d);
	assert_int_equal(multipart_parse(MP_CT, ok, strlen(ok), parts, 8, &n, &d), ERR_OK);
	assert_int_equal(n, 1);

	/* no boundary, an empty boundary, another content type, no content type */
	mp_assert_bad_text("multipart/form-data", ok);
	mp_assert_bad_text("multipart/form-data; charset=utf-8", ok);
	mp_assert_bad_text("multipart/form-data; boundary=", ok);
	mp_assert_bad_text("multipart/form-data; boundary=\"\"", ok);
	mp_assert_bad_text("multipart/form-data; boundary=\"XyZ123", ok); /* unterminated quote */
	mp_assert_bad_text("application/json", ok);
	mp_assert_bad_text("application/x-www-form-urlencoded; boundary=XyZ123", ok);
	mp_assert_bad_text("multipart/mixed; boundary=XyZ123", ok);
	mp_assert_bad_text("text/plain; boundary=XyZ123", ok);
	mp_assert_bad_text("", ok);
	{
		struct mp_body b = {NULL, 0};
		mp_adds(&b, ok);
		mp_assert_bad(NULL, &b, 8);
		free(b.data);
	}
	/* a boundary that does not occur; an empty body */
	mp_assert_bad_text("multipart/form-data; boundary=Other", ok);
	mp_assert_bad_text(MP_CT, "");
	/* no closing delimiter: the body ends in the data, after the last delimiter, or before its -- */
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ123");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ123\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ123-");
	/* headers never end */
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"");
	/* no parts at all */
	mp_assert_bad_text(MP_CT, "--XyZ123--\r\n");
	/* the delimiter runs on into other characters */
	mp_assert_bad_text(MP_CT, "--XyZ1234\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ1234--\r\n");
	/* missing Content-Disposition: other headers only, or no headers at all */
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ123--\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\n\r\nx\r\n--XyZ123--\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n"
				  "--XyZ123\r\nX-Other: 1\r\n\r\ny\r\n--XyZ123--\r\n");
	/* a Content-Disposition that is not form-data, or without a name */
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ123--\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ123--\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition: form-data; filename=\"a.png\"\r\n\r\nx\r\n--XyZ123--\r\n");
	mp_assert_bad_text(MP_CT, "--XyZ123\r\nContent-Disposition:\r\n\r\nx\r\n--XyZ123--\r\n");
	/* an unterminated quoted file name */
	mp_assert_bad_text(MP_CT,
			   "--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\r\n\r\nx\r\n--XyZ123--\r\n");
	/* LF-only line ends */
	mp_assert_bad_text(MP_CT, "--XyZ123\nContent-Disposition: form-data; name=\"a\"\n\nx\n--XyZ123--\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mp_several_parts), cmocka_unit_test(test_mp_boundary_forms),
		cmocka_unit_test(test_mp_filenames),     cmocka_unit_test(test_mp_binary_data),
		cmocka_unit_test(test_mp_empty_fields),  cmocka_unit_test(test_mp_limits),
		cmocka_unit_test(test_mp_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
