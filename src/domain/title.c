/* title.c — title and unit vocabulary, level ranks, status transitions (domain layer, pure C).
 * Tables below are the single source of the values listed in title.h. */
#include "title.h"

#include <stddef.h>
#include <string.h>

struct title_vocab_entry {
	const char *value;
	const char *label;
	int rank;
};

static const struct title_vocab_entry title_levels[] = {
	{ "national", "全国", 4 },
	{ "region", "自治区级", 3 },
	{ "city", "市级", 2 },
	{ "banner", "旗级", 1 },
	{ NULL, NULL, 0 },
};

static const struct title_vocab_entry title_tiers[] = {
	{ "unit", "文明单位", 0 },
	{ "model", "文明单位标兵", 0 },
	{ NULL, NULL, 0 },
};

static const struct title_vocab_entry title_statuses[] = {
	{ "valid", "有效", 0 },
	{ "criticized", "通报批评", 0 },
	{ "yellow_card", "黄牌警告", 0 },
	{ "revoked", "撤销", 0 },
	{ "lapsed", "自行终止", 0 },
	{ NULL, NULL, 0 },
};

static const struct title_vocab_entry title_unit_statuses[] = {
	{ "active", "正常", 0 },
	{ "merged", "已合并", 0 },
	{ "dissolved", "已撤销", 0 },
	{ NULL, NULL, 0 },
};

struct title_transition {
	const char *from;
	const char *to;
};

static const struct title_transition title_transitions[] = {
	{ "valid", "criticized" },
	{ "valid", "yellow_card" },
	{ "valid", "revoked" },
	{ "valid", "lapsed" },
	{ "criticized", "valid" },
	{ "criticized", "yellow_card" },
	{ "criticized", "revoked" },
	{ "criticized", "lapsed" },
	{ "yellow_card", "valid" },
	{ "yellow_card", "revoked" },
	{ "yellow_card", "lapsed" },
	{ NULL, NULL },
};

static const struct title_vocab_entry *title_table_find(const struct title_vocab_entry *table,
						       const char *value)
{
	if (!value) {
		return NULL;
	}
	for (const struct title_vocab_entry *e = table; e->value; e++) {
		if (strcmp(e->value, value) == 0) {
			return e;
		}
	}
	return NULL;
}

int title_level_valid(const char *level)
{
	return title_table_find(title_levels, level) != NULL;
}

int title_tier_valid(const char *tier)
{
	return title_table_find(title_tiers, tier) != NULL;
}

int title_status_valid(const char *status)
{
	return title_table_find(title_statuses, status) != NULL;
}

int title_unit_status_valid(const char *status)
{
	return title_table_find(title_unit_statuses, status) != NULL;
}

const char *title_level_label(const char *level)
{
	const struct title_vocab_entry *e = title_table_find(title_levels, level);

	return e ? e->label : NULL;
}

const char *title_tier_label(const char *tier)
{
	const struct title_vocab_entry *e = title_table_find(title_tiers, tier);

	return e ? e->label : NULL;
}

const char *title_status_label(const char *status)
{
	const struct title_vocab_entry *e = title_table_find(title_statuses, status);

	return e ? e->label : NULL;
}

const char *title_unit_status_label(const char *status)
{
	const struct title_vocab_entry *e = title_table_find(title_unit_statuses, status);

	return e ? e->label : NULL;
}

int title_level_rank(const char *level)
{
	const struct title_vocab_entry *e = title_table_find(title_levels, level);

	return e ? e->rank : 0;
}

int title_level_compare(const char *a, const char *b)
{
	return title_level_rank(a) - title_level_rank(b);
}

int title_status_transition_allowed(const char *from, const char *to)
{
	if (!from || !to) {
		return 0;
	}
	for (const struct title_transition *t = title_transitions; t->from; t++) {
		if (strcmp(t->from, from) == 0 && strcmp(t->to, to) == 0) {
			return 1;
		}
	}
	return 0;
}

int title_year_valid(int year)
{
	return year >= TITLE_YEAR_MIN && year <= TITLE_YEAR_MAX;
}

int title_term_valid(int term_years)
{
	return term_years >= TITLE_TERM_MIN && term_years <= TITLE_TERM_MAX;
}

int title_expires_year(int awarded_year, int term_years)
{
	if (!title_year_valid(awarded_year) || !title_term_valid(term_years)) {
		return 0;
	}
	return awarded_year + term_years - 1;
}
