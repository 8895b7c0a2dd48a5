// exemplars.test.mjs — the creation ledger (创建台账), slice 4: exemplars (先进典型) and each unit's
// 善行义举四德榜 (/exemplars/board). CRUD with versions (409 stale); every validation code with its
// field (kind, name 1–50, level, year 1949..next year, virtue, deeds ≤ 2000, unknown fields, wrong
// types); null/"" clears the optional fields; filters (unit_id, kind, level, year, region, q) and
// the order (year ↓, then name in pinyin, then id); the CSV export; the board (always five groups in
// the order 社会公德, 职业道德, 家庭美德, 个人品德, 其他); every write audited once; a rejected write
// changes neither the exemplars nor the audit log; an admin keeps only their region's and a liaison
// only their own unit's exemplars; viewers and assessors read only; merged/dissolved units get no new
// exemplars. Fixtures are made through the API in units of this test.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName } from './harness.mjs';

const KEYS = [
	'created_at',
	'deeds',
	'id',
	'kind',
	'kind_label',
	'level',
	'level_label',
	'name',
	'unit_id',
	'unit_name',
	'updated_at',
	'version',
	'virtue',
	'virtue_label',
	'year',
];
const KIND_LABELS = {
	moral_model: '道德模范',
	moral_model_collective: '道德模范集体',
	good_person: '身边好人',
	excellent_staff: '优秀员工/先进工作者',
	excellent_volunteer: '优秀志愿者',
	civilized_family: '文明家庭',
};
const LEVEL_LABELS = { unit: '本单位', banner: '旗县级', city: '市级', region: '自治区级', nation: '全国' };
const VIRTUE_LABELS = { social: '社会公德', professional: '职业道德', family: '家庭美德', personal: '个人品德', '': '' };
const BOARD = [
	['social', '社会公德'],
	['professional', '职业道德'],
	['family', '家庭美德'],
	['personal', '个人品德'],
	['', '其他'],
];
// the offices' year (UTC+8)
const THIS_YEAR = Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4));

