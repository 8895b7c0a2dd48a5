/* imp_activities.c — importing activities (精神文明创建活动) (http layer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../store/activity_store.h"
#include "../store/db.h"
#include "../store/lookup_store.h"
#include "../store/unit_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "imp.h"

enum { F_UNIT, F_DATE, F_TITLE, F_TYPE, F_FESTIVAL, F_PLACE, F_PARTNER, F_ROLE, F_PARTICIPANTS, F_DESC, F_N };

static const struct imp_field activity_fields[F_N] = {
	{"unit", "单位名称", 1, "单位|统一社会信用代码", "神华准格尔能源有限责任公司"},
	{"activity_date", "活动日期", 1, "日期", "2026-03-05"},
	{"title", "活动名称", 1, "名称|活动主题", "学雷锋志愿服务进社区"},
	{"type", "活动类型", 1, "类型|type_code", "学雷锋"},
	{"festival", "节日", 0, NULL, ""},
	{"place", "活动地点", 0, "地点", "薛家湾镇利民社区"},
	{"partner", "共建对象", 0, "社区|嘎查村|结对社区", ""},
	{"role", "方式", 0, "参与方式|主办或参与", "主办"},
	{"participants", "参与人数", 0, "人数", "35"},
	{"description", "活动内容", 0, "内容|简介", "清理楼道杂物，走访慰问独居老人。"},
};

#define ACT_CACHE 256

/* Small caches: activity types and partners by the text written in the file. */
struct act_state {
	struct {
		char text[128];
		char code[64];
		char label[256];
		int ok;
	} types[ACT_CACHE];
	int n_types;
	struct {
		char text[128];
		int64_t id;
		enum err e;
	} partners[ACT_CACHE];
	int n_partners;
	struct activity a;
};

static void act_init(struct imp_ctx *c)
{
	c->kind_state = xcalloc(1, sizeof(struct act_state));
}

static void act_finish(struct imp_ctx *c)
{
	free(c->kind_state);
	c->kind_state = NULL;
}

static int act_type(struct imp_ctx *c, struct act_state *s, char *code, size_t code_len, char *label, size_t label_len)
{
	const char *text = c->v[F_TYPE];
	char msg[200];
	if (!*text) {
		return imp_error(c, F_TYPE, "请填写活动类型");
	}
	for (int i = 0; i < s->n_types; i++) {
		if (strcmp(s->types[i].text, text) == 0) {
			if (!s->types[i].ok) {
				snprintf(msg, sizeof msg, "活动类型“%.40s”不在活动类型字典中", text);
				return imp_error(c, F_TYPE, msg);
			}
			str_copy(code, code_len, s->types[i].code);
			str_copy(label, label_len, s->types[i].label);
			return 1;
		}
	}
	char found[64] = "", lab[256] = "";
	int ok = lookup_dict(c->db, "activity_type", text, found, sizeof found) == ERR_OK &&
		 dict_item_exists(c->db, "activity_type", found, lab, sizeof lab);
	if (s->n_types < ACT_CACHE && strlen(text) < sizeof s->types[0].text) {
		str_copy(s->types[s->n_types].text, sizeof s->types[0].text, text);
		str_copy(s->types[s->n_types].code, sizeof s->types[0].code, found);
		str_copy(s->types[s->n_types].label, sizeof s->types[0].label, lab);
		s->types[s->n_types++].ok = ok;
	}
	if (!ok) {
		snprintf(msg, sizeof msg, "活动类型“%.40s”不在活动类型字典中", text);
		return imp_error(c, F_TYPE, msg);
	}
	str_copy(code, code_len, found);
	str_copy(label, label_len, lab);
	return 1;
}

