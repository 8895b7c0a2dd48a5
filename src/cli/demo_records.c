/* demo_records.c — the demo's exemplars (先进典型), aid records (帮扶记录) and public-service ads
 * (公益广告) (cli layer). The 2022 article's figures are written by hand: 神华准能's two elections
 * of its own 道德模范 (2018, 2021: 30 道德模范 and 3 道德模范集体, some commended higher up later),
 * 内蒙古高原杏仁露's 15 先进工作者 of 2021, 伊东集团's 100.01万元 帮扶资金 of 2021 for its paired
 * 嘎查村 and its donations since 2012 (over 2亿元 by the article's date), 国华准格尔电厂's 18266 kg
 * of meat bought from herders for 148万元. Around them, 2021–2026: a few exemplars a unit a year
 * spread over the 四德 (the 善行义举四德榜), first secretaries sent to the paired 嘎查村 in two-year
 * rounds (some still serving), industry projects, purchase aid, donations and matched funds, and
 * public-service ads on every carrier. The pairings are read back from the database; rows go in
 * with direct SQL (multi-row INSERTs, so PostgreSQL is not slowed by round trips) inside the
 * caller's transaction; a fixed-seed generator of its own draws it all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/db.h"
#include "../util/xalloc.h"
#include "demo_records.h"

/* ------------------------------------------------------------------ state ---- */

uint32_t dr_rand(struct dr_state *st)
{
	st->rng = st->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st->rng >> 33);
}

int dr_chance(struct dr_state *st, unsigned percent)
{
	return dr_rand(st) % 100u < percent;
}

int64_t dr_between(struct dr_state *st, int64_t lo, int64_t hi)
{
	return hi > lo ? lo + (int64_t)(dr_rand(st) % (uint32_t)(hi - lo + 1)) : lo;
}

int64_t dr_days(const char *date)
{
	return demo_epoch(date) / 86400;
}

int64_t dr_ymd(int y, int m, int d)
{
	char s[32];
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	return dr_days(s);
}

/* The YYYY-MM-DD of a day number (days since 1970-01-01). */
void dr_date(int64_t z, char out[16])
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
	int y = (int)(yoe + era * 400) + (m <= 2);
	snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

int dr_year_of(int64_t day)
{
	char d[16];
	dr_date(day, d);
	return atoi(d);
}

int dr_is(const struct dr_unit *u, const char *name)
{
	return strcmp(u->row->name, name) == 0;
}

/* The pairing of a kind open on day (the first when several are), or NULL. */
const struct dr_span *dr_partner_on(const struct dr_unit *u, int rural, int64_t day)
{
	for (size_t i = 0; i < u->n_spans; i++) {
		const struct dr_span *s = &u->spans[i];
		if (s->rural == rural && s->start <= day && day <= s->end) {
			return s;
		}
	}
	return NULL;
}

/* What the unit calls itself in a commendation: 公司, 学校, 医院 or 单位. */
const char *dr_self(const struct dr_unit *u)
{
	const char *c = u->row->category;
	return strcmp(c, "soe") == 0 || strcmp(c, "private") == 0 ? "公司"
	       : strcmp(c, "school") == 0			 ? "学校"
	       : strcmp(c, "hospital") == 0			 ? "医院"
								 : "单位";
}

/* ------------------------------------------------------------------ people ---- */

static const char *const dr_surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
	"何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁",
	"许", "沈", "彭", "吕", "苏", "卢", "贾", "丁", "魏", "薛", "郝", "白", "任", "乔", "霍", "武",
};

static const char *const dr_given[] = {
	"建平", "志刚", "海龙", "国栋", "文华", "永军", "俊峰", "占军", "宏伟", "振国", "福全", "宝山",
	"晓军", "彦斌", "志勇", "建华", "利民", "新民", "长青", "德胜", "世杰", "兴旺", "瑞峰", "浩",
	"斌", "军", "亮", "峰", "凯", "博", "秀梅", "凤英", "玉兰", "海燕", "丽霞", "素芳", "红梅",
	"慧敏", "春梅", "秀兰", "晓红", "美荣", "建英", "翠萍", "雅琴", "丽君", "巧云", "桂芳", "晓娟",
	"艳", "敏", "霞", "蓉", "洁", "琳", "莉", "娟", "萍", "丹", "悦",
};

