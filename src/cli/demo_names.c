/* demo_names.c — the names the demo is made of (cli layer): its regions' offices, streets and
 * phone prefixes and public places; award batches, offices and document numbers; institutional changes; the unit
 * table (the five units of the 2022 准格尔旗 article first, then about 220 plausible others, most
 * in 准格尔旗, some in 达拉特旗, 伊金霍洛旗, 东胜区 and 康巴什区); the partners of the creation
 * ledger (社区, 嘎查村 of the same regions); contact names. Pure data and string formatting;
 * demo_registry.c and demo_ledger.c decide what to load. */
#include <stdio.h>
#include <string.h>

#include "demo.h"

static const struct demo_region demo_regions[] = {
	{"150622", "准格尔旗", "薛家湾镇", "准格尔旗文明办", "准文明委发", "全旗", "0477-46",
	 {"迎泽大街", "准格尔路", "西城大街", "白云路", "鸿腾路", "长滩路", "南环路", NULL},
	 "准格尔旗新时代文明实践中心", "准格尔旗烈士陵园", "准格尔黄河大峡谷景区", "薛家湾镇文化广场"},
	{"150621", "达拉特旗", "树林召镇", "达拉特旗文明办", "达文明委发", "全旗", "0477-52",
	 {"平原大街", "锡尼大街", "罕台路", "迎宾路", "林荫路", NULL},
	 "达拉特旗新时代文明实践中心", "达拉特旗烈士陵园", "响沙湾旅游景区", "树林召镇文化广场"},
	{"150627", "伊金霍洛旗", "阿勒腾席热镇", "伊金霍洛旗文明办", "伊文明委发", "全旗", "0477-89",
	 {"郡王府街", "伊金霍洛街", "天骄路", "王府路", NULL},
	 "伊金霍洛旗新时代文明实践中心", "伊金霍洛旗烈士陵园", "成吉思汗陵旅游区", "阿勒腾席热镇文化广场"},
	{"150602", "鄂尔多斯市东胜区", "", "东胜区文明办", "东文明委发", "全区", "0477-83",
	 {"鄂托克西街", "天骄北路", "伊金霍洛西街", "达拉特南路", "准格尔南路", NULL},
	 "东胜区新时代文明实践中心", "鄂尔多斯市烈士陵园", "东胜区九城宫景区", "东胜区铁西文化广场"},
	{"150603", "鄂尔多斯市康巴什区", "", "康巴什区文明办", "康文明委发", "全区", "0477-85",
	 {"康和路", "青春山路", "滨河路", "哈巴格希街", NULL},
	 "康巴什区新时代文明实践中心", "鄂尔多斯市烈士陵园", "乌兰木伦湖景区", "康巴什区成吉思汗广场"},
};

static const struct demo_award demo_award_rows[] = {
	{"national", 2015, "2015-02-28", 2}, {"national", 2017, "2017-11-17", 4}, {"national", 2020, "2020-11-20", 4},
	{"national", 2025, "2025-10-31", 2}, {"region", 2016, "2016-06-16", 6},   {"region", 2019, "2019-06-20", 4},
	{"region", 2022, "2022-06-24", 5},   {"region", 2025, "2025-06-20", 3},   {"city", 2017, "2017-09-20", 9},
	{"city", 2020, "2020-09-25", 12},    {"city", 2023, "2023-09-22", 10},    {"banner", 2015, "2015-11-20", 6},
	{"banner", 2018, "2018-11-26", 9},   {"banner", 2021, "2021-12-28", 8},   {"banner", 2024, "2024-11-28", 7},
};

static const struct demo_lineage demo_lineage_rows[] = {
	{"rename", "准格尔旗文化和旅游局", NULL, "准格尔旗文体广电局", "2019-03-25", "准党发〔2019〕4号",
	 "旗级机构改革，整合文化、旅游职责组建", "2019年机构改革由准格尔旗文体广电局更名，荣誉称号备案保留"},
	{"merge", "准格尔旗安全生产监督管理局", "准格尔旗应急管理局", NULL, "2019-03-25", "准党发〔2019〕4号",
	 "旗级机构改革，安全生产监管职责划入新组建的应急管理局", "2019年机构改革并入准格尔旗应急管理局"},
	{"split", "准格尔旗自然资源局", "准格尔旗不动产登记中心", NULL, "2020-06-18", "准编委发〔2020〕12号",
	 "不动产登记职能分设，组建不动产登记中心", "2020年分设准格尔旗不动产登记中心"},
	{"merge", "准格尔旗哈岱高勒乡人民政府", "准格尔旗准格尔召镇人民政府", NULL, "2021-05-20",
	 "内政字〔2021〕58号", "撤乡并镇，撤销哈岱高勒乡，所辖区域划归准格尔召镇", "2021年撤乡并镇并入准格尔召镇"},
	{"dissolve", "中国人民银行准格尔旗支行", NULL, NULL, "2024-06-28", "鄂银发〔2024〕36号",
	 "人民银行县支行撤销，相关职能由鄂尔多斯市分行承担", "2024年机构改革撤销"},
};

/* Streets of a town that is not a seat. */
static const char *const demo_town_streets[] = {"新华街", "中心街", "政府路", "团结路", "迎宾路"};

#define J "150622"
#define D "150621"
#define E "150627"
#define S "150602"
#define K "150603"
#define SEED DEMO_ROW_SEED
#define REFORM_2019 "2019-03-25"

