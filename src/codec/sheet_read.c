/* sheet_read.c — streaming CSV and .xlsx readers (codec layer). */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../domain/text.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "sheet.h"

#define SHEET_CELL_MAX (32 * 1024)            /* bytes in one cell (Excel's own limit is 32,767 chars) */
#define SHEET_XLSX_XML_MAX (4ull << 30)      /* uncompressed sheet XML read, against zip bombs */
#define SHEET_STRINGS_MAX (256u << 20)       /* shared strings kept in memory */
#define SHEET_CHUNK 65536

/* One row being built or handed out: cell texts packed in `text`, offsets in `off`. */
struct sheet_row {
	struct buf text;
	size_t off[SHEET_MAX_COLS];
	size_t len[SHEET_MAX_COLS];
	const char *ptrs[SHEET_MAX_COLS];
	size_t n;
	int64_t row_no;
};

struct sheet_reader {
	enum sheet_format format;
	/* csv */
	FILE *f;
	unsigned char chunk[SHEET_CHUNK];
	size_t chunk_len, chunk_pos;
	int64_t line; /* physical line number, for errors */
	/* xlsx */
	zip_t *zip;
	zip_file_t *zf;
	XML_Parser xp;
	char **strings;
	size_t n_strings, cap_strings, strings_bytes;
	uint64_t xml_read;
	int xml_done;
	/* parse state */
	int in_row, in_cell, in_v, in_is_t, in_rph;
	char cell_type[16];
	int cell_col;
	int next_col;
	struct buf cell;
	struct sheet_row cur;
	/* complete rows waiting to be handed out (xlsx: a chunk can finish many) */
	struct sheet_row *queue;
	size_t q_len, q_cap, q_pos;
	struct sheet_row out;
	char err_msg[200];
	char err_field[48];
	const char *err_code; /* NULL: csv / xlsx by format */
	int failed;
	int64_t last_row_no;
};

static void row_reset(struct sheet_row *r)
{
	r->text.len = 0;
	r->n = 0;
}

static int row_add(struct sheet_row *r, size_t col, const char *s, size_t len)
{
	if (col >= SHEET_MAX_COLS) {
		return -1;
	}
	while (r->n < col) { /* empty cells skipped in the file */
		r->off[r->n] = r->text.len;
		r->len[r->n] = 0;
		buf_putc(&r->text, '\0');
		r->n++;
	}
	if (col < r->n) {
		return 0; /* a repeated column: keep the first */
	}
	r->off[r->n] = r->text.len;
	r->len[r->n] = len;
	buf_append(&r->text, s, len);
	buf_putc(&r->text, '\0');
	r->n++;
	return 0;
}

static void row_publish(struct sheet_row *r)
{
	while (r->n > 0 && r->len[r->n - 1] == 0) {
		r->n--;
	}
	for (size_t i = 0; i < r->n; i++) {
		r->ptrs[i] = r->text.data + r->off[i];
	}
}

static void row_swap(struct sheet_row *a, struct sheet_row *b)
{
	struct sheet_row t = *a;
	*a = *b;
	*b = t;
}

static void reader_fail(struct sheet_reader *r, int64_t row, const char *msg)
{
	if (r->failed) {
		return;
	}
	r->failed = 1;
	snprintf(r->err_msg, sizeof r->err_msg, "%s", msg);
	if (row > 0) {
		snprintf(r->err_field, sizeof r->err_field, "row %lld", (long long)row);
	}
}

/* ---------------- CSV ---------------- */

static int csv_getc(struct sheet_reader *r)
{
	if (r->chunk_pos == r->chunk_len) {
		r->chunk_len = fread(r->chunk, 1, sizeof r->chunk, r->f);
		r->chunk_pos = 0;
		if (r->chunk_len == 0) {
			return EOF;
		}
	}
	return r->chunk[r->chunk_pos++];
}

static int csv_peek(struct sheet_reader *r)
{
	int c = csv_getc(r);
	if (c != EOF) {
		r->chunk_pos--;
	}
	return c;
}

