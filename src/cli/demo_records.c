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
#include "../util/collate.h"
#include "../util/xalloc.h"
#include "demo.h"

#define DR_SEED 20190920u /* 公民道德宣传日 */
#define DR_FIRST_YEAR 2021
#define DR_LAST_YEAR 2026
#define DR_END "2026-11-27" /* the demo's today: nothing happens after it */
#define DR_ARTICLE "2022-07-25"
#define DR_SHENHUA "神华准格尔能源有限责任公司"
#define DR_XJW "国网内蒙古东部电力有限公司薛家湾供电公司"
#define DR_YIDONG "内蒙古伊东资源集团股份有限公司"
#define DR_GUOHUA "内蒙古国华准格尔发电有限责任公司"
#define DR_ALMOND "内蒙古高原杏仁露有限公司"
#define DR_YIDONG_FUNDS 100010000LL /* 100.01万元 */
#define DR_GUOHUA_KG 18266
#define DR_GUOHUA_FEN 148000000LL /* 148万元 */
#define DR_TEXT 512
#define DR_NAME 96
#define DR_BATCH_ROWS 64 /* rows per INSERT: 64 × 14 parameters stays under SQLite's old 999 */
#define DR_MAX_COLS 14
#define DR_N(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ batched inserts ---- */

enum { DR_NULL, DR_INT, DR_TEXT_V, DR_BLOB };

struct dr_val {
	int type;
	int64_t i;
	char *p;
	size_t n;
};

/* Rows of one table collected until DR_BATCH_ROWS, then written by one INSERT. */
struct dr_batch {
	struct db *db;
	const char *head; /* "INSERT INTO t (c1, …) VALUES" */
	int ncols, nrows, nvals, failed;
	struct dr_val vals[DR_BATCH_ROWS * DR_MAX_COLS];
};

static struct dr_batch *dr_batch_new(struct db *db, const char *head, int ncols)
{
	struct dr_batch *b = xcalloc(1, sizeof *b);
	b->db = db;
	b->head = head;
	b->ncols = ncols;
	return b;
}

static struct dr_val *dr_slot(struct dr_batch *b)
{
	if (b->nvals >= (b->nrows + 1) * b->ncols) {
		b->failed = 1; /* more values than columns: a bug; keep the slot in bounds */
		return &b->vals[b->nvals - 1];
	}
	struct dr_val *v = &b->vals[b->nvals++];
	memset(v, 0, sizeof *v);
	return v;
}

static void dr_put_int(struct dr_batch *b, int64_t i)
{
	struct dr_val *v = dr_slot(b);
	v->type = DR_INT;
	v->i = i;
}

/* NULL puts SQL NULL. */
static void dr_put_text(struct dr_batch *b, const char *s)
{
	struct dr_val *v = dr_slot(b);
	if (s) {
		free(v->p);
		v->type = DR_TEXT_V;
		v->p = xstrdup(s);
	}
}

/* Takes p. */
static void dr_put_blob(struct dr_batch *b, unsigned char *p, size_t n)
{
	struct dr_val *v = dr_slot(b);
	free(v->p);
	v->type = DR_BLOB;
	v->p = (char *)p;
	v->n = n;
}

static void dr_batch_clear(struct dr_batch *b)
{
	for (int k = 0; k < b->nvals; k++) {
		free(b->vals[k].p);
		b->vals[k].p = NULL;
	}
	b->nrows = b->nvals = 0;
}

static int dr_flush(struct dr_batch *b)
{
	if (b->failed) {
		dr_batch_clear(b);
		return -1;
	}
	if (b->nrows == 0) {
		return 0;
	}
	size_t head = strlen(b->head), len = head + (size_t)b->nrows * ((size_t)b->ncols * 2 + 4) + 1;
	char *sql = xmalloc(len), *p = sql;
	memcpy(p, b->head, head);
	p += head;
	for (int r = 0; r < b->nrows; r++) {
		*p++ = r ? ',' : ' ';
		*p++ = '(';
		for (int c = 0; c < b->ncols; c++) {
			if (c) {
				*p++ = ',';
			}
			*p++ = '?';
		}
		*p++ = ')';
	}
	*p = '\0';
	struct db_stmt *st = NULL;
	int rc = -1;
	if (db_prepare(b->db, sql, &st) == DB_OK) {
		for (int k = 0; k < b->nvals; k++) {
			const struct dr_val *v = &b->vals[k];
			if (v->type == DR_INT) {
				db_bind_int64(st, k + 1, v->i);
			} else if (v->type == DR_TEXT_V) {
				db_bind_text(st, k + 1, v->p, -1);
			} else if (v->type == DR_BLOB) {
				db_bind_blob(st, k + 1, v->p, v->n);
			} else {
				db_bind_null(st, k + 1);
			}
		}
		rc = db_step(st) == DB_DONE ? 0 : -1;
	}
	if (rc != 0) {
		fprintf(stderr, "demo: %.40s…: %s\n", b->head, db_errmsg(b->db));
		b->failed = 1;
	}
	db_stmt_free(st);
	free(sql);
	dr_batch_clear(b);
	return rc;
}

