/* test_aid.c — unit tests for src/domain/aid: kinds and units with their labels, and the per-kind
 * rules of ledger_aid_validate (which fields each kind needs or refuses, dates not after today
 * and end ≥ start, quantity and amount ranges, text lengths in characters), each case naming
 * the code and field it must give. Table-driven from one valid record per kind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/domain/aid.h"

#define TODAY "2025-06-15"

static const struct aid_fields aid_ok[AID_N_KINDS] = {
	{.kind = "first_secretary", .aid_date = "2023-03-01", .end_date = "2025-03-01", .person = "张书记",
	 .partner_id = 7, .today = TODAY},
	{.kind = "industry_project", .aid_date = "2024-05-01", .item = "肉牛养殖基地", .amount_fen = 148000000,
	 .partner_id = 7, .today = TODAY},
	{.kind = "purchase_aid", .aid_date = "2024-09-10", .item = "牛羊肉", .quantity = 1500, .quantity_unit = "kg",
	 .amount_fen = 9000000, .today = TODAY},
	{.kind = "donation", .aid_date = "2024-01-20", .item = "棉衣200件", .amount_fen = 1, .today = TODAY},
	{.kind = "aid_funds", .aid_date = TODAY, .amount_fen = 100010000, .description = "配套资金", .today = TODAY},
};

static void test_kinds_and_units(void **state)
{
	(void)state;
	static const char *const codes[] = {"first_secretary", "industry_project", "purchase_aid", "donation",
					    "aid_funds"};
	static const char *const labels[] = {"选派第一书记", "产业项目", "消费帮扶", "捐款捐物", "帮扶资金（配套资金）"};
	for (int i = 0; i < AID_N_KINDS; i++) {
		assert_int_equal(ledger_aid_kind_index(codes[i]), i);
		assert_string_equal(ledger_aid_kind_at(i), codes[i]);
		assert_string_equal(ledger_aid_kind_label(codes[i]), labels[i]);
	}
	assert_null(ledger_aid_kind_at(AID_N_KINDS));
	assert_null(ledger_aid_kind_at(-1));
	assert_int_equal(ledger_aid_kind_index("Donation"), -1);
	assert_int_equal(ledger_aid_kind_index(""), -1);
	assert_int_equal(ledger_aid_kind_index(NULL), -1);
	assert_string_equal(ledger_aid_kind_label("x"), "");
	assert_string_equal(ledger_aid_unit_label("kg"), "千克");
	assert_string_equal(ledger_aid_unit_label("head"), "头");
	assert_string_equal(ledger_aid_unit_label("piece"), "件");
	assert_string_equal(ledger_aid_unit_label("box"), "箱");
	assert_string_equal(ledger_aid_unit_label("bag"), "袋");
	assert_string_equal(ledger_aid_unit_label(""), "");
	assert_null(ledger_aid_unit_label("ton"));
	assert_null(ledger_aid_unit_label("KG"));
	assert_null(ledger_aid_unit_label(NULL));
}

static void test_valid_records(void **state)
{
	(void)state;
	struct err_detail d;
	for (int i = 0; i < AID_N_KINDS; i++) {
		err_clear(&d);
		if (ledger_aid_validate(&aid_ok[i], &d) != ERR_OK) {
			fail_msg("%s: %s %s %s", aid_ok[i].kind, d.code, d.field, d.message);
		}
	}
	/* limits are inclusive; optional fields may be missing; no today means no upper bound */
	struct aid_fields a = aid_ok[1];
	a.amount_fen = 0; /* an industry project without investment */
	a.partner_id = 0;
	a.item = "项";
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a.amount_fen = AID_AMOUNT_MAX;
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a = aid_ok[2];
	a.quantity = AID_QUANTITY_MAX;
	a.quantity_unit = "bag";
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a = aid_ok[0];
	a.end_date = a.aid_date; /* left the same day */
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a.end_date = NULL; /* still in office */
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a.end_date = "2099-12-31"; /* a planned end of term may lie ahead */
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a = aid_ok[3];
	a.item = NULL;
	a.today = NULL;
	a.aid_date = "2100-12-31";
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a = aid_ok[4];
	a.aid_date = "2024-02-29";
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
}