/* Ends a field: checks its encoding and adds it to the row. */
static int csv_end_field(struct sheet_reader *r)
{
	if (!text_utf8_valid(r->cell.data ? r->cell.data : "", r->cell.len)) {
		char msg[160];
		snprintf(msg, sizeof msg, "第%lld行第%zu列不是有效的 UTF-8 文本：请在 Excel/WPS 中“另存为 CSV UTF-8”后再导入",
			 (long long)r->cur.row_no, r->cur.n + 1);
		reader_fail(r, r->cur.row_no, msg);
		r->err_code = "encoding";
		return -1;
	}
	if (r->cur.n >= SHEET_MAX_COLS && r->cell.len == 0) {
		return 0; /* an empty cell beyond the last column (trailing commas): ignored, as in .xlsx */
	}
	if (row_add(&r->cur, r->cur.n, r->cell.data ? r->cell.data : "", r->cell.len) != 0) {
		reader_fail(r, r->cur.row_no, "列数过多（最多64列）");
		return -1;
	}
	r->cell.len = 0;
	return 0;
}

/* Reads one record; 1 row, 0 end, -1 error. Blank lines are skipped. */
static int csv_next(struct sheet_reader *r)
{
	for (;;) {
		row_reset(&r->cur);
		r->cell.len = 0;
		r->line++;
		r->cur.row_no = r->line;
		int c = csv_getc(r);
		if (c == EOF) {
			return 0;
		}
		if (c == '\n' || (c == '\r' && csv_peek(r) == '\n')) {
			if (c == '\r') {
				csv_getc(r);
			}
			continue; /* blank line */
		}
		int quoted = 0, after_quote = 0;
		for (;;) {
			if (quoted) {
				if (c == EOF) {
					reader_fail(r, r->cur.row_no, "引号未闭合：某个以双引号开头的单元格没有结束的双引号");
					return -1;
				}
				if (c == '"') {
					if (csv_peek(r) == '"') {
						csv_getc(r);
						buf_putc(&r->cell, '"');
					} else {
						quoted = 0;
						after_quote = 1;
					}
				} else {
					if (c == '\n') {
						r->line++;
					}
					buf_putc(&r->cell, (char)c);
				}
			} else if (c == ',' || c == '\n' || c == '\r' || c == EOF) {
				if (c == '\r' && csv_peek(r) == '\n') {
					csv_getc(r);
				}
				if (csv_end_field(r) != 0) {
					return -1;
				}
				after_quote = 0;
				if (c != ',') {
					return 1;
				}
			} else if (after_quote) {
				char msg[128];
				snprintf(msg, sizeof msg, "第%lld行第%zu列：结束引号后还有内容，引号使用不正确", (long long)r->cur.row_no,
					 r->cur.n + 1);
				reader_fail(r, r->cur.row_no, msg);
				return -1;
			} else if (c == '"') {
				if (r->cell.len != 0) {
					char msg[128];
					snprintf(msg, sizeof msg, "第%lld行第%zu列：单元格中间出现引号，应整格用双引号括起并把引号写成两个",
						 (long long)r->cur.row_no, r->cur.n + 1);
					reader_fail(r, r->cur.row_no, msg);
					return -1;
				}
				quoted = 1;
			} else {
				buf_putc(&r->cell, (char)c);
			}
			if (r->cell.len > SHEET_CELL_MAX) {
				reader_fail(r, r->cur.row_no, "单元格内容过长（最多32KB）");
				return -1;
			}
			c = csv_getc(r);
		}
	}
}

/* ---------------- XLSX ---------------- */

static const char *xattr(const XML_Char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2) {
		if (strcmp(atts[i], name) == 0) {
			return atts[i + 1];
		}
	}
	return NULL;
}

/* Local name of a possibly prefixed element (x:row → row). */
static const char *xlocal(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

/* "BC12" → column index 54 (from 0); -1 when not a cell reference. */
static int xcol(const char *ref)
{
	int col = 0, n = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++) {
		col = col * 26 + (*ref - 'A' + 1);
		if (col > 16384) {
			return -1;
		}
	}
	return n ? col - 1 : -1;
}

static int xhex4(const char *p, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
						    : 16u;
		if (d == 16u) {
			return 0;
		}
		*v = *v * 16 + d;
	}
	return 1;
}

