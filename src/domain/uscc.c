/* uscc.c — 统一社会信用代码 checks (GB 32100-2015, GB 11714) (domain layer, pure C).
 * See uscc.h for the layout and the two check-character algorithms. */
#include "uscc.h"

#include <string.h>

#include "text.h"

static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const int uscc_weights18[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static const int uscc_weights_org[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

/* Index of c in the charset, or -1 (also for '\0'). */
static int uscc_alphabet_index(char c)
{
	const char *hit;

	if (c == '\0') {
		return -1;
	}
	hit = strchr(uscc_alphabet, c);
	return hit ? (int)(hit - uscc_alphabet) : -1;
}

static int uscc_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* GB 11714 check char for the 8-char organization-code body at body (charset chars), or '\0'. */
static char uscc_orgcode_check_char(const char *body)
{
	int sum = 0;
	int c;

	for (int i = 0; i < 8; i++) {
		int v;

		if (uscc_is_digit(body[i])) {
			v = body[i] - '0';
		} else if (body[i] >= 'A' && body[i] <= 'Z') {
			v = body[i] - 'A' + 10;
		} else {
			return '\0';
		}
		sum += v * uscc_weights_org[i];
	}
	c = 11 - sum % 11;
	if (c == 10) {
		return 'X';
	}
	if (c == 11) {
		return '0';
	}
	return (char)('0' + c);
}

char uscc_check_char(const char *first17)
{
	int sum = 0;
	int c;

	if (!first17) {
		return '\0';
	}
	for (int i = 0; i < 17; i++) {
		int v = uscc_alphabet_index(first17[i]);

		if (v < 0) {
			return '\0';
		}
		sum += v * uscc_weights18[i];
	}
	c = 31 - sum % 31;
	if (c == 31) {
		c = 0;
	}
	return uscc_alphabet[c];
}

enum err uscc_validate(const char *s, struct err_detail *d)
{
	if (!s || strlen(s) != USCC_LEN) {
		return err_set(d, ERR_INVALID, "uscc_length", "uscc", "统一社会信用代码应为18位");
	}
	for (int i = 0; i < USCC_LEN; i++) {
		if (uscc_alphabet_index(s[i]) < 0) {
			return err_set(d, ERR_INVALID, "uscc_charset", "uscc",
				       "统一社会信用代码含有非法字符");
		}
	}
	for (int i = 2; i < 8; i++) {
		if (!uscc_is_digit(s[i])) {
			return err_set(d, ERR_INVALID, "uscc_charset", "uscc",
				       "统一社会信用代码第3至8位（行政区划码）应为数字");
		}
	}
	if (uscc_check_char(s) != s[17]) {
		return err_set(d, ERR_INVALID, "uscc_checksum", "uscc", "统一社会信用代码校验位错误");
	}
	if (uscc_orgcode_check_char(s + 8) != s[16]) {
		return err_set(d, ERR_INVALID, "uscc_orgcode_checksum", "uscc",
			       "统一社会信用代码中的组织机构代码校验位错误");
	}
	return ERR_OK;
}

void uscc_normalize(char *s)
{
	if (!s) {
		return;
	}
	text_trim(s);
	for (char *p = s; *p; p++) {
		if (*p >= 'a' && *p <= 'z') {
			*p = (char)(*p - 'a' + 'A');
		}
	}
}

void uscc_make(const char *prefix8, unsigned seq, char out[USCC_LEN + 1])
{
	unsigned body = seq % 100000000u;

	out[0] = '\0';
	if (!prefix8) {
		return;
	}
	for (int i = 0; i < 8; i++) {
		/* A NUL fails the charset test, so a short prefix stops here. */
		if (uscc_alphabet_index(prefix8[i]) < 0 || (i >= 2 && !uscc_is_digit(prefix8[i]))) {
			return;
		}
	}
	if (prefix8[8] != '\0') {
		return;
	}
	memcpy(out, prefix8, 8);
	for (int i = 15; i >= 8; i--) {
		out[i] = (char)('0' + body % 10u);
		body /= 10u;
	}
	out[16] = uscc_orgcode_check_char(out + 8);
	out[17] = uscc_check_char(out);
	out[18] = '\0';
}
