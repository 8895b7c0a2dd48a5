/* registry_json.c — registry records as JSON (codec layer). */
#include "registry_json.h"

#include <time.h>

#include "../domain/title.h"
#include "json_out.h"

json_t *json_time(int64_t t)
{
	if (!t) {
		return json_null();
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char s[32];
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return json_string(s);
}

static json_t *json_id_or_null(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

void unit_write_json(struct buf *b, const struct unit *u)
{
	buf_putc(b, '{');
	jw_key(b, "id");
	jw_int(b, u->id);
	buf_putc(b, ',');
	jw_key(b, "name");
	jw_str(b, u->name);
	buf_putc(b, ',');
	jw_key(b, "uscc");
	jw_str(b, u->uscc);
	buf_putc(b, ',');
	jw_key(b, "category");
	jw_str(b, u->category);
	buf_putc(b, ',');
	jw_key(b, "category_label");
	jw_str(b, u->category_label);
	buf_putc(b, ',');
	jw_key(b, "region_code");
	jw_str(b, u->region_code);
	buf_putc(b, ',');
	jw_key(b, "region_name");
	jw_str(b, u->region_name);
	buf_putc(b, ',');
	jw_key(b, "address");
	jw_str(b, u->address);
	buf_putc(b, ',');
	jw_key(b, "contact_name");
	jw_str(b, u->contact_name);
	buf_putc(b, ',');
	jw_key(b, "contact_phone");
	jw_str(b, u->contact_phone);
	buf_putc(b, ',');
	jw_key(b, "staff_count");
	jw_int(b, u->staff_count);
	buf_putc(b, ',');
	jw_key(b, "status");
	jw_str(b, u->status);
	buf_putc(b, ',');
	jw_key(b, "merged_into_id");
	jw_id(b, u->merged_into_id);
	buf_putc(b, ',');
	jw_key(b, "split_from_id");
	jw_id(b, u->split_from_id);
	buf_putc(b, ',');
	jw_key(b, "remark");
	jw_str(b, u->remark);
	buf_putc(b, ',');
	jw_key(b, "top_title");
	if (u->top_title.id) {
		buf_putc(b, '{');
		jw_key(b, "id");
		jw_int(b, u->top_title.id);
		buf_putc(b, ',');
		jw_key(b, "level");
		jw_str(b, u->top_title.level);
		buf_putc(b, ',');
		jw_key(b, "tier");
		jw_str(b, u->top_title.tier);
		buf_putc(b, ',');
		jw_key(b, "status");
		jw_str(b, u->top_title.status);
		buf_putc(b, ',');
		jw_key(b, "awarded_year");
		jw_int(b, u->top_title.awarded_year);
		buf_putc(b, '}');
	} else {
		buf_puts(b, "null");
	}
	buf_putc(b, ',');
	jw_key(b, "version");
	jw_int(b, u->version);
	buf_putc(b, ',');
	jw_key(b, "created_at");
	jw_time(b, u->created_at);
	buf_putc(b, ',');
	jw_key(b, "updated_at");
	jw_time(b, u->updated_at);
	buf_putc(b, '}');
}

json_t *unit_to_json(const struct unit *u)
{
	/* One source of truth for the shape: the text writer above. */
	struct buf b;
	buf_init(&b);
	unit_write_json(&b, u);
	json_t *j = json_loadb(b.data, b.len, 0, NULL);
	buf_cleanup(&b);
	return j ? j : json_object();
}

json_t *unit_event_to_json(const struct unit_event *e)
{
	return json_pack("{s:I, s:s, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)e->id, "kind",
			 e->kind, "related_unit_id", json_id_or_null(e->related_unit_id), "related_unit_name",
			 e->related_unit_name, "old_name", e->old_name, "new_name", e->new_name, "date", e->date,
			 "doc_no", e->doc_no, "note", e->note, "at", json_time(e->at));
}

json_t *title_event_to_json(const struct title_event *e)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)e->id, "from_status",
			 e->from_status, "to_status", e->to_status, "reason", e->reason, "doc_no", e->doc_no,
			 "actor_name", e->actor_name, "at", json_time(e->at));
}

json_t *title_to_json(const struct title *t)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:s, s:s, s:s, s:s, s:I, s:o, s:o}",
			 "id", (json_int_t)t->id, "unit_id", (json_int_t)t->unit_id, "unit_name", t->unit_name,
			 "region_code", t->region_code, "level", t->level, "level_label", title_level_label(t->level),
			 "tier", t->tier, "awarded_year", t->awarded_year, "term_years", t->term_years, "expires_year",
			 title_expires_year(t->awarded_year, t->term_years), "doc_no", t->doc_no, "status", t->status,
			 "status_label", title_status_label(t->status), "note", t->note, "version",
			 (json_int_t)t->version, "created_at", json_time(t->created_at), "updated_at",
			 json_time(t->updated_at));
}

json_t *user_to_json(const struct user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:s, s:o, s:s, s:b, s:b, s:o, s:I, s:o}", "id",
			 (json_int_t)u->id, "username", u->username, "display_name", u->display_name, "role", u->role,
			 "region_code", u->region_code[0] ? json_string(u->region_code) : json_null(), "region_name",
			 u->region_name, "unit_id", json_id_or_null(u->unit_id), "unit_name", u->unit_name,
			 "must_change_password", u->must_change_password, "disabled", u->disabled, "last_login_at",
			 json_time(u->last_login_at), "version", (json_int_t)u->version, "created_at",
			 json_time(u->created_at));
}
