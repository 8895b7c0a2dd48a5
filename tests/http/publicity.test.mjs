// publicity.test.mjs — the creation ledger (创建台账), slice 4: public-service ads (公益广告) at
// /api/v1/publicity. CRUD with versions (409 stale); every validation code with its field (carrier,
// theme 1–100, count 1–100000, start_date a real date not after today, end_date not before it,
// place ≤ 100, description ≤ 2000, unknown fields, wrong types); the year follows start_date;
// null/"" clears the optional fields; filters (unit_id, carrier, year, region, q on theme and place)
// and the order (start_date ↓, id ↓); the CSV export; every write audited once (entity
// public_service_ad); a rejected write changes neither the ads nor the audit log; an admin keeps
// only their region's and a liaison only their own unit's ads; viewers and assessors read only;
// merged/dissolved units get no new ads. Fixtures are made through the API in units of this test.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName } from './harness.mjs';

const KEYS = [
	'carrier',
	'carrier_label',
	'count',
	'created_at',
	'description',
	'end_date',
	'id',
	'place',
	'start_date',
	'theme',
	'unit_id',
	'unit_name',
	'updated_at',
	'version',
	'year',
];
const CARRIERS = {
	door_head: '门头',
	wall: '墙体',
	bulletin_board: '宣传栏',
	led_screen: '电子显示屏',
	billboard: '公益广告牌',
	website: '单位网站',
	wechat_weibo_app: '两微一端',
};
// the offices' today and tomorrow (UTC+8)
const dayCN = (offsetDays = 0) => new Date(Date.now() + 8 * 3600e3 + offsetDays * 86400e3).toISOString().slice(0, 10);
const TODAY = dayCN();
const TOMORROW = dayCN(1);

