/* collate.c — ICU "zh" (pinyin) collation keys (util layer). One collator per thread, since
 * ICU collators are not thread-safe to share; created on first use. */
#include "collate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "xalloc.h"

static pthread_key_t collate_tls_key;
static pthread_once_t collate_once = PTHREAD_ONCE_INIT;

static void collate_free_tls(void *p)
{
	ucol_close(p);
}

static void collate_make_key(void)
{
	pthread_key_create(&collate_tls_key, collate_free_tls);
}

static UCollator *collate_get(void)
{
	pthread_once(&collate_once, collate_make_key);
	UCollator *c = pthread_getspecific(collate_tls_key);
	if (!c) {
		UErrorCode e = U_ZERO_ERROR;
		c = ucol_open("zh", &e);
		if (U_FAILURE(e)) {
			fprintf(stderr, "wenming: ICU collator: %s\n", u_errorName(e));
			abort();
		}
		pthread_setspecific(collate_tls_key, c);
	}
	return c;
}

unsigned char *collate_key(const char *s, size_t *n)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8(NULL, 0, &ulen, s, -1, &e);
	e = U_ZERO_ERROR;
	UChar *u = xmalloc(((size_t)ulen + 1) * sizeof(UChar));
	u_strFromUTF8(u, ulen + 1, NULL, s, -1, &e);
	if (U_FAILURE(e)) {
		ulen = 0;
	}
	UCollator *c = collate_get();
	int32_t klen = ucol_getSortKey(c, u, ulen, NULL, 0);
	unsigned char *key = xmalloc((size_t)klen + 1);
	ucol_getSortKey(c, u, ulen, key, klen + 1);
	free(u);
	/* The key ends with a NUL byte; drop it so that keys compare as plain byte strings. */
	*n = klen > 0 ? (size_t)klen - 1 : 0;
	return key;
}

void collate_version(char out[32])
{
	UVersionInfo v;
	ucol_getVersion(collate_get(), v);
	snprintf(out, 32, "%u.%u.%u.%u", v[0], v[1], v[2], v[3]);
}
