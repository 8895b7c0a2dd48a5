/* money.h — money as integer fen (分) and its text forms (domain layer, pure C): 元 with thousands
 * commas, 万元 rounded half up, and parsing the amounts people write ("1,480,000.5", "148万元",
 * "2亿元"). No floating point anywhere: every figure is exact. Buffers are caller-owned. */
#ifndef WM_MONEY_H
#define WM_MONEY_H
#include <stddef.h>
#include <stdint.h>

#include "../util/err.h"

/* A buffer this large holds any formatted int64 amount ("-92,233,720,368,547,758.08" and NUL). */
#define MONEY_TEXT_MAX 32

/* fen as 元: thousands commas, always two decimals, a leading '-' when negative
 * (148000000 → "1,480,000.00", -5 → "-0.05"). Writes at most outlen bytes, NUL-terminated
 * (truncated like snprintf); returns the length of the whole text. */
size_t money_format_yuan(int64_t fen, char *out, size_t outlen);

/* fen as 万元 with two decimals, rounded half up (away from zero) to 0.01万元 = 10,000 fen, no
 * thousands commas (148000000 → "148.00", 1234565000 → "1234.57", -5000 → "-0.01"; a value
 * that rounds to zero has no sign). Same buffer rules and result as money_format_yuan. */
size_t money_format_wan(int64_t fen, char *out, size_t outlen);

/* Parses an amount in 元 into fen: optional surrounding spaces, an optional '-', an optional
 * "¥"/"￥", digits with optional thousands commas (all groups of three after the first), an
 * optional '.' and decimals, then an optional unit: "" or "元" (元), "万" or "万元",
 * "亿" or "亿元". Decimals finer than a fen must be zeros ("1.230" is 123 fen, "1.235" is
 * refused). ERR_OK and *fen set; ERR_INVALID (and *fen untouched) for anything else, including
 * an amount outside int64. */
enum err money_parse_yuan(const char *text, int64_t *fen);

#endif