static const struct demo_unit_row demo_rows[] = {
	/* The seed article's units, with the titles it gives them. */
	{"神华准格尔能源有限责任公司", "soe", J, NULL, 9800, NULL, NULL, "n15", SEED},
	{"国网内蒙古东部电力有限公司薛家湾供电公司", "soe", J, NULL, 1200, NULL, NULL, "r16 n20", SEED},
	{"内蒙古伊东资源集团股份有限公司", "private", J, NULL, 6000, NULL, NULL, "c17 R19", SEED},
	{"内蒙古国华准格尔发电有限责任公司", "soe", J, NULL, 650, NULL, NULL, "b15 c20", SEED},
	{"内蒙古高原杏仁露有限公司", "private", J, NULL, 420, "大路镇", NULL, "b18", SEED},

	/* 准格尔旗: Party and government. */
	{"准格尔旗人民医院", "hospital", J, NULL, 900, NULL, NULL, "b15 c20", 0},
	{"准格尔旗第一中学", "school", J, NULL, 380, NULL, NULL, "b15 B21", 0},
	{"准格尔旗税务局", "party_gov", J, NULL, 210, NULL, NULL, "c17 r19 n25", 0},
	{"中共准格尔旗委员会办公室", "party_gov", J, NULL, 60, NULL, NULL, "b15 c20", 0},
	{"准格尔旗人民政府办公室", "party_gov", J, NULL, 80, NULL, NULL, "b15 c20", 0},
	{"中共准格尔旗委员会宣传部", "party_gov", J, NULL, 45, NULL, NULL, "b15 c17 C23", 0},
	{"中共准格尔旗委员会组织部", "party_gov", J, NULL, 50, NULL, NULL, "b15 c20", 0},
	{"中共准格尔旗纪律检查委员会", "party_gov", J, NULL, 70, NULL, NULL, "b18", 0},
	{"准格尔旗人民代表大会常务委员会办公室", "party_gov", J, NULL, 35, NULL, NULL, "b", 0},
	{"政协准格尔旗委员会办公室", "party_gov", J, NULL, 30, NULL, NULL, "b", 0},
	{"准格尔旗发展和改革委员会", "party_gov", J, NULL, 65, NULL, NULL, "b", 0},
	{"准格尔旗教育体育局", "party_gov", J, NULL, 120, NULL, NULL, "b15 c20", 0},
	{"准格尔旗卫生健康委员会", "party_gov", J, NULL, 85, NULL, NULL, "b", 0},
	{"准格尔旗财政局", "party_gov", J, NULL, 90, NULL, NULL, "b15 c17", 0},
	{"准格尔旗人力资源和社会保障局", "party_gov", J, NULL, 95, NULL, NULL, "b", 0},
	{"准格尔旗自然资源局", "party_gov", J, NULL, 150, NULL, NULL, "b", 0},
	{"鄂尔多斯市生态环境局准格尔旗分局", "party_gov", J, NULL, 80, NULL, NULL, "b", 0},
	{"准格尔旗住房和城乡建设局", "party_gov", J, NULL, 110, NULL, NULL, "b", 0},
	{"准格尔旗交通运输局", "party_gov", J, NULL, 130, NULL, NULL, "b", 0},
	{"准格尔旗水利局", "party_gov", J, NULL, 70, NULL, NULL, "b", 0},
	{"准格尔旗农牧局", "party_gov", J, NULL, 160, NULL, NULL, "b", 0},
	{"准格尔旗商务局", "party_gov", J, NULL, 30, NULL, NULL, "", 0},
	{"准格尔旗文化和旅游局", "party_gov", J, NULL, 85, NULL, NULL, "b15 c20", 0},
	{"准格尔旗应急管理局", "party_gov", J, NULL, 75, NULL, REFORM_2019, "b21", 0},
	{"准格尔旗安全生产监督管理局", "party_gov", J, NULL, 40, NULL, NULL, "b15", 0},
	{"准格尔旗审计局", "party_gov", J, NULL, 35, NULL, NULL, "b", 0},
	{"准格尔旗市场监督管理局", "party_gov", J, NULL, 220, NULL, NULL, "b", 0},
	{"准格尔旗统计局", "party_gov", J, NULL, 30, NULL, NULL, "b", 0},
	{"准格尔旗医疗保障局", "party_gov", J, NULL, 40, NULL, REFORM_2019, "b21", 0},
	{"准格尔旗民政局", "party_gov", J, NULL, 60, NULL, NULL, "b", 0},
	{"准格尔旗司法局", "party_gov", J, NULL, 75, NULL, NULL, "b", 0},
	{"准格尔旗公安局", "party_gov", J, NULL, 680, NULL, NULL, "b15 c20", 0},
	{"准格尔旗人民法院", "party_gov", J, NULL, 150, NULL, NULL, "b15 c17 r22", 0},
	{"准格尔旗人民检察院", "party_gov", J, NULL, 90, NULL, NULL, "b15 c20", 0},
	{"准格尔旗能源局", "party_gov", J, NULL, 60, NULL, NULL, "b", 0},
	{"准格尔旗退役军人事务局", "party_gov", J, NULL, 30, NULL, REFORM_2019, "b21", 0},
	{"准格尔旗林业和草原局", "party_gov", J, NULL, 90, NULL, REFORM_2019, "b24", 0},
	{"准格尔旗信访局", "party_gov", J, NULL, 25, NULL, NULL, "", 0},
	{"准格尔旗工业和信息化局", "party_gov", J, NULL, 40, NULL, NULL, "b", 0},
	{"准格尔旗城市管理综合执法局", "party_gov", J, NULL, 260, NULL, NULL, "b", 0},
	{"准格尔旗消防救援大队", "party_gov", J, NULL, 80, NULL, NULL, "b", 0},
	{"中国人民银行准格尔旗支行", "party_gov", J, NULL, 45, NULL, NULL, "b15 c20", 0},

	/* 准格尔旗: 苏木镇 governments. */
	{"准格尔旗薛家湾镇人民政府", "party_gov", J, NULL, 110, NULL, NULL, "b15 c20 r25", 0},
	{"准格尔旗沙圪堵镇人民政府", "party_gov", J, NULL, 95, "沙圪堵镇", NULL, "b", 0},
	{"准格尔旗大路镇人民政府", "party_gov", J, NULL, 70, "大路镇", NULL, "b", 0},
	{"准格尔旗准格尔召镇人民政府", "party_gov", J, NULL, 65, "准格尔召镇", NULL, "b", 0},
	{"准格尔旗纳日松镇人民政府", "party_gov", J, NULL, 60, "纳日松镇", NULL, "b", 0},
	{"准格尔旗龙口镇人民政府", "party_gov", J, NULL, 62, "龙口镇", NULL, "b", 0},
	{"准格尔旗魏家峁镇人民政府", "party_gov", J, NULL, 55, "魏家峁镇", NULL, "b", 0},
	{"准格尔旗十二连城乡人民政府", "party_gov", J, NULL, 48, "十二连城乡", NULL, "b", 0},
	{"准格尔旗暖水乡人民政府", "party_gov", J, NULL, 45, "暖水乡", NULL, "", 0},
	{"准格尔旗布尔陶亥苏木人民政府", "party_gov", J, NULL, 42, "布尔陶亥苏木", NULL, "b", 0},
	{"准格尔旗哈岱高勒乡人民政府", "party_gov", J, NULL, 30, "哈岱高勒乡", NULL, "b18", 0},

	/* 准格尔旗: people's organisations. */
	{"准格尔旗总工会", "people_org", J, "81", 25, NULL, NULL, "b15 c20", 0},
	{"共青团准格尔旗委员会", "people_org", J, NULL, 12, NULL, NULL, "b", 0},
	{"准格尔旗妇女联合会", "people_org", J, NULL, 12, NULL, NULL, "b", 0},
	{"准格尔旗科学技术协会", "people_org", J, NULL, 15, NULL, NULL, "", 0},
	{"准格尔旗残疾人联合会", "people_org", J, NULL, 20, NULL, NULL, "b", 0},
	{"准格尔旗工商业联合会", "people_org", J, NULL, 10, NULL, NULL, "", 0},
	{"准格尔旗红十字会", "people_org", J, NULL, 8, NULL, NULL, "b", 0},

	/* 准格尔旗: institutions and window-service units. */
	{"准格尔旗融媒体中心", "institution", J, NULL, 120, NULL, "2019-06-28", "b21", 0},
	{"准格尔旗图书馆", "institution", J, NULL, 35, NULL, NULL, "b", 0},
	{"准格尔旗文化馆", "institution", J, NULL, 40, NULL, NULL, "b", 0},
	{"准格尔旗档案史志馆", "institution", J, NULL, 25, NULL, NULL, "", 0},
	{"准格尔旗疾病预防控制中心", "institution", J, NULL, 90, NULL, NULL, "b", 0},
	{"准格尔旗气象局", "institution", J, NULL, 25, NULL, NULL, "b15 c20", 0},
	{"准格尔旗新时代文明实践中心", "institution", J, NULL, 15, NULL, "2019-09-10", "b21", 0},
	{"准格尔旗社会福利院", "institution", J, NULL, 40, NULL, NULL, "", 0},
	{"准格尔旗政务服务中心", "window", J, NULL, 85, NULL, NULL, "b15 B18", 0},
	{"准格尔旗不动产登记中心", "window", J, NULL, 60, NULL, "2020-06-18", "b21", 0},
	{"准格尔旗公安局交通管理大队车辆管理所", "window", J, "11", 45, NULL, NULL, "b", 0},
	{"鄂尔多斯市住房公积金管理中心准格尔旗管理部", "window", J, NULL, 25, NULL, NULL, "b", 0},
	{"准格尔旗社会保险事业服务中心", "window", J, NULL, 55, NULL, NULL, "b", 0},
	{"准格尔旗公共资源交易中心", "window", J, NULL, 20, NULL, NULL, "", 0},
	{"中国邮政集团有限公司内蒙古自治区准格尔旗分公司", "window", J, "91", 120, NULL, NULL, "b", 0},

	/* 准格尔旗: schools. */
	{"准格尔旗第二中学", "school", J, NULL, 260, NULL, NULL, "b", 0},
	{"准格尔旗第三中学", "school", J, NULL, 210, NULL, NULL, "b", 0},
	{"准格尔旗第四中学", "school", J, NULL, 180, NULL, NULL, "b", 0},
	{"准格尔旗第五中学", "school", J, NULL, 150, "沙圪堵镇", NULL, "b", 0},
	{"准格尔旗蒙古族学校", "school", J, NULL, 150, NULL, NULL, "b15 c20", 0},
	{"准格尔旗职业技术学校", "school", J, NULL, 200, NULL, NULL, "b", 0},
	{"准格尔旗世纪中学", "school", J, NULL, 230, NULL, NULL, "b21", 0},
	{"准格尔旗薛家湾第一小学", "school", J, NULL, 120, NULL, NULL, "b15 B18", 0},
	{"准格尔旗薛家湾第二小学", "school", J, NULL, 110, NULL, NULL, "b", 0},
	{"准格尔旗薛家湾第三小学", "school", J, NULL, 105, NULL, NULL, "b", 0},
	{"准格尔旗薛家湾第四小学", "school", J, NULL, 95, NULL, NULL, "", 0},
	{"准格尔旗沙圪堵镇第一小学", "school", J, NULL, 70, "沙圪堵镇", NULL, "b", 0},
	{"准格尔旗大路小学", "school", J, NULL, 60, "大路镇", NULL, "", 0},
	{"准格尔旗第一幼儿园", "school", J, NULL, 60, NULL, NULL, "b", 0},
	{"准格尔旗第二幼儿园", "school", J, NULL, 55, NULL, NULL, "b", 0},
	{"准格尔旗特殊教育学校", "school", J, NULL, 30, NULL, NULL, "b", 0},
	{"准格尔旗智慧树幼儿园", "school", J, "52", 30, NULL, NULL, "", 0},

	/* 准格尔旗: hospitals. */
	{"准格尔旗中心医院", "hospital", J, NULL, 780, NULL, NULL, "b15 c17", 0},
	{"准格尔旗中蒙医医院", "hospital", J, NULL, 320, NULL, NULL, "b", 0},
	{"准格尔旗妇幼保健计划生育服务中心", "hospital", J, NULL, 140, NULL, NULL, "b", 0},
	{"准格尔旗沙圪堵镇中心卫生院", "hospital", J, NULL, 70, "沙圪堵镇", NULL, "b", 0},
	{"准格尔旗大路镇卫生院", "hospital", J, NULL, 60, "大路镇", NULL, "", 0},
	{"准格尔旗薛家湾镇社区卫生服务中心", "hospital", J, NULL, 55, NULL, NULL, "b", 0},
	{"准格尔旗康泰医院", "hospital", J, "52", 150, NULL, NULL, "", 0},

	/* 准格尔旗: banks and insurers. */
	{"中国工商银行股份有限公司准格尔旗支行", "soe", J, NULL, 150, NULL, NULL, "b15 c20", 0},
	{"中国农业银行股份有限公司准格尔旗支行", "soe", J, NULL, 180, NULL, NULL, "b15 c17", 0},
	{"中国银行股份有限公司准格尔旗支行", "soe", J, NULL, 90, NULL, NULL, "b", 0},
	{"中国建设银行股份有限公司准格尔旗支行", "soe", J, NULL, 110, NULL, NULL, "b", 0},
	{"中国邮政储蓄银行股份有限公司准格尔旗支行", "soe", J, NULL, 70, NULL, NULL, "b21", 0},
	{"内蒙古准格尔农村商业银行股份有限公司", "soe", J, NULL, 420, NULL, NULL, "b", 0},
	{"鄂尔多斯银行股份有限公司准格尔支行", "soe", J, NULL, 60, NULL, NULL, "b", 0},
	{"中国人民财产保险股份有限公司准格尔支公司", "soe", J, NULL, 50, NULL, NULL, "", 0},
	{"中国人寿保险股份有限公司准格尔旗支公司", "soe", J, NULL, 70, NULL, NULL, "b", 0},

	/* 准格尔旗: state-owned enterprises. */
	{"神华准格尔能源有限责任公司黑岱沟露天煤矿", "soe", J, NULL, 1800, NULL, NULL, "b15 c17", 0},
	{"神华准格尔能源有限责任公司哈尔乌素露天煤矿", "soe", J, NULL, 1500, NULL, NULL, "b15 c20", 0},
	{"中国石化销售股份有限公司内蒙古鄂尔多斯准格尔石油分公司", "soe", J, NULL, 120, NULL, NULL, "b", 0},
	{"中国移动通信集团内蒙古有限公司准格尔旗分公司", "soe", J, NULL, 130, NULL, NULL, "b", 0},
	{"中国联合网络通信有限公司准格尔旗分公司", "soe", J, NULL, 70, NULL, NULL, "b", 0},
	{"中国电信股份有限公司准格尔旗分公司", "soe", J, NULL, 80, NULL, NULL, "b", 0},
	{"准格尔旗国有资产投资经营有限责任公司", "soe", J, NULL, 60, NULL, NULL, "", 0},
	{"准格尔旗自来水有限责任公司", "soe", J, NULL, 150, NULL, NULL, "b", 0},
	{"准格尔旗城市建设投资集团有限公司", "soe", J, NULL, 90, NULL, NULL, "", 0},
	{"内蒙古京泰发电有限责任公司", "soe", J, NULL, 380, "大路镇", NULL, "b", 0},
	{"内蒙古新华发行集团股份有限公司准格尔旗分公司", "soe", J, NULL, 30, NULL, NULL, "b", 0},

	/* 准格尔旗: private companies. */
	{"内蒙古伊泰京粤酸刺沟矿业有限责任公司", "private", J, NULL, 900, NULL, NULL, "b15 c20", 0},
	{"内蒙古蒙泰不连沟煤业有限责任公司", "private", J, NULL, 800, NULL, NULL, "b", 0},
	{"内蒙古汇能煤化工有限公司", "private", J, NULL, 1200, NULL, NULL, "b", 0},
	{"内蒙古久泰新材料有限公司", "private", J, NULL, 600, "大路镇", NULL, "b21", 0},
	{"准格尔旗鑫泰煤炭有限责任公司", "private", J, NULL, 260, "魏家峁镇", NULL, "b18", DEMO_ROW_VETO},
	{"准格尔旗宏远煤炭有限责任公司", "private", J, NULL, 230, "沙圪堵镇", NULL, "b", 0},
	{"准格尔旗永盛煤业有限公司", "private", J, NULL, 180, "龙口镇", NULL, "b", 0},
	{"准格尔旗正和煤化工有限公司", "private", J, NULL, 150, "大路镇", NULL, "b", 0},
	{"准格尔旗金瑞物流有限公司", "private", J, NULL, 90, NULL, NULL, "", 0},
	{"准格尔旗德瑞能源有限公司", "private", J, NULL, 120, NULL, NULL, "", 0},
	{"准格尔旗恒泰建筑工程有限公司", "private", J, NULL, 110, NULL, NULL, "b", 0},
	{"准格尔旗顺通运输有限责任公司", "private", J, NULL, 80, NULL, NULL, "b", 0},
	{"准格尔旗凯达酒店有限公司", "private", J, NULL, 70, NULL, NULL, "b", 0},
	{"准格尔旗万家惠超市有限公司", "private", J, NULL, 220, NULL, NULL, "b", 0},
	{"准格尔旗绿源农牧业开发有限公司", "private", J, NULL, 80, "十二连城乡", NULL, "b", 0},
	{"准格尔旗黄河湾旅游开发有限公司", "private", J, NULL, 60, "龙口镇", NULL, "", 0},
	{"准格尔旗华泰汽车销售服务有限公司", "private", J, NULL, 60, NULL, NULL, "", 0},
	{"准格尔旗天骄物业服务有限公司", "private", J, NULL, 180, NULL, NULL, "b21", 0},
	{"准格尔旗瑞丰燃气有限公司", "private", J, NULL, 90, NULL, NULL, "b", 0},
	{"准格尔旗恒达供热有限责任公司", "private", J, NULL, 150, NULL, NULL, "b", 0},
	{"准格尔旗远通公交有限责任公司", "private", J, NULL, 260, NULL, NULL, "b", 0},
	{"准格尔旗铭泰建材有限公司", "private", J, NULL, 40, NULL, NULL, "", 0},

	/* 准格尔旗: social organisations, communities, military. */
	{"准格尔旗个体劳动者协会", "social_org", J, NULL, 6, NULL, NULL, "b", 0},
	{"准格尔旗志愿者协会", "social_org", J, NULL, 10, NULL, NULL, "b", 0},
	{"准格尔旗慈善总会", "social_org", J, NULL, 8, NULL, NULL, "b", 0},
	{"准格尔旗义工联合会", "social_org", J, NULL, 5, NULL, NULL, "", 0},
	{"准格尔旗薛家湾镇迎泽社区居民委员会", "community", J, NULL, 14, NULL, NULL, "b", 0},
	{"准格尔旗薛家湾镇西城社区居民委员会", "community", J, NULL, 12, NULL, NULL, "b", 0},
	{"准格尔旗薛家湾镇东城社区居民委员会", "community", J, NULL, 13, NULL, NULL, "b", 0},
	{"准格尔旗薛家湾镇白云社区居民委员会", "community", J, NULL, 11, NULL, NULL, "", 0},
	{"准格尔旗薛家湾镇鸿腾社区居民委员会", "community", J, NULL, 10, NULL, NULL, "b21", 0},
	{"准格尔旗薛家湾镇宝塔社区居民委员会", "community", J, NULL, 12, NULL, NULL, "b", 0},
	{"准格尔旗沙圪堵镇新民社区居民委员会", "community", J, NULL, 9, "沙圪堵镇", NULL, "b", 0},
	{"准格尔旗大路镇大路社区居民委员会", "community", J, NULL, 8, "大路镇", NULL, "", 0},
	{"准格尔旗龙口镇龙口社区居民委员会", "community", J, NULL, 8, "龙口镇", NULL, "b", 0},
	{"准格尔旗人民武装部", "military", J, NULL, 25, NULL, NULL, "b15 c20", 0},
	{"中国人民武装警察部队鄂尔多斯支队准格尔中队", "military", J, NULL, 40, NULL, NULL, "b", 0},

	/* 达拉特旗. */
	{"达拉特旗人民政府办公室", "party_gov", D, NULL, 70, NULL, NULL, "b15 c20", 0},
	{"达拉特旗教育体育局", "party_gov", D, NULL, 110, NULL, NULL, "b", 0},
	{"达拉特旗卫生健康委员会", "party_gov", D, NULL, 80, NULL, NULL, "b", 0},
	{"达拉特旗财政局", "party_gov", D, NULL, 85, NULL, NULL, "b", 0},
	{"达拉特旗公安局", "party_gov", D, NULL, 520, NULL, NULL, "b15 c17", 0},
	{"达拉特旗市场监督管理局", "party_gov", D, NULL, 180, NULL, NULL, "b", 0},
	{"达拉特旗树林召镇人民政府", "party_gov", D, NULL, 90, NULL, NULL, "b", 0},
	{"达拉特旗王爱召镇人民政府", "party_gov", D, NULL, 60, "王爱召镇", NULL, "b", 0},
	{"达拉特旗白泥井镇人民政府", "party_gov", D, NULL, 55, "白泥井镇", NULL, "b", 0},
	{"达拉特旗第一中学", "school", D, NULL, 300, NULL, NULL, "b15 c20", 0},
	{"达拉特旗第二小学", "school", D, NULL, 100, NULL, NULL, "b", 0},
	{"达拉特旗人民医院", "hospital", D, NULL, 820, NULL, NULL, "b15 c17 r22", 0},
	{"达拉特旗中蒙医院", "hospital", D, NULL, 260, NULL, NULL, "b", 0},
	{"达拉特旗政务服务中心", "window", D, NULL, 70, NULL, NULL, "b21", 0},
	{"中国工商银行股份有限公司达拉特旗支行", "soe", D, NULL, 120, NULL, NULL, "b", 0},
	{"中国农业银行股份有限公司达拉特旗支行", "soe", D, NULL, 150, NULL, NULL, "b", 0},
	{"北方联合电力有限责任公司达拉特发电厂", "soe", D, NULL, 900, NULL, NULL, "b15 c20", 0},
	{"内蒙古亿利化学工业有限公司", "private", D, NULL, 700, NULL, NULL, "b", 0},
	{"达拉特旗瑞达煤炭有限责任公司", "private", D, NULL, 300, NULL, NULL, "b", 0},
	{"达拉特旗恒通物流有限公司", "private", D, NULL, 60, NULL, NULL, "", 0},
	{"达拉特旗融媒体中心", "institution", D, NULL, 80, NULL, "2019-05-16", "b21", 0},
	{"达拉特旗树林召镇林原社区居民委员会", "community", D, NULL, 10, NULL, NULL, "b", 0},
	{"达拉特旗树林召镇平原社区居民委员会", "community", D, NULL, 11, NULL, NULL, "b", 0},
	{"达拉特旗志愿者协会", "social_org", D, NULL, 8, NULL, NULL, "", 0},

	/* 伊金霍洛旗. */
	{"伊金霍洛旗人民政府办公室", "party_gov", E, NULL, 70, NULL, NULL, "b15 c20", 0},
	{"伊金霍洛旗教育体育局", "party_gov", E, NULL, 100, NULL, NULL, "b", 0},
	{"伊金霍洛旗卫生健康委员会", "party_gov", E, NULL, 75, NULL, NULL, "b", 0},
	{"伊金霍洛旗阿勒腾席热镇人民政府", "party_gov", E, NULL, 90, NULL, NULL, "b", 0},
	{"伊金霍洛旗乌兰木伦镇人民政府", "party_gov", E, NULL, 60, "乌兰木伦镇", NULL, "b", 0},
	{"伊金霍洛旗札萨克镇人民政府", "party_gov", E, NULL, 50, "札萨克镇", NULL, "", 0},
	{"成吉思汗陵旅游区管理委员会", "party_gov", E, NULL, 80, "伊金霍洛镇", NULL, "b15 c17 r19", 0},
	{"伊金霍洛旗第一中学", "school", E, NULL, 280, NULL, NULL, "b15 c20", 0},
	{"伊金霍洛旗实验小学", "school", E, NULL, 110, NULL, NULL, "b", 0},
	{"伊金霍洛旗人民医院", "hospital", E, NULL, 700, NULL, NULL, "b15 c17", 0},
	{"伊金霍洛旗政务服务中心", "window", E, NULL, 80, NULL, NULL, "b", 0},
	{"国家能源集团神东煤炭集团有限责任公司补连塔煤矿", "soe", E, NULL, 1600, "乌兰木伦镇", NULL, "b15 c17 r22", 0},
	{"中国建设银行股份有限公司伊金霍洛旗支行", "soe", E, NULL, 90, NULL, NULL, "b", 0},
	{"伊金霍洛旗鑫源矿业有限公司", "private", E, NULL, 200, NULL, NULL, "b", 0},
	{"伊金霍洛旗融媒体中心", "institution", E, NULL, 70, NULL, "2019-04-22", "b21", 0},
	{"伊金霍洛旗阿勒腾席热镇天骄社区居民委员会", "community", E, NULL, 12, NULL, NULL, "b", 0},
	{"伊金霍洛旗阿勒腾席热镇王府社区居民委员会", "community", E, NULL, 10, NULL, NULL, "", 0},

	/* 东胜区. */
	{"鄂尔多斯市东胜区人民医院", "hospital", S, NULL, 800, NULL, NULL, "c20", 0},
	{"鄂尔多斯市东胜区人民政府办公室", "party_gov", S, NULL, 80, NULL, NULL, "b15 c20", 0},
	{"鄂尔多斯市东胜区教育体育局", "party_gov", S, NULL, 110, NULL, NULL, "b", 0},
	{"鄂尔多斯市东胜区交通街道办事处", "party_gov", S, NULL, 60, NULL, NULL, "b", 0},
	{"鄂尔多斯市东胜区林荫街道办事处", "party_gov", S, NULL, 55, NULL, NULL, "b", 0},
	{"鄂尔多斯市东胜区第一中学", "school", S, NULL, 260, NULL, NULL, "b15 c20", 0},
	{"鄂尔多斯市东胜区实验小学", "school", S, NULL, 140, NULL, NULL, "b", 0},
	{"鄂尔多斯市中心医院", "hospital", S, NULL, 1800, NULL, NULL, "c17 r19", 0},
	{"鄂尔多斯市东胜区政务服务中心", "window", S, NULL, 90, NULL, NULL, "b", 0},
	{"鄂尔多斯市公安局交通管理支队车辆管理所", "window", S, "11", 120, NULL, NULL, "c20", 0},
	{"内蒙古伊泰集团有限公司", "private", S, NULL, 1500, NULL, NULL, "c17 r22", 0},
	{"中国工商银行股份有限公司鄂尔多斯分行", "soe", S, NULL, 300, NULL, NULL, "c17 C23", 0},
	{"中国农业银行股份有限公司鄂尔多斯分行", "soe", S, NULL, 350, NULL, NULL, "c20", 0},
	{"内蒙古鄂尔多斯羊绒集团有限责任公司", "private", S, NULL, 3000, NULL, NULL, "c17 r19", 0},
	{"鄂尔多斯市东胜区交通街道和谐社区居民委员会", "community", S, NULL, 12, NULL, NULL, "b", 0},
	{"鄂尔多斯市东胜区林荫街道文明社区居民委员会", "community", S, NULL, 11, NULL, NULL, "b", 0},
	{"鄂尔多斯市东胜区融媒体中心", "institution", S, NULL, 60, NULL, "2019-07-01", "b21", 0},
	{"鄂尔多斯市东胜区青年志愿者协会", "social_org", S, NULL, 6, NULL, NULL, "", 0},

	/* 康巴什区. */
	{"鄂尔多斯市康巴什区图书馆", "institution", K, NULL, 60, NULL, NULL, "c20", 0},
	{"鄂尔多斯市康巴什区人民政府办公室", "party_gov", K, NULL, 60, NULL, NULL, "b18 c23", 0},
	{"鄂尔多斯市康巴什区哈巴格希街道办事处", "party_gov", K, NULL, 50, NULL, NULL, "b", 0},
	{"鄂尔多斯市第一中学", "school", K, NULL, 450, NULL, NULL, "c17 r22", 0},
	{"鄂尔多斯应用技术学院", "school", K, NULL, 600, NULL, NULL, "c20", 0},
	{"鄂尔多斯市博物院", "institution", K, NULL, 150, NULL, NULL, "c17 C23", 0},
	{"鄂尔多斯市康巴什区政务服务中心", "window", K, NULL, 70, NULL, NULL, "b", 0},
	{"鄂尔多斯市康巴什区青春山街道阳光社区居民委员会", "community", K, NULL, 10, NULL, NULL, "b", 0},
};