_Static_assert(DR_N(dr_surnames) == 48 && DR_N(dr_given) == 60, "dr_person's walk assumes 48 surnames and 60 given names");

static const char *const dr_mongolian[] = {
	"苏和",	   "巴图",     "乌云其其格", "斯琴高娃", "额尔敦", "那仁满都拉", "孟和巴雅尔", "朝鲁门",
	"阿拉坦仓", "图雅",     "乌兰",	     "萨仁",	   "宝音",	"呼和",	   "塔娜",	 "其其格",
	"格日乐",   "巴特尔",   "毕力格",     "娜仁托雅", "达来",	"敖登",	   "都仁",	 "查干",
};

/* The next person of a unit: surname × given names walked from the unit's offset so none
 * repeats within the unit; now and then a Mongolian name. */
void dr_person(struct dr_state *st, struct dr_unit *u, char *out, size_t n)
{
	if (dr_rand(st) % 100 < 8) {
		static const char *const clan[] = {"", "包", "奇", "白", "云"};
		size_t i = (u->name_offset + (uint32_t)u->n_mongol * 7u) % DR_N(dr_mongolian);
		int round = u->n_mongol++ / (int)DR_N(dr_mongolian);
		snprintf(out, n, "%s%s", clan[round % (int)DR_N(clan)], dr_mongolian[i]);
		return;
	}
	/* i → (i mod S, (i div S × (S + 1) + i mod S) mod G) is one-to-one when S + 1 and G are
	 * coprime (49, 60); the stride 977 (coprime with 48 × 60) makes neighbours differ in both */
	uint32_t ns = (uint32_t)DR_N(dr_surnames), ng = (uint32_t)DR_N(dr_given);
	uint32_t i = (u->name_offset + (uint32_t)u->n_names++ * 977u) % (ns * ng);
	snprintf(out, n, "%s%s", dr_surnames[i % ns], dr_given[(i / ns * (ns + 1) + i % ns) % ng]);
}

/* ------------------------------------------------------------------ rows ---- */

struct dr_aid {
	const char *kind;
	const struct dr_span *partner;
	int64_t day, end; /* end: the first secretary's last day, 0 none */
	const char *person, *item;
	int64_t quantity;
	const char *quantity_unit;
	int64_t amount_fen;
	const char *description;
};

static int dr_aid_row(struct dr_state *st, const struct dr_unit *u, const struct dr_aid *a)
{
	struct demo_batch *b = st->aid;
	char date[16], end[16];
	dr_date(a->day, date);
	dr_date(a->end, end);
	demo_batch_int(b, u->id);
	demo_batch_text(b, a->kind);
	if (a->partner) {
		demo_batch_int(b, a->partner->partner_id);
	} else {
		demo_batch_text(b, NULL);
	}
	demo_batch_text(b, date);
	demo_batch_int(b, atoi(date));
	demo_batch_text(b, a->end ? end : NULL);
	demo_batch_text(b, a->person ? a->person : "");
	demo_batch_text(b, a->item ? a->item : "");
	demo_batch_int(b, a->quantity);
	demo_batch_text(b, a->quantity_unit ? a->quantity_unit : "");
	demo_batch_int(b, a->amount_fen);
	demo_batch_text(b, a->description ? a->description : "");
	demo_batch_int(b, st->now);
	demo_batch_int(b, st->now);
	struct demo_record_counts *c = st->counts;
	int fs = strcmp(a->kind, "first_secretary") == 0;
	c->aid++;
	c->first_secretaries += fs;
	c->secretaries_serving += fs && !a->end;
	if (dr_is(u, DR_YIDONG)) {
		c->yidong_funds_2021_fen += strcmp(a->kind, "aid_funds") == 0 && atoi(date) == 2021 ? a->amount_fen : 0;
		c->yidong_donations_fen += strcmp(a->kind, "donation") == 0 ? a->amount_fen : 0;
		c->yidong_donations_article_fen +=
			strcmp(a->kind, "donation") == 0 && a->day <= dr_days(DR_ARTICLE) ? a->amount_fen : 0;
	}
	if (dr_is(u, DR_GUOHUA) && strcmp(a->kind, "purchase_aid") == 0) {
		c->guohua_meat_kg += a->quantity_unit && strcmp(a->quantity_unit, "kg") == 0 ? a->quantity : 0;
		c->guohua_meat_fen += a->amount_fen;
	}
	return demo_batch_row_done(b);
}