static int dr_row_done(struct dr_batch *b)
{
	if (b->nvals != (b->nrows + 1) * b->ncols) {
		b->failed = 1;
	}
	b->nrows++;
	if (b->failed) {
		return -1;
	}
	return b->nrows == DR_BATCH_ROWS ? dr_flush(b) : 0;
}

static void dr_batch_free(struct dr_batch *b)
{
	if (b) {
		dr_batch_clear(b);
		free(b);
	}
}

/* ------------------------------------------------------------------ state ---- */

/* A pairing as stored. */
struct dr_span {
	int64_t unit_id, partner_id, start, end; /* days; end INT64_MAX while open */
	int rural;
	char name[128];
};

struct dr_unit {
	const struct demo_unit_row *row;
	const struct demo_region *reg;
	int64_t id, lo, hi; /* days it exists within the demo years */
	int titled, big, veto;
	const struct dr_span *spans;
	size_t n_spans;
	uint32_t name_offset;
	int n_names, n_mongol;
};

struct dr_state {
	uint64_t rng;
	int64_t now, end_day;
	struct dr_span *spans;
	size_t n_spans, cap_spans;
	struct dr_batch *ex, *aid, *ads;
	struct demo_record_counts *counts;
};

static uint32_t dr_rand(struct dr_state *st)
{
	st->rng = st->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st->rng >> 33);
}

static int dr_chance(struct dr_state *st, unsigned percent)
{
	return dr_rand(st) % 100u < percent;
}

static int64_t dr_between(struct dr_state *st, int64_t lo, int64_t hi)
{
	return hi > lo ? lo + (int64_t)(dr_rand(st) % (uint32_t)(hi - lo + 1)) : lo;
}

static int64_t dr_days(const char *date)
{
	return demo_epoch(date) / 86400;
}

static int64_t dr_ymd(int y, int m, int d)
{
	char s[32];
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	return dr_days(s);
}

/* The YYYY-MM-DD of a day number (days since 1970-01-01). */
static void dr_date(int64_t z, char out[16])
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

static int dr_year_of(int64_t day)
{
	char d[16];
	dr_date(day, d);
	return atoi(d);
}

static int dr_is(const struct dr_unit *u, const char *name)
{
	return strcmp(u->row->name, name) == 0;
}

/* The pairing of a kind open on day (the first when several are), or NULL. */
static const struct dr_span *dr_partner_on(const struct dr_unit *u, int rural, int64_t day)
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
static const char *dr_self(const struct dr_unit *u)
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
static void dr_person(struct dr_state *st, struct dr_unit *u, char *out, size_t n)
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

static int dr_exemplar(struct dr_state *st, const struct dr_unit *u, const char *kind, const char *name,
		       const char *level, int year, const char *virtue, const char *deeds)
{
	struct dr_batch *b = st->ex;
	size_t kl = 0;
	unsigned char *key = collate_key(name, &kl);
	dr_put_int(b, u->id);
	dr_put_text(b, kind);
	dr_put_text(b, name);
	dr_put_blob(b, key, kl);
	dr_put_text(b, level);
	dr_put_int(b, year);
	dr_put_text(b, virtue);
	dr_put_text(b, deeds);
	dr_put_int(b, st->now);
	dr_put_int(b, st->now);
	struct demo_record_counts *c = st->counts;
	c->exemplars++;
	c->shenhua_models += dr_is(u, DR_SHENHUA) && strcmp(kind, "moral_model") == 0;
	c->shenhua_collectives += dr_is(u, DR_SHENHUA) && strcmp(kind, "moral_model_collective") == 0;
	c->almond_staff_2021 += dr_is(u, DR_ALMOND) && strcmp(kind, "excellent_staff") == 0 && year == 2021;
	return dr_row_done(b);
}

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
	struct dr_batch *b = st->aid;
	char date[16], end[16];
	dr_date(a->day, date);
	dr_date(a->end, end);
	dr_put_int(b, u->id);
	dr_put_text(b, a->kind);
	if (a->partner) {
		dr_put_int(b, a->partner->partner_id);
	} else {
		dr_put_text(b, NULL);
	}
	dr_put_text(b, date);
	dr_put_int(b, atoi(date));
	dr_put_text(b, a->end ? end : NULL);
	dr_put_text(b, a->person ? a->person : "");
	dr_put_text(b, a->item ? a->item : "");
	dr_put_int(b, a->quantity);
	dr_put_text(b, a->quantity_unit ? a->quantity_unit : "");
	dr_put_int(b, a->amount_fen);
	dr_put_text(b, a->description ? a->description : "");
	dr_put_int(b, st->now);
	dr_put_int(b, st->now);
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
	return dr_row_done(b);
}