static char *aid_repeat(const char *unit, int n)
{
	size_t u = strlen(unit);
	char *s = malloc(u * (size_t)n + 1);
	for (int i = 0; i < n; i++) {
		memcpy(s + u * (size_t)i, unit, u);
	}
	s[u * (size_t)n] = '\0';
	return s;
}

struct aid_case {
	int kind;               /* base record: index into aid_ok */
	const char *what;       /* which field the case changes, for the message */
	void (*change)(struct aid_fields *a);
	const char *code, *field;
	enum err err;
};

static char *aid_person_51, *aid_person_50, *aid_item_101, *aid_desc_2001;

#define AID_CHANGE(name, body)                                                                     \
	static void name(struct aid_fields *a)                                                     \
	{                                                                                          \
		body;                                                                              \
	}

AID_CHANGE(kind_missing, a->kind = NULL)
AID_CHANGE(kind_empty, a->kind = "")
AID_CHANGE(kind_unknown, a->kind = "loan")
AID_CHANGE(kind_case, a->kind = "Donation")
AID_CHANGE(date_missing, a->aid_date = "")
AID_CHANGE(date_null, a->aid_date = NULL)
AID_CHANGE(date_feb30, a->aid_date = "2024-02-30")
AID_CHANGE(date_feb29, a->aid_date = "2023-02-29")
AID_CHANGE(date_month13, a->aid_date = "2024-13-01")
AID_CHANGE(date_slashes, a->aid_date = "2024/01/01")
AID_CHANGE(date_short, a->aid_date = "2024-1-1")
AID_CHANGE(date_before_prc, a->aid_date = "1949-09-30")
AID_CHANGE(date_tomorrow, a->aid_date = "2025-06-16")
AID_CHANGE(end_on_donation, a->end_date = "2024-12-31")
AID_CHANGE(end_invalid, a->end_date = "2025-02-30")
AID_CHANGE(end_before, a->end_date = "2023-02-28")
AID_CHANGE(partner_missing, a->partner_id = 0)
AID_CHANGE(person_missing, a->person = "")
AID_CHANGE(person_null, a->person = NULL)
AID_CHANGE(person_long, a->person = aid_person_51)
AID_CHANGE(person_control, a->person = "张\x01书记")
AID_CHANGE(person_bad_utf8, a->person = "\xE5\xBC")
AID_CHANGE(person_on_project, a->person = "张三")
AID_CHANGE(item_missing, a->item = "")
AID_CHANGE(item_long, a->item = aid_item_101)
AID_CHANGE(quantity_negative, a->quantity = -1)
AID_CHANGE(quantity_huge, a->quantity = AID_QUANTITY_MAX + 1)
AID_CHANGE(quantity_min, a->quantity = INT64_MIN)
AID_CHANGE(quantity_zero, a->quantity = 0)
AID_CHANGE(quantity_on_donation, a->quantity = 5)
AID_CHANGE(unit_missing, a->quantity_unit = "")
AID_CHANGE(unit_unknown, a->quantity_unit = "ton")
AID_CHANGE(unit_on_donation, a->quantity_unit = "kg")
AID_CHANGE(amount_negative, a->amount_fen = -1)
AID_CHANGE(amount_min, a->amount_fen = INT64_MIN)
AID_CHANGE(amount_over, a->amount_fen = AID_AMOUNT_MAX + 1)
AID_CHANGE(amount_max, a->amount_fen = INT64_MAX)
AID_CHANGE(amount_zero, a->amount_fen = 0)
AID_CHANGE(amount_on_secretary, a->amount_fen = 1)
AID_CHANGE(desc_long, a->description = aid_desc_2001)