static int act_partner(struct imp_ctx *c, struct act_state *s, int64_t *id)
{
	const char *text = c->v[F_PARTNER];
	enum err e = ERR_DB;
	int cached = 0;
	for (int i = 0; i < s->n_partners; i++) {
		if (strcmp(s->partners[i].text, text) == 0) {
			e = s->partners[i].e;
			*id = s->partners[i].id;
			cached = 1;
			break;
		}
	}
	if (!cached) {
		struct scope ps = c->r->who.scope;
		if (ps.kind == SCOPE_UNIT) {
			memset(&ps, 0, sizeof ps);
			ps.kind = SCOPE_REGION;
			str_copy(ps.region_code, sizeof ps.region_code, c->r->who.region_code);
		}
		*id = 0;
		e = lookup_partner(c->db, &ps, text, "", id, NULL, 0);
		if (s->n_partners < ACT_CACHE && strlen(text) < sizeof s->partners[0].text) {
			str_copy(s->partners[s->n_partners].text, sizeof s->partners[0].text, text);
			s->partners[s->n_partners].id = *id;
			s->partners[s->n_partners++].e = e;
		}
	}
	char msg[200];
	if (e == ERR_NOT_FOUND) {
		snprintf(msg, sizeof msg, "找不到共建对象“%.60s”，或不在您的管辖范围内", text);
		return imp_error(c, F_PARTNER, msg);
	}
	if (e == ERR_CONFLICT) {
		snprintf(msg, sizeof msg, "有多个名为“%.60s”的共建对象，请在系统中逐条登记", text);
		return imp_error(c, F_PARTNER, msg);
	}
	if (e != ERR_OK) {
		return imp_error(c, F_PARTNER, "查询共建对象时出错");
	}
	return 1;
}

static void act_row(struct imp_ctx *c)
{
	struct act_state *s = c->kind_state;
	struct activity *a = &s->a;
	memset(a, 0, sizeof *a);
	struct lookup_unit u;
	int ok = imp_unit(c, F_UNIT, &u);
	ok &= imp_date(c, F_DATE, 1, a->activity_date);
	ok &= act_type(c, s, a->type_code, sizeof a->type_code, a->type_label, sizeof a->type_label);
	const char *fest = "";
	if (*c->v[F_FESTIVAL]) {
		fest = ledger_festival_code(c->v[F_FESTIVAL]);
		if (!fest) {
			fest = "";
			ok = imp_error(c, F_FESTIVAL, "节日无效，可选春节、元宵、清明、端午、七夕、中秋、重阳");
		}
	}
	str_copy(a->festival, sizeof a->festival, fest);
	const char *role = c->v[F_ROLE];
	if (!*role || strcmp(role, "主办") == 0 || strcmp(role, "hosted") == 0) {
		str_copy(a->role, sizeof a->role, "hosted");
	} else if (strcmp(role, "参与") == 0 || strcmp(role, "参加") == 0 || strcmp(role, "joined") == 0) {
		str_copy(a->role, sizeof a->role, "joined");
	} else {
		ok = imp_error(c, F_ROLE, "方式应为“主办”或“参与”");
	}
	ok &= imp_int(c, F_PARTICIPANTS, 0, 0, 1000000, 0, &a->participants);
	if (*c->v[F_PARTNER]) {
		ok &= act_partner(c, s, &a->partner_id);
	}
	str_copy(a->title, sizeof a->title, c->v[F_TITLE]);
	str_copy(a->place, sizeof a->place, c->v[F_PLACE]);
	str_copy(a->description, sizeof a->description, c->v[F_DESC]);
	if (strlen(c->v[F_TITLE]) >= sizeof a->title || strlen(c->v[F_PLACE]) >= sizeof a->place ||
	    strlen(c->v[F_DESC]) >= sizeof a->description) {
		imp_error(c, -1, "内容过长：活动名称不超过100字，地点不超过100字，内容不超过2000字");
		return;
	}
	if (!ok) {
		return;
	}
	struct activity_fields af = {a->type_code, a->festival, a->title, a->activity_date, a->place, a->role,
				     a->description, a->participants};
	struct err_detail d;
	err_clear(&d);
	if (ledger_activity_validate(&af, &d) != ERR_OK) {
		if (strcmp(d.field, "type_code") == 0) {
			str_copy(d.field, sizeof d.field, "type");
		}
		imp_detail(c, &d);
		return;
	}
	if (c->failed) {
		return; /* validation only from the first error on */
	}
	a->unit_id = u.id;
	a->year = ledger_date_year(a->activity_date);
	if (activity_store_insert(c->db, a, c->now, &d) != ERR_OK) {
		imp_error(c, -1, "写入数据库失败");
	}
}

const struct imp_kind imp_activities = {
	.key = "activities",
	.label = "活动记录",
	.entity = "activity",
	.fields = activity_fields,
	.n_fields = F_N,
	.row = act_row,
	.init = act_init,
	.finish = act_finish,
};
