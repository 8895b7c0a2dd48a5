/* h_regions.c — the region tree (GB/T 2260) and the dictionaries (http layer). */
#include <stdio.h>
#include <string.h>

#include "../domain/region_code.h"
#include "../store/db.h"
#include "../store/region_store.h"
#include "handler.h"
#include "handlers.h"
#include "reply.h"

/* Regions a caller may read: their scope; a unit's liaison sees their unit's region. */
static struct scope region_read_scope(struct req *r)
{
	struct scope s = r->who.scope;
	if (s.kind == SCOPE_UNIT) {
		memset(&s, 0, sizeof s);
		if (r->who.region_code[0]) {
			s.kind = SCOPE_REGION;
			snprintf(s.region_code, sizeof s.region_code, "%s", r->who.region_code);
		}
	}
	return s;
}

static json_t *region_to_json(const struct region *g)
{
	return json_pack("{s:s, s:s, s:o, s:i, s:I}", "code", g->code, "name", g->name, "parent_code",
			 g->parent_code[0] ? json_string(g->parent_code) : json_null(), "level", g->level, "version",
			 (json_int_t)g->version);
}

static void region_list_row(const struct region *g, void *ctx)
{
	json_array_append_new(ctx, region_to_json(g));
}

void h_regions_list(struct req *r)
{
	struct scope s = region_read_scope(r);
	json_t *items = json_array();
	if (region_store_list(req_db(r), &s, region_list_row, items) != ERR_OK) {
		json_decref(items);
		reply_db_failure(r, "regions list");
		return;
	}
	reply_json(r, 200, json_pack("{s:o}", "items", items));
}

void h_regions_get(struct req *r)
{
	struct scope s = region_read_scope(r);
	struct region g;
	enum err e = region_store_get(req_db(r), &s, req_param(r, 0), &g);
	if (e == ERR_NOT_FOUND) {
		reply_error(r, 404, "not_found", "行政区划不存在", NULL);
	} else if (e != ERR_OK) {
		reply_db_failure(r, "region get");
	} else {
		reply_json(r, 200, region_to_json(&g));
	}
}

void h_regions_create(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"code", JIN_STRING, 1, 6, 6, "行政区划代码"},
		{"name", JIN_STRING, 1, 1, 40, "名称"},
		{"parent_code", JIN_STRING, 0, 0, 6, "上级行政区划"},
	};
	json_t *body = handler_body_or_reply(r, fields, 3);
	if (!body) {
		return;
	}
	struct region g;
	memset(&g, 0, sizeof g);
	json_in_str(body, "code", g.code, sizeof g.code);
	json_in_str(body, "name", g.name, sizeof g.name);
	json_in_str(body, "parent_code", g.parent_code, sizeof g.parent_code);
	struct err_detail d;
	err_clear(&d);
	if (region_code_validate(g.code, g.parent_code[0] ? g.parent_code : NULL, &g.level, &d) != ERR_OK) {
		reply_err_detail(r, &d);
		return;
	}
	if (g.parent_code[0] ? !scope_covers_region(&r->who.scope, g.parent_code) : r->who.scope.kind != SCOPE_ALL) {
		reply_error(r, 404, "region_not_found", "上级行政区划不存在或不在您的管辖范围内", "parent_code");
		return;
	}
	if (g.level > 1 && !g.parent_code[0]) {
		reply_error(r, 400, "region_parent", "请填写上级行政区划", "parent_code");
		return;
	}
	if (!handler_begin_or_reply(r)) {
		return;
	}
	json_t *aj = region_to_json(&g);
	g.version = 1;
	if (region_store_insert(req_db(r), &g, handler_now(), &d) != ERR_OK) {
		json_decref(aj);
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_key_or_reply(r, 1, "create", "region", g.code, g.code, NULL, aj) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, region_to_json(&g));
	}
}

void h_regions_update(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"name", JIN_STRING, 1, 1, 40, "名称"},
		{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
	};
	json_t *body = handler_body_or_reply(r, fields, 2);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct region before, g;
	struct err_detail d;
	err_clear(&d);
	enum err e = region_store_get(req_db(r), &r->who.scope, req_param(r, 0), &before);
	if (e != ERR_OK) {
		err_set(&d, e, "not_found", NULL, "行政区划不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	g = before;
	json_in_str(body, "name", g.name, sizeof g.name);
	if (region_store_update(req_db(r), &g, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_key_or_reply(r, 1, "update", "region", g.code, g.code, region_to_json(&before),
					region_to_json(&g)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 200, region_to_json(&g));
	}
}

/* ---- dictionaries ---- */

/* Dictionaries are shared by every region, so only an office at city (盟市) level or above may
 * change them; a banner's admin reads them. */
static int dict_writer_or_reply(struct req *r)
{
	const struct scope *s = &r->who.scope;
	if (s->kind == SCOPE_ALL || (s->kind == SCOPE_REGION && region_code_level(s->region_code) <= 2)) {
		return 1;
	}
	reply_error(r, 403, "dict_scope", "数据字典为各地共用，只有市级及以上的管理员可以修改", NULL);
	return 0;
}

static int dict_kind_or_reply(struct req *r)
{
	if (strcmp(req_param(r, 0), "unit_category") != 0 && strcmp(req_param(r, 0), "activity_type") != 0) {
		reply_error(r, 404, "not_found", "数据字典不存在", NULL);
		return 0;
	}
	return 1;
}

static json_t *dict_to_json(const struct dict_item *it)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:i, s:b, s:I}", "id", (json_int_t)it->id, "kind", it->kind, "code",
			 it->code, "label", it->label, "sort", it->sort, "active", it->active, "version",
			 (json_int_t)it->version);
}

