// activity_gaps.test.mjs — 台账统计 › 每月活动检查 in the browser: the office-wide check of
// 「每月一次精神文明创建活动」 (GET /activities/gaps). On the region view an office admin sees, for
// a past year, the line 「YYYY年1—12月，已检查 N 个文明单位，M 个单位有月份未开展活动」 and the units
// with their missing months, year's total and 12-month strip exactly as the API answers them;
// sorts by the gaps; switches to 全部在册单位 (titled=false) and gets that answer; exports the
// table as CSV; opens a unit (the page filtered to it, whose month warning names the same
// months). A city admin's region selector narrows it; a year without gaps is an all-clear; a
// viewer sees it too; a liaison never does (nor is it asked for).
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, openBrowser, uiLogin, settled, shot, pick, apiGet, T, DEMO_PASSWORD, SHOT_DIR } from './lib.mjs';

const zh = (n) => Number(n).toLocaleString('zh-CN');
const todayCN = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The line above the table, as the page words the API's answer. */
function summaryOf(a, scope = '') {
	const word = a.titled_only ? '文明单位' : '在册单位';
	const t = a.through_month;
	if (t <= 0) return `${a.year}年还没有已结束的月份，下月起检查每月的活动`;
	if (!a.units_checked) return `${scope || '所选范围内'}没有${word}，无需检查`;
	const period = t === 1 ? `${a.year}年1月` : `${a.year}年1—${t}月`;
	const checked = `${period}，已检查 ${zh(a.units_checked)} 个${word}`;
	return a.units_with_gaps ? `${checked}，${zh(a.units_with_gaps)} 个单位有月份未开展活动` : `${checked}，每个单位每月都开展了精神文明创建活动`;
}
/** The missing months' tags: 「7月」, three or more in a row as 「2—11月」. */
function runs(months) {
	const out = [];
	for (let i = 0; i < months.length; ) {
		let j = i;
		while (j + 1 < months.length && months[j + 1] === months[j] + 1) j++;
		if (j - i >= 2) out.push(`${months[i]}—${months[j]}月`);
		else for (let k = i; k <= j; k++) out.push(`${months[k]}月`);
		i = j + 1;
	}
	return out;
}
/** A unit's row as the page should show it. */
const rowOf = (u, through) => ({
	name: u.unit_name,
	missing: u.missing_months.join(','),
	count: `${u.missing_months.length} 个月`,
	tags: runs(u.missing_months),
	total: `${zh(u.activities)} 次`,
	strip: u.months.map((n, i) => `${i + 1 > through ? 'later' : n ? 'has' : 'gap'}:${n || ''}`),
});

