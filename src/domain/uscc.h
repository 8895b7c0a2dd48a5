/* uscc.h — 统一社会信用代码 (unified social credit code, GB 32100-2015) (domain layer, pure C).
 * Validation of the 18-character code including both check characters, normalisation of
 * user input, and construction of valid codes for demo data. No allocation. */
#ifndef WM_USCC_H
#define WM_USCC_H
#include "../util/err.h"

/* Length of a code, without the terminating NUL. */
#define USCC_LEN 18

/* Layout (positions 1-based):
 *   1      登记管理部门代码   any charset char (1, 5, 9, Y, …)
 *   2      机构类别代码       any charset char
 *   3–8    登记管理机关行政区划码  six digits
 *   9–17   主体标识码 = organization code (GB 11714): 8 body chars + its own check char at 17:
 *          weights 3,7,9,10,5,8,4,2 over positions 9–16 (digits 0–9, letters A=10 … Z=35),
 *          C = 11 − (sum mod 11); 10 → 'X', 11 → '0'
 *   18     check char: weights 3^i mod 31 (1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28) over
 *          positions 1–17 by their index in the charset, C = 31 − (sum mod 31), 31 → 0, mapped
 *          back through the charset.
 * Charset: 0123456789ABCDEFGHJKLMNPQRTUWXY (31 chars; no I, O, Z, S, V; uppercase only). */

/* Validates the NUL-terminated s. Returns ERR_OK, or ERR_INVALID with d (may be NULL) filled,
 * field "uscc", checked in this order:
 *   uscc_length            统一社会信用代码应为18位 (s NULL or strlen(s) ≠ 18 bytes)
 *   uscc_charset           a char outside the charset (lowercase too — call uscc_normalize
 *                          first to accept it), or a non-digit in positions 3–8
 *   uscc_checksum          position 18 does not match
 *   uscc_orgcode_checksum  position 17 (organization code check) does not match */
enum err uscc_validate(const char *s, struct err_detail *d);

/* Normalises user input in place: trims ASCII whitespace and U+3000 at both ends and
 * uppercases ASCII letters. Inner characters are otherwise left alone. NULL is ignored. */
void uscc_normalize(char *s);

/* The position-18 check char for the first 17 chars of first17 (at least 17 chars must be
 * readable; anything after them is ignored). Returns '\0' when one of those 17 chars is
 * outside the charset. Does not check positions 3–8 or 17. */
char uscc_check_char(const char *first17);

/* Builds a valid code in out: prefix8 (positions 1–8, e.g. "91150622": charset chars with
 * digits in 3–8) + an 8-digit organization-code body from seq (seq mod 100000000, zero-padded)
 * + its GB 11714 check char + the position-18 check char. The result always passes
 * uscc_validate. When prefix8 is NULL, not 8 chars long, or malformed, out is set to "". */
void uscc_make(const char *prefix8, unsigned seq, char out[USCC_LEN + 1]);

#endif
