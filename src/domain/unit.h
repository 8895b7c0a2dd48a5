/* unit.h — a civilized unit (文明单位) as the domain sees it, and its validation (domain layer).
 * Strings are fixed-size, sized for their limit in characters × 4 bytes of UTF-8. */
#ifndef WM_UNIT_H
#define WM_UNIT_H
#include <stdint.h>

#include "../util/err.h"

#define UNIT_NAME_MAX 100
#define UNIT_ADDRESS_MAX 200
#define UNIT_CONTACT_MAX 50
#define UNIT_PHONE_MAX 30
#define UNIT_REMARK_MAX 500
#define UNIT_STAFF_MAX 10000000

struct unit_title_brief {
	int64_t id; /* 0 when the unit holds no live title */
	char level[16];
	char tier[8];
	char status[16];
	int awarded_year;
};

struct unit {
	int64_t id;
	char name[UNIT_NAME_MAX * 4 + 1];
	char uscc[19];
	char category[32];
	char category_label[64];
	char region_code[7];
	char region_name[128];
	char address[UNIT_ADDRESS_MAX * 4 + 1];
	char contact_name[UNIT_CONTACT_MAX * 4 + 1];
	char contact_phone[UNIT_PHONE_MAX + 1];
	int64_t staff_count;
	char status[16];
	int64_t merged_into_id;
	int64_t split_from_id;
	char remark[UNIT_REMARK_MAX * 4 + 1];
	struct unit_title_brief top_title;
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

/* Checks every field of u (name, USCC when given, region code shape, phone, staff count,
 * status). Messages are Chinese, codes stable, field names those of the API. */
enum err unit_validate(const struct unit *u, struct err_detail *d);

/* The prefecture and province codes of a county code: 150622 → 150600, 150000. */
void unit_region_levels(const char *region_code, char city[7], char prov[7]);

#endif