describe('台账统计 › 每月活动检查 (the monthly activity check)', () => {
	let srv;
	let br;
	const YEAR = Number(todayCN().slice(0, 4));
	const PAST = YEAR - 1;

	let setupError = null;
	const test = (name, fn) =>
		it(name, async () => {
			if (setupError) throw setupError;
			await fn();
		});

	before(async () => {
		try {
			srv = await startServer();
			br = await openBrowser(srv.base);
		} catch (e) {
			setupError = e;
		}
	});
	afterEach(() => {
		const seen = br ? br.problems.splice(0) : [];
		assert.deepEqual(seen, []);
	});
	after(async () => {
		try {
			await br?.close();
		} finally {
			await srv?.stop();
		}
	});

	async function loginAs(username, opts) {
		await br.ctx.clearCookies();
		await uiLogin(br.page, username, DEMO_PASSWORD, opts);
	}
	const noHScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
	const text = async (page, sel) => (await page.locator(sel).first().innerText()).replace(/\s+/g, ' ').trim();
	const summary = (page) => text(page, `${T('month-check')} .el-alert__title`);
	/** The answer the page is showing (the last GET /activities/gaps it made). */
	const gapsAnswer = (page, pred = () => true) =>
		page.waitForResponse((r) => {
			const u = new URL(r.url());
			return u.pathname === '/api/v1/activities/gaps' && pred(u.searchParams);
		});
	/** The table's rows as shown. */
	const shownRows = (page) =>
		page.locator(`${T('month-check-table')} .el-table__body tr.el-table__row`).evaluateAll((trs) =>
			trs.map((tr) => {
				const q = (s) => tr.querySelector(s);
				const t = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : '');
				return {
					name: t(q('[data-test="month-check-unit"]')),
					missing: q('[data-test="month-check-missing"]').getAttribute('data-missing'),
					count: t(q('.gap-n')),
					tags: [...tr.querySelectorAll('[data-test="month-check-missing"] .el-tag')].map(t),
					total: t(q('[data-test="month-check-total"]')),
					strip: [...tr.querySelectorAll('[data-test="month-check-strip"] .cell')].map(
						(c) => `${['has', 'gap', 'later'].find((k) => c.classList.contains(k))}:${t(c)}`,
					),
				};
			}),
		);
	async function sectionShot(page, name) {
		await page.locator(T('month-check')).scrollIntoViewIfNeeded();
		await page.locator(T('month-check')).screenshot({ path: path.join(SHOT_DIR, `${name}-section.png`) });
		await shot(page, name);
	}

	test('admin: a past year’s units with gaps are the API’s; sorting, 全部在册单位, export, a unit', async () => {
		const page = br.page;
		await loginAs('admin', { expectPath: '/' });

		// this year (the page's default): the months that are over are checked
		await page.goto('/ledger/stats');
		await page.locator(T('month-check')).waitFor();
		await settled(page);
		const now = (await apiGet(page, `/activities/gaps?year=${YEAR}`)).body;
		assert.equal(now.through_month, Number(todayCN().slice(5, 7)) - 1);
		assert.equal(await summary(page), summaryOf(now));
		if (now.units_with_gaps) assert.deepEqual(await shownRows(page), now.units.map((u) => rowOf(u, now.through_month)));
		await sectionShot(page, 'month-check-admin-this-year');

		// the year before, through the page's year selector
		const answered = gapsAnswer(page, (q) => q.get('year') === String(PAST));
		await pick(page, 'stats-year', `${PAST}年`);
		await page.waitForURL((u) => u.searchParams.get('year') === String(PAST));
		await answered;
		await settled(page);
		const api = (await apiGet(page, `/activities/gaps?year=${PAST}`)).body;
		assert.equal(api.titled_only, true);
		assert.equal(api.through_month, 12);
		assert.ok(api.units_with_gaps > 0, 'the demo has titled units with gaps in the year before');
		assert.equal(api.units.length, api.units_with_gaps);
		assert.equal(await summary(page), summaryOf(api));
		assert.match(await summary(page), new RegExp(`^${PAST}年1—12月，已检查 \\d+ 个文明单位，\\d+ 个单位有月份未开展活动$`));
		const want = api.units.map((u) => rowOf(u, 12));
		assert.deepEqual(await shownRows(page), want, 'the rows are the API’s, most gaps first');
		assert.equal(await page.locator(`${T('month-check-table')} .titled`).count(), 0, 'no 文明单位 tags when only titled units are listed');
		// a missing month is red, a month with activities is not
		const first = page.locator(`${T('month-check-table')} tr.el-table__row`).first();
		const gapCell = first.locator(`${T('month-check-strip')} .cell.gap`).first();
		assert.equal(await gapCell.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(253, 226, 226)');
		assert.equal(await first.locator('.el-tag--danger').count(), runs(api.units[0].missing_months).length);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await sectionShot(page, 'month-check-admin');

		// sortable by the gaps: fewest first, then back to most first
		const header = page.locator(`${T('month-check-table')} th`, { hasText: '缺项月份' });
		await header.click();
		const asc = [...api.units].map((u, i) => ({ u, i })).sort((a, b) => a.u.missing_months.length - b.u.missing_months.length || a.i - b.i);
		assert.deepEqual(await shownRows(page), asc.map(({ u }) => rowOf(u, 12)));
		assert.ok(await header.evaluate((e) => e.classList.contains('ascending')));
		await header.click();
		assert.deepEqual(await shownRows(page), want);

		// 全部在册单位: the API's titled=false answer
		const all = (await apiGet(page, `/activities/gaps?year=${PAST}&titled=false`)).body;
		assert.equal(all.titled_only, false);
		assert.ok(all.units_with_gaps > api.units_with_gaps, 'more units have gaps among all the units on the roster');
		const allAnswered = gapsAnswer(page, (q) => q.get('titled') === 'false' && q.get('year') === String(PAST));
		await page.locator(`${T('month-check-titled')} .el-radio-button`, { hasText: '全部在册单位' }).click();
		await allAnswered;
		await settled(page);
		assert.equal(await summary(page), summaryOf(all));
		assert.ok((await summary(page)).includes(`已检查 ${zh(all.units_checked)} 个在册单位，${zh(all.units_with_gaps)} 个单位有月份未开展活动`));
		assert.deepEqual(await shownRows(page), all.units.map((u) => rowOf(u, 12)));
		assert.equal(await page.locator(`${T('month-check-table')} .titled`).count(), all.units.filter((u) => u.titled).length);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await sectionShot(page, 'month-check-admin-all');

		// 导出数据: the table as CSV
		const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(T('month-check-export')).click()]);
		assert.equal(dl.suggestedFilename(), `准格尔旗-${PAST}年1—12月每月活动检查（全部在册单位）.csv`);
		const csv = readFileSync(await dl.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
		assert.equal(csv[0], '单位名称,行政区划,文明单位,缺项月份,缺项月数,全年活动(次),1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月');
		assert.equal(csv.length, all.units.length + 1);
		const u0 = all.units[0];
		assert.equal(
			csv[1],
			[u0.unit_name, '准格尔旗', u0.titled ? '是' : '否', u0.missing_months.map((m) => `${m}月`).join('、'), u0.missing_months.length, u0.activities, ...u0.months].join(','),
		);

		// a unit's name opens the page filtered to that unit: its own month warning, same months
		const u = all.units[0];
		await page.locator(T('month-check-unit'), { hasText: u.unit_name }).first().click();
		await page.waitForURL((x) => x.searchParams.get('unit_id') === String(u.unit_id) && x.searchParams.get('year') === String(PAST));
		await page.locator(T('stats-gap')).waitFor();
		await settled(page);
		assert.equal(await page.locator(T('month-check')).count(), 0, 'no office-wide check for one unit');
		const warn = await text(page, `${T('stats-gap')} .el-alert--warning`);
		assert.ok(
			warn.includes(`${PAST}年有 ${u.missing_months.length} 个月没有登记精神文明创建活动：${u.missing_months.map((m) => `${m}月`).join('、')}`),
			warn,
		);

		// a year without gaps among the titled units: the all-clear
		let clear = null;
		for (let y = PAST - 1; y >= PAST - 4 && !clear; y--) {
			const a = (await apiGet(page, `/activities/gaps?year=${y}`)).body;
			if (a.units_checked && !a.units_with_gaps) clear = a;
		}
		if (clear) {
			await page.goto(`/ledger/stats?year=${clear.year}`);
			await page.locator(T('month-check-clear')).waitFor();
			await settled(page);
			assert.equal(await summary(page), summaryOf(clear));
			assert.equal(await page.locator(T('month-check-table')).count(), 0);
			assert.equal(await page.locator(T('month-check-export')).count(), 0);
			await sectionShot(page, 'month-check-clear');
		}
	});

	test('city admin: the region selector narrows the check', async () => {
		const page = br.page;
		await loginAs('ordos');
		await page.goto(`/ledger/stats?year=${PAST}`);
		await page.locator(T('month-check-table')).waitFor();
		await settled(page);
		const city = (await apiGet(page, `/activities/gaps?year=${PAST}`)).body;
		assert.equal(await summary(page), summaryOf(city));
		assert.deepEqual(await shownRows(page), city.units.map((u) => rowOf(u, 12)));
		const regions = new Set(city.units.map((u) => u.region_code));
		assert.ok(regions.size > 1, 'the city’s units with gaps are in more than one banner');
		assert.equal(await page.locator(`${T('month-check-table')} th`, { hasText: '行政区划' }).count(), 1);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await sectionShot(page, 'month-check-city');

		// 准格尔旗 in the page's region selector
		const answered = gapsAnswer(page, (q) => q.get('region') === '150622');
		await page.locator(`${T('stats-region')} input`).fill('准格尔旗');
		await page.locator('.el-cascader__suggestion-item:visible', { hasText: '准格尔旗' }).first().click();
		await page.waitForURL((u) => u.searchParams.get('region') === '150622' && u.searchParams.get('year') === String(PAST));
		await answered;
		await settled(page);
		const banner = (await apiGet(page, `/activities/gaps?year=${PAST}&region=150622`)).body;
		assert.ok(banner.units_checked < city.units_checked);
		assert.equal(await summary(page), summaryOf(banner));
		assert.deepEqual(await shownRows(page), banner.units.map((u) => rowOf(u, 12)));
		assert.equal(await page.locator(`${T('month-check-table')} th`, { hasText: '行政区划' }).count(), 0, 'one banner: no region column');
	});

	test('viewer: sees the check', async () => {
		const page = br.page;
		await loginAs('leader');
		await page.goto(`/ledger/stats?year=${PAST}`);
		await page.locator(T('month-check-table')).waitFor();
		await settled(page);
		const api = (await apiGet(page, `/activities/gaps?year=${PAST}`)).body;
		assert.equal(await summary(page), summaryOf(api));
		assert.deepEqual(await shownRows(page), api.units.map((u) => rowOf(u, 12)));
	});

	test('liaison: never sees the check (their own month warning instead)', async () => {
		const page = br.page;
		await loginAs('liaison');
		const asked = [];
		const seen = (r) => {
			if (new URL(r.url()).pathname === '/api/v1/activities/gaps') asked.push(r.url());
		};
		page.on('request', seen);
		for (const q of [`?year=${PAST}`, `?year=${PAST}&region=150622`, '']) {
			await page.goto(`/ledger/stats${q}`);
			await page.locator(T('stats-card-total')).waitFor();
			await settled(page);
			assert.equal(await page.locator(T('month-check')).count(), 0, q);
		}
		page.off('request', seen);
		assert.deepEqual(asked, []);
		await page.goto(`/ledger/stats?year=${PAST}`);
		await page.locator(T('stats-gap')).waitFor();
		await settled(page);
		assert.ok(await noHScroll(page));
		await shot(page, 'month-check-liaison');
	});

	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});
