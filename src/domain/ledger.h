/* ledger.h — vocabulary and rules of the creation ledger (创建台账) (domain layer): partner kinds
 * (社区/小区, 嘎查村), pairing kinds (结对共建 for city creation, 包联共建 for rural revitalization),
 * calendar dates, and the validation of partners and pairings. Pure functions. */
#ifndef WM_LEDGER_H
#define WM_LEDGER_H
#include <stddef.h>
#include <stdint.h>

#include "../util/err.h"

#define LEDGER_NAME_MAX 100
#define LEDGER_NOTE_MAX 500

/* "community" 社区（小区）, "village" 嘎查村. */
int ledger_partner_kind_valid(const char *kind);
const char *ledger_partner_kind_label(const char *kind);
/* "city_creation" 助力文明城市创建（结对共建社区）, "rural_revitalization" 助力乡村振兴（包联嘎查村）. */
int ledger_pairing_kind_valid(const char *kind);
const char *ledger_pairing_kind_label(const char *kind);
/* The partner kind a pairing kind goes with: city_creation ↔ community, rural ↔ village. */
const char *ledger_pairing_partner_kind(const char *pairing_kind);

/* 1 when s is a real calendar date YYYY-MM-DD between 1949-10-01 and 2100-12-31. */
int ledger_date_valid(const char *s);
/* Today's date (UTC+8, the offices' time) of an epoch time, as YYYY-MM-DD. */
void ledger_date_of(int64_t epoch, char out[11]);

struct partner_fields {
	const char *kind, *name, *region_code, *address, *contact_name, *contact_phone, *remark;
	int64_t households, population;
};
enum err ledger_partner_validate(const struct partner_fields *p, struct err_detail *d);

/* A pairing's kind must fit its partner's kind; dates must be valid and end ≥ start. */
enum err ledger_pairing_validate(const char *kind, const char *partner_kind, const char *start_date,
				 const char *end_date, const char *note, struct err_detail *d);

/* Activities (精神文明创建活动). festival: spring_festival 春节, lantern 元宵, qingming 清明,
 * dragon_boat 端午, qixi 七夕, mid_autumn 中秋, double_ninth 重阳 — required for the type
 * our_festivals (我们的节日) and not allowed for any other. role: hosted 主办 / joined 参与. */
#define LEDGER_ACTIVITY_TITLE_MAX 100
#define LEDGER_ACTIVITY_DESC_MAX 2000
int ledger_festival_valid(const char *festival);
const char *ledger_festival_label(const char *festival);
/* The festival's code from its code or label (春节 or 春节节 style 中秋节 too); NULL when none. */
const char *ledger_festival_code(const char *text);
int ledger_activity_role_valid(const char *role);

struct activity_fields {
	const char *type_code, *festival, *title, *activity_date, *place, *role, *description;
	int64_t participants;
};
enum err ledger_activity_validate(const struct activity_fields *a, struct err_detail *d);
/* The year an activity counts for: the year of the day it happened. */
int ledger_date_year(const char *date);

/* Volunteers (志愿者). gender: "" (not given), male 男, female 女; status: active 在册 / left 已退出
 * (with the date they left). */
struct volunteer_fields {
	const char *name, *gender, *phone, *platform_id, *joined_date, *status, *left_date, *remark;
};
enum err ledger_volunteer_validate(const struct volunteer_fields *v, struct err_detail *d);
/* A phone as shown to those who need not see it: the first 3 and last 4 digits of a mobile
 * (138****1234); other numbers keep only their last 2 digits. out ≥ 32 bytes. */
void ledger_phone_mask(const char *phone, char *out, size_t outlen);

/* Service time in hours with at most one decimal, rounded half up to 0.1 h: 150 → "2.5",
 * 120 → "2", 3 → "0.1". */
void ledger_hours_text(int64_t minutes, char *out, size_t outlen);
/* Longest service one volunteer can record for one activity or one report. */
#define LEDGER_MINUTES_MAX 1440
/* The digits of a phone (spaces, dashes and brackets dropped); returns their count. */
size_t ledger_phone_digits(const char *phone, char *out, size_t outlen);

/* A volunteer's own report of service hours through the unit's self-report link: name, an
 * 11-digit mobile (to match the roster), the service date (a real date within the last year,
 * not after today), 1–1440 minutes, description ≤ 500 characters. */
struct hour_report_fields {
	const char *name, *phone, *service_date, *today, *description;
	int64_t minutes;
};
enum err ledger_hour_report_validate(const struct hour_report_fields *h, struct err_detail *d);

#endif
