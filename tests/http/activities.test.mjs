// activities.test.mjs — the creation ledger (创建台账), slice 2: activities (精神文明创建活动) and their
// statistics. CRUD with versions (409 stale); validation codes and fields (type from the editable
// dictionary `activity_type`, the festival rules of 我们的节日, real dates, lengths, role,
// participants, unknown fields, wrong types); the year follows activity_date; filters and order
// (date ↓, id ↓); statistics by type and month; every write audited exactly once; a rejected write
// changes neither the activities, the dictionary nor the audit log; merged/dissolved units get no new
// activities but keep their old ones editable. Fixtures are made through the API and every check is
// narrowed to them (the demo's own activities are not relied on). Scope: scope.test.mjs.
import { describe, it, before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName } from './harness.mjs';

const FESTIVALS = ['spring_festival', 'lantern', 'qingming', 'dragon_boat', 'qixi', 'mid_autumn', 'double_ninth'];
const ACTIVITY_KEYS = [
	'activity_date',
	'created_at',
	'description',
	'festival',
	'id',
	'participants',
	'partner_id',
	'partner_name',
	'place',
	'role',
	'title',
	'type_code',
	'type_label',
	'unit_id',
	'unit_name',
	'updated_at',
	'version',
	'year',
];

describe('activities', () => {
	let srv, admin, ordos, liaison, leader;
	let U1, U2, P, PV;

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
	function oneEntry(r, actor, action, entityId) {
		const es = entriesOf(r);
		assert.equal(es.length, 1, `exactly one audit entry for ${action} activity: ${JSON.stringify(es)}`);
		const e = es[0];
		assert.equal(e.actorName, actor.user.username, 'actor');
		assert.equal(e.action, action);
		assert.equal(e.entity, 'activity');
		assert.equal(e.entityId, String(entityId), 'entity_id');
		return e;
	}

	/* ---- rejected writes ---- */

	let demoMaxId; // the last activity of the demo: this file's fixtures come after it

	/**
	 * The activities made here (whole rows), a fingerprint of all of them (the demo has thousands),
	 * the activity_type dictionary and the audit log's size (one client run).
	 */
	function state() {
		const [all, activities, dict, counts] = srv.db.queryMany([
			'SELECT count(*) AS n, max(id) AS m, sum(version) AS v, max(updated_at) AS u FROM activities',
			`SELECT * FROM activities WHERE id > ${demoMaxId} ORDER BY id`,
			"SELECT * FROM dict_items WHERE kind = 'activity_type' ORDER BY id",
			'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT max(id) FROM audit_log) AS b, (SELECT count(*) FROM units) AS c, (SELECT count(*) FROM partners) AS d',
		]);
		return { all, activities, dict, counts };
	}

	// As in ledger.test.mjs: the state after the last rejected request is the next "before" as long
	// as no other write happened in between (any other non-GET request, or a new test, clears it).
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
		const what = `${method} ${path} ${opts?.rawBody !== undefined ? String(opts.rawBody).slice(0, 60) : JSON.stringify(body)?.slice(0, 120)}`;
		assert.ok(r.status < 500, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
		assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
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

	const body = (unit, fields = {}) => ({
		unit_id: unit.id,
		type_code: 'volunteer_service',
		title: uniqueName('测试活动'),
		activity_date: '2024-05-04',
		...fields,
	});

	async function newActivity(client, unit, fields = {}) {
		const r = await client.post('/api/v1/activities', body(unit, fields));
		assert.equal(r.status, 201, `create activity ${JSON.stringify(fields)} → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}

	async function newPartner(client, fields = {}) {
		const r = await client.post('/api/v1/partners', { kind: 'community', name: uniqueName('活动社区'), region_code: '150622', ...fields });
		assert.equal(r.status, 201, `create partner → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}

	async function list(query, client = admin) {
		const r = await client.get(`/api/v1/activities?${query}`);
		assert.equal(r.status, 200, `activities?${query}: ${JSON.stringify(r.body)}`);
		return r.body;
	}
	const ids = (page) => page.items.map((a) => a.id);

	async function stats(query, client = admin) {
		const r = await client.get(`/api/v1/activities/stats?${query}`);
		assert.equal(r.status, 200, `activities/stats?${query}: ${JSON.stringify(r.body)}`);
		return r.body;
	}

	/** Twelve months with n at the 1-based months given ({3: 2} → March 2). */
	const months = (m = {}) => Array.from({ length: 12 }, (_, i) => m[i + 1] ?? 0);

	before(async () => {
		srv = await startServer();
		demoMaxId = Number(srv.db.scalar('SELECT coalesce(max(id), 0) FROM activities'));
		[admin, ordos, liaison, leader] = (await Promise.all(['admin', 'ordos', 'liaison', 'leader'].map((u) => srv.login(u)))).map(watch);
		U1 = await createUnit(admin, { name: uniqueName('活动单位甲') });
		U2 = await createUnit(admin, { name: uniqueName('活动单位乙') });
		P = await newPartner(admin);
		PV = await newPartner(admin, { kind: 'village', name: uniqueName('活动嘎查') });
	});
	beforeEach(() => {
		lastState = null;
	});
	after(async () => {
		await srv?.stop();
	});

	/* ================================================================ CRUD ==== */

	describe('create, read, update, delete', () => {
		it('create → 201 with names, labels, year and trimmed text; GET answers the same; audited once', async () => {
			const title = uniqueName('中秋诵读会');
			const r = await admin.post('/api/v1/activities', {
				unit_id: U1.id,
				type_code: 'our_festivals',
				festival: 'mid_autumn',
				title: `  ${title}  `,
				activity_date: '2024-09-17',
				place: ' 薛家湾镇社区广场 ',
				partner_id: P.id,
				role: 'joined',
				participants: 120,
				description: ' 诵读经典，共度中秋 ',
			});
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const a = r.body;
			assert.deepEqual(Object.keys(a).sort(), ACTIVITY_KEYS);
			assert.equal(a.unit_id, U1.id);
			assert.equal(a.unit_name, U1.name);
			assert.equal(a.type_code, 'our_festivals');
			assert.equal(a.type_label, '我们的节日');
			assert.equal(a.festival, 'mid_autumn');
			assert.equal(a.title, title, 'title trimmed');
			assert.equal(a.activity_date, '2024-09-17');
			assert.equal(a.year, 2024);
			assert.equal(a.place, '薛家湾镇社区广场');
			assert.equal(a.partner_id, P.id);
			assert.equal(a.partner_name, P.name);
			assert.equal(a.role, 'joined');
			assert.equal(a.participants, 120);
			assert.equal(a.description, '诵读经典，共度中秋');
			assert.equal(a.version, 1);
			assert.match(a.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			assert.equal(a.updated_at, a.created_at);
			const e = oneEntry(r, admin, 'create', a.id);
			assert.equal(e.before, null);
			assert.deepEqual(e.after, a);
			assert.deepEqual((await admin.get(`/api/v1/activities/${a.id}`)).body, a);
			assert.deepEqual((await leader.get(`/api/v1/activities/${a.id}`)).body, a, 'the viewer reads the same');
			assert.deepEqual(srv.db.query(`SELECT unit_id, type_code, festival, title, activity_date, year, partner_id, role, participants FROM activities WHERE id = ${a.id}`), [
				[String(U1.id), 'our_festivals', 'mid_autumn', title, '2024-09-17', '2024', String(P.id), 'joined', '120'],
			]);

			// the minimum: defaults hosted, 0 participants, empty text, no festival, no partner
			const m = await admin.post('/api/v1/activities', { unit_id: U1.id, type_code: 'lei_feng', title: '学雷锋', activity_date: '2024-03-05' });
			assert.equal(m.status, 201, JSON.stringify(m.body));
			assert.equal(m.body.type_label, '学雷锋');
			assert.equal(m.body.role, 'hosted');
			assert.equal(m.body.participants, 0);
			assert.equal(m.body.place, '');
			assert.equal(m.body.description, '');
			assert.equal(m.body.festival, null);
			assert.equal(m.body.partner_id, null);
			assert.equal(m.body.partner_name, '');
			assert.deepEqual(srv.db.query(`SELECT festival, partner_id FROM activities WHERE id = ${m.body.id}`), [[null, null]], 'stored as NULL');
			oneEntry(m, admin, 'create', m.body.id);
			// null in optional fields is "not given"
			const n = await admin.post('/api/v1/activities', { ...body(U1), festival: null, partner_id: null, place: null, role: null, participants: null, description: null });
			assert.equal(n.status, 201, JSON.stringify(n.body));
			assert.equal(n.body.role, 'hosted');
			assert.equal(n.body.festival, null);
		});

		it('update with the version read: 200, version + 1, fields not sent kept, audited once with before/after; partner_id null drops the partner', async () => {
			const a = await newActivity(admin, U1, { partner_id: P.id, participants: 40, place: '原地点', description: '原内容' });
			let r = await admin.patch(`/api/v1/activities/${a.id}`, { participants: 45, title: ' 改后的活动名称 ', version: a.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.version, a.version + 1);
			assert.equal(r.body.participants, 45);
			assert.equal(r.body.title, '改后的活动名称');
			assert.equal(r.body.place, '原地点', 'fields not sent are kept');
			assert.equal(r.body.description, '原内容');
			assert.equal(r.body.partner_id, P.id);
			assert.equal(r.body.activity_date, a.activity_date);
			assert.equal(r.body.created_at, a.created_at);
			let e = oneEntry(r, admin, 'update', a.id);
			assert.deepEqual(e.before, a);
			assert.deepEqual(e.after, r.body);
			assert.deepEqual((await admin.get(`/api/v1/activities/${a.id}`)).body, r.body);
			// another partner, another unit, another type and role
			r = await admin.patch(`/api/v1/activities/${a.id}`, { partner_id: PV.id, unit_id: U2.id, type_code: 'rural_support', role: 'joined', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.partner_name, PV.name);
			assert.equal(r.body.unit_name, U2.name);
			assert.equal(r.body.type_label, '乡村振兴帮扶');
			assert.equal(r.body.role, 'joined');
			e = oneEntry(r, admin, 'update', a.id);
			assert.equal(e.before.unit_id, U1.id);
			assert.equal(e.after.unit_id, U2.id);
			// null drops the partner (the field is present)
			r = await admin.patch(`/api/v1/activities/${a.id}`, { partner_id: null, version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.partner_id, null);
			assert.equal(r.body.partner_name, '');
			assert.equal(srv.db.scalar(`SELECT partner_id FROM activities WHERE id = ${a.id}`), null);
			assert.equal(r.body.version, a.version + 3);
		});

		it('a stale version → 409 version_conflict; no version → 400 version_required; unknown id → 404; nothing changes', async () => {
			const a = await newActivity(admin, U1);
			const cur = (await admin.patch(`/api/v1/activities/${a.id}`, { place: '一改', version: a.version })).body;
			assert.equal(cur.version, 2);
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { place: '过期', version: a.version }, { status: 409, code: 'version_conflict', field: 'version' });
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { place: '将来', version: cur.version + 1 }, { status: 409, code: 'version_conflict' });
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { place: '无版本' }, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'PATCH', '/api/v1/activities/987654321', { place: '无此', version: 1 }, { status: 404, code: 'not_found' });
			await rejects(admin, 'DELETE', `/api/v1/activities/${a.id}?version=${a.version}`, undefined, { status: 409, code: 'version_conflict' });
			await rejects(admin, 'DELETE', `/api/v1/activities/${a.id}`, undefined, { status: 400, code: 'version_required', field: 'version' });
			await rejects(admin, 'DELETE', `/api/v1/activities/${a.id}?version=abc`, undefined, { status: 400, code: 'version_required' });
			await rejects(admin, 'DELETE', `/api/v1/activities/${a.id}?version=0`, undefined, { status: 400, code: 'version_required' });
			await rejects(admin, 'DELETE', '/api/v1/activities/987654321?version=1', undefined, { status: 404, code: 'not_found' });
			assert.equal((await admin.get(`/api/v1/activities/${a.id}`)).body.place, '一改');
			for (const id of ['987654321', 'abc', '0', '-1', '99999999999999999999']) {
				assert.equal((await admin.get(`/api/v1/activities/${id}`)).status, 404, `activities/${id}`);
			}
		});

		it('delete with the version read → 204, audited with the activity as before; then 404', async () => {
			const a = await newActivity(admin, U1, { partner_id: P.id });
			const r = await admin.delete(`/api/v1/activities/${a.id}?version=${a.version}`);
			assert.equal(r.status, 204, r.text);
			const e = oneEntry(r, admin, 'delete', a.id);
			assert.equal(e.after, null);
			assert.deepEqual(e.before, a);
			assert.equal(srv.db.count('activities', `id = ${a.id}`), 0);
			assert.equal((await admin.get(`/api/v1/activities/${a.id}`)).status, 404);
			await rejects(admin, 'DELETE', `/api/v1/activities/${a.id}?version=${a.version}`, undefined, { status: 404, code: 'not_found' });
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { place: '已删', version: a.version }, { status: 404, code: 'not_found' });
		});

		it('the year follows activity_date: 2021-12-31 counts for 2021; editing the date moves it (record, list, statistics)', async () => {
			const u = await createUnit(admin, { name: uniqueName('跨年单位') });
			const a = await newActivity(admin, u, { activity_date: '2021-12-31', participants: 9 });
			assert.equal(a.year, 2021);
			assert.equal(srv.db.scalar(`SELECT year FROM activities WHERE id = ${a.id}`), '2021');
			assert.deepEqual(ids(await list(`unit_id=${u.id}&year=2021`)), [a.id]);
			assert.equal((await list(`unit_id=${u.id}&year=2022`)).total, 0);
			let s = await stats(`year=2021&unit_id=${u.id}`);
			assert.deepEqual([s.total, s.participants, s.months], [1, 9, months({ 12: 1 })]);
			const r = await admin.patch(`/api/v1/activities/${a.id}`, { activity_date: '2022-01-01', version: a.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.year, 2022);
			assert.equal(srv.db.scalar(`SELECT year FROM activities WHERE id = ${a.id}`), '2022');
			const e = oneEntry(r, admin, 'update', a.id);
			assert.deepEqual([e.before.year, e.after.year], [2021, 2022]);
			assert.equal((await list(`unit_id=${u.id}&year=2021`)).total, 0);
			assert.deepEqual(ids(await list(`unit_id=${u.id}&year=2022`)), [a.id]);
			s = await stats(`year=2021&unit_id=${u.id}`);
			assert.deepEqual([s.total, s.participants, s.months, s.by_type], [0, 0, months(), []]);
			s = await stats(`year=2022&unit_id=${u.id}`);
			assert.deepEqual([s.total, s.participants, s.months], [1, 9, months({ 1: 1 })]);
			// a leap day and the first possible day
			assert.equal((await newActivity(admin, u, { activity_date: '2024-02-29' })).year, 2024);
			assert.equal((await newActivity(admin, u, { activity_date: '1949-10-01' })).year, 1949);
		});
	});

	/* ================================================================ validation ==== */

	describe('validation', () => {
		const post = (patch, status, code, field) => rejects(admin, 'POST', '/api/v1/activities', { ...body(U1), ...patch }, { status, code, field });
		let A; // an activity to PATCH
		const patchA = (patch, status, code, field) => rejects(admin, 'PATCH', `/api/v1/activities/${A.id}`, { version: A.version, ...patch }, { status, code, field });

		before(async () => {
			A = await newActivity(admin, U1, { title: '校验用活动' });
		});

		it('the valid base body is accepted (so the rejections below are about the defect)', async () => {
			const r = await admin.post('/api/v1/activities', body(U1));
			assert.equal(r.status, 201, JSON.stringify(r.body));
		});

		it('type_code: required; an unknown code → 400 invalid_value', async () => {
			await post({ type_code: undefined }, 400, 'required', 'type_code');
			await post({ type_code: null }, 400, 'required', 'type_code');
			await post({ type_code: '' }, 400, 'required', 'type_code');
			await post({ type_code: '   ' }, 400, 'required', 'type_code');
			for (const t of ['no_such_type', 'Volunteer_Service', 'unit_category', 'institution', '志愿服务']) await post({ type_code: t }, 400, 'invalid_value', 'type_code');
			await post({ type_code: 'x'.repeat(65) }, 400, 'too_long', 'type_code');
			await patchA({ type_code: 'no_such_type' }, 400, 'invalid_value', 'type_code');
			await patchA({ type_code: '' }, 400, 'required', 'type_code');
		});

		it('the activity_type dictionary: all roles read it; a type the city admin deactivates is refused for new activities, old ones keep it', async () => {
			const d = await liaison.get('/api/v1/dicts/activity_type');
			assert.equal(d.status, 200, JSON.stringify(d.body));
			const codes = d.body.items.map((x) => x.code);
			for (const c of ['volunteer_service', 'lei_feng', 'our_festivals', 'moral_lecture', 'civil_online', 'rural_support', 'other']) assert.ok(codes.includes(c), `seeded ${c}`);
			assert.ok(d.body.items.every((x) => x.kind === 'activity_type'));
			assert.equal(d.body.items.find((x) => x.code === 'our_festivals').label, '我们的节日');
			assert.equal((await admin.get('/api/v1/dicts/no_such_kind')).status, 404);
			// only the city admin writes it
			let r = await admin.post('/api/v1/dicts/activity_type', { code: 'banner_try', label: '旗级试加' });
			assert.equal(r.status, 403, JSON.stringify(r.body));
			assert.equal(r.body.error.code, 'dict_scope');
			const code = 'test_' + randomBytes(4).toString('hex');
			r = await ordos.post('/api/v1/dicts/activity_type', { code, label: '测试新增类型', sort: 950 });
			assert.equal(r.status, 201, JSON.stringify(r.body));
			let item = r.body;
			assert.equal(item.kind, 'activity_type');
			// usable at once
			const u = await createUnit(admin, { name: uniqueName('停用类型单位') });
			const a = await newActivity(admin, u, { type_code: code, activity_date: '2017-06-01' });
			assert.equal(a.type_label, '测试新增类型');
			// deactivated: refused for new activities (and as a new type of an old one)
			r = await ordos.patch(`/api/v1/dicts/activity_type/${item.id}`, { active: false, version: item.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			item = r.body;
			assert.equal(item.active, false);
			await rejects(admin, 'POST', '/api/v1/activities', body(u, { type_code: code }), { status: 400, code: 'invalid_value', field: 'type_code' });
			await rejects(liaison, 'POST', '/api/v1/activities', { ...body(u, { type_code: code }), unit_id: liaison.user.unit_id }, { status: 400, code: 'invalid_value', field: 'type_code' });
			await patchA({ type_code: code }, 400, 'invalid_value', 'type_code');
			// the old activity keeps its type and label, in the record, the list and the statistics
			assert.equal((await admin.get(`/api/v1/activities/${a.id}`)).body.type_label, '测试新增类型');
			assert.deepEqual(ids(await list(`type=${code}`)), [a.id]);
			const s = await stats(`year=2017&unit_id=${u.id}`);
			assert.deepEqual(s.by_type, [{ type_code: code, type_label: '测试新增类型', count: 1, months: months({ 6: 1 }) }]);
			// a relabelled type shows its new label everywhere
			r = await ordos.patch(`/api/v1/dicts/activity_type/${item.id}`, { label: '改名后的类型', active: true, version: item.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal((await admin.get(`/api/v1/activities/${a.id}`)).body.type_label, '改名后的类型');
			assert.equal((await newActivity(admin, u, { type_code: code })).type_label, '改名后的类型', 'reactivated: accepted again');
		});

		it(
			'an old activity whose type was deactivated can still be edited without changing its type',
			async () => {
				const code = 'old_' + randomBytes(4).toString('hex');
				const t = (await ordos.post('/api/v1/dicts/activity_type', { code, label: '将停用类型' })).body;
				const a = await newActivity(admin, U1, { type_code: code });
				assert.equal((await ordos.patch(`/api/v1/dicts/activity_type/${t.id}`, { active: false, version: t.version })).status, 200);
				const r = await admin.patch(`/api/v1/activities/${a.id}`, { participants: 3, version: a.version });
				assert.equal(r.status, 200, JSON.stringify(r.body));
				assert.equal(r.body.type_code, code);
			},
		);

		it('festival: required for our_festivals, refused for any other type, one of the seven', async () => {
			const fest = (patch) => ({ type_code: 'our_festivals', ...patch });
			await post(fest({}), 400, 'required', 'festival');
			await post(fest({ festival: null }), 400, 'required', 'festival');
			await post(fest({ festival: '' }), 400, 'required', 'festival');
			await post(fest({ festival: '  ' }), 400, 'required', 'festival');
			for (const f of ['christmas', 'Mid_Autumn', '中秋', 'mid autumn']) await post(fest({ festival: f }), 400, 'invalid_value', 'festival');
			await post(fest({ festival: 'x'.repeat(17) }), 400, 'too_long', 'festival');
			await post(fest({ festival: 5 }), 400, 'invalid_type', 'festival');
			for (const t of ['volunteer_service', 'lei_feng', 'other']) await post({ type_code: t, festival: 'qingming' }, 400, 'festival_not_allowed', 'festival');
			// all seven (a code is trimmed; the length limit counts before trimming)
			for (const f of FESTIVALS) {
				const a = await newActivity(admin, U1, fest({ festival: f.length < 15 ? ` ${f} ` : f, activity_date: '2016-01-01' }));
				assert.equal(a.festival, f);
				assert.equal(a.type_code, 'our_festivals');
			}
			// on update: a festival activity cannot become another type while it keeps its festival
			const a = await newActivity(admin, U1, fest({ festival: 'dragon_boat' }));
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { type_code: 'volunteer_service', version: a.version }, { status: 400, code: 'festival_not_allowed', field: 'festival' });
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { festival: '', version: a.version }, { status: 400, code: 'required', field: 'festival' });
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { festival: 'bogus', version: a.version }, { status: 400, code: 'invalid_value', field: 'festival' });
			let r = await admin.patch(`/api/v1/activities/${a.id}`, { type_code: 'volunteer_service', festival: null, version: a.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.festival, null);
			assert.equal(srv.db.scalar(`SELECT festival FROM activities WHERE id = ${a.id}`), null);
			// and back: the festival is required again
			await rejects(admin, 'PATCH', `/api/v1/activities/${a.id}`, { type_code: 'our_festivals', version: r.body.version }, { status: 400, code: 'required', field: 'festival' });
			r = await admin.patch(`/api/v1/activities/${a.id}`, { type_code: 'our_festivals', festival: 'double_ninth', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.festival, 'double_ninth');
			// "" clears it as well
			r = await admin.patch(`/api/v1/activities/${a.id}`, { type_code: 'other', festival: '', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.festival, null);
		});

		it(
			'festival: a 16-character value that starts with a festival code is refused, not cut to the code',
			async () => {
				await post({ type_code: 'our_festivals', festival: 'spring_festivalX' }, 400, 'invalid_value', 'festival');
			},
		);

		it('title: 2–100 characters', async () => {
			await post({ title: undefined }, 400, 'required', 'title');
			await post({ title: '' }, 400, 'required', 'title');
			await post({ title: '   ' }, 400, 'required', 'title');
			await post({ title: '会' }, 400, 'too_short', 'title');
			await post({ title: ' 会 ' }, 400, 'too_short', 'title');
			await post({ title: '长'.repeat(101) }, 400, 'too_long', 'title');
			await post({ title: '𠀀'.repeat(101) }, 400, 'too_long', 'title');
			await post({ title: 'a'.repeat(101) }, 400, 'too_long', 'title');
			await post({ title: '控制\u0007字符' }, 400, 'invalid_characters', 'title');
			await patchA({ title: '长'.repeat(101) }, 400, 'too_long', 'title');
			await patchA({ title: '会' }, 400, 'too_short', 'title');
			const t100 = '长'.repeat(92) + randomBytes(4).toString('hex');
			assert.equal([...t100].length, 100);
			assert.equal((await newActivity(admin, U1, { title: t100 })).title, t100);
			const a100 = '𠀀'.repeat(100);
			assert.equal((await newActivity(admin, U1, { title: a100 })).title, a100, '100 astral characters (400 bytes)');
			assert.equal((await newActivity(admin, U1, { title: '讲堂' })).title, '讲堂', 'two characters');
		});

		it('activity_date: a real YYYY-MM-DD date from 1949-10-01 to 2100-12-31', async () => {
			for (const d of ['2023-02-30', '2023-02-29', '2100-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023/01/01', '20230101', '2023-1-1', '1949-09-30', '2101-01-01', '二〇二三年一月', '2023-02-3x']) {
				await post({ activity_date: d }, 400, 'invalid_date', 'activity_date');
			}
			await post({ activity_date: undefined }, 400, 'required', 'activity_date');
			await post({ activity_date: '' }, 400, 'required', 'activity_date');
			await post({ activity_date: '2023-01-011' }, 400, 'too_long', 'activity_date');
			await post({ activity_date: 20230101 }, 400, 'invalid_type', 'activity_date');
			await patchA({ activity_date: '2023-02-30' }, 400, 'invalid_date', 'activity_date');
			assert.equal((await newActivity(admin, U1, { activity_date: '2100-12-31' })).year, 2100);
			assert.equal((await newActivity(admin, U1, { activity_date: '2000-02-29' })).year, 2000);
			await post({ activity_date: ' 2000-02-29' }, 400, 'too_long', 'activity_date'); // limits count before trimming
		});

		it('role hosted|joined; participants 0–1000000; place ≤ 100; description ≤ 2000', async () => {
			for (const r of ['bogus', 'HOSTED', 'host', '主办']) await post({ role: r }, 400, 'invalid_value', 'role');
			await post({ role: '' }, 400, 'required', 'role');
			await post({ role: 'organized' }, 400, 'too_long', 'role');
			await patchA({ role: 'bogus' }, 400, 'invalid_value', 'role');
			await post({ participants: -1 }, 400, 'out_of_range', 'participants');
			await post({ participants: 1000001 }, 400, 'out_of_range', 'participants');
			await post({ participants: 2 ** 53 }, 400, 'out_of_range', 'participants');
			await patchA({ participants: -1 }, 400, 'out_of_range', 'participants');
			await post({ place: '址'.repeat(101) }, 400, 'too_long', 'place');
			await post({ place: '控制\u0001' }, 400, 'invalid_characters', 'place');
			await post({ description: '述'.repeat(2001) }, 400, 'too_long', 'description');
			await patchA({ description: '述'.repeat(2001) }, 400, 'too_long', 'description');
			const a = await newActivity(admin, U1, { role: 'joined', participants: 1000000, place: '址'.repeat(100), description: '述'.repeat(2000) });
			assert.equal(a.participants, 1000000);
			assert.equal(a.place.length, 100);
			assert.equal(a.description.length, 2000);
			assert.equal(a.role, 'joined');
			assert.equal((await newActivity(admin, U1, { participants: 0 })).participants, 0);
		});

		it('unknown and read-only fields, wrong types, missing or unknown unit and partner', async () => {
			await post({ nonsense: 1 }, 400, 'unknown_field', 'nonsense');
			for (const f of ['id', 'year', 'unit_name', 'type_label', 'partner_name', 'version', 'created_at', 'updated_at', 'kind']) await post({ [f]: 1 }, 400, 'unknown_field', f);
			for (const f of ['id', 'year', 'unit_name', 'created_at']) await patchA({ [f]: 1 }, 400, 'unknown_field', f);
			for (const [patch, field] of [
				[{ unit_id: String(U1.id) }, 'unit_id'],
				[{ unit_id: 1.5 }, 'unit_id'],
				[{ type_code: 1 }, 'type_code'],
				[{ type_code: ['volunteer_service'] }, 'type_code'],
				[{ title: 12345 }, 'title'],
				[{ title: { a: 1 } }, 'title'],
				[{ activity_date: true }, 'activity_date'],
				[{ place: 1 }, 'place'],
				[{ partner_id: true }, 'partner_id'],
				[{ partner_id: [P.id] }, 'partner_id'],
				[{ role: 1 }, 'role'],
				[{ participants: '12' }, 'participants'],
				[{ participants: 1.5 }, 'participants'],
				[{ participants: 1e30 }, 'participants'],
				[{ description: false }, 'description'],
			]) {
				await post(patch, 400, 'invalid_type', field);
			}
			await patchA({ version: '1' }, 400, 'invalid_type', 'version');
			await patchA({ version: 0 }, 400, 'out_of_range', 'version');
			await patchA({ participants: '5' }, 400, 'invalid_type', 'participants');
			await post({ unit_id: undefined }, 400, 'required', 'unit_id');
			await post({ unit_id: null }, 400, 'required', 'unit_id');
			await post({ unit_id: 0 }, 400, 'out_of_range', 'unit_id');
			await post({ partner_id: 0 }, 400, 'out_of_range', 'partner_id');
			await post({ partner_id: -5 }, 400, 'out_of_range', 'partner_id');
			await post({ unit_id: 987654321 }, 404, 'unit_not_found', 'unit_id');
			await post({ partner_id: 987654321 }, 404, 'partner_not_found', 'partner_id');
			await patchA({ unit_id: 987654321 }, 404, 'unit_not_found', 'unit_id');
			await patchA({ partner_id: 987654321 }, 404, 'partner_not_found', 'partner_id');
		});

		it('malformed JSON, a body that is not an object, a wrong content type → 400/415; odd bodies never 5xx', async () => {
			for (const [m, p] of [
				['POST', '/api/v1/activities'],
				['PATCH', `/api/v1/activities/${A.id}`],
			]) {
				for (const raw of ['{', '{"title":', "{'title':'x'}", '', '{"a":1} x']) {
					await rejects(admin, m, p, undefined, { status: 400, code: 'invalid_json', opts: { rawBody: raw } });
				}
				for (const raw of ['[]', '"x"', '42', 'null']) await rejects(admin, m, p, undefined, { status: 400, opts: { rawBody: raw } });
				await rejects(admin, m, p, undefined, { status: 400, opts: { rawBody: '{"title":"a","title":"b","version":1}' } });
				await rejects(admin, m, p, undefined, { status: 400, code: 'json_too_deep', opts: { rawBody: '{"title":' + '['.repeat(50) + ']'.repeat(50) + '}' } });
				for (const ct of ['text/plain', null]) await rejects(admin, m, p, undefined, { status: 415, opts: { rawBody: '{"version":1}', contentType: ct } });
			}
			const before = state();
			for (const b of [
				'{}',
				'{"version":99999}',
				'{"version":99999e400}',
				'{"unit_id":9223372036854775807,"type_code":"other","title":"大数","activity_date":"2024-01-01"}',
				'{"unit_id":9223372036854775808,"version":99999}',
				'{"activity_date":"\\u0000","version":99999}',
				'{"title":"\\ud800\\udc00x","type_code":"our_festivals","festival":"\\u00e9"}',
				'{"participants":-9223372036854775808,"version":99999}',
				'{"partner_id":null,"festival":null,"version":99999}',
			]) {
				for (const [m, p] of [
					['POST', '/api/v1/activities'],
					['PATCH', `/api/v1/activities/${A.id}`],
					['PATCH', '/api/v1/activities/0'],
				]) {
					const r = await admin.req(m, p, undefined, { rawBody: b });
					assert.ok(r.status >= 400 && r.status < 500, `${m} ${p} ${b}: ${r.status} ${r.text.slice(0, 200)}`);
				}
			}
			assert.deepEqual(state(), before);
		});

		it('bad list and statistics parameters → 400 naming the parameter; year is required for the statistics', async () => {
			const bad = [
				['year=1948', 'invalid_value', 'year'],
				['year=2101', 'invalid_value', 'year'],
				['year=abc', 'invalid_value', 'year'],
				['year=2024.5', 'invalid_value', 'year'],
				['unit_id=0', 'invalid_value', 'unit_id'],
				['unit_id=x', 'invalid_value', 'unit_id'],
				['partner_id=-1', 'invalid_value', 'partner_id'],
				['festival=bogus', 'invalid_value', 'festival'],
				[`type=${'t'.repeat(65)}`, 'invalid_value', 'type'],
				['from=2023-02-30', 'invalid_date', 'from'],
				['to=2023/01/01', 'invalid_date', 'to'],
				['region=abc', 'region_code', 'region'],
				['region=000000', 'region_code', 'region'],
				[`q=${encodeURIComponent('长'.repeat(101))}`, 'too_long', 'q'],
			];
			for (const [q, code, field] of bad) {
				for (const path of [`/api/v1/activities?${q}`, `/api/v1/activities/stats?${field === 'year' ? '' : 'year=2024&'}${q}`]) {
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
			]) {
				const r = await admin.get(`/api/v1/activities?${q}`);
				assert.equal(r.status, 400, q);
				assert.equal(r.body.error.code, code, q);
			}
			for (const q of ['', 'year=', 'unit_id=1', 'type=volunteer_service']) {
				const r = await leader.get(`/api/v1/activities/stats?${q}`);
				assert.equal(r.status, 400, `stats?${q}: ${r.status} ${JSON.stringify(r.body)}`);
				assert.equal(r.body.error.code, 'required', q);
				assert.equal(r.body.error.field, 'year', q);
			}
			assert.equal((await admin.get(`/api/v1/activities?q=${encodeURIComponent('长'.repeat(100))}`)).status, 200);
			assert.equal((await admin.get('/api/v1/activities?type=no_such_type')).body.total, 0, 'an unknown type filter finds nothing');
			for (const q of ['unit_id=%00', 'partner_id=1e3', 'q=%25%5F%5C', 'from=9999-99-99', 'year=99999999999999999999']) {
				const r = await admin.get(`/api/v1/activities?${q}`);
				assert.ok(r.status < 500, `activities?${q}: ${r.status}`);
			}
		});
	});

	/* ================================================================ lists and statistics ==== */

	describe('lists and statistics', () => {
		it('filters: unit_id, type, festival, year, from/to, q, partner_id and their combination; ordered by date ↓, then id ↓; pages', async () => {
			const m = `筛${randomBytes(3).toString('hex')}`;
			const UF1 = await createUnit(admin, { name: uniqueName('筛选活动单位甲') });
			const UF2 = await createUnit(admin, { name: uniqueName('筛选活动单位乙') });
			const PF = await newPartner(admin, { name: uniqueName('筛选活动社区') });
			const t = (s) => `${m}${s}`;
			const a1 = await newActivity(admin, UF1, { title: t('甲'), activity_date: '2023-03-05', partner_id: PF.id });
			const a2 = await newActivity(admin, UF1, { title: t('乙'), type_code: 'our_festivals', festival: 'qingming', activity_date: '2023-04-04' });
			const a3 = await newActivity(admin, UF1, { title: t('丙'), type_code: 'our_festivals', festival: 'mid_autumn', activity_date: '2023-09-29' });
			const a4 = await newActivity(admin, UF2, { title: t('丁'), activity_date: '2023-09-29' });
			const a5 = await newActivity(liaison, { id: liaison.user.unit_id }, { title: t('戊'), type_code: 'lei_feng', activity_date: '2024-03-05', partner_id: PF.id });
			const a6 = await newActivity(admin, UF2, { title: t('己'), type_code: 'moral_lecture', activity_date: '2022-12-31' });
			const q = `q=${encodeURIComponent(m)}`;
			let r = await list(q);
			assert.equal(r.total, 6);
			assert.deepEqual(ids(r), [a5.id, a4.id, a3.id, a2.id, a1.id, a6.id], 'date descending; the later id first on the same date');
			assert.equal(r.next_cursor, null);
			assert.equal(r.page, 1);
			assert.equal(r.per_page, 20);
			assert.deepEqual(r.items[0], (await admin.get(`/api/v1/activities/${a5.id}`)).body, 'a list row is the record');
			assert.deepEqual(ids(await list(`unit_id=${UF1.id}`)), [a3.id, a2.id, a1.id]);
			assert.deepEqual(ids(await list(`unit_id=${UF2.id}&type=volunteer_service`)), [a4.id]);
			assert.deepEqual(ids(await list(`${q}&type=our_festivals`)), [a3.id, a2.id]);
			assert.deepEqual(ids(await list(`${q}&festival=qingming`)), [a2.id]);
			assert.deepEqual(ids(await list(`${q}&year=2023`)), [a4.id, a3.id, a2.id, a1.id]);
			assert.deepEqual(ids(await list(`${q}&year=2022`)), [a6.id]);
			assert.deepEqual(ids(await list(`${q}&from=2023-04-04&to=2023-09-29`)), [a4.id, a3.id, a2.id], 'from and to are inclusive');
			assert.deepEqual(ids(await list(`${q}&from=2023-09-30`)), [a5.id]);
			assert.deepEqual(ids(await list(`${q}&to=2022-12-31`)), [a6.id]);
			assert.equal((await list(`${q}&from=2023-05-01&to=2023-04-30`)).total, 0);
			assert.deepEqual(ids(await list(`partner_id=${PF.id}`)), [a5.id, a1.id]);
			assert.deepEqual(ids(await list(`q=${encodeURIComponent(UF2.name)}`)), [a4.id, a6.id], 'q matches the unit name');
			assert.deepEqual(ids(await list(`q=${encodeURIComponent(t('丙'))}`)), [a3.id], 'q matches the title');
			assert.deepEqual(ids(await list(`unit_id=${UF1.id}&year=2023&type=our_festivals&festival=mid_autumn`)), [a3.id]);
			assert.equal((await list(`unit_id=${UF2.id}&partner_id=${PF.id}`)).total, 0);
			assert.deepEqual(ids(await list(`${q}&region=150622`)), ids(await list(q)));
			// empty filters are no filters
			assert.equal((await list(`${q}&type=&festival=&from=&to=&unit_id=&partner_id=&year=&region=`)).total, 6);
			// LIKE wildcards are literal
			for (const w of ['%', '_', `${m}%`]) {
				r = await list(`q=${encodeURIComponent(w)}`);
				assert.ok(!r.items.some((a) => a.title.startsWith(m)), `q=${w} is literal`);
			}
			// paging
			r = await list(`${q}&per_page=2&page=2`);
			assert.deepEqual([r.total, r.page, r.per_page], [6, 2, 2]);
			assert.deepEqual(ids(r), [a3.id, a2.id]);
			r = await list(`${q}&per_page=2&page=4`);
			assert.equal(r.total, 6);
			assert.deepEqual(r.items, []);
			// the viewer gets the admin's answer; the liaison its own unit's only
			assert.deepEqual(await list(q, leader), await list(q));
			assert.deepEqual(ids(await list(q, liaison)), [a5.id]);
		});

		it('statistics: by type with per-month counts, month totals and the participants sum of the year; filters apply', async () => {
			const u = await createUnit(admin, { name: uniqueName('统计活动单位') });
			const mk = (type_code, activity_date, participants, more = {}) => newActivity(admin, u, { type_code, activity_date, participants, ...more });
			await mk('volunteer_service', '2018-01-10', 10);
			await mk('volunteer_service', '2018-01-20', 5);
			await mk('volunteer_service', '2018-03-05', 0, { role: 'joined' });
			await mk('our_festivals', '2018-02-16', 100, { festival: 'spring_festival' });
			await mk('our_festivals', '2018-09-24', 50, { festival: 'mid_autumn' });
			await mk('lei_feng', '2018-03-05', 7);
			await mk('volunteer_service', '2017-12-31', 1000);
			await mk('volunteer_service', '2019-01-01', 2000);
			const s = await stats(`year=2018&unit_id=${u.id}`);
			assert.deepEqual(Object.keys(s).sort(), ['by_type', 'months', 'participants', 'total', 'year']);
			assert.equal(s.year, 2018);
			assert.equal(s.total, 6);
			assert.equal(s.participants, 172);
			assert.deepEqual(s.months, months({ 1: 2, 2: 1, 3: 2, 9: 1 }));
			// the types in the dictionary's order (sort: volunteer_service 10, lei_feng 20, our_festivals 30)
			assert.deepEqual(s.by_type, [
				{ type_code: 'volunteer_service', type_label: '志愿服务', count: 3, months: months({ 1: 2, 3: 1 }) },
				{ type_code: 'lei_feng', type_label: '学雷锋', count: 1, months: months({ 3: 1 }) },
				{ type_code: 'our_festivals', type_label: '我们的节日', count: 2, months: months({ 2: 1, 9: 1 }) },
			]);
			// the per-type months add up to the month totals and the counts to the total
			assert.deepEqual(
				s.by_type.reduce((acc, t) => acc.map((n, i) => n + t.months[i]), months()),
				s.months,
			);
			assert.equal(s.by_type.reduce((n, t) => n + t.count, 0), s.total);
			// the neighbouring years
			let o = await stats(`year=2017&unit_id=${u.id}`);
			assert.deepEqual([o.total, o.participants, o.months], [1, 1000, months({ 12: 1 })]);
			o = await stats(`year=2019&unit_id=${u.id}`);
			assert.deepEqual([o.total, o.participants, o.months], [1, 2000, months({ 1: 1 })]);
			// an empty year: zeros, no types
			assert.deepEqual(await stats(`year=2100&unit_id=${u.id}`), { year: 2100, total: 0, participants: 0, months: months(), by_type: [] });
			// filters narrow the statistics like the list
			o = await stats(`year=2018&unit_id=${u.id}&type=volunteer_service`);
			assert.deepEqual([o.total, o.participants, o.months, o.by_type.length], [3, 15, months({ 1: 2, 3: 1 }), 1]);
			o = await stats(`year=2018&unit_id=${u.id}&festival=mid_autumn`);
			assert.deepEqual([o.total, o.participants], [1, 50]);
			o = await stats(`year=2018&unit_id=${u.id}&from=2018-03-01&to=2018-12-31`);
			assert.deepEqual([o.total, o.participants, o.months], [3, 57, months({ 3: 2, 9: 1 })]);
			assert.equal((await stats(`year=2018&unit_id=${u.id}&q=${encodeURIComponent(u.name)}`)).total, 6);
			// the statistics agree with the list of the same query
			const all = await list(`unit_id=${u.id}&year=2018&per_page=100`);
			assert.equal(all.total, s.total);
			assert.equal(all.items.reduce((n, a) => n + a.participants, 0), s.participants);
			// and for the whole scope of the admin; the viewer of the banner gets the same answer
			const whole = await stats('year=2018');
			assert.equal(whole.total, (await list('year=2018&per_page=1')).total);
			assert.deepEqual(await stats('year=2018', leader), whole);
			assert.ok(whole.by_type.some((t) => t.type_code === 'lei_feng'));
			// a unit_id the caller cannot see (or that does not exist) → 404 unit_not_found, as for the liaison here
			for (const [c, id] of [
				[liaison, u.id],
				[admin, 987654321],
			]) {
				const r = await c.get(`/api/v1/activities/stats?year=2018&unit_id=${id}`);
				assert.equal(r.status, 404, JSON.stringify(r.body));
				assert.equal(r.body.error.code, 'unit_not_found');
				assert.equal(r.body.error.field, 'unit_id');
			}
			assert.equal((await list(`year=2018&unit_id=${u.id}`, liaison)).total, 0, 'the list just finds nothing');
		});
	});

	/* ================================================================ units that changed ==== */

	describe('merged and dissolved units, references', () => {
		it('a merged or dissolved unit gets no new activity → 409 unit_inactive (create, or moving one onto it); its own activities stay editable', async () => {
			const gone = await createUnit(admin, { name: uniqueName('拟撤销活动单位') });
			const old = await newActivity(admin, gone, { participants: 12, activity_date: '2023-06-01' });
			let r = await admin.post(`/api/v1/units/${gone.id}/restructure`, { kind: 'dissolve', version: gone.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'dissolved');
			const merged = await createUnit(admin, { name: uniqueName('拟合并活动单位') });
			const oldM = await newActivity(admin, merged);
			r = await admin.post(`/api/v1/units/${merged.id}/restructure`, { kind: 'merge', into_unit_id: U1.id, version: merged.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'merged');
			for (const u of [gone, merged]) {
				await rejects(admin, 'POST', '/api/v1/activities', body(u), { status: 409, code: 'unit_inactive', field: 'unit_id' });
				await rejects(admin, 'POST', '/api/v1/activities', body(u, { type_code: 'our_festivals', festival: 'qixi', activity_date: '2000-08-06' }), { status: 409, code: 'unit_inactive' });
			}
			const other = await newActivity(admin, U2);
			await rejects(admin, 'PATCH', `/api/v1/activities/${other.id}`, { unit_id: gone.id, version: other.version }, { status: 409, code: 'unit_inactive', field: 'unit_id' });
			await rejects(admin, 'PATCH', `/api/v1/activities/${other.id}`, { unit_id: merged.id, version: other.version }, { status: 409, code: 'unit_inactive', field: 'unit_id' });
			// the old activities: still listed and counted, edited (also naming their own unit again), deleted
			assert.deepEqual(ids(await list(`unit_id=${gone.id}`)), [old.id]);
			assert.equal((await stats(`year=2023&unit_id=${gone.id}`)).participants, 12);
			r = await admin.patch(`/api/v1/activities/${old.id}`, { participants: 15, description: '撤销前的活动', version: old.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.participants, 15);
			oneEntry(r, admin, 'update', old.id);
			r = await admin.patch(`/api/v1/activities/${old.id}`, { unit_id: gone.id, activity_date: '2023-06-02', version: r.body.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.unit_name, gone.name);
			// moved off to an active unit: fine
			r = await admin.patch(`/api/v1/activities/${oldM.id}`, { unit_id: U1.id, version: oldM.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.unit_id, U1.id);
			r = await admin.delete(`/api/v1/activities/${old.id}?version=${(await admin.get(`/api/v1/activities/${old.id}`)).body.version}`);
			assert.equal(r.status, 204, r.text);
			oneEntry(r, admin, 'delete', old.id);
		});

		it('a unit or a partner with activities cannot be deleted → 409, nothing changes; without them they can', async () => {
			const u = await createUnit(admin, { name: uniqueName('有活动单位') });
			const p = await newPartner(admin, { name: uniqueName('有活动社区') });
			const a = await newActivity(admin, u, { partner_id: p.id });
			let r = await rejects(admin, 'DELETE', `/api/v1/units/${u.id}?version=${u.version}`, undefined, { status: 409, code: 'unit_in_use' });
			r = await rejects(admin, 'DELETE', `/api/v1/partners/${p.id}?version=${p.version}`, undefined, { status: 409 });
			assert.equal(r.body.error.code, 'partner_in_use');
			assert.match(r.body.error.message, /活动记录/);
			assert.equal((await admin.delete(`/api/v1/activities/${a.id}?version=${a.version}`)).status, 204);
			assert.equal((await admin.delete(`/api/v1/partners/${p.id}?version=${p.version}`)).status, 204);
			assert.equal((await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`)).status, 204);
		});
	});
});
