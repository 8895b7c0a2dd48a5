/* embed.c — lookup in the table of embedded files (util layer). */
#include "embed.h"

#include <string.h>

const struct embedded_file *embed_find(const char *name)
{
	for (size_t i = 0; i < embedded_files_count; i++) {
		if (strcmp(embedded_files[i].name, name) == 0) {
			return &embedded_files[i];
		}
	}
	return NULL;
}
