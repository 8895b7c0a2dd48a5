// session.test.mjs — login, cookies, throttling, logout, idle expiry, CSRF, API tokens, the
// forced password change and disabled accounts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createUnit, createUser, sleep, DEMO_PASSWORD } from './harness.mjs';

const HAN = /[\u4e00-\u9fff]/;

function assertError(r, status, code) {
	assert.equal(r.status, status, `expected ${status} ${code}, got ${r.status} ${JSON.stringify(r.body)}`);
	assert.equal(typeof r.body, 'object', `error body is JSON: ${r.text}`);
	assert.equal(r.body.error?.code, code, JSON.stringify(r.body));
	assert.match(r.body.error.message, HAN, 'error message is Chinese');
}

describe('session (default settings)', () => {
	let srv;
	before(async () => {
		srv = await startServer();
	});
	after(async () => {
		await srv?.stop();
	});

	it('login sets an HttpOnly SameSite=Strict cookie and answers user + csrf_token, no hash', async () => {
		const c = srv.anon();
		const r = await c.post('/api/v1/session', { username: 'admin', password: DEMO_PASSWORD });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		const cookies = r.headers.getSetCookie();
		const sc = cookies.find((x) => x.startsWith('wm_session='));
		assert.ok(sc, `Set-Cookie wm_session: ${cookies}`);
		assert.match(sc, /;\s*HttpOnly/i);
		assert.match(sc, /;\s*SameSite=Strict/i);
		assert.match(sc, /;\s*Path=\//);
		assert.ok(sc.split(';')[0].length > 'wm_session='.length + 20, 'cookie value is a long random token');
		assert.equal(r.body.user.username, 'admin');
		assert.equal(r.body.user.role, 'admin');
		assert.equal(r.body.user.region_code, '150622');
		assert.equal(r.body.user.must_change_password, false);
		assert.equal(typeof r.body.csrf_token, 'string');
		assert.ok(r.body.csrf_token.length >= 16);
		assert.doesNotMatch(r.text, /argon2|password_hash|\$2[aby]\$|scrypt/i, 'no password hash in the answer');
		assert.ok(!('password' in r.body.user));
		// the session answers the same user and csrf token
		const s = await c.get('/api/v1/session');
		assert.equal(s.status, 200);
		assert.equal(s.body.user.username, 'admin');
		assert.equal(s.body.csrf_token, r.body.csrf_token);
		assert.doesNotMatch(s.text, /argon2|password_hash/i);
	});

	it('a wrong password answers 401 bad_credentials in Chinese', async () => {
		const r = await srv.anon().post('/api/v1/session', { username: 'leader', password: 'wrong-password-1' });
		assertError(r, 401, 'bad_credentials');
		assert.equal(r.headers.getSetCookie().filter((x) => /^wm_session=[^;]+/.test(x) && !/Max-Age=0/.test(x)).length, 0);
	});

	it('an unknown user answers the same 401 and the same message', async () => {
		const a = await srv.anon().post('/api/v1/session', { username: 'leader', password: 'wrong-password-2' });
		const b = await srv.anon().post('/api/v1/session', { username: 'nobody_here', password: 'wrong-password-2' });
		assertError(b, 401, 'bad_credentials');
		assert.equal(b.body.error.message, a.body.error.message);
	});

	it('logout ends the session: the old cookie answers 401', async () => {
		const c = await srv.login('assessor');
		const oldCookie = c.cookie;
		assert.equal((await c.get('/api/v1/units')).status, 200);
		const out = await c.delete('/api/v1/session');
		assert.equal(out.status, 204);
		const cleared = out.headers.getSetCookie().find((x) => x.startsWith('wm_session='));
		assert.ok(cleared && /Max-Age=0/i.test(cleared), `logout clears the cookie: ${cleared}`);
		const again = srv.anon();
		again.cookie = oldCookie;
		const r = await again.get('/api/v1/units');
		assert.equal(r.status, 401, JSON.stringify(r.body));
		assert.ok(['session_expired', 'unauthenticated'].includes(r.body.error.code));
	});

	it('no cookie at all answers 401 unauthenticated', async () => {
		const r = await srv.anon().get('/api/v1/units');
		assertError(r, 401, 'unauthenticated');
	});

	it('CSRF: writes with the cookie but without or with a wrong X-CSRF-Token answer 403 csrf and change nothing', async () => {
		const admin = await srv.login('admin');
		const unit = await createUnit(admin, { remark: '原备注' });
		const other = await srv.login('admin'); // another session (logging in is audited, so before the counts)
		const rowBefore = srv.db.query(`SELECT * FROM units WHERE id = ${unit.id}`);
		const countBefore = srv.db.count('units');
		const auditBefore = srv.db.count('audit_log');

		let r = await admin.patch(`/api/v1/units/${unit.id}`, { remark: '改了', version: unit.version }, { csrf: false });
		assertError(r, 403, 'csrf');
		r = await admin.patch(
			`/api/v1/units/${unit.id}`,
			{ remark: '改了', version: unit.version },
			{ headers: { 'X-CSRF-Token': 'wrong' + admin.csrf } },
		);
		assertError(r, 403, 'csrf');
		r = await admin.post('/api/v1/units', { name: '跨站伪造单位', category: 'institution', region_code: '150622' }, { csrf: false });
		assertError(r, 403, 'csrf');
		r = await admin.delete(`/api/v1/units/${unit.id}?version=${unit.version}`, undefined, { csrf: false });
		assertError(r, 403, 'csrf');
		r = await admin.delete(`/api/v1/units/${unit.id}?version=${unit.version}`, undefined, {
			headers: { 'X-CSRF-Token': '' },
		});
		assertError(r, 403, 'csrf');
		// another session's token is not this session's token
		r = await admin.patch(
			`/api/v1/units/${unit.id}`,
			{ remark: '改了', version: unit.version },
			{ headers: { 'X-CSRF-Token': other.csrf } },
		);
		assertError(r, 403, 'csrf');
		// logout without the token is refused too, and the session stays alive
		r = await admin.delete('/api/v1/session', undefined, { csrf: false });
		assertError(r, 403, 'csrf');
		assert.equal((await admin.get('/api/v1/session')).status, 200);

		assert.deepEqual(srv.db.query(`SELECT * FROM units WHERE id = ${unit.id}`), rowBefore);
		assert.equal(srv.db.count('units'), countBefore);
		assert.equal(srv.db.count('audit_log'), auditBefore);
		// with the token it works
		r = await admin.patch(`/api/v1/units/${unit.id}`, { remark: '改了', version: unit.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.remark, '改了');
	});

	it('an API token works without CSRF; a revoked one answers 401', async () => {
		const made = srv.cli('token', 'create', 'bench', '--user', 'admin');
		assert.equal(made.code, 0, made.stderr);
		const token = made.stdout.trim().split('\n').pop().trim();
		assert.match(token, /^wm_\S{20,}$/);
		assert.ok(!srv.db.query('SELECT token_hash FROM api_tokens').some((row) => row[0] === token), 'only the hash is stored');
		const t = srv.bearer(token);
		let r = await t.get('/api/v1/units');
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.ok(r.body.items.every((u) => u.region_code.startsWith('150622')));
		const unit = await createUnit(t); // POST without X-CSRF-Token
		r = await t.patch(`/api/v1/units/${unit.id}`, { remark: '令牌修改', version: unit.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.remark, '令牌修改');
		// a token and a made-up token
		r = await srv.bearer('wm_' + 'x'.repeat(43)).get('/api/v1/units');
		assert.equal(r.status, 401);
		const revoked = srv.cli('token', 'revoke', 'bench');
		assert.equal(revoked.code, 0, revoked.stderr);
		r = await t.get('/api/v1/units');
		assert.equal(r.status, 401, JSON.stringify(r.body));
		assert.equal(r.body.error.code, 'invalid_token');
	});

	it('a new user must change the temporary password before anything else', async () => {
		const admin = await srv.login('admin');
		const made = await createUser(admin, { role: 'viewer', region_code: '150622', display_name: '新领导' });
		assert.equal(typeof made.temporary_password, 'string');
		assert.ok(made.temporary_password.length >= 8);
		assert.equal(made.user.must_change_password, true);
		assert.doesNotMatch(JSON.stringify(made), /argon2|password_hash/);
		const u = await srv.login(made.user.username, made.temporary_password);
		assert.equal(u.loginResponse.body.user.must_change_password, true);
		for (const p of ['/api/v1/units', '/api/v1/regions', '/api/v1/titles', '/api/v1/registry/stats']) {
			assertError(await u.get(p), 403, 'password_change_required');
		}
		// the session itself stays readable so the UI can show the change form
		assert.equal((await u.get('/api/v1/session')).status, 200);
		let r = await u.post('/api/v1/session/password', { old_password: made.temporary_password, new_password: 'short' });
		assertError(r, 422, 'weak_password');
		r = await u.post('/api/v1/session/password', { old_password: made.temporary_password, new_password: 'abcdefghijk' });
		assertError(r, 422, 'weak_password');
		r = await u.post('/api/v1/session/password', { old_password: 'not-the-old-1', new_password: 'Good2026pass' });
		assertError(r, 400, 'wrong_password');
		assertError(await u.get('/api/v1/units'), 403, 'password_change_required');
		r = await u.post('/api/v1/session/password', { old_password: made.temporary_password, new_password: 'Good2026pass' });
		assert.equal(r.status, 204, JSON.stringify(r.body));
		r = await u.get('/api/v1/units');
		assert.equal(r.status, 200, JSON.stringify(r.body));
		r = await u.get('/api/v1/session');
		assert.equal(r.body.user.must_change_password, false);
		// the old password no longer works; the new one does
		r = await srv.anon().post('/api/v1/session', { username: made.user.username, password: made.temporary_password });
		assert.equal(r.status, 401);
		await srv.login(made.user.username, 'Good2026pass');
	});

	it('a password reset forces a change again and ends the sessions', async () => {
		const admin = await srv.login('admin');
		const made = await createUser(admin, { role: 'assessor', region_code: '150622' });
		const u = await srv.login(made.user.username, made.temporary_password);
		assert.equal((await u.post('/api/v1/session/password', { old_password: made.temporary_password, new_password: 'Reset2026ok' })).status, 204);
		const r = await admin.post(`/api/v1/users/${made.user.id}/password-reset`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(typeof r.body.temporary_password, 'string');
		assert.equal((await u.get('/api/v1/units')).status, 401, 'old sessions end on reset');
		const u2 = await srv.login(made.user.username, r.body.temporary_password);
		assertError(await u2.get('/api/v1/units'), 403, 'password_change_required');
	});

	it('a disabled user cannot log in (403 account_disabled) and loses their sessions', async () => {
		const admin = await srv.login('admin');
		const made = await createUser(admin, { role: 'viewer', region_code: '150622' });
		const u = await srv.login(made.user.username, made.temporary_password);
		const r = await admin.patch(`/api/v1/users/${made.user.id}`, { disabled: true, version: made.user.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.disabled, true);
		assert.equal((await u.get('/api/v1/session')).status, 401);
		const again = await srv.anon().post('/api/v1/session', { username: made.user.username, password: made.temporary_password });
		assertError(again, 403, 'account_disabled');
		assert.equal(again.headers.getSetCookie().filter((x) => /^wm_session=[^;]+/.test(x)).length, 0);
	});

	it('disabling a user stops their API token; a role change ends their sessions', async () => {
		const admin = await srv.login('admin');
		const made = await createUser(admin, { role: 'viewer', region_code: '150622' });
		const u = await srv.login(made.user.username, made.temporary_password);
		assert.equal((await u.post('/api/v1/session/password', { old_password: made.temporary_password, new_password: 'Token2026pw' })).status, 204);
		const tok = srv.cli('token', 'create', 'tok_' + made.user.username, '--user', made.user.username);
		assert.equal(tok.code, 0, tok.stderr);
		const t = srv.bearer(tok.stdout.trim().split('\n').pop().trim());
		assert.equal((await t.get('/api/v1/units')).status, 200);
		// a role change (viewer → assessor) ends the cookie sessions
		const cur = (await admin.get(`/api/v1/users/${made.user.id}`)).body; // the password change bumped the version
		let r = await admin.patch(`/api/v1/users/${made.user.id}`, { role: 'assessor', version: cur.version });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal((await u.get('/api/v1/units')).status, 401);
		// the token acts with the new role at once
		assert.equal((await t.get('/api/v1/users')).status, 403);
		r = await admin.patch(`/api/v1/users/${made.user.id}`, { disabled: true, version: r.body.version });
		assert.equal(r.status, 200);
		r = await t.get('/api/v1/units');
		assert.equal(r.status, 401, `a disabled user's token: ${r.status}`);
	});

	it('an admin cannot disable or demote themself', async () => {
		const admin = await srv.login('admin');
		const me = admin.user;
		const before = srv.db.query(`SELECT role, disabled, version FROM users WHERE id = ${me.id}`);
		let r = await admin.patch(`/api/v1/users/${me.id}`, { disabled: true, version: me.version });
		assert.equal(r.status, 422, JSON.stringify(r.body));
		r = await admin.patch(`/api/v1/users/${me.id}`, { role: 'viewer', version: me.version });
		assert.equal(r.status, 422, JSON.stringify(r.body));
		assert.deepEqual(srv.db.query(`SELECT role, disabled, version FROM users WHERE id = ${me.id}`), before);
	});

	it('login bodies are validated like every other body', async () => {
		const c = srv.anon();
		assert.equal((await c.post('/api/v1/session', undefined, { rawBody: '{"username":', contentType: 'application/json' })).status, 400);
		assert.equal((await c.post('/api/v1/session', { username: 'admin' })).status, 400);
		assert.equal((await c.post('/api/v1/session', { username: 'admin', password: 5 })).status, 400);
		assert.equal((await c.post('/api/v1/session', undefined, { rawBody: 'username=admin', contentType: 'application/x-www-form-urlencoded' })).status, 415);
	});
});

describe('session (throttling and idle expiry)', () => {
	let srv;
	before(async () => {
		srv = await startServer({
			env: { WENMING_LOGIN_MAX_FAILURES: '3', WENMING_SESSION_IDLE: '2', WENMING_LOGIN_LOCK: '600' },
		});
	});
	after(async () => {
		await srv?.stop();
	});

	it('the 4th attempt after 3 failures answers 429 with Retry-After, even with the right password', async () => {
		const c = srv.anon();
		for (let i = 0; i < 3; i++) {
			const r = await c.post('/api/v1/session', { username: 'assessor', password: `wrong-${i}-pass` });
			assertError(r, 401, 'bad_credentials');
		}
		let r = await c.post('/api/v1/session', { username: 'assessor', password: 'wrong-3-pass' });
		assertError(r, 429, 'too_many_attempts');
		const ra = Number(r.headers.get('retry-after'));
		assert.ok(Number.isInteger(ra) && ra > 0, `Retry-After: ${r.headers.get('retry-after')}`);
		r = await c.post('/api/v1/session', { username: 'assessor', password: DEMO_PASSWORD });
		assertError(r, 429, 'too_many_attempts');
		assert.ok(Number(r.headers.get('retry-after')) > 0);
		assert.equal(r.headers.getSetCookie().filter((x) => /^wm_session=[^;]+/.test(x)).length, 0, 'no session while locked');
		// other users are not locked by it
		await srv.login('leader');
	});

	it('an idle session expires: 401 session_expired', async () => {
		const c = await srv.login('admin');
		assert.equal((await c.get('/api/v1/session')).status, 200);
		await sleep(3200);
		const r = await c.get('/api/v1/units');
		assertError(r, 401, 'session_expired');
		// and it stays gone
		assert.equal((await c.get('/api/v1/session')).status, 401);
	});

	it('a session in use does not expire while requests keep coming within the idle time', async () => {
		const c = await srv.login('ordos');
		const t0 = Date.now();
		while (Date.now() - t0 < 5000) {
			const r = await c.get('/api/v1/session');
			assert.equal(
				r.status,
				200,
				`active session expired after ${Date.now() - t0} ms of activity (WENMING_SESSION_IDLE=2, a request every 0.5 s): ${JSON.stringify(r.body)}`,
			);
			await sleep(500);
		}
	});
});
