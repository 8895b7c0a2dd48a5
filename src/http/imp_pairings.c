/* imp_pairings.c — importing pairings of units with partners (结对共建社区 / 包联共建嘎查村) (http
 * layer). As the API: the unit within the caller's scope and active (a liaison's empty cell is
 * their own unit), the partner located as the API locates it and of the kind the pairing needs,
 * the unit's row locked before the overlap check, and no two pairings of a unit with a partner
 * whose dates overlap — in the database or earlier in the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/ledger.h"
#include "../store/db.h"
#include "../store/partner_store.h"
#include "../store/unit_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "imp.h"

enum { G_UNIT, G_PARTNER, G_KIND, G_START, G_END, G_NOTE, G_N };

static const struct imp_field pairing_fields[G_N] = {
	{"unit", "单位名称", 1, "单位|统一社会信用代码", "神华准格尔能源有限责任公司"},
	{"partner", "共建对象", 1, "共建对象名称|社区|嘎查村|结对社区", "薛家湾镇幸福里社区"},
	{"kind", "结对类型", 1, "类型|共建类型", "结对共建社区"},
	{"start_date", "开始日期", 1, "结对日期|起始日期", "2024-03-01"},
	{"end_date", "结束日期", 0, "截止日期", "长期"},
	{"note", "备注", 0, NULL, ""},
};

static const struct imp_choice pairing_kinds[] = {
	{"city_creation", "结对共建|结对共建社区|助力文明城市创建|助力文明城市创建（结对共建社区）"},
	{"rural_revitalization", "包联嘎查村|包联共建|包联|助力乡村振兴|助力乡村振兴（包联嘎查村）"},
};

static const char *const pairing_renames[] = {"partner_id", "partner", "unit_id", "unit", NULL};

/* The pairings of one unit with one partner met so far in the file. */
struct pairing_ranges {
	size_t n, cap;
	struct {
		int64_t row;
		char start[11], end[11];
	} r[];
};

struct pairing_state {
	struct imp_memo *partners; /* imp_partner's cache */
	struct imp_memo *locked;   /* units whose row this import holds */
	struct imp_memo *ranges;   /* "unit/partner" → struct pairing_ranges */
	struct pairing g;
};

static void pairing_init(struct imp_ctx *c)
{
	struct pairing_state *s = xcalloc(1, sizeof *s);
	s->partners = imp_memo_new();
	s->locked = imp_memo_new();
	s->ranges = imp_memo_new();
	c->kind_state = s;
}

static void pairing_finish(struct imp_ctx *c)
{
	struct pairing_state *s = c->kind_state;
	if (s) {
		imp_memo_free(s->partners);
		imp_memo_free(s->locked);
		imp_memo_free(s->ranges);
		free(s);
	}
	c->kind_state = NULL;
}

/* Two date ranges overlap when each starts before the other ends ("" never ends). */
static int pairing_overlap(const char *s1, const char *e1, const char *s2, const char *e2)
{
	return (!*e2 || strcmp(s1, e2) <= 0) && (!*e1 || strcmp(s2, e1) <= 0);
}

/* Checks the row against the file's earlier pairings of the same unit and partner, and adds it. */
static int pairing_file_overlap(struct imp_ctx *c, struct pairing_state *s, const struct pairing *g)
{
	char key[48];
	snprintf(key, sizeof key, "%lld/%lld", (long long)g->unit_id, (long long)g->partner_id);
	void **slot = imp_memo_slot(s->ranges, key);
	struct pairing_ranges *pr = *slot;
	for (size_t i = 0; pr && i < pr->n; i++) {
		if (pairing_overlap(g->start_date, g->end_date, pr->r[i].start, pr->r[i].end)) {
			char msg[200];
			snprintf(msg, sizeof msg, "与第%lld行的结对时间重叠：该单位与该共建对象在这段时间内已有结对记录",
				 (long long)pr->r[i].row);
			return imp_error(c, G_START, msg);
		}
	}
	if (!pr || pr->n == pr->cap) {
		size_t cap = pr ? pr->cap * 2 : 2;
		pr = xrealloc(pr, sizeof *pr + cap * sizeof pr->r[0]);
		if (!*slot) {
			pr->n = 0;
		}
		pr->cap = cap;
		*slot = pr;
	}
	pr->r[pr->n].row = c->row_no;
	str_copy(pr->r[pr->n].start, sizeof pr->r[0].start, g->start_date);
	str_copy(pr->r[pr->n].end, sizeof pr->r[0].end, g->end_date);
	pr->n++;
	return 1;
}

static void pairing_row(struct imp_ctx *c)
{
	struct pairing_state *s = c->kind_state;
	struct pairing *g = &s->g;
	memset(g, 0, sizeof *g);
	struct lookup_unit u;
	int ok = imp_unit(c, G_UNIT, &u);
	const char *kind = imp_choice(c->v[G_KIND], pairing_kinds, sizeof pairing_kinds / sizeof pairing_kinds[0],
				      ledger_pairing_kind_label);
	if (!*c->v[G_KIND]) {
		ok = imp_error(c, G_KIND, "请填写结对类型");
	}
	const char *want = kind ? ledger_pairing_partner_kind(kind) : "";
	ok &= imp_partner(c, s->partners, G_PARTNER, want, &g->partner_id, g->partner_kind);
	ok &= imp_date(c, G_START, 1, g->start_date);
	ok &= imp_end_date(c, G_END, g->end_date);
	if (!ok) {
		return;
	}
	/* an unknown kind goes to the rules as written, which refuse it */
	struct err_detail d;
	err_clear(&d);
	if (ledger_pairing_validate(kind ? kind : c->v[G_KIND], g->partner_kind, g->start_date, g->end_date, c->v[G_NOTE],
				    &d) != ERR_OK) {
		imp_detail_as(c, &d, pairing_renames);
		return;
	}
	g->unit_id = u.id;
	str_copy(g->kind, sizeof g->kind, kind);
	str_copy(g->note, sizeof g->note, c->v[G_NOTE]);
	/* as the API: the unit's row is locked before the overlap check (once per unit) */
	char key[32];
	snprintf(key, sizeof key, "%lld", (long long)u.id);
	void **locked = imp_memo_slot(s->locked, key);
	if (!*locked) {
		if (unit_store_lock(c->db, u.id) != ERR_OK) {
			imp_error(c, -1, "写入数据库失败");
			return;
		}
		*locked = xstrdup("1");
	}
	if (!pairing_file_overlap(c, s, g)) {
		return;
	}
	if (pairing_store_check_overlap(c->db, g, 0, &d) != ERR_OK) {
		if (d.err == ERR_DB) {
			imp_error(c, -1, "查询结对记录时出错");
		} else {
			imp_detail_as(c, &d, pairing_renames);
		}
		return;
	}
	if (c->failed) {
		return; /* validation only from the first error on */
	}
	if (pairing_store_insert(c->db, g, c->now, &d) != ERR_OK) {
		imp_error(c, -1, "写入数据库失败");
	}
}

const struct imp_kind imp_pairings = {
	.key = "pairings",
	.label = "结对共建",
	.entity = "pairing",
	.fields = pairing_fields,
	.n_fields = G_N,
	.row = pairing_row,
	.init = pairing_init,
	.finish = pairing_finish,
};
