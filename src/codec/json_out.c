/* json_out.c — direct JSON text output (codec layer). */
#include "json_out.h"

#include <stdio.h>
#include <time.h>

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

void jw_time(struct buf *b, int64_t t)
{
	if (!t) {
		buf_puts(b, "null");
		return;
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char s[32];
	size_t n = strftime(s, sizeof s, "\"%Y-%m-%dT%H:%M:%SZ\"", &tm);
	buf_append(b, s, n);
}