static const struct aid_case aid_cases[] = {
	{3, "kind", kind_missing, "required", "kind", ERR_INVALID},
	{3, "kind", kind_empty, "required", "kind", ERR_INVALID},
	{3, "kind", kind_unknown, "invalid_kind", "kind", ERR_INVALID},
	{3, "kind", kind_case, "invalid_kind", "kind", ERR_INVALID},
	{3, "aid_date", date_missing, "required", "aid_date", ERR_INVALID},
	{0, "aid_date", date_null, "required", "aid_date", ERR_INVALID},
	{3, "aid_date", date_feb30, "invalid_date", "aid_date", ERR_INVALID},
	{3, "aid_date", date_feb29, "invalid_date", "aid_date", ERR_INVALID},
	{3, "aid_date", date_month13, "invalid_date", "aid_date", ERR_INVALID},
	{3, "aid_date", date_slashes, "invalid_date", "aid_date", ERR_INVALID},
	{3, "aid_date", date_short, "invalid_date", "aid_date", ERR_INVALID},
	{3, "aid_date", date_before_prc, "invalid_date", "aid_date", ERR_INVALID},
	{3, "aid_date", date_tomorrow, "invalid_date", "aid_date", ERR_INVALID},
	{0, "aid_date", date_tomorrow, "invalid_date", "aid_date", ERR_INVALID},
	{3, "end_date", end_on_donation, "field_not_allowed", "end_date", ERR_INVALID},
	{1, "end_date", end_on_donation, "field_not_allowed", "end_date", ERR_INVALID},
	{0, "end_date", end_invalid, "invalid_date", "end_date", ERR_INVALID},
	{0, "end_date", end_before, "invalid_range", "end_date", ERR_INVALID},
	{0, "partner_id", partner_missing, "required", "partner_id", ERR_INVALID},
	{0, "person", person_missing, "required", "person", ERR_INVALID},
	{0, "person", person_null, "required", "person", ERR_INVALID},
	{0, "person", person_long, "too_long", "person", ERR_INVALID},
	{0, "person", person_control, "invalid_characters", "person", ERR_INVALID},
	{0, "person", person_bad_utf8, "invalid_characters", "person", ERR_INVALID},
	{1, "person", person_on_project, "field_not_allowed", "person", ERR_INVALID},
	{2, "person", person_on_project, "field_not_allowed", "person", ERR_INVALID},
	{3, "person", person_on_project, "field_not_allowed", "person", ERR_INVALID},
	{4, "person", person_on_project, "field_not_allowed", "person", ERR_INVALID},
	{1, "item", item_missing, "required", "item", ERR_INVALID},
	{2, "item", item_missing, "required", "item", ERR_INVALID},
	{3, "item", item_long, "too_long", "item", ERR_INVALID},
	{0, "item", item_long, "too_long", "item", ERR_INVALID},
	{2, "quantity", quantity_negative, "out_of_range", "quantity", ERR_INVALID},
	{2, "quantity", quantity_huge, "out_of_range", "quantity", ERR_INVALID},
	{3, "quantity", quantity_min, "out_of_range", "quantity", ERR_INVALID},
	{2, "quantity", quantity_zero, "required", "quantity", ERR_INVALID},
	{3, "quantity", quantity_on_donation, "field_not_allowed", "quantity", ERR_INVALID},
	{0, "quantity", quantity_on_donation, "field_not_allowed", "quantity", ERR_INVALID},
	{1, "quantity", quantity_on_donation, "field_not_allowed", "quantity", ERR_INVALID},
	{2, "quantity_unit", unit_missing, "required", "quantity_unit", ERR_INVALID},
	{2, "quantity_unit", unit_unknown, "invalid_value", "quantity_unit", ERR_INVALID},
	{3, "quantity_unit", unit_on_donation, "field_not_allowed", "quantity_unit", ERR_INVALID},
	{4, "quantity_unit", unit_on_donation, "field_not_allowed", "quantity_unit", ERR_INVALID},
	{1, "amount_fen", amount_negative, "invalid_amount", "amount_fen", ERR_INVALID},
	{3, "amount_fen", amount_min, "invalid_amount", "amount_fen", ERR_INVALID},
	{4, "amount_fen", amount_over, "invalid_amount", "amount_fen", ERR_INVALID},
	{1, "amount_fen", amount_max, "invalid_amount", "amount_fen", ERR_INVALID},
	{0, "amount_fen", amount_negative, "invalid_amount", "amount_fen", ERR_INVALID},
	{2, "amount_fen", amount_zero, "required", "amount_fen", ERR_INVALID},
	{3, "amount_fen", amount_zero, "required", "amount_fen", ERR_INVALID},
	{4, "amount_fen", amount_zero, "required", "amount_fen", ERR_INVALID},
	{0, "amount_fen", amount_on_secretary, "field_not_allowed", "amount_fen", ERR_INVALID},
	{4, "description", desc_long, "too_long", "description", ERR_INVALID},
};

