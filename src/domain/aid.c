/* aid.c — aid records' kinds, units and per-kind rules (domain layer). */
#include "aid.h"

#include <stdio.h>
#include <string.h>

#include "ledger.h"
#include "text.h"

static const struct {
	const char *code, *label;
} aid_kinds[AID_N_KINDS] = {
	{"first_secretary", "选派第一书记"}, {"industry_project", "产业项目"}, {"purchase_aid", "消费帮扶"},
	{"donation", "捐款捐物"},           {"aid_funds", "帮扶资金（配套资金）"},
};

static const struct {
	const char *code, *label;
} aid_units[] = {
	{"", ""}, {"kg", "千克"}, {"head", "头"}, {"piece", "件"}, {"box", "箱"}, {"bag", "袋"},
};

int ledger_aid_kind_index(const char *kind)
{
	for (int i = 0; kind && i < AID_N_KINDS; i++) {
		if (strcmp(kind, aid_kinds[i].code) == 0) {
			return i;
		}
	}
	return -1;
}

const char *ledger_aid_kind_at(int i)
{
	return i >= 0 && i < AID_N_KINDS ? aid_kinds[i].code : NULL;
}

const char *ledger_aid_kind_label(const char *kind)
{
	int i = ledger_aid_kind_index(kind);
	return i < 0 ? "" : aid_kinds[i].label;
}

const char *ledger_aid_unit_label(const char *quantity_unit)
{
	for (size_t i = 0; quantity_unit && i < sizeof aid_units / sizeof aid_units[0]; i++) {
		if (strcmp(quantity_unit, aid_units[i].code) == 0) {
			return aid_units[i].label;
		}
	}
	return NULL;
}

static int aid_has(const char *s)
{
	return s && *s;
}

static enum err aid_text_check(const char *s, const char *field, size_t max, int required, const char *label,
			       struct err_detail *d)
{
	char msg[160];
	size_t n = s ? strlen(s) : 0;
	if (required && n == 0) {
		snprintf(msg, sizeof msg, "请填写%s", label);
		return err_set(d, ERR_INVALID, "required", field, msg);
	}
	if (n && (!text_utf8_valid(s, n) || text_has_control(s))) {
		snprintf(msg, sizeof msg, "%s含有不允许的字符", label);
		return err_set(d, ERR_INVALID, "invalid_characters", field, msg);
	}
	if (n && text_utf8_chars(s, n) > max) {
		snprintf(msg, sizeof msg, "%s不能超过%zu个字", label, max);
		return err_set(d, ERR_INVALID, "too_long", field, msg);
	}
	return ERR_OK;
}

static enum err aid_not_allowed(const char *field, const char *what, const char *kind_label, struct err_detail *d)
{
	char msg[160];
	snprintf(msg, sizeof msg, "%s记录不能填写%s", kind_label, what);
	return err_set(d, ERR_INVALID, "field_not_allowed", field, msg);
}

static enum err aid_dates_check(const struct aid_fields *a, int secretary, const char *label, struct err_detail *d)
{
	if (!aid_has(a->aid_date)) {
		return err_set(d, ERR_INVALID, "required", "aid_date", secretary ? "请填写任职日期" : "请填写帮扶日期");
	}
	if (!ledger_date_valid(a->aid_date)) {
		return err_set(d, ERR_INVALID, "invalid_date", "aid_date", "帮扶日期应为有效日期，格式 YYYY-MM-DD");
	}
	if (a->today && strcmp(a->aid_date, a->today) > 0) {
		return err_set(d, ERR_INVALID, "invalid_date", "aid_date", "帮扶日期不能晚于今天");
	}
	if (aid_has(a->end_date)) {
		if (!secretary) {
			return aid_not_allowed("end_date", "离任日期", label, d);
		}
		if (!ledger_date_valid(a->end_date)) {
			return err_set(d, ERR_INVALID, "invalid_date", "end_date", "离任日期应为有效日期，格式 YYYY-MM-DD");
		}
		if (strcmp(a->end_date, a->aid_date) < 0) {
			return err_set(d, ERR_INVALID, "invalid_range", "end_date", "离任日期不能早于任职日期");
		}
	}
	return ERR_OK;
}

