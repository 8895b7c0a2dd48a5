// routes.test.mjs — every route of src/http/routes.c × every role (admin, assessor, unit, viewer)
// and anonymous: a role the table does not allow gets 403 forbidden (anonymous 401 on non-public
// routes); an allowed role never gets 401/403/405 (nor a 5xx). The routes are parsed from
// routes.c at test time; a route the SAMPLES table below cannot call fails the suite.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, parseRoutes, createUnit, createUser, makeUscc, uniqueName, DEMO_PASSWORD } from './harness.mjs';

const ROLES = ['admin', 'assessor', 'unit', 'viewer'];
const LOGIN_OF = { admin: 'admin', assessor: 'assessor', unit: 'liaison', viewer: 'leader' };
const STALE = 999999;

/** A valid 2×2 RGB PNG (zlib IDAT, correct CRCs): libmagic says image/png. */
const PNG_2X2 = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNg1fIvmbmPQcA0qn7JSQAb5ATVlFQQ/wAAAABJRU5ErkJggg==',
	'base64',
);
/** The multipart form of an upload to activity `activityId` (a new FormData per call). */
function attachmentForm(activityId, name = '路由测试.png') {
	const fd = new FormData();
	fd.append('owner_kind', 'activity');
	fd.append('owner_id', String(activityId));
	fd.append('file', new Blob([PNG_2X2], { type: 'image/png' }), name);
	return fd;
}
/** Client.req options sending a multipart form (fetch sets the Content-Type with its boundary). */
const formOpts = (form) => ({ rawBody: form, contentType: null });
/** A one-row activities CSV (UTF-8 with BOM) for unit `unitName`: an import's body is the file itself. */
function importCsv(unitName) {
	return Buffer.from(`\ufeff单位名称,活动日期,活动名称,活动类型\r\n${unitName},2024-05-01,路由测试导入,学雷锋\r\n`, 'utf8');
}

/*
 * "METHOD pattern" → (ctx, role) → {path, body?, fresh?}. ids are in scope of every role (the
 * liaison's own unit, region 150622), so only the role decides. Writes use a stale version where
 * possible so that an allowed call changes nothing; creations make fresh rows. fresh: use a
 * freshly logged-in client (the call ends the session). A body that is not JSON (a multipart
 * form, a file) is given as rawBody (with contentType; null lets fetch set it, as for a form).
 */
