/* scope_sql.h — the one place data scope becomes SQL (store layer). Every scoped read, list,
 * update and delete appends one of these conditions, so a scope rule lives here only. */
#ifndef WM_SCOPE_SQL_H
#define WM_SCOPE_SQL_H

#include "../domain/scope.h"
#include "sqlb.h"

/* Condition on a units row aliased `alias` (uses its prov_code/city_code/region_code/id). */
void scope_sql_unit(struct sqlb *q, const struct scope *s, const char *alias);
/* The same for other rows located by prov_code/city_code/region_code (partners); a unit scope
 * covers none of them. */
void scope_sql_located(struct sqlb *q, const struct scope *s, const char *alias);
/* Condition on a column holding a region code (regions.code, users.region_code, …): the
 * column's code lies in the scope's subtree. A unit scope covers no region here. */
void scope_sql_region(struct sqlb *q, const struct scope *s, const char *column);

#endif
