// imports.test.mjs — importing ledger lists from spreadsheets and exporting them (导入导出), for
// activities, volunteers and service hours: GET /api/v1/imports (the kinds and their fields), the
// templates (xlsx begins with PK, the CSV header row is the field labels; activities' and
// volunteers' templates import as they are), the preview (the file's headers, the suggested
// mapping, the sample with row numbers, the missing required columns), dry runs, imports of activities, volunteers and service hours read back
// through the list APIs field by field (festival, role, "1,200" participants, dates in every
// accepted form, Excel date serials in an .xlsx built here), all or nothing (one bad row among
// good ones imports nothing: 422 with the exact (row, column, field, message) entries, the first
// 200 of them; the database read back unchanged), every 400 code (csv, encoding, xlsx,
// empty_file, empty_import, mapping_incomplete, invalid_mapping, too_many_rows) and the 413,
// explicit mappings of renamed and reordered columns, a unit liaison's own unit by default and
// another unit's name refused, roles (viewer and assessor 403), CSRF, 401, one audit entry per
// import (after: rows, format, sha256 of the file), an exported .xlsx re-imported (dry run: the
// same rows), exports (csv and xlsx) of partners, pairings, volunteers, units, titles and the
// audit log matching their JSON lists, and an export opened by LibreOffice.
//
// The .xlsx files are built here (a small zip writer: inline or shared strings, numbers) and the
// exported ones read here (a small zip/XML reader) — no npm dependencies.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import zlib from 'node:zlib';
import { startServer, createUnit, awardTitle, uniqueName, listAll } from './harness.mjs';



/* ---- CSV ---- */
function csvCell(v) {
	const s = v === null || v === undefined ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function toCsv(rows, { bom = true, eol = '\r\n' } = {}) {
	return Buffer.from((bom ? '\ufeff' : '') + rows.map((r) => r.map(csvCell).join(',')).join(eol) + eol, 'utf8');
}
/** RFC 4180 rows of a CSV text (BOM stripped; blank lines dropped). */
function parseCsv(text) {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const rows = [];
	let row = [], cell = '', q = false, i = 0, touched = false;
	for (; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"') {
				if (text[i + 1] === '"') { cell += '"'; i++; } else q = false;
			} else cell += c;
		} else if (c === '"') { q = true; touched = true; }
		else if (c === ',') { row.push(cell); cell = ''; touched = true; }
		else if (c === '\r' || c === '\n') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			if (touched || row.length > 1 || row[0] !== '') rows.push(row);
			row = []; cell = ''; touched = false;
		} else { cell += c; touched = true; }
	}
	if (touched || cell !== '' || row.length) { row.push(cell); rows.push(row); }
	return rows;
}

/* ---- zip ---- */
function zipStore(entries) {
	const parts = [], central = [];
	let off = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
		const comp = e.deflate === false ? data : zlib.deflateRawSync(data);
		const method = e.deflate === false ? 0 : 8;
		const crc = zlib.crc32(data);
		const lh = Buffer.alloc(30);
		lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6); lh.writeUInt16LE(method, 8);
		lh.writeUInt16LE(0, 10); lh.writeUInt16LE(0x21, 12); lh.writeUInt32LE(crc, 14); lh.writeUInt32LE(comp.length, 18);
		lh.writeUInt32LE(data.length, 22); lh.writeUInt16LE(name.length, 26); lh.writeUInt16LE(0, 28);
		const ch = Buffer.alloc(46);
		ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8);
		ch.writeUInt16LE(method, 10); ch.writeUInt16LE(0, 12); ch.writeUInt16LE(0x21, 14); ch.writeUInt32LE(crc, 16);
		ch.writeUInt32LE(comp.length, 20); ch.writeUInt32LE(data.length, 24); ch.writeUInt16LE(name.length, 28);
		ch.writeUInt32LE(off, 42);
		parts.push(lh, name, comp);
		central.push(ch, name);
		off += 30 + name.length + comp.length;
	}
	const cd = Buffer.concat(central);
	const eocd = Buffer.alloc(22);
	eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
	eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(off, 16);
	return Buffer.concat([...parts, cd, eocd]);
}

/** The entries of a zip (zip64 aware): Map name → Buffer. */
function unzip(buf) {
	let eocd = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
	}
	if (eocd < 0) throw new Error('not a zip: no end of central directory');
	let count = buf.readUInt16LE(eocd + 10), cdOff = buf.readUInt32LE(eocd + 16);
	if (count === 0xffff || cdOff === 0xffffffff) {
		const loc = eocd - 20;
		if (buf.readUInt32LE(loc) !== 0x07064b50) throw new Error('zip64 locator missing');
		const z = Number(buf.readBigUInt64LE(loc + 8));
		count = Number(buf.readBigUInt64LE(z + 32));
		cdOff = Number(buf.readBigUInt64LE(z + 48));
	}
	const out = new Map();
	let p = cdOff;
	for (let k = 0; k < count; k++) {
		if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
		const method = buf.readUInt16LE(p + 10);
		let csize = buf.readUInt32LE(p + 20), usize = buf.readUInt32LE(p + 24);
		const nl = buf.readUInt16LE(p + 28), xl = buf.readUInt16LE(p + 30), cl = buf.readUInt16LE(p + 32);
		let lho = buf.readUInt32LE(p + 42);
		const name = buf.subarray(p + 46, p + 46 + nl).toString('utf8');
		let x = p + 46 + nl;
		const xend = x + xl;
		while (x + 4 <= xend) {
			const id = buf.readUInt16LE(x), sz = buf.readUInt16LE(x + 2);
			if (id === 1) {
				let q = x + 4;
				if (usize === 0xffffffff) { usize = Number(buf.readBigUInt64LE(q)); q += 8; }
				if (csize === 0xffffffff) { csize = Number(buf.readBigUInt64LE(q)); q += 8; }
				if (lho === 0xffffffff) { lho = Number(buf.readBigUInt64LE(q)); q += 8; }
			}
			x += 4 + sz;
		}
		const lnl = buf.readUInt16LE(lho + 26), lxl = buf.readUInt16LE(lho + 28);
		const data = buf.subarray(lho + 30 + lnl + lxl, lho + 30 + lnl + lxl + csize);
		out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
		p += 46 + nl + xl + cl;
	}
	return out;
}

/* ---- xlsx ---- */
function xmlText(s) {
	return s
		.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e) =>
			e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'"
				: String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)))
		.replace(/_x([0-9A-Fa-f]{4})_/g, (m, h) => String.fromCharCode(parseInt(h, 16)));
}
function tTexts(xml) {
	// <t> of the string, phonetic runs (<rPh>) left out
	return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
		.map((m) => xmlText(m[1] ?? ''))
		.join('');
}
function colIndex(ref) {
	let c = 0;
	for (const ch of /^[A-Z]+/.exec(ref)[0]) c = c * 26 + (ch.charCodeAt(0) - 64);
	return c - 1;
}
/**
 * The first worksheet of an .xlsx as rows [{r, cells, types}] (gaps as '', trailing empty cells
 * dropped); types[i] is the cell's t attribute ('n' for numbers). Also {formulas} count.
 */
function readXlsx(buf) {
	const z = unzip(buf);
	const shared = [];
	const sst = z.get('xl/sharedStrings.xml');
	if (sst) for (const m of sst.toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(tTexts(m[1]));
	const sheetName = z.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : [...z.keys()].find((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k));
	const xml = z.get(sheetName).toString('utf8');
	const rows = [];
	let last = 0;
	for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
		const rAttr = /\br="(\d+)"/.exec(m[1]);
		const r = rAttr ? Number(rAttr[1]) : last + 1;
		last = r;
		const cells = [], types = [];
		let next = 0;
		for (const c of (m[2] || '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const ref = /\br="([A-Z]+)\d+"/.exec(c[1]);
			const col = ref ? colIndex(ref[1]) : next;
			next = col + 1;
			const t = (/\bt="([^"]+)"/.exec(c[1]) || [])[1] || 'n';
			const body = c[2] || '';
			const v = (/<v>([\s\S]*?)<\/v>/.exec(body) || [])[1];
			let val = '';
			if (t === 's') val = shared[Number(v)];
			else if (t === 'inlineStr') val = tTexts(body);
			else if (t === 'b') val = v === '1' ? 'TRUE' : 'FALSE';
			else if (v !== undefined) val = xmlText(v);
			while (cells.length < col) { cells.push(''); types.push(''); }
			cells[col] = val;
			types[col] = t;
		}
		while (cells.length && cells[cells.length - 1] === '') { cells.pop(); types.pop(); }
		rows.push({ r, cells, types });
	}
	return { rows, formulas: (xml.match(/<f[\s>]/g) || []).length, xml };
}

