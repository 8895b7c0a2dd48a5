/* exemplar_store.h — the creation ledger's exemplars (先进典型) (store layer). Scoped by unit. */
#ifndef WM_EXEMPLAR_STORE_H
#define WM_EXEMPLAR_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct exemplar {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char unit_region_code[7];
	char kind[32];   /* moral_model, moral_model_collective, good_person, excellent_staff, ... */
	char name[204];
	char level[8];   /* unit, banner, city, region, nation */
	int year;
	char virtue[16]; /* "" or social, professional, family, personal (四德) */
	char deeds[8004];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

struct exemplar_filter {
	int64_t unit_id;
	const char *kind, *level, *region, *q;
	int year;
	int page, per_page;
};

enum err exemplar_store_list(struct db *db, const struct scope *scope, const struct exemplar_filter *f,
			     void (*fn)(const struct exemplar *e, void *ctx), void *ctx, int64_t *total);
enum err exemplar_store_get(struct db *db, const struct scope *scope, int64_t id, struct exemplar *out);
enum err exemplar_store_insert(struct db *db, struct exemplar *e, int64_t now, struct err_detail *d);
enum err exemplar_store_update(struct db *db, struct exemplar *e, int64_t expected_version, int64_t now,
			       struct err_detail *d);
enum err exemplar_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);

#endif
