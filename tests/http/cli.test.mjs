// cli.test.mjs — the wenming command line as operators script it: --help everywhere, `user`
// (add with a temporary password or --password-stdin read twice, list, disable/enable, passwd),
// `demo` refusing to overwrite, `init`/`migrate`, and `backup`/`restore` of a live SQLite database.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BACKEND, REPO_ROOT, request, runCli, startServer } from './harness.mjs';

const COMMANDS = ['serve', 'init', 'migrate', 'demo', 'user', 'token', 'audit', 'backup', 'restore'];

describe('command line', () => {
	let srv, tmp;

	before(async () => {
		srv = await startServer();
		mkdirSync(path.join(REPO_ROOT, 'tests', '.tmp'), { recursive: true });
		tmp = mkdtempSync(path.join(REPO_ROOT, 'tests', '.tmp', 'cli-'));
	});
	after(async () => {
		await srv?.stop();
		if (tmp) rmSync(tmp, { recursive: true, force: true });
	});

	it('wenming --help lists every command, and every command has a complete --help', () => {
		const top = runCli(['--help']);
		assert.equal(top.code, 0);
		for (const c of COMMANDS) {
			assert.match(top.stdout, new RegExp(`^  ${c} `, 'm'), `--help lists ${c}`);
			const h = runCli([c, '--help']);
			assert.equal(h.code, 0, `${c} --help exits 0`);
			assert.match(h.stdout, /usage: wenming /, `${c} --help prints its usage`);
		}
		const bad = runCli(['frobnicate']);
		assert.equal(bad.code, 2);
		assert.match(bad.stderr, /unknown command frobnicate/);
	});

	it('user add without --password-stdin prints a temporary password that must be changed at first login', async () => {
		const r = runCli(['user', 'add', 'cli_temp', '--role', 'viewer', '--region', '150622', '--db', srv.dbUrl]);
		assert.equal(r.code, 0, r.stderr);
		const m = /temporary password: (\S+)/.exec(r.stdout);
		assert.ok(m, r.stdout);
		const login = await request(srv.base, 'POST', '/api/v1/session', { username: 'cli_temp', password: m[1] });
		assert.equal(login.status, 200);
		assert.equal(login.body.user.must_change_password, true);
		assert.equal(login.body.user.role, 'viewer');
		assert.equal(login.body.user.region_code, '150622');
	});

	it('user add --password-stdin reads the password twice; a mismatch or a weak one is refused', async () => {
		let r = runCli(['user', 'add', 'cli_pw', '--role', 'admin', '--region', '150622', '--password-stdin', '--db', srv.dbUrl], {
			input: 'Strong-pass-2026\nStrong-pass-2027\n',
		});
		assert.equal(r.code, 1);
		assert.match(r.stderr, /differ/);
		r = runCli(['user', 'add', 'cli_pw', '--role', 'admin', '--region', '150622', '--password-stdin', '--db', srv.dbUrl], {
			input: 'short\nshort\n',
		});
		assert.equal(r.code, 1);
		r = runCli(['user', 'add', 'cli_pw', '--role', 'admin', '--region', '150622', '--password-stdin', '--db', srv.dbUrl], {
			input: 'Strong-pass-2026\nStrong-pass-2026\n',
		});
		assert.equal(r.code, 0, r.stderr);
		assert.doesNotMatch(r.stdout, /temporary password/);
		const login = await request(srv.base, 'POST', '/api/v1/session', { username: 'cli_pw', password: 'Strong-pass-2026' });
		assert.equal(login.status, 200);
		assert.equal(login.body.user.must_change_password, false);
		// wrong scope arguments are refused with usage errors
		r = runCli(['user', 'add', 'cli_bad', '--role', 'unit', '--region', '150622', '--db', srv.dbUrl]);
		assert.equal(r.code, 2);
		r = runCli(['user', 'add', 'cli_bad', '--role', 'admin', '--region', '15062', '--db', srv.dbUrl]);
		assert.equal(r.code, 2);
		r = runCli(['user', 'add', 'cli_pw', '--role', 'admin', '--region', '150622', '--db', srv.dbUrl]);
		assert.equal(r.code, 1, 'a taken username is refused');
	});

	it('user list, disable and enable; passwd --password-stdin sets a new password', async () => {
		let r = runCli(['user', 'list', '--db', srv.dbUrl]);
		assert.equal(r.code, 0);
		assert.match(r.stdout, /liaison\s+unit/);
		r = runCli(['user', 'disable', 'leader', '--db', srv.dbUrl]);
		assert.equal(r.code, 0, r.stderr);
		let login = await request(srv.base, 'POST', '/api/v1/session', { username: 'leader', password: 'wenming2026' });
		assert.equal(login.status, 403);
		assert.equal(login.body.error.code, 'account_disabled');
		assert.match(runCli(['user', 'list', '--db', srv.dbUrl]).stdout, /leader.*\[disabled\]/);
		r = runCli(['user', 'enable', 'leader', '--db', srv.dbUrl]);
		assert.equal(r.code, 0);
		r = runCli(['user', 'passwd', 'leader', '--password-stdin', '--db', srv.dbUrl], { input: 'Lingdao-new-2026\nLingdao-new-2026\n' });
		assert.equal(r.code, 0, r.stderr);
		login = await request(srv.base, 'POST', '/api/v1/session', { username: 'leader', password: 'Lingdao-new-2026' });
		assert.equal(login.status, 200);
		login = await request(srv.base, 'POST', '/api/v1/session', { username: 'leader', password: 'wenming2026' });
		assert.equal(login.status, 401);
	});

	it('demo refuses to overwrite an existing database; init and migrate report the schema version', () => {
		const r = runCli(['demo', '--db', srv.dbUrl]);
		assert.equal(r.code, 1);
		assert.match(r.stderr, /refus/);
		const i = runCli(['init', '--db', srv.dbUrl]);
		assert.equal(i.code, 0, i.stderr);
		assert.match(i.stdout, /schema version \d+/);
		const m = runCli(['migrate', '--db', srv.dbUrl]);
		assert.equal(m.code, 0);
		assert.match(m.stdout, /applied 0 migration\(s\); schema version \d+/);
	});

	it('backup copies the live SQLite database; restore verifies it and refuses to overwrite without --force', { skip: BACKEND !== 'sqlite' }, async () => {
		const admin = await srv.login('admin');
		const units = (await admin.get('/api/v1/units?per_page=1')).body.total;
		const dest = path.join(tmp, 'backup.db');
		let r = runCli(['backup', dest, '--db', srv.dbUrl]);
		assert.equal(r.code, 0, r.stderr);
		assert.ok(existsSync(dest));
		r = runCli(['backup', dest, '--db', srv.dbUrl]);
		assert.equal(r.code, 1, 'backup refuses to overwrite');
		const target = path.join(tmp, 'restored.db');
		r = runCli(['restore', dest, '--db', target]);
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /audit entries verified/);
		r = runCli(['restore', dest, '--db', target]);
		assert.equal(r.code, 1, 'restore refuses to overwrite without --force');
		r = runCli(['restore', dest, '--db', target, '--force']);
		assert.equal(r.code, 0, r.stderr);
		const restored = await startServer({ demo: false, env: {}, shareDbWith: { dbUrl: target } });
		try {
			const a = await restored.login('admin');
			assert.equal((await a.get('/api/v1/units?per_page=1')).body.total, units, 'the restored copy holds the same units');
		} finally {
			await restored.stop();
		}
		const v = runCli(['audit', 'verify', '--db', target]);
		assert.equal(v.code, 0, v.stdout + v.stderr);
	});

	it('backup explains pg_dump for PostgreSQL', { skip: BACKEND !== 'postgres' }, () => {
		const r = runCli(['backup', path.join(tmp, 'x.db'), '--db', srv.dbUrl]);
		assert.equal(r.code, 2);
		assert.match(r.stderr, /pg_dump/);
	});
});
