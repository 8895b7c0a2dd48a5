/* aid_store.h — the creation ledger's aid records (帮扶记录): first secretary, industry project,
 * purchase aid, donation, matched funds (store layer). Scoped by unit. Money is integer fen. */
#ifndef WM_AID_STORE_H
#define WM_AID_STORE_H
#include <stddef.h>
#include <stdint.h>

#include "../domain/scope.h"
#include "../util/err.h"

struct db;

struct aid_record {
	int64_t id;
	int64_t unit_id;
	char unit_name[404];
	char unit_region_code[7];
	char kind[24];          /* first_secretary, industry_project, purchase_aid, donation, aid_funds */
	int64_t partner_id;     /* 0 when none */
	char partner_name[404];
	char aid_date[11];
	int year;               /* of aid_date */
	char end_date[11];      /* "" when open or not applicable (first secretary: to) */
	char person[204];       /* first secretary */
	char item[404];         /* project name / product */
	int64_t quantity;       /* purchase aid, in quantity_unit */
	char quantity_unit[8];  /* "" or kg, head, piece, box, bag */
	int64_t amount_fen;     /* investment / purchase amount / donation / funds */
	char description[8004];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

struct aid_filter {
	int64_t unit_id, partner_id;
	const char *kind, *region, *q;
	const char *from, *to; /* aid_date, inclusive */
	int year;
	int page, per_page;
};

/* Totals of the filter's records by kind: fn(kind, records, amount_fen, quantity_kg) per kind. */
struct aid_totals_row {
	const char *kind;
	int64_t records, amount_fen, quantity_kg;
};

enum err aid_store_list(struct db *db, const struct scope *scope, const struct aid_filter *f,
			void (*fn)(const struct aid_record *a, void *ctx), void *ctx, int64_t *total);
enum err aid_store_totals(struct db *db, const struct scope *scope, const struct aid_filter *f,
			  void (*fn)(const struct aid_totals_row *t, void *ctx), void *ctx);
enum err aid_store_get(struct db *db, const struct scope *scope, int64_t id, struct aid_record *out);
enum err aid_store_insert(struct db *db, struct aid_record *a, int64_t now, struct err_detail *d);
enum err aid_store_update(struct db *db, struct aid_record *a, int64_t expected_version, int64_t now,
			  struct err_detail *d);
enum err aid_store_delete(struct db *db, int64_t id, int64_t expected_version, struct err_detail *d);

#endif
