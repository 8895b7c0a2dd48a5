/* demo.h — the demo data set (cli layer): the loader (demo_registry.c), the creation ledger's
 * partners and pairings (demo_ledger.c), its activities (demo_activities.c), the volunteer
 * rosters (demo_volunteers.c), the exemplars, aid records and public-service ads
 * (demo_records.c with demo_exemplars.c and demo_ads.c), the service hours (demo_hours.c) and the tables of names they draw on
 * (demo_names.c).
 * Strings returned or pointed to here are static. */
#ifndef WM_DEMO_H
#define WM_DEMO_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct db;

/* Fills an empty, migrated database in one transaction and prints the logins and a summary
 * of what was loaded to out. Deterministic apart from created_at. 0 on success. */
int demo_load(struct db *db, FILE *out);

/* 09:30 Beijing time on a YYYY-MM-DD date, as a Unix time. */
int64_t demo_epoch(const char *date);

/* What demo_ledger_load wrote, for the summary; the jungar_* figures are the coverage the
 * 准格尔旗 admin sees today. */
struct demo_ledger_counts {
	int communities, villages;
	int pairings_open, pairings_ended;
	int jungar_without_community, jungar_without_village, jungar_partners_without;
};

/* Adds the partners (社区, 嘎查村) and the units' pairings with them inside the caller's
 * transaction; unit_ids are the stored ids of demo_unit_rows() in order, after the lineage
 * was applied. Deterministic (its own fixed-seed generator). 0 on success. */
int demo_ledger_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_ledger_counts *counts);

/* What demo_activities_load wrote, for the summary. */
struct demo_activity_counts {
	int total, at_partner;
	int xjw_volunteer_2022; /* 薛家湾供电公司's 志愿服务 + 学雷锋 + 我们的节日 in 2022: the article's 56 */
	int units_with_gaps;    /* titled units that miss whole months in 2025 and 2026 */
};

/* Adds the units' activities (精神文明创建活动) from 2021 to 2026-11-27 inside the caller's
 * transaction, after demo_ledger_load (activities at a partner name the pairing open that day,
 * read back from the store); unit_ids as for demo_ledger_load. Deterministic (its own
 * fixed-seed generator). 0 on success. */
int demo_activities_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_activity_counts *counts);

/* What demo_volunteers_load wrote, for the summary. */
struct demo_volunteer_counts {
	int total, left; /* rows written; of them status left */
	int units;       /* live units with a roster */
	int xjw_active;  /* 薛家湾供电公司's active volunteers: the article's 658 */
	int titled_under; /* live titled units whose active volunteers are under 20 % of staff */
};

/* Adds the units' volunteer rosters inside the caller's transaction; unit_ids as for
 * demo_ledger_load. Deterministic (its own fixed-seed generator). 0 on success. */
int demo_volunteers_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_volunteer_counts *counts);

/* What demo_records_load wrote, for the summary; the named figures are the article's. */
struct demo_record_counts {
	int exemplars;
	int shenhua_models, shenhua_collectives; /* 神华准能's 道德模范 and 道德模范集体: 30 and 3 */
	int almond_staff_2021;                   /* 内蒙古高原杏仁露's 先进工作者 of 2021: 15 */
	int aid, first_secretaries, secretaries_serving;
	int64_t yidong_funds_2021_fen;       /* 伊东集团's 帮扶资金 of 2021: 100.01万元 */
	int64_t yidong_donations_fen;        /* its donations in all (over 2亿元) */
	int64_t yidong_donations_article_fen; /* of them up to the article's date (over 2亿元) */
	int64_t guohua_meat_kg, guohua_meat_fen; /* 国华准格尔电厂's purchase aid: 18266 kg, 148万元 */
	int ads;
	int64_t ad_pieces;
};

/* Adds the units' exemplars (先进典型), aid records (帮扶记录) and public-service ads (公益广告)
 * inside the caller's transaction, after demo_ledger_load (first secretaries and aid name the
 * pairings open that day, read back from the database); unit_ids as for demo_ledger_load.
 * Direct SQL, deterministic (its own fixed-seed generator). 0 on success. */
int demo_records_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_record_counts *counts);

/* What demo_hours_load wrote, for the summary. */
struct demo_hours_counts {
	int served, activities; /* activity_volunteers rows; activities with volunteers recorded */
	int64_t minutes;
	int xjw_volunteers_2022, xjw_activities_2022; /* 薛家湾供电公司's volunteers who served in 2022, its activities */
	int64_t xjw_minutes_2022;
	int reports, reports_pending, reports_approved, reports_declined, reports_off_roster; /* 神华准能's */
};

/* Adds the served volunteers and their hours to the titled units' volunteer-type activities,
 * then the liaison's unit's self-report link (a random token, never printed) and its hour
 * reports, inside the caller's transaction, after the activities, volunteers and users exist;
 * unit_ids as for demo_ledger_load. Direct SQL, deterministic (its own fixed-seed generator)
 * apart from the token. 0 on success. */
int demo_hours_load(struct db *db, const int64_t *unit_ids, struct demo_hours_counts *counts);