describe('publicity (public-service ads)', () => {
	let srv, admin, liaison, leader, assessor;
	let U1, U2, ownUnitId;
	const marker = 'ad' + randomBytes(3).toString('hex');

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
		assert.equal(es[0].entity, 'public_service_ad');
		assert.equal(es[0].entityId, String(id));
		return es[0];
	}
	function snap() {
		return srv.db.queryMany([
			'SELECT count(*), max(id), sum(version), max(updated_at) FROM public_service_ads',
			`SELECT * FROM public_service_ads WHERE unit_id IN (${U1.id}, ${U2.id}, ${ownUnitId}) ORDER BY id`,
			'SELECT count(*), max(id) FROM audit_log',
		]);
	}
	const ad = (fields = {}) => ({ unit_id: U1.id, carrier: 'wall', theme: uniqueName('讲文明树新风'), count: 3, start_date: '2024-05-01', ...fields });
	async function make(client, fields) {
		const r = await client.post('/api/v1/publicity', ad(fields));
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
		U1 = await createUnit(admin, { name: uniqueName('广告单位甲') });
		U2 = await createUnit(admin, { name: uniqueName('广告单位乙') });
	});
	after(async () => {
		await srv?.stop();
	});

	it('create, get, update, delete with versions (409 stale); the year follows start_date; each write audited once', async () => {
		let r = await admin.post('/api/v1/publicity', {
			unit_id: U1.id,
			carrier: 'billboard',
			theme: ' 图说我们的价值观 ',
			count: 12,
			start_date: '2023-03-05',
			end_date: '2023-12-31',
			place: '单位大门两侧',
			description: '社会主义核心价值观公益广告',
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const a = r.body;
		assert.deepEqual(Object.keys(a).sort(), KEYS);
		assert.equal(a.unit_name, U1.name);
		assert.equal(a.carrier_label, '公益广告牌');
		assert.equal(a.theme, '图说我们的价值观', 'texts are trimmed');
		assert.equal(a.count, 12);
		assert.equal(a.year, 2023);
		assert.equal(a.end_date, '2023-12-31');
		assert.equal(a.version, 1);
		let e = oneEntry(r, 'admin', 'create', a.id);
		assert.equal(e.before, null);
		assert.equal(e.after.theme, '图说我们的价值观');

		r = await admin.get(`/api/v1/publicity/${a.id}`);
		assert.equal(r.status, 200);
		assert.deepEqual(r.body, a);

		// end date, place and description are optional; today is a valid start
		r = await admin.post('/api/v1/publicity', { unit_id: U1.id, carrier: 'website', theme: '网络文明', count: 1, start_date: TODAY });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.end_date, null);
		assert.equal(r.body.place, '');
		assert.equal(r.body.description, '');
		assert.equal(r.body.year, Number(TODAY.slice(0, 4)));
		assert.equal((await admin.delete(`/api/v1/publicity/${r.body.id}?version=1`)).status, 204);

		r = await admin.patch(`/api/v1/publicity/${a.id}`, { start_date: '2022-11-11', count: 20, version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.year, 2022, 'the year follows start_date');
		assert.equal(r.body.count, 20);
		assert.equal(r.body.version, 2);
		assert.equal(r.body.theme, '图说我们的价值观', 'unchanged fields kept');
		assert.equal(r.body.end_date, '2023-12-31');
		assert.equal(srv.db.scalar(`SELECT year FROM public_service_ads WHERE id = ${a.id}`), '2022');
		e = oneEntry(r, 'admin', 'update', a.id);
		assert.equal(e.before.year, 2023);
		assert.equal(e.after.year, 2022);

		const before = snap();
		r = await admin.patch(`/api/v1/publicity/${a.id}`, { place: '旧版本', version: 1 });
		await expectError(r, 409, 'version_conflict', undefined, 'stale PATCH');
		r = await admin.delete(`/api/v1/publicity/${a.id}?version=1`);
		await expectError(r, 409, 'version_conflict', undefined, 'stale DELETE');
		r = await admin.patch(`/api/v1/publicity/${a.id}`, { place: '无版本' });
		await expectError(r, 400, 'version_required', undefined, 'PATCH without version');
		r = await admin.delete(`/api/v1/publicity/${a.id}`);
		await expectError(r, 400, 'version_required', undefined, 'DELETE without version');
		// moving the start after the end is refused
		r = await admin.patch(`/api/v1/publicity/${a.id}`, { start_date: '2024-01-01', version: 2 });
		await expectError(r, 400, 'invalid_range', 'end_date', 'start moved after the end');
		for (const [m, path, body] of [
			['get', '/api/v1/publicity/987654321', undefined],
			['patch', '/api/v1/publicity/987654321', { place: 'x', version: 1 }],
			['delete', '/api/v1/publicity/987654321?version=1', undefined],
		]) {
			r = await admin[m](path, body);
			assert.equal(r.status, 404, m);
			assert.equal(r.body.error.code, 'not_found');
		}
		assert.deepEqual(snap(), before);

		r = await admin.delete(`/api/v1/publicity/${a.id}?version=2`);
		assert.equal(r.status, 204, r.text);
		e = oneEntry(r, 'admin', 'delete', a.id);
		assert.equal(e.after, null);
		assert.equal(e.before.count, 20);
		assert.equal(srv.db.count('public_service_ads', `id = ${a.id}`), 0);
		assert.equal((await admin.get(`/api/v1/publicity/${a.id}`)).status, 404);
	});

	it('every carrier is accepted and labelled', async () => {
		for (const [carrier, label] of Object.entries(CARRIERS)) {
			const a = await make(admin, { carrier });
			assert.equal(a.carrier_label, label);
			await admin.delete(`/api/v1/publicity/${a.id}?version=1`);
		}
	});

	it('validation: codes and fields; a rejected write changes neither the ads nor the audit log', async () => {
		const target = await make(admin, { start_date: '2024-03-01', end_date: '2024-06-30', place: '地点', description: '说明' });
		const before = snap();
		const long = (n, ch = '字') => ch.repeat(n);
		const cases = [
			[{ unit_id: undefined }, 'required', 'unit_id'],
			[{ carrier: undefined }, 'required', 'carrier'],
			[{ theme: undefined }, 'required', 'theme'],
			[{ count: undefined }, 'required', 'count'],
			[{ start_date: undefined }, 'required', 'start_date'],
			[{ carrier: '' }, 'required', 'carrier'],
			[{ theme: '' }, 'required', 'theme'],
			[{ theme: '\u3000 ' }, 'required', 'theme'],
			[{ start_date: '' }, 'required', 'start_date'],
			[{ carrier: 'tv' }, 'invalid_carrier', 'carrier'],
			[{ carrier: 'Wall' }, 'invalid_carrier', 'carrier'],
			[{ count: 0 }, 'out_of_range', 'count'],
			[{ count: -1 }, 'out_of_range', 'count'],
			[{ count: 100001 }, 'out_of_range', 'count'],
			[{ count: '3' }, 'invalid_type', 'count'],
			[{ count: 1.5 }, 'invalid_type', 'count'],
			[{ start_date: '2024-02-30' }, 'invalid_date', 'start_date'],
			[{ start_date: '2024/01/01' }, 'invalid_date', 'start_date'],
			[{ start_date: '1949-09-30' }, 'invalid_date', 'start_date'],
			[{ start_date: TOMORROW }, 'invalid_date', 'start_date'],
			[{ end_date: '2024-13-01' }, 'invalid_date', 'end_date'],
			[{ start_date: '2024-05-01', end_date: '2024-04-30' }, 'invalid_range', 'end_date'],
			[{ start_date: 20240501 }, 'invalid_type', 'start_date'],
			[{ theme: long(101) }, 'too_long', 'theme'],
			[{ place: long(101) }, 'too_long', 'place'],
			[{ description: long(2001) }, 'too_long', 'description'],
			[{ start_date: '2024-05-01T00' }, 'too_long', 'start_date'],
			[{ theme: 'a\u0001b' }, 'invalid_characters', 'theme'],
			[{ place: 'a\u001bb' }, 'invalid_characters', 'place'],
			[{ unit_id: 0 }, 'out_of_range', 'unit_id'],
			[{ unit_id: '1' }, 'invalid_type', 'unit_id'],
			[{ amount: 1 }, 'unknown_field', 'amount'],
			[{ version: 1 }, 'unknown_field', 'version'],
		];
		for (const [fields, code, field] of cases) {
			const body = ad(fields);
			for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
			const r = await admin.post('/api/v1/publicity', body);
			await expectError(r, 400, code, field, `POST ${JSON.stringify(fields).slice(0, 80)}`);
		}
		// the date after today says so
		let r = await admin.post('/api/v1/publicity', ad({ start_date: TOMORROW }));
		assert.match(r.body.error.message, /不能晚于今天/);
		// the same on PATCH (fields left out or null mean "unchanged" there)
		for (const [fields, code, field] of cases) {
			if (Object.values(fields).some((v) => v === undefined) || 'version' in fields) continue;
			r = await admin.patch(`/api/v1/publicity/${target.id}`, { ...fields, version: target.version });
			await expectError(r, 400, code, field, `PATCH ${JSON.stringify(fields).slice(0, 80)}`);
		}
		r = await admin.post('/api/v1/publicity', ad({ unit_id: 987654321 }));
		await expectError(r, 404, 'unit_not_found', 'unit_id', 'unknown unit');
		r = await admin.post('/api/v1/publicity', [1]);
		assert.equal(r.status, 400);
		r = await admin.post('/api/v1/publicity', undefined, { rawBody: 'theme=x', contentType: 'application/x-www-form-urlencoded' });
		assert.ok(r.status === 400 || r.status === 415, String(r.status));
		assert.deepEqual(snap(), before);

		// limits are inclusive
		for (const fields of [
			{ theme: long(100), place: long(100), description: long(2000), count: 100000 },
			{ count: 1, start_date: TODAY, end_date: TODAY },
			{ start_date: '1949-10-01', end_date: '2100-12-31' },
			{ start_date: '2024-02-29', end_date: TOMORROW },
		]) {
			r = await admin.post('/api/v1/publicity', ad(fields));
			assert.equal(r.status, 201, `${JSON.stringify(fields).slice(0, 60)}: ${JSON.stringify(r.body)}`);
			await admin.delete(`/api/v1/publicity/${r.body.id}?version=1`);
		}
	});

	it('PATCH: null or "" clears end_date, place and description; null leaves the rest', async () => {
		const a = await make(admin, { end_date: '2024-12-31', place: '大厅', description: '说明' });
		let r = await admin.patch(`/api/v1/publicity/${a.id}`, {
			end_date: null,
			place: '',
			description: null,
			unit_id: null,
			carrier: null,
			theme: null,
			count: null,
			start_date: null,
			version: a.version,
		});
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.end_date, null);
		assert.equal(r.body.place, '');
		assert.equal(r.body.description, '');
		for (const k of ['unit_id', 'carrier', 'theme', 'count', 'start_date', 'year']) assert.equal(r.body[k], a[k], k);
		const row = srv.db.query(`SELECT end_date, place, description FROM public_service_ads WHERE id = ${a.id}`)[0];
		assert.deepEqual(row, [null, '', '']);
		r = await admin.patch(`/api/v1/publicity/${a.id}`, { end_date: '2025-01-01', version: r.body.version });
		assert.equal(r.body.end_date, '2025-01-01');
		r = await admin.patch(`/api/v1/publicity/${a.id}`, { end_date: '', version: r.body.version });
		assert.equal(r.status, 200);
		assert.equal(r.body.end_date, null);
	});

	it('filters (unit_id, carrier, year, region, q on theme and place) and the order: start_date ↓, id ↓', async () => {
		const U = await createUnit(admin, { name: uniqueName('广告排序') });
		const m = 'adf' + randomBytes(3).toString('hex');
		const rows = [
			['甲', 'wall', '2023-05-01', ''],
			['乙', 'door_head', '2024-01-15', ''],
			['丙', 'wall', '2024-01-15', `${m}广场`],
			['丁', 'led_screen', '2022-12-31', ''],
			['戊', 'wall', '2024-03-01', ''],
		];
		const made = {};
		for (const [t, carrier, start_date, place] of rows) made[t] = await make(admin, { unit_id: U.id, theme: `${t}${m}`, carrier, start_date, place });
		const themes = async (q) => {
			const r = await admin.get(`/api/v1/publicity?${q}&per_page=100`);
			assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
			assert.equal(r.body.total, r.body.items.length);
			assert.equal(r.body.next_cursor, null);
			return r.body.items.map((x) => x.theme.replace(m, ''));
		};
		assert.deepEqual(await themes(`unit_id=${U.id}`), ['戊', '丙', '乙', '甲', '丁'], 'start_date ↓, then id ↓');
		assert.deepEqual(await themes(`unit_id=${U.id}&carrier=wall`), ['戊', '丙', '甲']);
		assert.deepEqual(await themes(`unit_id=${U.id}&year=2024`), ['戊', '丙', '乙']);
		assert.deepEqual(await themes(`unit_id=${U.id}&year=2022`), ['丁']);
		assert.deepEqual(await themes(`unit_id=${U.id}&year=2024&carrier=door_head`), ['乙']);
		assert.deepEqual(await themes(`q=${encodeURIComponent('丁' + m)}`), ['丁'], 'q: theme');
		assert.deepEqual(await themes(`q=${encodeURIComponent(m + '广场')}`), ['丙'], 'q: place');
		assert.deepEqual(await themes(`q=_&unit_id=${U.id}`), [], 'q: _ is literal');
		assert.deepEqual(await themes(`q=${m}&region=150622&carrier=wall`), ['戊', '丙', '甲']);
		assert.deepEqual(await themes(`q=${m}&region=150621`), []);
		assert.deepEqual(await themes(`unit_id=${U.id}&carrier=&year=&region=&q=`), ['戊', '丙', '乙', '甲', '丁'], 'empty filters are no filters');
		const page = await admin.get(`/api/v1/publicity?unit_id=${U.id}&per_page=2&page=3`);
		assert.equal(page.body.total, 5);
		assert.deepEqual(page.body.items.map((x) => x.theme.replace(m, '')), ['丁']);
		for (const [q, field] of [
			['unit_id=abc', 'unit_id'],
			['unit_id=-1', 'unit_id'],
			['carrier=tv', 'carrier'],
			['year=1948', 'year'],
			['year=abc', 'year'],
			['region=12', 'region'],
			[`q=${'字'.repeat(51)}`, 'q'],
			['per_page=0', 'per_page'],
			['format=xls', 'format'],
		]) {
			const r = await admin.get(`/api/v1/publicity?${encodeURI(q)}`);
			assert.equal(r.status, 400, q);
			assert.equal(r.body.error.field, field, q);
		}
	});

	it('format=csv: BOM, Chinese header, the rows in list order, formulas neutralised', async () => {
		const U3 = await createUnit(admin, { name: uniqueName('广告导出') });
		await make(admin, { unit_id: U3.id, carrier: 'led_screen', theme: '=HYPERLINK("x")', count: 2, start_date: '2022-02-02', end_date: '2022-03-03', place: '-大屏', description: '@SUM(1)' });
		await make(admin, { unit_id: U3.id, carrier: 'wechat_weibo_app', theme: '文明实践', count: 100, start_date: '2024-04-04', place: '公众号', description: '说"好",\n第二行' });
		const r = await admin.get(`/api/v1/publicity?unit_id=${U3.id}&format=csv`);
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'), /^text\/csv/);
		assert.match(r.headers.get('content-disposition') || '', /attachment/);
		assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
		assert.equal(
			r.text.slice(1),
			'开始日期,结束日期,单位名称,载体,主题,数量,地点,说明\r\n' +
				`2024-04-04,,${U3.name},两微一端,文明实践,100,公众号,"说""好"",\n第二行"\r\n` +
				`2022-02-02,2022-03-03,${U3.name},电子显示屏,"'=HYPERLINK(""x"")",2,"'-大屏","'@SUM(1)"\r\n`,
		);
		const one = await admin.get(`/api/v1/publicity?unit_id=${U3.id}&carrier=wall&format=csv`);
		assert.equal(one.text.slice(1), '开始日期,结束日期,单位名称,载体,主题,数量,地点,说明\r\n', 'filters apply to the export');
		assert.equal((await assessor.get(`/api/v1/publicity?unit_id=${U3.id}&format=csv`)).text, r.text);
		// the same export as .xlsx (a zip), named in Chinese with an ASCII fallback
		const x = await admin.get(`/api/v1/publicity?unit_id=${U3.id}&format=xlsx`);
		assert.equal(x.status, 200);
		assert.match(x.headers.get('content-type'), /spreadsheetml\.sheet/);
		assert.equal(x.raw.subarray(0, 2).toString('latin1'), 'PK');
		assert.match(x.headers.get('content-disposition') || '', /publicity\.xlsx/);
		assert.match(r.headers.get('content-disposition') || '', /publicity\.csv/);
	});

	it('the liaison keeps only their own unit\'s ads (audited as the liaison); 404 elsewhere', async () => {
		const other = await make(admin, { theme: `${marker}别家` });
		let r = await liaison.post('/api/v1/publicity', { unit_id: ownUnitId, carrier: 'door_head', theme: `${marker}本单位`, count: 1, start_date: '2024-06-01' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const mine = r.body;
		oneEntry(r, 'liaison', 'create', mine.id);
		r = await liaison.patch(`/api/v1/publicity/${mine.id}`, { count: 2, version: 1 });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		oneEntry(r, 'liaison', 'update', mine.id);
		const before = snap();
		const all = (await liaison.get('/api/v1/publicity?per_page=100')).body.items;
		assert.ok(all.length >= 1 && all.every((x) => x.unit_id === ownUnitId), 'liaison list leaks');
		assert.deepEqual((await liaison.get(`/api/v1/publicity?q=${marker}`)).body.items.map((x) => x.id), [mine.id]);
		for (const q of [`unit_id=${U1.id}`, `q=${encodeURIComponent(other.theme)}`, 'region=150621']) {
			r = await liaison.get(`/api/v1/publicity?${q}`);
			assert.equal(r.status, 200, q);
			assert.equal(r.body.total, 0, q);
		}
		const csv = await liaison.get(`/api/v1/publicity?format=csv&q=${marker}`);
		assert.equal(csv.text.trim().split('\r\n').length, 2, 'CSV: header + own ad only');
		assert.equal((await liaison.get(`/api/v1/publicity/${other.id}`)).status, 404);
		await expectError(await liaison.patch(`/api/v1/publicity/${other.id}`, { place: '越权', version: other.version }), 404, 'not_found', undefined, 'liaison PATCH');
		await expectError(await liaison.delete(`/api/v1/publicity/${other.id}?version=${other.version}`), 404, 'not_found', undefined, 'liaison DELETE');
		await expectError(await liaison.post('/api/v1/publicity', ad({ unit_id: U1.id })), 404, 'unit_not_found', 'unit_id', 'liaison creates for U1');
		await expectError(await liaison.patch(`/api/v1/publicity/${mine.id}`, { unit_id: U1.id, version: 2 }), 404, 'unit_not_found', 'unit_id', 'liaison moves its ad');
		assert.deepEqual(snap(), before);
		r = await liaison.delete(`/api/v1/publicity/${mine.id}?version=2`);
		assert.equal(r.status, 204);
		oneEntry(r, 'liaison', 'delete', mine.id);
	});

	it('an admin is limited to their region: another banner\'s ads answer 404, its units unit_not_found', async () => {
		const ordos = await srv.login('ordos');
		const D = await createUnit(ordos, { name: uniqueName('达拉特广告单位'), region_code: '150621' });
		const aD = await make(ordos, { unit_id: D.id, theme: `${marker}达拉特` });
		const before = snap();
		assert.equal((await admin.get(`/api/v1/publicity/${aD.id}`)).status, 404);
		await expectError(await admin.patch(`/api/v1/publicity/${aD.id}`, { place: '越权', version: 1 }), 404, 'not_found', undefined, 'admin PATCH other banner');
		await expectError(await admin.delete(`/api/v1/publicity/${aD.id}?version=1`), 404, 'not_found', undefined, 'admin DELETE other banner');
		await expectError(await admin.post('/api/v1/publicity', ad({ unit_id: D.id })), 404, 'unit_not_found', 'unit_id', 'admin creates in other banner');
		for (const q of [`q=${encodeURIComponent(aD.theme)}`, `unit_id=${D.id}`, 'region=150621']) {
			const r = await admin.get(`/api/v1/publicity?${q}`);
			assert.equal(r.body.total, 0, q);
		}
		assert.ok(!(await admin.get(`/api/v1/publicity?format=csv&q=${marker}`)).text.includes(aD.theme), 'CSV leaks');
		assert.deepEqual(snap(), before);
		assert.deepEqual((await ordos.get(`/api/v1/publicity?q=${encodeURIComponent(aD.theme)}`)).body.items.map((x) => x.id), [aD.id]);
	});

	it('viewers and assessors read but cannot write (403, nothing changes)', async () => {
		const a = await make(admin, { theme: `${marker}只读` });
		const before = snap();
		for (const c of [leader, assessor]) {
			const who = c.user.username;
			assert.deepEqual((await c.get(`/api/v1/publicity/${a.id}`)).body, a, `${who} GET`);
			assert.ok((await c.get(`/api/v1/publicity?q=${encodeURIComponent(a.theme)}`)).body.items.some((y) => y.id === a.id), `${who} list`);
			assert.equal((await c.post('/api/v1/publicity', ad())).status, 403, `${who} POST`);
			assert.equal((await c.patch(`/api/v1/publicity/${a.id}`, { place: '改', version: a.version })).status, 403, `${who} PATCH`);
			assert.equal((await c.delete(`/api/v1/publicity/${a.id}?version=${a.version}`)).status, 403, `${who} DELETE`);
		}
		assert.deepEqual(snap(), before);
	});

	it('a merged or dissolved unit gets no new ad (409 unit_inactive); its own stay editable; a unit with ads is not deleted', async () => {
		const gone = await createUnit(admin, { name: uniqueName('拟撤销广告单位') });
		const old = await make(admin, { unit_id: gone.id });
		let r = await admin.post(`/api/v1/units/${gone.id}/restructure`, { kind: 'dissolve', version: gone.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const merged = await createUnit(admin, { name: uniqueName('拟合并广告单位') });
		r = await admin.post(`/api/v1/units/${merged.id}/restructure`, { kind: 'merge', into_unit_id: U1.id, version: merged.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const other = await make(admin, { unit_id: U2.id });
		const before = snap();
		for (const u of [gone, merged]) {
			await expectError(await admin.post('/api/v1/publicity', ad({ unit_id: u.id })), 409, 'unit_inactive', 'unit_id', `create on ${u.name}`);
			await expectError(await admin.patch(`/api/v1/publicity/${other.id}`, { unit_id: u.id, version: other.version }), 409, 'unit_inactive', 'unit_id', `move onto ${u.name}`);
		}
		assert.deepEqual(snap(), before);
		r = await admin.patch(`/api/v1/publicity/${old.id}`, { description: '撤销前', unit_id: gone.id, version: old.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.unit_name, gone.name);
		assert.equal((await admin.delete(`/api/v1/publicity/${old.id}?version=${r.body.version}`)).status, 204);
		const u = await createUnit(admin, { name: uniqueName('有广告单位') });
		const a = await make(admin, { unit_id: u.id });
		r = await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`);
		assert.equal(r.status, 409, JSON.stringify(r.body));
		assert.equal(r.body.error.code, 'unit_in_use');
		assert.equal((await admin.delete(`/api/v1/publicity/${a.id}?version=1`)).status, 204);
		assert.equal((await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`)).status, 204);
	});
});
