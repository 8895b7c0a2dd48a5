// demo_records.test.mjs — the demo's exemplars (先进典型), aid records (帮扶记录) and public-service
// ads (公益广告) as `wenming demo` loads them (src/cli/demo_records.c). The 2022 准格尔旗 article's
// figures exactly: 神华准能 30 道德模范 and 3 道德模范集体, 内蒙古高原杏仁露 15 先进工作者 of 2021,
// 伊东集团 100.01万元 帮扶资金 in 2021 for its paired 嘎查村 and over 2亿元 of donations, 国华准格尔
// 电厂 18266 kg of meat for 148万元; then the background (every kind, level, virtue, carrier; first
// secretaries at paired 嘎查村; nothing after the demo's today or after a unit ended), the printed
// summary, and the same rows on both engines (a second demo into a SQLite file, compared row by
// row). Read straight from the database; the endpoints are checked too when they answer.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, makeDb, runCli, startServer } from './harness.mjs';

const SHENHUA = '神华准格尔能源有限责任公司';
const ALMOND = '内蒙古高原杏仁露有限公司';
const YIDONG = '内蒙古伊东资源集团股份有限公司';
const GUOHUA = '内蒙古国华准格尔发电有限责任公司';
const TODAY = '2026-11-27'; // the demo's today
const YI = 20000000000n; // 2亿元 in fen

