// audit.test.mjs — every change made through the API leaves exactly one audit entry (actor,
// action, entity, entity_id, before/after, the request's X-Request-Id); the audit list filters,
// pages and exports; `wenming audit verify` finds the chain intact, and names the entry after a
// tampering done directly in the database.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, makeUscc, uniqueName } from './harness.mjs';

/** The audit rows written by the request that answered r, read from the database. */
function entriesOf(srv, r) {
	const rid = r.headers.get('x-request-id');
	assert.match(rid || '', /^[0-9a-f]{8,}$/, 'X-Request-Id header');
	return srv.db
		.query(
			`SELECT id, actor_id, actor_name, action, entity, entity_id, before_json, after_json, request_id, ip
			 FROM audit_log WHERE request_id = '${rid}' ORDER BY id`,
		)
		.map(([id, actorId, actorName, action, entity, entityId, before, after, requestId, ip]) => ({
			id: Number(id),
			actorId: actorId === null ? null : Number(actorId),
			actorName,
			action,
			entity,
			entityId,
			before: before === null ? null : JSON.parse(before),
			after: after === null ? null : JSON.parse(after),
			requestId,
			ip,
		}));
}

/** Asserts exactly one entry for the request and returns it. */
function oneEntry(srv, r, { actor, action, entity, entityId }) {
	const es = entriesOf(srv, r);
	assert.equal(es.length, 1, `exactly one audit entry for ${action} ${entity}: ${JSON.stringify(es)}`);
	const e = es[0];
	assert.equal(e.actorId, actor.user.id, 'actor_id');
	assert.equal(e.actorName, actor.user.username, 'actor_name');
	assert.equal(e.action, action);
	assert.equal(e.entity, entity);
	if (entityId !== undefined) assert.equal(e.entityId, String(entityId), 'entity_id');
	assert.equal(e.requestId, r.headers.get('x-request-id'));
	assert.equal(e.ip, '127.0.0.1');
	return e;
}

