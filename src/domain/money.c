/* money.c — integer fen ⇄ 元/万元 text (domain layer). Magnitudes are taken as uint64_t so that
 * INT64_MIN needs no special case and nothing overflows. */
#include "money.h"

#include <string.h>

/* Writes [-]int_part.frac (frac 0..99) with or without thousands commas. */
static size_t money_write(int neg, uint64_t int_part, unsigned frac, int commas, char *out, size_t outlen)
{
	char digits[24], text[MONEY_TEXT_MAX + 8];
	size_t nd = 0, n = 0;
	do {
		digits[nd++] = (char)('0' + int_part % 10);
		int_part /= 10;
	} while (int_part);
	if (neg) {
		text[n++] = '-';
	}
	while (nd) {
		text[n++] = digits[--nd];
		if (commas && nd && nd % 3 == 0) {
			text[n++] = ',';
		}
	}
	text[n++] = '.';
	text[n++] = (char)('0' + frac / 10);
	text[n++] = (char)('0' + frac % 10);
	text[n] = '\0';
	if (outlen) {
		size_t k = n < outlen ? n : outlen - 1;
		memcpy(out, text, k);
		out[k] = '\0';
	}
	return n;
}

static uint64_t money_magnitude(int64_t fen)
{
	return fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
}

size_t money_format_yuan(int64_t fen, char *out, size_t outlen)
{
	uint64_t m = money_magnitude(fen);
	return money_write(fen < 0, m / 100, (unsigned)(m % 100), 1, out, outlen);
}

size_t money_format_wan(int64_t fen, char *out, size_t outlen)
{
	uint64_t m = money_magnitude(fen);
	uint64_t hundredths = m / 10000 + (m % 10000 >= 5000); /* in 0.01万元; ≤ 2^63/10^4 + 1 */
	return money_write(fen < 0 && hundredths != 0, hundredths / 100, (unsigned)(hundredths % 100), 0, out,
			   outlen);
}

static int money_is_space(const char *s, const char *end, size_t *len)
{
	if (s < end && (*s == ' ' || *s == '\t')) {
		*len = 1;
		return 1;
	}
	if (end - s >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) { /* U+3000 ideographic space */
		*len = 3;
		return 1;
	}
	return 0;
}

static int money_ends_with(const char *s, const char *end, const char *suffix)
{
	size_t n = strlen(suffix);
	return (size_t)(end - s) >= n && memcmp(end - n, suffix, n) == 0;
}

/* Appends a digit to *v; 0 when the result would pass limit. */
static int money_push_digit(uint64_t *v, unsigned d, uint64_t limit)
{
	if (*v > (limit - d) / 10) {
		return 0;
	}
	*v = *v * 10 + d;
	return 1;
}

enum err money_parse_yuan(const char *text, int64_t *fen)
{
	if (!text) {
		return ERR_INVALID;
	}
	const char *s = text, *e = text + strlen(text);
	size_t sp;
	while (money_is_space(s, e, &sp)) {
		s += sp;
	}
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t')) {
			e--;
		} else if (e - s >= 3 && memcmp(e - 3, "\xE3\x80\x80", 3) == 0) {
			e -= 3;
		} else {
			break;
		}
	}
	int neg = 0;
	if (s < e && *s == '-') {
		neg = 1;
		s++;
	}
	if (e - s >= 2 && memcmp(s, "\xC2\xA5", 2) == 0) { /* ¥ */
		s += 2;
	} else if (e - s >= 3 && memcmp(s, "\xEF\xBF\xA5", 3) == 0) { /* ￥ */
		s += 3;
	}
	/* Decimal places of a fen in the unit written: 元 2, 万 6, 亿 10. */
	static const struct {
		const char *suffix;
		int places;
	} units[] = {{"万元", 6}, {"亿元", 10}, {"万", 6}, {"亿", 10}, {"元", 2}};
	int places = 2;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (money_ends_with(s, e, units[i].suffix)) {
			e -= strlen(units[i].suffix);
			places = units[i].places;
			break;
		}
	}
	while (e > s && (e[-1] == ' ' || e[-1] == '\t')) {
		e--;
	}
	uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	uint64_t v = 0;
	int n_int = 0, group = -1; /* group: digits since the last comma, -1 before any comma */
	for (; s < e && ((*s >= '0' && *s <= '9') || *s == ','); s++) {
		if (*s == ',') {
			if (n_int == 0 || (group >= 0 && group != 3) || (group < 0 && n_int > 3)) {
				return ERR_INVALID;
			}
			group = 0;
			continue;
		}
		if (!money_push_digit(&v, (unsigned)(*s - '0'), limit)) {
			return ERR_INVALID;
		}
		n_int++;
		if (group >= 0) {
			group++;
		}
	}
	if (n_int == 0 || (group >= 0 && group != 3)) {
		return ERR_INVALID;
	}
	int n_frac = 0, kept = 0;
	if (s < e && *s == '.') {
		for (s++; s < e && *s >= '0' && *s <= '9'; s++, n_frac++) {
			if (kept < places) {
				if (!money_push_digit(&v, (unsigned)(*s - '0'), limit)) {
					return ERR_INVALID;
				}
				kept++;
			} else if (*s != '0') {
				return ERR_INVALID; /* finer than a fen */
			}
		}
		if (n_frac == 0) {
			return ERR_INVALID;
		}
	}
	if (s != e) {
		return ERR_INVALID;
	}
	for (; kept < places; kept++) {
		if (!money_push_digit(&v, 0, limit)) {
			return ERR_INVALID;
		}
	}
	*fen = !neg ? (int64_t)v : v > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)v;
	return ERR_OK;
}
