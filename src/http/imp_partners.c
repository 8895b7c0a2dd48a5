/* imp_partners.c — importing partners (共建对象: 社区/小区, 嘎查村) (http layer). Admins only, as
 * the API: the kind answers 403 to a unit's liaison. The region is written as its 6-digit code
 * or its name, within the caller's scope; the rules are the API's (domain/ledger.h), and a
 * partner that already exists (same region, kind and name, in the database or earlier in the
 * file) is refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../domain/text.h"
#include "../store/db.h"
#include "../store/partner_store.h"
#include "../store/region_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "imp.h"

enum { P_NAME, P_KIND, P_REGION, P_ADDRESS, P_CONTACT, P_PHONE, P_HOUSEHOLDS, P_POPULATION, P_REMARK, P_N };

static const struct imp_field partner_fields[P_N] = {
	{"name", "名称", 1, "共建对象|共建对象名称|社区名称|嘎查村名称", "薛家湾镇利民社区"},
	{"kind", "类型", 1, "对象类型|共建对象类型", "社区"},
	{"region_code", "行政区划", 1, "行政区划代码|所属地区|地区", "准格尔旗"},
	{"address", "地址", 0, "详细地址", "薛家湾镇利民街1号"},
	{"contact_name", "联系人", 0, NULL, "李明"},
	{"contact_phone", "联系电话", 0, "电话|手机号码", "0477-4212345"},
	{"households", "户数", 0, NULL, "1,200"},
	{"population", "人口", 0, "人口数", "3500"},
	{"remark", "备注", 0, NULL, ""},
};

static const struct imp_choice partner_kinds[] = {
	{"community", "小区"},
	{"village", "嘎查|村|嘎查（村）"},
};

/* The regions of the caller's scope, read once. */
struct region_entry {
	char code[7];
	char name[128];
};

struct region_hit {
	int n; /* 0 none, 1 one, 2 several */
	char code[7];
};

struct partner_state {
	struct region_entry *regions;
	size_t n_regions, cap_regions;
	int regions_failed;
	struct imp_memo *region_memo; /* text → struct region_hit */
	struct imp_memo *seen;        /* region, kind, name → the row (int64_t) that has it */
	struct partner p;
	int exists;
};

static void partner_region_add(const struct region *g, void *ctx)
{
	struct partner_state *s = ctx;
	if (s->n_regions == s->cap_regions) {
		s->cap_regions = s->cap_regions ? s->cap_regions * 2 : 64;
		s->regions = xrealloc(s->regions, s->cap_regions * sizeof *s->regions);
	}
	str_copy(s->regions[s->n_regions].code, sizeof s->regions[0].code, g->code);
	str_copy(s->regions[s->n_regions].name, sizeof s->regions[0].name, g->name);
	s->n_regions++;
}

static void partner_init(struct imp_ctx *c)
{
	struct partner_state *s = xcalloc(1, sizeof *s);
	c->kind_state = s;
	s->region_memo = imp_memo_new();
	s->seen = imp_memo_new();
	s->regions_failed = region_store_list(c->db, &c->r->who.scope, partner_region_add, s) != ERR_OK;
}

static void partner_finish(struct imp_ctx *c)
{
	struct partner_state *s = c->kind_state;
	if (s) {
		free(s->regions);
		imp_memo_free(s->region_memo);
		imp_memo_free(s->seen);
		free(s);
	}
	c->kind_state = NULL;
}

/* The region written in the row, by code or name, within the caller's scope. */
static int partner_region(struct imp_ctx *c, struct partner_state *s, char code[7])
{
	const char *text = c->v[P_REGION];
	char msg[256];
	if (!*text) {
		return imp_error(c, P_REGION, "请填写行政区划（6位代码或名称）");
	}
	if (s->regions_failed) {
		return imp_error(c, P_REGION, "查询行政区划时出错");
	}
	void **slot = imp_memo_slot(s->region_memo, text);
	if (!*slot) {
		struct region_hit *h = xcalloc(1, sizeof *h);
		for (size_t i = 0; i < s->n_regions && h->n < 2; i++) {
			if (strcmp(s->regions[i].code, text) == 0 || strcmp(s->regions[i].name, text) == 0) {
				if (h->n++ == 0) {
					str_copy(h->code, sizeof h->code, s->regions[i].code);
				}
			}
		}
		*slot = h;
	}
	const struct region_hit *h = *slot;
	if (h->n == 0) {
		snprintf(msg, sizeof msg, "行政区划“%.40s”不存在或不在您的管辖范围内", text);
		return imp_error(c, P_REGION, msg);
	}
	if (h->n > 1) {
		snprintf(msg, sizeof msg, "您的管辖范围内有多个名为“%.40s”的行政区划，请改填6位行政区划代码", text);
		return imp_error(c, P_REGION, msg);
	}
	str_copy(code, 7, h->code);
	return 1;
}

struct partner_exists_ctx {
	const char *region, *kind, *name;
	int found;
};

