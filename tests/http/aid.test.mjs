// aid.test.mjs — the creation ledger (创建台账), slice 4: aid records (帮扶记录: 选派第一书记, 产业项目,
// 消费帮扶, 捐款捐物, 帮扶资金). CRUD with versions (409 stale); the per-kind rules with their codes
// and fields (a first secretary needs a village partner, a person and no amount; purchase aid a
// product, a quantity with its unit and an amount; end_date only for a first secretary; dates real
// and not after today; amounts integer fen 0..10^15: negative, too large, fractional or not numbers
// refused); a partner or unit outside the caller's scope → 404; money answered as exact 元 and
// 万元 text; filters and order (date ↓, id ↓); totals by kind exact to the fen; the CSV export with
// its 金额(元) column; every write audited once; a rejected write changes neither the records nor
// the audit log; a liaison keeps only their own unit's records; viewers and assessors read only.
// Fixtures are made through the API and every check is narrowed to them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName } from './harness.mjs';

const KEYS = [
	'aid_date',
	'amount_fen',
	'amount_wan',
	'amount_yuan',
	'created_at',
	'description',
	'end_date',
	'id',
	'item',
	'kind',
	'kind_label',
	'partner_id',
	'partner_name',
	'person',
	'quantity',
	'quantity_unit',
	'quantity_unit_label',
	'unit_id',
	'unit_name',
	'updated_at',
	'version',
	'year',
];
const KIND_LABELS = {
	first_secretary: '选派第一书记',
	industry_project: '产业项目',
	purchase_aid: '消费帮扶',
	donation: '捐款捐物',
	aid_funds: '帮扶资金（配套资金）',
};

/** YYYY-MM-DD in the offices' time zone (UTC+8), days from today. */
const dayCN = (days = 0) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

