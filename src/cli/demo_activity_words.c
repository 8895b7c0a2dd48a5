/* demo_activity_words.c — the tables of demo_activity_words.h: the words the demo's activities are
 * made of (cli layer). Data only. */
#include "demo_activity_words.h"


const char *const da_type_codes[T_N] = {
	"volunteer_service", "lei_feng",     "our_festivals", "moral_lecture",  "study_lecture", "civil_dining",
	"civil_travel",	     "civil_traffic", "civil_online",  "civil_etiquette", "integrity",	  "public_ad",
	"community_joint",   "rural_support", "culture_sports", "other",
};


const char *const da_fest_codes[F_N] = {"spring_festival", "lantern", "qingming", "dragon_boat",
					       "qixi",		  "mid_autumn", "double_ninth"};

/* 春节, 元宵, 清明, 端午, 七夕, 中秋, 重阳 of each year (MM-DD). */
const char da_fest_dates[DA_LAST_YEAR - DA_FIRST_YEAR + 1][F_N][6] = {
	{"02-12", "02-26", "04-04", "06-14", "08-14", "09-21", "10-14"}, /* 2021 */
	{"02-01", "02-15", "04-05", "06-03", "08-04", "09-10", "10-04"}, /* 2022 */
	{"01-22", "02-05", "04-05", "06-22", "08-22", "09-29", "10-23"}, /* 2023 */
	{"02-10", "02-24", "04-04", "06-10", "08-10", "09-17", "10-11"}, /* 2024 */
	{"01-29", "02-12", "04-04", "05-31", "08-29", "10-06", "10-29"}, /* 2025 */
	{"02-17", "03-03", "04-05", "06-19", "08-19", "09-25", "10-18"}, /* 2026 */
};

/* When a festival's activities happen, in days around the festival: 春联 before 春节, 月饼 in
 * the week before 中秋, 敬老 around 重阳. */
const int da_fest_window[F_N][2] = {{-12, 4}, {-3, 0}, {-5, 0}, {-5, 0}, {-3, 0}, {-8, 1}, {-3, 2}};

/* How many of the units hold an activity for each festival (percent): 中秋 and 春节 nearly all,
 * 元宵 and 七夕 fewer. */
const unsigned da_fest_share[F_N] = {78, 35, 60, 60, 30, 82, 65};


