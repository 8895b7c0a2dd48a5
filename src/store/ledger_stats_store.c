/* ledger_stats_store.c — cross-kind ledger figures (store layer). Every query joins units and
 * applies the one scope condition, so a figure never counts what its reader may not see. */
#include "ledger_stats_store.h"

#include <stdio.h>
#include <string.h>

#include "../util/buf.h"
#include "db.h"
#include "scope_sql.h"
#include "sqlb.h"

/* " AND <scope> [AND region] [AND unit]" on units aliased u. */
static void stats_where(struct sqlb *q, const struct scope *scope, const struct ledger_stats_filter *f)
{
	sqlb_sql(q, " AND ");
	scope_sql_unit(q, scope, "u");
	if (f->region && *f->region) {
		struct scope rs = {.kind = SCOPE_REGION};
		str_copy(rs.region_code, sizeof rs.region_code, f->region);
		sqlb_sql(q, " AND ");
		scope_sql_unit(q, &rs, "u");
	}
	if (f->unit_id) {
		sqlb_sql(q, " AND u.id = ");
		sqlb_int(q, f->unit_id);
	}
}

/* Runs q and hands each row to row(); cleans q up. */
static enum err stats_run(struct sqlb *q, struct db *db, void (*row)(struct db_stmt *st, void *ctx), void *ctx)
{
	struct db_stmt *st;
	enum db_rc rc = sqlb_prepare(q, db, &st);
	sqlb_cleanup(q);
	if (rc != DB_OK) {
		return ERR_DB;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		row(st, ctx);
	}
	db_stmt_free(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

static void stats_ints(struct db_stmt *st, void *ctx)
{
	int64_t *out = ctx;
	int n = db_col_count(st);
	for (int i = 0; i < n; i++) {
		out[i] = db_col_int64(st, i);
	}
}

struct stats_month_ctx {
	int64_t *months;
};

static void stats_month_row(struct db_stmt *st, void *ctx)
{
	struct ledger_stats *s = ctx;
	int m = (int)db_col_int64(st, 0);
	if (m >= 1 && m <= 12) {
		s->minutes_by_month[m] += db_col_int64(st, 1);
		s->minutes += db_col_int64(st, 1);
	}
}

struct stats_group_ctx {
	char group;
	void (*fn)(char group, const char *key, int64_t n, int64_t amount, int64_t kg, void *ctx);
	void *ctx;
};

static void stats_group_row(struct db_stmt *st, void *arg)
{
	struct stats_group_ctx *g = arg;
	g->fn(g->group, db_col_text(st, 0), db_col_int64(st, 1), db_col_int64(st, 2), db_col_int64(st, 3), g->ctx);
}

enum err ledger_stats_load(struct db *db, const struct scope *scope, const struct ledger_stats_filter *f,
			   struct ledger_stats *out,
			   void (*fn)(char group, const char *key, int64_t n, int64_t amount, int64_t kg, void *ctx),
			   void *ctx)
{
	memset(out, 0, sizeof *out);
	char year_start[11];
	snprintf(year_start, sizeof year_start, "%04d-01-01", f->year);
	struct sqlb q;
	int64_t v[4] = {0};

	/* units, staff, volunteers on the roster at year end, coverage at year end */
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT count(*), CAST(COALESCE(SUM(u.staff_count), 0) AS BIGINT),"
		     " CAST(COALESCE(SUM((SELECT count(*) FROM volunteers v WHERE v.unit_id = u.id"
		     " AND (v.joined_date IS NULL OR v.joined_date <= ");
	sqlb_text(&q, f->year_end);
	sqlb_sql(&q, ") AND (v.status = 'active' OR v.left_date > ");
	sqlb_text(&q, f->year_end);
	sqlb_sql(&q, "))), 0) AS BIGINT), 0 FROM units u WHERE u.status = 'active'");
	stats_where(&q, scope, f);
	if (stats_run(&q, db, stats_ints, v) != ERR_OK) {
		return ERR_DB;
	}
	out->units = v[0];
	out->staff = v[1];
	out->volunteers = v[2];

	/* titled units whose roster at year end is under 20 % of their staff (the same roster as above) */
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT count(*) FROM units u WHERE u.status = 'active' AND u.top_title_id IS NOT NULL"
		     " AND u.staff_count > 0 AND (SELECT count(*) FROM volunteers v WHERE v.unit_id = u.id"
		     " AND (v.joined_date IS NULL OR v.joined_date <= ");
	sqlb_text(&q, f->year_end);
	sqlb_sql(&q, ") AND (v.status = 'active' OR v.left_date > ");
	sqlb_text(&q, f->year_end);
	sqlb_sql(&q, ")) * 5 < u.staff_count");
	stats_where(&q, scope, f);
	memset(v, 0, sizeof v);
	if (stats_run(&q, db, stats_ints, v) != ERR_OK) {
		return ERR_DB;
	}
	out->units_below_ratio = v[0];