/* ------------------------------------------------------------------ aid ---- */

/* 伊东集团's donations: over 2亿元 by the article's date, more since. */
static const struct {
	const char *date, *item;
	int64_t fen;
	int village;
	const char *desc;
} dr_yidong_gifts[] = {
	{"2012-05-18", "捐资助学", 2036000000, 0, "设立“伊东助学金”，资助准格尔旗家庭困难学生和考入大学的农牧民子女"},
	{"2013-09-10", "新农村新牧区建设", 3260000000, 0, "捐资支持准格尔旗新农村新牧区建设，用于村级道路和危房改造"},
	{"2014-06-26", "公共文化设施", 1580000000, 0, "捐资建设薛家湾镇文化广场和社区文化活动室"},
	{"2015-01-20", "扶贫济困", 860000000, 0, "春节前走访慰问全旗困难群众、困难职工和孤寡老人"},
	{"2016-01-25", "冬季送温暖", 620000000, 0, "为全旗困难家庭捐赠冬季取暖用煤和米面油"},
	{"2016-08-15", "教育事业", 2650000000, 0, "捐资支持准格尔旗职业教育和农村牧区中小学校建设"},
	{"2017-05-19", "精准扶贫", 2380000000, 0, "捐资支持全旗精准扶贫、产业扶贫项目"},
	{"2018-07-05", "文化体育事业", 900000000, 0, "捐资支持全旗群众文化体育活动和赛事"},
	{"2019-06-12", "捐资助学", 1060000000, 0, "续捐“伊东助学金”，资助家庭困难学生完成学业"},
	{"2019-10-12", "脱贫攻坚", 1650000000, 0, "捐资支持贫困嘎查村产业发展和基础设施建设"},
	{"2020-02-06", "疫情防控", 1000000000, 0, "向全旗疫情防控捐款，并捐赠口罩、防护服等物资"},
	{"2020-08-20", "防汛救灾", 500000000, 0, "向受灾地区捐款，支持防汛救灾和灾后重建"},
	{"2021-01-28", "扶贫济困", 620000000, 1, "春节前慰问帮扶村和全旗困难群众"},
	{"2021-07-23", "河南防汛救灾", 300000000, 0, "向河南省捐款，支持防汛救灾和灾后重建"},
	{"2022-04-08", "疫情防控", 780000000, 0, "捐款支持全旗疫情防控和核酸检测点建设"},
	{"2023-01-12", "春节慰问", 120000000, 1, "春节前慰问帮扶村困难群众和老党员"},
	{"2023-08-03", "防汛救灾", 80000000, 0, "向受灾地区捐款，支持防汛救灾和灾后重建"},
	{"2024-09-06", "捐资助学", 150000000, 0, "续捐“伊东助学金”，资助家庭困难学生完成学业"},
	{"2025-06-18", "乡村振兴", 210000000, 1, "捐资支持帮扶村发展村集体经济和改善人居环境"},
	{"2026-01-20", "春节慰问", 120000000, 1, "春节前慰问帮扶村困难群众和老党员"},
};

static int dr_yidong(struct dr_state *st, struct dr_unit *u)
{
	int rc = 0;
	for (size_t i = 0; i < DR_N(dr_yidong_gifts) && rc == 0; i++) {
		int64_t day = dr_days(dr_yidong_gifts[i].date);
		struct dr_aid a = {.kind = "donation",
				   .partner = dr_yidong_gifts[i].village ? dr_partner_on(u, 1, day) : NULL,
				   .day = day,
				   .item = dr_yidong_gifts[i].item,
				   .amount_fen = dr_yidong_gifts[i].fen,
				   .description = dr_yidong_gifts[i].desc};
		rc = dr_aid_row(st, u, &a);
	}
	int64_t day = dr_days("2021-09-16");
	struct dr_aid funds = {.kind = "aid_funds",
			       .partner = dr_partner_on(u, 1, day),
			       .day = day,
			       .item = "帮扶资金",
			       .amount_fen = DR_YIDONG_FUNDS,
			       .description = "2021年为帮扶村对接帮扶资金100.01万元，支持村集体经济和基础设施建设"};
	return rc ? rc : dr_aid_row(st, u, &funds);
}

