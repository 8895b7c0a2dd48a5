/* imp.h — importing ledger lists from .xlsx / .csv files (http layer). h_imports.c reads the
 * file row by row (codec/sheet.h), maps its columns to a kind's fields (by header or by the
 * caller's mapping), and hands each row to the kind's row function inside one transaction;
 * every problem is collected as (row, column, message) and nothing is written unless every row
 * is valid. Each kind lives in its own imp_<kind>.c and is listed in h_imports.c. */
#ifndef WM_IMP_H
#define WM_IMP_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../store/lookup_store.h"
#include "req.h"

struct imp_field {
	const char *key;     /* mapping key, e.g. "activity_date" */
	const char *label;   /* the template's header, e.g. "活动日期" */
	int required;
	const char *aliases; /* other headers accepted, '|' separated, or NULL */
	const char *example; /* the template's example value */
};

#define IMP_MAX_FIELDS 24
#define IMP_MAX_ERRORS 200

struct imp_unit_cache;

struct imp_ctx {
	struct req *r;
	struct db *db;
	int64_t now;
	char today[11];
	int64_t row_no;        /* the row being read, as the spreadsheet numbers it */
	const char *v[IMP_MAX_FIELDS]; /* the row's values by field (trimmed; "" when unmapped or empty) */
	const char *headers[IMP_MAX_FIELDS]; /* the file's header of each mapped field */
	int failed;            /* a row had an error: go on validating, write nothing more */
	int64_t rows_ok;
	json_t *errors;
	int64_t n_errors;
	struct imp_unit_cache *units;
	void *kind_state;      /* owned by the kind (init/finish) */
	const struct imp_kind *kind;
};

struct imp_kind {
	const char *key;    /* path segment: activities, volunteers, … */
	const char *label;  /* 活动记录 … */
	const char *entity; /* audit entity of the batch */
	const struct imp_field *fields;
	size_t n_fields;
	/* Validates the row in c->v and, unless c->failed, writes it; reports each problem with
	 * imp_error(). */
	void (*row)(struct imp_ctx *c);
	void (*init)(struct imp_ctx *c);   /* may be NULL */
	void (*finish)(struct imp_ctx *c); /* may be NULL; frees kind_state */
	unsigned roles; /* ROLE_* that may import this kind (403 for others); 0: all the route allows */
};

/* Records a problem of the current row in field (index into the kind's fields, or -1 for the
 * whole row). Always returns 0 so row functions can `return imp_error(...)`. */
int imp_error(struct imp_ctx *c, int field, const char *message);
/* The unit named (or coded) in field, within the caller's scope; for a unit liaison an empty
 * cell means their own unit. Active units only. 0 after imp_error. */
int imp_unit(struct imp_ctx *c, int field, struct lookup_unit *out);
/* A date field (see domain/cell.h); required or "" allowed. 0 after imp_error. */
int imp_date(struct imp_ctx *c, int field, int required, char out[11]);
/* An integer field within [min, max]; empty gives def (or an error when required). */
int imp_int(struct imp_ctx *c, int field, int required, int64_t min, int64_t max, int64_t def, int64_t *out);
/* Reports a domain validation failure d against the field named d->field (or the row). */
int imp_detail(struct imp_ctx *c, const struct err_detail *d);

/* ---- shared by the kinds (imp_util.c) ---- */

/* One word of a closed vocabulary: its code, and other words people write for it ('|'
 * separated, or NULL). */
struct imp_choice {
	const char *code;
	const char *aliases;
};
/* The code text names: a code itself, its label(code), the label without its bracketed part
 * ("社区" for 社区（小区）) or one of its '/'-separated parts, or an alias; brackets may be ASCII or
 * full-width. NULL when none does. */
const char *imp_choice(const char *text, const struct imp_choice *choices, size_t n,
		       const char *(*label)(const char *));
/* A string-keyed map for the kinds' caches; values are malloc'ed by the caller, freed with it. */
struct imp_memo;
struct imp_memo *imp_memo_new(void);
void imp_memo_free(struct imp_memo *m);
/* The value slot of key, added holding NULL when missing. */
void **imp_memo_slot(struct imp_memo *m, const char *key);
/* The partner named in field, located as the API locates it (the caller's scope; a liaison's is
 * their unit's region), of kind ("" any; when none of that kind has the name, one of another
 * kind is returned so the caller can say the kind is wrong). Lookups are cached in memo. Fills
 * *id and kind_out (≥ 16 bytes); 0 after imp_error. */
int imp_partner(struct imp_ctx *c, struct imp_memo *memo, int field, const char *kind, int64_t *id, char *kind_out);
/* An end date: "" (or 长期, 至今) for open, else a date like imp_date. 0 after imp_error. */
int imp_end_date(struct imp_ctx *c, int field, char out[11]);
/* imp_detail with the domain's field names renamed: pairs {domain field, import key}, NULL-ended. */
int imp_detail_as(struct imp_ctx *c, const struct err_detail *d, const char *const *renames);

extern const struct imp_kind imp_activities;
extern const struct imp_kind imp_volunteers;
extern const struct imp_kind imp_hours;
extern const struct imp_kind imp_partners;
extern const struct imp_kind imp_pairings;
extern const struct imp_kind imp_exemplars;
extern const struct imp_kind imp_aid;
extern const struct imp_kind imp_publicity;

#endif
