/* test_ledger.c — unit tests for src/domain/ledger: calendar dates, the date of an epoch time in
 * the offices' time zone, partner validation, the pairing rules (kind ↔ partner kind, dates) and
 * the activity rules (festivals, dates, roles, limits). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/domain/ledger.h"

static void test_dates(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{"2024-02-29", 1}, {"2023-02-29", 0}, {"2000-02-29", 1}, {"1900-02-29", 0}, {"2023-02-30", 0},
		{"2023-04-31", 0}, {"2023-12-31", 1}, {"2023-13-01", 0}, {"2023-00-10", 0}, {"2023-01-00", 0},
		{"1949-10-01", 1}, {"1949-09-30", 0}, {"2100-12-31", 1}, {"2101-01-01", 0}, {"2023-1-01", 0},
		{"2023/01/01", 0}, {"20230101", 0},   {"2023-01-01x", 0}, {"", 0},          {"abcd-ef-gh", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (ledger_date_valid(cases[i].s) != cases[i].ok) {
			fail_msg("ledger_date_valid(%s) should be %d", cases[i].s, cases[i].ok);
		}
	}
	assert_false(ledger_date_valid(NULL));
}

static void test_date_of(void **state)
{
	(void)state;
	char d[11];
	ledger_date_of(0, d);
	assert_string_equal(d, "1970-01-01");
	/* 2021-12-31T16:00:00Z is 2022-01-01 00:00 in UTC+8. */
	ledger_date_of(1640966400, d);
	assert_string_equal(d, "2022-01-01");
	ledger_date_of(1640966399, d);
	assert_string_equal(d, "2021-12-31");
	ledger_date_of(1709136000, d); /* 2024-02-28T16:00Z → 02-29 in UTC+8 */
	assert_string_equal(d, "2024-02-29");
}

static void test_pairing_rules(void **state)
{
	(void)state;
	struct err_detail d;
	err_clear(&d);
	assert_int_equal(ledger_pairing_validate("city_creation", "community", "2021-03-01", "", "", &d), ERR_OK);
	assert_int_equal(ledger_pairing_validate("rural_revitalization", "village", "2021-03-01", "2023-03-01", "说明", &d),
			 ERR_OK);
	assert_int_equal(ledger_pairing_validate("city_creation", "village", "2021-03-01", "", "", &d), ERR_UNPROCESSABLE);
	assert_string_equal(d.code, "partner_kind_mismatch");
	assert_int_equal(ledger_pairing_validate("rural_revitalization", "community", "2021-03-01", "", "", &d),
			 ERR_UNPROCESSABLE);
	assert_int_equal(ledger_pairing_validate("other", "community", "2021-03-01", "", "", &d), ERR_INVALID);
	assert_string_equal(d.field, "kind");
	assert_int_equal(ledger_pairing_validate("city_creation", "community", "2021-02-30", "", "", &d), ERR_INVALID);
	assert_string_equal(d.field, "start_date");
	assert_int_equal(ledger_pairing_validate("city_creation", "community", "2021-03-01", "2021-02-28", "", &d),
			 ERR_INVALID);
	assert_string_equal(d.code, "date_order");
	assert_int_equal(ledger_pairing_validate("city_creation", "community", "2021-03-01", "2021-03-01", "", &d), ERR_OK);
	assert_string_equal(ledger_pairing_partner_kind("city_creation"), "community");
	assert_string_equal(ledger_pairing_partner_kind("rural_revitalization"), "village");
	assert_null(ledger_pairing_partner_kind("x"));
}

