// units.test.mjs — the unit registry through the API: create, read with titles and lineage,
// versioned update and delete, filters, pinyin sort, page and cursor paging, CSV export, title
// awards and status changes, restructuring (rename, merge, split, dissolve).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, awardTitle, listAll, makeUscc, uniqueName } from './harness.mjs';

describe('units', () => {
	let srv, admin, leader;

	before(async () => {
		srv = await startServer();
		admin = await srv.login('admin');
		leader = await srv.login('leader');
	});
	after(async () => {
		await srv?.stop();
	});

	it('create answers 201 with the fields echoed, normalised USCC, version 1 and a created event', async () => {
		const uscc = makeUscc();
		const body = {
			name: '  ' + uniqueName('创建单位') + ' ',
			uscc: uscc.toLowerCase(),
			category: 'school',
			region_code: '150622',
			address: '准格尔旗薛家湾镇迎宾路1号',
			contact_name: '王老师',
			contact_phone: '0477-4212345',
			staff_count: 123,
			remark: '备注：新建',
		};
		const r = await admin.post('/api/v1/units', body);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const u = r.body;
		assert.equal(u.name, body.name.trim(), 'name is trimmed');
		assert.equal(u.uscc, uscc, 'uscc is upper-cased');
		assert.equal(u.category, 'school');
		assert.equal(u.category_label, '学校');
		assert.equal(u.region_code, '150622');
		assert.equal(u.region_name, '准格尔旗');
		assert.equal(u.address, body.address);
		assert.equal(u.contact_name, body.contact_name);
		assert.equal(u.contact_phone, body.contact_phone);
		assert.equal(u.staff_count, 123);
		assert.equal(u.remark, body.remark);
		assert.equal(u.status, 'active');
		assert.equal(u.version, 1);
		assert.equal(u.top_title, null);
		assert.equal(u.merged_into_id, null);
		assert.match(u.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const row = srv.db.query(`SELECT name, uscc, staff_count, version FROM units WHERE id = ${u.id}`);
		assert.deepEqual(row, [[u.name, uscc, '123', '1']]);
		const g = await leader.get(`/api/v1/units/${u.id}`);
		assert.equal(g.status, 200);
		assert.equal(g.body.name, u.name);
		assert.deepEqual(g.body.titles, []);
		assert.equal(g.body.events.length, 1);
		assert.equal(g.body.events[0].kind, 'created');
		// a unit without USCC is allowed; a second one without USCC too (NULLs are not duplicates)
		const a = await createUnit(admin, { uscc: undefined });
		const b = await createUnit(admin, { uscc: '' });
		assert.equal(a.uscc, '');
		assert.equal(b.uscc, '');
	});

	it('get shows titles with their events and the lineage', async () => {
		const u = await createUnit(admin);
		const t = await awardTitle(admin, u.id, { level: 'city', tier: 'model', awarded_year: 2023, doc_no: '鄂文明委〔2023〕5号' });
		assert.equal(t.status, 'valid');
		assert.equal(t.unit_id, u.id);
		assert.equal(t.expires_year, 2025);
		const g = await admin.get(`/api/v1/units/${u.id}`);
		assert.equal(g.status, 200);
		assert.equal(g.body.titles.length, 1);
		assert.equal(g.body.titles[0].id, t.id);
		assert.equal(g.body.titles[0].events.length, 1);
		assert.equal(g.body.titles[0].events[0].to_status, 'valid');
		assert.equal(g.body.titles[0].events[0].doc_no, '鄂文明委〔2023〕5号');
		assert.deepEqual(
			{ id: g.body.top_title.id, level: g.body.top_title.level, tier: g.body.top_title.tier },
			{ id: t.id, level: 'city', tier: 'model' },
		);
		const lt = await admin.get(`/api/v1/units/${u.id}/titles`);
		assert.equal(lt.status, 200);
		assert.deepEqual(lt.body.items.map((x) => x.id), [t.id]);
	});

	it('update with the current version answers 200 and version+1; a stale version 409 and no change', async () => {
		const u = await createUnit(admin, { remark: '旧' });
		let r = await admin.patch(`/api/v1/units/${u.id}`, { remark: '新', staff_count: 77, version: u.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.remark, '新');
		assert.equal(r.body.staff_count, 77);
		assert.equal(r.body.version, u.version + 1);
		assert.equal(r.body.name, u.name, 'fields not sent are kept');
		const row = srv.db.query(`SELECT * FROM units WHERE id = ${u.id}`);
		r = await admin.patch(`/api/v1/units/${u.id}`, { remark: '过期', version: u.version });
		assert.equal(r.status, 409, JSON.stringify(r.body));
		assert.equal(r.body.error.code, 'version_conflict');
		assert.deepEqual(srv.db.query(`SELECT * FROM units WHERE id = ${u.id}`), row);
		r = await admin.patch(`/api/v1/units/${u.id}`, { remark: '无版本' });
		assert.equal(r.status, 400);
		assert.equal(r.body.error.field, 'version');
		assert.deepEqual(srv.db.query(`SELECT * FROM units WHERE id = ${u.id}`), row);
	});

	it('delete with the version answers 204; stale 409; a unit with titles or lineage 409 unit_in_use', async () => {
		const u = await createUnit(admin);
		let r = await admin.delete(`/api/v1/units/${u.id}?version=${u.version + 5}`);
		assert.equal(r.status, 409);
		assert.equal(r.body.error.code, 'version_conflict');
		assert.equal(srv.db.count('units', `id = ${u.id}`), 1);
		assert.equal(srv.db.count('unit_events', `unit_id = ${u.id}`), 1, 'the created event survives a failed delete');
		r = await admin.delete(`/api/v1/units/${u.id}`);
		assert.equal(r.status, 400, 'delete without a version');
		r = await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`);
		assert.equal(r.status, 204, JSON.stringify(r.body));
		assert.equal(srv.db.count('units', `id = ${u.id}`), 0);
		assert.equal((await admin.get(`/api/v1/units/${u.id}`)).status, 404);
		assert.equal((await admin.delete(`/api/v1/units/${u.id}?version=${u.version}`)).status, 404);

		const titled = await createUnit(admin);
		await awardTitle(admin, titled.id);
		const rowT = srv.db.query(`SELECT * FROM units WHERE id = ${titled.id}`);
		r = await admin.delete(`/api/v1/units/${titled.id}?version=${titled.version}`);
		assert.equal(r.status, 409);
		assert.equal(r.body.error.code, 'unit_in_use');
		assert.deepEqual(srv.db.query(`SELECT * FROM units WHERE id = ${titled.id}`), rowT);

		const renamed = await createUnit(admin);
		r = await admin.post(`/api/v1/units/${renamed.id}/restructure`, { kind: 'rename', new_name: uniqueName('更名后'), version: renamed.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const rowR = srv.db.query(`SELECT * FROM units WHERE id = ${renamed.id}`);
		const evR = srv.db.count('unit_events', `unit_id = ${renamed.id}`);
		r = await admin.delete(`/api/v1/units/${renamed.id}?version=${r.body.version}`);
		assert.equal(r.status, 409, `a unit with lineage: ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(r.body.error.code, 'unit_in_use');
		assert.deepEqual(srv.db.query(`SELECT * FROM units WHERE id = ${renamed.id}`), rowR);
		assert.equal(srv.db.count('unit_events', `unit_id = ${renamed.id}`), evR);
	});

	describe('lists', () => {
		const marker = '拼序' + randomBytes(2).toString('hex');
		// first characters with unambiguous pinyin, a … k
		const heads = ['安', '北', '成', '东', '鄂', '富', '高', '黄', '金', '康'];
		const made = [];

		before(async () => {
			const shuffled = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4];
			for (const i of shuffled) {
				const category = i % 3 === 0 ? 'school' : 'hospital';
				const u = await createUnit(admin, { name: `${heads[i]}${marker}单位`, category });
				made[i] = u;
			}
			await awardTitle(admin, made[1].id, { level: 'city', tier: 'unit' });
			await awardTitle(admin, made[2].id, { level: 'city', tier: 'model' });
			await awardTitle(admin, made[3].id, { level: 'banner', tier: 'unit' });
			const t = await awardTitle(admin, made[4].id, { level: 'city', tier: 'unit' });
			const r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'revoked', reason: '测评不合格', version: t.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
		});

		const q = () => `q=${encodeURIComponent(marker)}`;

		it('sort=name is pinyin order (安 北 成 东 鄂 富 高 黄 金 康); -name is the reverse', async () => {
			const r = await admin.get(`/api/v1/units?${q()}&per_page=100`);
			assert.equal(r.status, 200);
			assert.equal(r.body.total, 10);
			assert.deepEqual(r.body.items.map((u) => u.name[0]), heads, 'default sort is pinyin');
			const n = await admin.get(`/api/v1/units?${q()}&sort=name&per_page=100`);
			assert.deepEqual(n.body.items.map((u) => u.name[0]), heads);
			const d = await admin.get(`/api/v1/units?${q()}&sort=-name&per_page=100`);
			assert.deepEqual(d.body.items.map((u) => u.name[0]), [...heads].reverse());
			const i = await admin.get(`/api/v1/units?${q()}&sort=id&per_page=100`);
			const ids = i.body.items.map((u) => u.id);
			assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
		});

		it('a renamed unit moves to its new pinyin position', async () => {
			const u = made[9]; // 康…
			const r = await admin.patch(`/api/v1/units/${u.id}`, { name: `阿${marker}改名`, version: u.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			made[9] = r.body;
			const l = await admin.get(`/api/v1/units?${q()}&per_page=100`);
			assert.equal(l.body.items[0].id, u.id, `阿 sorts first: ${l.body.items.map((x) => x.name[0]).join('')}`);
			const back = await admin.patch(`/api/v1/units/${u.id}`, { name: `康${marker}单位`, version: r.body.version });
			assert.equal(back.status, 200);
			made[9] = back.body;
		});

		it('page/per_page paging covers the list exactly once', async () => {
			const seen = [];
			for (let page = 1; page <= 4; page++) {
				const r = await admin.get(`/api/v1/units?${q()}&per_page=3&page=${page}`);
				assert.equal(r.status, 200);
				assert.equal(r.body.total, 10);
				assert.equal(r.body.page, page);
				assert.equal(r.body.per_page, 3);
				assert.equal(r.body.items.length, page < 4 ? 3 : 1);
				seen.push(...r.body.items.map((u) => u.name[0]));
			}
			assert.deepEqual(seen, heads);
			const past = await admin.get(`/api/v1/units?${q()}&per_page=3&page=9`);
			assert.equal(past.status, 200);
			assert.deepEqual(past.body.items, []);
		});

		for (const sort of ['name', '-name', 'id', '-updated_at']) {
			it(`after cursors walk every page with no duplicates or gaps (sort=${sort})`, async () => {
				const full = await admin.get(`/api/v1/units?${q()}&sort=${sort}&per_page=100`);
				const expected = full.body.items.map((u) => u.id);
				assert.equal(expected.length, 10);
				const walked = [];
				let url = `/api/v1/units?${q()}&sort=${sort}&per_page=3`;
				for (let i = 0; i < 10; i++) {
					const r = await admin.get(url);
					assert.equal(r.status, 200, `${sort}: ${JSON.stringify(r.body)}`);
					assert.equal(r.body.total, 10);
					walked.push(...r.body.items.map((u) => u.id));
					if (!r.body.next_cursor) break;
					url = `/api/v1/units?${q()}&sort=${sort}&per_page=3&after=${encodeURIComponent(r.body.next_cursor)}`;
				}
				assert.deepEqual(walked, expected, `cursor walk, sort=${sort}`);
			});
		}

		it('after cursors walk the whole in-scope registry; foreign or malformed cursors are 400', async () => {
			// the whole in-scope registry, in pages of 7
			const all = await admin.get('/api/v1/units?per_page=100');
			const walked = await listAll(admin, '/api/v1/units', { perPage: 7 });
			assert.equal(walked.length, all.body.total);
			assert.equal(new Set(walked.map((u) => u.id)).size, walked.length, 'no duplicates');
			// a cursor from one sort is refused by another
			const r = await admin.get(`/api/v1/units?${q()}&sort=name&per_page=3`);
			const bad = await admin.get(`/api/v1/units?${q()}&sort=id&after=${encodeURIComponent(r.body.next_cursor)}`);
			assert.equal(bad.status, 400);
			assert.equal(bad.body.error.code, 'invalid_cursor');
			for (const c of ['garbage', 'name.zz.1', 'name.00.-1', 'id.0.abc', '']) {
				const x = await admin.get(`/api/v1/units?after=${encodeURIComponent(c)}`);
				assert.ok(x.status === 400 || (c === '' && x.status === 200), `after=${c}: ${x.status}`);
			}
		});

		it('filters: q (name, USCC prefix), region, category, status, level, tier, title_status', async () => {
			const ids = (r) => r.body.items.map((u) => u.id).sort((a, b) => a - b);
			const idsOf = (...idx) => idx.map((i) => made[i].id).sort((a, b) => a - b);
			let r = await admin.get(`/api/v1/units?q=${encodeURIComponent(heads[4] + marker)}`);
			assert.deepEqual(ids(r), idsOf(4), 'q by name');
			r = await admin.get(`/api/v1/units?q=${made[6].uscc.slice(0, 14)}`);
			assert.ok(ids(r).includes(made[6].id), 'q by USCC prefix');
			r = await admin.get(`/api/v1/units?q=${made[6].uscc}`);
			assert.deepEqual(ids(r), idsOf(6), 'q by whole USCC');
			r = await admin.get(`/api/v1/units?${q()}&category=school&per_page=100`);
			assert.deepEqual(ids(r), idsOf(0, 3, 6, 9));
			r = await admin.get(`/api/v1/units?${q()}&region=150622&per_page=100`);
			assert.equal(r.body.total, 10);
			r = await admin.get(`/api/v1/units?${q()}&region=150621&per_page=100`);
			assert.equal(r.body.total, 0);
			r = await admin.get(`/api/v1/units?${q()}&level=city&per_page=100`);
			assert.deepEqual(ids(r), idsOf(1, 2), 'level=city counts live titles only');
			r = await admin.get(`/api/v1/units?${q()}&level=city&tier=model&per_page=100`);
			assert.deepEqual(ids(r), idsOf(2));
			r = await admin.get(`/api/v1/units?${q()}&tier=unit&per_page=100`);
			assert.deepEqual(ids(r), idsOf(1, 3));
			r = await admin.get(`/api/v1/units?${q()}&title_status=revoked&per_page=100`);
			assert.deepEqual(ids(r), idsOf(4));
			r = await admin.get(`/api/v1/units?${q()}&status=active&per_page=100`);
			assert.equal(r.body.total, 10);
			r = await admin.get(`/api/v1/units?${q()}&status=merged&per_page=100`);
			assert.equal(r.body.total, 0);
			// LIKE wildcards in q are literal
			r = await admin.get(`/api/v1/units?q=${encodeURIComponent('%')}`);
			assert.equal(r.status, 200);
			assert.ok(r.body.items.every((u) => u.name.includes('%') || u.uscc.startsWith('%')));
			r = await admin.get(`/api/v1/units?q=${encodeURIComponent('_')}`);
			assert.ok(r.body.items.every((u) => u.name.includes('_')));
			// the list row carries the top title
			r = await admin.get(`/api/v1/units?q=${encodeURIComponent(heads[2] + marker)}`);
			assert.equal(r.body.items[0].top_title.level, 'city');
			assert.equal(r.body.items[0].top_title.tier, 'model');
		});

		it('titles list filters and pages', async () => {
			let r = await admin.get(`/api/v1/titles?q=${encodeURIComponent(marker)}&per_page=100`);
			assert.equal(r.status, 200);
			assert.equal(r.body.total, 4);
			r = await admin.get(`/api/v1/titles?q=${encodeURIComponent(marker)}&status=revoked`);
			assert.equal(r.body.total, 1);
			assert.equal(r.body.items[0].unit_id, made[4].id);
			r = await admin.get(`/api/v1/titles?q=${encodeURIComponent(marker)}&level=city&tier=model`);
			assert.equal(r.body.total, 1);
			r = await admin.get(`/api/v1/titles?q=${encodeURIComponent(marker)}&year=2024&per_page=2`);
			assert.equal(r.body.total, 4);
			assert.equal(r.body.items.length, 2);
			r = await admin.get(`/api/v1/titles?year=1900`);
			assert.equal(r.status, 400);
		});

		it('format=csv: text/csv with a BOM, a Chinese header, the same rows, formulas neutralised', async () => {
			const evil = await createUnit(admin, {
				name: `=HYPERLINK("http://evil.example/","${marker}点我")`,
				address: '+SUM(1,2)',
				contact_name: '@cmd',
				contact_phone: '-1234',
			});
			const r = await admin.get(`/api/v1/units?${q()}&format=csv`);
			assert.equal(r.status, 200);
			assert.match(r.headers.get('content-type'), /^text\/csv/);
			assert.match(r.headers.get('content-disposition') || '', /attachment/);
			assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
			const lines = r.text.slice(1).split('\r\n').filter(Boolean);
			assert.match(lines[0], /^单位名称,统一社会信用代码,/);
			assert.equal(lines.length, 1 + 11, 'header + the 11 units of the query');
			const evilLine = lines.find((l) => l.includes('HYPERLINK'));
			assert.ok(evilLine, 'the formula-named unit is exported');
			assert.ok(evilLine.startsWith(`"'=HYPERLINK(""http://evil.example/"",`), `name neutralised: ${evilLine}`);
			assert.ok(evilLine.includes(`"'+SUM(1,2)"`), `address neutralised: ${evilLine}`);
			assert.ok(evilLine.includes(`"'@cmd"`), `contact neutralised: ${evilLine}`);
			assert.ok(evilLine.includes(`"'-1234"`), `phone neutralised: ${evilLine}`);
			assert.ok(!/(^|,)[=+\-@]/.test(evilLine.replace(/"[^"]*(""[^"]*)*"/g, 'Q')), 'no bare formula cell');
			// pinyin order in the export too
			const firsts = lines.slice(1).filter((l) => !l.includes('HYPERLINK')).map((l) => l[0]);
			assert.deepEqual(firsts, heads);
			await admin.delete(`/api/v1/units/${evil.id}?version=${evil.version}`);
			const t = await admin.get(`/api/v1/titles?q=${encodeURIComponent(marker)}&format=csv`);
			assert.equal(t.status, 200);
			assert.match(t.headers.get('content-type'), /^text\/csv/);
			assert.deepEqual([...t.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
			assert.match(t.text.slice(1), /^单位名称,称号级别/);
			assert.equal(t.text.trim().split('\r\n').length, 1 + 4);
			const bad = await admin.get('/api/v1/units?format=xml');
			assert.equal(bad.status, 400);
		});
	});

	describe('export of more than one page', () => {
		const marker = '导出' + randomBytes(2).toString('hex');
		const N = 105;
		before(async () => {
			const jobs = Array.from({ length: N }, (_, i) => i);
			while (jobs.length) {
				const batch = jobs.splice(0, 8);
				await Promise.all(batch.map((i) => createUnit(admin, { name: `${marker}单位${String(i).padStart(3, '0')}` })));
			}
		});
		for (const sort of ['name', '-name', 'id', '-updated_at']) {
			it(`format=csv exports all ${N} rows across internal pages (sort=${sort})`, async () => {
				const r = await admin.get(`/api/v1/units?q=${encodeURIComponent(marker)}&sort=${sort}&format=csv`);
				assert.equal(r.status, 200, `${r.status} ${r.text.slice(0, 200)}`);
				const lines = r.text.slice(1).split('\r\n').filter(Boolean);
				assert.equal(lines.length, 1 + N);
				assert.equal(new Set(lines).size, lines.length, 'no duplicate rows');
			});
		}
	});

	describe('concurrent writers', () => {
		it('10 PATCHes with the same version: exactly one wins, the others get 409; one audit entry', async () => {
			const u = await createUnit(admin);
			const rs = await Promise.all(
				Array.from({ length: 10 }, (_, i) => admin.patch(`/api/v1/units/${u.id}`, { remark: `并发${i}`, version: u.version })),
			);
			const statuses = rs.map((r) => r.status).sort();
			assert.deepEqual(statuses, [200, ...Array(9).fill(409)], JSON.stringify(rs.map((r) => r.body)));
			const winner = rs.find((r) => r.status === 200).body;
			assert.deepEqual(srv.db.query(`SELECT remark, version FROM units WHERE id = ${u.id}`), [[winner.remark, String(u.version + 1)]]);
			assert.equal(srv.db.count('audit_log', `entity = 'unit' AND entity_id = '${u.id}' AND action = 'update'`), 1);
		});

		it('8 creates with the same USCC: exactly one 201, the others 409 uscc_taken (never a 5xx)', async () => {
			const uscc = makeUscc();
			const rs = await Promise.all(
				Array.from({ length: 8 }, () => admin.post('/api/v1/units', { name: uniqueName('并发'), uscc, category: 'institution', region_code: '150622' })),
			);
			const statuses = rs.map((r) => r.status).sort();
			assert.deepEqual(statuses, [201, ...Array(7).fill(409)], JSON.stringify(rs.map((r) => r.body)));
			assert.ok(rs.filter((r) => r.status === 409).every((r) => r.body.error.code === 'uscc_taken'));
			assert.equal(srv.db.count('units', `uscc = '${uscc}'`), 1);
		});

		it('parallel writes keep the audit hash chain intact', async () => {
			const units = await Promise.all(Array.from({ length: 6 }, () => createUnit(admin)));
			await Promise.all(units.map((u) => awardTitle(admin, u.id)));
			await Promise.all(units.map((u, i) => admin.patch(`/api/v1/units/${u.id}`, { staff_count: i, version: u.version })));
			const r = srv.cli('audit', 'verify');
			assert.equal(r.code, 0, r.stdout + r.stderr);
		});
	});

	describe('two server processes on one database', () => {
		let second;
		before(async () => {
			second = await startServer({ shareDbWith: srv });
		});
		after(async () => {
			await second?.stop();
		});

		it('a unit created through one process is listed by the other with a matching total', async () => {
			const other = await second.login('admin');
			const marker = '双进程' + randomBytes(2).toString('hex');
			let r = await other.get(`/api/v1/units?q=${encodeURIComponent(marker)}`);
			assert.equal(r.body.total, 0);
			const u = await createUnit(admin, { name: `${marker}单位` });
			r = await other.get(`/api/v1/units?q=${encodeURIComponent(marker)}`);
			assert.deepEqual(r.body.items.map((x) => x.id), [u.id], 'the other process sees the new unit');
			assert.equal(r.body.total, r.body.items.length, `total ${r.body.total} disagrees with the ${r.body.items.length} items listed`);
			r = await other.get('/api/v1/registry/stats');
			const mine = await admin.get('/api/v1/registry/stats');
			assert.deepEqual(r.body, mine.body);
			// and a change through the other process is seen here
			const p = await other.patch(`/api/v1/units/${u.id}`, { remark: '另一进程', version: u.version });
			assert.equal(p.status, 200);
			const g = await admin.get(`/api/v1/units/${u.id}`);
			assert.equal(g.body.remark, '另一进程');
			assert.equal(g.body.version, u.version + 1);
		});
	});

	describe('titles', () => {
		it('award, criticize with a reason (event kept), revoke; revoked → valid is 422; no reason is 400', async () => {
			const u = await createUnit(admin);
			const t = await awardTitle(admin, u.id, { level: 'banner', tier: 'unit', awarded_year: 2024 });
			assert.equal(t.status, 'valid');
			assert.equal(t.version, 1);
			let r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'criticized', version: t.version });
			assert.equal(r.status, 400, 'a status change without a reason');
			assert.equal(r.body.error.field, 'reason');
			r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'criticized', reason: '   ', version: t.version });
			assert.equal(r.status, 400, 'a blank reason');
			assert.equal(srv.db.scalar(`SELECT status FROM titles WHERE id = ${t.id}`), 'valid');
			r = await admin.patch(`/api/v1/titles/${t.id}`, {
				status: 'criticized',
				reason: '年度测评排名末位，限期整改',
				doc_no: '准文明委〔2025〕9号',
				version: t.version,
			});
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'criticized');
			assert.equal(r.body.version, t.version + 1);
			const g = await leader.get(`/api/v1/units/${u.id}`);
			const gt = g.body.titles.find((x) => x.id === t.id);
			assert.equal(gt.status, 'criticized');
			const ev = gt.events.find((e) => e.to_status === 'criticized');
			assert.ok(ev, JSON.stringify(gt.events));
			assert.equal(ev.from_status, 'valid');
			assert.equal(ev.reason, '年度测评排名末位，限期整改');
			assert.equal(ev.doc_no, '准文明委〔2025〕9号');
			assert.equal(ev.actor_name, 'admin');
			// stale version
			const row = srv.db.query(`SELECT * FROM titles WHERE id = ${t.id}`);
			r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'valid', reason: '整改到位', version: t.version });
			assert.equal(r.status, 409);
			assert.deepEqual(srv.db.query(`SELECT * FROM titles WHERE id = ${t.id}`), row);
			r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'revoked', reason: '整改不到位', version: t.version + 1 });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			const events = srv.db.count('title_events', `title_id = ${t.id}`);
			const row2 = srv.db.query(`SELECT * FROM titles WHERE id = ${t.id}`);
			r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'valid', reason: '恢复', version: r.body.version });
			assert.equal(r.status, 422, JSON.stringify(r.body));
			assert.equal(r.body.error.code, 'invalid_transition');
			r = await admin.patch(`/api/v1/titles/${t.id}`, { status: 'bogus', reason: 'x', version: 3 });
			assert.equal(r.status, 400);
			assert.deepEqual(srv.db.query(`SELECT * FROM titles WHERE id = ${t.id}`), row2);
			assert.equal(srv.db.count('title_events', `title_id = ${t.id}`), events);
			// a revoked title is not the top title
			const after = await admin.get(`/api/v1/units/${u.id}`);
			assert.equal(after.body.top_title, null);
		});

		it('an award is validated', async () => {
			const u = await createUnit(admin);
			for (const body of [
				{ level: 'county', tier: 'unit', awarded_year: 2024 },
				{ level: 'banner', tier: 'gold', awarded_year: 2024 },
				{ level: 'banner', tier: 'unit', awarded_year: 1800 },
				{ level: 'banner', tier: 'unit' },
				{ level: 'banner', tier: 'unit', awarded_year: '2024' },
				{ level: 'banner', tier: 'unit', awarded_year: 2024, term_years: 0 },
				{ level: 'banner', tier: 'unit', awarded_year: 2024, extra: 1 },
			]) {
				const r = await admin.post(`/api/v1/units/${u.id}/titles`, body);
				assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status}`);
			}
			assert.equal(srv.db.count('titles', `unit_id = ${u.id}`), 0);
			assert.equal((await admin.post('/api/v1/units/987654321/titles', { level: 'banner', tier: 'unit', awarded_year: 2024 })).status, 404);
		});
	});

	describe('restructure', () => {
		it('rename: the name changes, a renamed event is kept, titles are kept', async () => {
			const u = await createUnit(admin);
			const t = await awardTitle(admin, u.id);
			const newName = uniqueName('更名');
			const r = await admin.post(`/api/v1/units/${u.id}/restructure`, {
				kind: 'rename',
				new_name: newName,
				date: '2025-03-01',
				doc_no: '准编发〔2025〕3号',
				note: '机构改革更名',
				version: u.version,
			});
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.name, newName);
			assert.equal(r.body.status, 'active');
			assert.equal(r.body.version, u.version + 1);
			const g = await admin.get(`/api/v1/units/${u.id}`);
			const ev = g.body.events.find((e) => e.kind === 'renamed');
			assert.ok(ev, JSON.stringify(g.body.events));
			assert.equal(ev.old_name, u.name);
			assert.equal(ev.new_name, newName);
			assert.equal(ev.date, '2025-03-01');
			assert.equal(ev.doc_no, '准编发〔2025〕3号');
			assert.equal(g.body.titles.find((x) => x.id === t.id).status, 'valid');
			assert.equal(g.body.titles[0].unit_name, newName);
			// same name, bad date, stale version
			let x = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'rename', new_name: newName, version: g.body.version });
			assert.equal(x.status, 400);
			x = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'rename', new_name: '另一个名称单位', date: '2025-02-30', version: g.body.version });
			assert.equal(x.status, 400);
			assert.equal(x.body.error.field, 'date');
			x = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'rename', new_name: '另一个名称单位', version: u.version });
			assert.equal(x.status, 409);
			x = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'explode', version: g.body.version });
			assert.equal(x.status, 400);
			assert.equal(srv.db.scalar(`SELECT name FROM units WHERE id = ${u.id}`), newName);
		});

		it('merge: status merged, titles lapsed (机构撤并), events on both units', async () => {
			const from = await createUnit(admin, { name: uniqueName('被合并') });
			const into = await createUnit(admin, { name: uniqueName('合并后') });
			const t1 = await awardTitle(admin, from.id, { level: 'city' });
			const t2 = await awardTitle(admin, from.id, { level: 'banner', tier: 'model' });
			const r = await admin.post(`/api/v1/units/${from.id}/restructure`, {
				kind: 'merge',
				into_unit_id: into.id,
				date: '2025-06-30',
				doc_no: '准编发〔2025〕8号',
				version: from.version,
			});
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'merged');
			assert.equal(r.body.merged_into_id, into.id);
			const g = await admin.get(`/api/v1/units/${from.id}`);
			for (const t of [t1, t2]) {
				const gt = g.body.titles.find((x) => x.id === t.id);
				assert.equal(gt.status, 'lapsed');
				const ev = gt.events.find((e) => e.to_status === 'lapsed');
				assert.ok(ev && ev.reason.includes('机构撤并'), JSON.stringify(gt.events));
			}
			const evFrom = g.body.events.find((e) => e.kind === 'merged_into');
			assert.ok(evFrom, JSON.stringify(g.body.events));
			assert.equal(evFrom.related_unit_id, into.id);
			const gi = await admin.get(`/api/v1/units/${into.id}`);
			const evInto = gi.body.events.find((e) => e.kind === 'absorbed');
			assert.ok(evInto, JSON.stringify(gi.body.events));
			assert.equal(evInto.related_unit_id, from.id);
			assert.equal(gi.body.status, 'active');
			// a merged unit cannot be restructured again or given a title
			let x = await admin.post(`/api/v1/units/${from.id}/restructure`, { kind: 'dissolve', version: g.body.version });
			assert.equal(x.status, 409);
			x = await admin.post(`/api/v1/units/${from.id}/titles`, { level: 'banner', tier: 'unit', awarded_year: 2025 });
			assert.equal(x.status, 409);
			// merging into itself or into a merged unit is refused
			const other = await createUnit(admin);
			x = await admin.post(`/api/v1/units/${other.id}/restructure`, { kind: 'merge', into_unit_id: other.id, version: other.version });
			assert.equal(x.status, 400);
			x = await admin.post(`/api/v1/units/${other.id}/restructure`, { kind: 'merge', into_unit_id: from.id, version: other.version });
			assert.equal(x.status, 404);
			assert.equal(srv.db.scalar(`SELECT status FROM units WHERE id = ${other.id}`), 'active');
			// the merged filter
			const l = await admin.get(`/api/v1/units?status=merged&q=${encodeURIComponent(from.name)}`);
			assert.deepEqual(l.body.items.map((u) => u.id), [from.id]);
		});

		it('split: a new unit with split_from_id; the original keeps its titles', async () => {
			const orig = await createUnit(admin, { name: uniqueName('分立前') });
			const t = await awardTitle(admin, orig.id);
			const newName = uniqueName('分立出');
			const uscc = makeUscc();
			const r = await admin.post(`/api/v1/units/${orig.id}/restructure`, {
				kind: 'split',
				new_unit: { name: newName, uscc, staff_count: 40 },
				date: '2025-01-15',
				version: orig.version,
			});
			assert.equal(r.status, 200, JSON.stringify(r.body));
			const newId = r.body.related_unit_id;
			assert.ok(newId && newId !== orig.id, JSON.stringify(r.body));
			const n = await admin.get(`/api/v1/units/${newId}`);
			assert.equal(n.status, 200);
			assert.equal(n.body.name, newName);
			assert.equal(n.body.uscc, uscc);
			assert.equal(n.body.split_from_id, orig.id);
			assert.equal(n.body.category, orig.category);
			assert.equal(n.body.region_code, orig.region_code);
			assert.ok(n.body.events.some((e) => e.kind === 'split_from' && e.related_unit_id === orig.id), JSON.stringify(n.body.events));
			const o = await admin.get(`/api/v1/units/${orig.id}`);
			assert.equal(o.body.status, 'active');
			assert.ok(o.body.events.some((e) => e.kind === 'split_to' && e.related_unit_id === newId));
			assert.equal(o.body.titles.find((x) => x.id === t.id).status, 'valid');
			// split without a new unit, or with a bad one
			let x = await admin.post(`/api/v1/units/${orig.id}/restructure`, { kind: 'split', version: o.body.version });
			assert.equal(x.status, 400);
			const count = srv.db.count('units');
			x = await admin.post(`/api/v1/units/${orig.id}/restructure`, { kind: 'split', new_unit: { name: '坏', uscc: 'X' }, version: o.body.version });
			assert.equal(x.status, 400);
			x = await admin.post(`/api/v1/units/${orig.id}/restructure`, { kind: 'split', new_unit: { name: uniqueName(), uscc }, version: o.body.version });
			assert.equal(x.status, 409, 'duplicate USCC on split');
			assert.equal(srv.db.count('units'), count);
			assert.equal(srv.db.scalar(`SELECT version FROM units WHERE id = ${orig.id}`), String(o.body.version));
		});

		it('dissolve: status dissolved, live titles lapsed, a dissolved event', async () => {
			const u = await createUnit(admin);
			const t = await awardTitle(admin, u.id);
			const r = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'dissolve', doc_no: '准编发〔2025〕9号', version: u.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'dissolved');
			const g = await admin.get(`/api/v1/units/${u.id}`);
			assert.ok(g.body.events.some((e) => e.kind === 'dissolved'));
			const gt = g.body.titles.find((x) => x.id === t.id);
			assert.equal(gt.status, 'lapsed');
			assert.ok(gt.events.some((e) => e.to_status === 'lapsed' && e.reason.includes('机构撤并')));
			const stats = await admin.get('/api/v1/registry/stats');
			assert.ok(stats.body.units.dissolved >= 1);
		});
	});
});
