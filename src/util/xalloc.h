/* xalloc.h — allocation that aborts on out-of-memory (util layer).
 * Out of memory is the one failure that ends the process; everything else returns an error. */
#ifndef WM_XALLOC_H
#define WM_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Returns a copy the caller frees with free(); NULL gives NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