static int dr_ad_row(struct dr_state *st, const struct dr_unit *u, const char *carrier, const char *theme, int count,
		     int64_t start, int64_t end, const char *place, const char *description)
{
	struct dr_batch *b = st->ads;
	char from[16], to[16];
	dr_date(start, from);
	dr_date(end, to);
	dr_put_int(b, u->id);
	dr_put_text(b, carrier);
	dr_put_text(b, theme);
	dr_put_int(b, count);
	dr_put_text(b, from);
	dr_put_text(b, end ? to : NULL);
	dr_put_int(b, atoi(from));
	dr_put_text(b, place);
	dr_put_text(b, description);
	dr_put_int(b, st->now);
	dr_put_int(b, st->now);
	st->counts->ads++;
	st->counts->ad_pieces += count;
	return dr_row_done(b);
}

/* ------------------------------------------------------------------ the article's exemplars ---- */

enum { C_HELP, C_BRAVE, C_HONEST, C_DEVOTED, C_FILIAL, C_N };
static const char *const dr_cat_label[C_N] = {"助人为乐", "见义勇为", "诚实守信", "敬业奉献", "孝老爱亲"};
static const char *const dr_cat_virtue[C_N] = {"social", "social", "personal", "professional", "family"};

/* 神华准能's 道德模范: elected by its first (2018) or second (2021) election; level and year
 * are the highest commendation since. */
static const struct dr_model {
	const char *name;
	int cat, edition;
	const char *level;
	int year;
	const char *deed;
} dr_shenhua_models[] = {
	{"王建平", C_DEVOTED, 1, "nation", 2019, "黑岱沟露天煤矿电铲司机，扎根采掘一线三十年，操作的电铲累计安全装车超过一亿吨"},
	{"李志刚", C_DEVOTED, 1, "region", 2019, "设备维修中心高级技师，带领团队完成技术革新四十余项，为公司创效三千余万元"},
	{"张秀梅", C_FILIAL, 1, "city", 2019, "选煤厂化验员，悉心照料瘫痪在床的婆婆十八年，操持家务毫无怨言"},
	{"刘海军", C_BRAVE, 1, "city", 2020, "下班途中跳入冰冷的河水，接力救起两名落水儿童"},
	{"陈占林", C_HELP, 1, "banner", 2019, "十余年如一日资助矿区周边十二名家庭困难学生完成学业"},
	{"杨凤英", C_HONEST, 1, "banner", 2020, "在矿区商场拾得装有五万余元现金的挎包，冒雨寻找失主并如数归还"},
	{"赵永强", C_DEVOTED, 1, "banner", 2019, "铁路运输分公司调度员，连续十五年安全调度零差错"},
	{"高建军", C_HELP, 1, "unit", 2018, "组建“爱心车队”，常年义务接送沙圪堵镇偏远村的学生往返学校"},
	{"郝俊峰", C_DEVOTED, 1, "unit", 2018, "矸石发电公司运行值长，带领运行人员实现机组连续安全运行一千余天"},
	{"白玉兰", C_FILIAL, 1, "unit", 2018, "照顾患病的丈夫和年迈的父母，多年坚守岗位从未耽误工作"},
	{"任志宏", C_HONEST, 1, "unit", 2018, "多次退还供货商送来的“感谢费”，在物资采购岗位上坚守廉洁底线"},
	{"贾海燕", C_HELP, 1, "unit", 2018, "准能医院护士，业余时间坚持到敬老院为老人义务体检和护理"},
	{"乔文亮", C_DEVOTED, 1, "unit", 2018, "哈尔乌素露天煤矿生态复垦技术员，参与治理复垦排土场上万亩"},
	{"郭晓东", C_BRAVE, 1, "unit", 2018, "运输途中发现路边车辆起火，冲上前救出被困司机"},
	{"苏和", C_DEVOTED, 1, "city", 2022, "蒙古族矿用卡车司机，驾驶二百二十吨矿卡安全行驶六十万公里"},
	{"马福全", C_DEVOTED, 2, "region", 2022, "选煤厂工程师，主持完成选煤系统智能化改造，原煤入洗效率提升百分之十五"},
	{"韩丽霞", C_HELP, 2, "banner", 2021, "发起“微心愿”志愿服务项目，帮助结对社区困难群众实现心愿三百余个"},
	{"冯志军", C_BRAVE, 2, "region", 2022, "暴雪中连夜协助救援被困车辆，救出被困群众二十余人"},
	{"田宝山", C_FILIAL, 2, "city", 2021, "照顾年过九旬的母亲和残疾的哥哥，二十年如一日不离不弃"},
	{"霍利平", C_HONEST, 2, "city", 2022, "妻子经营的小店欠下十余万元货款，妻子病故后他省吃俭用如数还清"},
	{"武彦斌", C_DEVOTED, 2, "unit", 2021, "供电中心带电作业班班长，带领班组完成带电作业两千余次无事故"},
	{"薛红梅", C_HELP, 2, "unit", 2021, "组织女职工志愿者每月到结对社区开展“暖心服务”"},
	{"奇海龙", C_HONEST, 2, "unit", 2021, "坚守物资仓储保管岗位二十年，账物相符率始终保持百分之百"},
	{"闫素芳", C_FILIAL, 2, "unit", 2021, "悉心照顾公婆和身患重病的丈夫，用坚强撑起一个家"},
	{"温国庆", C_DEVOTED, 2, "unit", 2021, "智能化采煤攻关小组骨干，参与完成无人驾驶矿卡编组运行试验"},
	{"康小军", C_BRAVE, 2, "unit", 2021, "在矿区道路上徒手制止一起持刀伤人事件，保护了群众安全"},
	{"杜慧敏", C_HELP, 2, "banner", 2022, "准能医院医生，十余年坚持下乡义诊，服务农牧民群众上万人次"},
	{"乌云其其格", C_FILIAL, 2, "nation", 2021, "蒙古族职工，赡养无血缘关系的孤寡老人二十余年"},
	{"孟和巴雅尔", C_DEVOTED, 2, "city", 2021, "铁路运输分公司机车司机，安全行车一百二十万公里"},
	{"段志伟", C_HONEST, 2, "banner", 2021, "承包职工食堂十余年，坚持食材明码标价、公开采购，从不缺斤短两"},
};

