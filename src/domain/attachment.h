/* attachment.h — what may be attached to ledger records (domain layer): images, PDF and office
 * documents, decided by the type seen in the content; the file's name must agree with it. */
#ifndef WM_ATTACHMENT_H
#define WM_ATTACHMENT_H
#include <stddef.h>

#include "../util/err.h"

#define ATTACHMENT_NAME_MAX 100    /* characters */
#define ATTACHMENT_CAPTION_MAX 100 /* characters */
#define ATTACHMENT_PER_OWNER_MAX 50

/* owner kinds: activity, pairing, aid, ad, exemplar */
int attachment_owner_kind_valid(const char *kind);

/* Checks a detected MIME type and the uploaded name: ERR_INVALID type_not_allowed (not an
 * image, PDF or office document), type_mismatch (the name's extension says another type), or
 * invalid_name (empty, too long, control characters, no extension). field "file". On success
 * writes the canonical type to store into canon (e.g. the OOXML type for a .docx libmagic
 * reports as application/zip). */
enum err attachment_check(const char *detected_mime, const char *filename, char *canon, size_t canonlen,
			  struct err_detail *d);

/* 1 for the image types the UI previews inline. */
int attachment_is_image(const char *mime);
/* 1 for types served inline (images, PDF); others download. */
int attachment_is_inline(const char *mime);

#endif
