/* activity_store.h — the creation ledger's activities and their statistics (store layer).
 * An activity is scoped by its unit. */
#ifndef WM_ACTIVITY_STORE_H
#define WM_ACTIVITY_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct activity {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char unit_region_code[7];
	char type_code[64];
	char type_label[256];
	char festival[32]; /* "" when none */
	char title[404];
	char activity_date[11];
	int year;
	char place[404];
	int64_t partner_id; /* 0 when none */
	char partner_name[404];
	char role[8];
	int64_t participants;
	char description[8004];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

struct activity_filter {
	int64_t unit_id, partner_id;
	const char *type_code, *festival, *region, *q;
	const char *from, *to; /* dates, inclusive */
	int year;
	int page, per_page;
};

enum err activity_store_list(struct db *db, const struct scope *scope, const struct activity_filter *f,
			     void (*fn)(const struct activity *a, void *ctx), void *ctx, int64_t *total);
enum err activity_store_get(struct db *db, const struct scope *scope, int64_t id, struct activity *out);
enum err activity_store_insert(struct db *db, struct activity *a, int64_t now, struct err_detail *d);
enum err activity_store_update(struct db *db, struct activity *a, int64_t expected_version, int64_t now,
			       struct err_detail *d);
/* Moves the activity's version on (its served list changed): 409 when stale. */
enum err activity_store_touch(struct db *db, struct activity *a, int64_t expected_version, int64_t now,
			      struct err_detail *d);
enum err activity_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);

/* Counts of the filter's activities by type and by month (1–12) of the filter's year:
 * fn(type_code, type_label, month, count) once per non-empty (type, month). */
enum err activity_store_stats(struct db *db, const struct scope *scope, const struct activity_filter *f,
			      void (*fn)(const char *type_code, const char *type_label, int month, int64_t n,
					 int64_t participants, void *ctx),
			      void *ctx);

/* Activity counts of the year per unit and month, for the units of the scope (and region) that are
 * active (titled ones only when titled_only): fn(unit, month, n) for every unit in pinyin order —
 * once with month 0 and n 0 for a unit with no activity at all that year. */
struct activity_unit_ref {
	int64_t id;
	const char *name, *region_code;
	int titled;
};
enum err activity_store_month_counts(struct db *db, const struct scope *scope, const char *region, int year,
				     int titled_only,
				     void (*fn)(const struct activity_unit_ref *u, int month, int64_t n, void *ctx),
				     void *ctx);

#endif
