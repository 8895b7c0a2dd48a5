/* demo_ads.c — the demo's public-service ads (公益广告) (cli layer): every carrier, the themes of
 * the years (讲文明树新风, 图说我们的价值观 …), counts and periods. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_records.h"

static int dr_ad_row(struct dr_state *st, const struct dr_unit *u, const char *carrier, const char *theme, int count,
		     int64_t start, int64_t end, const char *place, const char *description)
{
	struct demo_batch *b = st->ads;
	char from[16], to[16];
	dr_date(start, from);
	dr_date(end, to);
	demo_batch_int(b, u->id);
	demo_batch_text(b, carrier);
	demo_batch_text(b, theme);
	demo_batch_int(b, count);
	demo_batch_text(b, from);
	demo_batch_text(b, end ? to : NULL);
	demo_batch_int(b, atoi(from));
	demo_batch_text(b, place);
	demo_batch_text(b, description);
	demo_batch_int(b, st->now);
	demo_batch_int(b, st->now);
	st->counts->ads++;
	st->counts->ad_pieces += count;
	return demo_batch_row_done(b);
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

int dr_ads(struct dr_state *st, struct dr_unit *u)
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
