// scope.test.mjs — data scope on every id-taking route and every list: an object outside the
// caller's scope answers 404 and the database does not change; lists (and their exports, the
// board, totals and statistics) never contain out-of-scope rows; imports write nothing outside the
// scope; nobody can grant a scope wider than their own.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createUnit, createUser, awardTitle, listAll, makeUscc, uniqueName } from './harness.mjs';

describe('data scope', () => {
	let srv, admin, ordos, liaison, leader, assessor;
	// D: a unit in 达拉特旗 150621 (outside admin's 准格尔旗 150622); E: a unit in 东胜区 150602.
	let unitD, titleD, userD, unitE, unitA, unitA2, titleA, userA, ownUnitId;

	/** Every row a scope test could touch, read directly from the database (one client run). */
	function snapshot() {
		const tables = ['units', 'titles', 'title_events', 'unit_events', 'users', 'audit_log', 'regions', 'dict_items'];
		const [unitDRow, unitERow, unitARow, titleDRow, userDRow, userARow, regions, counts] = srv.db.queryMany([
			`SELECT * FROM units WHERE id = ${unitD.id}`,
			`SELECT * FROM units WHERE id = ${unitE.id}`,
			`SELECT * FROM units WHERE id = ${unitA.id}`,
			`SELECT * FROM titles WHERE id = ${titleD.id}`,
			`SELECT * FROM users WHERE id = ${userD.id}`,
			`SELECT * FROM users WHERE id = ${userA.id}`,
			`SELECT * FROM regions ORDER BY code`,
			`SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${t}) AS n${i}`).join(', ')}`,
		]);
		assert.equal(unitDRow.length + unitERow.length + unitARow.length + titleDRow.length + userDRow.length + userARow.length, 6);
		return { unitDRow, unitERow, unitARow, titleDRow, userDRow, userARow, regions, counts };
	}

	/**
	 * The audit list of `client` has no entry about (entity, id) written outside `prefix` (its region).
	 * (Not "no entry at all": SQLite may give a deleted row's id to a new row, so an id can carry
	 * an in-scope record's history too.)
	 */
	async function assertNoAuditLeak(client, entity, id, prefix = '150622') {
		const r = await client.get(`/api/v1/audit?entity=${entity}&entity_id=${id}&per_page=100`);
		assert.equal(r.status, 200);
		const outside = new Set(
			srv.db
				.query(`SELECT id FROM audit_log WHERE entity = '${entity}' AND entity_id = '${id}' AND region_code NOT LIKE '${prefix}%'`)
				.map((x) => Number(x[0])),
		);
		assert.ok(outside.size > 0, `the fixture ${entity} ${id} was audited outside ${prefix}`);
		const leaked = r.body.items.filter((e) => outside.has(Number(e.id)));
		assert.deepEqual(leaked, [], `audit of ${entity} ${id} leaks`);
	}

	function assert404(r, what) {
		assert.equal(r.status, 404, `${what}: expected 404, got ${r.status} ${JSON.stringify(r.body)}`);
		assert.ok(r.body.error, `${what}: error body`);
		// the answer must not carry the object's data
		assert.ok(!('name' in r.body) && !('items' in r.body), `${what}: no data in a 404`);
	}

	before(async () => {
		srv = await startServer();
		[admin, ordos, liaison, leader, assessor] = await Promise.all(
			['admin', 'ordos', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)),
		);
		ownUnitId = liaison.user.unit_id;
		unitD = await createUnit(ordos, { region_code: '150621', name: uniqueName('达拉特旗单位') });
		titleD = await awardTitle(ordos, unitD.id);
		userD = (await createUser(ordos, { role: 'viewer', region_code: '150621' })).user;
		unitE = await createUnit(ordos, { region_code: '150602', name: uniqueName('东胜区单位') });
		unitA = await createUnit(admin, { name: uniqueName('准格尔旗甲') });
		unitA2 = await createUnit(admin, { name: uniqueName('准格尔旗乙') });
		titleA = await awardTitle(admin, unitA2.id);
		userA = (await createUser(admin, { role: 'assessor', region_code: '150622' })).user;
	});
	after(async () => {
		await srv?.stop();
	});

	it('admin of 准格尔旗: every id-taking route on a 达拉特旗/东胜区 object answers 404 and changes nothing', async () => {
		const before = snapshot();
		const D = unitD.id;
		const calls = [
			['GET', `/api/v1/units/${D}`],
			['GET', `/api/v1/units/${unitE.id}`],
			['PATCH', `/api/v1/units/${D}`, { remark: '越权修改', version: unitD.version }],
			['PATCH', `/api/v1/units/${unitE.id}`, { name: '越权改名单位', version: unitE.version }],
			['DELETE', `/api/v1/units/${unitE.id}?version=${unitE.version}`],
			['DELETE', `/api/v1/units/${D}?version=${unitD.version}`],
			['GET', `/api/v1/units/${D}/titles`],
			['POST', `/api/v1/units/${D}/titles`, { level: 'banner', tier: 'unit', awarded_year: 2025 }],
			['POST', `/api/v1/units/${D}/restructure`, { kind: 'rename', new_name: '越权更名单位', version: unitD.version }],
			['POST', `/api/v1/units/${D}/restructure`, { kind: 'dissolve', version: unitD.version }],
			['POST', `/api/v1/units/${unitE.id}/restructure`, { kind: 'merge', into_unit_id: unitA.id, version: unitE.version }],
			[
				'POST',
				`/api/v1/units/${D}/restructure`,
				{ kind: 'split', new_unit: { name: '越权分立单位', region_code: '150622' }, version: unitD.version },
			],
			['PATCH', `/api/v1/titles/${titleD.id}`, { status: 'revoked', reason: '越权撤销', version: titleD.version }],
			['PATCH', `/api/v1/titles/${titleD.id}`, { note: '越权备注', version: titleD.version }],
			['GET', `/api/v1/users/${userD.id}`],
			['PATCH', `/api/v1/users/${userD.id}`, { display_name: '越权', version: userD.version }],
			['PATCH', `/api/v1/users/${userD.id}`, { disabled: true, version: userD.version }],
			['POST', `/api/v1/users/${userD.id}/password-reset`],
			['GET', '/api/v1/regions/150621'],
			['GET', '/api/v1/regions/150600'],
			['GET', '/api/v1/regions/150000'],
			['PATCH', '/api/v1/regions/150621', { name: '越权旗', version: 1 }],
			['PATCH', '/api/v1/regions/150600', { name: '越权市', version: 1 }],
		];
		for (const [m, p, body] of calls) {
			assert404(await admin.req(m, p, body), `admin ${m} ${p}`);
		}
		assert.deepEqual(snapshot(), before);
	});

	it('admin cannot merge an in-scope unit into an out-of-scope unit (404, nothing changes)', async () => {
		const before = snapshot();
		const r = await admin.post(`/api/v1/units/${unitA.id}/restructure`, {
			kind: 'merge',
			into_unit_id: unitD.id,
			version: unitA.version,
		});
		assert404(r, 'merge into 达拉特旗');
		assert.deepEqual(snapshot(), before);
	});

	it('admin cannot move a unit out of scope, create one outside, or split one off outside (404)', async () => {
		const before = snapshot();
		let r = await admin.patch(`/api/v1/units/${unitA.id}`, { region_code: '150621', version: unitA.version });
		assert404(r, 'move unit to 150621');
		assert.equal(r.body.error.field, 'region_code');
		r = await admin.post('/api/v1/units', { name: uniqueName(), uscc: makeUscc('150621'), category: 'institution', region_code: '150621' });
		assert404(r, 'create unit in 150621');
		r = await admin.post('/api/v1/units', { name: uniqueName(), category: 'institution', region_code: '150600' });
		assert404(r, 'create unit at the city level');
		r = await admin.post(`/api/v1/units/${unitA.id}/restructure`, {
			kind: 'split',
			new_unit: { name: uniqueName('分立'), region_code: '150621' },
			version: unitA.version,
		});
		assert404(r, 'split into 150621');
		r = await admin.post('/api/v1/regions', { code: '150629', name: '越权新旗', parent_code: '150600' });
		assert404(r, 'create a region under 150600');
		r = await admin.post('/api/v1/regions', { code: '159900', name: '越权新市', parent_code: '150000' });
		assert.ok([400, 404].includes(r.status), `create a region under 150000: ${r.status}`);
		assert.deepEqual(snapshot(), before);
	});

	it('admin cannot grant a scope wider than their own (404) — by create or by update', async () => {
		const before = snapshot();
		const tries = [
			{ role: 'admin', region_code: '150600' },
			{ role: 'admin', region_code: '150000' },
			{ role: 'viewer', region_code: '150621' },
			{ role: 'assessor', region_code: '150602' },
			{ role: 'unit', unit_id: unitD.id },
			{ role: 'unit', unit_id: unitE.id },
		];
		for (const t of tries) {
			const r = await admin.post('/api/v1/users', { username: 'g' + Math.random().toString(36).slice(2, 10), display_name: '越权', ...t });
			assert404(r, `create user ${JSON.stringify(t)}`);
		}
		const updates = [
			{ region_code: '150600' },
			{ role: 'admin', region_code: '150600' },
			{ region_code: '150621' },
			{ role: 'unit', unit_id: unitD.id },
		];
		for (const u of updates) {
			const r = await admin.patch(`/api/v1/users/${userA.id}`, { ...u, version: userA.version });
			assert404(r, `update user ${JSON.stringify(u)}`);
		}
		assert.deepEqual(snapshot(), before);
		// in scope it works
		const ok = await admin.post('/api/v1/users', {
			username: 'gok' + Math.random().toString(36).slice(2, 8),
			display_name: '本旗联络员',
			role: 'unit',
			unit_id: unitA.id,
		});
		assert.equal(ok.status, 201, JSON.stringify(ok.body));
		assert.equal(ok.body.user.region_code, '150622');
	});

	it('the liaison sees only their own unit; another unit answers 404', async () => {
		const before = snapshot();
		for (const id of [unitA2.id, unitD.id, unitE.id]) {
			assert404(await liaison.get(`/api/v1/units/${id}`), `liaison GET unit ${id}`);
			assert404(await liaison.get(`/api/v1/units/${id}/titles`), `liaison GET unit ${id} titles`);
		}
		assert404(await liaison.get('/api/v1/regions/150621'), 'liaison region 150621');
		assert404(await liaison.get('/api/v1/regions/150600'), 'liaison region 150600');
		assert.equal((await liaison.get(`/api/v1/units/${ownUnitId}`)).status, 200);
		const units = await listAll(liaison, '/api/v1/units');
		assert.deepEqual(units.map((u) => u.id), [ownUnitId]);
		const r = await liaison.get('/api/v1/units?region=150622&per_page=100');
		assert.equal(r.body.total, 1);
		const titles = await liaison.get('/api/v1/titles?per_page=100');
		assert.ok(titles.body.items.length >= 1, 'the liaison sees its own titles');
		assert.ok(titles.body.items.every((t) => t.unit_id === ownUnitId), JSON.stringify(titles.body.items.map((t) => t.unit_id)));
		assert.equal(titles.body.total, titles.body.items.length);
		const stats = await liaison.get('/api/v1/registry/stats');
		assert.equal(stats.body.units.total, 1);
		const regions = await liaison.get('/api/v1/regions');
		assert.deepEqual(regions.body.items.map((g) => g.code), ['150622']);
		const csv = await liaison.get('/api/v1/units?format=csv');
		assert.equal(csv.status, 200);
		assert.equal(csv.text.trim().split('\r\n').length, 2, 'CSV: header + own unit only');
		assert.deepEqual(snapshot(), before);
	});

	it('viewer and assessor of 准格尔旗: out-of-scope ids answer 404; lists stay inside 150622', async () => {
		for (const c of [leader, assessor]) {
			const who = c.user.username;
			assert404(await c.get(`/api/v1/units/${unitD.id}`), `${who} unit D`);
			assert404(await c.get(`/api/v1/units/${unitE.id}/titles`), `${who} unit E titles`);
			assert404(await c.get('/api/v1/regions/150621'), `${who} region 150621`);
			const units = await listAll(c, '/api/v1/units');
			assert.ok(units.length >= 3);
			assert.ok(units.every((u) => u.region_code.startsWith('150622')), `${who} unit list leaks`);
			const titles = await listAll(c, '/api/v1/titles');
			assert.ok(titles.every((t) => t.region_code === undefined || t.region_code.startsWith('150622')));
			assert.ok(!titles.some((t) => t.id === titleD.id));
		}
	});

	it('admin lists (units, titles, users, audit, regions) never contain out-of-scope rows', async () => {
		const units = await listAll(admin, '/api/v1/units');
		assert.ok(units.some((u) => u.id === unitA.id));
		assert.ok(units.every((u) => u.region_code.startsWith('150622')), 'units list leaks');
		for (const sort of ['-name', 'id', '-updated_at']) {
			const all = await listAll(admin, `/api/v1/units?sort=${sort}`);
			assert.equal(all.length, units.length, `sort=${sort} walks the same set`);
			assert.ok(all.every((u) => u.region_code.startsWith('150622')));
		}
		// filters cannot widen the scope
		for (const q of ['region=150600', 'region=150000']) {
			// a wider region filter is intersected with the scope
			const r = await admin.get(`/api/v1/units?${q}&per_page=100`);
			assert.equal(r.status, 200, q);
			assert.equal(r.body.total, units.length, `units?${q} as admin`);
			assert.ok(r.body.items.every((u) => u.region_code.startsWith('150622')), `units?${q} leaks`);
		}
		for (const q of ['region=150621', 'region=150602', `q=${encodeURIComponent(unitD.name)}`, `q=${unitD.uscc}`]) {
			const r = await admin.get(`/api/v1/units?${q}`);
			assert.equal(r.status, 200, q);
			assert.equal(r.body.total, 0, `units?${q} as admin`);
			assert.equal(r.body.items.length, 0);
		}
		const csv = await admin.get('/api/v1/units?format=csv');
		assert.ok(!csv.text.includes(unitD.name) && !csv.text.includes(unitE.name), 'CSV export leaks');
		const stats = await admin.get('/api/v1/registry/stats');
		assert.equal(stats.body.units.total, units.length);

		const titles = await listAll(admin, '/api/v1/titles');
		assert.ok(titles.some((t) => t.id === titleA.id));
		assert.ok(!titles.some((t) => t.id === titleD.id), 'titles list leaks');
		const unitIds = new Set(units.map((u) => u.id));
		assert.ok(titles.every((t) => unitIds.has(t.unit_id)), 'titles of out-of-scope units');
		let r = await admin.get('/api/v1/titles?region=150621');
		assert.equal(r.body.total, 0);
		const tcsv = await admin.get('/api/v1/titles?format=csv');
		assert.ok(!tcsv.text.includes(unitD.name), 'titles CSV leaks');

		const users = await listAll(admin, '/api/v1/users');
		assert.ok(users.some((u) => u.id === userA.id));
		assert.ok(!users.some((u) => u.id === userD.id || u.username === 'ordos'), 'users list leaks');
		assert.ok(users.every((u) => (u.region_code || '').startsWith('150622')), 'users list leaks');
		r = await admin.get(`/api/v1/users?q=${userD.username}`);
		assert.equal(r.body.total, 0);

		const audit = await listAll(admin, '/api/v1/audit');
		assert.ok(audit.length > 0);
		const leaked = audit.filter(
			(e) =>
				(e.entity === 'unit' && [String(unitD.id), String(unitE.id)].includes(e.entity_id)) ||
				(e.entity === 'user' && e.entity_id === String(userD.id)) ||
				(e.entity === 'title' && e.entity_id === String(titleD.id)) ||
				e.actor_name === 'ordos',
		);
		assert.deepEqual(leaked, [], 'audit list leaks');
		r = await admin.get(`/api/v1/audit?entity=unit&entity_id=${unitD.id}`);
		assert.equal(r.body.total, 0);
		const acsv = await admin.get('/api/v1/audit?format=csv');
		assert.ok(!acsv.text.includes(unitD.name), 'audit CSV leaks');

		const regions = await admin.get('/api/v1/regions');
		assert.ok(regions.body.items.length >= 1);
		assert.ok(regions.body.items.every((g) => g.code.startsWith('150622')), 'regions list leaks');
	});

	it('the city admin (ordos) sees units of several banners and their audit entries', async () => {
		const units = await listAll(ordos, '/api/v1/units');
		const regions = new Set(units.map((u) => u.region_code));
		for (const code of ['150622', '150621', '150602']) assert.ok(regions.has(code), `ordos sees ${code}: ${[...regions]}`);
		assert.ok(units.every((u) => u.region_code.startsWith('1506')));
		assert.ok(units.some((u) => u.id === unitA.id) && units.some((u) => u.id === unitD.id));
		assert.equal((await ordos.get(`/api/v1/units/${unitA.id}`)).status, 200);
		assert.equal((await ordos.get(`/api/v1/users/${userA.id}`)).status, 200);
		const r = await ordos.get(`/api/v1/audit?entity=unit&entity_id=${unitA.id}`);
		assert.ok(r.body.total >= 1);
		const rg = await ordos.get('/api/v1/regions');
		const codes = rg.body.items.map((g) => g.code);
		assert.ok(codes.includes('150600') && codes.includes('150621') && codes.includes('150622'));
		assert.ok(!codes.includes('150000'), 'the province is above ordos');
		assert.equal((await ordos.get('/api/v1/regions/150000')).status, 404);
	});

	it('dictionaries are shared: a banner admin reads them but cannot change them (403 dict_scope); the city admin can', async () => {
		const before = srv.db.query('SELECT id, code, label, active, version FROM dict_items ORDER BY id');
		const list = await admin.get('/api/v1/dicts/unit_category');
		assert.equal(list.status, 200);
		const first = list.body.items[0];
		let r = await admin.post('/api/v1/dicts/unit_category', { code: 'banner_try', label: '旗级试加' });
		assert.equal(r.status, 403, JSON.stringify(r.body));
		assert.equal(r.body.error.code, 'dict_scope');
		r = await admin.patch(`/api/v1/dicts/unit_category/${first.id}`, { label: '改名', version: first.version });
		assert.equal(r.status, 403, JSON.stringify(r.body));
		assert.deepEqual(srv.db.query('SELECT id, code, label, active, version FROM dict_items ORDER BY id'), before);
		r = await ordos.post('/api/v1/dicts/unit_category', { code: 'city_added', label: '市级新增类别', sort: 500 });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.label, '市级新增类别');
		const after = await admin.get('/api/v1/dicts/unit_category');
		assert.ok(after.body.items.some((it) => it.code === 'city_added'), 'the banner admin sees the new category');
	});

	describe('creation ledger (partners by region, pairings by their unit)', () => {
		let dalad;
		// partners: D (达拉特旗, by dalad), D2 (达拉特旗, by ordos), E (东胜区), A/AV (准格尔旗);
		// pairings: gD (unit D × partner D2), gA2 (unit A2 × partner A), gOwn (the liaison's unit × AV).
		let partnerD, partnerD2, partnerE, partnerA, partnerAV, gD, gA2, gOwn;

		async function ok(r, status = 201) {
			assert.equal(r.status, status, JSON.stringify(r.body));
			return r.body;
		}

		/** The ledger tables and the audit log, whole (one client run). */
		function ledgerSnapshot() {
			const [partners, pairings, audit] = srv.db.queryMany([
				'SELECT * FROM partners ORDER BY id',
				'SELECT * FROM pairings ORDER BY id',
				'SELECT count(*), max(id) FROM audit_log',
			]);
			return { partners, pairings, audit, units: snapshot() };
		}

		before(async () => {
			dalad = await srv.login('dalad');
			partnerD = await ok(await dalad.post('/api/v1/partners', { kind: 'village', name: uniqueName('达拉特村'), region_code: '150621' }));
			partnerD2 = await ok(await ordos.post('/api/v1/partners', { kind: 'community', name: uniqueName('达拉特社区'), region_code: '150621' }));
			partnerE = await ok(await ordos.post('/api/v1/partners', { kind: 'community', name: uniqueName('东胜社区'), region_code: '150602' }));
			partnerA = await ok(await admin.post('/api/v1/partners', { kind: 'community', name: uniqueName('准格尔社区'), region_code: '150622' }));
			partnerAV = await ok(await admin.post('/api/v1/partners', { kind: 'village', name: uniqueName('准格尔村'), region_code: '150622' }));
			gD = await ok(await ordos.post('/api/v1/pairings', { unit_id: unitD.id, partner_id: partnerD2.id, kind: 'city_creation', start_date: '2024-01-01' }));
			gA2 = await ok(await admin.post('/api/v1/pairings', { unit_id: unitA2.id, partner_id: partnerA.id, kind: 'city_creation', start_date: '2024-01-01' }));
			gOwn = await ok(await admin.post('/api/v1/pairings', { unit_id: ownUnitId, partner_id: partnerAV.id, kind: 'rural_revitalization', start_date: '2024-03-01' }));
		});

		it('admin of 准格尔旗: a 达拉特旗 partner or pairing answers 404 on every route and changes nothing', async () => {
			const before = ledgerSnapshot();
			const calls = [
				['GET', `/api/v1/partners/${partnerD.id}`],
				['GET', `/api/v1/partners/${partnerD2.id}`],
				['GET', `/api/v1/partners/${partnerE.id}`],
				['PATCH', `/api/v1/partners/${partnerD.id}`, { remark: '越权修改', version: partnerD.version }],
				['PATCH', `/api/v1/partners/${partnerE.id}`, { name: '越权改名社区', version: partnerE.version }],
				['DELETE', `/api/v1/partners/${partnerD.id}?version=${partnerD.version}`],
				['DELETE', `/api/v1/partners/${partnerE.id}?version=${partnerE.version}`],
				['GET', `/api/v1/pairings/${gD.id}`],
				['PATCH', `/api/v1/pairings/${gD.id}`, { note: '越权修改', version: gD.version }],
				['PATCH', `/api/v1/pairings/${gD.id}`, { end_date: '2024-12-31', version: gD.version }],
				['DELETE', `/api/v1/pairings/${gD.id}?version=${gD.version}`],
			];
			for (const [m, p, body] of calls) {
				assert404(await admin.req(m, p, body), `admin ${m} ${p}`);
			}
			assert.deepEqual(ledgerSnapshot(), before);
		});

		it('admin cannot pair an out-of-scope partner (404 partner_not_found) or unit (404 unit_not_found)', async () => {
			const before = ledgerSnapshot();
			const tries = [
				[{ unit_id: unitA.id, partner_id: partnerD.id, kind: 'rural_revitalization', start_date: '2025-01-01' }, 'partner_not_found', 'partner_id'],
				[{ unit_id: unitA.id, partner_id: partnerE.id, kind: 'city_creation', start_date: '2025-01-01' }, 'partner_not_found', 'partner_id'],
				[{ unit_id: unitD.id, partner_id: partnerAV.id, kind: 'rural_revitalization', start_date: '2025-01-01' }, 'unit_not_found', 'unit_id'],
				[{ unit_id: unitE.id, partner_id: partnerA.id, kind: 'city_creation', start_date: '2025-01-01' }, 'unit_not_found', 'unit_id'],
				[{ unit_id: 987654321, partner_id: partnerA.id, kind: 'city_creation', start_date: '2025-01-01' }, 'unit_not_found', 'unit_id'],
				[{ unit_id: unitA.id, partner_id: 987654321, kind: 'city_creation', start_date: '2025-01-01' }, 'partner_not_found', 'partner_id'],
			];
			for (const [body, code, field] of tries) {
				const r = await admin.post('/api/v1/pairings', body);
				assert404(r, `admin pairs ${JSON.stringify(body)}`);
				assert.equal(r.body.error.code, code, JSON.stringify(r.body));
				assert.equal(r.body.error.field, field);
			}
			// nor move an in-scope pairing onto them
			let r = await admin.patch(`/api/v1/pairings/${gA2.id}`, { partner_id: partnerD2.id, version: gA2.version });
			assert404(r, 'move pairing to partner D2');
			assert.equal(r.body.error.code, 'partner_not_found');
			r = await admin.patch(`/api/v1/pairings/${gA2.id}`, { unit_id: unitD.id, version: gA2.version });
			assert404(r, 'move pairing to unit D');
			assert.equal(r.body.error.code, 'unit_not_found');
			// nor create a partner outside or move one out
			r = await admin.post('/api/v1/partners', { kind: 'community', name: uniqueName('越权社区'), region_code: '150621' });
			assert404(r, 'create partner in 150621');
			assert.equal(r.body.error.field, 'region_code');
			r = await admin.post('/api/v1/partners', { kind: 'community', name: uniqueName('越权社区'), region_code: '150600' });
			assert404(r, 'create partner at the city level');
			r = await admin.patch(`/api/v1/partners/${partnerA.id}`, { region_code: '150621', version: partnerA.version });
			assert404(r, 'move partner A to 150621');
			assert.equal(r.body.error.code, 'region_not_found');
			assert.deepEqual(ledgerSnapshot(), before);
		});

		it('the liaison sees only pairings of their unit, pairs their unit with partners of its region, and gets 404 elsewhere', async () => {
			let before = ledgerSnapshot();
			const pairings = await listAll(liaison, '/api/v1/pairings');
			assert.ok(pairings.some((g) => g.id === gOwn.id), 'own pairing listed');
			assert.ok(pairings.every((g) => g.unit_id === ownUnitId), `liaison pairing list leaks: ${JSON.stringify(pairings.map((g) => g.unit_id))}`);
			for (const q of [`unit_id=${unitA2.id}`, `partner_id=${partnerA.id}`, `unit_id=${unitD.id}`, `q=${encodeURIComponent(unitA2.name)}`]) {
				const r = await liaison.get(`/api/v1/pairings?${q}`);
				assert.equal(r.status, 200, q);
				assert.equal(r.body.total, 0, `liaison pairings?${q}`);
			}
			assert.equal((await liaison.get(`/api/v1/pairings/${gOwn.id}`)).status, 200);
			assert404(await liaison.get(`/api/v1/pairings/${gA2.id}`), 'liaison GET pairing A2');
			assert404(await liaison.get(`/api/v1/pairings/${gD.id}`), 'liaison GET pairing D');
			assert404(await liaison.patch(`/api/v1/pairings/${gA2.id}`, { note: '越权', version: gA2.version }), 'liaison PATCH pairing A2');
			assert404(await liaison.delete(`/api/v1/pairings/${gA2.id}?version=${gA2.version}`), 'liaison DELETE pairing A2');
			// partners: those of the unit's region (150622), nothing else
			const partners = await listAll(liaison, '/api/v1/partners');
			const ids = new Set(partners.map((p) => p.id));
			assert.ok(ids.has(partnerA.id) && ids.has(partnerAV.id), 'the liaison sees the partners of its region');
			assert.ok(partners.every((p) => p.region_code.startsWith('150622')), 'liaison partner list leaks');
			assert.equal((await liaison.get(`/api/v1/partners/${partnerA.id}`)).status, 200);
			assert404(await liaison.get(`/api/v1/partners/${partnerD.id}`), 'liaison GET partner D');
			// no pairing for another unit, nor with a partner outside the region
			let r = await liaison.post('/api/v1/pairings', { unit_id: unitA2.id, partner_id: partnerA.id, kind: 'city_creation', start_date: '2030-01-01' });
			assert404(r, 'liaison pairs unit A2');
			assert.equal(r.body.error.code, 'unit_not_found');
			r = await liaison.post('/api/v1/pairings', { unit_id: ownUnitId, partner_id: partnerD2.id, kind: 'city_creation', start_date: '2030-01-01' });
			assert404(r, 'liaison pairs partner D2');
			assert.equal(r.body.error.code, 'partner_not_found');
			r = await liaison.patch(`/api/v1/pairings/${gOwn.id}`, { unit_id: unitA2.id, version: gOwn.version });
			assert404(r, 'liaison moves its pairing to unit A2');
			assert.equal(r.body.error.code, 'unit_not_found');
			assert.deepEqual(ledgerSnapshot(), before);

			// its own unit with a partner of its region: created, changed, deleted
			r = await liaison.post('/api/v1/pairings', { unit_id: ownUnitId, partner_id: partnerA.id, kind: 'city_creation', start_date: '2025-05-01', note: '联络员登记' });
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const mine = r.body;
			assert.equal(mine.unit_id, ownUnitId);
			assert.equal(srv.db.count('audit_log', `entity = 'pairing' AND entity_id = '${mine.id}' AND actor_name = 'liaison'`), 1);
			r = await liaison.patch(`/api/v1/pairings/${mine.id}`, { end_date: '2025-12-31', version: mine.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.end_date, '2025-12-31');
			// the admin sees it; the liaison's list now has it
			assert.equal((await admin.get(`/api/v1/pairings/${mine.id}`)).status, 200);
			assert.ok((await listAll(liaison, '/api/v1/pairings')).some((g) => g.id === mine.id));
			r = await liaison.delete(`/api/v1/pairings/${mine.id}?version=${r.body.version}`);
			assert.equal(r.status, 204);
			assert.equal(srv.db.count('pairings', `id = ${mine.id}`), 0);
		});

		it('partner and pairing lists never contain out-of-scope rows; filters cannot widen the scope', async () => {
			for (const c of [admin, leader, assessor]) {
				const who = c.user.username;
				const partners = await listAll(c, '/api/v1/partners');
				assert.ok(partners.some((p) => p.id === partnerA.id), `${who} sees partner A`);
				assert.ok(partners.every((p) => p.region_code.startsWith('150622')), `${who} partner list leaks`);
				for (const q of ['region=150621', 'region=150602', `q=${encodeURIComponent(partnerD.name)}`, `q=${encodeURIComponent(partnerE.name)}`]) {
					const r = await c.get(`/api/v1/partners?${q}`);
					assert.equal(r.status, 200, q);
					assert.equal(r.body.total, 0, `${who} partners?${q}`);
				}
				for (const q of ['region=150600', 'region=150000']) {
					const r = await c.get(`/api/v1/partners?${q}&per_page=100`);
					assert.equal(r.body.total, partners.length, `${who} partners?${q} is intersected with the scope`);
				}
				const pairings = await listAll(c, '/api/v1/pairings');
				assert.ok(pairings.some((g) => g.id === gA2.id) && pairings.some((g) => g.id === gOwn.id), `${who} sees A2 and own`);
				assert.ok(!pairings.some((g) => g.id === gD.id), `${who} pairing list leaks`);
				const unitIds = new Set((await listAll(c, '/api/v1/units')).map((u) => u.id));
				assert.ok(pairings.every((g) => unitIds.has(g.unit_id)), `${who} pairings of out-of-scope units`);
				for (const q of [`unit_id=${unitD.id}`, `partner_id=${partnerD2.id}`, 'region=150621', `q=${encodeURIComponent(unitD.name)}`]) {
					const r = await c.get(`/api/v1/pairings?${q}`);
					assert.equal(r.status, 200, q);
					assert.equal(r.body.total, 0, `${who} pairings?${q}`);
				}
				assert404(await c.get(`/api/v1/partners/${partnerD.id}`), `${who} GET partner D`);
				assert404(await c.get(`/api/v1/pairings/${gD.id}`), `${who} GET pairing D`);
			}
			// the audit list of the banner admin has no entry of an out-of-scope partner or pairing
			for (const [entity, id] of [['partner', partnerD.id], ['partner', partnerE.id], ['pairing', gD.id]]) {
				const r = await admin.get(`/api/v1/audit?entity=${entity}&entity_id=${id}`);
				assert.equal(r.body.total, 0, `audit of ${entity} ${id} leaks`);
			}
			// the city admin sees all of them
			const ordosPartners = new Set((await listAll(ordos, '/api/v1/partners')).map((p) => p.id));
			for (const p of [partnerD, partnerD2, partnerE, partnerA, partnerAV]) assert.ok(ordosPartners.has(p.id), `ordos sees partner ${p.name}`);
			const ordosPairings = new Set((await listAll(ordos, '/api/v1/pairings')).map((g) => g.id));
			for (const g of [gD, gA2, gOwn]) assert.ok(ordosPairings.has(g.id), `ordos sees pairing ${g.id}`);
			// dalad (达拉特旗) sees its own banner only
			const daladPartners = await listAll(dalad, '/api/v1/partners');
			assert.ok(daladPartners.some((p) => p.id === partnerD2.id));
			assert.ok(daladPartners.every((p) => p.region_code === '150621'), 'dalad partner list leaks');
			const daladPairings = await listAll(dalad, '/api/v1/pairings');
			assert.ok(daladPairings.some((g) => g.id === gD.id) && !daladPairings.some((g) => g.id === gA2.id));
		});

		it('coverage counts only in-scope units and partners', async () => {
			const unitsIn = (await admin.get('/api/v1/units?status=active&per_page=1')).body.total;
			const partnersIn = (await admin.get('/api/v1/partners?per_page=1')).body.total;
			for (const c of [admin, leader]) {
				const r = await c.get('/api/v1/pairings/coverage?limit=1000');
				assert.equal(r.status, 200, JSON.stringify(r.body));
				const { counts } = r.body;
				assert.equal(counts.units_active, unitsIn, `${c.user.username} units_active`);
				assert.equal(counts.partners_total, partnersIn, `${c.user.username} partners_total`);
				const listed = [...r.body.units_without_community, ...r.body.units_without_village].map((u) => u.id);
				assert.ok(!listed.includes(unitD.id) && !listed.includes(unitE.id), 'coverage lists out-of-scope units');
				assert.ok(r.body.units_without_community.some((u) => u.id === unitA.id), 'unit A has no community');
				assert.ok(!r.body.units_without_community.some((u) => u.id === unitA2.id), 'unit A2 has one');
				const lonely = r.body.partners_without.map((p) => p.id);
				for (const p of [partnerD, partnerD2, partnerE]) assert.ok(!lonely.includes(p.id), `coverage lists partner ${p.name}`);
				assert.ok(r.body.units_without_community.length === counts.units_without_community, 'limit 1000 lists them all');
				assert.ok(r.body.partners_without.length === counts.partners_without);
			}
			// the city admin counts the banners below it; its partners include D, D2 and E
			const c = (await ordos.get('/api/v1/pairings/coverage?limit=1000')).body;
			assert.ok(c.counts.units_active > unitsIn);
			assert.ok(c.counts.partners_total >= partnersIn + 3);
			const lonely = c.partners_without.map((p) => p.id);
			assert.ok(lonely.includes(partnerD.id) && lonely.includes(partnerE.id) && !lonely.includes(partnerD2.id));
			assert.ok(!c.units_without_community.some((u) => u.id === unitD.id), 'unit D has a community pairing');
		});

		describe('activities (scoped by their unit)', () => {
			// aD (unit D × partner D2), aE (unit E), aA2 (unit A2 × partner A), aOwn (the liaison's unit × AV).
			// The out-of-scope ones (aD, aE) have a type of their own, made by the city admin, so that a
			// leak in the statistics shows as that type.
			const YEAR = 2019;
			let aD, aE, aA2, aOwn, probeType;

			/** The fixtures' rows whole, a fingerprint of all activities (the demo has thousands), the audit log's size. */
			function activitySnapshot() {
				const ids = [aD, aE, aA2, aOwn].map((a) => a.id).join(', ');
				const [mine, all, audit] = srv.db.queryMany([
					`SELECT * FROM activities WHERE id IN (${ids}) ORDER BY id`,
					'SELECT count(*), max(id), sum(version), max(updated_at) FROM activities',
					'SELECT count(*), max(id) FROM audit_log',
				]);
				assert.equal(mine.length, 4);
				return { mine, all, audit, ledger: ledgerSnapshot() };
			}
			const act = (unit, fields = {}) => ({
				unit_id: unit.id ?? unit,
				type_code: 'volunteer_service',
				title: uniqueName('范围活动'),
				activity_date: `${YEAR}-05-04`,
				participants: 10,
				...fields,
			});

			before(async () => {
				probeType = 'scope_probe_' + Math.random().toString(36).slice(2, 8);
				await ok(await ordos.post('/api/v1/dicts/activity_type', { code: probeType, label: '范围探测活动', sort: 990 }));
				aD = await ok(await ordos.post('/api/v1/activities', act(unitD, { type_code: probeType, partner_id: partnerD2.id })));
				aE = await ok(await ordos.post('/api/v1/activities', act(unitE, { type_code: probeType, activity_date: `${YEAR}-06-01` })));
				aA2 = await ok(await admin.post('/api/v1/activities', act(unitA2, { partner_id: partnerA.id, activity_date: `${YEAR}-07-01` })));
				aOwn = await ok(await liaison.post('/api/v1/activities', act(ownUnitId, { partner_id: partnerAV.id, type_code: 'lei_feng', activity_date: `${YEAR}-03-05` })));
			});

			it('admin of 准格尔旗: a 达拉特旗/东胜区 activity answers 404 on every route; no write reaches or moves one out of scope', async () => {
				const before = activitySnapshot();
				const calls = [
					['GET', `/api/v1/activities/${aD.id}`],
					['GET', `/api/v1/activities/${aE.id}`],
					['PATCH', `/api/v1/activities/${aD.id}`, { title: '越权修改', version: aD.version }],
					['PATCH', `/api/v1/activities/${aE.id}`, { participants: 1, version: aE.version }],
					['DELETE', `/api/v1/activities/${aD.id}?version=${aD.version}`],
					['DELETE', `/api/v1/activities/${aE.id}?version=${aE.version}`],
				];
				for (const [m, p, body] of calls) assert404(await admin.req(m, p, body), `admin ${m} ${p}`);
				const tries = [
					[act(unitD), 'unit_not_found', 'unit_id'],
					[act(unitE), 'unit_not_found', 'unit_id'],
					[act(987654321), 'unit_not_found', 'unit_id'],
					[act(unitA, { partner_id: partnerD.id }), 'partner_not_found', 'partner_id'],
					[act(unitA, { partner_id: partnerE.id }), 'partner_not_found', 'partner_id'],
				];
				for (const [body, code, field] of tries) {
					const r = await admin.post('/api/v1/activities', body);
					assert404(r, `admin creates ${JSON.stringify(body)}`);
					assert.equal(r.body.error.code, code, JSON.stringify(r.body));
					assert.equal(r.body.error.field, field);
				}
				let r = await admin.patch(`/api/v1/activities/${aA2.id}`, { unit_id: unitD.id, version: aA2.version });
				assert404(r, 'move activity A2 to unit D');
				assert.equal(r.body.error.code, 'unit_not_found');
				r = await admin.patch(`/api/v1/activities/${aA2.id}`, { partner_id: partnerD2.id, version: aA2.version });
				assert404(r, 'move activity A2 to partner D2');
				assert.equal(r.body.error.code, 'partner_not_found');
				assert.deepEqual(activitySnapshot(), before);
			});

			it('the liaison sees and writes only their unit\'s activities (with partners of its region); 404 elsewhere', async () => {
				const before = activitySnapshot();
				const mineListed = await listAll(liaison, `/api/v1/activities?year=${YEAR}`);
				assert.ok(mineListed.some((a) => a.id === aOwn.id), 'own activity listed');
				assert.ok(mineListed.every((a) => a.unit_id === ownUnitId), `liaison activity list leaks: ${JSON.stringify(mineListed.map((a) => a.unit_id))}`);
				for (const q of [`unit_id=${unitA2.id}`, `partner_id=${partnerA.id}`, `unit_id=${unitD.id}`, `q=${encodeURIComponent(unitA2.name)}`, `q=${encodeURIComponent(aA2.title)}`]) {
					const r = await liaison.get(`/api/v1/activities?${q}`);
					assert.equal(r.status, 200, q);
					assert.equal(r.body.total, 0, `liaison activities?${q}`);
				}
				assert.equal((await liaison.get(`/api/v1/activities/${aOwn.id}`)).status, 200);
				for (const a of [aA2, aD, aE]) {
					assert404(await liaison.get(`/api/v1/activities/${a.id}`), `liaison GET activity ${a.id}`);
					assert404(await liaison.patch(`/api/v1/activities/${a.id}`, { title: '越权修改', version: a.version }), `liaison PATCH activity ${a.id}`);
					assert404(await liaison.delete(`/api/v1/activities/${a.id}?version=${a.version}`), `liaison DELETE activity ${a.id}`);
				}
				let r = await liaison.post('/api/v1/activities', act(unitA2));
				assert404(r, 'liaison creates for unit A2');
				assert.equal(r.body.error.code, 'unit_not_found');
				r = await liaison.post('/api/v1/activities', act(ownUnitId, { partner_id: partnerD2.id }));
				assert404(r, 'liaison with partner D2');
				assert.equal(r.body.error.code, 'partner_not_found');
				r = await liaison.patch(`/api/v1/activities/${aOwn.id}`, { unit_id: unitA2.id, version: aOwn.version });
				assert404(r, 'liaison moves its activity to unit A2');
				assert.equal(r.body.error.code, 'unit_not_found');
				r = await liaison.patch(`/api/v1/activities/${aOwn.id}`, { partner_id: partnerE.id, version: aOwn.version });
				assert404(r, 'liaison moves its activity to partner E');
				assert.equal(r.body.error.code, 'partner_not_found');
				assert.deepEqual(activitySnapshot(), before);

				// its own unit, with a partner of its region: created, changed, deleted, each audited as the liaison
				r = await liaison.post('/api/v1/activities', act(ownUnitId, { partner_id: partnerA.id, title: '联络员登记活动' }));
				assert.equal(r.status, 201, JSON.stringify(r.body));
				const mine = r.body;
				assert.equal(mine.unit_id, ownUnitId);
				assert.equal(mine.partner_name, partnerA.name);
				r = await liaison.patch(`/api/v1/activities/${mine.id}`, { participants: 25, version: mine.version });
				assert.equal(r.status, 200, JSON.stringify(r.body));
				assert.equal((await admin.get(`/api/v1/activities/${mine.id}`)).body.participants, 25, 'the admin sees it');
				r = await liaison.delete(`/api/v1/activities/${mine.id}?version=${r.body.version}`);
				assert.equal(r.status, 204, r.text);
				assert.equal(srv.db.count('activities', `id = ${mine.id}`), 0);
				const audited = srv.db.query(`SELECT action FROM audit_log WHERE entity = 'activity' AND entity_id = '${mine.id}' AND actor_name = 'liaison' ORDER BY id`);
				assert.deepEqual(audited.map((x) => x[0]), ['create', 'update', 'delete']);
			});

			it('activity lists and statistics never contain out-of-scope rows; filters cannot widen the scope', async () => {
				for (const c of [admin, leader, assessor]) {
					const who = c.user.username;
					// the year of the fixtures (the demo's thousands of activities are in other years)
					const list = await listAll(c, `/api/v1/activities?year=${YEAR}`);
					assert.ok(list.some((a) => a.id === aA2.id) && list.some((a) => a.id === aOwn.id), `${who} sees A2 and own`);
					assert.ok(!list.some((a) => a.id === aD.id || a.id === aE.id), `${who} activity list leaks`);
					assert.ok(!list.some((a) => a.type_code === probeType), `${who} activity list leaks the probe type`);
					const unitIds = new Set((await listAll(c, '/api/v1/units')).map((u) => u.id));
					assert.ok(list.every((a) => unitIds.has(a.unit_id)), `${who} activities of out-of-scope units`);
					for (const q of [`unit_id=${unitD.id}`, `unit_id=${unitE.id}`, `partner_id=${partnerD2.id}`, 'region=150621', 'region=150602', `type=${probeType}`, `q=${encodeURIComponent(unitD.name)}`, `q=${encodeURIComponent(aD.title)}`]) {
						const r = await c.get(`/api/v1/activities?${q}`);
						assert.equal(r.status, 200, q);
						assert.equal(r.body.total, 0, `${who} activities?${q}`);
						const s = await c.get(`/api/v1/activities/stats?year=${YEAR}&${q}`);
						if (q.startsWith('unit_id=')) {
							// the statistics of one unit name it: one out of scope is not found
							assert404(s, `${who} activities/stats?${q}`);
							assert.equal(s.body.error.code, 'unit_not_found');
						} else {
							assert.equal(s.status, 200, `stats ${q}`);
							assert.equal(s.body.total, 0, `${who} activities/stats?${q}`);
						}
					}
					// a wider region filter is intersected with the scope
					const wide = await c.get(`/api/v1/activities?year=${YEAR}&region=150600&per_page=1`);
					assert.equal(wide.body.total, list.length, `${who} activities?region=150600`);
					const all = await c.get('/api/v1/activities?per_page=1');
					assert.equal((await c.get('/api/v1/activities?region=150000&per_page=1')).body.total, all.body.total, `${who} activities?region=150000`);
					// the year's statistics: the in-scope activities of that year, no probe type
					const inYear = list.filter((a) => a.year === YEAR);
					assert.equal(inYear.length, list.length);
					const s = (await c.get(`/api/v1/activities/stats?year=${YEAR}`)).body;
					assert.equal(s.total, inYear.length, `${who} stats total`);
					assert.equal(s.participants, inYear.reduce((n, a) => n + a.participants, 0), `${who} stats participants`);
					assert.ok(!s.by_type.some((t) => t.type_code === probeType), `${who} stats leak the probe type`);
					assert404(await c.get(`/api/v1/activities/${aD.id}`), `${who} GET activity D`);
				}
				// the liaison's statistics are its unit's
				const mine = (await listAll(liaison, `/api/v1/activities?year=${YEAR}`)).filter((a) => a.unit_id === ownUnitId);
				const ls = (await liaison.get(`/api/v1/activities/stats?year=${YEAR}`)).body;
				assert.equal(ls.total, mine.length);
				assert.ok(!ls.by_type.some((t) => t.type_code === probeType));
				assert404(await liaison.get(`/api/v1/activities/stats?year=${YEAR}&unit_id=${unitA2.id}`), 'liaison stats of unit A2');
				assert.equal((await liaison.get(`/api/v1/activities/stats?year=${YEAR}&unit_id=${ownUnitId}`)).body.total, mine.length);
				// the banner admin's audit list has no entry of an out-of-scope activity
				for (const a of [aD, aE]) {
					const r = await admin.get(`/api/v1/audit?entity=activity&entity_id=${a.id}`);
					assert.equal(r.body.total, 0, `audit of activity ${a.id} leaks`);
				}
				// the city admin sees all four, and counts the probe type twice; dalad sees D only
				const ordosIds = new Set((await listAll(ordos, `/api/v1/activities?year=${YEAR}`)).map((a) => a.id));
				for (const a of [aD, aE, aA2, aOwn]) assert.ok(ordosIds.has(a.id), `ordos sees activity ${a.id}`);
				const os = (await ordos.get(`/api/v1/activities/stats?year=${YEAR}`)).body;
				assert.equal(os.by_type.find((t) => t.type_code === probeType)?.count, 2, JSON.stringify(os.by_type));
				const daladList = await listAll(dalad, `/api/v1/activities?year=${YEAR}`);
				assert.ok(daladList.some((a) => a.id === aD.id) && !daladList.some((a) => a.id === aA2.id || a.id === aE.id));
				const ds = (await dalad.get(`/api/v1/activities/stats?year=${YEAR}`)).body;
				assert.equal(ds.by_type.find((t) => t.type_code === probeType)?.count, 1);
			});

			it('the monthly-activity check (activities/gaps) never lists an out-of-scope unit; region filters cannot widen the scope', async () => {
				const gaps = async (c, q) => {
					const r = await c.get(`/api/v1/activities/gaps?year=${YEAR}&${q}`);
					assert.equal(r.status, 200, `${c.user.username} gaps?${q}: ${JSON.stringify(r.body)}`);
					return r.body;
				};
				const ids = (g) => g.units.map((u) => u.unit_id);
				for (const c of [admin, leader, assessor]) {
					const who = c.user.username;
					const all = await gaps(c, 'titled=false');
					assert.ok(ids(all).includes(unitA2.id), `${who} checks A2`);
					assert.ok(!ids(all).includes(unitD.id) && !ids(all).includes(unitE.id), `${who} gaps leak`);
					assert.ok(all.units.every((u) => u.region_code === '150622'), `${who} gaps outside 150622`);
					assert.ok(!ids(await gaps(c, 'titled=true')).includes(unitD.id), `${who} titled gaps leak`);
					for (const q of ['region=150621', 'region=150602']) {
						const g = await gaps(c, `titled=false&${q}`);
						assert.deepEqual([g.units_checked, g.units_with_gaps, g.units], [0, 0, []], `${who} gaps?${q}`);
					}
					for (const q of ['region=150600', 'region=150000']) {
						assert.deepEqual(await gaps(c, `titled=false&${q}`), all, `${who} gaps?${q} is the scope`);
					}
				}
				// the liaison: its own unit only
				const l = await gaps(liaison, 'titled=false&region=150600');
				assert.equal(l.units_checked, 1);
				assert.ok(ids(l).every((id) => id === ownUnitId), JSON.stringify(ids(l)));
				assert.deepEqual((await gaps(liaison, 'titled=false&region=150621')).units, []);
				// the city admin sees D, E and A2; dalad D only
				const o = ids(await gaps(ordos, 'titled=false'));
				for (const u of [unitD, unitE, unitA2]) assert.ok(o.includes(u.id), `ordos checks unit ${u.id}`);
				const d = await gaps(dalad, 'titled=false');
				assert.ok(ids(d).includes(unitD.id));
				assert.ok(!ids(d).includes(unitE.id) && !ids(d).includes(unitA2.id), 'dalad gaps leak');
				assert.ok(d.units.every((u) => u.region_code === '150621'));
			});
		});
	});

	describe('volunteers (scoped by their unit)', () => {
		// vD (unit D, 达拉特旗), vE (unit E, 东胜区), vA2 (unit A2), vOwn (the liaison's unit).
		let vD, vE, vA2, vOwn;
		const marker = 'scopevol' + Math.random().toString(36).slice(2, 8);

		function volunteerSnapshot() {
			const [rows, all, audit] = srv.db.queryMany([
				`SELECT * FROM volunteers WHERE id IN (${[vD, vE, vA2, vOwn].map((v) => v.id).join(', ')}) ORDER BY id`,
				'SELECT count(*), max(id), sum(version), max(updated_at) FROM volunteers',
				'SELECT count(*), max(id) FROM audit_log',
			]);
			assert.equal(rows.length, 4);
			return { rows, all, audit };
		}
		const vol = (unit, fields = {}) => ({
			unit_id: unit.id ?? unit,
			name: uniqueName('范围志愿者'),
			phone: '13912345678',
			platform_id: `${marker}-${Math.random().toString(36).slice(2, 6)}`,
			status: 'active',
			...fields,
		});
		async function created(r) {
			assert.equal(r.status, 201, JSON.stringify(r.body));
			return r.body;
		}

		before(async () => {
			vD = await created(await ordos.post('/api/v1/volunteers', vol(unitD)));
			vE = await created(await ordos.post('/api/v1/volunteers', vol(unitE)));
			vA2 = await created(await admin.post('/api/v1/volunteers', vol(unitA2)));
			vOwn = await created(await liaison.post('/api/v1/volunteers', vol(ownUnitId)));
		});

		it('admin of 准格尔旗: a 达拉特旗/东胜区 volunteer answers 404 on GET/PATCH/DELETE; no write reaches or moves one out of scope', async () => {
			const before = volunteerSnapshot();
			for (const v of [vD, vE]) {
				assert404(await admin.get(`/api/v1/volunteers/${v.id}`), `admin GET volunteer ${v.id}`);
				assert404(await admin.patch(`/api/v1/volunteers/${v.id}`, { remark: '越权修改', version: v.version }), `admin PATCH volunteer ${v.id}`);
				assert404(await admin.delete(`/api/v1/volunteers/${v.id}?version=${v.version}`), `admin DELETE volunteer ${v.id}`);
			}
			for (const u of [unitD, unitE, 987654321]) {
				const r = await admin.post('/api/v1/volunteers', vol(u));
				assert404(r, `admin creates for unit ${u.id ?? u}`);
				assert.equal(r.body.error.code, 'unit_not_found');
				assert.equal(r.body.error.field, 'unit_id');
			}
			const r = await admin.patch(`/api/v1/volunteers/${vA2.id}`, { unit_id: unitD.id, version: vA2.version });
			assert404(r, 'move volunteer A2 to unit D');
			assert.equal(r.body.error.code, 'unit_not_found');
			assert.deepEqual(volunteerSnapshot(), before);
		});

		it('the liaison sees and writes only their unit\'s volunteers; 404 elsewhere', async () => {
			const before = volunteerSnapshot();
			const mine = await listAll(liaison, `/api/v1/volunteers?q=${marker}`);
			assert.deepEqual(mine.map((v) => v.id), [vOwn.id]);
			const all = await listAll(liaison, '/api/v1/volunteers');
			assert.ok(all.every((v) => v.unit_id === ownUnitId), 'liaison volunteer list leaks');
			for (const q of [`unit_id=${unitA2.id}`, `unit_id=${unitD.id}`, `q=${encodeURIComponent(vA2.name)}`, 'region=150621']) {
				const r = await liaison.get(`/api/v1/volunteers?${q}`);
				assert.equal(r.status, 200, q);
				assert.equal(r.body.total, 0, `liaison volunteers?${q}`);
			}
			for (const v of [vA2, vD, vE]) {
				assert404(await liaison.get(`/api/v1/volunteers/${v.id}`), `liaison GET volunteer ${v.id}`);
				assert404(await liaison.patch(`/api/v1/volunteers/${v.id}`, { remark: '越权', version: v.version }), `liaison PATCH volunteer ${v.id}`);
				assert404(await liaison.delete(`/api/v1/volunteers/${v.id}?version=${v.version}`), `liaison DELETE volunteer ${v.id}`);
			}
			let r = await liaison.post('/api/v1/volunteers', vol(unitA2));
			assert404(r, 'liaison creates for unit A2');
			assert.equal(r.body.error.code, 'unit_not_found');
			r = await liaison.patch(`/api/v1/volunteers/${vOwn.id}`, { unit_id: unitA2.id, version: vOwn.version });
			assert404(r, 'liaison moves its volunteer to unit A2');
			assert.equal(r.body.error.code, 'unit_not_found');
			const csv = await liaison.get(`/api/v1/volunteers?format=csv&q=${marker}`);
			assert.equal(csv.status, 200);
			assert.equal(csv.text.trim().split('\r\n').length, 2, 'CSV: header + own volunteer only');
			assert.deepEqual(volunteerSnapshot(), before);
		});

		it('volunteer lists (and CSV) never contain out-of-scope rows; filters cannot widen the scope', async () => {
			for (const c of [admin, leader, assessor]) {
				const who = c.user.username;
				const ids = (await listAll(c, `/api/v1/volunteers?q=${marker}`)).map((v) => v.id).sort((a, b) => a - b);
				assert.deepEqual(ids, [vA2.id, vOwn.id].sort((a, b) => a - b), `${who} volunteers`);
				for (const q of [`unit_id=${unitD.id}`, `unit_id=${unitE.id}`, 'region=150621', 'region=150602', `q=${encodeURIComponent(vD.name)}`, `q=${vE.platform_id}`]) {
					const r = await c.get(`/api/v1/volunteers?${q}`);
					assert.equal(r.status, 200, q);
					assert.equal(r.body.total, 0, `${who} volunteers?${q}`);
				}
				const wide = await c.get(`/api/v1/volunteers?q=${marker}&region=150000`);
				assert.equal(wide.body.total, 2, `${who} volunteers?region=150000`);
				const csv = await c.get(`/api/v1/volunteers?format=csv&q=${marker}`);
				assert.equal(csv.text.trim().split('\r\n').length, 3, `${who} CSV rows`);
				assert.ok(!csv.text.includes(vD.name) && !csv.text.includes(vE.name), `${who} CSV leaks`);
				assert404(await c.get(`/api/v1/volunteers/${vD.id}`), `${who} GET volunteer D`);
			}
			const ordosIds = new Set((await listAll(ordos, `/api/v1/volunteers?q=${marker}`)).map((v) => v.id));
			for (const v of [vD, vE, vA2, vOwn]) assert.ok(ordosIds.has(v.id), `ordos sees volunteer ${v.id}`);
			for (const v of [vD, vE]) {
				const r = await admin.get(`/api/v1/audit?entity=volunteer&entity_id=${v.id}`);
				assert.equal(r.body.total, 0, `audit of volunteer ${v.id} leaks`);
			}
		});
	});

	describe('exemplars, aid records and public-service ads (scoped by their unit)', () => {
		// for each kind: D (unit D, 达拉特旗), E (unit E, 东胜区), A2 (unit A2), own (the liaison's unit);
		// every text carries the marker, so that `q` finds exactly these.
		const marker = 'scoperec' + Math.random().toString(36).slice(2, 8);
		const KINDS = {
			exemplars: {
				table: 'exemplars',
				body: (unit) => ({ unit_id: unit.id ?? unit, kind: 'good_person', name: uniqueName('范围典型').slice(0, 40), level: 'unit', year: 2024, virtue: 'social', deeds: `${marker} 事迹` }),
				patch: { deeds: '越权修改' },
			},
			aid: {
				table: 'aid_records',
				body: (unit) => ({ unit_id: unit.id ?? unit, kind: 'donation', aid_date: '2024-06-01', item: `${marker} 捐赠`, amount_fen: 123456 }),
				patch: { description: '越权修改' },
			},
			publicity: {
				table: 'public_service_ads',
				body: (unit) => ({ unit_id: unit.id ?? unit, carrier: 'wall', theme: `${marker} 讲文明树新风`, count: 3, start_date: '2024-06-01' }),
				patch: { place: '越权修改' },
			},
		};
		const rec = {}; // rec[kind] = {D, E, A2, own}
		let partnerDV, partnerAV;

		function recSnapshot() {
			const sqls = [];
			for (const [kind, k] of Object.entries(KINDS)) {
				const ids = Object.values(rec[kind]).map((x) => x.id).join(', ');
				sqls.push(`SELECT * FROM ${k.table} WHERE id IN (${ids}) ORDER BY id`);
				sqls.push(`SELECT count(*), max(id), sum(version), max(updated_at) FROM ${k.table}`);
			}
			sqls.push('SELECT count(*), max(id) FROM audit_log');
			return srv.db.queryMany(sqls);
		}
		async function created(r) {
			assert.equal(r.status, 201, JSON.stringify(r.body));
			return r.body;
		}

		before(async () => {
			partnerDV = await created(await ordos.post('/api/v1/partners', { kind: 'village', name: uniqueName('达拉特帮扶村'), region_code: '150621' }));
			partnerAV = await created(await admin.post('/api/v1/partners', { kind: 'village', name: uniqueName('准格尔帮扶村'), region_code: '150622' }));
			for (const [kind, k] of Object.entries(KINDS)) {
				rec[kind] = {
					D: await created(await ordos.post(`/api/v1/${kind}`, k.body(unitD))),
					E: await created(await ordos.post(`/api/v1/${kind}`, k.body(unitE))),
					A2: await created(await admin.post(`/api/v1/${kind}`, k.body(unitA2))),
					own: await created(await liaison.post(`/api/v1/${kind}`, k.body(ownUnitId))),
				};
			}
		});

		it('admin of 准格尔旗: a 达拉特旗/东胜区 record answers 404 on GET/PATCH/DELETE; no write reaches or moves one out of scope', async () => {
			const before = recSnapshot();
			for (const [kind, k] of Object.entries(KINDS)) {
				for (const x of [rec[kind].D, rec[kind].E]) {
					assert404(await admin.get(`/api/v1/${kind}/${x.id}`), `admin GET ${kind} ${x.id}`);
					assert404(await admin.patch(`/api/v1/${kind}/${x.id}`, { ...k.patch, version: x.version }), `admin PATCH ${kind} ${x.id}`);
					assert404(await admin.delete(`/api/v1/${kind}/${x.id}?version=${x.version}`), `admin DELETE ${kind} ${x.id}`);
				}
				for (const u of [unitD, unitE, 987654321]) {
					const r = await admin.post(`/api/v1/${kind}`, k.body(u));
					assert404(r, `admin creates ${kind} for unit ${u.id ?? u}`);
					assert.equal(r.body.error.code, 'unit_not_found');
					assert.equal(r.body.error.field, 'unit_id');
				}
				const a2 = rec[kind].A2;
				const r = await admin.patch(`/api/v1/${kind}/${a2.id}`, { unit_id: unitD.id, version: a2.version });
				assert404(r, `admin moves ${kind} A2 to unit D`);
				assert.equal(r.body.error.code, 'unit_not_found');
			}
			// an aid record cannot name a partner out of scope (a first secretary in a 达拉特旗 village)
			const fs = { unit_id: unitA2.id, kind: 'first_secretary', partner_id: partnerDV.id, aid_date: '2024-03-01', person: '越权书记' };
			let r = await admin.post('/api/v1/aid', fs);
			assert404(r, 'admin aid with partner DV');
			assert.equal(r.body.error.code, 'partner_not_found');
			assert.equal(r.body.error.field, 'partner_id');
			r = await admin.patch(`/api/v1/aid/${rec.aid.A2.id}`, { partner_id: partnerDV.id, version: rec.aid.A2.version });
			assert404(r, 'admin moves aid A2 to partner DV');
			assert.equal(r.body.error.code, 'partner_not_found');
			// the 四德榜 of an out-of-scope unit
			for (const u of [unitD, unitE]) {
				r = await admin.get(`/api/v1/exemplars/board?unit_id=${u.id}`);
				assert404(r, `admin board of unit ${u.id}`);
				assert.equal(r.body.error.code, 'unit_not_found');
				assert.ok(!('groups' in r.body));
			}
			assert.deepEqual(recSnapshot(), before);
		});

		it('the liaison sees and writes only their unit\'s records (board, totals too); 404 elsewhere', async () => {
			const before = recSnapshot();
			for (const [kind, k] of Object.entries(KINDS)) {
				const mine = await listAll(liaison, `/api/v1/${kind}?q=${marker}`);
				assert.deepEqual(mine.map((x) => x.id), [rec[kind].own.id], `liaison ${kind}`);
				const all = await listAll(liaison, `/api/v1/${kind}`);
				assert.ok(all.every((x) => x.unit_id === ownUnitId), `liaison ${kind} list leaks`);
				for (const q of [`unit_id=${unitA2.id}`, `unit_id=${unitD.id}`, 'region=150621', `q=${marker}&region=150602`]) {
					const r = await liaison.get(`/api/v1/${kind}?${q}`);
					assert.equal(r.status, 200, `${kind}?${q}`);
					assert.equal(r.body.total, 0, `liaison ${kind}?${q}`);
				}
				assert.equal((await liaison.get(`/api/v1/${kind}/${rec[kind].own.id}`)).status, 200);
				for (const x of [rec[kind].A2, rec[kind].D, rec[kind].E]) {
					assert404(await liaison.get(`/api/v1/${kind}/${x.id}`), `liaison GET ${kind} ${x.id}`);
					assert404(await liaison.patch(`/api/v1/${kind}/${x.id}`, { ...k.patch, version: x.version }), `liaison PATCH ${kind} ${x.id}`);
					assert404(await liaison.delete(`/api/v1/${kind}/${x.id}?version=${x.version}`), `liaison DELETE ${kind} ${x.id}`);
				}
				let r = await liaison.post(`/api/v1/${kind}`, k.body(unitA2));
				assert404(r, `liaison creates ${kind} for unit A2`);
				assert.equal(r.body.error.code, 'unit_not_found');
				const own = rec[kind].own;
				r = await liaison.patch(`/api/v1/${kind}/${own.id}`, { unit_id: unitA2.id, version: own.version });
				assert404(r, `liaison moves its ${kind} to unit A2`);
				assert.equal(r.body.error.code, 'unit_not_found');
				const csv = await liaison.get(`/api/v1/${kind}?format=csv&q=${marker}`);
				assert.equal(csv.status, 200);
				assert.equal(csv.text.trim().split('\r\n').length, 2, `${kind} CSV: header + own record only`);
			}
			// the board: its own unit's, not another's
			let r = await liaison.get(`/api/v1/exemplars/board?unit_id=${ownUnitId}`);
			assert.equal(r.status, 200, JSON.stringify(r.body));
			const boardIds = r.body.groups.flatMap((g) => g.items.map((x) => x.id));
			assert.ok(boardIds.includes(rec.exemplars.own.id));
			assert.ok(r.body.groups.every((g) => g.items.every((x) => x.unit_id === ownUnitId)));
			for (const u of [unitA2, unitD]) {
				r = await liaison.get(`/api/v1/exemplars/board?unit_id=${u.id}`);
				assert404(r, `liaison board of unit ${u.id}`);
				assert.equal(r.body.error.code, 'unit_not_found');
			}
			// the totals: its own record only; another unit's id gives zeros, like the list
			r = await liaison.get(`/api/v1/aid/totals?q=${marker}`);
			assert.equal(r.status, 200);
			assert.equal(r.body.records, 1);
			assert.equal(r.body.amount_fen, 123456);
			for (const q of [`unit_id=${unitA2.id}`, `unit_id=${unitD.id}`, 'region=150621']) {
				r = await liaison.get(`/api/v1/aid/totals?${q}`);
				assert.equal(r.status, 200, q);
				assert.equal(r.body.records, 0, `liaison aid/totals?${q}`);
				assert.equal(r.body.amount_fen, 0);
				assert.deepEqual(r.body.items, []);
			}
			// a first secretary in a village of another banner
			r = await liaison.post('/api/v1/aid', { unit_id: ownUnitId, kind: 'first_secretary', partner_id: partnerDV.id, aid_date: '2024-03-01', person: '越权书记' });
			assert404(r, 'liaison aid with partner DV');
			assert.equal(r.body.error.code, 'partner_not_found');
			assert.deepEqual(recSnapshot(), before);
			// in scope: a village of its region is fine
			r = await liaison.post('/api/v1/aid', { unit_id: ownUnitId, kind: 'first_secretary', partner_id: partnerAV.id, aid_date: '2024-03-01', person: '本旗书记' });
			assert.equal(r.status, 201, JSON.stringify(r.body));
			r = await liaison.delete(`/api/v1/aid/${r.body.id}?version=${r.body.version}`);
			assert.equal(r.status, 204);
		});

		it('record lists, exports, the board and the totals never contain out-of-scope rows; filters cannot widen the scope', async () => {
			for (const c of [admin, leader, assessor]) {
				const who = c.user.username;
				for (const kind of Object.keys(KINDS)) {
					const ids = (await listAll(c, `/api/v1/${kind}?q=${marker}`)).map((x) => x.id).sort((a, b) => a - b);
					assert.deepEqual(ids, [rec[kind].A2.id, rec[kind].own.id].sort((a, b) => a - b), `${who} ${kind}`);
					for (const q of [`unit_id=${unitD.id}`, `unit_id=${unitE.id}`, 'region=150621', 'region=150602', `q=${marker}&region=150621`]) {
						const r = await c.get(`/api/v1/${kind}?${q}`);
						assert.equal(r.status, 200, q);
						assert.equal(r.body.total, 0, `${who} ${kind}?${q}`);
					}
					// a wider region filter is intersected with the scope
					for (const q of ['region=150600', 'region=150000']) {
						const r = await c.get(`/api/v1/${kind}?q=${marker}&${q}`);
						assert.equal(r.body.total, 2, `${who} ${kind}?${q}`);
					}
					for (const format of ['csv', 'xlsx']) {
						const r = await c.get(`/api/v1/${kind}?format=${format}&q=${marker}`);
						assert.equal(r.status, 200, `${who} ${kind} ${format}`);
						if (format === 'csv') {
							assert.equal(r.text.trim().split('\r\n').length, 3, `${who} ${kind} CSV rows`);
							assert.ok(!r.text.includes(unitD.name) && !r.text.includes(unitE.name), `${who} ${kind} CSV leaks`);
						} else {
							assert.equal(r.raw.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx is a zip');
						}
					}
					assert404(await c.get(`/api/v1/${kind}/${rec[kind].D.id}`), `${who} GET ${kind} D`);
				}
				let r = await c.get(`/api/v1/aid/totals?q=${marker}`);
				assert.equal(r.body.records, 2, `${who} aid totals`);
				assert.equal(r.body.amount_fen, 2 * 123456);
				r = await c.get(`/api/v1/aid/totals?q=${marker}&region=150000`);
				assert.equal(r.body.records, 2, `${who} aid totals region=150000`);
				for (const q of [`unit_id=${unitD.id}`, 'region=150621']) {
					r = await c.get(`/api/v1/aid/totals?q=${marker}&${q}`);
					assert.equal(r.body.records, 0, `${who} aid totals ${q}`);
				}
				r = await c.get(`/api/v1/exemplars/board?unit_id=${unitA2.id}`);
				assert.equal(r.status, 200);
				assert.ok(r.body.groups.every((g) => g.items.every((x) => x.unit_id === unitA2.id)));
				assert404(await c.get(`/api/v1/exemplars/board?unit_id=${unitD.id}`), `${who} board of unit D`);
			}
			// the city admin sees all four of each kind, and totals them
			for (const kind of Object.keys(KINDS)) {
				const ids = new Set((await listAll(ordos, `/api/v1/${kind}?q=${marker}`)).map((x) => x.id));
				for (const x of Object.values(rec[kind])) assert.ok(ids.has(x.id), `ordos sees ${kind} ${x.id}`);
			}
			assert.equal((await ordos.get(`/api/v1/aid/totals?q=${marker}`)).body.records, 4);
			assert.equal((await ordos.get(`/api/v1/exemplars/board?unit_id=${unitD.id}`)).status, 200);
			// the banner admin's audit list has no entry of an out-of-scope record
			for (const [kind, entity] of [['exemplars', 'exemplar'], ['aid', 'aid_record'], ['publicity', 'public_service_ad']]) {
				for (const x of [rec[kind].D, rec[kind].E]) await assertNoAuditLeak(admin, entity, x.id);
				const r = await ordos.get(`/api/v1/audit?entity=${entity}&entity_id=${rec[kind].D.id}`);
				assert.ok(r.body.items.some((e) => e.action === 'create' && e.actor_name === 'ordos'), `ordos sees the audit of ${entity} D`);
			}
		});
	});

	describe('service hours (served lists, self-report links, hour reports: scoped by their unit)', () => {
		// activities, volunteers, links and pending reports of unit D (达拉特旗), unit A2 and the liaison's unit
		let aD, aA2, aOwn, vD, vA2, vOwn, reportD, reportA2, reportOwn, tokenD;
		const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
		const marker = 'scopehr' + Math.random().toString(36).slice(2, 6);

		async function created(r, status = 201) {
			assert.equal(r.status, status, JSON.stringify(r.body));
			return r.body;
		}
		function hoursSnapshot() {
			return srv.db.queryMany([
				`SELECT * FROM activities WHERE id IN (${aD.id}, ${aA2.id}, ${aOwn.id}) ORDER BY id`,
				'SELECT * FROM activity_volunteers ORDER BY activity_id, volunteer_id',
				'SELECT * FROM self_report_links ORDER BY unit_id',
				'SELECT * FROM hour_reports ORDER BY id',
				'SELECT count(*), max(id) FROM audit_log',
			]);
		}
		async function report(client, token, name) {
			return created(await client.post(`/api/v1/public/self-report/${token}`, { name, phone: '13912345678', service_date: today, minutes: 90 }));
		}

		before(async () => {
			const act = (unit, title) => ({ unit_id: unit.id ?? unit, type_code: 'volunteer_service', title, activity_date: '2024-04-01' });
			const vol = (unit) => ({ unit_id: unit.id ?? unit, name: uniqueName('时长志愿者'), phone: '13912345678', status: 'active' });
			aD = await created(await ordos.post('/api/v1/activities', act(unitD, '达拉特时长活动')));
			aA2 = await created(await admin.post('/api/v1/activities', act(unitA2, '准格尔时长活动')));
			aOwn = await created(await liaison.post('/api/v1/activities', act(ownUnitId, '本单位时长活动')));
			vD = await created(await ordos.post('/api/v1/volunteers', vol(unitD)));
			vA2 = await created(await admin.post('/api/v1/volunteers', vol(unitA2)));
			vOwn = await created(await liaison.post('/api/v1/volunteers', vol(ownUnitId)));
			aD = (await created(await ordos.put(`/api/v1/activities/${aD.id}/volunteers`, { version: aD.version, items: [{ volunteer_id: vD.id, minutes: 120 }] }), 200));
			aA2 = (await created(await admin.put(`/api/v1/activities/${aA2.id}/volunteers`, { version: aA2.version, items: [{ volunteer_id: vA2.id, minutes: 60 }] }), 200));
			aD = { id: aD.activity_id, version: aD.activity_version };
			aA2 = { id: aA2.activity_id, version: aA2.activity_version };
			tokenD = (await created(await ordos.post(`/api/v1/units/${unitD.id}/self-report-link`))).token;
			const tokenA2 = (await created(await admin.post(`/api/v1/units/${unitA2.id}/self-report-link`))).token;
			const tokenOwn = (await created(await liaison.post(`/api/v1/units/${ownUnitId}/self-report-link`))).token;
			reportD = await report(srv.anon(), tokenD, `${marker}甲`);
			reportA2 = await report(srv.anon(), tokenA2, `${marker}乙`);
			reportOwn = await report(srv.anon(), tokenOwn, `${marker}丙`);
			for (const x of [reportD, reportA2, reportOwn]) x.version = Number(srv.db.scalar(`SELECT version FROM hour_reports WHERE id = ${x.id}`));
		});

		it('admin of 准格尔旗: unit D\'s served list, self-report link and hour reports answer 404 and change nothing', async () => {
			const before = hoursSnapshot();
			const calls = [
				['GET', `/api/v1/activities/${aD.id}/volunteers`],
				['PUT', `/api/v1/activities/${aD.id}/volunteers`, { version: aD.version, items: [] }],
				['GET', `/api/v1/units/${unitD.id}/self-report-link`],
				['POST', `/api/v1/units/${unitD.id}/self-report-link`],
				['DELETE', `/api/v1/units/${unitD.id}/self-report-link`],
				['GET', `/api/v1/units/${unitE.id}/self-report-link`],
				['GET', `/api/v1/hour-reports/${reportD.id}`],
				['POST', `/api/v1/hour-reports/${reportD.id}/approve`, { version: reportD.version, volunteer_id: vD.id }],
				['POST', `/api/v1/hour-reports/${reportD.id}/approve`, { version: reportD.version }],
				['POST', `/api/v1/hour-reports/${reportD.id}/decline`, { version: reportD.version, reason: '越权退回' }],
			];
			for (const [m, p, body] of calls) assert404(await admin.req(m, p, body), `admin ${m} ${p}`);
			// an out-of-scope volunteer is not on the roster of an in-scope activity's unit, nor a report's
			let r = await admin.put(`/api/v1/activities/${aA2.id}/volunteers`, { version: aA2.version, items: [{ volunteer_id: vD.id, minutes: 30 }] });
			assert.equal(r.status, 400, JSON.stringify(r.body));
			assert.equal(r.body.error.code, 'volunteer_not_in_unit');
			r = await admin.post(`/api/v1/hour-reports/${reportA2.id}/approve`, { version: reportA2.version, volunteer_id: vD.id });
			assert.equal(r.status, 400, JSON.stringify(r.body));
			assert.equal(r.body.error.code, 'volunteer_not_in_unit');
			assert.ok(!JSON.stringify(r.body).includes(vD.name), 'the error names no out-of-scope volunteer');
			assert.deepEqual(hoursSnapshot(), before);
		});

		it('the liaison reaches only their own unit\'s served lists, link and reports; 404 elsewhere', async () => {
			const before = hoursSnapshot();
			for (const [a, v] of [[aA2, vA2], [aD, vD]]) {
				assert404(await liaison.get(`/api/v1/activities/${a.id}/volunteers`), `liaison GET served list ${a.id}`);
				assert404(await liaison.put(`/api/v1/activities/${a.id}/volunteers`, { version: a.version, items: [{ volunteer_id: v.id, minutes: 10 }] }), `liaison PUT served list ${a.id}`);
			}
			for (const u of [unitA2, unitD]) {
				assert404(await liaison.get(`/api/v1/units/${u.id}/self-report-link`), `liaison GET link of ${u.id}`);
				assert404(await liaison.post(`/api/v1/units/${u.id}/self-report-link`), `liaison POST link of ${u.id}`);
				assert404(await liaison.delete(`/api/v1/units/${u.id}/self-report-link`), `liaison DELETE link of ${u.id}`);
			}
			for (const x of [reportA2, reportD]) {
				assert404(await liaison.get(`/api/v1/hour-reports/${x.id}`), `liaison GET report ${x.id}`);
				assert404(await liaison.post(`/api/v1/hour-reports/${x.id}/approve`, { version: x.version }), `liaison approve ${x.id}`);
				assert404(await liaison.post(`/api/v1/hour-reports/${x.id}/decline`, { version: x.version, reason: '越权' }), `liaison decline ${x.id}`);
			}
			// its own: the served list may not take another unit's volunteer
			let r = await liaison.put(`/api/v1/activities/${aOwn.id}/volunteers`, { version: aOwn.version, items: [{ volunteer_id: vA2.id, minutes: 30 }] });
			assert.equal(r.status, 400, JSON.stringify(r.body));
			assert.equal(r.body.error.code, 'volunteer_not_in_unit');
			r = await liaison.post(`/api/v1/hour-reports/${reportOwn.id}/approve`, { version: reportOwn.version, volunteer_id: vA2.id });
			assert.equal(r.status, 400, JSON.stringify(r.body));
			assert.equal(r.body.error.code, 'volunteer_not_in_unit');
			assert.equal((await liaison.get(`/api/v1/activities/${aOwn.id}/volunteers`)).status, 200);
			assert.equal((await liaison.get(`/api/v1/units/${ownUnitId}/self-report-link`)).status, 200);
			assert.equal((await liaison.get(`/api/v1/hour-reports/${reportOwn.id}`)).status, 200);
			// the list: its own unit's reports only
			const mine = await listAll(liaison, `/api/v1/hour-reports?q=${marker}`);
			assert.deepEqual(mine.map((x) => x.id), [reportOwn.id]);
			const all = await listAll(liaison, '/api/v1/hour-reports');
			assert.ok(all.every((x) => x.unit_id === ownUnitId), 'liaison hour-report list leaks');
			for (const q of [`unit_id=${unitA2.id}`, `unit_id=${unitD.id}`, `volunteer_id=${vA2.id}`, 'region=150621']) {
				r = await liaison.get(`/api/v1/hour-reports?${q}`);
				assert.equal(r.status, 200, q);
				assert.equal(r.body.total, 0, `liaison hour-reports?${q}`);
			}
			const csv = await liaison.get(`/api/v1/hour-reports?format=csv&q=${marker}`);
			assert.equal(csv.status, 200);
			assert.equal(csv.text.trim().split('\r\n').length, 2, 'CSV: header + own report only');
			assert.deepEqual(hoursSnapshot(), before);
			// and it decides its own report
			r = await liaison.post(`/api/v1/hour-reports/${reportOwn.id}/approve`, { version: reportOwn.version, volunteer_id: vOwn.id });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'approved');
		});

		it('hour-report lists and exports never contain out-of-scope reports; filters cannot widen the scope', async () => {
			for (const c of [admin, leader, assessor]) {
				const who = c.user.username;
				const ids = (await listAll(c, `/api/v1/hour-reports?q=${marker}`)).map((x) => x.id).sort((a, b) => a - b);
				assert.deepEqual(ids, [reportA2.id, reportOwn.id].sort((a, b) => a - b), `${who} hour reports`);
				for (const q of [`unit_id=${unitD.id}`, `volunteer_id=${vD.id}`, 'region=150621', `q=${marker}&region=150602`]) {
					const r = await c.get(`/api/v1/hour-reports?${q}`);
					assert.equal(r.status, 200, q);
					assert.equal(r.body.total, 0, `${who} hour-reports?${q}`);
				}
				const wide = await c.get(`/api/v1/hour-reports?q=${marker}&region=150000`);
				assert.equal(wide.body.total, 2, `${who} hour-reports?region=150000`);
				const csv = await c.get(`/api/v1/hour-reports?format=csv&q=${marker}`);
				assert.equal(csv.text.trim().split('\r\n').length, 3, `${who} CSV rows`);
				assert.ok(!csv.text.includes(`${marker}甲`), `${who} CSV leaks`);
				assert404(await c.get(`/api/v1/hour-reports/${reportD.id}`), `${who} GET report D`);
				assert404(await c.get(`/api/v1/activities/${aD.id}/volunteers`), `${who} GET served list D`);
				assert.equal((await c.get(`/api/v1/activities/${aA2.id}/volunteers`)).body.minutes, 60);
			}
			// a volunteer's service time counts where they are; the city admin sees D's
			assert404(await admin.get(`/api/v1/volunteers/${vD.id}`), 'admin GET volunteer D');
			assert.equal((await ordos.get(`/api/v1/volunteers/${vD.id}`)).body.service_minutes, 120);
			assert.equal((await ordos.get(`/api/v1/hour-reports/${reportD.id}`)).status, 200);
			assert.equal((await ordos.get(`/api/v1/units/${unitD.id}/self-report-link`)).body.token, tokenD);
			// the audit list of the banner admin has nothing of unit D's hours
			for (const [entity, id] of [['hour_report', reportD.id], ['self_report_link', unitD.id], ['activity', aD.id]]) {
				await assertNoAuditLeak(admin, entity, id);
			}
		});
	});

	describe('attachments (scoped by the record they belong to)', () => {
		const PNG = Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNg1fIvmbmPQcA0qn7JSQAb5ATVlFQQ/wAAAABJRU5ErkJggg==',
			'base64',
		);
		const form = (kind, id, name = '范围照片.png') => {
			const fd = new FormData();
			fd.append('owner_kind', kind);
			fd.append('owner_id', String(id));
			fd.append('file', new Blob([PNG], { type: 'image/png' }), name);
			return { rawBody: fd, contentType: null };
		};
		// activities and a pairing of unit D (达拉特旗), unit A2 and the liaison's unit, each with one attachment
		let aD, aA2, aOwn, gD, attD, attA2, attOwn, attGD;

		async function created(r) {
			assert.equal(r.status, 201, JSON.stringify(r.body));
			return r.body;
		}
		function attSnapshot() {
			return srv.db.queryMany([
				'SELECT id, owner_kind, owner_id, unit_id, sha256, filename, caption FROM attachments ORDER BY id',
				'SELECT count(*) FROM blobs',
				'SELECT count(*), max(id) FROM audit_log',
			]);
		}

		before(async () => {
			const act = (unit, title) => ({ unit_id: unit.id ?? unit, type_code: 'other', title, activity_date: '2024-05-01' });
			aD = await created(await ordos.post('/api/v1/activities', act(unitD, '达拉特附件活动')));
			aA2 = await created(await admin.post('/api/v1/activities', act(unitA2, '准格尔附件活动')));
			aOwn = await created(await liaison.post('/api/v1/activities', act(ownUnitId, '本单位附件活动')));
			const village = await created(await ordos.post('/api/v1/partners', { kind: 'village', name: uniqueName('达拉特附件村'), region_code: '150621' }));
			gD = await created(await ordos.post('/api/v1/pairings', { unit_id: unitD.id, partner_id: village.id, kind: 'rural_revitalization', start_date: '2024-01-01' }));
			attD = await created(await ordos.post('/api/v1/attachments', undefined, form('activity', aD.id)));
			attGD = await created(await ordos.post('/api/v1/attachments', undefined, form('pairing', gD.id)));
			attA2 = await created(await admin.post('/api/v1/attachments', undefined, form('activity', aA2.id)));
			attOwn = await created(await liaison.post('/api/v1/attachments', undefined, form('activity', aOwn.id)));
		});

		it('admin of 准格尔旗: unit D\'s attachments answer 404 (get, content, delete, list by owner, upload) and nothing changes', async () => {
			const before = attSnapshot();
			for (const x of [attD, attGD]) {
				assert404(await admin.get(`/api/v1/attachments/${x.id}`), `admin GET attachment ${x.id}`);
				const content = await admin.get(`/api/v1/attachments/${x.id}/content`);
				assert404(content, `admin content ${x.id}`);
				assert.ok(!content.raw.includes(PNG.subarray(0, 8)), 'no bytes in a 404');
				assert404(await admin.get(`/api/v1/attachments/${x.id}/content?download=1`), `admin download ${x.id}`);
				assert404(await admin.delete(`/api/v1/attachments/${x.id}`), `admin DELETE attachment ${x.id}`);
			}
			for (const [kind, id] of [['activity', aD.id], ['pairing', gD.id], ['activity', 987654321]]) {
				let r = await admin.get(`/api/v1/attachments?owner_kind=${kind}&owner_id=${id}`);
				assert404(r, `admin lists ${kind} ${id}`);
				assert.equal(r.body.error.code, 'owner_not_found');
				r = await admin.post('/api/v1/attachments', undefined, form(kind, id));
				assert404(r, `admin uploads to ${kind} ${id}`);
				assert.equal(r.body.error.code, 'owner_not_found');
				assert.equal(r.body.error.field, 'owner_id');
			}
			assert.deepEqual(attSnapshot(), before);
		});

		it('the liaison reaches only their own unit\'s attachments; viewers and assessors read only in scope', async () => {
			const before = attSnapshot();
			for (const x of [attA2, attD, attGD]) {
				assert404(await liaison.get(`/api/v1/attachments/${x.id}`), `liaison GET attachment ${x.id}`);
				assert404(await liaison.get(`/api/v1/attachments/${x.id}/content`), `liaison content ${x.id}`);
				assert404(await liaison.delete(`/api/v1/attachments/${x.id}`), `liaison DELETE attachment ${x.id}`);
			}
			for (const [kind, id] of [['activity', aA2.id], ['activity', aD.id], ['pairing', gD.id]]) {
				let r = await liaison.get(`/api/v1/attachments?owner_kind=${kind}&owner_id=${id}`);
				assert404(r, `liaison lists ${kind} ${id}`);
				assert.equal(r.body.error.code, 'owner_not_found');
				r = await liaison.post('/api/v1/attachments', undefined, form(kind, id));
				assert404(r, `liaison uploads to ${kind} ${id}`);
				assert.equal(r.body.error.code, 'owner_not_found');
			}
			let r = await liaison.get(`/api/v1/attachments?owner_kind=activity&owner_id=${aOwn.id}`);
			assert.equal(r.status, 200);
			assert.deepEqual(r.body.items.map((x) => x.id), [attOwn.id]);
			r = await liaison.get(`/api/v1/attachments/${attOwn.id}/content`);
			assert.equal(r.status, 200);
			assert.ok(r.raw.equals(PNG));
			for (const c of [leader, assessor]) {
				const who = c.user.username;
				assert404(await c.get(`/api/v1/attachments/${attD.id}`), `${who} GET attachment D`);
				assert404(await c.get(`/api/v1/attachments/${attD.id}/content`), `${who} content D`);
				assert404(await c.get(`/api/v1/attachments?owner_kind=activity&owner_id=${aD.id}`), `${who} lists activity D`);
				r = await c.get(`/api/v1/attachments?owner_kind=activity&owner_id=${aA2.id}`);
				assert.equal(r.status, 200, `${who} lists activity A2`);
				assert.deepEqual(r.body.items.map((x) => x.id), [attA2.id]);
				assert.equal((await c.get(`/api/v1/attachments/${attA2.id}/content`)).status, 200);
			}
			assert.deepEqual(attSnapshot(), before);
			// the city admin reaches D's; the banner admin's audit has no trace of them
			assert.equal((await ordos.get(`/api/v1/attachments/${attD.id}`)).status, 200);
			assert.equal((await ordos.get(`/api/v1/attachments?owner_kind=pairing&owner_id=${gD.id}`)).body.items.length, 1);
			for (const x of [attD, attGD]) await assertNoAuditLeak(admin, 'attachment', x.id);
		});
	});

	describe('ledger statistics (scoped like the lists)', () => {
		// fresh units in 准格尔旗 (S) and in 达拉特旗 (T), with records in a year of their own
		const YEAR = 2016;
		let unitS, unitT;
		const FIGS = ['activities', 'volunteers', 'hours', 'exemplars', 'aid', 'publicity', 'pairings'];
		const figs = (body) => Object.fromEntries(FIGS.map((k) => [k, body[k]]));

		async function created(r, status = 201) {
			assert.equal(r.status, status, JSON.stringify(r.body));
			return r.body;
		}
		async function stats(c, q = '') {
			const r = await c.get(`/api/v1/ledger/stats?year=${YEAR}${q}`);
			assert.equal(r.status, 200, JSON.stringify(r.body));
			return r.body;
		}
		/** A unit's records of YEAR: an activity with a volunteer's 45 minutes, an exemplar, an aid record, an ad. */
		async function fill(c, unit, fen, pieces) {
			const a = await created(await c.post('/api/v1/activities', { unit_id: unit.id, type_code: 'lei_feng', title: '统计范围活动', activity_date: `${YEAR}-03-05`, participants: 7 }));
			const v = await created(await c.post('/api/v1/volunteers', { unit_id: unit.id, name: '统计志愿者', status: 'active' }));
			await created(await c.put(`/api/v1/activities/${a.id}/volunteers`, { version: a.version, items: [{ volunteer_id: v.id, minutes: 45 }] }), 200);
			await created(await c.post('/api/v1/exemplars', { unit_id: unit.id, kind: 'civilized_family', name: '统计家庭', level: 'banner', year: YEAR, virtue: 'family' }));
			await created(await c.post('/api/v1/aid', { unit_id: unit.id, kind: 'aid_funds', aid_date: `${YEAR}-08-01`, amount_fen: fen }));
			await created(await c.post('/api/v1/publicity', { unit_id: unit.id, carrier: 'led_screen', theme: '统计公益广告', count: pieces, start_date: `${YEAR}-09-01` }));
		}

		before(async () => {
			unitS = await createUnit(admin, { name: uniqueName('统计准格尔单位'), staff_count: 40 });
			unitT = await createUnit(ordos, { region_code: '150621', name: uniqueName('统计达拉特单位'), staff_count: 60 });
		});

		it('a unit_id outside the scope answers 404 unit_not_found (liaison: any other unit)', async () => {
			for (const [c, ids] of [
				[admin, [unitD.id, unitE.id, unitT.id, 987654321]],
				[leader, [unitD.id, unitT.id]],
				[assessor, [unitE.id]],
				[liaison, [unitA2.id, unitS.id, unitD.id, unitT.id]],
			]) {
				for (const id of ids) {
					const r = await c.get(`/api/v1/ledger/stats?year=${YEAR}&unit_id=${id}`);
					assert404(r, `${c.user.username} stats of unit ${id}`);
					assert.equal(r.body.error.code, 'unit_not_found');
					assert.equal(r.body.error.field, 'unit_id');
					assert.ok(!('activities' in r.body));
				}
			}
			assert.equal((await ordos.get(`/api/v1/ledger/stats?year=${YEAR}&unit_id=${unitT.id}`)).status, 200);
			assert.equal((await liaison.get(`/api/v1/ledger/stats?year=${YEAR}&unit_id=${ownUnitId}`)).status, 200);
		});

		it('region figures count only the caller\'s scope: another banner\'s records never show', async () => {
			const adminBefore = await stats(admin);
			const leaderBefore = await stats(leader);
			const ordosBefore = await stats(ordos);
			const unitT2 = await createUnit(ordos, { region_code: '150621', name: uniqueName('统计达拉特乙'), staff_count: 60 });
			await fill(ordos, unitT2, 500000, 9);
			// 达拉特旗's new unit and records: nothing changes for 准格尔旗's admin, leader and liaison
			assert.deepEqual(figs(await stats(admin)), figs(adminBefore), 'admin figures moved with a 达拉特旗 unit');
			assert.deepEqual(figs(await stats(leader)), figs(leaderBefore), 'leader figures moved with a 达拉特旗 unit');
			const empty = await stats(admin, '&region=150621');
			assert.equal(empty.activities.total, 0);
			assert.equal(empty.volunteers.units, 0);
			assert.equal(empty.volunteers.on_roster, 0);
			assert.equal(empty.hours.minutes, 0);
			assert.equal(empty.exemplars.total, 0);
			assert.equal(empty.aid.records, 0);
			assert.equal(empty.aid.amount_fen, 0);
			assert.equal(empty.publicity.records, 0);
			assert.equal(empty.pairings.units, 0);
			// the city admin counts them
			const ordosAfter = await stats(ordos);
			assert.equal(ordosAfter.activities.total, ordosBefore.activities.total + 1);
			assert.equal(ordosAfter.volunteers.units, ordosBefore.volunteers.units + 1);
			assert.equal(ordosAfter.volunteers.staff, ordosBefore.volunteers.staff + 60);
			assert.equal(ordosAfter.volunteers.on_roster, ordosBefore.volunteers.on_roster + 1);
			assert.equal(ordosAfter.hours.minutes, ordosBefore.hours.minutes + 45);
			assert.equal(ordosAfter.exemplars.total, ordosBefore.exemplars.total + 1);
			assert.equal(ordosAfter.aid.amount_fen, ordosBefore.aid.amount_fen + 500000);
			assert.equal(ordosAfter.publicity.pieces, ordosBefore.publicity.pieces + 9);
			const t = await stats(ordos, `&unit_id=${unitT2.id}`);
			assert.deepEqual(t.unit, { id: unitT2.id, name: unitT2.name, staff_count: 60 });
			assert.equal(t.aid.amount_fen, 500000);
			assert.equal(t.aid.amount_wan, '0.50');
			assert.equal(t.aid.amount_yuan, '5,000.00');
			assert.equal(t.volunteers.ratio_percent, '1.7');

			// 准格尔旗's own: the admin's figures grow by exactly unit S's
			const unitS2 = await createUnit(admin, { name: uniqueName('统计准格尔乙'), staff_count: 40 });
			await fill(admin, unitS2, 120000, 4);
			const adminAfter = await stats(admin);
			assert.equal(adminAfter.activities.total, adminBefore.activities.total + 1);
			assert.equal(adminAfter.activities.participants, adminBefore.activities.participants + 7);
			assert.equal(adminAfter.volunteers.units, adminBefore.volunteers.units + 1);
			assert.equal(adminAfter.volunteers.staff, adminBefore.volunteers.staff + 40);
			assert.equal(adminAfter.volunteers.on_roster, adminBefore.volunteers.on_roster + 1);
			assert.equal(adminAfter.hours.minutes, adminBefore.hours.minutes + 45);
			assert.equal(adminAfter.hours.months_minutes[2], adminBefore.hours.months_minutes[2] + 45);
			assert.equal(adminAfter.exemplars.total, adminBefore.exemplars.total + 1);
			assert.equal(adminAfter.aid.records, adminBefore.aid.records + 1);
			assert.equal(adminAfter.aid.amount_fen, adminBefore.aid.amount_fen + 120000);
			assert.equal(adminAfter.publicity.records, adminBefore.publicity.records + 1);
			assert.equal(adminAfter.publicity.pieces, adminBefore.publicity.pieces + 4);
			assert.deepEqual(figs(await stats(admin, '&region=150000')), figs(adminAfter), 'a wider region is intersected with the scope');
			const s = await stats(admin, `&unit_id=${unitS2.id}`);
			assert.equal(s.aid.amount_fen, 120000);
			assert.equal(s.publicity.pieces, 4);
			assert.equal(s.volunteers.on_roster, 1);
			// the liaison's figures are its own unit's, whatever it asks for
			const own = await stats(liaison);
			assert.equal(own.unit, null);
			assert.deepEqual(figs(own), figs(await stats(admin, `&unit_id=${ownUnitId}`)), 'liaison figures = its unit\'s');
			assert.deepEqual(figs(await stats(liaison, '&region=150622')), figs(own));
			const none = await stats(liaison, '&region=150621');
			assert.equal(none.volunteers.units, 0);
			assert.equal(none.aid.records, 0);
		});
	});

	describe('imports (rows are scoped like the API writes)', () => {
		const csv = (rows) => Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
		const opts = (body) => ({ rawBody: body, contentType: 'text/csv' });
		function importSnapshot() {
			return srv.db.queryMany([
				'SELECT count(*), max(id), sum(version) FROM activities',
				'SELECT count(*), max(id), sum(version) FROM volunteers',
				'SELECT count(*), max(id) FROM audit_log',
			]);
		}

		it('a unit liaison importing rows that name another unit gets an error row for each, and nothing is written', async () => {
			const before = importSnapshot();
			const head = ['单位名称', '活动日期', '活动名称', '活动类型'];
			const file = csv([
				head,
				['', '2024-05-01', '本单位导入活动', '学雷锋'],
				[unitA2.name, '2024-05-02', '越权导入活动', '学雷锋'],
				[unitD.name, '2024-05-03', '越权导入活动', '学雷锋'],
				[unitA2.uscc, '2024-05-04', '越权导入活动', '学雷锋'],
			]);
			for (const q of ['', '?dry_run=1']) {
				const r = await liaison.post(`/api/v1/imports/activities${q}`, undefined, opts(file));
				assert.equal(r.status, 422, JSON.stringify(r.body));
				assert.equal(r.body.error.code, 'import_invalid');
				assert.deepEqual(r.body.errors.map((e) => [e.row, e.field, e.column]), [
					[3, 'unit', '单位名称'],
					[4, 'unit', '单位名称'],
					[5, 'unit', '单位名称'],
				]);
				assert.equal(r.body.error_count, 3);
			}
			let r = await liaison.post('/api/v1/imports/volunteers', undefined, opts(csv([['单位名称', '姓名'], [unitA2.name, '越权导入志愿者'], ['', '本单位导入志愿者']])));
			assert.equal(r.status, 422, JSON.stringify(r.body));
			assert.deepEqual(r.body.errors.map((e) => [e.row, e.field]), [[2, 'unit']]);
			// the banner admin: a 达拉特旗 unit is as unknown
			r = await admin.post('/api/v1/imports/activities', undefined, opts(csv([head, [unitA2.name, '2024-05-01', '旗内导入活动', '学雷锋'], [unitD.name, '2024-05-02', '越权导入活动', '学雷锋']])));
			assert.equal(r.status, 422, JSON.stringify(r.body));
			assert.deepEqual(r.body.errors.map((e) => [e.row, e.field]), [[3, 'unit']]);
			assert.deepEqual(importSnapshot(), before, 'nothing written');
			// its own rows alone go in, audited once as the liaison
			r = await liaison.post('/api/v1/imports/activities', undefined, opts(csv([head, ['', '2024-05-01', '本单位导入活动', '学雷锋']])));
			assert.equal(r.status, 201, JSON.stringify(r.body));
			assert.equal(r.body.imported, 1);
			const mine = await listAll(liaison, `/api/v1/activities?q=${encodeURIComponent('本单位导入活动')}`);
			assert.deepEqual(mine.map((a) => a.unit_id), [ownUnitId]);
		});
	});

	it('a unit id that does not exist answers the same 404 as one out of scope', async () => {
		const missing = await admin.get('/api/v1/units/987654321');
		const hidden = await admin.get(`/api/v1/units/${unitD.id}`);
		assert.equal(missing.status, 404);
		assert.equal(hidden.status, 404);
		assert.deepEqual(missing.body, hidden.body);
		const um = await admin.get('/api/v1/users/987654321');
		const uh = await admin.get(`/api/v1/users/${userD.id}`);
		assert.deepEqual(um.body, uh.body);
	});
});