static int dr_guohua(struct dr_state *st, struct dr_unit *u)
{
	int64_t day = dr_days("2022-06-30");
	struct dr_aid a = {.kind = "purchase_aid",
			   .partner = dr_partner_on(u, 1, day),
			   .day = day,
			   .item = "牛羊肉",
			   .quantity = DR_GUOHUA_KG,
			   .quantity_unit = "kg",
			   .amount_fen = DR_GUOHUA_FEN,
			   .description = "为巩固脱贫攻坚成果，组织职工食堂和干部职工累计消费农牧户猪、牛、羊肉共计18266公斤，合计148万元"};
	return dr_aid_row(st, u, &a);
}

/* 杏仁露 buys the villages' 山杏核 every autumn. */
static int dr_almond_kernels(struct dr_state *st, struct dr_unit *u)
{
	int rc = 0;
	for (int y = DR_FIRST_YEAR; y <= DR_LAST_YEAR && rc == 0; y++) {
		int64_t day = dr_between(st, dr_ymd(y, 8, 20), dr_ymd(y, 10, 15));
		int64_t kg = 60000 + dr_between(st, 0, 90) * 1000, price = 650 + dr_between(st, 0, 25) * 10;
		struct dr_aid a = {.kind = "purchase_aid",
				   .partner = dr_partner_on(u, 1, day),
				   .day = day,
				   .item = "山杏核",
				   .quantity = kg,
				   .quantity_unit = "kg",
				   .amount_fen = kg * price,
				   .description = "订单收购帮扶嘎查村及周边农户山杏核，带动农户增收"};
		rc = dr_aid_row(st, u, &a);
	}
	return rc;
}

/* The first secretaries a unit sends to a paired 嘎查村: the 2018–2021 round (the article's
 * units and some others), the 2021 round (two years), then the next, some still serving. */
static int dr_secretaries(struct dr_state *st, struct dr_unit *u, const struct dr_span *s, int early)
{
	static const char *const tasks[] = {
		"抓党建促乡村振兴，帮助完善村级组织建设",
		"帮助嘎查村发展特色种养殖产业，壮大村集体经济",
		"推动人居环境整治和移风易俗，为群众办实事",
		"协调落实帮扶项目和资金，推进基础设施建设",
	};
	int64_t start = 0, end = 0, prev_end = 0;
	int rc = 0;
	for (int round = early ? 0 : 1; round < 4 && rc == 0; round++) {
		if (round == 0) {
			start = dr_between(st, dr_days("2018-04-02"), dr_days("2018-06-29"));
			end = dr_between(st, dr_days("2021-05-10"), dr_days("2021-06-18"));
		} else if (round == 1) {
			start = dr_between(st, dr_days("2021-05-20"), dr_days("2021-07-16"));
			end = dr_between(st, dr_days("2023-06-05"), dr_days("2023-08-25"));
		} else if (round == 2) {
			start = prev_end ? prev_end + dr_between(st, 1, 20) : dr_between(st, dr_days("2023-06-05"), dr_days("2023-09-15"));
			end = dr_chance(st, 60) ? dr_between(st, dr_days("2025-06-09"), dr_days("2025-08-29")) : 0;
		} else {
			if (!prev_end) {
				break; /* the previous one is still there */
			}
			start = prev_end + dr_between(st, 1, 20);
			end = 0;
		}
		prev_end = 0;
		if (start < s->start || start > s->end || start > u->hi || start > st->end_day) {
			continue;
		}
		if (s->end != INT64_MAX && (!end || end > s->end)) {
			end = s->end;
		}
		if (u->hi < st->end_day && (!end || end > u->hi)) {
			end = u->hi;
		}
		char person[DR_NAME], desc[DR_TEXT];
		dr_person(st, u, person, sizeof person);
		snprintf(desc, sizeof desc, "选派到%s任驻村第一书记，%s", s->name, tasks[dr_rand(st) % DR_N(tasks)]);
		struct dr_aid a = {.kind = "first_secretary", .partner = s, .day = start, .end = end, .person = person,
				   .description = desc};
		rc = dr_aid_row(st, u, &a);
		prev_end = end;
	}
	return rc;
}

