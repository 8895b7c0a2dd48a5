/* user_store.h — users, sessions, API tokens and login throttling (store layer).
 * Portable SQL for both engines. Functions take a borrowed connection; results go into
 * caller-owned structs. Reads that take a scope answer ERR_NOT_FOUND outside it. */
#ifndef WM_USER_STORE_H
#define WM_USER_STORE_H
#include <stdint.h>

#include "../domain/principal.h"
#include "../util/err.h"

struct db;
struct buf;

struct user {
	int64_t id;
	char username[64];
	char display_name[128];
	char role[16];
	char region_code[7];  /* "" for none */
	char region_name[128];
	int64_t unit_id;      /* 0 for none */
	char unit_name[256];
	int must_change_password;
	int disabled;
	int64_t last_login_at;
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
	char password_hash[128];
};

/* Builds the principal (role bit, scope) of a user row. */
void user_to_principal(const struct user *u, struct principal *p);

enum err user_store_get_by_username(struct db *db, const char *username, struct user *out);
/* Scoped read: ERR_NOT_FOUND when missing or outside scope. scope NULL = no restriction. */
enum err user_store_get(struct db *db, const struct scope *scope, int64_t id, struct user *out);

struct user_filter {
	const char *q;
	const char *role;
	int page, per_page;
};
/* Calls fn for each user of the page; *total is the number matching. */
enum err user_store_list(struct db *db, const struct scope *scope, const struct user_filter *f,
			 void (*fn)(const struct user *u, void *ctx), void *ctx, int64_t *total);

/* Inserts; out->id/version/created_at set. ERR_CONFLICT username_taken. */
enum err user_store_insert(struct db *db, struct user *u, int64_t now, struct err_detail *d);
/* Updates display_name, role, region_code, unit_id, disabled, must_change_password,
 * password_hash when version matches; ERR_CONFLICT version_conflict otherwise. */
enum err user_store_update(struct db *db, struct user *u, int64_t expected_version, int64_t now,
			   struct err_detail *d);
enum err user_store_set_last_login(struct db *db, int64_t id, int64_t now);
int64_t user_store_count(struct db *db);

/* Sessions: id is the SHA-256 hex of the cookie value. */
enum err session_store_create(struct db *db, const char *id, int64_t user_id, const char *csrf,
			      const char *ip, int64_t now);
/* Finds a live session and its user (not disabled). Expired sessions are deleted and give
 * ERR_NOT_FOUND. */
enum err session_store_lookup(struct db *db, const char *id, int64_t now, int idle_s, int max_s,
			      struct user *u, char csrf[64]);
enum err session_store_delete(struct db *db, const char *id);
enum err session_store_delete_for_user(struct db *db, int64_t user_id, const char *except_id);

/* API tokens: hash is the SHA-256 hex of the token. */
enum err token_store_insert(struct db *db, const char *name, int64_t user_id, const char *hash,
			    int64_t now, int64_t *id);
enum err token_store_lookup(struct db *db, const char *hash, struct user *u);
/* ERR_NOT_FOUND when no live token has that id or name. */
enum err token_store_revoke(struct db *db, const char *id_or_name, int64_t now);
/* One line per token into out: "id\tname\tusername\tcreated\trevoked". */
enum err token_store_list(struct db *db, struct buf *out);

/* Login throttling by key ("u:NAME" or "ip:ADDR"). *retry_after > 0 when locked. */
enum err throttle_check(struct db *db, const char *key, int64_t now, int *retry_after);
/* Records a failure; locks the key for lock_s when failures reach max within window_s. */
enum err throttle_fail(struct db *db, const char *key, int64_t now, int max, int window_s, int lock_s);
enum err throttle_clear(struct db *db, const char *key);

#endif