#undef J
#undef D
#undef E
#undef S
#undef K
#undef SEED
#undef REFORM_2019

/* ---- partners: 社区 (结对共建) and 嘎查村 (包联共建) ---- */

#define J "150622"
#define D "150621"
#define E "150627"
#define S "150602"
#define K "150603"
#define C "community"
#define V "village"
#define HADAI "原属哈岱高勒乡，2021年撤乡并镇后划归准格尔召镇"
#define RELEASED "2021年包联共建关系调整后暂未安排结对单位"

static const struct demo_partner_row demo_partner_table[] = {
	/* 准格尔旗: 社区 of the seat and the towns. */
	{C, J, "薛家湾镇", "迎泽社区", 0, NULL},
	{C, J, "薛家湾镇", "永昌社区", 0, NULL},
	{C, J, "薛家湾镇", "西城社区", 0, NULL},
	{C, J, "薛家湾镇", "东城社区", 0, NULL},
	{C, J, "薛家湾镇", "白云社区", 0, NULL},
	{C, J, "薛家湾镇", "鸿腾社区", 0, NULL},
	{C, J, "薛家湾镇", "宝塔社区", 0, NULL},
	{C, J, "薛家湾镇", "准格尔路社区", 0, NULL},
	{C, J, "薛家湾镇", "长滩社区", 0, NULL},
	{C, J, "薛家湾镇", "南园社区", 0, NULL},
	{C, J, "薛家湾镇", "神华社区", 0, NULL},
	{C, J, "薛家湾镇", "东华社区", 0, NULL},
	{C, J, "薛家湾镇", "新园社区", 0, NULL},
	{C, J, "薛家湾镇", "阳光社区", 0, NULL},
	{C, J, "薛家湾镇", "民族团结社区", 0, NULL},
	{C, J, "薛家湾镇", "滨河社区", DEMO_PARTNER_RELEASED, RELEASED},
	{C, J, "薛家湾镇", "金泰社区", 0, NULL},
	{C, J, "薛家湾镇", "幸福里社区", DEMO_PARTNER_SPARE, "2023年由东华社区析出新设，尚待安排结对单位"},
	{C, J, "沙圪堵镇", "德胜社区", 0, NULL},
	{C, J, "沙圪堵镇", "新民社区", 0, NULL},
	{C, J, "沙圪堵镇", "沙圪堵社区", 0, NULL},
	{C, J, "沙圪堵镇", "福路社区", 0, NULL},
	{C, J, "沙圪堵镇", "华兴社区", 0, NULL},
	{C, J, "大路镇", "大路社区", 0, NULL},
	{C, J, "大路镇", "鑫通社区", 0, NULL},
	{C, J, "大路镇", "和谐社区", 0, NULL},
	{C, J, "大路镇", "朝阳社区", 0, NULL},
	{C, J, "大路镇", "锦绣社区", 0, NULL},
	{C, J, "龙口镇", "龙口社区", 0, NULL},
	{C, J, "龙口镇", "马栅社区", 0, NULL},
	{C, J, "准格尔召镇", "准格尔召社区", 0, NULL},
	{C, J, "纳日松镇", "纳日松社区", 0, NULL},
	{C, J, "魏家峁镇", "魏家峁社区", 0, NULL},

	/* 准格尔旗: 嘎查村 of the 苏木镇. */
	{V, J, "薛家湾镇", "马家塔村", 0, NULL},
	{V, J, "薛家湾镇", "黑岱沟村", 0, NULL},
	{V, J, "薛家湾镇", "东孔兑村", 0, NULL},
	{V, J, "薛家湾镇", "海子塔村", 0, NULL},
	{V, J, "薛家湾镇", "唐家会村", 0, NULL},
	{V, J, "薛家湾镇", "串草圪旦村", 0, NULL},
	{V, J, "薛家湾镇", "西黑岱村", 0, NULL},
	{V, J, "薛家湾镇", "阳坡村", DEMO_PARTNER_RELEASED, RELEASED},
	{V, J, "薛家湾镇", "柳树湾村", 0, NULL},
	{V, J, "薛家湾镇", "羊市塔村", 0, NULL},
	{V, J, "沙圪堵镇", "纳林村", 0, NULL},
	{V, J, "沙圪堵镇", "西营子村", 0, NULL},
	{V, J, "沙圪堵镇", "沙圪堵村", 0, NULL},
	{V, J, "沙圪堵镇", "敖包梁村", 0, NULL},
	{V, J, "沙圪堵镇", "石圪咀村", 0, NULL},
	{V, J, "沙圪堵镇", "尔圪壕村", 0, NULL},
	{V, J, "沙圪堵镇", "川掌村", 0, NULL},
	{V, J, "沙圪堵镇", "福路村", 0, NULL},
	{V, J, "大路镇", "小滩子村", 0, NULL},
	{V, J, "大路镇", "城坡村", 0, NULL},
	{V, J, "大路镇", "大路村", 0, NULL},
	{V, J, "大路镇", "西壕村", 0, NULL},
	{V, J, "大路镇", "哈拉沟村", 0, NULL},
	{V, J, "大路镇", "四道柳村", 0, NULL},
	{V, J, "龙口镇", "马栅村", 0, NULL},
	{V, J, "龙口镇", "大口村", 0, NULL},
	{V, J, "龙口镇", "榆树湾村", 0, NULL},
	{V, J, "龙口镇", "柳青梁村", 0, NULL},
	{V, J, "龙口镇", "南坪村", DEMO_PARTNER_RELEASED, RELEASED},
	{V, J, "龙口镇", "石窑沟村", 0, NULL},
	{V, J, "准格尔召镇", "准格尔召村", 0, NULL},
	{V, J, "准格尔召镇", "油房渠村", 0, NULL},
	{V, J, "准格尔召镇", "巴润哈岱村", 0, NULL},
	{V, J, "准格尔召镇", "宝日陶亥村", 0, NULL},
	{V, J, "准格尔召镇", "阿日斯楞图嘎查", 0, NULL},
	{V, J, "准格尔召镇", "哈岱高勒村", 0, HADAI},
	{V, J, "准格尔召镇", "台子梁村", 0, HADAI},
	{V, J, "准格尔召镇", "窑子塔村", 0, HADAI},
	{V, J, "纳日松镇", "二长渠村", 0, NULL},
	{V, J, "纳日松镇", "乌兰哈达村", 0, NULL},
	{V, J, "纳日松镇", "光明村", 0, NULL},
	{V, J, "纳日松镇", "纳日松村", 0, NULL},
	{V, J, "纳日松镇", "四道沟村", 0, NULL},
	{V, J, "纳日松镇", "酸刺沟村", 0, NULL},
	{V, J, "魏家峁镇", "魏家峁村", 0, NULL},
	{V, J, "魏家峁镇", "长胜店村", 0, NULL},
	{V, J, "魏家峁镇", "东坪村", 0, NULL},
	{V, J, "魏家峁镇", "西黄家梁村", 0, NULL},
	{V, J, "魏家峁镇", "耳字壕村", DEMO_PARTNER_RELEASED, RELEASED},
	{V, J, "十二连城乡", "兴胜店村", 0, NULL},
	{V, J, "十二连城乡", "蒲圪卜村", 0, NULL},
	{V, J, "十二连城乡", "巨合滩村", 0, NULL},
	{V, J, "十二连城乡", "哈拉庆村", 0, NULL},
	{V, J, "十二连城乡", "柳林滩村", 0, NULL},
	{V, J, "十二连城乡", "二道坝村", DEMO_PARTNER_SPARE, "2024年新纳入包联共建范围，尚待安排包联单位"},
	{V, J, "暖水乡", "暖水村", 0, NULL},
	{V, J, "暖水乡", "榆树壕村", 0, NULL},
	{V, J, "暖水乡", "圪秋沟村", 0, NULL},
	{V, J, "暖水乡", "德胜西村", 0, NULL},
	{V, J, "暖水乡", "二道柳村", 0, NULL},
	{V, J, "布尔陶亥苏木", "伊克敖包嘎查", 0, NULL},
	{V, J, "布尔陶亥苏木", "布尔陶亥嘎查", 0, NULL},
	{V, J, "布尔陶亥苏木", "乌兰布拉格嘎查", 0, NULL},
	{V, J, "布尔陶亥苏木", "巴音敖包嘎查", 0, NULL},
	{V, J, "布尔陶亥苏木", "阿日赛嘎查", 0, NULL},

	/* 达拉特旗. */
	{C, D, "树林召镇", "林原社区", 0, NULL},
	{C, D, "树林召镇", "平原社区", 0, NULL},
	{C, D, "树林召镇", "锡尼社区", 0, NULL},
	{C, D, "树林召镇", "迎宾社区", 0, NULL},
	{C, D, "树林召镇", "双龙社区", 0, NULL},
	{C, D, "王爱召镇", "王爱召社区", 0, NULL},
	{C, D, "白泥井镇", "白泥井社区", 0, NULL},
	{C, D, "昭君镇", "昭君社区", 0, NULL},
	{V, D, "树林召镇", "新民堡村", 0, NULL},
	{V, D, "树林召镇", "林原村", 0, NULL},
	{V, D, "王爱召镇", "王爱召村", 0, NULL},
	{V, D, "王爱召镇", "榆林子村", 0, NULL},
	{V, D, "白泥井镇", "白泥井村", 0, NULL},
	{V, D, "白泥井镇", "三份子村", 0, NULL},
	{V, D, "吉格斯太镇", "东海心村", 0, NULL},
	{V, D, "吉格斯太镇", "吉格斯太村", 0, NULL},
	{V, D, "展旦召苏木", "展旦召嘎查", 0, NULL},
	{V, D, "展旦召苏木", "杭锦淖嘎查", 0, NULL},
	{V, D, "恩格贝镇", "恩格贝嘎查", 0, NULL},
	{V, D, "中和西镇", "中和西村", 0, NULL},
	{V, D, "昭君镇", "二狗湾村", DEMO_PARTNER_SPARE, "2024年新纳入包联共建范围，尚待安排包联单位"},

	/* 伊金霍洛旗. */
	{C, E, "阿勒腾席热镇", "天骄社区", 0, NULL},
	{C, E, "阿勒腾席热镇", "王府社区", 0, NULL},
	{C, E, "阿勒腾席热镇", "郡王府社区", 0, NULL},
	{C, E, "阿勒腾席热镇", "文明社区", 0, NULL},
	{C, E, "阿勒腾席热镇", "团结社区", 0, NULL},
	{C, E, "乌兰木伦镇", "乌兰木伦社区", 0, NULL},
	{C, E, "乌兰木伦镇", "补连塔社区", 0, NULL},
	{C, E, "札萨克镇", "札萨克社区", 0, NULL},
	{V, E, "阿勒腾席热镇", "巴音孟克嘎查", 0, NULL},
	{V, E, "札萨克镇", "门克庆嘎查", 0, NULL},
	{V, E, "札萨克镇", "新街村", 0, NULL},
	{V, E, "乌兰木伦镇", "布连嘎查", 0, NULL},
	{V, E, "乌兰木伦镇", "哈达图嘎查", 0, NULL},
	{V, E, "伊金霍洛镇", "伊金霍洛嘎查", 0, NULL},
	{V, E, "伊金霍洛镇", "巴音昌呼格嘎查", 0, NULL},
	{V, E, "纳林陶亥镇", "新庙村", 0, NULL},
	{V, E, "纳林陶亥镇", "纳林陶亥村", 0, NULL},
	{V, E, "红庆河镇", "呼和乌素嘎查", 0, NULL},
	{V, E, "苏布尔嘎镇", "苏布尔嘎嘎查", 0, NULL},
	{V, E, "苏布尔嘎镇", "乌兰柴达木嘎查", 0, NULL},

	/* 东胜区: 社区 of the 街道, 村 of the three towns. */
	{C, S, "交通街道", "和谐社区", 0, NULL},
	{C, S, "交通街道", "民生社区", 0, NULL},
	{C, S, "林荫街道", "文明社区", 0, NULL},
	{C, S, "林荫街道", "林荫社区", 0, NULL},
	{C, S, "建设街道", "团结社区", 0, NULL},
	{C, S, "天骄街道", "天骄社区", 0, NULL},
	{C, S, "富兴街道", "富兴社区", 0, NULL},
	{C, S, "诃额伦街道", "金辉社区", 0, NULL},
	{V, S, "罕台镇", "九成功村", 0, NULL},
	{V, S, "罕台镇", "罕台村", 0, NULL},
	{V, S, "泊尔江海子镇", "泊尔江海子村", 0, NULL},
	{V, S, "泊尔江海子镇", "柴登村", 0, NULL},
	{V, S, "铜川镇", "铜川村", 0, NULL},
	{V, S, "铜川镇", "添漫梁村", 0, NULL},

	/* 康巴什区. */
	{C, K, "青春山街道", "阳光社区", 0, NULL},
	{C, K, "青春山街道", "青春山社区", 0, NULL},
	{C, K, "哈巴格希街道", "康馨社区", 0, NULL},
	{C, K, "哈巴格希街道", "康城社区", 0, NULL},
	{C, K, "滨河街道", "滨河社区", 0, NULL},
	{C, K, "滨河街道", "康和社区", 0, NULL},
	{C, K, "康新街道", "康新社区", 0, NULL},
	{C, K, "康新街道", "书香社区", 0, NULL},
	{V, K, "哈巴格希街道", "哈巴格希村", 0, NULL},
	{V, K, "哈巴格希街道", "巴音孟克嘎查", 0, NULL},
};

