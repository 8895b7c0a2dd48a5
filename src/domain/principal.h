/* principal.h — who is calling: the authenticated user, their role and data scope (domain layer).
 * Filled by http/auth.c; read by handlers and stores. */
#ifndef WM_PRINCIPAL_H
#define WM_PRINCIPAL_H
#include <stdint.h>

#include "scope.h"

enum role_bit {
	ROLE_ADMIN = 1,
	ROLE_ASSESSOR = 2,
	ROLE_UNIT = 4,
	ROLE_VIEWER = 8,
};
#define ROLE_ANY (ROLE_ADMIN | ROLE_ASSESSOR | ROLE_UNIT | ROLE_VIEWER)

struct principal {
	int64_t user_id;
	char username[64];
	char display_name[128];
	char role[16];
	unsigned role_bit;
	struct scope scope;
	char region_code[7]; /* the user's region (for a unit user: the unit's region) */
	int must_change_password;
	int via_token;
};

/* ROLE_* for "admin" … "viewer"; 0 for anything else. */
unsigned principal_role_bit(const char *role);
/* The Chinese label of a role (管理员 …), or the input. */
const char *principal_role_label(const char *role);

#endif
