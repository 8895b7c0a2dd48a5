/* json_in.h — request body validation tables (codec layer).
 * A handler lists the fields it accepts; json_in_check() rejects unknown fields, wrong types,
 * missing required fields, overlong strings (counted in characters), invalid UTF-8 and control
 * characters, and integers out of range — with a precise Chinese message and the field name. */
#ifndef WM_JSON_IN_H
#define WM_JSON_IN_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/err.h"

enum json_in_type { JIN_STRING, JIN_INT, JIN_BOOL, JIN_OBJECT, JIN_ARRAY /* min/max: item count */ };

struct json_in_field {
	const char *name;
	enum json_in_type type;
	int required;
	int64_t min, max; /* strings: length in characters; ints: value */
	const char *label; /* Chinese field name for messages */
};

/* obj must be an object; every member must be listed in fields. */
enum err json_in_check(json_t *obj, const struct json_in_field *fields, size_t n, struct err_detail *d);

/* Pre-parse check of nesting depth (jansson allows 2048). 1 when within max_depth. */
int json_in_depth_ok(const char *text, size_t len, int max_depth);

/* Copies a string member (trimmed) into out when present; returns 1 when present. */
int json_in_str(json_t *obj, const char *name, char *out, size_t outlen);
/* Reads an integer member when present; returns 1 when present. */
int json_in_int(json_t *obj, const char *name, int64_t *out);

#endif
