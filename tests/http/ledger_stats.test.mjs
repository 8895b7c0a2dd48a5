// ledger_stats.test.mjs — GET /api/v1/ledger/stats, the creation ledger's statistics across kinds.
// A fresh unit with known records in 2024 (and a second one in the same banner, a third in 达拉特旗
// made by its own admin) and every figure of the answer asserted exactly: activities (total,
// participants, months, by_type in the dictionary's order), the roster at the year's end (joined
// before/after, left before/on/after, no joining date), staff and ratio_percent (one decimal, half up;
// null without staff), titled units under 20 % (titled/untitled, exactly 20 % vs below, revoked
// titles), service hours (served minutes in the year's activities + approved self-reports dated in
// the year; pending and declined never count; reports_pending of any date), exemplars by kind and
// by level, aid totals (fen, 元 and 万元 texts, kg only from kg rows, kinds in /aid/totals order),
// publicity by carrier (carrier order) and pairings running on as_of. Then the region view (the
// difference made by the fixtures, never absolute demo totals), the scope (liaison, another banner,
// the city, viewers), the parameters' validation and as_of (Dec 31 of a past year, today in UTC+8
// for this year).
//
// Fixtures are made through the API. The one exception: the public self-report form refuses
// service dates older than a year, so reports meant for 2024 are submitted (and decided) through the
// API with today's date and then moved to their 2024 date in the database (service_date and year,
// nothing else). The last-year test uses the API only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createUnit, awardTitle, uniqueName } from './harness.mjs';

const YEAR = 2024;
const Q = `year=${YEAR}`;
/** YYYY-MM-DD in UTC+8 (the server's "today"), days from today. */
const dayCN = (days = 0) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
const THIS_YEAR = Number(dayCN().slice(0, 4));

const TOP_KEYS = ['activities', 'aid', 'as_of', 'exemplars', 'hours', 'pairings', 'publicity', 'region', 'unit', 'volunteers', 'year'];

/** Months array from {month: n}. */
const months = (m = {}, zero = 0) => Array.from({ length: 12 }, (_, i) => (i + 1 in m ? m[i + 1] : zero));

/** Hours text: half up to 0.1 h (6 minutes), no trailing ".0". */
function hoursText(min) {
	const tenths = Math.floor((min + 3) / 6);
	return tenths % 10 ? `${Math.floor(tenths / 10)}.${tenths % 10}` : String(tenths / 10);
}
/** Exact 元 text with thousands commas. */
function yuanText(fen) {
	const f = BigInt(fen);
	return `${(f / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(f % 100n).padStart(2, '0')}`;
}
/** 万元 text, half up to 0.01万元 (10 000 fen). */
function wanText(fen) {
	const q = (BigInt(fen) + 5000n) / 10000n;
	return `${q / 100n}.${String(q % 100n).padStart(2, '0')}`;
}
/** One-decimal percent, half up; null without a whole. */
function pctText(part, whole) {
	if (whole <= 0) return null;
	const t = Math.floor((part * 1000 + Math.floor(whole / 2)) / whole);
	return `${Math.floor(t / 10)}.${t % 10}`;
}

/** The answer of a scope with nothing in it (figures of `year`, as of `asOf`). */
function zero(year, asOf, unit = null, region = null) {
	return {
		year,
		as_of: asOf,
		unit,
		region,
		activities: { total: 0, participants: 0, months: months(), by_type: [] },
		volunteers: { on_roster: 0, staff: 0, units: 0, ratio_percent: null, titled_units_below_20: 0 },
		hours: { minutes: 0, hours: '0', months_minutes: months(), months_hours: months({}, '0'), reports_pending: 0 },
		exemplars: { total: 0, by_kind: [], by_level: [] },
		aid: { records: 0, amount_fen: 0, amount_yuan: '0.00', amount_wan: '0.00', quantity_kg: 0, by_kind: [] },
		publicity: { records: 0, pieces: 0, by_carrier: [] },
		pairings: { units: 0, with_community: 0, with_village: 0, without_community: 0, without_village: 0 },
	};
}

/** The additive figures of an answer as {path: number} (zeros left out), to compare differences. */
function flat(s) {
	const out = {};
	const put = (k, v) => {
		assert.equal(typeof v, 'number', `${k} is a number`);
		if (v !== 0) out[k] = v;
	};
	put('activities.total', s.activities.total);
	put('activities.participants', s.activities.participants);
	s.activities.months.forEach((n, i) => put(`activities.months.${i + 1}`, n));
	for (const t of s.activities.by_type) put(`activities.by_type.${t.code}`, t.n);
	for (const k of ['on_roster', 'staff', 'units', 'titled_units_below_20']) put(`volunteers.${k}`, s.volunteers[k]);
	put('hours.minutes', s.hours.minutes);
	s.hours.months_minutes.forEach((n, i) => put(`hours.months.${i + 1}`, n));
	put('hours.reports_pending', s.hours.reports_pending);
	put('exemplars.total', s.exemplars.total);
	for (const x of s.exemplars.by_kind) put(`exemplars.kind.${x.kind}`, x.n);
	for (const x of s.exemplars.by_level) put(`exemplars.level.${x.level}`, x.n);
	for (const k of ['records', 'amount_fen', 'quantity_kg']) put(`aid.${k}`, s.aid[k]);
	for (const x of s.aid.by_kind) for (const k of ['records', 'amount_fen', 'quantity_kg']) put(`aid.${x.kind}.${k}`, x[k]);
	put('publicity.records', s.publicity.records);
	put('publicity.pieces', s.publicity.pieces);
	for (const x of s.publicity.by_carrier) for (const k of ['records', 'pieces']) put(`publicity.${x.carrier}.${k}`, x[k]);
	for (const k of Object.keys(s.pairings)) put(`pairings.${k}`, s.pairings[k]);
	return out;
}
function combine(sign, ...fs) {
	const out = {};
	fs.forEach((f, i) => {
		for (const [k, v] of Object.entries(f)) out[k] = (out[k] || 0) + (i === 0 || sign > 0 ? v : -v);
	});
	for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
	return out;
}
const sum = (...fs) => combine(1, ...fs);
const diff = (after, before) => combine(-1, after, before);