/* Decodes the _xHHHH_ escapes of OOXML strings (ST_Xstring: Excel and libxlsxwriter write a CR
 * as _x000D_, other control characters likewise, and a literal "_x" as _x005F_x) in place;
 * returns the new length. NUL and unpaired surrogates are dropped. */
static size_t xstr_unescape(char *s, size_t len)
{
	if (!s || !memchr(s, '_', len)) {
		return len;
	}
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		if (s[i] == '_' && i + 7 <= len && s[i + 1] == 'x' && s[i + 6] == '_' && xhex4(s + i + 2, &cp)) {
			i += 7;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				unsigned lo;
				if (i + 7 <= len && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_' && xhex4(s + i + 2, &lo) &&
				    lo >= 0xDC00 && lo <= 0xDFFF) {
					i += 7;
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				} else {
					continue;
				}
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				continue;
			}
			if (cp == 0) {
				continue;
			} else if (cp < 0x80) {
				s[o++] = (char)cp;
			} else if (cp < 0x800) {
				s[o++] = (char)(0xC0 | (cp >> 6));
				s[o++] = (char)(0x80 | (cp & 0x3F));
			} else if (cp < 0x10000) {
				s[o++] = (char)(0xE0 | (cp >> 12));
				s[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				s[o++] = (char)(0x80 | (cp & 0x3F));
			} else {
				s[o++] = (char)(0xF0 | (cp >> 18));
				s[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
				s[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				s[o++] = (char)(0x80 | (cp & 0x3F));
			}
			continue;
		}
		s[o++] = s[i++];
	}
	s[o] = '\0';
	return o;
}

/* shared strings: <si> with <t> (possibly in <r> runs), <rPh> ignored */
static void XMLCALL ss_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	(void)atts;
	struct sheet_reader *r = ud;
	const char *ln = xlocal(name);
	if (strcmp(ln, "si") == 0) {
		r->cell.len = 0;
		r->in_cell = 1;
	} else if (strcmp(ln, "t") == 0 && r->in_cell && !r->in_rph) {
		r->in_is_t = 1;
	} else if (strcmp(ln, "rPh") == 0) {
		r->in_rph = 1;
	}
}

static void XMLCALL ss_end(void *ud, const XML_Char *name)
{
	struct sheet_reader *r = ud;
	const char *ln = xlocal(name);
	if (strcmp(ln, "t") == 0) {
		r->in_is_t = 0;
	} else if (strcmp(ln, "rPh") == 0) {
		r->in_rph = 0;
	} else if (strcmp(ln, "si") == 0) {
		r->in_cell = 0;
		if (r->n_strings == r->cap_strings) {
			r->cap_strings = r->cap_strings ? r->cap_strings * 2 : 1024;
			r->strings = xrealloc(r->strings, r->cap_strings * sizeof *r->strings);
		}
		r->cell.len = xstr_unescape(r->cell.data, r->cell.len);
		char *s = xmalloc(r->cell.len + 1);
		memcpy(s, r->cell.data ? r->cell.data : "", r->cell.len);
		s[r->cell.len] = '\0';
		r->strings[r->n_strings++] = s;
		r->strings_bytes += r->cell.len + 1 + sizeof(char *);
		if (r->strings_bytes > SHEET_STRINGS_MAX) {
			reader_fail(r, 0, "表格中的文字总量过大");
			XML_StopParser(r->xp, XML_FALSE);
		}
	}
}

static void XMLCALL ss_text(void *ud, const XML_Char *s, int len)
{
	struct sheet_reader *r = ud;
	if (r->in_is_t) {
		if (r->cell.len + (size_t)len > SHEET_CELL_MAX) {
			/* refused rather than silently cut (as a sheet's own cells are) */
			reader_fail(r, 0, "单元格内容过长（最多32KB）");
			XML_StopParser(r->xp, XML_FALSE);
			return;
		}
		buf_append(&r->cell, s, (size_t)len);
	}
}