static void test_rules(void **state)
{
	(void)state;
	aid_person_51 = aid_repeat("张", 51);
	aid_person_50 = aid_repeat("张", 50);
	aid_item_101 = aid_repeat("项", 101);
	aid_desc_2001 = aid_repeat("说", 2001);
	for (size_t i = 0; i < sizeof aid_cases / sizeof aid_cases[0]; i++) {
		const struct aid_case *c = &aid_cases[i];
		struct aid_fields a = aid_ok[c->kind];
		c->change(&a);
		struct err_detail d;
		err_clear(&d);
		enum err e = ledger_aid_validate(&a, &d);
		if (e != c->err || strcmp(d.code, c->code) != 0 || strcmp(d.field, c->field) != 0 || !d.message[0]) {
			fail_msg("case %zu (%s on %s): got %d %s/%s \"%s\", want %s/%s", i, c->what, aid_ok[c->kind].kind,
				 (int)e, d.code, d.field, d.message, c->code, c->field);
		}
	}
	/* lengths count characters, not bytes: 50 CJK characters (150 bytes) are fine */
	struct aid_fields a = aid_ok[0];
	a.person = aid_person_50;
	struct err_detail d;
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	a = aid_ok[4];
	aid_desc_2001[strlen(aid_desc_2001) - 3] = '\0'; /* 2000 characters */
	a.description = aid_desc_2001;
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	free(aid_person_51);
	free(aid_person_50);
	free(aid_item_101);
	free(aid_desc_2001);
}

/* The first failure wins, in the documented order: kind, dates, partner, person, item,
 * quantity, unit, amount, description. */
static void test_rule_order(void **state)
{
	(void)state;
	struct err_detail d;
	struct aid_fields a = {.kind = "first_secretary", .today = TODAY, .amount_fen = -5, .quantity = 3};
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "aid_date");
	a.aid_date = "2024-01-01";
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "partner_id");
	a.partner_id = 1;
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "person");
	a.person = "李四";
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "quantity");
	assert_string_equal(d.code, "field_not_allowed");
	a.quantity = 0;
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.code, "invalid_amount");
	a.amount_fen = 0;
	assert_int_equal(ledger_aid_validate(&a, &d), ERR_OK);
	/* a purchase with neither quantity nor unit asks for the quantity first */
	struct aid_fields p = aid_ok[2];
	p.quantity = 0;
	p.quantity_unit = NULL;
	assert_int_equal(ledger_aid_validate(&p, &d), ERR_INVALID);
	assert_string_equal(d.field, "quantity");
	/* the message names the kind */
	struct aid_fields s = aid_ok[4];
	s.person = "王五";
	assert_int_equal(ledger_aid_validate(&s, &d), ERR_INVALID);
	assert_non_null(strstr(d.message, "帮扶资金"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_and_units),
		cmocka_unit_test(test_valid_records),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_rule_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