static const struct dr_model dr_shenhua_collectives[] = {
	{"黑岱沟露天煤矿采掘一队", C_DEVOTED, 1, "city", 2019, "常年承担主采掘任务，连续十年超额完成生产计划且无安全事故"},
	{"哈尔乌素露天煤矿“红马甲”志愿服务队", C_HELP, 2, "banner", 2021,
	 "常年深入结对社区和嘎查村开展助老助残、环境整治等志愿服务"},
	{"选煤厂党员先锋队", C_DEVOTED, 2, "unit", 2021, "攻坚克难完成选煤系统智能化改造，保障煤炭洗选稳定运行"},
};

/* Where a commendation of that level was given, as the honour's prefix. */
static const char *dr_level_where(const struct dr_unit *u, const char *level)
{
	if (strcmp(level, "unit") == 0) {
		return dr_self(u);
	}
	if (strcmp(level, "banner") == 0) {
		return u->reg ? u->reg->addr_prefix : "旗";
	}
	return strcmp(level, "city") == 0 ? "鄂尔多斯市" : strcmp(level, "region") == 0 ? "内蒙古自治区" : "全国";
}

static int dr_shenhua(struct dr_state *st, struct dr_unit *u)
{
	int rc = 0;
	char deeds[DR_TEXT];
	for (size_t i = 0; i < DR_N(dr_shenhua_models) + DR_N(dr_shenhua_collectives) && rc == 0; i++) {
		int collective = i >= DR_N(dr_shenhua_models);
		const struct dr_model *m = collective ? &dr_shenhua_collectives[i - DR_N(dr_shenhua_models)] : &dr_shenhua_models[i];
		const char *what = collective ? "道德模范集体" : "道德模范";
		int n = snprintf(deeds, sizeof deeds, "%s，公司第%s届%s（%s类）", m->deed, m->edition == 1 ? "一" : "二", what,
				 dr_cat_label[m->cat]);
		if (strcmp(m->level, "nation") == 0) {
			snprintf(deeds + n, sizeof deeds - (size_t)n, "，%d年获全国道德模范提名奖。", m->year);
		} else if (strcmp(m->level, "unit") != 0) {
			snprintf(deeds + n, sizeof deeds - (size_t)n, "，%d年获评“%s%s”。", m->year, dr_level_where(u, m->level),
				 what);
		} else {
			snprintf(deeds + n, sizeof deeds - (size_t)n, "。");
		}
		rc = dr_exemplar(st, u, collective ? "moral_model_collective" : "moral_model", m->name, m->level, m->year,
				 dr_cat_virtue[m->cat], deeds);
	}
	return rc;
}

/* 内蒙古高原杏仁露's 先进工作者 of 2021. */
static const struct {
	const char *name, *post, *deed;
} dr_almond_staff[] = {
	{"刘俊", "灌装车间班长", "带领班组全年安全生产无事故，灌装线效率提升百分之十二"},
	{"王丽娜", "质检员", "严把原料和成品质量关，全年出厂产品检验合格率百分之百"},
	{"高鹏飞", "销售经理", "开拓呼包鄂及周边市场，年度销售额突破一千二百万元"},
	{"张永胜", "设备维修工", "自主改造杏仁脱皮设备，年节约维修费用八万余元"},
	{"霍春花", "原料收购员", "深入大路镇、暖水乡山区收购山杏核，带动农户增收"},
	{"李佳琪", "研发技术员", "参与研发低糖杏仁露新品并实现批量上市"},
	{"郭海涛", "仓储物流主管", "科学调度运输车辆，保障春节旺季供货零差错"},
	{"白晓燕", "会计", "严格执行财务制度，全年账务处理准确及时"},
	{"韩彦军", "锅炉工", "精心操作锅炉设备，全年节约燃煤一百余吨"},
	{"任慧敏", "安全员", "全年排查整改安全隐患六十余项，保障生产平稳运行"},
	{"乔志强", "包装车间主任", "推行精益管理，包装材料损耗下降百分之八"},
	{"田雪梅", "化验员", "坚持逐批检测原料，及时拦截不合格原料三批次"},
	{"杜文斌", "电工", "坚守配电岗位，全年设备检修零延误"},
	{"苏日娜", "客服专员", "热情耐心处理客户咨询和投诉，客户满意度保持在百分之九十八以上"},
	{"武晓东", "生产车间操作工", "主动承担夜班和加班任务，全年出勤率百分之百"},
};

