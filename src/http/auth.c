/* auth.c — session cookies and API tokens (http layer). The cookie holds a random token; the
 * database keeps only its SHA-256, so a stolen database yields no usable sessions. */
#include "auth.h"

#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../app.h"
#include "../store/user_store.h"
#include "../util/crypto.h"
#include "handler.h"
#include "reply.h"
#include "req.h"

/* reply_error only when loud: an upload is identified quietly from its headers first and answered
 * once its body has been read (answering earlier makes clients see a reset connection). */
#define AUTH_FAIL(loud, stmt) \
	do {                   \
		if (loud) {    \
			stmt;  \
		}              \
	} while (0)

static int auth_identify(struct req *r, int loud)
{
	struct user u;
	char hash[65];
	const char *authz = req_header(r, "Authorization");
	if (authz && strncasecmp(authz, "Bearer ", 7) == 0) {
		const char *tok = authz + 7;
		if (strlen(tok) < 16 || strlen(tok) > 200) {
			AUTH_FAIL(loud, reply_error(r, 401, "invalid_token", "API 令牌无效或已撤销", NULL));
			return 0;
		}
		crypto_sha256_hex(tok, strlen(tok), hash);
		enum err e = token_store_lookup(req_db(r), hash, &u);
		if (e == ERR_DB) {
			AUTH_FAIL(loud, reply_db_failure(r, "token lookup"));
			return 0;
		}
		if (e != ERR_OK) {
			AUTH_FAIL(loud, reply_error(r, 401, "invalid_token", "API 令牌无效或已撤销", NULL));
			return 0;
		}
		user_to_principal(&u, &r->who);
		r->who.via_token = 1;
		r->who.must_change_password = 0;
		r->authenticated = 1;
		return 1;
	}
	const char *cookie = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "wm_session");
	if (!cookie || strlen(cookie) < 16 || strlen(cookie) > 200) {
		AUTH_FAIL(loud, reply_error(r, 401, "unauthenticated", "请先登录", NULL));
		return 0;
	}
	crypto_sha256_hex(cookie, strlen(cookie), hash);
	enum err e = session_store_lookup(req_db(r), hash, handler_now(), r->app->cfg.session_idle_seconds,
					  r->app->cfg.session_max_seconds, &u, r->csrf_token);
	if (e == ERR_DB) {
		AUTH_FAIL(loud, reply_db_failure(r, "session lookup"));
		return 0;
	}
	if (e != ERR_OK) {
		AUTH_FAIL(loud, reply_set_session_cookie(r, NULL, 0));
		AUTH_FAIL(loud, reply_error(r, 401, "session_expired", "登录已过期，请重新登录", NULL));
		return 0;
	}
	snprintf(r->session_id, sizeof r->session_id, "%s", hash);
	user_to_principal(&u, &r->who);
	r->authenticated = 1;
	return 1;
}

int auth_authenticate_or_reply(struct req *r)
{
	return auth_identify(r, 1);
}

int auth_authenticate_quietly(struct req *r)
{
	return auth_identify(r, 0);
}
