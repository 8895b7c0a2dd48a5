// harness.mjs — starts a real `wenming serve` on a free port with a fresh database (SQLite file or
// a fresh PostgreSQL database) for the HTTP test suite, and gives the tests an HTTP client that
// keeps the session cookie and CSRF token, plus direct database access for read-back checks.
//
// Environment:
//   WENMING_BIN            the binary (default build/wenming under the repository root)
//   WENMING_TEST_BACKEND   sqlite (default) | postgres
//   WENMING_TEST_PG_URL    admin URL for postgres, e.g. postgresql://postgres@127.0.0.1:55433/postgres
//
// No npm dependencies: node:test, node:child_process, global fetch (Node 20).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readdirSync, rmdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.WENMING_BIN
	? path.resolve(process.env.WENMING_BIN)
	: path.join(REPO_ROOT, 'build', 'wenming');
export const BACKEND = (process.env.WENMING_TEST_BACKEND || 'sqlite').toLowerCase();
export const PG_ADMIN_URL = process.env.WENMING_TEST_PG_URL || '';
export const DEMO_PASSWORD = 'wenming2026';
const TMP_ROOT = path.join(REPO_ROOT, 'tests', '.tmp');

if (BACKEND !== 'sqlite' && BACKEND !== 'postgres') {
	throw new Error(`WENMING_TEST_BACKEND must be sqlite or postgres, not ${BACKEND}`);
}
if (BACKEND === 'postgres' && !PG_ADMIN_URL) {
	throw new Error('WENMING_TEST_BACKEND=postgres needs WENMING_TEST_PG_URL (an admin URL)');
}

const SANITIZER_RE = /AddressSanitizer|LeakSanitizer|runtime error:|ThreadSanitizer|MemorySanitizer/;

/** Throws when a child's stderr shows a sanitizer report. */
export function assertNoSanitizer(stderr, what) {
	if (SANITIZER_RE.test(stderr)) {
		throw new Error(`${what}: sanitizer report in stderr:\n${tail(stderr, 6000)}`);
	}
}

function tail(s, n = 4000) {
	return s.length > n ? '…' + s.slice(-n) : s;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* ---------------------------------------------------------------- databases ---- */

function pgDbUrl(name) {
	const u = new URL(PG_ADMIN_URL);
	u.pathname = '/' + name;
	return u.toString();
}

function psql(url, sql, extra = []) {
	const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-X', '-q', ...extra, '-c', sql], {
		encoding: 'utf8',
		maxBuffer: 64 << 20,
	});
	if (r.status !== 0) {
		throw new Error(`psql failed (${r.status}): ${sql}\n${r.stderr}`);
	}
	return r.stdout;
}

function createPgDatabase() {
	const name = 'wm_t_' + randomBytes(6).toString('hex');
	psql(PG_ADMIN_URL, `CREATE DATABASE ${name}`);
	return { name, url: pgDbUrl(name) };
}

