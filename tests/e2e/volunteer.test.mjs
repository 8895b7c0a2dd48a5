// volunteer.test.mjs — 创建台账 › 志愿者 in the browser: a unit's liaison adds a volunteer through
// the dialog (已退出 without a 退出日期 first: the server's message shows under that field), sees
// it listed with the whole phone and counted on their unit's page (在册志愿者 and its share of the
// staff); a leader sees the same volunteer with the phone masked and no write buttons.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, uiLogin, settled, shot, input, apiGet, menuTexts, T, uniqueName, DEMO_PASSWORD } from './lib.mjs';

const tableRows = (page, id) => page.locator(`${T(id)} .el-table__body-wrapper tbody tr.el-table__row`);
const headTexts = async (page, id) =>
	(await page.locator(`${T(id)} .el-table__header-wrapper th`).allInnerTexts()).map((s) => s.trim()).filter(Boolean);

describe('创建台账 › 志愿者', () => {
	let srv;
	let br;
	let liaisonUser; // {unit_id, unit_name}
	const NAME = uniqueName('志愿者');
	const PHONE = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
	const MASKED = `${PHONE.slice(0, 3)}****${PHONE.slice(7)}`;
	const PLATFORM = `NM${Date.now() % 1e8}`;

	let setupError = null;
	const test = (name, fn) =>
		it(name, async () => {
			if (setupError) throw setupError;
			await fn();
		});

	before(async () => {
		try {
			srv = await startServer();
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
	const isPost = (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/volunteers';

	test('liaison: adds a volunteer (退出日期 is the server’s call) and sees the whole phone', async () => {
		const page = br.page;
		await loginAs('liaison');
		const menu = await menuTexts(page);
		const at = menu.indexOf('活动记录');
		assert.ok(at >= 0 && menu[at + 1] === '志愿者', `志愿者 follows 活动记录: ${JSON.stringify(menu)}`);
		await menuGo(page, '志愿者', '/ledger/volunteers');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*志愿者/);
		const heads = await headTexts(page, 'volunteer-table');
		assert.deepEqual(heads, ['姓名', '性别', '联系电话', '平台编号', '加入日期', '状态', '服务时长(小时)', '操作'], 'a liaison’s list has no unit column');

		await page.locator(T('volunteer-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增志愿者' });
		await dialog.waitFor();
		assert.equal(await input(page, 'volunteer-form-unit').inputValue(), liaisonUser.unit_name);
		assert.ok(await input(page, 'volunteer-form-unit').isDisabled(), 'the unit is theirs, fixed');
		await input(page, 'volunteer-form-name').fill(NAME);
		await page.locator(T('volunteer-form-gender')).getByText('女').click();
		await input(page, 'volunteer-form-phone').fill(PHONE);
		await input(page, 'volunteer-form-platform').fill(PLATFORM);
		const joined = input(page, 'volunteer-form-joined');
		await joined.fill('2024-03-05');
		await joined.press('Enter');
		assert.equal(await joined.inputValue(), '2024-03-05');

		// 退出日期 shows for 已退出 only; without one the server says so, under the field
		assert.equal(await page.locator(T('volunteer-form-left')).count(), 0);
		await page.locator(T('volunteer-form-status')).getByText('已退出').click();
		await page.locator(T('volunteer-form-left')).waitFor();
		let answer = page.waitForResponse(isPost);
		await page.locator(T('volunteer-form-save')).click();
		let r = await answer;
		assert.equal(r.status(), 400, await r.text());
		const err = (await r.json()).error;
		assert.equal(err.field, 'left_date');
		const leftItem = dialog.locator('.el-form-item').filter({ has: page.locator(T('volunteer-form-left')) });
		assert.match(await leftItem.locator('.el-form-item__label').innerText(), /退出日期/);
		await leftItem.locator('.el-form-item__error', { hasText: err.message }).waitFor();
		await shot(page, 'volunteer-form-left-date-missing');

		// back to 在册: the date goes, the volunteer is saved
		await page.locator(T('volunteer-form-status')).getByText('在册').click();
		await page.locator(T('volunteer-form-left')).waitFor({ state: 'detached' });
		answer = page.waitForResponse(isPost);
		await page.locator(T('volunteer-form-save')).click();
		r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const v = await r.json();
		assert.equal(v.phone, PHONE);
		assert.equal(v.phone_masked, false);
		assert.equal(v.status, 'active');
		await dialog.waitFor({ state: 'hidden' });
		await settled(page);

		// the roster is in name order: find the new one by its name
		await input(page, 'volunteer-search-q').fill(NAME);
		await page.locator(T('volunteer-search-submit')).click();
		await page.waitForURL((u) => u.searchParams.get('q') === NAME);
		await settled(page);
		assert.equal(await tableRows(page, 'volunteer-table').count(), 1);
		const row = tableRows(page, 'volunteer-table').filter({ hasText: NAME });
		await row.waitFor();
		assert.equal((await row.locator(T('volunteer-phone')).innerText()).trim(), PHONE, 'the liaison sees the whole phone');
		const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
		assert.deepEqual(cells.slice(0, 6), [NAME, '女', PHONE, PLATFORM, '2024-03-05', '在册']);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'volunteers-liaison');

		// the unit's page: 在册志愿者 and its share of the staff
		await page.goto(`/units/${liaisonUser.unit_id}`);
		await settled(page);
		const card = page.locator(T('unit-volunteers-card'));
		await card.waitFor();
		const total = (await apiGet(page, `/volunteers?unit_id=${liaisonUser.unit_id}&status=active&per_page=1`)).body.total;
		const unit = (await apiGet(page, `/units/${liaisonUser.unit_id}`)).body;
		assert.ok(total >= 1);
		assert.equal((await card.locator(T('unit-volunteers-active')).innerText()).trim(), total.toLocaleString('zh-CN'));
		const ratio = (await card.locator(T('unit-volunteers-ratio')).innerText()).trim();
		if (unit.staff_count) assert.equal(ratio, `${((total * 100) / unit.staff_count).toFixed(1)}%`);
		assert.match(await card.innerText(), /≥ 20%（注册志愿者占职工人数比例）/);
		await card.scrollIntoViewIfNeeded();
		await shot(page, 'unit-detail-volunteers');
		await card.locator(T('unit-volunteers-link')).click();
		await page.waitForURL((u) => u.pathname === '/ledger/volunteers' && u.searchParams.get('unit_id') === String(liaisonUser.unit_id));
		await settled(page);
		const all = (await apiGet(page, `/volunteers?unit_id=${liaisonUser.unit_id}&per_page=1`)).body.total;
		assert.match(await page.locator('.toolbar-right').innerText(), new RegExp(`共 ${all.toLocaleString('zh-CN')} 名志愿者`));
		assert.ok((await tableRows(page, 'volunteer-table').count()) >= 1);
	});

	test('leader: sees the volunteer with the phone masked and no write buttons', async () => {
		const page = br.page;
		await loginAs('leader', { expectPath: '/' });
		const menu = await menuTexts(page);
		assert.ok(menu.includes('志愿者'), JSON.stringify(menu));
		await menuGo(page, '志愿者', '/ledger/volunteers');
		assert.equal(await page.locator(T('volunteer-new')).count(), 0, 'no 新增 for a leader');
		await input(page, 'volunteer-search-q').fill(NAME);
		await page.locator(T('volunteer-search-submit')).click();
		await page.waitForURL((u) => u.searchParams.get('q') === NAME);
		await settled(page);
		const heads = await headTexts(page, 'volunteer-table');
		assert.deepEqual(heads, ['单位名称', '姓名', '性别', '联系电话', '平台编号', '加入日期', '状态', '服务时长(小时)']);
		const rows = tableRows(page, 'volunteer-table');
		assert.equal(await rows.count(), 1);
		const cells = (await rows.first().locator('td').allInnerTexts()).map((s) => s.trim());
		assert.deepEqual(cells, [liaisonUser.unit_name, NAME, '女', MASKED, PLATFORM, '2024-03-05', '在册', '0']);
		assert.equal(await page.locator(T('volunteer-edit')).count(), 0);
		assert.equal(await page.locator(T('volunteer-delete')).count(), 0);
		const api = (await apiGet(page, `/volunteers?q=${encodeURIComponent(NAME)}`)).body;
		assert.equal(api.items[0].phone, MASKED);
		assert.equal(api.items[0].phone_masked, true);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'volunteers-leader');
	});

	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});
