/* imp_exemplars.c — importing exemplars (先进典型) (http layer). As the API: the unit within the
 * caller's scope and active (a liaison's empty cell is their own unit), and the rules of
 * domain/ledger_records.h; kind, level and virtue are written as their Chinese labels or codes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/cell.h"
#include "../domain/ledger_records.h"
#include "../store/db.h"
#include "../store/exemplar_store.h"
#include "../util/buf.h"
#include "../util/xalloc.h"
#include "imp.h"

enum { E_UNIT, E_NAME, E_KIND, E_LEVEL, E_YEAR, E_VIRTUE, E_DEEDS, E_N };

static const struct imp_field exemplar_fields[E_N] = {
	{"unit", "单位名称", 1, "单位|统一社会信用代码", "神华准格尔能源有限责任公司"},
	{"name", "姓名或名称", 1, "姓名|名称|典型名称", "王晓梅"},
	{"kind", "类别", 1, "典型类别|类型", "身边好人"},
	{"level", "表彰级别", 1, "级别", "旗县级"},
	{"year", "年度", 1, "年份|表彰年度", "2025"},
	{"virtue", "四德", 0, "四德类别|四德榜", "社会公德"},
	{"deeds", "主要事迹", 0, "事迹|简要事迹|先进事迹", "长期照顾社区独居老人，义务清扫楼道十余年。"},
};

static const struct imp_choice exemplar_kinds[] = {
	{"moral_model", NULL},	       {"moral_model_collective", NULL}, {"good_person", NULL},
	{"excellent_staff", "先进个人"}, {"excellent_volunteer", NULL},    {"civilized_family", NULL},
};

static const struct imp_choice exemplar_levels[] = {
	{"unit", "单位级|本单位级"}, {"banner", "旗县级|旗级|县级|旗区级|区县级"}, {"city", "市级|地市级"},
	{"region", "自治区级|省级|省部级"}, {"nation", "全国|全国级|国家级"},
};

static const struct imp_choice exemplar_virtues[] = {
	{"social", NULL}, {"professional", NULL}, {"family", NULL}, {"personal", NULL},
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static void exemplar_init(struct imp_ctx *c)
{
	c->kind_state = xcalloc(1, sizeof(struct exemplar));
}

static void exemplar_finish(struct imp_ctx *c)
{
	free(c->kind_state);
	c->kind_state = NULL;
}

/* The code of a vocabulary cell; an unknown word goes to the rules as written, which refuse it. */
static const char *exemplar_code(struct imp_ctx *c, int field, const struct imp_choice *ch, size_t n,
				 const char *(*label)(const char *))
{
	const char *code = imp_choice(c->v[field], ch, n, label);
	return code ? code : c->v[field];
}

static void exemplar_row(struct imp_ctx *c)
{
	struct exemplar *e = c->kind_state;
	memset(e, 0, sizeof *e);
	struct lookup_unit u;
	int ok = imp_unit(c, E_UNIT, &u);
	int64_t year = 0;
	const char *y = c->v[E_YEAR];
	if (*y) {
		char digits[32];
		size_t n = strlen(y);
		/* 2025 or 2025年 */
		if (n > 3 && strcmp(y + n - 3, "年") == 0) {
			n -= 3;
		}
		snprintf(digits, sizeof digits, "%.*s", (int)(n < sizeof digits - 1 ? n : sizeof digits - 1), y);
		if (n >= sizeof digits || !cell_int(digits, 1, 9999, &year)) {
			char msg[160];
			snprintf(msg, sizeof msg, "“%.30s”不是有效的年度，请写成 2025 这样的四位年份", y);
			ok = imp_error(c, E_YEAR, msg);
		}
	}
	if (!ok) {
		return;
	}
	const char *virtue = c->v[E_VIRTUE];
	if (strcmp(virtue, "其他") == 0 || strcmp(virtue, "无") == 0) {
		virtue = "";
	} else if (*virtue) {
		virtue = exemplar_code(c, E_VIRTUE, exemplar_virtues, N_OF(exemplar_virtues), ledger_virtue_label);
	}
	struct exemplar_fields xf = {
		*c->v[E_KIND] ? exemplar_code(c, E_KIND, exemplar_kinds, N_OF(exemplar_kinds), ledger_exemplar_kind_label) : "",
		c->v[E_NAME],
		*c->v[E_LEVEL] ? exemplar_code(c, E_LEVEL, exemplar_levels, N_OF(exemplar_levels), ledger_exemplar_level_label) : "",
		virtue,
		c->v[E_DEEDS],
		year,
	};
	struct err_detail d;
	err_clear(&d);
	if (ledger_exemplar_validate(&xf, c->today, &d) != ERR_OK) {
		imp_detail(c, &d);
		return;
	}
	if (c->failed) {
		return; /* validation only from the first error on */
	}
	e->unit_id = u.id;
	str_copy(e->kind, sizeof e->kind, xf.kind);
	str_copy(e->name, sizeof e->name, xf.name);
	str_copy(e->level, sizeof e->level, xf.level);
	e->year = (int)year;
	str_copy(e->virtue, sizeof e->virtue, xf.virtue);
	str_copy(e->deeds, sizeof e->deeds, xf.deeds);
	if (exemplar_store_insert(c->db, e, c->now, &d) != ERR_OK) {
		imp_error(c, -1, "写入数据库失败");
	}
}

const struct imp_kind imp_exemplars = {
	.key = "exemplars",
	.label = "先进典型",
	.entity = "exemplar",
	.fields = exemplar_fields,
	.n_fields = E_N,
	.row = exemplar_row,
	.init = exemplar_init,
	.finish = exemplar_finish,
};