#undef J
#undef D
#undef E
#undef S
#undef K
#undef C
#undef V
#undef HADAI
#undef RELEASED

const struct demo_partner_row *demo_partner_rows(size_t *n)
{
	*n = sizeof demo_partner_table / sizeof demo_partner_table[0];
	return demo_partner_table;
}

void demo_partner_address(const struct demo_partner_row *row, uint32_t r, char *out, size_t n)
{
	const struct demo_region *reg = demo_region_get(row->region);
	if (!reg) {
		out[0] = '\0';
		return;
	}
	if (strcmp(row->kind, "village") == 0) {
		size_t len = strlen(row->short_name);
		int gacha = len >= strlen("嘎查") && strcmp(row->short_name + len - strlen("嘎查"), "嘎查") == 0;
		snprintf(out, n, "%s%s%s%s", reg->addr_prefix, row->town, row->short_name, gacha ? "嘎查委员会" : "村民委员会");
		return;
	}
	int number = 1 + (int)(r % 299);
	const char *street;
	if (strcmp(row->town, reg->seat) == 0 || !reg->seat[0]) {
		size_t n_streets = 0;
		while (n_streets < sizeof reg->streets / sizeof reg->streets[0] && reg->streets[n_streets]) {
			n_streets++;
		}
		street = reg->streets[(r / 299) % n_streets];
	} else {
		street = demo_town_streets[(r / 299) % (sizeof demo_town_streets / sizeof demo_town_streets[0])];
	}
	snprintf(out, n, "%s%s%s%d号", reg->addr_prefix, row->town, street, number);
}

