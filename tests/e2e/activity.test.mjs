// activity.test.mjs — 创建台账 › 活动记录 and 台账统计 in the browser: a unit's liaison records a
// 「我们的节日·中秋」 activity (the 节日 select shows for that type only; saving without one shows
// the server's message under the field), finds it in the list and on their unit's page, and the
// 台账统计 page's September count goes up by one (page and API agree), with the months without an
// activity called out. An office admin sees it among all units', narrows the list by festival and
// deletes another activity after a confirmation naming it; a leader reads without write buttons.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, openBrowser, uiLogin, settled, shot, input, pick, apiGet, menuTexts, T, createUnit, uniqueName, DEMO_PASSWORD,
} from './lib.mjs';

const tableRows = (page, id) => page.locator(`${T(id)} .el-table__body-wrapper tbody tr.el-table__row`);
const rowTexts = async (row) => (await row.locator('td').allInnerTexts()).map((s) => s.trim());
const num = (s) => Number(String(s).replace(/[^\d]/g, ''));

/** This year in Beijing time (the server's dates). */
function yearCN() {
	return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}
/** The months of this year that are over (Beijing time): 1 … this month − 1. */
function monthsDone() {
	return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: '2-digit' }).format(new Date())) - 1;
}
/** 「1月、2月、4月」: the months over without an activity. */
const gapText = (months) =>
	months
		.slice(0, monthsDone())
		.map((n, i) => (n ? 0 : i + 1))
		.filter(Boolean)
		.map((m) => `${m}月`)
		.join('、');

