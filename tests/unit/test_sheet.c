/* test_sheet.c — unit tests for src/codec/sheet_write.c and sheet_read.c: spreadsheet files for
 * export and import.
 *
 * Writing: CSV (UTF-8 BOM, CRLF, RFC 4180 quoting, formula-looking cells neutralised with a
 * leading apostrophe inside quotes) and .xlsx (titles in row 1, NULL cells left out, integers of
 * numeric columns as numbers, everything else — "=1+1" included — as text cells, never formulas:
 * checked in the raw sheet XML through libzip). Both read back with sheet_reader: Chinese text,
 * commas, quotes, embedded newlines, empty cells in the middle, trailing empty cells dropped.
 *
 * Reading CSV: BOM, CRLF and LF, blank lines skipped but counted, row numbers as an editor shows
 * them (a quoted newline counts), the malformed files (unterminated quote, text after a closing
 * quote, a quote inside an unquoted cell, GBK bytes, UTF-16, more than 64 columns, a cell over
 * 32 KB) refused with their code and "row N"; reads across the 64 KB chunk boundary.
 *
 * Reading .xlsx: not a zip, a zip without a worksheet, broken XML; a workbook built by hand with
 * libzip — shared strings (plain, rich text runs, phonetic runs ignored), inline strings,
 * numbers, booleans, errors, formula results, gaps between cells (A1 C1) and between rows
 * (r="1" r="5"), rows without r attributes, prefixed element names — row numbers as in the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "../../src/codec/sheet.h"
#include "../../src/util/buf.h"

/* ---------------------------------------------------------------- helpers ---- */

#define MAX_ROWS 64

/* What a reader gave: rows (cells joined by '|' into a printable line) and their numbers, or
 * the error. */
struct got {
	int open_failed;
	int failed;
	struct err_detail d;
	enum sheet_format format;
	size_t n_rows;
	int64_t row_no[MAX_ROWS];
	size_t n_cells[MAX_ROWS];
	char *cells[MAX_ROWS][SHEET_MAX_COLS];
};

static void got_free(struct got *g)
{
	for (size_t i = 0; i < g->n_rows && i < MAX_ROWS; i++) {
		for (size_t c = 0; c < g->n_cells[i]; c++) {
			free(g->cells[i][c]);
		}
	}
	memset(g, 0, sizeof *g);
}

