/* static.c — serving the embedded web assets (http layer). Hashed asset names are cached for
 * a year; index.html is never cached so a new build is picked up at once. */
#include "static.h"

#include <stdio.h>
#include <string.h>

#include "../util/embed.h"
#include "reply.h"
#include "req.h"

static const char *static_mime(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot) {
		return "application/octet-stream";
	}
	static const struct {
		const char *ext, *mime;
	} types[] = {
		{".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},   {".svg", "image/svg+xml"},
		{".png", "image/png"},                 {".ico", "image/x-icon"},
		{".json", "application/json"},         {".woff2", "font/woff2"},
		{".woff", "font/woff"},                {".ttf", "font/ttf"},
		{".txt", "text/plain; charset=utf-8"},
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (strcmp(dot, types[i].ext) == 0) {
			return types[i].mime;
		}
	}
	return "application/octet-stream";
}

void static_serve(struct req *r)
{
	char name[512];
	const struct embedded_file *f = NULL;
	if (strlen(r->path) < 400 && !strstr(r->path, "..")) {
		snprintf(name, sizeof name, "web%s", r->path);
		f = embed_find(name);
	}
	if (f && strncmp(r->path, "/assets/", 8) == 0) {
		reply_static(r, static_mime(name), f->data, f->len, "public, max-age=31536000, immutable");
		return;
	}
	if (f && strcmp(r->path, "/index.html") != 0) {
		reply_static(r, static_mime(name), f->data, f->len, "public, max-age=3600");
		return;
	}
	if (strncmp(r->path, "/assets/", 8) == 0) {
		reply_error(r, 404, "not_found", "文件不存在", NULL);
		return;
	}
	f = embed_find("web/index.html");
	if (!f) {
		reply_error(r, 404, "not_found", "界面未构建", NULL);
		return;
	}
	reply_static(r, "text/html; charset=utf-8", f->data, f->len, "no-cache");
}
