/* scope.c — coverage and containment of data scopes (domain layer, pure C).
 * The rules are listed in scope.h. */
#include "scope.h"

#include <string.h>

#include "region_code.h"

/* The scope's region code as a C string, or NULL when the array is not NUL-terminated. */
static const char *scope_region_of(const struct scope *s)
{
	return memchr(s->region_code, '\0', sizeof s->region_code) ? s->region_code : NULL;
}

int scope_region_prefix(const char *region_code, char out[7])
{
	int level = region_code_level(region_code);
	int n = 2 * level;

	out[0] = '\0';
	if (level == 0) {
		return 0;
	}
	memcpy(out, region_code, (size_t)n);
	out[n] = '\0';
	return n;
}

int scope_covers_region(const struct scope *s, const char *region_code)
{
	char prefix[7];
	int n;

	if (!s || !region_code) {
		return 0;
	}
	switch (s->kind) {
	case SCOPE_ALL:
		return 1;
	case SCOPE_REGION:
		n = scope_region_prefix(scope_region_of(s), prefix);
		if (n == 0 || region_code_level(region_code) == 0) {
			return 0;
		}
		return strncmp(region_code, prefix, (size_t)n) == 0;
	default:
		return 0;
	}
}

int scope_covers_unit(const struct scope *s, int64_t unit_id, const char *unit_region_code)
{
	if (!s) {
		return 0;
	}
	switch (s->kind) {
	case SCOPE_ALL:
		return 1;
	case SCOPE_REGION:
		return scope_covers_region(s, unit_region_code);
	case SCOPE_UNIT:
		return unit_id == s->unit_id;
	default:
		return 0;
	}
}

int scope_is_within(const struct scope *granter, const struct scope *granted,
		    const char *granted_unit_region_code)
{
	if (!granter || !granted) {
		return 0;
	}
	switch (granted->kind) {
	case SCOPE_NONE:
		return 1;
	case SCOPE_ALL:
		return granter->kind == SCOPE_ALL;
	case SCOPE_REGION:
		if (region_code_level(scope_region_of(granted)) == 0) {
			return 0;
		}
		/* ALL covers every region, REGION its subtree, UNIT and NONE no region. */
		return scope_covers_region(granter, granted->region_code);
	case SCOPE_UNIT:
		return scope_covers_unit(granter, granted->unit_id, granted_unit_region_code);
	default:
		return 0;
	}
}
