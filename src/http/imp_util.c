/* imp_util.c — helpers the import kinds share (http layer): closed vocabularies by code, label
 * or the words people write, a string-keyed cache, partners by name as the API locates them,
 * open end dates, and domain errors under the import's field keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/xalloc.h"
#include "imp.h"

/* ---- vocabularies ---- */

/* text with ASCII brackets as full-width ones, for comparing labels. */
static void imp_fullwidth_brackets(const char *in, char *out, size_t outlen)
{
	size_t o = 0;
	for (; *in && o + 4 < outlen; in++) {
		if (*in == '(' || *in == ')') {
			const char *w = *in == '(' ? "（" : "）";
			memcpy(out + o, w, 3);
			o += 3;
		} else {
			out[o++] = *in;
		}
	}
	out[o] = '\0';
}

/* 1 when text is one of the '|'-separated words in list (sep '|') or '/'-separated parts. */
static int imp_in_list(const char *text, const char *list, char sep)
{
	size_t tn = strlen(text);
	for (const char *a = list; a && *a;) {
		size_t n = strcspn(a, sep == '|' ? "|" : "/");
		if (n == tn && strncmp(a, text, n) == 0) {
			return 1;
		}
		a += n + (a[n] == sep);
	}
	return 0;
}

const char *imp_choice(const char *text, const struct imp_choice *choices, size_t n,
		       const char *(*label)(const char *))
{
	char t[256];
	if (!*text || strlen(text) >= sizeof t / 2) {
		return NULL;
	}
	imp_fullwidth_brackets(text, t, sizeof t);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(text, choices[i].code) == 0 || imp_in_list(text, choices[i].aliases, '|') ||
		    imp_in_list(t, choices[i].aliases, '|')) {
			return choices[i].code;
		}
		const char *l = label(choices[i].code);
		if (!l || !*l) {
			continue;
		}
		const char *br = strstr(l, "（");
		size_t bare = br ? (size_t)(br - l) : strlen(l);
		int whole = strcmp(t, l) == 0, unbracketed = bare == strlen(t) && strncmp(t, l, bare) == 0;
		if (whole || unbracketed || (strchr(l, '/') && imp_in_list(t, l, '/'))) {
			return choices[i].code;
		}
	}
	return NULL;
}

/* ---- the cache ---- */

struct imp_memo_slot {
	char *key;
	void *val;
};

struct imp_memo {
	struct imp_memo_slot *slots;
	size_t cap, used;
};

static uint64_t imp_memo_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	}
	return h;
}

struct imp_memo *imp_memo_new(void)
{
	struct imp_memo *m = xcalloc(1, sizeof *m);
	m->cap = 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	return m;
}

void imp_memo_free(struct imp_memo *m)
{
	if (!m) {
		return;
	}
	for (size_t i = 0; i < m->cap; i++) {
		free(m->slots[i].key);
		free(m->slots[i].val);
	}
	free(m->slots);
	free(m);
}

static struct imp_memo_slot *imp_memo_find(struct imp_memo_slot *slots, size_t cap, const char *key)
{
	size_t i = (size_t)(imp_memo_hash(key) & (cap - 1));
	while (slots[i].key && strcmp(slots[i].key, key) != 0) {
		i = (i + 1) & (cap - 1);
	}
	return &slots[i];
}

void **imp_memo_slot(struct imp_memo *m, const char *key)
{
	if ((m->used + 1) * 2 > m->cap) {
		size_t cap = m->cap * 2;
		struct imp_memo_slot *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < m->cap; i++) {
			if (m->slots[i].key) {
				*imp_memo_find(slots, cap, m->slots[i].key) = m->slots[i];
			}
		}
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	struct imp_memo_slot *s = imp_memo_find(m->slots, m->cap, key);
	if (!s->key) {
		s->key = xstrdup(key);
		s->val = NULL;
		m->used++;
	}
	return &s->val;
}

/* ---- partners by name ---- */

struct imp_partner_hit {
	enum err e;
	int64_t id;
	char kind[16];
};

static struct imp_partner_hit *imp_partner_lookup(struct imp_ctx *c, struct imp_memo *memo, const char *name,
						  const char *kind)
{
	char *key = xasprintf("%s\x1f%s", kind, name);
	void **slot = imp_memo_slot(memo, key);
	free(key);
	if (!*slot) {
		struct imp_partner_hit *h = xcalloc(1, sizeof *h);
		/* as the API: the caller's scope; a liaison's is their unit's region */
		struct scope ps = c->r->who.scope;
		if (ps.kind == SCOPE_UNIT) {
			memset(&ps, 0, sizeof ps);
			if (c->r->who.region_code[0]) {
				ps.kind = SCOPE_REGION;
				str_copy(ps.region_code, sizeof ps.region_code, c->r->who.region_code);
			}
		}
		h->e = lookup_partner(c->db, &ps, name, kind, &h->id, h->kind, sizeof h->kind);
		*slot = h;
	}
	return *slot;
}

int imp_partner(struct imp_ctx *c, struct imp_memo *memo, int field, const char *kind, int64_t *id, char *kind_out)
{
	const char *name = c->v[field];
	const char *what = c->kind->fields[field].label;
	char msg[256];
	if (!*name) {
		snprintf(msg, sizeof msg, "请填写%s", what);
		return imp_error(c, field, msg);
	}
	struct imp_partner_hit *h = imp_partner_lookup(c, memo, name, kind ? kind : "");
	if (h->e == ERR_NOT_FOUND && kind && *kind) {
		h = imp_partner_lookup(c, memo, name, "");
	}
	switch (h->e) {
	case ERR_OK:
		*id = h->id;
		str_copy(kind_out, 16, h->kind);
		return 1;
	case ERR_NOT_FOUND:
		snprintf(msg, sizeof msg, "找不到%s“%.60s”，或不在您的管辖范围内", what, name);
		return imp_error(c, field, msg);
	case ERR_CONFLICT:
		snprintf(msg, sizeof msg, "有多个名为“%.60s”的%s，无法确定是哪一个，请在系统中逐条登记", name, what);
		return imp_error(c, field, msg);
	default:
		snprintf(msg, sizeof msg, "查询%s时出错", what);
		return imp_error(c, field, msg);
	}
}

/* ---- dates and errors ---- */

int imp_end_date(struct imp_ctx *c, int field, char out[11])
{
	const char *v = c->v[field];
	if (strcmp(v, "长期") == 0 || strcmp(v, "长期有效") == 0 || strcmp(v, "至今") == 0) {
		out[0] = '\0';
		return 1;
	}
	return imp_date(c, field, 0, out);
}

int imp_detail_as(struct imp_ctx *c, const struct err_detail *d, const char *const *renames)
{
	for (size_t i = 0; renames && renames[i] && renames[i + 1]; i += 2) {
		if (strcmp(d->field, renames[i]) == 0) {
			struct err_detail r = *d;
			str_copy(r.field, sizeof r.field, renames[i + 1]);
			return imp_detail(c, &r);
		}
	}
	return imp_detail(c, d);
}
