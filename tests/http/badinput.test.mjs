// badinput.test.mjs — rejected input: malformed JSON, wrong shapes and types, unknown fields,
// lengths counted in characters, USCC and region validation, duplicates, body size and depth
// limits, bad query parameters, unknown paths and methods. After every rejected write the
// database is unchanged (row counts, the target row, the audit log). Never a 5xx.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, createUnit, makeUscc, uniqueName, usccCheckChar, orgCheckChar } from './harness.mjs';

const MAX_BODY = 4096;

describe('bad input', () => {
	let srv, admin, ordos, unit;

	/** Row counts of the tables a write could touch, and the target unit's row (one query). */
	function state() {
		const tables = ['units', 'users', 'titles', 'unit_events', 'audit_log', 'regions', 'sessions'];
		const counts = tables.map((t, i) => `(SELECT count(*) FROM ${t}) AS n_${i}`).join(', ');
		return srv.db.query(`SELECT ${counts}, u.* FROM units u WHERE u.id = ${unit.id}`);
	}

	// The state after the last rejected request. It serves as the next "before" as long as no other
	// write happened in between (every other non-GET request through the clients clears it), which
	// halves the database reads. A stale "before" could only make a test fail, never pass.
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

	/** Sends the request, asserts the status (and code/field when given) and that nothing changed. */
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
		const what = `${method} ${path} ${opts?.rawBody !== undefined ? String(opts.rawBody).slice(0, 60) : JSON.stringify(body)?.slice(0, 80)}`;
		assert.ok(r.status < 500, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
		if (Array.isArray(status)) assert.ok(status.includes(r.status), `${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
		else assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(typeof r.body, 'object', `${what}: JSON error body`);
		assert.ok(r.body.error?.code, `${what}: error code`);
		assert.ok(/[\u4e00-\u9fff]/.test(r.body.error.message), `${what}: Chinese message`);
		if (code) assert.equal(r.body.error.code, code, `${what}: ${JSON.stringify(r.body)}`);
		if (field) assert.equal(r.body.error.field, field, `${what}: ${JSON.stringify(r.body)}`);
		const now = state();
		assert.deepEqual(now, before, `${what}: the database changed`);
		lastState = now;
		return r;
	}

	/** The three write endpoints, each with a valid base body. */
	function targets() {
		return [
			{ method: 'POST', path: '/api/v1/units', base: () => ({ name: uniqueName(), category: 'institution', region_code: '150622' }) },
			{ method: 'PATCH', path: `/api/v1/units/${unit.id}`, base: () => ({ remark: '改', version: unit.version }) },
			{
				method: 'POST',
				path: '/api/v1/users',
				base: () => ({ username: 'bad' + Math.random().toString(36).slice(2, 9), display_name: '测试', role: 'viewer', region_code: '150622' }),
			},
		];
	}

	before(async () => {
		srv = await startServer({ env: { WENMING_MAX_BODY: String(MAX_BODY) } });
		admin = watch(await srv.login('admin'));
		ordos = watch(await srv.login('ordos'));
		unit = await createUnit(admin, { name: uniqueName('目标单位') });
	});
	after(async () => {
		await srv?.stop();
	});

	it('the valid base bodies are accepted (so the rejections below are about the defect)', async () => {
		for (const t of targets()) {
			const r = await admin.req(t.method, t.path, t.base());
			assert.ok([200, 201].includes(r.status), `${t.method} ${t.path}: ${r.status} ${JSON.stringify(r.body)}`);
			if (t.method === 'PATCH') unit = r.body;
		}
	});

	it('malformed JSON → 400 invalid_json', async () => {
		for (const t of targets()) {
			for (const raw of ['{', '{"name":', '{"name": "x",}', "{'name': 'x'}", '', 'nul', '{"a":1} trailing', '{"name":"\\x"}', '\u0000']) {
				await rejects(admin, t.method, t.path, undefined, { status: 400, code: 'invalid_json', opts: { rawBody: raw } });
			}
			// invalid UTF-8 bytes
			await rejects(admin, t.method, t.path, undefined, {
				status: 400,
				opts: { rawBody: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]) },
			});
			// duplicate keys
			await rejects(admin, t.method, t.path, undefined, { status: 400, opts: { rawBody: '{"remark":"a","remark":"b","version":1}' } });
		}
	});

	it('a body that is not a JSON object → 400', async () => {
		for (const t of targets()) {
			for (const raw of ['[]', '[{"name":"x"}]', '"text"', '42', 'null', 'true']) {
				await rejects(admin, t.method, t.path, undefined, { status: 400, opts: { rawBody: raw } });
			}
		}
	});

	it('a wrong or missing content type → 415', async () => {
		for (const t of targets()) {
			const raw = JSON.stringify(t.base());
			for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', null]) {
				await rejects(admin, t.method, t.path, undefined, { status: 415, opts: { rawBody: raw, contentType: ct } });
			}
		}
		// charset parameters are fine
		const r = await admin.post('/api/v1/units', undefined, {
			rawBody: JSON.stringify({ name: uniqueName(), category: 'institution', region_code: '150622' }),
			contentType: 'application/json; charset=utf-8',
		});
		assert.equal(r.status, 201);
	});

	it('a content type that merely starts with application/json (application/jsonp, …) → 415', async () => {
		for (const t of targets()) {
			const raw = JSON.stringify(t.base());
			for (const ct of ['application/jsonp', 'application/json-seq', 'application/jsonx; charset=utf-8']) {
				await rejects(admin, t.method, t.path, undefined, { status: 415, opts: { rawBody: raw, contentType: ct } });
			}
		}
	});

	it('wrong types → 400 invalid_type naming the field', async () => {
		const cases = [
			[0, { name: 12345 }, 'name'],
			[0, { staff_count: '12' }, 'staff_count'],
			[0, { staff_count: 1.5 }, 'staff_count'],
			[0, { staff_count: 1e30 }, 'staff_count'],
			[0, { staff_count: true }, 'staff_count'],
			[0, { region_code: 150622 }, 'region_code'],
			[0, { name: ['数组'] }, 'name'],
			[0, { name: { a: 1 } }, 'name'],
			[1, { remark: 5 }, 'remark'],
			[1, { version: '1' }, 'version'],
			[1, { staff_count: '多' }, 'staff_count'],
			[2, { username: 5 }, 'username'],
			[2, { unit_id: '3', role: 'unit', region_code: undefined }, 'unit_id'],
			[2, { display_name: false }, 'display_name'],
		];
		for (const [i, patch, field] of cases) {
			const t = targets()[i];
			await rejects(admin, t.method, t.path, { ...t.base(), ...patch }, { status: 400, code: 'invalid_type', field });
		}
	});

	it('unknown fields → 400 unknown_field', async () => {
		for (const t of targets()) {
			await rejects(admin, t.method, t.path, { ...t.base(), nonsense: 1 }, { status: 400, code: 'unknown_field', field: 'nonsense' });
			await rejects(admin, t.method, t.path, { ...t.base(), id: 1 }, { status: 400, code: 'unknown_field' });
		}
		// fields that exist on the record but may not be written
		const u = targets()[1];
		for (const f of ['status', 'merged_into_id', 'created_at', 'top_title']) {
			await rejects(admin, u.method, u.path, { ...u.base(), [f]: 'x' }, { status: 400, code: 'unknown_field' });
		}
		const users = targets()[2];
		for (const f of ['password_hash', 'must_change_password', 'disabled']) {
			await rejects(admin, users.method, users.path, { ...users.base(), [f]: 'x' }, { status: 400 });
		}
	});

	it('lengths are counted in characters: 100 Chinese characters are accepted, 101 → 400 too_long', async () => {
		const name100 = '文'.repeat(90) + Math.random().toString().slice(2, 12);
		assert.equal([...name100].length, 100);
		let r = await admin.post('/api/v1/units', { name: name100, category: 'institution', region_code: '150622' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.name, name100);
		const name101 = '明'.repeat(101);
		await rejects(admin, 'POST', '/api/v1/units', { name: name101, category: 'institution', region_code: '150622' }, {
			status: 400,
			code: 'too_long',
			field: 'name',
		});
		await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { name: name101, version: unit.version }, { status: 400, code: 'too_long', field: 'name' });
		// 4-byte characters count as one
		const emoji100 = '𠀀'.repeat(100);
		r = await admin.post('/api/v1/units', { name: emoji100, category: 'institution', region_code: '150622' });
		assert.equal(r.status, 201, `100 supplementary-plane characters: ${JSON.stringify(r.body)}`);
		await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { remark: '备'.repeat(501), version: unit.version }, { status: 400, code: 'too_long', field: 'remark' });
		r = await admin.patch(`/api/v1/units/${unit.id}`, { remark: '备'.repeat(500), version: unit.version });
		assert.equal(r.status, 200);
		unit = r.body;
		await rejects(admin, 'POST', '/api/v1/users', { ...targets()[2].base(), display_name: '名'.repeat(51) }, { status: 400, code: 'too_long', field: 'display_name' });
		// too short and blank
		await rejects(admin, 'POST', '/api/v1/units', { name: '单', category: 'institution', region_code: '150622' }, { status: 400, field: 'name' });
		await rejects(admin, 'POST', '/api/v1/units', { name: '   ', category: 'institution', region_code: '150622' }, { status: 400, field: 'name' });
		await rejects(admin, 'POST', '/api/v1/units', { category: 'institution', region_code: '150622' }, { status: 400, field: 'name' });
		// control characters and NUL
		await rejects(admin, 'POST', '/api/v1/units', { name: '控制\u0007字符', category: 'institution', region_code: '150622' }, { status: 400, field: 'name' });
		await rejects(admin, 'POST', '/api/v1/units', { name: '空\u0000字符', category: 'institution', region_code: '150622' }, { status: 400 });
	});

	it('USCC: checksum, length, charset (I O Z S V), organisation-code check; lowercase is normalised', async () => {
		const good = makeUscc();
		const base = () => ({ name: uniqueName(), category: 'institution', region_code: '150622' });
		const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: wrongCheck }, { status: 400, code: 'uscc_checksum', field: 'uscc' });
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: good.slice(0, 17) }, { status: 400, code: 'uscc_length', field: 'uscc' });
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: good + '1' }, { status: 400, field: 'uscc' });
		for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
			const s = good.slice(0, 10) + bad + good.slice(11);
			await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: s }, { status: 400, code: 'uscc_charset', field: 'uscc' });
		}
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: '统一社会信用代码统一社会信用代码统一' }, { status: 400, field: 'uscc' });
		// organisation-code check character wrong, overall check recomputed so only that is wrong
		const body8 = good.slice(8, 16);
		const wrongOrg = orgCheckChar(body8) === '0' ? '1' : '0';
		const first17 = good.slice(0, 16) + wrongOrg;
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: first17 + usccCheckChar(first17) }, { status: 400, field: 'uscc' });
		await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { uscc: wrongCheck, version: unit.version }, { status: 400, code: 'uscc_checksum' });
		// lowercase is normalised
		const lower = makeUscc();
		const r = await admin.post('/api/v1/units', { ...base(), uscc: lower.toLowerCase() });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.uscc, lower);
		// duplicate → 409, also when only the case differs, also on update
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: lower }, { status: 409, code: 'uscc_taken', field: 'uscc' });
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: lower.toLowerCase() }, { status: 409, code: 'uscc_taken' });
		await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { uscc: lower, version: unit.version }, { status: 409, code: 'uscc_taken' });
		// a duplicate held by a unit outside the caller's scope is still a conflict, not a 500
		const far = await ordos.post('/api/v1/units', { ...base(), region_code: '150621', uscc: makeUscc('150621') });
		assert.equal(far.status, 201);
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), uscc: far.body.uscc }, { status: 409 });
	});

	it('region codes: bad shape → 400 region_code; a code not in the table → 400/404 with field region_code', async () => {
		const base = () => ({ name: uniqueName(), category: 'institution' });
		for (const code of ['15062', '1506222', 'abcdef', '150620x', '000000', '150022', '']) {
			await rejects(admin, 'POST', '/api/v1/units', { ...base(), region_code: code }, { status: 400, field: 'region_code' });
		}
		for (const code of ['999999', '150699', '159901']) {
			await rejects(admin, 'POST', '/api/v1/units', { ...base(), region_code: code }, { status: [400, 404], field: 'region_code' });
			await rejects(ordos, 'POST', '/api/v1/units', { ...base(), region_code: code }, { status: [400, 404], field: 'region_code' });
			await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { region_code: code, version: unit.version }, { status: [400, 404], field: 'region_code' });
			await rejects(admin, 'POST', '/api/v1/users', { ...targets()[2].base(), region_code: code }, { status: [400, 404], field: 'region_code' });
		}
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), region_code: '150622', category: 'no_such_category' }, { status: 400, field: 'category' });
	});

	it('numbers out of range → 400', async () => {
		const base = () => ({ name: uniqueName(), category: 'institution', region_code: '150622' });
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), staff_count: -1 }, { status: 400, field: 'staff_count' });
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), staff_count: 10000001 }, { status: 400, field: 'staff_count' });
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), staff_count: 2 ** 53 }, { status: 400, field: 'staff_count' });
		await rejects(admin, 'POST', '/api/v1/units', undefined, { status: 400, opts: { rawBody: '{"name":"溢出单位","category":"institution","region_code":"150622","staff_count":99999999999999999999999}' } });
		await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { staff_count: -5, version: unit.version }, { status: 400, field: 'staff_count' });
		await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { remark: 'x', version: 0 }, { status: 400, field: 'version' });
		await rejects(admin, 'PATCH', `/api/v1/units/${unit.id}`, { remark: 'x', version: -3 }, { status: 400, field: 'version' });
		await rejects(admin, 'POST', '/api/v1/units', { ...base(), contact_phone: '电话0477' }, { status: 400, field: 'contact_phone' });
		await rejects(admin, 'POST', '/api/v1/users', { ...targets()[2].base(), username: 'Bad Name' }, { status: 400, field: 'username' });
		await rejects(admin, 'POST', '/api/v1/users', { ...targets()[2].base(), role: 'root' }, { status: 400, field: 'role' });
		await rejects(admin, 'POST', '/api/v1/users', { ...targets()[2].base(), role: 'unit', region_code: undefined }, { status: 400, field: 'unit_id' });
		await rejects(admin, 'POST', '/api/v1/users', { ...targets()[2].base(), username: 'admin' }, { status: 409 });
	});

	it(`a body larger than WENMING_MAX_BODY (${MAX_BODY}) → 413, with Content-Length or chunked`, async () => {
		const big = { name: uniqueName(), category: 'institution', region_code: '150622', remark: 'x'.repeat(MAX_BODY) };
		for (const t of targets()) {
			await rejects(admin, t.method, t.path, { ...t.base(), remark: 'y'.repeat(MAX_BODY + 10) }, { status: 413 });
		}
		await rejects(admin, 'POST', '/api/v1/units', big, { status: 413 });
		// chunked, no Content-Length
		const before = state();
		const r = await new Promise((resolve, reject) => {
			const req = http.request(
				`${srv.base}/api/v1/units`,
				{
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						'Transfer-Encoding': 'chunked',
						Cookie: `wm_session=${admin.cookie}`,
						'X-CSRF-Token': admin.csrf,
					},
				},
				(res) => {
					let data = '';
					res.setEncoding('utf8');
					res.on('data', (c) => (data += c));
					res.on('end', () => resolve({ status: res.statusCode, body: data }));
				},
			);
			req.on('error', reject);
			const text = JSON.stringify(big);
			for (let i = 0; i < text.length; i += 1000) req.write(text.slice(i, i + 1000));
			req.end();
		});
		assert.equal(r.status, 413, r.body);
		assert.equal(JSON.parse(r.body).error.code, 'body_too_large');
		assert.deepEqual(state(), before);
		// the connection limit is per request: a normal request afterwards works
		assert.equal((await admin.get('/api/v1/units')).status, 200);
	});

	it('deeply nested JSON → 400 json_too_deep', async () => {
		const deep = '['.repeat(100) + ']'.repeat(100);
		for (const t of targets()) {
			await rejects(admin, t.method, t.path, undefined, { status: 400, code: 'json_too_deep', opts: { rawBody: `{"name":${deep}}` } });
			await rejects(admin, t.method, t.path, undefined, { status: 400, code: 'json_too_deep', opts: { rawBody: '{"a":'.repeat(100) + '1' + '}'.repeat(100) } });
		}
		// brackets inside strings do not count
		const r = await admin.post('/api/v1/units', { name: '括号[[[[[[[[[[[[[[[[[[[[[[[[[[[[单位', category: 'institution', region_code: '150622' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
	});

	it('invalid query parameters → 400', async () => {
		const bad = [
			'/api/v1/units?per_page=0',
			'/api/v1/units?per_page=1000',
			'/api/v1/units?per_page=-1',
			'/api/v1/units?per_page=abc',
			'/api/v1/units?page=abc',
			'/api/v1/units?page=0',
			'/api/v1/units?page=1.5',
			'/api/v1/units?page=99999999999',
			'/api/v1/units?sort=bogus',
			'/api/v1/units?sort=name;DROP TABLE units',
			'/api/v1/units?level=bogus',
			'/api/v1/units?tier=gold',
			'/api/v1/units?status=bogus',
			'/api/v1/units?title_status=bogus',
			'/api/v1/units?region=abc',
			'/api/v1/units?region=15062',
			`/api/v1/units?q=${encodeURIComponent('长'.repeat(101))}`,
			'/api/v1/units?format=xlsx2',
			'/api/v1/units?after=not-a-cursor',
			'/api/v1/titles?per_page=0',
			'/api/v1/titles?level=bogus',
			'/api/v1/titles?status=bogus',
			'/api/v1/titles?year=abc',
			'/api/v1/users?role=root',
			'/api/v1/users?per_page=101',
			'/api/v1/audit?from=2025-13-01',
			'/api/v1/audit?to=yesterday',
			'/api/v1/audit?after=abc',
			'/api/v1/audit?per_page=0',
		];
		for (const p of bad) {
			const r = await admin.get(p);
			assert.equal(r.status, 400, `${p}: ${r.status} ${JSON.stringify(r.body)}`);
			assert.ok(r.body.error?.code, p);
		}
		for (const p of ['/api/v1/units?per_page=1', '/api/v1/units?per_page=100', '/api/v1/units?page=2&per_page=1', '/api/v1/units?q=', '/api/v1/units?region=']) {
			const r = await admin.get(p);
			assert.equal(r.status, 200, `${p}: ${r.status} ${JSON.stringify(r.body)}`);
		}
		const one = await admin.get('/api/v1/units?per_page=1');
		assert.equal(one.body.items.length, 1);
		assert.equal(one.body.per_page, 1);
	});

	it('odd ids in paths → 404, unknown /api paths → 404 JSON, wrong methods → 405', async () => {
		for (const id of ['abc', '0', '-1', '1.0', '99999999999999999999', '%20', `${unit.id}x`]) {
			const r = await admin.get(`/api/v1/units/${id}`);
			assert.equal(r.status, 404, `units/${id}: ${r.status}`);
			const p = await admin.patch(`/api/v1/units/${id}`, { remark: 'x', version: 1 });
			assert.ok([400, 404].includes(p.status), `PATCH units/${id}: ${p.status}`);
		}
		for (const p of ['/api/v1/unit', '/api/v1/units/1/nothing', '/api/nope', '/api/v1/dicts/no_such_kind']) {
			const r = await admin.get(p);
			assert.equal(r.status, 404, p);
			assert.match(r.headers.get('content-type'), /json/);
			assert.ok(r.body.error);
		}
		for (const [m, p] of [
			['PUT', '/api/v1/units'],
			['DELETE', '/api/v1/units'],
			['PATCH', '/api/v1/units'],
			['POST', `/api/v1/units/${unit.id}`],
			['PUT', '/api/v1/session'],
			['POST', '/healthz'],
		]) {
			const r = await admin.req(m, p, {});
			assert.equal(r.status, 405, `${m} ${p}: ${r.status}`);
			assert.equal(r.body.error.code, 'method_not_allowed');
		}
	});

	it('no bad input anywhere produces a 5xx', async () => {
		const paths = ['/api/v1/units', `/api/v1/units/${unit.id}`, `/api/v1/units/${unit.id}/titles`, `/api/v1/units/${unit.id}/restructure`, '/api/v1/users', '/api/v1/regions', '/api/v1/regions/150622', '/api/v1/dicts/unit_category', '/api/v1/session/password'];
		const bodies = ['{}', '[]', '{"version":1}', '{"version":1e400}', '{"kind":null,"version":1}', '{"name":null,"version":1}', '{"new_unit":[],"kind":"split","version":1}', '{"new_unit":{"name":5},"kind":"split","version":1}', '"\\ud800"', '{"name":"\\ud800\\udc00x"}', '{"code":"150622","name":"x"}'];
		const before = state();
		for (const p of paths) {
			for (const m of ['POST', 'PATCH']) {
				for (const b of bodies) {
					const r = await admin.req(m, p, undefined, { rawBody: b });
					assert.ok(r.status < 500, `${m} ${p} ${b}: ${r.status} ${r.text.slice(0, 200)}`);
				}
			}
		}
		assert.deepEqual(state(), before);
	});
});
