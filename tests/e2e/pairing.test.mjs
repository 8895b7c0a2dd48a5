// pairing.test.mjs — 创建台账 (creation ledger, slice 1) in the browser: an office admin adds a
// 嘎查村 on the 共建对象 page, pairs a demo unit with it (包联共建) on the 结对共建 page (a second,
// overlapping pairing is refused with the server's message under the field), sees it listed as
// 有效 and on the unit's page, and the 结对覆盖 page's 「未包联嘎查村的单位」 drop by one (page and
// API agree). A unit's liaison sees 创建台账 › 结对共建 with their own unit's pairings only and can
// end one; a leader reads the pages without write buttons; an assessor sees none of it.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, openBrowser, uiLogin, settled, shot, input, pick, apiGet, menuTexts, T, uniqueName, DEMO_PASSWORD,
} from './lib.mjs';

const tableRows = (page, id) => page.locator(`${T(id)} .el-table__body-wrapper tbody tr.el-table__row`);
const rowTexts = async (row) => (await row.locator('td').allInnerTexts()).map((s) => s.trim());
const num = (s) => Number(String(s).replace(/[^\d]/g, ''));

/** Today in Beijing time (the server's dates), YYYY-MM-DD. */
function todayCN() {
	const p = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
	const g = (t) => p.find((x) => x.type === t).value;
	return `${g('year')}-${g('month')}-${g('day')}`;
}