const SAMPLES = {
	'GET /healthz': () => ({ path: '/healthz' }),
	'GET /metrics': () => ({ path: '/metrics' }),
	'GET /api/v1/openapi.json': () => ({ path: '/api/v1/openapi.json' }),
	'GET /api/v1/settings/public': () => ({ path: '/api/v1/settings/public' }),

	'POST /api/v1/session': (ctx, role) => ({
		path: '/api/v1/session',
		body: { username: LOGIN_OF[role] || 'leader', password: DEMO_PASSWORD },
	}),
	'GET /api/v1/session': () => ({ path: '/api/v1/session' }),
	'DELETE /api/v1/session': () => ({ path: '/api/v1/session', fresh: true }),
	'POST /api/v1/session/password': () => ({
		path: '/api/v1/session/password',
		body: { old_password: 'not-the-password-1', new_password: 'Another2026pw' },
	}),

	'GET /api/v1/regions': () => ({ path: '/api/v1/regions' }),
	'POST /api/v1/regions': () => ({
		path: '/api/v1/regions',
		body: { code: '150699', name: '测试旗', parent_code: '150600' },
	}),
	'GET /api/v1/regions/{code}': () => ({ path: '/api/v1/regions/150622' }),
	'PATCH /api/v1/regions/{code}': () => ({
		path: '/api/v1/regions/150622',
		body: { name: '准格尔旗', version: STALE },
	}),

	'GET /api/v1/dicts/{kind}': () => ({ path: '/api/v1/dicts/unit_category' }),
	// Dictionaries are shared: only an admin at city level or above writes them.
	'POST /api/v1/dicts/{kind}': () => ({
		as: { admin: 'ordos' },
		path: '/api/v1/dicts/unit_category',
		body: { code: 'rt_' + randomBytes(4).toString('hex'), label: '路由测试类别', sort: 999 },
	}),
	'PATCH /api/v1/dicts/{kind}/{id}': (ctx) => ({
		as: { admin: 'ordos' },
		path: `/api/v1/dicts/unit_category/${ctx.dictId}`,
		body: { label: '党政机关', version: STALE },
	}),

	'GET /api/v1/units': () => ({ path: '/api/v1/units' }),
	'POST /api/v1/units': () => ({
		path: '/api/v1/units',
		body: { name: uniqueName('路由单位'), uscc: makeUscc(), category: 'institution', region_code: '150622' },
	}),
	'GET /api/v1/units/{id}': (ctx) => ({ path: `/api/v1/units/${ctx.ownUnitId}` }),
	'PATCH /api/v1/units/{id}': (ctx) => ({
		path: `/api/v1/units/${ctx.scratchUnitId}`,
		body: { remark: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/units/{id}': (ctx) => ({ path: `/api/v1/units/${ctx.scratchUnitId}?version=${STALE}` }),
	'POST /api/v1/units/{id}/restructure': (ctx) => ({
		path: `/api/v1/units/${ctx.scratchUnitId}/restructure`,
		body: { kind: 'rename', new_name: '不应改名单位', version: STALE },
	}),
	'GET /api/v1/units/{id}/titles': (ctx) => ({ path: `/api/v1/units/${ctx.ownUnitId}/titles` }),
	'POST /api/v1/units/{id}/titles': (ctx) => ({
		path: `/api/v1/units/${ctx.scratchUnitId}/titles`,
		body: { level: 'banner', tier: 'unit', awarded_year: 2025 },
	}),
	'GET /api/v1/registry/stats': () => ({ path: '/api/v1/registry/stats' }),

	'GET /api/v1/titles': () => ({ path: '/api/v1/titles' }),
	'PATCH /api/v1/titles/{id}': (ctx) => ({
		path: `/api/v1/titles/${ctx.titleId}`,
		body: { note: '不应写入', version: STALE },
	}),

	// The creation ledger. Partners are read by everyone in their region (the liaison's is their
	// unit's); pairings are written by admins and by a unit's liaison for their own unit, so the
	// pairing samples use the liaison's unit and a partner of its region.
	'GET /api/v1/partners': () => ({ path: '/api/v1/partners' }),
	'POST /api/v1/partners': () => ({
		path: '/api/v1/partners',
		body: { kind: 'community', name: uniqueName('路由社区'), region_code: '150622' },
	}),
	'GET /api/v1/partners/{id}': (ctx) => ({ path: `/api/v1/partners/${ctx.partnerId}` }),
	'PATCH /api/v1/partners/{id}': (ctx) => ({
		path: `/api/v1/partners/${ctx.partnerId}`,
		body: { remark: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/partners/{id}': (ctx) => ({ path: `/api/v1/partners/${ctx.sparePartnerId}?version=${STALE}` }),
	'GET /api/v1/pairings': () => ({ path: '/api/v1/pairings' }),
	// a closed period of its own per role, so that every allowed role creates one (201)
	'POST /api/v1/pairings': (ctx, role) => {
		const year = 2001 + ROLES.concat('anonymous').indexOf(role);
		return {
			path: '/api/v1/pairings',
			body: {
				unit_id: ctx.ownUnitId,
				partner_id: ctx.partnerId,
				kind: 'city_creation',
				start_date: `${year}-01-01`,
				end_date: `${year}-12-31`,
			},
		};
	},
	'GET /api/v1/pairings/coverage': () => ({ path: '/api/v1/pairings/coverage?limit=5' }),
	'GET /api/v1/pairings/{id}': (ctx) => ({ path: `/api/v1/pairings/${ctx.pairingId}` }),
	'PATCH /api/v1/pairings/{id}': (ctx) => ({
		path: `/api/v1/pairings/${ctx.pairingId}`,
		body: { note: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/pairings/{id}': (ctx) => ({ path: `/api/v1/pairings/${ctx.pairingId}?version=${STALE}` }),
	// activities: scoped by their unit like pairings (admins, and a liaison for their own unit)
	'GET /api/v1/activities': () => ({ path: '/api/v1/activities' }),
	'POST /api/v1/activities': (ctx) => ({
		path: '/api/v1/activities',
		body: { unit_id: ctx.ownUnitId, type_code: 'volunteer_service', title: '路由测试活动', activity_date: '2024-05-01' },
	}),
	'GET /api/v1/activities/stats': () => ({ path: '/api/v1/activities/stats?year=2024' }),
	'GET /api/v1/activities/gaps': () => ({ path: '/api/v1/activities/gaps?year=2024&titled=false' }),
	'GET /api/v1/activities/{id}': (ctx) => ({ path: `/api/v1/activities/${ctx.activityId}` }),
	'PATCH /api/v1/activities/{id}': (ctx) => ({
		path: `/api/v1/activities/${ctx.activityId}`,
		body: { title: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/activities/{id}': (ctx) => ({ path: `/api/v1/activities/${ctx.activityId}?version=${STALE}` }),
	// volunteers: the roster of a unit, written by admins and by a liaison for their own unit
	'GET /api/v1/volunteers': () => ({ path: '/api/v1/volunteers' }),
	'POST /api/v1/volunteers': (ctx) => ({
		path: '/api/v1/volunteers',
		body: { unit_id: ctx.ownUnitId, name: '路由志愿者', phone: '13800001111', status: 'active' },
	}),
	'GET /api/v1/volunteers/{id}': (ctx) => ({ path: `/api/v1/volunteers/${ctx.volunteerId}` }),
	'PATCH /api/v1/volunteers/{id}': (ctx) => ({
		path: `/api/v1/volunteers/${ctx.volunteerId}`,
		body: { remark: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/volunteers/{id}': (ctx) => ({ path: `/api/v1/volunteers/${ctx.volunteerId}?version=${STALE}` }),

	// service hours: the served list of an activity (written by admins and by a liaison for their own
	// unit's activities, with a stale version so nothing changes); each unit's self-report link (admins
	// and the unit's liaison: the POST issues a new token for the liaison's unit each time, the DELETE
	// removes it for the first allowed caller and answers 404 to the next); the public form (no login:
	// every caller, anonymous included, is answered alike — it uses the scratch unit's link, which the
	// link samples leave alone); the review of hour reports (stale versions: nothing is decided)
	'GET /api/v1/activities/{id}/volunteers': (ctx) => ({ path: `/api/v1/activities/${ctx.activityId}/volunteers` }),
	'PUT /api/v1/activities/{id}/volunteers': (ctx) => ({
		path: `/api/v1/activities/${ctx.activityId}/volunteers`,
		body: { version: STALE, items: [] },
	}),
	'GET /api/v1/units/{id}/self-report-link': (ctx) => ({ path: `/api/v1/units/${ctx.ownUnitId}/self-report-link` }),
	'POST /api/v1/units/{id}/self-report-link': (ctx) => ({ path: `/api/v1/units/${ctx.ownUnitId}/self-report-link` }),
	'DELETE /api/v1/units/{id}/self-report-link': (ctx) => ({ path: `/api/v1/units/${ctx.ownUnitId}/self-report-link` }),
	'GET /api/v1/public/self-report/{token}': (ctx) => ({ path: `/api/v1/public/self-report/${ctx.reportToken}` }),
	'POST /api/v1/public/self-report/{token}': (ctx) => ({
		path: `/api/v1/public/self-report/${ctx.reportToken}`,
		body: { name: '路由自报', phone: '13800001111', service_date: ctx.today, minutes: 60 },
	}),
	'GET /api/v1/hour-reports': () => ({ path: '/api/v1/hour-reports' }),
	'GET /api/v1/hour-reports/{id}': (ctx) => ({ path: `/api/v1/hour-reports/${ctx.hourReportId}` }),
	'POST /api/v1/hour-reports/{id}/approve': (ctx) => ({
		path: `/api/v1/hour-reports/${ctx.hourReportId}/approve`,
		body: { version: STALE },
	}),
	'POST /api/v1/hour-reports/{id}/decline': (ctx) => ({
		path: `/api/v1/hour-reports/${ctx.hourReportId}/decline`,
		body: { version: STALE, reason: '路由测试' },
	}),
	// exemplars: scoped by their unit like volunteers (admins, and a liaison for their own unit)
	'GET /api/v1/exemplars': () => ({ path: '/api/v1/exemplars' }),
	'POST /api/v1/exemplars': (ctx) => ({
		path: '/api/v1/exemplars',
		body: { unit_id: ctx.ownUnitId, kind: 'good_person', name: '路由典型', level: 'unit', year: 2024 },
	}),
	'GET /api/v1/exemplars/board': (ctx) => ({ path: `/api/v1/exemplars/board?unit_id=${ctx.ownUnitId}` }),
	'GET /api/v1/exemplars/{id}': (ctx) => ({ path: `/api/v1/exemplars/${ctx.exemplarId}` }),
	'PATCH /api/v1/exemplars/{id}': (ctx) => ({
		path: `/api/v1/exemplars/${ctx.exemplarId}`,
		body: { deeds: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/exemplars/{id}': (ctx) => ({ path: `/api/v1/exemplars/${ctx.exemplarId}?version=${STALE}` }),
	// aid records: scoped by their unit (admins, and a liaison for their own unit)
	'GET /api/v1/aid': () => ({ path: '/api/v1/aid' }),
	'POST /api/v1/aid': (ctx) => ({
		path: '/api/v1/aid',
		body: { unit_id: ctx.ownUnitId, kind: 'donation', aid_date: '2024-05-01', item: '路由测试捐赠', amount_fen: 10000 },
	}),
	'GET /api/v1/aid/totals': () => ({ path: '/api/v1/aid/totals' }),
	'GET /api/v1/aid/{id}': (ctx) => ({ path: `/api/v1/aid/${ctx.aidId}` }),
	'PATCH /api/v1/aid/{id}': (ctx) => ({
		path: `/api/v1/aid/${ctx.aidId}`,
		body: { description: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/aid/{id}': (ctx) => ({ path: `/api/v1/aid/${ctx.aidId}?version=${STALE}` }),
	// public-service ads (公益广告): scoped by their unit like volunteers (admins, and a liaison for their own unit)
	'GET /api/v1/publicity': () => ({ path: '/api/v1/publicity' }),
	'POST /api/v1/publicity': (ctx) => ({
		path: '/api/v1/publicity',
		body: { unit_id: ctx.ownUnitId, carrier: 'wall', theme: '路由公益广告', count: 1, start_date: '2024-05-01' },
	}),
	'GET /api/v1/publicity/{id}': (ctx) => ({ path: `/api/v1/publicity/${ctx.adId}` }),
	'PATCH /api/v1/publicity/{id}': (ctx) => ({
		path: `/api/v1/publicity/${ctx.adId}`,
		body: { place: '不应写入', version: STALE },
	}),
	'DELETE /api/v1/publicity/{id}': (ctx) => ({ path: `/api/v1/publicity/${ctx.adId}?version=${STALE}` }),
	// the ledger's statistics across kinds: every role, for the liaison's unit (in every scope)
	'GET /api/v1/ledger/stats': (ctx) => ({ path: `/api/v1/ledger/stats?year=2024&unit_id=${ctx.ownUnitId}` }),

	// attachments hang on ctx.activityId, the liaison's own unit's activity, so only the role decides.
	// Each allowed POST makes a new attachment (201; the same bytes each time, so one blob). The DELETE
	// removes a spare attachment: the admin gets 204, the liaison after it 404. Anonymous POST: the
	// upload route answers 401 from the headers, before reading the body, and closes the connection,
	// so a client still sending a body may see the connection reset instead of the 401; the anonymous
	// sample therefore sends none.
	'GET /api/v1/attachments': (ctx) => ({ path: `/api/v1/attachments?owner_kind=activity&owner_id=${ctx.activityId}` }),
	'POST /api/v1/attachments': (ctx, role) =>
		role === 'anonymous'
			? { path: '/api/v1/attachments' }
			: { path: '/api/v1/attachments', ...formOpts(attachmentForm(ctx.activityId)) },
	'GET /api/v1/attachments/{id}': (ctx) => ({ path: `/api/v1/attachments/${ctx.attachmentId}` }),
	'GET /api/v1/attachments/{id}/content': (ctx) => ({ path: `/api/v1/attachments/${ctx.attachmentId}/content` }),
	'DELETE /api/v1/attachments/{id}': (ctx) => ({ path: `/api/v1/attachments/${ctx.spareAttachmentId}` }),

	// imports: the body is the file itself; a dry run of one row for the liaison's own unit, so an
	// allowed call validates it (200 {dry_run:true, rows:1}) and writes nothing. Anonymous sends no
	// body, as for the upload (the 401 comes from the headers).
	'GET /api/v1/imports': () => ({ path: '/api/v1/imports' }),
	'GET /api/v1/imports/{kind}/template': () => ({ path: '/api/v1/imports/activities/template?format=csv' }),
	'POST /api/v1/imports/{kind}/preview': (ctx, role) =>
		role === 'anonymous'
			? { path: '/api/v1/imports/activities/preview' }
			: { path: '/api/v1/imports/activities/preview', rawBody: importCsv(ctx.ownUnitName), contentType: 'text/csv' },
	'POST /api/v1/imports/{kind}': (ctx, role) =>
		role === 'anonymous'
			? { path: '/api/v1/imports/activities?dry_run=1' }
			: { path: '/api/v1/imports/activities?dry_run=1', rawBody: importCsv(ctx.ownUnitName), contentType: 'text/csv' },

	'GET /api/v1/users': () => ({ path: '/api/v1/users' }),
	'POST /api/v1/users': () => ({
		path: '/api/v1/users',
		body: { username: 'rt' + randomBytes(5).toString('hex'), display_name: '路由测试', role: 'viewer', region_code: '150622' },
	}),
	'GET /api/v1/users/{id}': (ctx) => ({ path: `/api/v1/users/${ctx.scratchUserId}` }),
	'PATCH /api/v1/users/{id}': (ctx) => ({
		path: `/api/v1/users/${ctx.scratchUserId}`,
		body: { display_name: '不应写入', version: STALE },
	}),
	'POST /api/v1/users/{id}/password-reset': (ctx) => ({ path: `/api/v1/users/${ctx.scratchUserId}/password-reset` }),

	'GET /api/v1/audit': () => ({ path: '/api/v1/audit' }),
};

const routes = parseRoutes();

describe('routes × roles', () => {
	let srv;
	const clients = {};
	const ctx = {};

	before(async () => {
		srv = await startServer();
		for (const role of ROLES) clients[role] = await srv.login(LOGIN_OF[role]);
		ctx.ownUnitId = clients.unit.user.unit_id;
		assert.ok(ctx.ownUnitId, 'the liaison has a unit');
		const own = await clients.admin.get(`/api/v1/units/${ctx.ownUnitId}`);
		assert.equal(own.status, 200, 'the liaison unit is in the admin scope');
		ctx.ownUnitName = own.body.name;
		const scratch = await createUnit(clients.admin);
		ctx.scratchUnitId = scratch.id;
		const t = await clients.admin.post(`/api/v1/units/${scratch.id}/titles`, { level: 'banner', tier: 'unit', awarded_year: 2024 });
		assert.equal(t.status, 201, JSON.stringify(t.body));
		ctx.titleId = t.body.id;
		ctx.scratchUserId = (await createUser(clients.admin, { role: 'viewer', region_code: '150622' })).user.id;
		const dicts = await clients.admin.get('/api/v1/dicts/unit_category');
		ctx.dictId = dicts.body.items[0].id;
		let r = await clients.admin.post('/api/v1/partners', { kind: 'community', name: uniqueName('路由结对社区'), region_code: '150622' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.partnerId = r.body.id;
		r = await clients.admin.post('/api/v1/partners', { kind: 'village', name: uniqueName('路由备用村'), region_code: '150622' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.sparePartnerId = r.body.id;
		r = await clients.admin.post('/api/v1/pairings', {
			unit_id: ctx.ownUnitId,
			partner_id: ctx.partnerId,
			kind: 'city_creation',
			start_date: '2020-01-01',
			end_date: '2020-12-31',
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.pairingId = r.body.id;
		r = await clients.admin.post('/api/v1/activities', {
			unit_id: ctx.ownUnitId,
			type_code: 'lei_feng',
			title: '路由测试学雷锋',
			activity_date: '2020-03-05',
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.activityId = r.body.id;
		r = await clients.admin.post('/api/v1/volunteers', { unit_id: ctx.ownUnitId, name: '路由测试志愿者', status: 'active' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.volunteerId = r.body.id;
		r = await clients.admin.post('/api/v1/exemplars', { unit_id: ctx.ownUnitId, kind: 'moral_model', name: '路由测试典型', level: 'banner', year: 2024, virtue: 'social' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.exemplarId = r.body.id;
		r = await clients.admin.post('/api/v1/publicity', { unit_id: ctx.ownUnitId, carrier: 'bulletin_board', theme: '路由测试讲文明树新风', count: 2, start_date: '2024-03-05' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.adId = r.body.id;
		// the spare partner is a village, as a first secretary needs; the partner DELETE sample's
		// stale version still answers 409 version_conflict
		r = await clients.admin.post('/api/v1/aid', {
			unit_id: ctx.ownUnitId,
			kind: 'first_secretary',
			partner_id: ctx.sparePartnerId,
			aid_date: '2020-03-01',
			person: '路由测试书记',
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.aidId = r.body.id;
		// service hours: today (UTC+8, the server's) for the public form; a link of the scratch unit
		// for the public samples; a pending report of the liaison's unit for the review samples
		ctx.today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
		r = await clients.admin.post(`/api/v1/units/${ctx.scratchUnitId}/self-report-link`);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.reportToken = r.body.token;
		r = await clients.admin.post(`/api/v1/units/${ctx.ownUnitId}/self-report-link`);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		r = await srv.anon().post(`/api/v1/public/self-report/${r.body.token}`, {
			name: '路由审核',
			phone: '13800001111',
			service_date: ctx.today,
			minutes: 30,
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		ctx.hourReportId = r.body.id;
		// attachments of the liaison's unit's activity: one to read, a spare one for the DELETE sample
		for (const key of ['attachmentId', 'spareAttachmentId']) {
			r = await clients.admin.post('/api/v1/attachments', undefined, formOpts(attachmentForm(ctx.activityId)));
			assert.equal(r.status, 201, JSON.stringify(r.body));
			ctx[key] = r.body.id;
		}
	});
	after(async () => {
		await srv?.stop();
	});

	it('every route of routes.c has a sample request here (and no sample is stale)', () => {
		const keys = routes.map((r) => `${r.method} ${r.pattern}`);
		const missing = keys.filter((k) => !(k in SAMPLES));
		assert.deepEqual(missing, [], `routes without a sample in routes.test.mjs: ${missing.join(', ')}`);
		const stale = Object.keys(SAMPLES).filter((k) => !keys.includes(k));
		assert.deepEqual(stale, [], `samples for routes no longer in routes.c: ${stale.join(', ')}`);
	});

	for (const route of routes) {
		const key = `${route.method} ${route.pattern}`;
		it(`${key} — allowed: ${route.public ? 'public' : [...route.roles].join(',')}`, async (t) => {
			const sample = SAMPLES[key];
			if (!sample) {
				assert.fail(`no sample request for ${key}`);
			}
			const results = [];
			for (const who of [...ROLES, 'anonymous']) {
				const s = sample(ctx, who);
				let client;
				if (who === 'anonymous') client = srv.anon();
				else if (s.as && s.as[who]) client = await srv.login(s.as[who]);
				else if (s.fresh) client = await srv.login(LOGIN_OF[who]);
				else client = clients[who];
				const r = await client.req(route.method, s.path, s.body, s.rawBody !== undefined ? { rawBody: s.rawBody, contentType: s.contentType } : undefined);
				results.push(`${who} ${r.status}${r.body?.error ? ' ' + r.body.error.code : ''}`);
				const allowed = route.public || (who !== 'anonymous' && route.roles.has(who));
				if (allowed) {
					assert.ok(
						![401, 403, 405].includes(r.status) && r.status < 500,
						`${key} as ${who} (allowed) answered ${r.status} ${JSON.stringify(r.body)}`,
					);
				} else if (who === 'anonymous') {
					assert.equal(r.status, 401, `${key} anonymous: ${r.status} ${JSON.stringify(r.body)}`);
					assert.equal(r.body.error.code, 'unauthenticated');
				} else {
					assert.equal(r.status, 403, `${key} as ${who} (not allowed): ${r.status} ${JSON.stringify(r.body)}`);
					assert.equal(r.body.error.code, 'forbidden');
				}
			}
			t.diagnostic(results.join(', '));
		});
	}

	it('a forbidden call changes nothing (role check comes before the handler)', async () => {
		const before = srv.db.query(`SELECT * FROM units WHERE id = ${ctx.scratchUnitId}`);
		const auditBefore = srv.db.count('audit_log');
		const unitsBefore = srv.db.count('units');
		for (const role of ['assessor', 'unit', 'viewer']) {
			const c = clients[role];
			const cur = srv.db.scalar(`SELECT version FROM units WHERE id = ${ctx.scratchUnitId}`);
			let r = await c.patch(`/api/v1/units/${ctx.scratchUnitId}`, { remark: `${role} 改`, version: Number(cur) });
			assert.equal(r.status, 403);
			r = await c.delete(`/api/v1/units/${ctx.scratchUnitId}?version=${cur}`);
			assert.equal(r.status, 403);
			r = await c.post('/api/v1/units', { name: uniqueName(), category: 'institution', region_code: '150622' });
			assert.equal(r.status, 403);
			r = await c.post('/api/v1/users', { username: 'x' + role, display_name: 'x', role: 'admin', region_code: '150622' });
			assert.equal(r.status, 403);
		}
		assert.deepEqual(srv.db.query(`SELECT * FROM units WHERE id = ${ctx.scratchUnitId}`), before);
		assert.equal(srv.db.count('units'), unitsBefore);
		assert.equal(srv.db.count('audit_log'), auditBefore);
	});

	it('a forbidden ledger write changes nothing (partners: admin only; the rest of the ledger: admin and unit)', async () => {
		const snap = () =>
			srv.db.queryMany([
				'SELECT * FROM partners ORDER BY id',
				'SELECT * FROM pairings ORDER BY id',
				`SELECT * FROM activities WHERE id = ${ctx.activityId}`,
				'SELECT count(*), max(id), sum(version), max(updated_at) FROM activities',
				`SELECT * FROM volunteers WHERE id = ${ctx.volunteerId}`,
				'SELECT count(*), max(id), sum(version), max(updated_at) FROM volunteers',
				`SELECT * FROM exemplars WHERE id = ${ctx.exemplarId}`,
				'SELECT count(*), max(id), sum(version), max(updated_at) FROM exemplars',
				`SELECT * FROM aid_records WHERE id = ${ctx.aidId}`,
				'SELECT count(*), max(id), sum(version), max(updated_at) FROM aid_records',
				`SELECT * FROM public_service_ads WHERE id = ${ctx.adId}`,
				'SELECT count(*), max(id), sum(version), max(updated_at) FROM public_service_ads',
				`SELECT * FROM hour_reports WHERE id = ${ctx.hourReportId}`,
				'SELECT count(*), max(id), sum(version) FROM hour_reports',
				'SELECT * FROM activity_volunteers ORDER BY activity_id, volunteer_id',
				'SELECT * FROM self_report_links ORDER BY unit_id',
				'SELECT count(*), max(id) FROM attachments',
				'SELECT count(*) FROM blobs',
				'SELECT count(*) FROM audit_log',
			]);
		const before = snap();
		const partnerVersion = Number(srv.db.scalar(`SELECT version FROM partners WHERE id = ${ctx.partnerId}`));
		const pairingVersion = Number(srv.db.scalar(`SELECT version FROM pairings WHERE id = ${ctx.pairingId}`));
		const activityVersion = Number(srv.db.scalar(`SELECT version FROM activities WHERE id = ${ctx.activityId}`));
		const volunteerVersion = Number(srv.db.scalar(`SELECT version FROM volunteers WHERE id = ${ctx.volunteerId}`));
		const exemplarVersion = Number(srv.db.scalar(`SELECT version FROM exemplars WHERE id = ${ctx.exemplarId}`));
		const aidVersion = Number(srv.db.scalar(`SELECT version FROM aid_records WHERE id = ${ctx.aidId}`));
		const adVersion = Number(srv.db.scalar(`SELECT version FROM public_service_ads WHERE id = ${ctx.adId}`));
		const reportVersion = Number(srv.db.scalar(`SELECT version FROM hour_reports WHERE id = ${ctx.hourReportId}`));
		for (const role of ['assessor', 'unit', 'viewer']) {
			const c = clients[role];
			let r = await c.post('/api/v1/partners', { kind: 'village', name: uniqueName('越权村'), region_code: '150622' });
			assert.equal(r.status, 403, `${role} POST partner`);
			r = await c.patch(`/api/v1/partners/${ctx.partnerId}`, { remark: `${role} 改`, version: partnerVersion });
			assert.equal(r.status, 403, `${role} PATCH partner`);
			r = await c.delete(`/api/v1/partners/${ctx.sparePartnerId}?version=1`);
			assert.equal(r.status, 403, `${role} DELETE partner`);
		}
		for (const role of ['assessor', 'viewer']) {
			const c = clients[role];
			let r = await c.post('/api/v1/pairings', {
				unit_id: ctx.ownUnitId,
				partner_id: ctx.partnerId,
				kind: 'city_creation',
				start_date: '2010-01-01',
				end_date: '2010-12-31',
			});
			assert.equal(r.status, 403, `${role} POST pairing`);
			r = await c.patch(`/api/v1/pairings/${ctx.pairingId}`, { note: `${role} 改`, version: pairingVersion });
			assert.equal(r.status, 403, `${role} PATCH pairing`);
			r = await c.delete(`/api/v1/pairings/${ctx.pairingId}?version=${pairingVersion}`);
			assert.equal(r.status, 403, `${role} DELETE pairing`);
			r = await c.post('/api/v1/activities', { unit_id: ctx.ownUnitId, type_code: 'other', title: '越权活动', activity_date: '2024-01-02' });
			assert.equal(r.status, 403, `${role} POST activity`);
			r = await c.patch(`/api/v1/activities/${ctx.activityId}`, { title: `${role} 改`, version: activityVersion });
			assert.equal(r.status, 403, `${role} PATCH activity`);
			r = await c.delete(`/api/v1/activities/${ctx.activityId}?version=${activityVersion}`);
			assert.equal(r.status, 403, `${role} DELETE activity`);
			r = await c.post('/api/v1/volunteers', { unit_id: ctx.ownUnitId, name: '越权志愿者', status: 'active' });
			assert.equal(r.status, 403, `${role} POST volunteer`);
			r = await c.patch(`/api/v1/volunteers/${ctx.volunteerId}`, { remark: `${role} 改`, version: volunteerVersion });
			assert.equal(r.status, 403, `${role} PATCH volunteer`);
			r = await c.delete(`/api/v1/volunteers/${ctx.volunteerId}?version=${volunteerVersion}`);
			assert.equal(r.status, 403, `${role} DELETE volunteer`);
			r = await c.put(`/api/v1/activities/${ctx.activityId}/volunteers`, { version: activityVersion, items: [] });
			assert.equal(r.status, 403, `${role} PUT served list`);
			r = await c.post(`/api/v1/units/${ctx.ownUnitId}/self-report-link`);
			assert.equal(r.status, 403, `${role} POST self-report link`);
			r = await c.delete(`/api/v1/units/${ctx.ownUnitId}/self-report-link`);
			assert.equal(r.status, 403, `${role} DELETE self-report link`);
			r = await c.post(`/api/v1/hour-reports/${ctx.hourReportId}/approve`, { version: reportVersion });
			assert.equal(r.status, 403, `${role} approve hour report`);
			r = await c.post(`/api/v1/hour-reports/${ctx.hourReportId}/decline`, { version: reportVersion, reason: '越权' });
			assert.equal(r.status, 403, `${role} decline hour report`);
			r = await c.post('/api/v1/exemplars', { unit_id: ctx.ownUnitId, kind: 'good_person', name: '越权典型', level: 'unit', year: 2024 });
			assert.equal(r.status, 403, `${role} POST exemplar`);
			r = await c.patch(`/api/v1/exemplars/${ctx.exemplarId}`, { deeds: `${role} 改`, version: exemplarVersion });
			assert.equal(r.status, 403, `${role} PATCH exemplar`);
			r = await c.delete(`/api/v1/exemplars/${ctx.exemplarId}?version=${exemplarVersion}`);
			assert.equal(r.status, 403, `${role} DELETE exemplar`);
			r = await c.post('/api/v1/aid', { unit_id: ctx.ownUnitId, kind: 'donation', aid_date: '2024-01-02', amount_fen: 100 });
			assert.equal(r.status, 403, `${role} POST aid`);
			r = await c.patch(`/api/v1/aid/${ctx.aidId}`, { description: `${role} 改`, version: aidVersion });
			assert.equal(r.status, 403, `${role} PATCH aid`);
			r = await c.delete(`/api/v1/aid/${ctx.aidId}?version=${aidVersion}`);
			assert.equal(r.status, 403, `${role} DELETE aid`);
			r = await c.post('/api/v1/publicity', { unit_id: ctx.ownUnitId, carrier: 'wall', theme: '越权广告', count: 1, start_date: '2024-01-02' });
			assert.equal(r.status, 403, `${role} POST ad`);
			r = await c.patch(`/api/v1/publicity/${ctx.adId}`, { place: `${role} 改`, version: adVersion });
			assert.equal(r.status, 403, `${role} PATCH ad`);
			r = await c.delete(`/api/v1/publicity/${ctx.adId}?version=${adVersion}`);
			assert.equal(r.status, 403, `${role} DELETE ad`);
			r = await c.post('/api/v1/attachments', undefined, formOpts(attachmentForm(ctx.activityId)));
			assert.equal(r.status, 403, `${role} POST attachment`);
			r = await c.delete(`/api/v1/attachments/${ctx.attachmentId}`);
			assert.equal(r.status, 403, `${role} DELETE attachment`);
			r = await c.post('/api/v1/imports/activities', undefined, { rawBody: importCsv(ctx.ownUnitName), contentType: 'text/csv' });
			assert.equal(r.status, 403, `${role} import activities`);
			r = await c.post('/api/v1/imports/volunteers/preview', undefined, { rawBody: importCsv(ctx.ownUnitName), contentType: 'text/csv' });
			assert.equal(r.status, 403, `${role} preview volunteers`);
		}
		for (const role of ['assessor', 'unit']) {
			const r = await clients[role].get('/api/v1/pairings/coverage');
			assert.equal(r.status, 403, `${role} coverage`);
		}
		assert.deepEqual(snap(), before);
	});

	it('unknown /api paths answer 404 JSON and known paths with another method 405', async () => {
		let r = await clients.admin.get('/api/v1/nonexistent');
		assert.equal(r.status, 404);
		assert.equal(r.body.error.code, 'not_found');
		r = await srv.anon().get('/api/v2/units');
		assert.equal(r.status, 404);
		assert.equal(r.body.error.code, 'not_found');
		r = await clients.admin.req('PUT', '/api/v1/units', {});
		assert.equal(r.status, 405);
		assert.equal(r.body.error.code, 'method_not_allowed');
		r = await clients.admin.delete('/api/v1/units');
		assert.equal(r.status, 405);
		r = await clients.admin.post(`/api/v1/units/${ctx.ownUnitId}`, {});
		assert.equal(r.status, 405);
	});
});
