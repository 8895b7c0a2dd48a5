/* test_attachment.c — unit tests for src/domain/attachment: the type policy (every allowed
 * type with each of its extensions, upper/mixed-case extensions, the container types libmagic
 * reports for office documents, mismatches, types never allowed such as text/plain and
 * image/svg+xml), the file name rules (empty, no extension, control characters, over 100
 * characters, invalid UTF-8), and the owner kinds and inline/image helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/domain/attachment.h"

#define T_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define T_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define T_PPTX "application/vnd.openxmlformats-officedocument.presentationml.presentation"

/* ext → the type stored, and what else libmagic may report for that content */
static const struct {
	const char *ext;
	const char *mime;
	const char *alias[3];
} att_types[] = {
	{"jpg", "image/jpeg", {NULL}},
	{"jpeg", "image/jpeg", {NULL}},
	{"png", "image/png", {NULL}},
	{"gif", "image/gif", {NULL}},
	{"webp", "image/webp", {NULL}},
	{"pdf", "application/pdf", {NULL}},
	{"docx", T_DOCX, {"application/zip", NULL}},
	{"xlsx", T_XLSX, {"application/zip", NULL}},
	{"pptx", T_PPTX, {"application/zip", NULL}},
	{"doc", "application/msword", {"application/vnd.ms-office", "application/CDFV2", NULL}},
	{"xls", "application/vnd.ms-excel", {"application/vnd.ms-office", "application/CDFV2", NULL}},
	{"ppt", "application/vnd.ms-powerpoint", {"application/vnd.ms-office", "application/CDFV2", NULL}},
	{"odt", "application/vnd.oasis.opendocument.text", {NULL}},
	{"ods", "application/vnd.oasis.opendocument.spreadsheet", {NULL}},
	{"odp", "application/vnd.oasis.opendocument.presentation", {NULL}},
	{"wps", "application/vnd.ms-works", {"application/vnd.ms-office", "application/CDFV2", NULL}},
	{"et", "application/vnd.ms-excel", {"application/vnd.ms-office", "application/CDFV2", NULL}},
};
#define N_TYPES (sizeof att_types / sizeof att_types[0])

/* Checks and returns the error code ("" when accepted); *canon gets the stored type. */
static const char *att_check(const char *detected, const char *name, char *canon, size_t canonlen)
{
	static struct err_detail d;
	err_clear(&d);
	canon[0] = '\0';
	enum err e = attachment_check(detected, name, canon, canonlen, &d);
	if (e == ERR_OK) {
		return "";
	}
	assert_int_equal(e, ERR_INVALID);
	assert_int_equal(d.err, ERR_INVALID);
	assert_string_equal(d.field, "file");
	assert_true(d.message[0] != '\0');
	return d.code;
}

static void att_expect(const char *detected, const char *name, const char *code, const char *canon_expected)
{
	char canon[128];
	const char *got = att_check(detected, name, canon, sizeof canon);
	if (strcmp(got, code) != 0) {
		print_error("attachment_check(\"%s\", \"%s\") → \"%s\", expected \"%s\"\n", detected, name ? name : "(null)", got,
			    code);
	}
	assert_string_equal(got, code);
	if (canon_expected) {
		assert_string_equal(canon, canon_expected);
	}
}

static void att_upper(char *s)
{
	for (; *s; s++) {
		*s = (char)toupper((unsigned char)*s);
	}
}

static void test_att_every_type(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_TYPES; i++) {
		char name[64], upper[64], mixed[64];
		snprintf(name, sizeof name, "创建材料.%s", att_types[i].ext);
		snprintf(upper, sizeof upper, "REPORT.%s", att_types[i].ext);
		att_upper(upper);
		snprintf(mixed, sizeof mixed, "Photo.%c%s", toupper((unsigned char)att_types[i].ext[0]), att_types[i].ext + 1);
		att_expect(att_types[i].mime, name, "", att_types[i].mime);
		att_expect(att_types[i].mime, upper, "", att_types[i].mime);
		att_expect(att_types[i].mime, mixed, "", att_types[i].mime);
		/* only the last extension counts */
		snprintf(name, sizeof name, "a.tar.gz.%s", att_types[i].ext);
		att_expect(att_types[i].mime, name, "", att_types[i].mime);
		for (size_t k = 0; k < 3 && att_types[i].alias[k]; k++) {
			att_expect(att_types[i].alias[k], name, "", att_types[i].mime);
			att_expect(att_types[i].alias[k], upper, "", att_types[i].mime);
		}
	}
	/* the container libmagic reports decides nothing by itself: the name picks the stored type */
	att_expect("application/zip", "表格.xlsx", "", T_XLSX);
	att_expect("application/zip", "幻灯片.PPTX", "", T_PPTX);
	att_expect("application/vnd.ms-office", "旧表格.xls", "", "application/vnd.ms-excel");
	att_expect("application/CDFV2", "演示.ppt", "", "application/vnd.ms-powerpoint");
	att_expect("application/vnd.ms-office", "金山文字.wps", "", "application/vnd.ms-works");
	att_expect("application/vnd.ms-excel", "金山表格.et", "", "application/vnd.ms-excel");
}