static enum err aid_quantity_check(const struct aid_fields *a, int purchase, const char *label, struct err_detail *d)
{
	if (a->quantity < 0 || a->quantity > AID_QUANTITY_MAX) {
		return err_set(d, ERR_INVALID, "out_of_range", "quantity", "数量应为0到1000000000000之间的整数");
	}
	if (!purchase && a->quantity != 0) {
		return aid_not_allowed("quantity", "数量", label, d);
	}
	if (purchase && a->quantity == 0) {
		return err_set(d, ERR_INVALID, "required", "quantity", "消费帮扶须填写数量");
	}
	if (aid_has(a->quantity_unit)) {
		if (!purchase) {
			return aid_not_allowed("quantity_unit", "计量单位", label, d);
		}
		if (!ledger_aid_unit_label(a->quantity_unit)) {
			return err_set(d, ERR_INVALID, "invalid_value", "quantity_unit",
				       "计量单位无效，可选 kg（千克）、head（头）、piece（件）、box（箱）、bag（袋）");
		}
	} else if (a->quantity > 0) {
		return err_set(d, ERR_INVALID, "required", "quantity_unit", "请选择数量的计量单位");
	}
	return ERR_OK;
}

static enum err aid_amount_check(const struct aid_fields *a, int kind, const char *label, struct err_detail *d)
{
	if (a->amount_fen < 0 || a->amount_fen > AID_AMOUNT_MAX) {
		return err_set(d, ERR_INVALID, "invalid_amount", "amount_fen",
			       "金额应为0到10000000000000元之间，以分为单位的整数");
	}
	if (kind == 0 && a->amount_fen != 0) {
		return aid_not_allowed("amount_fen", "金额", label, d);
	}
	if (kind >= 2 && a->amount_fen == 0) {
		char msg[160];
		snprintf(msg, sizeof msg, "%s须填写金额（大于0）", label);
		return err_set(d, ERR_INVALID, "required", "amount_fen", msg);
	}
	return ERR_OK;
}

enum err ledger_aid_validate(const struct aid_fields *a, struct err_detail *d)
{
	enum err e;
	if (!aid_has(a->kind)) {
		return err_set(d, ERR_INVALID, "required", "kind", "请选择帮扶类型");
	}
	int kind = ledger_aid_kind_index(a->kind);
	if (kind < 0) {
		return err_set(d, ERR_INVALID, "invalid_kind", "kind",
			       "帮扶类型无效，可选 first_secretary（选派第一书记）、industry_project（产业项目）、"
			       "purchase_aid（消费帮扶）、donation（捐款捐物）、aid_funds（帮扶资金）");
	}
	const char *label = aid_kinds[kind].label;
	int secretary = kind == 0, project = kind == 1, purchase = kind == 2;
	if ((e = aid_dates_check(a, secretary, label, d))) {
		return e;
	}
	if (secretary && a->partner_id == 0) {
		return err_set(d, ERR_INVALID, "required", "partner_id", "选派第一书记须选择所驻嘎查村");
	}
	if (secretary) {
		e = aid_text_check(a->person, "person", AID_PERSON_MAX, 1, "第一书记姓名", d);
	} else if (aid_has(a->person)) {
		e = aid_not_allowed("person", "第一书记姓名", label, d);
	}
	if (e) {
		return e;
	}
	if ((e = aid_text_check(a->item, "item", AID_ITEM_MAX, project || purchase,
				project ? "项目名称" : purchase ? "帮扶产品" : "帮扶内容", d)) ||
	    (e = aid_quantity_check(a, purchase, label, d)) || (e = aid_amount_check(a, kind, label, d))) {
		return e;
	}
	return aid_text_check(a->description, "description", AID_DESC_MAX, 0, "说明", d);
}
