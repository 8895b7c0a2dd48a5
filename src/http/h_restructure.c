/* h_restructure.c — institutional change (机构变更) of a unit (http layer):
 *   rename   — 更名: the name changes, titles are kept (备案);
 *   merge    — 合并: the unit is merged into another; its live titles end (自行终止, 机构撤并);
 *   split    — 分立: a new unit is split off; the original keeps its titles;
 *   dissolve — 撤销: the unit is dissolved; its live titles end.
 * Every step records lineage events on both units, in one transaction with the audit entry. */
#include <stdio.h>
#include <string.h>

#include "../codec/registry_json.h"
#include "../util/buf.h"
#include "../domain/uscc.h"
#include "../store/db.h"
#include "../domain/ledger.h"
#include "../store/partner_store.h"
#include "../store/title_store.h"
#include "../store/unit_store.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

static int restructure_date_valid(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
		return 0;
	}
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) {
		return 0;
	}
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

static int restructure_event(struct req *r, int64_t unit_id, const char *kind, int64_t related, const char *old_name,
			     const char *new_name, const char *date, const char *doc_no, const char *note, int64_t now)
{
	struct unit_event ev;
	memset(&ev, 0, sizeof ev);
	ev.unit_id = unit_id;
	snprintf(ev.kind, sizeof ev.kind, "%s", kind);
	ev.related_unit_id = related;
	snprintf(ev.old_name, sizeof ev.old_name, "%s", old_name ? old_name : "");
	snprintf(ev.new_name, sizeof ev.new_name, "%s", new_name ? new_name : "");
	snprintf(ev.date, sizeof ev.date, "%s", date);
	snprintf(ev.doc_no, sizeof ev.doc_no, "%s", doc_no);
	snprintf(ev.note, sizeof ev.note, "%s", note);
	ev.at = now;
	return unit_event_insert(req_db(r), &ev, r->who.user_id) == ERR_OK;
}

