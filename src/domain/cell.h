/* cell.h — reading values typed by people into spreadsheet cells (domain layer, pure): dates in
 * the forms Chinese offices write them (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日) or as Excel
 * date serials, and integers written with thousands separators or a ".0" a spreadsheet added. */
#ifndef WM_CELL_H
#define WM_CELL_H
#include <stddef.h>
#include <stdint.h>

/* A real date into out as YYYY-MM-DD; 0 when the text is not one. */
int cell_date(const char *text, char out[11]);
/* An integer within [min, max]; 0 when the text is not one (or out of range). */
int cell_int(const char *text, int64_t min, int64_t max, int64_t *out);
/* Hours with at most one decimal ("2", "2.5", "0.1") as whole minutes. 0 when not one. */
int cell_hours(const char *text, int64_t *minutes);
/* Copies text without leading/trailing spaces (ASCII and U+3000) into out; returns the length. */
size_t cell_trim(const char *text, char *out, size_t outlen);

#endif