/** The answer's texts agree with its numbers; the breakdowns add up to their totals. */
function consistent(s, what) {
	assert.deepEqual(Object.keys(s).sort(), TOP_KEYS, `${what}: keys`);
	const a = s.activities;
	assert.equal(a.months.length, 12);
	assert.equal(a.months.reduce((x, y) => x + y, 0), a.total, `${what}: activity months add up`);
	assert.equal(a.by_type.reduce((x, t) => x + t.n, 0), a.total, `${what}: by_type adds up`);
	const v = s.volunteers;
	assert.equal(v.ratio_percent, pctText(v.on_roster, v.staff), `${what}: ratio_percent`);
	const h = s.hours;
	assert.equal(h.months_minutes.reduce((x, y) => x + y, 0), h.minutes, `${what}: hour months add up`);
	assert.equal(h.hours, hoursText(h.minutes), `${what}: hours text`);
	assert.deepEqual(h.months_hours, h.months_minutes.map(hoursText), `${what}: months_hours`);
	const e = s.exemplars;
	assert.equal(e.by_kind.reduce((x, k) => x + k.n, 0), e.total);
	assert.equal(e.by_level.reduce((x, k) => x + k.n, 0), e.total);
	const ai = s.aid;
	assert.equal(ai.by_kind.reduce((x, k) => x + k.records, 0), ai.records);
	assert.equal(ai.by_kind.reduce((x, k) => x + k.amount_fen, 0), ai.amount_fen);
	assert.equal(ai.by_kind.reduce((x, k) => x + k.quantity_kg, 0), ai.quantity_kg);
	for (const k of [ai, ...ai.by_kind]) {
		assert.equal(k.amount_yuan, yuanText(k.amount_fen), `${what}: amount_yuan of ${k.kind || 'all'}`);
		assert.equal(k.amount_wan, wanText(k.amount_fen), `${what}: amount_wan of ${k.kind || 'all'}`);
	}
	const p = s.publicity;
	assert.equal(p.by_carrier.reduce((x, k) => x + k.records, 0), p.records);
	assert.equal(p.by_carrier.reduce((x, k) => x + k.pieces, 0), p.pieces);
	const g = s.pairings;
	assert.equal(g.units, v.units, `${what}: pairings.units is the active units`);
	assert.equal(g.without_community, g.units - g.with_community);
	assert.equal(g.without_village, g.units - g.with_village);
}