function dropPgDatabase(name) {
	psql(PG_ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

function sqlite(file, args, input) {
	const r = spawnSync('sqlite3', ['-batch', '-bail', '-cmd', '.timeout 10000', ...args, file], {
		encoding: 'utf8',
		input,
		maxBuffer: 64 << 20,
	});
	if (r.error && r.error.code === 'ENOENT') {
		throw new Error('the sqlite3 CLI is missing: apt-get install sqlite3');
	}
	if (r.status !== 0) {
		throw new Error(`sqlite3 failed (${r.status}): ${input}\n${r.stderr}`);
	}
	return r.stdout;
}

function normaliseValue(v) {
	if (v === null || v === undefined) return null;
	if (typeof v === 'boolean') return v ? '1' : '0';
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

/**
 * Direct database access for read-back checks, the same for both engines.
 * query(sql) → rows as arrays of strings (NULL → null) in column order; `sql` is one SELECT
 * without a trailing semicolon. exec(sql) runs any statements (no result).
 */
export function makeDb(dbUrl) {
	const isPg = dbUrl.startsWith('postgresql://') || dbUrl.startsWith('postgres://');
	return {
		url: dbUrl,
		engine: isPg ? 'postgres' : 'sqlite',
		query(sql) {
			sql = sql.trim().replace(/;+\s*$/, '');
			let objs;
			if (isPg) {
				const out = psql(
					dbUrl,
					`SELECT coalesce(json_agg(row_to_json(t)), '[]'::json) FROM (${sql}) t`,
					['-A', '-t'],
				);
				objs = JSON.parse(out.trim() || '[]');
			} else {
				const out = sqlite(dbUrl, ['-json'], sql + ';\n');
				objs = out.trim() ? JSON.parse(out) : [];
			}
			return objs.map((o) => Object.values(o).map(normaliseValue));
		},
		/** Several SELECTs in one client run (one process instead of one each): an array of row arrays. */
		queryMany(sqls) {
			sqls = sqls.map((s) => s.trim().replace(/;+\s*$/, ''));
			let sets;
			if (isPg) {
				const args = [dbUrl, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-A', '-t'];
				for (const s of sqls) args.push('-c', `SELECT coalesce(json_agg(row_to_json(t)), '[]'::json) FROM (${s}) t`);
				const r = spawnSync('psql', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
				if (r.status !== 0) throw new Error(`psql failed (${r.status}): ${sqls.join('; ')}\n${r.stderr}`);
				sets = r.stdout.split('\n').filter((l) => l.length).map((l) => JSON.parse(l));
			} else {
				const SPLIT = '@@wm_split@@';
				const input = sqls.map((s) => `${s};\nSELECT '${SPLIT}' AS wm_split;\n`).join('');
				const out = sqlite(dbUrl, ['-json'], input);
				const chunks = out.split(/^\[\{"wm_split":"@@wm_split@@"\}\]\s*$/m);
				chunks.pop();
				sets = chunks.map((c) => (c.trim() ? JSON.parse(c) : []));
			}
			if (sets.length !== sqls.length) throw new Error(`queryMany: ${sets.length} results for ${sqls.length} queries`);
			return sets.map((objs) => objs.map((o) => Object.values(o).map(normaliseValue)));
		},
		/** The first column of the first row, or undefined. */
		scalar(sql) {
			const rows = this.query(sql);
			return rows.length ? rows[0][0] : undefined;
		},
		count(table, where = '') {
			return Number(this.scalar(`SELECT count(*) FROM ${table}${where ? ' WHERE ' + where : ''}`));
		},
		exec(sql) {
			if (isPg) psql(dbUrl, sql);
			else sqlite(dbUrl, [], sql.trim().replace(/;?\s*$/, ';') + '\n');
		},
	};
}

/* ---------------------------------------------------------------- the CLI ---- */

/**
 * Runs `wenming ARGS…` to completion. Throws on a sanitizer report; returns {code, stdout, stderr}.
 */
export function runCli(args, { input, env = {} } = {}) {
	const r = spawnSync(BIN, args, {
		encoding: 'utf8',
		input,
		env: { ...process.env, ...env },
		maxBuffer: 64 << 20,
		timeout: 60000,
	});
	if (r.error) throw r.error;
	assertNoSanitizer(r.stderr, `wenming ${args.join(' ')}`);
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/* ---------------------------------------------------------------- the client ---- */

function cookieFrom(headers) {
	const all = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
	for (const c of all) {
		const m = /^wm_session=([^;]*)/.exec(c);
		if (m) return { value: m[1], raw: c };
	}
	return null;
}

/**
 * One HTTP request. Returns {status, headers, body, raw, text}: body is parsed JSON when the
 * answer is JSON, else the text (a UTF-8 BOM is kept; fetch's text() would strip it).
 */
export async function request(base, method, urlPath, body, { headers = {}, rawBody, contentType } = {}) {
	const h = { ...headers };
	let payload;
	if (rawBody !== undefined) {
		payload = rawBody;
		if (contentType !== null) h['Content-Type'] = contentType ?? 'application/json';
	} else if (body !== undefined) {
		payload = JSON.stringify(body);
		if (contentType !== null) h['Content-Type'] = contentType ?? 'application/json';
	}
	const res = await fetch(base + urlPath, { method, headers: h, body: payload, redirect: 'manual' });
	const raw = Buffer.from(await res.arrayBuffer());
	const text = raw.toString('utf8');
	const ct = res.headers.get('content-type') || '';
	let parsed = text;
	if (ct.includes('json') && text.length) {
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
	}
	return { status: res.status, headers: res.headers, body: parsed, raw, text };
}

/**
 * A client that keeps the session cookie (updated from Set-Cookie) and the csrf_token (from a
 * login answer or GET /session). Methods: get/post/patch/put/delete(path, body?, opts) with opts
 * {csrf = true, headers, rawBody, contentType}.
 */
export class Client {
	constructor(base) {
		this.base = base;
		this.cookie = null;
		this.csrf = null;
		this.bearer = null;
		this.user = null;
	}

	async req(method, urlPath, body, { csrf = true, headers = {}, rawBody, contentType } = {}) {
		const h = { ...headers };
		if (this.cookie && !('Cookie' in h)) h.Cookie = `wm_session=${this.cookie}`;
		if (this.bearer && !('Authorization' in h)) h.Authorization = `Bearer ${this.bearer}`;
		if (csrf && this.csrf && method !== 'GET' && method !== 'HEAD' && !('X-CSRF-Token' in h)) {
			h['X-CSRF-Token'] = this.csrf;
		}
		const r = await request(this.base, method, urlPath, body, { headers: h, rawBody, contentType });
		const c = cookieFrom(r.headers);
		if (c) this.cookie = c.value || null;
		if (r.body && typeof r.body === 'object' && typeof r.body.csrf_token === 'string') {
			this.csrf = r.body.csrf_token;
			if (r.body.user) this.user = r.body.user;
		}
		return r;
	}

	get(p, opts) {
		return this.req('GET', p, undefined, opts);
	}
	post(p, body, opts) {
		return this.req('POST', p, body, opts);
	}
	patch(p, body, opts) {
		return this.req('PATCH', p, body, opts);
	}
	put(p, body, opts) {
		return this.req('PUT', p, body, opts);
	}
	delete(p, body, opts) {
		return this.req('DELETE', p, body, opts);
	}
}

/* ---------------------------------------------------------------- the server ---- */

/**
 * Starts `wenming serve` with a fresh database (after `wenming demo` when demo is true).
 * Returns {base, dbUrl, db, stop(), login(username, password) → Client, anon() → Client,
 * cli(args…) → {code, stdout, stderr}, stderr() → text, pid, proc}.
 */
export async function startServer({ demo = true, env = {}, threads, shareDbWith } = {}) {
	let tmpDir = null;
	let pg = null;
	let dbUrl;
	if (shareDbWith) {
		// a second process on the database of a running server (which owns and cleans it up)
		dbUrl = shareDbWith.dbUrl;
		demo = false;
	} else if (BACKEND === 'postgres') {
		pg = createPgDatabase();
		dbUrl = pg.url;
	} else {
		mkdirSync(TMP_ROOT, { recursive: true });
		tmpDir = mkdtempSync(path.join(TMP_ROOT, 'http-'));
		dbUrl = path.join(tmpDir, 'wenming.db');
	}
	const cleanup = () => {
		if (pg) {
			try {
				dropPgDatabase(pg.name);
			} catch (e) {
				console.error(String(e));
			}
			pg = null;
		}
		if (tmpDir) {
			rmSync(tmpDir, { recursive: true, force: true });
			tmpDir = null;
			try {
				if (readdirSync(TMP_ROOT).length === 0) rmdirSync(TMP_ROOT);
			} catch {
				/* another server is still using it */
			}
		}
	};
	const childEnv = { ...process.env };
	for (const k of Object.keys(childEnv)) {
		if (k.startsWith('WENMING_') && !k.startsWith('WENMING_TEST_') && k !== 'WENMING_BIN') delete childEnv[k];
	}
	Object.assign(childEnv, env);

	try {
		if (demo) {
			const r = runCli(['demo', '--db', dbUrl], { env: childEnv });
			if (r.code !== 0) throw new Error(`wenming demo failed (${r.code}):\n${r.stderr}`);
			if (!/admin/.test(r.stdout)) throw new Error(`wenming demo printed no logins:\n${r.stdout}`);
		}
	} catch (e) {
		cleanup();
		throw e;
	}

	const args = ['serve', '--db', dbUrl, '--listen', '127.0.0.1:0'];
	if (threads) args.push('--threads', String(threads));
	const proc = spawn(BIN, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	let stdout = '';
	let sanitizerSeen = false;
	const STDERR_KEEP = 4 << 20;
	proc.stderr.setEncoding('utf8');
	proc.stderr.on('data', (chunk) => {
		const window = stderr.slice(-200) + chunk;
		if (SANITIZER_RE.test(window)) sanitizerSeen = true;
		stderr += chunk;
		if (stderr.length > STDERR_KEEP) stderr = stderr.slice(-STDERR_KEEP / 2);
	});
	const exited = new Promise((resolve) => {
		proc.on('exit', (code, signal) => resolve({ code, signal }));
	});
	let exitInfo = null;
	exited.then((x) => {
		exitInfo = x;
	});

	const port = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start in 20 s; stderr:\n${tail(stderr)}`)), 20000);
		proc.stdout.setEncoding('utf8');
		proc.stdout.on('data', (chunk) => {
			stdout += chunk;
			const m = /wenming: listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
			if (m) {
				clearTimeout(timer);
				resolve(Number(m[1]));
			}
		});
		exited.then(({ code, signal }) => {
			clearTimeout(timer);
			reject(new Error(`server exited before listening (code ${code}, signal ${signal}); stderr:\n${tail(stderr)}`));
		});
	}).catch((e) => {
		try {
			proc.kill('SIGKILL');
		} catch {
			/* already gone */
		}
		cleanup();
		throw e;
	});

	const base = `http://127.0.0.1:${port}`;
	const db = makeDb(dbUrl);
	let stopped = false;
	let signalled = false;

	const server = {
		base,
		port,
		dbUrl,
		db,
		dbQuery: (sql) => db.query(sql),
		proc,
		pid: proc.pid,
		stderr: () => stderr,
		exited,
		anon: () => new Client(base),
		async login(username, password = DEMO_PASSWORD) {
			const c = new Client(base);
			const r = await c.post('/api/v1/session', { username, password });
			if (r.status !== 200) {
				throw new Error(`login ${username} → ${r.status} ${JSON.stringify(r.body)}`);
			}
			c.loginResponse = r;
			return c;
		},
		/** A client authenticating with an API token (no cookie, no CSRF). */
		bearer(token) {
			const c = new Client(base);
			c.bearer = token;
			return c;
		},
		/** Sends SIGTERM now (stop() then only waits for the exit and checks it). */
		terminate() {
			if (!exitInfo && !signalled) {
				signalled = true;
				proc.kill('SIGTERM');
			}
		},
		cli(...cliArgs) {
			return runCli([...cliArgs, '--db', dbUrl], { env: childEnv });
		},
		/**
		 * SIGTERM, wait for the exit, clean up; throws when the exit status is not 0 or stderr
		 * shows a sanitizer report.
		 */
		async stop() {
			if (stopped) return exitInfo;
			stopped = true;
			if (!exitInfo && !signalled) proc.kill('SIGTERM');
			let timer;
			const res = await Promise.race([
				exited,
				new Promise((r) => {
					timer = setTimeout(() => r(null), 20000);
				}),
			]);
			clearTimeout(timer);
			let problem = null;
			if (!res) {
				proc.kill('SIGKILL');
				await exited;
				problem = 'the server did not exit within 20 s of SIGTERM';
			} else if (res.code !== 0) {
				problem = `the server exited with code ${res.code}, signal ${res.signal}`;
			}
			if (sanitizerSeen || SANITIZER_RE.test(stderr)) {
				problem = (problem ? problem + '; ' : '') + 'sanitizer report in stderr';
			}
			cleanup();
			if (problem) {
				throw new Error(`${problem}\n---- server stderr (tail) ----\n${tail(stderr, 8000)}`);
			}
			return res;
		},
	};
	return server;
}

/* ---------------------------------------------------------------- test data ---- */

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W18 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of the 8-character organisation code body. */
export function orgCheckChar(body8) {
	let sum = 0;
	for (let i = 0; i < 8; i++) {
		const c = body8[i];
		const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
		sum += v * ORG_W[i];
	}
	const c = 11 - (sum % 11);
	return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100-2015 check character of the first 17 characters. */
export function usccCheckChar(first17) {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_W18[i];
	let c = 31 - (sum % 31);
	if (c === 31) c = 0;
	return USCC_ALPHABET[c];
}

let usccSeq = Math.floor(Math.random() * 1e6) * 100;

/** A valid, fresh USCC (random 8-digit organisation body), for the region code given. */
export function makeUscc(region = '150622') {
	usccSeq += 1 + Math.floor(Math.random() * 50);
	const body = String((usccSeq + Math.floor(Math.random() * 1e7) * 1000) % 1e8).padStart(8, '0');
	const first16 = '91' + region + body;
	const first17 = first16 + orgCheckChar(body);
	return first17 + usccCheckChar(first17);
}

let nameSeq = 0;
/** A unique Chinese unit name with a marker. */
export function uniqueName(prefix = '测试单位') {
	nameSeq += 1;
	return `${prefix}${process.pid % 1000}${randomBytes(3).toString('hex')}${nameSeq}号`;
}

/** Creates a unit through the API (as `client`) and returns its JSON; throws unless 201. */
export async function createUnit(client, fields = {}) {
	const body = {
		name: uniqueName(),
		uscc: makeUscc(fields.region_code || '150622'),
		category: 'institution',
		region_code: '150622',
		staff_count: 10,
		...fields,
	};
	const r = await client.post('/api/v1/units', body);
	if (r.status !== 201) throw new Error(`create unit → ${r.status} ${JSON.stringify(r.body)}`);
	return r.body;
}

/** Awards a title to unit `id`; throws unless 201. */
export async function awardTitle(client, unitId, fields = {}) {
	const r = await client.post(`/api/v1/units/${unitId}/titles`, {
		level: 'banner',
		tier: 'unit',
		awarded_year: 2024,
		term_years: 3,
		doc_no: '准文明委发〔2024〕1号',
		...fields,
	});
	if (r.status !== 201) throw new Error(`award title → ${r.status} ${JSON.stringify(r.body)}`);
	return r.body;
}

/** Creates a user (as an admin client); returns {user, temporary_password}; throws unless 201. */
export async function createUser(client, fields) {
	const body = { username: 'u' + randomBytes(5).toString('hex'), display_name: '测试用户', ...fields };
	const r = await client.post('/api/v1/users', body);
	if (r.status !== 201) throw new Error(`create user → ${r.status} ${JSON.stringify(r.body)}`);
	return r.body;
}

/**
 * Walks every page of a list and returns all items: with `after` cursors where the list gives a
 * next_cursor, else (lists without keyset paging) with page numbers until `total` is reached.
 */
export async function listAll(client, pathWithQuery, { perPage = 100, max = 10000 } = {}) {
	const items = [];
	const sep = pathWithQuery.includes('?') ? '&' : '?';
	let url = `${pathWithQuery}${sep}per_page=${perPage}`;
	let page = 1;
	for (let i = 0; i < max; i++) {
		const r = await client.get(url);
		if (r.status !== 200) throw new Error(`GET ${url} → ${r.status} ${JSON.stringify(r.body)}`);
		items.push(...r.body.items);
		if (r.body.next_cursor) {
			url = `${pathWithQuery}${sep}per_page=${perPage}&after=${encodeURIComponent(r.body.next_cursor)}`;
			continue;
		}
		if (typeof r.body.total !== 'number' || r.body.items.length < perPage || items.length >= r.body.total) break;
		page += 1;
		url = `${pathWithQuery}${sep}per_page=${perPage}&page=${page}`;
	}
	return items;
}

/** The parsed routes table of src/http/routes.c: [{method, pattern, roles:Set, public, flags}]. */
export function parseRoutes() {
	const src = readFileSync(path.join(REPO_ROOT, 'src', 'http', 'routes.c'), 'utf8');
	const routes = [];
	const re = /^\s*\{\s*"([A-Z]+)"\s*,\s*"([^"]+)"\s*,\s*(\w+)\s*,\s*([^,]+?)\s*,\s*([^}]+?)\s*\}\s*,/gm;
	let m;
	const roleBits = {
		ANY: ['admin', 'assessor', 'unit', 'viewer'],
		ROLE_ANY: ['admin', 'assessor', 'unit', 'viewer'],
		ADMIN: ['admin'],
		ROLE_ADMIN: ['admin'],
		ROLE_ASSESSOR: ['assessor'],
		ASSESSOR: ['assessor'],
		ROLE_UNIT: ['unit'],
		UNIT: ['unit'],
		ROLE_VIEWER: ['viewer'],
		VIEWER: ['viewer'],
		0: [],
	};
	while ((m = re.exec(src))) {
		const [, method, pattern, handler, rolesExpr, flagsExpr] = m;
		const roles = new Set();
		for (const tok of rolesExpr.split('|').map((s) => s.trim())) {
			if (!(tok in roleBits)) throw new Error(`routes.c: unknown role token ${tok} in ${method} ${pattern}`);
			for (const r of roleBits[tok]) roles.add(r);
		}
		const flags = new Set(flagsExpr.split('|').map((s) => s.trim()).filter((s) => s !== '0'));
		routes.push({ method, pattern, handler, roles, flags, public: flags.has('ROUTE_PUBLIC') });
	}
	if (routes.length < 10) throw new Error(`routes.c: parsed only ${routes.length} routes`);
	return routes;
}
