/* lookup_store.h — finding records by the names people write in import files (store layer):
 * a unit by its name or its unified social credit code, a partner by its name, a volunteer by
 * name (and phone), all within a scope. */
#ifndef WM_LOOKUP_STORE_H
#define WM_LOOKUP_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct lookup_unit {
	int64_t id;
	char name[404];
	char region_code[7];
	char status[16];
	int64_t staff;
};

/* ERR_OK, ERR_NOT_FOUND (none in scope), ERR_CONFLICT (several units of that name), ERR_DB. */
enum err lookup_unit(struct db *db, const struct scope *scope, const char *name_or_uscc, struct lookup_unit *out);
/* The unit with that id in scope. */
enum err lookup_unit_by_id(struct db *db, const struct scope *scope, int64_t id, struct lookup_unit *out);
/* A partner located in scope by exact name; kind "" for any. Same results. */
enum err lookup_partner(struct db *db, const struct scope *scope, const char *name, const char *kind, int64_t *id,
			char *kind_out, size_t kind_len);
/* A volunteer of the unit by name, and by phone digits when phone is not empty. */
enum err lookup_volunteer(struct db *db, int64_t unit_id, const char *name, const char *phone, int64_t *id);
/* An activity of the unit on date with that title. */
enum err lookup_activity(struct db *db, int64_t unit_id, const char *date, const char *title, int64_t *id);
/* An active dictionary item by code or label: the code into code_out. */
enum err lookup_dict(struct db *db, const char *kind, const char *code_or_label, char *code_out, size_t code_len);

#endif