static int dr_almond(struct dr_state *st, struct dr_unit *u)
{
	int rc = 0;
	char deeds[DR_TEXT];
	for (size_t i = 0; i < DR_N(dr_almond_staff) && rc == 0; i++) {
		snprintf(deeds, sizeof deeds, "%s，%s，获评公司2021年度先进工作者。", dr_almond_staff[i].post, dr_almond_staff[i].deed);
		rc = dr_exemplar(st, u, "excellent_staff", dr_almond_staff[i].name, "unit", 2021, "professional", deeds);
	}
	return rc;
}

/* ------------------------------------------------------------------ exemplars 2021–2026 ---- */

static const char *const dr_cat_deeds[C_N][6] = {
	{"多年坚持资助家庭困难学生，帮助多名孩子顺利完成学业", "热心照顾小区独居老人，定期上门帮忙买菜、打扫卫生",
	 "下班后坚持到结对社区开展志愿服务，帮助困难群众解决实际问题", "坚持无偿献血十余年，累计献血三千余毫升",
	 "主动为身患重病的同事发起爱心募捐，带动身边人传递温暖", "组织爱心车队义务接送偏远嘎查村学生往返学校"},
	{"下班途中跳入冰冷的河水救起落水儿童", "面对突发火情冲入现场疏散群众，并协助扑灭明火",
	 "发现车辆侧翻后第一时间救出被困司机", "挺身而出制止街头抢夺行为，协助公安机关抓获嫌疑人", NULL, NULL},
	{"拾得装有数万元现金的手提包，多方寻找后归还失主", "亲人病故后坚持替亲还债，用数年时间还清全部欠款",
	 "坚持诚信为本，从不拖欠农牧户货款和工人工资", "勤俭节约、自强不息，身患残疾仍坚持自学成才、钻研技术",
	 "多年如一日信守承诺，替去世的战友照顾年迈的父母", NULL},
	{"扎根基层岗位二十余年，业务精湛、兢兢业业", "带领团队攻克技术难题，多项创新成果在单位推广应用",
	 "疫情防控期间连续奋战一线，圆满完成各项保障任务", "立足岗位服务群众，始终做到热情周到、零差错零投诉",
	 "主动承担急难险重任务，在防汛抢险中冲锋在前", NULL},
	{"悉心照料瘫痪在床的母亲十余年，毫无怨言", "夫妻二人共同赡养三位老人，用孝心撑起一个家",
	 "照顾患病的公婆和年幼的子女，家庭和睦、邻里称赞", "多年来照顾无血缘关系的孤寡老人，视如亲人", NULL, NULL},
};

static const char *const dr_staff_deeds[] = {
	"全年超额完成各项工作任务，工作业绩在考核中名列前茅", "刻苦钻研业务，牵头完成的改进项目显著提高了工作效率",
	"在服务窗口热情耐心，全年办件量居前列且零投诉",	"带头落实安全生产责任，所在班组全年无安全事故",
	"甘当新员工的“传帮带”师傅，培养业务骨干多名",	"在重点项目推进中勇挑重担，确保项目按期完成",
};

static const char *const dr_volunteer_deeds[] = {
	"积极参加文明交通劝导、垃圾分类宣传等志愿服务活动", "疫情期间主动报名参加社区值守和核酸检测志愿服务",
	"坚持开展“学雷锋”志愿服务，带动身边同事加入志愿者队伍", "参加应急救援志愿服务，多次参与山地搜救行动",
	"每月到结对嘎查村开展助农服务和政策宣讲",
};

static const char *const dr_family_deeds[] = {
	"家庭成员尊老爱幼、夫妻和睦，热心邻里公益事务", "家风淳朴、勤俭持家，培养的子女在各自岗位上表现突出",
	"三代同堂和睦相处，积极参与社区志愿服务和移风易俗宣传", "坚持“书香传家”，家庭藏书千余册，带动邻里共读",
	"全家都是注册志愿者，常年参与志愿服务和公益活动",
};

static const char *const dr_collective_social[] = {"常年开展关爱留守儿童和孤寡老人志愿服务",
						   "组织志愿者定期到结对社区开展便民服务"};
static const char *const dr_collective_work[] = {"团结协作、攻坚克难，多次圆满完成急难险重任务",
						 "以优质服务赢得群众好评，多年保持零投诉"};

