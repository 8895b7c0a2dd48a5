/* multipart.h — multipart/form-data bodies (codec layer), parsed in place: each part points
 * into the caller's body buffer, nothing is copied. */
#ifndef WM_MULTIPART_H
#define WM_MULTIPART_H
#include <stddef.h>

#include "../util/err.h"

struct multipart_part {
	char name[64];       /* the form field's name */
	char filename[512];  /* "" for a plain field; the last path component otherwise */
	int has_filename;
	char content_type[128];
	const char *data;    /* into the body */
	size_t len;
};

/* Parses body by the boundary of content_type ("multipart/form-data; boundary=…"). At most max
 * parts. ERR_INVALID with code multipart (and a Chinese message) when the body is malformed. */
enum err multipart_parse(const char *content_type, const char *body, size_t len, struct multipart_part *parts,
			 size_t max, size_t *n, struct err_detail *d);

/* The first part named name, or NULL. */
const struct multipart_part *multipart_find(const struct multipart_part *parts, size_t n, const char *name);

#endif
