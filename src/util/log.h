/* log.h — structured logs, one JSON object per line on stderr (util layer).
 * log_event("http", "request_id", rid, "status", "200", NULL): key/value string pairs, NULL-ended. */
#ifndef WM_LOG_H
#define WM_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_set_level(enum log_level min);
/* Writes {"ts":…,"level":…,"msg":msg,key:value…}. Values are JSON-escaped. */
void log_kv(enum log_level level, const char *msg, ...) __attribute__((sentinel));
#define log_info(...) log_kv(LOG_INFO, __VA_ARGS__, (const char *)0)
#define log_warn(...) log_kv(LOG_WARN, __VA_ARGS__, (const char *)0)
#define log_error(...) log_kv(LOG_ERROR, __VA_ARGS__, (const char *)0)

#endif
