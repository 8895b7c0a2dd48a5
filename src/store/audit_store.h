/* audit_store.h — the append-only, hash-chained audit log (store layer).
 * audit_append runs inside the caller's write transaction, so a change and its audit entry
 * commit or roll back together. Each entry's hash covers its fields and the previous hash. */
#ifndef WM_AUDIT_STORE_H
#define WM_AUDIT_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct audit_entry {
	int64_t id;
	int64_t at_ms;
	int64_t actor_id;
	const char *actor_name;
	const char *action;   /* create, update, delete, login, … */
	const char *entity;   /* unit, title, user, region, … */
	const char *entity_id;
	const char *region_code; /* the region the change belongs to (scopes who may read it) */
	const char *before_json; /* NULL when none */
	const char *after_json;
	const char *request_id;
	const char *ip;
	const char *prev_hash;
	const char *hash;
};

enum err audit_append(struct db *db, const struct audit_entry *e);

struct audit_filter {
	const char *entity, *entity_id, *actor, *action;
	int64_t from_ms, to_ms; /* 0 = open */
	int page, per_page;
	int64_t after_id; /* keyset: entries with id < after_id (newest first) */
};
/* Newest first. fn gets borrowed strings valid during the call. */
enum err audit_list(struct db *db, const struct scope *scope, const struct audit_filter *f,
		    void (*fn)(const struct audit_entry *e, void *ctx), void *ctx, int64_t *total);

/* Recomputes the chain. *checked = entries checked; *broken_id = first bad entry or 0. */
enum err audit_verify(struct db *db, int64_t *checked, int64_t *broken_id, char *why, size_t why_len);

#endif
