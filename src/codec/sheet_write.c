/* sheet_write.c — CSV and .xlsx export to a temporary file (codec layer). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "../util/buf.h"
#include "../util/xalloc.h"
#include "csv.h"
#include "sheet.h"

struct sheet_writer {
	enum sheet_format format;
	char path[256];
	FILE *csv;
	struct buf line;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head;
	int numeric[SHEET_MAX_COLS];
	size_t ncols;
	int64_t rows;
};

static int sheet_tmp_path(char *path, size_t len, const char *ext)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, len, "%s/wenming-export-XXXXXX%s", dir && *dir ? dir : "/tmp", ext);
	int fd = mkstemps(path, (int)strlen(ext));
	if (fd < 0) {
		return -1;
	}
	return fd;
}

const char *sheet_content_type(enum sheet_format f)
{
	return f == SHEET_XLSX ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			       : "text/csv; charset=utf-8";
}

const char *sheet_extension(enum sheet_format f)
{
	return f == SHEET_XLSX ? "xlsx" : "csv";
}

struct sheet_writer *sheet_writer_open(enum sheet_format f, const char *name, const struct sheet_col *cols, size_t n)
{
	if (n > SHEET_MAX_COLS) {
		return NULL;
	}
	struct sheet_writer *w = xcalloc(1, sizeof *w);
	w->format = f;
	w->ncols = n;
	buf_init(&w->line);
	int fd = sheet_tmp_path(w->path, sizeof w->path, f == SHEET_XLSX ? ".xlsx" : ".csv");
	if (fd < 0) {
		free(w);
		return NULL;
	}
	const char *titles[SHEET_MAX_COLS];
	for (size_t i = 0; i < n; i++) {
		titles[i] = cols[i].title;
		w->numeric[i] = cols[i].numeric;
	}
	if (f == SHEET_CSV) {
		w->csv = fdopen(fd, "w");
		if (!w->csv) {
			close(fd);
			sheet_writer_free(w);
			return NULL;
		}
		fputs("\xEF\xBB\xBF", w->csv);
		csv_row(&w->line, titles, n);
		fwrite(w->line.data, 1, w->line.len, w->csv);
		w->line.len = 0;
		return w;
	}
	close(fd); /* libxlsxwriter writes the file by name */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
	w->wb = workbook_new_opt(w->path, &opt);
	if (!w->wb) {
		sheet_writer_free(w);
		return NULL;
	}
	w->ws = workbook_add_worksheet(w->wb, name);
	w->head = workbook_add_format(w->wb);
	format_set_bold(w->head);
	for (size_t i = 0; i < n; i++) {
		worksheet_set_column(w->ws, (lxw_col_t)i, (lxw_col_t)i, cols[i].width > 0 ? cols[i].width : 14, NULL);
		worksheet_write_string(w->ws, 0, (lxw_col_t)i, titles[i], w->head);
	}
	worksheet_freeze_panes(w->ws, 1, 0);
	return w;
}

/* An integer that survives the round trip through a double. */
static int sheet_int_text(const char *s, double *out)
{
	if (!s || !*s || strlen(s) > 15) {
		return 0;
	}
	const char *p = s + (*s == '-');
	if (!*p || (*p == '0' && p[1])) {
		return 0;
	}
	for (; *p; p++) {
		if (*p < '0' || *p > '9') {
			return 0;
		}
	}
	*out = (double)strtoll(s, NULL, 10);
	return 1;
}

int sheet_writer_row(struct sheet_writer *w, const char *const *cells, size_t n)
{
	if (w->format == SHEET_CSV) {
		csv_row(&w->line, cells, n);
		size_t wrote = fwrite(w->line.data, 1, w->line.len, w->csv);
		int ok = wrote == w->line.len;
		w->line.len = 0;
		if (!ok) {
			return -1;
		}
		w->rows++;
		return 0;
	}
	if (w->rows + 1 >= SHEET_XLSX_MAX_ROWS) {
		return -1;
	}
	lxw_row_t row = (lxw_row_t)(w->rows + 1);
	for (size_t i = 0; i < n; i++) {
		const char *s = cells[i];
		if (!s || !*s) {
			continue;
		}
		double v;
		lxw_error e;
		if (i < w->ncols && w->numeric[i] && sheet_int_text(s, &v)) {
			e = worksheet_write_number(w->ws, row, (lxw_col_t)i, v, NULL);
		} else {
			e = worksheet_write_string(w->ws, row, (lxw_col_t)i, s, NULL);
		}
		if (e != LXW_NO_ERROR) {
			return -1;
		}
	}
	w->rows++;
	return 0;
}

enum sheet_format sheet_writer_format(const struct sheet_writer *w)
{
	return w->format;
}

int64_t sheet_writer_rows(const struct sheet_writer *w)
{
	return w->rows;
}

int sheet_writer_finish(struct sheet_writer *w, int *fd, uint64_t *size)
{
	int rc = 0;
	if (w->format == SHEET_CSV) {
		rc = fclose(w->csv) == 0 ? 0 : -1;
		w->csv = NULL;
	} else {
		rc = workbook_close(w->wb) == LXW_NO_ERROR ? 0 : -1;
		w->wb = NULL;
	}
	*fd = -1;
	if (rc == 0) {
		*fd = open(w->path, O_RDONLY | O_CLOEXEC);
		struct stat stt;
		if (*fd < 0 || fstat(*fd, &stt) != 0) {
			rc = -1;
		} else {
			*size = (uint64_t)stt.st_size;
		}
	}
	if (rc != 0 && *fd >= 0) {
		close(*fd);
		*fd = -1;
	}
	sheet_writer_free(w);
	return rc;
}

void sheet_writer_free(struct sheet_writer *w)
{
	if (!w) {
		return;
	}
	if (w->csv) {
		fclose(w->csv);
	}
	if (w->wb) {
		workbook_close(w->wb);
	}
	if (w->path[0]) {
		unlink(w->path);
	}
	buf_cleanup(&w->line);
	free(w);
}
