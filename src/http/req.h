/* req.h — one HTTP request as handlers see it (http layer).
 * The server owns struct req; handlers read it, take the database with req_db(), and answer
 * exactly once through http/reply.h. */
#ifndef WM_REQ_H
#define WM_REQ_H
#include <jansson.h>
#include <stdint.h>

#include "../domain/principal.h"
#include "../util/buf.h"

struct app;
struct db;
struct route;
struct MHD_Connection;

#define REQ_MAX_PARAMS 4

struct req {
	struct app *app;
	struct MHD_Connection *conn;
	const char *method;
	const char *path;
	char request_id[20];
	char ip[64];
	struct buf body;
	int body_too_large;
	size_t body_limit; /* max_body_bytes, or max_upload_bytes on an upload route */
	int upload;        /* an upload route (ROUTE_UPLOAD): too large → 413 file_too_large */
	int discard_body;  /* an upload without a valid login: its body is read and dropped */
	size_t discarded;
	int body_fd;       /* ROUTE_BODY_FILE: the temporary file the body is written to, else -1 */
	char body_path[128];
	size_t body_file_len;
	json_t *json; /* parsed body (owned), when the handler asked for it */
	const struct route *route;
	char params[REQ_MAX_PARAMS][128];
	int n_params;
	struct principal who;
	int authenticated;
	char session_id[65];
	char csrf_token[64];
	struct db *db; /* borrowed from the pool; given back when the request ends */
	unsigned status; /* the status answered (0 until then) */
	int n_pending;   /* headers to add to the reply (Set-Cookie, Retry-After) */
	char pending[4][2][256];
	uint64_t start_ns;
};

/* The connection for this request (taken from the pool on first use). Never NULL. */
struct db *req_db(struct req *r);
/* Query-string value or NULL. */
const char *req_query(struct req *r, const char *key);
/* Request header value or NULL. */
const char *req_header(struct req *r, const char *name);
/* Path parameter i (0-based) of the matched route pattern. */
const char *req_param(struct req *r, int i);
/* Path parameter i as a positive id; 0 when it is not one. */
int64_t req_param_id(struct req *r, int i);

#endif