#define ANY_TIME(type, at, text) {type, F_NONE, text, at, 0, 0, 0, 0, 0, 0}
#define FEST(fest, at, text) {T_FESTIVAL, fest, text, at, 0, 0, 0, 0, 0, 0}
#define IN_MONTHS(type, mlo, mhi, text) {type, F_NONE, text, 0, mlo, mhi, 0, 0, 0, 0}
#define ON_DAYS(type, m, dlo, dhi, text) {type, F_NONE, text, 0, m, m, dlo, dhi, 0, 0}
#define DURING(type, ym1, ym2, text) {type, F_NONE, text, 0, 0, 0, 0, 0, ym1, ym2}
const struct da_tpl da_tpls[] = {
	ANY_TIME(T_VOLUNTEER, 0, "志愿服务进社区：环境卫生大扫除"),
	ANY_TIME(T_VOLUNTEER, 0, "“美丽家园”环境整治志愿服务"),
	ANY_TIME(T_VOLUNTEER, 0, "关爱空巢老人志愿服务"),
	ANY_TIME(T_VOLUNTEER, 0, "关爱留守儿童志愿服务"),
	ANY_TIME(T_VOLUNTEER, 0, "巩固全国文明城市创建成果志愿服务"),
	ANY_TIME(T_VOLUNTEER, 0, "垃圾分类宣传志愿服务"),
	ANY_TIME(T_VOLUNTEER, 'C', "“红马甲”志愿服务走进{}"),
	DURING(T_VOLUNTEER, 202101, 202212, "疫情防控志愿服务"),
	ON_DAYS(T_VOLUNTEER, 6, 5, 8, "“爱心送考”志愿服务"),
	ON_DAYS(T_VOLUNTEER, 12, 1, 6, "国际志愿者日主题志愿服务"),
	IN_MONTHS(T_VOLUNTEER, 4, 5, "义务植树志愿服务"),
	IN_MONTHS(T_VOLUNTEER, 7, 8, "防汛安全宣传志愿服务"),
	IN_MONTHS(T_VOLUNTEER, 11, 12, "冬季清雪志愿服务"),
	IN_MONTHS(T_VOLUNTEER, 1, 2, "冬季清雪志愿服务"),
	IN_MONTHS(T_LEI_FENG, 3, 3, "学雷锋志愿服务月活动"),
	ON_DAYS(T_LEI_FENG, 3, 1, 6, "“3·5”学雷锋纪念日志愿服务"),
	IN_MONTHS(T_LEI_FENG, 3, 3, "学雷锋志愿服务集中行动"),
	ANY_TIME(T_LEI_FENG, 0, "“弘扬雷锋精神 争做时代新人”主题活动"),
	ANY_TIME(T_LEI_FENG, 0, "学雷锋·文明实践我行动志愿服务"),
	ANY_TIME(T_LEI_FENG, 'C', "“雷锋精神代代传”走进{}"),
	FEST(F_SPRING, 0, "“我们的节日·春节”写春联送福字进社区"),
	FEST(F_SPRING, 0, "“我们的节日·春节”新春慰问困难群众"),
	FEST(F_SPRING, 0, "“我们的节日·春节”欢乐闹新春文艺演出"),
	FEST(F_SPRING, 'C', "“我们的节日·春节”送温暖走进{}"),
	FEST(F_LANTERN, 0, "“我们的节日·元宵”猜灯谜闹元宵"),
	FEST(F_LANTERN, 0, "“我们的节日·元宵”民俗文化活动"),
	FEST(F_LANTERN, 'C', "元宵节“猜灯谜 品汤圆”活动走进{}"),
	FEST(F_QINGMING, 0, "“我们的节日·清明”文明祭扫宣传"),
	FEST(F_QINGMING, 0, "“我们的节日·清明”网上祭英烈"),
	FEST(F_QINGMING, 0, "清明节缅怀革命先烈主题活动"),
	FEST(F_DRAGON, 0, "“我们的节日·端午”包粽子传温情"),
	FEST(F_DRAGON, 0, "“我们的节日·端午”民俗体验活动"),
	FEST(F_DRAGON, 'C', "端午节“粽情邻里”活动走进{}"),
	FEST(F_QIXI, 0, "“我们的节日·七夕”移风易俗婚育新风宣传"),
	FEST(F_QIXI, 0, "“我们的节日·七夕”传承好家风主题活动"),
	FEST(F_MID_AUTUMN, 0, "“我们的节日·中秋”志愿服务进社区"),
	FEST(F_MID_AUTUMN, 0, "“我们的节日·中秋”月饼送温情慰问活动"),
	FEST(F_MID_AUTUMN, 0, "“我们的节日·中秋”诗会"),
	FEST(F_MID_AUTUMN, 'C', "“我们的节日·中秋”邻里团圆会走进{}"),
	FEST(F_DOUBLE_NINTH, 0, "“我们的节日·重阳”敬老爱老志愿服务"),
	FEST(F_DOUBLE_NINTH, 0, "“我们的节日·重阳”走访慰问老人"),
	FEST(F_DOUBLE_NINTH, 'C', "重阳节孝老爱亲活动走进{}"),
	ANY_TIME(T_MORAL, 0, "道德讲堂：身边好人事迹分享"),
	ANY_TIME(T_MORAL, 0, "道德讲堂：孝老爱亲"),
	ANY_TIME(T_MORAL, 0, "道德讲堂：诚实守信"),
	ANY_TIME(T_MORAL, 0, "道德讲堂：敬业奉献"),
	ANY_TIME(T_MORAL, 0, "道德讲堂：道德模范事迹巡讲"),
	ANY_TIME(T_MORAL, 0, "道德讲堂：弘扬新时代好家风"),
	ANY_TIME(T_MORAL, 0, "道德讲堂：见义勇为先进事迹分享"),
	DURING(T_STUDY, 202102, 202112, "学习讲堂：党史学习教育专题"),
	DURING(T_STUDY, 202106, 202107, "学习讲堂：庆祝中国共产党成立100周年"),
	DURING(T_STUDY, 202210, 202312, "学习讲堂：学习贯彻党的二十大精神"),
	DURING(T_STUDY, 202304, 202401, "学习讲堂：学习贯彻习近平新时代中国特色社会主义思想主题教育"),
	DURING(T_STUDY, 202404, 202407, "学习讲堂：党纪学习教育专题"),
	DURING(T_STUDY, 202408, 202512, "学习讲堂：学习贯彻党的二十届三中全会精神"),
	DURING(T_STUDY, 202503, 202507, "学习讲堂：深入贯彻中央八项规定精神学习教育"),
	DURING(T_STUDY, 202511, 202611, "学习讲堂：学习贯彻党的二十届四中全会精神"),
	ANY_TIME(T_STUDY, 0, "学习讲堂：铸牢中华民族共同体意识"),
	ANY_TIME(T_STUDY, 0, "学习讲堂：社会主义核心价值观"),
	ANY_TIME(T_STUDY, 0, "学习讲堂：职业道德与岗位规范"),
	ANY_TIME(T_STUDY, 0, "学习讲堂：民法典宣讲"),
	ANY_TIME(T_DINING, 0, "“光盘行动”文明餐桌宣传"),
	ANY_TIME(T_DINING, 0, "文明餐桌倡议进餐馆"),
	ANY_TIME(T_DINING, 0, "制止餐饮浪费主题宣传"),
	ANY_TIME(T_DINING, 0, "“公筷公勺”文明用餐倡议"),
	IN_MONTHS(T_TRAVEL, 5, 10, "文明旅游宣传进景区"),
	ANY_TIME(T_TRAVEL, 0, "“文明旅游 从我做起”倡议活动"),
	IN_MONTHS(T_TRAVEL, 5, 10, "文明旅游志愿服务"),
	ANY_TIME(T_TRAFFIC, 0, "文明交通劝导志愿服务"),
	ANY_TIME(T_TRAFFIC, 0, "“礼让斑马线”文明交通宣传"),
	ANY_TIME(T_TRAFFIC, 0, "“一盔一带”安全守护行动"),
	ON_DAYS(T_TRAFFIC, 12, 1, 5, "“122全国交通安全日”主题宣传"),
	ANY_TIME(T_ONLINE, 0, "网络文明宣传进社区"),
	ANY_TIME(T_ONLINE, 0, "“清朗网络 文明上网”主题宣传"),
	ON_DAYS(T_ONLINE, 9, 8, 24, "网络安全宣传周活动"),
	ANY_TIME(T_ONLINE, 0, "争做中国好网民主题活动"),
	ANY_TIME(T_ETIQUETTE, 0, "文明礼仪培训"),
	ANY_TIME(T_ETIQUETTE, 0, "“讲文明 树新风”礼仪宣传"),
	ANY_TIME(T_ETIQUETTE, 0, "职工文明礼仪知识竞赛"),
	ANY_TIME(T_ETIQUETTE, 'C', "文明礼仪进{}"),
	ANY_TIME(T_INTEGRITY, 0, "诚信宣传教育活动"),
	ANY_TIME(T_INTEGRITY, 0, "“诚信建设万里行”主题宣传"),
	ON_DAYS(T_INTEGRITY, 3, 10, 15, "“3·15”消费者权益日诚信宣传"),
	ANY_TIME(T_INTEGRITY, 0, "诚信经营承诺签名活动"),
	ANY_TIME(T_AD, 0, "“讲文明树新风”公益广告进社区"),
	ANY_TIME(T_AD, 0, "更新“图说我们的价值观”公益广告"),
	ANY_TIME(T_AD, 0, "创城公益广告宣传栏更新"),
	ANY_TIME(T_AD, 0, "电子显示屏刊播文明城市创建公益广告"),
	ANY_TIME(T_JOINT, 'C', "结对共建：{}环境卫生整治"),
	ANY_TIME(T_JOINT, 0, "结对共建：助力老旧小区改造提升"),
	ANY_TIME(T_JOINT, 'C', "结对共建：{}楼道杂物清理"),
	ANY_TIME(T_JOINT, 0, "共建社区党员志愿服务日"),
	ANY_TIME(T_JOINT, 0, "结对共建：规范小区车辆停放"),
	ANY_TIME(T_JOINT, 'C', "结对共建：{}“邻里守望”活动"),
	ANY_TIME(T_RURAL, 'V', "消费帮扶·走进{}"),
	ANY_TIME(T_RURAL, 'V', "{}农畜产品产销对接"),
	ANY_TIME(T_RURAL, 'V', "政策宣讲走进{}"),
	ANY_TIME(T_RURAL, 'V', "{}移风易俗宣传"),
	ANY_TIME(T_RURAL, 'V', "第一书记走访{}农牧户"),
	IN_MONTHS(T_RURAL, 4, 5, "春耕助农志愿服务"),
	IN_MONTHS(T_RURAL, 9, 10, "助农秋收志愿服务"),
	ANY_TIME(T_RURAL, 0, "乡村振兴帮扶走访"),
	ANY_TIME(T_CULTURE, 0, "职工健步走活动"),
	IN_MONTHS(T_CULTURE, 1, 2, "迎新春职工趣味运动会"),
	ON_DAYS(T_CULTURE, 4, 15, 28, "“书香单位”读书分享会"),
	ANY_TIME(T_CULTURE, 0, "职工篮球友谊赛"),
	IN_MONTHS(T_CULTURE, 6, 7, "庆“七一”红歌合唱比赛"),
	ON_DAYS(T_CULTURE, 8, 6, 10, "“全民健身日”健步走"),
	ON_DAYS(T_OTHER, 4, 10, 15, "全民国家安全教育日宣传"),
	ANY_TIME(T_OTHER, 0, "防范电信网络诈骗宣传"),
	IN_MONTHS(T_OTHER, 6, 6, "“安全生产月”宣传咨询日"),
	ON_DAYS(T_OTHER, 11, 1, 9, "“119”消防安全宣传"),
};
#undef ANY_TIME
#undef FEST
#undef IN_MONTHS
#undef ON_DAYS
#undef DURING