static void partner_exists_row(const struct partner *p, void *ctx)
{
	struct partner_exists_ctx *x = ctx;
	if (strcmp(p->region_code, x->region) == 0 && strcmp(p->kind, x->kind) == 0 && strcmp(p->name, x->name) == 0) {
		x->found = 1;
	}
}

/* Whether the database has a partner of that kind and name in exactly that region (the table's
 * unique key): checked before the insert, since a failed insert would end the transaction on
 * PostgreSQL. */
static enum err partner_exists(struct imp_ctx *c, struct partner_state *s, const char *region, const char *kind,
			       const char *name, int *found)
{
	struct scope rs = {.kind = SCOPE_REGION};
	str_copy(rs.region_code, sizeof rs.region_code, region);
	int64_t id = 0;
	char k[16];
	*found = 0;
	enum err e = lookup_partner(c->db, &rs, name, kind, &id, k, sizeof k);
	if (e == ERR_NOT_FOUND) {
		return ERR_OK;
	}
	if (e == ERR_OK) {
		e = partner_store_get(c->db, NULL, id, c->today, &s->p);
		*found = e == ERR_OK && strcmp(s->p.region_code, region) == 0;
		return e;
	}
	if (e != ERR_CONFLICT) {
		return e;
	}
	/* several of that name under a prefecture's code: look at each */
	struct partner_exists_ctx x = {region, kind, name, 0};
	struct partner_filter f = {.q = name, .kind = kind, .region = region, .today = c->today, .page = 1, .per_page = 1000};
	int64_t total = 0;
	e = partner_store_list(c->db, &rs, &f, partner_exists_row, &x, &total);
	*found = x.found;
	return e;
}

static void partner_row(struct imp_ctx *c)
{
	struct partner_state *s = c->kind_state;
	const char *kind = imp_choice(c->v[P_KIND], partner_kinds, sizeof partner_kinds / sizeof partner_kinds[0],
				      ledger_partner_kind_label);
	char region[7] = "";
	int64_t households = 0, population = 0;
	int ok = partner_region(c, s, region);
	ok &= imp_int(c, P_HOUSEHOLDS, 0, 0, 10000000, 0, &households);
	ok &= imp_int(c, P_POPULATION, 0, 0, 100000000, 0, &population);
	if (text_utf8_chars(c->v[P_PHONE], strlen(c->v[P_PHONE])) > 30) {
		ok = imp_error(c, P_PHONE, "联系电话不能超过30个字");
	}
	if (!ok) {
		return;
	}
	/* an unknown kind goes to the rules as written, which refuse it */
	struct partner_fields pf = {kind ? kind : c->v[P_KIND], c->v[P_NAME], region, c->v[P_ADDRESS], c->v[P_CONTACT],
				    c->v[P_PHONE], c->v[P_REMARK], households, population};
	struct err_detail d;
	err_clear(&d);
	if (ledger_partner_validate(&pf, &d) != ERR_OK) {
		imp_detail(c, &d);
		return;
	}
	char msg[200];
	char *key = xasprintf("%s\x1f%s\x1f%s", region, kind, c->v[P_NAME]);
	void **slot = imp_memo_slot(s->seen, key);
	free(key);
	if (*slot) {
		snprintf(msg, sizeof msg, "与第%lld行重复：同一行政区划内已有同名同类型的共建对象", (long long)*(int64_t *)*slot);
		imp_error(c, P_NAME, msg);
		return;
	}
	int64_t *row = xmalloc(sizeof *row);
	*row = c->row_no;
	*slot = row;
	int found = 0;
	if (partner_exists(c, s, region, kind, c->v[P_NAME], &found) != ERR_OK) {
		imp_error(c, -1, "查询共建对象时出错");
		return;
	}
	if (found) {
		imp_error(c, P_NAME, "该行政区划内已有同名同类型的共建对象");
		return;
	}
	if (c->failed) {
		return; /* validation only from the first error on */
	}
	struct partner *p = &s->p;
	memset(p, 0, sizeof *p);
	str_copy(p->kind, sizeof p->kind, kind);
	str_copy(p->name, sizeof p->name, c->v[P_NAME]);
	str_copy(p->region_code, sizeof p->region_code, region);
	str_copy(p->address, sizeof p->address, c->v[P_ADDRESS]);
	str_copy(p->contact_name, sizeof p->contact_name, c->v[P_CONTACT]);
	str_copy(p->contact_phone, sizeof p->contact_phone, c->v[P_PHONE]);
	str_copy(p->remark, sizeof p->remark, c->v[P_REMARK]);
	p->households = households;
	p->population = population;
	if (partner_store_insert(c->db, p, c->now, &d) != ERR_OK) {
		if (d.err == ERR_DB) {
			imp_error(c, -1, "写入数据库失败");
		} else {
			imp_detail(c, &d);
		}
	}
}

const struct imp_kind imp_partners = {
	.key = "partners",
	.label = "共建对象",
	.entity = "partner",
	.fields = partner_fields,
	.n_fields = P_N,
	.row = partner_row,
	.init = partner_init,
	.finish = partner_finish,
	.roles = ROLE_ADMIN,
};
