// unit_create.test.mjs — an office admin logs in through the login page, opens 单位管理 › 单位名录,
// adds a unit with the 新增 dialog (a wrong USCC is refused with the message under the field:
// the check character by the page itself, the organisation-code check character and a taken
// code by the server), finds it with the search form and reads it back through the API.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, openBrowser, uiLogin, settled, shot, input, pick, apiGet, T, makeUscc, uniqueName, DEMO_PASSWORD,
} from './lib.mjs';
import { usccCheckChar, orgCheckChar } from '../http/harness.mjs';

/** Same first 16 characters, a wrong organisation-code check character, a right USCC check character. */
function usccWithBadOrgCheck(valid) {
	const body = valid.slice(8, 16);
	const good = orgCheckChar(body);
	const bad = good === '1' ? '2' : '1';
	const first17 = valid.slice(0, 16) + bad;
	return first17 + usccCheckChar(first17);
}
/** The same code with a wrong last (check) character. */
function usccWithBadCheck(valid) {
	const last = valid[17];
	return valid.slice(0, 17) + (last === '0' ? '1' : '0');
}

describe('单位名录 › 新增 (admin)', () => {
	let srv;
	let br;
	let setupError = null;
	// A failing before() would only "cancel" the tests (not counted as failures by tests/run.sh),
	// so the error is kept and thrown by each test.
	before(async () => {
		try {
			srv = await startServer();
			br = await openBrowser(srv.base);
		} catch (e) {
			setupError = e;
		}
	});
	afterEach(() => {
		// no uncaught page errors, console errors or 5xx answers during the test
		const seen = br ? br.problems.splice(0) : [];
		assert.deepEqual(seen, []);
	});
	after(async () => {
		try {
			await br?.close();
		} finally {
			await srv?.stop(); // asserts exit code 0
		}
	});

	it('creates a unit through the UI and the API returns it', async () => {
		if (setupError) throw setupError;
		const page = br.page;
		const name = uniqueName('e2e测试单位');
		const uscc = makeUscc('150622');
		const posts = [];
		page.on('request', (r) => {
			if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/units') posts.push(r);
		});

		const unitsBefore = srv.db.count('units');
		const admin = await srv.login('admin');
		const inScope = (await admin.get('/api/v1/units?per_page=1')).body.total; // the units admin sees
		assert.ok(inScope > 0, 'the demo has units in 准格尔旗');
		const fmt = (n) => n.toLocaleString('zh-CN');

		// login page → 首页
		await uiLogin(page, 'admin', DEMO_PASSWORD, { expectPath: '/' });
		await page.getByText('您好，准格尔旗文明办管理员').waitFor();
		assert.equal(await page.locator(T('office-name')).innerText(), '准格尔旗精神文明建设委员会办公室');
		assert.match(await page.locator('.app-crumbs').innerText(), /首页/);
		assert.match(await page.title(), /^首页 - 文明单位创建测评管理系统$/);
		await page.locator(`${T('chart-titles')} canvas`).waitFor();
		await shot(page, 'dashboard-admin');

		// 单位管理 › 单位名录
		await page.locator('.app-menu .el-sub-menu__title', { hasText: '单位管理' }).waitFor();
		await page.locator('.app-menu .el-menu-item', { hasText: '单位名录' }).click();
		await page.waitForURL((u) => u.pathname === '/units');
		await settled(page);
		assert.match(await page.locator('.app-crumbs').innerText(), /单位管理\s*\/\s*单位名录/);
		const demoRows = await page.locator(`${T('unit-table')} .el-table__body-wrapper tbody tr`).count();
		assert.equal(demoRows, Math.min(20, inScope), 'the first page of 20');
		await page.getByText(`共 ${fmt(inScope)} 家单位`).waitFor();

		// 新增
		await page.locator(T('unit-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增单位' });
		await dialog.waitFor();
		await input(page, 'unit-form-name').fill(name);
		await pick(page, 'unit-form-category', '事业单位');
		await pick(page, 'unit-form-region', '准格尔旗');
		await input(page, 'unit-form-staff').fill('35');
		const usccItem = dialog.locator('.el-form-item').filter({ has: input(page, 'unit-form-uscc') });
		const usccError = usccItem.locator('.el-form-item__error');
		const save = page.locator(T('unit-form-save'));

		// 1. a wrong check character: refused by the page, nothing sent
		await input(page, 'unit-form-uscc').fill(usccWithBadCheck(uscc));
		await save.click();
		await usccError.waitFor();
		assert.equal((await usccError.innerText()).trim(), '统一社会信用代码校验位错误');
		assert.equal(posts.length, 0, 'a code with a wrong check character is not sent');

		// 2. a wrong organisation-code check character passes the page's check; the server refuses
		//    it and its message shows under the field
		await input(page, 'unit-form-uscc').fill(usccWithBadOrgCheck(uscc));
		let answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/units');
		await save.click();
		let r = await answer;
		assert.equal(r.status(), 400, await r.text());
		const err1 = (await r.json()).error;
		assert.equal(err1.field, 'uscc');
		await usccItem.locator('.el-form-item__error', { hasText: err1.message }).waitFor();
		assert.equal((await usccError.innerText()).trim(), '统一社会信用代码中的组织机构代码校验位错误');
		assert.ok(await dialog.isVisible(), 'the dialog stays open');

		// 3. a code another unit already uses (a demo unit's)
		const demoUscc = (await apiGet(page, '/units?per_page=1')).body.items[0].uscc;
		await input(page, 'unit-form-uscc').fill(demoUscc);
		answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/units');
		await save.click();
		r = await answer;
		assert.equal(r.status(), 409, await r.text());
		await usccItem.locator('.el-form-item__error', { hasText: '该统一社会信用代码已被其他单位使用' }).waitFor();
		await shot(page, 'unit-create-uscc-error');

		// the message goes once the field is edited; a valid code saves
		await input(page, 'unit-form-uscc').fill(uscc);
		await usccError.waitFor({ state: 'detached' });
		answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/units');
		await save.click();
		r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const created = await r.json();
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('.el-message--success', { hasText: '单位已新增' }).waitFor();
		await settled(page);
		await page.getByText(`共 ${fmt(inScope + 1)} 家单位`).waitFor();

		// search for it
		await input(page, 'unit-search-q').fill(name);
		const listed = page.waitForResponse((r) => {
			const u = new URL(r.url());
			return u.pathname === '/api/v1/units' && u.searchParams.get('q') === name;
		});
		await input(page, 'unit-search-q').press('Enter');
		assert.equal((await listed).status(), 200);
		await page.waitForURL((u) => u.searchParams.get('q') === name);
		await settled(page);
		const rows = page.locator(`${T('unit-table')} .el-table__body-wrapper tbody tr`);
		assert.equal(await rows.count(), 1);
		const cells = (await rows.first().locator('td').allInnerTexts()).map((s) => s.trim());
		assert.equal(cells[0], name);
		assert.equal(cells[1], uscc);
		assert.equal(cells[2], '事业单位');
		assert.equal(cells[3], '准格尔旗');
		assert.equal(cells[4], '—', 'no title yet');
		assert.equal(cells[5], '35');
		assert.equal(cells[6], '正常');
		await page.getByText('共 1 家单位').waitFor();
		await shot(page, 'unit-create-search');

		// the whole list with the new unit, for a look at the layout
		await page.getByRole('button', { name: '重置' }).click();
		await page.waitForURL((u) => !u.searchParams.has('q'));
		await settled(page);
		await page.getByText(`共 ${fmt(inScope + 1)} 家单位`).waitFor();
		assert.equal(await page.locator(`${T('unit-table')} .el-table__body-wrapper tbody tr`).count(), Math.min(20, inScope + 1));
		const noHScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		assert.ok(noHScroll, 'no horizontal scrolling at 1366×768');
		await shot(page, 'unit-list');

		// the API, with the admin's browser session
		const got = await apiGet(page, `/units/${created.id}`);
		assert.equal(got.status, 200);
		assert.equal(got.body.name, name);
		assert.equal(got.body.uscc, uscc);
		assert.equal(got.body.category, 'institution');
		assert.equal(got.body.category_label, '事业单位');
		assert.equal(got.body.region_code, '150622');
		assert.equal(got.body.region_name, '准格尔旗');
		assert.equal(got.body.staff_count, 35);
		assert.equal(got.body.status, 'active');
		assert.deepEqual(got.body.titles, []);
		assert.deepEqual(got.body.events.map((e) => e.kind), ['created']);
		// and with a separate API client (another session)
		const list = await admin.get(`/api/v1/units?q=${encodeURIComponent(name)}`);
		assert.equal(list.status, 200);
		assert.equal(list.body.total, 1);
		assert.equal(list.body.items[0].id, created.id);
		assert.equal(list.body.items[0].uscc, uscc);
		// exactly one unit was created: the refused attempts left nothing behind
		assert.equal(srv.db.count('units'), unitsBefore + 1);
		assert.equal(srv.db.count('units', `uscc = '${uscc}'`), 1);
		assert.equal(posts.length, 3, 'two refused attempts and one save');
		// the creation is audited as admin's
		const audit = await admin.get(`/api/v1/audit?entity=unit&entity_id=${created.id}&action=create`);
		assert.equal(audit.status, 200);
		assert.equal(audit.body.total, 1);
		assert.equal(audit.body.items[0].actor_name, 'admin');

	});

	// in a test, not only in after(): a failing after hook is not counted as a failure
	it('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		if (setupError) throw setupError;
		await br.close();
		const res = await srv.stop(); // throws on a non-zero exit or a sanitizer report
		assert.equal(res.code, 0);
	});
});
