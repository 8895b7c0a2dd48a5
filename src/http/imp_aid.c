/* imp_aid.c — importing aid records (帮扶记录: 选派第一书记, 产业项目, 消费帮扶, 捐款捐物, 帮扶资金)
 * (http layer). The columns are those of the aid list's export, so an exported file imports
 * again. As the API: the unit within the caller's scope and active (a liaison's empty cell is
 * their own unit), the per-kind rules of domain/aid.h, and the partner (optional; a first
 * secretary's must be a village) located as the API locates it. Amounts are 元 as people write
 * them (1,480,000.00, 148万元: domain/money.h), kept in fen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/aid.h"
#include "../domain/ledger.h"
#include "../domain/money.h"
#include "../store/aid_store.h"
#include "../store/db.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "imp.h"

enum { A_DATE, A_UNIT, A_KIND, A_PARTNER, A_PERSON, A_END, A_ITEM, A_QTY, A_QUNIT, A_AMOUNT, A_DESC, A_N };

static const struct imp_field aid_fields[A_N] = {
	{"aid_date", "帮扶日期", 1, "日期", "2025-09-10"},
	{"unit", "单位名称", 1, "单位|统一社会信用代码", "神华准格尔能源有限责任公司"},
	{"kind", "帮扶类型", 1, "类型", "消费帮扶"},
	{"partner", "帮扶对象", 0, "共建对象|帮扶嘎查村", "薛家湾镇马家塔村"},
	{"person", "第一书记", 0, "第一书记姓名|驻村第一书记", ""},
	{"end_date", "离任日期", 0, NULL, ""},
	{"item", "项目或产品", 0, "项目名称|产品|项目", "牛羊肉"},
	{"quantity", "数量", 0, NULL, "1,500"},
	{"quantity_unit", "计量单位", 0, NULL, "千克"},
	{"amount", "金额(元)", 0, "金额（元）|金额", "1,480,000.00"},
	{"description", "说明", 0, "备注|情况说明", "采购结对嘎查村农牧产品"},
};

static const struct imp_choice aid_kinds[] = {
	{"first_secretary", "第一书记|驻村第一书记"},
	{"industry_project", NULL},
	{"purchase_aid", NULL},
	{"donation", "捐款|捐物"},
	{"aid_funds", "配套资金"},
};

static const struct imp_choice aid_units[] = {
	{"kg", "公斤"}, {"head", NULL}, {"piece", NULL}, {"box", NULL}, {"bag", NULL},
};

static const char *const aid_renames[] = {"partner_id", "partner", "amount_fen", "amount", "unit_id", "unit", NULL};

struct aid_state {
	struct imp_memo *partners; /* imp_partner's cache */
	struct aid_record a;
};

static void aid_init(struct imp_ctx *c)
{
	struct aid_state *s = xcalloc(1, sizeof *s);
	s->partners = imp_memo_new();
	c->kind_state = s;
}

static void aid_finish(struct imp_ctx *c)
{
	struct aid_state *s = c->kind_state;
	if (s) {
		imp_memo_free(s->partners);
		free(s);
	}
	c->kind_state = NULL;
}

static void aid_row(struct imp_ctx *c)
{
	struct aid_state *s = c->kind_state;
	struct aid_record *a = &s->a;
	memset(a, 0, sizeof *a);
	struct lookup_unit u;
	int ok = imp_unit(c, A_UNIT, &u);
	ok &= imp_date(c, A_DATE, 1, a->aid_date);
	ok &= imp_end_date(c, A_END, a->end_date);
	const char *kind = c->v[A_KIND];
	if (*kind) {
		const char *code = imp_choice(kind, aid_kinds, sizeof aid_kinds / sizeof aid_kinds[0], ledger_aid_kind_label);
		kind = code ? code : kind; /* an unknown kind goes to the rules as written, which refuse it */
	}
	int secretary = strcmp(kind, "first_secretary") == 0;
	char partner_kind[16] = "";
	if (*c->v[A_PARTNER]) {
		ok &= imp_partner(c, s->partners, A_PARTNER, secretary ? "village" : "", &a->partner_id, partner_kind);
	}
	ok &= imp_int(c, A_QTY, 0, 0, AID_QUANTITY_MAX, 0, &a->quantity);
	const char *qunit = c->v[A_QUNIT];
	if (*qunit) {
		const char *code = imp_choice(qunit, aid_units, sizeof aid_units / sizeof aid_units[0], ledger_aid_unit_label);
		qunit = code ? code : qunit;
	}
	if (*c->v[A_AMOUNT] && money_parse_yuan(c->v[A_AMOUNT], &a->amount_fen) != ERR_OK) {
		char msg[200];
		snprintf(msg, sizeof msg, "“%.40s”不是有效金额，请写成 1480000.00、1,480,000.00 或 148万元 这样的格式",
			 c->v[A_AMOUNT]);
		ok = imp_error(c, A_AMOUNT, msg);
	}
	if (!ok) {
		return;
	}
	struct aid_fields af = {.kind = kind,
				.aid_date = a->aid_date,
				.end_date = a->end_date,
				.person = c->v[A_PERSON],
				.item = c->v[A_ITEM],
				.quantity_unit = qunit,
				.description = c->v[A_DESC],
				.partner_id = a->partner_id,
				.quantity = a->quantity,
				.amount_fen = a->amount_fen,
				.today = c->today};
	struct err_detail d;
	err_clear(&d);
	if (ledger_aid_validate(&af, &d) != ERR_OK) {
		imp_detail_as(c, &d, aid_renames);
		return;
	}
	if (secretary && strcmp(partner_kind, "village") != 0) {
		imp_error(c, A_PARTNER, "第一书记所驻的帮扶对象应为嘎查村");
		return;
	}
	if (c->failed) {
		return; /* validation only from the first error on */
	}
	a->unit_id = u.id;
	str_copy(a->kind, sizeof a->kind, kind);
	a->year = ledger_date_year(a->aid_date);
	str_copy(a->person, sizeof a->person, c->v[A_PERSON]);
	str_copy(a->item, sizeof a->item, c->v[A_ITEM]);
	str_copy(a->quantity_unit, sizeof a->quantity_unit, qunit);
	str_copy(a->description, sizeof a->description, c->v[A_DESC]);
	if (aid_store_insert(c->db, a, c->now, &d) != ERR_OK) {
		imp_error(c, -1, "写入数据库失败");
	}
}

const struct imp_kind imp_aid = {
	.key = "aid",
	.label = "帮扶记录",
	.entity = "aid_record",
	.fields = aid_fields,
	.n_fields = A_N,
	.row = aid_row,
	.init = aid_init,
	.finish = aid_finish,
};
