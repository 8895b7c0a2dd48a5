/* filetype.c — libmagic wrapper. A handle per call: magic_t is not thread-safe, and uploads are
 * rare enough that loading the compiled database (a few ms, mmapped) each time costs nothing. */
#include "filetype.h"

#include <magic.h>
#include <stdio.h>

int filetype_detect(const void *data, size_t len, char *out, size_t outlen)
{
	magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
	if (!m) {
		return -1;
	}
	int rc = -1;
	if (magic_load(m, NULL) == 0) {
		const char *t = magic_buffer(m, data, len);
		if (t) {
			snprintf(out, outlen, "%s", t);
			rc = 0;
		}
	}
	magic_close(m);
	return rc;
}
