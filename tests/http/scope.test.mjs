// scope.test.mjs — data scope on every id-taking route and every list: an object outside the
// caller's scope answers 404 and the database does not change; lists never contain out-of-scope
// rows; nobody can grant a scope wider than their own.
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