/* Volunteer titles fitting a kind of unit: category (NULL any) and a word of its name (NULL any). */
const struct da_unit_tpl da_unit_tpls[] = {
	{NULL, "供电", "“光明驿站”用电安全检查志愿服务"},
	{NULL, "供电", "“电力红马甲”志愿服务进社区"},
	{"hospital", NULL, "“健康进社区”义诊志愿服务"},
	{NULL, "银行", "金融知识普及志愿服务"},
	{NULL, "保险", "金融知识普及志愿服务"},
	{NULL, "公安", "反诈宣传志愿服务进社区"},
	{NULL, "税务", "税收宣传志愿服务进社区"},
	{"school", NULL, "“小手拉大手”文明实践志愿服务"},
	{NULL, "消防", "消防安全进社区志愿服务"},
};

/* What happened, one sentence per type (our_festivals: per festival, after the types). */
const char *const da_details[T_N + F_N][4] = {
	{"组织志愿者清理楼道杂物和小广告，整治环境卫生", "走访空巢老人和困难家庭，帮助解决生活难题", "开展政策宣传和便民服务",
	 "清理绿化带垃圾，劝导不文明行为"},
	{"组织志愿者开展学雷锋便民服务", "为居民提供义务维修、理发和健康咨询", "宣讲雷锋故事，倡导向上向善",
	 "集中开展环境清扫和关爱帮扶"},
	{NULL},
	{"讲述身边好人故事，诵读道德经典，职工分享感悟", "观看先进典型事迹短片，交流学习体会", "邀请道德模范讲述事迹，引导见贤思齐",
	 NULL},
	{"组织干部职工集中学习，交流研讨", "邀请宣讲团成员作专题辅导", "开展专题学习并组织知识测试", NULL},
	{"发放倡议书，倡导“光盘行动”", "在餐饮场所张贴文明餐桌提示牌", "宣传公筷公勺、分餐制", NULL},
	{"发放文明旅游宣传资料，劝导不文明行为", "宣传文明旅游公约", NULL},
	{"在路口劝导行人和非机动车遵守交通信号", "宣传“一盔一带”和礼让斑马线", "发放交通安全宣传资料", NULL},
	{"宣传网络文明公约，倡导文明上网", "开展网络安全知识宣传和防诈骗提示", NULL},
	{"开展文明礼仪知识讲解和示范", "倡导文明用语、文明排队", NULL},
	{"开展诚信宣传，发放诚信倡议书", "组织诚信承诺签名", "讲解诚信典型案例", NULL},
	{"更新公益广告宣传栏，刊播“讲文明树新风”公益广告", "检查维护门头、墙体公益广告，做到整洁美观", NULL},
	{"协助社区整治环境秩序，维护公共设施", "参与老旧小区改造提升，清理楼道杂物", "与社区党组织开展共建活动", NULL},
	{"帮助销售小米、羊肉等农畜产品", "开展政策宣讲和技能培训", "走访农牧户，了解生产生活困难", "协调帮扶资金支持村集体经济"},
	{"丰富职工文化生活，增强团队凝聚力", "开展健身和文艺活动", NULL},
	{"开展安全知识宣传和咨询服务", "发放宣传资料，提高群众防范意识", NULL},
	{"写春联、送福字，慰问困难群众", "开展新春文艺演出和慰问活动", NULL},
	{"组织猜灯谜、包汤圆等民俗活动", "开展元宵节民俗文化活动", NULL},
	{"倡导文明祭扫、绿色祭扫，缅怀革命先烈", "组织网上祭英烈和红色故事分享", NULL},
	{"组织包粽子、讲端午习俗", "开展端午民俗体验和关爱慰问", NULL},
	{"宣传婚事新办、移风易俗，倡导好家风", NULL},
	{"为困难群众和一线职工送月饼，开展邻里团圆活动", "开展中秋诗会和慰问活动", "为空巢老人送去节日问候", NULL},
	{"走访慰问老人，开展义诊和理发服务", "组织敬老爱老志愿服务", NULL},
};