/* A collective's name that fits the unit's category. */
static const char *dr_collective_name(struct dr_state *st, const struct dr_unit *u, int social)
{
	static const char *const company[] = {"青年突击队", "安全生产先进班组", "客户服务中心"};
	static const char *const office[] = {"政务服务窗口", "机关第一党支部", "综合服务大厅"};
	static const char *const hospital[] = {"急诊科医护团队", "发热门诊医护团队", "护理部"};
	static const char *const school[] = {"毕业年级教师团队", "班主任工作室", "德育处"};
	const char *c = u->row->category;
	uint32_t r = dr_rand(st) % 3;
	if (social) {
		return r == 0 ? "党员志愿服务队" : r == 1 ? "青年志愿服务队" : "学雷锋志愿服务小组";
	}
	if (strcmp(c, "soe") == 0 || strcmp(c, "private") == 0) {
		return company[r];
	}
	return strcmp(c, "hospital") == 0 ? hospital[r] : strcmp(c, "school") == 0 ? school[r] : office[r];
}

/* A commending level: mostly the unit's own or the banner's; moral models start higher. */
static const char *dr_level(struct dr_state *st, const char *kind)
{
	static const char *const levels[] = {"unit", "banner", "city", "region", "nation"};
	static const int common[] = {96, 62, 28, 13, 1}, models[] = {30, 90, 50, 26, 4}, collective[] = {60, 80, 45, 15, 0};
	const int *w = strcmp(kind, "moral_model") == 0		   ? models
		       : strcmp(kind, "moral_model_collective") == 0 ? collective
								     : common;
	int r = (int)(dr_rand(st) % 200);
	for (int i = 0; i < 5; i++) {
		if (r < w[i]) {
			return levels[i];
		}
		r -= w[i];
	}
	return "unit";
}

/* The honour as the deeds name it: 单位先进工作者, 准格尔旗身边好人, 内蒙古好人, 中国好人, … */
static void dr_honour(const struct dr_unit *u, const char *kind, const char *level, int year, char *out, size_t n)
{
	const char *where = dr_level_where(u, level);
	int unit = strcmp(level, "unit") == 0;
	const char *label = strcmp(kind, "moral_model") == 0		? "道德模范"
			    : strcmp(kind, "moral_model_collective") == 0 ? "道德模范集体"
			    : strcmp(kind, "good_person") == 0		  ? "身边好人"
			    : strcmp(kind, "excellent_staff") == 0	  ? (unit && strcmp(where, "公司") == 0 ? "优秀员工" : "先进工作者")
			    : strcmp(kind, "excellent_volunteer") == 0	  ? "优秀志愿者"
									  : "文明家庭";
	if (strcmp(kind, "good_person") == 0 && strcmp(level, "region") == 0) {
		snprintf(out, n, "%d年入选“内蒙古好人榜”", year);
	} else if (strcmp(kind, "good_person") == 0 && strcmp(level, "nation") == 0) {
		snprintf(out, n, "%d年入选“中国好人榜”", year);
	} else if (unit) {
		snprintf(out, n, "获评%s%d年度%s", where, year, label);
	} else {
		snprintf(out, n, "%d年获评“%s%s”", year, where, label);
	}
}

