/* scope_sql.c — scope conditions for SQL (store layer). Region scopes use the level column
 * (prov_code/city_code/region_code) so the condition is an equality an index can serve. */
#include "scope_sql.h"

#include <stdio.h>
#include <string.h>

static void scope_sql_levels(struct sqlb *q, const struct scope *s, const char *alias, int unit_rows)
{
	char col[64];
	if (!s) {
		sqlb_sql(q, "1=1");
		return;
	}
	switch (s->kind) {
	case SCOPE_ALL:
		sqlb_sql(q, "1=1");
		return;
	case SCOPE_UNIT:
		if (!unit_rows) {
			break;
		}
		snprintf(col, sizeof col, "%s.id = ", alias);
		sqlb_sql(q, col);
		sqlb_int(q, s->unit_id);
		return;
	case SCOPE_REGION: {
		char prefix[7];
		int n = scope_region_prefix(s->region_code, prefix);
		const char *which = n == 2 ? "prov_code" : n == 4 ? "city_code" : n == 6 ? "region_code" : NULL;
		if (!which) {
			break;
		}
		snprintf(col, sizeof col, "%s.%s = ", alias, which);
		sqlb_sql(q, col);
		sqlb_text(q, s->region_code);
		return;
	}
	default:
		break;
	}
	sqlb_sql(q, "1=0");
}

void scope_sql_unit(struct sqlb *q, const struct scope *s, const char *alias)
{
	scope_sql_levels(q, s, alias, 1);
}

void scope_sql_located(struct sqlb *q, const struct scope *s, const char *alias)
{
	scope_sql_levels(q, s, alias, 0);
}

void scope_sql_region(struct sqlb *q, const struct scope *s, const char *column)
{
	if (!s || s->kind == SCOPE_ALL) {
		sqlb_sql(q, "1=1");
		return;
	}
	char prefix[7];
	int n = s->kind == SCOPE_REGION ? scope_region_prefix(s->region_code, prefix) : 0;
	if (n == 0) {
		sqlb_sql(q, "1=0");
		return;
	}
	/* [prefix, prefix with its last digit + 1): every 6-digit code starting with prefix. */
	char upper[7];
	memcpy(upper, prefix, (size_t)n + 1);
	upper[n - 1] = (char)(upper[n - 1] + 1);
	sqlb_sql(q, "(");
	sqlb_sql(q, column);
	sqlb_sql(q, " >= ");
	sqlb_text(q, prefix);
	sqlb_sql(q, " AND ");
	sqlb_sql(q, column);
	sqlb_sql(q, " < ");
	sqlb_text(q, upper);
	sqlb_sql(q, ")");
}
