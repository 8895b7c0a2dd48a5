/* title_store.h — honour titles and their status history (store layer). A title is in scope
 * when its unit is. */
#ifndef WM_TITLE_STORE_H
#define WM_TITLE_STORE_H
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct title {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char region_code[7];
	char level[16];
	char tier[8];
	int awarded_year;
	int term_years;
	char doc_no[200];
	char status[16];
	char note[2004];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

struct title_event {
	int64_t id;
	int64_t title_id;
	char from_status[16];
	char to_status[16];
	char reason[2004];
	char doc_no[200];
	char actor_name[128];
	int64_t at;
};

struct title_filter {
	const char *level, *tier, *status, *region, *q;
	int year; /* awarded_year; 0 = any */
	int64_t unit_id; /* 0 = any */
	int page, per_page;
};

enum err title_store_list(struct db *db, const struct scope *scope, const struct title_filter *f,
			  void (*fn)(const struct title *t, void *ctx), void *ctx, int64_t *total);
enum err title_store_get(struct db *db, const struct scope *scope, int64_t id, struct title *out);
enum err title_store_insert(struct db *db, struct title *t, int64_t now, struct err_detail *d);
/* Updates status, doc_no, term_years, note when version matches. */
enum err title_store_update(struct db *db, struct title *t, int64_t expected_version, int64_t now,
			    struct err_detail *d);
/* Sets every live title of a unit to `status` (e.g. lapsed on restructuring), recording events.
 * *n gets how many changed. */
enum err title_store_end_all(struct db *db, int64_t unit_id, const char *status, const char *reason,
			     const char *doc_no, int64_t actor_id, const char *actor_name, int64_t now, int *n);
enum err title_event_insert(struct db *db, const struct title_event *e, int64_t actor_id);
/* Events of every title of a unit, oldest first. */
enum err title_event_list_for_unit(struct db *db, int64_t unit_id,
				   void (*fn)(const struct title_event *e, void *ctx), void *ctx);

#endif
