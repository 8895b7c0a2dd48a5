// demo_hours.test.mjs — the demo's volunteer service hours (志愿服务时长) as `wenming demo` loads them
// (src/cli/demo_hours.c): every volunteer-type activity (志愿服务, 学雷锋, 我们的节日, 共建社区活动,
// 乡村振兴帮扶) of a titled unit has served volunteers of that unit who were on the roster that day,
// each 1–4 hours in half-hour steps; 薛家湾供电公司's team (the article's) is busy in 2022; the
// liaison's unit (神华准能) has a self-report link with a random token that is never printed, and
// about thirty reports of the last 60 days before the demo's today: most pending, some approved
// (matched to the roster volunteer with the reporter's phone, decided by the liaison), some
// declined with a reason, two from phones not on the roster. The printed summary matches the rows;
// a second load into a SQLite file gives the same rows (the token apart); GET /api/v1/ledger/stats
// shows 薛家湾供电公司's 2022 hours. Read straight from the database.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, makeDb, runCli, startServer } from './harness.mjs';

const XJW = '国网内蒙古东部电力有限公司薛家湾供电公司';
const SHENHUA = '神华准格尔能源有限责任公司';
const TODAY = '2026-11-27'; // the demo's today
const FROM = '2026-09-28'; // 60 days before it
const VOLUNTEER_TYPES = "('volunteer_service', 'lei_feng', 'our_festivals', 'community_joint', 'rural_support')";
const digits = (s) => String(s).replace(/\D/g, '');