static void test_partner_validation(void **state)
{
	(void)state;
	struct err_detail d;
	struct partner_fields ok = {"village", "伊克敖包嘎查", "150622", "", "", "0477-1234567", "", 230, 680};
	err_clear(&d);
	assert_int_equal(ledger_partner_validate(&ok, &d), ERR_OK);
	struct partner_fields p = ok;
	p.kind = "town";
	assert_int_equal(ledger_partner_validate(&p, &d), ERR_INVALID);
	assert_string_equal(d.field, "kind");
	p = ok;
	p.name = "村";
	assert_int_equal(ledger_partner_validate(&p, &d), ERR_INVALID);
	assert_string_equal(d.code, "too_short");
	p = ok;
	p.region_code = "15062";
	assert_int_equal(ledger_partner_validate(&p, &d), ERR_INVALID);
	assert_string_equal(d.field, "region_code");
	p = ok;
	p.contact_phone = "0477#1";
	assert_int_equal(ledger_partner_validate(&p, &d), ERR_INVALID);
	assert_string_equal(d.field, "contact_phone");
	p = ok;
	p.households = -1;
	assert_int_equal(ledger_partner_validate(&p, &d), ERR_INVALID);
	assert_string_equal(d.field, "households");
	char longname[400];
	longname[0] = '\0';
	for (int i = 0; i < 101; i++) {
		strcat(longname, "村");
	}
	p = ok;
	p.name = longname;
	assert_int_equal(ledger_partner_validate(&p, &d), ERR_INVALID);
	assert_string_equal(d.code, "too_long");
}

static void test_activity_rules(void **state)
{
	(void)state;
	struct err_detail d;
	struct activity_fields ok = {"our_festivals", "mid_autumn", "中秋节志愿服务", "2022-09-10", "迎泽社区", "hosted", "", 40};
	err_clear(&d);
	assert_int_equal(ledger_activity_validate(&ok, &d), ERR_OK);
	struct activity_fields a = ok;
	a.festival = "";
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "festival");
	assert_string_equal(d.code, "required");
	a = ok;
	a.type_code = "lei_feng";
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.code, "festival_not_allowed");
	a.festival = NULL;
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_OK);
	a = ok;
	a.festival = "halloween";
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.code, "invalid_value");
	a = ok;
	a.activity_date = "2022-02-30";
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "activity_date");
	a = ok;
	a.role = "watched";
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "role");
	a = ok;
	a.participants = 1000001;
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.field, "participants");
	a = ok;
	a.title = "会";
	assert_int_equal(ledger_activity_validate(&a, &d), ERR_INVALID);
	assert_string_equal(d.code, "too_short");
	assert_int_equal(ledger_date_year("2021-12-31"), 2021);
	assert_int_equal(ledger_date_year("2021-13-01"), 0);
	assert_string_equal(ledger_festival_label("double_ninth"), "重阳");
	assert_string_equal(ledger_festival_label("x"), "");
}

static void test_volunteer_rules(void **state)
{
	(void)state;
	struct err_detail d;
	struct volunteer_fields ok = {"张晓东", "male", "138-4771-2345", "NM2019000123", "2019-03-05", "active", "", ""};
	err_clear(&d);
	assert_int_equal(ledger_volunteer_validate(&ok, &d), ERR_OK);
	struct volunteer_fields v = ok;
	v.status = "left";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_INVALID);
	assert_string_equal(d.field, "left_date");
	assert_string_equal(d.code, "required");
	v.left_date = "2019-03-04";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_INVALID);
	assert_string_equal(d.code, "date_order");
	v.left_date = "2021-06-30";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_OK);
	v = ok;
	v.left_date = "2021-06-30";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_INVALID);
	assert_string_equal(d.code, "left_date_not_allowed");
	v = ok;
	v.gender = "x";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_INVALID);
	assert_string_equal(d.field, "gender");
	v = ok;
	v.phone = "12345";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_INVALID);
	assert_string_equal(d.field, "phone");
	v.phone = "138a4771234";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_INVALID);
	v = ok;
	v.name = "";
	assert_int_equal(ledger_volunteer_validate(&v, &d), ERR_INVALID);
	assert_string_equal(d.code, "required");

	char m[32];
	ledger_phone_mask("13847712345", m, sizeof m);
	assert_string_equal(m, "138****2345");
	ledger_phone_mask("138-4771-2345", m, sizeof m);
	assert_string_equal(m, "138****2345");
	ledger_phone_mask("0477-4612345", m, sizeof m);
	assert_string_equal(m, "****45");
	ledger_phone_mask("", m, sizeof m);
	assert_string_equal(m, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_of),
		cmocka_unit_test(test_pairing_rules),
		cmocka_unit_test(test_partner_validation),
		cmocka_unit_test(test_activity_rules),
		cmocka_unit_test(test_volunteer_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