describe('创建台账 › 结对共建', () => {
	let srv;
	let br;
	let admin; // API client as admin
	let liaisonUser; // {unit_id, unit_name}
	let target; // the demo unit paired through the UI: {id, name}
	let village; // the 嘎查村 created through the UI
	let created; // the pairing created through the UI
	const VILLAGE = uniqueName('e2e测试嘎查村');
	const today = todayCN();

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
	async function coverageCount(page, key) {
		return num(await page.locator(`${T(`coverage-card-${key}`)} .num`).innerText());
	}

	test('admin: adds a 嘎查村 on the 共建对象 page', async () => {
		const page = br.page;
		await loginAs('admin', { expectPath: '/' });
		const menu = await menuTexts(page);
		for (const t of ['创建台账', '结对共建', '共建对象', '结对覆盖']) assert.ok(menu.includes(t), JSON.stringify(menu));
		await menuGo(page, '共建对象', '/ledger/partners');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*共建对象/);
		const before = (await apiGet(page, '/partners?per_page=1')).body.total;
		await page.getByText(`共 ${before} 个共建对象`).waitFor();

		await page.locator(T('partner-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增共建对象' });
		await dialog.waitFor();
		await dialog.locator('.el-radio-button', { hasText: '嘎查村' }).click();
		await input(page, 'partner-form-name').fill(VILLAGE);
		await pick(page, 'partner-form-region', '准格尔旗');
		await input(page, 'partner-form-households').fill('120');
		await input(page, 'partner-form-population').fill('368');
		await input(page, 'partner-form-contact-name').fill('张书记');
		await input(page, 'partner-form-contact-phone').fill('0477-4212345');
		await shot(page, 'partner-form');
		const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/partners');
		await page.locator(T('partner-form-save')).click();
		const r = await answer;
		assert.equal(r.status(), 201, await r.text());
		village = await r.json();
		assert.equal(village.kind, 'village');
		assert.equal(village.households, 120);
		assert.equal(village.population, 368);
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('.el-message--success', { hasText: '共建对象已新增' }).waitFor();
		await settled(page);
		await page.getByText(`共 ${before + 1} 个共建对象`).waitFor();
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'partners');

		// find it with the search form (嘎查村 only)
		await input(page, 'partner-search-q').fill(VILLAGE);
		await pick(page, 'partner-search-kind', '嘎查村');
		await input(page, 'partner-search-q').press('Enter');
		await page.waitForURL((u) => u.searchParams.get('q') === VILLAGE && u.searchParams.get('kind') === 'village');
		await settled(page);
		await page.getByText('共 1 个共建对象').waitFor();
		const row = tableRows(page, 'partner-table');
		assert.equal(await row.count(), 1);
		const c = await rowTexts(row);
		// 名称, 类型, 行政区划, 地址, 联系人, 户数, 人口, 结对单位数, 操作
		assert.equal(c[0], VILLAGE);
		assert.equal(c[1], '嘎查村');
		assert.equal(c[2], '准格尔旗');
		assert.match(c[4], /张书记\s*0477-4212345/);
		assert.equal(c[5], '120 户');
		assert.equal(c[6], '368 人');
		assert.equal(c[7], '0');
	});

	test('admin: pairs a demo unit with it; the coverage gap shrinks by one', async () => {
		const page = br.page;
		// 结对覆盖 before: the count on the page is the API's
		await menuGo(page, '结对覆盖', '/ledger/coverage');
		const cov0 = (await apiGet(page, '/pairings/coverage')).body;
		const before = await coverageCount(page, 'units_without_village');
		assert.equal(before, cov0.counts.units_without_village);
		assert.equal(await coverageCount(page, 'units_active'), cov0.counts.units_active);
		assert.ok(before > 0, 'the demo has units without a 嘎查村');
		target = cov0.units_without_village.find((u) => u.id !== liaisonUser.unit_id);
		assert.ok(target, 'a demo unit without a 嘎查村 (not the liaison’s)');
		const noVillage = page.locator(T('coverage-no-village'));
		await noVillage.locator('.el-alert--warning').waitFor();
		assert.ok((await noVillage.locator('.el-alert').innerText()).includes(`${before.toLocaleString('zh-CN')} 家单位`));

		// 结对共建 › 新增
		await menuGo(page, '结对共建', '/ledger/pairings');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*结对共建/);
		await page.locator(T('pairing-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增结对' });
		await dialog.waitFor();
		// the unit picker searches the units
		const unitSearch = page.waitForResponse((r) => {
			const u = new URL(r.url());
			return u.pathname === '/api/v1/units' && u.searchParams.get('q') === target.name;
		});
		await page.locator(`${T('pairing-form-unit')} input`).click();
		await page.locator(`${T('pairing-form-unit')} input`).fill(target.name);
		await unitSearch;
		await page.locator('.el-select-dropdown__item:visible', { hasText: target.name }).first().click();
		// the partner picker waits for the kind, then offers partners of the kind it needs
		assert.ok(await page.locator(`${T('pairing-form-partner')} .is-disabled, ${T('pairing-form-partner')}.is-disabled`).count() > 0 ||
			await page.locator(`${T('pairing-form-partner')} input`).isDisabled(), 'no partner before the kind');
		await dialog.locator('.el-radio-button', { hasText: '包联共建嘎查村' }).click();
		const partnerSearch = page.waitForResponse((r) => {
			const u = new URL(r.url());
			return u.pathname === '/api/v1/partners' && u.searchParams.get('kind') === 'village' && u.searchParams.get('q') === VILLAGE;
		});
		await page.locator(`${T('pairing-form-partner')} input`).click();
		await page.locator(`${T('pairing-form-partner')} input`).fill(VILLAGE);
		await partnerSearch;
		await page.locator('.el-select-dropdown__item:visible', { hasText: VILLAGE }).first().click();
		assert.equal(await input(page, 'pairing-form-start').inputValue(), today, 'starts today by default');
		await input(page, 'pairing-form-note').fill('e2e 包联共建');
		await shot(page, 'pairing-form');
		let answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/pairings');
		await page.locator(T('pairing-form-save')).click();
		let r = await answer;
		assert.equal(r.status(), 201, await r.text());
		created = await r.json();
		assert.equal(created.unit_id, target.id);
		assert.equal(created.partner_id, village.id);
		assert.equal(created.kind, 'rural_revitalization');
		assert.equal(created.start_date, today);
		assert.equal(created.end_date, null);
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('.el-message--success', { hasText: '结对已新增' }).waitFor();
		await settled(page);

		// the same pairing again overlaps: the server's message shows under 开始日期
		await page.locator(T('pairing-new')).click();
		await dialog.waitFor();
		await page.locator(`${T('pairing-form-unit')} input`).click();
		await page.locator(`${T('pairing-form-unit')} input`).fill(target.name);
		await page.locator('.el-select-dropdown__item:visible', { hasText: target.name }).first().click();
		await dialog.locator('.el-radio-button', { hasText: '包联共建嘎查村' }).click();
		await page.locator(`${T('pairing-form-partner')} input`).click();
		await page.locator(`${T('pairing-form-partner')} input`).fill(VILLAGE);
		await page.locator('.el-select-dropdown__item:visible', { hasText: VILLAGE }).first().click();
		answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/pairings');
		await page.locator(T('pairing-form-save')).click();
		r = await answer;
		assert.equal(r.status(), 409, await r.text());
		assert.equal((await r.json()).error.code, 'pairing_overlap');
		const startItem = dialog.locator('.el-form-item').filter({ has: page.locator(T('pairing-form-start')) });
		await startItem.locator('.el-form-item__error', { hasText: '该单位与该共建对象在这段时间内已有结对记录' }).waitFor();
		await shot(page, 'pairing-form-overlap');
		await dialog.getByRole('button', { name: '取消' }).click();
		await page.locator('.el-message-box', { hasText: '有未保存的修改' }).getByRole('button', { name: '放弃修改' }).click();
		await dialog.waitFor({ state: 'hidden' });

		// listed as 有效 (search by the village, only the active ones)
		await input(page, 'pairing-search-q').fill(VILLAGE);
		await input(page, 'pairing-search-q').press('Enter');
		await page.waitForURL((u) => u.searchParams.get('q') === VILLAGE);
		await page.locator(T('pairing-search-active')).click();
		await page.waitForURL((u) => u.searchParams.get('active') === 'true');
		await settled(page);
		const rows = tableRows(page, 'pairing-table');
		assert.equal(await rows.count(), 1);
		const c = await rowTexts(rows.first());
		// 单位名称, 共建对象, 对象类型, 结对类型, 开始日期, 结束日期, 状态, 操作
		assert.equal(c[0], target.name);
		assert.match(c[1], new RegExp(`^${VILLAGE}`));
		assert.equal(c[2], '嘎查村');
		assert.equal(c[3], '包联共建嘎查村');
		assert.equal(c[4], today);
		assert.equal(c[5], '长期');
		assert.equal(c[6], '有效');
		assert.match(c[7], /编辑\s*结束结对\s*删除/);
		assert.equal(await rows.first().locator(`a[href="/units/${target.id}"]`).count(), 1, 'the unit name links to the unit');
		await page.getByText('共 1 条结对记录').waitFor();
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'pairings');

		// 结对覆盖 after: one unit fewer without a 嘎查村, on the page and in the API
		await menuGo(page, '结对覆盖', '/ledger/coverage');
		const cov1 = (await apiGet(page, '/pairings/coverage')).body;
		assert.equal(cov1.counts.units_without_village, before - 1);
		assert.equal(await coverageCount(page, 'units_without_village'), before - 1);
		assert.ok(!cov1.units_without_village.some((u) => u.id === target.id));
		assert.equal(await page.locator(T('coverage-no-village')).getByText(target.name, { exact: true }).count(), 0);
		assert.equal(cov1.counts.partners_total, cov0.counts.partners_total);
		assert.equal(await coverageCount(page, 'partners_without'), cov1.counts.partners_without);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'coverage');

		// the partner now counts one paired unit; the unit's page lists the pairing
		const p = (await apiGet(page, `/partners/${village.id}`)).body;
		assert.equal(p.active_pairings, 1);
		await page.goto(`/units/${target.id}`);
		await page.locator(T('unit-detail-name')).waitFor();
		await settled(page);
		const card = tableRows(page, 'unit-pairings').filter({ hasText: VILLAGE });
		assert.equal(await card.count(), 1);
		const d = await rowTexts(card.first());
		assert.match(d[0], new RegExp(`^${VILLAGE}`));
		assert.equal(d[2], '包联共建嘎查村');
		assert.equal(d[5], '有效');
		assert.equal(d[6], 'e2e 包联共建');
		await page.locator(T('unit-pairings')).scrollIntoViewIfNeeded();
		await shot(page, 'unit-detail-pairings');
	});

	test('liaison: 创建台账 › 结对共建 shows their own unit only', async () => {
		const page = br.page;
		// a community paired with the liaison's unit (through the API)
		const community = (await admin.post('/api/v1/partners', { kind: 'community', name: uniqueName('e2e测试社区'), region_code: '150622' })).body;
		assert.ok(community.id, JSON.stringify(community));
		const own = await admin.post('/api/v1/pairings', {
			unit_id: liaisonUser.unit_id, partner_id: community.id, kind: 'city_creation', start_date: '2025-03-01', note: '联络员单位结对',
		});
		assert.equal(own.status, 201, JSON.stringify(own.body));

		await loginAs('liaison');
		const menu = await menuTexts(page);
		assert.ok(menu.includes('创建台账') && menu.includes('结对共建'), JSON.stringify(menu));
		assert.ok(!menu.includes('共建对象') && !menu.includes('结对覆盖'), JSON.stringify(menu));
		await menuGo(page, '结对共建', '/ledger/pairings');
		const api = (await apiGet(page, '/pairings?per_page=100')).body;
		assert.ok(api.total >= 1);
		assert.ok(api.items.every((g) => g.unit_id === liaisonUser.unit_id), 'the API gives their unit’s only');
		assert.ok(api.items.some((g) => g.id === own.body.id));
		assert.ok(!api.items.some((g) => g.id === created.id), 'not the other unit’s');
		const rows = tableRows(page, 'pairing-table');
		assert.equal(await rows.count(), api.items.length);
		for (let i = 0; i < (await rows.count()); i++) assert.equal((await rowTexts(rows.nth(i)))[0], liaisonUser.unit_name);
		assert.equal(await page.getByText(target.name).count(), 0);

		// 新增: the unit is theirs, fixed
		await page.locator(T('pairing-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增结对' });
		await dialog.waitFor();
		assert.equal(await input(page, 'pairing-form-unit').inputValue(), liaisonUser.unit_name);
		assert.ok(await input(page, 'pairing-form-unit').isDisabled());
		await shot(page, 'pairing-form-liaison');
		await dialog.getByRole('button', { name: '取消' }).click();
		await dialog.waitFor({ state: 'hidden' });

		// 结束结对 after a confirmation naming both
		const row = rows.filter({ hasText: community.name });
		await row.locator(T('pairing-end')).click();
		const box = page.locator('.el-message-box', { hasText: '结束结对' });
		await box.waitFor();
		const text = await box.innerText();
		assert.ok(text.includes(`「${liaisonUser.unit_name}」`) && text.includes(`「${community.name}」`), text);
		const answer = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/v1/pairings/${own.body.id}`);
		await box.getByRole('button', { name: '结束结对' }).click();
		assert.equal((await answer).status(), 200);
		await page.locator('.el-message--success', { hasText: '结对已结束' }).waitFor();
		await settled(page);
		assert.equal((await rowTexts(row))[5], today, 'ends today');
		assert.equal(await row.locator(T('pairing-end')).count(), 0);
		assert.equal((await apiGet(page, `/pairings/${own.body.id}`)).body.end_date, today);
		await shot(page, 'pairings-liaison');

		// the office pages are not theirs
		await page.goto('/ledger/coverage');
		await page.waitForURL((u) => u.pathname === '/');
	});

	test('leader reads the ledger without write buttons; an assessor does not see it', async () => {
		const page = br.page;
		await loginAs('leader', { expectPath: '/' });
		const menu = await menuTexts(page);
		for (const t of ['结对共建', '共建对象', '结对覆盖']) assert.ok(menu.includes(t), JSON.stringify(menu));
		await menuGo(page, '结对共建', '/ledger/pairings');
		assert.ok((await tableRows(page, 'pairing-table').count()) >= 1);
		assert.equal(await page.locator(T('pairing-new')).count(), 0);
		assert.equal(await page.locator(T('pairing-edit')).count(), 0);
		await menuGo(page, '共建对象', '/ledger/partners');
		assert.equal(await page.locator(T('partner-new')).count(), 0);
		assert.equal(await page.locator(T('partner-edit')).count(), 0);
		await menuGo(page, '结对覆盖', '/ledger/coverage');
		const cov = (await apiGet(page, '/pairings/coverage')).body;
		assert.equal(await coverageCount(page, 'units_without_village'), cov.counts.units_without_village);
		await shot(page, 'coverage-leader');

		// an assessor sees nothing of the ledger
		await loginAs('assessor', { expectPath: '/' });
		assert.ok(!(await menuTexts(page)).includes('创建台账'));
		await page.goto('/ledger/pairings');
		await page.waitForURL((u) => u.pathname === '/');
	});

	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});
