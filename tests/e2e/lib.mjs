// lib.mjs — shared pieces of the browser tests: headless Debian Chromium through playwright-core
// (from web/node_modules), a fresh profile per browser, UI login, Element Plus helpers and
// screenshots into tests/.tmp/e2e/. The server comes from ../http/harness.mjs (startServer).
//
// Not a test file (no .test. in the name): node --test tests/e2e/ only runs *.test.mjs.

import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../http/harness.mjs';

export { startServer, createUnit, createUser, awardTitle, makeUscc, uniqueName, DEMO_PASSWORD } from '../http/harness.mjs';

const require = createRequire(path.join(REPO_ROOT, 'web', 'package.json'));
const { chromium } = require('playwright-core');

export const SHOT_DIR = path.join(REPO_ROOT, 'tests', '.tmp', 'e2e');
export const CHROMIUM = process.env.WENMING_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** CSS selector of a data-test id. */
export const T = (id) => `[data-test="${id}"]`;

/**
 * Launches Chromium with a fresh profile (a temp dir) at 1366×768 against `base`.
 * Returns {ctx, page, problems, close()}: `problems` collects uncaught page errors, console
 * errors other than failed resource loads (4xx answers are expected in some tests) and any 5xx
 * answer; close() closes the browser and removes the profile (safe to call twice).
 */
export async function openBrowser(base) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'wm-e2e-'));
	let ctx;
	try {
		ctx = await chromium.launchPersistentContext(dir, {
			executablePath: CHROMIUM,
			args: ARGS,
			headless: true,
			viewport: { width: 1366, height: 768 },
			baseURL: base,
			locale: 'zh-CN',
			timezoneId: 'Asia/Shanghai',
		});
	} catch (e) {
		rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	// No CSS transitions or animations: screenshots show the final state (a tag fading in after a
	// row expands is otherwise caught half-drawn) and dialogs close at once. Vue's <Transition>
	// sees no duration and finishes immediately.
	await ctx.addInitScript(() => {
		const add = () => {
			const st = document.createElement('style');
			st.setAttribute('data-e2e', 'no-motion');
			st.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';
			document.head.appendChild(st);
		};
		if (document.head) add();
		else document.addEventListener('DOMContentLoaded', add, { once: true });
	});
	ctx.setDefaultTimeout(10000);
	ctx.setDefaultNavigationTimeout(15000);
	const page = ctx.pages()[0] || (await ctx.newPage());
	const problems = [];
	const watch = (p) => {
		trackApi(p);
		p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
		p.on('console', (m) => {
			if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console error: ${m.text()}`);
		});
		p.on('response', (r) => {
			if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
		});
	};
	watch(page);
	ctx.on('page', watch);
	let closed = false;
	return {
		ctx,
		page,
		problems,
		async close() {
			if (closed) return;
			closed = true;
			try {
				await ctx.close();
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}

/** Full-page screenshot into tests/.tmp/e2e/NAME.png; returns the path. */
export async function shot(page, name) {
	mkdirSync(SHOT_DIR, { recursive: true });
	const file = path.join(SHOT_DIR, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

const inflight = new WeakMap(); // page → Set of API requests not yet answered

function trackApi(page) {
	const set = new Set();
	inflight.set(page, set);
	const done = (r) => set.delete(r);
	page.on('request', (r) => {
		if (new URL(r.url()).pathname.startsWith('/api/')) set.add(r);
	});
	page.on('requestfinished', done);
	page.on('requestfailed', done);
	page.on('framenavigated', (f) => {
		if (f === page.mainFrame()) set.clear();
	});
}

/**
 * Waits until the page has settled: loaded, no API request in flight for 150 ms, and no
 * Element Plus loading mask showing. Faster than 'networkidle' (500 ms of silence).
 */
export async function settled(page, { timeout = 10000 } = {}) {
	await page.waitForLoadState('load');
	const set = inflight.get(page);
	const end = Date.now() + timeout;
	let quietSince = 0;
	for (;;) {
		if (Date.now() > end) throw new Error(`page did not settle in ${timeout} ms: ${[...(set || [])].map((r) => r.url()).join(', ')}`);
		if (set && set.size > 0) quietSince = 0;
		else if (!quietSince) quietSince = Date.now();
		else if (Date.now() - quietSince >= 150) break;
		await new Promise((r) => setTimeout(r, 25));
	}
	await page.waitForFunction(() =>
		[...document.querySelectorAll('.el-loading-mask')].every((m) => !m.offsetParent || getComputedStyle(m).display === 'none'),
	);
}

/**
 * Logs in through the login page; waits for the app to leave /login (to `expectPath` when
 * given, a string or RegExp) and for the header's user menu.
 */
export async function uiLogin(page, username, password, { expectPath } = {}) {
	await page.goto('/login');
	await page.locator(`input${T('login-username')}, ${T('login-username')} input`).first().fill(username);
	await page.locator(`input${T('login-password')}, ${T('login-password')} input`).first().fill(password);
	const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
	await page.locator(T('login-submit')).click();
	const r = await answer;
	if (r.status() !== 200) throw new Error(`login ${username} → ${r.status()} ${await r.text()}`);
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	if (expectPath) await page.waitForURL((u) => (expectPath instanceof RegExp ? expectPath.test(u.pathname) : u.pathname === expectPath));
	await page.locator(T('user-menu')).waitFor();
	await settled(page);
}

/** The <input> of an el-input carrying data-test `id` (the attribute lands on the input). */
export function input(page, id) {
	return page.locator(`input${T(id)}, textarea${T(id)}, ${T(id)} input, ${T(id)} textarea`).first();
}

/** Opens the el-select carrying data-test `id` and picks the visible option with text `text`. */
export async function pick(page, id, text) {
	await page.locator(T(id)).first().click();
	const opt = page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first();
	await opt.click();
	await opt.waitFor({ state: 'hidden' });
}

/** GET an API path with the page's session (cookie); returns {status, body}. */
export function apiGet(page, p) {
	return page.evaluate(async (url) => {
		const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
		let body = null;
		try {
			body = await r.json();
		} catch {
			/* not JSON */
		}
		return { status: r.status, body };
	}, '/api/v1' + p);
}

/** Texts of the left menu entries (sub-menu titles and items). */
export async function menuTexts(page) {
	return (await page.locator('.app-menu .el-sub-menu__title, .app-menu .el-menu-item').allInnerTexts()).map((s) => s.trim());
}

/** Logs out through the header's user menu; waits for the login page. */
export async function uiLogout(page) {
	await page.locator(T('user-menu')).click();
	const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'DELETE');
	await page.locator(T('menu-logout')).click();
	await answer;
	await page.waitForURL((u) => u.pathname === '/login');
	await page.locator(T('login-submit')).waitFor();
}
