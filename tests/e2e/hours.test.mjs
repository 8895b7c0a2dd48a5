// hours.test.mjs — volunteers' service hours in the browser. A unit's liaison generates the
// 志愿者自报链接 on 时长审核 (and regenerates it: the old link stops working); an anonymous phone
// (375×812) opens the link, is told what is missing under each field, and reports 2.5 hours with
// a phone that is on the roster; the liaison approves it and the volunteer's 服务时长 shows 2.5 on
// the volunteer list. A report from an unknown phone is approved by choosing the volunteer; another
// is declined with a reason. An office admin records who served in an activity: the same hours
// for all, a bad hours value caught on its row, the server's objection to a volunteer who was not
// yet on the roster shown on that volunteer's row, then saved as whole minutes; editing the
// activity afterwards still works (its version moved with the list).
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, uiLogin, settled, shot, input, apiGet, menuTexts, T, uniqueName, DEMO_PASSWORD } from './lib.mjs';

const tableRows = (page, id) => page.locator(`${T(id)} .el-table__body-wrapper tbody tr.el-table__row`);
const randomPhone = (prefix) => `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A date in Beijing time, `days` before today, YYYY-MM-DD. */
function dayCN(days = 0) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(Date.now() - days * 86400000),
	);
}

describe('服务时长: 自报链接, 时长审核 and 服务志愿者', () => {
	let srv;
	let br; // desktop (1366×768)
	let phone; // an anonymous phone (375×812)
	let liaison; // API client
	let liaisonUser; // {unit_id, unit_name}
	let anon; // API client without a session
	const VOL1 = { name: uniqueName('志愿者甲'), phone: randomPhone('138') }; // reports through the phone
	const VOL2 = { name: uniqueName('志愿者乙'), phone: randomPhone('137') }; // reports with another phone
	const LATE = { name: uniqueName('新志愿者'), phone: randomPhone('136') }; // joined after the activity
	const ACT_DATE = dayCN(10);
	const TITLE = uniqueName('e2e社区清洁志愿服务');
	let activity;
	let linkPath = '';
	let demoApproved = 0; // the demo's approved reports of the liaison's unit

	let setupError = null;
	const test = (name, fn) =>
		it(name, async () => {
			if (setupError) throw setupError;
			await fn();
		});

	before(async () => {
		try {
			srv = await startServer();
			liaison = await srv.login('liaison');
			liaisonUser = liaison.user;
			assert.ok(liaisonUser.unit_id, 'the demo liaison has a unit');
			// the demo opens the liaison's unit's self-report link (src/cli/demo_hours.c): start without one
			const link = `/api/v1/units/${liaisonUser.unit_id}/self-report-link`;
			if ((await liaison.get(link)).body?.token) assert.equal((await liaison.delete(link)).status, 204);
			// and it holds some decided reports of that unit
			demoApproved = (await liaison.get(`/api/v1/hour-reports?unit_id=${liaisonUser.unit_id}&status=approved&per_page=1`)).body.total;
			anon = srv.anon();
			for (const [v, joined] of [
				[VOL1, '2024-01-01'],
				[VOL2, '2024-01-01'],
				[LATE, dayCN(0)],
			]) {
				const r = await liaison.post('/api/v1/volunteers', { unit_id: liaisonUser.unit_id, name: v.name, phone: v.phone, joined_date: joined, status: 'active' });
				assert.equal(r.status, 201, JSON.stringify(r.body));
				v.id = r.body.id;
			}
			const a = await liaison.post('/api/v1/activities', {
				unit_id: liaisonUser.unit_id,
				type_code: 'volunteer_service',
				title: TITLE,
				activity_date: ACT_DATE,
				role: 'hosted',
				place: '幸福社区',
			});
			assert.equal(a.status, 201, JSON.stringify(a.body));
			activity = a.body;
			br = await openBrowser(srv.base);
			phone = await openBrowser(srv.base);
			await phone.page.setViewportSize({ width: 375, height: 812 });
		} catch (e) {
			setupError = e;
		}
	});
	afterEach(() => {
		const seen = [...(br ? br.problems.splice(0) : []), ...(phone ? phone.problems.splice(0) : [])];
		assert.deepEqual(seen, []);
	});
	after(async () => {
		try {
			await phone?.close();
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
	/** Types `query` into the remote el-select `id` and picks the option showing `text`. */
	async function remotePick(page, id, query, text = query, apiPath = '/api/v1/volunteers') {
		// the list may open with that query already (a dialog's first guess): wait for either
		const answer = page.waitForResponse((r) => new URL(r.url()).pathname === apiPath && new URL(r.url()).searchParams.get('q') === query);
		await page.locator(T(id)).first().click();
		await page.keyboard.type(query);
		await answer;
		const opt = page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first();
		await opt.click();
		await opt.waitFor({ state: 'hidden' });
	}
	async function confirmBox(page, button, textRe) {
		const box = page.locator('.el-message-box');
		await box.waitFor();
		if (textRe) assert.match(await box.innerText(), textRe);
		await box.locator('.el-button', { hasText: button }).click();
		await box.waitFor({ state: 'hidden' });
	}

	test('liaison: generates the self-report link on 时长审核, then regenerates it (the old one stops working)', async () => {
		const page = br.page;
		await loginAs('liaison');
		const menu = await menuTexts(page);
		assert.ok(menu.includes('时长审核'), JSON.stringify(menu));
		await menuGo(page, '时长审核', '/ledger/hour-reports');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*时长审核/);
		const card = page.locator(T('self-report-card'));
		await card.waitFor();
		assert.match(await card.innerText(), /尚未开通自报链接/);
		assert.equal(await card.locator(T('self-report-unit')).count(), 0, 'a liaison’s card is their own unit’s');

		let answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/units/${liaisonUser.unit_id}/self-report-link`));
		await card.locator(T('self-report-create')).click();
		let r = await answer;
		assert.equal(r.status(), 201);
		const first = await r.json();
		const url1 = await input(page, 'self-report-url').inputValue();
		assert.equal(url1, `${srv.base}${first.path}`, 'the full link: the page’s origin and the path');
		await card.locator(T('self-report-qr')).waitFor();
		assert.match(await card.locator(T('self-report-qr')).getAttribute('src'), /^data:image\/png;base64,/);
		await card.locator(T('self-report-copy')).click();
		await page.locator('.el-message', { hasText: '链接已复制' }).waitFor();

		// 重新生成: a confirmation that says the old link stops working
		await card.locator(T('self-report-rotate')).click();
		answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/units/${liaisonUser.unit_id}/self-report-link`));
		await confirmBox(page, '重新生成', /原来的自报链接和二维码将立即失效/);
		r = await answer;
		assert.equal(r.status(), 201);
		const second = await r.json();
		assert.notEqual(second.token, first.token);
		await page.waitForFunction(
			([sel, want]) => document.querySelector(sel)?.value === want,
			[`input${T('self-report-url')}`, `${srv.base}${second.path}`],
		);
		assert.equal((await anon.get(`/api/v1/public/self-report/${first.token}`)).status, 404, 'the old link is dead');
		assert.equal((await anon.get(`/api/v1/public/self-report/${second.token}`)).status, 200);
		linkPath = second.path;

		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await settled(page);
		await shot(page, 'hours-review-link');
	});

	test('phone: an anonymous visitor reports 2.5 hours through the link (errors under the fields)', async () => {
		assert.ok(linkPath, 'the link was generated');
		const page = phone.page;
		await page.goto(linkPath);
		await page.locator(T('sr-submit')).waitFor();
		await settled(page);
		assert.equal(new URL(page.url()).pathname, linkPath, 'no login redirect');
		assert.equal((await page.locator(T('sr-unit')).innerText()).trim(), liaisonUser.unit_name);
		assert.equal(await page.locator('.app-header').count(), 0, 'outside the app frame');
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 375 px');
		await shot(page, 'hours-phone-form');

		// nothing filled in: each required field says so, under itself; nothing is sent
		let posts = 0;
		const countPost = (r) => {
			if (r.method() === 'POST' && r.url().includes('/public/self-report/')) posts++;
		};
		page.on('request', countPost);
		const item = (id) => page.locator('.el-form-item').filter({ has: page.locator(T(id)) });
		await page.locator(T('sr-submit')).click();
		await item('sr-name').locator('.el-form-item__error', { hasText: '请填写姓名' }).waitFor();
		await item('sr-phone').locator('.el-form-item__error', { hasText: '请填写手机号码' }).waitFor();
		await item('sr-hours').locator('.el-form-item__error', { hasText: '请填写服务时长' }).waitFor();
		await input(page, 'sr-name').fill(VOL1.name);
		await input(page, 'sr-phone').fill('1381234');
		await input(page, 'sr-hours').fill('2.55');
		await page.locator(T('sr-submit')).click();
		await item('sr-phone').locator('.el-form-item__error', { hasText: '手机号码应为11位数字' }).waitFor();
		await item('sr-hours').locator('.el-form-item__error', { hasText: '最多一位小数' }).waitFor();
		await item('sr-name').locator('.el-form-item__error').waitFor({ state: 'detached' });
		await shot(page, 'hours-phone-errors');
		assert.equal(posts, 0, 'the form did not go to the server');
		page.off('request', countPost);

		// the date is today and cannot be after it; choosing an activity takes its date
		assert.equal(await input(page, 'sr-date').inputValue(), dayCN(0));
		await page.locator(T('sr-activity')).click();
		const opt = page.locator('.el-select-dropdown__item:visible').filter({ hasText: TITLE });
		await opt.waitFor();
		await shot(page, 'hours-phone-activity');
		await opt.click();
		await opt.waitFor({ state: 'hidden' });
		assert.equal(await input(page, 'sr-date').inputValue(), ACT_DATE);
		await input(page, 'sr-date').click();
		const panel = page.locator('.el-picker-panel:visible');
		await panel.waitFor();
		assert.ok((await panel.boundingBox()).width <= 375, 'the date panel fits the phone');
		await shot(page, 'hours-phone-date');
		await page.keyboard.press('Escape');

		await input(page, 'sr-phone').fill(VOL1.phone);
		await input(page, 'sr-hours').fill('2.5');
		await input(page, 'sr-description').fill('社区环境整治，清理楼道杂物');
		const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/public/self-report/'));
		await page.locator(T('sr-submit')).click();
		const r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const sent = JSON.parse(r.request().postData());
		assert.deepEqual(sent, {
			name: VOL1.name,
			phone: VOL1.phone,
			service_date: ACT_DATE,
			minutes: 150,
			activity_id: activity.id,
			description: '社区环境整治，清理楼道杂物',
		});
		await page.locator(T('sr-done')).waitFor();
		assert.equal((await page.locator(T('sr-done-message')).innerText()).trim(), '已提交，等待单位联络员审核');
		assert.match(await page.locator(T('sr-done')).innerText(), /2\.5 小时/);
		assert.ok(await noHScroll(page));
		await shot(page, 'hours-phone-done');

		// a link that does not exist (or no longer does)
		await page.goto('/r/AAAAAAAAAAAAAAAAAAAAAAAA');
		await page.locator(T('sr-invalid')).waitFor();
		assert.match(await page.locator(T('sr-invalid')).innerText(), /链接无效或已停用/);
		await shot(page, 'hours-phone-invalid');
	});

	test('liaison: approves the report on 时长审核; the volunteer’s 服务时长 shows 2.5', async () => {
		const page = br.page;
		await page.goto('/ledger/hour-reports');
		await settled(page);
		const rows = tableRows(page, 'hour-report-table');
		const row = rows.filter({ hasText: VOL1.name });
		await row.waitFor();
		assert.match(await page.locator(`${T('hour-report-tabs')} .el-tabs__item.is-active`).innerText(), /待审核（\d+）/);
		const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
		assert.deepEqual(cells.slice(0, 6), [VOL1.name, VOL1.phone, ACT_DATE, '2.5', TITLE, '社区环境整治，清理楼道杂物']);
		await shot(page, 'hours-review-pending');

		await row.locator(T('hour-report-approve')).click();
		const answer = page.waitForResponse((r) => r.url().includes('/approve'));
		await confirmBox(page, '通过', /计入该志愿者的服务时长/);
		const r = await answer;
		assert.equal(r.status(), 200, await r.text());
		assert.equal((await r.json()).volunteer_id, VOL1.id, 'matched by the phone');
		await page.locator('.el-message', { hasText: '已通过' }).waitFor();
		await row.waitFor({ state: 'detached' });

		// 已通过 lists it, with the volunteer it counts for
		await page.locator(`${T('hour-report-tabs')} .el-tabs__item`, { hasText: '已通过' }).click();
		await page.waitForURL((u) => u.searchParams.get('status') === 'approved');
		await settled(page);
		const done = tableRows(page, 'hour-report-table').filter({ hasText: VOL1.name });
		await done.waitFor();
		assert.match(await done.innerText(), new RegExp(`已通过\\s*计入「${VOL1.name}」`));
		await shot(page, 'hours-review-approved');

		await menuGo(page, '志愿者', '/ledger/volunteers');
		await input(page, 'volunteer-search-q').fill(VOL1.name);
		await page.locator(T('volunteer-search-submit')).click();
		await page.waitForURL((u) => u.searchParams.get('q') === VOL1.name);
		await settled(page);
		const vrow = tableRows(page, 'volunteer-table').filter({ hasText: VOL1.name });
		assert.equal((await vrow.locator(T('volunteer-hours')).innerText()).trim(), '2.5');
		assert.equal((await apiGet(page, `/volunteers/${VOL1.id}`)).body.service_hours, '2.5');
		await shot(page, 'hours-volunteer-list');
	});

	test('liaison: an unknown phone is approved by choosing the volunteer; another report is declined with a reason', async () => {
		const page = br.page;
		const token = linkPath.slice(3);
		const strange = randomPhone('135');
		let r = await anon.post(`/api/v1/public/self-report/${token}`, { name: VOL2.name, phone: strange, service_date: dayCN(1), minutes: 90 });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		r = await anon.post(`/api/v1/public/self-report/${token}`, { name: '冒名者', phone: randomPhone('139'), service_date: dayCN(2), minutes: 600 });
		assert.equal(r.status, 201, JSON.stringify(r.body));

		await menuGo(page, '时长审核', '/ledger/hour-reports');
		const row2 = tableRows(page, 'hour-report-table').filter({ hasText: VOL2.name });
		await row2.locator(T('hour-report-approve')).click();
		let answer = page.waitForResponse((x) => x.url().includes('/approve'));
		await confirmBox(page, '通过');
		assert.equal((await answer).status(), 409, 'no volunteer with that phone');
		const dialog = page.locator('.el-dialog', { hasText: '选择志愿者' });
		await dialog.waitFor();
		assert.match(await dialog.innerText(), /名册中没有该手机号的在册志愿者/);
		await remotePick(page, 'hour-report-match-volunteer', VOL2.name);
		await shot(page, 'hours-review-match');
		answer = page.waitForResponse((x) => x.url().includes('/approve'));
		await dialog.locator(T('hour-report-match-approve')).click();
		const ok = await answer;
		assert.equal(ok.status(), 200, await ok.text());
		assert.deepEqual(JSON.parse(ok.request().postData()).volunteer_id, VOL2.id);
		await dialog.waitFor({ state: 'hidden' });
		await row2.waitFor({ state: 'detached' });
		assert.equal((await apiGet(page, `/volunteers/${VOL2.id}`)).body.service_hours, '1.5');

		// 退回 needs a reason
		const row3 = tableRows(page, 'hour-report-table').filter({ hasText: '冒名者' });
		await row3.locator(T('hour-report-decline')).click();
		const dd = page.locator('.el-dialog', { hasText: '退回申报' });
		await dd.waitFor();
		await dd.locator(T('hour-report-decline-submit')).click();
		await dd.locator('.el-form-item__error', { hasText: '请填写退回理由' }).waitFor();
		await input(page, 'hour-report-decline-reason').fill('本单位名册中没有此人');
		answer = page.waitForResponse((x) => x.url().includes('/decline'));
		await dd.locator(T('hour-report-decline-submit')).click();
		assert.equal((await answer).status(), 200);
		await dd.waitFor({ state: 'hidden' });
		await row3.waitFor({ state: 'detached' });
		await page.locator(`${T('hour-report-tabs')} .el-tabs__item`, { hasText: '已退回' }).click();
		await page.waitForURL((u) => u.searchParams.get('status') === 'declined');
		await settled(page);
		const declined = tableRows(page, 'hour-report-table').filter({ hasText: '冒名者' });
		assert.match(await declined.locator(T('hour-report-reason')).innerText(), /理由：本单位名册中没有此人/);
		assert.ok(await noHScroll(page));
		await shot(page, 'hours-review-declined');
	});

	test('admin: records who served in an activity, errors on the right row, hours saved as minutes', async () => {
		const page = br.page;
		await loginAs('admin', { expectPath: '/' });
		assert.ok((await menuTexts(page)).includes('时长审核'));
		await page.goto(`/ledger/activities?year=all&q=${encodeURIComponent(TITLE)}`);
		await settled(page);
		const arow = tableRows(page, 'activity-table').filter({ hasText: TITLE });
		await arow.locator(T('activity-view')).click();
		const view = page.locator('.el-dialog', { hasText: '活动记录' }).filter({ has: page.locator(T('activity-view-desc')) });
		await view.waitFor();
		await settled(page);
		const served = view.locator(T('activity-served'));
		assert.match(await served.innerText(), /还没有登记服务志愿者/);
		await served.locator(T('activity-served-edit')).click();
		const ed = page.locator('.el-dialog.served-dialog');
		await ed.waitFor();
		await settled(page);

		await remotePick(page, 'served-pick', VOL1.name);
		await remotePick(page, 'served-pick', LATE.name);
		const srows = tableRows(page, 'served-table');
		assert.equal(await srows.count(), 2);
		// the same hours for everyone
		await input(page, 'served-same-hours').fill('3');
		await ed.locator(T('served-apply-all')).click();
		assert.deepEqual(await page.locator(`input${T('served-hours')}`).evaluateAll((els) => els.map((e) => e.value)), ['3', '3']);
		assert.match(await ed.locator(T('served-total')).innerText(), /共 2 人 · 合计 6 小时/);

		// a bad value is caught on its row, before anything is sent
		let puts = 0;
		const countPut = (x) => {
			if (x.method() === 'PUT') puts++;
		};
		page.on('request', countPut);
		await srows.nth(0).locator('input').fill('2.55');
		await ed.locator(T('served-save')).click();
		await srows.nth(0).locator(T('served-hours-error')).waitFor();
		assert.match(await srows.nth(0).locator(T('served-hours-error')).innerText(), /最多一位小数/);
		assert.equal(puts, 0);
		page.off('request', countPut);

		// the server: LATE joined after the activity, on row 2 (items[1].volunteer_id)
		await srows.nth(0).locator('input').fill('2.5');
		let answer = page.waitForResponse((x) => x.request().method() === 'PUT');
		await ed.locator(T('served-save')).click();
		let r = await answer;
		assert.equal(r.status(), 400);
		const err = (await r.json()).error;
		assert.equal(err.field, 'items[1].volunteer_id');
		await srows.nth(1).locator(T('served-row-error'), { hasText: err.message }).waitFor();
		assert.match(await srows.nth(1).innerText(), new RegExp(LATE.name));
		assert.equal(await srows.nth(0).locator(T('served-row-error')).count(), 0);
		await shot(page, 'hours-served-row-error');

		// without them it saves, as whole minutes
		await srows.nth(1).locator(T('served-remove')).click();
		assert.equal(await srows.count(), 1);
		answer = page.waitForResponse((x) => x.request().method() === 'PUT');
		await ed.locator(T('served-save')).click();
		r = await answer;
		assert.equal(r.status(), 200, await r.text());
		const body = JSON.parse(r.request().postData());
		assert.deepEqual(body.items, [{ volunteer_id: VOL1.id, minutes: 150 }]);
		assert.equal(body.version, activity.version);
		await ed.waitFor({ state: 'hidden' });
		await served.locator(T('activity-served-table')).waitFor();
		assert.match(await served.locator(T('activity-served-total')).innerText(), /共 1 人 · 合计 2.5 小时/);
		const cells = (await tableRows(page, 'activity-served-table').first().locator('td').allInnerTexts()).map((s) => s.trim());
		assert.deepEqual(cells, ['1', VOL1.name, VOL1.phone, '2.5']);
		await settled(page);
		await shot(page, 'hours-activity-view');

		// 编辑 after that still saves: the activity's version moved with its served list
		await view.locator(T('activity-view-edit')).click();
		const form = page.locator('.el-dialog', { hasText: '编辑活动记录' });
		await form.waitFor();
		await settled(page);
		assert.match(await form.locator(T('activity-served')).innerText(), /共 1 人 · 合计 2.5 小时/);
		await input(page, 'activity-form-place').fill('幸福社区广场');
		await shot(page, 'hours-activity-form');
		answer = page.waitForResponse((x) => x.request().method() === 'PATCH');
		await form.locator(T('activity-form-save')).click();
		r = await answer;
		assert.equal(r.status(), 200, await r.text());
		await form.waitFor({ state: 'hidden' });

		// the served hours add to the volunteer's 服务时长 (2.5 approved + 2.5 served)
		await page.goto(`/ledger/volunteers?q=${encodeURIComponent(VOL1.name)}`);
		await settled(page);
		const vrow = tableRows(page, 'volunteer-table').filter({ hasText: VOL1.name });
		assert.equal((await vrow.locator(T('volunteer-hours')).innerText()).trim(), '5');
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'hours-volunteer-list-admin');
	});

	test('admin: 时长审核 across units; the unit filter picks the link card’s unit, whose link is turned off (停用)', async () => {
		const page = br.page;
		await menuGo(page, '时长审核', '/ledger/hour-reports');
		const card = page.locator(T('self-report-card'));
		await card.waitFor();
		assert.match(await card.innerText(), /请先选择单位/);
		await page.locator(`${T('hour-report-tabs')} .el-tabs__item`, { hasText: '已通过' }).click();
		await page.waitForURL((u) => u.searchParams.get('status') === 'approved');
		await settled(page);
		await remotePick(page, 'hour-report-search-unit', liaisonUser.unit_name, liaisonUser.unit_name, '/api/v1/units');
		await page.locator(T('hour-report-search-submit')).click();
		await page.waitForURL((u) => u.searchParams.get('unit_id') === String(liaisonUser.unit_id));
		await settled(page);
		const heads = (await page.locator(`${T('hour-report-table')} .el-table__header-wrapper th`).allInnerTexts()).map((x) => x.trim());
		assert.equal(heads[0], '单位名称');
		const approved = tableRows(page, 'hour-report-table');
		assert.equal(await approved.count(), Math.min(20, 2 + demoApproved), 'the two approved reports and the demo\'s');
		for (const v of [VOL1, VOL2]) assert.equal(await approved.filter({ hasText: v.name }).count(), 1, `${v.name} approved`);
		assert.equal(await page.locator(T('hour-report-approve')).count(), 0, 'decided reports have no actions');
		await card.locator(T('self-report-qr')).waitFor();
		assert.equal(await input(page, 'self-report-url').inputValue(), `${srv.base}${linkPath}`);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'hours-review-admin');

		// 停用: the link stops working, the card offers a new one
		await card.locator(T('self-report-disable')).click();
		const answer = page.waitForResponse((r) => r.request().method() === 'DELETE');
		await confirmBox(page, '停用', /无法通过现有链接和二维码填报/);
		assert.equal((await answer).status(), 204);
		await card.locator(T('self-report-create')).waitFor();
		assert.equal((await anon.get(`/api/v1/public/self-report/${linkPath.slice(3)}`)).status, 404);
		await phone.page.goto(linkPath);
		await phone.page.locator(T('sr-invalid')).waitFor();
	});

	test('closes the browsers; the server exits with status 0 on SIGTERM', async () => {
		await phone.close();
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});

describe('自报 on a phone: too many reports from one address', () => {
	let srv;
	let phone;
	let setupError = null;
	let path = '';
	before(async () => {
		try {
			srv = await startServer({ env: { WENMING_SELF_REPORT_IP_MAX: '1' } });
			const liaison = await srv.login('liaison');
			const r = await liaison.post(`/api/v1/units/${liaison.user.unit_id}/self-report-link`);
			assert.equal(r.status, 201, JSON.stringify(r.body));
			path = r.body.path;
			phone = await openBrowser(srv.base);
			await phone.page.setViewportSize({ width: 375, height: 812 });
		} catch (e) {
			setupError = e;
		}
	});
	after(async () => {
		try {
			await phone?.close();
		} finally {
			await srv?.stop();
		}
	});

	it('shows the server’s message (429) above the submit button', async () => {
		if (setupError) throw setupError;
		const page = phone.page;
		await page.goto(path);
		await page.locator(T('sr-submit')).waitFor();
		await settled(page);
		const send = async () => {
			const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/public/self-report/'));
			await page.locator(T('sr-submit')).click();
			return answer;
		};
		await input(page, 'sr-name').fill('张三');
		await input(page, 'sr-phone').fill(randomPhone('139'));
		await input(page, 'sr-hours').fill('1');
		assert.equal((await send()).status(), 201);
		await page.locator(T('sr-again')).click();
		await input(page, 'sr-hours').fill('0.5');
		const r = await send();
		assert.equal(r.status(), 429);
		const msg = (await r.json()).error.message;
		await page.locator(T('sr-notice'), { hasText: msg }).waitFor();
		assert.match(msg, /提交过于频繁/);
		await shot(page, 'hours-phone-429');
		assert.deepEqual(phone.problems.splice(0), []);
	});
});
