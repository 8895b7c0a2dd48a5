// ledger_stats.test.mjs — 创建台账 › 台账统计 in the browser: the year's ledger at a glance
// (GET /ledger/stats). An office admin sees the region's key figures exactly as the API answers
// them (activities, participants, volunteers and their share of the staff with the 20 % verdict,
// service hours with the reports waiting, exemplars, aid in 万元 and kg, public-service ads, units
// without a paired community / village), picks a unit made for the test and sees that unit's
// figures (known in advance: 15.0 % of the staff is 不达标 in red, nothing paired, 1 report
// waiting that links to 时长审核), its charts, and for the year before the empty states. A
// liaison sees their own unit only, whatever the address asks for.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, uiLogin, settled, shot, pick, apiGet, T, createUnit, uniqueName, DEMO_PASSWORD } from './lib.mjs';

const digits = (s) => String(s).replace(/[^\d.]/g, '');
const num = (s) => Number(digits(s));
const zh = (n) => Number(n).toLocaleString('zh-CN');

/** A date in Beijing time, YYYY-MM-DD. */
const todayCN = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** The months of this year that are over (Beijing time): 1 … this month − 1. */
const monthsDone = () => Number(todayCN().slice(5, 7)) - 1;

describe('创建台账 › 台账统计 (the ledger overview)', () => {
	let srv;
	let br;
	let admin; // API client
	let liaisonUser; // {unit_id, unit_name}
	let U; // the unit made for the test, its figures known
	const TODAY = todayCN();
	const YEAR = Number(TODAY.slice(0, 4));

	let setupError = null;
	const test = (name, fn) =>
		it(name, async () => {
			if (setupError) throw setupError;
			await fn();
		});

	const created = (r, what) => {
		assert.equal(r.status, 201, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	};

	before(async () => {
		try {
			srv = await startServer();
			admin = await srv.login('admin');
			liaisonUser = (await srv.login('liaison')).user;
			assert.ok(liaisonUser.unit_id, 'the demo liaison has a unit');

			// a unit of 20 staff with 3 volunteers (15.0 %), one activity today with 5 hours served,
			// 2 exemplars, aid of 101.23 万元 and 1,500 kg, 8 ads (5 of them online), 1 report waiting
			U = await createUnit(admin, { name: uniqueName('e2e台账统计单位'), staff_count: 20 });
			const vols = [];
			for (let i = 0; i < 3; i++) {
				const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
				vols.push(
					created(
						await admin.post('/api/v1/volunteers', { unit_id: U.id, name: uniqueName(`统计志愿者${i}`), phone, joined_date: '2024-01-01', status: 'active' }),
						'volunteer',
					),
				);
			}
			const act = created(
				await admin.post('/api/v1/activities', {
					unit_id: U.id, type_code: 'volunteer_service', title: uniqueName('e2e统计志愿服务'), activity_date: TODAY, participants: 40,
				}),
				'activity',
			);
			const served = await admin.put(`/api/v1/activities/${act.id}/volunteers`, {
				version: act.version,
				items: [
					{ volunteer_id: vols[0].id, minutes: 150 },
					{ volunteer_id: vols[1].id, minutes: 90 },
					{ volunteer_id: vols[2].id, minutes: 60 },
				],
			});
			assert.equal(served.status, 200, JSON.stringify(served.body));
			created(await admin.post('/api/v1/exemplars', { unit_id: U.id, kind: 'good_person', name: uniqueName('好人'), level: 'banner', year: YEAR }), 'exemplar');
			created(await admin.post('/api/v1/exemplars', { unit_id: U.id, kind: 'excellent_volunteer', name: uniqueName('志愿者'), level: 'unit', year: YEAR }), 'exemplar');
			created(
				await admin.post('/api/v1/aid', {
					unit_id: U.id, kind: 'purchase_aid', aid_date: TODAY, item: '牛羊肉', quantity: 1500, quantity_unit: 'kg', amount_fen: 1234500,
				}),
				'aid',
			);
			created(await admin.post('/api/v1/aid', { unit_id: U.id, kind: 'donation', aid_date: TODAY, item: '棉衣', amount_fen: 100000000 }), 'aid');
			created(await admin.post('/api/v1/publicity', { unit_id: U.id, carrier: 'wall', theme: uniqueName('讲文明树新风'), count: 3, start_date: TODAY }), 'ad');
			created(
				await admin.post('/api/v1/publicity', { unit_id: U.id, carrier: 'wechat_weibo_app', theme: uniqueName('文明上网'), count: 5, start_date: TODAY }),
				'ad',
			);
			const token = created(await admin.post(`/api/v1/units/${U.id}/self-report-link`), 'link').token;
			created(
				await srv.anon().post(`/api/v1/public/self-report/${token}`, { name: '自报志愿者', phone: '13812345678', service_date: TODAY, minutes: 60 }),
				'self-report',
			);
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
	async function menuGo(page, title, path) {
		await page.locator('.app-menu .el-menu-item', { hasText: title }).click();
		await page.waitForURL((u) => u.pathname === path);
		await settled(page);
	}
	const noHScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
	const text = async (page, sel) => (await page.locator(sel).first().innerText()).replace(/\s+/g, ' ').trim();

	/** The key figures as the page shows them. */
	async function shown(page) {
		const card = (id) => text(page, `${T(`stats-card-${id}`)} .num`);
		const ratio = page.locator(T('stats-volunteer-ratio'));
		return {
			activities: num(await card('total')),
			participants: num(await card('participants')),
			volunteers: num(await card('volunteers')),
			ratio: (await ratio.count()) ? await ratio.innerText() : null,
			verdict: (await ratio.count()) ? await text(page, T('stats-volunteer-verdict')) : null,
			hours: digits(await card('hours')),
			pending: await text(page, T('stats-hours-pending')),
			exemplars: num(await card('exemplars')),
			aidWan: digits(await card('aid')),
			aidKg: num(await text(page, T('stats-aid-kg'))),
			adPieces: num(await card('publicity')),
		};
	}
	/** The same figures from the API's answer. */
	function expected(b) {
		const r = b.volunteers.ratio_percent;
		return {
			activities: b.activities.total,
			participants: b.activities.participants,
			volunteers: b.volunteers.on_roster,
			ratio: r == null ? null : `${r}%`,
			verdict: r == null ? null : Number(r) >= 20 ? '达标' : '不达标',
			hours: b.hours.hours,
			pending: b.hours.reports_pending ? `待审核 ${zh(b.hours.reports_pending)} 条自报时长` : '没有待审核的自报时长',
			exemplars: b.exemplars.total,
			aidWan: b.aid.amount_wan,
			aidKg: b.aid.quantity_kg,
			adPieces: b.publicity.pieces,
		};
	}
	const color = (page, sel) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).color);
	const RED = 'rgb(198, 40, 40)';

	test('admin: the region’s figures are the API’s; a unit’s, its charts, and an empty year', async () => {
		const page = br.page;
		await loginAs('admin', { expectPath: '/' });
		await menuGo(page, '台账统计', '/ledger/stats');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*台账统计/);

		// the whole region (the default)
		const region = (await apiGet(page, `/ledger/stats?year=${YEAR}`)).body;
		assert.equal(region.year, YEAR);
		assert.equal(region.unit, null);
		assert.deepEqual(await shown(page), expected(region));
		assert.ok((await text(page, T('stats-scope'))).includes('准格尔旗（全部单位）'), await text(page, T('stats-scope')));
		assert.ok((await text(page, T('stats-scope'))).includes(`数据截至 ${region.as_of}`));
		assert.equal(num(await text(page, T('stats-pairing-no-community'))), region.pairings.without_community);
		assert.equal(num(await text(page, T('stats-pairing-no-village'))), region.pairings.without_village);
		assert.ok(region.pairings.without_community > 0, 'the demo has units without a community');
		assert.equal(await color(page, T('stats-pairing-no-community')), RED);
		const below = await text(page, T('stats-titled-below'));
		if (region.volunteers.titled_units_below_20) assert.equal(below, `${zh(region.volunteers.titled_units_below_20)} 个文明单位不足 20%`);
		// 结对覆盖 links to the coverage page; no month gaps are listed for a region
		assert.equal(await page.locator(`${T('stats-card-pairings')} a`).getAttribute('href'), '/ledger/coverage');
		assert.equal(await page.locator(T('stats-gap')).count(), 0);
		// the activities' table still counts by type and month (/activities/stats)
		const acts = (await apiGet(page, `/activities/stats?year=${YEAR}`)).body;
		assert.equal(acts.total, region.activities.total);
		const totals = (await page.locator(`${T('stats-table')} tr.el-table__row`).last().locator('td').allInnerTexts()).map((s) => s.trim());
		assert.equal(totals[0], '合计');
		assert.deepEqual(totals.slice(1).map(num), [...acts.months, acts.total]);
		for (const id of ['chart-months', 'stats-exemplars-chart', 'stats-aid-chart', 'stats-publicity-chart']) {
			assert.ok((await page.locator(`${T(id)} canvas`).count()) > 0, `${id} is drawn`);
		}
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'ledger-overview-admin');
		await page.locator(T('stats-hours')).scrollIntoViewIfNeeded();
		await shot(page, 'ledger-overview-admin-charts');

		// the printed page: no menu, no header, no tools
		await page.emulateMedia({ media: 'print' });
		assert.equal(await page.locator('.app-aside').isVisible(), false);
		assert.equal(await page.locator(T('stats-print')).isVisible(), false);
		assert.ok(await page.locator(T('stats-card-total')).isVisible());
		await page.emulateMedia({ media: 'screen' });

		// one unit, picked on the page
		await page.locator(`${T('stats-unit')} input`).click();
		await page.locator(`${T('stats-unit')} input`).fill(U.name);
		await page.locator('.el-select-dropdown__item:visible', { hasText: U.name }).first().click();
		await page.waitForURL((u) => u.searchParams.get('unit_id') === String(U.id));
		await settled(page);
		const one = (await apiGet(page, `/ledger/stats?year=${YEAR}&unit_id=${U.id}`)).body;
		assert.deepEqual(one.unit, { id: U.id, name: U.name, staff_count: 20 });
		const want = {
			activities: 1, participants: 40, volunteers: 3, ratio: '15.0%', verdict: '不达标', hours: '5',
			pending: '待审核 1 条自报时长', exemplars: 2, aidWan: '101.23', aidKg: 1500, adPieces: 8,
		};
		assert.deepEqual(expected(one), want, 'the API counts what the test made');
		assert.deepEqual(await shown(page), want);
		assert.equal(await color(page, T('stats-volunteer-ratio')), RED, '15.0% is shown in red');
		assert.ok((await text(page, T('stats-scope'))).startsWith(U.name));
		assert.ok((await text(page, T('stats-card-publicity'))).includes('含网站、两微一端 5 条'));
		assert.equal(await text(page, T('stats-pairing-community')), '未结对');
		assert.equal(await text(page, T('stats-pairing-village')), '未结对');
		// the months over without an activity are named for one unit
		if (monthsDone()) {
			const gap = await page.locator(`${T('stats-gap')} .el-alert--warning`).innerText();
			const months = Array.from({ length: monthsDone() }, (_, i) => `${i + 1}月`).join('、');
			assert.ok(gap.includes(`${U.name} ${YEAR}年有 ${monthsDone()} 个月没有登记精神文明创建活动：${months}`), gap);
		}
		for (const id of ['chart-months', 'stats-hours-chart', 'stats-exemplars-chart', 'stats-aid-chart', 'stats-publicity-chart']) {
			assert.ok((await page.locator(`${T(id)} canvas`).count()) > 0, `${id} is drawn`);
		}
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'ledger-overview-unit');
		await page.locator(T('stats-hours')).scrollIntoViewIfNeeded();
		await shot(page, 'ledger-overview-unit-charts');

		// the year before: nothing yet, each section says so
		await pick(page, 'stats-year', `${YEAR - 1}年`);
		await page.waitForURL((u) => u.searchParams.get('year') === String(YEAR - 1) && u.searchParams.get('unit_id') === String(U.id));
		await settled(page);
		const last = (await apiGet(page, `/ledger/stats?year=${YEAR - 1}&unit_id=${U.id}`)).body;
		assert.deepEqual(await shown(page), expected(last));
		assert.equal(last.activities.total + last.exemplars.total + last.aid.records + last.publicity.records + last.hours.minutes, 0);
		for (const s of ['activities', 'hours', 'exemplars', 'aid', 'publicity']) {
			await page.locator(T(`stats-${s}-empty`)).waitFor();
		}
		assert.match(await text(page, T('stats-hours-empty')), new RegExp(`${YEAR - 1}年还没有志愿服务时长`));
		assert.match(await text(page, T('stats-aid-empty')), new RegExp(`${YEAR - 1}年还没有帮扶记录，可在「帮扶记录」中登记。`));
		await shot(page, 'ledger-overview-unit-empty');

		// back to this year: the reports waiting lead to 时长审核 for that unit
		await pick(page, 'stats-year', `${YEAR}年`);
		await page.waitForURL((u) => !u.searchParams.has('year'));
		await settled(page);
		await page.locator(T('stats-hours-pending')).click();
		await page.waitForURL((u) => u.pathname === '/ledger/hour-reports' && u.searchParams.get('unit_id') === String(U.id));
		await settled(page);
	});

	test('liaison: their own unit only', async () => {
		const page = br.page;
		await loginAs('liaison');
		await menuGo(page, '台账统计', '/ledger/stats');
		assert.equal(await page.locator(T('stats-unit')).count(), 0, 'no unit to pick');
		assert.equal(await page.locator(T('stats-region')).count(), 0, 'no region to pick');
		const own = (await apiGet(page, `/ledger/stats?year=${YEAR}`)).body;
		const byId = (await apiGet(page, `/ledger/stats?year=${YEAR}&unit_id=${liaisonUser.unit_id}`)).body;
		assert.deepEqual(own.activities, byId.activities, 'a liaison’s statistics are their unit’s');
		assert.deepEqual(own.volunteers, byId.volunteers);
		assert.equal(own.volunteers.units, 1);
		assert.deepEqual(await shown(page), expected(own));
		assert.ok((await text(page, T('stats-scope'))).startsWith(liaisonUser.unit_name));
		// pairing: their own state, linking to 结对共建 (the coverage page is the office's)
		assert.equal(await text(page, T('stats-pairing-community')), own.pairings.with_community ? '已结对' : '未结对');
		assert.equal(await page.locator(`${T('stats-card-pairings')} a`).getAttribute('href'), '/ledger/pairings');
		await page.locator(T('stats-gap')).waitFor();
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'ledger-overview-liaison');

		// another unit in the address is not theirs to see: the page stays on their own
		const asked = [];
		const seen = (r) => {
			if (new URL(r.url()).pathname === '/api/v1/ledger/stats') asked.push(new URL(r.url()).search);
		};
		page.on('request', seen);
		await page.goto(`/ledger/stats?unit_id=${U.id}`);
		await page.locator(T('stats-card-total')).waitFor();
		await settled(page);
		page.off('request', seen);
		assert.ok(asked.length > 0 && asked.every((q) => !q.includes('unit_id')), JSON.stringify(asked));
		assert.deepEqual(await shown(page), expected(own));
		assert.ok((await text(page, T('stats-scope'))).startsWith(liaisonUser.unit_name));
	});

	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});
