/* demo_exemplars.c — the demo's exemplars (先进典型) (cli layer): the article's — 神华准能's two
 * elections of its own 道德模范 (30 道德模范, 3 道德模范集体), 内蒙古高原杏仁露's 15 先进工作者 of 2021 —
 * and, 2021–2026, a few a unit a year spread over the 四德 so every titled unit's 善行义举四德榜 fills. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/collate.h"
#include "demo_records.h"

/* ------------------------------------------------------------------ rows ---- */

static int dr_exemplar(struct dr_state *st, const struct dr_unit *u, const char *kind, const char *name,
		       const char *level, int year, const char *virtue, const char *deeds)
{
	struct demo_batch *b = st->ex;
	size_t kl = 0;
	unsigned char *key = collate_key(name, &kl);
	demo_batch_int(b, u->id);
	demo_batch_text(b, kind);
	demo_batch_text(b, name);
	demo_batch_blob(b, key, kl);
	demo_batch_text(b, level);
	demo_batch_int(b, year);
	demo_batch_text(b, virtue);
	demo_batch_text(b, deeds);
	demo_batch_int(b, st->now);
	demo_batch_int(b, st->now);
	struct demo_record_counts *c = st->counts;
	c->exemplars++;
	c->shenhua_models += dr_is(u, DR_SHENHUA) && strcmp(kind, "moral_model") == 0;
	c->shenhua_collectives += dr_is(u, DR_SHENHUA) && strcmp(kind, "moral_model_collective") == 0;
	c->almond_staff_2021 += dr_is(u, DR_ALMOND) && strcmp(kind, "excellent_staff") == 0 && year == 2021;
	return demo_batch_row_done(b);
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

int dr_exemplars(struct dr_state *st, struct dr_unit *u)
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
