/* server.c — libmicrohttpd glue (http layer): accepts requests, enforces size limits, gives
 * each request an id, routes it (authentication, role, CSRF and password-change checks happen
 * here, once, for every route), logs and counts it, and shuts down gracefully. */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../app.h"
#include "../store/db.h"
#include "../util/crypto.h"
#include "../util/log.h"
#include "../util/xalloc.h"
#include "auth.h"
#include "metrics.h"
#include "reply.h"
#include "route.h"
#include "static.h"

static int server_inflight;
static unsigned server_started; /* requests begun, ever: tells when the accept queue has gone quiet */

static uint64_t server_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void server_add_pending_header(struct req *r, const char *name, const char *value)
{
	if (r->n_pending >= 4) {
		return;
	}
	snprintf(r->pending[r->n_pending][0], sizeof r->pending[0][0], "%s", name);
	snprintf(r->pending[r->n_pending][1], sizeof r->pending[0][1], "%s", value);
	r->n_pending++;
}

void server_apply_pending_headers(struct req *r, struct MHD_Response *resp)
{
	for (int i = 0; i < r->n_pending; i++) {
		MHD_add_response_header(resp, r->pending[i][0], r->pending[i][1]);
	}
	r->n_pending = 0;
}

struct db *req_db(struct req *r)
{
	if (!r->db) {
		r->db = db_pool_acquire(r->app->pool);
	}
	return r->db;
}

const char *req_query(struct req *r, const char *key)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, key);
}

const char *req_header(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *req_param(struct req *r, int i)
{
	return i < r->n_params ? r->params[i] : "";
}

int64_t req_param_id(struct req *r, int i)
{
	const char *s = req_param(r, i);
	if (!*s || strlen(s) > 18) {
		return 0;
	}
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9') {
			return 0;
		}
		v = v * 10 + (*p - '0');
	}
	return v;
}

static void server_client_ip(struct req *r)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(r->ip, sizeof r->ip, "unknown");
	if (r->app->cfg.trust_proxy) {
		const char *xff = req_header(r, "X-Forwarded-For");
		if (xff && *xff) {
			size_t n = strcspn(xff, ", ");
			if (n > 0 && n < sizeof r->ip) {
				memcpy(r->ip, xff, n);
				r->ip[n] = '\0';
				return;
			}
		}
	}
	if (!ci || !ci->client_addr) {
		return;
	}
	if (ci->client_addr->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, r->ip, sizeof r->ip);
	} else if (ci->client_addr->sa_family == AF_INET6) {
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, r->ip, sizeof r->ip);
	}
}

/* Gives the request's connection back as soon as the handler has answered: the response is
 * already in memory, and holding the connection until it is sent would let a slow client block
 * a worker thread that needs one for its next request (with every connection so held, the pool
 * deadlocks). A transaction a handler left open is rolled back first. */
static void server_release_db(struct req *r)
{
	if (!r->db) {
		return;
	}
	if (db_in_transaction(r->db)) {
		log_error("transaction left open by a handler", "request_id", r->request_id, "path", r->path);
		db_rollback(r->db);
	}
	db_stream_results(r->db, 0);
	db_pool_release(r->app->pool, r->db);
	r->db = NULL;
}

static int server_is_unsafe(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 && strcmp(method, "OPTIONS") != 0;
}

/* How much of a refused body is read and dropped before the connection is simply closed. */
#define SERVER_DISCARD_MAX ((size_t)64 * 1024 * 1024)

static int server_write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			return 0;
		}
		p += w;
		n -= (size_t)w;
	}
	return 1;
}

static void server_reply_too_large(struct req *r)
{
	if (r->upload) {
		char msg[96];
		if (r->body_limit >= 1024 * 1024) {
			snprintf(msg, sizeof msg, "文件过大，上传内容不能超过 %zu MB", r->body_limit / (1024 * 1024));
		} else {
			snprintf(msg, sizeof msg, "文件过大，上传内容不能超过 %zu KB", (r->body_limit + 1023) / 1024);
		}
		reply_error(r, 413, "file_too_large", msg, "file");
	} else {
		reply_error(r, 413, "body_too_large", "请求内容过大", NULL);
	}
}

/* Called with the headers, before any body: an upload route gets the upload limit and is
 * authenticated now, so nobody can make the server buffer a large body without a login.
 * 0 when it has answered. */
