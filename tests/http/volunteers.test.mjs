// volunteers.test.mjs — the creation ledger (创建台账), slice 3: each unit's volunteer roster
// (志愿者名册). CRUD with versions (409 stale); validation codes and fields (name 1–50, gender,
// phone 7–15 digits, platform id ≤ 40, real dates, status active|left with the left_date rules,
// unknown fields, wrong types); phones whole for admins and the unit's liaison, masked for leaders
// and assessors (list, get and CSV); null/"" clears optional fields; filters and pinyin order; the
// CSV export; every write audited once with the whole phone; a rejected write changes neither the
// roster nor the audit log. Fixtures are made through the API in units of this test. Scope:
// scope.test.mjs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName } from './harness.mjs';

const KEYS = [
	'created_at',
	'gender',
	'id',
	'joined_date',
	'left_date',
	'name',
	'phone',
	'phone_masked',
	'platform_id',
	'remark',
	'service_hours',
	'service_minutes',
	'status',
	'unit_id',
	'unit_name',
	'updated_at',
	'version',
];

describe('volunteers', () => {
	let srv, admin, liaison, leader, assessor;
	let U1, U2, ownUnitId;
	const marker = 'vt' + randomBytes(3).toString('hex');

	function entriesOf(r) {
		const rid = r.headers.get('x-request-id');
		assert.match(rid || '', /^[0-9a-f]{8,}$/, 'X-Request-Id header');
		return srv.db
			.query(`SELECT actor_name, action, entity, entity_id, before_json, after_json FROM audit_log WHERE request_id = '${rid}' ORDER BY id`)
			.map(([actorName, action, entity, entityId, b, a]) => ({
				actorName,
				action,
				entity,
				entityId: String(entityId),
				before: b === null ? null : JSON.parse(b),
				after: a === null ? null : JSON.parse(a),
			}));
	}
	function oneEntry(r, actor, action, id) {
		const es = entriesOf(r);
		assert.equal(es.length, 1, `one audit entry: ${JSON.stringify(es)}`);
		assert.equal(es[0].actorName, actor);
		assert.equal(es[0].action, action);
		assert.equal(es[0].entity, 'volunteer');
		assert.equal(es[0].entityId, String(id));
		return es[0];
	}
	function snap() {
		return srv.db.queryMany([
			'SELECT count(*), max(id), sum(version), max(updated_at) FROM volunteers',
			`SELECT * FROM volunteers WHERE unit_id IN (${U1.id}, ${U2.id}) ORDER BY id`,
			'SELECT count(*), max(id) FROM audit_log',
		]);
	}
	const vol = (fields = {}) => ({ unit_id: U1.id, name: uniqueName('志愿者'), status: 'active', ...fields });
	async function make(client, fields) {
		const r = await client.post('/api/v1/volunteers', vol(fields));
		assert.equal(r.status, 201, JSON.stringify(r.body));
		return r.body;
	}

	before(async () => {
		srv = await startServer();
		[admin, liaison, leader, assessor] = await Promise.all(['admin', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)));
		ownUnitId = liaison.user.unit_id;
		U1 = await createUnit(admin, { name: uniqueName('志愿单位甲') });
		U2 = await createUnit(admin, { name: uniqueName('志愿单位乙') });
	});
	after(async () => {
		await srv?.stop();
	});

	it('create, get, update, delete with versions (409 stale); each write audited once with the whole phone', async () => {
		let r = await admin.post('/api/v1/volunteers', {
			unit_id: U1.id,
			name: '王志愿',
			gender: 'male',
			phone: '138 0013 2345',
			platform_id: `${marker}-001`,
			joined_date: '2023-03-05',
			status: 'active',
			remark: '学雷锋',
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const v = r.body;
		assert.deepEqual(Object.keys(v).sort(), KEYS);
		assert.equal(v.unit_name, U1.name);
		assert.equal(v.phone, '138 0013 2345');
		assert.equal(v.phone_masked, false);
		assert.equal(v.left_date, null);
		assert.equal(v.service_minutes, 0, 'no service yet (hours.test.mjs tests the sums)');
		assert.equal(v.service_hours, '0');
		assert.equal(v.version, 1);
		let e = oneEntry(r, 'admin', 'create', v.id);
		assert.equal(e.before, null);
		assert.equal(e.after.phone, '138 0013 2345');

		r = await admin.get(`/api/v1/volunteers/${v.id}`);
		assert.equal(r.status, 200);
		assert.deepEqual(r.body, v);

		// status defaults to active
		r = await admin.post('/api/v1/volunteers', { unit_id: U1.id, name: '默认状态' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.status, 'active');
		assert.equal(r.body.gender, '');
		assert.equal(r.body.joined_date, null);
		await admin.delete(`/api/v1/volunteers/${r.body.id}?version=1`);

		r = await admin.patch(`/api/v1/volunteers/${v.id}`, { status: 'left', left_date: '2024-06-30', version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.status, 'left');
		assert.equal(r.body.left_date, '2024-06-30');
		assert.equal(r.body.version, 2);
		assert.equal(r.body.name, '王志愿', 'unchanged fields kept');
		e = oneEntry(r, 'admin', 'update', v.id);
		assert.equal(e.before.status, 'active');
		assert.equal(e.after.status, 'left');
		assert.equal(e.after.phone, '138 0013 2345');

		// stale versions change nothing
		const before = snap();
		r = await admin.patch(`/api/v1/volunteers/${v.id}`, { remark: '旧版本', version: 1 });
		assert.equal(r.status, 409);
		assert.equal(r.body.error.code, 'version_conflict');
		r = await admin.delete(`/api/v1/volunteers/${v.id}?version=1`);
		assert.equal(r.status, 409);
		assert.equal(r.body.error.code, 'version_conflict');
		r = await admin.patch(`/api/v1/volunteers/${v.id}`, { remark: '无版本' });
		assert.equal(r.status, 400);
		assert.equal(r.body.error.code, 'version_required');
		r = await admin.delete(`/api/v1/volunteers/${v.id}`);
		assert.equal(r.status, 400);
		assert.equal(r.body.error.code, 'version_required');
		r = await admin.get('/api/v1/volunteers/987654321');
		assert.equal(r.status, 404);
		assert.deepEqual(snap(), before);

		// back to active: the left date must go too
		r = await admin.patch(`/api/v1/volunteers/${v.id}`, { status: 'active', version: 2 });
		assert.equal(r.status, 400);
		assert.equal(r.body.error.code, 'left_date_not_allowed');
		r = await admin.patch(`/api/v1/volunteers/${v.id}`, { status: 'active', left_date: null, version: 2 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.left_date, null);

		r = await admin.delete(`/api/v1/volunteers/${v.id}?version=3`);
		assert.equal(r.status, 204, r.text);
		e = oneEntry(r, 'admin', 'delete', v.id);
		assert.equal(e.after, null);
		assert.equal(e.before.phone, '138 0013 2345');
		assert.equal(srv.db.count('volunteers', `id = ${v.id}`), 0);
		assert.equal((await admin.get(`/api/v1/volunteers/${v.id}`)).status, 404);
	});

	it('the liaison keeps their own unit\'s roster (audited as the liaison)', async () => {
		let r = await liaison.post('/api/v1/volunteers', { unit_id: ownUnitId, name: '联络员登记', phone: '13900001111' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const v = r.body;
		assert.equal(v.phone, '13900001111');
		oneEntry(r, 'liaison', 'create', v.id);
		r = await liaison.patch(`/api/v1/volunteers/${v.id}`, { gender: 'female', version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		oneEntry(r, 'liaison', 'update', v.id);
		r = await liaison.delete(`/api/v1/volunteers/${v.id}?version=2`);
		assert.equal(r.status, 204);
		oneEntry(r, 'liaison', 'delete', v.id);
	});

	it('validation: codes and fields; a rejected write changes neither the roster nor the audit log', async () => {
		const target = await make(admin, { phone: '13800000000' });
		const before = snap();
		const long = (n, ch = '字') => ch.repeat(n);
		const cases = [
			[{ name: undefined }, 'required', 'name'],
			[{ name: '' }, 'required', 'name'],
			[{ name: long(51) }, 'too_long', 'name'],
			[{ unit_id: undefined }, 'required', 'unit_id'],
			[{ unit_id: 0 }, 'out_of_range', 'unit_id'],
			[{ unit_id: '1' }, 'invalid_type', 'unit_id'],
			[{ gender: 'x' }, 'invalid_value', 'gender'],
			[{ gender: 'unknown' }, 'too_long', 'gender'],
			[{ phone: '1380013abcd' }, 'phone', 'phone'],
			[{ phone: '(0477)1234567' }, 'phone', 'phone'],
			[{ phone: '123456' }, 'phone', 'phone'],
			[{ phone: '1234567890123456' }, 'phone', 'phone'],
			[{ phone: '1'.repeat(21) }, 'too_long', 'phone'],
			[{ platform_id: long(41, 'a') }, 'too_long', 'platform_id'],
			[{ joined_date: '2024-02-30' }, 'invalid_date', 'joined_date'],
			[{ joined_date: '2024/01/01' }, 'invalid_date', 'joined_date'],
			[{ status: 'gone' }, 'invalid_value', 'status'],
			[{ status: 'left' }, 'required', 'left_date'],
			[{ status: 'active', left_date: '2024-01-01' }, 'left_date_not_allowed', 'left_date'],
			[{ status: 'left', left_date: '2024-13-01' }, 'invalid_date', 'left_date'],
			[{ status: 'left', joined_date: '2024-05-01', left_date: '2024-04-30' }, 'date_order', 'left_date'],
			[{ remark: long(501) }, 'too_long', 'remark'],
			[{ name: 'a\u0001b' }, 'invalid_characters', 'name'],
			[{ nickname: '小王' }, 'unknown_field', 'nickname'],
			[{ version: 1 }, 'unknown_field', 'version'],
		];
		for (const [fields, code, field] of cases) {
			const body = vol(fields);
			for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
			const r = await admin.post('/api/v1/volunteers', body);
			assert.equal(r.status, 400, `${JSON.stringify(fields)}: ${r.status} ${JSON.stringify(r.body)}`);
			assert.equal(r.body.error.code, code, JSON.stringify(fields));
			assert.equal(r.body.error.field, field, JSON.stringify(fields));
		}
		// the same on PATCH (no version/unit_id cases)
		for (const [fields, code, field] of cases.slice(1)) {
			if ('unit_id' in fields || 'version' in fields || 'name' in fields && fields.name === undefined) continue;
			const r = await admin.patch(`/api/v1/volunteers/${target.id}`, { ...fields, version: target.version });
			assert.equal(r.status, 400, `PATCH ${JSON.stringify(fields)}: ${r.status} ${JSON.stringify(r.body)}`);
			assert.equal(r.body.error.code, code, `PATCH ${JSON.stringify(fields)}`);
			assert.equal(r.body.error.field, field, `PATCH ${JSON.stringify(fields)}`);
		}
		let r = await admin.post('/api/v1/volunteers', vol({ unit_id: 987654321 }));
		assert.equal(r.status, 404);
		assert.equal(r.body.error.code, 'unit_not_found');
		r = await admin.post('/api/v1/volunteers', [1]);
		assert.equal(r.status, 400);
		assert.deepEqual(snap(), before);

		// limits are inclusive; dates equal are in order; 7 and 15 digits are phones
		for (const fields of [
			{ name: long(50), platform_id: long(40, 'b'), remark: long(500) },
			{ phone: '1234567' },
			{ phone: '+86 123-4567-8901 23' },
			{ status: 'left', joined_date: '2024-02-29', left_date: '2024-02-29' },
		]) {
			r = await admin.post('/api/v1/volunteers', vol(fields));
			assert.equal(r.status, 201, `${JSON.stringify(fields)}: ${JSON.stringify(r.body)}`);
			await admin.delete(`/api/v1/volunteers/${r.body.id}?version=1`);
		}
	});

	it('PATCH: null or "" clears the optional fields; null leaves name and status', async () => {
		const v = await make(admin, { gender: 'female', phone: '13812345678', platform_id: 'P-1', joined_date: '2020-01-01', remark: '备注' });
		let r = await admin.patch(`/api/v1/volunteers/${v.id}`, { gender: null, phone: '', platform_id: null, joined_date: '', remark: null, name: null, status: null, version: v.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.gender, '');
		assert.equal(r.body.phone, '');
		assert.equal(r.body.phone_masked, false);
		assert.equal(r.body.platform_id, '');
		assert.equal(r.body.joined_date, null);
		assert.equal(r.body.remark, '');
		assert.equal(r.body.name, v.name);
		assert.equal(r.body.status, 'active');
		const row = srv.db.query(`SELECT gender, phone, platform_id, joined_date, remark FROM volunteers WHERE id = ${v.id}`)[0];
		assert.deepEqual(row, ['', '', '', null, '']);
		r = await admin.patch(`/api/v1/volunteers/${v.id}`, { name: '', version: r.body.version });
		assert.equal(r.status, 400);
		assert.equal(r.body.error.code, 'required');
	});

	it('phones: whole for admin and liaison, masked for leader and assessor (list, get, CSV)', async () => {
		const mk = async (phone) => (await liaison.post('/api/v1/volunteers', { unit_id: ownUnitId, name: uniqueName('电话'), phone, platform_id: `${marker}-ph` })).body;
		const cases = [
			['13800132345', '138****2345'],
			['0477-8123456', '****56'], // a landline: only mobiles keep their first three digits
			['+86 138 0013 2345', '****45'],
			['1234567', '****67'],
			['', ''],
		];
		const made = [];
		for (const [phone, masked] of cases) made.push({ v: await mk(phone), phone, masked });
		for (const [c, whole] of [
			[admin, true],
			[liaison, true],
			[leader, false],
			[assessor, false],
		]) {
			const who = c.user.username;
			const list = (await c.get(`/api/v1/volunteers?q=${marker}-ph&per_page=100`)).body.items;
			assert.equal(list.length, cases.length, who);
			for (const { v, phone, masked } of made) {
				const want = whole ? phone : masked;
				const got = await c.get(`/api/v1/volunteers/${v.id}`);
				assert.equal(got.status, 200);
				assert.equal(got.body.phone, want, `${who} GET ${phone}`);
				assert.equal(got.body.phone_masked, !whole, `${who} phone_masked`);
				const li = list.find((x) => x.id === v.id);
				assert.equal(li.phone, want, `${who} list ${phone}`);
				assert.equal(li.phone_masked, !whole);
			}
			const csv = await c.get(`/api/v1/volunteers?q=${marker}-ph&format=csv`);
			assert.equal(csv.status, 200);
			for (const { v, phone, masked } of made) {
				const line = csv.text.split('\r\n').find((l) => l.includes(v.name));
				assert.ok(line, `${who} CSV has ${v.name}`);
				const cell = phone.startsWith('+') && whole ? `"'${phone}"` : whole ? phone : masked;
				assert.ok(line.split(',')[3] === cell, `${who} CSV phone ${line}`);
				if (!whole && phone) assert.ok(!line.includes(phone), `${who} CSV leaks ${phone}`);
			}
			if (!whole) assert.ok(!csv.text.includes('13800132345'), `${who} CSV leaks a whole phone`);
		}
		// the audit keeps the whole phone even though the leader would see it masked
		const e = srv.db.scalar(`SELECT after_json FROM audit_log WHERE entity = 'volunteer' AND entity_id = '${made[0].v.id}' AND action = 'create'`);
		assert.equal(JSON.parse(e).phone, '13800132345');
	});

	it('filters (unit_id, status, q on name and platform id prefix, region) and pinyin order within a unit', async () => {
		const names = ['张三', '阿明', '王五', '李四', '陈晨'];
		const made = {};
		for (const n of names) made[n] = await make(admin, { unit_id: U2.id, name: `${n}${marker}`, platform_id: `PF${marker}${n === '李四' ? 'X' : ''}` });
		await admin.patch(`/api/v1/volunteers/${made['王五'].id}`, { status: 'left', left_date: '2024-01-01', version: 1 });
		const ids = async (q) => {
			const r = await admin.get(`/api/v1/volunteers?${q}&per_page=100`);
			assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
			assert.equal(r.body.total, r.body.items.length);
			return r.body.items.map((v) => v.name.replace(marker, ''));
		};
		assert.deepEqual(await ids(`unit_id=${U2.id}`), ['阿明', '陈晨', '李四', '王五', '张三']);
		assert.deepEqual(await ids(`unit_id=${U2.id}&status=left`), ['王五']);
		assert.deepEqual(await ids(`unit_id=${U2.id}&status=active`), ['阿明', '陈晨', '李四', '张三']);
		assert.deepEqual(await ids(`q=${encodeURIComponent('李四' + marker)}`), ['李四']);
		assert.deepEqual(await ids(`q=${encodeURIComponent(marker)}&unit_id=${U2.id}`), ['阿明', '陈晨', '李四', '王五', '张三'], 'name contains');
		assert.deepEqual(await ids(`q=PF${marker}X`), ['李四'], 'platform id prefix');
		assert.deepEqual(await ids(`q=${marker.slice(2)}X`), [], 'platform id matches by prefix only');
		assert.deepEqual(await ids(`q=${encodeURIComponent(marker)}&region=150622&unit_id=${U2.id}`), ['阿明', '陈晨', '李四', '王五', '张三']);
		assert.deepEqual(await ids(`q=${encodeURIComponent(marker)}&region=150621`), []);
		const page = await admin.get(`/api/v1/volunteers?unit_id=${U2.id}&per_page=2&page=2`);
		assert.equal(page.body.total, 5);
		assert.deepEqual(page.body.items.map((v) => v.name.replace(marker, '')), ['李四', '王五']);
		for (const [q, field] of [
			['unit_id=abc', 'unit_id'],
			['unit_id=0', 'unit_id'],
			['status=gone', 'status'],
			['region=12', 'region'],
			[`q=${'字'.repeat(51)}`, 'q'],
			['per_page=101', 'per_page'],
			['format=xls', 'format'],
		]) {
			const r = await admin.get(`/api/v1/volunteers?${encodeURI(q)}`);
			assert.equal(r.status, 400, q);
			assert.equal(r.body.error.field, field, q);
		}
	});

	it('format=csv: BOM, Chinese header, the rows in order, formulas neutralised', async () => {
		const U3 = await createUnit(admin, { name: uniqueName('志愿导出') });
		await make(admin, { unit_id: U3.id, name: '=cmd|\' /C calc\'!A0', gender: 'female', phone: '13800132345', platform_id: '@SUM(1)', joined_date: '2021-01-01', remark: '+1,2' });
		await make(admin, { unit_id: U3.id, name: '白云', gender: 'male', status: 'left', joined_date: '2021-01-01', left_date: '2022-02-02', remark: '说"好"' });
		const r = await admin.get(`/api/v1/volunteers?unit_id=${U3.id}&format=csv`);
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'), /^text\/csv/);
		assert.match(r.headers.get('content-disposition') || '', /attachment/);
		assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
		const lines = r.text.slice(1).split('\r\n').filter(Boolean);
		assert.equal(lines[0], '单位名称,姓名,性别,联系电话,志愿服务平台编号,加入日期,状态,退出日期,服务时长(小时),备注');
		assert.equal(lines.length, 3);
		// pinyin: 白 (bai) before the formula-looking name? '=' sorts before letters, so check by content
		const evil = lines.find((l) => l.includes('cmd'));
		const bai = lines.find((l) => l.includes('白云'));
		assert.equal(evil, `${U3.name},"'=cmd|' /C calc'!A0",女,13800132345,"'@SUM(1)",2021-01-01,在册,,0,"'+1,2"`);
		assert.equal(bai, `${U3.name},白云,男,,,2021-01-01,已退出,2022-02-02,0,"说""好"""`);
		const json = (await admin.get(`/api/v1/volunteers?unit_id=${U3.id}`)).body.items.map((v) => v.name);
		assert.deepEqual(lines.slice(1).map((l) => (l.includes('白云') ? '白云' : "=cmd|' /C calc'!A0")), json, 'CSV in list order');
	});
});
