// navigation.test.mjs — the pages around the unit list, by role: a unit's detail (titles and
// lineage), users, the audit log, what a liaison and a leader see, logging out, and the forced
// password change of a user with a temporary password.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, openBrowser, uiLogin, uiLogout, settled, shot, input, apiGet, menuTexts, T, createUnit, createUser,
	DEMO_PASSWORD,
} from './lib.mjs';

const tableRows = (page, id) => page.locator(`${T(id)} .el-table__body-wrapper tbody tr.el-table__row`);
async function rowTexts(row) {
	return (await row.locator('td').allInnerTexts()).map((s) => s.trim());
}

describe('navigation by role', () => {
	let srv;
	let br;
	let admin; // an API client logged in as admin
	let renamed; // the demo unit renamed through the API (lineage 设立 → 更名)
	let apiUnit; // a unit created through the API (audit entry)
	let OLD_NAME;
	let NEW_NAME;

	let setupError = null;
	// A failing before() would only "cancel" the tests (not counted as failures by tests/run.sh),
	// so the error is kept and thrown by each test (see `test` below).
	const test = (name, fn) =>
		it(name, async () => {
			if (setupError) throw setupError;
			await fn();
		});

	before(async () => {
		try {
			srv = await startServer();
			admin = await srv.login('admin');
			// a demo unit with a valid title and no restructuring yet
			const list = await admin.get('/api/v1/units?title_status=valid&status=active&per_page=20');
			assert.equal(list.status, 200);
			let u = null;
			for (const item of list.body.items) {
				const full = (await admin.get(`/api/v1/units/${item.id}`)).body;
				if (full.titles.length && full.events.every((e) => e.kind === 'created')) {
					u = full;
					break;
				}
			}
			assert.ok(u, 'a demo unit with a title');
			OLD_NAME = u.name;
			NEW_NAME = `${u.name}（更名后）`;
			const r = await admin.post(`/api/v1/units/${u.id}/restructure`, {
				kind: 'rename',
				new_name: NEW_NAME,
				date: '2024-03-01',
				doc_no: '准编发〔2024〕7号',
				version: u.version,
			});
			assert.ok(r.status === 200 || r.status === 201, `rename → ${r.status} ${JSON.stringify(r.body)}`);
			renamed = (await admin.get(`/api/v1/units/${u.id}`)).body;
			assert.equal(renamed.name, NEW_NAME);
			apiUnit = await createUnit(admin, { name: '审计测试单位' });
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
			await srv?.stop();
		}
	});

	/** A fresh start: no session cookie, then the login page. */
	async function loginAs(username, password = DEMO_PASSWORD, opts) {
		await br.ctx.clearCookies();
		await uiLogin(br.page, username, password, opts);
	}

	test('admin: a unit detail shows its titles and lineage', async () => {
		const page = br.page;
		await loginAs('admin', DEMO_PASSWORD, { expectPath: '/' });
		await page.goto(`/units?q=${encodeURIComponent(NEW_NAME)}`);
		await settled(page);
		await page.locator(T('unit-name'), { hasText: NEW_NAME }).click();
		await page.waitForURL((u) => u.pathname === `/units/${renamed.id}`);
		await page.locator(T('unit-detail-name')).waitFor();
		await settled(page);
		assert.equal(await page.locator(T('unit-detail-name')).innerText(), NEW_NAME);
		const crumbs = (await page.locator('.app-crumbs').innerText()).replace(/\s+/g, '');
		assert.ok(crumbs.endsWith(`单位名录/${NEW_NAME}`), crumbs);
		assert.ok(await page.locator(T('unit-detail-edit')).isVisible());
		assert.ok(await page.locator(T('title-new')).isVisible());

		// titles: one row per title, labels in Chinese
		assert.ok(renamed.titles.length >= 1, 'the demo unit has a title');
		const rows = tableRows(page, 'unit-titles');
		assert.equal(await rows.count(), renamed.titles.length);
		const LEVELS = { national: '全国', region: '自治区级', city: '市级', banner: '旗级' };
		const STATUS = { valid: '有效', criticized: '通报批评', yellow_card: '黄牌警告', revoked: '撤销', lapsed: '自行终止' };
		const shownTitles = [];
		for (let i = 0; i < (await rows.count()); i++) shownTitles.push((await rowTexts(rows.nth(i))).slice(1, 8));
		for (const t of renamed.titles) {
			const want = [
				LEVELS[t.level], t.tier === 'model' ? '标兵' : '文明单位', String(t.awarded_year),
				`${t.term_years}年`, String(t.expires_year), t.doc_no, STATUS[t.status],
			];
			assert.ok(shownTitles.some((c) => JSON.stringify(c) === JSON.stringify(want)), `${JSON.stringify(want)} in ${JSON.stringify(shownTitles)}`);
		}
		assert.ok(shownTitles.some((c) => c[6] === '有效'));
		// a title's history expands under its row
		await rows.first().locator('.el-table__expand-icon').click();
		await page.locator(`${T('unit-titles')} .history-title`, { hasText: '称号历史' }).waitFor();

		// lineage: 设立 and 更名 (with both names, the date and the document number), in date order
		const items = page.locator(`${T('unit-lineage')} .el-timeline-item`);
		assert.equal(await items.count(), 2);
		const texts = (await items.allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
		const created = texts.find((x) => /设立/.test(x));
		const rename = texts.find((x) => /更名/.test(x));
		assert.ok(created, JSON.stringify(texts));
		assert.ok(rename, JSON.stringify(texts));
		assert.ok(rename.includes(`由「${OLD_NAME}」更名为「${NEW_NAME}」`), rename);
		assert.match(rename, /2024-03-01/);
		assert.match(rename, /文号：准编发〔2024〕7号/);
		const stamps = await page.locator(`${T('unit-lineage')} .el-timeline-item__timestamp`).allInnerTexts();
		assert.ok(stamps.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.trim())), JSON.stringify(stamps));
		assert.deepEqual([...stamps].sort(), stamps, 'oldest first');
		await shot(page, 'unit-detail');
	});

	test('admin: the users page lists the users in scope', async () => {
		const page = br.page;
		await page.locator('.app-menu .el-menu-item', { hasText: '用户' }).click();
		await page.waitForURL((u) => u.pathname === '/system/users');
		await settled(page);
		const api = await apiGet(page, '/users?per_page=100');
		assert.equal(api.status, 200);
		const rows = tableRows(page, 'user-table');
		const shown = [];
		for (let i = 0; i < (await rows.count()); i++) shown.push(await rowTexts(rows.nth(i)));
		assert.deepEqual(shown.map((c) => c[0]).sort(), api.body.items.map((u) => u.username).sort());
		for (const name of ['admin', 'assessor', 'liaison', 'leader']) assert.ok(shown.some((c) => c[0] === name), name);
		const byName = Object.fromEntries(shown.map((c) => [c[0], c]));
		assert.equal(byName.admin[2], '管理员');
		assert.equal(byName.assessor[2], '测评员');
		assert.equal(byName.liaison[2], '单位联络员');
		assert.equal(byName.leader[2], '领导查看');
		assert.equal(byName.leader[3], '准格尔旗');
		await page.getByText(`共 ${api.body.total} 个用户`).waitFor();
		await shot(page, 'users');
	});

	test('admin: the audit log shows logins and the unit creation', async () => {
		const page = br.page;
		await page.locator('.app-menu .el-menu-item', { hasText: '审计日志' }).click();
		await page.waitForURL((u) => u.pathname === '/system/audit');
		await settled(page);
		const rows = tableRows(page, 'audit-table');
		const all = [];
		for (let i = 0; i < (await rows.count()); i++) all.push(await rowTexts(rows.nth(i)));
		// columns: expand, 时间, 操作人, 动作, 对象, 对象ID, 请求ID
		const logins = all.filter((c) => c[2] === 'admin' && c[3] === '登录' && c[4] === '登录会话');
		assert.ok(logins.length >= 2, `the API and the UI logins of admin: ${JSON.stringify(all)}`);
		const created = all.filter((c) => c[3] === '新增' && c[4] === '单位' && c[5] === String(apiUnit.id));
		assert.equal(created.length, 1, JSON.stringify(all));
		assert.equal(created[0][2], 'admin');
		assert.match(created[0][1], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		assert.ok(all.some((c) => c[3] === '更名' && c[4] === '单位' && c[5] === String(renamed.id)), `the rename: ${JSON.stringify(all)}`);
		// every action and object type reads in Chinese
		for (const c of all) assert.match(c[3] + c[4], /^[\u4e00-\u9fff]+$/, JSON.stringify(c));
		// the unit id links to the unit
		assert.equal(
			await rows.filter({ hasText: '新增' }).first().locator(`a[href="/units/${apiUnit.id}"]`).count(),
			1,
		);
		// filtering by action goes through the URL
		await page.goto('/system/audit?action=create&entity=unit');
		await settled(page);
		const filtered = (await tableRows(page, 'audit-table').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
		assert.ok(filtered.length >= 1);
		assert.ok(filtered.every((s) => /新增/.test(s) && /单位/.test(s)), JSON.stringify(filtered));
		await shot(page, 'audit');
	});

	test('logout returns to the login page and the session is gone on the server', async () => {
		const page = br.page;
		const cookie = (await br.ctx.cookies()).find((c) => c.name === 'wm_session');
		assert.ok(cookie, 'a session cookie while logged in');
		assert.equal((await apiGet(page, '/session')).status, 200);
		await uiLogout(page);
		assert.equal((await apiGet(page, '/session')).status, 401);
		// the old cookie no longer works either (the server ended the session)
		const r = await fetch(`${srv.base}/api/v1/units`, { headers: { Cookie: `wm_session=${cookie.value}` } });
		assert.equal(r.status, 401);
		// and the app sends you back to the login page
		await page.goto('/system/users');
		await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('redirect') === '/system/users');
		await page.locator(T('login-submit')).waitFor();
		await shot(page, 'login');
	});

	test('liaison: no 系统管理, and 单位名录 is their own unit only', async () => {
		const page = br.page;
		await loginAs('liaison');
		const me = (await apiGet(page, '/session')).body.user;
		assert.equal(me.role, 'unit');
		assert.ok(me.unit_id);
		const menu = await menuTexts(page);
		assert.ok(!menu.includes('系统管理'), JSON.stringify(menu));
		assert.ok(!menu.includes('单位管理'), JSON.stringify(menu));
		assert.ok(menu.includes('本单位'), JSON.stringify(menu));
		await page.goto('/units');
		await page.waitForURL((u) => u.pathname === `/units/${me.unit_id}`);
		await page.locator(T('unit-detail-name')).waitFor();
		await settled(page);
		assert.equal(await page.locator(T('unit-detail-name')).innerText(), me.unit_name);
		assert.equal(await page.locator(T('unit-detail-edit')).count(), 0);
		assert.equal(await page.locator(T('title-new')).count(), 0);
		// the API agrees: one unit, theirs
		const list = await apiGet(page, '/units');
		assert.equal(list.status, 200);
		assert.equal(list.body.total, 1);
		assert.equal(list.body.items[0].id, me.unit_id);
		// another unit is "not found", and the admin pages send them home
		await page.goto(`/units/${renamed.id}`);
		await page.locator('.el-empty', { hasText: '单位不存在' }).waitFor();
		assert.equal(await page.locator(T('unit-detail-name')).count(), 0);
		await page.goto('/system/users');
		await page.waitForURL((u) => u.pathname === '/');
		await shot(page, 'liaison-home');
	});

	test('leader: no 新增 anywhere, read-only unit pages', async () => {
		const page = br.page;
		await loginAs('leader', DEMO_PASSWORD, { expectPath: '/' });
		const menu = await menuTexts(page);
		assert.ok(!menu.includes('系统管理'), JSON.stringify(menu));
		assert.equal(await page.locator(T('unit-new')).count(), 0);
		await shot(page, 'leader-home');
		await page.goto('/units');
		await settled(page);
		assert.equal(await page.locator(T('unit-new')).count(), 0);
		await page.goto(`/units/${renamed.id}`);
		await page.locator(T('unit-detail-name')).waitFor();
		await settled(page);
		assert.equal(await page.locator(T('unit-detail-name')).innerText(), NEW_NAME);
		assert.equal(await page.locator(T('unit-detail-edit')).count(), 0);
		assert.equal(await page.locator(T('title-new')).count(), 0);
		assert.equal(await page.locator(T('unit-restructure')).count(), 0);
		assert.equal(await page.locator(T('title-change-status')).count(), 0);
		// and the API refuses the viewer a create
		const leader = await srv.login('leader');
		const r = await leader.post('/api/v1/units', { name: '越权新增单位', uscc: '91150622MA0000000X', category: 'school', region_code: '150622' });
		assert.equal(r.status, 403);
	});

	test('a temporary password leads to the change-password page, then to the dashboard', async () => {
		const page = br.page;
		const made = await createUser(admin, { role: 'viewer', region_code: '150622', display_name: '新任领导' });
		assert.equal(typeof made.temporary_password, 'string');
		const username = made.user.username;
		await loginAs(username, made.temporary_password, { expectPath: '/password' });
		await page.getByText('您正在使用临时密码').waitFor();
		// other pages are not reachable until the password is changed
		await page.goto('/');
		await page.waitForURL((u) => u.pathname === '/password');
		await input(page, 'pw-old').waitFor();
		await shot(page, 'password-forced');

		const newPassword = 'Xin-mima-2026';
		await input(page, 'pw-old').fill(made.temporary_password);
		await input(page, 'pw-new').fill(newPassword);
		await input(page, 'pw-confirm').fill(newPassword);
		const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session/password') && r.request().method() === 'POST');
		await page.locator(T('pw-save')).click();
		const r = await answer;
		assert.ok(r.ok(), `change password → ${r.status()}`);
		await page.waitForURL((u) => u.pathname === '/');
		await page.getByText('您好，新任领导').waitFor();
		assert.equal((await apiGet(page, '/session')).body.user.must_change_password, false);
		// the new password logs in, the temporary one no longer does
		await srv.login(username, newPassword);
		const old = await srv.anon().post('/api/v1/session', { username, password: made.temporary_password });
		assert.equal(old.status, 401);
	});

	// in a test, not only in after(): a failing after hook is not counted as a failure
	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop(); // throws on a non-zero exit or a sanitizer report
		assert.equal(res.code, 0);
	});
});
