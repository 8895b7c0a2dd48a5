/* handlers.h — every route handler, one file per resource (http layer). Each answers its
 * request exactly once. */
#ifndef WM_HANDLERS_H
#define WM_HANDLERS_H

struct req;

/* h_session.c */
void h_session_create(struct req *r);
void h_session_get(struct req *r);
void h_session_delete(struct req *r);
void h_session_password(struct req *r);
/* h_regions.c */
void h_regions_list(struct req *r);
void h_regions_get(struct req *r);
void h_regions_create(struct req *r);
void h_regions_update(struct req *r);
/* h_dicts.c */
void h_dicts_list(struct req *r);
void h_dicts_create(struct req *r);
void h_dicts_update(struct req *r);
/* h_units.c */
void h_units_list(struct req *r);
void h_units_get(struct req *r);
void h_units_create(struct req *r);
void h_units_update(struct req *r);
void h_units_delete(struct req *r);
void h_registry_stats(struct req *r);
/* h_restructure.c */
void h_units_restructure(struct req *r);
/* h_titles.c */
void h_titles_list(struct req *r);
void h_unit_titles_list(struct req *r);
void h_unit_titles_create(struct req *r);
void h_titles_update(struct req *r);
/* h_partners.c */
void h_partners_list(struct req *r);
void h_partners_get(struct req *r);
void h_partners_create(struct req *r);
void h_partners_update(struct req *r);
void h_partners_delete(struct req *r);
void h_pairings_list(struct req *r);
void h_pairings_get(struct req *r);
void h_pairings_create(struct req *r);
void h_pairings_update(struct req *r);
void h_pairings_delete(struct req *r);
void h_pairings_coverage(struct req *r);
/* h_activities.c */
void h_activities_list(struct req *r);
void h_activities_get(struct req *r);
void h_activities_create(struct req *r);
void h_activities_update(struct req *r);
void h_activities_delete(struct req *r);
void h_activities_stats(struct req *r);
void h_activities_gaps(struct req *r);
/* h_volunteers.c */
void h_volunteers_list(struct req *r);
void h_volunteers_get(struct req *r);
void h_volunteers_create(struct req *r);
void h_volunteers_update(struct req *r);
void h_volunteers_delete(struct req *r);
/* h_attachments.c */
void h_attachments_list(struct req *r);
void h_attachments_create(struct req *r);
void h_attachments_get(struct req *r);
void h_attachments_content(struct req *r);
void h_attachments_delete(struct req *r);
/* h_ledger_stats.c */
void h_ledger_stats(struct req *r);
/* h_imports.c */
void h_imports_kinds(struct req *r);
void h_imports_template(struct req *r);
void h_imports_preview(struct req *r);
void h_imports_run(struct req *r);
/* h_hours.c */
void h_activity_volunteers_get(struct req *r);
void h_activity_volunteers_put(struct req *r);
void h_self_report_link_get(struct req *r);
void h_self_report_link_create(struct req *r);
void h_self_report_link_delete(struct req *r);
void h_public_self_report_get(struct req *r);
void h_public_self_report_create(struct req *r);
void h_hour_reports_list(struct req *r);
void h_hour_reports_get(struct req *r);
void h_hour_reports_approve(struct req *r);
void h_hour_reports_decline(struct req *r);
/* h_exemplars.c */
void h_exemplars_list(struct req *r);
void h_exemplars_board(struct req *r);
void h_exemplars_get(struct req *r);
void h_exemplars_create(struct req *r);
void h_exemplars_update(struct req *r);
void h_exemplars_delete(struct req *r);
/* h_aid.c */
void h_aid_list(struct req *r);
void h_aid_totals(struct req *r);
void h_aid_get(struct req *r);
void h_aid_create(struct req *r);
void h_aid_update(struct req *r);
void h_aid_delete(struct req *r);
/* h_publicity.c */
void h_publicity_list(struct req *r);
void h_publicity_get(struct req *r);
void h_publicity_create(struct req *r);
void h_publicity_update(struct req *r);
void h_publicity_delete(struct req *r);
/* h_users.c */
void h_users_list(struct req *r);
void h_users_get(struct req *r);
void h_users_create(struct req *r);
void h_users_update(struct req *r);
void h_users_reset_password(struct req *r);
/* h_audit.c */
void h_audit_list(struct req *r);
/* h_ops.c */
void h_healthz(struct req *r);
void h_metrics(struct req *r);
void h_openapi(struct req *r);
void h_settings_public(struct req *r);

#endif