describe('aid records', () => {
	let srv, admin, ordos, dalad, liaison, leader, assessor;
	let U1, U2, PV, PC, farUnit, farVillage, ownUnitId;
	let demoMaxId;

	/* ---- audit ---- */

	function entriesOf(r) {
		const rid = r.headers.get('x-request-id');
		assert.match(rid || '', /^[0-9a-f]{8,}$/, 'X-Request-Id header');
		return srv.db
			.query(`SELECT actor_name, action, entity, entity_id, before_json, after_json FROM audit_log WHERE request_id = '${rid}' ORDER BY id`)
			.map(([actorName, action, entity, entityId, b, a]) => ({
				actorName,
				action,
				entity,
				entityId,
				before: b === null ? null : JSON.parse(b),
				after: a === null ? null : JSON.parse(a),
			}));
	}
	function oneEntry(r, actor, action, id) {
		const es = entriesOf(r);
		assert.equal(es.length, 1, `exactly one audit entry for ${action}: ${JSON.stringify(es)}`);
		assert.equal(es[0].actorName, actor.user.username, 'actor');
		assert.equal(es[0].action, action);
		assert.equal(es[0].entity, 'aid_record');
		assert.equal(es[0].entityId, String(id));
		return es[0];
	}

	/* ---- rejected writes change nothing ---- */

	function state() {
		const [all, mine, counts] = srv.db.queryMany([
			'SELECT count(*) AS n, max(id) AS m, sum(version) AS v, max(updated_at) AS u FROM aid_records',
			`SELECT * FROM aid_records WHERE id > ${demoMaxId} ORDER BY id`,
			'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT max(id) FROM audit_log) AS b, (SELECT count(*) FROM units) AS c, (SELECT count(*) FROM partners) AS d',
		]);
		return { all, mine, counts };
	}
	async function rejects(client, method, path, body, { status, code, field, opts } = {}) {
		const before = state();
		const r = await client.req(method, path, body, opts);
		const what = `${method} ${path} ${opts?.rawBody !== undefined ? String(opts.rawBody).slice(0, 100) : JSON.stringify(body)?.slice(0, 160)}`;
		assert.ok(r.status < 500, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
		assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(typeof r.body, 'object', `${what}: JSON error body`);
		assert.ok(r.body.error?.code, `${what}: error code`);
		assert.ok(/[\u4e00-\u9fff]/.test(r.body.error.message), `${what}: Chinese message`);
		if (code) assert.equal(r.body.error.code, code, `${what}: ${JSON.stringify(r.body)}`);
		if (field !== undefined) assert.equal(r.body.error.field, field, `${what}: ${JSON.stringify(r.body)}`);
		assert.deepEqual(state(), before, `${what}: the database changed`);
		return r;
	}

	/* ---- fixtures ---- */

	/** A valid body of each kind for unit u. */
	const BODY = {
		first_secretary: (u) => ({ unit_id: u.id, kind: 'first_secretary', partner_id: PV.id, aid_date: '2023-03-01', person: '张书记' }),
		industry_project: (u) => ({ unit_id: u.id, kind: 'industry_project', aid_date: '2024-05-01', item: '肉牛养殖基地', amount_fen: 148000000 }),
		purchase_aid: (u) => ({ unit_id: u.id, kind: 'purchase_aid', aid_date: '2024-09-10', item: '牛羊肉', quantity: 1500, quantity_unit: 'kg', amount_fen: 9000000 }),
		donation: (u) => ({ unit_id: u.id, kind: 'donation', aid_date: '2024-01-20', item: '棉衣', amount_fen: 500000 }),
		aid_funds: (u) => ({ unit_id: u.id, kind: 'aid_funds', aid_date: '2024-06-30', amount_fen: 100010000 }),
	};
	const body = (kind, u, fields = {}) => {
		const b = { ...BODY[kind](u), ...fields };
		for (const k of Object.keys(b)) if (b[k] === undefined) delete b[k];
		return b;
	};
	async function make(client, kind, u, fields = {}) {
		const r = await client.post('/api/v1/aid', body(kind, u, fields));
		assert.equal(r.status, 201, `create ${kind} ${JSON.stringify(fields)} → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}
	async function newPartner(client, fields = {}) {
		const r = await client.post('/api/v1/partners', { kind: 'village', name: uniqueName('帮扶嘎查'), region_code: '150622', ...fields });
		assert.equal(r.status, 201, `create partner → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}
	async function list(query, client = admin) {
		const r = await client.get(`/api/v1/aid?${query}`);
		assert.equal(r.status, 200, `aid?${query}: ${JSON.stringify(r.body)}`);
		assert.equal(r.body.next_cursor, null);
		return r.body;
	}
	const ids = (page) => page.items.map((a) => a.id);
	async function totals(query, client = admin) {
		const r = await client.get(`/api/v1/aid/totals?${query}`);
		assert.equal(r.status, 200, `aid/totals?${query}: ${JSON.stringify(r.body)}`);
		return r.body;
	}

	before(async () => {
		srv = await startServer();
		demoMaxId = Number(srv.db.scalar('SELECT coalesce(max(id), 0) FROM aid_records'));
		[admin, ordos, dalad, liaison, leader, assessor] = await Promise.all(
			['admin', 'ordos', 'dalad', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)),
		);
		ownUnitId = liaison.user.unit_id;
		U1 = await createUnit(admin, { name: uniqueName('帮扶单位甲') });
		U2 = await createUnit(admin, { name: uniqueName('帮扶单位乙') });
		PV = await newPartner(admin);
		PC = await newPartner(admin, { kind: 'community', name: uniqueName('帮扶社区') });
		// outside 准格尔旗: the admin of 达拉特旗 makes them
		farUnit = await createUnit(dalad, { name: uniqueName('达拉特帮扶单位'), region_code: '150621' });
		farVillage = await newPartner(dalad, { name: uniqueName('达拉特嘎查'), region_code: '150621' });
	});
	after(async () => {
		await srv?.stop();
	});

	/* ================================================================ CRUD ==== */

	describe('create, read, update, delete', () => {
		it('create each kind → 201 with labels, year, money text; GET and the viewer answer the same; audited once', async () => {
			let r = await admin.post('/api/v1/aid', {
				unit_id: U1.id,
				kind: 'first_secretary',
				partner_id: PV.id,
				aid_date: '2023-03-01',
				end_date: '2025-03-01',
				person: ' 张书记 ',
				item: '驻村工作',
				description: ' 选派驻村第一书记 ',
			});
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const fs = r.body;
			assert.deepEqual(Object.keys(fs).sort(), KEYS);
			assert.equal(fs.unit_id, U1.id);
			assert.equal(fs.unit_name, U1.name);
			assert.equal(fs.kind, 'first_secretary');
			assert.equal(fs.kind_label, '选派第一书记');
			assert.equal(fs.partner_id, PV.id);
			assert.equal(fs.partner_name, PV.name);
			assert.equal(fs.aid_date, '2023-03-01');
			assert.equal(fs.year, 2023);
			assert.equal(fs.end_date, '2025-03-01');
			assert.equal(fs.person, '张书记', 'trimmed');
			assert.equal(fs.item, '驻村工作');
			assert.equal(fs.description, '选派驻村第一书记');
			assert.deepEqual([fs.quantity, fs.quantity_unit, fs.quantity_unit_label], [0, '', '']);
			assert.deepEqual([fs.amount_fen, fs.amount_yuan, fs.amount_wan], [0, '0.00', '0.00']);
			assert.equal(fs.version, 1);
			assert.match(fs.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			assert.equal(fs.updated_at, fs.created_at);
			let e = oneEntry(r, admin, 'create', fs.id);
			assert.equal(e.before, null);
			assert.deepEqual(e.after, fs);
			assert.deepEqual((await admin.get(`/api/v1/aid/${fs.id}`)).body, fs);
			assert.deepEqual((await leader.get(`/api/v1/aid/${fs.id}`)).body, fs, 'the viewer reads the same');
			assert.deepEqual((await assessor.get(`/api/v1/aid/${fs.id}`)).body, fs, 'the assessor reads the same');

			r = await admin.post('/api/v1/aid', body('purchase_aid', U1, { quantity: 1500, quantity_unit: 'kg', amount_fen: 148000000 }));
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const pa = r.body;
			assert.equal(pa.kind_label, '消费帮扶');
			assert.deepEqual([pa.item, pa.quantity, pa.quantity_unit, pa.quantity_unit_label], ['牛羊肉', 1500, 'kg', '千克']);
			assert.deepEqual([pa.amount_fen, pa.amount_yuan, pa.amount_wan], [148000000, '1,480,000.00', '148.00']);
			assert.equal(pa.partner_id, null);
			assert.equal(pa.partner_name, '');
			assert.equal(pa.end_date, null);
			assert.equal(pa.person, '');
			assert.equal(pa.year, 2024);
			oneEntry(r, admin, 'create', pa.id);
			assert.deepEqual(
				srv.db.query(`SELECT unit_id, kind, partner_id, aid_date, year, end_date, person, item, quantity, quantity_unit, amount_fen FROM aid_records WHERE id = ${pa.id}`),
				[[String(U1.id), 'purchase_aid', null, '2024-09-10', '2024', null, '', '牛羊肉', '1500', 'kg', '148000000']],
				'stored in integer fen; no partner and no end date are NULL',
			);

			// the rest, with the seed's figures: 100.01万元, 2亿元, and an industry project without investment
			const funds = await make(admin, 'aid_funds', U1, { amount_fen: 100010000, partner_id: PC.id });
			assert.deepEqual([funds.kind_label, funds.amount_yuan, funds.amount_wan], ['帮扶资金（配套资金）', '1,000,100.00', '100.01']);
			assert.equal(funds.partner_name, PC.name, 'any kind may name a partner of either kind');
			const don = await make(admin, 'donation', U1, { amount_fen: 20000000000, item: null });
			assert.deepEqual([don.kind_label, don.item, don.amount_yuan, don.amount_wan], ['捐款捐物', '', '200,000,000.00', '20000.00']);
			const proj = await make(admin, 'industry_project', U1, { amount_fen: 0 });
			assert.deepEqual([proj.kind_label, proj.amount_fen, proj.amount_yuan], ['产业项目', 0, '0.00']);
			// null in optional fields is "not given"
			const n = await make(admin, 'donation', U1, { partner_id: null, end_date: null, person: null, quantity: null, quantity_unit: null, description: null });
			assert.deepEqual([n.partner_id, n.end_date, n.person, n.quantity, n.quantity_unit, n.description], [null, null, '', 0, '', '']);
		});

		it('money text is exact: half up at 0.005万元, the cap of 10^15 fen, a single fen', async () => {
			const cases = [
				[1, '0.01', '0.00'],
				[4999, '49.99', '0.00'],
				[5000, '50.00', '0.01'],
				[1234565000, '12,345,650.00', '1234.57'],
				[1234564999, '12,345,649.99', '1234.56'],
				[99995000, '999,950.00', '100.00'],
				[1e15, '10,000,000,000,000.00', '1000000000.00'],
			];
			for (const [fen, yuan, wan] of cases) {
				const a = await make(admin, 'aid_funds', U2, { amount_fen: fen });
				assert.deepEqual([a.amount_fen, a.amount_yuan, a.amount_wan], [fen, yuan, wan], String(fen));
				assert.equal(srv.db.scalar(`SELECT amount_fen FROM aid_records WHERE id = ${a.id}`), String(fen));
				await admin.delete(`/api/v1/aid/${a.id}?version=1`);
			}
		});

		it('update with the version read: 200, version + 1, fields not sent kept; null or "" clears; audited with before/after', async () => {
			const a = await make(admin, 'purchase_aid', U1, { partner_id: PV.id, description: '原说明' });
			let r = await admin.patch(`/api/v1/aid/${a.id}`, { amount_fen: 9100000, item: ' 羊肉 ', version: a.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.version, a.version + 1);
			assert.deepEqual([r.body.amount_fen, r.body.amount_yuan, r.body.amount_wan], [9100000, '91,000.00', '9.10']);
			assert.equal(r.body.item, '羊肉');
			assert.equal(r.body.description, '原说明', 'fields not sent are kept');
			assert.equal(r.body.partner_id, PV.id);
			assert.equal(r.body.created_at, a.created_at);
			let e = oneEntry(r, admin, 'update', a.id);
			assert.deepEqual(e.before, a);
			assert.deepEqual(e.after, r.body);
			assert.deepEqual((await admin.get(`/api/v1/aid/${a.id}`)).body, r.body);
			// move it to another unit and date: the year follows
			r = await admin.patch(`/api/v1/aid/${a.id}`, { unit_id: U2.id, aid_date: '2021-12-31', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual([r.body.unit_id, r.body.unit_name, r.body.year], [U2.id, U2.name, 2021]);
			assert.equal(srv.db.scalar(`SELECT year FROM aid_records WHERE id = ${a.id}`), '2021');
			// null and "" clear the optional fields; null leaves unit_id, kind and aid_date
			r = await admin.patch(`/api/v1/aid/${a.id}`, { partner_id: null, description: '', unit_id: null, kind: null, aid_date: null, version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual([r.body.partner_id, r.body.partner_name, r.body.description], [null, '', '']);
			assert.deepEqual([r.body.unit_id, r.body.kind, r.body.aid_date], [U2.id, 'purchase_aid', '2021-12-31']);
			assert.equal(srv.db.scalar(`SELECT partner_id FROM aid_records WHERE id = ${a.id}`), null);
			// another kind: the fields the new kind refuses must be cleared in the same request
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { kind: 'donation', version: r.body.version }, { status: 400, code: 'field_not_allowed', field: 'quantity' });
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { kind: 'donation', quantity: 0, version: r.body.version }, { status: 400, code: 'field_not_allowed', field: 'quantity_unit' });
			r = await admin.patch(`/api/v1/aid/${a.id}`, { kind: 'donation', quantity: null, quantity_unit: '', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual([r.body.kind, r.body.kind_label, r.body.quantity, r.body.quantity_unit, r.body.amount_fen], ['donation', '捐款捐物', 0, '', 9100000]);
			e = oneEntry(r, admin, 'update', a.id);
			assert.equal(e.before.kind, 'purchase_aid');
			assert.equal(e.after.kind, 'donation');
			// to a first secretary: a village, a person, no amount
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { kind: 'first_secretary', version: r.body.version }, { status: 400, code: 'required', field: 'partner_id' });
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { kind: 'first_secretary', partner_id: PV.id, person: '李书记', version: r.body.version }, { status: 400, code: 'field_not_allowed', field: 'amount_fen' });
			r = await admin.patch(`/api/v1/aid/${a.id}`, { kind: 'first_secretary', partner_id: PV.id, person: '李书记', amount_fen: null, version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual([r.body.person, r.body.partner_id, r.body.amount_fen, r.body.amount_yuan], ['李书记', PV.id, 0, '0.00']);
			assert.equal(r.body.version, a.version + 5);
		});

		it('a stale version → 409 version_conflict; no version → 400 version_required; unknown id → 404; nothing changes', async () => {
			const a = await make(admin, 'donation', U1);
			const cur = (await admin.patch(`/api/v1/aid/${a.id}`, { description: '一改', version: a.version })).body;
			assert.equal(cur.version, 2);
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { description: '过期', version: a.version }, { status: 409, code: 'version_conflict', field: 'version' });
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { description: '将来', version: 3 }, { status: 409, code: 'version_conflict' });
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { description: '无版本' }, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'PATCH', '/api/v1/aid/987654321', { description: '无此', version: 1 }, { status: 404, code: 'not_found' });
			await rejects(admin, 'DELETE', `/api/v1/aid/${a.id}?version=1`, undefined, { status: 409, code: 'version_conflict' });
			await rejects(admin, 'DELETE', `/api/v1/aid/${a.id}`, undefined, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'DELETE', `/api/v1/aid/${a.id}?version=abc`, undefined, { status: 400, code: 'version_required' });
			await rejects(admin, 'DELETE', '/api/v1/aid/987654321?version=1', undefined, { status: 404, code: 'not_found' });
			assert.equal((await admin.get(`/api/v1/aid/${a.id}`)).body.description, '一改');
			for (const id of ['987654321', 'abc', '0', '-1', '99999999999999999999']) {
				assert.equal((await admin.get(`/api/v1/aid/${id}`)).status, 404, `aid/${id}`);
			}
		});

		it('delete with the version read → 204, audited with the record as before; then 404', async () => {
			const a = await make(admin, 'first_secretary', U1);
			const r = await admin.delete(`/api/v1/aid/${a.id}?version=${a.version}`);
			assert.equal(r.status, 204, r.text);
			const e = oneEntry(r, admin, 'delete', a.id);
			assert.equal(e.after, null);
			assert.deepEqual(e.before, a);
			assert.equal(srv.db.count('aid_records', `id = ${a.id}`), 0);
			assert.equal((await admin.get(`/api/v1/aid/${a.id}`)).status, 404);
			await rejects(admin, 'DELETE', `/api/v1/aid/${a.id}?version=${a.version}`, undefined, { status: 404, code: 'not_found' });
			await rejects(admin, 'PATCH', `/api/v1/aid/${a.id}`, { item: '已删', version: a.version }, { status: 404, code: 'not_found' });
		});
	});

	/* ================================================================ validation ==== */

	describe('validation', () => {
		it('each kind\'s valid base body is accepted (so the rejections below are about the defect)', async () => {
			for (const kind of Object.keys(BODY)) {
				const a = await make(admin, kind, U1);
				assert.equal(a.kind_label, KIND_LABELS[kind]);
				assert.equal((await admin.delete(`/api/v1/aid/${a.id}?version=1`)).status, 204);
			}
			// today is allowed; a first secretary may leave the day they came, or later than today (term end)
			for (const [kind, fields] of [
				['donation', { aid_date: dayCN(0) }],
				['first_secretary', { aid_date: '2024-02-29', end_date: '2024-02-29' }],
				['first_secretary', { end_date: dayCN(400) }],
				['purchase_aid', { quantity: 1e12, quantity_unit: 'bag', amount_fen: 1e15 }],
				['industry_project', { item: '项'.repeat(100), description: '说'.repeat(2000), partner_id: PC.id }],
				['first_secretary', { person: '张'.repeat(50), aid_date: '1949-10-01' }],
			]) {
				const a = await make(admin, kind, U1, fields);
				assert.equal((await admin.delete(`/api/v1/aid/${a.id}?version=1`)).status, 204);
			}
		});

		it('POST: every rule gives its code and field; nothing changes', async () => {
			const huge = '100000000000000000000';
			const cases = [
				// fields and types (json_in)
				['donation', { unit_id: undefined }, 400, 'required', 'unit_id'],
				['donation', { unit_id: 0 }, 400, 'out_of_range', 'unit_id'],
				['donation', { unit_id: String(U1.id) }, 400, 'invalid_type', 'unit_id'],
				['donation', { kind: undefined }, 400, 'required', 'kind'],
				['donation', { kind: '' }, 400, 'required', 'kind'],
				['donation', { kind: 'loan' }, 400, 'invalid_kind', 'kind'],
				['donation', { kind: 'Donation' }, 400, 'invalid_kind', 'kind'],
				['donation', { kind: 'k'.repeat(21) }, 400, 'too_long', 'kind'],
				['donation', { kind: 3 }, 400, 'invalid_type', 'kind'],
				['donation', { nickname: 'x' }, 400, 'unknown_field', 'nickname'],
				['donation', { version: 1 }, 400, 'unknown_field', 'version'],
				['donation', { year: 2024 }, 400, 'unknown_field', 'year'],
				['donation', { amount_yuan: '1.00' }, 400, 'unknown_field', 'amount_yuan'],
				// dates
				['donation', { aid_date: undefined }, 400, 'required', 'aid_date'],
				['donation', { aid_date: '' }, 400, 'required', 'aid_date'],
				['donation', { aid_date: '2024-02-30' }, 400, 'invalid_date', 'aid_date'],
				['donation', { aid_date: '2023-02-29' }, 400, 'invalid_date', 'aid_date'],
				['donation', { aid_date: '2024-13-01' }, 400, 'invalid_date', 'aid_date'],
				['donation', { aid_date: '2024/01/01' }, 400, 'invalid_date', 'aid_date'],
				['donation', { aid_date: '1949-09-30' }, 400, 'invalid_date', 'aid_date'],
				['donation', { aid_date: dayCN(1) }, 400, 'invalid_date', 'aid_date'],
				['first_secretary', { aid_date: dayCN(2) }, 400, 'invalid_date', 'aid_date'],
				['donation', { aid_date: '2024-01-01T00:00' }, 400, 'too_long', 'aid_date'],
				['donation', { end_date: '2024-12-31' }, 400, 'field_not_allowed', 'end_date'],
				['industry_project', { end_date: '2024-12-31' }, 400, 'field_not_allowed', 'end_date'],
				['first_secretary', { end_date: '2025-02-29' }, 400, 'invalid_date', 'end_date'],
				['first_secretary', { end_date: '2023-02-28' }, 400, 'invalid_range', 'end_date'],
				// first secretary: a village partner and a person
				['first_secretary', { partner_id: undefined }, 400, 'required', 'partner_id'],
				['first_secretary', { partner_id: 0 }, 400, 'out_of_range', 'partner_id'],
				['first_secretary', { partner_id: PC.id }, 422, 'partner_kind', 'partner_id'],
				['first_secretary', { partner_id: 987654321 }, 404, 'partner_not_found', 'partner_id'],
				['first_secretary', { partner_id: () => farVillage.id }, 404, 'partner_not_found', 'partner_id'],
				['donation', { partner_id: () => farVillage.id }, 404, 'partner_not_found', 'partner_id'],
				['first_secretary', { person: undefined }, 400, 'required', 'person'],
				['first_secretary', { person: '  ' }, 400, 'required', 'person'],
				['first_secretary', { person: '张'.repeat(51) }, 400, 'too_long', 'person'],
				['first_secretary', { person: '张\u0001三' }, 400, 'invalid_characters', 'person'],
				['donation', { person: '张三' }, 400, 'field_not_allowed', 'person'],
				['purchase_aid', { person: '张三' }, 400, 'field_not_allowed', 'person'],
				// items
				['industry_project', { item: undefined }, 400, 'required', 'item'],
				['industry_project', { item: '' }, 400, 'required', 'item'],
				['purchase_aid', { item: undefined }, 400, 'required', 'item'],
				['donation', { item: '项'.repeat(101) }, 400, 'too_long', 'item'],
				// quantities
				['purchase_aid', { quantity: undefined }, 400, 'required', 'quantity'],
				['purchase_aid', { quantity: 0 }, 400, 'required', 'quantity'],
				['purchase_aid', { quantity: -1 }, 400, 'out_of_range', 'quantity'],
				['purchase_aid', { quantity: 1e12 + 1 }, 400, 'out_of_range', 'quantity'],
				['purchase_aid', { quantity: 1.5 }, 400, 'invalid_type', 'quantity'],
				['purchase_aid', { quantity: '15' }, 400, 'invalid_type', 'quantity'],
				['donation', { quantity: 5 }, 400, 'field_not_allowed', 'quantity'],
				['first_secretary', { quantity: 5 }, 400, 'field_not_allowed', 'quantity'],
				['purchase_aid', { quantity_unit: undefined }, 400, 'required', 'quantity_unit'],
				['purchase_aid', { quantity_unit: '' }, 400, 'required', 'quantity_unit'],
				['purchase_aid', { quantity_unit: 'ton' }, 400, 'invalid_value', 'quantity_unit'],
				['purchase_aid', { quantity_unit: 'KG' }, 400, 'invalid_value', 'quantity_unit'],
				['purchase_aid', { quantity_unit: 'kilograms' }, 400, 'too_long', 'quantity_unit'],
				['aid_funds', { quantity_unit: 'kg' }, 400, 'field_not_allowed', 'quantity_unit'],
				// amounts: integer fen 0..10^15
				['donation', { amount_fen: -1 }, 400, 'invalid_amount', 'amount_fen'],
				['industry_project', { amount_fen: -148000000 }, 400, 'invalid_amount', 'amount_fen'],
				['aid_funds', { amount_fen: 1e15 + 1 }, 400, 'invalid_amount', 'amount_fen'],
				['aid_funds', { amount_fen: Number.MAX_SAFE_INTEGER }, 400, 'invalid_amount', 'amount_fen'],
				['donation', { amount_fen: 0.5 }, 400, 'invalid_type', 'amount_fen'],
				['donation', { amount_fen: 100.25 }, 400, 'invalid_type', 'amount_fen'],
				['donation', { amount_fen: '1480000' }, 400, 'invalid_type', 'amount_fen'],
				['donation', { amount_fen: true }, 400, 'invalid_type', 'amount_fen'],
				['donation', { amount_fen: undefined }, 400, 'required', 'amount_fen'],
				['donation', { amount_fen: 0 }, 400, 'required', 'amount_fen'],
				['purchase_aid', { amount_fen: 0 }, 400, 'required', 'amount_fen'],
				['aid_funds', { amount_fen: null }, 400, 'required', 'amount_fen'],
				['first_secretary', { amount_fen: 1 }, 400, 'field_not_allowed', 'amount_fen'],
				['first_secretary', { amount_fen: -1 }, 400, 'invalid_amount', 'amount_fen'],
				// free text
				['aid_funds', { description: '说'.repeat(2001) }, 400, 'too_long', 'description'],
				['aid_funds', { description: 'a\u0007b' }, 400, 'invalid_characters', 'description'],
				// units
				['donation', { unit_id: 987654321 }, 404, 'unit_not_found', 'unit_id'],
				['donation', { unit_id: () => farUnit.id }, 404, 'unit_not_found', 'unit_id'],
			];
			for (const [kind, fields, status, code, field] of cases) {
				const f = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));
				await rejects(admin, 'POST', '/api/v1/aid', body(kind, U1, f), { status, code, field });
			}
			// integers past int64 and JSON numbers in exponent form never reach the store
			for (const [amount, code, field] of [
				[huge, 'invalid_json', undefined],
				[`-${huge}`, 'invalid_json', undefined],
				['1e5', 'invalid_type', 'amount_fen'],
				['148.0', 'invalid_type', 'amount_fen'],
				['9223372036854775807', 'invalid_amount', 'amount_fen'],
				['-9223372036854775808', 'invalid_amount', 'amount_fen'],
			]) {
				const raw = `{"unit_id":${U1.id},"kind":"donation","aid_date":"2024-01-01","amount_fen":${amount}}`;
				await rejects(admin, 'POST', '/api/v1/aid', undefined, { status: 400, code, field, opts: { rawBody: raw } });
			}
			await rejects(admin, 'POST', '/api/v1/aid', [1], { status: 400 });
			await rejects(admin, 'POST', '/api/v1/aid', undefined, { status: 400, opts: { rawBody: '{"kind":' } });
		});

		it('PATCH: the same rules on the merged record; nothing changes', async () => {
			const d = await make(admin, 'donation', U1);
			const fs = await make(admin, 'first_secretary', U1);
			const pa = await make(admin, 'purchase_aid', U1);
			const cases = [
				[d, { kind: 'loan' }, 400, 'invalid_kind', 'kind'],
				[d, { aid_date: dayCN(1) }, 400, 'invalid_date', 'aid_date'],
				[d, { aid_date: '2024-02-30' }, 400, 'invalid_date', 'aid_date'],
				[d, { end_date: '2024-12-31' }, 400, 'field_not_allowed', 'end_date'],
				[d, { amount_fen: -1 }, 400, 'invalid_amount', 'amount_fen'],
				[d, { amount_fen: 1e15 + 1 }, 400, 'invalid_amount', 'amount_fen'],
				[d, { amount_fen: 1.5 }, 400, 'invalid_type', 'amount_fen'],
				[d, { amount_fen: 0 }, 400, 'required', 'amount_fen'],
				[d, { amount_fen: null }, 400, 'required', 'amount_fen'],
				[d, { person: '张三' }, 400, 'field_not_allowed', 'person'],
				[d, { partner_id: farVillage.id }, 404, 'partner_not_found', 'partner_id'],
				[d, { unit_id: farUnit.id }, 404, 'unit_not_found', 'unit_id'],
				[d, { version: 0 }, 400, 'out_of_range', 'version'],
				[fs, { end_date: '2023-02-28' }, 400, 'invalid_range', 'end_date'],
				[fs, { aid_date: '2025-03-02', end_date: '2025-03-01' }, 400, 'invalid_range', 'end_date'],
				[fs, { partner_id: PC.id }, 422, 'partner_kind', 'partner_id'],
				[fs, { partner_id: null }, 400, 'required', 'partner_id'],
				[fs, { person: '' }, 400, 'required', 'person'],
				[fs, { amount_fen: 100 }, 400, 'field_not_allowed', 'amount_fen'],
				[pa, { quantity: 0 }, 400, 'required', 'quantity'],
				[pa, { quantity_unit: null }, 400, 'required', 'quantity_unit'],
				[pa, { quantity_unit: 'ton' }, 400, 'invalid_value', 'quantity_unit'],
				[pa, { item: '' }, 400, 'required', 'item'],
				[pa, { kind: 'aid_funds' }, 400, 'field_not_allowed', 'quantity'],
			];
			for (const [rec, fields, status, code, field] of cases) {
				await rejects(admin, 'PATCH', `/api/v1/aid/${rec.id}`, { version: rec.version, ...fields }, { status, code, field });
			}
		});

		it('a merged or dissolved unit gets no new record → 409 unit_inactive; its own records stay editable', async () => {
			const gone = await createUnit(admin, { name: uniqueName('拟撤销帮扶单位') });
			const old = await make(admin, 'donation', gone);
			let r = await admin.post(`/api/v1/units/${gone.id}/restructure`, { kind: 'dissolve', version: gone.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			await rejects(admin, 'POST', '/api/v1/aid', body('aid_funds', gone), { status: 409, code: 'unit_inactive', field: 'unit_id' });
			const other = await make(admin, 'donation', U1);
			await rejects(admin, 'PATCH', `/api/v1/aid/${other.id}`, { unit_id: gone.id, version: other.version }, { status: 409, code: 'unit_inactive', field: 'unit_id' });
			r = await admin.patch(`/api/v1/aid/${old.id}`, { amount_fen: 600000, version: old.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal((await admin.delete(`/api/v1/aid/${old.id}?version=${r.body.version}`)).status, 204);
		});

		it('a unit or a partner with aid records cannot be deleted → 409, nothing changes', async () => {
			const u = await createUnit(admin, { name: uniqueName('有帮扶单位') });
			const p = await newPartner(admin, { name: uniqueName('有帮扶嘎查') });
			const a = await make(admin, 'first_secretary', u, { partner_id: p.id });
			await rejects(admin, 'DELETE', `/api/v1/units/${u.id}?version=${u.version}`, undefined, { status: 409, code: 'unit_in_use' });
			await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}?version=${p.version}`, undefined, { status: 409 });
			assert.equal((await admin.delete(`/api/v1/aid/${a.id}?version=${a.version}`)).status, 204);
			assert.equal((await admin.delete(`/api/v1/partners/${p.id}?version=${p.version}`)).status, 204);
			assert.equal((await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`)).status, 204);
		});
	});

	/* ================================================================ lists, totals, CSV ==== */

	describe('lists, totals and the CSV', () => {
		it('filters: unit_id, partner_id, kind, year, from/to, region, q; ordered by date ↓, then id ↓; pages', async () => {
			const m = `帮${randomBytes(3).toString('hex')}`;
			const UF1 = await createUnit(admin, { name: uniqueName('筛选帮扶单位甲') });
			const UF2 = await createUnit(admin, { name: uniqueName('筛选帮扶单位乙') });
			const PF = await newPartner(admin, { name: uniqueName('筛选嘎查') });
			const a1 = await make(admin, 'first_secretary', UF1, { partner_id: PF.id, person: `${m}王书记`, aid_date: '2022-03-01' });
			const a2 = await make(admin, 'industry_project', UF1, { item: `${m}光伏项目`, aid_date: '2023-04-04', partner_id: PF.id });
			const a3 = await make(admin, 'purchase_aid', UF1, { item: '羊肉', description: `${m}消费帮扶`, aid_date: '2023-09-29' });
			const a4 = await make(admin, 'donation', UF2, { item: `${m}图书`, aid_date: '2023-09-29' });
			const a5 = await make(liaison, 'aid_funds', { id: ownUnitId }, { description: `${m}配套`, aid_date: '2024-03-05' });
			const a6 = await make(admin, 'aid_funds', UF2, { description: `${m}资金`, aid_date: '2022-12-31' });
			const q = `q=${encodeURIComponent(m)}`;
			let r = await list(q);
			assert.equal(r.total, 6);
			assert.deepEqual(ids(r), [a5.id, a4.id, a3.id, a2.id, a6.id, a1.id], 'date descending; the later id first on the same date');
			assert.deepEqual([r.page, r.per_page], [1, 20]);
			assert.deepEqual(r.items[0], (await admin.get(`/api/v1/aid/${a5.id}`)).body, 'a list row is the record');
			assert.deepEqual(ids(await list(`unit_id=${UF1.id}`)), [a3.id, a2.id, a1.id]);
			assert.deepEqual(ids(await list(`partner_id=${PF.id}`)), [a2.id, a1.id]);
			assert.deepEqual(ids(await list(`${q}&kind=aid_funds`)), [a5.id, a6.id]);
			assert.deepEqual(ids(await list(`${q}&kind=first_secretary`)), [a1.id]);
			assert.deepEqual(ids(await list(`${q}&year=2023`)), [a4.id, a3.id, a2.id]);
			assert.deepEqual(ids(await list(`${q}&year=2022`)), [a6.id, a1.id]);
			assert.deepEqual(ids(await list(`${q}&from=2023-04-04&to=2023-09-29`)), [a4.id, a3.id, a2.id], 'from and to are inclusive');
			assert.deepEqual(ids(await list(`${q}&from=2023-09-30`)), [a5.id]);
			assert.deepEqual(ids(await list(`${q}&to=2022-12-31`)), [a6.id, a1.id]);
			assert.equal((await list(`${q}&from=2023-05-01&to=2023-04-30`)).total, 0);
			assert.deepEqual(ids(await list(`q=${encodeURIComponent(m + '王书记')}`)), [a1.id], 'q matches the person');
			assert.deepEqual(ids(await list(`q=${encodeURIComponent(m + '光伏')}`)), [a2.id], 'q matches the item');
			assert.deepEqual(ids(await list(`q=${encodeURIComponent(m + '消费')}`)), [a3.id], 'q matches the description');
			assert.deepEqual(ids(await list(`unit_id=${UF1.id}&year=2023&kind=industry_project&partner_id=${PF.id}`)), [a2.id]);
			assert.deepEqual(ids(await list(`${q}&region=150622`)), ids(await list(q)));
			assert.equal((await list(`${q}&region=150621`)).total, 0);
			assert.equal((await list(`${q}&kind=&year=&from=&to=&unit_id=&partner_id=&region=`)).total, 6, 'empty filters are no filters');
			for (const w of ['%', '_', `${m}%`]) {
				r = await list(`q=${encodeURIComponent(w)}&unit_id=${UF1.id}`);
				assert.equal(r.total, 0, `q=${w} is literal`);
			}
			r = await list(`${q}&per_page=2&page=2`);
			assert.deepEqual([r.total, r.page, r.per_page], [6, 2, 2]);
			assert.deepEqual(ids(r), [a3.id, a2.id]);
			r = await list(`${q}&per_page=2&page=4`);
			assert.equal(r.total, 6);
			assert.deepEqual(r.items, []);
			// the viewer and the assessor get the admin's answer; the liaison its own unit's only
			assert.deepEqual(await list(q, leader), await list(q));
			assert.deepEqual(await list(q, assessor), await list(q));
			assert.deepEqual(ids(await list(q, liaison)), [a5.id]);
			// the city's admin sees them all, the neighbouring banner's none
			assert.equal((await list(q, ordos)).total, 6);
			assert.equal((await list(q, dalad)).total, 0);
		});

		it('bad list and totals parameters → 400 naming the parameter', async () => {
			const bad = [
				['year=1948', 'invalid_value', 'year'],
				['year=2101', 'invalid_value', 'year'],
				['year=abc', 'invalid_value', 'year'],
				['unit_id=0', 'invalid_value', 'unit_id'],
				['unit_id=x', 'invalid_value', 'unit_id'],
				['partner_id=-1', 'invalid_value', 'partner_id'],
				['kind=loan', 'invalid_value', 'kind'],
				['from=2023-02-30', 'invalid_date', 'from'],
				['to=2023/01/01', 'invalid_date', 'to'],
				['region=abc', 'region_code', 'region'],
				[`q=${encodeURIComponent('长'.repeat(51))}`, 'too_long', 'q'],
			];
			for (const [q, code, field] of bad) {
				for (const path of [`/api/v1/aid?${q}`, `/api/v1/aid/totals?${q}`]) {
					const r = await admin.get(path);
					assert.equal(r.status, 400, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
					assert.equal(r.body.error.code, code, path);
					assert.equal(r.body.error.field, field, path);
				}
			}
			for (const [q, code] of [
				['per_page=0', 'invalid_per_page'],
				['per_page=101', 'invalid_per_page'],
				['page=0', 'invalid_page'],
				['format=xls', 'invalid_format'],
			]) {
				const r = await admin.get(`/api/v1/aid?${q}`);
				assert.equal(r.status, 400, q);
				assert.equal(r.body.error.code, code, q);
			}
			assert.equal((await admin.get(`/api/v1/aid?q=${encodeURIComponent('长'.repeat(50))}`)).status, 200);
			for (const q of ['unit_id=%00', 'partner_id=1e3', 'q=%25%5F%5C', 'from=9999-99-99', 'year=99999999999999999999']) {
				for (const p of ['/api/v1/aid', '/api/v1/aid/totals']) {
					const r = await admin.get(`${p}?${q}`);
					assert.ok(r.status < 500, `${p}?${q}: ${r.status}`);
				}
			}
		});

		it('totals by kind, in the kind order, exact to the fen (元 and 万元 half up); kg only from kg rows; filters apply', async () => {
			const UT = await createUnit(admin, { name: uniqueName('合计帮扶单位') });
			await make(admin, 'aid_funds', UT, { amount_fen: 5000, aid_date: '2024-02-01' });
			await make(admin, 'first_secretary', UT, { aid_date: '2023-03-01' });
			await make(admin, 'industry_project', UT, { amount_fen: 148000000 }); // 148万元
			await make(admin, 'industry_project', UT, { amount_fen: 0 });
			await make(admin, 'purchase_aid', UT, { quantity: 1500, quantity_unit: 'kg', amount_fen: 100010000 }); // 100.01万元
			await make(admin, 'purchase_aid', UT, { quantity: 20, quantity_unit: 'head', amount_fen: 4999 });
			await make(admin, 'purchase_aid', UT, { quantity: 250, quantity_unit: 'kg', amount_fen: 1, aid_date: '2023-11-11' });
			await make(admin, 'donation', UT, { amount_fen: 20000000000 }); // 2亿元
			const t = await totals(`unit_id=${UT.id}`);
			assert.deepEqual(t, {
				items: [
					{ kind: 'first_secretary', kind_label: '选派第一书记', records: 1, amount_fen: 0, amount_yuan: '0.00', amount_wan: '0.00', quantity_kg: 0 },
					{ kind: 'industry_project', kind_label: '产业项目', records: 2, amount_fen: 148000000, amount_yuan: '1,480,000.00', amount_wan: '148.00', quantity_kg: 0 },
					{ kind: 'purchase_aid', kind_label: '消费帮扶', records: 3, amount_fen: 100015000, amount_yuan: '1,000,150.00', amount_wan: '100.02', quantity_kg: 1750 },
					{ kind: 'donation', kind_label: '捐款捐物', records: 1, amount_fen: 20000000000, amount_yuan: '200,000,000.00', amount_wan: '20000.00', quantity_kg: 0 },
					{ kind: 'aid_funds', kind_label: '帮扶资金（配套资金）', records: 1, amount_fen: 5000, amount_yuan: '50.00', amount_wan: '0.01', quantity_kg: 0 },
				],
				records: 8,
				amount_fen: 20248020000,
				amount_yuan: '202,480,200.00',
				amount_wan: '20248.02',
				quantity_kg: 1750,
			});
			// the totals are the sums over the list
			const rows = (await list(`unit_id=${UT.id}&per_page=100`)).items;
			assert.equal(rows.reduce((s, a) => s + a.amount_fen, 0), t.amount_fen);
			assert.equal(rows.length, t.records);
			// filters apply
			let f = await totals(`unit_id=${UT.id}&kind=purchase_aid`);
			assert.deepEqual(f.items.map((i) => i.kind), ['purchase_aid']);
			assert.deepEqual([f.records, f.amount_fen, f.quantity_kg], [3, 100015000, 1750]);
			f = await totals(`unit_id=${UT.id}&year=2023`);
			assert.deepEqual(f.items.map((i) => [i.kind, i.records, i.amount_fen, i.quantity_kg]), [
				['first_secretary', 1, 0, 0],
				['purchase_aid', 1, 1, 250],
			]);
			assert.deepEqual([f.amount_yuan, f.amount_wan], ['0.01', '0.00']);
			f = await totals(`unit_id=${UT.id}&from=2024-02-01&to=2024-05-01`);
			assert.deepEqual(f.items.map((i) => i.kind), ['industry_project', 'aid_funds']);
			assert.equal(f.amount_fen, 148005000);
			// nothing matching: no items, zeros
			assert.deepEqual(await totals(`unit_id=${UT.id}&year=1950`), {
				items: [],
				records: 0,
				amount_fen: 0,
				amount_yuan: '0.00',
				amount_wan: '0.00',
				quantity_kg: 0,
			});
			// scope: the viewer gets the admin's answer; the liaison and the neighbouring banner see none of UT's
			assert.deepEqual(await totals(`unit_id=${UT.id}`, leader), t);
			assert.deepEqual(await totals(`unit_id=${UT.id}`, ordos), t);
			assert.equal((await totals(`unit_id=${UT.id}`, liaison)).records, 0);
			assert.equal((await totals(`unit_id=${UT.id}`, dalad)).records, 0);
		});

		it('format=csv: BOM, Chinese header, 金额(元) exact, rows in list order, formulas neutralised', async () => {
			const U3 = await createUnit(admin, { name: uniqueName('帮扶导出') });
			const p = await make(admin, 'industry_project', U3, { item: '=HYPERLINK("http://x")', amount_fen: 148000000, aid_date: '2024-05-01', description: '说"好"' });
			const s = await make(admin, 'first_secretary', U3, { aid_date: '2023-03-01', end_date: '2025-03-01', person: '张书记' });
			const b = await make(admin, 'purchase_aid', U3, { aid_date: '2024-09-10', quantity: 1500, quantity_unit: 'kg', amount_fen: 100010005, description: '+1,2' });
			const r = await admin.get(`/api/v1/aid?unit_id=${U3.id}&format=csv`);
			assert.equal(r.status, 200);
			assert.match(r.headers.get('content-type'), /^text\/csv/);
			assert.match(r.headers.get('content-disposition') || '', /attachment; filename="aid\.csv"/);
			assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
			const lines = r.text.slice(1).split('\r\n').filter(Boolean);
			assert.deepEqual(lines, [
				'帮扶日期,单位名称,帮扶类型,帮扶对象,第一书记,离任日期,项目或产品,数量,计量单位,金额(元),说明',
				`2024-09-10,${U3.name},消费帮扶,,,,牛羊肉,1500,千克,"1,000,100.05","'+1,2"`,
				`2024-05-01,${U3.name},产业项目,,,,"'=HYPERLINK(""http://x"")",,,"1,480,000.00","说""好"""`,
				`2023-03-01,${U3.name},选派第一书记,${PV.name},张书记,2025-03-01,,,,,`,
			]);
			assert.deepEqual(ids(await list(`unit_id=${U3.id}`)), [b.id, p.id, s.id], 'CSV in list order');
			// every role may export; the liaison's export holds only its own unit
			for (const c of [leader, assessor, liaison]) {
				const x = await c.get(`/api/v1/aid?unit_id=${U3.id}&format=csv`);
				assert.equal(x.status, 200);
				assert.equal(x.text.slice(1).split('\r\n').filter(Boolean).length, c === liaison ? 1 : 4);
			}
		});
	});

	/* ================================================================ roles and scope ==== */

	describe('roles and scope', () => {
		it('the liaison keeps their own unit\'s records only (audited as the liaison); partners of their region', async () => {
			let r = await liaison.post('/api/v1/aid', body('first_secretary', { id: ownUnitId }));
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const a = r.body;
			assert.equal(a.partner_name, PV.name);
			oneEntry(r, liaison, 'create', a.id);
			r = await liaison.patch(`/api/v1/aid/${a.id}`, { end_date: '2024-12-31', version: 1 });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			oneEntry(r, liaison, 'update', a.id);
			const other = await make(admin, 'donation', U1);
			await rejects(liaison, 'POST', '/api/v1/aid', body('donation', U1), { status: 404, code: 'unit_not_found', field: 'unit_id' });
			await rejects(liaison, 'PATCH', `/api/v1/aid/${a.id}`, { unit_id: U1.id, version: 2 }, { status: 404, code: 'unit_not_found' });
			await rejects(liaison, 'POST', '/api/v1/aid', body('first_secretary', { id: ownUnitId }, { partner_id: farVillage.id }), { status: 404, code: 'partner_not_found', field: 'partner_id' });
			assert.equal((await liaison.get(`/api/v1/aid/${other.id}`)).status, 404);
			await rejects(liaison, 'PATCH', `/api/v1/aid/${other.id}`, { item: '越权', version: other.version }, { status: 404, code: 'not_found' });
			await rejects(liaison, 'DELETE', `/api/v1/aid/${other.id}?version=${other.version}`, undefined, { status: 404, code: 'not_found' });
			r = await liaison.delete(`/api/v1/aid/${a.id}?version=2`);
			assert.equal(r.status, 204);
			oneEntry(r, liaison, 'delete', a.id);
		});

		it('viewers and assessors read but never write (403); another banner\'s admin sees nothing (404)', async () => {
			const a = await make(admin, 'donation', U1);
			for (const c of [leader, assessor]) {
				assert.equal((await c.get(`/api/v1/aid/${a.id}`)).status, 200);
				await rejects(c, 'POST', '/api/v1/aid', body('donation', U1), { status: 403 });
				await rejects(c, 'PATCH', `/api/v1/aid/${a.id}`, { item: '不应写入', version: a.version }, { status: 403 });
				await rejects(c, 'DELETE', `/api/v1/aid/${a.id}?version=${a.version}`, undefined, { status: 403 });
			}
			assert.equal((await dalad.get(`/api/v1/aid/${a.id}`)).status, 404);
			await rejects(dalad, 'PATCH', `/api/v1/aid/${a.id}`, { item: '越界', version: a.version }, { status: 404, code: 'not_found' });
			await rejects(dalad, 'DELETE', `/api/v1/aid/${a.id}?version=${a.version}`, undefined, { status: 404, code: 'not_found' });
			await rejects(dalad, 'POST', '/api/v1/aid', body('donation', U1), { status: 404, code: 'unit_not_found' });
			// the neighbour writes in its own banner, with its own partners
			const r = await dalad.post('/api/v1/aid', body('first_secretary', farUnit, { partner_id: farVillage.id }));
			assert.equal(r.status, 201, JSON.stringify(r.body));
			oneEntry(r, dalad, 'create', r.body.id);
			assert.equal((await admin.get(`/api/v1/aid/${r.body.id}`)).status, 404);
			assert.equal((await ordos.get(`/api/v1/aid/${r.body.id}`)).status, 200, 'the city sees both banners');
			const anon = srv.anon();
			assert.equal((await anon.get('/api/v1/aid')).status, 401);
			assert.equal((await anon.get('/api/v1/aid/totals')).status, 401);
		});
	});
});