const struct demo_unit_row *demo_unit_rows(size_t *n)
{
	*n = sizeof demo_rows / sizeof demo_rows[0];
	return demo_rows;
}

const struct demo_award *demo_awards_get(size_t *n)
{
	*n = sizeof demo_award_rows / sizeof demo_award_rows[0];
	return demo_award_rows;
}

const struct demo_lineage *demo_lineages_get(size_t *n)
{
	*n = sizeof demo_lineage_rows / sizeof demo_lineage_rows[0];
	return demo_lineage_rows;
}

const struct demo_region *demo_region_get(const char *code)
{
	for (size_t i = 0; i < sizeof demo_regions / sizeof demo_regions[0]; i++) {
		if (strcmp(demo_regions[i].code, code) == 0) {
			return &demo_regions[i];
		}
	}
	return NULL;
}

void demo_person_name(uint32_t r, char *out, size_t n)
{
	static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "高", "郝", "白", "任",
					       "贾", "乔", "郭", "苏", "马", "韩", "冯", "田", "霍", "武", "薛",
					       "奇", "云", "杜", "闫", "温", "康"};
	static const char *const given[] = {"建国", "志强", "海军", "丽娜", "晓燕", "慧敏", "静", "磊", "鹏飞",
					    "宇", "雪梅", "婷", "俊杰", "文斌", "海涛", "红英", "鑫", "瑞", "彦军",
					    "春花", "利平", "永胜", "晓东", "亚楠", "佳琪"};
	static const char *const mongolian[] = {"乌云其其格", "巴图", "斯琴", "额尔敦", "苏日娜", "那仁",
						"娜仁花", "图雅", "孟和", "朝鲁", "阿拉坦", "萨仁高娃"};
	size_t n_given = sizeof given / sizeof given[0];
	if (r % 9 == 0) {
		snprintf(out, n, "%s", mongolian[(r / 9) % (sizeof mongolian / sizeof mongolian[0])]);
		return;
	}
	snprintf(out, n, "%s%s", surnames[(r / 7) % (sizeof surnames / sizeof surnames[0])], given[(r / 211) % n_given]);
}

