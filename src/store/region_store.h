/* region_store.h — the region tree (GB/T 2260) and dictionaries (store layer). */
#ifndef WM_REGION_STORE_H
#define WM_REGION_STORE_H
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct region {
	char code[7];
	char name[128];
	char parent_code[7];
	int level;
	int64_t version;
};

/* Regions in scope, ordered by code. */
enum err region_store_list(struct db *db, const struct scope *scope, void (*fn)(const struct region *g, void *ctx),
			   void *ctx);
enum err region_store_get(struct db *db, const struct scope *scope, const char *code, struct region *out);
/* ERR_CONFLICT region_exists; the parent must exist (ERR_INVALID region_parent). */
enum err region_store_insert(struct db *db, const struct region *g, int64_t now, struct err_detail *d);
enum err region_store_update(struct db *db, struct region *g, int64_t expected_version, int64_t now,
			     struct err_detail *d);

struct dict_item {
	int64_t id;
	char kind[32];
	char code[64];
	char label[256];
	int sort;
	int active;
	int64_t version;
};
enum err dict_store_list(struct db *db, const char *kind, void (*fn)(const struct dict_item *it, void *ctx),
			 void *ctx);
enum err dict_store_get(struct db *db, int64_t id, struct dict_item *out);
enum err dict_store_insert(struct db *db, struct dict_item *it, int64_t now, struct err_detail *d);
enum err dict_store_update(struct db *db, struct dict_item *it, int64_t expected_version, int64_t now,
			   struct err_detail *d);

#endif