static void XMLCALL ws_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet_reader *r = ud;
	const char *ln = xlocal(name);
	if (strcmp(ln, "row") == 0) {
		row_reset(&r->cur);
		const char *rn = xattr(atts, "r");
		r->cur.row_no = rn ? strtoll(rn, NULL, 10) : r->last_row_no + 1;
		if (r->cur.row_no <= r->last_row_no) {
			r->cur.row_no = r->last_row_no + 1;
		}
		r->in_row = 1;
		r->next_col = 0;
	} else if (strcmp(ln, "c") == 0 && r->in_row) {
		const char *ref = xattr(atts, "r"), *t = xattr(atts, "t");
		r->cell_col = ref ? xcol(ref) : r->next_col;
		if (r->cell_col < 0) {
			r->cell_col = r->next_col;
		}
		snprintf(r->cell_type, sizeof r->cell_type, "%s", t ? t : "n");
		r->cell.len = 0;
		r->in_cell = 1;
	} else if (r->in_cell && strcmp(ln, "v") == 0) {
		r->in_v = 1;
	} else if (r->in_cell && strcmp(ln, "t") == 0) {
		r->in_is_t = 1;
	} else if (r->in_cell && strcmp(ln, "rPh") == 0) {
		r->in_rph = 1;
	}
}

static void ws_cell_done(struct sheet_reader *r)
{
	const char *val = r->cell.data ? r->cell.data : "";
	size_t len = r->cell.len;
	if (strcmp(r->cell_type, "s") == 0) {
		buf_putc(&r->cell, '\0');
		char *end;
		unsigned long long idx = strtoull(r->cell.data, &end, 10);
		if (*end || idx >= r->n_strings) {
			reader_fail(r, r->cur.row_no, "xlsx 文件损坏：引用了不存在的共享字符串");
			return;
		}
		val = r->strings[idx];
		len = strlen(val);
	} else if (strcmp(r->cell_type, "b") == 0) {
		val = len == 1 && val[0] == '1' ? "TRUE" : "FALSE";
		len = strlen(val);
	} else if (strcmp(r->cell_type, "e") == 0) {
		val = "";
		len = 0;
	} else if (strcmp(r->cell_type, "inlineStr") == 0 || strcmp(r->cell_type, "str") == 0) {
		len = xstr_unescape(r->cell.data, len);
	}
	if (r->cell_col >= SHEET_MAX_COLS) {
		if (len) {
			reader_fail(r, r->cur.row_no, "列数过多（最多64列）");
		}
	} else if (row_add(&r->cur, (size_t)r->cell_col, val, len) != 0) {
		reader_fail(r, r->cur.row_no, "列数过多（最多64列）");
	}
	r->next_col = r->cell_col + 1;
}

static void XMLCALL ws_end(void *ud, const XML_Char *name)
{
	struct sheet_reader *r = ud;
	const char *ln = xlocal(name);
	if (strcmp(ln, "v") == 0) {
		r->in_v = 0;
	} else if (strcmp(ln, "t") == 0) {
		r->in_is_t = 0;
	} else if (strcmp(ln, "rPh") == 0) {
		r->in_rph = 0;
	} else if (strcmp(ln, "c") == 0 && r->in_cell) {
		r->in_cell = 0;
		ws_cell_done(r);
	} else if (strcmp(ln, "row") == 0 && r->in_row) {
		r->in_row = 0;
		r->last_row_no = r->cur.row_no;
		if (r->q_len == r->q_cap) {
			size_t old = r->q_cap;
			r->q_cap = r->q_cap ? r->q_cap * 2 : 64;
			r->queue = xrealloc(r->queue, r->q_cap * sizeof *r->queue);
			for (size_t i = old; i < r->q_cap; i++) {
				memset(&r->queue[i], 0, sizeof r->queue[i]);
				buf_init(&r->queue[i].text);
			}
		}
		row_swap(&r->queue[r->q_len++], &r->cur);
	}
	if (r->failed) {
		XML_StopParser(r->xp, XML_FALSE);
	}
}

