/* region_code.c — GB/T 2260 code shape and parent checks (domain layer, pure C).
 * The rules are listed in region_code.h. */
#include "region_code.h"

#include <string.h>

int region_code_level(const char *code)
{
	if (!code || strlen(code) != 6) {
		return 0;
	}
	for (int i = 0; i < 6; i++) {
		if (code[i] < '0' || code[i] > '9') {
			return 0;
		}
	}
	if (memcmp(code, "00", 2) == 0) {
		return 0;
	}
	if (memcmp(code + 2, "0000", 4) == 0) {
		return REGION_LEVEL_PROVINCE;
	}
	if (memcmp(code + 2, "00", 2) == 0) {
		return 0; /* XX00ZZ: county directly under a province is not accepted */
	}
	if (memcmp(code + 4, "00", 2) == 0) {
		return REGION_LEVEL_PREFECTURE;
	}
	return REGION_LEVEL_COUNTY;
}

enum err region_code_validate(const char *code, const char *parent_code, int *level_out,
			      struct err_detail *d)
{
	int level = region_code_level(code);
	int parent_level;

	if (level_out) {
		*level_out = 0;
	}
	if (level == 0) {
		return err_set(d, ERR_INVALID, "region_code", "code",
			       "行政区划代码应为6位数字，且符合省（XX0000）、市（XXYY00）、县（XXYYZZ）编码规则");
	}
	if (parent_code && parent_code[0] != '\0') {
		parent_level = region_code_level(parent_code);
		if (parent_level == 0 || parent_level != level - 1 ||
		    memcmp(code, parent_code, (size_t)(2 * parent_level)) != 0) {
			return err_set(d, ERR_INVALID, "region_parent", "parent_code",
				       "行政区划代码与上级不匹配");
		}
	}
	if (level_out) {
		*level_out = level;
	}
	return ERR_OK;
}
