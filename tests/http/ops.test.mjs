// ops.test.mjs — health, Prometheus metrics, security headers, the embedded UI with its SPA
// fallback, the OpenAPI document (which must list every route of routes.c), and graceful
// shutdown on SIGTERM.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, parseRoutes, sleep, DEMO_PASSWORD } from './harness.mjs';

function assertSecurityHeaders(r, what) {
	const csp = r.headers.get('content-security-policy') || '';
	assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors: ${csp}`);
	assert.match(csp, /default-src 'self'/, `${what}: CSP default-src`);
	assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
	assert.ok(r.headers.get('referrer-policy'), `${what}: Referrer-Policy`);
	assert.match(r.headers.get('x-request-id') || '', /^[0-9a-f]{8,}$/, `${what}: X-Request-Id`);
}

describe('operations', () => {
	let srv, admin;

	before(async () => {
		srv = await startServer();
		admin = await srv.login('admin');
	});
	after(async () => {
		await srv?.stop();
	});

	it('/healthz answers 200 {"status":"ok"} without login', async () => {
		const r = await srv.anon().get('/healthz');
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'), /application\/json/);
		assert.equal(r.body.status, 'ok');
	});

	it('/metrics is Prometheus text with per-route counters, a latency histogram and the pool gauge', async () => {
		assert.equal((await admin.get('/api/v1/units')).status, 200);
		assert.equal((await admin.get('/api/v1/units/987654321')).status, 404);
		let text = '';
		for (let i = 0; i < 20; i++) {
			const r = await srv.anon().get('/metrics');
			assert.equal(r.status, 200);
			assert.match(r.headers.get('content-type'), /^text\/plain/);
			text = r.text;
			// requests are counted once their answer has been sent: wait for both
			if (text.includes('wenming_http_requests_total{route="GET /api/v1/units",status="200"}') &&
				text.includes('wenming_http_requests_total{route="GET /api/v1/units/{id}",status="404"}')) break;
			await sleep(50); // a request is counted when it completes
		}
		const counter = /^wenming_http_requests_total\{route="GET \/api\/v1\/units",status="200"\} (\d+)$/m.exec(text);
		assert.ok(counter, `units counter in:\n${text.slice(0, 2000)}`);
		assert.ok(Number(counter[1]) >= 1);
		assert.match(text, /^wenming_http_requests_total\{route="GET \/api\/v1\/units\/\{id\}",status="404"\} \d+$/m);
		assert.match(text, /^# TYPE wenming_http_requests_total counter$/m);
		assert.match(text, /^# TYPE wenming_http_request_duration_seconds histogram$/m);
		assert.match(text, /^wenming_http_request_duration_seconds_bucket\{route="GET \/api\/v1\/units",le="[^"]+"\} \d+$/m);
		assert.match(text, /^wenming_http_request_duration_seconds_bucket\{route="GET \/api\/v1\/units",le="\+Inf"\} \d+$/m);
		assert.match(text, /^wenming_http_request_duration_seconds_sum\{route="GET \/api\/v1\/units"\} [0-9.e+-]+$/m);
		assert.match(text, /^wenming_http_request_duration_seconds_count\{route="GET \/api\/v1\/units"\} \d+$/m);
		assert.match(text, /^wenming_db_pool_connections \d+$/m);
		// buckets are cumulative
		const buckets = [...text.matchAll(/^wenming_http_request_duration_seconds_bucket\{route="GET \/api\/v1\/units",le="([^"]+)"\} (\d+)$/gm)].map((m) => Number(m[2]));
		for (let i = 1; i < buckets.length; i++) assert.ok(buckets[i] >= buckets[i - 1], 'cumulative buckets');
		// every line is a comment or `name{labels} value`
		for (const line of text.split('\n').filter(Boolean)) {
			assert.match(line, /^(# (HELP|TYPE) \w+ .+|[a-z_]+(\{.*\})? [0-9.e+-]+|[a-z_]+(\{.*\})? \+Inf)$/, `metrics line: ${line}`);
		}
		assert.doesNotMatch(text, /wm_session|csrf|password/i);
	});

	it('security headers on API answers, errors, exports and UI pages', async () => {
		const cases = [
			['GET /api/v1/units', await admin.get('/api/v1/units')],
			['GET /api/v1/units (401)', await srv.anon().get('/api/v1/units')],
			['GET /api/v1/nope (404)', await admin.get('/api/v1/nope')],
			['POST /api/v1/units (400)', await admin.post('/api/v1/units', { name: 1 })],
			['CSV export', await admin.get('/api/v1/units?format=csv')],
			['healthz', await srv.anon().get('/healthz')],
			['metrics', await srv.anon().get('/metrics')],
			['openapi', await srv.anon().get('/api/v1/openapi.json')],
			['GET /', await srv.anon().get('/')],
			['GET /units/3', await srv.anon().get('/units/3')],
			['GET /assets/missing.js', await srv.anon().get('/assets/missing.js')],
		];
		for (const [what, r] of cases) assertSecurityHeaders(r, what);
		const api = cases[0][1];
		assert.match(api.headers.get('cache-control') || '', /no-store/, 'API answers are not cached');
		// request ids are unique
		const ids = new Set(cases.map(([, r]) => r.headers.get('x-request-id')));
		assert.equal(ids.size, cases.length);
	});

	it('GET / serves the UI; unknown UI paths fall back to index.html; a missing asset is 404', async () => {
		const root = await srv.anon().get('/');
		assert.equal(root.status, 200);
		assert.match(root.headers.get('content-type'), /^text\/html/);
		assert.match(root.text, /<html/i);
		assert.match(root.text, /文明单位创建测评管理系统/);
		for (const p of ['/units/3', '/login', '/registry/units?q=1', '/a/b/c/d']) {
			const r = await srv.anon().get(p);
			assert.equal(r.status, 200, p);
			assert.match(r.headers.get('content-type'), /^text\/html/, p);
			assert.equal(r.text, root.text, `${p} is the SPA shell`);
		}
		const missing = await srv.anon().get('/assets/missing.js');
		assert.equal(missing.status, 404);
		assert.doesNotMatch(missing.headers.get('content-type') || '', /text\/html/);
		// the assets index.html references exist and are served with their types
		const refs = [...root.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
		assert.ok(refs.length >= 1, 'index.html references built assets');
		for (const ref of refs) {
			const r = await srv.anon().get(ref);
			assert.equal(r.status, 200, ref);
			if (ref.endsWith('.js')) assert.match(r.headers.get('content-type'), /javascript/);
			if (ref.endsWith('.css')) assert.match(r.headers.get('content-type'), /text\/css/);
			assert.match(r.headers.get('cache-control') || '', /immutable|max-age/);
		}
		// path traversal does not escape the embedded files
		for (const p of ['/../Makefile', '/assets/../../src/main.c', '/%2e%2e/Makefile']) {
			const r = await srv.anon().get(p);
			assert.ok(!/#include|PREFIX \?=/.test(r.text), `${p} leaks a file`);
		}
	});

	it('/api/v1/openapi.json is OpenAPI 3.1 JSON and lists every route of routes.c', async () => {
		const r = await srv.anon().get('/api/v1/openapi.json');
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'), /application\/json/);
		assert.equal(typeof r.body, 'object');
		assert.match(String(r.body.openapi), /^3\.1\.\d+$/);
		assert.ok(r.body.info?.title);
		const paths = r.body.paths || {};
		const missing = [];
		for (const route of parseRoutes()) {
			const candidates = [route.pattern, route.pattern.replace(/^\/api\/v1(?=\/)/, '')];
			const item = candidates.map((p) => paths[p]).find(Boolean);
			if (!item || !item[route.method.toLowerCase()]) missing.push(`${route.method} ${route.pattern}`);
		}
		assert.deepEqual(missing, [], `routes missing from docs/openapi.yaml: ${missing.join(', ')}`);
	});
});

describe('graceful shutdown', () => {
	let srv;
	before(async () => {
		srv = await startServer();
	});
	after(async () => {
		await srv?.stop();
	});

	it('SIGTERM during a burst: every accepted request completes, then the process exits 0', async () => {
		// logins are slow on purpose (password hashing), so the burst is still running at SIGTERM
		const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
		const N = 24;
		const body = JSON.stringify({ username: 'leader', password: DEMO_PASSWORD });
		const started = [];
		let termAt = 0;
		const results = await new Promise((resolveAll) => {
			const out = [];
			let done = 0;
			for (let i = 0; i < N; i++) {
				const rec = { i, connected: false, status: null, body: '', error: null };
				out.push(rec);
				const req = http.request(
					`${srv.base}/api/v1/session`,
					{ method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
					(res) => {
						rec.status = res.statusCode;
						res.setEncoding('utf8');
						res.on('data', (c) => (rec.body += c));
						res.on('end', () => {
							rec.endedAt = Date.now();
							if (++done === N) resolveAll(out);
						});
						res.on('error', (e) => {
							rec.error = e;
						});
					},
				);
				req.on('socket', (s) => s.on('connect', () => (rec.connected = true)));
				req.on('error', (e) => {
					rec.error = e;
					if (++done === N) resolveAll(out);
				});
				req.end(body);
				started.push(req);
			}
			// SIGTERM while the burst is being served
			setTimeout(() => {
				termAt = Date.now();
				srv.terminate();
			}, 150);
		});
		const info = await srv.exited;
		assert.equal(info.code, 0, `exit code ${info.code} signal ${info.signal}`);
		const incomplete = results.filter((x) => x.connected && (x.error || x.status !== 200));
		assert.deepEqual(
			incomplete.map((x) => ({ i: x.i, status: x.status, error: x.error && String(x.error.code || x.error) })),
			[],
			'every connected request got its complete answer',
		);
		for (const x of results.filter((y) => y.status === 200)) {
			const j = JSON.parse(x.body);
			assert.equal(j.user.username, 'leader');
		}
		assert.ok(results.filter((x) => x.status === 200).length >= 1);
		assert.ok(
			results.some((x) => x.endedAt > termAt),
			'the burst was still being served when SIGTERM arrived (else this test proves nothing)',
		);
		// after the exit nothing listens
		await assert.rejects(fetch(`${srv.base}/healthz`));
		agent.destroy();
	});
});
