/* text.c — UTF-8 validation, counting and trimming (domain layer, pure C).
 * Strictness follows RFC 3629 table 3-7: shortest form, no surrogates, max U+10FFFF. */
#include "text.h"

#include <string.h>

/* Bytes of U+3000 IDEOGRAPHIC SPACE in UTF-8. */
static const unsigned char text_ideo_space[3] = { 0xE3, 0x80, 0x80 };

int text_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned char c = p[i];
		size_t need;
		unsigned char lo = 0x80;
		unsigned char hi = 0xBF;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c == 0xE0) {
			need = 2;
			lo = 0xA0; /* below is overlong */
		} else if (c == 0xED) {
			need = 2;
			hi = 0x9F; /* above is a surrogate */
		} else if (c >= 0xE1 && c <= 0xEF) {
			need = 2;
		} else if (c == 0xF0) {
			need = 3;
			lo = 0x90; /* below is overlong */
		} else if (c >= 0xF1 && c <= 0xF3) {
			need = 3;
		} else if (c == 0xF4) {
			need = 3;
			hi = 0x8F; /* above is > U+10FFFF */
		} else {
			return 0; /* continuation byte, C0/C1 overlong lead, or F5..FF */
		}
		if (n - i - 1 < need) {
			return 0;
		}
		if (p[i + 1] < lo || p[i + 1] > hi) {
			return 0;
		}
		for (size_t k = 2; k <= need; k++) {
			if (p[i + k] < 0x80 || p[i + k] > 0xBF) {
				return 0;
			}
		}
		i += need + 1;
	}
	return 1;
}

size_t text_utf8_chars(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			count++;
		}
	}
	return count;
}

int text_has_control(const char *s)
{
	if (!s) {
		return 0;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r') {
			continue;
		}
		if (*p < 0x20 || *p == 0x7F) {
			return 1;
		}
	}
	return 0;
}

/* Length in bytes of the trimmable character at the start of p (at most avail bytes), or 0. */
static size_t text_space_len_at(const unsigned char *p, size_t avail)
{
	if (avail >= 1 && (p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r'))) {
		return 1;
	}
	if (avail >= 3 && memcmp(p, text_ideo_space, 3) == 0) {
		return 3;
	}
	return 0;
}

/* Length in bytes of the trimmable character that ends just before p + end, or 0. */
static size_t text_space_len_before(const unsigned char *p, size_t end)
{
	if (end >= 1 && (p[end - 1] == ' ' || (p[end - 1] >= '\t' && p[end - 1] <= '\r'))) {
		return 1;
	}
	if (end >= 3 && memcmp(p + end - 3, text_ideo_space, 3) == 0) {
		return 3;
	}
	return 0;
}

void text_trim(char *s)
{
	unsigned char *p = (unsigned char *)s;
	size_t len;
	size_t start = 0;
	size_t step;

	if (!s) {
		return;
	}
	len = strlen(s);
	while ((step = text_space_len_at(p + start, len - start)) > 0) {
		start += step;
	}
	while (len > start && (step = text_space_len_before(p, len)) > 0 && len - step >= start) {
		len -= step;
	}
	if (start > 0) {
		memmove(s, s + start, len - start);
	}
	s[len - start] = '\0';
}