static void dict_list_row(const struct dict_item *it, void *ctx)
{
	json_array_append_new(ctx, dict_to_json(it));
}

void h_dicts_list(struct req *r)
{
	if (!dict_kind_or_reply(r)) {
		return;
	}
	json_t *items = json_array();
	if (dict_store_list(req_db(r), req_param(r, 0), dict_list_row, items) != ERR_OK) {
		json_decref(items);
		reply_db_failure(r, "dict list");
		return;
	}
	reply_json(r, 200, json_pack("{s:o}", "items", items));
}

void h_dicts_create(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"code", JIN_STRING, 1, 1, 32, "编码"},
		{"label", JIN_STRING, 1, 1, 40, "名称"},
		{"sort", JIN_INT, 0, 0, 100000, "排序"},
	};
	if (!dict_kind_or_reply(r) || !dict_writer_or_reply(r)) {
		return;
	}
	json_t *body = handler_body_or_reply(r, fields, 3);
	if (!body) {
		return;
	}
	struct dict_item it;
	memset(&it, 0, sizeof it);
	snprintf(it.kind, sizeof it.kind, "%s", req_param(r, 0));
	json_in_str(body, "code", it.code, sizeof it.code);
	json_in_str(body, "label", it.label, sizeof it.label);
	int64_t sort = 0;
	json_in_int(body, "sort", &sort);
	it.sort = (int)sort;
	for (const char *p = it.code; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) {
			reply_error(r, 400, "invalid_code", "编码只能包含小写字母、数字和下划线", "code");
			return;
		}
	}
	struct err_detail d;
	err_clear(&d);
	if (!handler_begin_or_reply(r)) {
		return;
	}
	if (dict_store_insert(req_db(r), &it, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "create", "dict_item", it.id, r->who.region_code, NULL, dict_to_json(&it)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 201, dict_to_json(&it));
	}
}

void h_dicts_update(struct req *r)
{
	static const struct json_in_field fields[] = {
		{"label", JIN_STRING, 0, 1, 40, "名称"},
		{"sort", JIN_INT, 0, 0, 100000, "排序"},
		{"active", JIN_BOOL, 0, 0, 0, "启用"},
		{"version", JIN_INT, 0, 1, INT32_MAX, "版本号"},
	};
	if (!dict_kind_or_reply(r) || !dict_writer_or_reply(r)) {
		return;
	}
	json_t *body = handler_body_or_reply(r, fields, 4);
	if (!body) {
		return;
	}
	int64_t version = handler_version_or_reply(r, body);
	if (!version || !handler_begin_or_reply(r)) {
		return;
	}
	struct dict_item before, it;
	struct err_detail d;
	err_clear(&d);
	enum err e = dict_store_get(req_db(r), req_param_id(r, 1), &before);
	if (e != ERR_OK || strcmp(before.kind, req_param(r, 0)) != 0) {
		err_set(&d, e == ERR_DB ? ERR_DB : ERR_NOT_FOUND, "not_found", NULL, "字典项不存在");
		handler_rollback_reply(r, &d);
		return;
	}
	it = before;
	json_in_str(body, "label", it.label, sizeof it.label);
	int64_t sort = it.sort;
	json_in_int(body, "sort", &sort);
	it.sort = (int)sort;
	json_t *active = json_object_get(body, "active");
	if (json_is_boolean(active)) {
		it.active = json_is_true(active);
	}
	if (dict_store_update(req_db(r), &it, version, handler_now(), &d) != ERR_OK) {
		handler_rollback_reply(r, &d);
		return;
	}
	if (handler_audit_or_reply(r, 1, "update", "dict_item", it.id, r->who.region_code, dict_to_json(&before),
				   dict_to_json(&it)) &&
	    handler_commit_or_reply(r)) {
		reply_json(r, 200, dict_to_json(&it));
	}
}
