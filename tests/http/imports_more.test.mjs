// imports_more.test.mjs — importing the rest of the creation ledger from spreadsheets: partners
// (共建对象, admins only), pairings (结对共建), exemplars (先进典型), aid records (帮扶记录) and
// public-service ads (公益广告). For each kind: the template (header = the labels, the example
// row, and it imports as it is in a dry run), a good file imported and read back through the list
// API, the list's own export re-imported (dry run: the same rows), a file with bad rows → 422 with
// the exact (row, column, field, message) entries and nothing written, and scope (a liaison's
// other-unit row, a partner or region outside the caller's scope). The rules are those of the
// API's create: labels or codes, per-kind aid rules, no overlapping pairings (in the database or
// earlier in the file), no duplicate partners.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName, listAll } from './harness.mjs';

/* ---- CSV ---- */
function csvCell(v) {
	const s = v === null || v === undefined ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function toCsv(rows) {
	return Buffer.from('\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
}
/** RFC 4180 rows of a CSV text (BOM stripped; blank lines dropped). */
function parseCsv(text) {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const rows = [];
	let row = [],
		cell = '',
		q = false,
		touched = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else q = false;
			} else cell += c;
		} else if (c === '"') {
			q = true;
			touched = true;
		} else if (c === ',') {
			row.push(cell);
			cell = '';
			touched = true;
		} else if (c === '\r' || c === '\n') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			if (touched || row.length > 1 || row[0] !== '') rows.push(row);
			row = [];
			cell = '';
			touched = false;
		} else {
			cell += c;
			touched = true;
		}
	}
	if (touched || cell !== '' || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LABELS = {
	partners: ['名称', '类型', '行政区划', '地址', '联系人', '联系电话', '户数', '人口', '备注'],
	pairings: ['单位名称', '共建对象', '结对类型', '开始日期', '结束日期', '备注'],
	exemplars: ['单位名称', '姓名或名称', '类别', '表彰级别', '年度', '四德', '主要事迹'],
	aid: ['帮扶日期', '单位名称', '帮扶类型', '帮扶对象', '第一书记', '离任日期', '项目或产品', '数量', '计量单位', '金额(元)', '说明'],
	publicity: ['开始日期', '结束日期', '单位名称', '载体', '主题', '数量', '地点', '说明'],
};
const KEYS = {
	partners: ['name', 'kind', 'region_code', 'address', 'contact_name', 'contact_phone', 'households', 'population', 'remark'],
	pairings: ['unit', 'partner', 'kind', 'start_date', 'end_date', 'note'],
	exemplars: ['unit', 'name', 'kind', 'level', 'year', 'virtue', 'deeds'],
	aid: ['aid_date', 'unit', 'kind', 'partner', 'person', 'end_date', 'item', 'quantity', 'quantity_unit', 'amount', 'description'],
	publicity: ['start_date', 'end_date', 'unit', 'carrier', 'theme', 'count', 'place', 'description'],
};
const REQUIRED = {
	partners: ['name', 'kind', 'region_code'],
	pairings: ['unit', 'partner', 'kind', 'start_date'],
	exemplars: ['unit', 'name', 'kind', 'level', 'year'],
	aid: ['aid_date', 'unit', 'kind'],
	publicity: ['start_date', 'unit', 'carrier', 'theme', 'count'],
};
const EXAMPLES = {
	partners: ['薛家湾镇利民社区', '社区', '准格尔旗', '薛家湾镇利民街1号', '李明', '0477-4212345', '1,200', '3500', ''],
	pairings: ['神华准格尔能源有限责任公司', '薛家湾镇幸福里社区', '结对共建社区', '2024-03-01', '长期', ''],
	exemplars: ['神华准格尔能源有限责任公司', '王晓梅', '身边好人', '旗县级', '2025', '社会公德', '长期照顾社区独居老人，义务清扫楼道十余年。'],
	aid: ['2025-09-10', '神华准格尔能源有限责任公司', '消费帮扶', '薛家湾镇马家塔村', '', '', '牛羊肉', '1,500', '千克', '1,480,000.00', '采购结对嘎查村农牧产品'],
	publicity: ['2025-03-01', '', '神华准格尔能源有限责任公司', '电子显示屏', '讲文明树新风', '2', '办公楼一楼大厅', ''],
};
const TABLES = {
	partners: 'partners',
	pairings: 'pairings',
	exemplars: 'exemplars',
	aid: 'aid_records',
	publicity: 'public_service_ads',
};
const NEW_KINDS = Object.keys(LABELS);

describe('imports of partners, pairings, exemplars, aid and publicity', () => {
	let srv, admin, liaison, dalad;
	let U1, U2, OWN, FAR, FARV;
	const M = '导' + randomBytes(3).toString('hex'); // marks everything made here
	const NEXT_YEAR = new Date(Date.now() + 8 * 3600e3).getUTCFullYear() + 1;

	function send(client, kind, file, { preview = false, dryRun = false, mapping } = {}) {
		const q = [];
		if (mapping !== undefined) q.push('mapping=' + encodeURIComponent(JSON.stringify(mapping)));
		if (dryRun) q.push('dry_run=1');
		const url = `/api/v1/imports/${kind}${preview ? '/preview' : ''}${q.length ? '?' + q.join('&') : ''}`;
		const isZip = file.length >= 2 && file[0] === 0x50 && file[1] === 0x4b;
		return client.post(url, undefined, { rawBody: file, contentType: isZip ? XLSX_TYPE : 'text/csv' });
	}

	/** What the imports of these kinds can write, as read from the database. */
	function state() {
		return srv.db.queryMany([
			...Object.values(TABLES).map((t) => `SELECT count(*) AS n, max(id) AS m, sum(version) AS v FROM ${t}`),
			'SELECT count(*) AS n, max(id) AS m FROM audit_log',
		]);
	}

	/** Imports rows (header = the kind's labels unless given) and expects 201 with n rows. */
	async function imports(client, kind, rows, { header = LABELS[kind] } = {}) {
		const r = await send(client, kind, toCsv([header, ...rows]));
		assert.equal(r.status, 201, `${kind}: ${JSON.stringify(r.body)}`);
		assert.deepEqual(r.body, { kind, imported: rows.length, format: 'csv' });
		return r;
	}

	/** Imports a file with bad rows: 422 with exactly these errors, the database unchanged. */
	async function refuses(client, kind, rows, errors) {
		const before = state();
		const r = await send(client, kind, toCsv([LABELS[kind], ...rows]));
		assert.equal(r.status, 422, `${kind}: ${JSON.stringify(r.body)}`);
		assert.equal(r.body.error.code, 'import_invalid');
		assert.equal(r.body.error_count, errors.length, JSON.stringify(r.body.errors, null, 1));
		assert.equal(r.body.rows, rows.length);
		assert.deepEqual(
			r.body.errors,
			errors.map(([row, field, message]) => ({ row, column: field ? LABELS[kind][KEYS[kind].indexOf(field)] : '', field, message })),
		);
		assert.deepEqual(state(), before, `${kind}: a refused import writes nothing`);
		return r;
	}

	/** Dry-runs the file: 200 with n rows, nothing written. */
	async function dryRuns(client, kind, file, n, format) {
		const before = state();
		const r = await send(client, kind, file, { dryRun: true });
		assert.equal(r.status, 200, `${kind} ${format} re-import: ${JSON.stringify(r.body)}`);
		assert.deepEqual(r.body, { dry_run: true, rows: n, format });
		assert.deepEqual(state(), before, 'a dry run writes nothing');
	}

	/** The list's export (filters in query), csv and xlsx, and their dry-run re-imports: the same rows. */
	async function reimports(client, kind, query, n) {
		const x = await client.get(`/api/v1/${kind}?${query}&format=csv`);
		assert.equal(x.status, 200, x.text.slice(0, 300));
		const rows = parseCsv(x.text);
		assert.equal(rows.length, 1 + n, `${kind} export: header + ${n} rows`);
		await dryRuns(client, kind, x.raw, n, 'csv');
		const xl = await client.get(`/api/v1/${kind}?${query}&format=xlsx`);
		assert.equal(xl.status, 200);
		await dryRuns(client, kind, xl.raw, n, 'xlsx');
		return x;
	}

	before(async () => {
		srv = await startServer();
		[admin, liaison, dalad] = await Promise.all(['admin', 'liaison', 'dalad'].map((u) => srv.login(u)));
		U1 = await createUnit(admin, { name: uniqueName(M + '单位甲') });
		U2 = await createUnit(admin, { name: uniqueName(M + '单位乙') });
		const own = await admin.get(`/api/v1/units/${liaison.user.unit_id}`);
		assert.equal(own.status, 200, JSON.stringify(own.body));
		OWN = own.body;
		// outside 准格尔旗: made by the admin of 达拉特旗
		FAR = await createUnit(dalad, { name: uniqueName(M + '达拉特单位'), region_code: '150621' });
		const r = await dalad.post('/api/v1/partners', { kind: 'village', name: `${M}达拉特嘎查`, region_code: '150621' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		FARV = r.body;
	});
	after(async () => {
		await srv?.stop();
	});

	/* ================================================================ kinds, templates ==== */

	it('GET /api/v1/imports lists the new kinds with their fields; a liaison does not see partners', async () => {
		const a = await admin.get('/api/v1/imports');
		assert.equal(a.status, 200);
		const byKind = Object.fromEntries(a.body.items.map((k) => [k.kind, k]));
		const labels = { partners: '共建对象', pairings: '结对共建', exemplars: '先进典型', aid: '帮扶记录', publicity: '公益广告' };
		for (const kind of NEW_KINDS) {
			const k = byKind[kind];
			assert.ok(k, kind);
			assert.equal(k.label, labels[kind]);
			assert.deepEqual(k.fields.map((f) => f.key), KEYS[kind]);
			assert.deepEqual(k.fields.map((f) => f.label), LABELS[kind]);
			assert.deepEqual(k.fields.filter((f) => f.required).map((f) => f.key), REQUIRED[kind]);
			assert.deepEqual(k.fields.map((f) => f.example), EXAMPLES[kind]);
		}
		const l = await liaison.get('/api/v1/imports');
		assert.equal(l.status, 200);
		const theirs = l.body.items.map((k) => k.kind);
		assert.ok(!theirs.includes('partners'), theirs.join());
		for (const kind of ['pairings', 'exemplars', 'aid', 'publicity']) assert.ok(theirs.includes(kind), kind);
	});

	for (const kind of NEW_KINDS) {
		it(`${kind} template: csv and xlsx (header = labels, the example row), importing as it is (dry run: one row)`, async () => {
			const c = await admin.get(`/api/v1/imports/${kind}/template?format=csv`);
			assert.equal(c.status, 200, c.text.slice(0, 200));
			assert.match(c.headers.get('content-type'), /^text\/csv/);
			assert.match(c.headers.get('content-disposition'), new RegExp(`filename="${kind}-template\\.csv"`));
			assert.deepEqual(parseCsv(c.text), [LABELS[kind], EXAMPLES[kind]]);
			const x = await admin.get(`/api/v1/imports/${kind}/template`);
			assert.equal(x.status, 200);
			assert.equal(x.headers.get('content-type'), XLSX_TYPE);
			assert.equal(x.raw.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
			for (const [file, format] of [
				[c.raw, 'csv'],
				[x.raw, 'xlsx'],
			]) {
				const before = state();
				const r = await send(admin, kind, file, { dryRun: true });
				assert.equal(r.status, 200, `${kind} ${format}: ${JSON.stringify(r.body)}`);
				assert.deepEqual(r.body, { dry_run: true, rows: 1, format });
				assert.deepEqual(state(), before);
			}
			// the preview maps every column of the template by its header
			const p = await send(admin, kind, c.raw, { preview: true });
			assert.equal(p.status, 200, JSON.stringify(p.body));
			assert.deepEqual(p.body.mapping, Object.fromEntries(KEYS[kind].map((k, i) => [k, i])));
			assert.equal(p.body.missing, null);
		});
	}

	/* ================================================================ partners ==== */

	describe('partners (共建对象)', () => {
		const P = (s) => `${M}${s}`;
		const good = [
			[P('利民社区'), '社区', '准格尔旗', '薛家湾镇利民街1号', '李明', '0477-4212345', '1,200', '3500', '老旧小区改造'],
			[P('布尔陶亥嘎查'), '嘎查村', '150622', '', '', '', '', '', ''],
			[P('新村'), 'village', '准格尔旗', '', '', '', '80', '', ''],
			[P('锦园小区'), '社区(小区)', ' 准格尔旗 ', '', '王芳', '13900001111', '', '', ''],
		];
		const pick = (p) => [p.name, p.kind, p.region_code, p.region_name, p.address, p.contact_name, p.contact_phone, p.households, p.population, p.remark];
		const expected = [
			[P('利民社区'), 'community', '150622', '准格尔旗', '薛家湾镇利民街1号', '李明', '0477-4212345', 1200, 3500, '老旧小区改造'],
			[P('布尔陶亥嘎查'), 'village', '150622', '准格尔旗', '', '', '', 0, 0, ''],
			[P('新村'), 'village', '150622', '准格尔旗', '', '', '', 80, 0, ''],
			[P('锦园小区'), 'community', '150622', '准格尔旗', '', '王芳', '13900001111', 0, 0, ''],
		];
		const sorted = (rows) => [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1));
		async function mine() {
			return (await listAll(admin, `/api/v1/partners?q=${encodeURIComponent(M)}&region=150622`)).filter((p) => p.name.startsWith(M));
		}

		it('a unit liaison may not import partners: 403 for the template, the preview and the import', async () => {
			const file = toCsv([LABELS.partners, good[0]]);
			for (const r of [
				await liaison.get('/api/v1/imports/partners/template?format=csv'),
				await send(liaison, 'partners', file, { preview: true }),
				await send(liaison, 'partners', file),
			]) {
				assert.equal(r.status, 403, JSON.stringify(r.body));
				assert.equal(r.body.error.code, 'forbidden');
				assert.equal(r.body.error.message, '无权导入共建对象：只有管理员可以维护共建对象');
			}
			assert.equal(srv.db.count('partners', `name LIKE '${M}%'`), 1, 'only the 达拉特 village');
		});

		it('a good file imports (kind and region by label, code or name; "1,200") and reads back through the list', async () => {
			await imports(admin, 'partners', good);
			assert.deepEqual(sorted((await mine()).map(pick)), sorted(expected));
		});

		it('the exported list re-imports: duplicates refused while they exist, the same rows once deleted', async () => {
			const x = await admin.get(`/api/v1/partners?q=${encodeURIComponent(M)}&region=150622&format=csv`);
			assert.equal(x.status, 200);
			const xl = await admin.get(`/api/v1/partners?q=${encodeURIComponent(M)}&region=150622&format=xlsx`);
			assert.equal(xl.status, 200);
			const exported = parseCsv(x.text);
			assert.deepEqual(exported[0], ['名称', '类型', '行政区划', '地址', '联系人', '联系电话', '户数', '人口', '结对单位数', '备注']);
			assert.equal(exported.length, 5);
			// while they exist, every row is a duplicate
			const before = state();
			let r = await send(admin, 'partners', x.raw, { dryRun: true });
			assert.equal(r.status, 422, JSON.stringify(r.body));
			assert.deepEqual(
				r.body.errors,
				[2, 3, 4, 5].map((row) => ({ row, column: '名称', field: 'name', message: '该行政区划内已有同名同类型的共建对象' })),
			);
			assert.deepEqual(state(), before);
			// deleted, the export imports again as it was
			const was = await mine();
			for (const p of was) {
				const d = await admin.delete(`/api/v1/partners/${p.id}?version=${p.version}`);
				assert.equal(d.status, 204, JSON.stringify(d.body));
			}
			assert.deepEqual(await mine(), []);
			await dryRuns(admin, 'partners', x.raw, 4, 'csv');
			await dryRuns(admin, 'partners', xl.raw, 4, 'xlsx');
			r = await send(admin, 'partners', x.raw);
			assert.equal(r.status, 201, JSON.stringify(r.body));
			assert.deepEqual(sorted((await mine()).map(pick)), sorted(expected));
		});

		it('bad rows → 422 with (row, column, message) for each, nothing written', async () => {
			await refuses(
				admin,
				'partners',
				[
					[P('好社区'), '社区', '准格尔旗', '', '', '', '', '', ''],
					[P('街道甲'), '街道', '准格尔旗', '', '', '', '', '', ''],
					[P('越界社区'), '社区', '达拉特旗', '', '', '', '', '', ''],
					[P('户数社区'), '社区', '准格尔旗', '', '', '', '很多', '', ''],
					[P('好社区'), '社区（小区）', '150622', '', '', '', '', '', ''],
					[P('电话社区'), '社区', '准格尔旗', '', '', '电话123', '', '', ''],
					['甲', '嘎查村', '准格尔旗', '', '', '', '', '', ''],
					[P('无区划嘎查'), '嘎查村', '', '', '', '', '', '', ''],
					[P('利民社区'), '社区', '准格尔旗', '', '', '', '', '', ''],
					[P('长电话社区'), '社区', '准格尔旗', '', '', '1'.repeat(31), '', '', ''],
				],
				[
					[3, 'kind', '共建对象类型无效，可选 community（社区）、village（嘎查村）'],
					[4, 'region_code', '行政区划“达拉特旗”不存在或不在您的管辖范围内'],
					[5, 'households', '“很多”应为0到10000000之间的整数'],
					[6, 'name', '与第2行重复：同一行政区划内已有同名同类型的共建对象'],
					[7, 'contact_phone', '联系电话只能包含数字、空格和 - + ( )'],
					[8, 'name', '名称至少2个字'],
					[9, 'region_code', '请填写行政区划（6位代码或名称）'],
					[10, 'name', '该行政区划内已有同名同类型的共建对象'],
					[11, 'contact_phone', '联系电话不能超过30个字'],
				],
			);
		});

		it('a city admin: a duplicate is one of the same region exactly, not one of a banner below', async () => {
			const ordos = await srv.login('ordos');
			const name = P('同名社区');
			for (const region_code of ['150622', '150621']) {
				const r = await ordos.post('/api/v1/partners', { kind: 'community', name, region_code });
				assert.equal(r.status, 201, JSON.stringify(r.body));
			}
			await refuses(
				ordos,
				'partners',
				[
					[name, '社区', '鄂尔多斯市', '', '', '', '', '', ''],
					[name, '社区', '达拉特旗', '', '', '', '', '', ''],
				],
				[[3, 'name', '该行政区划内已有同名同类型的共建对象']],
			);
			await imports(ordos, 'partners', [[name, '社区', '150600', '', '', '', '', '', '']]);
			const rows = srv.db.query(`SELECT region_code FROM partners WHERE name = '${name}' ORDER BY region_code`);
			assert.deepEqual(rows, [['150600'], ['150621'], ['150622']]);
		});

		it('scope: another banner admin cannot place a partner in 准格尔旗, by name or by code', async () => {
			await refuses(
				dalad,
				'partners',
				[
					[P('达拉特新社区'), '社区', '达拉特旗', '', '', '', '', '', ''],
					[P('越界社区'), '社区', '准格尔旗', '', '', '', '', '', ''],
					[P('越界嘎查'), '嘎查村', '150622', '', '', '', '', '', ''],
				],
				[
					[3, 'region_code', '行政区划“准格尔旗”不存在或不在您的管辖范围内'],
					[4, 'region_code', '行政区划“150622”不存在或不在您的管辖范围内'],
				],
			);
		});
	});

	/* ================================================================ pairings ==== */

	describe('pairings (结对共建)', () => {
		const P = (s) => `${M}${s}`;
		const pick = (g) => [g.unit_name, g.partner_name, g.kind, g.start_date, g.end_date, g.note];
		const sorted = (rows) => [...rows].sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1));
		async function mine() {
			return listAll(admin, `/api/v1/pairings?q=${encodeURIComponent(M)}`);
		}

		it('a good file imports (kind by label or code, dates in any form, 长期) and reads back; a liaison pairs their own unit', async () => {
			await imports(admin, 'pairings', [
				[U1.name, P('利民社区'), '结对共建社区', '2024-03-01', '长期', '共建文明社区'],
				[U1.name, P('布尔陶亥嘎查'), '包联嘎查村', '2024/3/1', '2025-12-31', ''],
				[U2.uscc, P('布尔陶亥嘎查'), 'rural_revitalization', '2024年5月1日', '', ''],
			]);
			await imports(liaison, 'pairings', [['', P('锦园小区'), 'city_creation', '2024-01-01', '', '']]);
			assert.deepEqual(
				sorted((await mine()).map(pick)),
				sorted([
					[U1.name, P('利民社区'), 'city_creation', '2024-03-01', null, '共建文明社区'],
					[U1.name, P('布尔陶亥嘎查'), 'rural_revitalization', '2024-03-01', '2025-12-31', ''],
					[U2.name, P('布尔陶亥嘎查'), 'rural_revitalization', '2024-05-01', null, ''],
					[OWN.name, P('锦园小区'), 'city_creation', '2024-01-01', null, ''],
				]),
			);
		});

		it('the exported list re-imports: overlaps refused while the pairings exist, the same rows once deleted', async () => {
			const x = await admin.get(`/api/v1/pairings?q=${encodeURIComponent(M)}&format=csv`);
			assert.equal(x.status, 200);
			const xl = await admin.get(`/api/v1/pairings?q=${encodeURIComponent(M)}&format=xlsx`);
			assert.equal(xl.status, 200);
			assert.equal(parseCsv(x.text).length, 5);
			let r = await send(admin, 'pairings', x.raw, { dryRun: true });
			assert.equal(r.status, 422, JSON.stringify(r.body));
			assert.deepEqual(
				r.body.errors,
				[2, 3, 4, 5].map((row) => ({ row, column: '开始日期', field: 'start_date', message: '该单位与该共建对象在这段时间内已有结对记录' })),
			);
			const was = await mine();
			for (const g of was) {
				const d = await admin.delete(`/api/v1/pairings/${g.id}?version=${g.version}`);
				assert.equal(d.status, 204, JSON.stringify(d.body));
			}
			await dryRuns(admin, 'pairings', x.raw, 4, 'csv');
			await dryRuns(admin, 'pairings', xl.raw, 4, 'xlsx');
			r = await send(admin, 'pairings', x.raw);
			assert.equal(r.status, 201, JSON.stringify(r.body));
			assert.deepEqual(sorted((await mine()).map(pick)), sorted(was.map(pick)));
		});

		it('bad rows → 422: kind ↔ partner kind, overlaps in the file and in the database, dates, scope', async () => {
			await refuses(
				admin,
				'pairings',
				[
					[U2.name, P('利民社区'), '结对共建社区', '2023-01-01', '2023-12-31', ''],
					[U2.name, P('利民社区'), '包联共建嘎查村', '2023-01-01', '', ''],
					[U2.name, P('利民社区'), '结对共建', '2023-06-01', '', ''],
					[U2.name, P('锦园小区'), '结对共建社区', '2023-06-01', '2023-01-01', ''],
					[U2.name, FARV.name, '包联共建嘎查村', '2023-01-01', '', ''],
					[FAR.name, P('新村'), '包联共建嘎查村', '2023-01-01', '', ''],
					[U2.name, P('新村'), '乱写', '2023-01-01', '', ''],
					[U2.name, P('新村'), '包联共建嘎查村', '去年', '', ''],
					[U1.name, P('利民社区'), '结对共建社区', '2025-01-01', '2025-06-30', ''],
					[U2.name, P('利民社区'), '结对共建社区', '2024-01-01', '', ''],
				],
				[
					[3, 'partner', '包联共建的对象应为嘎查村'],
					[4, 'start_date', '与第2行的结对时间重叠：该单位与该共建对象在这段时间内已有结对记录'],
					[5, 'end_date', '结束日期不能早于开始日期'],
					[6, 'partner', `找不到共建对象“${FARV.name}”，或不在您的管辖范围内`],
					[7, 'unit', `找不到单位“${FAR.name}”，或不在您的管辖范围内`],
					[8, 'kind', '结对类型无效，可选 city_creation（结对共建社区）、rural_revitalization（包联共建嘎查村）'],
					[9, 'start_date', '“去年”不是有效日期，请写成 2026-03-05 这样的格式'],
					[10, 'start_date', '该单位与该共建对象在这段时间内已有结对记录'],
				],
			);
		});

		it('scope: a liaison names another unit → refused; nothing written', async () => {
			await refuses(
				liaison,
				'pairings',
				[
					['', P('新村'), '包联共建嘎查村', '2023-01-01', '', ''],
					[U1.name, P('新村'), '包联共建嘎查村', '2023-01-01', '', ''],
				],
				[[3, 'unit', `找不到单位“${U1.name}”，或不在您的管辖范围内`]],
			);
		});
	});

	/* ================================================================ exemplars ==== */

	describe('exemplars (先进典型)', () => {
		const pick = (e) => [e.unit_name, e.name, e.kind, e.level, e.year, e.virtue, e.deeds];
		const sorted = (rows) => [...rows].sort((a, b) => (a[1] < b[1] ? -1 : 1));

		it('a good file imports (labels or codes, 2023年) and reads back; a liaison adds to their own unit', async () => {
			await imports(admin, 'exemplars', [
				[U1.name, `${M}张三`, '身边好人', '旗县级', '2024', '社会公德', '见义勇为'],
				[U1.name, `${M}李四家庭`, 'civilized_family', 'city', '2023年', '', ''],
				[U2.name, `${M}王五`, '先进工作者', '全国', '2025', '职业道德', ''],
				[U2.name, `${M}孙七`, '优秀员工/先进工作者', '自治区级', '2022', '其他', ''],
			]);
			await imports(liaison, 'exemplars', [['', `${M}赵六`, '优秀志愿者', '本单位', '2024', 'personal', '']]);
			const items = await listAll(admin, `/api/v1/exemplars?q=${encodeURIComponent(M)}`);
			assert.deepEqual(
				sorted(items.map(pick)),
				sorted([
					[U1.name, `${M}张三`, 'good_person', 'banner', 2024, 'social', '见义勇为'],
					[U1.name, `${M}李四家庭`, 'civilized_family', 'city', 2023, '', ''],
					[U2.name, `${M}王五`, 'excellent_staff', 'nation', 2025, 'professional', ''],
					[U2.name, `${M}孙七`, 'excellent_staff', 'region', 2022, '', ''],
					[OWN.name, `${M}赵六`, 'excellent_volunteer', 'unit', 2024, 'personal', ''],
				]),
			);
		});

		it('the exported list re-imports (dry run: the same rows)', async () => {
			await reimports(admin, 'exemplars', `q=${encodeURIComponent(M)}`, 5);
		});

		it('bad rows → 422 with the rules of the API, nothing written', async () => {
			await refuses(
				admin,
				'exemplars',
				[
					[U1.name, `${M}好人`, '身边好人', '市级', '2024', '', ''],
					[U1.name, `${M}劳模`, '劳动模范', '市级', '2024', '', ''],
					[U1.name, `${M}乡级`, '身边好人', '乡级', '2024', '', ''],
					[U1.name, `${M}远古`, '身边好人', '市级', '1900', '', ''],
					[U1.name, `${M}未来`, '身边好人', '市级', String(NEXT_YEAR + 1), '', ''],
					[U1.name, `${M}年度`, '身边好人', '市级', '去年', '', ''],
					[U1.name, `${M}四德`, '身边好人', '市级', '2024', '公德', ''],
					[U1.name, '', '身边好人', '市级', '2024', '', ''],
					[U1.name, `${M}长事迹`, '身边好人', '市级', '2024', '', '事'.repeat(2001)],
					[FAR.name, `${M}外旗`, '身边好人', '市级', '2024', '', ''],
				],
				[
					[3, 'kind', '典型类别无效，可选道德模范、道德模范集体、身边好人、优秀员工/先进工作者、优秀志愿者、文明家庭'],
					[4, 'level', '表彰级别无效，可选本单位、旗县级、市级、自治区级、全国'],
					[5, 'year', `年度应在1949到${NEXT_YEAR}之间`],
					[6, 'year', `年度应在1949到${NEXT_YEAR}之间`],
					[7, 'year', '“去年”不是有效的年度，请写成 2025 这样的四位年份'],
					[8, 'virtue', '四德类别无效，可选社会公德、职业道德、家庭美德、个人品德，或不填'],
					[9, 'name', '请填写姓名或名称'],
					[10, 'deeds', '主要事迹不能超过2000个字'],
					[11, 'unit', `找不到单位“${FAR.name}”，或不在您的管辖范围内`],
				],
			);
		});

		it('scope: a liaison names another unit → refused', async () => {
			await refuses(liaison, 'exemplars', [[U2.name, `${M}越权`, '身边好人', '市级', '2024', '', '']], [[2, 'unit', `找不到单位“${U2.name}”，或不在您的管辖范围内`]]);
		});
	});

	/* ================================================================ aid ==== */

	describe('aid records (帮扶记录)', () => {
		const pick = (a) => [a.unit_name, a.kind, a.partner_name, a.aid_date, a.end_date, a.person, a.item, a.quantity, a.quantity_unit, a.amount_fen, a.description];
		const sorted = (rows) => [...rows].sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1));
		const P = (s) => `${M}${s}`;

		it('a good file imports (kinds by label or code, 1,480,000.00 and 5万元, units by label) and reads back', async () => {
			await imports(admin, 'aid', [
				['2024-03-01', U1.name, '选派第一书记', P('布尔陶亥嘎查'), '张书记', '2025-03-01', '驻村工作', '', '', '', `${M}选派`],
				['2024-09-10', U1.name, '消费帮扶', '', '', '', '牛羊肉', '1,500', '千克', '1,480,000.00', `${M}采购`],
				['2024-10-01', U2.name, '捐款捐物', P('利民社区'), '', '', '', '', '', '5万元', `${M}捐赠`],
				['2024-11-01', U1.name, '帮扶资金', '', '', '', '', '', '', '200000', `${M}配套`],
				['2024-12-01', U1.name, 'industry_project', P('新村'), '', '', '肉牛养殖', '', '', '', `${M}项目`],
			]);
			await imports(liaison, 'aid', [['2024-05-01', '', 'purchase_aid', '', '', '', '土豆', '200', 'bag', '3,000.50', `${M}土豆`]]);
			const items = await listAll(admin, `/api/v1/aid?q=${encodeURIComponent(M)}`);
			assert.deepEqual(
				sorted(items.map(pick)),
				sorted([
					[U1.name, 'first_secretary', P('布尔陶亥嘎查'), '2024-03-01', '2025-03-01', '张书记', '驻村工作', 0, '', 0, `${M}选派`],
					[U1.name, 'purchase_aid', '', '2024-09-10', null, '', '牛羊肉', 1500, 'kg', 148000000, `${M}采购`],
					[U2.name, 'donation', P('利民社区'), '2024-10-01', null, '', '', 0, '', 5000000, `${M}捐赠`],
					[U1.name, 'aid_funds', '', '2024-11-01', null, '', '', 0, '', 20000000, `${M}配套`],
					[U1.name, 'industry_project', P('新村'), '2024-12-01', null, '', '肉牛养殖', 0, '', 0, `${M}项目`],
					[OWN.name, 'purchase_aid', '', '2024-05-01', null, '', '土豆', 200, 'bag', 300050, `${M}土豆`],
				]),
			);
		});

		it('the exported list re-imports (dry run: the same rows)', async () => {
			const x = await reimports(admin, 'aid', `q=${encodeURIComponent(M)}`, 6);
			assert.deepEqual(parseCsv(x.text)[0], LABELS.aid, 'the export has the template columns');
		});

		it('bad rows → 422 with the per-kind rules of the API, nothing written', async () => {
			await refuses(
				admin,
				'aid',
				[
					['2024-03-01', U1.name, '产业项目', '', '', '', '光伏', '', '', '', ''],
					['2024-03-01', U1.name, '第一书记', P('利民社区'), '李书记', '', '', '', '', '', ''],
					['2024-03-01', U1.name, '选派第一书记', '', '李书记', '', '', '', '', '', ''],
					['2024-03-01', U1.name, '捐款捐物', '', '', '', '', '', '', '很多钱', ''],
					['2024-03-01', U1.name, '消费帮扶', '', '', '', '羊肉', '10', '斤', '100', ''],
					['2024-03-01', U1.name, '消费帮扶', '', '', '', '羊肉', '10', '', '100', ''],
					['2024-03-01', U1.name, '捐款捐物', '', '', '', '', '', '', '0', ''],
					['2099-03-01', U1.name, '捐款捐物', '', '', '', '', '', '', '10', ''],
					['2024-03-01', U1.name, '捐款捐物', FARV.name, '', '', '', '', '', '10', ''],
					['2024-03-01', U1.name, '产业项目', '', '张三', '', '光伏', '', '', '', ''],
					['2024-03-01', U1.name, '结对帮扶', '', '', '', '', '', '', '', ''],
					['2024-03-01', FAR.name, '捐款捐物', '', '', '', '', '', '', '10', ''],
				],
				[
					[3, 'partner', '第一书记所驻的帮扶对象应为嘎查村'],
					[4, 'partner', '选派第一书记须选择所驻嘎查村'],
					[5, 'amount', '“很多钱”不是有效金额，请写成 1480000.00、1,480,000.00 或 148万元 这样的格式'],
					[6, 'quantity_unit', '计量单位无效，可选 kg（千克）、head（头）、piece（件）、box（箱）、bag（袋）'],
					[7, 'quantity_unit', '请选择数量的计量单位'],
					[8, 'amount', '捐款捐物须填写金额（大于0）'],
					[9, 'aid_date', '帮扶日期不能晚于今天'],
					[10, 'partner', `找不到帮扶对象“${FARV.name}”，或不在您的管辖范围内`],
					[11, 'person', '产业项目记录不能填写第一书记姓名'],
					[12, 'kind', '帮扶类型无效，可选 first_secretary（选派第一书记）、industry_project（产业项目）、purchase_aid（消费帮扶）、donation（捐款捐物）、aid_funds（帮扶资金）'],
					[13, 'unit', `找不到单位“${FAR.name}”，或不在您的管辖范围内`],
				],
			);
		});

		it('scope: a liaison names another unit; partners are those of their region', async () => {
			await refuses(
				liaison,
				'aid',
				[
					['2024-03-01', '', '捐款捐物', P('利民社区'), '', '', '', '', '', '10', ''],
					['2024-03-01', U1.name, '捐款捐物', '', '', '', '', '', '', '10', ''],
					['2024-03-01', '', '捐款捐物', FARV.name, '', '', '', '', '', '10', ''],
				],
				[
					[3, 'unit', `找不到单位“${U1.name}”，或不在您的管辖范围内`],
					[4, 'partner', `找不到帮扶对象“${FARV.name}”，或不在您的管辖范围内`],
				],
			);
		});
	});

	/* ================================================================ publicity ==== */

	describe('public-service ads (公益广告)', () => {
		const pick = (a) => [a.unit_name, a.carrier, a.theme, a.count, a.start_date, a.end_date, a.place, a.description];
		const sorted = (rows) => [...rows].sort((a, b) => (a[2] < b[2] ? -1 : 1));

		it('a good file imports (carrier by label or code) and reads back; a liaison adds to their own unit', async () => {
			await imports(admin, 'publicity', [
				['2024-03-01', '', U1.name, '电子显示屏', `${M}讲文明树新风`, '2', '大厅', ''],
				['2024/5/1', '2024-12-31', U2.name, 'wall', `${M}核心价值观`, '10', '', '沿街墙体'],
			]);
			await imports(liaison, 'publicity', [['2024-06-01', '', '', '两微一端', `${M}网络文明`, '1', '', '']]);
			const items = await listAll(admin, `/api/v1/publicity?q=${encodeURIComponent(M)}`);
			assert.deepEqual(
				sorted(items.map(pick)),
				sorted([
					[U1.name, 'led_screen', `${M}讲文明树新风`, 2, '2024-03-01', null, '大厅', ''],
					[U2.name, 'wall', `${M}核心价值观`, 10, '2024-05-01', '2024-12-31', '', '沿街墙体'],
					[OWN.name, 'wechat_weibo_app', `${M}网络文明`, 1, '2024-06-01', null, '', ''],
				]),
			);
		});

		it('the exported list re-imports (dry run: the same rows)', async () => {
			await reimports(admin, 'publicity', `q=${encodeURIComponent(M)}`, 3);
		});

		it('bad rows → 422 with the rules of the API, nothing written', async () => {
			await refuses(
				admin,
				'publicity',
				[
					['2024-03-01', '', U1.name, '墙体', `${M}好`, '1', '', ''],
					['2024-03-01', '', U1.name, '报纸', `${M}载体`, '1', '', ''],
					['2024-03-01', '', U1.name, '墙体', `${M}零`, '0', '', ''],
					['2024-03-01', '', U1.name, '墙体', `${M}空`, '', '', ''],
					['2099-03-01', '', U1.name, '墙体', `${M}未来`, '1', '', ''],
					['2024-03-01', '2024-01-01', U1.name, '墙体', `${M}倒序`, '1', '', ''],
					['2024-03-01', '', U1.name, '墙体', '', '1', '', ''],
					['2024-03-01', '', FAR.name, '墙体', `${M}外旗`, '1', '', ''],
				],
				[
					[3, 'carrier', '载体无效，可选门头、墙体、宣传栏、电子显示屏、公益广告牌、单位网站、两微一端'],
					[4, 'count', '“0”应为1到100000之间的整数'],
					[5, 'count', '请填写数量'],
					[6, 'start_date', '开始日期不能晚于今天'],
					[7, 'end_date', '结束日期不能早于开始日期'],
					[8, 'theme', '请填写主题'],
					[9, 'unit', `找不到单位“${FAR.name}”，或不在您的管辖范围内`],
				],
			);
		});

		it('scope: a liaison names another unit → refused', async () => {
			await refuses(liaison, 'publicity', [['2024-03-01', '', U1.name, '墙体', `${M}越权`, '1', '', '']], [[2, 'unit', `找不到单位“${U1.name}”，或不在您的管辖范围内`]]);
		});
	});

	it('every import of these kinds is audited once with its kind', async () => {
		const rows = srv.db.query(`SELECT entity, count(*) FROM audit_log WHERE action = 'import' GROUP BY entity ORDER BY entity`);
		const n = Object.fromEntries(rows.map(([e, c]) => [e, Number(c)]));
		// partners: the good file, the re-import and the city admin's; pairings: admin, liaison, re-import;
		// the rest: admin + liaison
		assert.deepEqual(n, { aid_record: 2, exemplar: 2, pairing: 3, partner: 3, public_service_ad: 2 });
	});
});