describe('demo: service hours and self-reports', () => {
	let srv, tmp, summary, copy, xjw, shenhua, liaison;

	before(async () => {
		srv = await startServer();
		xjw = Number(srv.db.scalar(`SELECT id FROM units WHERE name = '${XJW}'`));
		shenhua = Number(srv.db.scalar(`SELECT id FROM units WHERE name = '${SHENHUA}'`));
		liaison = srv.db.query(`SELECT id, unit_id FROM users WHERE username = 'liaison'`)[0].map(Number);
		assert.ok(xjw > 0 && shenhua > 0, 'both units are in the demo');
		// a second demo, always into a SQLite file: its summary line and the same rows
		mkdirSync(path.join(REPO_ROOT, 'tests', '.tmp'), { recursive: true });
		tmp = mkdtempSync(path.join(REPO_ROOT, 'tests', '.tmp', 'demo-hours-'));
		const file = path.join(tmp, 'demo.db');
		const r = runCli(['demo', '--db', file]);
		assert.equal(r.code, 0, r.stderr);
		summary = r.stdout;
		copy = makeDb(file);
	});
	after(async () => {
		await srv?.stop();
		if (tmp) rmSync(tmp, { recursive: true, force: true });
	});

	const num = (sql) => Number(srv.db.scalar(sql));

	it('the summary names the figures the rows hold', () => {
		const m = summary.match(
			/; (\d+) volunteer services \((\d+\.\d) hours\) in (\d+) activities \(薛家湾供电公司 2022: (\d+) volunteers served (\d+\.\d) hours in (\d+) activities\); 神华准能: a self-report link, (\d+) hour reports \((\d+) pending, (\d+) approved, (\d+) declined; (\d+) from phones not on the roster\)\n$/,
		);
		assert.ok(m, `summary line:\n${summary}`);
		const [, served, hours, acts, xjwVols, xjwHours, xjwActs, reports, pending, approved, declined, offRoster] = m;
		const [[n, minutes, nActs]] = srv.db.query(
			'SELECT count(*) AS n, sum(minutes) AS m, count(DISTINCT activity_id) AS a FROM activity_volunteers',
		);
		assert.equal(Number(served), Number(n));
		assert.equal(hours, (Number(minutes) / 60).toFixed(1));
		assert.equal(Number(acts), Number(nActs));
		const [[v22, m22, a22]] = srv.db.query(
			`SELECT count(DISTINCT av.volunteer_id) AS v, sum(av.minutes) AS m, count(DISTINCT av.activity_id) AS a
			 FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id WHERE a.unit_id = ${xjw} AND a.year = 2022`,
		);
		assert.equal(Number(xjwVols), Number(v22));
		assert.equal(xjwHours, (Number(m22) / 60).toFixed(1));
		assert.equal(Number(xjwActs), Number(a22));
		const by = Object.fromEntries(srv.db.query('SELECT status, count(*) FROM hour_reports GROUP BY status').map((r) => [r[0], Number(r[1])]));
		assert.equal(Number(reports), num('SELECT count(*) FROM hour_reports'));
		assert.equal(Number(pending), by.pending);
		assert.equal(Number(approved), by.approved);
		assert.equal(Number(declined), by.declined);
		assert.equal(Number(offRoster), 2);
		assert.ok(Number(served) > 50000 && Number(served) < 300000, `${served} rows: plenty, yet fast to load`);
		assert.doesNotMatch(summary, /\/r\/|token/i, 'the link token is never printed');
	});

	it('every served volunteer is of the activity\'s unit and on its roster that day; 1–4 hours in half-hour steps', () => {
		const bad = num(
			`SELECT count(*) FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id JOIN volunteers v ON v.id = av.volunteer_id
			 WHERE v.unit_id <> a.unit_id OR (v.joined_date IS NOT NULL AND v.joined_date > a.activity_date)
			    OR (v.status = 'left' AND v.left_date IS NOT NULL AND v.left_date < a.activity_date)`,
		);
		assert.equal(bad, 0, 'not of the unit, joined later or left before');
		assert.equal(
			num(`SELECT count(*) FROM activity_volunteers av LEFT JOIN volunteers v ON v.id = av.volunteer_id WHERE v.id IS NULL`),
			0,
		);
		assert.equal(num('SELECT count(*) FROM activity_volunteers WHERE minutes % 30 <> 0 OR minutes < 1 OR minutes > 1440'), 0);
		const steps = srv.db.query('SELECT minutes FROM activity_volunteers GROUP BY minutes ORDER BY minutes').map((r) => Number(r[0]));
		assert.deepEqual(steps, [60, 90, 120, 150, 180, 210, 240], '1 to 4 hours, every half hour used');
		// only volunteer-type activities, and only titled units'
		assert.equal(
			num(`SELECT count(*) FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id WHERE a.type_code NOT IN ${VOLUNTEER_TYPES}`),
			0,
		);
		assert.equal(
			num(`SELECT count(DISTINCT a.unit_id) FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id
			     WHERE NOT EXISTS (SELECT 1 FROM titles t WHERE t.unit_id = a.unit_id)`),
			0,
		);
		// most volunteer-type activities of titled units have their volunteers
		const [[all, withVols]] = srv.db.query(
			`SELECT count(*) AS n, sum(CASE WHEN EXISTS (SELECT 1 FROM activity_volunteers av WHERE av.activity_id = a.id) THEN 1 ELSE 0 END) AS w
			 FROM activities a WHERE a.type_code IN ${VOLUNTEER_TYPES} AND EXISTS (SELECT 1 FROM titles t WHERE t.unit_id = a.unit_id)`,
		);
		assert.ok(Number(withVols) / Number(all) > 0.95, `${withVols} of ${all}`);
		// never more volunteers than participants
		assert.equal(
			num(`SELECT count(*) FROM (SELECT a.id FROM activities a JOIN activity_volunteers av ON av.activity_id = a.id
			     GROUP BY a.id, a.participants HAVING count(*) > a.participants) x`),
			0,
		);
	});

	it('薛家湾供电公司 2022: an active team over the article\'s volunteer activities', () => {
		const [[acts, vols, minutes, onRoster]] = srv.db.query(
			`SELECT count(DISTINCT av.activity_id) AS a, count(DISTINCT av.volunteer_id) AS v, sum(av.minutes) AS m,
			        (SELECT count(*) FROM volunteers v WHERE v.unit_id = ${xjw} AND v.joined_date <= '2022-12-31'
			           AND (v.left_date IS NULL OR v.left_date >= '2022-01-01')) AS r
			 FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id WHERE a.unit_id = ${xjw} AND a.year = 2022`,
		);
		assert.ok(Number(acts) >= 56, `${acts} activities with volunteers`);
		assert.ok(Number(vols) / Number(onRoster) > 0.7, `${vols} of the ${onRoster} on the roster in 2022 served`);
		assert.ok(Number(minutes) / 60 > 3000, `${Number(minutes) / 60} hours`);
		assert.ok(Number(minutes) / 60 / Number(vols) >= 6, 'several hours each');
	});

	it('神华准能: a self-report link by the liaison with a random token', () => {
		assert.equal(liaison[1], shenhua, 'the liaison is 神华准能\'s');
		const rows = srv.db.query('SELECT unit_id, token, created_by FROM self_report_links');
		assert.equal(rows.length, 1);
		const [unit, token, by] = rows[0];
		assert.equal(Number(unit), shenhua);
		assert.equal(Number(by), liaison[0]);
		assert.match(token, /^[A-Za-z0-9_-]{24}$/, 'URL-safe base64 of 18 random bytes');
		assert.notEqual(copy.scalar('SELECT token FROM self_report_links'), token, 'a new secret each load');
	});

	it('神华准能: ~30 reports of the last 60 days, most pending, the decided ones sound', () => {
		const rows = srv.db.query(
			`SELECT id, unit_id, volunteer_id, name, phone, service_date, year, minutes, activity_id, description, status, reason,
			        decided_by, decided_at, version, created_at, updated_at FROM hour_reports ORDER BY id`,
		);
		assert.ok(rows.length >= 25 && rows.length <= 35, `${rows.length} reports`);
		const count = (s) => rows.filter((r) => r[10] === s).length;
		assert.ok(count('pending') > rows.length / 2, 'most pending');
		assert.ok(count('approved') >= 3 && count('declined') >= 3, 'some approved, some declined');
		const today = Date.parse(`${TODAY}T09:30:00+08:00`) / 1000;
		let lastCreated = 0;
		for (const [id, unit, vid, name, phone, date, year, minutes, actId, desc, status, reason, by, at, version, created, updated] of rows) {
			const what = `report ${id} (${name}, ${status})`;
			assert.equal(Number(unit), shenhua, what);
			assert.ok(date >= FROM && date < TODAY, `${what}: ${date} in the last 60 days`);
			assert.equal(Number(year), Number(date.slice(0, 4)), what);
			assert.ok(Number(minutes) % 30 === 0 && Number(minutes) >= 30 && Number(minutes) <= 1440, `${what}: ${minutes}`);
			assert.match(phone, /^1[3-9]\d{9}$/, what);
			assert.ok(name.length >= 2 && desc.length > 5, what);
			assert.ok(Number(created) <= today && Number(created) >= Date.parse(`${date}T00:00:00+08:00`) / 1000, `${what}: sent after the service`);
			assert.ok(Number(created) >= lastCreated, `${what}: ids in the order they came in`);
			lastCreated = Number(created);
			if (actId !== null) {
				const [[actUnit, actDate]] = srv.db.query(`SELECT unit_id, activity_date FROM activities WHERE id = ${actId}`);
				assert.equal(Number(actUnit), shenhua, `${what}: the unit's own activity`);
				assert.equal(actDate, date, `${what}: on the activity's day`);
			}
			if (status === 'pending') {
				assert.ok(vid === null && by === null && at === null && reason === '' && Number(version) === 1, what);
				continue;
			}
			assert.equal(Number(by), liaison[0], `${what}: decided by the liaison`);
			assert.ok(Number(at) > Number(created) && Number(at) <= today, what);
			assert.equal(Number(version), 2, what);
			assert.equal(Number(updated), Number(at), what);
			if (status === 'declined') {
				assert.ok(reason.length > 0 && vid === null, `${what}: a reason`);
			} else {
				assert.equal(reason, '', what);
			}
		}
		assert.ok(rows.some((r) => r[11] === '活动当天未签到'), '活动当天未签到 among the reasons');
	});

	it('approved reports name the roster volunteer with that phone; pending ones mostly match one, two none', () => {
		const vols = srv.db
			.query(`SELECT id, name, phone, status, joined_date FROM volunteers WHERE unit_id = ${shenhua}`)
			.map(([id, name, phone, status, joined]) => ({ id: Number(id), name, phone: digits(phone), status, joined }));
		const active = vols.filter((v) => v.status === 'active');
		const reports = srv.db.query(`SELECT id, volunteer_id, name, phone, status, service_date, activity_id FROM hour_reports ORDER BY id`);
		let unmatched = 0;
		for (const [id, vid, name, phone, status, date, actId] of reports) {
			const matches = active.filter((v) => v.phone === digits(phone));
			if (status === 'approved') {
				assert.equal(matches.length, 1, `report ${id}: one active volunteer with the phone`);
				assert.equal(matches[0].id, Number(vid), `report ${id}: approved for that volunteer`);
				assert.equal(matches[0].name, name, `report ${id}: the same name`);
				assert.ok(matches[0].joined <= date, `report ${id}: on the roster that day`);
				if (actId !== null) {
					assert.equal(
						num(`SELECT count(*) FROM activity_volunteers WHERE activity_id = ${actId} AND volunteer_id = ${vid}`),
						0,
						`report ${id}: hours not already recorded for the activity`,
					);
				}
			} else if (status === 'pending') {
				if (vols.some((v) => v.phone === digits(phone))) {
					assert.equal(matches.length, 1, `report ${id}: approval by phone would match one volunteer`);
				} else {
					unmatched++;
				}
			}
		}
		assert.equal(unmatched, 2, 'two pending reports from phones not on the roster');
	});

	it('the same rows in a second load (SQLite file), the token apart', () => {
		const sqls = [
			`SELECT u.name AS unit, a.year, a.type_code, count(*) AS n, sum(av.minutes) AS m, count(DISTINCT av.volunteer_id) AS v
			 FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id JOIN units u ON u.id = a.unit_id
			 GROUP BY u.name, a.year, a.type_code`,
			`SELECT a.title, a.activity_date, v.name, v.phone, av.minutes FROM activity_volunteers av
			 JOIN activities a ON a.id = av.activity_id JOIN volunteers v ON v.id = av.volunteer_id JOIN units u ON u.id = a.unit_id
			 WHERE u.name = '${XJW}' AND a.year = 2022`,
			`SELECT h.name, h.phone, h.service_date, h.minutes, a.title, h.description, h.status, h.reason, v.name AS volunteer,
			        du.username, h.decided_at, h.client_ip, h.version, h.created_at
			 FROM hour_reports h LEFT JOIN activities a ON a.id = h.activity_id LEFT JOIN volunteers v ON v.id = h.volunteer_id
			 LEFT JOIN users du ON du.id = h.decided_by ORDER BY h.id`,
			`SELECT u.name AS unit, l.created_at, cu.username FROM self_report_links l JOIN units u ON u.id = l.unit_id
			 JOIN users cu ON cu.id = l.created_by`,
		];
		// sorted here: the engines' text collations differ
		const sorted = (sets) => sets.map((rows) => rows.map((r) => JSON.stringify(r)).sort());
		const here = sorted(srv.db.queryMany(sqls));
		const there = sorted(copy.queryMany(sqls));
		for (let i = 0; i < sqls.length; i++) {
			assert.ok(here[i].length > 0, sqls[i]);
			assert.deepEqual(here[i], there[i], sqls[i]);
		}
	});

	it('GET /api/v1/ledger/stats shows 薛家湾供电公司\'s 2022 hours; the liaison sees the pending reports', async () => {
		const admin = await srv.login('admin');
		const r = await admin.get(`/api/v1/ledger/stats?year=2022&unit_id=${xjw}`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const minutes = num(
			`SELECT sum(av.minutes) FROM activity_volunteers av JOIN activities a ON a.id = av.activity_id WHERE a.unit_id = ${xjw} AND a.year = 2022`,
		);
		assert.ok(r.body.hours.minutes > 0, JSON.stringify(r.body.hours));
		assert.equal(r.body.hours.minutes, minutes);
		assert.equal(r.body.hours.hours, (minutes / 60).toFixed(1).replace(/\.0$/, ''));
		assert.equal(r.body.hours.months_minutes.length, 12);
		assert.equal(
			r.body.hours.months_minutes.reduce((a, b) => a + b, 0),
			minutes,
			'by month, adding up (no approved self-reports in 2022)',
		);
		assert.ok(r.body.hours.months_minutes[2] > 0, '学雷锋月 (March) busy');
		const liaisonClient = await srv.login('liaison');
		const list = await liaisonClient.get('/api/v1/hour-reports?status=pending&per_page=100');
		assert.equal(list.status, 200, JSON.stringify(list.body));
		assert.equal(list.body.total, num(`SELECT count(*) FROM hour_reports WHERE status = 'pending'`));
		const ids = list.body.items.map((h) => h.id);
		assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'oldest first');
	});

	// last: it decides two reports
	it('the liaison approves by phone, and picks the volunteer for a phone not on the roster', async () => {
		const liaisonClient = await srv.login('liaison');
		const list = (await liaisonClient.get('/api/v1/hour-reports?status=pending&per_page=100')).body.items;
		const phones = new Set(
			srv.db.query(`SELECT phone FROM volunteers WHERE unit_id = ${shenhua} AND status = 'active'`).map((r) => digits(r[0])),
		);
		const onRoster = list.find((h) => phones.has(digits(h.phone)));
		const offRoster = list.find((h) => !phones.has(digits(h.phone)));
		assert.ok(onRoster && offRoster, 'both kinds wait');
		let r = await liaisonClient.post(`/api/v1/hour-reports/${onRoster.id}/approve`, { version: onRoster.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.volunteer_name, onRoster.name, 'matched by phone');
		r = await liaisonClient.post(`/api/v1/hour-reports/${offRoster.id}/approve`, { version: offRoster.version });
		assert.equal(r.status, 409, JSON.stringify(r.body));
		assert.equal(r.body.error?.code, 'volunteer_unmatched');
		// the one who changed phones is found by name (the newcomer would be added to the roster first)
		const pick = Number(
			srv.db.scalar(
				`SELECT id FROM volunteers WHERE unit_id = ${shenhua} AND status = 'active'
				 ORDER BY CASE WHEN name = '${offRoster.name}' THEN 0 ELSE 1 END, id LIMIT 1`,
			),
		);
		r = await liaisonClient.post(`/api/v1/hour-reports/${offRoster.id}/approve`, { version: offRoster.version, volunteer_id: pick });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.volunteer_id, pick);
	});
});