describe('exemplars', () => {
	let srv, admin, liaison, leader, assessor;
	let U1, U2, ownUnitId;
	const marker = 'ex' + randomBytes(3).toString('hex');

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
		assert.equal(es[0].entity, 'exemplar');
		assert.equal(es[0].entityId, String(id));
		return es[0];
	}
	function snap() {
		return srv.db.queryMany([
			'SELECT count(*), max(id), sum(version), max(updated_at) FROM exemplars',
			`SELECT * FROM exemplars WHERE unit_id IN (${U1.id}, ${U2.id}, ${ownUnitId}) ORDER BY id`,
			'SELECT count(*), max(id) FROM audit_log',
		]);
	}
	const ex = (fields = {}) => ({ unit_id: U1.id, kind: 'good_person', name: uniqueName('典型'), level: 'banner', year: 2024, ...fields });
	async function make(client, fields) {
		const r = await client.post('/api/v1/exemplars', ex(fields));
		assert.equal(r.status, 201, JSON.stringify(r.body));
		return r.body;
	}
	async function expectError(r, status, code, field, what) {
		assert.equal(r.status, status, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(r.body.error.code, code, what);
		if (field !== undefined) assert.equal(r.body.error.field, field, what);
		assert.match(r.body.error.message, /[\u4e00-\u9fff]/, `${what}: Chinese message`);
	}

	before(async () => {
		srv = await startServer();
		[admin, liaison, leader, assessor] = await Promise.all(['admin', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)));
		ownUnitId = liaison.user.unit_id;
		U1 = await createUnit(admin, { name: uniqueName('典型单位甲') });
		U2 = await createUnit(admin, { name: uniqueName('典型单位乙') });
	});
	after(async () => {
		await srv?.stop();
	});

	it('create, get, update, delete with versions (409 stale); each write audited once', async () => {
		let r = await admin.post('/api/v1/exemplars', {
			unit_id: U1.id,
			kind: 'moral_model',
			name: '王好人',
			level: 'city',
			year: 2023,
			virtue: 'social',
			deeds: '  见义勇为，勇救落水儿童。 ',
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const x = r.body;
		assert.deepEqual(Object.keys(x).sort(), KEYS);
		assert.equal(x.unit_name, U1.name);
		assert.equal(x.kind_label, '道德模范');
		assert.equal(x.level_label, '市级');
		assert.equal(x.virtue_label, '社会公德');
		assert.equal(x.year, 2023);
		assert.equal(x.deeds, '见义勇为，勇救落水儿童。', 'texts are trimmed');
		assert.equal(x.version, 1);
		assert.match(x.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		let e = oneEntry(r, 'admin', 'create', x.id);
		assert.equal(e.before, null);
		assert.equal(e.after.name, '王好人');

		r = await admin.get(`/api/v1/exemplars/${x.id}`);
		assert.equal(r.status, 200);
		assert.deepEqual(r.body, x);

		// virtue and deeds are optional
		r = await admin.post('/api/v1/exemplars', { unit_id: U1.id, kind: 'civilized_family', name: '李家', level: 'unit', year: 2024 });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.virtue, '');
		assert.equal(r.body.virtue_label, '');
		assert.equal(r.body.deeds, '');
		assert.equal((await admin.delete(`/api/v1/exemplars/${r.body.id}?version=1`)).status, 204);

		r = await admin.patch(`/api/v1/exemplars/${x.id}`, { level: 'nation', year: 2024, virtue: 'family', version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.level, 'nation');
		assert.equal(r.body.level_label, '全国');
		assert.equal(r.body.virtue_label, '家庭美德');
		assert.equal(r.body.year, 2024);
		assert.equal(r.body.version, 2);
		assert.equal(r.body.name, '王好人', 'unchanged fields kept');
		assert.equal(r.body.kind, 'moral_model');
		e = oneEntry(r, 'admin', 'update', x.id);
		assert.equal(e.before.level, 'city');
		assert.equal(e.after.level, 'nation');

		// stale or missing versions change nothing
		const before = snap();
		r = await admin.patch(`/api/v1/exemplars/${x.id}`, { deeds: '旧版本', version: 1 });
		await expectError(r, 409, 'version_conflict', undefined, 'stale PATCH');
		r = await admin.delete(`/api/v1/exemplars/${x.id}?version=1`);
		await expectError(r, 409, 'version_conflict', undefined, 'stale DELETE');
		r = await admin.patch(`/api/v1/exemplars/${x.id}`, { deeds: '无版本' });
		await expectError(r, 400, 'version_required', undefined, 'PATCH without version');
		r = await admin.delete(`/api/v1/exemplars/${x.id}`);
		await expectError(r, 400, 'version_required', undefined, 'DELETE without version');
		for (const [m, body] of [
			['get', undefined],
			['patch', { deeds: 'x', version: 1 }],
		]) {
			r = await admin[m]('/api/v1/exemplars/987654321', body);
			assert.equal(r.status, 404, m);
			assert.equal(r.body.error.code, 'not_found');
		}
		r = await admin.delete('/api/v1/exemplars/987654321?version=1');
		assert.equal(r.status, 404);
		assert.deepEqual(snap(), before);

		r = await admin.delete(`/api/v1/exemplars/${x.id}?version=2`);
		assert.equal(r.status, 204, r.text);
		e = oneEntry(r, 'admin', 'delete', x.id);
		assert.equal(e.after, null);
		assert.equal(e.before.level, 'nation');
		assert.equal(srv.db.count('exemplars', `id = ${x.id}`), 0);
		assert.equal((await admin.get(`/api/v1/exemplars/${x.id}`)).status, 404);
	});

	it('every kind, level and virtue is accepted and labelled', async () => {
		for (const [kind, label] of Object.entries(KIND_LABELS)) {
			const x = await make(admin, { kind });
			assert.equal(x.kind_label, label);
			await admin.delete(`/api/v1/exemplars/${x.id}?version=1`);
		}
		for (const [level, label] of Object.entries(LEVEL_LABELS)) {
			const x = await make(admin, { level });
			assert.equal(x.level_label, label);
			await admin.delete(`/api/v1/exemplars/${x.id}?version=1`);
		}
		for (const [virtue, label] of Object.entries(VIRTUE_LABELS)) {
			const x = await make(admin, { virtue });
			assert.equal(x.virtue, virtue);
			assert.equal(x.virtue_label, label);
			await admin.delete(`/api/v1/exemplars/${x.id}?version=1`);
		}
	});

	it('validation: codes and fields; a rejected write changes neither the exemplars nor the audit log', async () => {
		const target = await make(admin, { virtue: 'social', deeds: '事迹' });
		const before = snap();
		const long = (n, ch = '字') => ch.repeat(n);
		const cases = [
			[{ unit_id: undefined }, 'required', 'unit_id'],
			[{ kind: undefined }, 'required', 'kind'],
			[{ name: undefined }, 'required', 'name'],
			[{ level: undefined }, 'required', 'level'],
			[{ year: undefined }, 'required', 'year'],
			[{ kind: '' }, 'required', 'kind'],
			[{ name: '' }, 'required', 'name'],
			[{ name: '   ' }, 'required', 'name'],
			[{ level: '' }, 'required', 'level'],
			[{ kind: 'hero' }, 'invalid_kind', 'kind'],
			[{ kind: 'MORAL_MODEL' }, 'invalid_kind', 'kind'],
			[{ level: 'province' }, 'invalid_level', 'level'],
			[{ year: 1948 }, 'invalid_year', 'year'],
			[{ year: THIS_YEAR + 2 }, 'invalid_year', 'year'],
			[{ year: -2024 }, 'invalid_year', 'year'],
			[{ year: 99999999999 }, 'invalid_year', 'year'],
			[{ virtue: 'public' }, 'invalid_virtue', 'virtue'],
			[{ virtue: '社会公德' }, 'invalid_virtue', 'virtue'],
			[{ name: long(51) }, 'too_long', 'name'],
			[{ deeds: long(2001) }, 'too_long', 'deeds'],
			[{ kind: long(33, 'a') }, 'too_long', 'kind'],
			[{ name: 'a\u0001b' }, 'invalid_characters', 'name'],
			[{ deeds: 'a\u007fb' }, 'invalid_characters', 'deeds'],
			[{ unit_id: 0 }, 'out_of_range', 'unit_id'],
			[{ unit_id: '1' }, 'invalid_type', 'unit_id'],
			[{ year: '2024' }, 'invalid_type', 'year'],
			[{ year: 2024.5 }, 'invalid_type', 'year'],
			[{ kind: 1 }, 'invalid_type', 'kind'],
			[{ virtue: true }, 'invalid_type', 'virtue'],
			[{ title: '道德模范' }, 'unknown_field', 'title'],
			[{ version: 1 }, 'unknown_field', 'version'],
		];
		for (const [fields, code, field] of cases) {
			const body = ex(fields);
			for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
			const r = await admin.post('/api/v1/exemplars', body);
			await expectError(r, 400, code, field, `POST ${JSON.stringify(fields).slice(0, 80)}`);
		}
		// the same on PATCH (fields left out or null mean "unchanged" there)
		for (const [fields, code, field] of cases) {
			if (Object.values(fields).some((v) => v === undefined) || 'version' in fields) continue;
			const r = await admin.patch(`/api/v1/exemplars/${target.id}`, { ...fields, version: target.version });
			await expectError(r, 400, code, field, `PATCH ${JSON.stringify(fields).slice(0, 80)}`);
		}
		let r = await admin.post('/api/v1/exemplars', ex({ unit_id: 987654321 }));
		await expectError(r, 404, 'unit_not_found', 'unit_id', 'unknown unit');
		r = await admin.patch(`/api/v1/exemplars/${target.id}`, { unit_id: 987654321, version: target.version });
		await expectError(r, 404, 'unit_not_found', 'unit_id', 'PATCH unknown unit');
		r = await admin.post('/api/v1/exemplars', [1]);
		assert.equal(r.status, 400);
		r = await admin.post('/api/v1/exemplars', undefined, { rawBody: '{"kind":', contentType: 'application/json' });
		assert.equal(r.status, 400);
		assert.deepEqual(snap(), before);

		// limits are inclusive: 50 characters of name, 2000 of deeds, 1949 and next year
		for (const fields of [
			{ name: long(50), deeds: long(2000) },
			{ year: 1949 },
			{ year: THIS_YEAR + 1 },
			{ name: '𠀀'.repeat(50) }, // characters, not UTF-16 units or bytes
		]) {
			r = await admin.post('/api/v1/exemplars', ex(fields));
			assert.equal(r.status, 201, `${JSON.stringify(fields).slice(0, 60)}: ${JSON.stringify(r.body)}`);
			await admin.delete(`/api/v1/exemplars/${r.body.id}?version=1`);
		}
	});

	it('PATCH: null or "" clears virtue and deeds; null leaves unit, kind, name, level and year', async () => {
		const x = await make(admin, { virtue: 'personal', deeds: '事迹' });
		let r = await admin.patch(`/api/v1/exemplars/${x.id}`, { virtue: null, deeds: '', unit_id: null, kind: null, name: null, level: null, year: null, version: x.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.virtue, '');
		assert.equal(r.body.virtue_label, '');
		assert.equal(r.body.deeds, '');
		for (const k of ['unit_id', 'kind', 'name', 'level', 'year']) assert.equal(r.body[k], x[k], k);
		const row = srv.db.query(`SELECT virtue, deeds FROM exemplars WHERE id = ${x.id}`)[0];
		assert.deepEqual(row, ['', '']);
		r = await admin.patch(`/api/v1/exemplars/${x.id}`, { virtue: 'social', version: r.body.version });
		assert.equal(r.status, 200);
		r = await admin.patch(`/api/v1/exemplars/${x.id}`, { virtue: '', version: r.body.version });
		assert.equal(r.status, 200);
		assert.equal(r.body.virtue, '');
		// the name is kept in the pinyin key too: a rename moves the row
		r = await admin.patch(`/api/v1/exemplars/${x.id}`, { name: '改名后', version: r.body.version });
		assert.equal(r.status, 200);
		assert.equal(r.body.name, '改名后');
	});

	it('filters (unit_id, kind, level, year, region, q on name and deeds) and the order: year ↓, name in pinyin, id', async () => {
		const U = await createUnit(admin, { name: uniqueName('典型排序') });
		const marker = 'exf' + randomBytes(3).toString('hex');
		const rows = [
			['张三', 2023, 'good_person', 'banner', ''],
			['阿明', 2023, 'moral_model', 'city', ''],
			['王五', 2024, 'good_person', 'nation', `${marker}事迹`],
			['李四', 2023, 'excellent_staff', 'banner', ''],
			['陈晨', 2024, 'excellent_volunteer', 'unit', ''],
			['白云', 2022, 'good_person', 'banner', ''],
		];
		const made = {};
		for (const [n, year, kind, level, deeds] of rows) made[n] = await make(admin, { unit_id: U.id, name: `${n}${marker}`, year, kind, level, deeds });
		// a second 阿明 in 2023: same name, ordered by id
		const twin = await make(admin, { unit_id: U.id, name: `阿明${marker}`, year: 2023 });
		const names = async (q, client = admin) => {
			const r = await client.get(`/api/v1/exemplars?${q}&per_page=100`);
			assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
			assert.equal(r.body.total, r.body.items.length);
			assert.equal(r.body.next_cursor, null);
			return r.body.items.map((x) => x.name.replace(marker, ''));
		};
		assert.deepEqual(await names(`unit_id=${U.id}`), ['陈晨', '王五', '阿明', '阿明', '李四', '张三', '白云']);
		const list = (await admin.get(`/api/v1/exemplars?unit_id=${U.id}&per_page=100`)).body.items;
		assert.deepEqual(list.filter((x) => x.name.startsWith('阿明')).map((x) => x.id), [made['阿明'].id, twin.id], 'same name: by id');
		assert.deepEqual(await names(`unit_id=${U.id}&year=2023`), ['阿明', '阿明', '李四', '张三']);
		assert.deepEqual(await names(`unit_id=${U.id}&kind=good_person`), ['王五', '阿明', '张三', '白云']);
		assert.deepEqual(await names(`unit_id=${U.id}&level=banner`), ['阿明', '李四', '张三', '白云']);
		assert.deepEqual(await names(`unit_id=${U.id}&kind=good_person&level=banner&year=2023`), ['阿明', '张三']);
		assert.deepEqual(await names(`q=${encodeURIComponent('李四' + marker)}`), ['李四'], 'q: name');
		assert.deepEqual(await names(`q=${encodeURIComponent(marker + '事迹')}`), ['王五'], 'q: deeds');
		assert.deepEqual(await names(`q=${encodeURIComponent('%')}&unit_id=${U.id}`), [], 'q: % is literal');
		assert.deepEqual(await names(`q=${marker}&region=150622&year=2024`), ['陈晨', '王五']);
		assert.deepEqual(await names(`q=${marker}&region=150621`), []);
		assert.deepEqual(await names(`unit_id=${U.id}&kind=&level=&year=&region=&q=`), ['陈晨', '王五', '阿明', '阿明', '李四', '张三', '白云'], 'empty filters are no filters');
		const page = await admin.get(`/api/v1/exemplars?unit_id=${U.id}&per_page=2&page=2`);
		assert.equal(page.body.total, 7);
		assert.equal(page.body.page, 2);
		assert.equal(page.body.per_page, 2);
		assert.deepEqual(page.body.items.map((x) => x.name.replace(marker, '')), ['阿明', '阿明']);
		for (const [q, field] of [
			['unit_id=abc', 'unit_id'],
			['unit_id=0', 'unit_id'],
			['kind=hero', 'kind'],
			['level=province', 'level'],
			['year=1948', 'year'],
			['year=20x4', 'year'],
			['region=12', 'region'],
			[`q=${'字'.repeat(51)}`, 'q'],
			['per_page=101', 'per_page'],
			['page=0', 'page'],
			['format=xls', 'format'],
		]) {
			const r = await admin.get(`/api/v1/exemplars?${encodeURI(q)}`);
			assert.equal(r.status, 400, q);
			assert.equal(r.body.error.field, field, q);
		}
	});

	it('format=csv: BOM, Chinese header, the rows in list order, formulas neutralised', async () => {
		const U3 = await createUnit(admin, { name: uniqueName('典型导出') });
		await make(admin, { unit_id: U3.id, name: '=cmd|\' /C calc\'!A0', kind: 'moral_model', level: 'nation', year: 2022, virtue: 'social', deeds: '+1,2' });
		await make(admin, { unit_id: U3.id, name: '白云', kind: 'civilized_family', level: 'unit', year: 2024, deeds: '说"好"\n第二行' });
		const r = await admin.get(`/api/v1/exemplars?unit_id=${U3.id}&format=csv`);
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'), /^text\/csv/);
		assert.match(r.headers.get('content-disposition') || '', /attachment/);
		assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
		const text = r.text.slice(1);
		assert.ok(text.startsWith('单位名称,姓名或名称,类别,表彰级别,年度,四德,主要事迹\r\n'), text.slice(0, 80));
		assert.equal(
			text,
			'单位名称,姓名或名称,类别,表彰级别,年度,四德,主要事迹\r\n' +
				`${U3.name},白云,文明家庭,本单位,2024,,"说""好""\n第二行"\r\n` +
				`${U3.name},"'=cmd|' /C calc'!A0",道德模范,全国,2022,社会公德,"'+1,2"\r\n`,
		);
		// the filters apply to the export as to the list
		const one = await admin.get(`/api/v1/exemplars?unit_id=${U3.id}&year=2022&format=csv`);
		assert.equal(one.text.slice(1).trim().split('\r\n').length, 2);
		// the viewer exports as well
		assert.equal((await leader.get(`/api/v1/exemplars?unit_id=${U3.id}&format=csv`)).text, r.text);
		// the same export as .xlsx (a zip), named in Chinese with an ASCII fallback
		const x = await admin.get(`/api/v1/exemplars?unit_id=${U3.id}&format=xlsx`);
		assert.equal(x.status, 200);
		assert.match(x.headers.get('content-type'), /spreadsheetml\.sheet/);
		assert.equal(x.raw.subarray(0, 2).toString('latin1'), 'PK');
		assert.match(x.headers.get('content-disposition') || '', /exemplars\.xlsx/);
		assert.match(r.headers.get('content-disposition') || '', /exemplars\.csv/);
	});

	it('the board (四德榜): five groups in order, items by virtue (year ↓, pinyin), year filter, errors', async () => {
		const U = await createUnit(admin, { name: uniqueName('四德榜单位') });
		// an empty board still has all five groups
		let r = await admin.get(`/api/v1/exemplars/board?unit_id=${U.id}`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.deepEqual(r.body, {
			unit_id: U.id,
			unit_name: U.name,
			year: null,
			total: 0,
			groups: BOARD.map(([virtue, label]) => ({ virtue, label, items: [] })),
		});
		const rows = [
			['张敬业', 'professional', 2024],
			['李敬业', 'professional', 2024],
			['王孝老', 'family', 2023],
			['赵公德', 'social', 2024],
			['钱诚信', 'personal', 2022],
			['孙无类', '', 2024],
			['白无类', '', 2023],
			['陈公德', 'social', 2023],
		];
		const made = {};
		for (const [name, virtue, year] of rows) made[name] = await make(admin, { unit_id: U.id, name, virtue, year });
		// another unit's exemplar never shows on this board
		await make(admin, { unit_id: U2.id, name: '外单位', virtue: 'social', year: 2024 });
		r = await admin.get(`/api/v1/exemplars/board?unit_id=${U.id}`);
		assert.equal(r.status, 200);
		const b = r.body;
		assert.deepEqual(Object.keys(b).sort(), ['groups', 'total', 'unit_id', 'unit_name', 'year']);
		assert.equal(b.total, rows.length);
		assert.equal(b.year, null);
		assert.deepEqual(b.groups.map((g) => [g.virtue, g.label]), BOARD);
		assert.deepEqual(
			b.groups.map((g) => g.items.map((x) => x.name)),
			[['赵公德', '陈公德'], ['李敬业', '张敬业'], ['王孝老'], ['钱诚信'], ['孙无类', '白无类']],
		);
		// items are as in the list
		const inList = (await admin.get(`/api/v1/exemplars?unit_id=${U.id}&per_page=100`)).body.items;
		assert.deepEqual(b.groups[0].items[0], inList.find((x) => x.id === made['赵公德'].id));
		assert.deepEqual(Object.keys(b.groups[4].items[0]).sort(), KEYS);
		// the year narrows every group
		r = await admin.get(`/api/v1/exemplars/board?unit_id=${U.id}&year=2024`);
		assert.equal(r.body.year, 2024);
		assert.equal(r.body.total, 4);
		assert.deepEqual(r.body.groups.map((g) => g.items.map((x) => x.name)), [['赵公德'], ['李敬业', '张敬业'], [], [], ['孙无类']]);
		r = await admin.get(`/api/v1/exemplars/board?unit_id=${U.id}&year=2000`);
		assert.equal(r.body.total, 0);
		assert.equal(r.body.groups.length, 5);
		// every role reads the board of a unit in its scope
		for (const c of [leader, assessor]) assert.deepEqual((await c.get(`/api/v1/exemplars/board?unit_id=${U.id}`)).body, b);
		// errors
		await expectError(await admin.get('/api/v1/exemplars/board'), 400, 'required', 'unit_id', 'board without unit');
		await expectError(await admin.get('/api/v1/exemplars/board?unit_id='), 400, 'required', 'unit_id', 'board with empty unit');
		await expectError(await admin.get('/api/v1/exemplars/board?unit_id=abc'), 400, 'invalid_value', 'unit_id', 'board unit abc');
		await expectError(await admin.get(`/api/v1/exemplars/board?unit_id=${U.id}&year=1900`), 400, 'invalid_value', 'year', 'board year 1900');
		await expectError(await admin.get('/api/v1/exemplars/board?unit_id=987654321'), 404, 'unit_not_found', 'unit_id', 'board of no unit');
		await expectError(await liaison.get(`/api/v1/exemplars/board?unit_id=${U.id}`), 404, 'unit_not_found', 'unit_id', 'liaison board of another unit');
	});

	it('the liaison keeps only their own unit\'s exemplars (audited as the liaison); 404 elsewhere', async () => {
		const other = await make(admin, { name: `${marker}别家` });
		let r = await liaison.post('/api/v1/exemplars', { unit_id: ownUnitId, kind: 'excellent_staff', name: `${marker}本单位`, level: 'unit', year: 2024, virtue: 'professional' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const mine = r.body;
		oneEntry(r, 'liaison', 'create', mine.id);
		r = await liaison.patch(`/api/v1/exemplars/${mine.id}`, { deeds: '爱岗敬业', version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		oneEntry(r, 'liaison', 'update', mine.id);
		const before = snap();
		// reads
		const all = (await liaison.get('/api/v1/exemplars?per_page=100')).body.items;
		assert.ok(all.length >= 1 && all.every((x) => x.unit_id === ownUnitId), 'liaison list leaks');
		assert.deepEqual((await liaison.get(`/api/v1/exemplars?q=${marker}`)).body.items.map((x) => x.id), [mine.id]);
		for (const q of [`unit_id=${U1.id}`, `q=${encodeURIComponent(other.name)}`, 'region=150621']) {
			r = await liaison.get(`/api/v1/exemplars?${q}`);
			assert.equal(r.status, 200, q);
			assert.equal(r.body.total, 0, q);
		}
		const csv = await liaison.get(`/api/v1/exemplars?format=csv&q=${marker}`);
		assert.equal(csv.text.trim().split('\r\n').length, 2, 'CSV: header + own exemplar only');
		assert.equal((await liaison.get(`/api/v1/exemplars/board?unit_id=${ownUnitId}`)).body.groups[1].items.some((x) => x.id === mine.id), true);
		// writes elsewhere
		assert.equal((await liaison.get(`/api/v1/exemplars/${other.id}`)).status, 404);
		await expectError(await liaison.patch(`/api/v1/exemplars/${other.id}`, { deeds: '越权', version: other.version }), 404, 'not_found', undefined, 'liaison PATCH');
		await expectError(await liaison.delete(`/api/v1/exemplars/${other.id}?version=${other.version}`), 404, 'not_found', undefined, 'liaison DELETE');
		await expectError(await liaison.post('/api/v1/exemplars', ex({ unit_id: U1.id })), 404, 'unit_not_found', 'unit_id', 'liaison creates for U1');
		await expectError(await liaison.patch(`/api/v1/exemplars/${mine.id}`, { unit_id: U1.id, version: 2 }), 404, 'unit_not_found', 'unit_id', 'liaison moves its exemplar');
		assert.deepEqual(snap(), before);
		r = await liaison.delete(`/api/v1/exemplars/${mine.id}?version=2`);
		assert.equal(r.status, 204);
		oneEntry(r, 'liaison', 'delete', mine.id);
	});

	it('an admin is limited to their region: another banner\'s exemplars answer 404, its units unit_not_found', async () => {
		const ordos = await srv.login('ordos');
		const D = await createUnit(ordos, { name: uniqueName('达拉特典型单位'), region_code: '150621' });
		const xD = await make(ordos, { unit_id: D.id, name: `${marker}达拉特` });
		const before = snap();
		assert.equal((await admin.get(`/api/v1/exemplars/${xD.id}`)).status, 404);
		await expectError(await admin.patch(`/api/v1/exemplars/${xD.id}`, { deeds: '越权', version: 1 }), 404, 'not_found', undefined, 'admin PATCH other banner');
		await expectError(await admin.delete(`/api/v1/exemplars/${xD.id}?version=1`), 404, 'not_found', undefined, 'admin DELETE other banner');
		await expectError(await admin.post('/api/v1/exemplars', ex({ unit_id: D.id })), 404, 'unit_not_found', 'unit_id', 'admin creates in other banner');
		await expectError(await admin.get(`/api/v1/exemplars/board?unit_id=${D.id}`), 404, 'unit_not_found', 'unit_id', 'admin board of other banner');
		for (const q of [`q=${encodeURIComponent(xD.name)}`, `unit_id=${D.id}`, 'region=150621']) {
			const r = await admin.get(`/api/v1/exemplars?${q}`);
			assert.equal(r.body.total, 0, q);
		}
		assert.ok(!(await admin.get(`/api/v1/exemplars?format=csv&q=${marker}`)).text.includes(xD.name), 'CSV leaks');
		assert.deepEqual(snap(), before);
		assert.deepEqual((await ordos.get(`/api/v1/exemplars?q=${encodeURIComponent(xD.name)}`)).body.items.map((x) => x.id), [xD.id]);
		assert.equal((await ordos.get(`/api/v1/exemplars/board?unit_id=${D.id}`)).body.total, 1);
	});

	it('viewers and assessors read but cannot write (403, nothing changes)', async () => {
		const x = await make(admin, { name: `${marker}只读` });
		const before = snap();
		for (const c of [leader, assessor]) {
			const who = c.user.username;
			assert.deepEqual((await c.get(`/api/v1/exemplars/${x.id}`)).body, x, `${who} GET`);
			assert.ok((await c.get(`/api/v1/exemplars?q=${encodeURIComponent(x.name)}`)).body.items.some((y) => y.id === x.id), `${who} list`);
			assert.equal((await c.post('/api/v1/exemplars', ex())).status, 403, `${who} POST`);
			assert.equal((await c.patch(`/api/v1/exemplars/${x.id}`, { deeds: '改', version: x.version })).status, 403, `${who} PATCH`);
			assert.equal((await c.delete(`/api/v1/exemplars/${x.id}?version=${x.version}`)).status, 403, `${who} DELETE`);
		}
		assert.deepEqual(snap(), before);
	});

	it('a merged or dissolved unit gets no new exemplar (409 unit_inactive); its own stay editable; a unit with exemplars is not deleted', async () => {
		const gone = await createUnit(admin, { name: uniqueName('拟撤销典型单位') });
		const old = await make(admin, { unit_id: gone.id });
		let r = await admin.post(`/api/v1/units/${gone.id}/restructure`, { kind: 'dissolve', version: gone.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const merged = await createUnit(admin, { name: uniqueName('拟合并典型单位') });
		r = await admin.post(`/api/v1/units/${merged.id}/restructure`, { kind: 'merge', into_unit_id: U1.id, version: merged.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const other = await make(admin, { unit_id: U2.id });
		const before = snap();
		for (const u of [gone, merged]) {
			await expectError(await admin.post('/api/v1/exemplars', ex({ unit_id: u.id })), 409, 'unit_inactive', 'unit_id', `create on ${u.name}`);
			await expectError(await admin.patch(`/api/v1/exemplars/${other.id}`, { unit_id: u.id, version: other.version }), 409, 'unit_inactive', 'unit_id', `move onto ${u.name}`);
		}
		assert.deepEqual(snap(), before);
		r = await admin.patch(`/api/v1/exemplars/${old.id}`, { deeds: '撤销前的事迹', unit_id: gone.id, version: old.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.unit_name, gone.name);
		r = await admin.delete(`/api/v1/exemplars/${old.id}?version=${r.body.version}`);
		assert.equal(r.status, 204);
		// a unit with exemplars cannot be deleted
		const u = await createUnit(admin, { name: uniqueName('有典型单位') });
		const x = await make(admin, { unit_id: u.id });
		r = await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`);
		assert.equal(r.status, 409, JSON.stringify(r.body));
		assert.equal(r.body.error.code, 'unit_in_use');
		assert.equal((await admin.delete(`/api/v1/exemplars/${x.id}?version=1`)).status, 204);
		assert.equal((await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`)).status, 204);
	});
});
