/* registry_json.h — JSON shapes of registry records (codec layer): units, lineage events,
 * titles, users. Every function returns a new reference the caller owns (json_decref). */
#ifndef WM_REGISTRY_JSON_H
#define WM_REGISTRY_JSON_H
#include <jansson.h>

#include "../domain/unit.h"
#include "../util/buf.h"
#include "../store/title_store.h"
#include "../store/unit_store.h"
#include "../store/user_store.h"

json_t *unit_to_json(const struct unit *u);
/* The same shape written as text into b (for list pages). */
void unit_write_json(struct buf *b, const struct unit *u);
json_t *unit_event_to_json(const struct unit_event *e);
json_t *title_to_json(const struct title *t);
json_t *title_event_to_json(const struct title_event *e);
/* The public shape of a user: never the password hash. */
json_t *user_to_json(const struct user *u);
/* ISO 8601 UTC string, or null for 0. */
json_t *json_time(int64_t t);

#endif