describe('创建台账 › 活动记录 and 台账统计', () => {
	let srv;
	let br;
	let admin; // API client as admin
	let liaisonUser; // {unit_id, unit_name}
	let created; // the activity recorded through the UI
	const YEAR = yearCN();
	const DATE = `${YEAR}-09-25`; // a September day of this year (中秋 2026 is 09-25)
	const TITLE = uniqueName('e2e中秋诵读会');

	let setupError = null;
	const test = (name, fn) =>
		it(name, async () => {
			if (setupError) throw setupError;
			await fn();
		});

	before(async () => {
		try {
			srv = await startServer();
			admin = await srv.login('admin');
			liaisonUser = (await srv.login('liaison')).user;
			assert.ok(liaisonUser.unit_id, 'the demo liaison has a unit');
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
	/** The 台账统计 table's 合计 row: [label, 1月 … 12月, 合计] as numbers after the label. */
	async function statsTotals(page) {
		const row = tableRows(page, 'stats-table').filter({ hasText: '合计' }).last();
		const c = await rowTexts(row);
		assert.equal(c[0], '合计');
		return c.slice(1).map(num);
	}

	test('liaison: records a 我们的节日·中秋 activity; 台账统计 counts it in September', async () => {
		const page = br.page;
		await loginAs('liaison');
		const menu = await menuTexts(page);
		for (const t of ['创建台账', '结对共建', '活动记录', '台账统计']) assert.ok(menu.includes(t), JSON.stringify(menu));

		// 台账统计 before: the page shows the API's figures for the liaison's unit
		await menuGo(page, '台账统计', '/ledger/stats');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*台账统计/);
		const s0 = (await apiGet(page, `/activities/stats?year=${YEAR}`)).body;
		assert.equal(s0.year, YEAR);
		const t0 = await statsTotals(page);
		assert.equal(t0[8], s0.months[8], 'September on the page is the API’s');
		assert.equal(t0[12], s0.total);
		assert.equal(num(await page.locator(`${T('stats-card-total')} .num`).innerText()), s0.total);

		// 活动记录 › 新增
		await menuGo(page, '活动记录', '/ledger/activities');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*活动记录/);
		const heads = (await page.locator(`${T('activity-table')} .el-table__header-wrapper th`).allInnerTexts()).map((s) => s.trim());
		assert.ok(!heads.includes('单位名称'), `a liaison's list has no unit column: ${heads}`);
		assert.deepEqual(heads.slice(0, 3), ['活动日期', '活动名称', '类型']);
		await page.locator(T('activity-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增活动记录' });
		await dialog.waitFor();
		assert.equal(await input(page, 'activity-form-unit').inputValue(), liaisonUser.unit_name);
		assert.ok(await input(page, 'activity-form-unit').isDisabled(), 'the unit is theirs, fixed');
		// the festival is asked for 「我们的节日」 only
		assert.equal(await page.locator(T('activity-form-festival')).count(), 0);
		await pick(page, 'activity-form-type', '志愿服务');
		assert.equal(await page.locator(T('activity-form-festival')).count(), 0, 'no festival for 志愿服务');
		await pick(page, 'activity-form-type', '我们的节日');
		await page.locator(T('activity-form-festival')).waitFor();
		await input(page, 'activity-form-title').fill(TITLE);
		const date = input(page, 'activity-form-date');
		await date.fill(DATE);
		await date.press('Enter');
		assert.equal(await date.inputValue(), DATE);
		await input(page, 'activity-form-place').fill('单位职工之家');
		await input(page, 'activity-form-participants').fill('120');
		await input(page, 'activity-form-participants').press('Tab');
		await input(page, 'activity-form-description').fill('诵读中秋诗词、制作月饼，邀请共建社区居民参加。');
		assert.match(await dialog.locator('.el-input__count').last().innerText(), /\/\s*2000/);

		// without a festival the server says so, under 节日
		let answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/activities');
		await page.locator(T('activity-form-save')).click();
		let r = await answer;
		assert.equal(r.status(), 400, await r.text());
		const err = (await r.json()).error;
		assert.equal(err.field, 'festival');
		const festivalItem = dialog.locator('.el-form-item').filter({ has: page.locator(T('activity-form-festival')) });
		await festivalItem.locator('.el-form-item__error', { hasText: err.message }).waitFor();
		await shot(page, 'activity-form-festival-missing');

		await pick(page, 'activity-form-festival', '中秋');
		await festivalItem.locator('.el-form-item__error').waitFor({ state: 'detached' }); // the message goes with a choice
		await shot(page, 'activity-form');
		answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/activities');
		await page.locator(T('activity-form-save')).click();
		r = await answer;
		assert.equal(r.status(), 201, await r.text());
		created = await r.json();
		assert.equal(created.unit_id, liaisonUser.unit_id);
		assert.equal(created.type_code, 'our_festivals');
		assert.equal(created.festival, 'mid_autumn');
		assert.equal(created.activity_date, DATE);
		assert.equal(created.year, YEAR);
		assert.equal(created.participants, 120);
		assert.equal(created.role, 'hosted');
		// saved, the dialog offers the activity's photos (ledger_files.test.mjs uploads one); 完成 closes it
		await dialog.locator(T('activity-form-files')).waitFor();
		await dialog.locator(T('activity-form-done')).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('.el-message--success', { hasText: '活动记录已新增' }).waitFor();
		await settled(page);

		// listed (this year by default)
		const rows = tableRows(page, 'activity-table').filter({ hasText: TITLE });
		assert.equal(await rows.count(), 1);
		const c = await rowTexts(rows.first());
		// 活动日期, 活动名称, 类型, 地点, 共建对象, 参与人数, 方式, 操作
		assert.equal(c[0], DATE);
		assert.equal(c[1], TITLE);
		assert.equal(c[2], '我们的节日·中秋');
		assert.equal(c[3], '单位职工之家');
		assert.equal(c[5], '120 人');
		assert.equal(c[6], '主办');
		assert.match(c[7], /查看\s*编辑\s*删除/);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'activities-liaison');

		// 编辑: another type drops the festival; leaving with changes asks first
		await rows.first().locator(T('activity-edit')).click();
		const edit = page.locator('.el-dialog', { hasText: '编辑活动记录' });
		await edit.waitFor();
		await page.locator(T('activity-form-festival')).waitFor();
		await pick(page, 'activity-form-type', '文体活动');
		assert.equal(await page.locator(T('activity-form-festival')).count(), 0);
		await edit.getByRole('button', { name: '取消' }).click();
		await page.locator('.el-message-box', { hasText: '有未保存的修改' }).getByRole('button', { name: '放弃修改' }).click();
		await edit.waitFor({ state: 'hidden' });
		assert.equal((await apiGet(page, `/activities/${created.id}`)).body.festival, 'mid_autumn', 'unchanged');

		// 台账统计 after: September counts one more, on the page and in the API
		await menuGo(page, '台账统计', '/ledger/stats');
		const s1 = (await apiGet(page, `/activities/stats?year=${YEAR}`)).body;
		assert.equal(s1.months[8], s0.months[8] + 1);
		assert.equal(s1.total, s0.total + 1);
		assert.equal(s1.participants, s0.participants + 120);
		const t1 = await statsTotals(page);
		assert.equal(t1[8], t0[8] + 1, 'September on the page');
		assert.equal(t1[12], t0[12] + 1);
		const festivals = await rowTexts(tableRows(page, 'stats-table').filter({ hasText: '我们的节日' }).first());
		assert.ok(num(festivals[9]) >= 1, `我们的节日 in September: ${festivals}`);
		assert.equal(num(await page.locator(`${T('stats-card-total')} .num`).innerText()), s1.total);
		assert.equal(num(await page.locator(`${T('stats-card-participants')} .num`).innerText()), s1.participants);
		// months of this year without an activity are named (a liaison's stats are their unit's)
		const gap = page.locator(T('stats-gap'));
		if (gapText(s1.months)) assert.ok((await gap.locator('.el-alert--warning').innerText()).includes(`：${gapText(s1.months)}\n`));
		else if (monthsDone()) await gap.locator('.el-alert--success').waitFor();
		assert.ok(await page.locator(`${T('chart-months')} canvas`).count() > 0, 'the chart is drawn');
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'ledger-stats-liaison');
		await page.locator(T('stats-table')).scrollIntoViewIfNeeded();
		await shot(page, 'ledger-stats-liaison-table');

		// the unit's page lists it, with this year's count
		await page.goto(`/units/${liaisonUser.unit_id}`);
		await page.locator(T('unit-detail-name')).waitFor();
		await settled(page);
		const year = (await apiGet(page, `/activities?unit_id=${liaisonUser.unit_id}&year=${YEAR}&per_page=1`)).body.total;
		const yearText = await page.locator(T('unit-activities-year')).innerText();
		assert.equal(yearText.replace(/\s+/g, ' ').trim(), `${YEAR}年 ${year} 次`);
		const card = tableRows(page, 'unit-activities').filter({ hasText: TITLE });
		assert.equal(await card.count(), 1);
		assert.equal((await rowTexts(card.first()))[2], '我们的节日·中秋');
		await page.locator(T('unit-activities-card')).scrollIntoViewIfNeeded();
		await shot(page, 'unit-detail-activities');
		await page.locator(T('unit-activities-all')).click();
		await page.waitForURL((u) => u.pathname === '/ledger/activities' && u.searchParams.get('unit_id') === String(liaisonUser.unit_id));
		await settled(page);
		assert.equal(await tableRows(page, 'activity-table').filter({ hasText: TITLE }).count(), 1);
	});

	test('admin: the office list, the festival filter and a delete naming the activity', async () => {
		const page = br.page;
		// a new unit with two March activities; one is deleted through the UI
		const other = await createUnit(admin, { name: uniqueName('e2e活动测试单位') });
		const kept = await admin.post('/api/v1/activities', {
			unit_id: other.id, type_code: 'lei_feng', title: '学雷锋志愿服务', activity_date: `${YEAR}-03-05`, participants: 30,
		});
		assert.equal(kept.status, 201, JSON.stringify(kept.body));
		const doomedTitle = uniqueName('e2e待删除活动');
		const doomed = await admin.post('/api/v1/activities', {
			unit_id: other.id, type_code: 'volunteer_service', title: doomedTitle, activity_date: `${YEAR}-03-20`,
		});
		assert.equal(doomed.status, 201, JSON.stringify(doomed.body));

		await loginAs('admin', { expectPath: '/' });
		await menuGo(page, '活动记录', '/ledger/activities');
		const heads = (await page.locator(`${T('activity-table')} .el-table__header-wrapper th`).allInnerTexts()).map((s) => s.trim());
		assert.deepEqual(heads.slice(0, 3), ['单位名称', '活动日期', '活动名称']);
		const api = (await apiGet(page, `/activities?year=${YEAR}&per_page=1`)).body;
		await page.getByText(`共 ${api.total.toLocaleString('zh-CN')} 条活动记录`).waitFor();

		// 我们的节日 › 中秋 finds the liaison's
		assert.equal(await page.locator(T('activity-search-festival')).count(), 0);
		await pick(page, 'activity-search-type', '我们的节日');
		await pick(page, 'activity-search-festival', '中秋');
		await input(page, 'activity-search-q').fill(TITLE);
		await input(page, 'activity-search-q').press('Enter');
		await page.waitForURL((u) => u.searchParams.get('festival') === 'mid_autumn' && u.searchParams.get('type') === 'our_festivals');
		await settled(page);
		let rows = tableRows(page, 'activity-table');
		assert.equal(await rows.count(), 1);
		const c = await rowTexts(rows.first());
		assert.equal(c[0], liaisonUser.unit_name);
		assert.equal(c[1], DATE);
		assert.equal(c[3], '我们的节日·中秋');
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'activities-admin');

		// 查看
		await rows.first().locator(T('activity-view')).click();
		const view = page.locator('.el-dialog').filter({ has: page.locator(T('activity-view-desc')) });
		await view.waitFor();
		assert.ok((await view.innerText()).includes('诵读中秋诗词'));
		await view.getByRole('button', { name: '关闭', exact: true }).click();
		await view.waitFor({ state: 'hidden' });

		// 查看 › 编辑: a changed figure is all the PATCH sends
		await rows.first().locator(T('activity-view')).click();
		await view.waitFor();
		await page.locator(T('activity-view-edit')).click();
		const edit = page.locator('.el-dialog', { hasText: '编辑活动记录' });
		await edit.waitFor();
		await input(page, 'activity-form-participants').fill('150');
		await input(page, 'activity-form-participants').press('Tab');
		const patch = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/v1/activities/${created.id}`);
		await page.locator(T('activity-form-save')).click();
		const pr = await patch;
		assert.equal(pr.status(), 200, await pr.text());
		assert.deepEqual(JSON.parse(pr.request().postData()), { version: created.version, participants: 150 });
		await edit.waitFor({ state: 'hidden' });
		await settled(page);
		assert.equal((await rowTexts(rows.first()))[6], '150 人');

		// 删除 after a confirmation naming it
		await page.getByRole('button', { name: '重置' }).click();
		await input(page, 'activity-search-q').fill(doomedTitle);
		await input(page, 'activity-search-q').press('Enter');
		await page.waitForURL((u) => u.searchParams.get('q') === doomedTitle);
		await settled(page);
		rows = tableRows(page, 'activity-table');
		assert.equal(await rows.count(), 1);
		await rows.first().locator(T('activity-delete')).click();
		const box = page.locator('.el-message-box', { hasText: '删除活动记录' });
		await box.waitFor();
		const text = await box.innerText();
		assert.ok(text.includes(`「${doomedTitle}」`) && text.includes(`「${other.name}」`), text);
		const del = page.waitForResponse((r) => r.request().method() === 'DELETE' && new URL(r.url()).pathname === `/api/v1/activities/${doomed.body.id}`);
		await box.getByRole('button', { name: '删除' }).click();
		assert.equal((await del).status(), 204);
		await page.locator('.el-message--success', { hasText: '活动记录已删除' }).waitFor();
		await settled(page);
		assert.equal(await tableRows(page, 'activity-table').count(), 0);
		assert.equal((await apiGet(page, `/activities/${doomed.body.id}`)).status, 404);

		// 台账统计 for that unit (picked on the page) names the months without an activity
		await menuGo(page, '台账统计', '/ledger/stats');
		const office = (await apiGet(page, `/activities/stats?year=${YEAR}`)).body;
		assert.deepEqual(await statsTotals(page), [...office.months, office.total], 'the region’s figures');
		assert.equal(await page.locator(T('stats-gap')).count(), 0, 'no gap list without a unit');
		await shot(page, 'ledger-stats-admin');
		await page.locator(`${T('stats-unit')} input`).click();
		await page.locator(`${T('stats-unit')} input`).fill(other.name);
		await page.locator('.el-select-dropdown__item:visible', { hasText: other.name }).first().click();
		await page.waitForURL((u) => u.searchParams.get('unit_id') === String(other.id));
		await settled(page);
		const s = (await apiGet(page, `/activities/stats?year=${YEAR}&unit_id=${other.id}`)).body;
		assert.deepEqual(s.months, [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
		assert.deepEqual(await statsTotals(page), [...s.months, 1]);
		const gap = page.locator(T('stats-gap'));
		if (gapText(s.months)) {
			const text = await gap.locator('.el-alert--warning').innerText();
			assert.ok(text.includes(`${other.name} ${YEAR}年有`) && text.includes(`：${gapText(s.months)}\n`), text);
			assert.ok(text.includes('每月一次精神文明创建活动'), text);
		}
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'ledger-stats-admin-unit');
	});

	test('leader reads 活动记录 without write buttons', async () => {
		const page = br.page;
		await loginAs('leader', { expectPath: '/' });
		const menu = await menuTexts(page);
		for (const t of ['活动记录', '台账统计']) assert.ok(menu.includes(t), JSON.stringify(menu));
		await menuGo(page, '活动记录', '/ledger/activities');
		assert.ok((await tableRows(page, 'activity-table').count()) >= 1);
		assert.equal(await page.locator(T('activity-new')).count(), 0);
		assert.equal(await page.locator(T('activity-edit')).count(), 0);
		assert.ok((await rowTexts(tableRows(page, 'activity-table').first())).at(-1).includes('查看'));
	});

	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});
