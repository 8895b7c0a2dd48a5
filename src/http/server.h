/* server.h — the libmicrohttpd glue (http layer): thread pool with epoll, body limits,
 * dispatch through the routes table, request ids, metrics, graceful shutdown. */
#ifndef WM_SERVER_H
#define WM_SERVER_H

struct app;
struct req;
struct MHD_Response;

/* Runs until SIGINT/SIGTERM; in-flight requests finish before it returns. 0 on clean exit. */
int server_run(struct app *app);

/* Used by reply.c. */
void server_add_pending_header(struct req *r, const char *name, const char *value);
void server_apply_pending_headers(struct req *r, struct MHD_Response *resp);

#endif
