/* collate.h — pinyin sort keys with ICU (util layer).
 * ucol "zh" orders Chinese by pinyin; its binary sort keys compare with memcmp exactly as ICU
 * compares, so a key stored in a BLOB/bytea column sorts alike on SQLite and PostgreSQL. */
#ifndef WM_COLLATE_H
#define WM_COLLATE_H
#include <stddef.h>

/* Writes the sort key of the UTF-8 string s into a new buffer the caller frees; *n its length. */
unsigned char *collate_key(const char *s, size_t *n);
/* The collator's version as a string (store it; rebuild keys when it changes). */
void collate_version(char out[32]);

#endif
