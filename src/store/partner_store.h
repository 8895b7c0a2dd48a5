/* partner_store.h — partners (社区/小区, 嘎查村) and pairings with units, and the coverage view
 * (store layer). Partners are scoped by their region; pairings by their unit. */
#ifndef WM_PARTNER_STORE_H
#define WM_PARTNER_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct partner {
	int64_t id;
	char kind[16];
	char name[404];
	char region_code[7];
	char region_name[128];
	char address[804];
	char contact_name[204];
	char contact_phone[31];
	int64_t households;
	int64_t population;
	char remark[2004];
	int64_t active_pairings; /* pairings open today (list and get fill it) */
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

struct partner_filter {
	const char *q, *kind, *region;
	const char *today; /* YYYY-MM-DD, for active_pairings */
	int page, per_page;
};

enum err partner_store_list(struct db *db, const struct scope *scope, const struct partner_filter *f,
			    void (*fn)(const struct partner *p, void *ctx), void *ctx, int64_t *total);
enum err partner_store_get(struct db *db, const struct scope *scope, int64_t id, const char *today,
			   struct partner *out);
/* ERR_CONFLICT partner_exists (same name and kind in the region); ERR_NOT_FOUND region. */
enum err partner_store_insert(struct db *db, struct partner *p, int64_t now, struct err_detail *d);
enum err partner_store_update(struct db *db, struct partner *p, int64_t expected_version, int64_t now,
			      struct err_detail *d);
/* 1 when any pairing (open or ended) refers to the partner. */
int partner_store_has_pairings(struct db *db, int64_t id);
/* ERR_CONFLICT partner_in_use when pairings refer to it. */
enum err partner_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);

struct pairing {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char unit_region_code[7];
	int64_t partner_id;
	char partner_name[404];
	char partner_kind[16];
	char partner_region_name[128];
	char kind[24];
	char start_date[11];
	char end_date[11]; /* "" when open */
	char note[2004];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

struct pairing_filter {
	int64_t unit_id, partner_id;
	const char *kind, *region, *q;
	const char *active_on; /* YYYY-MM-DD: only pairings open on that day */
	int page, per_page;
};

enum err pairing_store_list(struct db *db, const struct scope *scope, const struct pairing_filter *f,
			    void (*fn)(const struct pairing *p, void *ctx), void *ctx, int64_t *total);
enum err pairing_store_get(struct db *db, const struct scope *scope, int64_t id, struct pairing *out);
enum err pairing_store_insert(struct db *db, struct pairing *p, int64_t now, struct err_detail *d);
enum err pairing_store_update(struct db *db, struct pairing *p, int64_t expected_version, int64_t now,
			      struct err_detail *d);
enum err pairing_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);
/* Ends the unit's pairings still open on `day` (end_date = day), e.g. when the unit is merged or
 * dissolved; *n gets how many. */
enum err pairing_store_end_open(struct db *db, int64_t unit_id, const char *day, int64_t now, int *n);
/* ERR_CONFLICT pairing_overlap when the unit already has a pairing with this partner whose dates
 * overlap [start, end] (end "" = open); exclude_id skips the pairing being edited. */
enum err pairing_store_check_overlap(struct db *db, const struct pairing *p, int64_t exclude_id,
				     struct err_detail *d);

/* Coverage on a day: active units in scope lacking an open pairing of each kind, and partners
 * in scope with no open pairing. Lists are capped at `limit` rows each; counts are exact. */
struct coverage_row {
	int64_t id;
	const char *name;
	const char *region_name;
	const char *kind; /* partners: community/village */
};
struct coverage_counts {
	int64_t units_active;
	int64_t units_without_community;
	int64_t units_without_village;
	int64_t partners_total;
	int64_t partners_without;
};
/* list is 0 (units without a community), 1 (units without a village), 2 (partners without). */
enum err pairing_store_coverage(struct db *db, const struct scope *unit_scope, const struct scope *partner_scope,
				const char *day, int limit, struct coverage_counts *counts,
				void (*fn)(int list, const struct coverage_row *row, void *ctx), void *ctx);

#endif
