/* ledger.c — creation-ledger rules (domain layer). */
#include "ledger.h"

#include <stdio.h>
#include <string.h>

#include "region_code.h"
#include "text.h"

int ledger_partner_kind_valid(const char *kind)
{
	return kind && (strcmp(kind, "community") == 0 || strcmp(kind, "village") == 0);
}

const char *ledger_partner_kind_label(const char *kind)
{
	if (kind && strcmp(kind, "community") == 0) {
		return "社区（小区）";
	}
	if (kind && strcmp(kind, "village") == 0) {
		return "嘎查村";
	}
	return "";
}

int ledger_pairing_kind_valid(const char *kind)
{
	return kind && (strcmp(kind, "city_creation") == 0 || strcmp(kind, "rural_revitalization") == 0);
}

const char *ledger_pairing_kind_label(const char *kind)
{
	if (kind && strcmp(kind, "city_creation") == 0) {
		return "结对共建社区";
	}
	if (kind && strcmp(kind, "rural_revitalization") == 0) {
		return "包联共建嘎查村";
	}
	return "";
}

const char *ledger_pairing_partner_kind(const char *pairing_kind)
{
	if (pairing_kind && strcmp(pairing_kind, "city_creation") == 0) {
		return "community";
	}
	if (pairing_kind && strcmp(pairing_kind, "rural_revitalization") == 0) {
		return "village";
	}
	return NULL;
}

int ledger_date_valid(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
		return 0;
	}
	for (int i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
			return 0;
		}
	}
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) {
		return 0;
	}
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
		return 0;
	}
	return strcmp(s, "1949-10-01") >= 0;
}

