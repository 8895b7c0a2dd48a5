// hours.test.mjs — volunteers' service hours (志愿服务时长): who served in an activity and for how long
// (PUT replaces the whole set and moves the activity's version; every error code with its field;
// phones masked for leaders and assessors), the volunteer's service_minutes/service_hours (JSON and
// CSV) and the 409 on deleting a volunteer who served; each unit's self-report link (get, create,
// rotate, delete; a liaison only for their own unit); the public form (no login, no CSRF; its
// validation codes; the per-IP and per-link rate limits with Retry-After); the liaison's review
// (order, filters, approval by phone match or by volunteer_id, decline with a reason, deciding
// twice, stale versions; hours counted only once approved). Every write is audited once and a
// rejected write changes neither the data nor the audit log. Concurrent writers get 409/404, never a
// 5xx. The per-link limit holds for a day (a rotated link starts a new quota), and a masked
// role cannot probe phones through the q filter. Fixtures are
// made through the API in units of this test. Dates are "today" in UTC+8, as the server computes
// them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName } from './harness.mjs';

const SERVED_KEYS = ['activity_id', 'activity_version', 'hours', 'items', 'minutes', 'volunteers'];
const SERVED_ITEM_KEYS = ['hours', 'minutes', 'name', 'phone', 'volunteer_id'];
const LINK_KEYS = ['created_at', 'path', 'token', 'unit_id'];
const REPORT_KEYS = [
	'activity_id',
	'activity_title',
	'created_at',
	'decided_at',
	'decided_by',
	'description',
	'hours',
	'id',
	'minutes',
	'name',
	'phone',
	'phone_masked',
	'reason',
	'service_date',
	'status',
	'unit_id',
	'unit_name',
	'version',
	'volunteer_id',
	'volunteer_name',
	'year',
];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Today's date in UTC+8 (the server's "today"). */
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
/** date + days (YYYY-MM-DD arithmetic in UTC). */
function shift(date, days) {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
/** The same month and day a year earlier (the earliest date a report may name). */
const yearAgo = (date) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

describe('service hours', () => {
	let srv, admin, liaison, leader, assessor, dalad;
	let U1, U2, UD, ownUnitId, ownUnitName;
	const marker = 'hr' + randomBytes(3).toString('hex');

	/* ---- audit ---- */

	function entriesOf(r) {
		const rid = r.headers.get('x-request-id');
		assert.match(rid || '', /^[0-9a-f]{8,}$/, 'X-Request-Id header');
		return srv.db
			.query(
				`SELECT actor_id, actor_name, action, entity, entity_id, before_json, after_json, ip FROM audit_log WHERE request_id = '${rid}' ORDER BY id`,
			)
			.map(([actorId, actorName, action, entity, entityId, b, a, ip]) => ({
				actorId,
				actorName,
				action,
				entity,
				entityId: String(entityId),
				before: b === null ? null : JSON.parse(b),
				after: a === null ? null : JSON.parse(a),
				raw: `${b} ${a}`,
				ip,
			}));
	}
	function oneEntry(r, actor, action, entity, id) {
		const es = entriesOf(r);
		assert.equal(es.length, 1, `one audit entry: ${JSON.stringify(es)}`);
		assert.equal(es[0].actorName, actor);
		assert.equal(es[0].action, action);
		assert.equal(es[0].entity, entity);
		assert.equal(es[0].entityId, String(id));
		return es[0];
	}
	function noEntry(r, what) {
		assert.deepEqual(entriesOf(r), [], `${what}: no audit entry`);
	}

	/* ---- a rejected write changes nothing ---- */

	function snap() {
		return srv.db.queryMany([
			// a checksum, not the rows: the demo records ~130 000 served volunteers (src/cli/demo_hours.c)
			`SELECT count(*) AS n, sum(minutes) AS m, sum((activity_id * 1000003 + volunteer_id) % 999983 * minutes) AS h
			 FROM activity_volunteers`,
			'SELECT * FROM self_report_links ORDER BY unit_id',
			'SELECT * FROM hour_reports ORDER BY id',
			'SELECT count(*), max(id), sum(version), max(updated_at) FROM activities',
			'SELECT count(*), max(id), sum(version), max(updated_at) FROM volunteers',
			'SELECT count(*), max(id) FROM audit_log',
		]);
	}
	function assertError(r, status, code, field, what = '') {
		assert.equal(r.status, status, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(r.body?.error?.code, code, `${what}: ${JSON.stringify(r.body)}`);
		if (field !== undefined) assert.equal(r.body.error.field, field === null ? undefined : field, `${what}: field`);
		assert.equal(typeof r.body.error.message, 'string');
	}

	/* ---- fixtures ---- */

	async function mkVol(client, unitId, fields = {}) {
		const r = await client.post('/api/v1/volunteers', { unit_id: unitId, name: uniqueName('志愿者'), status: 'active', ...fields });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		return r.body;
	}
	async function mkAct(client, unitId, fields = {}) {
		const r = await client.post('/api/v1/activities', {
			unit_id: unitId,
			type_code: 'volunteer_service',
			title: uniqueName('服务活动'),
			activity_date: '2024-05-04',
			...fields,
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		return r.body;
	}
	async function served(client, activityId) {
		const r = await client.get(`/api/v1/activities/${activityId}/volunteers`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		return r.body;
	}
	async function putServed(client, activity, items) {
		const v = (await served(admin, activity.id)).activity_version;
		const r = await client.put(`/api/v1/activities/${activity.id}/volunteers`, { version: v, items });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		return r.body;
	}
	async function vol(id, client = admin) {
		const r = await client.get(`/api/v1/volunteers/${id}`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		return r.body;
	}
	async function newLink(client, unitId) {
		const r = await client.post(`/api/v1/units/${unitId}/self-report-link`);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		return r.body.token;
	}
	const report = (fields = {}) => ({
		name: '自报志愿者',
		phone: '13812345678',
		service_date: today(),
		minutes: 60,
		...fields,
	});
	async function submit(token, fields = {}) {
		const r = await srv.anon().post(`/api/v1/public/self-report/${token}`, report(fields));
		assert.equal(r.status, 201, JSON.stringify(r.body));
		return r.body.id;
	}
	async function getReport(id, client = admin) {
		const r = await client.get(`/api/v1/hour-reports/${id}`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		return r.body;
	}

	before(async () => {
		srv = await startServer({ threads: 8 });
		[admin, liaison, leader, assessor, dalad] = await Promise.all(['admin', 'liaison', 'leader', 'assessor', 'dalad'].map((u) => srv.login(u)));
		ownUnitId = liaison.user.unit_id;
		ownUnitName = liaison.user.unit_name;
		U1 = await createUnit(admin, { name: uniqueName('时长单位甲') });
		U2 = await createUnit(admin, { name: uniqueName('时长单位乙') });
		UD = await createUnit(dalad, { name: uniqueName('达拉特时长'), region_code: '150621' });
	});
	after(async () => {
		await srv?.stop();
	});

	/* ================================================================ served list ==== */

	describe('the volunteers who served in an activity', () => {
		let vA, vB, vC, vZ, A;

		before(async () => {
			// names chosen for their pinyin order: 阿 a, 白 bai, 陈 chen, 张 zhang
			vA = await mkVol(admin, U1.id, { name: `阿明${marker}`, phone: '138 0013-2345', joined_date: '2020-01-01' });
			vB = await mkVol(admin, U1.id, { name: `白云${marker}`, phone: '0477-8123456' });
			vC = await mkVol(admin, U1.id, { name: `陈晨${marker}` });
			vZ = await mkVol(admin, U1.id, { name: `张三${marker}`, phone: '13900001111' });
			A = await mkAct(admin, U1.id, { activity_date: '2024-05-04' });
		});

		it('GET without volunteers; PUT replaces the whole set, moves the activity version, answers like GET; audited once as served', async () => {
			let r = await admin.get(`/api/v1/activities/${A.id}/volunteers`);
			assert.equal(r.status, 200);
			assert.deepEqual(r.body, { activity_id: A.id, activity_version: 1, items: [], volunteers: 0, minutes: 0, hours: '0' });

			r = await admin.put(`/api/v1/activities/${A.id}/volunteers`, {
				version: 1,
				items: [
					{ volunteer_id: vZ.id, minutes: 150 },
					{ volunteer_id: vA.id, minutes: 90 },
				],
			});
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual(Object.keys(r.body).sort(), SERVED_KEYS);
			assert.deepEqual(Object.keys(r.body.items[0]).sort(), SERVED_ITEM_KEYS);
			const first = {
				activity_id: A.id,
				activity_version: 2,
				items: [
					{ volunteer_id: vA.id, name: vA.name, phone: '138 0013-2345', minutes: 90, hours: '1.5' },
					{ volunteer_id: vZ.id, name: vZ.name, phone: '13900001111', minutes: 150, hours: '2.5' },
				],
				volunteers: 2,
				minutes: 240,
				hours: '4',
			};
			assert.deepEqual(r.body, first, 'items by name (pinyin), totals');
			let e = oneEntry(r, 'admin', 'served', 'activity', A.id);
			assert.deepEqual(e.before, { activity_id: A.id, activity_version: 1, items: [], volunteers: 0, minutes: 0, hours: '0' });
			assert.deepEqual(e.after, first, 'the audit keeps the whole list (whole phones)');

			assert.deepEqual(await served(admin, A.id), first, 'GET answers what PUT answered');
			const act = (await admin.get(`/api/v1/activities/${A.id}`)).body;
			assert.equal(act.version, 2, 'the activity version moved');
			assert.deepEqual(srv.db.query(`SELECT volunteer_id, minutes FROM activity_volunteers WHERE activity_id = ${A.id} ORDER BY volunteer_id`), [
				[String(vA.id), '90'],
				[String(vZ.id), '150'],
			].sort((a, b) => Number(a[0]) - Number(b[0])));

			// a stale version (the old one) changes nothing
			const before = snap();
			r = await admin.put(`/api/v1/activities/${A.id}/volunteers`, { version: 1, items: [] });
			assertError(r, 409, 'version_conflict', 'version', 'stale PUT');
			noEntry(r, 'stale PUT');
			assert.deepEqual(snap(), before);

			// replace: only the new set remains
			r = await admin.put(`/api/v1/activities/${A.id}/volunteers`, { version: 2, items: [{ volunteer_id: vC.id, minutes: 30 }] });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual(r.body, {
				activity_id: A.id,
				activity_version: 3,
				items: [{ volunteer_id: vC.id, name: vC.name, phone: '', minutes: 30, hours: '0.5' }],
				volunteers: 1,
				minutes: 30,
				hours: '0.5',
			});
			e = oneEntry(r, 'admin', 'served', 'activity', A.id);
			assert.deepEqual(e.before, first);
			assert.deepEqual(srv.db.query(`SELECT volunteer_id, minutes FROM activity_volunteers WHERE activity_id = ${A.id}`), [[String(vC.id), '30']]);

			// an empty list clears it
			r = await admin.put(`/api/v1/activities/${A.id}/volunteers`, { version: 3, items: [] });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual(r.body, { activity_id: A.id, activity_version: 4, items: [], volunteers: 0, minutes: 0, hours: '0' });
			oneEntry(r, 'admin', 'served', 'activity', A.id);
			assert.equal(srv.db.count('activity_volunteers', `activity_id = ${A.id}`), 0);
			assert.equal((await admin.get(`/api/v1/activities/${A.id}`)).body.version, 4);

			// an activity edit after a PUT must use the moved version
			r = await admin.patch(`/api/v1/activities/${A.id}`, { place: '广场', version: 3 });
			assertError(r, 409, 'version_conflict', 'version', 'PATCH with the pre-PUT version');
		});

		it('hours: one decimal at most, rounded half up to 0.1 h (6 minutes)', async () => {
			const act = await mkAct(admin, U1.id, { activity_date: '2024-06-01' });
			const cases = [
				[1, '0'],
				[2, '0'],
				[3, '0.1'],
				[9, '0.2'],
				[27, '0.5'],
				[33, '0.6'],
				[100, '1.7'],
				[1440, '24'],
			];
			const vols = [];
			for (let i = 0; i < cases.length; i++) vols.push(await mkVol(admin, U1.id, { name: `时长${String.fromCharCode(0x4e00 + i)}${marker}` }));
			const body = await putServed(admin, act, cases.map(([m], i) => ({ volunteer_id: vols[i].id, minutes: m })));
			for (let i = 0; i < cases.length; i++) {
				const it = body.items.find((x) => x.volunteer_id === vols[i].id);
				assert.equal(it.minutes, cases[i][0]);
				assert.equal(it.hours, cases[i][1], `${cases[i][0]} minutes`);
				assert.equal((await vol(vols[i].id)).service_hours, cases[i][1], `volunteer with ${cases[i][0]} minutes`);
			}
			assert.equal(body.minutes, 1615, 'the sum of the minutes');
			assert.equal(body.hours, '26.9', '1615 minutes = 26.92 h');
			assert.equal(body.volunteers, cases.length);
			await putServed(admin, act, []);
		});

		it('PUT errors: every code with its field; a rejected PUT changes neither the list, the version nor the audit log', async () => {
			const act = await mkAct(admin, U1.id, { activity_date: '2024-05-04' });
			await putServed(admin, act, [{ volunteer_id: vA.id, minutes: 60 }]);
			const v = 2;
			const late = await mkVol(admin, U1.id, { joined_date: '2024-05-05' });
			const gone = await mkVol(admin, U1.id, { status: 'left', joined_date: '2020-01-01', left_date: '2024-05-03' });
			const other = await mkVol(admin, U2.id);
			const far = await mkVol(dalad, UD.id);
			const ok = (id, minutes = 60) => ({ volunteer_id: id, minutes });
			const before = snap();
			const cases = [
				[{ version: v - 1, items: [ok(vB.id)] }, 409, 'version_conflict', 'version'],
				[{ version: v + 5, items: [ok(vB.id)] }, 409, 'version_conflict', 'version'],
				[{ items: [ok(vB.id)] }, 400, 'required', 'version'],
				[{ version: 0, items: [] }, 400, 'out_of_range', 'version'],
				[{ version: '2', items: [] }, 400, 'invalid_type', 'version'],
				[{ version: v }, 400, 'required', 'items'],
				[{ version: v, items: null }, 400, 'required', 'items'],
				[{ version: v, items: {} }, 400, 'invalid_type', 'items'],
				[{ version: v, items: Array.from({ length: 2001 }, (_, i) => ok(i + 1)) }, 400, 'too_many', 'items'],
				[{ version: v, items: [5] }, 400, 'invalid_type', 'items[0]'],
				[{ version: v, items: [ok(vB.id), { volunteer_id: vC.id }] }, 400, 'invalid_type', 'items[1]'],
				[{ version: v, items: [{ minutes: 30 }] }, 400, 'invalid_type', 'items[0]'],
				[{ version: v, items: [{ volunteer_id: String(vB.id), minutes: 30 }] }, 400, 'invalid_type', 'items[0]'],
				[{ version: v, items: [{ volunteer_id: vB.id, minutes: 1.5 }] }, 400, 'invalid_type', 'items[0]'],
				[{ version: v, items: [{ volunteer_id: vB.id, minutes: 30, note: 'x' }] }, 400, 'invalid_type', 'items[0]'],
				[{ version: v, items: [null] }, 400, 'invalid_type', 'items[0]'],
				[{ version: v, items: [ok(0)] }, 400, 'invalid_value', 'items[0].volunteer_id'],
				[{ version: v, items: [ok(vB.id), ok(-3)] }, 400, 'invalid_value', 'items[1].volunteer_id'],
				[{ version: v, items: [ok(vB.id, 0)] }, 400, 'out_of_range', 'items[0].minutes'],
				[{ version: v, items: [ok(vB.id), ok(vC.id, 1441)] }, 400, 'out_of_range', 'items[1].minutes'],
				[{ version: v, items: [ok(vB.id, -60)] }, 400, 'out_of_range', 'items[0].minutes'],
				[{ version: v, items: [ok(vB.id), ok(other.id)] }, 400, 'volunteer_not_in_unit', 'items[1].volunteer_id'],
				[{ version: v, items: [ok(far.id)] }, 400, 'volunteer_not_in_unit', 'items[0].volunteer_id'],
				[{ version: v, items: [ok(987654321)] }, 400, 'volunteer_not_in_unit', 'items[0].volunteer_id'],
				[{ version: v, items: [ok(vB.id), ok(vC.id), ok(late.id)] }, 400, 'volunteer_not_active', 'items[2].volunteer_id'],
				[{ version: v, items: [ok(gone.id)] }, 400, 'volunteer_not_active', 'items[0].volunteer_id'],
				[{ version: v, items: [ok(vB.id), ok(vC.id), ok(vB.id, 30)] }, 400, 'duplicate_volunteer', 'items[2].volunteer_id'],
				// 2000 items pass the count; the first then fails the roster check
				[{ version: v, items: Array.from({ length: 2000 }, (_, i) => ok(987650000 + i)) }, 400, 'volunteer_not_in_unit', 'items[0].volunteer_id'],
				[{ version: v, items: [], activity_id: act.id }, 400, 'unknown_field', 'activity_id'],
			];
			for (const [body, status, code, field] of cases) {
				const what = JSON.stringify(body).slice(0, 120);
				const r = await admin.put(`/api/v1/activities/${act.id}/volunteers`, body);
				assertError(r, status, code, field, what);
				noEntry(r, what);
			}
			let r = await admin.put(`/api/v1/activities/${act.id}/volunteers`, [ok(vB.id)]);
			assertError(r, 400, 'invalid_body', undefined, 'an array body');
			r = await admin.put(`/api/v1/activities/${act.id}/volunteers`, undefined, { rawBody: '{"version":2,', contentType: 'application/json' });
			assertError(r, 400, 'invalid_json', undefined, 'broken JSON');
			r = await admin.put(`/api/v1/activities/${act.id}/volunteers`, undefined, { rawBody: 'version=2', contentType: 'text/plain' });
			assertError(r, 415, 'unsupported_media_type', undefined, 'not JSON');
			r = await admin.put('/api/v1/activities/987654321/volunteers', { version: 1, items: [] });
			assertError(r, 404, 'not_found', null, 'no such activity');
			assert.deepEqual(snap(), before);
			assert.deepEqual((await served(admin, act.id)).items.map((x) => x.volunteer_id), [vA.id]);

			// limits are inclusive: joined on / left on the activity day, 1 and 1440 minutes
			const onDay = await mkVol(admin, U1.id, { joined_date: '2024-05-04' });
			const leftOnDay = await mkVol(admin, U1.id, { status: 'left', joined_date: '2024-01-01', left_date: '2024-05-04' });
			const body = await putServed(admin, act, [ok(onDay.id, 1), ok(leftOnDay.id, 1440)]);
			assert.equal(body.volunteers, 2);
			assert.equal(body.minutes, 1441);
			await putServed(admin, act, []);
		});

		it('scope and roles: liaison only for their own unit, viewer and assessor read only, another region 404', async () => {
			const own = await mkAct(liaison, ownUnitId, { activity_date: '2024-03-05' });
			const ov = await mkVol(liaison, ownUnitId, { phone: '13800132345' });
			const dAct = await mkAct(dalad, UD.id);
			const before = snap();
			for (const [c, who] of [
				[leader, 'leader'],
				[assessor, 'assessor'],
			]) {
				assertError(await c.put(`/api/v1/activities/${own.id}/volunteers`, { version: 1, items: [] }), 403, 'forbidden', undefined, who);
			}
			assertError(await srv.anon().put(`/api/v1/activities/${own.id}/volunteers`, { version: 1, items: [] }), 401, 'unauthenticated', undefined, 'anonymous PUT');
			assertError(await srv.anon().get(`/api/v1/activities/${own.id}/volunteers`), 401, 'unauthenticated', undefined, 'anonymous GET');
			assertError(await liaison.put(`/api/v1/activities/${A.id}/volunteers`, { version: 4, items: [] }), 404, 'not_found', null, 'liaison, another unit');
			assertError(await liaison.get(`/api/v1/activities/${A.id}/volunteers`), 404, 'not_found', null, 'liaison GET, another unit');
			assertError(await admin.put(`/api/v1/activities/${dAct.id}/volunteers`, { version: 1, items: [] }), 404, 'not_found', null, 'admin, another region');
			assertError(await admin.get(`/api/v1/activities/${dAct.id}/volunteers`), 404, 'not_found', null, 'admin GET, another region');
			assertError(await dalad.get(`/api/v1/activities/${A.id}/volunteers`), 404, 'not_found', null, 'dalad GET');
			assert.deepEqual(snap(), before);

			// the liaison writes their own unit's list (audited as the liaison)
			const r = await liaison.put(`/api/v1/activities/${own.id}/volunteers`, { version: 1, items: [{ volunteer_id: ov.id, minutes: 120 }] });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.items[0].phone, '13800132345');
			oneEntry(r, 'liaison', 'served', 'activity', own.id);
			// dalad writes in their own region
			const dv = await mkVol(dalad, UD.id);
			const rd = await dalad.put(`/api/v1/activities/${dAct.id}/volunteers`, { version: 1, items: [{ volunteer_id: dv.id, minutes: 60 }] });
			assert.equal(rd.status, 200, JSON.stringify(rd.body));
		});

		it('concurrent PUTs with the same version: exactly one 200, the others 409 version_conflict (never a 5xx)', async () => {
			const vs = [];
			for (let i = 0; i < 4; i++) vs.push(await mkVol(admin, U1.id, { name: `并发${i}${marker}` }));
			const items = vs.map((v) => ({ volunteer_id: v.id, minutes: 30 }));
			for (let round = 0; round < 5; round++) {
				const act = await mkAct(admin, U1.id, { activity_date: '2024-07-01' });
				const rs = await Promise.all(Array.from({ length: 8 }, () => admin.put(`/api/v1/activities/${act.id}/volunteers`, { version: 1, items })));
				const statuses = rs.map((r) => `${r.status} ${r.body?.error?.code || ''}`.trim()).sort();
				assert.deepEqual(statuses, ['200', ...Array(7).fill('409 version_conflict')], `round ${round}`);
				const b = await served(admin, act.id);
				assert.equal(b.activity_version, 2);
				assert.equal(b.minutes, 120);
				for (const r of rs) {
					if (r.status === 200) oneEntry(r, 'admin', 'served', 'activity', act.id);
					else noEntry(r, 'a PUT that lost');
				}
				await putServed(admin, act, []);
			}
		});

		it('phones: whole for admin and liaison, masked for leader and assessor (served list)', async () => {
			const own = await mkAct(liaison, ownUnitId, { activity_date: '2024-04-01' });
			const cases = [
				['13800132345', '138****2345'],
				['138 0013-2345', '138****2345'],
				['0477-8123456', '****56'],
				['', ''],
			];
			const made = [];
			for (const [phone, masked] of cases) made.push({ v: await mkVol(liaison, ownUnitId, { phone }), phone, masked });
			await putServed(liaison, own, made.map(({ v }) => ({ volunteer_id: v.id, minutes: 60 })));
			for (const [c, whole] of [
				[admin, true],
				[liaison, true],
				[leader, false],
				[assessor, false],
			]) {
				const body = await served(c, own.id);
				assert.equal(body.items.length, cases.length);
				for (const { v, phone, masked } of made) {
					const it = body.items.find((x) => x.volunteer_id === v.id);
					assert.equal(it.phone, whole ? phone : masked, `${c.user.username} ${phone}`);
				}
				if (!whole) assert.ok(!JSON.stringify(body).includes('13800132345') && !JSON.stringify(body).includes('0013-2345'), 'no whole phone');
			}
		});

		it('service_minutes and service_hours on the volunteer (get, list, CSV); deleting a volunteer who served → 409 in_use', async () => {
			const v = await mkVol(admin, U2.id, { name: `时长统计${marker}`, phone: '13700001234' });
			let got = await vol(v.id);
			assert.equal(got.service_minutes, 0);
			assert.equal(got.service_hours, '0');
			const a1 = await mkAct(admin, U2.id, { activity_date: '2024-01-10' });
			const a2 = await mkAct(admin, U2.id, { activity_date: '2024-02-10' });
			await putServed(admin, a1, [{ volunteer_id: v.id, minutes: 90 }]);
			await putServed(admin, a2, [{ volunteer_id: v.id, minutes: 60 }]);
			for (const c of [admin, leader, assessor]) {
				got = await vol(v.id, c);
				assert.equal(got.service_minutes, 150, c.user.username);
				assert.equal(got.service_hours, '2.5', c.user.username);
				const li = (await c.get(`/api/v1/volunteers?unit_id=${U2.id}&q=${encodeURIComponent('时长统计' + marker)}`)).body.items;
				assert.equal(li.length, 1);
				assert.equal(li[0].service_minutes, 150);
				assert.equal(li[0].service_hours, '2.5');
				const csv = await c.get(`/api/v1/volunteers?unit_id=${U2.id}&format=csv`);
				assert.equal(csv.status, 200);
				const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
				assert.equal(lines[0], '单位名称,姓名,性别,联系电话,志愿服务平台编号,加入日期,状态,退出日期,服务时长(小时),备注');
				const line = lines.find((l) => l.includes(`时长统计${marker}`));
				const phone = c === admin ? '13700001234' : '137****1234';
				assert.equal(line, `${U2.name},时长统计${marker},,${phone},,,在册,,2.5,`, `${c.user.username} CSV`);
			}

			// deleting a volunteer who served: 409 in_use, nothing changes
			let before = snap();
			let r = await admin.delete(`/api/v1/volunteers/${v.id}?version=${got.version}`);
			assertError(r, 409, 'in_use', null, 'delete a volunteer who served');
			noEntry(r, 'delete refused');
			assert.deepEqual(snap(), before);

			// deleting an activity drops its served list (and the hours with it)
			r = await admin.delete(`/api/v1/activities/${a1.id}?version=2`);
			assert.equal(r.status, 204, r.text);
			assert.equal(srv.db.count('activity_volunteers', `activity_id = ${a1.id}`), 0);
			assert.equal((await vol(v.id)).service_minutes, 60);

			// once off every list, the volunteer can go
			await putServed(admin, a2, []);
			assert.equal((await vol(v.id)).service_hours, '0');
			r = await admin.delete(`/api/v1/volunteers/${v.id}?version=${got.version}`);
			assert.equal(r.status, 204, r.text);
		});
	});

	/* ================================================================ self-report link ==== */

	describe('the self-report link', () => {
		it('lifecycle (as the liaison): none → create → public GET works → rotate → old token 404 → delete → 404; audited without the token', async () => {
			const base = `/api/v1/units/${ownUnitId}/self-report-link`;
			// the demo opens a link for the liaison's unit (src/cli/demo_hours.c): turn it off first
			if ((await liaison.get(base)).body?.token) assert.equal((await liaison.delete(base)).status, 204);
			let r = await liaison.get(base);
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual(r.body, { unit_id: ownUnitId, token: null, path: null, created_at: null });
			assertError(await liaison.delete(base), 404, 'not_found', null, 'delete when there is none');

			r = await liaison.post(base);
			assert.equal(r.status, 201, JSON.stringify(r.body));
			assert.deepEqual(Object.keys(r.body).sort(), LINK_KEYS);
			const t1 = r.body.token;
			assert.match(t1, /^[A-Za-z0-9_-]{16,60}$/);
			assert.equal(r.body.path, `/r/${t1}`);
			assert.equal(r.body.unit_id, ownUnitId);
			assert.match(r.body.created_at, ISO);
			let e = oneEntry(r, 'liaison', 'create', 'self_report_link', ownUnitId);
			assert.equal(e.before, null);
			assert.deepEqual(e.after, { unit_id: ownUnitId, unit_name: ownUnitName });
			assert.ok(!e.raw.includes(t1), 'no token in the audit');
			const created = r.body;
			assert.deepEqual((await liaison.get(base)).body, created);
			assert.deepEqual((await admin.get(base)).body, created, 'the admin sees the same link');
			assert.equal(srv.db.scalar(`SELECT token FROM self_report_links WHERE unit_id = ${ownUnitId}`), t1);

			r = await srv.anon().get(`/api/v1/public/self-report/${t1}`);
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.unit_name, ownUnitName);

			// rotate
			r = await liaison.post(base);
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const t2 = r.body.token;
			assert.notEqual(t2, t1);
			assert.equal(r.body.path, `/r/${t2}`);
			e = oneEntry(r, 'liaison', 'rotate', 'self_report_link', ownUnitId);
			assert.ok(!e.raw.includes(t1) && !e.raw.includes(t2), 'no token in the audit');
			assertError(await srv.anon().get(`/api/v1/public/self-report/${t1}`), 404, 'link_not_found', null, 'old token GET');
			assertError(await srv.anon().post(`/api/v1/public/self-report/${t1}`, report()), 404, 'link_not_found', null, 'old token POST');
			assert.equal((await srv.anon().get(`/api/v1/public/self-report/${t2}`)).status, 200);
			assert.equal(srv.db.count('self_report_links', `unit_id = ${ownUnitId}`), 1);

			// delete
			r = await liaison.delete(base);
			assert.equal(r.status, 204, r.text);
			e = oneEntry(r, 'liaison', 'delete', 'self_report_link', ownUnitId);
			assert.deepEqual(e.before, { unit_id: ownUnitId, unit_name: ownUnitName });
			assert.equal(e.after, null);
			assert.ok(!e.raw.includes(t2));
			assert.deepEqual((await liaison.get(base)).body, { unit_id: ownUnitId, token: null, path: null, created_at: null });
			assertError(await srv.anon().get(`/api/v1/public/self-report/${t2}`), 404, 'link_not_found', null, 'deleted token');
			assertError(await liaison.delete(base), 404, 'not_found', null, 'delete twice');
			assert.equal(srv.db.count('self_report_links', `unit_id = ${ownUnitId}`), 0);
		});

		it('roles and scope: liaison only for their own unit, viewer/assessor 403, another region\'s admin 404, anonymous 401; nothing changes', async () => {
			const t = await newLink(admin, U1.id);
			const before = snap();
			const u1 = `/api/v1/units/${U1.id}/self-report-link`;
			for (const m of ['GET', 'POST', 'DELETE']) {
				assertError(await liaison.req(m, u1), 404, 'not_found', null, `liaison ${m} another unit`);
				assertError(await dalad.req(m, u1), 404, 'not_found', null, `dalad ${m}`);
				assertError(await leader.req(m, u1), 403, 'forbidden', undefined, `leader ${m}`);
				assertError(await assessor.req(m, u1), 403, 'forbidden', undefined, `assessor ${m}`);
				assertError(await srv.anon().req(m, u1), 401, 'unauthenticated', undefined, `anonymous ${m}`);
				assertError(await admin.req(m, '/api/v1/units/987654321/self-report-link'), 404, 'not_found', null, `admin ${m} no such unit`);
				assertError(await admin.req(m, `/api/v1/units/${UD.id}/self-report-link`), 404, 'not_found', null, `admin ${m} another region`);
			}
			// a write without the CSRF token
			assertError(await admin.post(u1, undefined, { csrf: false }), 403, 'csrf', undefined, 'no CSRF');
			assert.deepEqual(snap(), before);
			assert.equal((await srv.anon().get(`/api/v1/public/self-report/${t}`)).status, 200, 'the link still works');
			// dalad keeps their own region's units' links
			const r = await dalad.post(`/api/v1/units/${UD.id}/self-report-link`);
			assert.equal(r.status, 201, JSON.stringify(r.body));
			oneEntry(r, 'dalad', 'create', 'self_report_link', UD.id);
		});

		it('concurrent link requests for one unit: all 201, one link remains and works; concurrent removals: one 204, the rest 404 (never a 5xx)', async () => {
			for (let round = 0; round < 5; round++) {
				const u = await createUnit(admin, { name: uniqueName('并发链接') });
				const rs = await Promise.all(Array.from({ length: 8 }, () => admin.post(`/api/v1/units/${u.id}/self-report-link`)));
				assert.deepEqual(rs.map((r) => r.status), Array(8).fill(201), `round ${round}: ${rs.map((r) => r.status + JSON.stringify(r.body?.error || '')).join(' ')}`);
				assert.equal(srv.db.count('self_report_links', `unit_id = ${u.id}`), 1);
				const cur = (await admin.get(`/api/v1/units/${u.id}/self-report-link`)).body.token;
				assert.ok(rs.some((r) => r.body.token === cur), 'the remaining token is one that was answered');
				assert.equal((await srv.anon().get(`/api/v1/public/self-report/${cur}`)).status, 200);
				// a unit with a link is still in use (409, not a 5xx); without it, it can go
				const fresh = (await admin.get(`/api/v1/units/${u.id}`)).body;
				let r = await admin.delete(`/api/v1/units/${u.id}?version=${fresh.version}`);
				assertError(r, 409, 'unit_in_use', null, 'delete a unit with a link');
				// concurrent removals: one 204 (audited once), the others find none
				const ds = await Promise.all(Array.from({ length: 8 }, () => admin.delete(`/api/v1/units/${u.id}/self-report-link`)));
				assert.deepEqual(ds.map((x) => `${x.status} ${x.body?.error?.code || ''}`.trim()).sort(), ['204', ...Array(7).fill('404 not_found')], `round ${round} deletes`);
				for (const x of ds) {
					if (x.status === 204) oneEntry(x, 'admin', 'delete', 'self_report_link', u.id);
					else noEntry(x, 'a removal that found none');
				}
				assert.equal(srv.db.count('self_report_links', `unit_id = ${u.id}`), 0);
				r = await admin.delete(`/api/v1/units/${u.id}?version=${fresh.version}`);
				assert.equal(r.status, 204, r.text);
			}
		});

		it('a merged or dissolved unit: no new link (409 unit_inactive), its old link stops working (404 link_not_found)', async () => {
			const gone = await createUnit(admin, { name: uniqueName('拟撤销时长') });
			const t = await newLink(admin, gone.id);
			await submit(t);
			let r = await admin.post(`/api/v1/units/${gone.id}/restructure`, { kind: 'dissolve', version: gone.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assertError(await srv.anon().get(`/api/v1/public/self-report/${t}`), 404, 'link_not_found', null, 'dissolved unit GET');
			assertError(await srv.anon().post(`/api/v1/public/self-report/${t}`, report()), 404, 'link_not_found', null, 'dissolved unit POST');
			const before = snap();
			r = await admin.post(`/api/v1/units/${gone.id}/self-report-link`);
			assertError(r, 409, 'unit_inactive', null, 'new link for a dissolved unit');
			noEntry(r, 'refused link');
			assert.deepEqual(snap(), before);

			const merged = await createUnit(admin, { name: uniqueName('拟合并时长') });
			const tm = await newLink(admin, merged.id);
			r = await admin.post(`/api/v1/units/${merged.id}/restructure`, { kind: 'merge', into_unit_id: U2.id, version: merged.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assertError(await srv.anon().get(`/api/v1/public/self-report/${tm}`), 404, 'link_not_found', null, 'merged unit');
			assertError(await admin.post(`/api/v1/units/${merged.id}/self-report-link`), 409, 'unit_inactive', null, 'merged unit link');
			// the link of a unit that no longer takes reports can still be removed
			r = await admin.delete(`/api/v1/units/${merged.id}/self-report-link`);
			assert.equal(r.status, 204, r.text);
		});
	});

	/* ================================================================ the public form ==== */

	describe('the public form', () => {
		let U3, token, ownAct;

		before(async () => {
			U3 = await createUnit(admin, { name: uniqueName('自报单位') });
			token = await newLink(admin, U3.id);
			ownAct = await mkAct(admin, U3.id, { activity_date: shift(today(), -3), title: `社区清扫${marker}` });
		});

		it('GET: the unit name, today, its activities of the last 90 days newest first; no login', async () => {
			const t = today();
			const U4 = await createUnit(admin, { name: uniqueName('近期活动单位') });
			const tk = await newLink(admin, U4.id);
			const mk = (date, title) => mkAct(admin, U4.id, { activity_date: date, title });
			const a0 = await mk(t, '今天的活动');
			const a90 = await mk(shift(t, -90), '九十天前');
			await mk(shift(t, -91), '九十一天前');
			await mk('2024-01-01', '很久以前');
			const a10 = await mk(shift(t, -10), '十天前');
			const a10b = await mk(shift(t, -10), '同日后建');
			await mkAct(admin, U3.id, { activity_date: t, title: '别的单位' });
			const r = await srv.anon().get(`/api/v1/public/self-report/${tk}`);
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual(r.body, {
				unit_name: U4.name,
				today: t,
				activities: [
					{ id: a0.id, title: '今天的活动', activity_date: t },
					{ id: a10b.id, title: '同日后建', activity_date: shift(t, -10) },
					{ id: a10.id, title: '十天前', activity_date: shift(t, -10) },
					{ id: a90.id, title: '九十天前', activity_date: shift(t, -90) },
				],
			});
			// a logged-in caller gets the same
			assert.deepEqual((await leader.get(`/api/v1/public/self-report/${tk}`)).body, r.body);
		});

		it('GET: at most 50 activities (the newest)', async () => {
			const U5 = await createUnit(admin, { name: uniqueName('活动很多单位') });
			const tk = await newLink(admin, U5.id);
			const ids = [];
			for (let i = 0; i < 52; i++) ids.push((await mkAct(admin, U5.id, { activity_date: shift(today(), -1 - (i % 5)) })).id);
			const r = await srv.anon().get(`/api/v1/public/self-report/${tk}`);
			assert.equal(r.status, 200);
			assert.equal(r.body.activities.length, 50);
			const dates = r.body.activities.map((a) => a.activity_date);
			assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
		});

		it('bad, unknown or malformed tokens → 404 link_not_found', async () => {
			for (const tk of ['short', 'a'.repeat(61), randomBytes(18).toString('base64url'), `${token.slice(0, -1)}.`, `${token}x`, encodeURIComponent("x' OR '1'='1 --aaaaaaa")]) {
				assertError(await srv.anon().get(`/api/v1/public/self-report/${tk}`), 404, 'link_not_found', null, `GET ${tk}`);
				assertError(await srv.anon().post(`/api/v1/public/self-report/${tk}`, report()), 404, 'link_not_found', null, `POST ${tk}`);
			}
		});

		it('POST: 201 pending without login or CSRF; stored whole; audited once as self_report without an actor', async () => {
			const c = srv.anon();
			let r = await c.post(`/api/v1/public/self-report/${token}`, {
				name: ' 李自报 ',
				phone: '13912345678',
				service_date: today(),
				minutes: 150,
				activity_id: ownAct.id,
				description: '打扫楼道',
			});
			assert.equal(r.status, 201, JSON.stringify(r.body));
			assert.deepEqual(Object.keys(r.body).sort(), ['id', 'message', 'status']);
			assert.equal(r.body.status, 'pending');
			assert.equal(typeof r.body.message, 'string');
			assert.equal(r.headers.get('set-cookie'), null, 'no session is started');
			const id = r.body.id;
			const e = oneEntry(r, '', 'self_report', 'hour_report', id);
			assert.equal(e.actorId, null);
			assert.deepEqual(e.after, { unit_id: U3.id, name: '李自报', phone: '13912345678', service_date: today(), minutes: 150, activity_id: ownAct.id });
			assert.deepEqual(
				srv.db.query(`SELECT unit_id, volunteer_id, name, phone, service_date, year, minutes, activity_id, description, status, reason, decided_by, decided_at, version, client_ip FROM hour_reports WHERE id = ${id}`),
				[[String(U3.id), null, '李自报', '13912345678', today(), today().slice(0, 4), '150', String(ownAct.id), '打扫楼道', 'pending', '', null, null, '1', '127.0.0.1']],
			);
			const got = await getReport(id);
			assert.deepEqual(Object.keys(got).sort(), REPORT_KEYS);
			assert.deepEqual(
				{ ...got, created_at: 'x' },
				{
					id,
					unit_id: U3.id,
					unit_name: U3.name,
					volunteer_id: null,
					volunteer_name: '',
					name: '李自报',
					phone: '13912345678',
					phone_masked: false,
					service_date: today(),
					year: Number(today().slice(0, 4)),
					minutes: 150,
					hours: '2.5',
					activity_id: ownAct.id,
					activity_title: ownAct.title,
					description: '打扫楼道',
					status: 'pending',
					reason: '',
					decided_by: null,
					decided_at: null,
					version: 1,
					created_at: 'x',
				},
			);
			assert.match(got.created_at, ISO);

			// a logged-in caller's cookie without a CSRF token is fine too; optional fields may be null
			r = await liaison.post(`/api/v1/public/self-report/${token}`, report({ activity_id: null, description: null }), { csrf: false });
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const plain = await getReport(r.body.id);
			assert.equal(plain.activity_id, null);
			assert.equal(plain.activity_title, '');
			assert.equal(plain.description, '');
			// and a client's X-Forwarded-For is not believed without WENMING_TRUST_PROXY
			r = await c.post(`/api/v1/public/self-report/${token}`, report(), { headers: { 'X-Forwarded-For': '203.0.113.9' } });
			assert.equal(r.status, 201);
			assert.equal(srv.db.scalar(`SELECT client_ip FROM hour_reports WHERE id = ${r.body.id}`), '127.0.0.1');
		});

		it('a report outlives its activity: deleting the activity leaves the report with activity_id null', async () => {
			const act = await mkAct(admin, U3.id, { activity_date: shift(today(), -1), title: `将删除${marker}` });
			const id = await submit(token, { activity_id: act.id });
			assert.equal((await getReport(id)).activity_title, `将删除${marker}`);
			const r = await admin.delete(`/api/v1/activities/${act.id}?version=1`);
			assert.equal(r.status, 204, r.text);
			const h = await getReport(id);
			assert.equal(h.activity_id, null);
			assert.equal(h.activity_title, '');
			assert.equal(h.status, 'pending');
		});

		it('POST validation: codes and fields; a rejected report changes nothing', async () => {
			const t = today();
			const otherAct = await mkAct(admin, U2.id, { activity_date: t });
			const before = snap();
			const cases = [
				[{ name: undefined }, 'required', 'name'],
				[{ name: '' }, 'required', 'name'],
				[{ name: '   ' }, 'required', 'name'],
				[{ name: '字'.repeat(51) }, 'too_long', 'name'],
				[{ name: 'a\u0001b' }, 'invalid_characters', 'name'],
				[{ name: 7 }, 'invalid_type', 'name'],
				[{ phone: undefined }, 'required', 'phone'],
				[{ phone: '' }, 'required', 'phone'],
				[{ phone: '1381234567' }, 'phone', 'phone'],
				[{ phone: '138123456789' }, 'phone', 'phone'],
				[{ phone: '12812345678' }, 'phone', 'phone'],
				[{ phone: '23812345678' }, 'phone', 'phone'],
				[{ phone: '138 1234 5678' }, 'phone', 'phone'],
				[{ phone: '138-1234-5678' }, 'phone', 'phone'],
				[{ phone: '+8613812345678' }, 'phone', 'phone'],
				[{ phone: '1381234567a' }, 'phone', 'phone'],
				[{ phone: '0477-8123456' }, 'phone', 'phone'],
				[{ phone: '1'.repeat(21) }, 'too_long', 'phone'],
				[{ phone: 13812345678 }, 'invalid_type', 'phone'],
				[{ service_date: undefined }, 'required', 'service_date'],
				[{ service_date: '' }, 'required', 'service_date'],
				[{ service_date: '2026-02-30' }, 'invalid_date', 'service_date'],
				[{ service_date: '2025-02-29' }, 'invalid_date', 'service_date'],
				[{ service_date: '2026/01/01' }, 'invalid_date', 'service_date'],
				[{ service_date: '20260101' }, 'invalid_date', 'service_date'],
				[{ service_date: shift(t, 1) }, 'invalid_date', 'service_date'],
				[{ service_date: `${Number(t.slice(0, 4)) + 1}${t.slice(4)}` }, 'invalid_date', 'service_date'],
				[{ service_date: shift(yearAgo(t), -1) }, 'invalid_date', 'service_date'],
				[{ service_date: '2020-01-01' }, 'invalid_date', 'service_date'],
				[{ service_date: `${t}T00:00:00` }, 'too_long', 'service_date'],
				[{ minutes: undefined }, 'required', 'minutes'],
				[{ minutes: 0 }, 'out_of_range', 'minutes'],
				[{ minutes: -30 }, 'out_of_range', 'minutes'],
				[{ minutes: 1441 }, 'out_of_range', 'minutes'],
				[{ minutes: 1.5 }, 'invalid_type', 'minutes'],
				[{ minutes: '60' }, 'invalid_type', 'minutes'],
				[{ activity_id: otherAct.id }, 'activity_not_found', 'activity_id'],
				[{ activity_id: 987654321 }, 'activity_not_found', 'activity_id'],
				[{ activity_id: 0 }, 'out_of_range', 'activity_id'],
				[{ activity_id: String(ownAct.id) }, 'invalid_type', 'activity_id'],
				[{ description: '字'.repeat(501) }, 'too_long', 'description'],
				[{ unit_id: U2.id }, 'unknown_field', 'unit_id'],
				[{ volunteer_id: 1 }, 'unknown_field', 'volunteer_id'],
				[{ status: 'approved' }, 'unknown_field', 'status'],
				[{ hours: 1 }, 'unknown_field', 'hours'],
			];
			for (const [fields, code, field] of cases) {
				const body = report(fields);
				for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
				const r = await srv.anon().post(`/api/v1/public/self-report/${token}`, body);
				assertError(r, 400, code, field, JSON.stringify(fields));
			}
			let r = await srv.anon().post(`/api/v1/public/self-report/${token}`, [report()]);
			assertError(r, 400, 'invalid_body', undefined, 'an array');
			r = await srv.anon().post(`/api/v1/public/self-report/${token}`, undefined, { rawBody: JSON.stringify(report()), contentType: 'text/plain' });
			assertError(r, 415, 'unsupported_media_type', undefined, 'text/plain');
			r = await srv.anon().post(`/api/v1/public/self-report/${token}`, undefined, { rawBody: '{"name":', contentType: 'application/json' });
			assertError(r, 400, 'invalid_json', undefined, 'broken JSON');
			assert.deepEqual(snap(), before);

			// limits are inclusive: 50-character name, 1 and 1440 minutes, 500-character description,
			// today and exactly a year ago
			for (const fields of [
				{ name: '字'.repeat(50), minutes: 1, description: '字'.repeat(500) },
				{ minutes: 1440, service_date: yearAgo(t) },
				{ service_date: shift(yearAgo(t), 1), phone: '19912345678' },
				{ activity_id: ownAct.id, service_date: t },
			]) {
				r = await srv.anon().post(`/api/v1/public/self-report/${token}`, report(fields));
				assert.equal(r.status, 201, `${JSON.stringify(fields).slice(0, 80)}: ${JSON.stringify(r.body)}`);
			}
		});
	});

	/* ================================================================ rate limits ==== */

	describe('rate limits (a server with WENMING_SELF_REPORT_IP_MAX=3, WENMING_SELF_REPORT_LINK_MAX=5)', () => {
		let s2, a2, tokA, tokB;
		const post = (tk, ip, fields = {}) =>
			s2.anon().post(`/api/v1/public/self-report/${tk}`, report(fields), { headers: { 'X-Forwarded-For': ip } });

		before(async () => {
			s2 = await startServer({
				env: { WENMING_SELF_REPORT_IP_MAX: '3', WENMING_SELF_REPORT_LINK_MAX: '5', WENMING_TRUST_PROXY: '1' },
			});
			a2 = await s2.login('admin');
			const ua = await createUnit(a2, { name: uniqueName('限流甲') });
			const ub = await createUnit(a2, { name: uniqueName('限流乙') });
			tokA = (await a2.post(`/api/v1/units/${ua.id}/self-report-link`)).body.token;
			tokB = (await a2.post(`/api/v1/units/${ub.id}/self-report-link`)).body.token;
			assert.ok(tokA && tokB);
		});
		after(async () => {
			await s2?.stop();
		});

		function assert429(r, what, maxSeconds) {
			assertError(r, 429, 'too_many_attempts', null, what);
			const ra = Number(r.headers.get('retry-after'));
			assert.ok(Number.isInteger(ra) && ra > 0 && ra <= maxSeconds, `${what}: Retry-After ${r.headers.get('retry-after')}`);
		}

		it('per client IP: the IP_MAX-th report locks that IP (429 + Retry-After); rejected reports do not count; other IPs go on', async () => {
			// a rejected report first: it must not count
			assertError(await post(tokA, '198.51.100.1', { phone: 'x' }), 400, 'phone', 'phone', 'invalid report');
			for (let i = 0; i < 3; i++) {
				const r = await post(tokA, '198.51.100.1');
				assert.equal(r.status, 201, `report ${i + 1}: ${JSON.stringify(r.body)}`);
			}
			const n = s2.db.count('hour_reports');
			const audits = s2.db.count('audit_log');
			let r = await post(tokA, '198.51.100.1');
			assert429(r, 'fourth report from one IP', 3600);
			r = await post(tokB, '198.51.100.1');
			assert429(r, 'the IP is locked for every link', 3600);
			assert.equal(s2.db.count('hour_reports'), n, 'nothing stored');
			assert.equal(s2.db.count('audit_log'), audits, 'nothing audited');
			// the form itself still opens
			assert.equal((await s2.anon().get(`/api/v1/public/self-report/${tokA}`, { headers: { 'X-Forwarded-For': '198.51.100.1' } })).status, 200);
			// another IP is not affected
			r = await post(tokA, '198.51.100.2');
			assert.equal(r.status, 201, JSON.stringify(r.body));
			assert.equal(s2.db.scalar(`SELECT client_ip FROM hour_reports WHERE id = ${r.body.id}`), '198.51.100.2');
		});

		it('per link: the LINK_MAX-th report of a unit locks its link for everyone (429 + Retry-After); other units go on', async () => {
			// tokA has 4 reports now (3 from .1, 1 from .2): one more reaches LINK_MAX = 5
			const r5 = await post(tokA, '198.51.100.3');
			assert.equal(r5.status, 201, JSON.stringify(r5.body));
			assert.equal(Number(s2.db.scalar(`SELECT count(*) FROM hour_reports h JOIN self_report_links l ON l.unit_id = h.unit_id WHERE l.token = '${tokA}'`)), 5);
			const n = s2.db.count('hour_reports');
			assert429(await post(tokA, '198.51.100.4'), 'sixth report of the link', 86400);
			assert429(await post(tokA, '198.51.100.5'), 'sixth report of the link, yet another IP', 86400);
			assert.equal(s2.db.count('hour_reports'), n);
			const r = await post(tokB, '198.51.100.4');
			assert.equal(r.status, 201, `another unit's link: ${JSON.stringify(r.body)}`);
		});

		it('per link: the limit is per day — an hour after LINK_MAX reports the link is still closed', async () => {
			// make the lock set by the previous test an hour old (as if an hour had passed)
			s2.db.exec(`UPDATE login_throttle SET locked_until = locked_until - 3601, window_start = window_start - 3601 WHERE key = 'sr-link:${tokA.slice(0, 16)}'`);
			const r = await post(tokA, '198.51.100.6');
			assert.equal(r.status, 429, `the sixth report of the day: ${r.status} ${JSON.stringify(r.body)}`);
		});
	});

	/* ================================================================ the review ==== */

	describe('the review', () => {
		let tok1, tokOwn, vA, vB, vX, vLeft, vGone, A;
		const ids = {};

		before(async () => {
			vA = await mkVol(admin, U1.id, { name: `审核甲${marker}`, phone: '138 0099-8877' });
			vB = await mkVol(admin, U1.id, { name: `审核乙${marker}`, phone: '13900002222' });
			await mkVol(admin, U1.id, { name: `同号一${marker}`, phone: '13700007777' });
			await mkVol(admin, U1.id, { name: `同号二${marker}`, phone: '137-0000-7777' });
			// left today: on the roster on the (earlier or same) service date, but no longer active
			vLeft = await mkVol(admin, U1.id, { name: `已退出${marker}`, phone: '13600006666', status: 'left', left_date: today() });
			vGone = await mkVol(admin, U1.id, { name: `早已退出${marker}`, phone: '13600007777', status: 'left', left_date: '2024-01-01' });
			vX = await mkVol(admin, U2.id, { name: `别单位${marker}`, phone: '13500005555' });
			A = await mkAct(admin, U1.id, { activity_date: '2024-05-04' });
			await putServed(admin, A, [{ volunteer_id: vA.id, minutes: 60 }]);
			tok1 = await newLink(admin, U1.id);
			const name = (n) => `${n}${marker}`;
			ids.match = await submit(tok1, { name: name('匹配'), phone: '13800998877', minutes: 90 });
			ids.other = await submit(tok1, { name: name('他单位号'), phone: '13500005555', minutes: 30 });
			ids.twice = await submit(tok1, { name: name('两人同号'), phone: '13700007777', minutes: 30 });
			ids.left = await submit(tok1, { name: name('退出者'), phone: '13600006666', minutes: 30 });
			ids.decline = await submit(tok1, { name: name('待退回'), phone: '13800998877', minutes: 600 });
			ids.stale = await submit(tok1, { name: name('版本'), phone: '13900002222', minutes: 12 });
			tokOwn = await newLink(liaison, ownUnitId);
			ids.own = await submit(tokOwn, { name: name('本单位'), phone: '13811112222', minutes: 45 });
		});

		it('approve by phone match (the roster phone written with spaces and dashes); the hours count only once approved; audited once', async () => {
			assert.equal((await vol(vA.id)).service_minutes, 60, 'a pending report does not count');
			const h = await getReport(ids.match);
			assert.equal(h.status, 'pending');
			const before = snap();
			let r = await admin.post(`/api/v1/hour-reports/${ids.match}/approve`, { version: h.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.deepEqual(Object.keys(r.body).sort(), REPORT_KEYS);
			assert.equal(r.body.status, 'approved');
			assert.equal(r.body.volunteer_id, vA.id);
			assert.equal(r.body.volunteer_name, vA.name);
			assert.equal(r.body.decided_by, admin.user.display_name);
			assert.match(r.body.decided_at, ISO);
			assert.equal(r.body.reason, '');
			assert.equal(r.body.version, 2);
			assert.equal(r.body.phone, '13800998877');
			assert.deepEqual({ ...r.body, status: 'pending', volunteer_id: null, volunteer_name: '', decided_by: null, decided_at: null, version: 1 }, h, 'nothing else moves');
			const e = oneEntry(r, 'admin', 'approve', 'hour_report', ids.match);
			assert.deepEqual(e.before, { status: 'pending' });
			assert.deepEqual(e.after, r.body);
			assert.deepEqual(await getReport(ids.match), r.body);
			assert.deepEqual(srv.db.query(`SELECT status, volunteer_id, decided_by, version FROM hour_reports WHERE id = ${ids.match}`), [['approved', String(vA.id), String(admin.user.id), '2']]);
			const after = snap();
			assert.notDeepEqual(after[2], before[2]);
			const v = await vol(vA.id);
			assert.equal(v.service_minutes, 150, 'served 60 + approved 90');
			assert.equal(v.service_hours, '2.5');

			// deciding twice
			const s = snap();
			r = await admin.post(`/api/v1/hour-reports/${ids.match}/approve`, { version: 2 });
			assertError(r, 409, 'already_decided', 'status', 'approve twice');
			noEntry(r, 'approve twice');
			r = await admin.post(`/api/v1/hour-reports/${ids.match}/decline`, { version: 2, reason: '重复' });
			assertError(r, 409, 'already_decided', 'status', 'decline an approved one');
			r = await admin.post(`/api/v1/hour-reports/${ids.match}/approve`, { version: 1 });
			assertError(r, 409, 'already_decided', 'status', 'approve twice with the old version');
			assert.deepEqual(snap(), s);

			// a volunteer with approved hours cannot be deleted either
			await putServed(admin, A, []);
			r = await admin.delete(`/api/v1/volunteers/${vA.id}?version=${v.version}`);
			assertError(r, 409, 'in_use', null, 'delete a volunteer with approved hours');
			await putServed(admin, A, [{ volunteer_id: vA.id, minutes: 60 }]);
		});

		it('approve without a match → 409 volunteer_unmatched (none, several, only a left volunteer); volunteer_id of another unit → 400; with volunteer_id of the unit → approved', async () => {
			const before = snap();
			for (const [id, what] of [
				[ids.other, 'the phone is on another unit\'s roster only'],
				[ids.twice, 'two volunteers share the phone'],
				[ids.left, 'only a left volunteer has the phone'],
			]) {
				const r = await admin.post(`/api/v1/hour-reports/${id}/approve`, { version: 1 });
				assertError(r, 409, 'volunteer_unmatched', 'volunteer_id', what);
				noEntry(r, what);
			}
			let r = await admin.post(`/api/v1/hour-reports/${ids.other}/approve`, { version: 1, volunteer_id: vX.id });
			assertError(r, 400, 'volunteer_not_in_unit', 'volunteer_id', 'a volunteer of another unit');
			r = await admin.post(`/api/v1/hour-reports/${ids.other}/approve`, { version: 1, volunteer_id: 987654321 });
			assertError(r, 400, 'volunteer_not_in_unit', 'volunteer_id', 'no such volunteer');
			for (const [body, code, field] of [
				[{}, 'required', 'version'],
				[{ version: 0 }, 'out_of_range', 'version'],
				[{ version: '1' }, 'invalid_type', 'version'],
				[{ version: 1, volunteer_id: 0 }, 'out_of_range', 'volunteer_id'],
				[{ version: 1, volunteer_id: String(vB.id) }, 'invalid_type', 'volunteer_id'],
				[{ version: 1, reason: '多余' }, 'unknown_field', 'reason'],
				[{ version: 1, minutes: 10 }, 'unknown_field', 'minutes'],
			]) {
				r = await admin.post(`/api/v1/hour-reports/${ids.other}/approve`, body);
				assertError(r, 400, code, field, JSON.stringify(body));
			}
			assert.deepEqual(snap(), before);
			assert.equal((await vol(vX.id)).service_minutes, 0);

			// the liaison of the unit picks the volunteer: approved for them
			r = await admin.post(`/api/v1/hour-reports/${ids.other}/approve`, { version: 1, volunteer_id: vB.id });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.volunteer_id, vB.id);
			assert.equal(r.body.volunteer_name, vB.name);
			oneEntry(r, 'admin', 'approve', 'hour_report', ids.other);
			assert.equal((await vol(vB.id)).service_minutes, 30);
			// a volunteer who had left before the service date may not be picked: 400, nothing written
			const beforeGone = snap();
			r = await admin.post(`/api/v1/hour-reports/${ids.left}/approve`, { version: 1, volunteer_id: vGone.id });
			assertError(r, 400, 'volunteer_not_active', 'volunteer_id', 'left before the service date');
			assert.deepEqual(snap(), beforeGone);
			// one who left after it (today) may be picked by hand
			r = await admin.post(`/api/v1/hour-reports/${ids.left}/approve`, { version: 1, volunteer_id: vLeft.id });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal((await vol(vLeft.id)).service_minutes, 30);
		});

		it('decline needs a reason (1–200); the declined hours never count; stale version → 409', async () => {
			const before = snap();
			for (const [body, code, field] of [
				[{ version: 1 }, 'required', 'reason'],
				[{ version: 1, reason: '' }, 'required', 'reason'],
				[{ version: 1, reason: '   ' }, 'required', 'reason'],
				[{ version: 1, reason: null }, 'required', 'reason'],
				[{ version: 1, reason: '字'.repeat(201) }, 'too_long', 'reason'],
				[{ version: 1, reason: 5 }, 'invalid_type', 'reason'],
				[{ reason: '无版本' }, 'required', 'version'],
				[{ version: 1, reason: '理由', volunteer_id: vA.id }, 'unknown_field', 'volunteer_id'],
			]) {
				const r = await admin.post(`/api/v1/hour-reports/${ids.decline}/decline`, body);
				assertError(r, 400, code, field, JSON.stringify(body).slice(0, 60));
				noEntry(r, 'decline refused');
			}
			let r = await admin.post(`/api/v1/hour-reports/${ids.decline}/decline`, { version: 2, reason: '过期版本' });
			assertError(r, 409, 'version_conflict', 'version', 'stale decline');
			r = await admin.post(`/api/v1/hour-reports/${ids.stale}/approve`, { version: 2 });
			assertError(r, 409, 'version_conflict', 'version', 'stale approve');
			r = await admin.post('/api/v1/hour-reports/987654321/approve', { version: 1 });
			assertError(r, 404, 'not_found', null, 'no such report');
			r = await admin.post('/api/v1/hour-reports/987654321/decline', { version: 1, reason: '无' });
			assertError(r, 404, 'not_found', null, 'no such report');
			assert.deepEqual(snap(), before);

			const minutesBefore = (await vol(vA.id)).service_minutes;
			r = await admin.post(`/api/v1/hour-reports/${ids.decline}/decline`, { version: 1, reason: ` ${'字'.repeat(198)} ` });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'declined');
			assert.equal(r.body.reason, '字'.repeat(198), 'trimmed (200 characters with the spaces)');
			assert.equal(r.body.volunteer_id, null);
			assert.equal(r.body.volunteer_name, '');
			assert.equal(r.body.decided_by, admin.user.display_name);
			assert.match(r.body.decided_at, ISO);
			assert.equal(r.body.version, 2);
			const e = oneEntry(r, 'admin', 'decline', 'hour_report', ids.decline);
			assert.deepEqual(e.before, { status: 'pending' });
			assert.deepEqual(e.after, r.body);
			assert.equal((await vol(vA.id)).service_minutes, minutesBefore, 'a declined report does not count (same phone as 审核甲)');

			const s = snap();
			r = await admin.post(`/api/v1/hour-reports/${ids.decline}/approve`, { version: 2 });
			assertError(r, 409, 'already_decided', 'status', 'approve a declined one');
			r = await admin.post(`/api/v1/hour-reports/${ids.decline}/decline`, { version: 2, reason: '再退' });
			assertError(r, 409, 'already_decided', 'status', 'decline twice');
			assert.deepEqual(snap(), s);
		});

		it('roles and scope: the liaison decides their own unit\'s reports only; viewer/assessor 403; another region 404', async () => {
			const before = snap();
			for (const [c, code, status] of [
				[leader, 'forbidden', 403],
				[assessor, 'forbidden', 403],
				[liaison, 'not_found', 404],
				[dalad, 'not_found', 404],
			]) {
				assertError(await c.post(`/api/v1/hour-reports/${ids.stale}/approve`, { version: 1 }), status, code, undefined, `${c.user.username} approve`);
				assertError(await c.post(`/api/v1/hour-reports/${ids.stale}/decline`, { version: 1, reason: '越权' }), status, code, undefined, `${c.user.username} decline`);
			}
			assertError(await liaison.get(`/api/v1/hour-reports/${ids.stale}`), 404, 'not_found', null, 'liaison GET another unit');
			assertError(await dalad.get(`/api/v1/hour-reports/${ids.stale}`), 404, 'not_found', null, 'dalad GET');
			assertError(await srv.anon().get(`/api/v1/hour-reports/${ids.stale}`), 401, 'unauthenticated', undefined, 'anonymous GET');
			assertError(await srv.anon().post(`/api/v1/hour-reports/${ids.stale}/approve`, { version: 1 }), 401, 'unauthenticated', undefined, 'anonymous approve');
			assertError(await admin.post(`/api/v1/hour-reports/${ids.stale}/approve`, { version: 1 }, { csrf: false }), 403, 'csrf', undefined, 'no CSRF');
			assert.deepEqual(snap(), before);
			assert.equal((await getReport(ids.stale, leader)).status, 'pending', 'leader reads');
			assert.equal((await getReport(ids.stale, assessor)).status, 'pending', 'assessor reads');

			// the liaison approves their own unit's report; with no roster match they pick the volunteer
			let r = await liaison.post(`/api/v1/hour-reports/${ids.own}/approve`, { version: 1 });
			assertError(r, 409, 'volunteer_unmatched', 'volunteer_id', 'own unit, no match');
			const ov = await mkVol(liaison, ownUnitId, { name: `本单位志愿者${marker}`, phone: '138-1111-2222' });
			r = await liaison.post(`/api/v1/hour-reports/${ids.own}/approve`, { version: 1 });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.volunteer_id, ov.id);
			assert.equal(r.body.decided_by, liaison.user.display_name);
			oneEntry(r, 'liaison', 'approve', 'hour_report', ids.own);
			assert.equal((await vol(ov.id, liaison)).service_minutes, 45);
			assert.equal((await vol(ov.id, liaison)).service_hours, '0.8');
		});

		it('list: pending first (oldest first), then decided (newest first); filters; phones masked for leader and assessor; scope', async () => {
			const mine = [ids.match, ids.other, ids.twice, ids.left, ids.decline, ids.stale];
			const list = async (q, c = admin) => {
				const r = await c.get(`/api/v1/hour-reports?${q}`);
				assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
				assert.equal(r.body.next_cursor, null);
				return r.body;
			};
			// statuses now: match approved, other approved, twice pending, left approved, decline declined, stale pending
			let b = await list(`unit_id=${U1.id}&per_page=100`);
			assert.equal(b.total, 6);
			assert.equal(b.page, 1);
			assert.equal(b.per_page, 100);
			assert.deepEqual(Object.keys(b).sort(), ['items', 'next_cursor', 'page', 'per_page', 'total']);
			assert.deepEqual(b.items.map((x) => x.id), [ids.twice, ids.stale, ids.decline, ids.left, ids.other, ids.match]);
			for (const it of b.items) assert.deepEqual(Object.keys(it).sort(), REPORT_KEYS);
			assert.deepEqual(b.items.find((x) => x.id === ids.match), await getReport(ids.match), 'list row = detail');

			const idsOf = async (q, c) => (await list(q, c)).items.map((x) => x.id);
			assert.deepEqual(await idsOf(`unit_id=${U1.id}&status=pending`), [ids.twice, ids.stale]);
			assert.deepEqual(await idsOf(`unit_id=${U1.id}&status=approved`), [ids.left, ids.other, ids.match]);
			assert.deepEqual(await idsOf(`unit_id=${U1.id}&status=declined`), [ids.decline]);
			assert.deepEqual(await idsOf(`volunteer_id=${vA.id}`), [ids.match]);
			assert.deepEqual(await idsOf(`volunteer_id=${vB.id}&status=approved`), [ids.other]);
			assert.deepEqual(await idsOf(`q=${encodeURIComponent('两人同号' + marker)}`), [ids.twice], 'name contains');
			assert.deepEqual(await idsOf(`q=${encodeURIComponent('同号' + marker)}`), [ids.twice]);
			assert.deepEqual(await idsOf(`unit_id=${U1.id}&q=1370000`), [ids.twice], 'phone prefix');
			assert.deepEqual(await idsOf(`unit_id=${U1.id}&q=0000777`), [], 'phone matches by prefix only');
			assert.deepEqual(await idsOf(`q=${encodeURIComponent(marker)}&region=150622&unit_id=${U1.id}`), [ids.twice, ids.stale, ids.decline, ids.left, ids.other, ids.match]);
			assert.deepEqual(await idsOf(`q=${encodeURIComponent(marker)}&region=150621`), []);
			assert.deepEqual(await idsOf(`unit_id=${U1.id}&per_page=2&page=2`), [ids.decline, ids.left]);
			assert.equal((await list(`unit_id=${U1.id}&per_page=2&page=2`)).total, 6);
			assert.deepEqual(await idsOf(`unit_id=${U1.id}&status=`), [ids.twice, ids.stale, ids.decline, ids.left, ids.other, ids.match], 'empty filter = none');

			// scope: the liaison sees only their own unit's; dalad none of 准格尔旗's
			const own = await list('per_page=100', liaison);
			assert.ok(own.items.length >= 1);
			assert.ok(own.items.every((x) => x.unit_id === ownUnitId), 'liaison: own unit only');
			assert.deepEqual(await idsOf(`unit_id=${U1.id}`, liaison), []);
			assert.ok(!(await list('per_page=100', dalad)).items.some((x) => mine.includes(x.id) || x.unit_id === ownUnitId), 'dalad: none of ours');
			assert.deepEqual(await idsOf(`unit_id=${U1.id}`, dalad), []);

			// phones: whole for admin and liaison, masked for leader and assessor (list and detail)
			for (const [c, whole] of [
				[admin, true],
				[leader, false],
				[assessor, false],
			]) {
				const items = (await list(`unit_id=${U1.id}&per_page=100`, c)).items;
				assert.equal(items.length, 6, c.user.username);
				const t = items.find((x) => x.id === ids.twice);
				assert.equal(t.phone, whole ? '13700007777' : '137****7777', c.user.username);
				assert.equal(t.phone_masked, !whole);
				const d = await getReport(ids.twice, c);
				assert.equal(d.phone, t.phone);
				assert.equal(d.phone_masked, !whole);
				if (!whole) assert.ok(!JSON.stringify(items).includes('13800998877'), `${c.user.username}: no whole phone`);
			}
			const lo = (await list('per_page=100', liaison)).items.find((x) => x.id === ids.own);
			assert.equal(lo.phone, '13811112222');
			assert.equal(lo.phone_masked, false);

			// bad filters
			for (const [q, field, code] of [
				['status=gone', 'status', 'invalid_value'],
				['unit_id=abc', 'unit_id', 'invalid_value'],
				['unit_id=0', 'unit_id', 'invalid_value'],
				['volunteer_id=-1', 'volunteer_id', 'invalid_value'],
				['region=12', 'region', 'region_code'],
				[`q=${encodeURIComponent('字'.repeat(51))}`, 'q', 'too_long'],
				['per_page=101', 'per_page', undefined],
				['page=0', 'page', undefined],
			]) {
				const r = await admin.get(`/api/v1/hour-reports?${q}`);
				assert.equal(r.status, 400, `${q}: ${r.status}`);
				assert.equal(r.body.error.field, field, q);
				if (code) assert.equal(r.body.error.code, code, q);
			}
			assertError(await admin.get('/api/v1/hour-reports/987654321'), 404, 'not_found', null, 'no such report');
			assertError(await srv.anon().get('/api/v1/hour-reports'), 401, 'unauthenticated', undefined, 'anonymous list');
		});

		it('a masked role cannot read a phone back through the q filter', async () => {
			// leader sees 137****7777; a prefix probe must not tell them the hidden digits
			const hit = async (q) => (await leader.get(`/api/v1/hour-reports?unit_id=${U1.id}&q=${q}`)).body.items.some((x) => x.id === ids.twice);
			assert.equal(await hit('1370000'), false, 'the hidden middle digits are confirmed by q');
		});
	});
});
