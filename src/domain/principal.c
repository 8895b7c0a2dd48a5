/* principal.c — role names and bits (domain layer). */
#include "principal.h"

#include <string.h>

unsigned principal_role_bit(const char *role)
{
	if (!role) {
		return 0;
	}
	if (strcmp(role, "admin") == 0) {
		return ROLE_ADMIN;
	}
	if (strcmp(role, "assessor") == 0) {
		return ROLE_ASSESSOR;
	}
	if (strcmp(role, "unit") == 0) {
		return ROLE_UNIT;
	}
	if (strcmp(role, "viewer") == 0) {
		return ROLE_VIEWER;
	}
	return 0;
}

const char *principal_role_label(const char *role)
{
	switch (principal_role_bit(role)) {
	case ROLE_ADMIN: return "管理员";
	case ROLE_ASSESSOR: return "测评员";
	case ROLE_UNIT: return "单位联络员";
	case ROLE_VIEWER: return "领导查看";
	default: return role;
	}
}
