/* routes.c — the routes table: every endpoint with the roles allowed to call it (http layer).
 * Authentication, role checks, CSRF and the forced password change are enforced by server.c
 * from this table; data scope is enforced by the stores. docs/openapi.yaml must list every
 * route here (tests/http/ops.test.mjs checks it). */
#include "route.h"

#include <string.h>

#include "../domain/principal.h"
#include "handlers.h"

#define ADMIN ROLE_ADMIN
#define ANY ROLE_ANY

const struct route routes[] = {
	{"GET", "/healthz", h_healthz, 0, ROUTE_PUBLIC},
	{"GET", "/metrics", h_metrics, 0, ROUTE_PUBLIC},
	{"GET", "/api/v1/openapi.json", h_openapi, 0, ROUTE_PUBLIC},
	{"GET", "/api/v1/settings/public", h_settings_public, 0, ROUTE_PUBLIC},

	{"POST", "/api/v1/session", h_session_create, 0, ROUTE_PUBLIC | ROUTE_NO_CSRF},
	{"GET", "/api/v1/session", h_session_get, ANY, ROUTE_ALLOW_PWCHANGE},
	{"DELETE", "/api/v1/session", h_session_delete, ANY, ROUTE_ALLOW_PWCHANGE},
	{"POST", "/api/v1/session/password", h_session_password, ANY, ROUTE_ALLOW_PWCHANGE},

	{"GET", "/api/v1/regions", h_regions_list, ANY, 0},
	{"POST", "/api/v1/regions", h_regions_create, ADMIN, 0},
	{"GET", "/api/v1/regions/{code}", h_regions_get, ANY, 0},
	{"PATCH", "/api/v1/regions/{code}", h_regions_update, ADMIN, 0},

	{"GET", "/api/v1/dicts/{kind}", h_dicts_list, ANY, 0},
	{"POST", "/api/v1/dicts/{kind}", h_dicts_create, ADMIN, 0},
	{"PATCH", "/api/v1/dicts/{kind}/{id}", h_dicts_update, ADMIN, 0},

	{"GET", "/api/v1/units", h_units_list, ANY, 0},
	{"POST", "/api/v1/units", h_units_create, ADMIN, 0},
	{"GET", "/api/v1/units/{id}", h_units_get, ANY, 0},
	{"PATCH", "/api/v1/units/{id}", h_units_update, ADMIN, 0},
	{"DELETE", "/api/v1/units/{id}", h_units_delete, ADMIN, 0},
	{"POST", "/api/v1/units/{id}/restructure", h_units_restructure, ADMIN, 0},
	{"GET", "/api/v1/units/{id}/titles", h_unit_titles_list, ANY, 0},
	{"POST", "/api/v1/units/{id}/titles", h_unit_titles_create, ADMIN, 0},
	{"GET", "/api/v1/registry/stats", h_registry_stats, ANY, 0},

	{"GET", "/api/v1/titles", h_titles_list, ANY, 0},
	{"PATCH", "/api/v1/titles/{id}", h_titles_update, ADMIN, 0},

	{"GET", "/api/v1/partners", h_partners_list, ANY, 0},
	{"POST", "/api/v1/partners", h_partners_create, ADMIN, 0},
	{"GET", "/api/v1/partners/{id}", h_partners_get, ANY, 0},
	{"PATCH", "/api/v1/partners/{id}", h_partners_update, ADMIN, 0},
	{"DELETE", "/api/v1/partners/{id}", h_partners_delete, ADMIN, 0},
	{"GET", "/api/v1/pairings", h_pairings_list, ANY, 0},
	{"POST", "/api/v1/pairings", h_pairings_create, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/pairings/coverage", h_pairings_coverage, ADMIN | ROLE_VIEWER, 0},
	{"GET", "/api/v1/pairings/{id}", h_pairings_get, ANY, 0},
	{"PATCH", "/api/v1/pairings/{id}", h_pairings_update, ADMIN | ROLE_UNIT, 0},
	{"DELETE", "/api/v1/pairings/{id}", h_pairings_delete, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/activities", h_activities_list, ANY, 0},
	{"POST", "/api/v1/activities", h_activities_create, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/activities/stats", h_activities_stats, ANY, 0},
	{"GET", "/api/v1/activities/gaps", h_activities_gaps, ANY, 0},
	{"GET", "/api/v1/ledger/stats", h_ledger_stats, ANY, 0},
	{"GET", "/api/v1/activities/{id}", h_activities_get, ANY, 0},
	{"PATCH", "/api/v1/activities/{id}", h_activities_update, ADMIN | ROLE_UNIT, 0},
	{"DELETE", "/api/v1/activities/{id}", h_activities_delete, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/activities/{id}/volunteers", h_activity_volunteers_get, ANY, 0},
	{"PUT", "/api/v1/activities/{id}/volunteers", h_activity_volunteers_put, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/volunteers", h_volunteers_list, ANY, 0},
	{"POST", "/api/v1/volunteers", h_volunteers_create, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/volunteers/{id}", h_volunteers_get, ANY, 0},
	{"PATCH", "/api/v1/volunteers/{id}", h_volunteers_update, ADMIN | ROLE_UNIT, 0},
	{"DELETE", "/api/v1/volunteers/{id}", h_volunteers_delete, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/units/{id}/self-report-link", h_self_report_link_get, ADMIN | ROLE_UNIT, 0},
	{"POST", "/api/v1/units/{id}/self-report-link", h_self_report_link_create, ADMIN | ROLE_UNIT, 0},
	{"DELETE", "/api/v1/units/{id}/self-report-link", h_self_report_link_delete, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/public/self-report/{token}", h_public_self_report_get, 0, ROUTE_PUBLIC},
	{"POST", "/api/v1/public/self-report/{token}", h_public_self_report_create, 0, ROUTE_PUBLIC | ROUTE_NO_CSRF},
	{"GET", "/api/v1/hour-reports", h_hour_reports_list, ANY, 0},
	{"GET", "/api/v1/hour-reports/{id}", h_hour_reports_get, ANY, 0},
	{"POST", "/api/v1/hour-reports/{id}/approve", h_hour_reports_approve, ADMIN | ROLE_UNIT, 0},
	{"POST", "/api/v1/hour-reports/{id}/decline", h_hour_reports_decline, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/exemplars", h_exemplars_list, ANY, 0},
	{"POST", "/api/v1/exemplars", h_exemplars_create, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/exemplars/board", h_exemplars_board, ANY, 0},
	{"GET", "/api/v1/exemplars/{id}", h_exemplars_get, ANY, 0},
	{"PATCH", "/api/v1/exemplars/{id}", h_exemplars_update, ADMIN | ROLE_UNIT, 0},
	{"DELETE", "/api/v1/exemplars/{id}", h_exemplars_delete, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/aid", h_aid_list, ANY, 0},
	{"POST", "/api/v1/aid", h_aid_create, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/aid/totals", h_aid_totals, ANY, 0},
	{"GET", "/api/v1/aid/{id}", h_aid_get, ANY, 0},
	{"PATCH", "/api/v1/aid/{id}", h_aid_update, ADMIN | ROLE_UNIT, 0},
	{"DELETE", "/api/v1/aid/{id}", h_aid_delete, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/publicity", h_publicity_list, ANY, 0},
	{"POST", "/api/v1/publicity", h_publicity_create, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/publicity/{id}", h_publicity_get, ANY, 0},
	{"PATCH", "/api/v1/publicity/{id}", h_publicity_update, ADMIN | ROLE_UNIT, 0},
	{"DELETE", "/api/v1/publicity/{id}", h_publicity_delete, ADMIN | ROLE_UNIT, 0},

	{"GET", "/api/v1/attachments", h_attachments_list, ANY, 0},
	{"POST", "/api/v1/attachments", h_attachments_create, ADMIN | ROLE_UNIT, ROUTE_UPLOAD},
	{"GET", "/api/v1/attachments/{id}", h_attachments_get, ANY, 0},
	{"GET", "/api/v1/attachments/{id}/content", h_attachments_content, ANY, 0},
	{"DELETE", "/api/v1/attachments/{id}", h_attachments_delete, ADMIN | ROLE_UNIT, 0},

	{"GET", "/api/v1/imports", h_imports_kinds, ADMIN | ROLE_UNIT, 0},
	{"GET", "/api/v1/imports/{kind}/template", h_imports_template, ADMIN | ROLE_UNIT, 0},
	{"POST", "/api/v1/imports/{kind}/preview", h_imports_preview, ADMIN | ROLE_UNIT, ROUTE_UPLOAD | ROUTE_BODY_FILE},
	{"POST", "/api/v1/imports/{kind}", h_imports_run, ADMIN | ROLE_UNIT, ROUTE_UPLOAD | ROUTE_BODY_FILE},

	{"GET", "/api/v1/users", h_users_list, ADMIN, 0},
	{"POST", "/api/v1/users", h_users_create, ADMIN, 0},
	{"GET", "/api/v1/users/{id}", h_users_get, ADMIN, 0},
	{"PATCH", "/api/v1/users/{id}", h_users_update, ADMIN, 0},
	{"POST", "/api/v1/users/{id}/password-reset", h_users_reset_password, ADMIN, 0},

	{"GET", "/api/v1/audit", h_audit_list, ADMIN, 0},
};
const size_t routes_count = sizeof routes / sizeof routes[0];

/* Matches one pattern against a path; captures {name} segments. */
static int route_match_one(const char *pattern, const char *path, char params[][128], int max, int *n)
{
	*n = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *pe = strchr(p, '}');
			size_t len = strcspn(s, "/");
			if (!pe || len == 0 || len >= 128 || *n >= max) {
				return 0;
			}
			memcpy(params[*n], s, len);
			params[*n][len] = '\0';
			(*n)++;
			p = pe + 1;
			s += len;
			continue;
		}
		if (*p != *s) {
			return 0;
		}
		p++;
		s++;
	}
	return *p == '\0' && *s == '\0';
}

int route_match(const char *method, const char *path, char params[][128], int max, int *n)
{
	int path_matched = 0;
	for (size_t i = 0; i < routes_count; i++) {
		if (!route_match_one(routes[i].pattern, path, params, max, n)) {
			continue;
		}
		if (strcmp(routes[i].method, method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0)) {
			return (int)i;
		}
		path_matched = 1;
	}
	*n = 0;
	return path_matched ? -2 : -1;
}