static int server_prepare_upload(struct req *r)
{
	char params[REQ_MAX_PARAMS][128];
	int n = 0;
	int idx = route_match(r->method, r->path, params, REQ_MAX_PARAMS, &n);
	if (idx < 0 || !(routes[idx].flags & ROUTE_UPLOAD)) {
		return 1;
	}
	r->body_limit = r->app->cfg.max_upload_bytes;
	r->upload = 1;
	/* not logged in: the body is read and dropped, then dispatch answers 401 */
	int ok = auth_authenticate_quietly(r);
	if (ok && (routes[idx].flags & ROUTE_BODY_FILE)) {
		r->body_limit = r->app->cfg.max_import_bytes;
		const char *dir = getenv("TMPDIR");
		snprintf(r->body_path, sizeof r->body_path, "%s/wenming-upload-XXXXXX", dir && *dir ? dir : "/tmp");
		r->body_fd = mkstemp(r->body_path);
		if (r->body_fd < 0) {
			r->body_path[0] = '\0';
			reply_error(r, 503, "busy", "服务器暂时无法接收文件，请稍后再试", NULL);
			server_release_db(r);
			return 0;
		}
	}
	server_release_db(r); /* not held while the body arrives */
	r->discard_body = !ok;
	return 1;
}

static void server_dispatch(struct req *r)
{
	if (r->body_too_large && !r->discard_body) { /* without a login the 401 says more */
		server_reply_too_large(r);
		return;
	}
	int n = 0;
	int idx = route_match(r->method, r->path, r->params, REQ_MAX_PARAMS, &n);
	r->n_params = n;
	if (idx == -1) {
		if (strncmp(r->path, "/api/", 5) == 0) {
			reply_error(r, 404, "not_found", "请求的资源不存在", NULL);
		} else if (strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0) {
			static_serve(r);
		} else {
			reply_error(r, 405, "method_not_allowed", "不支持该请求方法", NULL);
		}
		return;
	}
	if (idx == -2) {
		reply_error(r, 405, "method_not_allowed", "不支持该请求方法", NULL);
		return;
	}
	const struct route *rt = &routes[idx];
	r->route = rt;
	if (!(rt->flags & ROUTE_PUBLIC)) {
		if (!r->authenticated && !auth_authenticate_or_reply(r)) {
			return;
		}
		if (!(rt->roles & r->who.role_bit)) {
			reply_error(r, 403, "forbidden", "无权执行此操作", NULL);
			return;
		}
		if (r->who.must_change_password && !(rt->flags & ROUTE_ALLOW_PWCHANGE)) {
			reply_error(r, 403, "password_change_required", "请先修改初始密码", NULL);
			return;
		}
		if (server_is_unsafe(r->method) && !(rt->flags & ROUTE_NO_CSRF) && !r->who.via_token) {
			const char *t = req_header(r, "X-CSRF-Token");
			if (!t || !crypto_str_equal(t, r->csrf_token)) {
				reply_error(r, 403, "csrf", "请求缺少有效的安全令牌，请刷新页面后重试", NULL);
				return;
			}
		}
	}
	rt->fn(r);
	if (!r->status) {
		reply_error(r, 500, "internal", "服务器内部错误", NULL);
	}
}

