/* buf.h — growable byte buffer (util layer).
 * struct buf is caller-owned storage: buf_init(&b) … buf_cleanup(&b). The data is always
 * NUL-terminated so it can be used as a C string. */
#ifndef WM_BUF_H
#define WM_BUF_H
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_cleanup(struct buf *b);
/* Makes room for n more bytes (one allocation instead of several doublings). */
void buf_reserve(struct buf *b, size_t n);
/* Copies src into dst (size n), truncated and NUL-terminated; NULL copies "". Faster than
 * snprintf(dst, n, "%s", src) on hot paths. */
void str_copy(char *dst, size_t n, const char *src);
void buf_reset(struct buf *b);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc_slow(struct buf *b, char c);
/* Inline: called for every punctuation character of JSON output. */
static inline void buf_putc(struct buf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	buf_putc_slow(b, c);
}
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data to the caller (free() it) and leaves b empty. */
char *buf_detach(struct buf *b, size_t *len);

#endif
