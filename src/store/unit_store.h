/* unit_store.h — units, their lineage events and registry statistics (store layer).
 * Every read, update and delete takes the caller's scope and answers ERR_NOT_FOUND outside it.
 * Writes are expected to run inside the caller's transaction (see http/h_units.c). */
#ifndef WM_UNIT_STORE_H
#define WM_UNIT_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../domain/unit.h"
#include "../util/err.h"

struct db;

struct unit_filter {
	const char *q;        /* name contains, or USCC prefix */
	const char *region;   /* region code: its subtree */
	const char *category;
	const char *status;
	const char *level;    /* units holding a title of this level … */
	const char *tier;     /* … and tier … */
	const char *title_status; /* … and status */
	const char *sort;     /* name (default), -name, -updated_at, id */
	int page, per_page;
	const char *after;    /* keyset cursor from a previous page */
};

/* Calls fn for each unit of the page (top_title filled). *total is the number matching
 * (cached for a few seconds); next_cursor (≥ 128 bytes) is "" when this is the last page. */
enum err unit_store_list(struct db *db, const struct scope *scope, const struct unit_filter *f,
			 void (*fn)(const struct unit *u, void *ctx), void *ctx, int64_t *total,
			 char *next_cursor, size_t cursor_len, struct err_detail *d);
enum err unit_store_get(struct db *db, const struct scope *scope, int64_t id, struct unit *out);
/* Sets id, version, timestamps. ERR_CONFLICT uscc_taken; ERR_INVALID for an unknown category
 * or region. */
enum err unit_store_insert(struct db *db, struct unit *u, int64_t now, struct err_detail *d);
/* Updates every editable field when version matches; ERR_CONFLICT version_conflict. */
enum err unit_store_update(struct db *db, struct unit *u, int64_t expected_version, int64_t now,
			   struct err_detail *d);
/* ERR_CONFLICT unit_in_use when titles, users or lineage refer to it. */
enum err unit_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);

struct unit_event {
	int64_t id;
	int64_t unit_id;
	char kind[16];
	int64_t related_unit_id;
	char related_unit_name[404];
	char old_name[404];
	char new_name[404];
	char date[11];
	char doc_no[200];
	char note[2004];
	int64_t at;
};
enum err unit_event_insert(struct db *db, const struct unit_event *ev, int64_t actor_id);
enum err unit_event_list(struct db *db, int64_t unit_id, void (*fn)(const struct unit_event *e, void *ctx),
			 void *ctx);

struct registry_stats {
	int64_t units_total, units_active, units_merged, units_dissolved;
};
/* Unit counts in scope; title counts are reported through fn(level, tier, status, count). */
enum err unit_store_stats(struct db *db, const struct scope *scope, struct registry_stats *out,
			  void (*fn)(const char *level, const char *tier, const char *status, int64_t n, void *ctx),
			  void *ctx);

/* Rebuilds every unit's pinyin sort key when the ICU collator's version differs from the one
 * recorded in settings (keys are only comparable within one collator version). *n = rows
 * rebuilt. Runs in its own transaction. */
enum err unit_store_refresh_sort_keys(struct db *db, int *n);

/* Locks the unit's row until the transaction ends (serialises checks-then-writes per unit). */
enum err unit_store_lock(struct db *db, int64_t unit_id);

/* Recomputes units.top_title_id (the highest live title) after a title changed. */
enum err unit_store_refresh_top_title(struct db *db, int64_t unit_id);

/* Bumps the shared change counter inside the caller's write transaction (every write to units
 * or titles does): cached list totals of an older generation are never served. */
enum err unit_store_invalidate_counts(struct db *db);

/* True when the dictionary kind has an active item with this code; label copied out. */
int dict_item_exists(struct db *db, const char *kind, const char *code, char *label, size_t label_len);

#endif
