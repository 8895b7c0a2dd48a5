/* imp_publicity.c — importing public-service ads (公益广告) (http layer). The columns are those of
 * the list's export, so an exported file imports again. As the API: the unit within the
 * caller's scope and active (a liaison's empty cell is their own unit), and the rules of
 * domain/ledger_records.h; the carrier is written as its Chinese label or code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../domain/ledger_records.h"
#include "../store/ad_store.h"
#include "../store/db.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "imp.h"

enum { D_START, D_END, D_UNIT, D_CARRIER, D_THEME, D_COUNT, D_PLACE, D_DESC, D_N };

static const struct imp_field ad_fields[D_N] = {
	{"start_date", "开始日期", 1, "发布日期|设置日期|日期", "2025-03-01"},
	{"end_date", "结束日期", 0, "撤除日期|截止日期", ""},
	{"unit", "单位名称", 1, "单位|统一社会信用代码", "神华准格尔能源有限责任公司"},
	{"carrier", "载体", 1, "载体类型|广告载体", "电子显示屏"},
	{"theme", "主题", 1, "广告主题|宣传主题", "讲文明树新风"},
	{"count", "数量", 1, "块数|处数", "2"},
	{"place", "地点", 0, "设置地点|位置", "办公楼一楼大厅"},
	{"description", "说明", 0, "备注", ""},
};

static const struct imp_choice ad_carriers[] = {
	{"door_head", "门头广告"},
	{"wall", "墙体广告|墙面"},
	{"bulletin_board", "宣传橱窗|橱窗"},
	{"led_screen", "电子屏|LED屏|LED显示屏|显示屏"},
	{"billboard", "广告牌"},
	{"website", "网站|门户网站"},
	{"wechat_weibo_app", "微信微博客户端|新媒体"},
};

static void ad_init(struct imp_ctx *c)
{
	c->kind_state = xcalloc(1, sizeof(struct public_service_ad));
}

static void ad_finish(struct imp_ctx *c)
{
	free(c->kind_state);
	c->kind_state = NULL;
}

static void ad_row(struct imp_ctx *c)
{
	struct public_service_ad *a = c->kind_state;
	memset(a, 0, sizeof *a);
	struct lookup_unit u;
	int ok = imp_unit(c, D_UNIT, &u);
	ok &= imp_date(c, D_START, 1, a->start_date);
	ok &= imp_end_date(c, D_END, a->end_date);
	ok &= imp_int(c, D_COUNT, 1, 1, LEDGER_AD_COUNT_MAX, 0, &a->count);
	if (!ok) {
		return;
	}
	const char *carrier = c->v[D_CARRIER];
	if (*carrier) {
		const char *code = imp_choice(carrier, ad_carriers, sizeof ad_carriers / sizeof ad_carriers[0],
					      ledger_ad_carrier_label);
		carrier = code ? code : carrier; /* an unknown carrier goes to the rules, which refuse it */
	}
	struct ad_fields af = {carrier, c->v[D_THEME], a->start_date, a->end_date, c->v[D_PLACE], c->v[D_DESC], a->count};
	struct err_detail d;
	err_clear(&d);
	if (ledger_ad_validate(&af, c->today, &d) != ERR_OK) {
		imp_detail(c, &d);
		return;
	}
	if (c->failed) {
		return; /* validation only from the first error on */
	}
	a->unit_id = u.id;
	str_copy(a->carrier, sizeof a->carrier, carrier);
	str_copy(a->theme, sizeof a->theme, c->v[D_THEME]);
	a->year = ledger_date_year(a->start_date);
	str_copy(a->place, sizeof a->place, c->v[D_PLACE]);
	str_copy(a->description, sizeof a->description, c->v[D_DESC]);
	if (ad_store_insert(c->db, a, c->now, &d) != ERR_OK) {
		imp_error(c, -1, "写入数据库失败");
	}
}

const struct imp_kind imp_publicity = {
	.key = "publicity",
	.label = "公益广告",
	.entity = "public_service_ad",
	.fields = ad_fields,
	.n_fields = D_N,
	.row = ad_row,
	.init = ad_init,
	.finish = ad_finish,
};