/* One exemplar of the unit in year for the virtue column v (0–3 the 四德, 4 none). */
static int dr_one_exemplar(struct dr_state *st, struct dr_unit *u, int year, int v)
{
	static const char *const virtues[] = {"social", "professional", "family", "personal", ""};
	uint32_t r = dr_rand(st) % 100;
	const char *kind;
	int cat = -1;
	switch (v) {
	case 0:
		kind = r < 45 ? "excellent_volunteer" : r < 90 ? "good_person" : r < 97 ? "moral_model" : "moral_model_collective";
		cat = dr_chance(st, 70) ? C_HELP : C_BRAVE;
		break;
	case 1:
		kind = r < 70 ? "excellent_staff" : r < 92 ? "good_person" : r < 97 ? "moral_model" : "moral_model_collective";
		cat = C_DEVOTED;
		break;
	case 2:
		kind = r < 65 ? "civilized_family" : r < 95 ? "good_person" : "moral_model";
		cat = C_FILIAL;
		break;
	case 3:
		kind = r < 92 ? "good_person" : "moral_model";
		cat = C_HONEST;
		break;
	default:
		kind = r < 55 ? "excellent_staff" : "excellent_volunteer";
		break;
	}
	/* the article's figures stay exact: no other 道德模范 at 神华准能, no other 2021 先进工作者 at 杏仁露 */
	if (dr_is(u, DR_SHENHUA) && strncmp(kind, "moral_model", 11) == 0) {
		kind = "good_person";
	}
	if (dr_is(u, DR_ALMOND) && year == 2021 && strcmp(kind, "excellent_staff") == 0) {
		kind = "good_person";
		cat = C_DEVOTED;
	}
	int collective = strcmp(kind, "moral_model_collective") == 0;
	const char *level = dr_level(st, kind);
	char name[DR_NAME], deed_part[DR_TEXT], honour[DR_TEXT], deeds[DR_TEXT * 2];
	const char *deed;
	if (collective) {
		snprintf(name, sizeof name, "%s", dr_collective_name(st, u, v == 0));
		deed = v == 0 ? dr_collective_social[dr_rand(st) % DR_N(dr_collective_social)]
			      : dr_collective_work[dr_rand(st) % DR_N(dr_collective_work)];
	} else if (strcmp(kind, "civilized_family") == 0) {
		char person[DR_NAME / 2];
		dr_person(st, u, person, sizeof person);
		snprintf(name, sizeof name, "%.40s家庭", person);
		deed = dr_family_deeds[dr_rand(st) % DR_N(dr_family_deeds)];
	} else {
		dr_person(st, u, name, sizeof name);
		if (strcmp(kind, "excellent_staff") == 0) {
			deed = dr_staff_deeds[dr_rand(st) % DR_N(dr_staff_deeds)];
		} else if (strcmp(kind, "excellent_volunteer") == 0) {
			if (dr_chance(st, 40)) {
				snprintf(deed_part, sizeof deed_part, "常年参加结对社区志愿服务，累计志愿服务时长%d小时",
					 100 + (int)(dr_rand(st) % 70) * 10);
				deed = deed_part;
			} else {
				deed = dr_volunteer_deeds[dr_rand(st) % DR_N(dr_volunteer_deeds)];
			}
		} else {
			size_t n = 0;
			while (n < 6 && dr_cat_deeds[cat][n]) {
				n++;
			}
			deed = dr_cat_deeds[cat][dr_rand(st) % n];
		}
	}
	dr_honour(u, kind, level, year, honour, sizeof honour);
	if (strncmp(kind, "moral_model", 11) == 0 || strcmp(kind, "good_person") == 0) {
		snprintf(deeds, sizeof deeds, "%.500s，%.300s（%s类）。", deed, honour, dr_cat_label[cat]);
	} else {
		snprintf(deeds, sizeof deeds, "%.500s，%.300s。", deed, honour);
	}
	return dr_exemplar(st, u, kind, name, level, year, virtues[v], deeds);
}