describe('demo: exemplars, aid and public-service ads', () => {
	let srv, tmp, summary, copy;
	const ids = {};

	before(async () => {
		srv = await startServer();
		for (const [key, name] of Object.entries({ SHENHUA, ALMOND, YIDONG, GUOHUA })) {
			ids[key] = Number(srv.db.scalar(`SELECT id FROM units WHERE name = '${name}'`));
			assert.ok(ids[key] > 0, `${name} is in the demo`);
		}
		// a second demo, always into a SQLite file: its summary line and the same rows
		mkdirSync(path.join(REPO_ROOT, 'tests', '.tmp'), { recursive: true });
		tmp = mkdtempSync(path.join(REPO_ROOT, 'tests', '.tmp', 'demo-records-'));
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

	it('神华准能: 30 道德模范 and 3 道德模范集体 from its two elections, levels unit to nation, years apart', () => {
		const rows = srv.db.query(
			`SELECT kind, name, level, year, virtue, deeds FROM exemplars WHERE unit_id = ${ids.SHENHUA} AND kind LIKE 'moral_model%' ORDER BY id`,
		);
		const persons = rows.filter((r) => r[0] === 'moral_model');
		const collectives = rows.filter((r) => r[0] === 'moral_model_collective');
		assert.equal(persons.length, 30);
		assert.equal(collectives.length, 3);
		assert.equal(new Set(persons.map((r) => r[1])).size, 30, 'thirty different people');
		for (const [, name, , , virtue, deeds] of rows) {
			assert.match(name, /^[\u4e00-\u9fff“”]{2,20}$/, name);
			assert.match(deeds, /^[\u4e00-\u9fff][^\n]*[\u4e00-\u9fff”）]。$/, `${name}: deeds a Chinese sentence`);
			assert.match(deeds, /公司第[一二]届道德模范/, `${name}: the election it came from`);
			assert.ok(['social', 'professional', 'family', 'personal'].includes(virtue), `${name}: a 四德 column`);
		}
		const levels = new Map();
		for (const r of persons) levels.set(r[2], (levels.get(r[2]) || 0) + 1);
		for (const l of ['unit', 'banner', 'city', 'region', 'nation']) assert.ok(levels.get(l) > 0, `some at level ${l}`);
		assert.ok(levels.get('nation') <= 3, 'a few nation-level');
		assert.ok(new Set(persons.map((r) => r[3])).size >= 3, 'spread over years');
		assert.ok(persons.every((r) => Number(r[3]) >= 2018 && Number(r[3]) <= 2022), 'elected by the article (2022)');
		assert.equal(new Set(persons.map((r) => r[4])).size, 4, 'all four virtues');
		// the pinyin key orders them: 白玉兰 (bái) first, 赵永强 (zhào) last
		const byKey = srv.db
			.query(`SELECT name FROM exemplars WHERE unit_id = ${ids.SHENHUA} AND kind = 'moral_model' ORDER BY name_key, id`)
			.map((r) => r[0]);
		assert.equal(byKey[0], '白玉兰');
		assert.equal(byKey[29], '赵永强');
	});

	it('内蒙古高原杏仁露: 15 先进工作者 (excellent_staff) for 2021', () => {
		const rows = srv.db.query(
			`SELECT name, level, virtue, deeds FROM exemplars WHERE unit_id = ${ids.ALMOND} AND kind = 'excellent_staff' AND year = 2021`,
		);
		assert.equal(rows.length, 15);
		assert.equal(new Set(rows.map((r) => r[0])).size, 15);
		for (const [name, level, virtue, deeds] of rows) {
			assert.equal(level, 'unit', name);
			assert.equal(virtue, 'professional', name);
			assert.match(deeds, /2021年度先进工作者。$/, name);
		}
	});

	it('伊东集团: 100.01万元 帮扶资金 in 2021 for its paired 嘎查村; donations over 2亿元, already by the article', () => {
		const funds = srv.db.query(
			`SELECT a.amount_fen, a.aid_date, p.kind, a.partner_id FROM aid_records a LEFT JOIN partners p ON p.id = a.partner_id
			 WHERE a.unit_id = ${ids.YIDONG} AND a.kind = 'aid_funds' AND a.year = 2021`,
		);
		assert.equal(funds.length, 1);
		const [fen, date, partnerKind, partnerId] = funds[0];
		assert.equal(fen, '100010000');
		assert.equal(partnerKind, 'village');
		assert.equal(
			num(`SELECT count(*) FROM pairings WHERE unit_id = ${ids.YIDONG} AND partner_id = ${partnerId} AND kind = 'rural_revitalization'
			     AND start_date <= '${date}' AND (end_date IS NULL OR end_date >= '${date}')`),
			1,
			'the 嘎查村 it is paired with that day',
		);
		const [[all, byArticle, n]] = srv.db.query(
			`SELECT sum(amount_fen) AS total, sum(CASE WHEN aid_date <= '2022-07-25' THEN amount_fen ELSE 0 END) AS by_article, count(*) AS n
			 FROM aid_records WHERE unit_id = ${ids.YIDONG} AND kind = 'donation'`,
		);
		assert.ok(BigInt(all) > YI, `donations in all ${all} fen`);
		assert.ok(BigInt(byArticle) > YI, `donations by 2022-07-25 ${byArticle} fen`);
		assert.ok(BigInt(all) < 3n * YI && Number(n) >= 10, 'over the years, 2亿多元');
	});

	it('国华准格尔电厂: purchase aid of 18266 kg 牛羊肉 for 148万元 from its paired 嘎查村', () => {
		const rows = srv.db.query(
			`SELECT a.item, a.quantity, a.quantity_unit, a.amount_fen, p.kind FROM aid_records a LEFT JOIN partners p ON p.id = a.partner_id
			 WHERE a.unit_id = ${ids.GUOHUA} AND a.kind = 'purchase_aid'`,
		);
		assert.deepEqual(rows, [['牛羊肉', '18266', 'kg', '148000000', 'village']]);
	});

	it('every kind, level and virtue; a few exemplars a titled unit a year, the 四德榜 full', () => {
		const [kinds, levels, virtues, perUnitYear, boards] = srv.db.queryMany([
			'SELECT kind, count(*) FROM exemplars GROUP BY kind ORDER BY kind',
			'SELECT level, count(*) FROM exemplars GROUP BY level ORDER BY level',
			'SELECT virtue, count(*) FROM exemplars GROUP BY virtue ORDER BY virtue',
			// titled units alive to the end: exemplars per year 2021–2026
			`SELECT e.unit_id, e.year, count(*) FROM exemplars e JOIN units u ON u.id = e.unit_id
			 WHERE u.status = 'active' AND e.year BETWEEN 2021 AND 2026 AND EXISTS (SELECT 1 FROM titles t WHERE t.unit_id = u.id AND t.status <> 'revoked')
			 GROUP BY e.unit_id, e.year`,
			`SELECT e.unit_id, count(DISTINCT e.virtue) FROM exemplars e JOIN units u ON u.id = e.unit_id
			 WHERE e.virtue <> '' AND EXISTS (SELECT 1 FROM titles t WHERE t.unit_id = u.id AND t.status <> 'revoked') GROUP BY e.unit_id`,
		]);
		const names = (rows) => rows.map((r) => r[0]).sort();
		assert.deepEqual(names(kinds), [
			'civilized_family',
			'excellent_staff',
			'excellent_volunteer',
			'good_person',
			'moral_model',
			'moral_model_collective',
		]);
		assert.deepEqual(names(levels), ['banner', 'city', 'nation', 'region', 'unit']);
		assert.deepEqual(names(virtues), ['', 'family', 'personal', 'professional', 'social']);
		const total = kinds.reduce((s, r) => s + Number(r[1]), 0);
		assert.ok(total > 2000 && total < 8000, `${total} exemplars`);
		const few = perUnitYear.filter((r) => Number(r[2]) >= 2).length;
		assert.ok(few / perUnitYear.length > 0.9, 'titled units have two or more a year');
		const full = boards.filter((r) => Number(r[1]) === 4).length;
		assert.ok(full / boards.length > 0.9, `${full} of ${boards.length} titled units fill all four columns`);
		assert.equal(num(`SELECT count(*) FROM exemplars WHERE name = '' OR deeds = '' OR length(name_key) = 0`), 0);
	});

	it('aid: every kind, sound fields; first secretaries at the 嘎查村 paired that day, some still serving', () => {
		const kinds = srv.db.query('SELECT kind, count(*) FROM aid_records GROUP BY kind').map((r) => r[0]).sort();
		assert.deepEqual(kinds, ['aid_funds', 'donation', 'first_secretary', 'industry_project', 'purchase_aid']);
		const bad = [
			`aid_date > '${TODAY}' OR end_date > '${TODAY}'`,
			`year <> CAST(substr(aid_date, 1, 4) AS INTEGER)`,
			`kind = 'first_secretary' AND (person = '' OR amount_fen <> 0 OR partner_id IS NULL OR item <> '' OR quantity <> 0)`,
			`kind <> 'first_secretary' AND (person <> '' OR end_date IS NOT NULL)`,
			`kind IN ('purchase_aid', 'donation', 'aid_funds') AND amount_fen <= 0`,
			`kind = 'purchase_aid' AND (quantity <= 0 OR quantity_unit = '' OR item = '')`,
			`kind <> 'purchase_aid' AND (quantity <> 0 OR quantity_unit <> '')`,
			`kind = 'industry_project' AND item = ''`,
			`description = ''`,
		];
		for (const where of bad) assert.equal(num(`SELECT count(*) FROM aid_records WHERE ${where}`), 0, where);
		const [[n, serving, wrongPartner]] = srv.db.query(
			`SELECT count(*) AS n, sum(CASE WHEN a.end_date IS NULL THEN 1 ELSE 0 END) AS serving,
			        sum(CASE WHEN EXISTS (SELECT 1 FROM pairings g JOIN partners p ON p.id = g.partner_id
			                              WHERE g.unit_id = a.unit_id AND g.partner_id = a.partner_id AND p.kind = 'village'
			                                AND g.start_date <= a.aid_date AND (g.end_date IS NULL OR g.end_date >= a.aid_date))
			                 THEN 0 ELSE 1 END) AS wrong_partner
			 FROM aid_records a WHERE a.kind = 'first_secretary'`,
		);
		assert.ok(Number(n) > 50, `${n} first secretaries`);
		assert.ok(Number(serving) > 0 && Number(serving) < Number(n), 'some serving, some back');
		assert.equal(Number(wrongPartner), 0, 'each at a 嘎查村 the unit was paired with that day');
	});

	it('public-service ads: every carrier, the article\'s themes, counts and periods', () => {
		const carriers = srv.db.query('SELECT carrier FROM public_service_ads GROUP BY carrier').map((r) => r[0]).sort();
		assert.deepEqual(carriers, ['billboard', 'bulletin_board', 'door_head', 'led_screen', 'wall', 'website', 'wechat_weibo_app']);
		for (const theme of ['讲文明树新风', '图说我们的价值观', '社会主义核心价值观', '文明餐桌', '垃圾分类']) {
			assert.ok(num(`SELECT count(*) FROM public_service_ads WHERE theme = '${theme}'`) > 20, theme);
		}
		for (const where of [
			`count < 1`,
			`start_date > '${TODAY}'`,
			`end_date < start_date`,
			`year <> CAST(substr(start_date, 1, 4) AS INTEGER)`,
			`theme = '' OR place = ''`,
		]) {
			assert.equal(num(`SELECT count(*) FROM public_service_ads WHERE ${where}`), 0, where);
		}
		assert.ok(num('SELECT count(*) FROM public_service_ads WHERE end_date IS NULL') > 0, 'some still up');
		assert.ok(num('SELECT count(DISTINCT unit_id) FROM public_service_ads') > 150, 'most units');
	});

	it('nothing is recorded for a merged or dissolved unit after it ended', () => {
		const ended = `JOIN unit_events ev ON ev.unit_id = x.unit_id AND ev.kind IN ('merged_into', 'dissolved')`;
		assert.ok(num(`SELECT count(*) FROM aid_records x ${ended}`) > 0, 'the ended units have records from before');
		for (const [table, after] of [
			['exemplars', `x.year > CAST(substr(ev.event_date, 1, 4) AS INTEGER)`],
			[
				'aid_records',
				`x.aid_date >= ev.event_date OR x.end_date >= ev.event_date OR (x.kind = 'first_secretary' AND x.end_date IS NULL)`,
			],
			['public_service_ads', `x.start_date >= ev.event_date OR x.end_date >= ev.event_date OR x.end_date IS NULL`],
		]) {
			assert.equal(num(`SELECT count(*) FROM ${table} x ${ended} WHERE ${after}`), 0, table);
		}
	});

	it('the summary names the figures, and the rows are the same in a second load (SQLite file)', () => {
		for (const s of [
			'神华准能: 30 名道德模范, 3 个道德模范集体',
			'内蒙古高原杏仁露: 15 名2021年度先进工作者',
			'伊东集团: 2021年帮扶资金 100.01万元',
			'国华准格尔电厂: 消费帮扶 18266 千克 148.00万元',
		]) {
			assert.ok(summary.includes(s), `summary has “${s}”:\n${summary}`);
		}
		const sqls = [
			`SELECT u.name AS unit, x.kind, x.name, x.level, x.year, x.virtue, x.deeds FROM exemplars x JOIN units u ON u.id = x.unit_id ORDER BY x.id`,
			`SELECT u.name AS unit, x.kind, p.name AS partner, x.aid_date, x.end_date, x.person, x.item, x.quantity, x.quantity_unit, x.amount_fen, x.description
			 FROM aid_records x JOIN units u ON u.id = x.unit_id LEFT JOIN partners p ON p.id = x.partner_id ORDER BY x.id`,
			`SELECT u.name AS unit, x.carrier, x.theme, x.count, x.start_date, x.end_date, x.place, x.description
			 FROM public_service_ads x JOIN units u ON u.id = x.unit_id ORDER BY x.id`,
		];
		const here = srv.db.queryMany(sqls);
		const there = copy.queryMany(sqls);
		for (let i = 0; i < sqls.length; i++) {
			assert.equal(here[i].length, there[i].length, sqls[i]);
			assert.deepEqual(here[i], there[i], sqls[i]);
		}
	});

	it('the endpoints, when they answer, give the same figures', async (t) => {
		const admin = await srv.login('admin');
		const probe = await admin.get(`/api/v1/exemplars?unit_id=${ids.SHENHUA}&kind=moral_model&per_page=100`);
		if (probe.status === 501 || probe.status === 404) {
			t.skip(`GET /api/v1/exemplars answers ${probe.status}`);
			return;
		}
		assert.equal(probe.status, 200, JSON.stringify(probe.body));
		assert.equal(probe.body.total, 30);
		const staff = await admin.get(`/api/v1/exemplars?unit_id=${ids.ALMOND}&kind=excellent_staff&year=2021&per_page=100`);
		assert.equal(staff.body.total, 15);
		const meat = await admin.get(`/api/v1/aid/totals?unit_id=${ids.GUOHUA}&kind=purchase_aid`);
		if (meat.status === 200) {
			assert.equal(meat.body.quantity_kg, 18266);
			assert.equal(meat.body.amount_wan, '148.00');
			const funds = await admin.get(`/api/v1/aid/totals?unit_id=${ids.YIDONG}&kind=aid_funds&year=2021`);
			assert.equal(funds.body.amount_wan, '100.01');
		}
	});
});