void demo_unit_address(const struct demo_unit_row *row, uint32_t r, char *out, size_t n)
{
	const struct demo_region *reg = demo_region_get(row->region);
	if (!reg) {
		out[0] = '\0';
		return;
	}
	int number = 1 + (int)(r % 199);
	if (row->town && strcmp(row->town, reg->seat) != 0) {
		const char *street = demo_town_streets[(r / 199) % (sizeof demo_town_streets / sizeof demo_town_streets[0])];
		snprintf(out, n, "%s%s%s%d号", reg->addr_prefix, row->town, street, number);
		return;
	}
	size_t n_streets = 0;
	while (n_streets < sizeof reg->streets / sizeof reg->streets[0] && reg->streets[n_streets]) {
		n_streets++;
	}
	snprintf(out, n, "%s%s%s%d号", reg->addr_prefix, reg->seat, reg->streets[(r / 199) % n_streets], number);
}

void demo_unit_phone(const struct demo_unit_row *row, uint32_t r1, uint32_t r2, char *out, size_t n)
{
	const struct demo_region *reg = demo_region_get(row->region);
	int company = strcmp(row->category, "soe") == 0 || strcmp(row->category, "private") == 0 ||
		      strcmp(row->category, "social_org") == 0 || strcmp(row->category, "community") == 0;
	if (!reg || (company && r1 % 5 < 2)) {
		snprintf(out, n, "13%u%08u", r1 % 10, r2 % 100000000u);
		return;
	}
	snprintf(out, n, "%s%05u", reg->phone_prefix, r2 % 100000u);
}

