/* filetype.h — the type of a file decided from its content with libmagic (util layer). */
#ifndef WM_FILETYPE_H
#define WM_FILETYPE_H
#include <stddef.h>

/* Writes the MIME type libmagic sees in data ("image/jpeg", "application/pdf", …) into out.
 * 0 on success, -1 when libmagic cannot be used. Thread-safe (one magic handle per call). */
int filetype_detect(const void *data, size_t len, char *out, size_t outlen);

#endif
