/* sheet.h — spreadsheet files for export and import (codec layer), in bounded memory.
 *
 * Writing: rows go to a temporary file, as CSV (UTF-8 with BOM, RFC 4180, formula cells
 * neutralised with a leading apostrophe) or .xlsx (libxlsxwriter in constant-memory mode: every
 * cell a text cell — never a formula — or a number where the column says so). The finished file
 * is handed back as an open, already unlinked descriptor to stream to the client.
 *
 * Reading: rows come one at a time from a .csv (UTF-8, with or without BOM; a file in another
 * encoding is refused with a clear message) or an .xlsx (libzip + expat, the sheet streamed in
 * chunks; shared strings kept in memory). The format is decided from the content. */
#ifndef WM_SHEET_H
#define WM_SHEET_H
#include <stddef.h>
#include <stdint.h>

#include "../util/err.h"

enum sheet_format { SHEET_CSV = 1, SHEET_XLSX = 2 };

#define SHEET_XLSX_MAX_ROWS 1048576
#define SHEET_MAX_COLS 64

/* ---- writing ---- */

struct sheet_col {
	const char *title;
	int width;   /* characters; 0 = default */
	int numeric; /* write integers as numbers in .xlsx */
};

struct sheet_writer;

/* Opens a writer for a sheet titled `name` with the given columns (their titles are the first
 * row). NULL on failure (cannot create a temporary file). */
struct sheet_writer *sheet_writer_open(enum sheet_format f, const char *name, const struct sheet_col *cols, size_t n);
/* Appends a row of n cells (NULL = empty). 0 on success, -1 when the format's row limit is hit
 * or the file cannot be written. */
int sheet_writer_row(struct sheet_writer *w, const char *const *cells, size_t n);
enum sheet_format sheet_writer_format(const struct sheet_writer *w);
/* Rows written so far (without the title row). */
int64_t sheet_writer_rows(const struct sheet_writer *w);
/* Finishes the file: *fd is an open descriptor of it positioned at 0 (the caller owns it; the
 * file is already unlinked) and *size its length. Frees w. 0 on success. */
int sheet_writer_finish(struct sheet_writer *w, int *fd, uint64_t *size);
/* Abandons a writer (removes its file). NULL is harmless. */
void sheet_writer_free(struct sheet_writer *w);

const char *sheet_content_type(enum sheet_format f);
const char *sheet_extension(enum sheet_format f);

/* ---- reading ---- */

struct sheet_reader;

/* Opens the file at path (.xlsx when it is a zip, CSV otherwise). NULL with d set
 * (code xlsx / csv / encoding) when it cannot be read. */
struct sheet_reader *sheet_reader_open(const char *path, struct err_detail *d);
enum sheet_format sheet_reader_format(const struct sheet_reader *r);
/* The next row: 1 with *cells and *n (valid until the next call; trailing empty cells dropped) and
 * *row_no (the row number a spreadsheet shows, from 1), 0 at the end, -1 with d set on a
 * malformed file (field "row N" in d->field). */
int sheet_reader_next(struct sheet_reader *r, const char *const **cells, size_t *n, int64_t *row_no,
		      struct err_detail *d);
void sheet_reader_free(struct sheet_reader *r);

#endif