describe('audit log', () => {
	let srv, admin, ordos;

	before(async () => {
		srv = await startServer();
		admin = await srv.login('admin');
		ordos = await srv.login('ordos');
	});
	after(async () => {
		await srv?.stop();
	});

	it('unit create / update / delete: before null on create, after null on delete, both on update', async () => {
		const name = uniqueName('审计单位');
		let r = await admin.post('/api/v1/units', { name, uscc: makeUscc(), category: 'institution', region_code: '150622', remark: '初始' });
		assert.equal(r.status, 201);
		const u = r.body;
		let e = oneEntry(srv, r, { actor: admin, action: 'create', entity: 'unit', entityId: u.id });
		assert.equal(e.before, null);
		assert.equal(e.after.name, name);
		assert.equal(e.after.remark, '初始');

		r = await admin.patch(`/api/v1/units/${u.id}`, { remark: '修改后', staff_count: 9, version: u.version });
		assert.equal(r.status, 200);
		e = oneEntry(srv, r, { actor: admin, action: 'update', entity: 'unit', entityId: u.id });
		assert.equal(e.before.remark, '初始');
		assert.equal(e.after.remark, '修改后');
		assert.notEqual(e.before.staff_count, e.after.staff_count);
		assert.equal(e.after.staff_count, 9);
		assert.equal(e.before.name, e.after.name, 'unchanged fields are equal');

		r = await admin.delete(`/api/v1/units/${u.id}?version=${r.body.version}`);
		assert.equal(r.status, 204);
		e = oneEntry(srv, r, { actor: admin, action: 'delete', entity: 'unit', entityId: u.id });
		assert.equal(e.after, null);
		assert.equal(e.before.name, name);
		assert.equal(e.before.remark, '修改后');
	});

	it('titles: award and status change are audited with before/after', async () => {
		const u = await createUnit(admin);
		let r = await admin.post(`/api/v1/units/${u.id}/titles`, { level: 'banner', tier: 'unit', awarded_year: 2024 });
		assert.equal(r.status, 201);
		const t = r.body;
		let e = oneEntry(srv, r, { actor: admin, action: 'create', entity: 'title', entityId: t.id });
		assert.equal(e.before, null);
		assert.equal(e.after.level, 'banner');
		r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'yellow_card', reason: '黄牌警告', version: t.version });
		assert.equal(r.status, 200);
		e = oneEntry(srv, r, { actor: admin, entity: 'title', action: 'status_change', entityId: t.id });
		assert.equal(e.before.status, 'valid');
		assert.equal(e.after.status, 'yellow_card');
		r = await admin.patch(`/api/v1/titles/${t.id}`, { note: '备注', version: r.body.version });
		assert.equal(r.status, 200);
		e = oneEntry(srv, r, { actor: admin, entity: 'title', action: 'update', entityId: t.id });
		assert.equal(e.before.note, '');
		assert.equal(e.after.note, '备注');
	});

	it('restructuring is audited once per request, with the kind as the action', async () => {
		const a = await createUnit(admin);
		const b = await createUnit(admin);
		let r = await admin.post(`/api/v1/units/${a.id}/restructure`, { kind: 'rename', new_name: uniqueName('审计更名'), version: a.version });
		assert.equal(r.status, 200);
		let e = oneEntry(srv, r, { actor: admin, action: 'rename', entity: 'unit', entityId: a.id });
		assert.equal(e.before.name, a.name);
		assert.equal(e.after.name, r.body.name);
		r = await admin.post(`/api/v1/units/${a.id}/restructure`, { kind: 'merge', into_unit_id: b.id, version: r.body.version });
		assert.equal(r.status, 200);
		e = oneEntry(srv, r, { actor: admin, action: 'merge', entity: 'unit', entityId: a.id });
		assert.equal(e.before.status, 'active');
		assert.equal(e.after.status, 'merged');
	});

	it('users: create, update, password reset; sessions: login, logout, password change', async () => {
		const username = 'au' + randomBytes(4).toString('hex');
		let r = await admin.post('/api/v1/users', { username, display_name: '审计用户', role: 'viewer', region_code: '150622' });
		assert.equal(r.status, 201);
		const user = r.body.user;
		let e = oneEntry(srv, r, { actor: admin, action: 'create', entity: 'user', entityId: user.id });
		assert.equal(e.before, null);
		assert.equal(e.after.username, username);
		assert.doesNotMatch(JSON.stringify(e.after), /argon2|password_hash|temporary/i, 'no secrets in the audit log');
		const temp = r.body.temporary_password;
		assert.equal(srv.db.scalar(`SELECT count(*) FROM audit_log WHERE after_json LIKE '%${temp}%' OR before_json LIKE '%${temp}%'`), '0');

		r = await admin.patch(`/api/v1/users/${user.id}`, { display_name: '改名用户', version: user.version });
		assert.equal(r.status, 200);
		e = oneEntry(srv, r, { actor: admin, action: 'update', entity: 'user', entityId: user.id });
		assert.equal(e.before.display_name, '审计用户');
		assert.equal(e.after.display_name, '改名用户');

		r = await admin.post(`/api/v1/users/${user.id}/password-reset`);
		assert.equal(r.status, 200);
		e = oneEntry(srv, r, { actor: admin, action: 'password_reset', entity: 'user', entityId: user.id });
		assert.equal(srv.db.scalar(`SELECT count(*) FROM audit_log WHERE after_json LIKE '%${r.body.temporary_password}%'`), '0');

		const c = srv.anon();
		r = await c.post('/api/v1/session', { username, password: r.body.temporary_password });
		assert.equal(r.status, 200);
		c.user = r.body.user;
		oneEntry(srv, r, { actor: c, action: 'login', entity: 'session' });
		const oldPw = (await admin.post(`/api/v1/users/${user.id}/password-reset`)).body.temporary_password;
		r = await c.post('/api/v1/session', { username, password: oldPw });
		assert.equal(r.status, 200);
		r = await c.post('/api/v1/session/password', { old_password: oldPw, new_password: 'Audit2026pw' });
		assert.equal(r.status, 204);
		oneEntry(srv, r, { actor: c, action: 'password_change', entity: 'user', entityId: user.id });
		r = await c.delete('/api/v1/session');
		assert.equal(r.status, 204);
		oneEntry(srv, r, { actor: c, action: 'logout', entity: 'session' });
	});

	it('regions and dictionaries: create and update are audited; the region entry names its code', async () => {
		let r = await ordos.post('/api/v1/regions', { code: '150690', name: '审计测试区', parent_code: '150600' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		let e = oneEntry(srv, r, { actor: ordos, action: 'create', entity: 'region' });
		assert.equal(e.before, null);
		assert.equal(e.after.code, '150690');
		r = await ordos.patch('/api/v1/regions/150690', { name: '审计测试区二', version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		e = oneEntry(srv, r, { actor: ordos, action: 'update', entity: 'region' });
		assert.equal(e.before.name, '审计测试区');
		assert.equal(e.after.name, '审计测试区二');

		r = await ordos.post('/api/v1/dicts/unit_category', { code: 'au_' + randomBytes(3).toString('hex'), label: '审计类别' });
		assert.equal(r.status, 201);
		e = oneEntry(srv, r, { actor: ordos, action: 'create', entity: 'dict_item', entityId: r.body.id });
		r = await ordos.patch(`/api/v1/dicts/unit_category/${r.body.id}`, { label: '审计类别二', version: r.body.version });
		assert.equal(r.status, 200);
		e = oneEntry(srv, r, { actor: ordos, action: 'update', entity: 'dict_item', entityId: r.body.id });
		assert.equal(e.before.label, '审计类别');
		assert.equal(e.after.label, '审计类别二');
	});

	it('a region entry carries the region code as entity_id (so entity_id filters find it)', async () => {
		const r = await ordos.patch('/api/v1/regions/150627', { name: '伊金霍洛旗', version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const e = oneEntry(srv, r, { actor: ordos, action: 'update', entity: 'region' });
		assert.equal(e.entityId, '150627', `region audit entity_id is ${JSON.stringify(e.entityId)}`);
		const l = await ordos.get('/api/v1/audit?entity=region&entity_id=150627');
		assert.equal(l.body.total, 1);
	});

	it('rejected and read-only requests leave no audit entry', async () => {
		const n = srv.db.count('audit_log');
		const u = await admin.get('/api/v1/units?per_page=1');
		await admin.get(`/api/v1/units/${u.body.items[0].id}`);
		await admin.patch(`/api/v1/units/${u.body.items[0].id}`, { remark: 'x', version: 99999 });
		await admin.post('/api/v1/units', { name: 5 });
		await admin.get('/api/v1/audit');
		await admin.get('/api/v1/users');
		assert.equal(srv.db.count('audit_log'), n);
	});

	describe('GET /api/v1/audit', () => {
		let marker;
		before(async () => {
			// a known set: 3 creates and 2 updates by admin on units, 1 create by ordos
			marker = [];
			for (let i = 0; i < 3; i++) marker.push(await createUnit(admin, { name: uniqueName('审计列表') }));
			for (const u of marker.slice(0, 2)) {
				const r = await admin.patch(`/api/v1/units/${u.id}`, { remark: '列表测试', version: u.version });
				assert.equal(r.status, 200);
			}
			await createUnit(ordos, { name: uniqueName('审计列表市级'), region_code: '150621' });
		});

		it('items carry the entry fields, newest first', async () => {
			const r = await admin.get('/api/v1/audit?per_page=5');
			assert.equal(r.status, 200);
			assert.ok(r.body.total >= 5);
			const ids = r.body.items.map((x) => x.id);
			assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
			const x = r.body.items[0];
			for (const k of ['id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before', 'after', 'request_id', 'ip']) {
				assert.ok(k in x, `field ${k}`);
			}
			assert.match(x.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		});

		it('filters: entity, entity_id, action, actor, from/to', async () => {
			let r = await admin.get(`/api/v1/audit?entity=unit&entity_id=${marker[0].id}`);
			assert.equal(r.status, 200);
			assert.deepEqual(r.body.items.map((x) => x.action).sort(), ['create', 'update']);
			r = await admin.get(`/api/v1/audit?entity=unit&entity_id=${marker[2].id}&action=update`);
			assert.equal(r.body.total, 0);
			r = await admin.get('/api/v1/audit?action=update&entity=unit&per_page=100');
			assert.ok(r.body.items.length >= 2);
			assert.ok(r.body.items.every((x) => x.action === 'update' && x.entity === 'unit'));
			r = await admin.get('/api/v1/audit?actor=admin&per_page=100');
			assert.ok(r.body.items.length > 0);
			assert.ok(r.body.items.every((x) => x.actor_name === 'admin'));
			r = await admin.get('/api/v1/audit?actor=nobody');
			assert.equal(r.body.total, 0);
			// dates from an entry's own timestamp, not the wall clock
			const one = (await admin.get(`/api/v1/audit?entity=unit&entity_id=${marker[1].id}&action=create`)).body.items[0];
			const day = one.at.slice(0, 10);
			const dayMs = Date.parse(day + 'T00:00:00Z');
			const prev = new Date(dayMs - 86400000).toISOString().slice(0, 10);
			const next = new Date(dayMs + 86400000).toISOString().slice(0, 10);
			const q = `entity=unit&entity_id=${marker[1].id}&action=create`;
			assert.equal((await admin.get(`/api/v1/audit?${q}&from=${day}`)).body.total, 1);
			assert.equal((await admin.get(`/api/v1/audit?${q}&to=${day}`)).body.total, 1, 'to is inclusive of its day');
			assert.equal((await admin.get(`/api/v1/audit?${q}&from=${day}&to=${day}`)).body.total, 1);
			assert.equal((await admin.get(`/api/v1/audit?${q}&to=${prev}`)).body.total, 0);
			assert.equal((await admin.get(`/api/v1/audit?${q}&from=${next}`)).body.total, 0);
		});

		it('paging: page/per_page and after cursors agree', async () => {
			// the newest 60 entries (or all, when fewer) three ways
			const first = (await admin.get('/api/v1/audit?per_page=60')).body;
			assert.ok(first.total >= 8, `total ${first.total}`);
			const want = first.items.map((x) => x.id);
			const byPage = [];
			for (let p = 1; p <= 20 && byPage.length < want.length; p++) {
				const r = await admin.get(`/api/v1/audit?per_page=3&page=${p}`);
				assert.equal(r.status, 200);
				assert.equal(r.body.total, first.total);
				byPage.push(...r.body.items.map((x) => x.id));
			}
			assert.deepEqual(byPage, want);
			const byCursor = [];
			let url = '/api/v1/audit?per_page=3';
			for (let i = 0; i < 20; i++) {
				const r = await admin.get(url);
				byCursor.push(...r.body.items.map((x) => x.id));
				if (!r.body.next_cursor) break;
				url = `/api/v1/audit?per_page=3&after=${encodeURIComponent(r.body.next_cursor)}`;
			}
			assert.deepEqual(byCursor, want);
		});

		it('format=csv exports the same entries with before/after', async () => {
			const r = await admin.get(`/api/v1/audit?entity=unit&entity_id=${marker[0].id}&format=csv`);
			assert.equal(r.status, 200);
			assert.match(r.headers.get('content-type'), /^text\/csv/);
			assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
			const lines = r.text.slice(1).split('\r\n').filter(Boolean);
			assert.match(lines[0], /^序号,时间\(UTC\),操作人,操作,对象,对象编号,变更前,变更后/);
			assert.equal(lines.length, 3, 'header + create + update');
			assert.ok(lines.some((l) => l.includes(',update,') && l.includes('列表测试')));
			const whole = await admin.get('/api/v1/audit?format=csv');
			const total = (await admin.get('/api/v1/audit')).body.total;
			const rows = whole.text.slice(1).split('\r\n').filter((l) => /^\d+,/.test(l));
			assert.equal(rows.length, total, 'the whole export has every entry in scope');
		});
	});

	it('wenming audit verify: intact after all of the above', async () => {
		const r = srv.cli('audit', 'verify');
		assert.equal(r.code, 0, r.stdout + r.stderr);
		assert.match(r.stdout, /intact/);
		const n = srv.db.count('audit_log');
		assert.match(r.stdout, new RegExp(`\\b${n}\\b`), `reports the ${n} entries: ${r.stdout}`);
	});

	it('the audit log refuses UPDATE and DELETE in the database', () => {
		assert.throws(() => srv.db.exec(`UPDATE audit_log SET action = 'x' WHERE id = 1`));
		assert.throws(() => srv.db.exec('DELETE FROM audit_log WHERE id = 1'));
	});
});

describe('audit log tampering', () => {
	let srv;

	before(async () => {
		srv = await startServer();
		const admin = await srv.login('admin');
		for (let i = 0; i < 4; i++) await createUnit(admin);
	});
	after(async () => {
		await srv?.stop();
	});

	function withTriggersOff(sql) {
		if (srv.db.engine === 'postgres') {
			srv.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER ALL; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER ALL;`);
		} else {
			const triggers = srv.db.query(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).map((r) => r[0]);
			const names = srv.db.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).map((r) => r[0]);
			srv.db.exec(`${names.map((n) => `DROP TRIGGER ${n};`).join(' ')} ${sql}; ${triggers.map((t) => t + ';').join(' ')}`);
		}
	}

	it('an altered entry is found and named; verify exits 1', async () => {
		let r = srv.cli('audit', 'verify');
		assert.equal(r.code, 0, r.stdout + r.stderr);
		const n = srv.db.count('audit_log');
		assert.ok(n >= 5);
		const victim = Number(srv.db.scalar(`SELECT id FROM audit_log WHERE action = 'create' AND entity = 'unit' ORDER BY id LIMIT 1`));
		const original = srv.db.scalar(`SELECT after_json FROM audit_log WHERE id = ${victim}`);
		withTriggersOff(`UPDATE audit_log SET after_json = replace(after_json, '"staff_count":10', '"staff_count":11') WHERE id = ${victim}`);
		assert.notEqual(srv.db.scalar(`SELECT after_json FROM audit_log WHERE id = ${victim}`), original, 'the tampering took');
		r = srv.cli('audit', 'verify');
		assert.equal(r.code, 1, r.stdout + r.stderr);
		assert.match(r.stdout + r.stderr, new RegExp(`\\b${victim}\\b`), `names entry ${victim}: ${r.stdout}${r.stderr}`);
		assert.doesNotMatch(r.stdout, /intact/);
		// restore it: the chain verifies again
		withTriggersOff(`UPDATE audit_log SET after_json = '${original.replace(/'/g, "''")}' WHERE id = ${victim}`);
		r = srv.cli('audit', 'verify');
		assert.equal(r.code, 0, r.stdout + r.stderr);
	});

	it('a removed newest entry and a changed actor are found', async () => {
		const last = Number(srv.db.scalar('SELECT max(id) FROM audit_log'));
		const row = srv.db.query(`SELECT actor_name FROM audit_log WHERE id = ${last - 1}`)[0][0];
		withTriggersOff(`UPDATE audit_log SET actor_name = 'someone_else' WHERE id = ${last - 1}`);
		let r = srv.cli('audit', 'verify');
		assert.equal(r.code, 1, r.stdout + r.stderr);
		assert.match(r.stdout + r.stderr, new RegExp(`\\b${last - 1}\\b`));
		withTriggersOff(`UPDATE audit_log SET actor_name = '${row}' WHERE id = ${last - 1}`);
		assert.equal(srv.cli('audit', 'verify').code, 0);
		withTriggersOff(`DELETE FROM audit_log WHERE id = ${last}`);
		r = srv.cli('audit', 'verify');
		assert.equal(r.code, 1, `removing the newest entry: ${r.stdout}${r.stderr}`);
		assert.match(r.stdout, /BROKEN/);
	});
});
