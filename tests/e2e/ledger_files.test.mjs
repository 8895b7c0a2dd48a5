// ledger_files.test.mjs — photos, documents, import and export of the 创建台账 in the browser:
// (a) a unit's liaison records an activity, uploads a photo (a real PNG made here) right after
//     saving, sees its thumbnail and the large preview, is told when the same photo is reused and
//     why a file is refused, finds the photo in the activity's 查看, and 台账统计 counts the
//     activity under its type and month;
// (b) the 批量导入 wizard: a CSV without a required column is stopped at 核对列; one with a bad row
//     shows the errors (行, 列, 错误说明) and imports nothing (the API's count is unchanged); the
//     corrected file imports and its rows are listed;
// (c) 导出 Excel on the activity list downloads an .xlsx (PK…) of the filtered list; CSV too;
// (d) an office admin files a pairing's 共建协议 (a PDF) from 查看 and deletes it after a confirmation.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { startServer, openBrowser, uiLogin, settled, shot, input, pick, apiGet, menuTexts, T, uniqueName, DEMO_PASSWORD } from './lib.mjs';

const tableRows = (page, id) => page.locator(`${T(id)} .el-table__body-wrapper tbody tr.el-table__row`);
const rowTexts = async (row) => (await row.locator('td').allInnerTexts()).map((s) => s.trim());
const num = (s) => Number(String(s).replace(/[^\d]/g, ''));
const noHScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Today in Beijing time, YYYY-MM-DD (the server's dates). */
function todayCN() {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/* ---- a real PNG: RGB, 8 bits, no interlace; the pixels a gradient with a `seed` tint ---- */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
function makePng(width, height, seed = 0) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // colour type RGB
	const raw = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		const o = y * (width * 3 + 1);
		raw[o] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			raw[o + 1 + x * 3] = (x * 255) / width;
			raw[o + 2 + x * 3] = (y * 255) / height;
			raw[o + 3 + x * 3] = (seed * 97) & 0xff;
		}
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}
/** A small valid PDF (one empty page). */
function makePdf() {
	const objs = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
	];
	let out = '%PDF-1.4\n';
	const offs = [];
	objs.forEach((o, i) => {
		offs.push(out.length);
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
	for (const o of offs) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

describe('创建台账 › 照片材料、批量导入与导出', () => {
	let srv;
	let br;
	let admin; // API client as admin
	let liaisonUser;
	const TODAY = todayCN();
	const YEAR = Number(TODAY.slice(0, 4));
	const MONTH = Number(TODAY.slice(5, 7));
	const TITLE = uniqueName('e2e照片活动');
	const PREFIX = uniqueName('e2e导入');
	let activity; // recorded in (a)

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
	const isPost = (p) => (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1${p}`;

	test('liaison: records an activity, uploads a photo, sees its thumbnail; 台账统计 counts it', async () => {
		const page = br.page;
		await loginAs('liaison');
		assert.ok((await menuTexts(page)).includes('批量导入'), 'the liaison has 批量导入');
		const s0 = (await apiGet(page, `/activities/stats?year=${YEAR}`)).body;
		const type0 = (s0.by_type || []).find((t) => t.type_code === 'volunteer_service');
		const before = type0 ? type0.months[MONTH - 1] : 0;

		await menuGo(page, '活动记录', '/ledger/activities');
		await page.locator(T('activity-new')).click();
		const dialog = page.locator('.el-dialog', { hasText: '新增活动记录' });
		await dialog.waitFor();
		await pick(page, 'activity-form-type', '志愿服务');
		await input(page, 'activity-form-title').fill(TITLE);
		assert.equal(await input(page, 'activity-form-date').inputValue(), TODAY, 'today by default');
		await input(page, 'activity-form-place').fill('利民社区');
		await input(page, 'activity-form-participants').fill('25');
		await input(page, 'activity-form-participants').press('Tab');
		let answer = page.waitForResponse(isPost('/activities'));
		await page.locator(T('activity-form-save')).click();
		let r = await answer;
		assert.equal(r.status(), 201, await r.text());
		activity = await r.json();
		assert.equal(activity.unit_id, liaisonUser.unit_id);

		// saved: the dialog stays open on the activity's photos
		const files = dialog.locator(T('activity-form-files'));
		await files.waitFor();
		assert.match(await files.innerText(), new RegExp(`「${TITLE}」已登记`));
		await files.locator(T('attachments-empty')).waitFor();
		await settled(page);
		await shot(page, 'files-activity-after-save');

		// a photo, with a caption
		const png = makePng(320, 240, 1);
		await files.locator(`${T('attachment-caption')} input, input${T('attachment-caption')}`).first().fill('活动现场');
		answer = page.waitForResponse(isPost('/attachments'));
		await files.locator(T('attachment-file')).setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png });
		r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const att = await r.json();
		assert.equal(att.owner_kind, 'activity');
		assert.equal(att.owner_id, activity.id);
		assert.equal(att.is_image, true);
		assert.equal(att.caption, '活动现场');
		assert.equal(att.size, png.length);
		assert.equal(att.deduplicated, false);
		// the request was multipart with the CSRF header
		assert.match(r.request().headers()['content-type'], /^multipart\/form-data; boundary=/);
		assert.ok(r.request().headers()['x-csrf-token'], 'the CSRF header is sent');
		await page.locator('.el-message--success', { hasText: '附件已上传' }).waitFor();
		const thumb = files.locator(T('attachment-image'));
		await thumb.waitFor();
		assert.equal(await thumb.count(), 1);
		const img = thumb.locator('img');
		assert.equal(await img.getAttribute('src'), `/api/v1/attachments/${att.id}/content`);
		await page.waitForFunction((el) => el.complete && el.naturalWidth === 320, await img.elementHandle());
		assert.equal((await thumb.locator('figcaption').innerText()).trim(), '活动现场');
		assert.match(await files.locator(T('attachment-notes')).innerText(), /「现场照片\.png」已上传/);
		await settled(page);
		await shot(page, 'files-activity-photo');

		// the large preview
		await img.click();
		const viewer = page.locator('.el-image-viewer__wrapper');
		await viewer.waitFor();
		assert.equal(await viewer.locator('img.el-image-viewer__img').getAttribute('src'), `/api/v1/attachments/${att.id}/content`);
		await shot(page, 'files-activity-photo-preview');
		await page.keyboard.press('Escape');
		await viewer.waitFor({ state: 'hidden' });

		// the same photo again: reused, and said so
		answer = page.waitForResponse(isPost('/attachments'));
		await files.locator(T('attachment-file')).setInputFiles({ name: '同一张.png', mimeType: 'image/png', buffer: png });
		r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const again = await r.json();
		assert.equal(again.deduplicated, true);
		assert.equal(again.sha256, att.sha256);
		await files.locator(T('attachment-notes'), { hasText: '已存在相同文件，已复用' }).waitFor();
		await settled(page);

		// a file that is not an image or document, and a PNG named .pdf: the server's messages
		answer = page.waitForResponse(isPost('/attachments'));
		await files.locator(T('attachment-file')).setInputFiles([
			{ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('纯文本不能作为附件') },
			{ name: '伪装.pdf', mimeType: 'application/pdf', buffer: makePng(8, 8, 2) },
		]);
		r = await answer;
		assert.equal(r.status(), 400);
		const e1 = (await r.json()).error;
		assert.equal(e1.code, 'type_not_allowed');
		const notes = files.locator(T('attachment-notes'));
		await notes.locator('li', { hasText: '伪装.pdf' }).waitFor();
		const noteText = await notes.innerText();
		assert.ok(noteText.includes(`「说明.txt」未能上传：${e1.message}`), noteText);
		assert.match(noteText, /「伪装\.pdf」未能上传：文件内容与扩展名不符/);
		assert.ok(!/type_(not_allowed|mismatch)/.test(noteText), 'no raw codes');
		const listed = (await apiGet(page, `/attachments?owner_kind=activity&owner_id=${activity.id}`)).body;
		await shot(page, 'files-activity-upload-errors');

		// 完成; the activity's 查看 shows the photo(s)
		await dialog.locator(T('activity-form-done')).click();
		await dialog.waitFor({ state: 'hidden' });
		await settled(page);
		const row = tableRows(page, 'activity-table').filter({ hasText: TITLE });
		assert.equal(await row.count(), 1);
		await row.first().locator(T('activity-view')).click();
		const view = page.locator('.el-dialog').filter({ has: page.locator(T('activity-view-desc')) });
		await view.waitFor();
		const vfiles = view.locator(T('activity-files'));
		await vfiles.locator(T('attachment-image')).first().waitFor();
		assert.equal(await vfiles.locator(T('attachment-image')).count(), listed.total);
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-test="activity-files"] [data-test="attachment-image"] img')].every((el) => el.complete && el.naturalWidth > 0),
		);
		await settled(page);
		await shot(page, 'files-activity-view');

		// a reused photo listed twice: delete one, after a confirmation naming it
		if (listed.total > 1) {
			await vfiles.locator(T('attachment-delete')).last().click();
			const box = page.locator('.el-message-box', { hasText: '删除附件' });
			await box.waitFor();
			assert.match(await box.innerText(), /确定删除附件「.+」吗/);
			const del = page.waitForResponse((x) => x.request().method() === 'DELETE' && /\/api\/v1\/attachments\/\d+$/.test(new URL(x.url()).pathname));
			await box.getByRole('button', { name: '删除' }).click();
			assert.equal((await del).status(), 204);
			await page.locator('.el-message--success', { hasText: '附件已删除' }).waitFor();
			await settled(page);
			assert.equal(await vfiles.locator(T('attachment-image')).count(), listed.total - 1);
		}
		await view.getByRole('button', { name: '关闭', exact: true }).click();
		await view.waitFor({ state: 'hidden' });
		// the content is served with its type
		const content = await page.evaluate(async (u) => {
			const x = await fetch(u, { credentials: 'same-origin' });
			return { status: x.status, type: x.headers.get('Content-Type'), size: (await x.arrayBuffer()).byteLength };
		}, `/api/v1/attachments/${att.id}/content`);
		assert.deepEqual(content, { status: 200, type: 'image/png', size: png.length });

		// 台账统计: one more 志愿服务 this month, on the page and in the API
		await menuGo(page, '台账统计', '/ledger/stats');
		const s1 = (await apiGet(page, `/activities/stats?year=${YEAR}`)).body;
		assert.equal(s1.months[MONTH - 1], s0.months[MONTH - 1] + 1);
		const type1 = s1.by_type.find((t) => t.type_code === 'volunteer_service');
		assert.equal(type1.months[MONTH - 1], before + 1);
		const statRows = tableRows(page, 'stats-table');
		let cells = null;
		for (let i = 0; i < (await statRows.count()); i++) {
			const c = await rowTexts(statRows.nth(i));
			if (c[0] === type1.type_label) cells = c;
		}
		assert.ok(cells, `a row for ${type1.type_label}`);
		assert.equal(num(cells[MONTH]), before + 1, `${type1.type_label} in month ${MONTH}: ${cells}`);
		const totals = await rowTexts(tableRows(page, 'stats-table').filter({ hasText: '合计' }).last());
		assert.equal(num(totals[MONTH]), s1.months[MONTH - 1]);
		await shot(page, 'files-ledger-stats');
	});

	test('liaison: 批量导入 stops a file with errors (nothing imported), then imports the corrected file', async () => {
		const page = br.page;
		await page.goto('/ledger/activities');
		await settled(page);
		await page.locator(T('activity-import')).click();
		await page.waitForURL((u) => u.pathname === '/ledger/import' && u.searchParams.get('kind') === 'activities');
		await settled(page);
		assert.match(await page.locator('.app-crumbs').innerText(), /创建台账\s*\/\s*批量导入/);
		const kind = page.locator(`${T('import-kind')} .el-radio-button.is-active`);
		assert.equal((await kind.innerText()).trim(), '活动记录', 'the kind is preset');
		const fieldsText = await page.locator(T('import-fields')).innerText();
		for (const t of ['*单位名称', '*活动日期', '*活动名称', '*活动类型', '参与人数']) assert.ok(fieldsText.replace(/\s+/g, '').includes(t), fieldsText);
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'import-step1');

		// the template (.csv): the header row of the fields
		const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(T('import-template-csv')).click()]);
		assert.equal(dl.suggestedFilename(), '活动记录导入模板.csv');
		const tpl = readFileSync(await dl.path(), 'utf8');
		assert.match(tpl, /^\ufeff?单位名称,活动日期,活动名称,活动类型/);

		const count = async () => (await apiGet(page, `/activities?q=${encodeURIComponent(PREFIX)}&per_page=1`)).body.total;
		assert.equal(await count(), 0);
		const d1 = `${YEAR}-01-15`;
		const d2 = `${YEAR}-02-20`;
		const csv = (rows, head = '单位名称,活动日期,活动名称,活动类型,活动地点,参与人数') => Buffer.from(`${head}\r\n${rows.join('\r\n')}\r\n`, 'utf8');
		const good = [
			`,${d1},${PREFIX}一,志愿服务,利民社区,12`,
			`,${d2},${PREFIX}二,志愿服务,文化广场,30`,
			`,${d2},${PREFIX}三,志愿服务,单位会议室,8`,
		];
		const bad = [...good];
		bad[1] = `,${YEAR}-02-30,${PREFIX}二,志愿服务,文化广场,30`; // the file's row 3: no 2月30日
		const setFile = (name, buffer) => page.locator(T('import-file')).setInputFiles({ name, mimeType: 'text/csv', buffer });

		// no 活动类型 column: 核对列 names it and 下一步 waits
		let answer = page.waitForResponse(isPost('/imports/activities/preview'));
		await setFile('缺列.csv', csv([`,${d1},${PREFIX}X,利民社区,12`], '单位名称,活动日期,活动名称,活动地点,参与人数'));
		assert.equal((await answer).status(), 200);
		await page.locator(T('import-step-2')).waitFor();
		await page.locator(T('import-missing'), { hasText: '缺少必填列：活动类型' }).waitFor();
		assert.ok(await page.locator(T('import-next')).isDisabled());
		await shot(page, 'import-step2-missing');

		// the file with a bad row
		answer = page.waitForResponse(isPost('/imports/activities/preview'));
		await page.locator(T('import-rechoose')).click(); // opens the picker; the test sets the file
		await setFile('活动导入.csv', csv(bad));
		assert.equal((await answer).status(), 200);
		await page.locator(T('import-missing')).waitFor({ state: 'detached' });
		assert.equal((await page.locator(T('import-file-name')).innerText()).trim(), '活动导入.csv');
		assert.equal((await page.locator(T('import-rows')).innerText()).trim(), '3');
		// the header and first rows, the columns picked from the header
		const heads = (await page.locator(`${T('import-sample')} .el-table__header-wrapper th`).allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
		assert.equal(heads[0], '行');
		assert.match(heads[1], /^A · 单位名称 → 单位名称$/);
		assert.match(heads[4], /^D · 活动类型 → 活动类型$/);
		const sample = tableRows(page, 'import-sample');
		assert.equal(await sample.count(), 3);
		assert.deepEqual((await rowTexts(sample.first())).slice(0, 4), ['2', '', d1, `${PREFIX}一`]);
		const map = async (key) => (await page.locator(`${T(`import-map-${key}`)} .el-select__placeholder`).first().innerText()).trim();
		assert.equal(await map('title'), 'C 列 · 活动名称');
		assert.equal(await map('participants'), 'F 列 · 参与人数');
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'import-step2');

		await page.locator(T('import-next')).click();
		await page.locator(T('import-step-3')).waitFor();
		// 检查: the errors, nothing imported
		answer = page.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname === '/api/v1/imports/activities');
		await page.locator(T('import-check')).click();
		let r = await answer;
		assert.equal(r.status(), 422, await r.text());
		assert.equal(new URL(r.url()).searchParams.get('dry_run'), '1');
		const sent = JSON.parse(new URL(r.url()).searchParams.get('mapping'));
		assert.deepEqual(sent, { unit: 0, activity_date: 1, title: 2, type: 3, festival: null, place: 4, partner: null, role: null, participants: 5, description: null });
		const errs = await page.locator(T('import-errors'));
		await errs.waitFor();
		assert.match(await page.locator(T('import-errors-summary')).innerText(), /发现\s*1\s*处错误，未导入任何数据/);
		let erows = tableRows(page, 'import-error-table');
		assert.equal(await erows.count(), 1);
		let ec = await rowTexts(erows.first());
		assert.deepEqual(ec.slice(0, 2), ['3', '活动日期']);
		assert.match(ec[2], /不是有效日期/);
		// 导入 as it is: refused all the same; the API's count did not change
		answer = page.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname === '/api/v1/imports/activities');
		await page.locator(T('import-submit')).click();
		r = await answer;
		assert.equal(r.status(), 422);
		assert.equal(new URL(r.url()).searchParams.get('dry_run'), null);
		await page.locator(T('import-errors')).waitFor();
		erows = tableRows(page, 'import-error-table');
		ec = await rowTexts(erows.first());
		assert.deepEqual(ec.slice(0, 2), ['3', '活动日期']);
		assert.equal(await count(), 0, 'nothing imported');
		assert.ok(await noHScroll(page), 'no horizontal scrolling at 1366×768');
		await shot(page, 'import-step3-errors');

		// the corrected file: same header, so the columns stay; 检查 passes, 导入 imports 3
		answer = page.waitForResponse(isPost('/imports/activities/preview'));
		await page.locator(T('import-rechoose-3')).click();
		await setFile('活动导入（已修改）.csv', csv(good));
		assert.equal((await answer).status(), 200);
		await page.locator(T('import-step-2')).waitFor();
		assert.equal(await map('title'), 'C 列 · 活动名称');
		await page.locator(T('import-next')).click();
		await page.locator(T('import-step-3')).waitFor();
		assert.equal(await page.locator(T('import-errors')).count(), 0, 'the old errors are gone');
		answer = page.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname === '/api/v1/imports/activities');
		await page.locator(T('import-check')).click();
		r = await answer;
		assert.equal(r.status(), 200, await r.text());
		await page.locator(T('import-check-ok'), { hasText: '检查通过：3 行数据均可导入' }).waitFor();
		assert.equal(await count(), 0, 'a check saves nothing');
		await shot(page, 'import-step3-checked');
		answer = page.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname === '/api/v1/imports/activities');
		await page.locator(T('import-submit')).click();
		r = await answer;
		assert.equal(r.status(), 201, await r.text());
		assert.equal((await r.json()).imported, 3);
		await page.locator(T('import-done')).waitFor();
		assert.equal((await page.locator(T('import-imported')).innerText()).trim(), '3');
		assert.equal(await count(), 3);
		await page.locator('.el-message--success', { hasText: '已导入 3 条活动记录' }).waitFor();
		await shot(page, 'import-done');

		// the list has them (this year's), in the liaison's unit
		await page.locator(T('import-link-activities')).click();
		await page.waitForURL((u) => u.pathname === '/ledger/activities');
		await settled(page);
		await input(page, 'activity-search-q').fill(PREFIX);
		await input(page, 'activity-search-q').press('Enter');
		await page.waitForURL((u) => u.searchParams.get('q') === PREFIX);
		await settled(page);
		const rows = tableRows(page, 'activity-table');
		assert.equal(await rows.count(), 3);
		const titles = [];
		for (let i = 0; i < 3; i++) titles.push((await rowTexts(rows.nth(i)))[1]);
		assert.deepEqual(titles.sort(), [`${PREFIX}一`, `${PREFIX}三`, `${PREFIX}二`].sort());
		const one = (await apiGet(page, `/activities?q=${encodeURIComponent(`${PREFIX}一`)}`)).body.items[0];
		assert.deepEqual([one.unit_id, one.activity_date, one.place, one.participants], [liaisonUser.unit_id, d1, '利民社区', 12]);
	});

	test('liaison: 导出 Excel downloads the filtered activity list as .xlsx; CSV as well', async () => {
		const page = br.page;
		// the list is still filtered by the import's prefix
		assert.equal(new URL(page.url()).searchParams.get('q'), PREFIX);
		await page.locator(T('activity-export')).click();
		const xlsxItem = page.locator(T('activity-export-xlsx'));
		await xlsxItem.waitFor();
		assert.equal((await xlsxItem.innerText()).trim(), '导出 Excel（.xlsx）');
		assert.equal((await page.locator(T('activity-export-csv')).innerText()).trim(), '导出 CSV');
		await shot(page, 'export-dropdown');
		let answer = page.waitForResponse((x) => new URL(x.url()).pathname === '/api/v1/activities' && new URL(x.url()).searchParams.get('format') === 'xlsx');
		let [dl] = await Promise.all([page.waitForEvent('download'), xlsxItem.click()]);
		const r = await answer;
		const q = new URL(r.url()).searchParams;
		assert.equal(q.get('q'), PREFIX, 'the current filters');
		assert.equal(q.get('year'), String(YEAR));
		assert.equal(dl.suggestedFilename(), '活动记录.xlsx');
		const xlsx = readFileSync(await dl.path());
		assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK');
		assert.ok(xlsx.length > 500);

		await page.locator(T('activity-export')).click();
		answer = page.waitForResponse((x) => new URL(x.url()).pathname === '/api/v1/activities' && new URL(x.url()).searchParams.get('format') === 'csv');
		[dl] = await Promise.all([page.waitForEvent('download'), page.locator(T('activity-export-csv')).click()]);
		await answer;
		assert.equal(dl.suggestedFilename(), '活动记录.csv');
		const text = readFileSync(await dl.path(), 'utf8').replace(/^\ufeff/, '');
		const lines = text.trim().split(/\r?\n/);
		assert.equal(lines.length, 4, 'the header and the three filtered rows');
		assert.ok(lines.slice(1).every((l) => l.includes(PREFIX)), text);
	});

	test('admin: files a pairing’s 共建协议 (PDF) from 查看 and deletes it after a confirmation', async () => {
		const page = br.page;
		await loginAs('admin', { expectPath: '/' });
		assert.ok((await menuTexts(page)).includes('批量导入'));
		await menuGo(page, '结对共建', '/ledger/pairings');
		const first = tableRows(page, 'pairing-table').first();
		await first.locator(T('pairing-view')).click();
		const view = page.locator('.el-dialog').filter({ has: page.locator(T('pairing-view-desc')) });
		await view.waitFor();
		const files = view.locator(T('pairing-files'));
		assert.match(await files.innerText(), /共建协议/);
		await settled(page);
		const pdf = makePdf();
		const answer = page.waitForResponse(isPost('/attachments'));
		await files.locator(T('attachment-file')).setInputFiles({ name: '共建协议（盖章版）.pdf', mimeType: 'application/pdf', buffer: pdf });
		const r = await answer;
		assert.equal(r.status(), 201, await r.text());
		const att = await r.json();
		assert.equal(att.owner_kind, 'pairing');
		assert.equal(att.is_image, false);
		const doc = files.locator(T('attachment-doc'));
		await doc.waitFor();
		const text = await doc.innerText();
		assert.ok(text.includes('PDF') && text.includes('共建协议（盖章版）.pdf'), text);
		assert.match(text, new RegExp(`${pdf.length} B`));
		assert.equal(await doc.locator('a', { hasText: '共建协议（盖章版）.pdf' }).getAttribute('href'), `/api/v1/attachments/${att.id}/content`);
		await settled(page);
		await shot(page, 'files-pairing-agreement');

		await doc.locator(T('attachment-delete')).click();
		const box = page.locator('.el-message-box', { hasText: '删除附件' });
		await box.waitFor();
		assert.ok((await box.innerText()).includes('「共建协议（盖章版）.pdf」'));
		const del = page.waitForResponse((x) => x.request().method() === 'DELETE' && new URL(x.url()).pathname === `/api/v1/attachments/${att.id}`);
		await box.getByRole('button', { name: '删除' }).click();
		assert.equal((await del).status(), 204);
		await files.locator(T('attachments-empty')).waitFor();
		assert.equal((await apiGet(page, `/attachments/${att.id}`)).status, 404);
		await view.getByRole('button', { name: '关闭', exact: true }).click();
		await view.waitFor({ state: 'hidden' });
	});

	test('leader: reads the photos, no upload; no 批量导入', async () => {
		const page = br.page;
		await loginAs('leader', { expectPath: '/' });
		assert.ok(!(await menuTexts(page)).includes('批量导入'));
		await page.goto(`/ledger/activities?q=${encodeURIComponent(TITLE)}`);
		await settled(page);
		assert.equal(await page.locator(T('activity-import')).count(), 0);
		assert.equal(await page.locator(T('activity-export')).count(), 1);
		await tableRows(page, 'activity-table').first().locator(T('activity-view')).click();
		const view = page.locator('.el-dialog').filter({ has: page.locator(T('activity-view-desc')) });
		await view.waitFor();
		await view.locator(T('attachment-image')).first().waitFor();
		assert.equal(await view.locator(T('attachment-upload')).count(), 0);
		assert.equal(await view.locator(T('attachment-delete')).count(), 0);
		await page.goto('/ledger/import');
		await page.waitForURL((u) => u.pathname === '/');
	});

	test('closes the browser; the server exits with status 0 on SIGTERM', async () => {
		await br.close();
		const res = await srv.stop();
		assert.equal(res.code, 0);
	});
});
