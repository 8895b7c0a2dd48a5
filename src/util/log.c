/* log.c — structured JSON-lines logging (util layer). One write(2) per line so lines from
 * different threads never interleave. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"

static enum log_level log_min = LOG_INFO;

void log_set_level(enum log_level min)
{
	log_min = min;
}

static void log_json_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20) {
				buf_printf(b, "\\u%04x", *p);
			} else {
				buf_putc(b, (char)*p);
			}
		}
	}
	buf_putc(b, '"');
}

void log_kv(enum log_level level, const char *msg, ...)
{
	static const char *names[] = {"debug", "info", "warn", "error"};
	if (level < log_min) {
		return;
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "{\"ts\":\"%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ\",\"level\":\"%s\",\"msg\":",
		   tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		   ts.tv_nsec / 1000000, names[level]);
	log_json_string(&b, msg);
	va_list ap;
	va_start(ap, msg);
	for (;;) {
		const char *k = va_arg(ap, const char *);
		if (!k) {
			break;
		}
		const char *v = va_arg(ap, const char *);
		buf_putc(&b, ',');
		log_json_string(&b, k);
		buf_putc(&b, ':');
		log_json_string(&b, v ? v : "");
	}
	va_end(ap);
	buf_puts(&b, "}\n");
	ssize_t w = write(STDERR_FILENO, b.data, b.len);
	(void)w;
	buf_cleanup(&b);
}
