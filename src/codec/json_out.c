/* json_out.c — direct JSON text output (codec layer). */
#include "json_out.h"

#include <stdio.h>

void jw_str(struct buf *b, const char *s)
{
	if (!s) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	const char *run = s;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\') {
			continue;
		}
		buf_append(b, run, (size_t)((const char *)p - run));
		switch (*p) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default: buf_printf(b, "\\u%04x", *p); break;
		}
		run = (const char *)p + 1;
	}
	buf_puts(b, run);
	buf_putc(b, '"');
}

void jw_key(struct buf *b, const char *key)
{
	buf_putc(b, '"');
	buf_puts(b, key);
	buf_puts(b, "\":");
}

void jw_int(struct buf *b, int64_t v)
{
	char tmp[24];
	char *p = tmp + sizeof tmp;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0) {
		*--p = '-';
	}
	buf_append(b, p, (size_t)(tmp + sizeof tmp - p));
}

void jw_id(struct buf *b, int64_t id)
{
	if (id) {
		jw_int(b, id);
	} else {
		buf_puts(b, "null");
	}
}

/* Days since 1970-01-01 → civil date (Howard Hinnant's algorithm), without the locale and
 * time-zone work of gmtime_r + strftime. */
static void jw_civil(int64_t days, int *y, unsigned *m, unsigned *d)
{
	days += 719468;
	int64_t era = (days >= 0 ? days : days - 146096) / 146097;
	unsigned doe = (unsigned)(days - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void jw_time(struct buf *b, int64_t t)
{
	if (!t) {
		buf_puts(b, "null");
		return;
	}
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t secs = t - days * 86400;
	int y;
	unsigned m, d;
	jw_civil(days, &y, &m, &d);
	char s[22] = "\"0000-00-00T00:00:00Z\"";
	unsigned v[6] = {(unsigned)y, m, d, (unsigned)(secs / 3600), (unsigned)(secs / 60 % 60), (unsigned)(secs % 60)};
	static const int pos[6] = {4, 7, 10, 13, 16, 19}; /* last digit of each part */
	for (int i = 0; i < 6; i++) {
		unsigned x = v[i];
		int p = pos[i];
		for (int k = 0; k < (i == 0 ? 4 : 2); k++) {
			s[p - k] = (char)('0' + x % 10);
			x /= 10;
		}
	}
	int n = 22;
	buf_append(b, s, (size_t)n);
}