static void XMLCALL ws_text(void *ud, const XML_Char *s, int len)
{
	struct sheet_reader *r = ud;
	if ((r->in_v || (r->in_is_t && !r->in_rph)) && r->in_cell) {
		if (r->cell.len + (size_t)len > SHEET_CELL_MAX) {
			reader_fail(r, r->cur.row_no, "单元格内容过长（最多32KB）");
			XML_StopParser(r->xp, XML_FALSE);
			return;
		}
		buf_append(&r->cell, s, (size_t)len);
	}
}

/* Feeds one zip entry through a fresh expat parser (for the shared strings). */
static int xlsx_parse_entry(struct sheet_reader *r, zip_int64_t idx, XML_StartElementHandler st,
			    XML_EndElementHandler en, XML_CharacterDataHandler tx)
{
	zip_file_t *zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
	if (!zf) {
		reader_fail(r, 0, "xlsx 文件损坏：无法读取其中的内容");
		return -1;
	}
	r->xp = XML_ParserCreate("UTF-8");
	XML_SetUserData(r->xp, r);
	XML_SetElementHandler(r->xp, st, en);
	XML_SetCharacterDataHandler(r->xp, tx);
	uint64_t total = 0;
	int rc = 0;
	for (;;) {
		zip_int64_t got = zip_fread(zf, r->chunk, sizeof r->chunk);
		if (got < 0) {
			reader_fail(r, 0, "xlsx 文件损坏：解压失败");
			rc = -1;
			break;
		}
		total += (uint64_t)got;
		if (total > SHEET_XLSX_XML_MAX) {
			reader_fail(r, 0, "xlsx 文件解压后过大");
			rc = -1;
			break;
		}
		if (XML_Parse(r->xp, (const char *)r->chunk, (int)got, got == 0) != XML_STATUS_OK) {
			reader_fail(r, 0, "xlsx 文件损坏：XML 格式错误");
			rc = -1;
			break;
		}
		if (got == 0) {
			break;
		}
	}
	XML_ParserFree(r->xp);
	r->xp = NULL;
	zip_fclose(zf);
	return r->failed ? -1 : rc;
}

/* The first worksheet's entry: xl/worksheets/sheet1.xml, else the first xl/worksheets/ entry. */
static zip_int64_t xlsx_first_sheet(zip_t *z)
{
	zip_int64_t idx = zip_name_locate(z, "xl/worksheets/sheet1.xml", 0);
	if (idx >= 0) {
		return idx;
	}
	zip_int64_t n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *nm = zip_get_name(z, (zip_uint64_t)i, 0);
		if (nm && strncmp(nm, "xl/worksheets/", 14) == 0 && !strchr(nm + 14, '/') && strlen(nm) > 18 &&
		    strcmp(nm + strlen(nm) - 4, ".xml") == 0) {
			return i;
		}
	}
	return -1;
}

static int xlsx_open(struct sheet_reader *r, const char *path)
{
	int zerr = 0;
	r->zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (!r->zip) {
		reader_fail(r, 0, "不是有效的 xlsx 文件（无法作为 zip 打开）");
		return -1;
	}
	zip_int64_t ss = zip_name_locate(r->zip, "xl/sharedStrings.xml", 0);
	if (ss >= 0 && xlsx_parse_entry(r, ss, ss_start, ss_end, ss_text) != 0) {
		return -1;
	}
	r->in_cell = r->in_is_t = r->in_rph = 0;
	zip_int64_t ws = xlsx_first_sheet(r->zip);
	if (ws < 0) {
		reader_fail(r, 0, "xlsx 文件中没有工作表");
		return -1;
	}
	r->zf = zip_fopen_index(r->zip, (zip_uint64_t)ws, 0);
	if (!r->zf) {
		reader_fail(r, 0, "xlsx 文件损坏：无法读取工作表");
		return -1;
	}
	r->xp = XML_ParserCreate("UTF-8");
	XML_SetUserData(r->xp, r);
	XML_SetElementHandler(r->xp, ws_start, ws_end);
	XML_SetCharacterDataHandler(r->xp, ws_text);
	return 0;
}