static const char *const dr_projects[] = {
	"肉羊养殖基地", "设施农业温室大棚", "小杂粮加工厂", "村级光伏电站", "饲草料种植基地",
	"农畜产品冷链仓储", "乡村旅游民宿", "庭院经济示范项目", "海红果种植基地", "肉牛育肥场",
};

static int dr_industry(struct dr_state *st, struct dr_unit *u, int n)
{
	const char *fixed[2] = {NULL, NULL};
	if (dr_is(u, DR_SHENHUA)) {
		fixed[0] = "肉羊养殖产业化项目";
		fixed[1] = "小杂粮种植基地";
	} else if (dr_is(u, DR_XJW)) {
		fixed[0] = "农网改造升级工程";
		fixed[1] = "村级光伏帮扶电站";
	}
	int rc = 0;
	for (int k = 0; k < n && rc == 0; k++) {
		const struct dr_span *s = NULL;
		int64_t day = 0;
		for (int attempt = 0; attempt < 4 && !s; attempt++) {
			day = dr_between(st, u->lo > dr_days("2021-03-01") ? u->lo : dr_days("2021-03-01"), u->hi - 30);
			s = dr_partner_on(u, 1, day);
		}
		if (!s) {
			continue;
		}
		const char *item = k < 2 && fixed[k] ? fixed[k] : dr_projects[dr_rand(st) % DR_N(dr_projects)];
		int64_t fen = u->big ? dr_between(st, 50, 500) * 1000000 : dr_between(st, 50, 800) * 100000;
		char desc[DR_TEXT];
		snprintf(desc, sizeof desc, "在%s投资建设%s，%s", s->name, item,
			 dr_chance(st, 50) ? "带动农牧户稳定增收" : "收益用于壮大村集体经济");
		struct dr_aid a = {.kind = "industry_project", .partner = s, .day = day, .item = item, .amount_fen = fen,
				   .description = desc};
		rc = dr_aid_row(st, u, &a);
	}
	return rc;
}

static const struct dr_product {
	const char *item, *unit;
	int price_lo, price_hi; /* fen per unit */
	int q_lo, q_hi;
} dr_products[] = {
	{"羊肉", "kg", 7200, 8800, 150, 1500},	   {"牛肉", "kg", 8000, 9800, 100, 900},
	{"小米", "kg", 800, 1400, 300, 4000},	   {"土豆", "kg", 200, 360, 1000, 12000},
	{"荞面", "kg", 900, 1500, 200, 2500},	   {"黄米", "kg", 800, 1200, 200, 2500},
	{"粉条", "kg", 1600, 2400, 100, 1500},	   {"海红果", "kg", 600, 1000, 300, 3000},
	{"鸡蛋", "box", 6000, 9000, 40, 400},	   {"胡麻油", "piece", 12000, 16000, 30, 300},
	{"活羊", "head", 120000, 180000, 5, 40}, {"葵花籽", "bag", 8000, 12000, 20, 200},
};

static int dr_purchase(struct dr_state *st, struct dr_unit *u, int year)
{
	int64_t lo = dr_ymd(year, 1, 5), hi = dr_ymd(year, 12, 28);
	lo = lo > u->lo ? lo : u->lo;
	hi = hi < u->hi ? hi : u->hi;
	if (lo > hi) {
		return 0;
	}
	int64_t day = dr_between(st, lo, hi);
	const struct dr_product *p = &dr_products[dr_rand(st) % DR_N(dr_products)];
	int64_t q = dr_between(st, p->q_lo, p->q_hi), price = dr_between(st, p->price_lo, p->price_hi) / 100 * 100;
	int staff = u->row->staff;
	q = staff >= 500 ? q * 3 : staff >= 150 ? q : (q + 1) / 2;
	const struct dr_span *s = dr_partner_on(u, 1, day);
	char desc[DR_TEXT];
	uint32_t r = dr_rand(st) % 3;
	if (r == 0) {
		snprintf(desc, sizeof desc, "以购代捐，组织干部职工采购%s农牧户%s", s ? s->name : "帮扶地区", p->item);
	} else if (r == 1) {
		snprintf(desc, sizeof desc, "职工食堂定向采购%s%s，助力农牧户增收", s ? s->name : "脱贫地区", p->item);
	} else {
		snprintf(desc, sizeof desc, "节日前为职工采购%s%s作为慰问品", s ? s->name : "帮扶嘎查村", p->item);
	}
	struct dr_aid a = {.kind = "purchase_aid", .partner = s, .day = day, .item = p->item, .quantity = q,
			   .quantity_unit = p->unit, .amount_fen = q * price, .description = desc};
	return dr_aid_row(st, u, &a);
}

