/* aid.h — the creation ledger's aid records (帮扶记录) (domain layer): their kinds (选派第一书记,
 * 产业项目, 消费帮扶, 捐款捐物, 帮扶资金), quantity units, and the per-kind rules on which fields a
 * record has. Pure: the partner's existence and kind are the caller's to check; today is a
 * parameter. Money is integer fen, quantities integers of their unit. */
#ifndef WM_AID_H
#define WM_AID_H
#include <stddef.h>
#include <stdint.h>

#include "../util/err.h"

#define AID_PERSON_MAX 50
#define AID_ITEM_MAX 100
#define AID_DESC_MAX 2000
#define AID_QUANTITY_MAX INT64_C(1000000000000)   /* 10^12 of the unit */
#define AID_AMOUNT_MAX INT64_C(1000000000000000)  /* 10^15 fen = 10,000,000,000,000 元 */
#define AID_N_KINDS 5

/* Kinds in their fixed order: first_secretary 选派第一书记, industry_project 产业项目, purchase_aid
 * 消费帮扶, donation 捐款捐物, aid_funds 帮扶资金(配套资金). ledger_aid_kind_index gives the position
 * (-1 when unknown), ledger_aid_kind_at the code at a position (NULL past the end). */
int ledger_aid_kind_index(const char *kind);
const char *ledger_aid_kind_at(int i);
/* The Chinese label, "" when unknown. */
const char *ledger_aid_kind_label(const char *kind);
/* kg 千克, head 头, piece 件, box 箱, bag 袋; "" has the label "". NULL when unknown. */
const char *ledger_aid_unit_label(const char *quantity_unit);

struct aid_fields {
	const char *kind, *aid_date, *end_date, *person, *item, *quantity_unit, *description;
	int64_t partner_id; /* 0 when none */
	int64_t quantity, amount_fen;
	const char *today; /* YYYY-MM-DD: aid_date may not be later */
};

/* The rules (first failure wins, in this order; ERR_INVALID unless said):
 *   kind: required / invalid_kind;
 *   aid_date: required / invalid_date (not a real date, or after today);
 *   end_date: first secretary only (else field_not_allowed): a real date (invalid_date), not
 *     before aid_date (invalid_range);
 *   partner_id: required for a first secretary (it must be a village: the caller checks);
 *   person: first secretary only (else field_not_allowed), required, ≤ 50 characters;
 *   item: required for an industry project and purchase aid, ≤ 100 characters;
 *   quantity: 0..10^12 (out_of_range), purchase aid only (else field_not_allowed), where > 0
 *     (required);
 *   quantity_unit: purchase aid only (else field_not_allowed), a known unit (invalid_value),
 *     required when quantity > 0;
 *   amount_fen: 0..10^15 (invalid_amount); 0 for a first secretary (field_not_allowed); > 0 for
 *     purchase aid, donation and aid funds (required);
 *   description ≤ 2000 characters.
 * Texts must be valid UTF-8 without control characters (invalid_characters); lengths count
 * characters (too_long). */
enum err ledger_aid_validate(const struct aid_fields *a, struct err_detail *d);

#endif