const char *demo_level_office(const char *level, int year, const struct demo_region *reg)
{
	if (strcmp(level, "national") == 0) {
		return year >= 2025 ? "中央宣传思想文化工作领导小组" : "中央文明办";
	}
	if (strcmp(level, "region") == 0) {
		return "内蒙古自治区文明办";
	}
	if (strcmp(level, "city") == 0 || !reg) {
		return "鄂尔多斯市文明办";
	}
	return reg->office;
}

void demo_doc_no(const char *level, const struct demo_region *reg, int year, int n, char *out, size_t len)
{
	if (strcmp(level, "national") == 0) {
		snprintf(out, len, year >= 2025 ? "中宣组发〔%d〕%d号" : "文明委〔%d〕%d号", year, n);
	} else if (strcmp(level, "region") == 0) {
		snprintf(out, len, "内文明委〔%d〕%d号", year, n);
	} else if (strcmp(level, "city") == 0 || !reg) {
		snprintf(out, len, "鄂文明委发〔%d〕%d号", year, n);
	} else {
		snprintf(out, len, "%s〔%d〕%d号", reg->doc_prefix, year, n);
	}
}

void demo_title_label(const char *level, const char *tier, const struct demo_region *reg, char *out, size_t n)
{
	const char *area = strcmp(level, "national") == 0 ? "全国"
			   : strcmp(level, "region") == 0 ? "自治区"
			   : strcmp(level, "city") == 0	  ? "全市"
			   : reg			  ? reg->title_area
							  : "全旗";
	snprintf(out, n, "%s文明单位%s", area, strcmp(tier, "model") == 0 ? "标兵" : "");
}

const char *demo_uscc_kind(const char *category)
{
	static const char *const map[][2] = {
		{"party_gov", "11"}, {"people_org", "13"}, {"institution", "12"}, {"school", "12"},
		{"hospital", "12"},  {"window", "12"},     {"soe", "91"},	  {"private", "91"},
		{"social_org", "51"}, {"community", "54"}, {"military", ""},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (strcmp(map[i][0], category) == 0) {
			return map[i][1];
		}
	}
	return "91";
}