static int dr_exemplars(struct dr_state *st, struct dr_unit *u)
{
	int rc = 0;
	if (dr_is(u, DR_SHENHUA)) {
		rc = dr_shenhua(st, u);
	} else if (dr_is(u, DR_ALMOND)) {
		rc = dr_almond(st, u);
	}
	for (int y = DR_FIRST_YEAR; y <= DR_LAST_YEAR && rc == 0; y++) {
		if (y < dr_year_of(u->lo) || y > dr_year_of(u->hi)) {
			continue;
		}
		int titled = u->titled && !(u->veto && y > 2021);
		int n = titled ? (u->big ? 4 : 2) + (int)(dr_rand(st) % 3) : dr_chance(st, 35);
		int v0 = (int)(dr_rand(st) % 4);
		for (int j = 0; j < n && rc == 0; j++) {
			rc = dr_one_exemplar(st, u, y, dr_chance(st, 8) ? 4 : (v0 + j) % 4);
		}
	}
	return rc;
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

/* ------------------------------------------------------------------ public-service ads ---- */

static const char *const dr_carriers[] = {"door_head", "wall", "bulletin_board", "led_screen", "billboard", "website",
					  "wechat_weibo_app"};
static const int dr_carrier_counts[][2] = {{1, 2}, {2, 24}, {1, 8}, {1, 3}, {1, 6}, {4, 48}, {8, 120}};

static const char *const dr_core_themes[] = {"讲文明树新风", "图说我们的价值观", "社会主义核心价值观", "文明餐桌",
					     "垃圾分类"};
static const char *const dr_more_themes[] = {"文明交通", "文明旅游", "诚信建设", "网络文明", "移风易俗",
					     "中国梦", "学雷锋志愿服务", "创建全国文明城市", "铸牢中华民族共同体意识",
					     "爱国卫生运动", "勤俭节约 反对浪费", "我们的节日"};

static const char *dr_theme(struct dr_state *st, int year)
{
	uint32_t r = dr_rand(st) % 100;
	if (r < 12) {
		return year == 2021 ? "庆祝中国共产党成立100周年"
		       : year == 2022 ? "喜迎党的二十大"
		       : year < 2025  ? "学习贯彻党的二十大精神"
				      : "学习贯彻党的二十届三中全会精神";
	}
	if (r < 17 && year <= 2022) {
		return "疫情防控";
	}
	if (r < 62) {
		return dr_core_themes[dr_rand(st) % DR_N(dr_core_themes)];
	}
	return dr_more_themes[dr_rand(st) % DR_N(dr_more_themes)];
}

static int dr_one_ad(struct dr_state *st, struct dr_unit *u, int year, int c)
{
	int64_t lo = dr_ymd(year, 1, 2), hi = dr_ymd(year, 12, 20);
	lo = lo > u->lo ? lo : u->lo;
	hi = hi < u->hi ? hi : u->hi;
	hi = hi < st->end_day ? hi : st->end_day;
	if (lo > hi) {
		return 0;
	}
	int64_t start = dr_between(st, lo, hi), end = 0;
	const char *carrier = dr_carriers[c];
	const char *theme = dr_theme(st, year);
	int count = (int)dr_between(st, dr_carrier_counts[c][0], dr_carrier_counts[c][1]);
	if (strcmp(carrier, "website") == 0 || strcmp(carrier, "wechat_weibo_app") == 0) {
		start = dr_between(st, lo, lo + 20 < hi ? lo + 20 : hi);
		end = dr_ymd(year, 12, 31);
	} else if (strcmp(carrier, "bulletin_board") == 0) {
		end = start + dr_between(st, 20, 90);
	} else if (strcmp(carrier, "led_screen") == 0) {
		end = start + dr_between(st, 7, 60);
	} else if (!dr_chance(st, 35)) {
		end = start + dr_between(st, 180, 720);
	}
	if (end > st->end_day) {
		end = 0; /* still up */
	}
	if (u->hi < st->end_day && (!end || end > u->hi)) {
		end = u->hi;
	}
	const char *self = dr_self(u);
	const struct dr_span *community = dr_partner_on(u, 0, start);
	char place[DR_TEXT], desc[DR_TEXT];
	uint32_t r = dr_rand(st) % 3;
	switch (c) {
	case 0:
		snprintf(place, sizeof place, "%s%s", self, r ? "办公楼门头" : "大门门头");
		break;
	case 1:
		if (r == 0 && community) {
			snprintf(place, sizeof place, "%s沿街围墙", community->name);
		} else if (r == 1 && u->row->town) {
			snprintf(place, sizeof place, "%s主干道沿街墙体", u->row->town);
		} else {
			snprintf(place, sizeof place, "%s院墙", self);
		}
		break;
	case 2:
		if (r == 0 && community) {
			snprintf(place, sizeof place, "%s宣传栏", community->name);
		} else {
			snprintf(place, sizeof place, "%s%s", self, r == 1 ? "办公楼前宣传栏" : "一楼大厅宣传栏");
		}
		break;
	case 3:
		snprintf(place, sizeof place, "%s%s", self, r ? "办公楼外墙电子显示屏" : "服务大厅电子显示屏");
		break;
	case 4:
		if (r == 0 && u->reg) {
			snprintf(place, sizeof place, "%s公益广告牌", u->reg->square);
		} else {
			snprintf(place, sizeof place, "%s大门外公益广告牌", self);
		}
		break;
	case 5:
		snprintf(place, sizeof place, "%s门户网站", self);
		break;
	default:
		snprintf(place, sizeof place, "%s%s", self, r ? "微信公众号、视频号" : "微信公众号、微博");
		break;
	}
	static const char *const tails[] = {"用词准确、文字规范", "内容健康、整洁美观", "营造浓厚的文明创建氛围",
					    "定期更新、常态刊播"};
	snprintf(desc, sizeof desc, "刊播“%s”主题公益广告，%s", theme, tails[dr_rand(st) % DR_N(tails)]);
	return dr_ad_row(st, u, carrier, theme, count, start, end, place, desc);
}

static int dr_ads(struct dr_state *st, struct dr_unit *u)
{
	int rc = 0;
	for (int y = DR_FIRST_YEAR; y <= DR_LAST_YEAR && rc == 0; y++) {
		int titled = u->titled && !(u->veto && y > 2021);
		int n = titled ? (u->big ? 4 : 2) + (int)(dr_rand(st) % 3) : dr_chance(st, 30);
		int order[DR_N(dr_carriers)];
		for (int i = 0; i < (int)DR_N(dr_carriers); i++) {
			order[i] = i;
		}
		for (int i = 0; i + 1 < (int)DR_N(dr_carriers); i++) {
			int j = i + (int)(dr_rand(st) % (uint32_t)((int)DR_N(dr_carriers) - i)), tmp = order[i];
			order[i] = order[j];
			order[j] = tmp;
		}
		for (int k = 0; k < n && rc == 0; k++) {
			rc = dr_one_ad(st, u, y, order[k]);
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
	st.ex = dr_batch_new(db,
			     "INSERT INTO exemplars (unit_id, kind, name, name_key, level, year, virtue, deeds, created_at,"
			     " updated_at) VALUES",
			     10);
	st.aid = dr_batch_new(db,
			      "INSERT INTO aid_records (unit_id, kind, partner_id, aid_date, year, end_date, person, item,"
			      " quantity, quantity_unit, amount_fen, description, created_at, updated_at) VALUES",
			      14);
	st.ads = dr_batch_new(db,
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
		rc = dr_flush(st.ex) || dr_flush(st.aid) || dr_flush(st.ads) ? -1 : 0;
	}
	free(u);
	dr_batch_free(st.ex);
	dr_batch_free(st.aid);
	dr_batch_free(st.ads);
	free(st.spans);
	return rc;
}
