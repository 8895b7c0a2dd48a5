/* unit.c — validation of a unit record (domain layer). */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "region_code.h"
#include "text.h"
#include "title.h"
#include "uscc.h"

static enum err unit_check_text(const char *s, const char *field, size_t max_chars, int required,
				const char *label, struct err_detail *d)
{
	char msg[160];
	size_t n = strlen(s);
	if (!text_utf8_valid(s, n)) {
		snprintf(msg, sizeof msg, "%s含有无效的字符编码", label);
		return err_set(d, ERR_INVALID, "invalid_utf8", field, msg);
	}
	if (text_has_control(s)) {
		snprintf(msg, sizeof msg, "%s含有控制字符", label);
		return err_set(d, ERR_INVALID, "invalid_characters", field, msg);
	}
	if (required && n == 0) {
		snprintf(msg, sizeof msg, "请填写%s", label);
		return err_set(d, ERR_INVALID, "required", field, msg);
	}
	if (text_utf8_chars(s, n) > max_chars) {
		snprintf(msg, sizeof msg, "%s不能超过%zu个字", label, max_chars);
		return err_set(d, ERR_INVALID, "too_long", field, msg);
	}
	return ERR_OK;
}

enum err unit_validate(const struct unit *u, struct err_detail *d)
{
	enum err e;
	if ((e = unit_check_text(u->name, "name", UNIT_NAME_MAX, 1, "单位名称", d))) {
		return e;
	}
	if (text_utf8_chars(u->name, strlen(u->name)) < 2) {
		return err_set(d, ERR_INVALID, "too_short", "name", "单位名称至少2个字");
	}
	if (u->uscc[0] && (e = uscc_validate(u->uscc, d))) {
		return e;
	}
	if (!u->category[0]) {
		return err_set(d, ERR_INVALID, "required", "category", "请选择单位类别");
	}
	int level = 0;
	if (region_code_validate(u->region_code, NULL, &level, d) != ERR_OK) {
		return err_set(d, ERR_INVALID, "region_code", "region_code", "行政区划代码应为6位数字的有效代码");
	}
	if ((e = unit_check_text(u->address, "address", UNIT_ADDRESS_MAX, 0, "地址", d)) ||
	    (e = unit_check_text(u->contact_name, "contact_name", UNIT_CONTACT_MAX, 0, "联系人", d)) ||
	    (e = unit_check_text(u->remark, "remark", UNIT_REMARK_MAX, 0, "备注", d))) {
		return e;
	}
	for (const char *p = u->contact_phone; *p; p++) {
		if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == ' ' || *p == '(' || *p == ')')) {
			return err_set(d, ERR_INVALID, "phone", "contact_phone", "联系电话只能包含数字、空格和 - + ( )");
		}
	}
	if (u->staff_count < 0 || u->staff_count > UNIT_STAFF_MAX) {
		return err_set(d, ERR_INVALID, "out_of_range", "staff_count", "职工人数应在0到10000000之间");
	}
	if (!title_unit_status_valid(u->status)) {
		return err_set(d, ERR_INVALID, "invalid_value", "status", "单位状态无效");
	}
	return ERR_OK;
}

void unit_region_levels(const char *region_code, char city[7], char prov[7])
{
	snprintf(prov, 7, "%.2s0000", region_code);
	snprintf(city, 7, "%.4s00", region_code);
}
