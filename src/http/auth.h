/* auth.h — authentication (http layer): session cookie or API bearer token → r->who.
 * Called once by server.c for every non-public route. */
#ifndef WM_AUTH_H
#define WM_AUTH_H

struct req;

/* 1 when r carries a live session or token (r->who filled); else answers 401 and returns 0. */
int auth_authenticate_or_reply(struct req *r);
/* The same without answering (an upload checked from its headers before its body arrives). */
int auth_authenticate_quietly(struct req *r);

#endif
