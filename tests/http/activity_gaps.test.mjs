// activity_gaps.test.mjs — the office-wide check of 每月一次精神文明创建活动: GET /api/v1/activities/gaps
// lists the active units of the caller's scope (titled ones only unless titled=false) that had no
// activity in some month of the year up to through_month (12 for a past year; for this year the
// previous month by the UTC+8 date, the current one still running), most missing months first, then
// pinyin order. Checked: exact months/missing_months/activities of fixtures made through the API in a
// past year, the month boundaries, titled=true vs false (a revoked title drops a unit, a criticized one
// keeps it), this year, the region filter (intersected with the scope), scope per role, merged,
// dissolved, split, renamed and deleted units, every 400 with its code and field, and the whole
// answer against the units and activities each caller can list. The demo's own activities are not
// relied on: fixture checks look at the fixtures' rows only; the comparison with the lists covers
// everything. The cap of 1000 listed units has a server of its own (bulk rows written in SQL).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createUnit, awardTitle, listAll, makeUscc, uniqueName } from './harness.mjs';

const YEAR = 2024;
const GAPS_KEYS = ['through_month', 'titled_only', 'truncated', 'units', 'units_checked', 'units_with_gaps', 'year'];
const UNIT_KEYS = ['activities', 'missing_months', 'months', 'region_code', 'titled', 'unit_id', 'unit_name'];

/** Twelve months with n at the 1-based months given ({3: 2} → March 2). */
const months = (m = {}) => Array.from({ length: 12 }, (_, i) => m[i + 1] ?? 0);
/** The months 1..12 with one activity each, except those given. */
const allBut = (...skip) => Object.fromEntries([...Array(12).keys()].map((i) => i + 1).filter((m) => !skip.includes(m)).map((m) => [m, 1]));
const range = (a, b) => (b < a ? [] : Array.from({ length: b - a + 1 }, (_, i) => a + i));
const pad2 = (n) => String(n).padStart(2, '0');

