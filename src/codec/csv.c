/* csv.c — CSV rows with formula neutralisation (codec layer). */
#include "csv.h"

#include <string.h>

static void csv_cell(struct buf *out, const char *s)
{
	if (!s) {
		return;
	}
	int formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
	int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote) {
		buf_putc(out, '"');
	}
	if (formula) {
		buf_putc(out, '\'');
	}
	for (const char *p = s; *p; p++) {
		if (*p == '"') {
			buf_putc(out, '"');
		}
		buf_putc(out, *p);
	}
	if (quote) {
		buf_putc(out, '"');
	}
}

void csv_row(struct buf *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i) {
			buf_putc(out, ',');
		}
		csv_cell(out, cells[i]);
	}
	buf_puts(out, "\r\n");
}
