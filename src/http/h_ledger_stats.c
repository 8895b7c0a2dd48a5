/* h_ledger_stats.c — the creation ledger's statistics across kinds (http layer): for a unit or a
 * region subtree and a year — activities by type and month, volunteers and their ratio to staff,
 * service hours by month, exemplars by kind and level, aid totals (money, kg), public-service
 * ads by carrier, pairing coverage. One call answers the statistics page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/aid.h"
#include "../domain/ledger.h"
#include "../domain/ledger_records.h"
#include "../domain/money.h"
#include "../domain/region_code.h"
#include "../store/activity_store.h"
#include "../store/ledger_stats_store.h"
#include "../store/unit_store.h"
#include "../util/xalloc.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

struct lstats_ctx {
	json_t *exemplars, *levels, *aid, *ads;
	int64_t ex_total, aid_records, aid_fen, aid_kg, n_ads, ad_pieces;
	json_t *types;
	int64_t act_months[13], act_total, participants;
};

static json_t *lstats_money(int64_t fen, int wan)
{
	char t[MONEY_TEXT_MAX];
	if (wan) {
		money_format_wan(fen, t, sizeof t);
	} else {
		money_format_yuan(fen, t, sizeof t);
	}
	return json_string(t);
}

static void lstats_group(char group, const char *key, int64_t n, int64_t amount, int64_t kg, void *arg)
{
	struct lstats_ctx *c = arg;
	if (group == 'e') {
		c->ex_total += n;
		json_array_append_new(c->exemplars, json_pack("{s:s, s:s, s:I}", "kind", key, "label",
							      ledger_exemplar_kind_label(key), "n", (json_int_t)n));
	} else if (group == 'l') {
		json_array_append_new(c->levels, json_pack("{s:s, s:s, s:I}", "level", key, "label",
							   ledger_exemplar_level_label(key), "n", (json_int_t)n));
	} else if (group == 'a') {
		c->aid_records += n;
		c->aid_fen += amount;
		c->aid_kg += kg;
		json_array_append_new(c->aid, json_pack("{s:s, s:s, s:I, s:I, s:o, s:o, s:I}", "kind", key, "label",
							ledger_aid_kind_label(key), "records", (json_int_t)n, "amount_fen",
							(json_int_t)amount, "amount_yuan", lstats_money(amount, 0), "amount_wan",
							lstats_money(amount, 1), "quantity_kg", (json_int_t)kg));
	} else if (group == 'c') {
		c->n_ads += n;
		c->ad_pieces += amount;
		json_array_append_new(c->ads, json_pack("{s:s, s:s, s:I, s:I}", "carrier", key, "label",
							ledger_ad_carrier_label(key), "records", (json_int_t)n, "pieces",
							(json_int_t)amount));
	}
}

static void lstats_activity_row(const char *type_code, const char *type_label, int month, int64_t n,
				int64_t participants, void *arg)
{
	struct lstats_ctx *c = arg;
	json_t *t = json_object_get(c->types, type_code);
	if (!t) {
		t = json_pack("{s:s, s:s, s:I}", "code", type_code, "label", type_label, "n", (json_int_t)0);
		json_object_set_new(c->types, type_code, t);
	}
	json_object_set_new(t, "n", json_integer(json_integer_value(json_object_get(t, "n")) + n));
	if (month >= 1 && month <= 12) {
		c->act_months[month] += n;
	}
	c->act_total += n;
	c->participants += participants;
}

/* Puts a breakdown in its vocabulary's order (the store groups by code, i.e. alphabetically). */
struct lstats_order_by {
	char vocab; /* 'a' aid kinds, else see ledger_record_code_index */
	const char *key;
};

static int lstats_rank(const json_t *item, const struct lstats_order_by *o)
{
	const char *code = json_string_value(json_object_get(item, o->key));
	int i = o->vocab == 'a' ? ledger_aid_kind_index(code) : ledger_record_code_index(o->vocab, code);
	return i < 0 ? 1000 : i;
}

static int lstats_cmp(const void *a, const void *b, void *arg)
{
	return lstats_rank(*(json_t *const *)a, arg) - lstats_rank(*(json_t *const *)b, arg);
}

static void lstats_order(json_t *arr, char vocab, const char *key)
{
	size_t n = json_array_size(arr);
	if (n < 2) {
		return;
	}
	json_t **items = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		items[i] = json_incref(json_array_get(arr, i));
	}
	struct lstats_order_by o = {vocab, key};
	qsort_r(items, n, sizeof *items, lstats_cmp, &o);
	json_array_clear(arr);
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, items[i]);
	}
	free(items);
}

static json_t *lstats_months(const int64_t *m)
{
	json_t *a = json_array();
	for (int i = 1; i <= 12; i++) {
		json_array_append_new(a, json_integer(m[i]));
	}
	return a;
}

static json_t *lstats_hours_months(const int64_t *m)
{
	json_t *a = json_array();
	for (int i = 1; i <= 12; i++) {
		char h[32];
		ledger_hours_text(m[i], h, sizeof h);
		json_array_append_new(a, json_string(h));
	}
	return a;
}

/* 1 decimal percent of part in whole, as text ("" when whole is 0). */
static json_t *lstats_percent(int64_t part, int64_t whole)
{
	if (whole <= 0) {
		return json_null();
	}
	int64_t tenths = (part * 1000 + whole / 2) / whole;
	char t[32];
	snprintf(t, sizeof t, "%lld.%lld", (long long)(tenths / 10), (long long)(tenths % 10));
	return json_string(t);
}

