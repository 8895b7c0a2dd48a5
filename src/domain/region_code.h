/* region_code.h — GB/T 2260 six-digit administrative division codes (domain layer, pure C).
 * Shape and hierarchy checks only; whether a code exists is the store's business. */
#ifndef WM_REGION_CODE_H
#define WM_REGION_CODE_H
#include "../util/err.h"

/* Region levels, as used in the API (`level`). */
#define REGION_LEVEL_PROVINCE 1
#define REGION_LEVEL_PREFECTURE 2
#define REGION_LEVEL_COUNTY 3

/* Rules:
 *   - exactly 6 ASCII digits; the province part (digits 1–2) is not "00";
 *   - level 1 province XX0000; level 2 prefecture XXYY00 with YY ≠ 00;
 *     level 3 county (县/旗/区) XXYYZZ with ZZ ≠ 00 and YY ≠ 00 (strict: a county-level code
 *     must sit under a prefecture; "XX00ZZ" is rejected);
 *   - with a parent (parent_code not NULL and not ""): the parent must itself be a valid code,
 *     its level must be level − 1 (so a province can have no parent), and the code must start
 *     with the parent's significant prefix (2 digits for a province, 4 for a prefecture).
 * Returns ERR_OK and sets *level_out (may be NULL) to 1, 2 or 3; otherwise ERR_INVALID with d
 * (may be NULL) filled, field "code" for a malformed code and "parent_code" for a parent
 * mismatch, and *level_out set to 0:
 *   region_code    行政区划代码应为6位数字，且符合省（XX0000）、市（XXYY00）、县（XXYYZZ）编码规则
 *   region_parent  行政区划代码与上级不匹配 (also for a malformed parent) */
enum err region_code_validate(const char *code, const char *parent_code, int *level_out,
			      struct err_detail *d);

/* Level of a well-formed code (1, 2, 3), or 0 when code breaks the shape rules above. */
int region_code_level(const char *code);

#endif
