/* csv.h — writing CSV (codec layer): RFC 4180 quoting, and cells that a spreadsheet would run
 * as a formula (starting with = + - @, tab or CR) are neutralised with a leading apostrophe. */
#ifndef WM_CSV_H
#define WM_CSV_H
#include <stddef.h>

#include "../util/buf.h"

/* Appends one row (CRLF-terminated); NULL cells are empty. */
void csv_row(struct buf *out, const char *const *cells, size_t n);

#endif