/* A unit of the demo, as written in demo_names.c. */
struct demo_unit_row {
	const char *name;
	const char *category; /* dict kind unit_category */
	const char *region;   /* county-level region code */
	const char *kind;     /* USCC positions 1–2; NULL: from the category; "": no code */
	int staff;
	const char *town;     /* 苏木镇 of the address; NULL: the region's seat */
	const char *founded;  /* YYYY-MM-DD when set up during the demo years; NULL: existed before */
	const char *plan;     /* title ladder: tokens b B c C r R n (banner/city/region unit, upper
			       * case = 标兵, n = national) each with an optional 2-digit year:
			       * "b15 c20"; a token without a year gets one from the generator */
	unsigned flags;       /* DEMO_ROW_* */
};

#define DEMO_ROW_SEED 1u /* named by the seed article: titles as written, never criticised */
#define DEMO_ROW_VETO 2u /* loses its title in 2021 by a veto (重大安全生产事故) */

/* A region the demo places units in. */
struct demo_region {
	const char *code;
	const char *addr_prefix;  /* "准格尔旗", "鄂尔多斯市东胜区" */
	const char *seat;         /* town of the seat, "" for a district */
	const char *office;       /* 文明办 that records banner-level decisions */
	const char *doc_prefix;   /* banner committee's document prefix, "准文明委发" */
	const char *title_area;   /* "全旗" or "全区" */
	const char *phone_prefix; /* landline prefix, "0477-46" */
	const char *streets[8];   /* streets of the seat, NULL-terminated */
	/* public places where activities are held: 新时代文明实践中心, 烈士陵园, a scenic area, a square */
	const char *practice_center, *martyrs_cemetery, *scenic_area, *square;
};

/* The unit table; *n gets its length. */
const struct demo_unit_row *demo_unit_rows(size_t *n);
/* The region of that code, or NULL. */
const struct demo_region *demo_region_get(const char *code);
/* A plausible contact name chosen by r into out. */
void demo_person_name(uint32_t r, char *out, size_t n);
/* A street address for the row chosen by r, e.g. 准格尔旗薛家湾镇迎泽大街18号. */
void demo_unit_address(const struct demo_unit_row *row, uint32_t r, char *out, size_t n);
/* A landline of the row's region or (for companies, sometimes) a mobile number. */
void demo_unit_phone(const struct demo_unit_row *row, uint32_t r1, uint32_t r2, char *out, size_t n);

/* An award batch: the date and document number of one level's naming in one year. */
struct demo_award {
	const char *level;
	int year;
	const char *date;
	int doc_n;
};
/* The award batches; *n gets their number. */
const struct demo_award *demo_awards_get(size_t *n);

/* Institutional changes; unit and other are names from demo_names.c. */
struct demo_lineage {
	const char *kind; /* rename, merge, split, dissolve */
	const char *unit;
	const char *other; /* merge: absorbing unit; split: the new unit */
	const char *old_name;
	const char *date;
	const char *doc;
	const char *note;
	const char *remark;
};
/* The institutional changes in date order; *n gets their number. */
const struct demo_lineage *demo_lineages_get(size_t *n);

/* The office that records a decision on a title of level (reg: the unit's region): 中央文明办
 * (from 2025 中央宣传思想文化工作领导小组), 内蒙古自治区文明办, 鄂尔多斯市文明办 or the banner's. */
const char *demo_level_office(const char *level, int year, const struct demo_region *reg);
/* The decision document of a level's committee into out, e.g. 准文明委发〔2021〕8号. */
void demo_doc_no(const char *level, const struct demo_region *reg, int year, int n, char *out, size_t len);
/* The title's name as the documents write it into out: 全旗文明单位标兵, 自治区文明单位, … */
void demo_title_label(const char *level, const char *tier, const struct demo_region *reg, char *out, size_t n);
/* A partner of the demo: a 社区 or a 嘎查村 of a 苏木镇 (districts: a 街道). Its name is town
 * followed by short, e.g. 薛家湾镇 + 迎泽社区. */
struct demo_partner_row {
	const char *kind;   /* community, village */
	const char *region; /* county-level region code */
	const char *town;   /* 苏木镇 or 街道 */
	const char *short_name;
	unsigned flags;     /* DEMO_PARTNER_* */
	const char *remark; /* NULL: none */
};

#define DEMO_PARTNER_SPARE 1u    /* never paired: newly set up, waits for a unit */
#define DEMO_PARTNER_RELEASED 2u /* only pairings that ended in the 2021 adjustment */

/* The partner table; *n gets its length. */
const struct demo_partner_row *demo_partner_rows(size_t *n);
/* The partner's address chosen by r: a street number of its town for a 社区, the 村民委员会
 * (嘎查委员会) for a 嘎查村. */
void demo_partner_address(const struct demo_partner_row *row, uint32_t r, char *out, size_t n);

/* USCC positions 1–2 for a unit category (11 机关, 12 事业单位, 13 群团, 51 社会团体, 54 居委会,
 * 91 企业; "" for the military, which has no code). */
const char *demo_uscc_kind(const char *category);

#endif