	for (int kind = 0; kind < 2; kind++) {
		sqlb_init(&q);
		sqlb_sql(&q, "SELECT count(*) FROM units u WHERE u.status = 'active' AND EXISTS (SELECT 1 FROM pairings g"
			     " WHERE g.unit_id = u.id AND g.kind = ");
		sqlb_text(&q, kind == 0 ? "city_creation" : "rural_revitalization");
		sqlb_sql(&q, " AND g.start_date <= ");
		sqlb_text(&q, f->year_end);
		sqlb_sql(&q, " AND (g.end_date IS NULL OR g.end_date >= ");
		sqlb_text(&q, f->year_end);
		sqlb_sql(&q, "))");
		stats_where(&q, scope, f);
		memset(v, 0, sizeof v);
		if (stats_run(&q, db, stats_ints, v) != ERR_OK) {
			return ERR_DB;
		}
		*(kind == 0 ? &out->with_community : &out->with_village) = v[0];
	}

	/* hours by month: served in the year's activities, then approved self-reports of the year */
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT CAST(substr(a.activity_date, 6, 2) AS INTEGER), CAST(SUM(av.minutes) AS BIGINT)"
		     " FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id JOIN units u ON u.id = a.unit_id"
		     " WHERE a.year = ");
	sqlb_int(&q, f->year);
	stats_where(&q, scope, f);
	sqlb_sql(&q, " GROUP BY CAST(substr(a.activity_date, 6, 2) AS INTEGER)");
	if (stats_run(&q, db, stats_month_row, out) != ERR_OK) {
		return ERR_DB;
	}
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT CAST(substr(h.service_date, 6, 2) AS INTEGER), CAST(SUM(h.minutes) AS BIGINT)"
		     " FROM hour_reports h JOIN units u ON u.id = h.unit_id WHERE h.status = 'approved' AND h.year = ");
	sqlb_int(&q, f->year);
	stats_where(&q, scope, f);
	sqlb_sql(&q, " GROUP BY CAST(substr(h.service_date, 6, 2) AS INTEGER)");
	if (stats_run(&q, db, stats_month_row, out) != ERR_OK) {
		return ERR_DB;
	}
	sqlb_init(&q);
	sqlb_sql(&q, "SELECT count(*) FROM hour_reports h JOIN units u ON u.id = h.unit_id WHERE h.status = 'pending'");
	stats_where(&q, scope, f);
	memset(v, 0, sizeof v);
	if (stats_run(&q, db, stats_ints, v) != ERR_OK) {
		return ERR_DB;
	}
	out->reports_pending = v[0];

	/* groups: exemplars by kind and by level, aid by kind, ads by carrier */
	static const struct {
		char group;
		const char *sql;
	} groups[] = {
		{'e', "SELECT x.kind, count(*), 0, 0 FROM exemplars x JOIN units u ON u.id = x.unit_id WHERE x.year = "},
		{'l', "SELECT x.level, count(*), 0, 0 FROM exemplars x JOIN units u ON u.id = x.unit_id WHERE x.year = "},
		{'a', "SELECT x.kind, count(*), CAST(COALESCE(SUM(x.amount_fen), 0) AS BIGINT),"
		      " CAST(COALESCE(SUM(CASE WHEN x.quantity_unit = 'kg' THEN x.quantity ELSE 0 END), 0) AS BIGINT)"
		      " FROM aid_records x JOIN units u ON u.id = x.unit_id WHERE x.year = "},
		{'c', "SELECT x.carrier, count(*), CAST(COALESCE(SUM(x.count), 0) AS BIGINT), 0"
		      " FROM public_service_ads x JOIN units u ON u.id = x.unit_id WHERE x.year = "},
	};
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		sqlb_init(&q);
		sqlb_sql(&q, groups[i].sql);
		sqlb_int(&q, f->year);
		stats_where(&q, scope, f);
		sqlb_sql(&q, " GROUP BY 1 ORDER BY 1");
		struct stats_group_ctx g = {groups[i].group, fn, ctx};
		if (stats_run(&q, db, stats_group_row, &g) != ERR_OK) {
			return ERR_DB;
		}
	}
	return ERR_OK;
}