static const struct {
	const char *item;
	int yuan_lo, yuan_hi, y_lo, y_hi;
	char to; /* 'V' the paired 嘎查村, 'C' the paired 社区, 0 none */
	const char *desc;
} dr_gifts[] = {
	{"助学金", 5000, 60000, 2021, 2026, 'V', "资助帮扶嘎查村家庭困难学生完成学业"},
	{"春节慰问金", 3000, 40000, 2021, 2026, 'V', "春节前走访慰问帮扶嘎查村困难群众和老党员"},
	{"防疫物资", 10000, 120000, 2021, 2022, 'C', "为结对社区捐赠口罩、消毒液等疫情防控物资"},
	{"冬季取暖用煤", 20000, 120000, 2021, 2026, 'V', "为帮扶嘎查村困难户捐赠冬季取暖用煤"},
	{"防汛救灾捐款", 10000, 200000, 2021, 2026, 0, "向受灾地区捐款，支持防汛救灾和灾后重建"},
	{"图书", 3000, 30000, 2021, 2026, 'V', "为嘎查村农家书屋捐赠图书"},
	{"爱心衣物", 2000, 20000, 2021, 2026, 'C', "组织职工为结对社区困难群众捐赠冬衣"},
	{"慈善一日捐", 5000, 80000, 2021, 2026, 0, "参加“慈善一日捐”活动，干部职工踊跃捐款"},
	{"适老化改造", 10000, 80000, 2023, 2026, 'C', "出资为结对社区老旧小区加装扶手、坡道等适老化设施"},
};

static int dr_donation(struct dr_state *st, struct dr_unit *u, int year)
{
	size_t i = dr_rand(st) % DR_N(dr_gifts);
	if (year < dr_gifts[i].y_lo || year > dr_gifts[i].y_hi) {
		i = 0;
	}
	int64_t lo = dr_ymd(year, 1, 5), hi = dr_ymd(year, 12, 28);
	if (strstr(dr_gifts[i].item, "春节")) {
		hi = dr_ymd(year, 2, 10);
	} else if (strstr(dr_gifts[i].item, "冬")) {
		lo = dr_ymd(year, 10, 20);
	}
	lo = lo > u->lo ? lo : u->lo;
	hi = hi < u->hi ? hi : u->hi;
	if (lo > hi) {
		return 0;
	}
	int64_t day = dr_between(st, lo, hi);
	int64_t yuan = dr_between(st, dr_gifts[i].yuan_lo / 100, dr_gifts[i].yuan_hi / 100) * 100 * (u->big ? 4 : 1);
	const struct dr_span *s = dr_gifts[i].to ? dr_partner_on(u, dr_gifts[i].to == 'V', day) : NULL;
	struct dr_aid a = {.kind = "donation", .partner = s, .day = day, .item = dr_gifts[i].item, .amount_fen = yuan * 100,
			   .description = dr_gifts[i].desc};
	return dr_aid_row(st, u, &a);
}

