// ledger_export.test.mjs — CSV exports of the creation ledger's lists (partners, pairings,
// activities): text/csv with a BOM and a Chinese header, exactly the rows of the query (across
// internal pages), formula-looking cells neutralised, and nothing outside the caller's scope.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, createUnit, uniqueName } from './harness.mjs';

function csvLines(r) {
	assert.equal(r.status, 200, r.text);
	assert.match(r.headers.get('content-type'), /^text\/csv/);
	assert.match(r.headers.get('content-disposition') || '', /attachment/);
	assert.deepEqual([...r.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
	return r.text.slice(1).split('\r\n').filter(Boolean);
}

describe('ledger CSV exports', () => {
	let srv, admin, dalad;
	const marker = '导出' + randomBytes(3).toString('hex');
	let unit, partner, evil, outside;

	before(async () => {
		srv = await startServer();
		admin = await srv.login('admin');
		dalad = await srv.login('dalad');
		unit = await createUnit(admin, { name: uniqueName(marker + '单位') });
		let r = await admin.post('/api/v1/partners', { kind: 'community', name: `${marker}迎宾社区`, region_code: '150622', households: 321 });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		partner = r.body;
		r = await admin.post('/api/v1/partners', { kind: 'village', name: `=${marker}HYPERLINK`, region_code: '150622', remark: '+SUM(1,2)' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		evil = r.body;
		r = await dalad.post('/api/v1/partners', { kind: 'community', name: `${marker}达拉特社区`, region_code: '150621' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		outside = r.body;
		r = await admin.post('/api/v1/pairings', { unit_id: unit.id, partner_id: partner.id, kind: 'city_creation', start_date: '2022-03-01' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		for (let i = 0; i < 3; i++) {
			r = await admin.post('/api/v1/activities', {
				unit_id: unit.id,
				type_code: 'community_joint',
				title: `${marker}共建活动${i}`,
				activity_date: `2023-0${i + 1}-15`,
				partner_id: partner.id,
				participants: 10 + i,
				description: i === 0 ? '-10 人参加' : '环境整治',
			});
			assert.equal(r.status, 201, JSON.stringify(r.body));
		}
	});
	after(async () => {
		await srv?.stop();
	});

	it('partners: header, the query rows, neutralised formulas, nothing out of scope', async () => {
		const lines = csvLines(await admin.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&format=csv`));
		assert.match(lines[0], /^名称,类型,行政区划,/);
		assert.equal(lines.length, 1 + 2, 'header + the two in-scope partners');
		const good = lines.find((l) => l.startsWith(`${marker}迎宾社区`));
		assert.ok(good, lines.join('\n'));
		assert.match(good, /社区（小区）,准格尔旗,/);
		assert.match(good, /,321,0,1,/, 'households 321, population 0, one active pairing');
		const bad = lines.find((l) => l.includes('HYPERLINK'));
		assert.ok(bad.startsWith(`"'=${marker}HYPERLINK"`), bad);
		assert.ok(bad.includes(`"'+SUM(1,2)"`), bad);
		assert.ok(!lines.some((l) => l.includes('达拉特社区')), 'out-of-scope partner not exported');
		const theirs = csvLines(await dalad.get(`/api/v1/partners?q=${encodeURIComponent(marker)}&format=csv`));
		assert.equal(theirs.length, 2);
		assert.ok(theirs[1].startsWith(`${marker}达拉特社区`));
		assert.ok(outside.id > 0);
	});

	it('pairings: one row per pairing with its state', async () => {
		const lines = csvLines(await admin.get(`/api/v1/pairings?q=${encodeURIComponent(marker)}&format=csv`));
		assert.match(lines[0], /^单位名称,共建对象,对象类型,结对类型,开始日期,结束日期,状态,备注$/);
		assert.equal(lines.length, 2);
		assert.match(lines[1], new RegExp(`${marker}迎宾社区,社区（小区）,结对共建社区,2022-03-01,长期,有效,`));
	});

	it('activities: every row of the filter across internal pages, newest first', async () => {
		const lines = csvLines(await admin.get(`/api/v1/activities?q=${encodeURIComponent(marker)}&format=csv`));
		assert.match(lines[0], /^活动日期,单位名称,活动名称,活动类型,/);
		assert.equal(lines.length, 1 + 3);
		assert.deepEqual(lines.slice(1).map((l) => l.slice(0, 10)), ['2023-03-15', '2023-02-15', '2023-01-15']);
		const first = lines.find((l) => l.includes('共建活动0'));
		assert.ok(first.includes(`"'-10 人参加"`), first);
		assert.match(first, /共建社区活动,,/);
		// the whole demo year exports the same number of rows as the list's total
		const total = (await admin.get('/api/v1/activities?year=2022&per_page=1')).body.total;
		assert.ok(total > 1000, `the demo has ${total} activities in 2022 for 准格尔旗`);
		const all = csvLines(await admin.get('/api/v1/activities?year=2022&format=csv'));
		assert.equal(all.length, 1 + total, 'export walks every internal page');
	});
});
