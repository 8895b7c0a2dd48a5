// ledger_records.test.mjs — 创建台账 › 先进典型 (with the 善行义举四德榜), 帮扶记录 and 公益宣传 in the
// browser: a unit's liaison records an exemplar and finds it on their unit's 四德榜 in the column
// picked (职业道德), also from their unit's page and when printed (no frame on paper); an office
// admin records a 消费帮扶 of 18,266 千克 for ¥1,480,000.00 (a negative amount first: the server's
// message shows under 金额) and the totals strip shows 148.00 万元 and 18,266 千克; a liaison records
// a public-service ad and finds it listed; a leader reads all three without write buttons.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, openBrowser, uiLogin, settled, shot, input, pick, apiGet, menuTexts, T, createUnit, uniqueName, DEMO_PASSWORD,
} from './lib.mjs';

const tableRows = (page, id) => page.locator(`${T(id)} .el-table__body-wrapper tbody tr.el-table__row`);
const rowTexts = async (row) => (await row.locator('td').allInnerTexts()).map((s) => s.trim());
const headTexts = async (page, id) =>
	(await page.locator(`${T(id)} .el-table__header-wrapper th`).allInnerTexts()).map((s) => s.trim()).filter(Boolean);

/** This year in Beijing time (the server's dates). */
function yearCN() {
	return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

describe('创建台账 › 先进典型, 四德榜, 帮扶记录 and 公益宣传', () => {
	let srv;
	let br;
	let admin; // API client as admin
	let liaisonUser; // {unit_id, unit_name}
	let aidUnit; // a fresh unit for the aid record: its totals are that record's alone
	const YEAR = yearCN();
	const EXEMPLAR = uniqueName('e2e好人');
	const DEEDS = '坚守岗位二十年，带领班组安全生产零事故，业余时间坚持参加志愿服务。';
	const AD_THEME = uniqueName('讲文明树新风');

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
			aidUnit = await createUnit(admin, { name: uniqueName('e2e帮扶单位') });
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
	async function searchFor(page, prefix, q) {
		await input(page, `${prefix}-search-q`).fill(q);
		await page.locator(T(`${prefix}-search-submit`)).click();
		await page.waitForURL((u) => u.searchParams.get('q') === q);
		await settled(page);
	}
	const noHScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
	const isPost = (p) => (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1${p}`;
	/** The names on the 四德榜 column `virtue` (social, professional, family, personal, other). */
	const boardNames = async (page, virtue) =>
		(await page.locator(`${T(`board-col-${virtue}`)} ${T('board-card-name')}`).allInnerTexts()).map((s) => s.trim());

	test('liaison: records a 身边好人 and finds it on the 四德榜 under 职业道德', async () => {
		const page = br.page;
		await loginAs('liaison');
		const menu = await menuTexts(page);
		const at = menu.indexOf('志愿者');
		assert.deepEqual(menu.slice(at, at + 6), ['志愿者', '先进典型', '四德榜', '帮扶记录', '公益宣传', '台账统计'], JSON.stringify(menu));
		await menuGo(page, '先进典型', '/ledger/exemplars');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*先进典型/);
		assert.deepEqual(await headTexts(page, 'exemplar-table'), ['姓名（名称）', '类型', '级别', '年度', '四德榜栏目', '主要事迹', '操作']);

		await page.locator(T('exemplar-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增先进典型' });
		await dialog.waitFor();
		assert.equal(await input(page, 'exemplar-form-unit').inputValue(), liaisonUser.unit_name);
		assert.ok(await input(page, 'exemplar-form-unit').isDisabled(), 'the unit is theirs, fixed');
		await pick(page, 'exemplar-form-kind', '身边好人');
		await input(page, 'exemplar-form-name').fill(EXEMPLAR);
		await pick(page, 'exemplar-form-level', '市级');
		assert.equal(await input(page, 'exemplar-form-year').inputValue(), String(YEAR), 'this year by default');
		await page.locator(T('exemplar-form-virtue')).getByText('职业道德').click();
		await input(page, 'exemplar-form-deeds').fill(DEEDS);
		await shot(page, 'exemplar-form');
		const answer = page.waitForResponse(isPost('/exemplars'));
		await page.locator(T('exemplar-form-save')).click();
		const r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const x = await r.json();
		assert.equal(x.unit_id, liaisonUser.unit_id);
		assert.deepEqual([x.kind, x.level, x.year, x.virtue], ['good_person', 'city', YEAR, 'professional']);
		await dialog.waitFor({ state: 'hidden' });
		await settled(page);

		await searchFor(page, 'exemplar', EXEMPLAR);
		assert.equal(await tableRows(page, 'exemplar-table').count(), 1);
		const cells = await rowTexts(tableRows(page, 'exemplar-table').first());
		assert.deepEqual(cells.slice(0, 6), [EXEMPLAR, '身边好人', '市级', String(YEAR), '职业道德', DEEDS]);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'exemplars-liaison');

		// the 四德榜 of their unit: the card is in the 职业道德 column, nowhere else
		await page.locator(T('exemplar-board-link')).click();
		await page.waitForURL((u) => u.pathname === '/ledger/board');
		await settled(page);
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*先进典型\s*\/\s*四德榜/);
		const board = page.locator(T('board'));
		await board.waitFor();
		assert.equal((await page.locator(T('board-unit-name')).innerText()).trim(), liaisonUser.unit_name);
		assert.match(await board.locator('h1').innerText(), /善行义举四德榜/);
		const heads = (await board.locator('.hb-columns .hb-col-title').allInnerTexts()).map((s) => s.trim());
		assert.deepEqual(heads, ['社会公德', '职业道德', '家庭美德', '个人品德']);
		assert.ok((await boardNames(page, 'professional')).includes(EXEMPLAR), 'in the 职业道德 column');
		for (const v of ['social', 'family', 'personal', 'other']) assert.ok(!(await boardNames(page, v)).includes(EXEMPLAR), `not under ${v}`);
		const card = page.locator(`${T('board-col-professional')} ${T('board-card')}`, { hasText: EXEMPLAR });
		assert.match(await card.innerText(), new RegExp(`身边好人 · 市级\\s*${YEAR}年`));
		assert.match(await card.innerText(), /坚守岗位二十年/);
		// this year's board by default
		assert.equal((await page.locator(T('board-year-text')).innerText()).trim(), `${YEAR}年度`);
		const api = (await apiGet(page, `/exemplars/board?unit_id=${liaisonUser.unit_id}&year=${YEAR}`)).body;
		assert.equal((await page.locator(T('board-total')).innerText()).trim(), api.total.toLocaleString('zh-CN'));
		for (const g of api.groups) {
			const names = await boardNames(page, g.virtue || 'other');
			assert.deepEqual(names, g.items.map((i) => i.name), `the ${g.label} column as the API has it`);
		}
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'board-liaison');

		// all years: still there
		await pick(page, 'board-year', '全部年度');
		await page.waitForURL((u) => u.searchParams.get('year') === 'all');
		await settled(page);
		assert.equal((await page.locator(T('board-year-text')).innerText()).trim(), '历年');
		assert.ok((await boardNames(page, 'professional')).includes(EXEMPLAR));
		const all = (await apiGet(page, `/exemplars/board?unit_id=${liaisonUser.unit_id}`)).body;
		assert.equal((await page.locator(T('board-total')).innerText()).trim(), all.total.toLocaleString('zh-CN'));

		// printed: the board without the frame and the controls
		await page.emulateMedia({ media: 'print' });
		assert.equal(await page.locator('.app-header').isVisible(), false, 'no header on paper');
		assert.equal(await page.locator('.app-aside').isVisible(), false, 'no menu on paper');
		assert.equal(await page.locator(T('board-print')).isVisible(), false, 'no controls on paper');
		assert.ok(await board.isVisible());
		await shot(page, 'board-print');
		await page.emulateMedia({ media: 'screen' });

		// the unit's page links to its 四德榜
		await page.goto(`/units/${liaisonUser.unit_id}`);
		await settled(page);
		const more = page.locator(T('unit-ledger-more'));
		await more.waitFor();
		await more.scrollIntoViewIfNeeded();
		await shot(page, 'unit-detail-ledger-more');
		await more.locator(T('unit-board-link')).click();
		await page.waitForURL((u) => u.pathname === '/ledger/board');
		await settled(page);
		assert.ok((await boardNames(page, 'professional')).includes(EXEMPLAR));
	});

	test('admin: records a 消费帮扶; a negative amount is refused under 金额; the totals show 148.00 万元 and 18,266 千克', async () => {
		const page = br.page;
		await loginAs('admin');
		await menuGo(page, '帮扶记录', '/ledger/aid');
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*帮扶记录/);
		// the fresh unit's list (as from its page): nothing yet
		await page.goto(`/ledger/aid?unit_id=${aidUnit.id}`);
		await settled(page);
		assert.equal(await tableRows(page, 'aid-table').count(), 0);
		const strip = page.locator(T('aid-totals'));
		assert.match(await strip.locator(T('aid-total-all')).innerText(), /0\.00\s*万元/);

		await page.locator(T('aid-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增帮扶记录' });
		await dialog.waitFor();
		assert.match(await dialog.locator(T('aid-form-unit')).innerText(), new RegExp(aidUnit.name), 'the unit of the list is preset');
		// the fields follow the kind
		await page.locator(T('aid-form-kind')).getByText('选派第一书记').click();
		await page.locator(T('aid-form-person')).waitFor();
		assert.equal(await page.locator(T('aid-form-amount')).count(), 0, 'no amount for a first secretary');
		assert.equal(await page.locator(T('aid-form-end')).count(), 1, 'a first secretary has 到任 – 离任');
		await page.locator(T('aid-form-kind')).getByText('消费帮扶').click();
		await page.locator(T('aid-form-amount')).waitFor();
		assert.equal(await page.locator(T('aid-form-person')).count(), 0);
		assert.equal(await page.locator(T('aid-form-end')).count(), 0);
		await input(page, 'aid-form-item').fill('牛羊肉');
		const qty = input(page, 'aid-form-quantity');
		await qty.fill('18266');
		await qty.press('Tab');
		assert.match(await dialog.locator(T('aid-form-quantity-unit')).innerText(), /千克/, '千克 by default');

		// a negative amount: the server's message under 金额
		await input(page, 'aid-form-amount').fill('-100');
		let answer = page.waitForResponse(isPost('/aid'));
		await page.locator(T('aid-form-save')).click();
		let r = await answer;
		assert.equal(r.status(), 400, await r.text());
		assert.equal(JSON.parse(r.request().postData()).amount_fen, -10000, 'sent as fen');
		const err = (await r.json()).error;
		assert.equal(err.field, 'amount_fen');
		const amountItem = dialog.locator('.el-form-item').filter({ has: page.locator(T('aid-form-amount')) });
		assert.match(await amountItem.locator('.el-form-item__label').innerText(), /金额/);
		await amountItem.locator('.el-form-item__error', { hasText: err.message }).waitFor();
		await shot(page, 'aid-form-negative-amount');

		// 1,480,000.00 元 → 148,000,000 fen
		await input(page, 'aid-form-amount').fill('1,480,000.00');
		await amountItem.locator('.el-form-item__error').waitFor({ state: 'detached' }); // the message goes with the change
		assert.equal((await page.locator(T('aid-form-amount-preview')).innerText()).trim(), '¥1,480,000.00（148.00 万元）');
		answer = page.waitForResponse(isPost('/aid'));
		await page.locator(T('aid-form-save')).click();
		r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const sent = JSON.parse(r.request().postData());
		assert.deepEqual(
			{ unit_id: sent.unit_id, kind: sent.kind, item: sent.item, quantity: sent.quantity, quantity_unit: sent.quantity_unit, amount_fen: sent.amount_fen },
			{ unit_id: aidUnit.id, kind: 'purchase_aid', item: '牛羊肉', quantity: 18266, quantity_unit: 'kg', amount_fen: 148000000 },
		);
		const a = await r.json();
		assert.equal(a.amount_fen, 148000000);
		assert.equal(a.amount_yuan, '1,480,000.00');
		assert.equal(a.amount_wan, '148.00');
		await dialog.waitFor({ state: 'hidden' });
		await settled(page);

		// listed, and the totals strip
		assert.equal(await tableRows(page, 'aid-table').count(), 1);
		const cells = await rowTexts(tableRows(page, 'aid-table').first());
		assert.equal(cells[0], aidUnit.name);
		assert.equal(cells[2], '消费帮扶');
		assert.equal(cells[3], '牛羊肉 18,266 千克');
		assert.equal(cells[5], '1,480,000.00');
		const purchase = strip.locator(T('aid-total-purchase_aid'));
		assert.equal((await purchase.locator(T('aid-total-amount')).innerText()).trim(), '148.00');
		assert.equal((await purchase.locator(T('aid-total-kg')).innerText()).trim(), '18,266');
		assert.match(await purchase.innerText(), /148\.00\s*万元/);
		assert.match(await purchase.innerText(), /18,266\s*千克/);
		assert.match(await strip.locator(T('aid-total-all')).innerText(), /148\.00\s*万元/);
		const totals = (await apiGet(page, `/aid/totals?unit_id=${aidUnit.id}`)).body;
		assert.equal(totals.amount_wan, '148.00');
		assert.equal(totals.quantity_kg, 18266);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'aid-admin');
	});

	test('liaison: records a public-service ad and finds it listed', async () => {
		const page = br.page;
		await loginAs('liaison');
		await menuGo(page, '公益宣传', '/ledger/publicity');
		assert.deepEqual(await headTexts(page, 'publicity-table'), ['广告主题', '载体', '数量', '起止日期', '地点（平台）', '操作']);
		await page.locator(T('publicity-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增公益广告' });
		await dialog.waitFor();
		assert.equal(await input(page, 'publicity-form-unit').inputValue(), liaisonUser.unit_name);
		await pick(page, 'publicity-form-carrier', '墙体');
		await input(page, 'publicity-form-theme').fill(AD_THEME);
		const count = input(page, 'publicity-form-count');
		await count.fill('3');
		await count.press('Tab');
		const start = input(page, 'publicity-form-start');
		await start.fill(`${YEAR}-01-05`);
		await start.press('Enter');
		await input(page, 'publicity-form-place').fill('办公楼东侧院墙');
		await shot(page, 'publicity-form');
		const answer = page.waitForResponse(isPost('/publicity'));
		await page.locator(T('publicity-form-save')).click();
		const r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const ad = await r.json();
		assert.deepEqual([ad.carrier, ad.theme, ad.count, ad.start_date, ad.year], ['wall', AD_THEME, 3, `${YEAR}-01-05`, YEAR]);
		await dialog.waitFor({ state: 'hidden' });
		await settled(page);

		await searchFor(page, 'publicity', AD_THEME);
		assert.equal(await tableRows(page, 'publicity-table').count(), 1);
		const cells = await rowTexts(tableRows(page, 'publicity-table').first());
		assert.deepEqual(cells.slice(0, 5), [AD_THEME, '墙体', '3 处', `${YEAR}-01-05 至 今`, '办公楼东侧院墙']);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'publicity-liaison');
	});

	test('leader: reads the three lists and the 四德榜 without write buttons', async () => {
		const page = br.page;
		await loginAs('leader', { expectPath: '/' });
		const menu = await menuTexts(page);
		for (const t of ['先进典型', '四德榜', '帮扶记录', '公益宣传']) assert.ok(menu.includes(t), JSON.stringify(menu));

		await menuGo(page, '先进典型', '/ledger/exemplars');
		await searchFor(page, 'exemplar', EXEMPLAR);
		assert.equal(await tableRows(page, 'exemplar-table').count(), 1);
		assert.deepEqual(await headTexts(page, 'exemplar-table'), ['单位名称', '姓名（名称）', '类型', '级别', '年度', '四德榜栏目', '主要事迹']);
		assert.equal(await page.locator(T('exemplar-new')).count(), 0, 'no 新增 for a leader');
		assert.equal(await page.locator(T('exemplar-edit')).count(), 0);
		assert.equal(await page.locator(T('exemplar-delete')).count(), 0);
		assert.equal(await page.locator(T('exemplar-export')).count(), 1, '导出 is there');

		// the 四德榜 asks for a unit first
		await menuGo(page, '四德榜', '/ledger/board');
		await page.locator(T('board-pick-unit')).waitFor();
		await page.goto(`/ledger/board?unit_id=${liaisonUser.unit_id}`);
		await settled(page);
		assert.ok((await boardNames(page, 'professional')).includes(EXEMPLAR));
		await shot(page, 'board-leader');

		await menuGo(page, '帮扶记录', '/ledger/aid');
		assert.equal(await page.locator(T('aid-new')).count(), 0);
		assert.equal(await page.locator(T('aid-edit')).count(), 0);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'aid-leader');

		await menuGo(page, '公益宣传', '/ledger/publicity');
		assert.equal(await page.locator(T('publicity-new')).count(), 0);
		await searchFor(page, 'publicity', AD_THEME);
		assert.equal(await tableRows(page, 'publicity-table').count(), 1);
		assert.equal(await page.locator(T('publicity-edit')).count(), 0);
		assert.equal(await page.locator(T('publicity-delete')).count(), 0);
	});

	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});