static int dr_funds(struct dr_state *st, struct dr_unit *u, int year)
{
	static const char *const items[] = {"村集体经济发展资金", "村级道路硬化配套资金", "人居环境整治资金",
					    "党群服务中心修缮资金", "人畜饮水工程配套资金", "高标准农田建设配套资金"};
	static const char *const uses[] = {"入股村集体经济合作社，壮大村集体经济", "硬化嘎查村通组道路",
					   "开展村容村貌和人居环境整治", "修缮村级党群服务中心和文化活动室",
					   "实施人畜饮水安全工程", "配套建设高标准农田"};
	int64_t lo = dr_ymd(year, 3, 1), hi = dr_ymd(year, 11, 30);
	lo = lo > u->lo ? lo : u->lo;
	hi = hi < u->hi ? hi : u->hi;
	if (lo > hi) {
		return 0;
	}
	int64_t day = dr_between(st, lo, hi);
	const struct dr_span *s = dr_partner_on(u, 1, day);
	if (!s) {
		return 0;
	}
	size_t i = dr_rand(st) % DR_N(items);
	int64_t fen = u->big ? dr_between(st, 200, 2000) * 100000 : dr_between(st, 50, 500) * 100000;
	char desc[DR_TEXT];
	snprintf(desc, sizeof desc, "为%s对接帮扶资金，用于%s", s->name, uses[i]);
	struct dr_aid a = {.kind = "aid_funds", .partner = s, .day = day, .item = items[i], .amount_fen = fen,
			   .description = desc};
	return dr_aid_row(st, u, &a);
}

static int dr_aid_unit(struct dr_state *st, struct dr_unit *u)
{
	int seed = (u->row->flags & DEMO_ROW_SEED) != 0;
	int has_village = 0;
	for (size_t i = 0; i < u->n_spans; i++) {
		has_village |= u->spans[i].rural;
	}
	int rc = 0;
	if (dr_is(u, DR_YIDONG)) {
		rc = dr_yidong(st, u);
	} else if (dr_is(u, DR_GUOHUA)) {
		rc = dr_guohua(st, u);
	} else if (dr_is(u, DR_ALMOND)) {
		rc = dr_almond_kernels(st, u);
	}
	int sends = seed || (u->titled && (u->big || dr_chance(st, 50))) || dr_chance(st, 8);
	int early = seed || (u->titled && dr_chance(st, 25));
	for (size_t i = 0; i < u->n_spans && rc == 0 && sends; i++) {
		if (u->spans[i].rural) {
			rc = dr_secretaries(st, u, &u->spans[i], early);
		}
	}
	int projects = !has_village ? 0 : seed || u->big ? 2 + (int)(dr_rand(st) % 2) : u->titled && dr_chance(st, 30);
	if (rc == 0 && projects) {
		rc = dr_industry(st, u, projects);
	}
	for (int y = DR_FIRST_YEAR; y <= DR_LAST_YEAR && rc == 0; y++) {
		int titled = u->titled && !(u->veto && y > 2021);
		/* the article's units keep their own story for the kind it tells */
		if (!dr_is(u, DR_GUOHUA) && !dr_is(u, DR_ALMOND) && dr_chance(st, titled ? (u->big ? 90 : 55) : 10)) {
			int n = u->big && dr_chance(st, 50) ? 2 : 1;
			for (int k = 0; k < n && rc == 0; k++) {
				rc = dr_purchase(st, u, y);
			}
		}
		if (rc == 0 && !dr_is(u, DR_YIDONG) && dr_chance(st, titled ? (u->big ? 80 : 40) : 8)) {
			rc = dr_donation(st, u, y);
		}
		if (rc == 0 && has_village && !dr_is(u, DR_YIDONG) && titled && dr_chance(st, u->big ? 45 : 20)) {
			rc = dr_funds(st, u, y);
		}
	}
	return rc;
}

/* ------------------------------------------------------------------ loading ---- */

static int dr_read_spans(struct db *db, struct dr_state *st)
{
	struct db_stmt *q = NULL;
	if (db_prepare(db,
		       "SELECT g.unit_id, g.partner_id, g.kind, g.start_date, g.end_date, p.name FROM pairings g"
		       " JOIN partners p ON p.id = g.partner_id ORDER BY g.unit_id, g.start_date, g.id",
		       &q) != DB_OK) {
		fprintf(stderr, "demo: records: reading the pairings: %s\n", db_errmsg(db));
		return -1;
	}
	enum db_rc rc;
	while ((rc = db_step(q)) == DB_ROW) {
		if (st->n_spans == st->cap_spans) {
			st->cap_spans = st->cap_spans ? st->cap_spans * 2 : 512;
			st->spans = xrealloc(st->spans, st->cap_spans * sizeof *st->spans);
		}
		struct dr_span *s = &st->spans[st->n_spans++];
		memset(s, 0, sizeof *s);
		s->unit_id = db_col_int64(q, 0);
		s->partner_id = db_col_int64(q, 1);
		s->rural = strcmp(db_col_text(q, 2), "rural_revitalization") == 0;
		s->start = dr_days(db_col_text(q, 3));
		s->end = db_col_is_null(q, 4) ? INT64_MAX : dr_days(db_col_text(q, 4));
		snprintf(s->name, sizeof s->name, "%.120s", db_col_text(q, 5));
	}
	db_stmt_free(q);
	if (rc != DB_DONE) {
		fprintf(stderr, "demo: records: reading the pairings: %s\n", db_errmsg(db));
		return -1;
	}
	return 0;
}

