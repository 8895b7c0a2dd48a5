/* xalloc.c — aborting allocators (util layer). */
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void xalloc_die(void)
{
	fputs("wenming: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		xalloc_die();
	}
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		xalloc_die();
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		xalloc_die();
	}
	return q;
}

char *xstrdup(const char *s)
{
	if (!s) {
		return NULL;
	}
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	if (!s) {
		return NULL;
	}
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0) {
		xalloc_die();
	}
	char *p = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof tmp) {
		memcpy(p, tmp, (size_t)n + 1);
		return p;
	}
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
