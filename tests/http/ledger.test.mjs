// ledger.test.mjs — the creation ledger (创建台账), slice 1: partners (社区/小区, 嘎查村), pairings of
// units with partners (结对共建 city_creation ↔ community, 包联共建 rural_revitalization ↔ village)
// and the coverage view. Partners: CRUD with versions, unique name per region and kind, no delete
// while pairings exist, pinyin order, filters. Pairings: kind fit (422), dates (400), overlaps of
// the same unit and partner (409), inactive units (409), `active`, filters. Coverage: counts and
// lists follow the pairings, `on` and `limit`. Every write is audited exactly once; a rejected
// write changes neither the ledger tables nor the audit log; bad input answers 4xx, never 5xx.
// Fixtures are made through the API (the demo's own partners and pairings are not relied on).
import { describe, it, before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName, BACKEND } from './harness.mjs';

/** YYYY-MM-DD n days after the date d. */
function addDays(d, n) {
	return new Date(Date.parse(d + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
}

describe('creation ledger', () => {
	let srv, admin, ordos, liaison, leader;
	let today; // the server's date (UTC+8), from the coverage answer

	/* ---- audit ---- */

	/** The audit rows written by the request that answered r. */
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

	/** Asserts exactly one audit entry for the request and returns it. */
	function oneEntry(r, actor, action, entity, entityId) {
		const es = entriesOf(r);
		assert.equal(es.length, 1, `exactly one audit entry for ${action} ${entity}: ${JSON.stringify(es)}`);
		const e = es[0];
		assert.equal(e.actorName, actor.user.username, 'actor');
		assert.equal(e.action, action);
		assert.equal(e.entity, entity);
		assert.equal(e.entityId, String(entityId), 'entity_id');
		return e;
	}

	/* ---- rejected writes ---- */

	/** The ledger tables, whole, and the audit log's size (one client run). */
	function state() {
		const [partners, pairings, counts] = srv.db.queryMany([
			'SELECT * FROM partners ORDER BY id',
			'SELECT * FROM pairings ORDER BY id',
			'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT max(id) FROM audit_log) AS b, (SELECT count(*) FROM units) AS c',
		]);
		return { partners, pairings, counts };
	}

	// The state after the last rejected request serves as the next "before" as long as no other write
	// happened in between: every other non-GET request through a watched client, and every new test,
	// clears it (as in badinput.test.mjs). A stale "before" could only make a test fail, never pass.
	let lastState = null;
	let inRejects = false;
	function watch(client) {
		const orig = client.req.bind(client);
		client.req = (method, ...rest) => {
			if (!inRejects && method !== 'GET') lastState = null;
			return orig(method, ...rest);
		};
		return client;
	}

	/** Sends the request; asserts status (and code/field when given), a Chinese message and no change. */
	async function rejects(client, method, path, body, { status, code, field, opts } = {}) {
		const before = lastState ?? state();
		lastState = null;
		inRejects = true;
		let r;
		try {
			r = await client.req(method, path, body, opts);
		} finally {
			inRejects = false;
		}
		const what = `${method} ${path} ${opts?.rawBody !== undefined ? String(opts.rawBody).slice(0, 60) : JSON.stringify(body)?.slice(0, 100)}`;
		assert.ok(r.status < 500, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
		if (Array.isArray(status)) assert.ok(status.includes(r.status), `${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
		else assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(typeof r.body, 'object', `${what}: JSON error body`);
		assert.ok(r.body.error?.code, `${what}: error code`);
		assert.ok(/[\u4e00-\u9fff]/.test(r.body.error.message), `${what}: Chinese message`);
		if (code) assert.equal(r.body.error.code, code, `${what}: ${JSON.stringify(r.body)}`);
		if (field !== undefined) assert.equal(r.body.error.field, field, `${what}: ${JSON.stringify(r.body)}`);
		const now = state();
		assert.deepEqual(now, before, `${what}: the database changed`);
		lastState = now;
		return r;
	}

	/* ---- fixtures ---- */

	async function newPartner(client, fields = {}) {
		const body = { kind: 'community', name: uniqueName(fields.kind === 'village' ? '测试嘎查' : '测试社区'), region_code: '150622', ...fields };
		const r = await client.post('/api/v1/partners', body);
		assert.equal(r.status, 201, `create partner → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}

	async function newPairing(client, fields) {
		const r = await client.post('/api/v1/pairings', fields);
		assert.equal(r.status, 201, `create pairing ${JSON.stringify(fields)} → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}

	const city = (unit, partner, start, end, more = {}) => ({
		unit_id: unit.id,
		partner_id: partner.id,
		kind: 'city_creation',
		start_date: start,
		...(end === undefined ? {} : { end_date: end }),
		...more,
	});
	const rural = (unit, partner, start, end, more = {}) => ({ ...city(unit, partner, start, end, more), kind: 'rural_revitalization' });

	async function coverage(client = admin, query = 'limit=1000') {
		const r = await client.get(`/api/v1/pairings/coverage?${query}`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		return r.body;
	}

	async function getVersion(path) {
		const r = await admin.get(path);
		assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
		return r.body.version;
	}

	before(async () => {
		srv = await startServer();
		[admin, ordos, liaison, leader] = (await Promise.all(['admin', 'ordos', 'liaison', 'leader'].map((u) => srv.login(u)))).map(watch);
		today = (await coverage(admin, 'limit=0')).on;
		assert.match(today, /^\d{4}-\d\d-\d\d$/);
	});
	beforeEach(() => {
		lastState = null;
	});
	after(async () => {
		await srv?.stop();
	});

	/* ================================================================ partners ==== */

	describe('partners', () => {
		it('create → 201 with labels, region name, version 1 and trimmed text; GET answers the same; audited', async () => {
			const name = uniqueName('宝塔社区');
			const r = await admin.post('/api/v1/partners', {
				kind: 'community',
				name: `  ${name}  `,
				region_code: '150622',
				address: ' 薛家湾镇宝塔路1号 ',
				contact_name: '王主任',
				contact_phone: '0477-4212345',
				households: 1200,
				population: 3500,
				remark: '城区老旧小区',
			});
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const p = r.body;
			assert.equal(p.name, name, 'name trimmed');
			assert.equal(p.kind, 'community');
			assert.equal(p.kind_label, '社区（小区）');
			assert.equal(p.region_code, '150622');
			assert.equal(p.region_name, '准格尔旗');
			assert.equal(p.address, '薛家湾镇宝塔路1号');
			assert.equal(p.contact_name, '王主任');
			assert.equal(p.contact_phone, '0477-4212345');
			assert.equal(p.households, 1200);
			assert.equal(p.population, 3500);
			assert.equal(p.remark, '城区老旧小区');
			assert.equal(p.active_pairings, 0);
			assert.equal(p.version, 1);
			assert.match(p.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			assert.equal(p.updated_at, p.created_at);
			const e = oneEntry(r, admin, 'create', 'partner', p.id);
			assert.equal(e.before, null);
			assert.equal(e.after.name, name);
			assert.equal(e.after.households, 1200);
			const g = await admin.get(`/api/v1/partners/${p.id}`);
			assert.equal(g.status, 200);
			assert.deepEqual(g.body, p);
			assert.equal(srv.db.scalar(`SELECT name FROM partners WHERE id = ${p.id}`), name);

			const v = await newPartner(admin, { kind: 'village', name: uniqueName('布尔陶亥嘎查') });
			assert.equal(v.kind_label, '嘎查村');
			assert.equal(v.households, 0);
			assert.equal(v.address, '');
		});

		it('update with the version read: 200, version + 1, other fields kept, audited once with before/after', async () => {
			const p = await newPartner(admin, { households: 100, remark: '原备注', contact_name: '李书记' });
			const r = await admin.patch(`/api/v1/partners/${p.id}`, { households: 130, remark: ' 新备注 ', version: p.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.version, p.version + 1);
			assert.equal(r.body.households, 130);
			assert.equal(r.body.remark, '新备注');
			assert.equal(r.body.contact_name, '李书记', 'fields not sent are kept');
			assert.equal(r.body.name, p.name);
			const e = oneEntry(r, admin, 'update', 'partner', p.id);
			assert.equal(e.before.households, 100);
			assert.equal(e.after.households, 130);
			assert.equal(e.before.remark, '原备注');
			assert.equal(e.after.remark, '新备注');
			assert.deepEqual((await admin.get(`/api/v1/partners/${p.id}`)).body, r.body);
			// rename and re-kind (no pairings yet)
			const name = uniqueName('更名嘎查');
			const r2 = await admin.patch(`/api/v1/partners/${p.id}`, { name, kind: 'village', version: r.body.version });
			assert.equal(r2.status, 200, JSON.stringify(r2.body));
			assert.equal(r2.body.name, name);
			assert.equal(r2.body.kind_label, '嘎查村');
		});

		it('a stale version → 409 version_conflict; no version → 400 version_required; unknown id → 404; nothing changes', async () => {
			const p = await newPartner(admin);
			const cur = (await admin.patch(`/api/v1/partners/${p.id}`, { remark: '一改', version: p.version })).body;
			await rejects(admin, 'PATCH', `/api/v1/partners/${p.id}`, { remark: '过期', version: p.version }, { status: 409, code: 'version_conflict', field: 'version' });
			await rejects(admin, 'PATCH', `/api/v1/partners/${p.id}`, { remark: '无版本' }, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'PATCH', '/api/v1/partners/987654321', { remark: '无此', version: 1 }, { status: 404, code: 'not_found' });
			await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}?version=${p.version}`, undefined, { status: 409, code: 'version_conflict' });
			await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}`, undefined, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}?version=abc`, undefined, { status: 400, code: 'version_required' });
			await rejects(admin, 'DELETE', '/api/v1/partners/987654321?version=1', undefined, { status: 404, code: 'not_found' });
			assert.equal((await admin.get('/api/v1/partners/987654321')).status, 404);
			assert.equal((await admin.get(`/api/v1/partners/${p.id}`)).body.remark, '一改');
			assert.equal(cur.version, 2);
		});

		it('delete with the version read → 204, audited with the partner as before; then 404', async () => {
			const p = await newPartner(admin, { kind: 'village' });
			const r = await admin.delete(`/api/v1/partners/${p.id}?version=${p.version}`);
			assert.equal(r.status, 204, r.text);
			const e = oneEntry(r, admin, 'delete', 'partner', p.id);
			assert.equal(e.after, null);
			assert.equal(e.before.name, p.name);
			assert.equal(srv.db.count('partners', `id = ${p.id}`), 0);
			assert.equal((await admin.get(`/api/v1/partners/${p.id}`)).status, 404);
			await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}?version=${p.version}`, undefined, { status: 404 });
		});

		it('the name is unique per region and kind → 409 partner_exists (also after trimming, also on rename)', async () => {
			const name = uniqueName('唯一社区');
			const p = await newPartner(admin, { name });
			await rejects(admin, 'POST', '/api/v1/partners', { kind: 'community', name, region_code: '150622' }, { status: 409, code: 'partner_exists', field: 'name' });
			await rejects(admin, 'POST', '/api/v1/partners', { kind: 'community', name: ` ${name}\t`, region_code: '150622', households: 5 }, { status: 409, code: 'partner_exists' });
			// another kind, or another region: fine
			const v = await newPartner(admin, { name, kind: 'village' });
			assert.equal(v.name, name);
			const far = await newPartner(ordos, { name, region_code: '150621' });
			assert.equal(far.region_code, '150621');
			// renaming another partner onto it
			const other = await newPartner(admin);
			await rejects(admin, 'PATCH', `/api/v1/partners/${other.id}`, { name, version: other.version }, { status: 409, code: 'partner_exists', field: 'name' });
			// re-kinding the village onto the community
			await rejects(admin, 'PATCH', `/api/v1/partners/${v.id}`, { kind: 'community', version: v.version }, { status: 409, code: 'partner_exists' });
			// a partner may be saved under its own name
			const same = await admin.patch(`/api/v1/partners/${p.id}`, { name, remark: '同名保存', version: p.version });
			assert.equal(same.status, 200, JSON.stringify(same.body));
		});

		it('a partner with pairings (current or ended) cannot be deleted → 409 partner_in_use; it can once they are gone', async () => {
			const u = await createUnit(admin);
			const p = await newPartner(admin);
			const g = await newPairing(admin, city(u, p, '2020-01-01', '2020-12-31'));
			const cur = await admin.get(`/api/v1/partners/${p.id}`);
			assert.equal(cur.body.active_pairings, 0, 'an ended pairing is not active');
			await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}?version=${p.version}`, undefined, { status: 409, code: 'partner_in_use' });
			const g2 = await newPairing(admin, city(u, p, '2021-01-01'));
			assert.equal((await admin.get(`/api/v1/partners/${p.id}`)).body.active_pairings, 1);
			await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}?version=${p.version}`, undefined, { status: 409, code: 'partner_in_use' });
			for (const x of [g, g2]) assert.equal((await admin.delete(`/api/v1/pairings/${x.id}?version=${x.version}`)).status, 204);
			const r = await admin.delete(`/api/v1/partners/${p.id}?version=${p.version}`);
			assert.equal(r.status, 204, r.text);
		});

		it('the kind of a partner with pairings (current or ended) cannot change → 409 partner_kind_locked; other fields can', async () => {
			const u = await createUnit(admin);
			const p = await newPartner(admin);
			const g = await newPairing(admin, city(u, p, '2020-01-01', '2020-12-31'));
			await rejects(admin, 'PATCH', `/api/v1/partners/${p.id}`, { kind: 'village', version: p.version }, { status: 409, code: 'partner_kind_locked', field: 'kind' });
			await rejects(admin, 'PATCH', `/api/v1/partners/${p.id}`, { kind: 'village', remark: '改类型', version: p.version }, { status: 409, code: 'partner_kind_locked' });
			const r = await admin.patch(`/api/v1/partners/${p.id}`, { kind: 'community', remark: '同类型', version: p.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal((await admin.get(`/api/v1/pairings/${g.id}`)).body.partner_kind, 'community');
			// without pairings the kind can change again
			assert.equal((await admin.delete(`/api/v1/pairings/${g.id}?version=${g.version}`)).status, 204);
			const r2 = await admin.patch(`/api/v1/partners/${p.id}`, { kind: 'village', version: r.body.version });
			assert.equal(r2.status, 200, JSON.stringify(r2.body));
			assert.equal(r2.body.kind, 'village');
		});

		it('the list is in pinyin order, filters by kind, q and region, and pages', async () => {
			const marker = `拼序${randomBytes(3).toString('hex')}`;
			// created out of order; pinyin: 阿 a, 北 bei, 东 dong, 鄂 e, 福 fu, 准 zhun (code point order differs)
			const plan = [
				['准', 'community'],
				['阿', 'village'],
				['东', 'community'],
				['福', 'village'],
				['北', 'community'],
				['鄂', 'village'],
			];
			for (const [ch, kind] of plan) await newPartner(admin, { name: `${ch}${marker}`, kind });
			const farName = `安${marker}`;
			await newPartner(ordos, { name: farName, region_code: '150621' });
			const expect = ['阿', '北', '东', '鄂', '福', '准'].map((c) => `${c}${marker}`);

			let r = await admin.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&per_page=100`);
			assert.equal(r.status, 200);
			assert.equal(r.body.total, 6);
			assert.deepEqual(r.body.items.map((p) => p.name), expect, 'pinyin order');
			assert.equal(r.body.next_cursor, null);
			r = await admin.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&kind=village`);
			assert.deepEqual(r.body.items.map((p) => p.name), [expect[0], expect[3], expect[4]]);
			assert.ok(r.body.items.every((p) => p.kind === 'village'));
			r = await admin.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&kind=community`);
			assert.deepEqual(r.body.items.map((p) => p.name), [expect[1], expect[2], expect[5]]);
			r = await admin.get(`/api/v1/partners?q=${encodeURIComponent('东' + marker)}`);
			assert.deepEqual(r.body.items.map((p) => p.name), [expect[2]]);
			// the city admin sees the 达拉特旗 one too, first in pinyin (安 an), and filters by region
			r = await ordos.get(`/api/v1/partners?q=${encodeURIComponent(marker)}`);
			assert.deepEqual(r.body.items.map((p) => p.name), [expect[0], farName, ...expect.slice(1)]);
			r = await ordos.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&region=150621`);
			assert.deepEqual(r.body.items.map((p) => p.name), [farName]);
			r = await ordos.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&region=150622`);
			assert.equal(r.body.total, 6);
			r = await ordos.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&region=150600`);
			assert.equal(r.body.total, 7);
			// paging
			r = await admin.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&per_page=2&page=2`);
			assert.equal(r.body.total, 6);
			assert.equal(r.body.page, 2);
			assert.equal(r.body.per_page, 2);
			assert.deepEqual(r.body.items.map((p) => p.name), expect.slice(2, 4));
			r = await admin.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&per_page=2&page=4`);
			assert.equal(r.body.total, 6);
			assert.deepEqual(r.body.items, []);
			// LIKE wildcards are literal; empty filters are no filters
			for (const q of ['%', '_', `${marker}%`]) {
				r = await admin.get(`/api/v1/partners?q=${encodeURIComponent(q)}`);
				assert.equal(r.status, 200);
				assert.ok(!r.body.items.some((p) => p.name.includes(marker)), `q=${q} is literal`);
			}
			const all = (await admin.get('/api/v1/partners?per_page=1')).body.total;
			assert.equal((await admin.get('/api/v1/partners?per_page=1&q=&kind=&region=')).body.total, all);
			// the whole list (every page) is in pinyin order as well: names with the marker in order
			const names = [];
			for (let page = 1; page <= 50; page++) {
				const x = await admin.get(`/api/v1/partners?per_page=100&page=${page}`);
				names.push(...x.body.items.map((p) => p.name));
				if (x.body.items.length < 100) break;
			}
			assert.equal(names.length, all);
			assert.deepEqual(names.filter((n) => n.includes(marker)), expect);
		});

		it('bad list parameters → 400 naming the parameter', async () => {
			const bad = [
				['kind=town', 'invalid_value', 'kind'],
				['kind=COMMUNITY', 'invalid_value', 'kind'],
				['region=abc', 'region_code', 'region'],
				['region=15062', 'region_code', 'region'],
				['region=000000', 'region_code', 'region'],
				[`q=${encodeURIComponent('长'.repeat(101))}`, 'too_long', 'q'],
				['per_page=0', 'invalid_per_page', 'per_page'],
				['per_page=101', 'invalid_per_page', 'per_page'],
				['page=0', 'invalid_page', 'page'],
				['page=x', 'invalid_page', 'page'],
			];
			for (const [q, code, field] of bad) {
				const r = await admin.get(`/api/v1/partners?${q}`);
				assert.equal(r.status, 400, `partners?${q}: ${r.status} ${JSON.stringify(r.body)}`);
				assert.equal(r.body.error.code, code, q);
				assert.equal(r.body.error.field, field, q);
			}
			assert.equal((await admin.get(`/api/v1/partners?q=${encodeURIComponent('长'.repeat(100))}`)).status, 200);
			for (const id of ['abc', '0', '-1', '99999999999999999999']) {
				assert.equal((await admin.get(`/api/v1/partners/${id}`)).status, 404, `partners/${id}`);
			}
		});
	});

	/* ================================================================ pairings ==== */

	describe('pairings', () => {
		let U1, U2, C1, C2, V1;

		before(async () => {
			U1 = await createUnit(admin, { name: uniqueName('结对单位甲') });
			U2 = await createUnit(admin, { name: uniqueName('结对单位乙') });
			C1 = await newPartner(admin, { name: uniqueName('结对社区甲') });
			C2 = await newPartner(admin, { name: uniqueName('结对社区乙') });
			V1 = await newPartner(admin, { kind: 'village', name: uniqueName('包联嘎查甲') });
		});

		it('create → 201 with unit and partner names, labels and `active`; GET answers the same; audited', async () => {
			const r = await admin.post('/api/v1/pairings', city(U1, C1, '2024-01-01', undefined, { note: '  每月开展志愿服务  ' }));
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const g = r.body;
			assert.equal(g.unit_id, U1.id);
			assert.equal(g.unit_name, U1.name);
			assert.equal(g.partner_id, C1.id);
			assert.equal(g.partner_name, C1.name);
			assert.equal(g.partner_kind, 'community');
			assert.equal(g.partner_region_name, '准格尔旗');
			assert.equal(g.kind, 'city_creation');
			assert.equal(g.kind_label, '结对共建社区');
			assert.equal(g.start_date, '2024-01-01');
			assert.equal(g.end_date, null);
			assert.equal(g.active, true);
			assert.equal(g.note, '每月开展志愿服务');
			assert.equal(g.version, 1);
			assert.match(g.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			const e = oneEntry(r, admin, 'create', 'pairing', g.id);
			assert.equal(e.before, null);
			assert.equal(e.after.unit_id, U1.id);
			assert.equal(e.after.partner_id, C1.id);
			assert.deepEqual((await admin.get(`/api/v1/pairings/${g.id}`)).body, g);
			assert.equal((await admin.get(`/api/v1/partners/${C1.id}`)).body.active_pairings, 1);

			const rr = await admin.post('/api/v1/pairings', rural(U1, V1, '2023-05-01', '2026-04-30'));
			assert.equal(rr.status, 201, JSON.stringify(rr.body));
			assert.equal(rr.body.kind_label, '包联共建嘎查村');
			assert.equal(rr.body.partner_kind, 'village');
			assert.equal(rr.body.end_date, '2026-04-30');
			assert.equal(rr.body.active, today >= '2023-05-01' && today <= '2026-04-30');
			oneEntry(rr, admin, 'create', 'pairing', rr.body.id);
		});

		it('the kind must fit the partner: 422 partner_kind_mismatch (create and update), nothing changes', async () => {
			await rejects(admin, 'POST', '/api/v1/pairings', city(U2, V1, '2024-01-01'), { status: 422, code: 'partner_kind_mismatch', field: 'partner_id' });
			await rejects(admin, 'POST', '/api/v1/pairings', rural(U2, C2, '2024-01-01'), { status: 422, code: 'partner_kind_mismatch', field: 'partner_id' });
			const g = await newPairing(admin, city(U2, C2, '2022-01-01', '2022-12-31'));
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g.id}`, { kind: 'rural_revitalization', version: g.version }, { status: 422, code: 'partner_kind_mismatch' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g.id}`, { partner_id: V1.id, version: g.version }, { status: 422, code: 'partner_kind_mismatch' });
			// both together fit
			const r = await admin.patch(`/api/v1/pairings/${g.id}`, { partner_id: V1.id, kind: 'rural_revitalization', version: g.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.partner_kind, 'village');
			assert.equal(r.body.partner_name, V1.name);
			// an unknown kind
			await rejects(admin, 'POST', '/api/v1/pairings', { ...city(U2, C2, '2030-01-01'), kind: 'friendship' }, { status: 400, code: 'invalid_value', field: 'kind' });
			await rejects(admin, 'POST', '/api/v1/pairings', { unit_id: U2.id, partner_id: C2.id, start_date: '2030-01-01' }, { status: 400, field: 'kind' });
		});

		it('dates: impossible → 400 invalid_date; end before start → 400 date_order; a one-day period and leap days are fine', async () => {
			const u = await createUnit(admin);
			const p = await newPartner(admin);
			const badStarts = ['2023-02-30', '2023-02-29', '2100-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023/01/01', '20230101', '2023-1-1', '1949-09-30', '2101-01-01', '二〇二三年一月', '2023-02-3x'];
			for (const d of badStarts) {
				await rejects(admin, 'POST', '/api/v1/pairings', city(u, p, d), { status: 400, code: 'invalid_date', field: 'start_date' });
			}
			await rejects(admin, 'POST', '/api/v1/pairings', { unit_id: u.id, partner_id: p.id, kind: 'city_creation' }, { status: 400, field: 'start_date' });
			await rejects(admin, 'POST', '/api/v1/pairings', city(u, p, ''), { status: 400, code: 'required', field: 'start_date' });
			await rejects(admin, 'POST', '/api/v1/pairings', city(u, p, '2023-01-011'), { status: 400, code: 'too_long', field: 'start_date' });
			for (const d of ['2023-02-30', '2024-06-31', 'tomorrow']) {
				await rejects(admin, 'POST', '/api/v1/pairings', city(u, p, '2023-01-01', d), { status: 400, code: 'invalid_date', field: 'end_date' });
			}
			await rejects(admin, 'POST', '/api/v1/pairings', city(u, p, '2023-06-01', '2023-05-31'), { status: 400, code: 'date_order', field: 'end_date' });
			await rejects(admin, 'POST', '/api/v1/pairings', city(u, p, '2024-01-01', '2023-12-31'), { status: 400, code: 'date_order', field: 'end_date' });
			// a one-day period on a leap day, then 2000-02-29 (divisible by 400) and 1949-10-01 (the first day)
			const one = await newPairing(admin, city(u, p, '2024-02-29', '2024-02-29'));
			assert.equal(one.active, false);
			await newPairing(admin, city(u, p, '2000-02-29', '2000-03-01'));
			await newPairing(admin, city(u, p, '1949-10-01', '1950-01-01'));
			// an update that puts the end before the start
			await rejects(admin, 'PATCH', `/api/v1/pairings/${one.id}`, { end_date: '2024-02-28', version: one.version }, { status: 400, code: 'date_order', field: 'end_date' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${one.id}`, { start_date: '2024-03-01', version: one.version }, { status: 400, code: 'date_order' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${one.id}`, { start_date: '2024-02-30', version: one.version }, { status: 400, code: 'invalid_date', field: 'start_date' });
		});

		it('overlapping periods of the same unit and partner → 409 pairing_overlap; adjacent periods, other partners and units are fine; an update cannot create one', async () => {
			const u = await createUnit(admin);
			const u2 = await createUnit(admin);
			const p = await newPartner(admin);
			const p2 = await newPartner(admin);
			const g1 = await newPairing(admin, city(u, p, '2020-01-01', '2021-06-30'));
			const g2 = await newPairing(admin, city(u, p, '2021-07-01')); // the day after: a later period
			for (const [s, e] of [
				['2021-06-30', '2021-06-30'], // g1's last day
				['2021-07-01', '2021-07-01'], // g2's first day
				['2019-01-01', undefined], // open, covers both
				['2019-01-01', '2020-01-01'], // ends on g1's first day
				['2022-01-01', '2022-12-31'], // inside the open g2
				['2030-01-01', undefined], // far in the future of the open g2
				['2020-03-01', '2020-04-01'], // inside g1
			]) {
				await rejects(admin, 'POST', '/api/v1/pairings', city(u, p, s, e), { status: 409, code: 'pairing_overlap', field: 'start_date' });
			}
			// the liaison is refused the same way for their unit
			const own = { id: liaison.user.unit_id };
			const lp = await newPartner(admin);
			await newPairing(liaison, city(own, lp, '2024-01-01', '2024-12-31'));
			await rejects(liaison, 'POST', '/api/v1/pairings', city(own, lp, '2024-12-31'), { status: 409, code: 'pairing_overlap' });
			await newPairing(liaison, city(own, lp, '2025-01-01'));
			// the day before g1 is fine; so are another partner and another unit in the same period
			const g0 = await newPairing(admin, city(u, p, '2019-01-01', '2019-12-31'));
			await newPairing(admin, city(u, p2, '2020-06-01'));
			await newPairing(admin, city(u2, p, '2020-06-01'));
			// updates that would overlap
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g2.id}`, { start_date: '2021-06-01', version: g2.version }, { status: 409, code: 'pairing_overlap' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g1.id}`, { end_date: null, version: g1.version }, { status: 409, code: 'pairing_overlap' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g1.id}`, { end_date: '2021-07-01', version: g1.version }, { status: 409, code: 'pairing_overlap' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g0.id}`, { end_date: '2020-01-01', version: g0.version }, { status: 409, code: 'pairing_overlap' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g0.id}`, { partner_id: p2.id, start_date: '2021-01-01', end_date: '2021-02-01', version: g0.version }, { status: 409, code: 'pairing_overlap' });
			// a pairing does not overlap itself; shrinking and moving into a gap are fine
			let r = await admin.patch(`/api/v1/pairings/${g1.id}`, { start_date: '2020-01-01', end_date: '2021-06-29', note: '缩短', version: g1.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			r = await admin.patch(`/api/v1/pairings/${g2.id}`, { start_date: '2021-06-30', version: g2.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			r = await admin.patch(`/api/v1/pairings/${g0.id}`, { partner_id: p2.id, end_date: '2020-05-31', version: g0.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.partner_id, p2.id);
		});

		it('concurrent overlapping creations: exactly one is accepted', async () => {
			const clients = await Promise.all(Array.from({ length: 8 }, () => srv.login('admin')));
			// a few rounds, each on a fresh unit and partner, so that a race has its chances
			for (let round = 0; round < 4; round++) {
				const u = await createUnit(admin);
				const p = await newPartner(admin);
				const rs = await Promise.all(clients.map((c, i) => c.post('/api/v1/pairings', city(u, p, `2024-0${i + 1}-01`))));
				const statuses = rs.map((r) => r.status).sort();
				assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409], `round ${round}: ${JSON.stringify(rs.map((r) => r.body.error?.code || r.status))}`);
				assert.equal(srv.db.count('pairings', `unit_id = ${u.id}`), 1);
			}
		});

		it('update: fields change, version + 1, audited once; end_date "" or null reopens; a stale version → 409; unknown id → 404', async () => {
			const g = await newPairing(admin, city(U2, C1, '2024-03-01', undefined, { note: '初始' }));
			let r = await admin.patch(`/api/v1/pairings/${g.id}`, { end_date: '2025-02-28', note: '已到期', version: g.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.version, g.version + 1);
			assert.equal(r.body.end_date, '2025-02-28');
			assert.equal(r.body.note, '已到期');
			assert.equal(r.body.start_date, '2024-03-01', 'fields not sent are kept');
			assert.equal(r.body.active, today <= '2025-02-28');
			let e = oneEntry(r, admin, 'update', 'pairing', g.id);
			assert.equal(e.before.end_date, null);
			assert.equal(e.after.end_date, '2025-02-28');
			assert.equal(e.before.note, '初始');
			assert.deepEqual((await admin.get(`/api/v1/pairings/${g.id}`)).body, r.body);
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g.id}`, { note: '过期版本', version: g.version }, { status: 409, code: 'version_conflict', field: 'version' });
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g.id}`, { note: '无版本' }, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'PATCH', '/api/v1/pairings/987654321', { note: '无此', version: 1 }, { status: 404, code: 'not_found' });
			// "" reopens it
			r = await admin.patch(`/api/v1/pairings/${g.id}`, { end_date: '', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.end_date, null);
			assert.equal(r.body.active, true);
			assert.equal(srv.db.scalar(`SELECT end_date FROM pairings WHERE id = ${g.id}`), null, 'stored as NULL');
			// null reopens it as well (the one field where null is not "not given")
			r = await admin.patch(`/api/v1/pairings/${g.id}`, { end_date: '2025-12-31', version: r.body.version });
			r = await admin.patch(`/api/v1/pairings/${g.id}`, { end_date: null, version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.end_date, null);
			// move it to another unit
			r = await admin.patch(`/api/v1/pairings/${g.id}`, { unit_id: U1.id, start_date: '2010-01-01', end_date: '2010-12-31', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.unit_name, U1.name);
			e = oneEntry(r, admin, 'update', 'pairing', g.id);
			assert.equal(e.before.unit_id, U2.id);
			assert.equal(e.after.unit_id, U1.id);
		});

		it('delete: stale → 409, no version → 400, right → 204 audited; then 404', async () => {
			const g = await newPairing(admin, city(U2, C2, '2015-01-01', '2015-12-31'));
			await rejects(admin, 'DELETE', `/api/v1/pairings/${g.id}?version=${g.version + 1}`, undefined, { status: 409, code: 'version_conflict' });
			await rejects(admin, 'DELETE', `/api/v1/pairings/${g.id}`, undefined, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'DELETE', `/api/v1/pairings/${g.id}?version=0`, undefined, { status: 400, code: 'version_required' });
			const r = await admin.delete(`/api/v1/pairings/${g.id}?version=${g.version}`);
			assert.equal(r.status, 204, r.text);
			const e = oneEntry(r, admin, 'delete', 'pairing', g.id);
			assert.equal(e.after, null);
			assert.equal(e.before.start_date, '2015-01-01');
			assert.equal((await admin.get(`/api/v1/pairings/${g.id}`)).status, 404);
			await rejects(admin, 'DELETE', `/api/v1/pairings/${g.id}?version=${g.version}`, undefined, { status: 404, code: 'not_found' });
			for (const id of ['abc', '0', '-1']) assert.equal((await admin.get(`/api/v1/pairings/${id}`)).status, 404, `pairings/${id}`);
		});

		it('a merged or dissolved unit gets no new pairing → 409 unit_inactive (create, or moving a pairing onto it)', async () => {
			const gone = await createUnit(admin, { name: uniqueName('拟撤销单位') });
			let r = await admin.post(`/api/v1/units/${gone.id}/restructure`, { kind: 'dissolve', version: gone.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'dissolved');
			const merged = await createUnit(admin, { name: uniqueName('拟合并单位') });
			r = await admin.post(`/api/v1/units/${merged.id}/restructure`, { kind: 'merge', into_unit_id: U1.id, version: merged.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'merged');
			for (const u of [gone, merged]) {
				await rejects(admin, 'POST', '/api/v1/pairings', city(u, C2, '2026-01-01'), { status: 409, code: 'unit_inactive', field: 'unit_id' });
				await rejects(admin, 'POST', '/api/v1/pairings', rural(u, V1, '2000-01-01', '2000-12-31'), { status: 409, code: 'unit_inactive' });
			}
			const g = await newPairing(admin, city(U2, C2, '2016-01-01', '2016-12-31'));
			await rejects(admin, 'PATCH', `/api/v1/pairings/${g.id}`, { unit_id: gone.id, version: g.version }, { status: 409, code: 'unit_inactive', field: 'unit_id' });
		});

		it('dissolving a unit ends its open pairings on that day; such a pairing can still be edited', async () => {
			const u = await createUnit(admin);
			const p = await newPartner(admin);
			const g = await newPairing(admin, city(u, p, '2024-01-01'));
			const r = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'dissolve', version: u.version });
			assert.equal(r.status, 200);
			const ended = (await admin.get(`/api/v1/pairings/${g.id}`)).body;
			assert.equal(ended.end_date, today, 'the open pairing ended on the dissolution day');
			assert.ok(ended.version > g.version);
			const end = await admin.patch(`/api/v1/pairings/${g.id}`, { end_date: addDays(today, -1), version: ended.version });
			assert.equal(end.status, 200, JSON.stringify(end.body));
			assert.equal(end.body.end_date, addDays(today, -1));
		});

		it('a unit with pairings cannot be deleted → 409 unit_in_use; without them it can', async () => {
			const u = await createUnit(admin);
			const g = await newPairing(admin, city(u, C2, '2012-01-01', '2012-12-31'));
			await rejects(admin, 'DELETE', `/api/v1/units/${u.id}?version=${u.version}`, undefined, { status: 409, code: 'unit_in_use' });
			assert.equal((await admin.delete(`/api/v1/pairings/${g.id}?version=${g.version}`)).status, 204);
			assert.equal((await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`)).status, 204);
		});

		it('`active` is true from start_date to end_date inclusive (past, current, ending today, starting today, future)', async () => {
			const u = await createUnit(admin);
			const pa = await newPartner(admin);
			const pb = await newPartner(admin);
			const pc = await newPartner(admin);
			const past = await newPairing(admin, city(u, pa, '2020-01-01', '2020-12-31'));
			const endsToday = await newPairing(admin, city(u, pa, '2021-01-01', today));
			const future = await newPairing(admin, city(u, pa, addDays(today, 30)));
			const startsToday = await newPairing(admin, city(u, pb, today));
			const open = await newPairing(admin, city(u, pc, '2022-01-01'));
			const want = { [past.id]: false, [endsToday.id]: true, [future.id]: false, [startsToday.id]: true, [open.id]: true };
			for (const g of [past, endsToday, future, startsToday, open]) {
				assert.equal(g.active, want[g.id], `create answer of ${g.start_date}..${g.end_date}`);
				assert.equal((await admin.get(`/api/v1/pairings/${g.id}`)).body.active, want[g.id], `GET ${g.start_date}..${g.end_date}`);
			}
			let r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&per_page=100`);
			assert.equal(r.body.total, 5);
			for (const g of r.body.items) assert.equal(g.active, want[g.id], `list ${g.start_date}..${g.end_date}`);
			const ids = (x) => x.body.items.map((g) => g.id).sort((a, b) => a - b);
			r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&active=true`);
			assert.deepEqual(ids(r), [endsToday.id, startsToday.id, open.id].sort((a, b) => a - b));
			assert.equal(r.body.total, 3);
			r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&on=2020-06-01`);
			assert.deepEqual(ids(r), [past.id]);
			r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&on=2020-12-31`);
			assert.deepEqual(ids(r), [past.id]);
			r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&on=2022-01-01`);
			assert.deepEqual(ids(r), [endsToday.id, open.id].sort((a, b) => a - b));
			r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&on=${addDays(today, 30)}`);
			assert.deepEqual(ids(r), [future.id, startsToday.id, open.id].sort((a, b) => a - b));
			r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&on=1990-01-01`);
			assert.equal(r.body.total, 0);
			// active=false is no filter
			r = await admin.get(`/api/v1/pairings?unit_id=${u.id}&active=false`);
			assert.equal(r.body.total, 5);
			// the partners' active_pairings count today's
			assert.equal((await admin.get(`/api/v1/partners/${pa.id}`)).body.active_pairings, 1);
			assert.equal((await admin.get(`/api/v1/partners/${pb.id}`)).body.active_pairings, 1);
			const pl = await admin.get(`/api/v1/partners?q=${encodeURIComponent(pc.name)}`);
			assert.equal(pl.body.items[0].active_pairings, 1);
		});

		it('filters: unit_id, partner_id, kind, q, region and their combination; ordered by unit (pinyin), kind, start date ↓', async () => {
			const ua = await createUnit(admin, { name: uniqueName('阿筛选单位') });
			const uz = await createUnit(admin, { name: uniqueName('准筛选单位') });
			const pc = await newPartner(admin, { name: uniqueName('筛选社区') });
			const pv = await newPartner(admin, { kind: 'village', name: uniqueName('筛选嘎查') });
			const g1 = await newPairing(admin, city(uz, pc, '2020-01-01', '2020-12-31'));
			const g2 = await newPairing(admin, city(uz, pc, '2023-01-01'));
			const g3 = await newPairing(admin, rural(uz, pv, '2021-01-01'));
			const g4 = await newPairing(admin, city(ua, pc, '2022-01-01'));
			const ids = (r) => r.body.items.map((g) => g.id);
			let r = await admin.get(`/api/v1/pairings?partner_id=${pc.id}`);
			assert.deepEqual(ids(r), [g4.id, g2.id, g1.id], 'unit pinyin (阿 before 准), then start date descending');
			r = await admin.get(`/api/v1/pairings?unit_id=${uz.id}`);
			assert.deepEqual(ids(r), [g2.id, g1.id, g3.id], 'city_creation before rural_revitalization');
			r = await admin.get(`/api/v1/pairings?unit_id=${uz.id}&kind=rural_revitalization`);
			assert.deepEqual(ids(r), [g3.id]);
			r = await admin.get(`/api/v1/pairings?unit_id=${uz.id}&partner_id=${pc.id}&active=true`);
			assert.deepEqual(ids(r), [g2.id]);
			r = await admin.get(`/api/v1/pairings?unit_id=${ua.id}&partner_id=${pv.id}`);
			assert.equal(r.body.total, 0);
			r = await admin.get(`/api/v1/pairings?q=${encodeURIComponent(pv.name)}`);
			assert.deepEqual(ids(r), [g3.id], 'q matches the partner name');
			r = await admin.get(`/api/v1/pairings?q=${encodeURIComponent(ua.name)}`);
			assert.deepEqual(ids(r), [g4.id], 'q matches the unit name');
			r = await admin.get(`/api/v1/pairings?partner_id=${pc.id}&region=150622`);
			assert.equal(r.body.total, 3);
			r = await ordos.get(`/api/v1/pairings?partner_id=${pc.id}&region=150621`);
			assert.equal(r.body.total, 0);
			r = await admin.get(`/api/v1/pairings?partner_id=${pc.id}&per_page=1&page=2`);
			assert.deepEqual(ids(r), [g2.id]);
			assert.equal(r.body.total, 3);
			assert.equal(r.body.next_cursor, null);
			r = await admin.get(`/api/v1/pairings?partner_id=${pc.id}&unit_id=&kind=&active=&on=&q=&region=`);
			assert.equal(r.body.total, 3, 'empty filters are no filters');
			// the unit and the partner were taken as given
			assert.equal(r.body.items[0].unit_name, ua.name);
			assert.equal(r.body.items[0].partner_name, pc.name);
		});

		it('bad list parameters → 400 naming the parameter', async () => {
			const bad = [
				['unit_id=abc', 'invalid_value', 'unit_id'],
				['unit_id=0', 'invalid_value', 'unit_id'],
				['unit_id=-3', 'invalid_value', 'unit_id'],
				['unit_id=1.5', 'invalid_value', 'unit_id'],
				['unit_id=9999999999999999999', 'invalid_value', 'unit_id'],
				['partner_id=x', 'invalid_value', 'partner_id'],
				['kind=community', 'invalid_value', 'kind'],
				['active=yes', 'invalid_value', 'active'],
				['active=1', 'invalid_value', 'active'],
				['on=2023-02-30', 'invalid_date', 'on'],
				['on=today', 'invalid_date', 'on'],
				['on=2023-1-1', 'invalid_date', 'on'],
				['region=abc', 'region_code', 'region'],
				[`q=${encodeURIComponent('长'.repeat(101))}`, 'too_long', 'q'],
				['per_page=1000', 'invalid_per_page', 'per_page'],
				['page=-1', 'invalid_page', 'page'],
			];
			for (const [q, code, field] of bad) {
				const r = await admin.get(`/api/v1/pairings?${q}`);
				assert.equal(r.status, 400, `pairings?${q}: ${r.status} ${JSON.stringify(r.body)}`);
				assert.equal(r.body.error.code, code, q);
				assert.equal(r.body.error.field, field, q);
			}
		});
	});

	/* ================================================================ coverage ==== */

	describe('coverage', () => {
		it('answers the day, five counts and three lists; a unit without pairings is in both unit lists', async () => {
			const c0 = await coverage();
			assert.equal(c0.on, today);
			for (const k of ['units_active', 'units_without_community', 'units_without_village', 'partners_total', 'partners_without']) {
				assert.equal(typeof c0.counts[k], 'number', k);
			}
			const u = await createUnit(admin, { name: uniqueName('覆盖单位') });
			const pc = await newPartner(admin, { name: uniqueName('覆盖社区') });
			const pv = await newPartner(admin, { kind: 'village', name: uniqueName('覆盖嘎查') });
			const c1 = await coverage();
			assert.equal(c1.counts.units_active, c0.counts.units_active + 1);
			assert.equal(c1.counts.units_without_community, c0.counts.units_without_community + 1);
			assert.equal(c1.counts.units_without_village, c0.counts.units_without_village + 1);
			assert.equal(c1.counts.partners_total, c0.counts.partners_total + 2);
			assert.equal(c1.counts.partners_without, c0.counts.partners_without + 2);
			assert.deepEqual(c1.units_without_community.find((x) => x.id === u.id), { id: u.id, name: u.name, region_name: '准格尔旗' });
			assert.ok(c1.units_without_village.some((x) => x.id === u.id));
			assert.deepEqual(c1.partners_without.find((x) => x.id === pc.id), { id: pc.id, name: pc.name, region_name: '准格尔旗', kind: 'community' });
			assert.equal(c1.partners_without.find((x) => x.id === pv.id)?.kind, 'village');
			assert.equal(c1.units_without_community.length, c1.counts.units_without_community);
			assert.equal(c1.partners_without.length, c1.counts.partners_without);
		});

		it('numbers and lists follow pairings as they are added, ended (end_date in the past) and deleted', async () => {
			const u = await createUnit(admin, { name: uniqueName('覆盖变化单位') });
			const pc = await newPartner(admin, { name: uniqueName('覆盖变化社区') });
			const pv = await newPartner(admin, { kind: 'village', name: uniqueName('覆盖变化嘎查') });
			const c0 = await coverage();
			const inList = (c, list, id) => c[list].some((x) => x.id === id);
			assert.ok(inList(c0, 'units_without_community', u.id) && inList(c0, 'units_without_village', u.id));

			const gc = await newPairing(admin, city(u, pc, '2024-01-01'));
			let c = await coverage();
			assert.equal(c.counts.units_without_community, c0.counts.units_without_community - 1);
			assert.equal(c.counts.units_without_village, c0.counts.units_without_village);
			assert.equal(c.counts.partners_without, c0.counts.partners_without - 1);
			assert.equal(c.counts.partners_total, c0.counts.partners_total);
			assert.equal(c.counts.units_active, c0.counts.units_active);
			assert.ok(!inList(c, 'units_without_community', u.id) && inList(c, 'units_without_village', u.id));
			assert.ok(!inList(c, 'partners_without', pc.id) && inList(c, 'partners_without', pv.id));

			const gv = await newPairing(admin, rural(u, pv, '2025-01-01'));
			c = await coverage();
			assert.equal(c.counts.units_without_village, c0.counts.units_without_village - 1);
			assert.equal(c.counts.partners_without, c0.counts.partners_without - 2);
			assert.ok(!inList(c, 'units_without_village', u.id) && !inList(c, 'partners_without', pv.id));

			// ended yesterday: not covered today any more
			let r = await admin.patch(`/api/v1/pairings/${gc.id}`, { end_date: addDays(today, -1), version: gc.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.active, false);
			c = await coverage();
			assert.equal(c.counts.units_without_community, c0.counts.units_without_community);
			assert.equal(c.counts.partners_without, c0.counts.partners_without - 1);
			assert.ok(inList(c, 'units_without_community', u.id) && inList(c, 'partners_without', pc.id));
			// ending today still covers today
			r = await admin.patch(`/api/v1/pairings/${gc.id}`, { end_date: today, version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			c = await coverage();
			assert.ok(!inList(c, 'units_without_community', u.id) && !inList(c, 'partners_without', pc.id));

			// a second community pairing of another unit with the same partner does not count twice
			const u2 = await createUnit(admin);
			await newPairing(admin, city(u2, pc, '2024-06-01'));
			const c2 = await coverage();
			assert.equal(c2.counts.partners_without, c.counts.partners_without);
			assert.equal(c2.counts.units_without_community, c.counts.units_without_community, 'u2 is new and covered at once');

			// deleted: uncovered again
			r = await admin.delete(`/api/v1/pairings/${gv.id}?version=${gv.version}`);
			assert.equal(r.status, 204);
			c = await coverage();
			assert.ok(inList(c, 'units_without_village', u.id) && inList(c, 'partners_without', pv.id));

			// a dissolved unit leaves the counts
			const cBefore = c;
			const unit = (await admin.get(`/api/v1/units/${u.id}`)).body;
			r = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'dissolve', version: unit.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			c = await coverage();
			assert.equal(c.counts.units_active, cBefore.counts.units_active - 1);
			assert.equal(c.counts.units_without_village, cBefore.counts.units_without_village - 1);
			assert.ok(!inList(c, 'units_without_village', u.id));
		});

		it('on=DATE looks at that day; future pairings count from their start', async () => {
			const u = await createUnit(admin, { name: uniqueName('覆盖日期单位') });
			const pc = await newPartner(admin, { name: uniqueName('覆盖日期社区') });
			const pf = await newPartner(admin, { name: uniqueName('覆盖将来社区') });
			await newPairing(admin, city(u, pc, '2024-01-01', '2024-12-31'));
			await newPairing(admin, city(u, pf, addDays(today, 10)));
			const inList = (c, list, id) => c[list].some((x) => x.id === id);
			let c = await coverage(admin, 'on=2024-06-01&limit=1000');
			assert.equal(c.on, '2024-06-01');
			assert.ok(!inList(c, 'units_without_community', u.id), 'covered in 2024');
			assert.ok(!inList(c, 'partners_without', pc.id) && inList(c, 'partners_without', pf.id));
			c = await coverage(admin, 'on=2023-12-31&limit=1000');
			assert.ok(inList(c, 'units_without_community', u.id), 'not yet covered the day before the start');
			c = await coverage(admin, 'on=2024-12-31&limit=1000');
			assert.ok(!inList(c, 'units_without_community', u.id), 'covered on the last day');
			c = await coverage(admin, 'on=2025-01-01&limit=1000');
			assert.ok(inList(c, 'units_without_community', u.id), 'no longer covered after the end');
			c = await coverage();
			assert.ok(inList(c, 'units_without_community', u.id), 'today: the future pairing has not started');
			assert.ok(inList(c, 'partners_without', pf.id));
			c = await coverage(admin, `on=${addDays(today, 10)}&limit=1000`);
			assert.ok(!inList(c, 'units_without_community', u.id) && !inList(c, 'partners_without', pf.id));
			assert.ok(inList(c, 'partners_without', pc.id));
			// an empty on= is today
			assert.equal((await coverage(admin, 'on=&limit=0')).on, today);
		});

		it('limit caps the lists, not the counts; bad on or limit → 400', async () => {
			const full = await coverage();
			assert.ok(full.counts.units_without_community >= 2, 'enough units for the limit test');
			const one = await coverage(admin, 'limit=1');
			assert.deepEqual(one.counts, full.counts);
			assert.equal(one.units_without_community.length, 1);
			assert.deepEqual(one.units_without_community[0], full.units_without_community[0], 'the first in order');
			assert.ok(one.units_without_village.length <= 1 && one.partners_without.length <= 1);
			const none = await coverage(admin, 'limit=0');
			assert.deepEqual(none.counts, full.counts);
			assert.deepEqual([none.units_without_community, none.units_without_village, none.partners_without], [[], [], []]);
			const dflt = await coverage(admin, '');
			assert.deepEqual(dflt.counts, full.counts);
			assert.equal(dflt.units_without_community.length, Math.min(200, full.counts.units_without_community), 'default limit 200');
			assert.equal((await coverage(admin, 'limit=1000')).units_without_community.length, full.units_without_community.length);
			for (const [q, code, field] of [
				['limit=1001', 'invalid_value', 'limit'],
				['limit=-1', 'invalid_value', 'limit'],
				['limit=abc', 'invalid_value', 'limit'],
				['limit=1.5', 'invalid_value', 'limit'],
				['on=2023-02-30', 'invalid_date', 'on'],
				['on=2023/01/01', 'invalid_date', 'on'],
				['on=1900-01-01', 'invalid_date', 'on'],
			]) {
				const r = await admin.get(`/api/v1/pairings/coverage?${q}`);
				assert.equal(r.status, 400, `coverage?${q}: ${r.status} ${JSON.stringify(r.body)}`);
				assert.equal(r.body.error.code, code, q);
				assert.equal(r.body.error.field, field, q);
			}
		});

		it('the viewer of the banner gets the admin\'s answer; the city admin counts more', async () => {
			const a = await coverage(admin);
			const v = await coverage(leader);
			assert.deepEqual(v, a);
			const o = await coverage(ordos);
			assert.ok(o.counts.units_active > a.counts.units_active);
			assert.ok(o.counts.partners_total >= a.counts.partners_total);
		});
	});

	/* ================================================================ bad input ==== */

	describe('bad input', () => {
		let P, G, U;

		before(async () => {
			U = await createUnit(admin);
			P = await newPartner(admin, { name: uniqueName('坏输入社区') });
			G = await newPairing(admin, city(U, P, '2024-01-01'));
		});

		const partnerBase = () => ({ kind: 'community', name: uniqueName('坏输入'), region_code: '150622' });
		const pairingBase = () => ({ unit_id: U.id, partner_id: P.id, kind: 'city_creation', start_date: '2000-01-01', end_date: '2000-12-31' });

		it('the valid base bodies are accepted (so the rejections below are about the defect)', async () => {
			let r = await admin.post('/api/v1/partners', partnerBase());
			assert.equal(r.status, 201, JSON.stringify(r.body));
			r = await admin.post('/api/v1/pairings', pairingBase());
			assert.equal(r.status, 201, JSON.stringify(r.body));
			assert.equal((await admin.delete(`/api/v1/pairings/${r.body.id}?version=1`)).status, 204);
		});

		it('partners: unknown fields, wrong types, lengths, region codes and numbers → 400 with the code and field', async () => {
			const post = (patch, status, code, field) =>
				rejects(admin, 'POST', '/api/v1/partners', { ...partnerBase(), ...patch }, { status, code, field });
			const patchP = (patch, status, code, field) =>
				rejects(admin, 'PATCH', `/api/v1/partners/${P.id}`, { version: P.version, ...patch }, { status, code, field });
			// unknown and read-only fields
			await post({ nonsense: 1 }, 400, 'unknown_field', 'nonsense');
			for (const f of ['id', 'kind_label', 'region_name', 'active_pairings', 'created_at', 'version']) await post({ [f]: 1 }, 400, 'unknown_field', f);
			for (const f of ['id', 'active_pairings', 'updated_at']) await patchP({ [f]: 1 }, 400, 'unknown_field', f);
			// wrong types
			for (const [patch, field] of [
				[{ name: 12345 }, 'name'],
				[{ name: ['数组'] }, 'name'],
				[{ kind: true }, 'kind'],
				[{ region_code: 150622 }, 'region_code'],
				[{ households: '12' }, 'households'],
				[{ households: 1.5 }, 'households'],
				[{ population: true }, 'population'],
				[{ population: 1e30 }, 'population'],
				[{ contact_phone: 4771234 }, 'contact_phone'],
				[{ remark: { a: 1 } }, 'remark'],
			]) {
				await post(patch, 400, 'invalid_type', field);
			}
			await patchP({ version: '1' }, 400, 'invalid_type', 'version');
			await patchP({ version: 0 }, 400, 'out_of_range', 'version');
			await patchP({ name: 5 }, 400, 'invalid_type', 'name');
			// values
			await post({ kind: 'town' }, 400, 'invalid_value', 'kind');
			await post({ kind: undefined }, 400, 'invalid_value', 'kind');
			await post({ kind: '' }, 400, 'required', 'kind');
			await patchP({ kind: 'Village' }, 400, 'invalid_value', 'kind');
			// lengths in characters: 100 fine, 101 too long
			const name100 = '乌'.repeat(90) + randomBytes(5).toString('hex');
			const ok = await admin.post('/api/v1/partners', { ...partnerBase(), name: name100 });
			assert.equal(ok.status, 201, JSON.stringify(ok.body));
			assert.equal(ok.body.name, name100);
			await post({ name: '兰'.repeat(101) }, 400, 'too_long', 'name');
			await patchP({ name: '兰'.repeat(101) }, 400, 'too_long', 'name');
			await post({ name: '𠀀'.repeat(101) }, 400, 'too_long', 'name');
			await post({ name: '单' }, 400, 'too_short', 'name');
			await post({ name: '   ' }, 400, 'required', 'name');
			await post({ name: undefined }, 400, 'required', 'name');
			await post({ name: '控制\u0007字符' }, 400, 'invalid_characters', 'name');
			await post({ address: '址'.repeat(201) }, 400, 'too_long', 'address');
			await post({ contact_name: '名'.repeat(51) }, 400, 'too_long', 'contact_name');
			await post({ contact_phone: '1'.repeat(31) }, 400, 'too_long', 'contact_phone');
			await post({ contact_phone: '电话0477' }, 400, 'phone', 'contact_phone');
			await post({ remark: '备'.repeat(501) }, 400, 'too_long', 'remark');
			await post({ kind: 'c'.repeat(17) }, 400, 'too_long', 'kind');
			// numbers
			await post({ households: -1 }, 400, 'out_of_range', 'households');
			await post({ households: 10000001 }, 400, 'out_of_range', 'households');
			await post({ population: -1 }, 400, 'out_of_range', 'population');
			await post({ population: 100000001 }, 400, 'out_of_range', 'population');
			await patchP({ households: 2 ** 53 }, 400, 'out_of_range', 'households');
			// region codes: shape → 400 region_code; not in the table or outside the scope → 404 region_not_found
			for (const code of ['15062', 'abcdef', '150020', '000000', '']) await post({ region_code: code }, 400, 'region_code', 'region_code');
			await post({ region_code: undefined }, 400, 'region_code', 'region_code');
			await post({ region_code: '1506222' }, 400, 'too_long', 'region_code');
			for (const code of ['999999', '150699', '150621', '150000']) await post({ region_code: code }, 404, 'region_not_found', 'region_code');
			await rejects(ordos, 'POST', '/api/v1/partners', { ...partnerBase(), region_code: '150699' }, { status: 404, code: 'region_not_found', field: 'region_code' });
			await patchP({ region_code: 'abcdef' }, 400, 'region_code', 'region_code');
			await patchP({ region_code: '150699' }, 404, 'region_not_found', 'region_code');
		});

		it('pairings: unknown fields, wrong types, ids and lengths → 400 with the code and field', async () => {
			const post = (patch, status, code, field) =>
				rejects(admin, 'POST', '/api/v1/pairings', { ...pairingBase(), ...patch }, { status, code, field });
			const patchG = (patch, status, code, field) =>
				rejects(admin, 'PATCH', `/api/v1/pairings/${G.id}`, { version: G.version, ...patch }, { status, code, field });
			await post({ nonsense: 1 }, 400, 'unknown_field', 'nonsense');
			for (const f of ['id', 'active', 'unit_name', 'partner_kind', 'kind_label', 'version', 'created_at']) await post({ [f]: 1 }, 400, 'unknown_field', f);
			for (const f of ['active', 'partner_name']) await patchG({ [f]: 'x' }, 400, 'unknown_field', f);
			for (const [patch, field] of [
				[{ unit_id: String(U.id) }, 'unit_id'],
				[{ unit_id: 1.5 }, 'unit_id'],
				[{ partner_id: [P.id] }, 'partner_id'],
				[{ partner_id: true }, 'partner_id'],
				[{ kind: 1 }, 'kind'],
				[{ start_date: 20240101 }, 'start_date'],
				[{ end_date: false }, 'end_date'],
				[{ note: 5 }, 'note'],
			]) {
				await post(patch, 400, 'invalid_type', field);
			}
			await patchG({ version: '1' }, 400, 'invalid_type', 'version');
			await patchG({ unit_id: 'x' }, 400, 'invalid_type', 'unit_id');
			await post({ unit_id: 0 }, 400, 'out_of_range', 'unit_id');
			await post({ partner_id: -5 }, 400, 'out_of_range', 'partner_id');
			await post({ unit_id: undefined }, 400, 'required', 'unit_id');
			await post({ unit_id: null }, 400, 'required', 'unit_id');
			await post({ partner_id: undefined }, 400, 'required', 'partner_id');
			await post({ kind: 'c'.repeat(25) }, 400, 'too_long', 'kind');
			await post({ start_date: '' }, 400, 'required', 'start_date');
			await post({ end_date: '2000-12-311' }, 400, 'too_long', 'end_date');
			await post({ note: '注'.repeat(501) }, 400, 'too_long', 'note');
			await post({ note: '控制\u0001字符' }, 400, 'invalid_characters', 'note');
			await patchG({ note: '注'.repeat(501) }, 400, 'too_long', 'note');
			const ok = await admin.post('/api/v1/pairings', { ...pairingBase(), start_date: '2001-01-01', end_date: '2001-12-31', note: '注'.repeat(500) });
			assert.equal(ok.status, 201, JSON.stringify(ok.body));
		});

		it('malformed JSON, a body that is not an object, a wrong content type → 400/415', async () => {
			const targets = [
				['POST', '/api/v1/partners'],
				['PATCH', `/api/v1/partners/${P.id}`],
				['POST', '/api/v1/pairings'],
				['PATCH', `/api/v1/pairings/${G.id}`],
			];
			for (const [m, p] of targets) {
				for (const raw of ['{', '{"name":', "{'kind':'community'}", '', '{"a":1} x']) {
					await rejects(admin, m, p, undefined, { status: 400, code: 'invalid_json', opts: { rawBody: raw } });
				}
				for (const raw of ['[]', '"x"', '42', 'null']) {
					await rejects(admin, m, p, undefined, { status: 400, opts: { rawBody: raw } });
				}
				await rejects(admin, m, p, undefined, { status: 400, opts: { rawBody: '{"note":"a","note":"b","version":1}' } });
				await rejects(admin, m, p, undefined, { status: 400, code: 'json_too_deep', opts: { rawBody: '{"note":' + '['.repeat(50) + ']'.repeat(50) + '}' } });
				for (const ct of ['text/plain', null, 'application/jsonp']) {
					await rejects(admin, m, p, undefined, { status: 415, opts: { rawBody: '{"version":1}', contentType: ct } });
				}
			}
		});

		it('no bad input on the ledger routes produces a 5xx, and none changes anything', async () => {
			const before = state();
			const paths = ['/api/v1/partners', `/api/v1/partners/${P.id}`, '/api/v1/pairings', `/api/v1/pairings/${G.id}`, '/api/v1/partners/0', '/api/v1/pairings/987654321'];
			const bodies = [
				'{}',
				'{"version":99999}',
				'{"version":99999e400}',
				'{"kind":null,"version":99999}',
				'{"name":null,"version":99999}',
				'{"unit_id":9223372036854775807,"partner_id":1,"kind":"city_creation","start_date":"2024-01-01"}',
				'{"unit_id":9223372036854775808,"version":99999}',
				'{"start_date":"\\u0000","version":99999}',
				'{"name":"\\ud800\\udc00x","kind":"village","region_code":"1506\\u00e9"}',
				'{"end_date":null,"version":99999}',
				'{"households":-9223372036854775808,"version":99999}',
			];
			for (const p of paths) {
				for (const m of ['POST', 'PATCH']) {
					for (const b of bodies) {
						const r = await admin.req(m, p, undefined, { rawBody: b });
						assert.ok(r.status < 500, `${m} ${p} ${b}: ${r.status} ${r.text.slice(0, 200)}`);
						assert.ok(r.status >= 400, `${m} ${p} ${b}: ${r.status} accepted`);
					}
				}
			}
			for (const q of ['on=9999-99-99', 'limit=99999999999999999999', 'limit=', 'on=%00']) {
				const r = await admin.get(`/api/v1/pairings/coverage?${q}`);
				assert.ok(r.status < 500, `coverage?${q}: ${r.status}`);
			}
			for (const q of ['unit_id=%00', 'partner_id=1e3', 'on=2024-02-29&active=true', 'q=%25%5F%5C']) {
				const r = await admin.get(`/api/v1/pairings?${q}`);
				assert.ok(r.status < 500, `pairings?${q}: ${r.status}`);
			}
			assert.deepEqual(state(), before);
		});
	});
});
