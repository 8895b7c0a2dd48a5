/* h_ops.c — operations endpoints: health, Prometheus metrics, the OpenAPI document (http layer). */
#include <string.h>

#include "../app.h"
#include "../store/db.h"
#include "../util/buf.h"
#include "../util/embed.h"
#include "handlers.h"
#include "metrics.h"
#include "reply.h"
#include "req.h"

void h_healthz(struct req *r)
{
	int64_t one = 0;
	if (db_exec_int64(req_db(r), "SELECT 1", &one) != DB_OK || one != 1) {
		reply_json(r, 503, json_pack("{s:s, s:s}", "status", "unavailable", "db", "error"));
		return;
	}
	reply_json(r, 200, json_pack("{s:s, s:s}", "status", "ok", "db", "ok"));
}

void h_metrics(struct req *r)
{
	struct buf b;
	buf_init(&b);
	metrics_render(r->app->metrics, r->app->pool, &b);
	reply_bytes(r, 200, "text/plain; version=0.0.4; charset=utf-8", b.data ? b.data : "", b.len, NULL);
	buf_cleanup(&b);
}

void h_openapi(struct req *r)
{
	const struct embedded_file *f = embed_find("openapi.json");
	if (!f) {
		reply_error(r, 404, "not_found", "接口文档不存在", NULL);
		return;
	}
	reply_static(r, "application/json; charset=utf-8", f->data, f->len, "no-cache");
}

void h_settings_public(struct req *r)
{
	reply_json(r, 200, json_pack("{s:s, s:s}", "office_name", r->app->cfg.office_name, "system_name",
				     "文明单位创建测评管理系统"));
}
