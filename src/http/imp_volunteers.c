/* imp_volunteers.c — importing volunteer rosters (志愿者名册) and service hours (志愿服务时长)
 * (http layer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/cell.h"
#include "../domain/ledger.h"
#include "../store/activity_store.h"
#include "../store/db.h"
#include "../store/hours_store.h"
#include "../store/lookup_store.h"
#include "../store/volunteer_store.h"
#include "../util/buf.h"
#include "imp.h"

/* ---- the roster ---- */

enum { V_UNIT, V_NAME, V_GENDER, V_PHONE, V_PLATFORM, V_JOINED, V_STATUS, V_LEFT, V_REMARK, V_N };

static const struct imp_field volunteer_fields[V_N] = {
	{"unit", "单位名称", 1, "单位|统一社会信用代码", "神华准格尔能源有限责任公司"},
	{"name", "姓名", 1, "志愿者姓名", "王晓梅"},
	{"gender", "性别", 0, NULL, "女"},
	{"phone", "联系电话", 0, "手机号码|手机号|电话", "13847700000"},
	{"platform_id", "志愿服务平台编号", 0, "平台编号|志愿者编号|注册编号", "NM2017000001"},
	{"joined_date", "加入日期", 0, "注册日期|入队日期", "2021-03-05"},
	{"status", "状态", 0, NULL, "在册"},
	{"left_date", "退出日期", 0, NULL, ""},
	{"remark", "备注", 0, NULL, ""},
};

static void vol_row(struct imp_ctx *c)
{
	struct volunteer v;
	memset(&v, 0, sizeof v);
	struct lookup_unit u;
	int ok = imp_unit(c, V_UNIT, &u);
	const char *g = c->v[V_GENDER];
	if (!*g) {
		v.gender[0] = '\0';
	} else if (strcmp(g, "男") == 0 || strcmp(g, "male") == 0) {
		str_copy(v.gender, sizeof v.gender, "male");
	} else if (strcmp(g, "女") == 0 || strcmp(g, "female") == 0) {
		str_copy(v.gender, sizeof v.gender, "female");
	} else {
		ok = imp_error(c, V_GENDER, "性别应为“男”或“女”");
	}
	const char *st = c->v[V_STATUS];
	if (!*st || strcmp(st, "在册") == 0 || strcmp(st, "active") == 0) {
		str_copy(v.status, sizeof v.status, "active");
	} else if (strcmp(st, "已退出") == 0 || strcmp(st, "退出") == 0 || strcmp(st, "left") == 0) {
		str_copy(v.status, sizeof v.status, "left");
	} else {
		ok = imp_error(c, V_STATUS, "状态应为“在册”或“已退出”");
	}
	ok &= imp_date(c, V_JOINED, 0, v.joined_date);
	ok &= imp_date(c, V_LEFT, 0, v.left_date);
	if (strlen(c->v[V_NAME]) >= sizeof v.name || strlen(c->v[V_PHONE]) >= sizeof v.phone ||
	    strlen(c->v[V_PLATFORM]) >= sizeof v.platform_id || strlen(c->v[V_REMARK]) >= sizeof v.remark) {
		imp_error(c, -1, "内容过长：姓名不超过50字，电话不超过20位，平台编号不超过40字，备注不超过2000字");
		return;
	}
	str_copy(v.name, sizeof v.name, c->v[V_NAME]);
	str_copy(v.phone, sizeof v.phone, c->v[V_PHONE]);
	str_copy(v.platform_id, sizeof v.platform_id, c->v[V_PLATFORM]);
	str_copy(v.remark, sizeof v.remark, c->v[V_REMARK]);
	if (!ok) {
		return;
	}
	struct volunteer_fields vf = {v.name, v.gender, v.phone, v.platform_id, v.joined_date, v.status, v.left_date, v.remark};
	struct err_detail d;
	err_clear(&d);
	if (ledger_volunteer_validate(&vf, &d) != ERR_OK) {
		imp_detail(c, &d);
		return;
	}
	if (c->failed) {
		return;
	}
	v.unit_id = u.id;
	if (volunteer_store_insert(c->db, &v, c->now, &d) != ERR_OK) {
		imp_error(c, -1, "写入数据库失败");
	}
}

const struct imp_kind imp_volunteers = {
	.key = "volunteers",
	.label = "志愿者名册",
	.entity = "volunteer",
	.fields = volunteer_fields,
	.n_fields = V_N,
	.row = vol_row,
};

/* ---- service hours: who served in which activity, for how long ---- */

enum { H_UNIT, H_DATE, H_TITLE, H_NAME, H_PHONE, H_HOURS, H_N };

static const struct imp_field hours_fields[H_N] = {
	{"unit", "单位名称", 1, "单位|统一社会信用代码", "神华准格尔能源有限责任公司"},
	{"activity_date", "活动日期", 1, "日期", "2026-03-05"},
	{"activity_title", "活动名称", 1, "名称|活动主题", "学雷锋志愿服务进社区"},
	{"name", "志愿者姓名", 1, "姓名", "王晓梅"},
	{"phone", "联系电话", 0, "手机号码|手机号|电话", "13847700000"},
	{"hours", "服务时长（小时）", 1, "服务时长(小时)|服务时长|时长|小时", "2.5"},
};

static void hours_row(struct imp_ctx *c)
{
	struct lookup_unit u;
	char date[11];
	int ok = imp_unit(c, H_UNIT, &u);
	ok &= imp_date(c, H_DATE, 1, date);
	int64_t minutes = 0;
	if (!cell_hours(c->v[H_HOURS], &minutes) || minutes < 1 || minutes > LEDGER_MINUTES_MAX) {
		char msg[160];
		snprintf(msg, sizeof msg, "“%.30s”不是有效的服务时长：应为0.1到24之间、最多一位小数的小时数", c->v[H_HOURS]);
		ok = imp_error(c, H_HOURS, msg);
	}
	if (!*c->v[H_TITLE]) {
		ok = imp_error(c, H_TITLE, "请填写活动名称");
	}
	if (!*c->v[H_NAME]) {
		ok = imp_error(c, H_NAME, "请填写志愿者姓名");
	}
	if (!ok) {
		return;
	}
	int64_t activity_id = 0, volunteer_id = 0;
	char msg[300];
	enum err e = lookup_activity(c->db, u.id, date, c->v[H_TITLE], &activity_id);
	if (e != ERR_OK) {
		snprintf(msg, sizeof msg, e == ERR_CONFLICT ? "%s 有多个名为“%.60s”的活动" : "%s 没有名为“%.60s”的活动，请先登记活动", date,
			 c->v[H_TITLE]);
		imp_error(c, H_TITLE, msg);
		return;
	}
	e = lookup_volunteer(c->db, u.id, c->v[H_NAME], c->v[H_PHONE], &volunteer_id);
	if (e != ERR_OK) {
		snprintf(msg, sizeof msg,
			 e == ERR_CONFLICT ? "名册中有多名“%.40s”，请填写联系电话以区分" : "“%.40s”不在该单位的志愿者名册中（姓名或电话不符）",
			 c->v[H_NAME]);
		imp_error(c, H_NAME, msg);
		return;
	}
	if (c->failed) {
		return;
	}
	if (hours_store_served_upsert(c->db, activity_id, volunteer_id, minutes) != ERR_OK) {
		imp_error(c, -1, "写入数据库失败");
	}
}

const struct imp_kind imp_hours = {
	.key = "hours",
	.label = "志愿服务时长",
	.entity = "activity",
	.fields = hours_fields,
	.n_fields = H_N,
	.row = hours_row,
};
