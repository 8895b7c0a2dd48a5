/* attachment_store.h — attachments and their content-addressed blobs (store layer). An
 * attachment is scoped by the unit of the record it is attached to. */
#ifndef WM_ATTACHMENT_STORE_H
#define WM_ATTACHMENT_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct attachment {
	int64_t id;
	char owner_kind[16];
	int64_t owner_id;
	int64_t unit_id;
	char unit_region_code[7];
	char sha256[65];
	char filename[404];
	char mime[128];
	int64_t size;
	char caption[404];
	char created_by[128]; /* display name */
	int64_t created_at;
};

/* Stores the blob unless its hash is there already (*existed = 1 then), then the attachment. */
enum err attachment_store_insert(struct db *db, struct attachment *a, const void *data, int64_t user_id, int64_t now,
				 int *existed, struct err_detail *d);
enum err attachment_store_list(struct db *db, const struct scope *scope, const char *owner_kind, int64_t owner_id,
			       void (*fn)(const struct attachment *a, void *ctx), void *ctx);
enum err attachment_store_count(struct db *db, const char *owner_kind, int64_t owner_id, int64_t *n);
enum err attachment_store_get(struct db *db, const struct scope *scope, int64_t id, struct attachment *out);
/* The content: *data is malloc'd (caller frees). */
enum err attachment_store_content(struct db *db, const char *sha256, void **data, size_t *len);
/* Deletes the attachment, and its blob when nothing else refers to it. */
enum err attachment_store_delete(struct db *db, const struct attachment *a);
/* Deletes every attachment of a record (the record is being deleted). */
enum err attachment_store_delete_owner(struct db *db, const char *owner_kind, int64_t owner_id);

#endif
