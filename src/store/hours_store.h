/* hours_store.h — volunteers' service hours (store layer): who served in an activity and for
 * how long, each unit's self-report link, and the hour reports volunteers send through it.
 * Time is kept in whole minutes. The caller checks the activity's or unit's scope first where
 * a function takes an id without a scope. */
#ifndef WM_HOURS_STORE_H
#define WM_HOURS_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct served {
	int64_t volunteer_id;
	int64_t minutes;
	char name[204];  /* filled by the list */
	char phone[32];
};

/* The volunteers who served in the activity, by name (pinyin). */
enum err hours_store_served_list(struct db *db, int64_t activity_id, void (*fn)(const struct served *s, void *ctx),
				 void *ctx);
/* Replaces the set of volunteers who served in the activity (unit_id: the activity's unit,
 * date: its date). Each volunteer must be on that unit's roster and on it at that date:
 * ERR_INVALID volunteer_not_in_unit / volunteer_not_active with field "items[i].volunteer_id".
 * Duplicates: ERR_INVALID duplicate_volunteer. */
enum err hours_store_served_replace(struct db *db, int64_t activity_id, int64_t unit_id, const char *date,
				    const struct served *items, size_t n, struct err_detail *d);

/* Records (or replaces) one volunteer's time in an activity, and moves the activity's version. */
enum err hours_store_served_upsert(struct db *db, int64_t activity_id, int64_t volunteer_id, int64_t minutes);

/* The unit's self-report token ("" when none). */
enum err hours_store_link_get(struct db *db, int64_t unit_id, char token[64], int64_t *created_at);
/* Sets a new token for the unit (the old one stops working). */
enum err hours_store_link_set(struct db *db, int64_t unit_id, const char *token, int64_t user_id, int64_t now);
enum err hours_store_link_delete(struct db *db, int64_t unit_id);
/* The unit a token belongs to: ERR_NOT_FOUND when none. */
enum err hours_store_link_find(struct db *db, const char *token, int64_t *unit_id);

struct hour_report {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char unit_region_code[7];
	int64_t volunteer_id; /* 0 until matched */
	char volunteer_name[204];
	char name[204];
	char phone[32];
	char service_date[11];
	int year;
	int64_t minutes;
	int64_t activity_id; /* 0 when none */
	char activity_title[404];
	char description[8004];
	char status[12]; /* pending, approved, declined */
	char reason[804];
	char decided_by[128]; /* display name */
	int64_t decided_at;
	int64_t version;
	int64_t created_at;
};

struct hour_report_filter {
	int64_t unit_id, volunteer_id;
	const char *status, *region, *q;
	int q_phone; /* q also matches the phone's start (only for those who see phones whole) */
	int page, per_page;
};

enum err hours_store_report_insert(struct db *db, struct hour_report *h, const char *client_ip, int64_t now,
				   struct err_detail *d);
enum err hours_store_report_list(struct db *db, const struct scope *scope, const struct hour_report_filter *f,
				 void (*fn)(const struct hour_report *h, void *ctx), void *ctx, int64_t *total);
enum err hours_store_report_get(struct db *db, const struct scope *scope, int64_t id, struct hour_report *out);
/* Decides a pending report: status approved (volunteer_id set) or declined (reason set). */
enum err hours_store_report_decide(struct db *db, struct hour_report *h, int64_t user_id, int64_t expected_version,
				   int64_t now, struct err_detail *d);
/* The unit's active volunteer whose phone is `phone`: ERR_NOT_FOUND when none, ERR_CONFLICT when
 * several. */
enum err hours_store_match_phone(struct db *db, int64_t unit_id, const char *phone, int64_t *volunteer_id);

/* Recent activities of the unit (since ≤ date ≤ until), newest first, at most max: for the self-report form. */
enum err hours_store_recent_activities(struct db *db, int64_t unit_id, const char *since, const char *until, int max,
				       void (*fn)(int64_t id, const char *title, const char *date, void *ctx), void *ctx);

#endif