/** The server's calendar: the date in UTC+8. */
function todayUtc8() {
	const d = new Date(Date.now() + 8 * 3600 * 1000);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

describe('activity gaps (每月一次精神文明创建活动)', () => {
	let srv, admin, ordos, dalad, liaison, leader, assessor;
	// F: the fixtures of YEAR in 准格尔旗 (150622), by the pinyin of their first character.
	const F = {};
	let unitD; // a titled unit of 达拉特旗 150621 (ordos and dalad see it, admin not)

	async function gaps(query = '', client = admin) {
		const r = await client.get(`/api/v1/activities/gaps${query ? '?' + query : ''}`);
		assert.equal(r.status, 200, `gaps?${query} as ${client.user?.username}: ${r.status} ${JSON.stringify(r.body)}`);
		assert.deepEqual(Object.keys(r.body).sort(), GAPS_KEYS);
		for (const u of r.body.units) assert.deepEqual(Object.keys(u).sort(), UNIT_KEYS);
		return r.body;
	}

	/** The answer's rows of the given units, in the answer's order. */
	const only = (answer, ...units) => {
		const ids = new Set(units.map((u) => u.id));
		return answer.units.filter((x) => ids.has(x.unit_id));
	};
	const row = (unit, { titled, m, missing }) => ({
		unit_id: unit.id,
		unit_name: unit.name,
		region_code: unit.region_code,
		titled,
		activities: months(m).reduce((a, b) => a + b, 0),
		months: months(m),
		missing_months: missing,
	});

	async function newActivity(client, unit, date, fields = {}) {
		const r = await client.post('/api/v1/activities', {
			unit_id: unit.id,
			type_code: 'volunteer_service',
			title: uniqueName('月度活动'),
			activity_date: date,
			...fields,
		});
		assert.equal(r.status, 201, `create activity ${date} → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}

	/** Activities of `unit` in `year`: n on the 15th of each month m of {m: n} (serially: the ids stay in order). */
	async function fill(unit, m, year = YEAR, client = admin) {
		const made = [];
		for (const [month, n] of Object.entries(m)) {
			for (let i = 0; i < n; i++) made.push(await newActivity(client, unit, `${year}-${pad2(month)}-${pad2(10 + i)}`));
		}
		return made;
	}

	async function unitVersion(id) {
		const r = await admin.get(`/api/v1/units/${id}`);
		assert.equal(r.status, 200);
		return r.body.version;
	}

	async function setTitleStatus(title, status) {
		const r = await admin.patch(`/api/v1/titles/${title.id}`, { status, reason: '测试称号状态变更', version: title.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		return r.body;
	}

	/**
	 * The answer worked out from what `client` can list: its units (in the list's pinyin order,
	 * with status and top title) and its activities of the year.
	 */
	async function expected(client, year, { titled = true, region = '', through } = {}) {
		const rq = region ? `region=${region}` : '';
		const units = await listAll(client, `/api/v1/units${rq ? '?' + rq : ''}`);
		const acts = await listAll(client, `/api/v1/activities?year=${year}${rq ? '&' + rq : ''}`);
		const byUnit = new Map();
		for (const a of acts) {
			assert.equal(a.year, year);
			const m = byUnit.get(a.unit_id) ?? months();
			m[Number(a.activity_date.slice(5, 7)) - 1]++;
			byUnit.set(a.unit_id, m);
		}
		const checked = units.filter((u) => u.status === 'active' && (!titled || u.top_title !== null));
		const rows = checked.map((u) => {
			const m = byUnit.get(u.id) ?? months();
			return {
				unit_id: u.id,
				unit_name: u.name,
				region_code: u.region_code,
				titled: u.top_title !== null,
				activities: m.reduce((a, b) => a + b, 0),
				months: m,
				missing_months: range(1, through).filter((k) => m[k - 1] === 0),
			};
		});
		const withGaps = rows.filter((x) => x.missing_months.length > 0);
		withGaps.sort((a, b) => b.missing_months.length - a.missing_months.length); // stable: pinyin within a count
		return {
			year,
			through_month: through,
			titled_only: titled,
			units_checked: checked.length,
			units_with_gaps: withGaps.length,
			truncated: false,
			units: withGaps,
		};
	}

	before(async () => {
		srv = await startServer();
		[admin, ordos, dalad, liaison, leader, assessor] = await Promise.all(
			['admin', 'ordos', 'dalad', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)),
		);
		// titled ones
		F.an = await createUnit(admin, { name: uniqueName('安康缺月单位') });
		F.bei = await createUnit(admin, { name: uniqueName('北辰缺月单位') });
		F.dong = await createUnit(admin, { name: uniqueName('东方缺月单位') });
		F.fu = await createUnit(admin, { name: uniqueName('福田缺月单位') });
		F.liu = await createUnit(admin, { name: uniqueName('柳林缺月单位') });
		// without a (live) title
		F.gao = await createUnit(admin, { name: uniqueName('高原缺月单位') });
		F.hai = await createUnit(admin, { name: uniqueName('海岸缺月单位') });
		F.jiang = await createUnit(admin, { name: uniqueName('江南缺月单位') });
		for (const u of [F.an, F.bei, F.dong, F.fu]) await awardTitle(admin, u.id);
		// 柳林's only title is criticized (still held), 江南's revoked (no longer held)
		await setTitleStatus(await awardTitle(admin, F.liu.id, { level: 'city', doc_no: '鄂文明委发〔2024〕3号' }), 'criticized');
		await setTitleStatus(await awardTitle(admin, F.jiang.id), 'revoked');
		// 安康: no March, no July, two in May
		await fill(F.an, { ...allBut(3, 7), 5: 2 });
		// 北辰: February and April only
		await fill(F.bei, { 2: 1, 4: 1 });
		// 东方: every month, on the year's first and last day too
		await newActivity(admin, F.dong, `${YEAR}-01-01`);
		await fill(F.dong, allBut(1, 12));
		await newActivity(admin, F.dong, `${YEAR}-12-31`, { type_code: 'lei_feng' });
		// 福田: no June, no September
		await fill(F.fu, allBut(6, 9));
		// 柳林 (criticized title): nothing in the first quarter
		await fill(F.liu, allBut(1, 2, 3));
		// 高原: only in the neighbouring years
		await newActivity(admin, F.gao, `${YEAR - 1}-12-31`);
		await newActivity(admin, F.gao, `${YEAR + 1}-01-01`);
		// 海岸: up to 30 November
		await fill(F.hai, allBut(11, 12));
		await newActivity(admin, F.hai, `${YEAR}-11-30`, { type_code: 'moral_lecture' });
		// 江南 (revoked title): no January
		await fill(F.jiang, allBut(1));
		// 达拉特旗
		unitD = await createUnit(ordos, { region_code: '150621', name: uniqueName('达拉特旗缺月单位') });
		await awardTitle(ordos, unitD.id);
		await fill(unitD, { 6: 1 }, YEAR, ordos);
	});
	after(async () => {
		await srv?.stop();
	});

	const E = {
		an: () => row(F.an, { titled: true, m: { ...allBut(3, 7), 5: 2 }, missing: [3, 7] }),
		bei: () => row(F.bei, { titled: true, m: { 2: 1, 4: 1 }, missing: [1, 3, 5, 6, 7, 8, 9, 10, 11, 12] }),
		fu: () => row(F.fu, { titled: true, m: allBut(6, 9), missing: [6, 9] }),
		liu: () => row(F.liu, { titled: true, m: allBut(1, 2, 3), missing: [1, 2, 3] }),
		gao: () => row(F.gao, { titled: false, m: {}, missing: range(1, 12) }),
		hai: () => row(F.hai, { titled: false, m: allBut(12), missing: [12] }),
		jiang: () => row(F.jiang, { titled: false, m: allBut(1), missing: [1] }),
	};
	const fixtures = () => Object.values(F);

	/* ================================================================ a past year ==== */

	describe('a past year', () => {
		it('titled units by default: exact months, missing months and counts; most missing first, then pinyin; a full year is not listed', async () => {
			const g = await gaps(`year=${YEAR}`);
			assert.equal(g.year, YEAR);
			assert.equal(g.through_month, 12, 'a past year is due in full');
			assert.equal(g.titled_only, true);
			assert.equal(g.truncated, false);
			assert.equal(g.units_with_gaps, g.units.length);
			assert.ok(g.units_checked >= g.units_with_gaps + 1, '东方 is checked but has no gap');
			assert.deepEqual(only(g, ...fixtures()), [E.bei(), E.liu(), E.an(), E.fu()]);
			assert.ok(!g.units.some((u) => u.unit_id === F.dong.id), 'a unit with an activity every month is not listed');
			// the whole list: most missing months first; every row consistent
			for (let i = 1; i < g.units.length; i++) {
				assert.ok(g.units[i - 1].missing_months.length >= g.units[i].missing_months.length, `order at ${i}`);
			}
			for (const u of g.units) {
				assert.equal(u.titled, true);
				assert.equal(u.region_code, '150622');
				assert.equal(u.months.length, 12);
				assert.equal(u.activities, u.months.reduce((a, b) => a + b, 0));
				assert.deepEqual(u.missing_months, range(1, 12).filter((m) => u.months[m - 1] === 0));
			}
			// titled=true and an empty titled are the default
			assert.deepEqual(await gaps(`year=${YEAR}&titled=true`), g);
			assert.deepEqual(await gaps(`year=${YEAR}&titled=`), g);
			assert.deepEqual(await gaps(`year=${YEAR}&region=`), g);
		});

		it('titled=false checks every active unit: untitled ones join in pinyin order among equals; a revoked title drops the unit, a criticized one keeps it', async () => {
			const g = await gaps(`year=${YEAR}&titled=false`);
			assert.equal(g.titled_only, false);
			assert.equal(g.through_month, 12);
			assert.deepEqual(only(g, ...fixtures()), [E.gao(), E.bei(), E.liu(), E.an(), E.fu(), E.hai(), E.jiang()]);
			const t = await gaps(`year=${YEAR}`);
			assert.ok(g.units_checked > t.units_checked);
			assert.ok(g.units_with_gaps >= t.units_with_gaps);
			// the titled rows of titled=false are the titled answer
			assert.deepEqual(
				g.units.filter((u) => u.titled),
				t.units,
			);
			// the counts of titled and untitled units checked agree with the database
			const [[all, titled]] = srv.db.query(
				"SELECT count(*) AS n_all, count(top_title_id) AS n_titled FROM units WHERE status = 'active' AND region_code = '150622'",
			);
			assert.equal(g.units_checked, Number(all));
			assert.equal(t.units_checked, Number(titled));
		});

		it('the boundaries of the year: 1 January and 31 December count; the neighbouring years do not', async () => {
			const g = await gaps(`year=${YEAR}&titled=false`);
			assert.ok(!g.units.some((u) => u.unit_id === F.dong.id));
			assert.deepEqual(only(g, F.gao)[0].months, months());
			const prev = only(await gaps(`year=${YEAR - 1}&titled=false`), F.gao)[0];
			assert.deepEqual([prev.months, prev.missing_months, prev.activities], [months({ 12: 1 }), range(1, 11), 1]);
			const next = only(await gaps(`year=${YEAR + 1}&titled=false`), F.gao)[0];
			assert.deepEqual([next.months, next.missing_months, next.activities], [months({ 1: 1 }), range(2, 12), 1]);
			// the earliest year: every unit checked misses every month
			const first = await gaps('year=1949&titled=false');
			assert.equal(first.year, 1949);
			assert.equal(first.through_month, 12);
			assert.equal(first.units_with_gaps, first.units_checked);
			assert.ok(first.units.every((u) => u.missing_months.length === 12 && u.activities === 0));
		});

		it('adding, moving and deleting activities changes the answer at once', async () => {
			const u = await createUnit(admin, { name: uniqueName('变动缺月单位') });
			await awardTitle(admin, u.id);
			const [a2, a4] = await fill(u, { 2: 1, 4: 1 });
			const mine = async () => only(await gaps(`year=${YEAR}`), u)[0];
			assert.deepEqual((await mine()).missing_months, [1, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
			// moved from February to March
			let r = await admin.patch(`/api/v1/activities/${a2.id}`, { activity_date: `${YEAR}-03-01`, version: a2.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			let x = await mine();
			assert.deepEqual(x.months, months({ 3: 1, 4: 1 }));
			assert.deepEqual(x.missing_months, [1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
			// moved out of the year
			r = await admin.patch(`/api/v1/activities/${a4.id}`, { activity_date: `${YEAR - 1}-04-01`, version: a4.version });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			x = await mine();
			assert.deepEqual([x.months, x.activities], [months({ 3: 1 }), 1]);
			// the rest of the year filled: no longer listed, still checked
			const before = await gaps(`year=${YEAR}`);
			await fill(u, allBut(3));
			const after = await gaps(`year=${YEAR}`);
			assert.equal(only(after, u).length, 0);
			assert.equal(after.units_checked, before.units_checked);
			assert.equal(after.units_with_gaps, before.units_with_gaps - 1);
			// one deleted: its month is missing again
			const july = (await admin.get(`/api/v1/activities?unit_id=${u.id}&from=${YEAR}-07-01&to=${YEAR}-07-31`)).body.items;
			assert.equal(july.length, 1);
			r = await admin.delete(`/api/v1/activities/${july[0].id}?version=${july[0].version}`);
			assert.equal(r.status, 204, r.text);
			x = await mine();
			assert.deepEqual([x.missing_months, x.activities], [[7], 11]);
		});
	});

	/* ================================================================ this year ==== */

	describe('this year', () => {
		it('is the default; due through the previous month (UTC+8); the running month and later ones are never missing', async () => {
			const u = await createUnit(admin, { name: uniqueName('本年缺月单位') });
			await awardTitle(admin, u.id);
			const empty = await createUnit(admin, { name: uniqueName('本年无活动单位') });
			let { year, month } = todayUtc8();
			const m = { 1: 1 };
			await newActivity(admin, u, `${year}-01-20`);
			await newActivity(admin, u, `${year}-${pad2(month)}-01`);
			m[month] = (m[month] ?? 0) + 1;
			if (month < 12) {
				await newActivity(admin, u, `${year}-12-01`); // planned ahead: counted, never due
				m[12] = (m[12] ?? 0) + 1;
			}
			let g, dflt;
			for (let tries = 0; ; tries++) {
				({ year, month } = todayUtc8());
				g = await gaps(`year=${year}&titled=false`);
				dflt = await gaps('titled=false');
				const again = todayUtc8();
				if ((again.year === year && again.month === month) || tries > 1) break; // a month turned meanwhile
			}
			assert.equal(g.year, year);
			assert.equal(g.through_month, month - 1);
			assert.deepEqual(dflt, g, 'no year is this year');
			const due = range(1, month - 1);
			const mine = only(g, u);
			const missing = due.filter((k) => !m[k]);
			if (missing.length === 0) {
				assert.deepEqual(mine, [], 'nothing due is missing');
			} else {
				assert.deepEqual(mine, [row(u, { titled: true, m, missing })]);
			}
			for (const x of g.units) {
				assert.ok(x.missing_months.every((k) => k >= 1 && k < month), `${x.unit_name}: ${x.missing_months}`);
			}
			// a unit with no activity this year misses exactly the months due (and is not listed in January)
			assert.deepEqual(only(g, empty), due.length ? [row(empty, { titled: false, m: {}, missing: due })] : []);
			// the years after this one are refused; the past years are due in full
			const r = await admin.get(`/api/v1/activities/gaps?year=${year + 1}`);
			assert.equal(r.status, 400, JSON.stringify(r.body));
			assert.equal(r.body.error.code, 'invalid_value');
			assert.equal(r.body.error.field, 'year');
			assert.equal((await gaps(`year=${year - 1}`)).through_month, 12);
		});
	});

	/* ================================================================ the lists agree ==== */

	describe('the answer agrees with what the caller can list', () => {
		it('every role and scope, titled or not, past year, this year and an empty year: the units list and the activities list give the same answer', async () => {
			const { year, month } = todayUtc8();
			const cases = [
				[admin, YEAR, true, ''],
				[admin, YEAR, false, ''],
				[admin, 2019, false, ''],
				[admin, year, true, ''],
				[leader, YEAR, false, ''],
				[assessor, YEAR, true, ''],
				[liaison, YEAR, false, ''],
				[liaison, year, true, ''],
				[ordos, YEAR, true, ''],
				[ordos, YEAR, false, '150621'],
				[dalad, YEAR, false, ''],
			];
			for (const [c, y, titled, region] of cases) {
				const q = `year=${y}&titled=${titled}${region ? `&region=${region}` : ''}`;
				const got = await gaps(q, c);
				const want = await expected(c, y, { titled, region, through: y < year ? 12 : month - 1 });
				assert.deepEqual(got, want, `${c.user.username} gaps?${q}`);
			}
		});
	});

	/* ================================================================ region and scope ==== */

	describe('region filter and scope', () => {
		it('region narrows to that region and below, intersected with the scope', async () => {
			const ids = (g) => new Set(g.units.map((u) => u.unit_id));
			// the city admin: both banners, or one
			const all = await gaps(`year=${YEAR}&titled=false`, ordos);
			assert.ok(ids(all).has(unitD.id) && ids(all).has(F.an.id) && ids(all).has(F.gao.id));
			const d = await gaps(`year=${YEAR}&titled=false&region=150621`, ordos);
			assert.ok(ids(d).has(unitD.id) && !ids(d).has(F.an.id));
			assert.ok(d.units.every((u) => u.region_code === '150621'));
			assert.deepEqual(only(d, unitD), [row(unitD, { titled: true, m: { 6: 1 }, missing: [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12] })]);
			const j = await gaps(`year=${YEAR}&titled=false&region=150622`, ordos);
			assert.ok(!ids(j).has(unitD.id));
			assert.deepEqual(only(j, ...fixtures()), only(all, ...fixtures()), 'the same rows for the fixtures');
			assert.equal(d.units_checked + j.units_checked <= all.units_checked, true);
			assert.deepEqual(await gaps(`year=${YEAR}&titled=false&region=150600`, ordos), all);
			assert.deepEqual(await gaps(`year=${YEAR}&titled=false&region=150000`, ordos), all);
			const bj = await gaps(`year=${YEAR}&titled=false&region=110000`, ordos);
			assert.deepEqual([bj.units_checked, bj.units_with_gaps, bj.units], [0, 0, []]);
			// the banner admin: a wider region is its own scope; another banner is nothing
			const mine = await gaps(`year=${YEAR}&titled=false`);
			assert.deepEqual(await gaps(`year=${YEAR}&titled=false&region=150600`), mine);
			assert.deepEqual(await gaps(`year=${YEAR}&titled=false&region=150000`), mine);
			assert.deepEqual(await gaps(`year=${YEAR}&titled=false&region=150622`), mine);
			const other = await gaps(`year=${YEAR}&titled=false&region=150621`);
			assert.deepEqual([other.units_checked, other.units_with_gaps, other.units, other.truncated], [0, 0, [], false]);
		});

		it('a unit liaison sees only their own unit; another region\'s admin none of these units; the viewer and the assessor read the admin\'s answer', async () => {
			const own = liaison.user.unit_id;
			assert.ok(own);
			// 2019: the demo has no activities then
			let g = await gaps('year=2019&titled=false', liaison);
			assert.equal(g.units_checked, 1);
			assert.equal(g.units.length, 1);
			assert.equal(g.units[0].unit_id, own);
			assert.deepEqual([g.units[0].months, g.units[0].missing_months], [months(), range(1, 12)]);
			await newActivity(liaison, { id: own }, '2019-03-05', { type_code: 'lei_feng' });
			g = await gaps('year=2019&titled=false', liaison);
			assert.deepEqual([g.units[0].months, g.units[0].missing_months, g.units[0].activities], [months({ 3: 1 }), [1, 2, ...range(4, 12)], 1]);
			for (const q of [`year=${YEAR}`, `year=${YEAR}&titled=false`, `year=${YEAR}&titled=false&region=150622`, 'year=2019&titled=false&region=150600']) {
				g = await gaps(q, liaison);
				assert.ok(g.units_checked <= 1, `liaison gaps?${q}`);
				assert.ok(g.units.every((u) => u.unit_id === own), `liaison gaps?${q} leaks`);
			}
			g = await gaps(`year=${YEAR}&titled=false&region=150621`, liaison);
			assert.deepEqual([g.units_checked, g.units], [0, []]);
			// 达拉特旗's admin: its own unit, none of 准格尔旗's
			for (const q of [`year=${YEAR}&titled=false`, `year=${YEAR}&titled=false&region=150622`, `year=${YEAR}&region=150600`]) {
				g = await gaps(q, dalad);
				assert.deepEqual(only(g, ...fixtures()), [], `dalad gaps?${q} leaks`);
				assert.ok(g.units.every((u) => u.region_code === '150621'), `dalad gaps?${q}`);
			}
			assert.deepEqual(only(await gaps(`year=${YEAR}`, dalad), unitD).length, 1);
			// 准格尔旗's admin does not see 达拉特旗's unit
			assert.deepEqual(only(await gaps(`year=${YEAR}&titled=false`), unitD), []);
			// the viewer and the assessor of 准格尔旗 get the admin's answer
			for (const q of [`year=${YEAR}`, `year=${YEAR}&titled=false`, 'year=2019&titled=false']) {
				const a = await gaps(q);
				assert.deepEqual(await gaps(q, leader), a, `leader gaps?${q}`);
				assert.deepEqual(await gaps(q, assessor), a, `assessor gaps?${q}`);
			}
		});

		it('anonymous → 401', async () => {
			const r = await srv.anon().get(`/api/v1/activities/gaps?year=${YEAR}`);
			assert.equal(r.status, 401);
		});
	});

	/* ================================================================ units that changed ==== */

	describe('merged, dissolved, split, renamed and deleted units', () => {
		it('merged and dissolved units are not checked (titled or not); the merge target stays as it was; a split-off unit is checked; a rename shows the new name; a deleted unit is gone', async () => {
			const gone = await createUnit(admin, { name: uniqueName('拟撤销缺月单位') });
			const from = await createUnit(admin, { name: uniqueName('拟合并缺月单位') });
			const into = await createUnit(admin, { name: uniqueName('合并目标缺月单位') });
			const orig = await createUnit(admin, { name: uniqueName('拟分立缺月单位') });
			const ren = await createUnit(admin, { name: uniqueName('拟更名缺月单位') });
			const del = await createUnit(admin, { name: uniqueName('拟删除缺月单位') });
			for (const u of [gone, from, into, orig, ren]) await awardTitle(admin, u.id);
			await fill(gone, { 1: 1 });
			await fill(from, { 2: 1, 3: 1 });
			await fill(into, { 5: 1 });
			await fill(orig, allBut(8));
			await fill(ren, allBut(10, 11));
			const q = `year=${YEAR}&titled=false`;
			const b = await gaps(q);
			const bt = await gaps(`year=${YEAR}`);
			assert.equal(only(b, gone, from, into, orig, ren, del).length, 6);
			assert.equal(only(bt, gone, from, into, orig, ren, del).length, 5, 'the one to delete has no title');

			let r = await admin.post(`/api/v1/units/${gone.id}/restructure`, { kind: 'dissolve', version: await unitVersion(gone.id) });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'dissolved');
			r = await admin.post(`/api/v1/units/${from.id}/restructure`, { kind: 'merge', into_unit_id: into.id, version: await unitVersion(from.id) });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.status, 'merged');
			const newName = uniqueName('分立新缺月单位');
			r = await admin.post(`/api/v1/units/${orig.id}/restructure`, { kind: 'split', new_unit: { name: newName, uscc: makeUscc(), staff_count: 5 }, version: await unitVersion(orig.id) });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			const split = (await admin.get(`/api/v1/units/${r.body.related_unit_id}`)).body;
			assert.equal(split.name, newName);
			const renamed = uniqueName('已更名缺月单位');
			r = await admin.post(`/api/v1/units/${ren.id}/restructure`, { kind: 'rename', new_name: renamed, version: await unitVersion(ren.id) });
			assert.equal(r.status, 200, JSON.stringify(r.body));
			r = await admin.delete(`/api/v1/units/${del.id}?version=${await unitVersion(del.id)}`);
			assert.equal(r.status, 204, r.text);

			const a = await gaps(q);
			const at = await gaps(`year=${YEAR}`);
			// gone, from and del left; split joined
			assert.equal(a.units_checked, b.units_checked - 3 + 1);
			assert.equal(a.units_with_gaps, b.units_with_gaps - 3 + 1);
			assert.equal(at.units_checked, bt.units_checked - 2, 'the split-off unit has no title');
			for (const g of [a, at]) {
				assert.deepEqual(only(g, gone, from, del), [], 'merged, dissolved and deleted units are not checked');
			}
			// not even in a year where they had every month missing, nor for the city admin
			for (const [c, qq] of [[admin, 'year=2019&titled=false'], [ordos, `${q}&region=150622`], [leader, q]]) {
				assert.deepEqual(only(await gaps(qq, c), gone, from), [], `${c.user.username} gaps?${qq}`);
			}
			// the target keeps its own months (the merged unit's activities stay with it)
			assert.deepEqual(only(a, into), [row(into, { titled: true, m: { 5: 1 }, missing: [1, 2, 3, 4, ...range(6, 12)] })]);
			// the original keeps its title and months; the split-off unit is new, untitled and has no activity
			assert.deepEqual(only(a, orig), [row(orig, { titled: true, m: allBut(8), missing: [8] })]);
			assert.deepEqual(only(a, split), [row(split, { titled: false, m: {}, missing: range(1, 12) })]);
			assert.deepEqual(only(at, split), []);
			// the renamed unit under its new name, in its new pinyin place
			assert.deepEqual(only(a, ren), [row({ ...ren, name: renamed }, { titled: true, m: allBut(10, 11), missing: [10, 11] })]);
			// and the whole answer still agrees with the lists
			const { year, month } = todayUtc8();
			assert.deepEqual(a, await expected(admin, YEAR, { titled: false, through: YEAR < year ? 12 : month - 1 }));
		});
	});

	/* ================================================================ bad queries ==== */

	describe('bad queries', () => {
		it('every bad parameter → 400 with its code, field and a Chinese message', async () => {
			const { year } = todayUtc8();
			const bad = [
				['year=abc', 'invalid_value', 'year'],
				['year=1948', 'invalid_value', 'year'],
				['year=0', 'invalid_value', 'year'],
				['year=-2024', 'invalid_value', 'year'],
				[`year=${year + 1}`, 'invalid_value', 'year'],
				['year=2100', 'invalid_value', 'year'],
				['year=2024.5', 'invalid_value', 'year'],
				['year=2e3', 'invalid_value', 'year'],
				['year=99999999999999999999', 'invalid_value', 'year'],
				['region=abc', 'region_code', 'region'],
				['region=000000', 'region_code', 'region'],
				['region=15062', 'region_code', 'region'],
				['region=1506220', 'region_code', 'region'],
				['region=150022', 'region_code', 'region'],
				['titled=yes', 'invalid_value', 'titled'],
				['titled=1', 'invalid_value', 'titled'],
				['titled=0', 'invalid_value', 'titled'],
				['titled=TRUE', 'invalid_value', 'titled'],
				['titled=False', 'invalid_value', 'titled'],
				['titled=%20true', 'invalid_value', 'titled'],
			];
			for (const c of [admin, leader, liaison]) {
				for (const [q, code, field] of bad) {
					const r = await c.get(`/api/v1/activities/gaps?${q}`);
					const what = `${c.user.username} gaps?${q}`;
					assert.equal(r.status, 400, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
					assert.equal(r.body.error?.code, code, `${what}: ${JSON.stringify(r.body)}`);
					assert.equal(r.body.error.field, field, `${what}: ${JSON.stringify(r.body)}`);
					assert.ok(/[\u4e00-\u9fff]/.test(r.body.error.message), `${what}: Chinese message`);
				}
			}
			// the good neighbours of the bad ones
			for (const q of ['year=1949', `year=${year}`, 'region=150622', 'region=150600', 'titled=true', 'titled=false', 'year=&region=&titled=', 'unknown=1']) {
				const r = await admin.get(`/api/v1/activities/gaps?${q}`);
				assert.equal(r.status, 200, `gaps?${q}: ${r.status} ${JSON.stringify(r.body)}`);
			}
			// odd bytes are no server error
			for (const q of ['year=%00', 'region=%00', 'titled=%00', 'region=%E5%87%86', 'titled=%FF', `region=${'1'.repeat(5000)}`]) {
				const r = await admin.get(`/api/v1/activities/gaps?${q}`);
				assert.ok(r.status === 200 || r.status === 400, `gaps?${q.slice(0, 40)}: ${r.status}`);
			}
		});
	});
});

/* ==================================================================== the cap ==== */

describe('activity gaps: more than 1000 units with gaps', () => {
	let srv, admin;
	const N = 1000;
	const Y = 2019; // the demo has no activities then: every demo unit misses all twelve months

	before(async () => {
		srv = await startServer();
		admin = await srv.login('admin');
		// N active, untitled units of 准格尔旗 whose pinyin key sorts before every real name, each with
		// one activity (in January) of Y: eleven months missing, fewer than the demo units' twelve.
		const pg = srv.db.engine === 'postgres';
		const now = Math.floor(Date.now() / 1000);
		const key = (i) => (pg ? `'\\x0001${i.toString(16).padStart(8, '0')}'::bytea` : `X'0001${i.toString(16).padStart(8, '0')}'`);
		const values = Array.from({ length: N }, (_, i) => `('批量缺月单位${i}', ${key(i)}, 'institution', '150622', '150600', '150000', 10, ${now}, ${now})`);
		for (let i = 0; i < N; i += 250) {
			// in slices: one psql argument is at most 128 KiB
			srv.db.exec(
				`INSERT INTO units (name, name_key, category, region_code, city_code, prov_code, staff_count, created_at, updated_at) VALUES ${values.slice(i, i + 250).join(', ')}`,
			);
		}
		srv.db.exec(
			`INSERT INTO activities (unit_id, type_code, title, activity_date, year, created_at, updated_at)
			 SELECT id, 'volunteer_service', '批量活动', '${Y}-01-15', ${Y}, ${now}, ${now} FROM units WHERE name LIKE '批量缺月单位%'`,
		);
	});
	after(async () => {
		await srv?.stop();
	});

	it('truncated: the first 1000 of the whole order (most missing months first), the counts of all', async () => {
		const [[all, demo]] = srv.db.query(
			`SELECT count(*) AS n_all, count(*) - ${N} AS n_demo FROM units WHERE status = 'active' AND region_code = '150622'`,
		);
		const r = await admin.get(`/api/v1/activities/gaps?year=${Y}&titled=false`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const g = r.body;
		assert.equal(g.units_checked, Number(all));
		assert.equal(g.units_with_gaps, Number(all), 'every unit misses a month');
		assert.equal(g.truncated, true);
		assert.equal(g.units.length, 1000);
		for (let i = 1; i < g.units.length; i++) {
			assert.ok(g.units[i - 1].missing_months.length >= g.units[i].missing_months.length, `order at ${i}`);
		}
		// the demo's units miss twelve months and come first: none of them is cut off
		const twelve = g.units.filter((u) => u.missing_months.length === 12);
		assert.equal(twelve.length, Number(demo), `units with 12 missing months listed: ${twelve.length} of ${demo}`);
		assert.equal(g.units[0].missing_months.length, 12);
		assert.equal(g.units.filter((u) => u.missing_months.length === 11).length, 1000 - Number(demo));
		// without the bulk units' months (titled only: they have no title) nothing is cut
		const t = (await admin.get(`/api/v1/activities/gaps?year=${Y}`)).body;
		assert.equal(t.truncated, false);
		assert.equal(t.units.length, t.units_with_gaps);
	});
});
