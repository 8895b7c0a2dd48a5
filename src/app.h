/* app.h — struct app: the configuration and shared state handed to every handler and command
 * (top layer). No globals: the server passes &app as user data. */
#ifndef WM_APP_H
#define WM_APP_H
#include <stddef.h>

struct db_pool;
struct metrics;
struct count_cache;

struct app_config {
	char db_url[1024];
	char listen_host[64];
	int listen_port;
	int threads;              /* HTTP worker threads = database connections */
	int session_idle_seconds; /* idle expiry */
	int session_max_seconds;  /* absolute expiry */
	int login_max_failures;   /* per account within the window, then locked */
	int login_ip_max_failures;/* per client IP within the window */
	int login_window_seconds;
	int login_lock_seconds;
	int self_report_ip_max;   /* hour reports per client IP per hour (the public link) */
	int self_report_link_max; /* hour reports per unit link per day */
	size_t max_body_bytes;
	size_t max_upload_bytes;  /* a file upload's whole body (ROUTE_UPLOAD routes) */
	size_t max_import_bytes;  /* an import file (ROUTE_BODY_FILE routes), kept on disk */
	int max_json_depth;
	int connection_timeout_seconds;
	int secure_cookies;       /* add Secure to the cookie (behind TLS) */
	int trust_proxy;          /* take the client IP from X-Forwarded-For */
	char office_name[128];
};

struct app {
	struct app_config cfg;
	struct db_pool *pool;
	struct metrics *metrics;
	struct count_cache *counts;
};

/* Defaults, then WENMING_* environment variables (WENMING_DB, WENMING_LISTEN, …). */
void app_config_defaults(struct app_config *c);
/* Parses "HOST:PORT" into the config; 0 on success. */
int app_config_set_listen(struct app_config *c, const char *hostport);

#endif
