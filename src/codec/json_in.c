/* json_in.c — validating JSON request bodies against field tables (codec layer). */
#include "json_in.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/text.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

static const struct json_in_field *json_in_find(const struct json_in_field *fields, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(fields[i].name, key) == 0) {
			return &fields[i];
		}
	}
	return NULL;
}

enum err json_in_check(json_t *obj, const struct json_in_field *fields, size_t n, struct err_detail *d)
{
	char msg[200];
	if (!json_is_object(obj)) {
		return err_set(d, ERR_INVALID, "invalid_body", NULL, "请求内容应为 JSON 对象");
	}
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		const struct json_in_field *f = json_in_find(fields, n, key);
		if (!f) {
			snprintf(msg, sizeof msg, "不支持的字段：%.60s", key);
			return err_set(d, ERR_INVALID, "unknown_field", key, msg);
		}
		if (json_is_null(v)) {
			if (!f->required) {
				continue;
			}
			snprintf(msg, sizeof msg, "请填写%s", f->label);
			return err_set(d, ERR_INVALID, "required", f->name, msg);
		}
		switch (f->type) {
		case JIN_STRING: {
			if (!json_is_string(v)) {
				snprintf(msg, sizeof msg, "%s应为文本", f->label);
				return err_set(d, ERR_INVALID, "invalid_type", f->name, msg);
			}
			const char *s = json_string_value(v);
			size_t len = json_string_length(v);
			if (strlen(s) != len || !text_utf8_valid(s, len) || text_has_control(s)) {
				snprintf(msg, sizeof msg, "%s含有不允许的字符", f->label);
				return err_set(d, ERR_INVALID, "invalid_characters", f->name, msg);
			}
			size_t chars = text_utf8_chars(s, len);
			if ((int64_t)chars > f->max) {
				snprintf(msg, sizeof msg, "%s不能超过%lld个字", f->label, (long long)f->max);
				return err_set(d, ERR_INVALID, "too_long", f->name, msg);
			}
			if ((int64_t)chars < f->min) {
				if (f->min == 1) {
					snprintf(msg, sizeof msg, "请填写%s", f->label);
					return err_set(d, ERR_INVALID, "required", f->name, msg);
				}
				snprintf(msg, sizeof msg, "%s至少%lld个字", f->label, (long long)f->min);
				return err_set(d, ERR_INVALID, "too_short", f->name, msg);
			}
			break;
		}
		case JIN_INT:
			if (!json_is_integer(v)) {
				snprintf(msg, sizeof msg, "%s应为整数", f->label);
				return err_set(d, ERR_INVALID, "invalid_type", f->name, msg);
			}
			if (json_integer_value(v) < f->min || json_integer_value(v) > f->max) {
				snprintf(msg, sizeof msg, "%s应在%lld到%lld之间", f->label, (long long)f->min,
					 (long long)f->max);
				return err_set(d, ERR_INVALID, "out_of_range", f->name, msg);
			}
			break;
		case JIN_BOOL:
			if (!json_is_boolean(v)) {
				snprintf(msg, sizeof msg, "%s应为 true 或 false", f->label);
				return err_set(d, ERR_INVALID, "invalid_type", f->name, msg);
			}
			break;
		case JIN_OBJECT:
			if (!json_is_object(v)) {
				snprintf(msg, sizeof msg, "%s应为对象", f->label);
				return err_set(d, ERR_INVALID, "invalid_type", f->name, msg);
			}
			break;
		case JIN_ARRAY:
			if (!json_is_array(v)) {
				snprintf(msg, sizeof msg, "%s应为数组", f->label);
				return err_set(d, ERR_INVALID, "invalid_type", f->name, msg);
			}
			if ((int64_t)json_array_size(v) < f->min || (int64_t)json_array_size(v) > f->max) {
				snprintf(msg, sizeof msg, "%s应有%lld到%lld项", f->label, (long long)f->min, (long long)f->max);
				return err_set(d, ERR_INVALID, "too_many", f->name, msg);
			}
			break;
		}
	}
	for (size_t i = 0; i < n; i++) {
		json_t *m = json_object_get(obj, fields[i].name);
		if (fields[i].required && (!m || json_is_null(m))) {
			snprintf(msg, sizeof msg, "请填写%s", fields[i].label);
			return err_set(d, ERR_INVALID, "required", fields[i].name, msg);
		}
	}
	return ERR_OK;
}

int json_in_depth_ok(const char *text, size_t len, int max_depth)
{
	int depth = 0, in_str = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (in_str) {
			if (c == '\\') {
				i++;
			} else if (c == '"') {
				in_str = 0;
			}
			continue;
		}
		if (c == '"') {
			in_str = 1;
		} else if (c == '{' || c == '[') {
			if (++depth > max_depth) {
				return 0;
			}
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return 1;
}

int json_in_str(json_t *obj, const char *name, char *out, size_t outlen)
{
	json_t *v = json_object_get(obj, name);
	if (!v || !json_is_string(v)) {
		return 0;
	}
	char *tmp = xstrdup(json_string_value(v));
	text_trim(tmp);
	str_copy(out, outlen, tmp);
	free(tmp);
	return 1;
}

int json_in_int(json_t *obj, const char *name, int64_t *out)
{
	json_t *v = json_object_get(obj, name);
	if (!v || !json_is_integer(v)) {
		return 0;
	}
	*out = json_integer_value(v);
	return 1;
}