void h_units_restructure(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"kind", JIN_STRING, 1, 1, 16, "变更类型"},
		{"new_name", JIN_STRING, 0, 0, UNIT_NAME_MAX, "新名称"},
		{"into_unit_id", JIN_INT, 0, 1, INT64_MAX, "并入单位"},
		{"new_unit", JIN_OBJECT, 0, 0, 0, "分立后的新单位"},
		{"date", JIN_STRING, 0, 0, 10, "变更日期"},
		{"doc_no", JIN_STRING, 0, 0, 60, "文号"},
		{"note", JIN_STRING, 0, 0, 500, "说明"},
		{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
	};
	static const struct json_in_field new_unit_fields[] = {
		{"name", JIN_STRING, 1, 2, UNIT_NAME_MAX, "新单位名称"},
		{"uscc", JIN_STRING, 0, 0, 30, "统一社会信用代码"},
		{"category", JIN_STRING, 0, 0, 32, "单位类别"},
		{"region_code", JIN_STRING, 0, 0, 6, "行政区划"},
		{"staff_count", JIN_INT, 0, 0, UNIT_STAFF_MAX, "职工人数"},
	};
	json_t *body = handler_body_or_reply(r, fields, sizeof fields / sizeof fields[0]);
	if (!body) {
		return;
	}
	char kind[20] = "", date[16] = "", doc_no[200] = "", note[2004] = "";
	json_in_str(body, "kind", kind, sizeof kind);
	json_in_str(body, "date", date, sizeof date);
	json_in_str(body, "doc_no", doc_no, sizeof doc_no);
	json_in_str(body, "note", note, sizeof note);
	int64_t version = handler_version_or_reply(r, body);
	if (!version) {
		return;
	}
	struct err_detail d;
	err_clear(&d);
	if (strcmp(kind, "rename") && strcmp(kind, "merge") && strcmp(kind, "split") && strcmp(kind, "dissolve")) {
		reply_error(r, 400, "invalid_value", "变更类型无效，可选 rename、merge、split、dissolve", "kind");
		return;
	}
	if (date[0] && !restructure_date_valid(date)) {
		reply_error(r, 400, "invalid_date", "变更日期应为有效日期，格式 YYYY-MM-DD", "date");
		return;
	}
	json_t *nu = json_object_get(body, "new_unit");
	if (strcmp(kind, "split") == 0) {
		if (!nu || json_is_null(nu)) {
			reply_error(r, 400, "required", "请填写分立后的新单位", "new_unit");
			return;
		}
		if (json_in_check(nu, new_unit_fields, sizeof new_unit_fields / sizeof new_unit_fields[0], &d) != ERR_OK) {
			reply_err_detail(r, &d);
			return;
		}
	}
	if (!handler_begin_or_reply(r)) {
		return;
	}
	struct db *db = req_db(r);
	struct unit u, before;
	enum err e = unit_store_get(db, &r->who.scope, req_param_id(r, 0), &before);
	if (e != ERR_OK) {
		err_set(&d, e, e == ERR_NOT_FOUND ? "not_found" : "db", NULL, "单位不存在");
		goto fail;
	}
	if (strcmp(before.status, "active") != 0) {
		err_set(&d, ERR_CONFLICT, "unit_inactive", NULL, "该单位已合并或撤销，不能再变更");
		goto fail;
	}
	u = before;
	int64_t now = handler_now();
	int ok = 1, ended = 0, pairings_ended = 0;
	/* Pairings of a merged or dissolved unit end on the change's date (today when none given). */
	char end_day[11];
	if (date[0]) {
		str_copy(end_day, sizeof end_day, date);
	} else {
		ledger_date_of(now, end_day);
	}
	struct unit other;
	memset(&other, 0, sizeof other);
	if (strcmp(kind, "rename") == 0) {
		if (!json_in_str(body, "new_name", u.name, sizeof u.name) || strcmp(u.name, before.name) == 0) {
			err_set(&d, ERR_INVALID, "required", "new_name", "请填写与原名称不同的新名称");
			goto fail;
		}
		if (unit_validate(&u, &d) != ERR_OK || unit_store_update(db, &u, version, now, &d) != ERR_OK) {
			goto fail;
		}
		ok = restructure_event(r, u.id, "renamed", 0, before.name, u.name, date, doc_no, note, now);
	} else if (strcmp(kind, "merge") == 0) {
		int64_t into = 0;
		json_in_int(body, "into_unit_id", &into);
		if (!into || into == u.id) {
			err_set(&d, ERR_INVALID, "required", "into_unit_id", "请选择另一个并入单位");
			goto fail;
		}
		e = unit_store_get(db, &r->who.scope, into, &other);
		if (e != ERR_OK || strcmp(other.status, "active") != 0) {
			err_set(&d, ERR_NOT_FOUND, "not_found", "into_unit_id", "并入单位不存在或已撤并");
			goto fail;
		}
		snprintf(u.status, sizeof u.status, "merged");
		u.merged_into_id = other.id;
		if (unit_store_update(db, &u, version, now, &d) != ERR_OK) {
			goto fail;
		}
		ok = title_store_end_all(db, u.id, "lapsed", "机构撤并（合并）", doc_no, r->who.user_id, r->who.username, now,
					 &ended) == ERR_OK &&
		     pairing_store_end_open(db, u.id, end_day, now, &pairings_ended) == ERR_OK &&
		     restructure_event(r, u.id, "merged_into", other.id, NULL, NULL, date, doc_no, note, now) &&
		     restructure_event(r, other.id, "absorbed", u.id, NULL, NULL, date, doc_no, note, now);
	} else if (strcmp(kind, "dissolve") == 0) {
		snprintf(u.status, sizeof u.status, "dissolved");
		if (unit_store_update(db, &u, version, now, &d) != ERR_OK) {
			goto fail;
		}
		ok = title_store_end_all(db, u.id, "lapsed", "机构撤并（撤销）", doc_no, r->who.user_id, r->who.username, now,
					 &ended) == ERR_OK &&
		     pairing_store_end_open(db, u.id, end_day, now, &pairings_ended) == ERR_OK &&
		     restructure_event(r, u.id, "dissolved", 0, NULL, NULL, date, doc_no, note, now);
	} else {
		snprintf(other.status, sizeof other.status, "active");
		json_in_str(nu, "name", other.name, sizeof other.name);
		char uscc[128];
		if (json_in_str(nu, "uscc", uscc, sizeof uscc)) {
			uscc_normalize(uscc);
			if (strlen(uscc) > 18) {
				err_set(&d, ERR_INVALID, "uscc_length", "new_unit.uscc", "统一社会信用代码应为18位");
				goto fail;
			}
			str_copy(other.uscc, sizeof other.uscc, uscc);
		}
		snprintf(other.category, sizeof other.category, "%s", u.category);
		json_in_str(nu, "category", other.category, sizeof other.category);
		snprintf(other.region_code, sizeof other.region_code, "%s", u.region_code);
		json_in_str(nu, "region_code", other.region_code, sizeof other.region_code);
		json_in_int(nu, "staff_count", &other.staff_count);
		other.split_from_id = u.id;
		if (unit_validate(&other, &d) != ERR_OK) {
			if (strcmp(d.field, "name") == 0 || strcmp(d.field, "uscc") == 0) {
				const char *f = strcmp(d.field, "name") == 0 ? "new_unit.name" : "new_unit.uscc";
				snprintf(d.field, sizeof d.field, "%s", f);
			}
			goto fail;
		}
		if (!scope_covers_region(&r->who.scope, other.region_code)) {
			err_set(&d, ERR_NOT_FOUND, "region_not_found", "new_unit.region_code", "行政区划不存在或不在您的管辖范围内");
			goto fail;
		}
		/* The original's version is checked by touching it. */
		if (unit_store_update(db, &u, version, now, &d) != ERR_OK || unit_store_insert(db, &other, now, &d) != ERR_OK) {
			goto fail;
		}
		ok = restructure_event(r, other.id, "created", 0, NULL, other.name, date, doc_no, note, now) &&
		     restructure_event(r, u.id, "split_to", other.id, NULL, NULL, date, doc_no, note, now) &&
		     restructure_event(r, other.id, "split_from", u.id, NULL, NULL, date, doc_no, note, now);
	}
	json_t *bj = unit_to_json(&before), *aj = unit_to_json(&u);
	json_object_set_new(aj, "restructure", json_pack("{s:s, s:I, s:i, s:i}", "kind", kind, "related_unit_id",
							 (json_int_t)other.id, "titles_ended", ended, "pairings_ended",
							 pairings_ended));
	if (!handler_audit_or_reply(r, ok, kind, "unit", u.id, u.region_code, bj, aj) || !handler_commit_or_reply(r)) {
		return;
	}
	unit_store_get(db, NULL, u.id, &u);
	json_t *j = unit_to_json(&u);
	if (other.id) {
		json_object_set_new(j, "related_unit_id", json_integer(other.id));
	}
	reply_json(r, 200, j);
	return;
fail:
	handler_rollback_reply(r, &d);
}
