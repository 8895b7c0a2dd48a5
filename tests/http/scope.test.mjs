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
