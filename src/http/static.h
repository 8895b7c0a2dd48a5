/* static.h — the embedded web UI (http layer): files under web/ in the binary; any other
 * non-API GET answers index.html so the single-page app's routes work on reload. */
#ifndef WM_STATIC_H
#define WM_STATIC_H

struct req;
void static_serve(struct req *r);

#endif