static void test_att_mismatch(void **state)
{
	(void)state;
	/* every allowed type named with the extension of every other type (another stored type) */
	for (size_t i = 0; i < N_TYPES; i++) {
		for (size_t j = 0; j < N_TYPES; j++) {
			if (strcmp(att_types[i].mime, att_types[j].mime) == 0) {
				continue;
			}
			char name[64];
			snprintf(name, sizeof name, "x.%s", att_types[j].ext);
			att_expect(att_types[i].mime, name, "type_mismatch", NULL);
		}
	}
	att_expect("image/png", "活动照片.pdf", "type_mismatch", NULL);
	att_expect("application/pdf", "scan.png", "type_mismatch", NULL);
	att_expect("image/jpeg", "photo.png", "type_mismatch", NULL);
	att_expect("image/png", "photo.jpg", "type_mismatch", NULL);
	att_expect(T_DOCX, "总结.doc", "type_mismatch", NULL);
	att_expect(T_DOCX, "总结.xlsx", "type_mismatch", NULL);
	att_expect("application/msword", "总结.docx", "type_mismatch", NULL);
	/* an allowed type under an extension that is not allowed at all */
	att_expect("image/png", "photo.txt", "type_mismatch", NULL);
	att_expect("application/pdf", "report.exe", "type_mismatch", NULL);
	att_expect("image/png", "photo.png.exe", "type_mismatch", NULL);
	att_expect("image/png", "photo.pn", "type_mismatch", NULL);
	att_expect("image/png", "photo.pngx", "type_mismatch", NULL);
	/* a container holding an office document named as another allowed type */
	att_expect("application/zip", "x.pdf", "type_mismatch", NULL);
	att_expect("application/zip", "x.doc", "type_mismatch", NULL);
	att_expect("application/vnd.ms-office", "x.docx", "type_mismatch", NULL);
	att_expect("application/CDFV2", "x.png", "type_mismatch", NULL);
}

static void test_att_not_allowed(void **state)
{
	(void)state;
	static const char *types[] = {
		"text/plain",
		"image/svg+xml",
		"text/html",
		"text/xml",
		"application/xml",
		"application/javascript",
		"application/octet-stream",
		"application/x-executable",
		"application/x-dosexec",
		"application/x-msdownload",
		"application/x-sharedlib",
		"application/x-rar",
		"application/x-7z-compressed",
		"application/gzip",
		"application/x-tar",
		"image/bmp",
		"image/tiff",
		"image/x-icon",
		"image/heic",
		"video/mp4",
		"audio/mpeg",
		"application/x-empty",
		"inode/x-empty",
		"application/rtf",
		"text/rtf",
		"application/json",
		"application/pdfx",
		"image/pngx",
		"",
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		att_expect(types[i], "文件.txt", "type_not_allowed", NULL);
		/* whatever the name says */
		att_expect(types[i], "文件.png", "type_not_allowed", NULL);
		att_expect(types[i], "文件.pdf", "type_not_allowed", NULL);
		att_expect(types[i], "文件.docx", "type_not_allowed", NULL);
		att_expect(types[i], "文件", "type_not_allowed", NULL);
	}
	att_expect("image/svg+xml", "logo.svg", "type_not_allowed", NULL);
	att_expect("text/plain", "readme.txt", "type_not_allowed", NULL);
	/* a container type under a name of no allowed type: an archive, an installer */
	att_expect("application/zip", "资料.zip", "type_not_allowed", NULL);
	att_expect("application/zip", "app.jar", "type_not_allowed", NULL);
	att_expect("application/CDFV2", "setup.msi", "type_not_allowed", NULL);
	att_expect("application/vnd.ms-office", "mail.msg", "type_not_allowed", NULL);
	/* the stored type is matched exactly (no case folding, no parameters) */
	att_expect("IMAGE/PNG", "a.png", "type_not_allowed", NULL);
	att_expect("image/png; charset=binary", "a.png", "type_not_allowed", NULL);
}