static char *tmp_path(char *path, size_t len)
{
	snprintf(path, len, "%s/wm-test-sheet-XXXXXX", getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	return path;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Reads every row of the file at path (up to MAX_ROWS kept; all counted). */
static void read_path(const char *path, struct got *g)
{
	memset(g, 0, sizeof *g);
	err_clear(&g->d);
	struct sheet_reader *r = sheet_reader_open(path, &g->d);
	if (!r) {
		g->open_failed = 1;
		return;
	}
	g->format = sheet_reader_format(r);
	const char *const *cells;
	size_t n;
	int64_t row_no;
	int rc;
	while ((rc = sheet_reader_next(r, &cells, &n, &row_no, &g->d)) == 1) {
		if (g->n_rows < MAX_ROWS) {
			g->row_no[g->n_rows] = row_no;
			g->n_cells[g->n_rows] = n;
			for (size_t c = 0; c < n; c++) {
				g->cells[g->n_rows][c] = strdup(cells[c]);
			}
		}
		g->n_rows++;
	}
	if (rc < 0) {
		g->failed = 1;
	}
	sheet_reader_free(r);
}

static void read_bytes(const void *data, size_t len, struct got *g)
{
	char path[256];
	tmp_path(path, sizeof path);
	write_file(path, data, len);
	read_path(path, g);
	unlink(path);
}

static void read_str(const char *s, struct got *g)
{
	read_bytes(s, strlen(s), g);
}

/* Asserts row i has exactly the n cells given. */
static void assert_row(const struct got *g, size_t i, int64_t row_no, size_t n, const char *const *want)
{
	if (i >= g->n_rows) {
		fail_msg("row %zu missing (only %zu rows)", i, g->n_rows);
	}
	if (g->row_no[i] != row_no) {
		fail_msg("row %zu: row number %lld, want %lld", i, (long long)g->row_no[i], (long long)row_no);
	}
	if (g->n_cells[i] != n) {
		fail_msg("row %zu (row %lld): %zu cells, want %zu", i, (long long)row_no, g->n_cells[i], n);
	}
	for (size_t c = 0; c < n; c++) {
		if (strcmp(g->cells[i][c], want[c]) != 0) {
			fail_msg("row %zu cell %zu: \"%s\", want \"%s\"", i, c, g->cells[i][c], want[c]);
		}
	}
}

#define ROW(g, i, no, ...)                                                                    \
	do {                                                                                  \
		const char *const w_[] = {__VA_ARGS__};                                       \
		assert_row((g), (i), (no), sizeof w_ / sizeof w_[0], w_);                     \
	} while (0)

static void assert_error(const struct got *g, const char *code, const char *field)
{
	if (!g->failed && !g->open_failed) {
		fail_msg("no error (want %s); %zu rows read", code, g->n_rows);
	}
	assert_int_equal(g->d.err, ERR_INVALID);
	assert_string_equal(g->d.code, code);
	assert_string_equal(g->d.field, field ? field : "");
	assert_true(strlen(g->d.message) > 0);
	/* a Chinese message */
	assert_true(strstr(g->d.message, "\xE3") || strstr(g->d.message, "\xE4") || strstr(g->d.message, "\xE5") ||
		    strstr(g->d.message, "\xE6") || strstr(g->d.message, "\xE7") || strstr(g->d.message, "\xE8") ||
		    strstr(g->d.message, "\xE9"));
}

/* The whole finished file of a writer, in memory (free() it). */
static char *writer_bytes(struct sheet_writer *w, size_t *len)
{
	int fd = -1;
	uint64_t size = 0;
	assert_int_equal(sheet_writer_finish(w, &fd, &size), 0);
	assert_true(fd >= 0);
	char *data = malloc(size + 1);
	size_t got = 0;
	while (got < size) {
		ssize_t k = read(fd, data + got, size - got);
		assert_true(k > 0);
		got += (size_t)k;
	}
	data[size] = '\0';
	char extra;
	assert_int_equal(read(fd, &extra, 1), 0);
	close(fd);
	*len = size;
	return data;
}

/* One entry of a zip file (free() it), NULL when absent. */
static char *zip_entry(const void *data, size_t len, const char *name)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	assert_non_null(src);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(z);
	zip_stat_t st;
	char *out = NULL;
	if (zip_stat(z, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(z, name, 0);
		assert_non_null(f);
		out = malloc(st.size + 1);
		assert_int_equal(zip_fread(f, out, st.size), (zip_int64_t)st.size);
		out[st.size] = '\0';
		zip_fclose(f);
	}
	zip_discard(z);
	zip_error_fini(&ze);
	return out;
}

struct zentry {
	const char *name;
	const char *text;
};

/* Builds a zip at path from NUL-terminated entries. */
static void make_zip(const char *path, const struct zentry *e, size_t n)
{
	int err = 0;
	unlink(path);
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, e[i].text, strlen(e[i].text), 0);
		assert_non_null(s);
		assert_true(zip_file_add(z, e[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
}

#define CT_XML                                                                                              \
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"                                      \
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"                     \
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"                                      \
	"<Override PartName=\"/xl/workbook.xml\" "                                                           \
	"ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"        \
	"<Override PartName=\"/xl/worksheets/sheet1.xml\" "                                                  \
	"ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"         \
	"<Override PartName=\"/xl/sharedStrings.xml\" "                                                      \
	"ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"     \
	"</Types>"
#define WB_XML                                                                                              \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                                         \
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "                     \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"                   \
	"<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define WS_OPEN                                                                                             \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                                         \
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define WS_CLOSE "</sheetData></worksheet>"

/* Reads a hand-made workbook with the given sheet (and shared strings, when not NULL). */
static void read_xlsx(const char *sheet_xml, const char *shared_xml, const char *sheet_name, struct got *g)
{
	char path[256];
	tmp_path(path, sizeof path);
	struct zentry e[4] = {{"[Content_Types].xml", CT_XML}, {"xl/workbook.xml", WB_XML}};
	size_t n = 2;
	if (shared_xml) {
		e[n++] = (struct zentry){"xl/sharedStrings.xml", shared_xml};
	}
	if (sheet_xml) {
		e[n++] = (struct zentry){sheet_name ? sheet_name : "xl/worksheets/sheet1.xml", sheet_xml};
	}
	make_zip(path, e, n);
	read_path(path, g);
	unlink(path);
}

/* ---------------------------------------------------------------- writing CSV ---- */

static const struct sheet_col cols3[] = {{"单位名称", 20, 0}, {"人数", 8, 1}, {"备注", 0, 0}};

static void test_csv_write_bytes(void **state)
{
	(void)state;
	struct sheet_writer *w = sheet_writer_open(SHEET_CSV, "测试", cols3, 3);
	assert_non_null(w);
	assert_int_equal(sheet_writer_format(w), SHEET_CSV);
	const char *r1[] = {"准格尔旗人民医院", "35", "清理楼道，走访慰问"};
	const char *r2[] = {"=1+1", "-5", "@x"};
	const char *r3[] = {NULL, NULL, "说\"好\"的"};
	const char *r4[] = {"第一行\n第二行", "+3", "\tTab"};
	const char *r5[] = {"a\r\nb", "", NULL};
	assert_int_equal(sheet_writer_row(w, r1, 3), 0);
	assert_int_equal(sheet_writer_row(w, r2, 3), 0);
	assert_int_equal(sheet_writer_row(w, r3, 3), 0);
	assert_int_equal(sheet_writer_row(w, r4, 3), 0);
	assert_int_equal(sheet_writer_row(w, r5, 3), 0);
	assert_int_equal(sheet_writer_rows(w), 5);
	size_t len;
	char *data = writer_bytes(w, &len);
	const char *want = "\xEF\xBB\xBF"
			   "单位名称,人数,备注\r\n"
			   "准格尔旗人民医院,35,\"清理楼道，走访慰问\"\r\n"
			   "\"'=1+1\",\"'-5\",\"'@x\"\r\n"
			   ",,\"说\"\"好\"\"的\"\r\n"
			   "\"第一行\n第二行\",\"'+3\",\"'\tTab\"\r\n"
			   "\"a\r\nb\",,\r\n";
	/* "，" (U+FF0C) is not a comma: no quotes needed, but they are harmless; accept either */
	if (strcmp(data, want) != 0) {
		const char *want2 = "\xEF\xBB\xBF"
				    "单位名称,人数,备注\r\n"
				    "准格尔旗人民医院,35,清理楼道，走访慰问\r\n"
				    "\"'=1+1\",\"'-5\",\"'@x\"\r\n"
				    ",,\"说\"\"好\"\"的\"\r\n"
				    "\"第一行\n第二行\",\"'+3\",\"'\tTab\"\r\n"
				    "\"a\r\nb\",,\r\n";
		assert_string_equal(data, want2);
	}
	assert_int_equal(len, strlen(data));
	free(data);
	assert_string_equal(sheet_content_type(SHEET_CSV), "text/csv; charset=utf-8");
	assert_string_equal(sheet_extension(SHEET_CSV), "csv");
}

/* Writes rows with a writer of format f and reads them back. */
static void roundtrip(enum sheet_format f, const char *const rows[][4], size_t n_rows, struct got *g, char **raw,
		      size_t *raw_len)
{
	static const struct sheet_col cols[] = {{"名称", 0, 0}, {"数量", 0, 1}, {"说明", 0, 0}, {"其他", 0, 0}};
	struct sheet_writer *w = sheet_writer_open(f, "往返", cols, 4);
	assert_non_null(w);
	for (size_t i = 0; i < n_rows; i++) {
		assert_int_equal(sheet_writer_row(w, rows[i], 4), 0);
	}
	size_t len;
	char *data = writer_bytes(w, &len);
	read_bytes(data, len, g);
	if (raw) {
		*raw = data;
		*raw_len = len;
	} else {
		free(data);
	}
}

static const char *const rt_rows[][4] = {
	{"内蒙古自治区鄂尔多斯市准格尔旗", "1200", "逗号,分隔", "引号\"在中间\""},
	{"多行\n文本\r\n第三行", NULL, NULL, NULL},       /* trailing empties dropped */
	{NULL, "7", NULL, "中间为空"},                        /* empties in the middle kept */
	{"", "", "", ""},                                     /* an empty row: no cells */
	{"  前后空格  ", "007", "Ω≈ç√∫ 🎉", "\"整格引号\""},
	{"末尾逗号,", "-12", "a,b,c", "x"},
};

static void test_csv_roundtrip(void **state)
{
	(void)state;
	struct got g;
	roundtrip(SHEET_CSV, rt_rows, 6, &g, NULL, NULL);
	assert_false(g.failed);
	assert_int_equal(g.format, SHEET_CSV);
	assert_int_equal(g.n_rows, 7);
	ROW(&g, 0, 1, "名称", "数量", "说明", "其他");
	ROW(&g, 1, 2, "内蒙古自治区鄂尔多斯市准格尔旗", "1200", "逗号,分隔", "引号\"在中间\"");
	ROW(&g, 2, 3, "多行\n文本\r\n第三行");
	/* the newlines inside row 3 move the next row to line 6 */
	ROW(&g, 3, 6, "", "7", "", "中间为空");
	assert_row(&g, 4, 7, 0, NULL);
	ROW(&g, 5, 8, "  前后空格  ", "007", "Ω≈ç√∫ 🎉", "\"整格引号\"");
	/* CSV neutralises "-12" (it looks like a formula) even in a numeric column */
	ROW(&g, 6, 9, "末尾逗号,", "'-12", "a,b,c", "x");
	got_free(&g);
}

static void test_csv_formulas_neutralised(void **state)
{
	(void)state;
	const char *const rows[][4] = {{"=1+1", "-5", "@x", "+SUM(A1:A2)"}, {"=HYPERLINK(\"http://x\",\"y\")", "5", "a=b", "-"}};
	struct got g;
	roundtrip(SHEET_CSV, rows, 2, &g, NULL, NULL);
	assert_false(g.failed);
	ROW(&g, 1, 2, "'=1+1", "'-5", "'@x", "'+SUM(A1:A2)");
	ROW(&g, 2, 3, "'=HYPERLINK(\"http://x\",\"y\")", "5", "a=b", "'-");
	got_free(&g);
}

/* ---------------------------------------------------------------- writing XLSX ---- */

/* The text of cell ref in the sheet XML: its element (to the closing </c>), or NULL. */
static char *cell_xml(const char *sheet, const char *ref)
{
	char pat[32];
	snprintf(pat, sizeof pat, "<c r=\"%s\"", ref);
	const char *p = strstr(sheet, pat);
	if (!p) {
		return NULL;
	}
	const char *q = strstr(p, "</c>");
	const char *selfclose = strstr(p, "/>");
	if (!q || (selfclose && selfclose < q && selfclose < strchr(p, '>') + 1)) {
		q = selfclose;
	}
	assert_non_null(q);
	return strndup(p, (size_t)(q - p) + 4);
}


static void test_xlsx_roundtrip(void **state)
{
	(void)state;
	struct got g;
	char *raw;
	size_t len;
	roundtrip(SHEET_XLSX, rt_rows, 6, &g, &raw, &len);
	assert_true(len > 4 && memcmp(raw, "PK\x03\x04", 4) == 0);
	assert_false(g.open_failed);
	assert_false(g.failed);
	assert_int_equal(g.format, SHEET_XLSX);
	/* the empty row is not in the file at all (no cell written); row numbers are Excel's */
	ROW(&g, 0, 1, "名称", "数量", "说明", "其他");
	ROW(&g, 1, 2, "内蒙古自治区鄂尔多斯市准格尔旗", "1200", "逗号,分隔", "引号\"在中间\"");
	ROW(&g, 2, 3, "多行\n文本\r\n第三行");
	ROW(&g, 3, 4, "", "7", "", "中间为空");
	size_t i = 4;
	if (g.n_rows == 7) {
		assert_row(&g, i++, 5, 0, NULL); /* an empty <row> element, if written */
	}
	ROW(&g, i, 6, "  前后空格  ", "007", "Ω≈ç√∫ 🎉", "\"整格引号\"");
	ROW(&g, i + 1, 7, "末尾逗号,", "-12", "a,b,c", "x");
	assert_int_equal(g.n_rows, i + 2);
	got_free(&g);

	char *sheet = zip_entry(raw, len, "xl/worksheets/sheet1.xml");
	assert_non_null(sheet);
	/* the numeric column holds numbers: 1200, 7 and -12 without a type; "007" stays text */
	assert_non_null(strstr(sheet, "<c r=\"B2\""));
	assert_non_null(strstr(sheet, "<v>1200</v>"));
	assert_non_null(strstr(sheet, "<v>-12</v>"));
	assert_non_null(strstr(sheet, "<v>7</v>"));
	char *c = cell_xml(sheet, "B6");
	assert_non_null(c);
	assert_null(strstr(c, "<v>7</v>"));
	assert_true(strstr(c, "t=\"inlineStr\"") || strstr(c, "t=\"s\""));
	free(c);
	free(sheet);
	free(raw);
}

static void test_xlsx_cells_text_never_formulas(void **state)
{
	(void)state;
	static const struct sheet_col cols[] = {{"文本", 10, 0}, {"数字", 10, 1}, {"备注", 0, 0}};
	struct sheet_writer *w = sheet_writer_open(SHEET_XLSX, "公式", cols, 3);
	assert_non_null(w);
	assert_int_equal(sheet_writer_format(w), SHEET_XLSX);
	const char *r1[] = {"=1+1", "-5", "@x"};
	const char *r2[] = {"-5", "=1+1", "+SUM(A1:A9)"};
	const char *r3[] = {NULL, "12345678901234567890", "1.5"}; /* too big / not an integer: text */
	const char *r4[] = {"x", "0", NULL};
	assert_int_equal(sheet_writer_row(w, r1, 3), 0);
	assert_int_equal(sheet_writer_row(w, r2, 3), 0);
	assert_int_equal(sheet_writer_row(w, r3, 3), 0);
	assert_int_equal(sheet_writer_row(w, r4, 3), 0);
	assert_int_equal(sheet_writer_rows(w), 4);
	size_t len;
	char *raw = writer_bytes(w, &len);
	assert_string_equal(sheet_content_type(SHEET_XLSX), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert_string_equal(sheet_extension(SHEET_XLSX), "xlsx");

	char *sheet = zip_entry(raw, len, "xl/worksheets/sheet1.xml");
	assert_non_null(sheet);
	assert_null(strstr(sheet, "<f>"));
	assert_null(strstr(sheet, "<f "));
	/* text cells carry a string type (inline or shared); numbers none */
	const char *text_refs[] = {"A1", "B1", "C1", "A2", "C2", "A3", "B3", "C3", "B4", "C4", "A5"};
	for (size_t i = 0; i < sizeof text_refs / sizeof text_refs[0]; i++) {
		char *c = cell_xml(sheet, text_refs[i]);
		if (!c) {
			fail_msg("cell %s missing in %s", text_refs[i], sheet);
		}
		if (!strstr(c, "t=\"inlineStr\"") && !strstr(c, "t=\"s\"") && !strstr(c, "t=\"str\"")) {
			fail_msg("cell %s is not a text cell: %s", text_refs[i], c);
		}
		free(c);
	}
	const char *num_refs[] = {"B2", "B5"};
	for (size_t i = 0; i < sizeof num_refs / sizeof num_refs[0]; i++) {
		char *c = cell_xml(sheet, num_refs[i]);
		assert_non_null(c);
		if (strstr(c, " t=\"")) {
			fail_msg("cell %s should be a number: %s", num_refs[i], c);
		}
		free(c);
	}
	/* NULL cells are not written */
	assert_null(strstr(sheet, "<c r=\"A4\""));
	assert_null(strstr(sheet, "<c r=\"C5\""));
	free(sheet);

	struct got g;
	read_bytes(raw, len, &g);
	assert_false(g.failed);
	ROW(&g, 0, 1, "文本", "数字", "备注");
	ROW(&g, 1, 2, "=1+1", "-5", "@x");
	ROW(&g, 2, 3, "-5", "=1+1", "+SUM(A1:A9)");
	ROW(&g, 3, 4, "", "12345678901234567890", "1.5");
	ROW(&g, 4, 5, "x", "0");
	assert_int_equal(g.n_rows, 5);
	got_free(&g);
	free(raw);
}

static void test_writer_limits(void **state)
{
	(void)state;
	struct sheet_col many[SHEET_MAX_COLS + 1];
	for (size_t i = 0; i < SHEET_MAX_COLS + 1; i++) {
		many[i] = (struct sheet_col){"列", 0, 0};
	}
	assert_null(sheet_writer_open(SHEET_CSV, "x", many, SHEET_MAX_COLS + 1));
	assert_null(sheet_writer_open(SHEET_XLSX, "x", many, SHEET_MAX_COLS + 1));
	struct sheet_writer *w = sheet_writer_open(SHEET_XLSX, "x", many, SHEET_MAX_COLS);
	assert_non_null(w);
	sheet_writer_free(w); /* abandoned: no leak, no file left */
	sheet_writer_free(NULL);
	/* a writer with no rows still makes a file with the title row */
	w = sheet_writer_open(SHEET_CSV, "空", cols3, 3);
	assert_int_equal(sheet_writer_rows(w), 0);
	size_t len;
	char *raw = writer_bytes(w, &len);
	assert_string_equal(raw, "\xEF\xBB\xBF单位名称,人数,备注\r\n");
	free(raw);
}

/* ---------------------------------------------------------------- reading CSV ---- */

static void test_csv_bom_and_line_ends(void **state)
{
	(void)state;
	struct got g;
	read_str("\xEF\xBB\xBF姓名,电话\r\n王晓梅,13847700000\r\n", &g);
	assert_false(g.failed);
	assert_int_equal(g.n_rows, 2);
	ROW(&g, 0, 1, "姓名", "电话");
	ROW(&g, 1, 2, "王晓梅", "13847700000");
	got_free(&g);

	read_str("姓名,电话\n王晓梅,138\n李强,139", &g); /* LF, no BOM, no final newline */
	assert_false(g.failed);
	assert_int_equal(g.n_rows, 3);
	ROW(&g, 0, 1, "姓名", "电话");
	ROW(&g, 2, 3, "李强", "139");
	got_free(&g);

	read_str("a,b\r\nc,d\ne,f\r\n", &g); /* mixed */
	assert_int_equal(g.n_rows, 3);
	ROW(&g, 1, 2, "c", "d");
	ROW(&g, 2, 3, "e", "f");
	got_free(&g);

	read_str("\xEF\xBB\xBF", &g); /* a BOM only */
	assert_false(g.failed);
	assert_int_equal(g.n_rows, 0);
	got_free(&g);
}

static void test_csv_blank_lines_and_row_numbers(void **state)
{
	(void)state;
	struct got g;
	read_str("\n\r\n标题\n\n\r\na,b\r\n\"多\n行\",x\n\nlast\n\n", &g);
	assert_false(g.failed);
	assert_int_equal(g.n_rows, 4);
	ROW(&g, 0, 3, "标题");
	ROW(&g, 1, 6, "a", "b");
	ROW(&g, 2, 7, "多\n行", "x");
	ROW(&g, 3, 10, "last");
	got_free(&g);

	/* a row of empty cells is a row without cells (not skipped: its number counts) */
	read_str("a\n,,,\n b \n", &g);
	assert_int_equal(g.n_rows, 3);
	ROW(&g, 0, 1, "a");
	assert_row(&g, 1, 2, 0, NULL);
	ROW(&g, 2, 3, " b "); /* spaces are the caller's to trim */
	got_free(&g);
}

static void test_csv_quoting(void **state)
{
	(void)state;
	struct got g;
	read_str("\"a,b\",\"c\"\"d\",\"\",e,\"\"\"\"\n"
		 "\"\",\"x\",,\n"
		 "\"line1\r\nline2\",\"末\"\n",
		 &g);
	assert_false(g.failed);
	assert_int_equal(g.n_rows, 3);
	ROW(&g, 0, 1, "a,b", "c\"d", "", "e", "\"");
	ROW(&g, 1, 2, "", "x");
	ROW(&g, 2, 3, "line1\r\nline2", "末");
	got_free(&g);

	/* a trailing comma adds an empty cell, dropped */
	read_str("a,b,\n", &g);
	ROW(&g, 0, 1, "a", "b");
	got_free(&g);
	/* empty cells in the middle */
	read_str("a,,,d\n", &g);
	ROW(&g, 0, 1, "a", "", "", "d");
	got_free(&g);
	/* a lone CR ends a record too */
	read_str("a\rb\r", &g);
	assert_int_equal(g.n_rows, 2);
	ROW(&g, 0, 1, "a");
	ROW(&g, 1, 2, "b");
	got_free(&g);
}

static void test_csv_malformed(void **state)
{
	(void)state;
	struct got g;
	read_str("a,b\nc,d\n\"unterminated,e\nf,g\n", &g);
	assert_error(&g, "csv", "row 3");
	assert_non_null(strstr(g.d.message, "引号"));
	assert_int_equal(g.n_rows, 2); /* the rows before came out */
	got_free(&g);

	read_str("a\n\n\"x\"y,z\n", &g);
	assert_error(&g, "csv", "row 3");
	assert_non_null(strstr(g.d.message, "第3行第1列"));
	got_free(&g);

	read_str("\"x\" ,z\n", &g); /* even a space after the closing quote */
	assert_error(&g, "csv", "row 1");
	got_free(&g);

	read_str("h1,h2\nok,ab\"c\"\n", &g);
	assert_error(&g, "csv", "row 2");
	assert_non_null(strstr(g.d.message, "第2行第2列"));
	got_free(&g);

	/* the row of an unterminated quote is where it opened, however many lines follow */
	read_str("h\n\"open\n\n\nstill open", &g);
	assert_error(&g, "csv", "row 2");
	got_free(&g);
}

static void test_csv_encodings(void **state)
{
	(void)state;
	struct got g;
	/* 姓名,电话 / 王晓梅 in GBK */
	read_str("\xD0\xD5\xC3\xFB,\xB5\xE7\xBB\xB0\n\xCD\xF5\xCF\xFE\xC3\xB7,1\n", &g);
	assert_error(&g, "encoding", "row 1");
	assert_non_null(strstr(g.d.message, "UTF-8"));
	got_free(&g);

	/* valid UTF-8 first, GBK on row 3 column 2 */
	read_str("姓名,电话\n王,1\n李,\xB5\xE7\n", &g);
	assert_error(&g, "encoding", "row 3");
	assert_non_null(strstr(g.d.message, "第3行第2列"));
	assert_int_equal(g.n_rows, 2);
	got_free(&g);

	/* UTF-16 (either byte order, with a BOM) is refused when opening */
	static const unsigned char le[] = {0xFF, 0xFE, 'a', 0, ',', 0, 'b', 0, '\n', 0};
	read_bytes(le, sizeof le, &g);
	assert_true(g.open_failed);
	assert_error(&g, "encoding", NULL);
	assert_non_null(strstr(g.d.message, "UTF-16"));
	got_free(&g);
	static const unsigned char be[] = {0xFE, 0xFF, 0, 'a', 0, '\n'};
	read_bytes(be, sizeof be, &g);
	assert_true(g.open_failed);
	assert_error(&g, "encoding", NULL);
	got_free(&g);

	/* overlong / surrogate UTF-8 are not UTF-8 either */
	read_str("\xC0\xAF\n", &g);
	assert_error(&g, "encoding", "row 1");
	got_free(&g);
	read_str("ok\n\xED\xA0\x80\n", &g);
	assert_error(&g, "encoding", "row 2");
	got_free(&g);
}

static void test_csv_columns_limit(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < SHEET_MAX_COLS; i++) {
		buf_printf(&b, "%sc%d", i ? "," : "", i);
	}
	buf_puts(&b, "\n");
	struct got g;
	read_str(b.data, &g); /* 64 columns: fine */
	assert_false(g.failed);
	assert_int_equal(g.n_cells[0], SHEET_MAX_COLS);
	assert_string_equal(g.cells[0][63], "c63");
	got_free(&g);

	/* 64 columns and trailing empty ones (a spreadsheet's formatted but empty columns): fine */
	b.len--;
	buf_puts(&b, ",,,,\n");
	read_str(b.data, &g);
	assert_false(g.failed);
	assert_int_equal(g.n_cells[0], SHEET_MAX_COLS);
	got_free(&g);

	/* a 65th column with text: refused */
	buf_reset(&b);
	buf_puts(&b, "h\n");
	for (int i = 0; i < SHEET_MAX_COLS + 1; i++) {
		buf_printf(&b, "%sx", i ? "," : "");
	}
	buf_puts(&b, "\n");
	read_str(b.data, &g);
	assert_error(&g, "csv", "row 2");
	assert_non_null(strstr(g.d.message, "64"));
	got_free(&g);
	buf_cleanup(&b);
}

static void test_csv_cell_too_long(void **state)
{
	(void)state;
	size_t n = 40 * 1024;
	char *s = malloc(n + 16);
	memcpy(s, "h\n\"", 3);
	memset(s + 3, 'x', n);
	memcpy(s + 3 + n, "\"\n", 3);
	struct got g;
	read_str(s, &g);
	assert_error(&g, "csv", "row 2");
	got_free(&g);
	/* exactly 32 KB fits */
	memset(s + 2, 'y', 32 * 1024);
	memcpy(s + 2 + 32 * 1024, "\n", 2);
	read_str(s, &g);
	assert_false(g.failed);
	assert_int_equal(g.n_rows, 2);
	assert_int_equal(strlen(g.cells[1][0]), 32 * 1024);
	got_free(&g);
	free(s);
}

static void test_csv_many_rows_across_chunks(void **state)
{
	(void)state;
	/* 30,000 rows (≈2 MB, many 64 KB chunks) with quotes, newlines and Chinese on every row */
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "\xEF\xBB\xBF编号,名称,说明\r\n");
	int rows = 30000;
	for (int i = 0; i < rows; i++) {
		buf_printf(&b, "%d,\"单位\"\"%d\"\"\",\"第一行\r\n第二行,%d\"\r\n", i, i, i);
	}
	char path[256];
	tmp_path(path, sizeof path);
	write_file(path, b.data, b.len);
	buf_cleanup(&b);
	struct err_detail d;
	err_clear(&d);
	struct sheet_reader *r = sheet_reader_open(path, &d);
	assert_non_null(r);
	const char *const *cells;
	size_t n;
	int64_t row_no;
	assert_int_equal(sheet_reader_next(r, &cells, &n, &row_no, &d), 1);
	assert_int_equal(row_no, 1);
	assert_string_equal(cells[0], "编号");
	for (int i = 0; i < rows; i++) {
		assert_int_equal(sheet_reader_next(r, &cells, &n, &row_no, &d), 1);
		char want0[16], want1[32], want2[48];
		snprintf(want0, sizeof want0, "%d", i);
		snprintf(want1, sizeof want1, "单位\"%d\"", i);
		snprintf(want2, sizeof want2, "第一行\r\n第二行,%d", i);
		assert_int_equal(n, 3);
		assert_string_equal(cells[0], want0);
		assert_string_equal(cells[1], want1);
		assert_string_equal(cells[2], want2);
		assert_int_equal(row_no, 2 + 2 * (int64_t)i); /* each record spans two lines */
	}
	assert_int_equal(sheet_reader_next(r, &cells, &n, &row_no, &d), 0);
	assert_int_equal(sheet_reader_next(r, &cells, &n, &row_no, &d), 0); /* stays at the end */
	sheet_reader_free(r);
	unlink(path);
}

static void test_reader_open_missing(void **state)
{
	(void)state;
	struct err_detail d;
	err_clear(&d);
	assert_null(sheet_reader_open("/nonexistent/wm-no-such-file.csv", &d));
	assert_int_equal(d.err, ERR_INVALID);
	sheet_reader_free(NULL);
}

/* ---------------------------------------------------------------- reading XLSX ---- */

static void test_xlsx_not_a_zip(void **state)
{
	(void)state;
	struct got g;
	static const char fake[] = "PK\x03\x04 this is not really a zip file at all, just its magic";
	read_bytes(fake, sizeof fake - 1, &g);
	assert_true(g.open_failed);
	assert_error(&g, "xlsx", NULL);
	got_free(&g);

	/* a real zip without any worksheet */
	char path[256];
	tmp_path(path, sizeof path);
	struct zentry e[] = {{"[Content_Types].xml", CT_XML}, {"xl/workbook.xml", WB_XML}, {"docProps/app.xml", "<x/>"}};
	make_zip(path, e, 3);
	read_path(path, &g);
	unlink(path);
	assert_true(g.open_failed);
	assert_error(&g, "xlsx", NULL);
	assert_non_null(strstr(g.d.message, "工作表"));
	got_free(&g);

	/* a plain zip of a text file */
	struct zentry t[] = {{"readme.txt", "hello"}};
	make_zip(path, t, 1);
	read_path(path, &g);
	unlink(path);
	assert_true(g.open_failed);
	assert_error(&g, "xlsx", NULL);
	got_free(&g);
}

static const char *const SHARED =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"5\" uniqueCount=\"5\">"
	"<si><t>单位名称</t></si>"
	"<si><r><rPr><b/></rPr><t>a</t></r><r><t>b</t></r></si>"
	"<si><t>王晓梅</t><rPh sb=\"0\" eb=\"3\"><t>ワン</t></rPh><phoneticPr fontId=\"1\"/></si>"
	"<si><t xml:space=\"preserve\"> 前后 &amp; &lt;空格&gt; </t></si>"
	"<si><t/></si>"
	"</sst>";

static void test_xlsx_hand_made(void **state)
{
	(void)state;
	struct got g;
	read_xlsx(WS_OPEN
		  "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
		  "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>内联</t></is></c><c r=\"B5\"><v>42</v></c>"
		  "<c r=\"C5\" t=\"b\"><v>1</v></c><c r=\"D5\" t=\"b\"><v>0</v></c><c r=\"E5\" t=\"e\"><v>#N/A</v></c>"
		  "<c r=\"F5\" t=\"str\"><f>A1&amp;\"x\"</f><v>计算结果</v></c><c r=\"G5\" t=\"s\"><v>2</v></c>"
		  "<c r=\"H5\" t=\"s\"><v>3</v></c></row>"
		  "<row r=\"6\"><c r=\"B6\" s=\"3\"><v>3.5</v></c><c r=\"D6\" s=\"1\"/></row>"
		  "<row r=\"7\"/>"
		  "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E8\"><v>45000</v></c></row>"
		  "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>x</t></rPh></is></c>"
		  "<c r=\"B9\" t=\"s\"><v>4</v></c><c r=\"C9\" t=\"inlineStr\"><is><t>末</t></is></c></row>"
		  "<row r=\"11\"><c r=\"AA11\" t=\"inlineStr\"><is><t>第27列</t></is></c></row>"
		  WS_CLOSE,
		  SHARED, NULL, &g);
	assert_false(g.open_failed);
	assert_false(g.failed);
	assert_int_equal(g.format, SHEET_XLSX);
	assert_int_equal(g.n_rows, 7);
	ROW(&g, 0, 1, "单位名称", "", "ab");
	ROW(&g, 1, 5, "内联", "42", "TRUE", "FALSE", "", "计算结果", "王晓梅", " 前后 & <空格> ");
	ROW(&g, 2, 6, "", "3.5");
	assert_row(&g, 3, 7, 0, NULL);
	ROW(&g, 4, 8, "1", "2", "", "", "45000");
	ROW(&g, 5, 9, "富文本", "", "末");
	assert_int_equal(g.row_no[6], 11);
	assert_int_equal(g.n_cells[6], 27);
	assert_string_equal(g.cells[6][26], "第27列");
	assert_string_equal(g.cells[6][0], "");
	got_free(&g);
}

static void test_xlsx_escapes(void **state)
{
	(void)state;
	/* _xHHHH_ (ST_Xstring) as Excel writes a CR, a tab, a literal "_x" and an astral character */
	struct got g;
	read_xlsx(WS_OPEN
		  "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>一_x000D_\n二</t></is></c>"
		  "<c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"str\"><f>x</f><v>a_x0009_b</v></c>"
		  "<c r=\"D1\" t=\"inlineStr\"><is><t>_x005F_x0041_</t></is></c>"
		  "<c r=\"E1\" t=\"inlineStr\"><is><t>_xD83C__xDF89_!_xD83C_</t></is></c>"
		  "<c r=\"F1\" t=\"inlineStr\"><is><t>_x00e9_ _x4E2D_ _x12_ _xZZZZ_ _x0000_.</t></is></c>"
		  "<c r=\"G1\"><v>1</v></c></row>" WS_CLOSE,
		  "<sst><si><t>共享_x000D_\n串</t></si></sst>", NULL, &g);
	assert_false(g.failed);
	ROW(&g, 0, 1, "一\r\n二", "共享\r\n串", "a\tb", "_x0041_", "🎉!", "é 中 _x12_ _xZZZZ_ .", "1");
	got_free(&g);
}

static void test_xlsx_prefixed_and_other_sheet_name(void **state)
{
	(void)state;
	struct got g;
	/* element names with a namespace prefix, and the only sheet not called sheet1.xml */
	read_xlsx("<?xml version=\"1.0\"?>"
		  "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
		  "<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>前缀</x:t></x:is></x:c></x:row>"
		  "<x:row r=\"3\"><x:c r=\"A3\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
		  "</x:sheetData></x:worksheet>",
		  SHARED, "xl/worksheets/data.xml", &g);
	assert_false(g.open_failed);
	assert_false(g.failed);
	assert_int_equal(g.n_rows, 2);
	ROW(&g, 0, 2, "", "前缀");
	ROW(&g, 1, 3, "单位名称");
	got_free(&g);
}

static void test_xlsx_without_shared_strings(void **state)
{
	(void)state;
	struct got g;
	read_xlsx(WS_OPEN "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>只有内联</t></is></c></row>" WS_CLOSE, NULL, NULL,
		  &g);
	assert_false(g.failed);
	ROW(&g, 0, 1, "只有内联");
	got_free(&g);

	/* a shared string index but no shared strings part */
	read_xlsx(WS_OPEN "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" WS_CLOSE, NULL, NULL, &g);
	assert_error(&g, "xlsx", "row 1");
	got_free(&g);
}

static void test_xlsx_malformed(void **state)
{
	(void)state;
	struct got g;
	/* a shared string that does not exist, on row 4 */
	read_xlsx(WS_OPEN "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"4\"><c r=\"A4\" t=\"s\"><v>99</v></c></row>" WS_CLOSE,
		  SHARED, NULL, &g);
	assert_error(&g, "xlsx", "row 4");
	assert_non_null(strstr(g.d.message, "共享字符串"));
	got_free(&g);

	read_xlsx(WS_OPEN "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>x</v></c></row>" WS_CLOSE, SHARED, NULL, &g);
	assert_error(&g, "xlsx", "row 1");
	got_free(&g);

	/* broken sheet XML after two good rows */
	read_xlsx(WS_OPEN "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>"
			  "<row r=\"3\"><c r=\"A3\"><v>3</v></row>" WS_CLOSE,
		  NULL, NULL, &g);
	assert_error(&g, "xlsx", "row 3");
	assert_true(g.n_rows <= 2); /* rows parsed from the same chunk may or may not come out first */
	got_free(&g);

	/* broken shared strings XML: refused when opening */
	read_xlsx(WS_OPEN WS_CLOSE, "<sst><si><t>unclosed</si></sst>", NULL, &g);
	assert_true(g.open_failed);
	assert_error(&g, "xlsx", NULL);
	got_free(&g);

	/* a sheet that is not XML at all */
	read_xlsx("this is not xml", NULL, NULL, &g);
	assert_error(&g, "xlsx", "row 1");
	got_free(&g);

	/* a cell beyond column 64 with text: refused; an empty one there: ignored */
	read_xlsx(WS_OPEN "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"BM1\" s=\"2\"/></row>"
			  "<row r=\"2\"><c r=\"BM2\" t=\"inlineStr\"><is><t>太远</t></is></c></row>" WS_CLOSE,
		  NULL, NULL, &g);
	assert_error(&g, "xlsx", "row 2");
	assert_true(g.n_rows <= 1);
	if (g.n_rows) {
		ROW(&g, 0, 1, "1");
	}
	got_free(&g);

	/* an empty sheet */
	read_xlsx(WS_OPEN WS_CLOSE, NULL, NULL, &g);
	assert_false(g.failed);
	assert_false(g.open_failed);
	assert_int_equal(g.n_rows, 0);
	got_free(&g);
}

static void test_xlsx_cell_too_long(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, WS_OPEN "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
	for (int i = 0; i < 40 * 1024; i++) {
		buf_putc(&b, 'x');
	}
	buf_puts(&b, "</t></is></c></row>" WS_CLOSE);
	struct got g;
	read_xlsx(b.data, NULL, NULL, &g);
	assert_error(&g, "xlsx", "row 1");
	got_free(&g);

	/* the same text as a shared string: refused too, not silently cut */
	buf_reset(&b);
	buf_puts(&b, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
	for (int i = 0; i < 40 * 1024; i++) {
		buf_putc(&b, (char)('a' + i % 26));
	}
	buf_puts(&b, "</t></si></sst>");
	read_xlsx(WS_OPEN "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" WS_CLOSE, b.data, NULL, &g);
	assert_true(g.open_failed);
	assert_error(&g, "xlsx", NULL);
	assert_non_null(strstr(g.d.message, "32KB"));
	got_free(&g);
	buf_cleanup(&b);
}

static void test_xlsx_many_rows(void **state)
{
	(void)state;
	/* 20,000 rows written by sheet_writer (the sheet XML spans many 64 KB chunks) read back */
	static const struct sheet_col cols[] = {{"编号", 0, 1}, {"名称", 0, 0}, {"说明", 0, 0}};
	struct sheet_writer *w = sheet_writer_open(SHEET_XLSX, "大表", cols, 3);
	assert_non_null(w);
	int rows = 20000;
	for (int i = 0; i < rows; i++) {
		char id[16], name[48];
		snprintf(id, sizeof id, "%d", i + 1);
		snprintf(name, sizeof name, "单位<%d>&\"", i);
		const char *cells[] = {id, name, i % 3 == 0 ? NULL : "说明"};
		assert_int_equal(sheet_writer_row(w, cells, 3), 0);
	}
	size_t len;
	char *raw = writer_bytes(w, &len);
	char path[256];
	tmp_path(path, sizeof path);
	write_file(path, raw, len);
	free(raw);
	struct err_detail d;
	err_clear(&d);
	struct sheet_reader *r = sheet_reader_open(path, &d);
	assert_non_null(r);
	const char *const *cells;
	size_t n;
	int64_t row_no;
	assert_int_equal(sheet_reader_next(r, &cells, &n, &row_no, &d), 1);
	assert_int_equal(row_no, 1);
	assert_string_equal(cells[1], "名称");
	for (int i = 0; i < rows; i++) {
		assert_int_equal(sheet_reader_next(r, &cells, &n, &row_no, &d), 1);
		assert_int_equal(row_no, i + 2);
		char id[16], name[48];
		snprintf(id, sizeof id, "%d", i + 1);
		snprintf(name, sizeof name, "单位<%d>&\"", i);
		assert_int_equal(n, i % 3 == 0 ? 2 : 3);
		assert_string_equal(cells[0], id);
		assert_string_equal(cells[1], name);
	}
	assert_int_equal(sheet_reader_next(r, &cells, &n, &row_no, &d), 0);
	sheet_reader_free(r);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_write_bytes),
		cmocka_unit_test(test_csv_roundtrip),
		cmocka_unit_test(test_csv_formulas_neutralised),
		cmocka_unit_test(test_xlsx_roundtrip),
		cmocka_unit_test(test_xlsx_cells_text_never_formulas),
		cmocka_unit_test(test_writer_limits),
		cmocka_unit_test(test_csv_bom_and_line_ends),
		cmocka_unit_test(test_csv_blank_lines_and_row_numbers),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_malformed),
		cmocka_unit_test(test_csv_encodings),
		cmocka_unit_test(test_csv_columns_limit),
		cmocka_unit_test(test_csv_cell_too_long),
		cmocka_unit_test(test_csv_many_rows_across_chunks),
		cmocka_unit_test(test_reader_open_missing),
		cmocka_unit_test(test_xlsx_not_a_zip),
		cmocka_unit_test(test_xlsx_hand_made),
		cmocka_unit_test(test_xlsx_escapes),
		cmocka_unit_test(test_xlsx_prefixed_and_other_sheet_name),
		cmocka_unit_test(test_xlsx_without_shared_strings),
		cmocka_unit_test(test_xlsx_malformed),
		cmocka_unit_test(test_xlsx_cell_too_long),
		cmocka_unit_test(test_xlsx_many_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