/* Parses on until a row is queued or the sheet ends. */
static int xlsx_next(struct sheet_reader *r)
{
	for (;;) {
		if (r->q_pos < r->q_len) {
			row_swap(&r->out, &r->queue[r->q_pos++]);
			if (r->q_pos == r->q_len) {
				r->q_pos = r->q_len = 0;
			}
			return 1;
		}
		if (r->failed) {
			return -1;
		}
		if (r->xml_done) {
			return 0;
		}
		zip_int64_t got = zip_fread(r->zf, r->chunk, sizeof r->chunk);
		if (got < 0) {
			reader_fail(r, 0, "xlsx 文件损坏：解压失败");
			return -1;
		}
		r->xml_read += (uint64_t)got;
		if (r->xml_read > SHEET_XLSX_XML_MAX) {
			reader_fail(r, 0, "xlsx 文件解压后过大");
			return -1;
		}
		if (XML_Parse(r->xp, (const char *)r->chunk, (int)got, got == 0) != XML_STATUS_OK) {
			if (!r->failed) {
				reader_fail(r, r->last_row_no + 1, "xlsx 文件损坏：工作表 XML 格式错误");
			}
			return -1;
		}
		if (got == 0) {
			r->xml_done = 1;
		}
	}
}

/* ---------------- common ---------------- */

struct sheet_reader *sheet_reader_open(const char *path, struct err_detail *d)
{
	struct sheet_reader *r = xcalloc(1, sizeof *r);
	buf_init(&r->cell);
	buf_init(&r->cur.text);
	buf_init(&r->out.text);
	r->f = fopen(path, "rb");
	if (!r->f) {
		err_set(d, ERR_INVALID, "file", NULL, "无法读取上传的文件");
		sheet_reader_free(r);
		return NULL;
	}
	unsigned char head[4] = {0};
	size_t got = fread(head, 1, 4, r->f);
	if (got == 4 && memcmp(head, "PK\x03\x04", 4) == 0) {
		r->format = SHEET_XLSX;
		fclose(r->f);
		r->f = NULL;
		if (xlsx_open(r, path) != 0) {
			err_set(d, ERR_INVALID, "xlsx", NULL, r->err_msg);
			sheet_reader_free(r);
			return NULL;
		}
		return r;
	}
	r->format = SHEET_CSV;
	rewind(r->f);
	if (got >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) {
		err_set(d, ERR_INVALID, "encoding", NULL, "文件是 UTF-16 编码：请在 Excel/WPS 中“另存为 CSV UTF-8”后再导入");
		sheet_reader_free(r);
		return NULL;
	}
	if (got >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) {
		fseek(r->f, 3, SEEK_SET);
	}
	return r;
}

enum sheet_format sheet_reader_format(const struct sheet_reader *r)
{
	return r->format;
}

int sheet_reader_next(struct sheet_reader *r, const char *const **cells, size_t *n, int64_t *row_no,
		      struct err_detail *d)
{
	int rc;
	if (r->format == SHEET_CSV) {
		rc = csv_next(r);
		if (rc == 1) {
			row_swap(&r->out, &r->cur);
		}
	} else {
		rc = xlsx_next(r);
	}
	if (rc < 0) {
		err_set(d, ERR_INVALID, r->err_code ? r->err_code : r->format == SHEET_CSV ? "csv" : "xlsx",
			r->err_field[0] ? r->err_field : NULL,
			r->err_msg);
		return -1;
	}
	if (rc == 0) {
		return 0;
	}
	row_publish(&r->out);
	*cells = r->out.ptrs;
	*n = r->out.n;
	*row_no = r->out.row_no;
	return 1;
}

void sheet_reader_free(struct sheet_reader *r)
{
	if (!r) {
		return;
	}
	if (r->f) {
		fclose(r->f);
	}
	if (r->xp) {
		XML_ParserFree(r->xp);
	}
	if (r->zf) {
		zip_fclose(r->zf);
	}
	if (r->zip) {
		zip_discard(r->zip);
	}
	for (size_t i = 0; i < r->n_strings; i++) {
		free(r->strings[i]);
	}
	free(r->strings);
	for (size_t i = 0; i < r->q_cap; i++) {
		buf_cleanup(&r->queue[i].text);
	}
	free(r->queue);
	buf_cleanup(&r->cell);
	buf_cleanup(&r->cur.text);
	buf_cleanup(&r->out.text);
	free(r);
}
