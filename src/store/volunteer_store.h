/* volunteer_store.h — each unit's volunteer roster (store layer). Scoped by unit. */
#ifndef WM_VOLUNTEER_STORE_H
#define WM_VOLUNTEER_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct volunteer {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char unit_region_code[7];
	char name[204];
	char gender[8];
	char phone[32];
	char platform_id[164];
	char joined_date[11]; /* "" when unknown */
	char status[8];
	char left_date[11];   /* "" unless left */
	char remark[2004];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
	int64_t service_minutes; /* read only: served in activities + approved self-reports */
};

struct volunteer_filter {
	int64_t unit_id;
	const char *q, *status, *region;
	int page, per_page;
};

enum err volunteer_store_list(struct db *db, const struct scope *scope, const struct volunteer_filter *f,
			      void (*fn)(const struct volunteer *v, void *ctx), void *ctx, int64_t *total);
enum err volunteer_store_get(struct db *db, const struct scope *scope, int64_t id, struct volunteer *out);
enum err volunteer_store_insert(struct db *db, struct volunteer *v, int64_t now, struct err_detail *d);
enum err volunteer_store_update(struct db *db, struct volunteer *v, int64_t expected_version, int64_t now,
				struct err_detail *d);
enum err volunteer_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);

#endif
