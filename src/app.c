/* app.c — configuration defaults and environment overrides (top layer). */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int app_env_int(const char *name, int def)
{
	const char *v = getenv(name);
	if (!v || !*v) {
		return def;
	}
	char *end;
	long n = strtol(v, &end, 10);
	return (*end || n < 0 || n > 1000000000) ? def : (int)n;
}

void app_config_defaults(struct app_config *c)
{
	memset(c, 0, sizeof *c);
	const char *db = getenv("WENMING_DB");
	snprintf(c->db_url, sizeof c->db_url, "%s", db && *db ? db : "wenming.db");
	snprintf(c->listen_host, sizeof c->listen_host, "127.0.0.1");
	c->listen_port = 8080;
	const char *listen = getenv("WENMING_LISTEN");
	if (listen && *listen) {
		app_config_set_listen(c, listen);
	}
	c->threads = app_env_int("WENMING_THREADS", 4);
	c->session_idle_seconds = app_env_int("WENMING_SESSION_IDLE", 30 * 60);
	c->session_max_seconds = app_env_int("WENMING_SESSION_MAX", 12 * 3600);
	c->login_max_failures = app_env_int("WENMING_LOGIN_MAX_FAILURES", 5);
	c->login_ip_max_failures = app_env_int("WENMING_LOGIN_IP_MAX_FAILURES", 30);
	c->login_window_seconds = app_env_int("WENMING_LOGIN_WINDOW", 15 * 60);
	c->login_lock_seconds = app_env_int("WENMING_LOGIN_LOCK", 15 * 60);
	c->self_report_ip_max = app_env_int("WENMING_SELF_REPORT_IP_MAX", 60);
	c->self_report_link_max = app_env_int("WENMING_SELF_REPORT_LINK_MAX", 1000);
	c->max_body_bytes = (size_t)app_env_int("WENMING_MAX_BODY", 1024 * 1024);
	c->max_upload_bytes = (size_t)app_env_int("WENMING_MAX_UPLOAD", 10 * 1024 * 1024);
	c->max_import_bytes = (size_t)app_env_int("WENMING_MAX_IMPORT_MB", 512) * 1024 * 1024;
	c->max_json_depth = 16;
	c->connection_timeout_seconds = app_env_int("WENMING_CONN_TIMEOUT", 30);
	c->secure_cookies = app_env_int("WENMING_SECURE_COOKIES", 0);
	c->trust_proxy = app_env_int("WENMING_TRUST_PROXY", 0);
	const char *office = getenv("WENMING_OFFICE_NAME");
	snprintf(c->office_name, sizeof c->office_name, "%s",
		 office && *office ? office : "准格尔旗精神文明建设委员会办公室");
}

int app_config_set_listen(struct app_config *c, const char *hostport)
{
	const char *colon = strrchr(hostport, ':');
	if (!colon || colon == hostport || (size_t)(colon - hostport) >= sizeof c->listen_host) {
		return -1;
	}
	char *end;
	long port = strtol(colon + 1, &end, 10);
	if (*end || port < 0 || port > 65535) {
		return -1;
	}
	memcpy(c->listen_host, hostport, (size_t)(colon - hostport));
	c->listen_host[colon - hostport] = '\0';
	c->listen_port = (int)port;
	return 0;
}