void h_ledger_stats(struct req *r)
{
	struct ledger_stats_filter f;
	memset(&f, 0, sizeof f);
	char today[11];
	ledger_date_of(handler_now(), today);
	const char *y = req_query(r, "year");
	f.year = ledger_date_year(today);
	if (y && *y) {
		char *end;
		long v = strtol(y, &end, 10);
		if (*end || v < 1949 || v > 2100) {
			reply_error(r, 400, "invalid_value", "年度应为1949到2100之间的整数", "year");
			return;
		}
		f.year = (int)v;
	}
	if (f.year > ledger_date_year(today)) {
		reply_error(r, 400, "invalid_value", "年度不能晚于今年", "year");
		return;
	}
	if (f.year == ledger_date_year(today)) {
		str_copy(f.year_end, sizeof f.year_end, today);
	} else {
		snprintf(f.year_end, sizeof f.year_end, "%04d-12-31", f.year);
	}
	f.region = req_query(r, "region");
	if (f.region && *f.region && region_code_level(f.region) == 0) {
		reply_error(r, 400, "region_code", "行政区划代码应为6位数字的有效代码", "region");
		return;
	}
	const char *unit = req_query(r, "unit_id");
	json_t *unit_json = json_null();
	if (unit && *unit) {
		char *end;
		long long v = strtoll(unit, &end, 10);
		if (*end || v <= 0 || strlen(unit) > 18) {
			reply_error(r, 400, "invalid_value", "unit_id 应为正整数", "unit_id");
			return;
		}
		struct unit u;
		enum err e = unit_store_get(req_db(r), &r->who.scope, v, &u);
		if (e == ERR_NOT_FOUND) {
			reply_error(r, 404, "unit_not_found", "单位不存在或不在您的管辖范围内", "unit_id");
			return;
		}
		if (e != ERR_OK) {
			reply_db_failure(r, "unit get");
			return;
		}
		f.unit_id = v;
		unit_json = json_pack("{s:I, s:s, s:I}", "id", (json_int_t)u.id, "name", u.name, "staff_count",
				      (json_int_t)u.staff_count);
	}
	struct lstats_ctx c;
	memset(&c, 0, sizeof c);
	c.exemplars = json_array();
	c.levels = json_array();
	c.aid = json_array();
	c.ads = json_array();
	c.types = json_object();
	struct ledger_stats s;
	struct activity_filter af = {.unit_id = f.unit_id, .region = f.region, .year = f.year};
	if (ledger_stats_load(req_db(r), &r->who.scope, &f, &s, lstats_group, &c) != ERR_OK ||
	    activity_store_stats(req_db(r), &r->who.scope, &af, lstats_activity_row, &c) != ERR_OK) {
		json_decref(c.exemplars);
		json_decref(c.levels);
		json_decref(c.aid);
		json_decref(c.ads);
		json_decref(c.types);
		json_decref(unit_json);
		reply_db_failure(r, "ledger stats");
		return;
	}
	lstats_order(c.exemplars, 'k', "kind");
	lstats_order(c.levels, 'l', "level");
	lstats_order(c.aid, 'a', "kind");
	lstats_order(c.ads, 'c', "carrier");
	json_t *types = json_array();
	const char *key;
	json_t *v;
	json_object_foreach(c.types, key, v)
	{
		json_array_append(types, v);
	}
	json_decref(c.types);
	char hours[32];
	ledger_hours_text(s.minutes, hours, sizeof hours);
	json_t *body = json_pack(
		"{s:i, s:s, s:o, s:o, s:{s:I, s:I, s:o, s:o}, s:{s:I, s:I, s:I, s:o, s:I},"
		" s:{s:I, s:s, s:o, s:o, s:I}, s:{s:I, s:o, s:o}, s:{s:I, s:I, s:o, s:o, s:I, s:o},"
		" s:{s:I, s:I, s:o}, s:{s:I, s:I, s:I, s:I, s:I}}",
		"year", f.year, "as_of", f.year_end, "unit", unit_json, "region",
		f.region && *f.region ? json_string(f.region) : json_null(),
		"activities", "total", (json_int_t)c.act_total, "participants", (json_int_t)c.participants, "months",
		lstats_months(c.act_months), "by_type", types,
		"volunteers", "on_roster", (json_int_t)s.volunteers, "staff", (json_int_t)s.staff, "units",
		(json_int_t)s.units, "ratio_percent", lstats_percent(s.volunteers, s.staff), "titled_units_below_20",
		(json_int_t)s.units_below_ratio,
		"hours", "minutes", (json_int_t)s.minutes, "hours", hours, "months_minutes",
		lstats_months(s.minutes_by_month), "months_hours", lstats_hours_months(s.minutes_by_month),
		"reports_pending", (json_int_t)s.reports_pending,
		"exemplars", "total", (json_int_t)c.ex_total, "by_kind", c.exemplars, "by_level", c.levels,
		"aid", "records", (json_int_t)c.aid_records, "amount_fen", (json_int_t)c.aid_fen, "amount_yuan",
		lstats_money(c.aid_fen, 0), "amount_wan", lstats_money(c.aid_fen, 1), "quantity_kg",
		(json_int_t)c.aid_kg, "by_kind", c.aid,
		"publicity", "records", (json_int_t)c.n_ads, "pieces", (json_int_t)c.ad_pieces, "by_carrier", c.ads,
		"pairings", "units", (json_int_t)s.units, "with_community", (json_int_t)s.with_community, "with_village",
		(json_int_t)s.with_village, "without_community", (json_int_t)(s.units - s.with_community),
		"without_village", (json_int_t)(s.units - s.with_village));
	if (!body) {
		reply_db_failure(r, "ledger stats json");
		return;
	}
	reply_json(r, 200, body);
}