/* Who the unit is for the generator: its days, whether titled and large, its pairings. */
static void dr_unit_init(struct dr_state *st, const struct demo_unit_row *row, int64_t id, struct dr_unit *u)
{
	memset(u, 0, sizeof *u);
	u->row = row;
	u->reg = demo_region_get(row->region);
	u->id = id;
	u->lo = dr_ymd(DR_FIRST_YEAR, 1, 1);
	u->hi = st->end_day;
	if (row->founded && dr_days(row->founded) + 30 > u->lo) {
		u->lo = dr_days(row->founded) + 30;
	}
	size_t n_l;
	const struct demo_lineage *l = demo_lineages_get(&n_l);
	for (size_t i = 0; i < n_l; i++) {
		if (strcmp(l[i].unit, row->name) == 0 && (strcmp(l[i].kind, "merge") == 0 || strcmp(l[i].kind, "dissolve") == 0)) {
			u->hi = dr_days(l[i].date) - 1;
		}
	}
	const char *plan = row->plan ? row->plan : "";
	u->titled = plan[0] != '\0';
	u->big = u->titled && ((row->flags & DEMO_ROW_SEED) || row->staff >= 500 || strpbrk(plan, "rRnC"));
	u->veto = (row->flags & DEMO_ROW_VETO) != 0;
	u->name_offset = dr_rand(st);
	size_t i = 0;
	while (i < st->n_spans && st->spans[i].unit_id != id) {
		i++;
	}
	u->spans = &st->spans[i];
	while (i + u->n_spans < st->n_spans && st->spans[i + u->n_spans].unit_id == id) {
		u->n_spans++;
	}
}

int demo_records_load(struct db *db, const int64_t *unit_ids, int64_t now, struct demo_record_counts *counts)
{
	struct dr_state st;
	memset(&st, 0, sizeof st);
	memset(counts, 0, sizeof *counts);
	st.rng = DR_SEED;
	st.now = now;
	st.end_day = dr_days(DR_END);
	st.counts = counts;
	if (dr_read_spans(db, &st) != 0) {
		free(st.spans);
		return -1;
	}
	st.ex = demo_batch_new(db,
			     "INSERT INTO exemplars (unit_id, kind, name, name_key, level, year, virtue, deeds, created_at,"
			     " updated_at) VALUES",
			     10);
	st.aid = demo_batch_new(db,
			      "INSERT INTO aid_records (unit_id, kind, partner_id, aid_date, year, end_date, person, item,"
			      " quantity, quantity_unit, amount_fen, description, created_at, updated_at) VALUES",
			      14);
	st.ads = demo_batch_new(db,
			      "INSERT INTO public_service_ads (unit_id, carrier, theme, count, start_date, end_date, year,"
			      " place, description, created_at, updated_at) VALUES",
			      11);
	size_t n_rows;
	const struct demo_unit_row *rows = demo_unit_rows(&n_rows);
	struct dr_unit *u = xmalloc(sizeof *u);
	int rc = 0;
	for (size_t i = 0; i < n_rows && rc == 0; i++) {
		dr_unit_init(&st, &rows[i], unit_ids[i], u);
		rc = dr_exemplars(&st, u);
		if (rc == 0) {
			rc = dr_aid_unit(&st, u);
		}
		if (rc == 0) {
			rc = dr_ads(&st, u);
		}
	}
	if (rc == 0) {
		rc = demo_batch_flush(st.ex) || demo_batch_flush(st.aid) || demo_batch_flush(st.ads) ? -1 : 0;
	}
	free(u);
	demo_batch_free(st.ex);
	demo_batch_free(st.aid);
	demo_batch_free(st.ads);
	free(st.spans);
	return rc;
}