/* What happened when the title says it: the first word of the title found wins over da_details. */
const char *const da_title_details[][2] = {
	{"清雪", "清扫小区道路和楼前积雪，方便居民出行"},
	{"植树", "义务植树，绿化美化社区环境"},
	{"送考", "设立爱心服务点，为考生和家长提供引导和饮水服务"},
	{"防汛", "宣传防汛避险知识，排查低洼地带安全隐患"},
	{"疫情", "协助社区维护核酸检测秩序、登记信息"},
	{"义诊", "组织医务人员为居民测血压、血糖，提供健康咨询"},
	{"金融", "宣传防范非法集资和电信诈骗知识，讲解金融常识"},
	{"反诈", "宣传防范电信网络诈骗知识，指导居民安装国家反诈中心APP"},
	{"税收", "讲解税费优惠政策，解答群众涉税问题"},
	{"消防", "讲解消防安全知识，排查楼道消防隐患"},
	{"垃圾分类", "讲解垃圾分类知识，引导居民正确投放"},
	{"空巢老人", "走访空巢老人，帮助打扫卫生、代购生活用品"},
	{"留守儿童", "陪伴留守儿童学习，赠送学习用品"},
	{"国家安全", "宣传国家安全法，发放宣传资料"},
	{"安全生产", "设立咨询台，宣传安全生产法律法规"},
	{"网络安全", "宣传网络安全知识和个人信息保护"},
	{"读书", "职工分享读书心得，推荐好书"},
	{"红歌", "各支部合唱红色经典歌曲"},
	{"春耕", "帮助农牧民备耕春播，宣传惠农政策"},
	{"秋收", "帮助农牧户抢收玉米、谷子等秋粮"},
	{"消费帮扶", "采购小米、羊肉等农畜产品，帮助拓宽销路"},
	{"产销对接", "对接单位食堂和超市，帮助销售农畜产品"},
	{"第一书记", "第一书记入户走访，了解生产生活困难"},
	{"移风易俗", "宣传婚事新办、丧事简办，倡导文明新风"},
	{"政策宣讲", "宣讲惠农惠牧政策和乡村振兴相关政策"},
	{"3·15", "宣传消费者权益保护知识，倡导诚信经营"},
	{"楼道", "清理楼道杂物，规范物品堆放"},
	{"车辆停放", "协助规范小区车辆停放秩序"},
	{"老旧小区", "参与老旧小区改造提升，协助清理杂物"},
	{"大扫除", "清理楼道杂物和小广告，整治环境卫生"},
	{"交通安全日", "宣传交通安全法规，劝导文明出行"},
	{"用电安全", "入户检查用电线路，更换老化插座和开关"},
	{"写春联", "书写春联、福字赠送居民，共迎新春"},
	{"慰问困难", "走访慰问困难群众，送去米面油等慰问品"},
	{"文艺演出", "职工和居民同台演出，欢度新春"},
	{"猜灯谜", "组织猜灯谜、包汤圆等民俗活动"},
	{"文明祭扫", "倡导文明祭扫、绿色祭扫，发放倡议书"},
	{"祭英烈", "组织登录网上祭英烈平台，敬献花篮、留言寄语"},
	{"先烈", "瞻仰烈士纪念碑，重温入党誓词"},
	{"粽", "组织居民包粽子，为独居老人送去粽子"},
	{"家风", "分享好家风好家训故事"},
	{"月饼", "为困难群众和一线职工送月饼"},
	{"诗会", "诵读中秋经典诗词，共话团圆"},
	{"团圆", "组织居民做月饼、话团圆"},
	{"敬老", "为老人义诊、理发，陪老人聊天"},
	{"老人", "走访慰问高龄和独居老人，送去节日问候"},
	{"孝老", "开展孝老爱亲宣传，慰问社区老人"},
};

const char *const da_xjw_details[] = {
	"公司“光明驿站”志愿服务队入户检查用电线路，更换老化插座和开关",
	"开展安全用电知识宣传，为独居老人检修家用电器",
	"公司志愿者清理社区环境，宣传节约用电",
};

/* How likely an activity of type is held at the paired 社区 (percent): the month's main one,
 * an extra one. */
const unsigned da_at_community[T_N][2] = {
	{85, 60}, {85, 60}, {85, 60}, {0, 0}, {0, 0}, {60, 35}, {0, 0}, {60, 35},
	{60, 35}, {85, 60}, {60, 35}, {85, 60}, {100, 100}, {0, 0}, {20, 20}, {60, 35},
};

const size_t da_n_tpls = sizeof da_tpls / sizeof da_tpls[0];
const size_t da_n_unit_tpls = sizeof da_unit_tpls / sizeof da_unit_tpls[0];
const size_t da_n_title_details = sizeof da_title_details / sizeof da_title_details[0];
const size_t da_n_xjw_details = sizeof da_xjw_details / sizeof da_xjw_details[0];
_Static_assert(sizeof da_tpls / sizeof da_tpls[0] <= DA_MAX_TPLS, "raise DA_MAX_TPLS");
