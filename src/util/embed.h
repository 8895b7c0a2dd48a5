/* embed.h — files built into the binary by tools/embed.c (util layer): web assets under
 * "web/…", migrations under "migrations/<dialect>/…", and "openapi.json". */
#ifndef WM_EMBED_H
#define WM_EMBED_H
#include <stddef.h>

struct embedded_file {
	const char *name;
	const unsigned char *data; /* NUL-terminated for convenience; len excludes it */
	size_t len;
};

extern const struct embedded_file embedded_files[]; /* ends with a zeroed entry */
extern const size_t embedded_files_count;

/* The file called name, or NULL. */
const struct embedded_file *embed_find(const char *name);

#endif