describe('ledger statistics (GET /api/v1/ledger/stats)', () => {
	let srv, admin, ordos, dalad, liaison, leader, assessor;
	let ownUnitId;
	let U1, U2, UD;
	let PC1, PC2, PV, PVD;
	const fx = {}; // expected answers
	const snaps = {}; // answers before/after the fixtures

	/* ---- helpers ---- */

	async function stats(client, query, what = query) {
		const r = await client.get(`/api/v1/ledger/stats?${query}`);
		assert.equal(r.status, 200, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
		consistent(r.body, what);
		return r.body;
	}
	async function error(client, query, status, code, field) {
		const r = await client.get(`/api/v1/ledger/stats?${query}`);
		assert.equal(r.status, status, `${query}: ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(r.body?.error?.code, code, `${query}: ${JSON.stringify(r.body)}`);
		if (field !== undefined) assert.equal(r.body.error.field, field, `${query}: field`);
		assert.ok(/[\u4e00-\u9fff]/.test(r.body.error.message), `${query}: Chinese message`);
	}
	async function post(client, path, body) {
		const r = await client.post(path, body);
		assert.equal(r.status, 201, `POST ${path} ${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}
	const vol = (c, unitId, fields = {}) => post(c, '/api/v1/volunteers', { unit_id: unitId, name: uniqueName('志愿者'), ...fields });
	const act = (c, unitId, date, type = 'volunteer_service', fields = {}) =>
		post(c, '/api/v1/activities', { unit_id: unitId, type_code: type, title: uniqueName('统计活动'), activity_date: date, ...fields });
	const exemplar = (c, unitId, kind, level, year) => post(c, '/api/v1/exemplars', { unit_id: unitId, kind, name: uniqueName('典型'), level, year });
	const aid = (c, unitId, kind, date, fields = {}) => post(c, '/api/v1/aid', { unit_id: unitId, kind, aid_date: date, ...fields });
	const ad = (c, unitId, carrier, count, date, fields = {}) =>
		post(c, '/api/v1/publicity', { unit_id: unitId, carrier, theme: '讲文明树新风', count, start_date: date, ...fields });
	const partner = (c, kind, region = '150622') => post(c, '/api/v1/partners', { kind, name: uniqueName(kind === 'village' ? '统计嘎查' : '统计社区'), region_code: region });
	const pairing = (c, unitId, partnerId, kind, start, end) =>
		post(c, '/api/v1/pairings', { unit_id: unitId, partner_id: partnerId, kind, start_date: start, ...(end ? { end_date: end } : {}) });
	async function serve(c, activity, items) {
		const r = await c.put(`/api/v1/activities/${activity.id}/volunteers`, { version: activity.version, items });
		assert.equal(r.status, 200, `served ${JSON.stringify(items)}: ${JSON.stringify(r.body)}`);
		return r.body;
	}
	async function link(c, unitId) {
		return (await post(c, `/api/v1/units/${unitId}/self-report-link`)).token;
	}
	let phoneSeq = 0;
	async function selfReport(token, minutes, date = dayCN()) {
		phoneSeq += 1;
		const r = await srv.anon().post(`/api/v1/public/self-report/${token}`, {
			name: '自报志愿者',
			phone: `139${String(10000000 + phoneSeq * 7919).slice(-8)}`,
			service_date: date,
			minutes,
		});
		assert.equal(r.status, 201, `self-report: ${JSON.stringify(r.body)}`);
		return r.body.id;
	}
	async function approve(c, id, volunteerId) {
		const r = await c.post(`/api/v1/hour-reports/${id}/approve`, { version: 1, volunteer_id: volunteerId });
		assert.equal(r.status, 200, `approve: ${JSON.stringify(r.body)}`);
	}
	async function decline(c, id) {
		const r = await c.post(`/api/v1/hour-reports/${id}/decline`, { version: 1, reason: '不属实' });
		assert.equal(r.status, 200, `decline: ${JSON.stringify(r.body)}`);
	}
	/** Moves a report to another service date (the public form only takes the last year's dates). */
	function backdate(id, date) {
		srv.db.exec(`UPDATE hour_reports SET service_date = '${date}', year = ${Number(date.slice(0, 4))} WHERE id = ${id}`);
	}

	/* ---- the fixtures ---- */

	before(async () => {
		srv = await startServer();
		[admin, ordos, dalad, liaison, leader, assessor] = await Promise.all(
			['admin', 'ordos', 'dalad', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)),
		);
		ownUnitId = liaison.user.unit_id;

		// the views before any fixture
		snaps.admin0 = await stats(admin, `${Q}&region=150622`, 'admin region before');
		snaps.adminAll0 = await stats(admin, Q, 'admin before');
		snaps.ordos0 = await stats(ordos, Q, 'ordos before');
		snaps.dalad0 = await stats(dalad, Q, 'dalad before');
		snaps.daladRegion0 = await stats(dalad, `${Q}&region=150621`, 'dalad region before');

		PC1 = await partner(admin, 'community');
		PC2 = await partner(admin, 'community');
		PV = await partner(admin, 'village');

		/* ---------------- U1: titled, 30 staff, everything ---------------- */
		U1 = await createUnit(admin, { name: uniqueName('统计单位甲'), staff_count: 30 });
		await awardTitle(admin, U1.id, { awarded_year: 2024 });
		// the roster at 2024-12-31: v1 v2 v4 v6 v8 (5 of 30 → 16.7 %); active today: v1 v2 v3 v4 (4 × 5 < 30)
		const v1 = await vol(admin, U1.id, { joined_date: '2023-05-01' }); // on
		await vol(admin, U1.id, { joined_date: '2024-12-31' }); // v2 on: joined on as_of
		await vol(admin, U1.id, { joined_date: '2025-01-01' }); // v3 off: joined after
		const v4 = await vol(admin, U1.id); // on: no joining date
		await vol(admin, U1.id, { status: 'left', joined_date: '2020-01-01', left_date: '2024-12-31' }); // v5 off: left on as_of
		const v6 = await vol(admin, U1.id, { status: 'left', joined_date: '2020-01-01', left_date: '2025-01-01' }); // on: left after
		await vol(admin, U1.id, { status: 'left', joined_date: '2020-01-01', left_date: '2024-06-30' }); // v7 off: left before
		await vol(admin, U1.id, { status: 'left', left_date: '2025-03-01' }); // v8 on: no joining date, left after
		await vol(admin, U1.id, { status: 'left', joined_date: '2025-02-01', left_date: '2025-03-01' }); // v9 off: joined after

		// activities: 5 in 2024 (Jan, Feb, Mar ×2, Dec), one on each side of the year
		const a1 = await act(admin, U1.id, '2024-01-15', 'volunteer_service', { participants: 10 });
		const a2 = await act(admin, U1.id, '2024-03-05', 'volunteer_service', { participants: 20 });
		await act(admin, U1.id, '2024-02-10', 'our_festivals', { festival: 'spring_festival', participants: 5 });
		const a4 = await act(admin, U1.id, '2024-03-05', 'lei_feng');
		const a5 = await act(admin, U1.id, '2024-12-31', 'moral_lecture', { participants: 7 });
		const a6 = await act(admin, U1.id, '2023-12-31', 'volunteer_service', { participants: 100 });
		const a7 = await act(admin, U1.id, '2025-01-01', 'civil_dining', { participants: 100 });
		await serve(admin, a1, [
			{ volunteer_id: v1.id, minutes: 90 },
			{ volunteer_id: v4.id, minutes: 30 },
		]);
		await serve(admin, a2, [{ volunteer_id: v6.id, minutes: 45 }]);
		await serve(admin, a4, [{ volunteer_id: v1.id, minutes: 1440 }]);
		await serve(admin, a5, [{ volunteer_id: v1.id, minutes: 6 }]);
		await serve(admin, a6, [{ volunteer_id: v1.id, minutes: 60 }]);
		await serve(admin, a7, [{ volunteer_id: v1.id, minutes: 60 }]);

		// self-reports: approved 2024-03-20 (100) and 2024-07-01 (3) count; approved 2023-12-31 and
		// 2025-01-01, pending and declined ones of 2024 do not; three pending (2024, 2023, today)
		const tk = await link(admin, U1.id);
		const plan = [
			['approve', 100, '2024-03-20'],
			['approve', 3, '2024-07-01'],
			['approve', 500, '2023-12-31'],
			['approve', 700, '2025-01-01'],
			['pending', 60, '2024-05-01'],
			['pending', 70, '2023-06-01'],
			['pending', 80, null],
			['decline', 600, '2024-05-01'],
		];
		for (const [what, minutes, date] of plan) {
			const id = await selfReport(tk, minutes);
			if (what === 'approve') await approve(admin, id, v1.id);
			if (what === 'decline') await decline(admin, id);
			if (date) backdate(id, date);
		}

		// exemplars: 6 of 2024, one of 2023 and one of 2025
		for (const [kind, level, year] of [
			['good_person', 'banner', 2024],
			['moral_model', 'city', 2024],
			['moral_model', 'unit', 2024],
			['civilized_family', 'nation', 2024],
			['excellent_staff', 'banner', 2024],
			['good_person', 'region', 2024],
			['moral_model_collective', 'nation', 2023],
			['excellent_volunteer', 'city', 2025],
		]) {
			await exemplar(admin, U1.id, kind, level, year);
		}

		// aid: 6 of 2024 (a purchase in head, not kg), one purchase in kg of 2023
		await aid(admin, U1.id, 'first_secretary', '2024-03-01', { partner_id: PV.id, person: '张书记' });
		await aid(admin, U1.id, 'purchase_aid', '2024-09-10', { item: '牛羊肉', quantity: 1500, quantity_unit: 'kg', amount_fen: 100010000 });
		await aid(admin, U1.id, 'purchase_aid', '2024-09-11', { item: '活羊', quantity: 20, quantity_unit: 'head', amount_fen: 4999 });
		await aid(admin, U1.id, 'purchase_aid', '2023-11-11', { item: '土豆', quantity: 250, quantity_unit: 'kg', amount_fen: 1 });
		await aid(admin, U1.id, 'donation', '2024-01-20', { amount_fen: 20000000000 });
		await aid(admin, U1.id, 'aid_funds', '2024-06-30', { amount_fen: 5000 });
		await aid(admin, U1.id, 'industry_project', '2024-05-01', { item: '光伏项目', amount_fen: 148000000 });

		// publicity: 5 of 2024 (by start date); one started 2023 and up through 2024, one of 2025
		await ad(admin, U1.id, 'wall', 3, '2024-02-01');
		await ad(admin, U1.id, 'door_head', 1, '2024-05-01');
		await ad(admin, U1.id, 'bulletin_board', 4, '2024-08-08');
		await ad(admin, U1.id, 'wechat_weibo_app', 2, '2024-10-01');
		await ad(admin, U1.id, 'wall', 5, '2024-12-31');
		await ad(admin, U1.id, 'led_screen', 1, '2023-12-31', { end_date: '2024-12-31' });
		await ad(admin, U1.id, 'billboard', 9, '2025-01-01');

		// pairings: communities ended the day before as_of / starting after it; a village from as_of on
		await pairing(admin, U1.id, PC1.id, 'city_creation', '2023-01-01', '2024-12-30');
		await pairing(admin, U1.id, PC2.id, 'city_creation', '2025-01-01');
		await pairing(admin, U1.id, PV.id, 'rural_revitalization', '2024-12-31');

		fx.U1 = {
			year: 2024,
			as_of: '2024-12-31',
			unit: { id: U1.id, name: U1.name, staff_count: 30 },
			region: null,
			activities: {
				total: 5,
				participants: 42,
				months: months({ 1: 1, 2: 1, 3: 2, 12: 1 }),
				by_type: [
					{ code: 'volunteer_service', label: '志愿服务', n: 2 },
					{ code: 'lei_feng', label: '学雷锋', n: 1 },
					{ code: 'our_festivals', label: '我们的节日', n: 1 },
					{ code: 'moral_lecture', label: '道德讲堂', n: 1 },
				],
			},
			volunteers: { on_roster: 5, staff: 30, units: 1, ratio_percent: '16.7', titled_units_below_20: 1 },
			hours: {
				minutes: 1714,
				hours: '28.6',
				months_minutes: months({ 1: 120, 3: 1585, 7: 3, 12: 6 }),
				months_hours: ['2', '0', '26.4', '0', '0', '0', '0.1', '0', '0', '0', '0', '0.1'],
				reports_pending: 3,
			},
			exemplars: {
				total: 6,
				by_kind: [
					{ kind: 'moral_model', label: '道德模范', n: 2 },
					{ kind: 'good_person', label: '身边好人', n: 2 },
					{ kind: 'excellent_staff', label: '优秀员工/先进工作者', n: 1 },
					{ kind: 'civilized_family', label: '文明家庭', n: 1 },
				],
				by_level: [
					{ level: 'unit', label: '本单位', n: 1 },
					{ level: 'banner', label: '旗县级', n: 2 },
					{ level: 'city', label: '市级', n: 1 },
					{ level: 'region', label: '自治区级', n: 1 },
					{ level: 'nation', label: '全国', n: 1 },
				],
			},
			aid: {
				records: 6,
				amount_fen: 20248019999,
				amount_yuan: '202,480,199.99',
				amount_wan: '20248.02',
				quantity_kg: 1500,
				by_kind: [
					{ kind: 'first_secretary', label: '选派第一书记', records: 1, amount_fen: 0, amount_yuan: '0.00', amount_wan: '0.00', quantity_kg: 0 },
					{ kind: 'industry_project', label: '产业项目', records: 1, amount_fen: 148000000, amount_yuan: '1,480,000.00', amount_wan: '148.00', quantity_kg: 0 },
					{ kind: 'purchase_aid', label: '消费帮扶', records: 2, amount_fen: 100014999, amount_yuan: '1,000,149.99', amount_wan: '100.01', quantity_kg: 1500 },
					{ kind: 'donation', label: '捐款捐物', records: 1, amount_fen: 20000000000, amount_yuan: '200,000,000.00', amount_wan: '20000.00', quantity_kg: 0 },
					{ kind: 'aid_funds', label: '帮扶资金（配套资金）', records: 1, amount_fen: 5000, amount_yuan: '50.00', amount_wan: '0.01', quantity_kg: 0 },
				],
			},
			publicity: {
				records: 5,
				pieces: 15,
				by_carrier: [
					{ carrier: 'door_head', label: '门头', records: 1, pieces: 1 },
					{ carrier: 'wall', label: '墙体', records: 2, pieces: 8 },
					{ carrier: 'bulletin_board', label: '宣传栏', records: 1, pieces: 4 },
					{ carrier: 'wechat_weibo_app', label: '两微一端', records: 1, pieces: 2 },
				],
			},
			pairings: { units: 1, with_community: 0, with_village: 1, without_community: 1, without_village: 0 },
		};

		/* ---------------- U2: the same banner, untitled, 10 staff ---------------- */
		U2 = await createUnit(admin, { name: uniqueName('统计单位乙'), staff_count: 10 });
		const w1 = await vol(admin, U2.id, { joined_date: '2024-01-01' });
		const w2 = await vol(admin, U2.id, { joined_date: '2024-06-01' });
		const b1 = await act(admin, U2.id, '2024-06-01', 'other', { participants: 3 });
		await serve(admin, b1, [
			{ volunteer_id: w1.id, minutes: 60 },
			{ volunteer_id: w2.id, minutes: 61 },
		]);
		await exemplar(admin, U2.id, 'excellent_volunteer', 'city', 2024);
		await aid(admin, U2.id, 'donation', '2024-02-02', { amount_fen: 100 });
		await ad(admin, U2.id, 'website', 10, '2024-03-03');
		await pairing(admin, U2.id, PC1.id, 'city_creation', '2022-01-01', '2024-12-31'); // ends on as_of: counts
		await pairing(admin, U2.id, PV.id, 'rural_revitalization', '2025-01-01'); // starts after: no
		fx.U2 = {
			...zero(2024, '2024-12-31', { id: U2.id, name: U2.name, staff_count: 10 }),
			activities: { total: 1, participants: 3, months: months({ 6: 1 }), by_type: [{ code: 'other', label: '其他', n: 1 }] },
			volunteers: { on_roster: 2, staff: 10, units: 1, ratio_percent: '20.0', titled_units_below_20: 0 },
			hours: { minutes: 121, hours: '2', months_minutes: months({ 6: 121 }), months_hours: months({ 6: '2' }, '0'), reports_pending: 0 },
			exemplars: { total: 1, by_kind: [{ kind: 'excellent_volunteer', label: '优秀志愿者', n: 1 }], by_level: [{ level: 'city', label: '市级', n: 1 }] },
			aid: {
				records: 1,
				amount_fen: 100,
				amount_yuan: '1.00',
				amount_wan: '0.00',
				quantity_kg: 0,
				by_kind: [{ kind: 'donation', label: '捐款捐物', records: 1, amount_fen: 100, amount_yuan: '1.00', amount_wan: '0.00', quantity_kg: 0 }],
			},
			publicity: { records: 1, pieces: 10, by_carrier: [{ carrier: 'website', label: '单位网站', records: 1, pieces: 10 }] },
			pairings: { units: 1, with_community: 1, with_village: 0, without_community: 0, without_village: 1 },
		};

		snaps.dalad1 = await stats(dalad, Q, 'dalad after U1, U2');
		snaps.daladRegion1 = await stats(dalad, `${Q}&region=150621`, 'dalad region after U1, U2');
		snaps.admin1 = await stats(admin, `${Q}&region=150622`, 'admin region after U1, U2');

		/* ---------------- UD: 达拉特旗, made by its own admin ---------------- */
		UD = await createUnit(dalad, { name: uniqueName('达拉特统计单位'), region_code: '150621', staff_count: 20 });
		await awardTitle(dalad, UD.id, { awarded_year: 2023 });
		const d1 = await vol(dalad, UD.id, { joined_date: '2024-01-01' });
		const da = await act(dalad, UD.id, '2024-04-04', 'volunteer_service', { participants: 4 });
		await serve(dalad, da, [{ volunteer_id: d1.id, minutes: 30 }]);
		await exemplar(dalad, UD.id, 'good_person', 'banner', 2024);
		await aid(dalad, UD.id, 'aid_funds', '2024-04-04', { amount_fen: 1000000 });
		await ad(dalad, UD.id, 'door_head', 2, '2024-04-04');
		PVD = await partner(dalad, 'village', '150621');
		await pairing(dalad, UD.id, PVD.id, 'rural_revitalization', '2024-01-01');
		fx.UD = {
			...zero(2024, '2024-12-31', { id: UD.id, name: UD.name, staff_count: 20 }),
			activities: { total: 1, participants: 4, months: months({ 4: 1 }), by_type: [{ code: 'volunteer_service', label: '志愿服务', n: 1 }] },
			volunteers: { on_roster: 1, staff: 20, units: 1, ratio_percent: '5.0', titled_units_below_20: 1 },
			hours: { minutes: 30, hours: '0.5', months_minutes: months({ 4: 30 }), months_hours: months({ 4: '0.5' }, '0'), reports_pending: 0 },
			exemplars: { total: 1, by_kind: [{ kind: 'good_person', label: '身边好人', n: 1 }], by_level: [{ level: 'banner', label: '旗县级', n: 1 }] },
			aid: {
				records: 1,
				amount_fen: 1000000,
				amount_yuan: '10,000.00',
				amount_wan: '1.00',
				quantity_kg: 0,
				by_kind: [{ kind: 'aid_funds', label: '帮扶资金（配套资金）', records: 1, amount_fen: 1000000, amount_yuan: '10,000.00', amount_wan: '1.00', quantity_kg: 0 }],
			},
			publicity: { records: 1, pieces: 2, by_carrier: [{ carrier: 'door_head', label: '门头', records: 1, pieces: 2 }] },
			pairings: { units: 1, with_community: 0, with_village: 1, without_community: 1, without_village: 0 },
		};

		snaps.admin2 = await stats(admin, `${Q}&region=150622`, 'admin region after UD');
		snaps.ordos2 = await stats(ordos, Q, 'ordos after UD');
		snaps.dalad2 = await stats(dalad, Q, 'dalad after UD');
		snaps.daladRegion2 = await stats(dalad, `${Q}&region=150621`, 'dalad region after UD');
	});
	after(async () => {
		await srv?.stop();
	});

	/* ================================================================ one unit ==== */

	describe('a unit\'s figures', () => {
		it('the fresh unit: every figure of 2024 exactly (roster at Dec 31, hours, orders of the breakdowns)', async () => {
			const s = await stats(admin, `${Q}&unit_id=${U1.id}`);
			assert.deepEqual(s, fx.U1);
			// the same key order for the breakdowns is their vocabulary's, not the codes' alphabet
			assert.notDeepEqual(s.exemplars.by_kind.map((x) => x.kind), s.exemplars.by_kind.map((x) => x.kind).sort());
			assert.notDeepEqual(s.aid.by_kind.map((x) => x.kind), s.aid.by_kind.map((x) => x.kind).sort());
			assert.notDeepEqual(s.publicity.by_carrier.map((x) => x.carrier), s.publicity.by_carrier.map((x) => x.carrier).sort());
			assert.notDeepEqual(s.activities.by_type.map((x) => x.code), s.activities.by_type.map((x) => x.code).sort());
		});

		it('the second unit of the banner and the other banner\'s unit (as its own admin)', async () => {
			assert.deepEqual(await stats(admin, `${Q}&unit_id=${U2.id}`), fx.U2);
			assert.deepEqual(await stats(dalad, `${Q}&unit_id=${UD.id}`), fx.UD);
			assert.deepEqual(await stats(ordos, `${Q}&unit_id=${UD.id}`), fx.UD, 'the city sees it too');
		});

		it('agrees with /activities/stats and /aid/totals for the unit and year', async () => {
			const s = await stats(admin, `${Q}&unit_id=${U1.id}`);
			let r = await admin.get(`/api/v1/activities/stats?${Q}&unit_id=${U1.id}`);
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.total, s.activities.total);
			assert.equal(r.body.participants, s.activities.participants);
			assert.deepEqual(r.body.months, s.activities.months);
			assert.deepEqual(
				r.body.by_type.map((t) => ({ code: t.type_code, label: t.type_label, n: t.count })),
				s.activities.by_type,
			);
			r = await admin.get(`/api/v1/aid/totals?${Q}&unit_id=${U1.id}`);
			assert.equal(r.status, 200, JSON.stringify(r.body));
			const { items, ...top } = r.body;
			const { by_kind, ...mine } = s.aid;
			assert.deepEqual(mine, top);
			assert.deepEqual(
				by_kind,
				items.map(({ kind_label, ...x }) => ({ label: kind_label, ...x })).map(({ kind, label, ...x }) => ({ kind, label, ...x })),
			);
		});

		it('other years: 2023 and 2025 get the records dated in them, the roster as of their Dec 31', async () => {
			const s23 = await stats(admin, `year=2023&unit_id=${U1.id}`);
			assert.equal(s23.as_of, '2023-12-31');
			assert.deepEqual(s23.activities, {
				total: 1,
				participants: 100,
				months: months({ 12: 1 }),
				by_type: [{ code: 'volunteer_service', label: '志愿服务', n: 1 }],
			});
			// at 2023-12-31: v1 (2023-05-01), v4 (no date), v5, v6, v7 (left later, joined 2020), v8 (no date)
			assert.deepEqual(s23.volunteers, { on_roster: 6, staff: 30, units: 1, ratio_percent: '20.0', titled_units_below_20: 0 });
			assert.deepEqual(s23.hours, {
				minutes: 560,
				hours: '9.3',
				months_minutes: months({ 12: 560 }),
				months_hours: months({ 12: '9.3' }, '0'),
				reports_pending: 3,
			});
			assert.deepEqual(s23.exemplars.by_kind, [{ kind: 'moral_model_collective', label: '道德模范集体', n: 1 }]);
			assert.deepEqual([s23.aid.records, s23.aid.amount_fen, s23.aid.quantity_kg, s23.aid.amount_yuan], [1, 1, 250, '0.01']);
			assert.deepEqual(s23.publicity.by_carrier, [{ carrier: 'led_screen', label: '电子显示屏', records: 1, pieces: 1 }]);
			// the first community pairing runs through 2023-12-31
			assert.deepEqual(s23.pairings, { units: 1, with_community: 1, with_village: 0, without_community: 0, without_village: 1 });

			const s25 = await stats(admin, `year=2025&unit_id=${U1.id}`);
			assert.equal(s25.as_of, '2025-12-31');
			assert.deepEqual(s25.activities.by_type, [{ code: 'civil_dining', label: '文明餐桌', n: 1 }]);
			// at 2025-12-31: v1 v2 v3 v4 (the left ones all left by then)
			assert.deepEqual(s25.volunteers, { on_roster: 4, staff: 30, units: 1, ratio_percent: '13.3', titled_units_below_20: 1 });
			assert.deepEqual(s25.hours.months_minutes, months({ 1: 760 }), 'served 60 + approved 700 on 2025-01-01');
			assert.equal(s25.hours.reports_pending, 3, 'pending reports of any date');
			assert.deepEqual(s25.exemplars.by_level, [{ level: 'city', label: '市级', n: 1 }]);
			assert.equal(s25.aid.records, 0);
			assert.deepEqual(s25.publicity.by_carrier, [{ carrier: 'billboard', label: '公益广告牌', records: 1, pieces: 9 }]);
			assert.deepEqual(s25.pairings, { units: 1, with_community: 1, with_village: 1, without_community: 0, without_village: 0 });

			// 1949: nothing but the roster of that day (no one had joined; v4 and v8 have no date, v8 left since)
			const s49 = await stats(admin, `year=1949&unit_id=${U1.id}`);
			assert.deepEqual(s49, {
				...zero(1949, '1949-12-31', fx.U1.unit),
				volunteers: { on_roster: 2, staff: 30, units: 1, ratio_percent: '6.7', titled_units_below_20: 1 },
				hours: { ...zero(1949).hours, reports_pending: 3 },
				pairings: { units: 1, with_community: 0, with_village: 0, without_community: 1, without_village: 1 },
			});
		});

		it('titled units under 20 %: titled vs untitled, exactly 20 % vs below, revoked title, no staff; ratio one decimal half up', async () => {
			const before = await stats(admin, `${Q}&region=150622`);
			const cases = [
				// [what, staff, active volunteers, volunteers who left in 2025, title status, ratio_percent, titled_units_below_20]
				['exactly 20 %', 10, 2, 0, 'valid', '20.0', 0],
				// one left in 2025: on the 2024 roster (ratio 20.0), and the titled measure uses that same roster
				['a later leaver counts on that year\'s roster', 10, 1, 1, 'valid', '20.0', 0],
				['untitled, none', 10, 0, 0, null, '0.0', 0],
				['no staff', 0, 1, 0, 'valid', null, 0],
				['revoked title', 10, 0, 0, 'revoked', '0.0', 0],
				['criticized title still counts', 3, 0, 0, 'criticized', '0.0', 1],
				['18.18 %', 11, 2, 0, 'valid', '18.2', 1],
				['6.25 % rounds up', 16, 1, 0, 'valid', '6.3', 1],
				['12.5 %', 8, 1, 0, 'valid', '12.5', 1],
				['133.3 %', 3, 4, 0, 'valid', '133.3', 0],
				['2/3', 3, 2, 0, null, '66.7', 0],
			];
			const expected = [];
			for (const [what, staff, active, left, title, ratio, below] of cases) {
				const u = await createUnit(admin, { name: uniqueName('比例单位'), staff_count: staff });
				if (title) {
					const t = await awardTitle(admin, u.id);
					if (title !== 'valid') {
						const r = await admin.patch(`/api/v1/titles/${t.id}`, { status: title, reason: '测评不合格', version: t.version });
						assert.equal(r.status, 200, JSON.stringify(r.body));
					}
				}
				for (let i = 0; i < active; i++) await vol(admin, u.id, { joined_date: '2024-01-01' });
				// left after the year's end: on the 2024 roster, but not active now
				for (let i = 0; i < left; i++) await vol(admin, u.id, { status: 'left', joined_date: '2024-01-01', left_date: '2025-06-30' });
				const s = await stats(admin, `${Q}&unit_id=${u.id}`, what);
				assert.deepEqual(
					s.volunteers,
					{ on_roster: active + left, staff, units: 1, ratio_percent: ratio, titled_units_below_20: below },
					what,
				);
				expected.push(flat(s));
			}
			const after = await stats(admin, `${Q}&region=150622`);
			assert.deepEqual(diff(flat(after), flat(before)), sum(...expected), 'the region adds them up');
			assert.equal(after.volunteers.titled_units_below_20 - before.volunteers.titled_units_below_20, 4);
			assert.equal(after.volunteers.units - before.volunteers.units, cases.length);
		});

		it('a dissolved unit: no longer an active unit (no staff, roster or pairings), its records still counted by date', async () => {
			const u = await createUnit(admin, { name: uniqueName('拟撤销统计'), staff_count: 10 });
			await vol(admin, u.id, { joined_date: '2024-01-01' });
			await act(admin, u.id, '2024-05-05');
			await exemplar(admin, u.id, 'good_person', 'unit', 2024);
			await pairing(admin, u.id, PC2.id, 'city_creation', '2024-01-01');
			let s = await stats(admin, `${Q}&unit_id=${u.id}`);
			assert.deepEqual(s.volunteers, { on_roster: 1, staff: 10, units: 1, ratio_percent: '10.0', titled_units_below_20: 0 });
			assert.deepEqual(s.pairings, { units: 1, with_community: 1, with_village: 0, without_community: 0, without_village: 1 });
			const r = await admin.post(`/api/v1/units/${u.id}/restructure`, { kind: 'dissolve', version: u.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			s = await stats(admin, `${Q}&unit_id=${u.id}`);
			assert.deepEqual(s.unit, { id: u.id, name: u.name, staff_count: 10 });
			assert.deepEqual(s.volunteers, { on_roster: 0, staff: 0, units: 0, ratio_percent: null, titled_units_below_20: 0 });
			assert.deepEqual(s.pairings, zero(2024).pairings);
			assert.equal(s.activities.total, 1);
			assert.equal(s.exemplars.total, 1);
		});
	});

	/* ================================================================ hours, API only ==== */

	describe('hours and as_of with today\'s dates (API only)', () => {
		it('last year and this year: approved reports by their date, served minutes by the activity\'s; pending of any date', async () => {
			const last = THIS_YEAR - 1;
			const lastDay = `${last}-12-31`; // always within the form's last year, never after today
			const today = dayCN();
			const u = await createUnit(admin, { name: uniqueName('时长统计'), staff_count: 5 });
			const v = await vol(admin, u.id, { joined_date: `${last}-01-01` });
			const tk = await link(admin, u.id);
			await approve(admin, await selfReport(tk, 30, lastDay), v.id);
			await decline(admin, await selfReport(tk, 50, lastDay));
			await approve(admin, await selfReport(tk, 45, today), v.id);
			await selfReport(tk, 20, today); // pending
			await selfReport(tk, 25, lastDay); // pending
			const a = await act(admin, u.id, today);
			await serve(admin, a, [{ volunteer_id: v.id, minutes: 15 }]);
			const m = Number(today.slice(5, 7));

			const sl = await stats(admin, `year=${last}&unit_id=${u.id}`);
			assert.equal(sl.as_of, lastDay);
			assert.deepEqual(sl.hours, { minutes: 30, hours: '0.5', months_minutes: months({ 12: 30 }), months_hours: months({ 12: '0.5' }, '0'), reports_pending: 2 });
			assert.equal(sl.activities.total, 0);

			const st = await stats(admin, `year=${THIS_YEAR}&unit_id=${u.id}`);
			assert.equal(st.as_of, today, 'this year: as of today (UTC+8)');
			assert.deepEqual(st.hours, { minutes: 60, hours: '1', months_minutes: months({ [m]: 60 }), months_hours: months({ [m]: '1' }, '0'), reports_pending: 2 });
			assert.deepEqual(st.activities.months, months({ [m]: 1 }));
			// the liaison-less default is this year
			assert.deepEqual(await stats(admin, `unit_id=${u.id}`), st);
			assert.deepEqual(await stats(admin, `year=&unit_id=${u.id}`), st, 'an empty year is no year');
		});

		it('this year is as of today: joined today or left tomorrow is on the roster; joined tomorrow, left today not; pairings from tomorrow or ended yesterday not', async () => {
			const today = dayCN();
			const tomorrow = dayCN(1);
			const u = await createUnit(admin, { name: uniqueName('今日统计'), staff_count: 7 });
			await vol(admin, u.id, { joined_date: today }); // on
			await vol(admin, u.id, { joined_date: tomorrow }); // off
			await vol(admin, u.id, { status: 'left', joined_date: '2020-01-01', left_date: tomorrow }); // on
			await vol(admin, u.id, { status: 'left', joined_date: '2020-01-01', left_date: today }); // off
			await vol(admin, u.id, { joined_date: '2020-01-01' }); // on
			await pairing(admin, u.id, PC1.id, 'city_creation', tomorrow);
			await pairing(admin, u.id, PC2.id, 'city_creation', '2020-01-01', dayCN(-1)); // ended yesterday
			await pairing(admin, u.id, PV.id, 'rural_revitalization', today);
			const s = await stats(admin, `unit_id=${u.id}`);
			assert.equal(s.year, THIS_YEAR);
			assert.equal(s.as_of, today);
			assert.deepEqual(s.volunteers, { on_roster: 3, staff: 7, units: 1, ratio_percent: '42.9', titled_units_below_20: 0 });
			assert.deepEqual(s.pairings, { units: 1, with_community: 0, with_village: 1, without_community: 1, without_village: 0 });
			// last year's end: the two who joined in 2020 (the one who left today had not yet left)
			const sl = await stats(admin, `year=${THIS_YEAR - 1}&unit_id=${u.id}`);
			assert.equal(sl.as_of, `${THIS_YEAR - 1}-12-31`);
			assert.equal(sl.volunteers.on_roster, 3);
			assert.deepEqual(sl.pairings, { units: 1, with_community: 1, with_village: 0, without_community: 0, without_village: 1 }, 'the one ended yesterday ran then');
		});
	});

	/* ================================================================ region ==== */

	describe('the region view', () => {
		it('the fresh units\' region: the fixtures add exactly U1 + U2; UD (another banner) adds nothing; the city adds all three', async () => {
			assert.deepEqual(diff(flat(snaps.admin1), flat(snaps.admin0)), sum(flat(fx.U1), flat(fx.U2)));
			assert.deepEqual(snaps.admin2, snaps.admin1, 'UD changed nothing in 准格尔旗');
			assert.deepEqual(diff(flat(snaps.ordos2), flat(snaps.ordos0)), sum(flat(fx.U1), flat(fx.U2), flat(fx.UD)));
			assert.equal(snaps.admin0.region, '150622');
			assert.equal(snaps.admin0.unit, null);
			// the region holds at least the two units' records
			const f = flat(snaps.admin1);
			for (const [k, v] of Object.entries(sum(flat(fx.U1), flat(fx.U2)))) assert.ok((f[k] || 0) >= v, `${k}: ${f[k]} ≥ ${v}`);
		});

		it('another banner\'s admin: its figures are not affected by 准格尔旗\'s records; UD adds exactly its own', async () => {
			assert.deepEqual(snaps.dalad1, snaps.dalad0);
			assert.deepEqual(snaps.daladRegion1, snaps.daladRegion0);
			assert.deepEqual(diff(flat(snaps.dalad2), flat(snaps.dalad0)), flat(fx.UD));
			assert.deepEqual(diff(flat(snaps.daladRegion2), flat(snaps.daladRegion0)), flat(fx.UD));
			const { region, ...a } = snaps.daladRegion2;
			const { region: r2, ...b } = snaps.dalad2;
			assert.equal(region, '150621');
			assert.equal(r2, null);
			assert.deepEqual(a, b, 'its own banner is its whole scope');
		});

		it('a new record moves the region view by its own figures; the wider city code is intersected with the scope', async () => {
			const u = await createUnit(admin, { name: uniqueName('区域统计'), staff_count: 4 });
			const before = await stats(admin, `${Q}&region=150622`);
			const v = await vol(admin, u.id, { joined_date: '2024-02-02' });
			const a = await act(admin, u.id, '2024-08-08', 'integrity', { participants: 9 });
			await serve(admin, a, [{ volunteer_id: v.id, minutes: 33 }]);
			await exemplar(admin, u.id, 'moral_model', 'nation', 2024);
			await aid(admin, u.id, 'purchase_aid', '2024-08-08', { item: '小米', quantity: 7, quantity_unit: 'kg', amount_fen: 123456 });
			await ad(admin, u.id, 'led_screen', 3, '2024-08-08');
			const after = await stats(admin, `${Q}&region=150622`);
			assert.deepEqual(diff(flat(after), flat(before)), {
				'activities.total': 1,
				'activities.participants': 9,
				'activities.months.8': 1,
				'activities.by_type.integrity': 1,
				'volunteers.on_roster': 1,
				'hours.minutes': 33,
				'hours.months.8': 33,
				'exemplars.total': 1,
				'exemplars.kind.moral_model': 1,
				'exemplars.level.nation': 1,
				'aid.records': 1,
				'aid.amount_fen': 123456,
				'aid.quantity_kg': 7,
				'aid.purchase_aid.records': 1,
				'aid.purchase_aid.amount_fen': 123456,
				'aid.purchase_aid.quantity_kg': 7,
				'publicity.records': 1,
				'publicity.pieces': 3,
				'publicity.led_screen.records': 1,
				'publicity.led_screen.pieces': 3,
			});
			// the unit itself (units and staff were counted when it was made)
			assert.deepEqual(flat(await stats(admin, `${Q}&unit_id=${u.id}`)), {
				...diff(flat(after), flat(before)),
				'volunteers.staff': 4,
				'volunteers.units': 1,
				'pairings.units': 1,
				'pairings.without_community': 1,
				'pairings.without_village': 1,
			});
			// the admin's whole scope is 准格尔旗; the city code intersects with it; another banner's code finds nothing
			const { region: _r, ...whole } = after;
			const { region: _n, ...noRegion } = await stats(admin, Q);
			assert.deepEqual(noRegion, whole);
			const city = await stats(admin, `${Q}&region=150600`);
			assert.equal(city.region, '150600');
			assert.deepEqual({ ...city, region: '150622' }, after);
			assert.deepEqual(await stats(admin, `${Q}&region=150621`), zero(2024, '2024-12-31', null, '150621'));
			// a unit and a region that does not hold it: the unit, but nothing counted
			assert.deepEqual(await stats(admin, `${Q}&unit_id=${U1.id}&region=150621`), zero(2024, '2024-12-31', fx.U1.unit, '150621'));
			assert.deepEqual(await stats(admin, `${Q}&unit_id=${U1.id}&region=150622`), { ...fx.U1, region: '150622' });
		});
	});

	/* ================================================================ scope ==== */

	describe('scope and roles', () => {
		it('the liaison: their own unit\'s figures only, with or without unit_id or region; another unit → 404 unit_not_found', async () => {
			const own = await stats(admin, `${Q}&unit_id=${ownUnitId}`);
			assert.equal(own.volunteers.units, 1);
			assert.deepEqual(await stats(liaison, `${Q}&unit_id=${ownUnitId}`), own);
			assert.deepEqual(await stats(liaison, Q), { ...own, unit: null });
			assert.deepEqual(await stats(liaison, `${Q}&region=150622`), { ...own, unit: null, region: '150622' });
			assert.deepEqual(await stats(liaison, `${Q}&region=150621`), zero(2024, '2024-12-31', null, '150621'));
			for (const id of [U1.id, U2.id, UD.id, 987654321]) await error(liaison, `${Q}&unit_id=${id}`, 404, 'unit_not_found', 'unit_id');
			// a record of their own unit moves their figures and the admin's view of it alike
			const before = flat(await stats(liaison, Q));
			await exemplar(liaison, ownUnitId, 'good_person', 'unit', 2024);
			assert.deepEqual(diff(flat(await stats(liaison, Q)), before), { 'exemplars.total': 1, 'exemplars.kind.good_person': 1, 'exemplars.level.unit': 1 });
			assert.deepEqual(await stats(liaison, `${Q}&unit_id=${ownUnitId}`), await stats(admin, `${Q}&unit_id=${ownUnitId}`));
			// records of other units do not reach the liaison's figures
			const mine = await stats(liaison, Q);
			await exemplar(admin, U2.id, 'good_person', 'unit', 2024);
			assert.deepEqual(await stats(liaison, Q), mine);
		});

		it('another banner\'s admin: 404 unit_not_found for 准格尔旗\'s units; its own view of 准格尔旗 is empty', async () => {
			for (const id of [U1.id, U2.id, ownUnitId]) await error(dalad, `${Q}&unit_id=${id}`, 404, 'unit_not_found', 'unit_id');
			await error(admin, `${Q}&unit_id=${UD.id}`, 404, 'unit_not_found', 'unit_id');
			await error(leader, `${Q}&unit_id=${UD.id}`, 404, 'unit_not_found', 'unit_id');
			assert.deepEqual(await stats(dalad, `${Q}&region=150622`), zero(2024, '2024-12-31', null, '150622'));
		});

		it('the viewer and the assessor read what the admin reads; the city admin too; anonymous 401', async () => {
			for (const q of [`${Q}&unit_id=${U1.id}`, `${Q}&unit_id=${U2.id}`, `${Q}&region=150622`, Q, `year=2023&unit_id=${U1.id}`]) {
				const a = await stats(admin, q);
				assert.deepEqual(await stats(leader, q), a, `leader ${q}`);
				assert.deepEqual(await stats(assessor, q), a, `assessor ${q}`);
				if (q.includes('unit_id')) assert.deepEqual(await stats(ordos, q), a, `ordos ${q}`);
			}
			assert.deepEqual(await stats(ordos, `${Q}&region=150622`), await stats(admin, `${Q}&region=150622`));
			const r = await srv.anon().get(`/api/v1/ledger/stats?${Q}`);
			assert.equal(r.status, 401);
		});
	});

	/* ================================================================ validation ==== */

	describe('parameters', () => {
		it('year: not an integer, before 1949, after 2100 or after this year → 400 invalid_value (field year)', async () => {
			for (const y of ['abc', '2024x', '2024.0', '2024.5', '1e3', '0x7e8', '-2024', '1948', '0', '2101', '99999999999999999999', String(THIS_YEAR + 1)]) {
				await error(admin, `year=${y}&unit_id=${U1.id}`, 400, 'invalid_value', 'year');
			}
			// the limits
			assert.equal((await stats(admin, `year=1949&unit_id=${U1.id}`)).as_of, '1949-12-31');
			const s = await stats(admin, `year=${THIS_YEAR}&unit_id=${U1.id}`);
			assert.deepEqual([s.year, s.as_of], [THIS_YEAR, dayCN()]);
			// as_of: Dec 31 of a past year
			for (const y of [1950, 2000, 2024, THIS_YEAR - 1]) {
				const p = await stats(admin, `year=${y}`);
				assert.deepEqual([p.year, p.as_of], [y, `${y}-12-31`]);
			}
		});

		it('region not a valid 6-digit code → 400 region_code (field region); unit_id not a positive integer → 400 invalid_value', async () => {
			for (const code of ['abc', '15062', '1506221', '000000', '150022', '15062x', '１５０６２２']) {
				await error(admin, `${Q}&region=${encodeURIComponent(code)}`, 400, 'region_code', 'region');
			}
			for (const id of ['0', '-1', 'x', '1e3', '1.5', '12abc', '9'.repeat(19)]) {
				await error(admin, `${Q}&unit_id=${id}`, 400, 'invalid_value', 'unit_id');
			}
			// odd bytes never make a 5xx (a %00 decodes to an empty value, i.e. no parameter, as in every list)
			for (const q of ['year=%00', 'unit_id=%00', 'region=%00', `year=${'9'.repeat(400)}`, `unit_id=${'1'.repeat(400)}`, 'region=%FF%FE%FD%FC%FB%FA']) {
				const r = await admin.get(`/api/v1/ledger/stats?${q}`);
				assert.ok(r.status === 200 || r.status === 400, `${q}: ${r.status}`);
			}
			await error(admin, `${Q}&unit_id=987654321`, 404, 'unit_not_found', 'unit_id');
			// empty parameters are no parameters
			const { region: _r, ...a } = await stats(admin, `${Q}&unit_id=&region=`);
			const { region: _n, ...b } = await stats(admin, Q);
			assert.deepEqual(a, b);
			assert.equal(_r, null);
		});
	});
});