static enum MHD_Result server_access(void *cls, struct MHD_Connection *conn, const char *url,
				     const char *method, const char *version, const char *upload_data,
				     size_t *upload_data_size, void **con_cls)
{
	(void)version;
	struct app *app = cls;
	struct req *r = *con_cls;
	if (!r) {
		r = xcalloc(1, sizeof *r);
		r->app = app;
		r->conn = conn;
		r->method = method;
		r->path = url;
		r->start_ns = server_now_ns();
		buf_init(&r->body);
		/* A random per-process prefix and a counter: unique across processes, no syscall. */
		static unsigned prefix;
		static uint64_t counter;
		if (!__atomic_load_n(&prefix, __ATOMIC_RELAXED)) {
			unsigned rnd;
			crypto_random_bytes(&rnd, sizeof rnd);
			__atomic_store_n(&prefix, rnd | 1, __ATOMIC_RELAXED);
		}
		uint64_t c = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
		snprintf(r->request_id, sizeof r->request_id, "%08x%08llx", __atomic_load_n(&prefix, __ATOMIC_RELAXED),
			 (unsigned long long)(c & 0xffffffff));
		server_client_ip(r);
		__atomic_add_fetch(&server_inflight, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&server_started, 1, __ATOMIC_RELAXED);
		*con_cls = r;
		r->body_limit = app->cfg.max_body_bytes;
		r->body_fd = -1;
		if (!server_prepare_upload(r)) {
			return MHD_YES; /* answered 503 */
		}
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > r->body_limit) {
			/* answered once the body has been read and dropped (so the client sees the answer,
			 * not a reset connection), unless it is far too large even to drop */
			r->body_too_large = 1;
			if (strtoull(cl, NULL, 10) > r->body_limit + SERVER_DISCARD_MAX) {
				server_reply_too_large(r);
			}
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (r->body_too_large || r->discard_body) {
			r->discarded += *upload_data_size;
			if (r->discarded > r->body_limit + SERVER_DISCARD_MAX && !r->status) {
				server_reply_too_large(r); /* stop reading: the connection closes */
			}
		} else if (!r->status) {
			if (r->body.len + r->body_file_len + *upload_data_size > r->body_limit) {
				r->body_too_large = 1;
				buf_cleanup(&r->body);
			} else if (r->body_fd >= 0) {
				if (!server_write_all(r->body_fd, upload_data, *upload_data_size)) {
					r->body_too_large = 1; /* disk full: refuse rather than import half a file */
				}
				r->body_file_len += *upload_data_size;
			} else {
				buf_append(&r->body, upload_data, *upload_data_size);
			}
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (r->status) {
		return MHD_YES; /* already answered (413 on Content-Length) */
	}
	server_dispatch(r);
	server_release_db(r);
	return MHD_YES;
}

static void server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			     enum MHD_RequestTerminationCode toe)
{
	(void)conn;
	(void)toe;
	struct app *app = cls;
	struct req *r = *con_cls;
	if (!r) {
		return;
	}
	uint64_t elapsed = server_now_ns() - r->start_ns;
	int idx = r->route ? (int)(r->route - routes) : -1;
	metrics_observe(app->metrics, idx, r->status, elapsed);
	if (r->db) {
		db_pool_release(app->pool, r->db);
	}
	if (r->status >= 400 || strncmp(r->path, "/api/", 5) == 0) {
		char status[8], ms[32];
		snprintf(status, sizeof status, "%u", r->status);
		snprintf(ms, sizeof ms, "%.3f", (double)elapsed / 1e6);
		log_info("request", "request_id", r->request_id, "method", r->method, "path", r->path,
			 "status", status, "ms", ms, "ip", r->ip, "user", r->who.username);
	}
	json_decref(r->json);
	buf_cleanup(&r->body);
	if (r->body_fd >= 0) {
		close(r->body_fd);
	}
	if (r->body_path[0]) {
		unlink(r->body_path);
	}
	free(r);
	*con_cls = NULL;
	__atomic_sub_fetch(&server_inflight, 1, __ATOMIC_RELAXED);
}

static void server_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r')) {
		msg[--n] = '\0';
	}
	log_warn("libmicrohttpd", "detail", msg);
}

int server_run(struct app *app)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)app->cfg.listen_port);
	if (inet_pton(AF_INET, app->cfg.listen_host, &addr.sin_addr) != 1) {
		if (strcmp(app->cfg.listen_host, "localhost") == 0) {
			addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		} else {
			fprintf(stderr, "wenming: cannot listen on %s: not an IPv4 address\n", app->cfg.listen_host);
			return 1;
		}
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
			MHD_USE_ERROR_LOG,
		0, NULL, NULL, server_access, app,
		MHD_OPTION_EXTERNAL_LOGGER, server_mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)app->cfg.threads,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)app->cfg.connection_timeout_seconds,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)256,
		MHD_OPTION_NOTIFY_COMPLETED, server_completed, app,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "wenming: cannot listen on %s:%d: %s\n", app->cfg.listen_host, app->cfg.listen_port,
			strerror(errno));
		return 1;
	}
	if (app->cfg.listen_port == 0) {
		const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
		if (di) {
			app->cfg.listen_port = di->port;
		}
	}
	char port[16], threads[16];
	snprintf(port, sizeof port, "%d", app->cfg.listen_port);
	snprintf(threads, sizeof threads, "%d", app->cfg.threads);
	log_info("listening", "host", app->cfg.listen_host, "port", port, "threads", threads);
	/* A line on stdout for scripts and tests that asked for port 0. */
	printf("wenming: listening on http://%s:%d\n", app->cfg.listen_host, app->cfg.listen_port);
	fflush(stdout);

	int sig = 0;
	sigwait(&set, &sig);
	log_info("shutting down", "signal", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* Connections already waiting in the kernel's queue were accepted as far as their clients know:
	 * serve them before closing the door — keep accepting until no new request has begun for
	 * 100 ms (at most 2 s), then stop accepting and let the requests in flight finish. */
	unsigned seen = __atomic_load_n(&server_started, __ATOMIC_RELAXED);
	for (int i = 0, quiet = 0; i < 200 && quiet < 10; i++) {
		usleep(10000);
		unsigned now = __atomic_load_n(&server_started, __ATOMIC_RELAXED);
		quiet = now == seen ? quiet + 1 : 0;
		seen = now;
	}
	MHD_quiesce_daemon(d);
	for (int i = 0; i < 1000 && __atomic_load_n(&server_inflight, __ATOMIC_RELAXED) > 0; i++) {
		usleep(10000);
	}
	MHD_stop_daemon(d);
	log_info("stopped");
	return 0;
}
