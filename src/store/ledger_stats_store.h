/* ledger_stats_store.h — the creation ledger's figures across kinds for one year, for a unit or
 * a region subtree within a scope (store layer): volunteers and their ratio to staff, service
 * hours by month, exemplars by kind, aid totals by kind, public-service ads by carrier, pairing
 * coverage. Activities by type and month come from activity_store_stats. */
#ifndef WM_LEDGER_STATS_STORE_H
#define WM_LEDGER_STATS_STORE_H
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct ledger_stats_filter {
	int year;
	int64_t unit_id;    /* 0: every unit of the scope (and region) */
	const char *region; /* NULL or a region code */
	char year_end[11];  /* the day figures "as of" are taken (Dec 31, or today in the current year) */
};

struct ledger_stats {
	/* units (active) and their staff */
	int64_t units, staff;
	/* volunteers on the roster at year end, and titled units below 20 % of their staff */
	int64_t volunteers, units_below_ratio;
	/* service hours of the year: served in activities + approved self-reports, by month 1..12 */
	int64_t minutes, minutes_by_month[13], reports_pending;
	/* pairing coverage at year end */
	int64_t with_community, with_village;
	/* public-service ads of the year (records started in it) and their pieces */
	int64_t ads, ad_pieces;
};

/* fn(kind, n, amount_fen, quantity_kg) per kind with records: group 'e' exemplars (by kind),
 * 'l' exemplars by level, 'a' aid (by kind), 'c' ads (by carrier, amount = pieces). */
enum err ledger_stats_load(struct db *db, const struct scope *scope, const struct ledger_stats_filter *f,
			   struct ledger_stats *out,
			   void (*fn)(char group, const char *key, int64_t n, int64_t amount, int64_t kg, void *ctx),
			   void *ctx);

#endif
