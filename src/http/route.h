/* route.h — the static routes table (http layer): method, path pattern, handler, roles allowed.
 * Patterns are literal segments and `{name}` captures, e.g. "/api/v1/units/{id}". */
#ifndef WM_ROUTE_H
#define WM_ROUTE_H
#include <stddef.h>

struct req;

typedef void (*route_handler)(struct req *r);

enum route_flag {
	ROUTE_PUBLIC = 1,        /* no login needed */
	ROUTE_NO_CSRF = 2,       /* state-changing but exempt from CSRF (login itself) */
	ROUTE_ALLOW_PWCHANGE = 4, /* allowed while the user must still change their password */
	ROUTE_UPLOAD = 8,         /* a file upload: max_upload_bytes, authenticated before the body is read */
	ROUTE_BODY_FILE = 16      /* with ROUTE_UPLOAD: the body goes to a temporary file (req.body_path),
				     max_import_bytes, never held in memory */
};

struct route {
	const char *method;
	const char *pattern;
	route_handler fn;
	unsigned roles; /* ROLE_* bits; ignored for ROUTE_PUBLIC */
	unsigned flags;
};

extern const struct route routes[];
extern const size_t routes_count;

/* Finds the route for method + path. Returns its index, -1 when no pattern matches the path,
 * -2 when the path matches but not the method. Captures go into params (n ≤ max). */
int route_match(const char *method, const char *path, char params[][128], int max, int *n);

#endif