void ledger_date_of(int64_t epoch, char out[11])
{
	int64_t days = (epoch + 8 * 3600) / 86400 + 719468;
	int64_t era = days / 146097;
	unsigned doe = (unsigned)(days - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	int y = (int)(yoe + era * 400 + (m <= 2));
	unsigned v[3] = {(unsigned)(y % 10000), m % 100, d % 100};
	memcpy(out, "0000-00-00", 11);
	static const int last[3] = {3, 6, 9};
	for (int i = 0; i < 3; i++) {
		unsigned x = v[i];
		for (int k = 0; k < (i == 0 ? 4 : 2); k++) {
			out[last[i] - k] = (char)('0' + x % 10);
			x /= 10;
		}
	}
}

static enum err ledger_text(const char *s, const char *field, size_t max, int required, const char *label,
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
	if (text_utf8_chars(s ? s : "", n) > max) {
		snprintf(msg, sizeof msg, "%s不能超过%zu个字", label, max);
		return err_set(d, ERR_INVALID, "too_long", field, msg);
	}
	return ERR_OK;
}

enum err ledger_partner_validate(const struct partner_fields *p, struct err_detail *d)
{
	enum err e;
	if (!ledger_partner_kind_valid(p->kind)) {
		return err_set(d, ERR_INVALID, "invalid_value", "kind", "共建对象类型无效，可选 community（社区）、village（嘎查村）");
	}
	if ((e = ledger_text(p->name, "name", LEDGER_NAME_MAX, 1, "名称", d))) {
		return e;
	}
	if (text_utf8_chars(p->name, strlen(p->name)) < 2) {
		return err_set(d, ERR_INVALID, "too_short", "name", "名称至少2个字");
	}
	int level = 0;
	if (region_code_validate(p->region_code, NULL, &level, NULL) != ERR_OK) {
		return err_set(d, ERR_INVALID, "region_code", "region_code", "行政区划代码应为6位数字的有效代码");
	}
	if ((e = ledger_text(p->address, "address", 200, 0, "地址", d)) ||
	    (e = ledger_text(p->contact_name, "contact_name", 50, 0, "联系人", d)) ||
	    (e = ledger_text(p->remark, "remark", LEDGER_NOTE_MAX, 0, "备注", d))) {
		return e;
	}
	for (const char *c = p->contact_phone ? p->contact_phone : ""; *c; c++) {
		if (!((*c >= '0' && *c <= '9') || *c == '-' || *c == '+' || *c == ' ' || *c == '(' || *c == ')')) {
			return err_set(d, ERR_INVALID, "phone", "contact_phone", "联系电话只能包含数字、空格和 - + ( )");
		}
	}
	if (p->households < 0 || p->households > 10000000) {
		return err_set(d, ERR_INVALID, "out_of_range", "households", "户数应在0到10000000之间");
	}
	if (p->population < 0 || p->population > 100000000) {
		return err_set(d, ERR_INVALID, "out_of_range", "population", "人口应在0到100000000之间");
	}
	return ERR_OK;
}

enum err ledger_pairing_validate(const char *kind, const char *partner_kind, const char *start_date,
				 const char *end_date, const char *note, struct err_detail *d)
{
	if (!ledger_pairing_kind_valid(kind)) {
		return err_set(d, ERR_INVALID, "invalid_value", "kind",
			       "结对类型无效，可选 city_creation（结对共建社区）、rural_revitalization（包联共建嘎查村）");
	}
	if (!partner_kind || strcmp(ledger_pairing_partner_kind(kind), partner_kind) != 0) {
		return err_set(d, ERR_UNPROCESSABLE, "partner_kind_mismatch", "partner_id",
			       strcmp(kind, "city_creation") == 0 ? "结对共建的对象应为社区（小区）"
								  : "包联共建的对象应为嘎查村");
	}
	if (!ledger_date_valid(start_date)) {
		return err_set(d, ERR_INVALID, "invalid_date", "start_date", "开始日期应为有效日期，格式 YYYY-MM-DD");
	}
	if (end_date && *end_date) {
		if (!ledger_date_valid(end_date)) {
			return err_set(d, ERR_INVALID, "invalid_date", "end_date", "结束日期应为有效日期，格式 YYYY-MM-DD");
		}
		if (strcmp(end_date, start_date) < 0) {
			return err_set(d, ERR_INVALID, "date_order", "end_date", "结束日期不能早于开始日期");
		}
	}
	return ledger_text(note, "note", LEDGER_NOTE_MAX, 0, "备注", d);
}

static const struct {
	const char *code, *label;
} ledger_festivals[] = {
	{"spring_festival", "春节"}, {"lantern", "元宵"},  {"qingming", "清明"},     {"dragon_boat", "端午"},
	{"qixi", "七夕"},            {"mid_autumn", "中秋"}, {"double_ninth", "重阳"},
};

int ledger_festival_valid(const char *festival)
{
	return ledger_festival_label(festival)[0] != '\0';
}

const char *ledger_festival_label(const char *festival)
{
	for (size_t i = 0; festival && i < sizeof ledger_festivals / sizeof ledger_festivals[0]; i++) {
		if (strcmp(festival, ledger_festivals[i].code) == 0) {
			return ledger_festivals[i].label;
		}
	}
	return "";
}

const char *ledger_festival_code(const char *text)
{
	for (size_t i = 0; text && i < sizeof ledger_festivals / sizeof ledger_festivals[0]; i++) {
		size_t n = strlen(ledger_festivals[i].label);
		if (strcmp(text, ledger_festivals[i].code) == 0 ||
		    (strncmp(text, ledger_festivals[i].label, n) == 0 && (text[n] == '\0' || strcmp(text + n, "节") == 0))) {
			return ledger_festivals[i].code;
		}
	}
	return NULL;
}

int ledger_activity_role_valid(const char *role)
{
	return role && (strcmp(role, "hosted") == 0 || strcmp(role, "joined") == 0);
}

int ledger_date_year(const char *date)
{
	if (!ledger_date_valid(date)) {
		return 0;
	}
	return (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
}

enum err ledger_activity_validate(const struct activity_fields *a, struct err_detail *d)
{
	enum err e;
	if (!a->type_code || !*a->type_code) {
		return err_set(d, ERR_INVALID, "required", "type_code", "请选择活动类型");
	}
	int festival_type = strcmp(a->type_code, "our_festivals") == 0;
	int has_festival = a->festival && *a->festival;
	if (festival_type && !has_festival) {
		return err_set(d, ERR_INVALID, "required", "festival", "“我们的节日”活动须选择节日");
	}
	if (has_festival && !ledger_festival_valid(a->festival)) {
		return err_set(d, ERR_INVALID, "invalid_value", "festival", "节日无效，可选春节、元宵、清明、端午、七夕、中秋、重阳");
	}
	if (has_festival && !festival_type) {
		return err_set(d, ERR_INVALID, "festival_not_allowed", "festival", "只有“我们的节日”活动可以选择节日");
	}
	if ((e = ledger_text(a->title, "title", LEDGER_ACTIVITY_TITLE_MAX, 1, "活动名称", d))) {
		return e;
	}
	if (text_utf8_chars(a->title, strlen(a->title)) < 2) {
		return err_set(d, ERR_INVALID, "too_short", "title", "活动名称至少2个字");
	}
	if (!a->activity_date || !*a->activity_date) {
		return err_set(d, ERR_INVALID, "required", "activity_date", "请填写活动日期");
	}
	if (!ledger_date_valid(a->activity_date)) {
		return err_set(d, ERR_INVALID, "invalid_date", "activity_date", "活动日期应为有效日期，格式 YYYY-MM-DD");
	}
	if ((e = ledger_text(a->place, "place", 100, 0, "活动地点", d)) ||
	    (e = ledger_text(a->description, "description", LEDGER_ACTIVITY_DESC_MAX, 0, "活动内容", d))) {
		return e;
	}
	if (!ledger_activity_role_valid(a->role)) {
		return err_set(d, ERR_INVALID, "invalid_value", "role", "参与方式无效，可选 hosted（主办）、joined（参与）");
	}
	if (a->participants < 0 || a->participants > 1000000) {
		return err_set(d, ERR_INVALID, "out_of_range", "participants", "参与人数应在0到1000000之间");
	}
	return ERR_OK;
}

enum err ledger_volunteer_validate(const struct volunteer_fields *v, struct err_detail *d)
{
	enum err e;
	if ((e = ledger_text(v->name, "name", 50, 1, "姓名", d))) {
		return e;
	}
	if (v->gender && *v->gender && strcmp(v->gender, "male") != 0 && strcmp(v->gender, "female") != 0) {
		return err_set(d, ERR_INVALID, "invalid_value", "gender", "性别无效，可选 male（男）、female（女）");
	}
	size_t digits = 0;
	for (const char *c = v->phone ? v->phone : ""; *c; c++) {
		if (*c >= '0' && *c <= '9') {
			digits++;
		} else if (*c != '-' && *c != '+' && *c != ' ') {
			return err_set(d, ERR_INVALID, "phone", "phone", "联系电话只能包含数字、空格和 - +");
		}
	}
	if (v->phone && *v->phone && (digits < 7 || digits > 15)) {
		return err_set(d, ERR_INVALID, "phone", "phone", "联系电话应为7到15位数字");
	}
	if ((e = ledger_text(v->platform_id, "platform_id", 40, 0, "志愿服务平台编号", d)) ||
	    (e = ledger_text(v->remark, "remark", LEDGER_NOTE_MAX, 0, "备注", d))) {
		return e;
	}
	if (v->joined_date && *v->joined_date && !ledger_date_valid(v->joined_date)) {
		return err_set(d, ERR_INVALID, "invalid_date", "joined_date", "加入日期应为有效日期，格式 YYYY-MM-DD");
	}
	if (!v->status || (strcmp(v->status, "active") != 0 && strcmp(v->status, "left") != 0)) {
		return err_set(d, ERR_INVALID, "invalid_value", "status", "状态无效，可选 active（在册）、left（已退出）");
	}
	int left = strcmp(v->status, "left") == 0;
	int has_left_date = v->left_date && *v->left_date;
	if (left && !has_left_date) {
		return err_set(d, ERR_INVALID, "required", "left_date", "已退出的志愿者须填写退出日期");
	}
	if (!left && has_left_date) {
		return err_set(d, ERR_INVALID, "left_date_not_allowed", "left_date", "在册志愿者不能有退出日期");
	}
	if (has_left_date && !ledger_date_valid(v->left_date)) {
		return err_set(d, ERR_INVALID, "invalid_date", "left_date", "退出日期应为有效日期，格式 YYYY-MM-DD");
	}
	if (has_left_date && v->joined_date && *v->joined_date && strcmp(v->left_date, v->joined_date) < 0) {
		return err_set(d, ERR_INVALID, "date_order", "left_date", "退出日期不能早于加入日期");
	}
	return ERR_OK;
}

void ledger_phone_mask(const char *phone, char *out, size_t outlen)
{
	char digits[32];
	size_t n = 0;
	for (const char *c = phone ? phone : ""; *c && n + 1 < sizeof digits; c++) {
		if (*c >= '0' && *c <= '9') {
			digits[n++] = *c;
		}
	}
	digits[n] = '\0';
	if (n == 0) {
		snprintf(out, outlen, "%s", "");
	} else if (n == 11 && digits[0] == '1') {
		snprintf(out, outlen, "%.3s****%.4s", digits, digits + 7);
	} else if (n > 2) {
		snprintf(out, outlen, "****%s", digits + n - 2);
	} else {
		snprintf(out, outlen, "****");
	}
}

void ledger_hours_text(int64_t minutes, char *out, size_t outlen)
{
	/* tenths of an hour, half up: 6 minutes = 0.1 h */
	int64_t tenths = minutes >= 0 ? (minutes + 3) / 6 : -((-minutes + 3) / 6);
	int64_t whole = tenths / 10, frac = tenths % 10;
	if (frac < 0) {
		frac = -frac;
	}
	if (frac) {
		snprintf(out, outlen, "%s%lld.%lld", tenths < 0 && whole == 0 ? "-" : "", (long long)whole, (long long)frac);
	} else {
		snprintf(out, outlen, "%lld", (long long)whole);
	}
}

size_t ledger_phone_digits(const char *phone, char *out, size_t outlen)
{
	size_t n = 0;
	for (const char *c = phone ? phone : ""; *c && n + 1 < outlen; c++) {
		if (*c >= '0' && *c <= '9') {
			out[n++] = *c;
		}
	}
	out[n] = '\0';
	return n;
}

enum err ledger_hour_report_validate(const struct hour_report_fields *h, struct err_detail *d)
{
	enum err e;
	if ((e = ledger_text(h->name, "name", 50, 1, "姓名", d))) {
		return e;
	}
	const char *p = h->phone ? h->phone : "";
	int mobile = strlen(p) == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9';
	for (size_t i = 0; mobile && i < 11; i++) {
		mobile = p[i] >= '0' && p[i] <= '9';
	}
	if (!*p) {
		return err_set(d, ERR_INVALID, "required", "phone", "请填写手机号码");
	}
	if (!mobile) {
		return err_set(d, ERR_INVALID, "phone", "phone", "手机号码应为11位数字，以1开头");
	}
	if (!h->service_date || !*h->service_date) {
		return err_set(d, ERR_INVALID, "required", "service_date", "请填写服务日期");
	}
	if (!ledger_date_valid(h->service_date)) {
		return err_set(d, ERR_INVALID, "invalid_date", "service_date", "服务日期应为有效日期，格式 YYYY-MM-DD");
	}
	if (strcmp(h->service_date, h->today) > 0) {
		return err_set(d, ERR_INVALID, "invalid_date", "service_date", "服务日期不能晚于今天");
	}
	char earliest[16];
	snprintf(earliest, sizeof earliest, "%04d%s", ledger_date_year(h->today) - 1, h->today + 4);
	if (strcmp(h->service_date, earliest) < 0) {
		return err_set(d, ERR_INVALID, "invalid_date", "service_date", "只能填报一年以内的服务时长");
	}
	if (h->minutes < 1 || h->minutes > LEDGER_MINUTES_MAX) {
		return err_set(d, ERR_INVALID, "out_of_range", "minutes", "服务时长应在1分钟到24小时之间");
	}
	return ledger_text(h->description, "description", 500, 0, "服务内容", d);
}
