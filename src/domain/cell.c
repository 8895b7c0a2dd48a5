/* cell.c — spreadsheet cell values. */
#include "cell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"

size_t cell_trim(const char *text, char *out, size_t outlen)
{
	const char *s = text ? text : "";
	size_t n = strlen(s);
	for (;;) {
		if (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
			s++;
			n--;
		} else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
			s += 3;
			n -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) {
			n--;
		} else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0) {
			n -= 3;
		} else {
			break;
		}
	}
	if (outlen == 0) {
		return 0;
	}
	if (n >= outlen) {
		n = outlen - 1;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

/* Reads 1..max digits; returns the count read. */
static int cell_digits(const char **p, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

static int cell_sep(const char **p, const char *sep)
{
	size_t n = strlen(sep);
	if (strncmp(*p, sep, n) == 0) {
		*p += n;
		return 1;
	}
	return 0;
}

int cell_date(const char *text, char out[11])
{
	char t[64];
	cell_trim(text, t, sizeof t);
	size_t digits = strspn(t, "0123456789");
	if (digits == 5 && (t[5] == '\0' || (t[5] == '.' && strspn(t + 6, "0123456789") == strlen(t + 6)))) {
		/* an Excel date serial (days since 1899-12-30), possibly with a time fraction */
		int64_t serial = strtoll(t, NULL, 10);
		if (serial < 18000 || serial > 73000) {
			return 0;
		}
		ledger_date_of((serial - 25569) * 86400 - 8 * 3600, out);
		return ledger_date_valid(out);
	}
	const char *p = t;
	int y, m, d;
	if (cell_digits(&p, 4, &y) != 4) {
		return 0;
	}
	static const char *seps[][3] = {{"-", "-", ""}, {"/", "/", ""}, {".", ".", ""}, {"年", "月", "日"}};
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		const char *q = p;
		if (cell_sep(&q, seps[i][0]) && cell_digits(&q, 2, &m) >= 1 && cell_sep(&q, seps[i][1]) &&
		    cell_digits(&q, 2, &d) >= 1) {
			cell_sep(&q, seps[i][2]);
			/* a time of day after the date (2026-03-05 00:00:00) is dropped */
			if (*q == '\0' || (*q == ' ' && strspn(q + 1, "0123456789:") == strlen(q + 1))) {
				char buf[32];
				snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
				if (ledger_date_valid(buf)) {
					memcpy(out, buf, 11);
					return 1;
				}
			}
			return 0;
		}
	}
	return 0;
}

int cell_int(const char *text, int64_t min, int64_t max, int64_t *out)
{
	char t[64];
	if (cell_trim(text, t, sizeof t) == 0) {
		return 0;
	}
	const char *p = t;
	int neg = 0;
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p++;
	}
	int64_t v = 0;
	int digits = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (v > (INT64_MAX - 9) / 10) {
				return 0;
			}
			v = v * 10 + (*p - '0');
			digits++;
		} else if (*p == ',' && digits > 0) {
			continue;
		} else if (*p == '.') {
			/* "12.0" from a spreadsheet: only zeros may follow */
			for (p++; *p == '0'; p++) {
			}
			if (*p) {
				return 0;
			}
			break;
		} else {
			return 0;
		}
	}
	if (!digits) {
		return 0;
	}
	v = neg ? -v : v;
	if (v < min || v > max) {
		return 0;
	}
	*out = v;
	return 1;
}

int cell_hours(const char *text, int64_t *minutes)
{
	char t[32];
	cell_trim(text, t, sizeof t);
	const char *p = t;
	int64_t whole = 0, tenth = 0;
	int digits = 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		whole = whole * 10 + (*p - '0');
		if (++digits > 4) {
			return 0;
		}
	}
	if (*p == '.') {
		p++;
		if (*p >= '0' && *p <= '9') {
			tenth = *p - '0';
			p++;
		}
		while (*p == '0') {
			p++;
		}
	}
	if (!digits || *p) {
		return 0;
	}
	*minutes = whole * 60 + tenth * 6;
	return 1;
}
