/* json_out.h — writing JSON text straight into a buffer (codec layer), for hot paths such as
 * list pages where building a jansson tree per row would cost more than the query. */
#ifndef WM_JSON_OUT_H
#define WM_JSON_OUT_H
#include <stdint.h>

#include "../util/buf.h"

/* A JSON string with quotes; NULL writes null. Control characters and quotes are escaped;
 * the text is assumed to be valid UTF-8 (the server validates every input). */
void jw_str(struct buf *b, const char *s);
/* "key": — key is a trusted literal. */
void jw_key(struct buf *b, const char *key);
void jw_int(struct buf *b, int64_t v);
/* An integer id, or null for 0. */
void jw_id(struct buf *b, int64_t id);
/* ISO 8601 UTC time, or null for 0. */
void jw_time(struct buf *b, int64_t t);

#endif
