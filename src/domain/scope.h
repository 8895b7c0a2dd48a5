/* scope.h — data scope of a user (domain layer, pure C).
 * Decides which regions and units a scope covers and whether one scope may grant another.
 * Pure functions over caller-owned structs; no allocation. */
#ifndef WM_SCOPE_H
#define WM_SCOPE_H
#include <stdint.h>

/* SCOPE_NONE is 0 on purpose: a zero-initialised struct scope covers nothing. */
enum scope_kind {
	SCOPE_NONE = 0,   /* covers nothing (fail closed) */
	SCOPE_ALL = 1,    /* every region and unit */
	SCOPE_REGION = 2, /* the region_code subtree */
	SCOPE_UNIT = 3,   /* the one unit unit_id */
};

struct scope {
	int kind;            /* enum scope_kind */
	char region_code[7]; /* SCOPE_REGION: a valid GB/T 2260 code; otherwise unused */
	int64_t unit_id;     /* SCOPE_UNIT: the unit; otherwise unused */
};

/* Rules:
 *   - The significant prefix of a region code is 2 digits for a province (150000 → "15"),
 *     4 for a prefecture (150600 → "1506"), all 6 for a county (150622 → "150622").
 *   - A region scope covers a region when the region's code is a valid code starting with the
 *     scope's prefix: 150600 covers 150600 and 150622 but not 150100 or 150000 (its parent).
 *   - SCOPE_ALL covers every region and unit; SCOPE_UNIT covers no region, only its own unit;
 *     SCOPE_NONE and unknown kinds cover nothing. A region scope whose region_code is malformed
 *     covers nothing.
 *   - A region scope covers a unit when it covers the unit's region code.
 *   - "Within" (a user may not grant a scope wider than their own): granted ⊆ granter.
 *       granted ALL     only under granter ALL;
 *       granted REGION  under ALL, or under a REGION that covers granted.region_code
 *                       (granted.region_code must be valid);
 *       granted UNIT    when the granter covers the unit (needs the unit's region code);
 *       granted NONE    always (the empty scope is within any scope);
 *       unknown kinds   never. */

/* Writes the significant prefix of region_code into out and returns its length (2, 4 or 6).
 * A malformed code gives 0 and out = "". */
int scope_region_prefix(const char *region_code, char out[7]);

/* 1 when s covers the region region_code, else 0 (NULL s or region_code gives 0). */
int scope_covers_region(const struct scope *s, const char *region_code);

/* 1 when s covers the unit unit_id whose region is unit_region_code (may be NULL for a unit-
 * scope check, which compares ids only), else 0. */
int scope_covers_unit(const struct scope *s, int64_t unit_id, const char *unit_region_code);

/* 1 when granted is within granter, else 0. granted_unit_region_code is the region code of
 * granted->unit_id and is only read when granted is a unit scope. NULL scopes give 0. */
int scope_is_within(const struct scope *granter, const struct scope *granted,
		    const char *granted_unit_region_code);

#endif
