/* text.h — UTF-8 text helpers (domain layer, pure C).
 * Validation, code-point counting, control-character detection and trimming of
 * user-supplied strings. No allocation: every function works on caller-owned memory. */
#ifndef WM_TEXT_H
#define WM_TEXT_H
#include <stddef.h>

/* Returns 1 when the n bytes at s are strict UTF-8, else 0: shortest-form sequences only
 * (no overlongs, no C0/C1 lead bytes), no UTF-16 surrogates (U+D800..U+DFFF), nothing
 * above U+10FFFF, no truncated sequence at the end. NUL bytes inside the n bytes are
 * accepted as U+0000 (use text_has_control to reject them in C strings). s may be NULL
 * only when n is 0. */
int text_utf8_valid(const char *s, size_t n);

/* Number of code points in the n bytes at s: the count of bytes that are not UTF-8
 * continuation bytes (10xxxxxx). Exact for valid UTF-8; for invalid input it is an
 * approximation (stray continuation bytes are not counted) — validate first. */
size_t text_utf8_chars(const char *s, size_t n);

/* Returns 1 when the NUL-terminated s contains a C0 control character other than
 * \t, \n and \r (i.e. 0x01–0x08, 0x0B, 0x0C, 0x0E–0x1F) or DEL (0x7F); else 0.
 * NULL gives 0. C1 controls (U+0080..U+009F) are not checked. */
int text_has_control(const char *s);

/* Removes ASCII whitespace (space, \t, \n, \v, \f, \r) and U+3000 IDEOGRAPHIC SPACE from
 * both ends of the NUL-terminated s, in place (the text is moved to the start of s).
 * NULL is ignored. */
void text_trim(char *s);

#endif
