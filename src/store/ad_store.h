/* ad_store.h — the creation ledger's public-service advertising (公益广告) (store layer). Scoped by
 * unit. Served at /api/v1/publicity (a path ad blockers leave alone). */
#ifndef WM_AD_STORE_H
#define WM_AD_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct public_service_ad {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char unit_region_code[7];
	char carrier[24]; /* door_head, wall, bulletin_board, led_screen, billboard, website, wechat_weibo_app */
	char theme[404];
	int64_t count;
	char start_date[11];
	char end_date[11]; /* "" when still up */
	int year;          /* of start_date */
	char place[404];
	char description[8004];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

struct ad_filter {
	int64_t unit_id;
	const char *carrier, *region, *q;
	int year;
	int page, per_page;
};

enum err ad_store_list(struct db *db, const struct scope *scope, const struct ad_filter *f,
		       void (*fn)(const struct public_service_ad *a, void *ctx), void *ctx, int64_t *total);
enum err ad_store_get(struct db *db, const struct scope *scope, int64_t id, struct public_service_ad *out);
enum err ad_store_insert(struct db *db, struct public_service_ad *a, int64_t now, struct err_detail *d);
enum err ad_store_update(struct db *db, struct public_service_ad *a, int64_t expected_version, int64_t now,
			 struct err_detail *d);
enum err ad_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);

#endif