// as Excel writes text: XML escapes, and a CR as _x000D_ (an XML parser turns a literal CR LF into LF)
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '_x000D_');
function colName(i) {
	let s = '';
	for (i += 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
	return s;
}
/**
 * A minimal but real .xlsx: rows of cells — a string (inline or shared, by `shared`), a number, or
 * null (no cell); {num: x} forces a number, {bool: b} a boolean. rowNumbers: the r of each row
 * (default 1, 2, 3, …).
 */
function makeXlsx(rows, { shared = false, rowNumbers } = {}) {
	const sst = [];
	const sidx = new Map();
	const rowsXml = rows
		.map((row, i) => {
			const r = rowNumbers ? rowNumbers[i] : i + 1;
			const cells = row
				.map((v, c) => {
					if (v === null || v === undefined || v === '') return '';
					const ref = `${colName(c)}${r}`;
					if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
					if (typeof v === 'object' && 'num' in v) return `<c r="${ref}"><v>${v.num}</v></c>`;
					if (typeof v === 'object' && 'bool' in v) return `<c r="${ref}" t="b"><v>${v.bool ? 1 : 0}</v></c>`;
					const s = String(v);
					if (shared) {
						if (!sidx.has(s)) { sidx.set(s, sst.length); sst.push(s); }
						return `<c r="${ref}" t="s"><v>${sidx.get(s)}</v></c>`;
					}
					return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(s)}</t></is></c>`;
				})
				.join('');
			return `<row r="${r}">${cells}</row>`;
		})
		.join('');
	const entries = [
		{
			name: '[Content_Types].xml',
			data:
				'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
				'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
				'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
				(shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
				'</Types>',
		},
		{
			name: '_rels/.rels',
			data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
		},
		{
			name: 'xl/workbook.xml',
			data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			data:
				'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
				(shared ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : '') +
				'</Relationships>',
		},
		{
			name: 'xl/worksheets/sheet1.xml',
			data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`,
		},
	];
	if (shared) {
		entries.push({
			name: 'xl/sharedStrings.xml',
			data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
		});
	}
	return zipStore(entries);
}

/* ---------------------------------------------------------------- helpers ---- */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
/** What a CSV export writes for a formula-looking text (a leading apostrophe). */
const neutral = (s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const FESTIVAL_LABEL = {
	spring_festival: '春节',
	lantern: '元宵',
	qingming: '清明',
	dragon_boat: '端午',
	qixi: '七夕',
	mid_autumn: '中秋',
	double_ninth: '重阳',
};
const LABELS = {
	activities: ['单位名称', '活动日期', '活动名称', '活动类型', '节日', '活动地点', '共建对象', '方式', '参与人数', '活动内容'],
	volunteers: ['单位名称', '姓名', '性别', '联系电话', '志愿服务平台编号', '加入日期', '状态', '退出日期', '备注'],
	hours: ['单位名称', '活动日期', '活动名称', '志愿者姓名', '联系电话', '服务时长（小时）'],
};
const KEYS = {
	activities: ['unit', 'activity_date', 'title', 'type', 'festival', 'place', 'partner', 'role', 'participants', 'description'],
	volunteers: ['unit', 'name', 'gender', 'phone', 'platform_id', 'joined_date', 'status', 'left_date', 'remark'],
	hours: ['unit', 'activity_date', 'activity_title', 'name', 'phone', 'hours'],
};
const REQUIRED = {
	activities: ['unit', 'activity_date', 'title', 'type'],
	volunteers: ['unit', 'name'],
	hours: ['unit', 'activity_date', 'activity_title', 'name', 'hours'],
};
/* '单位名称' etc. in GBK: 单 B5A5 位 CEBB 名 C3FB 称 B3C6 */
const GBK_UNIT_NAME = Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6]);

/** An HTTP exchange over a raw socket (for a Content-Length announced but never sent). */
function rawHttp(port, head, body) {
	return new Promise((resolve, reject) => {
		const sock = net.connect(port, '127.0.0.1');
		const chunks = [];
		let done = false;
		const finish = () => {
			if (done) return;
			const buf = Buffer.concat(chunks);
			const sep = buf.indexOf('\r\n\r\n');
			if (sep < 0) return;
			const lines = buf.subarray(0, sep).toString('latin1').split('\r\n');
			const headers = {};
			for (const l of lines.slice(1)) {
				const i = l.indexOf(':');
				headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
			}
			const rest = buf.subarray(sep + 4);
			const want = Number(headers['content-length'] ?? NaN);
			if (Number.isFinite(want) && rest.length < want) return;
			done = true;
			sock.destroy();
			resolve({ status: Number(lines[0].split(' ')[1]), headers, body: rest });
		};
		sock.on('data', (d) => {
			chunks.push(d);
			finish();
		});
		sock.on('end', finish);
		sock.on('close', () => {
			finish();
			if (!done) reject(new Error(`connection closed without a whole answer: ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`));
		});
		sock.on('error', () => {});
		sock.write(head);
		if (body) sock.write(body);
	});
}

/* ---------------------------------------------------------------- the suite ---- */

describe('imports and exports', () => {
	let srv, admin, liaison, leader, assessor;
	let U1, U2, OWN, P, PV;
	const M = '导' + randomBytes(3).toString('hex'); // marks everything made here

	/** POSTs a file to /api/v1/imports/{kind}[/preview] (the body is the file itself). */
	function send(client, kind, file, { preview = false, mapping, dryRun = false, csrf = true, type } = {}) {
		const q = [];
		if (mapping !== undefined) q.push('mapping=' + encodeURIComponent(typeof mapping === 'string' ? mapping : JSON.stringify(mapping)));
		if (dryRun) q.push('dry_run=1');
		const url = `/api/v1/imports/${kind}${preview ? '/preview' : ''}${q.length ? '?' + q.join('&') : ''}`;
		const isZip = file.length >= 2 && file[0] === 0x50 && file[1] === 0x4b;
		return client.post(url, undefined, { rawBody: file, contentType: type ?? (isZip ? XLSX_TYPE : 'text/csv'), csrf });
	}

	/** The audit rows written by the request that answered r. */
	function entriesOf(r) {
		const rid = r.headers.get('x-request-id');
		assert.match(rid || '', /^[0-9a-f]{8,}$/, 'X-Request-Id header');
		return srv.db
			.query(`SELECT actor_name, action, entity, entity_id, region_code, before_json, after_json FROM audit_log WHERE request_id = '${rid}' ORDER BY id`)
			.map(([actorName, action, entity, entityId, region, b, a]) => ({
				actorName,
				action,
				entity,
				entityId,
				region,
				before: b === null ? null : JSON.parse(b),
				after: a === null ? null : JSON.parse(a),
			}));
	}

	/** Everything an import can write, as read from the database. */
	function state() {
		return srv.db.queryMany([
			'SELECT count(*) AS n, max(id) AS m, sum(version) AS v FROM activities',
			'SELECT count(*) AS n, max(id) AS m, sum(version) AS v FROM volunteers',
			'SELECT count(*) AS n, coalesce(sum(minutes), 0) AS s FROM activity_volunteers',
			'SELECT count(*) AS n, max(id) AS m FROM audit_log',
		]);
	}

	/** Sends the file; asserts the status / code / field, a Chinese message and no change. */
	async function rejects(client, kind, file, { status = 400, code, field, ...opts } = {}) {
		const before = state();
		const r = await send(client, kind, file, opts);
		const what = `${opts.preview ? 'preview' : 'import'} ${kind} ${file.subarray(0, 60).toString('utf8')}`;
		assert.equal(r.status, status, `${what}: ${r.status} ${r.text.slice(0, 400)}`);
		assert.equal(typeof r.body, 'object', `${what}: JSON body`);
		if (code) assert.equal(r.body.error.code, code, `${what}: ${JSON.stringify(r.body)}`);
		if (field !== undefined) assert.equal(r.body.error.field ?? null, field, `${what}: ${JSON.stringify(r.body)}`);
		assert.ok(/[\u4e00-\u9fff]/.test(r.body.error.message), `${what}: Chinese message`);
		assert.deepEqual(state(), before, `${what}: the database changed`);
		return r;
	}

	async function listQ(client, p) {
		const items = await listAll(client, p);
		return items;
	}

	before(async () => {
		srv = await startServer();
		[admin, liaison, leader, assessor] = await Promise.all(['admin', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)));
		U1 = await createUnit(admin, { name: uniqueName(M + '单位甲'), staff_count: 120, contact_name: '王晓梅', contact_phone: '0477-4651001', address: '薛家湾镇"南环路"1号' });
		U2 = await createUnit(admin, { name: uniqueName(M + '单位乙') });
		const own = await admin.get(`/api/v1/units/${liaison.user.unit_id}`);
		assert.equal(own.status, 200, JSON.stringify(own.body));
		OWN = own.body;
		let r = await admin.post('/api/v1/partners', { kind: 'community', name: `${M}迎宾社区`, region_code: '150622', households: 321, population: 1200, remark: '-备注以减号开头' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		P = r.body;
		r = await admin.post('/api/v1/partners', { kind: 'village', name: `=${M}嘎查`, region_code: '150622', contact_name: '巴特尔', contact_phone: '13900000000' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		PV = r.body;
	});
	after(async () => {
		await srv?.stop();
	});

	/* ================================================================ kinds, templates ==== */

	it('GET /api/v1/imports lists the three kinds with their fields (admin and unit liaison)', async () => {
		for (const c of [admin, liaison]) {
			const r = await c.get('/api/v1/imports');
			assert.equal(r.status, 200, JSON.stringify(r.body));
			assert.equal(r.body.max_rows, 1048575);
			// these three first (other ledgers are importable too; their own tests cover them)
			assert.deepEqual(r.body.items.slice(0, 3).map((k) => k.kind), ['activities', 'volunteers', 'hours']);
			assert.deepEqual(r.body.items.slice(0, 3).map((k) => k.label), ['活动记录', '志愿者名册', '志愿服务时长']);
			assert.equal(new Set(r.body.items.map((k) => k.kind)).size, r.body.items.length, 'kinds are unique');
			for (const k of r.body.items.slice(0, 3)) {
				assert.deepEqual(k.fields.map((f) => f.key), KEYS[k.kind]);
				assert.deepEqual(k.fields.map((f) => f.label), LABELS[k.kind]);
				assert.deepEqual(k.fields.filter((f) => f.required).map((f) => f.key), REQUIRED[k.kind]);
				for (const f of k.fields) assert.equal(typeof f.example, 'string');
			}
		}
	});

	for (const kind of ['activities', 'volunteers', 'hours']) {
		it(`${kind} template: xlsx (PK, header = labels, an example row) and csv (BOM, header = labels)`, async () => {
			const kinds = (await admin.get('/api/v1/imports')).body.items;
			const fields = kinds.find((k) => k.kind === kind).fields;
			const label = kinds.find((k) => k.kind === kind).label;
			const examples = fields.map((f) => f.example);
			while (examples.length && examples[examples.length - 1] === '') examples.pop();

			for (const url of [`/api/v1/imports/${kind}/template`, `/api/v1/imports/${kind}/template?format=xlsx`]) {
				const x = await admin.get(url);
				assert.equal(x.status, 200, x.text.slice(0, 200));
				assert.equal(x.headers.get('content-type'), XLSX_TYPE);
				assert.equal(
					x.headers.get('content-disposition'),
					`attachment; filename="${kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(label + '导入模板.xlsx')}`,
				);
				assert.equal(x.raw.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
				const sheet = readXlsx(x.raw);
				assert.equal(sheet.formulas, 0);
				assert.deepEqual(sheet.rows.map((row) => row.r), [1, 2]);
				assert.deepEqual(sheet.rows[0].cells, LABELS[kind]);
				assert.deepEqual(sheet.rows[1].cells, examples);
			}
			const c = await admin.get(`/api/v1/imports/${kind}/template?format=csv`);
			assert.equal(c.status, 200);
			assert.match(c.headers.get('content-type'), /^text\/csv/);
			assert.match(c.headers.get('content-disposition'), new RegExp(`filename="${kind}-template\\.csv"`));
			assert.deepEqual([...c.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
			const rows = parseCsv(c.text);
			assert.deepEqual(rows[0], LABELS[kind]);
			assert.deepEqual(rows[1], fields.map((f) => f.example));
			assert.equal(rows.length, 2);
			// the liaison gets the same template
			assert.equal((await liaison.get(`/api/v1/imports/${kind}/template?format=csv`)).text, c.text);
		});
	}

	it('template: an invalid format → 400 invalid_format; an unknown kind → 404', async () => {
		let r = await admin.get('/api/v1/imports/activities/template?format=xls');
		assert.equal(r.status, 400);
		assert.equal(r.body.error.code, 'invalid_format');
		assert.equal(r.body.error.field, 'format');
		r = await admin.get('/api/v1/imports/no_such_kind/template');
		assert.equal(r.status, 404);
		assert.equal(r.body.error.code, 'not_found');
		r = await send(admin, 'no_such_kind', toCsv([['a']]), { preview: true });
		assert.equal(r.status, 404);
		r = await send(admin, 'nope', toCsv([['a']]));
		assert.equal(r.status, 404);
	});

	it('the activities and volunteers templates import as they are (dry run: one row)', async () => {
		for (const kind of ['activities', 'volunteers']) {
			for (const format of ['xlsx', 'csv']) {
				const t = await admin.get(`/api/v1/imports/${kind}/template?format=${format}`);
				const before = state();
				const r = await send(admin, kind, t.raw, { dryRun: true });
				assert.equal(r.status, 200, `${kind} ${format}: ${JSON.stringify(r.body)}`);
				assert.deepEqual(r.body, { dry_run: true, rows: 1, format });
				assert.deepEqual(state(), before, 'a dry run writes nothing');
				assert.deepEqual(entriesOf(r), [], 'a dry run is not audited');
			}
		}
	});

	/* ================================================================ preview ==== */

	it('preview: the file headers (marks removed), the suggested mapping, rows, a sample of 5 with row numbers, nothing missing', async () => {
		const rows = [
			['单位名称（必填）', ' 活动日期* ', '名称', '类型', '地点', '备注列', '人数'],
			...Array.from({ length: 7 }, (_, i) => [U1.name, `2026-03-0${i + 1}`, `${M}预览${i}`, '学雷锋', '社区', '', String(i)]),
		];
		// a blank line and a row of empty cells are not data rows
		const csv = Buffer.concat([toCsv(rows.slice(0, 3)), Buffer.from('\r\n,,,\r\n'), toCsv(rows.slice(3), { bom: false })]);
		const before = state();
		const r = await send(admin, 'activities', csv, { preview: true });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.deepEqual(state(), before, 'a preview writes nothing');
		const b = r.body;
		assert.equal(b.kind, 'activities');
		assert.equal(b.format, 'csv');
		assert.deepEqual(b.headers, ['单位名称', '活动日期', '名称', '类型', '地点', '备注列', '人数']);
		assert.equal(b.header_row, 1);
		assert.deepEqual(b.mapping, {
			unit: 0,
			activity_date: 1,
			title: 2,
			type: 3,
			festival: null,
			place: 4,
			partner: null,
			role: null,
			participants: 6,
			description: null,
		});
		assert.deepEqual(b.fields.map((f) => f.key), KEYS.activities);
		assert.equal(b.rows, 7);
		assert.equal(b.sample.length, 5);
		assert.deepEqual(b.sample.map((s) => s.row), [2, 3, 6, 7, 8]);
		assert.deepEqual(b.sample[0].cells, rows[1]);
		assert.deepEqual(b.sample[2].cells, rows[3]);
		assert.equal(b.missing, null);
	});

	it('preview: missing required columns are named; a header row below blank rows; an .xlsx', async () => {
		let r = await send(admin, 'activities', toCsv([['单位名称', '活动名称', '地点'], ['x', 'y', 'z']]), { preview: true });
		assert.equal(r.status, 200);
		assert.equal(r.body.missing, '缺少必填列：活动日期、活动类型');
		assert.equal(r.body.mapping.activity_date, null);
		assert.equal(r.body.mapping.place, 2);

		r = await send(admin, 'hours', toCsv([['单位', '日期', '活动主题', '姓名', '手机号', '时长'], ['a', 'b', 'c', 'd', 'e', 'f']]), { preview: true });
		assert.equal(r.status, 200);
		assert.deepEqual(r.body.mapping, { unit: 0, activity_date: 1, activity_title: 2, name: 3, phone: 4, hours: 5 }, 'aliases');
		assert.equal(r.body.missing, null);

		const x = makeXlsx(
			[
				['姓名', null, '性别', '注册日期'],
				['王一', null, '男', { num: 46086 }],
				[null, null, null, null],
				['李二', '多余', { bool: true }, '2026/3/5'],
			],
			{ shared: true, rowNumbers: [3, 4, 9, 12] },
		);
		r = await send(admin, 'volunteers', x, { preview: true });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.equal(r.body.format, 'xlsx');
		assert.equal(r.body.header_row, 3);
		assert.deepEqual(r.body.headers, ['姓名', '', '性别', '注册日期']);
		assert.deepEqual(r.body.mapping, { unit: null, name: 0, gender: 2, phone: null, platform_id: null, joined_date: 3, status: null, left_date: null, remark: null });
		assert.equal(r.body.rows, 2);
		assert.deepEqual(r.body.sample, [
			{ row: 4, cells: ['王一', '', '男', '46086'] },
			{ row: 12, cells: ['李二', '多余', 'TRUE', '2026/3/5'] },
		]);
		assert.equal(r.body.missing, '缺少必填列：单位名称');

		// a mapping given to the preview is applied there
		r = await send(admin, 'volunteers', x, { preview: true, mapping: { unit: 1, gender: null } });
		assert.equal(r.status, 200);
		assert.equal(r.body.mapping.unit, 1);
		assert.equal(r.body.mapping.gender, null);
		assert.equal(r.body.missing, null);
	});

	it('preview: a header cut inside a character (over 255 bytes) is still valid UTF-8, the columns stay in place', async () => {
		const long = 'x' + '很长的表头'.repeat(20); // 301 bytes: the cut falls inside a character
		const r = await send(admin, 'activities', toCsv([['单位名称', long, '活动日期', '活动名称', '活动类型'], ['a', 'b', 'c', 'd', 'e']]), { preview: true });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.body.headers.length, 5);
		assert.ok(long.startsWith(r.body.headers[1]) && r.body.headers[1].length >= 80, r.body.headers[1]);
		assert.equal(r.body.headers[2], '活动日期');
		assert.equal(r.body.mapping.activity_date, 2);
	});

	/* ================================================================ activities ==== */

	const actHeader = ['单位名称（必填）', '活动日期*', '活动名称', '活动类型', '节日', '活动地点', '共建对象', '方式', '参与人数', '活动内容'];
	let actCsv; // the imported file
	const actWant = []; // what the list answers for it

	it('activities: a CSV with every field and date form → 201; the list answers every field as written; one audit entry', async () => {
		const t = (i) => `${M}活动${i}`;
		const rows = [
			[U1.name, '2026-03-05', t(0), '学雷锋', '', '薛家湾镇利民社区', '', '主办', '35', '清理楼道杂物，走访慰问独居老人。'],
			[U1.name, '2026/3/6', t(1), '我们的节日', '中秋', '社区广场', P.name, '参与', '1,200', '诵读经典, "共度" 中秋\n第二段'],
			[U1.uscc, '2026.3.7', t(2), 'volunteer_service', '', '', '', '', '', ''],
			[U2.name, '2026年3月8日', t(3), '道德讲堂', '', '', '', 'joined', '12.0', ''],
			[`  ${U2.name}\u3000`, ' 2025/12/31 ', `\u3000${t(4)} `, '其他', '', '', '', '', '0', ''],
			[U1.name, '2024-02-29', t(5), '我们的节日', '端午节', '', PV.name, '主办', '', '=SUM(1,2)'],
		];
		actWant.push(
			{ unit_id: U1.id, activity_date: '2026-03-05', title: t(0), type_code: 'lei_feng', festival: null, place: '薛家湾镇利民社区', partner_id: null, role: 'hosted', participants: 35, description: '清理楼道杂物，走访慰问独居老人。', year: 2026 },
			{ unit_id: U1.id, activity_date: '2026-03-06', title: t(1), type_code: 'our_festivals', festival: 'mid_autumn', place: '社区广场', partner_id: P.id, role: 'joined', participants: 1200, description: '诵读经典, "共度" 中秋\n第二段', year: 2026 },
			{ unit_id: U1.id, activity_date: '2026-03-07', title: t(2), type_code: 'volunteer_service', festival: null, place: '', partner_id: null, role: 'hosted', participants: 0, description: '', year: 2026 },
			{ unit_id: U2.id, activity_date: '2026-03-08', title: t(3), type_code: 'moral_lecture', festival: null, place: '', partner_id: null, role: 'joined', participants: 12, description: '', year: 2026 },
			{ unit_id: U2.id, activity_date: '2025-12-31', title: t(4), type_code: 'other', festival: null, place: '', partner_id: null, role: 'hosted', participants: 0, description: '', year: 2025 },
			{ unit_id: U1.id, activity_date: '2024-02-29', title: t(5), type_code: 'our_festivals', festival: 'dragon_boat', place: '', partner_id: PV.id, role: 'hosted', participants: 0, description: '=SUM(1,2)', year: 2024 },
		);
		actCsv = toCsv([actHeader, ...rows]);
		const before = Number(srv.db.scalar('SELECT count(*) FROM activities'));
		const r = await send(admin, 'activities', actCsv);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.deepEqual(r.body, { kind: 'activities', imported: 6, format: 'csv' });
		assert.equal(Number(srv.db.scalar('SELECT count(*) FROM activities')), before + 6);

		const items = await listQ(admin, `/api/v1/activities?q=${encodeURIComponent(M + '活动')}`);
		assert.equal(items.length, 6);
		for (const w of actWant) {
			const a = items.find((x) => x.title === w.title);
			assert.ok(a, `${w.title} imported`);
			for (const [k, v] of Object.entries(w)) assert.deepEqual(a[k], v, `${w.title}: ${k}`);
			assert.equal(a.unit_name, w.unit_id === U1.id ? U1.name : U2.name);
			assert.equal(a.partner_name, w.partner_id === P.id ? P.name : w.partner_id === PV.id ? PV.name : '');
			assert.equal(a.version, 1);
		}

		const es = entriesOf(r);
		assert.equal(es.length, 1, `one audit entry per import: ${JSON.stringify(es)}`);
		assert.equal(es[0].actorName, 'admin');
		assert.equal(es[0].action, 'import');
		assert.equal(es[0].entity, 'activity');
		assert.equal(es[0].entityId, sha256(actCsv));
		assert.equal(es[0].before, null);
		assert.deepEqual(es[0].after, { kind: 'activities', rows: 6, format: 'csv', sha256: sha256(actCsv) });
	});

	it('activities: an .xlsx with Excel date serials, numbers and shared strings → 201, read back', async () => {
		const x = makeXlsx(
			[
				['单位名称', '活动日期', '活动名称', '活动类型', '参与人数', '活动内容', '节日'],
				[U1.name, { num: 46086 }, `${M}表格0`, '志愿服务', { num: 1200 }, '第一行\r\n第二行'],
				[U1.name, { num: 45000.5 }, `${M}表格1`, '学雷锋', 7, null],
				[U2.name, '2026-03-05 00:00:00', `${M}表格2`, '我们的节日', '', '', '七夕'],
			],
			{ shared: true },
		);
		const r = await send(admin, 'activities', x);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.deepEqual(r.body, { kind: 'activities', imported: 3, format: 'xlsx' });
		const items = await listQ(admin, `/api/v1/activities?q=${encodeURIComponent(M + '表格')}`);
		const by = Object.fromEntries(items.map((a) => [a.title, a]));
		assert.equal(by[`${M}表格0`].activity_date, '2026-03-05');
		assert.equal(by[`${M}表格0`].participants, 1200);
		assert.equal(by[`${M}表格0`].description, '第一行\r\n第二行');
		assert.equal(by[`${M}表格0`].type_code, 'volunteer_service');
		assert.equal(by[`${M}表格1`].activity_date, '2023-03-15');
		assert.equal(by[`${M}表格1`].participants, 7);
		assert.equal(by[`${M}表格2`].activity_date, '2026-03-05');
		assert.equal(by[`${M}表格2`].festival, 'qixi');
		assert.equal(by[`${M}表格2`].unit_id, U2.id);
		const es = entriesOf(r);
		assert.equal(es.length, 1);
		assert.deepEqual(es[0].after, { kind: 'activities', rows: 3, format: 'xlsx', sha256: sha256(x) });
	});

	it('activities: dry_run=1 validates everything and writes nothing (200 {dry_run, rows, format})', async () => {
		const file = toCsv([actHeader, [U1.name, '2026-04-01', `${M}试运行`, '学雷锋', '', '', '', '', '', '']]);
		const before = state();
		let r = await send(admin, 'activities', file, { dryRun: true });
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.deepEqual(r.body, { dry_run: true, rows: 1, format: 'csv' });
		assert.deepEqual(state(), before);
		assert.deepEqual(entriesOf(r), []);
		// dry_run=true too; a bad file still answers its errors
		r = await admin.post(`/api/v1/imports/activities?dry_run=true`, undefined, { rawBody: file, contentType: 'text/csv' });
		assert.equal(r.status, 200);
		r = await send(admin, 'activities', toCsv([actHeader, [U1.name, '2026-02-30', `${M}试运行`, '学雷锋']]), { dryRun: true });
		assert.equal(r.status, 422);
		assert.deepEqual(state(), before);
	});

	it('all or nothing: one bad row among good ones imports nothing; 422 with the exact (row, column, field, message) entries', async () => {
		const h = ['单位名称', '日期', '活动名称', '活动类型', '节日', '活动地点', '共建对象', '方式', '人数', '活动内容'];
		const ok = (i) => [U1.name, '2026-05-01', `${M}原子${i}`, '学雷锋', '', '', '', '', '10', ''];
		const rows = [
			ok(0),
			[U1.name, '2026-02-30', `${M}原子坏1`, '学雷锋', '', '', '', '', '', ''], // 3: not a real date
			ok(1),
			[U1.name, '2026-05-01', `${M}原子坏2`, '不存在的类型', '', '', '', '', '', ''], // 5
			[U1.name, '2026-05-01', `${M}原子坏3`, '学雷锋', '', '', '', '', '12.5', ''], // 6
			['不存在的单位' + M, '2026-05-01', `${M}原子坏4`, '学雷锋', '', '', '', '', '', ''], // 7
			[U1.name, '2026-05-01', `${M}原子坏5`, '学雷锋', '中秋', '', '', '', '', ''], // 8: a festival for another type
			[U1.name, '2026-05-01', `${M}原子坏6`, '学雷锋', '', '', '', '协办', '', ''], // 9
			[U1.name, '2026-05-01', '短', '学雷锋', '', '', '', '', '', ''], // 10: a one-character title
			[U1.name, '2025-02-29', `${M}原子坏8`, '其他类型', '', '', '', '', '', ''], // 11: two errors
			['', '2026-05-01', `${M}原子坏9`, '学雷锋', '', '', '', '', '', ''], // 12: no unit (an admin)
			[U1.name, '2026-05-01', `${M}原子坏10`, '我们的节日', '', '', '', '', '', ''], // 13: our festivals without one
			[U1.name, '2026-05-01', `${M}原子坏11`, '学雷锋', '', '', `${M}不存在社区`, '', '', ''], // 14
			[U1.name, '2026-05-01', `${M}原子坏12`, '学雷锋', '除夕', '', '', '', '-1', ''], // 15
			[U1.name, '二〇二六年五月一日这一格写得很长很长很长', `${M}原子坏13`, '学雷锋', '', '', '', '', '', ''], // 16: cut inside a character in the message
			ok(2),
		];
		const r = await rejects(admin, 'activities', toCsv([h, ...rows]), { status: 422, code: 'import_invalid' });
		assert.equal(r.body.rows, rows.length);
		assert.match(r.body.error.message, /^共\d+处错误，未导入任何数据/);
		const e = (row, column, field, message) => ({ row, column, field, message });
		const want = [
			e(3, '日期', 'activity_date', '“2026-02-30”不是有效日期，请写成 2026-03-05 这样的格式'),
			e(5, '活动类型', 'type', '活动类型“不存在的类型”不在活动类型字典中'),
			e(6, '人数', 'participants', '“12.5”应为0到1000000之间的整数'),
			e(7, '单位名称', 'unit', `找不到单位“不存在的单位${M}”，或不在您的管辖范围内`),
			e(8, '节日', 'festival', '只有“我们的节日”活动可以选择节日'),
			e(9, '方式', 'role', '方式应为“主办”或“参与”'),
			e(10, '活动名称', 'title', '活动名称至少2个字'),
			e(11, '日期', 'activity_date', '“2025-02-29”不是有效日期，请写成 2026-03-05 这样的格式'),
			e(11, '活动类型', 'type', '活动类型“其他类型”不在活动类型字典中'),
			e(12, '单位名称', 'unit', '请填写单位名称'),
			e(13, '节日', 'festival', '“我们的节日”活动须选择节日'),
			e(14, '共建对象', 'partner', `找不到共建对象“${M}不存在社区”，或不在您的管辖范围内`),
			e(15, '节日', 'festival', '节日无效，可选春节、元宵、清明、端午、七夕、中秋、重阳'),
			e(15, '人数', 'participants', '“-1”应为0到1000000之间的整数'),
		];
		assert.deepEqual(r.body.errors.slice(0, want.length), want);
		// the long cell is quoted cut at a character boundary, never as broken UTF-8 (and never lost)
		assert.equal(r.body.errors.length, want.length + 1, JSON.stringify(r.body.errors.slice(want.length)));
		const last = r.body.errors[want.length];
		assert.equal(last.row, 16);
		assert.equal(last.field, 'activity_date');
		assert.match(last.message, /^“二〇二六年五月一日这一格.*”不是有效日期/);
		assert.equal(r.body.error_count, r.body.errors.length);
		assert.equal((await listQ(admin, `/api/v1/activities?q=${encodeURIComponent(M + '原子')}`)).length, 0, 'nothing imported');
	});

	it('all or nothing: 250 bad rows → the first 200 errors, error_count 250', async () => {
		const rows = Array.from({ length: 250 }, (_, i) => [U1.name, '2026-13-01', `${M}多错${i}`, '学雷锋']);
		const r = await rejects(admin, 'activities', toCsv([['单位名称', '活动日期', '活动名称', '活动类型'], ...rows]), { status: 422, code: 'import_invalid' });
		assert.equal(r.body.errors.length, 200);
		assert.equal(r.body.error_count, 250);
		assert.equal(r.body.rows, 250);
		assert.deepEqual(r.body.errors.map((x) => x.row), Array.from({ length: 200 }, (_, i) => i + 2));
	});

	it('an explicit mapping: renamed and reordered columns; a mapped-out column is ignored', async () => {
		const h = ['类别', '组织', '日期（活动）', '主题名称', '人数（人）', '节日'];
		const rows = [
			['学雷锋', U1.name, '2026-06-01', `${M}映射0`, '1,200', '不是节日'],
			['志愿服务', U2.name, '2026/6/2', `${M}映射1`, '', ''],
		];
		const file = toCsv([h, ...rows]);
		let r = await send(admin, 'activities', file, { preview: true });
		assert.equal(r.status, 200);
		assert.equal(r.body.missing, '缺少必填列：单位名称、活动日期、活动名称、活动类型');
		r = await rejects(admin, 'activities', file, { code: 'mapping_incomplete', field: 'mapping' });
		assert.equal(r.body.error.message, '缺少必填列：单位名称、活动日期、活动名称、活动类型');
		// the festival column is matched by its header: mapped out, its junk is ignored
		const mapping = { type: 0, unit: 1, activity_date: 2, title: 3, participants: 4, festival: null };
		r = await rejects(admin, 'activities', file, { status: 422, mapping: { ...mapping, festival: 5 } });
		assert.deepEqual(r.body.errors, [{ row: 2, column: '节日', field: 'festival', message: '节日无效，可选春节、元宵、清明、端午、七夕、中秋、重阳' }]);
		r = await send(admin, 'activities', file, { mapping });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.imported, 2);
		const items = await listQ(admin, `/api/v1/activities?q=${encodeURIComponent(M + '映射')}`);
		const by = Object.fromEntries(items.map((a) => [a.title, a]));
		assert.equal(by[`${M}映射0`].unit_id, U1.id);
		assert.equal(by[`${M}映射0`].type_code, 'lei_feng');
		assert.equal(by[`${M}映射0`].participants, 1200);
		assert.equal(by[`${M}映射0`].festival, null);
		assert.equal(by[`${M}映射1`].unit_id, U2.id);
		assert.equal(by[`${M}映射1`].activity_date, '2026-06-02');
		assert.equal(by[`${M}映射1`].type_code, 'volunteer_service');
		// errors name the file's own header
		r = await rejects(admin, 'activities', toCsv([h, ['学雷锋', U1.name, '2026-06-31', `${M}映射2`]]), { status: 422, mapping });
		assert.deepEqual(r.body.errors, [{ row: 2, column: '日期（活动）', field: 'activity_date', message: '“2026-06-31”不是有效日期，请写成 2026-03-05 这样的格式' }]);
	});

	it('invalid mappings → 400 invalid_mapping (field mapping)', async () => {
		const file = toCsv([['单位名称', '活动日期', '活动名称', '活动类型'], [U1.name, '2026-06-01', `${M}坏映射`, '学雷锋']]);
		for (const mapping of ['not json', '[0,1]', '"x"', '{"nope":0}', '{"title":4}', '{"title":-1}', '{"title":"2"}', '{"title":1.5}', '{"title":true}', '{']) {
			for (const preview of [false, true]) {
				const r = await rejects(admin, 'activities', file, { code: 'invalid_mapping', field: 'mapping', mapping, preview });
				assert.ok(r.body.error.message.length > 0, mapping);
			}
		}
	});

	/* ================================================================ 400 codes ==== */

	it('broken files → 400 csv (with "row N"), encoding, xlsx, empty_file, empty_import', async () => {
		const head = '单位名称,活动日期,活动名称,活动类型\r\n';
		const cases = [
			[Buffer.from(head + `${U1.name},2026-03-05,"未闭合,学雷锋\r\n${U1.name},2026-03-05,x,学雷锋\r\n`), 'csv', 'row 2'],
			[Buffer.from(head + 'a,2026-03-05,"b"c,学雷锋\r\n'), 'csv', 'row 2'],
			[Buffer.from(head + `${U1.name},2026-03-05,ab"c,学雷锋\r\n`), 'csv', 'row 2'],
			[Buffer.from(head + `\r\n\r\n${U1.name},2026-03-05,ab"c,学雷锋\r\n`), 'csv', 'row 4'],
			[Buffer.from('"单位名称"x,活动日期\r\n'), 'csv', 'row 1'],
			[Buffer.concat([GBK_UNIT_NAME, Buffer.from(',活动日期,活动名称,活动类型\r\n')]), 'encoding', 'row 1'],
			[Buffer.concat([Buffer.from(head + 'a,2026-03-05,'), GBK_UNIT_NAME, Buffer.from(',学雷锋\r\n')]), 'encoding', 'row 2'],
			[Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('单位名称,活动日期\r\n', 'utf16le')]), 'encoding', null],
			[Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('单位名称', 'utf16le').swap16()]), 'encoding', null],
			[Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(200)]), 'xlsx', null],
			[zipStore([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]), 'xlsx', null],
			[
				zipStore([
					{
						name: 'xl/worksheets/sheet1.xml',
						data:
							'<worksheet><sheetData><row r="1">' +
							LABELS.activities.slice(0, 4).map((l, i) => `<c r="${'ABCD'[i]}1" t="inlineStr"><is><t>${l}</t></is></c>`).join('') +
							'</row><row r="2"><c r="A2"',
					},
				]),
				'xlsx',
				'row 2',
			],
			[zipStore([{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData></worksheet>' }]), 'xlsx', 'row 1'],
			[Buffer.alloc(0), 'empty_file', 'file'],
			[Buffer.from('\r\n\n\r\n'), 'empty_file', 'file'],
			[Buffer.from('\ufeff,,,\r\n,,\r\n'), 'empty_file', 'file'],
			[makeXlsx([]), 'empty_file', 'file'],
		];
		assert.equal(new TextDecoder('gbk').decode(GBK_UNIT_NAME), '单位名称', 'the GBK bytes');
		for (const [file, code, field] of cases) {
			for (const preview of [true, false]) {
				await rejects(admin, 'activities', file, { code, field, preview });
			}
		}
		// the header only: a preview shows no rows; an import is refused
		const only = Buffer.from('\ufeff' + head);
		const r = await send(admin, 'activities', only, { preview: true });
		assert.equal(r.status, 200);
		assert.equal(r.body.rows, 0);
		assert.deepEqual(r.body.sample, []);
		await rejects(admin, 'activities', only, { code: 'empty_import', field: 'file' });
		await rejects(admin, 'activities', Buffer.from(head + ',,,\r\n,,,,,,\r\n'), { code: 'empty_import', field: 'file' });
		await rejects(admin, 'volunteers', makeXlsx([LABELS.volunteers]), { code: 'empty_import', field: 'file' });
		// a required column missing
		await rejects(admin, 'activities', Buffer.from('单位名称,活动日期,活动名称\r\na,b,c\r\n'), { code: 'mapping_incomplete', field: 'mapping' });
	});

	it('1,048,575 data rows are read to the end (422); one more → 400 too_many_rows; nothing written', async () => {
		const head = Buffer.from('单位名称,活动日期,活动名称,活动类型\n');
		const line = Buffer.from(',1,ab,x\n'); // every row invalid: nothing is written while reading
		const body = (n) => Buffer.concat([head, Buffer.alloc(n * line.length, line)]);
		let r = await rejects(admin, 'activities', body(1048575), { status: 422, code: 'import_invalid' });
		assert.equal(r.body.rows, 1048575);
		assert.equal(r.body.errors.length, 200);
		assert.equal(r.body.error_count, 3 * 1048575);
		r = await rejects(admin, 'activities', body(1048576), { code: 'too_many_rows' });
		assert.match(r.body.error.message, /1,048,575/);
	});

	/* ================================================================ volunteers, hours ==== */

	it('volunteers: every field (aliases in the header) → 201, read back through the list', async () => {
		const h = ['单位名称', '姓名', '性别', '手机号码', '平台编号', '注册日期', '状态', '退出日期', '备注'];
		const rows = [
			[U1.name, `${M}王晓梅`, '女', '13847700000', 'NM2017000001', '2021-03-05', '在册', '', '备注一，有逗号'],
			[U1.name, `${M}李强`, '男', '138 4770 0001', '', '2021/3/6', '已退出', '2024年1月2日', ''],
			[U1.name, `${M}张三`, '', '', '', '', '', '', ''],
			[U2.name, `${M}其木格`, 'female', '0477-4651001', 'NM2', '44927', 'left', '2025.1.1', '=1+1'],
		];
		const file = toCsv([h, ...rows]);
		const r = await send(admin, 'volunteers', file);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.deepEqual(r.body, { kind: 'volunteers', imported: 4, format: 'csv' });
		const items = await listQ(admin, `/api/v1/volunteers?q=${encodeURIComponent(M)}`);
		const by = Object.fromEntries(items.map((v) => [v.name, v]));
		const want = {
			[`${M}王晓梅`]: { unit_id: U1.id, gender: 'female', phone: '13847700000', platform_id: 'NM2017000001', joined_date: '2021-03-05', status: 'active', left_date: null, remark: '备注一，有逗号' },
			[`${M}李强`]: { unit_id: U1.id, gender: 'male', phone: '138 4770 0001', platform_id: '', joined_date: '2021-03-06', status: 'left', left_date: '2024-01-02', remark: '' },
			[`${M}张三`]: { unit_id: U1.id, gender: '', phone: '', platform_id: '', joined_date: null, status: 'active', left_date: null, remark: '' },
			[`${M}其木格`]: { unit_id: U2.id, gender: 'female', phone: '0477-4651001', platform_id: 'NM2', joined_date: '2023-01-01', status: 'left', left_date: '2025-01-01', remark: '=1+1' },
		};
		assert.equal(items.length, 4);
		for (const [name, w] of Object.entries(want)) {
			assert.ok(by[name], name);
			for (const [k, v] of Object.entries(w)) assert.deepEqual(by[name][k], v, `${name}: ${k}`);
			assert.equal(by[name].service_minutes, 0);
		}
		const es = entriesOf(r);
		assert.equal(es.length, 1);
		assert.equal(es[0].action, 'import');
		assert.equal(es[0].entity, 'volunteer');
		assert.deepEqual(es[0].after, { kind: 'volunteers', rows: 4, format: 'csv', sha256: sha256(file) });
	});

	it('volunteers: bad rows → 422 with their entries, nothing written', async () => {
		const h = ['单位名称', '姓名', '性别', '联系电话', '志愿服务平台编号', '加入日期', '状态', '退出日期', '备注'];
		const rows = [
			[U1.name, `${M}好人`, '男', '', '', '', '', '', ''],
			[U1.name, `${M}甲`, '未知', '', '', '', '', '', ''],
			[U1.name, `${M}乙`, '', '', '', '', '休假', '', ''],
			[U1.name, `${M}丙`, '', '', '', '', '已退出', '', ''],
			[U1.name, `${M}丁`, '', 'abc', '', '', '', '', ''],
			[U1.name, `${M}戊`, '', '', '', '2021-02-30', '', '', ''],
			[U1.name, `${M}己`, '', '', '', '', '在册', '2024-01-01', ''],
			[U1.name, '', '女', '', '', '', '', '', ''],
		];
		const r = await rejects(admin, 'volunteers', toCsv([h, ...rows]), { status: 422 });
		assert.deepEqual(r.body.errors, [
			{ row: 3, column: '性别', field: 'gender', message: '性别应为“男”或“女”' },
			{ row: 4, column: '状态', field: 'status', message: '状态应为“在册”或“已退出”' },
			{ row: 5, column: '退出日期', field: 'left_date', message: '已退出的志愿者须填写退出日期' },
			{ row: 6, column: '联系电话', field: 'phone', message: '联系电话只能包含数字、空格和 - +' },
			{ row: 7, column: '加入日期', field: 'joined_date', message: '“2021-02-30”不是有效日期，请写成 2026-03-05 这样的格式' },
			{ row: 8, column: '退出日期', field: 'left_date', message: '在册志愿者不能有退出日期' },
			{ row: 9, column: '姓名', field: 'name', message: '请填写姓名' },
		]);
		assert.equal(r.body.rows, 8);
	});

	it('hours: who served in which activity → 201; the served lists and the volunteers’ totals read back; re-import updates', async () => {
		const act = Object.fromEntries((await listQ(admin, `/api/v1/activities?unit_id=${U1.id}&q=${encodeURIComponent(M + '活动')}`)).map((a) => [a.title, a]));
		const a0 = act[`${M}活动0`]; // 2026-03-05
		const a1 = act[`${M}活动1`]; // 2026-03-06
		assert.ok(a0 && a1);
		const h = ['单位名称', '活动日期', '活动名称', '志愿者姓名', '联系电话', '服务时长（小时）'];
		const rows = [
			[U1.name, '2026-03-05', a0.title, `${M}王晓梅`, '', '2.5'],
			[U1.name, '2026/3/5', a0.title, `${M}李强`, '13847700001', '1.5'],
			[U1.uscc, '2026年3月6日', a1.title, `${M}王晓梅`, '13847700000', '3'],
			[U1.name, '46087', a1.title, `${M}张三`, '', '0.1'],
		];
		const file = toCsv([h, ...rows]);
		const v0 = Number(srv.db.scalar(`SELECT version FROM activities WHERE id = ${a0.id}`));
		let r = await send(admin, 'hours', file);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.deepEqual(r.body, { kind: 'hours', imported: 4, format: 'csv' });
		const served = async (id) => {
			const s = await admin.get(`/api/v1/activities/${id}/volunteers`);
			assert.equal(s.status, 200);
			return Object.fromEntries(s.body.items.map((i) => [i.name, i.minutes]));
		};
		assert.deepEqual(await served(a0.id), { [`${M}王晓梅`]: 150, [`${M}李强`]: 90 });
		assert.deepEqual(await served(a1.id), { [`${M}王晓梅`]: 180, [`${M}张三`]: 6 });
		assert.ok(Number(srv.db.scalar(`SELECT version FROM activities WHERE id = ${a0.id}`)) > v0, 'the activity version moves');
		const vols = Object.fromEntries((await listQ(admin, `/api/v1/volunteers?unit_id=${U1.id}&q=${encodeURIComponent(M)}`)).map((v) => [v.name, v]));
		assert.equal(vols[`${M}王晓梅`].service_minutes, 330);
		assert.equal(vols[`${M}王晓梅`].service_hours, '5.5');
		assert.equal(vols[`${M}李强`].service_minutes, 90);
		let es = entriesOf(r);
		assert.equal(es.length, 1);
		assert.equal(es[0].action, 'import');
		assert.equal(es[0].entity, 'activity');
		assert.deepEqual(es[0].after, { kind: 'hours', rows: 4, format: 'csv', sha256: sha256(file) });

		// the same volunteer and activity again: the time is replaced, not added
		r = await send(admin, 'hours', toCsv([h, [U1.name, '2026-03-05', a0.title, `${M}王晓梅`, '', '4']]));
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.deepEqual(await served(a0.id), { [`${M}王晓梅`]: 240, [`${M}李强`]: 90 });
	});

	it('hours: unknown activities and volunteers, bad hours → 422, nothing written', async () => {
		const act = (await listQ(admin, `/api/v1/activities?unit_id=${U1.id}&q=${encodeURIComponent(M + '活动0')}`))[0];
		const h = ['单位名称', '活动日期', '活动名称', '志愿者姓名', '联系电话', '服务时长（小时）'];
		const rows = [
			[U1.name, '2026-03-05', act.title, `${M}王晓梅`, '', '1'],
			[U1.name, '2026-03-04', act.title, `${M}王晓梅`, '', '1'], // 3: no activity on that day
			[U1.name, '2026-03-05', `${M}没有这个活动`, `${M}王晓梅`, '', '1'],
			[U1.name, '2026-03-05', act.title, `${M}不在名册`, '', '1'],
			[U1.name, '2026-03-05', act.title, `${M}王晓梅`, '13900000000', '1'], // 6: the phone does not match
			[U2.name, '2026-03-05', act.title, `${M}王晓梅`, '', '1'], // 7: another unit's activity
			[U1.name, '2026-03-05', act.title, `${M}王晓梅`, '', '2.55'],
			[U1.name, '2026-03-05', act.title, `${M}王晓梅`, '', '0'],
			[U1.name, '2026-03-05', act.title, `${M}王晓梅`, '', '24.1'],
			[U1.name, '2026-03-05', act.title, `${M}王晓梅`, '', ''],
			[U1.name, '2026-03-05', '', `${M}王晓梅`, '', '1'],
			[U1.name, '2026-03-05', act.title, '', '', '1'],
		];
		const r = await rejects(admin, 'hours', toCsv([h, ...rows]), { status: 422 });
		const hoursMsg = (v) => `“${v}”不是有效的服务时长：应为0.1到24之间、最多一位小数的小时数`;
		assert.deepEqual(r.body.errors, [
			{ row: 3, column: '活动名称', field: 'activity_title', message: `2026-03-04 没有名为“${act.title}”的活动，请先登记活动` },
			{ row: 4, column: '活动名称', field: 'activity_title', message: `2026-03-05 没有名为“${M}没有这个活动”的活动，请先登记活动` },
			{ row: 5, column: '志愿者姓名', field: 'name', message: `“${M}不在名册”不在该单位的志愿者名册中（姓名或电话不符）` },
			{ row: 6, column: '志愿者姓名', field: 'name', message: `“${M}王晓梅”不在该单位的志愿者名册中（姓名或电话不符）` },
			{ row: 7, column: '活动名称', field: 'activity_title', message: `2026-03-05 没有名为“${act.title}”的活动，请先登记活动` },
			{ row: 8, column: '服务时长（小时）', field: 'hours', message: hoursMsg('2.55') },
			{ row: 9, column: '服务时长（小时）', field: 'hours', message: hoursMsg('0') },
			{ row: 10, column: '服务时长（小时）', field: 'hours', message: hoursMsg('24.1') },
			{ row: 11, column: '服务时长（小时）', field: 'hours', message: hoursMsg('') },
			{ row: 12, column: '活动名称', field: 'activity_title', message: '请填写活动名称' },
			{ row: 13, column: '志愿者姓名', field: 'name', message: '请填写志愿者姓名' },
		]);
	});

	/* ================================================================ liaison, roles ==== */

	it('a unit liaison: an empty unit column means their own unit; another unit’s name is an error row', async () => {
		const h = ['单位名称', '活动日期', '活动名称', '活动类型'];
		const file = toCsv([h, ['', '2026-04-01', `${M}联络员0`, '学雷锋'], [OWN.name, '2026-04-02', `${M}联络员1`, '志愿服务'], [OWN.uscc, '2026-04-03', `${M}联络员2`, '其他']]);
		const r = await send(liaison, 'activities', file);
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.imported, 3);
		const items = await listQ(liaison, `/api/v1/activities?q=${encodeURIComponent(M + '联络员')}`);
		assert.equal(items.length, 3);
		for (const a of items) assert.equal(a.unit_id, OWN.id);
		const es = entriesOf(r);
		assert.equal(es.length, 1);
		assert.equal(es[0].actorName, 'liaison');

		const bad = await rejects(liaison, 'activities', toCsv([h, ['', '2026-04-01', `${M}联络员3`, '学雷锋'], [U1.name, '2026-04-01', `${M}联络员4`, '学雷锋']]), { status: 422 });
		assert.deepEqual(bad.body.errors, [{ row: 3, column: '单位名称', field: 'unit', message: `找不到单位“${U1.name}”，或不在您的管辖范围内` }]);

		// volunteers too
		const v = await send(liaison, 'volunteers', toCsv([['姓名', '性别', '单位名称'], [`${M}联络员志愿者`, '男', '']]));
		assert.equal(v.status, 201, JSON.stringify(v.body));
		const vs = await listQ(liaison, `/api/v1/volunteers?q=${encodeURIComponent(M + '联络员志愿者')}`);
		assert.equal(vs.length, 1);
		assert.equal(vs[0].unit_id, OWN.id);
	});

	it('viewer and assessor → 403 on every import route; no CSRF token → 403; no session → 401; nothing written', async () => {
		const file = toCsv([['单位名称', '活动日期', '活动名称', '活动类型'], [U1.name, '2026-04-01', `${M}越权`, '学雷锋']]);
		const before = state();
		for (const c of [leader, assessor]) {
			for (const [method, url] of [
				['GET', '/api/v1/imports'],
				['GET', '/api/v1/imports/activities/template'],
				['POST', '/api/v1/imports/activities/preview'],
				['POST', '/api/v1/imports/activities'],
				['POST', '/api/v1/imports/hours?dry_run=1'],
			]) {
				const r = await c.req(method, url, undefined, method === 'POST' ? { rawBody: file, contentType: 'text/csv' } : {});
				assert.equal(r.status, 403, `${c.user.username} ${method} ${url}: ${r.status}`);
				assert.equal(r.body.error.code, 'forbidden');
			}
		}
		for (const preview of [false, true]) {
			const r = await send(admin, 'activities', file, { csrf: false, preview });
			assert.equal(r.status, 403);
			assert.equal(r.body.error.code, 'csrf');
			const a = await send(srv.anon(), 'activities', file, { preview });
			assert.equal(a.status, 401);
			assert.equal(a.body.error.code, 'unauthenticated');
		}
		for (const url of ['/api/v1/imports', '/api/v1/imports/volunteers/template?format=csv']) {
			assert.equal((await srv.anon().get(url)).status, 401);
		}
		assert.deepEqual(state(), before);
	});

	/* ================================================================ round trip ==== */

	it('an exported .xlsx of the activity list imports back (dry run: the same row count), and so does the CSV', async () => {
		// U1's activities have cells a CSV export neutralises (=SUM(1,2), a partner named =…): the
		// apostrophe it adds would stay in the text, so the CSV round trip uses U2's
		for (const [unit, format] of [[U1, 'xlsx'], [U2, 'xlsx'], [U2, 'csv']]) {
			const total = (await admin.get(`/api/v1/activities?unit_id=${unit.id}&per_page=1`)).body.total;
			assert.ok(total >= 4, `${unit.name} has ${total} activities`);
			const x = await admin.get(`/api/v1/activities?unit_id=${unit.id}&format=${format}`);
			assert.equal(x.status, 200);
			const before = state();
			const r = await send(admin, 'activities', x.raw, { dryRun: true });
			assert.equal(r.status, 200, `${format}: ${JSON.stringify(r.body).slice(0, 1000)}`);
			assert.deepEqual(r.body, { dry_run: true, rows: total, format });
			assert.deepEqual(state(), before);
		}
		// a demo unit's whole year, with partners (an active unit: merged ones take no new rows)
		const unit = (await admin.get(`/api/v1/units?q=${encodeURIComponent('薛家湾供电公司')}`)).body.items.find((u) => u.status === 'active');
		assert.ok(unit, 'the demo unit');
		const n = (await admin.get(`/api/v1/activities?unit_id=${unit.id}&year=2022&per_page=1`)).body.total;
		assert.ok(n > 20, `${n} activities`);
		const x = await admin.get(`/api/v1/activities?unit_id=${unit.id}&year=2022&format=xlsx`);
		const r = await send(admin, 'activities', x.raw, { dryRun: true });
		assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 1000));
		assert.equal(r.body.rows, n);
	});

	/* ================================================================ exports ==== */

	/** The export of url in both formats, checked against the JSON list (expected rows). */
	async function checkExport(url, name, titles, expected, numericCols = []) {
		const sep = url.includes('?') ? '&' : '?';
		const c = await admin.get(`${url}${sep}format=csv`);
		assert.equal(c.status, 200, c.text.slice(0, 300));
		assert.match(c.headers.get('content-type'), /^text\/csv/);
		assert.match(c.headers.get('content-disposition'), new RegExp(`^attachment; filename="${name}\\.csv"; filename\\*=UTF-8''%`));
		assert.deepEqual([...c.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		const csv = parseCsv(c.text);
		assert.deepEqual(csv[0], titles, `${name} csv header`);
		assert.deepEqual(csv.slice(1), expected.map((row) => row.map((v) => neutral(String(v ?? '')))), `${name} csv rows`);

		const x = await admin.get(`${url}${sep}format=xlsx`);
		assert.equal(x.status, 200);
		assert.equal(x.headers.get('content-type'), XLSX_TYPE);
		assert.match(x.headers.get('content-disposition'), new RegExp(`^attachment; filename="${name}\\.xlsx"; filename\\*=UTF-8''%`));
		const sheet = readXlsx(x.raw);
		assert.equal(sheet.formulas, 0, 'no formulas');
		assert.deepEqual(sheet.rows[0].cells, titles, `${name} xlsx header`);
		assert.deepEqual(sheet.rows.map((r) => r.r), sheet.rows.map((_, i) => i + 1));
		const want = expected.map((row) => {
			const out = row.map((v) => String(v ?? ''));
			while (out.length && out[out.length - 1] === '') out.pop();
			return out;
		});
		assert.deepEqual(sheet.rows.slice(1).map((r) => r.cells), want, `${name} xlsx rows`);
		for (const r of sheet.rows.slice(1)) {
			for (const col of numericCols) if (r.cells[col] !== undefined && r.cells[col] !== '') assert.equal(r.types[col], 'n', `${name}: column ${col} is a number`);
			r.types.forEach((t, i) => {
				if (!numericCols.includes(i) && r.cells[i] !== '') assert.ok(t === 'inlineStr' || t === 's', `${name}: column ${i} is text (${t})`);
			});
		}
		return { csv, sheet };
	}

	it('partners export (csv and xlsx) = the JSON list', async () => {
		const url = `/api/v1/partners?q=${encodeURIComponent(M)}`;
		const items = await listQ(admin, url);
		assert.equal(items.length, 2);
		await checkExport(
			url,
			'partners',
			['名称', '类型', '行政区划', '地址', '联系人', '联系电话', '户数', '人口', '结对单位数', '备注'],
			items.map((p) => [p.name, p.kind_label, p.region_name, p.address, p.contact_name, p.contact_phone, p.households, p.population, p.active_pairings, p.remark]),
			[6, 7, 8],
		);
	});

	it('pairings export (csv and xlsx) = the JSON list', async () => {
		let r = await admin.post('/api/v1/pairings', { unit_id: U1.id, partner_id: P.id, kind: 'city_creation', start_date: '2022-03-01', note: '+共建' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		r = await admin.post('/api/v1/pairings', { unit_id: U2.id, partner_id: PV.id, kind: 'rural_revitalization', start_date: '2020-01-01', end_date: '2021-12-31' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		const url = `/api/v1/pairings?q=${encodeURIComponent(M)}`;
		const items = await listQ(admin, url);
		assert.equal(items.length, 2);
		const kindLabel = { community: '社区（小区）', village: '嘎查村' };
		await checkExport(
			url,
			'pairings',
			['单位名称', '共建对象', '对象类型', '结对类型', '开始日期', '结束日期', '状态', '备注'],
			items.map((g) => [g.unit_name, g.partner_name, kindLabel[g.partner_kind], g.kind_label, g.start_date, g.end_date ?? '长期', g.active ? '有效' : '已结束', g.note]),
		);
	});

	it('volunteers export (csv and xlsx) = the JSON list', async () => {
		const url = `/api/v1/volunteers?q=${encodeURIComponent(M)}`;
		const items = await listQ(admin, url);
		assert.ok(items.length >= 4);
		const g = { male: '男', female: '女', '': '' };
		await checkExport(
			url,
			'volunteers',
			['单位名称', '姓名', '性别', '联系电话', '志愿服务平台编号', '加入日期', '状态', '退出日期', '服务时长(小时)', '备注'],
			items.map((v) => [v.unit_name, v.name, g[v.gender], v.phone, v.platform_id, v.joined_date ?? '', v.status === 'left' ? '已退出' : '在册', v.left_date ?? '', v.service_hours, v.remark]),
		);
	});

	it('units export (csv and xlsx) = the JSON list', async () => {
		await awardTitle(admin, U1.id, { level: 'city', tier: 'model', awarded_year: 2024 });
		const url = `/api/v1/units?q=${encodeURIComponent(M)}`;
		const items = await listQ(admin, url);
		assert.equal(items.length, 2);
		const level = { national: '全国', region: '自治区级', city: '市级', banner: '旗级' };
		const tier = { unit: '文明单位', model: '文明单位标兵' };
		const st = { valid: '有效', criticized: '通报批评', yellow_card: '黄牌警告', revoked: '撤销', lapsed: '自行终止' };
		const ust = { active: '正常', merged: '已合并', dissolved: '已撤销' };
		const top = (t) => (t ? `${level[t.level]}${tier[t.tier]}（${st[t.status]}）` : '');
		assert.equal(top(items.find((u) => u.id === U1.id).top_title), '市级文明单位标兵（有效）');
		await checkExport(
			url,
			'units',
			['单位名称', '统一社会信用代码', '单位类别', '行政区划', '最高称号', '职工人数', '状态', '地址', '联系人', '联系电话'],
			items.map((u) => [u.name, u.uscc, u.category_label, u.region_name, top(u.top_title), u.staff_count, ust[u.status], u.address, u.contact_name, u.contact_phone]),
			[5],
		);
	});

	it('titles export (csv and xlsx) = the JSON list', async () => {
		await awardTitle(admin, U2.id, { level: 'banner', tier: 'unit', awarded_year: 2023, doc_no: '-1号' });
		const url = `/api/v1/titles?q=${encodeURIComponent(M)}`;
		const items = await listQ(admin, url);
		assert.equal(items.length, 2);
		const tier = { unit: '文明单位', model: '文明单位标兵' };
		await checkExport(
			url,
			'titles',
			['单位名称', '称号级别', '称号类型', '授予年度', '届期(年)', '有效至', '命名文号', '状态'],
			items.map((t) => [t.unit_name, t.level_label, tier[t.tier], t.awarded_year, t.term_years, t.expires_year, t.doc_no, t.status_label]),
			[3, 4],
		);
	});

	it('audit export (csv and xlsx) = the JSON list (the import entries)', async () => {
		const url = '/api/v1/audit?action=import';
		const items = await listQ(admin, url);
		assert.ok(items.length >= 6, `${items.length} import entries`);
		const json = (v) => (v === null ? '' : JSON.stringify(v, Object.keys(v).sort()));
		const { csv } = await checkExport(
			url,
			'audit',
			['序号', '时间(UTC)', '操作人', '操作', '对象', '对象编号', '变更前', '变更后', '请求编号', 'IP'],
			items.map((e) => [e.id, e.at, e.actor_name, e.action, e.entity, e.entity_id, json(e.before), json(e.after), e.request_id, e.ip]),
			[0],
		);
		for (const row of csv.slice(1)) assert.match(row[5], /^[0-9a-f]{64}$/, 'an import is keyed by the sha256 of its file');
	});

	/* ================================================================ LibreOffice ==== */

	it('an exported .xlsx opened by LibreOffice: its CSV equals the API rows; LibreOffice’s own .xlsx imports back', async (t) => {
		const soffice = ['soffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => spawnSync(p, ['--version'], { encoding: 'utf8', timeout: 60000 }).status === 0);
		if (!soffice) {
			t.skip('LibreOffice (soffice) is not installed');
			return;
		}
		const dir = mkdtempSync(path.join(tmpdir(), 'wm-lo-'));
		try {
			const items = await listQ(admin, `/api/v1/activities?unit_id=${U1.id}`);
			const x = await admin.get(`/api/v1/activities?unit_id=${U1.id}&format=xlsx`);
			writeFileSync(path.join(dir, 'activities.xlsx'), x.raw);
			const lo = (args) => {
				const r = spawnSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', ...args], { encoding: 'utf8', timeout: 180000, cwd: dir });
				assert.equal(r.status, 0, `soffice ${args.join(' ')}: ${r.stderr}`);
			};
			mkdirp(path.join(dir, 'csv'));
			lo(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', path.join(dir, 'csv'), path.join(dir, 'activities.xlsx')]);
			const out = path.join(dir, 'csv', 'activities.csv');
			assert.ok(existsSync(out), `LibreOffice wrote ${readdirSync(path.join(dir, 'csv'))}`);
			// LibreOffice keeps a line break inside a cell as LF (a CR LF written by the API comes out as LF)
			const rows = parseCsv(readFileSync(out, 'utf8')).map((r) => r.map((c) => c.replace(/\r\n/g, '\n')));
			const want = items.map((a) => [
				a.activity_date,
				a.unit_name,
				a.title,
				a.type_label,
				a.festival ? FESTIVAL_LABEL[a.festival] : '',
				a.place,
				a.partner_name ?? '',
				a.role === 'joined' ? '参与' : '主办',
				String(a.participants),
				a.description.replace(/\r\n/g, '\n'),
			]);
			assert.deepEqual(rows[0], ['活动日期', '单位名称', '活动名称', '活动类型', '节日', '活动地点', '共建对象', '方式', '参与人数', '活动内容']);
			assert.deepEqual(rows.slice(1), want);

			// LibreOffice's own .xlsx (shared strings, styles, its own XML) imports back the same rows
			mkdirp(path.join(dir, 'lo'));
			lo(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo'), path.join(dir, 'activities.xlsx')]);
			const loXlsx = readFileSync(path.join(dir, 'lo', 'activities.xlsx'));
			assert.deepEqual(readXlsx(loXlsx).rows.slice(1).map((r) => r.cells.length > 0), want.map(() => true));
			const r = await send(admin, 'activities', loXlsx, { dryRun: true });
			assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 800));
			assert.deepEqual(r.body, { dry_run: true, rows: items.length, format: 'xlsx' });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

function mkdirp(p) {
	mkdirSync(p, { recursive: true });
}

/* ---------------------------------------------------------------- 413 ---- */

describe('imports: the size limit (WENMING_MAX_IMPORT_MB)', () => {
	let srv, admin;
	const MB = 1;

	before(async () => {
		srv = await startServer({ env: { WENMING_MAX_IMPORT_MB: String(MB) } });
		admin = await srv.login('admin');
	});
	after(async () => {
		await srv?.stop();
	});

	const head = (url, len, auth = true) =>
		`POST ${url} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: text/csv\r\nContent-Length: ${len}\r\n` +
		(auth ? `Cookie: wm_session=${admin.cookie}\r\nX-CSRF-Token: ${admin.csrf}\r\n` : '') +
		'Connection: close\r\n\r\n';

	for (const url of ['/api/v1/imports/activities', '/api/v1/imports/volunteers/preview']) {
		it(`${url}: a body over ${MB} MB → 413 file_too_large (field file) once it has been read; nothing written`, async () => {
			const before = srv.db.queryMany(['SELECT count(*) FROM activities', 'SELECT count(*) FROM volunteers', 'SELECT count(*) FROM audit_log']);
			const len = MB * 1024 * 1024 + 1;
			const r = await rawHttp(srv.port, head(url, len), Buffer.alloc(len, 0x61));
			assert.equal(r.status, 413, r.body.toString());
			const j = JSON.parse(r.body.toString('utf8'));
			assert.equal(j.error.code, 'file_too_large', JSON.stringify(j));
			assert.equal(j.error.field, 'file');
			assert.match(j.error.message, new RegExp(`${MB} MB`));
			assert.deepEqual(srv.db.queryMany(['SELECT count(*) FROM activities', 'SELECT count(*) FROM volunteers', 'SELECT count(*) FROM audit_log']), before);
			// far beyond the limit (more than 64 MB over): answered from the headers alone
			const far = await rawHttp(srv.port, head(url, (MB + 100) * 1024 * 1024));
			assert.equal(far.status, 413, far.body.toString());
			// without a session: the body is dropped, then 401
			const a = await rawHttp(srv.port, head(url, 1000, false), Buffer.alloc(1000, 0x61));
			assert.equal(a.status, 401);
		});

	}

	it(`a chunked body over ${MB} MB → 413 file_too_large when it has arrived; a file just under the limit is read`, async () => {
		const line = Buffer.from(',1,ab,x\n');
		const big = Buffer.concat([Buffer.from('单位名称,活动日期,活动名称,活动类型\n'), Buffer.alloc(MB * 1024 * 1024, line)]);
		const stream = new ReadableStream({
			start(ctrl) {
				for (let i = 0; i < big.length; i += 65536) ctrl.enqueue(big.subarray(i, i + 65536));
				ctrl.close();
			},
		});
		const res = await fetch(srv.base + '/api/v1/imports/activities?dry_run=1', {
			method: 'POST',
			body: stream,
			duplex: 'half',
			headers: { 'Content-Type': 'text/csv', Cookie: `wm_session=${admin.cookie}`, 'X-CSRF-Token': admin.csrf },
		});
		const text = await res.text();
		assert.equal(res.status, 413, text);
		assert.equal(JSON.parse(text).error.code, 'file_too_large');

		const fits = big.subarray(0, MB * 1024 * 1024 - 100);
		const r = await admin.post('/api/v1/imports/activities?dry_run=1', undefined, { rawBody: fits, contentType: 'text/csv' });
		assert.equal(r.status, 422, r.text.slice(0, 300)); // read to the end: every row is invalid
		assert.ok(r.body.rows > 100000);
	});
});