static void test_att_names(void **state)
{
	(void)state;
	char canon[128];
	att_expect("image/png", "", "invalid_name", NULL);
	att_expect("image/png", NULL, "invalid_name", NULL);
	att_expect("text/plain", "", "invalid_name", NULL); /* the name is checked first */
	/* no extension (an allowed type: the name is at fault) */
	att_expect("image/png", "photo", "invalid_name", NULL);
	att_expect("image/png", "照片", "invalid_name", NULL);
	att_expect("image/png", "photo.", "invalid_name", NULL);
	att_expect("application/zip", "资料", "invalid_name", NULL);
	/* a name that is only an extension is still a name with that extension */
	att_expect("image/png", ".png", "", "image/png");
	/* control characters anywhere, DEL included; tab, CR and LF too */
	static const char *ctl[] = {"a\x01.png", "\x1f.png", "a\tb.png", "a\rb.png", "a\nb.png", "photo.png\x7f",
				    "a\x7f" "b.png", "\x1b[31m.png"};
	for (size_t i = 0; i < sizeof ctl / sizeof ctl[0]; i++) {
		att_expect("image/png", ctl[i], "invalid_name", NULL);
	}
	/* spaces, punctuation, full-width characters and emoji are fine */
	att_expect("image/png", "我的 照片（1）_final-v2 #3 & 'x'.png", "", "image/png");
	att_expect("image/png", "活动😀.png", "", "image/png");
	/* invalid UTF-8: a stray continuation byte, 0xff, an overlong '/', a truncated sequence, a
	 * UTF-16 surrogate, a code point above U+10FFFF */
	static const char *bad[] = {"\x80.png", "a\xff.png", "\xc0\xaf.png", "\xe6\x96.png", "a.png\xe6",
				    "\xed\xa0\x80.png", "\xf4\x90\x80\x80.png", "\xfe\xfe.png"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		att_expect("image/png", bad[i], "invalid_name", NULL);
	}
	/* length counts characters, not bytes: 100 fit, 101 do not */
	for (int cjk = 0; cjk < 2; cjk++) {
		for (size_t chars = 99; chars <= 101; chars++) {
			char name[512] = "";
			size_t stem = chars - 4; /* ".png" */
			for (size_t k = 0; k < stem; k++) {
				strcat(name, cjk ? "文" : "a");
			}
			strcat(name, ".png");
			const char *code = att_check("image/png", name, canon, sizeof canon);
			assert_string_equal(code, chars <= ATTACHMENT_NAME_MAX ? "" : "invalid_name");
		}
	}
	/* the stored type is written whole when the buffer holds it */
	assert_string_equal(att_check(T_DOCX, "a.docx", canon, sizeof canon), "");
	assert_string_equal(canon, T_DOCX);
}

static void test_att_helpers(void **state)
{
	(void)state;
	static const char *kinds[] = {"activity", "pairing", "aid", "ad", "exemplar"};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		assert_true(attachment_owner_kind_valid(kinds[i]));
	}
	static const char *bad[] = {"", "Activity", "activities", "unit", "volunteer", "activity ", "ad\n", "title"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(attachment_owner_kind_valid(bad[i]));
	}
	assert_false(attachment_owner_kind_valid(NULL));

	for (size_t i = 0; i < N_TYPES; i++) {
		int image = strncmp(att_types[i].mime, "image/", 6) == 0;
		assert_int_equal(attachment_is_image(att_types[i].mime), image);
		assert_int_equal(attachment_is_inline(att_types[i].mime), image || strcmp(att_types[i].ext, "pdf") == 0);
	}
	assert_true(attachment_is_inline("application/pdf"));
	assert_false(attachment_is_image("application/pdf"));
	assert_false(attachment_is_inline(T_DOCX));
	assert_false(attachment_is_inline("application/msword"));
	assert_int_equal(ATTACHMENT_NAME_MAX, 100);
	assert_int_equal(ATTACHMENT_CAPTION_MAX, 100);
	assert_int_equal(ATTACHMENT_PER_OWNER_MAX, 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_att_every_type), cmocka_unit_test(test_att_mismatch),
		cmocka_unit_test(test_att_not_allowed), cmocka_unit_test(test_att_names),
		cmocka_unit_test(test_att_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
