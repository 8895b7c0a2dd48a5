// attachments.test.mjs — attachments (附件) on ledger records: multipart uploads of real files made
// here (a PNG deflated with zlib, a PDF with an xref table, a DOCX/XLSX zipped here, a GIF, a
// text file, random bytes), the 201 fields, SHA-256 as node computes it, content stored once per
// hash (deduplicated, one blob row; concurrent uploads too), downloads byte for byte with their
// headers (type, nosniff, inline/attachment, the UTF-8 name as filename*), every error code with
// its field, 413 with a small WENMING_MAX_UPLOAD, 401 before the body, CSRF, roles (viewers and
// assessors read but do not write), scope (another unit, another region), deletion of the
// attachment, the activity or the pairing (and of blobs nothing refers to any more), one audit
// entry per write, and a rejected upload writes nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { startServer, createUnit, uniqueName } from './harness.mjs';

/* ---------------------------------------------------------------- test files ---- */

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A valid w×h RGB PNG (IHDR, one zlib IDAT, IEND, CRCs); seed varies the pixels (and the hash). */
function makePng(w = 4, h = 3, seed = 0) {
	const chunk = (type, data) => {
		const head = Buffer.alloc(4);
		head.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([head, body, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // truecolour
	const stride = 1 + 3 * w;
	const raw = Buffer.alloc(h * stride); // filter byte 0 per row
	for (let y = 0; y < h; y++) for (let x = 0; x < 3 * w; x++) raw[y * stride + 1 + x] = (x * 37 + y * 11 + seed * 101) & 0xff;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** A minimal valid one-page PDF 1.4 with a correct xref table. */
function makePdf(text = 'wenming') {
	const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
	const objs = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets = [];
	objs.forEach((o, i) => {
		offsets.push(Buffer.byteLength(out, 'latin1'));
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out, 'latin1');
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

/** A zip archive of stored (uncompressed) entries [[name, text|Buffer], …]. */
function makeZip(entries) {
	const locals = [];
	const central = [];
	let offset = 0;
	for (const [name, content] of entries) {
		const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
		const nm = Buffer.from(name, 'utf8');
		const crc = crc32(data);
		const lh = Buffer.alloc(30);
		lh.writeUInt32LE(0x04034b50, 0);
		lh.writeUInt16LE(20, 4); // version needed
		lh.writeUInt16LE(0x21, 12); // DOS date 1980-01-01
		lh.writeUInt32LE(crc, 14);
		lh.writeUInt32LE(data.length, 18);
		lh.writeUInt32LE(data.length, 22);
		lh.writeUInt16LE(nm.length, 26);
		locals.push(lh, nm, data);
		const ch = Buffer.alloc(46);
		ch.writeUInt32LE(0x02014b50, 0);
		ch.writeUInt16LE(20, 4);
		ch.writeUInt16LE(20, 6);
		ch.writeUInt16LE(0x21, 14);
		ch.writeUInt32LE(crc, 16);
		ch.writeUInt32LE(data.length, 20);
		ch.writeUInt32LE(data.length, 24);
		ch.writeUInt16LE(nm.length, 28);
		ch.writeUInt32LE(offset, 42);
		central.push(ch, nm);
		offset += 30 + nm.length + data.length;
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const OOXML_RELS = (target) =>
	`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const CONTENT_TYPES = (part, type) =>
	`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${type}"/></Types>`;

/** A minimal Word document: [Content_Types].xml first, as Word writes it (libmagic looks there). */
function makeDocx(text = '文明单位创建工作总结') {
	return makeZip([
		['[Content_Types].xml', CONTENT_TYPES('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')],
		['_rels/.rels', OOXML_RELS('word/document.xml')],
		[
			'word/document.xml',
			`${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
		],
	]);
}

/** A minimal Excel workbook (one empty sheet). */
function makeXlsx() {
	const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	return makeZip([
		['[Content_Types].xml', CONTENT_TYPES('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml').replace('</Types>', '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')],
		['_rels/.rels', OOXML_RELS('xl/workbook.xml')],
		['xl/workbook.xml', `${XML}<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`],
		[
			'xl/_rels/workbook.xml.rels',
			`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		],
		['xl/worksheets/sheet1.xml', `${XML}<worksheet xmlns="${NS}"><sheetData/></worksheet>`],
	]);
}

/** A 1×1 transparent GIF89a. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Deterministic "random" bytes (a SHA-256 chain) that libmagic knows nothing of. */
function pseudoRandom(n, seed = 'wenming') {
	const out = [];
	let h = createHash('sha256').update(seed).digest();
	let len = 0;
	while (len < n) {
		h = createHash('sha256').update(h).digest();
		out.push(h);
		len += h.length;
	}
	// a leading 0x00 0xff pair keeps it clear of text and of every magic number libmagic checks at 0
	return Buffer.concat([Buffer.from([0x00, 0xff, 0x00, 0xfe]), ...out]).subarray(0, n);
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

const MIME = {
	png: 'image/png',
	gif: 'image/gif',
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const ITEM_KEYS = [
	'caption',
	'created_at',
	'created_by',
	'filename',
	'id',
	'is_image',
	'mime',
	'owner_id',
	'owner_kind',
	'sha256',
	'size',
	'unit_id',
	'url',
];

/** RFC 5987 percent-encoding as the server writes it: everything but A–Z a–z 0–9 - . _ ~ */
const rfc5987 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/* ---------------------------------------------------------------- requests ---- */

/** A FormData of [[name, value]] in order; a value {data, name, type?} is a file. */
function form(pairs) {
	const fd = new FormData();
	for (const [k, v] of pairs) {
		if (v && typeof v === 'object' && 'data' in v) fd.append(k, new Blob([v.data], { type: v.type ?? 'application/octet-stream' }), v.name);
		else fd.append(k, v);
	}
	return fd;
}

/**
 * POSTs an upload as a browser does (FormData; fetch writes the multipart body and its boundary):
 * owner_kind, owner_id, caption, file, then extra [[name, value]]. kind null or id undefined
 * leave that field out.
 */
function upload(client, { kind = 'activity', id, file, caption, extra = [], csrf = true } = {}) {
	const pairs = [];
	if (kind !== null) pairs.push(['owner_kind', kind]);
	if (id !== undefined) pairs.push(['owner_id', String(id)]);
	if (caption !== undefined) pairs.push(['caption', caption]);
	if (file) pairs.push(['file', file]);
	pairs.push(...extra);
	return client.post('/api/v1/attachments', undefined, { rawBody: form(pairs), contentType: null, csrf });
}

/** A multipart body written by hand (for what FormData cannot send). parts: [{headers, data}]. */
function rawMultipart(parts, boundary = 'wmB0undary' + randomBytes(6).toString('hex'), { close = true } = {}) {
	const chunks = [];
	for (const p of parts) {
		chunks.push(Buffer.from(`--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n`, 'utf8'));
		chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data ?? '', 'utf8'));
		chunks.push(Buffer.from('\r\n'));
	}
	if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
const field = (name, value) => ({ headers: [`Content-Disposition: form-data; name="${name}"`], data: String(value) });
const filePart = (name, data, type = 'application/octet-stream', fieldName = 'file') => ({
	headers: [`Content-Disposition: form-data; name="${fieldName}"; filename="${name}"`, `Content-Type: ${type}`],
	data,
});

function postRaw(client, { body, contentType }, opts = {}) {
	return client.post('/api/v1/attachments', undefined, { rawBody: body, contentType, ...opts });
}

/* ---------------------------------------------------------------- the suite ---- */

describe('attachments', () => {
	let srv, admin, ordos, dalad, liaison, leader, assessor;
	let U1, U2, ownUnitId, UD;
	let A1, A2, AOwn, AD; // activities: U1, U2, the liaison's unit, a unit of 达拉特旗 (150621)
	let P1; // a pairing of U1
	const PNG = makePng(4, 3, 1);
	const PDF = makePdf('wenming attachments');
	const DOCX = makeDocx();
	const XLSX = makeXlsx();

	function entriesOf(r) {
		const rid = r.headers.get('x-request-id');
		assert.match(rid || '', /^[0-9a-f]{8,}$/, 'X-Request-Id header');
		return srv.db
			.query(`SELECT actor_name, action, entity, entity_id, before_json, after_json FROM audit_log WHERE request_id = '${rid}' ORDER BY id`)
			.map(([actorName, action, entity, entityId, b, a]) => ({
				actorName,
				action,
				entity,
				entityId: String(entityId),
				before: b === null ? null : JSON.parse(b),
				after: a === null ? null : JSON.parse(a),
			}));
	}
	function oneEntry(r, actor, action, entity, id) {
		const es = entriesOf(r);
		assert.equal(es.length, 1, `one audit entry: ${JSON.stringify(es)}`);
		assert.equal(es[0].actorName, actor);
		assert.equal(es[0].action, action);
		assert.equal(es[0].entity, entity);
		assert.equal(es[0].entityId, String(id));
		return es[0];
	}
	/** Every attachment row, every blob (without its data) and the audit log's count and last id. */
	function snap() {
		return srv.db.queryMany([
			'SELECT * FROM attachments ORDER BY id',
			'SELECT sha256, size, mime, created_at FROM blobs ORDER BY sha256',
			'SELECT count(*), max(id) FROM audit_log',
		]);
	}
	const blobCount = (hash) => srv.db.count('blobs', `sha256 = '${hash}'`);
	function blobHex(hash) {
		return srv.db.scalar(
			srv.db.engine === 'postgres'
				? `SELECT encode(data, 'hex') FROM blobs WHERE sha256 = '${hash}'`
				: `SELECT lower(hex(data)) FROM blobs WHERE sha256 = '${hash}'`,
		);
	}

	async function activity(client, unitId, fields = {}) {
		const r = await client.post('/api/v1/activities', {
			unit_id: unitId,
			type_code: 'volunteer_service',
			title: uniqueName('附件活动'),
			activity_date: '2024-05-04',
			...fields,
		});
		assert.equal(r.status, 201, `create activity → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}
	async function ok(r, what = 'upload') {
		assert.equal(r.status, 201, `${what} → ${r.status} ${JSON.stringify(r.body)}`);
		return r.body;
	}
	/** Expects the upload rejected with status/code/field, a Chinese message and nothing written. */
	async function rejects(send, { status = 400, code, field: fld }, what = code) {
		const before = snap();
		const r = await send();
		assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
		assert.equal(typeof r.body, 'object', `${what}: JSON error body: ${r.text?.slice(0, 200)}`);
		if (code) assert.equal(r.body.error?.code, code, `${what}: ${JSON.stringify(r.body)}`);
		if (fld !== undefined) assert.equal(r.body.error.field, fld, `${what}: field in ${JSON.stringify(r.body)}`);
		assert.ok(/[\u4e00-\u9fff]/.test(r.body.error.message), `${what}: Chinese message`);
		assert.deepEqual(snap(), before, `${what}: the database changed`);
		return r;
	}

	before(async () => {
		srv = await startServer();
		[admin, ordos, dalad, liaison, leader, assessor] = await Promise.all(
			['admin', 'ordos', 'dalad', 'liaison', 'leader', 'assessor'].map((u) => srv.login(u)),
		);
		ownUnitId = liaison.user.unit_id;
		assert.ok(ownUnitId, 'the liaison has a unit');
		U1 = await createUnit(admin, { name: uniqueName('附件单位甲') });
		U2 = await createUnit(admin, { name: uniqueName('附件单位乙') });
		UD = await createUnit(ordos, { region_code: '150621', name: uniqueName('达拉特旗附件单位') });
		A1 = await activity(admin, U1.id);
		A2 = await activity(admin, U2.id);
		AOwn = await activity(admin, ownUnitId);
		AD = await activity(ordos, UD.id);
		let r = await admin.post('/api/v1/partners', { kind: 'community', name: uniqueName('附件社区'), region_code: '150622' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		r = await admin.post('/api/v1/pairings', { unit_id: U1.id, partner_id: r.body.id, kind: 'city_creation', start_date: '2022-01-01', end_date: '2022-12-31' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		P1 = r.body;
	});
	after(async () => {
		await srv?.stop();
	});

	it('the generated files are what libmagic says (when the file CLI is there)', (t) => {
		const r = spawnSync('file', ['--version'], { encoding: 'utf8' });
		if (r.error) {
			t.skip('no file(1)');
			return;
		}
		const check = (buf, expected) => {
			const x = spawnSync('file', ['--brief', '--mime-type', '-'], { input: buf, encoding: 'utf8' });
			assert.equal(x.stdout.trim(), expected);
		};
		check(PNG, 'image/png');
		check(PDF, 'application/pdf');
		check(DOCX, MIME.docx);
		check(XLSX, MIME.xlsx);
		check(GIF, 'image/gif');
		check(Buffer.from('文明单位\nhello\n'), 'text/plain');
		check(pseudoRandom(4096), 'application/octet-stream');
		check(makeZip([['readme.txt', 'hello']]), 'application/zip');
	});

	it('upload a PNG: 201 with every field, sha256 as node computes it; GET, list and content agree; audited once', async () => {
		let r = await upload(admin, { id: A1.id, file: { data: PNG, name: 'photo.png', type: 'image/png' }, caption: '学雷锋活动现场' });
		const a = await ok(r);
		assert.deepEqual(Object.keys(a).sort(), [...ITEM_KEYS, 'deduplicated'].sort());
		assert.equal(a.owner_kind, 'activity');
		assert.equal(a.owner_id, A1.id);
		assert.equal(a.unit_id, U1.id);
		assert.equal(a.filename, 'photo.png');
		assert.equal(a.mime, 'image/png');
		assert.equal(a.size, PNG.length);
		assert.equal(a.sha256, sha256(PNG));
		assert.equal(a.caption, '学雷锋活动现场');
		assert.equal(a.is_image, true);
		assert.equal(a.url, `/api/v1/attachments/${a.id}/content`);
		assert.equal(a.created_by, admin.user.display_name);
		assert.match(a.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		assert.ok(Math.abs(Date.parse(a.created_at) - Date.now()) < 120000, 'created_at is now');
		assert.equal(a.deduplicated, false);
		const e = oneEntry(r, 'admin', 'create', 'attachment', a.id);
		assert.equal(e.before, null);
		assert.equal(e.after.sha256, a.sha256);
		assert.equal(e.after.filename, 'photo.png');
		assert.equal(e.after.owner_id, A1.id);

		// the database: one attachment row, one blob holding exactly the bytes
		const [row] = srv.db.query(`SELECT owner_kind, owner_id, unit_id, sha256, filename, mime, size, caption FROM attachments WHERE id = ${a.id}`);
		assert.deepEqual(row, ['activity', String(A1.id), String(U1.id), a.sha256, 'photo.png', 'image/png', String(PNG.length), '学雷锋活动现场']);
		assert.equal(blobCount(a.sha256), 1);
		assert.equal(blobHex(a.sha256), PNG.toString('hex'));

		const { deduplicated: _, ...item } = a;
		r = await admin.get(`/api/v1/attachments/${a.id}`);
		assert.equal(r.status, 200);
		assert.deepEqual(r.body, item);
		r = await admin.get(`/api/v1/attachments?owner_kind=activity&owner_id=${A1.id}`);
		assert.equal(r.status, 200, JSON.stringify(r.body));
		assert.deepEqual(r.body, { items: [item], total: 1, bytes: PNG.length });

		r = await admin.get(a.url);
		assert.equal(r.status, 200);
		assert.ok(r.raw.equals(PNG), 'the download is the upload, byte for byte');
		assert.equal(r.headers.get('content-type'), 'image/png');
		assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
		assert.match(r.headers.get('cache-control') || '', /\bprivate\b/);
		assert.equal(r.headers.get('content-length'), String(PNG.length));
		assert.equal(r.headers.get('content-disposition'), `inline; filename="attachment-${a.id}.png"; filename*=UTF-8''photo.png`);
		r = await admin.get(`${a.url}?download=1`);
		assert.equal(r.status, 200);
		assert.ok(r.raw.equals(PNG));
		assert.equal(r.headers.get('content-disposition'), `attachment; filename="attachment-${a.id}.png"; filename*=UTF-8''photo.png`);
		// only download=1 asks for a download
		r = await admin.get(`${a.url}?download=0`);
		assert.match(r.headers.get('content-disposition'), /^inline;/);
		// HEAD: the headers without the bytes
		r = await admin.req('HEAD', a.url);
		assert.equal(r.status, 200);
		assert.equal(r.raw.length, 0);
		assert.equal(r.headers.get('content-type'), 'image/png');
		assert.equal(r.headers.get('content-length'), String(PNG.length));

		// readers (a viewer, an assessor, the city admin) get the item and the bytes too
		for (const c of [leader, assessor, ordos]) {
			r = await c.get(`/api/v1/attachments/${a.id}`);
			assert.equal(r.status, 200, `${c.user.username}: ${JSON.stringify(r.body)}`);
			assert.deepEqual(r.body, item);
			r = await c.get(a.url);
			assert.equal(r.status, 200);
			assert.ok(r.raw.equals(PNG));
		}
		r = await admin.get('/api/v1/attachments/987654321');
		assert.equal(r.status, 404);
		assert.equal(r.body.error.code, 'not_found');
		r = await admin.get('/api/v1/attachments/987654321/content');
		assert.equal(r.status, 404);
		assert.equal(r.body.error.code, 'not_found');
	});

	it('PDF, DOCX, XLSX and GIF: the type comes from the content; PDF and images inline, office documents as downloads', async () => {
		const cases = [
			{ data: PDF, name: '创建方案.pdf', mime: MIME.pdf, inline: true, image: false },
			{ data: PDF, name: 'UPPER.PDF', mime: MIME.pdf, inline: true, image: false },
			{ data: DOCX, name: '工作总结.docx', mime: MIME.docx, inline: false, image: false },
			{ data: XLSX, name: '台账.xlsx', mime: MIME.xlsx, inline: false, image: false },
			{ data: GIF, name: 'dot.gif', mime: MIME.gif, inline: true, image: true },
		];
		for (const c of cases) {
			// the type the browser claims is ignored
			const r = await upload(admin, { id: A1.id, file: { data: c.data, name: c.name, type: 'application/octet-stream' } });
			const a = await ok(r, c.name);
			assert.equal(a.mime, c.mime, c.name);
			assert.equal(a.is_image, c.image, c.name);
			assert.equal(a.filename, c.name);
			assert.equal(a.size, c.data.length);
			assert.equal(a.sha256, sha256(c.data));
			const ext = c.name.slice(c.name.lastIndexOf('.'));
			let d = await admin.get(a.url);
			assert.equal(d.status, 200);
			assert.ok(d.raw.equals(c.data), `${c.name}: bytes`);
			assert.equal(d.headers.get('content-type'), c.mime);
			assert.equal(d.headers.get('x-content-type-options'), 'nosniff');
			assert.equal(
				d.headers.get('content-disposition'),
				`${c.inline ? 'inline' : 'attachment'}; filename="attachment-${a.id}${ext}"; filename*=UTF-8''${rfc5987(c.name)}`,
			);
			d = await admin.get(`${a.url}?download=1`);
			assert.match(d.headers.get('content-disposition'), /^attachment; /);
		}
		// the PDF a second time (UPPER.PDF) was deduplicated
		const pdfs = srv.db.query(`SELECT count(*) FROM attachments WHERE sha256 = '${sha256(PDF)}'`);
		assert.equal(pdfs[0][0], '2');
		assert.equal(blobCount(sha256(PDF)), 1);
	});

	it('a Chinese name: filename* percent-encodes its UTF-8 bytes; the fallback is ASCII', async () => {
		const name = '准格尔旗 文明单位（2024）创建材料#1.pdf';
		const a = await ok(await upload(admin, { id: A1.id, file: { data: makePdf('chinese name'), name, type: 'application/pdf' } }));
		assert.equal(a.filename, name);
		const r = await admin.get(`${a.url}?download=1`);
		const cd = r.headers.get('content-disposition');
		const expected = `attachment; filename="attachment-${a.id}.pdf"; filename*=UTF-8''${rfc5987(name)}`;
		assert.equal(cd, expected);
		assert.ok(cd.includes('%E5%87%86%E6%A0%BC%E5%B0%94%E6%97%97%20'), '准格尔旗 + space as UTF-8 percent escapes');
		assert.ok(/^[\x20-\x7e]*$/.test(cd), 'the header is ASCII only');
		assert.equal(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(cd)[1]), name);
		// a Windows path sent by an old browser keeps the last component only
		const win = rawMultipart([field('owner_kind', 'activity'), field('owner_id', A1.id), filePart('C:\\Users\\张三\\Pictures\\活动照片.png', makePng(2, 2, 7), 'image/png')]);
		const w = await ok(await postRaw(admin, win), 'windows path');
		assert.equal(w.filename, '活动照片.png');
	});

	it('the same content twice is stored once (deduplicated); the blob goes with the last attachment that uses it', async () => {
		const data = makePng(5, 5, 42);
		const hash = sha256(data);
		const a = await ok(await upload(admin, { id: A1.id, file: { data, name: 'first.png' } }));
		assert.equal(a.deduplicated, false);
		const b = await ok(await upload(admin, { kind: 'pairing', id: P1.id, file: { data, name: '另一个名字.png' }, caption: '同一张照片' }));
		assert.equal(b.deduplicated, true);
		assert.equal(b.sha256, hash);
		assert.equal(b.owner_kind, 'pairing');
		assert.equal(b.unit_id, U1.id);
		assert.notEqual(b.id, a.id);
		assert.equal(blobCount(hash), 1);
		assert.equal(srv.db.count('attachments', `sha256 = '${hash}'`), 2);
		let r = await admin.get(b.url);
		assert.ok(r.raw.equals(data));
		assert.ok(r.headers.get('content-disposition').endsWith(`filename*=UTF-8''${rfc5987('另一个名字.png')}`), 'each attachment keeps its own name');

		// deleting one keeps the blob for the other; deleting the last removes it
		r = await admin.delete(`/api/v1/attachments/${a.id}`);
		assert.equal(r.status, 204, r.text);
		let e = oneEntry(r, 'admin', 'delete', 'attachment', a.id);
		assert.equal(e.after, null);
		assert.equal(e.before.sha256, hash);
		assert.equal(e.before.filename, 'first.png');
		assert.equal(srv.db.count('attachments', `id = ${a.id}`), 0);
		assert.equal(blobCount(hash), 1);
		assert.equal((await admin.get(`/api/v1/attachments/${a.id}`)).status, 404);
		assert.equal((await admin.get(a.url)).status, 404);
		r = await admin.get(b.url);
		assert.equal(r.status, 200);
		assert.ok(r.raw.equals(data));
		r = await admin.delete(`/api/v1/attachments/${a.id}`);
		assert.equal(r.status, 404);
		assert.equal(r.body.error.code, 'not_found');

		r = await admin.delete(`/api/v1/attachments/${b.id}`);
		assert.equal(r.status, 204);
		oneEntry(r, 'admin', 'delete', 'attachment', b.id);
		assert.equal(blobCount(hash), 0);
		assert.equal(srv.db.count('attachments', `sha256 = '${hash}'`), 0);

		// and the same content again is a new blob, not deduplicated
		const c = await ok(await upload(admin, { id: A1.id, file: { data, name: 'again.png' } }));
		assert.equal(c.deduplicated, false);
		assert.equal(blobCount(hash), 1);
	});

	it('concurrent uploads of the same new content: all 201, one blob, exactly one not deduplicated', async () => {
		const data = makePng(9, 9, 77);
		const hash = sha256(data);
		const rs = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(i % 2 ? liaison : admin, { id: AOwn.id, file: { data, name: `same-${i}.png` } })));
		assert.deepEqual(
			rs.map((r) => r.status),
			rs.map(() => 201),
			`concurrent uploads: ${rs.map((r) => `${r.status} ${r.status === 201 ? '' : JSON.stringify(r.body)}`).join('; ')}`,
		);
		assert.equal(rs.filter((r) => r.body.deduplicated === false).length, 1, 'one upload stored the blob');
		assert.equal(blobCount(hash), 1);
		assert.equal(srv.db.count('attachments', `sha256 = '${hash}'`), 6);
		for (const r of rs) assert.equal((await admin.delete(`/api/v1/attachments/${r.body.id}`)).status, 204);
		assert.equal(blobCount(hash), 0);
	});

	it('deleting the last user of a blob while the same content is uploaded again: both succeed, the new one keeps its bytes', async () => {
		for (let round = 0; round < 8; round++) {
			const data = makePng(3, 4, 300 + round);
			const hash = sha256(data);
			const a = await ok(await upload(admin, { id: A2.id, file: { data, name: `race-${round}.png` } }));
			const [del, up] = await Promise.all([
				admin.delete(`/api/v1/attachments/${a.id}`),
				upload(admin, { id: A2.id, file: { data, name: `race-${round}-again.png` } }),
			]);
			assert.equal(del.status, 204, `round ${round} delete: ${del.status} ${del.text}`);
			assert.equal(up.status, 201, `round ${round} upload: ${up.status} ${JSON.stringify(up.body)}`);
			assert.equal(blobCount(hash), 1, `round ${round}: the blob of the new attachment is there`);
			const r = await admin.get(up.body.url);
			assert.equal(r.status, 200);
			assert.ok(r.raw.equals(data));
			assert.equal((await admin.delete(`/api/v1/attachments/${up.body.id}`)).status, 204);
			assert.equal(blobCount(hash), 0);
		}
	});

	it('the type policy: text, random bytes, HTML, SVG, a zip → type_not_allowed; a PNG named .pdf → type_mismatch; names', async () => {
		const up = (data, name, extra = {}) => () => upload(admin, { id: A1.id, file: { data, name }, ...extra });
		const notAllowed = { code: 'type_not_allowed', field: 'file' };
		await rejects(up(Buffer.from('文明单位创建\nhello world\n'), 'notes.txt'), notAllowed, 'text file');
		await rejects(up(Buffer.from('文明单位创建\nhello world\n'), 'notes.png'), notAllowed, 'text named .png');
		await rejects(up(Buffer.from('文明单位创建\nhello world\n'), 'notes.pdf'), notAllowed, 'text named .pdf');
		await rejects(up(pseudoRandom(4096), 'random.bin'), notAllowed, 'random bytes');
		await rejects(up(pseudoRandom(4096, 'x'), 'random.jpg'), notAllowed, 'random bytes named .jpg');
		await rejects(up(Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'x.html'), notAllowed, 'html');
		await rejects(up(Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'x.png'), notAllowed, 'html named .png');
		await rejects(
			up(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n'), 'logo.svg'),
			notAllowed,
			'svg',
		);
		await rejects(up(makeZip([['readme.txt', 'hello']]), '资料.zip'), notAllowed, 'zip archive');
		await rejects(up(Buffer.from('#!/bin/sh\necho hi\n'), 'run.sh'), notAllowed, 'shell script');

		const mismatch = { code: 'type_mismatch', field: 'file' };
		await rejects(up(PNG, 'photo.pdf'), mismatch, 'PNG named .pdf');
		await rejects(up(PNG, 'photo.jpg'), mismatch, 'PNG named .jpg');
		await rejects(up(PDF, 'scan.png'), mismatch, 'PDF named .png');
		await rejects(up(DOCX, 'summary.xlsx'), mismatch, 'DOCX named .xlsx');
		await rejects(up(DOCX, 'summary.pdf'), mismatch, 'DOCX named .pdf');
		await rejects(up(PNG, 'photo.png.exe'), mismatch, 'PNG named .exe');

		const badName = { code: 'invalid_name', field: 'file' };
		await rejects(up(PNG, 'photo'), badName, 'no extension');
		await rejects(up(PNG, '照片.'), badName, 'empty extension');
		await rejects(up(PNG, 'a'.repeat(97) + '.png'), badName, '101 characters');
		await rejects(up(PNG, '文'.repeat(97) + '.png'), badName, '101 Chinese characters');
		await ok(await upload(admin, { id: A1.id, file: { data: makePng(1, 1, 3), name: '文'.repeat(96) + '.png' } }), '100 characters');
		// what FormData cannot send: a control character, invalid UTF-8, an empty name
		const raw = (name) => () =>
			postRaw(admin, rawMultipart([field('owner_kind', 'activity'), field('owner_id', A1.id), { headers: [`Content-Disposition: form-data; name="file"; filename="${name}"`], data: PNG }]));
		await rejects(raw('a\x01b.png'), badName, 'control character');
		await rejects(raw('a\x7fb.png'), badName, 'DEL');
		await rejects(
			() =>
				postRaw(admin, {
					body: Buffer.concat([
						Buffer.from('--B0\r\nContent-Disposition: form-data; name="owner_kind"\r\n\r\nactivity\r\n'),
						Buffer.from(`--B0\r\nContent-Disposition: form-data; name="owner_id"\r\n\r\n${A1.id}\r\n`),
						Buffer.from('--B0\r\nContent-Disposition: form-data; name="file"; filename="\xff\xfe.png"\r\n\r\n', 'latin1'),
						PNG,
						Buffer.from('\r\n--B0--\r\n'),
					]),
					contentType: 'multipart/form-data; boundary=B0',
				}),
			badName,
			'invalid UTF-8',
		);
		await rejects(raw(''), badName, 'empty name');
	});

	it('every request error with its code and field; a rejected upload writes nothing', async () => {
		const png = { data: PNG, name: 'p.png', type: 'image/png' };
		// the file part
		await rejects(() => upload(admin, { id: A1.id }), { code: 'required', field: 'file' }, 'no file part');
		await rejects(() => upload(admin, { id: A1.id, extra: [['file', 'just text']] }), { code: 'required', field: 'file' }, 'file as a plain field');
		await rejects(() => upload(admin, { id: A1.id, file: { data: Buffer.alloc(0), name: 'empty.png' } }), { code: 'empty_file', field: 'file' }, 'empty file');
		// form fields
		await rejects(() => upload(admin, { id: A1.id, file: png, extra: [['title', 'x']] }), { code: 'unknown_field', field: 'title' }, 'unknown field');
		await rejects(() => upload(admin, { id: A1.id, file: png, extra: [['attachment', png]] }), { code: 'unknown_field', field: 'attachment' }, 'unknown file field');
		await rejects(() => upload(admin, { kind: null, id: A1.id, file: png }), { code: 'required', field: 'owner_kind' }, 'no owner_kind');
		await rejects(() => upload(admin, { kind: '', id: A1.id, file: png }), { code: 'required', field: 'owner_kind' }, 'empty owner_kind');
		for (const kind of ['unit', 'Activity', 'activities', 'volunteer', 'activity ']) {
			await rejects(() => upload(admin, { kind, id: A1.id, file: png }), { code: 'invalid_value', field: 'owner_kind' }, `owner_kind ${kind}`);
		}
		for (const id of [undefined, '', 'abc', '0', '-1', '1.5', '12x', ' 5', '1234567890123456789', '99999999999999999999']) {
			await rejects(() => upload(admin, { id, file: png }), { code: 'invalid_value', field: 'owner_id' }, `owner_id ${JSON.stringify(id)}`);
		}
		await rejects(() => upload(admin, { id: 987654321, file: png }), { status: 404, code: 'owner_not_found', field: 'owner_id' }, 'no such activity');
		await rejects(() => upload(admin, { kind: 'pairing', id: A1.id + 987654, file: png }), { status: 404, code: 'owner_not_found', field: 'owner_id' }, 'no such pairing');
		// caption: 100 characters fit, 101 do not
		await rejects(() => upload(admin, { id: A1.id, file: png, caption: '说'.repeat(101) }), { code: 'too_long', field: 'caption' }, 'caption 101');
		await rejects(() => upload(admin, { id: A1.id, file: png, caption: 'a'.repeat(401) }), { code: 'too_long', field: 'caption' }, 'caption 401 bytes');
		await rejects(() => upload(admin, { id: A1.id, file: png, caption: 'bell\x07' }), { code: 'invalid_characters', field: 'caption' }, 'caption with a control character');
		await rejects(() => upload(admin, { id: A1.id, file: png, caption: 'nul\x00byte' }), { code: 'invalid_characters', field: 'caption' }, 'caption with NUL');
		await rejects(
			() => postRaw(admin, rawMultipart([field('owner_kind', 'activity'), field('owner_id', A1.id), { headers: ['Content-Disposition: form-data; name="caption"'], data: Buffer.from([0x61, 0xff, 0x62]) }, filePart('p.png', PNG)])),
			{ code: 'invalid_characters', field: 'caption' },
			'caption not UTF-8',
		);
		// a NUL cannot hide the rest of owner_id or owner_kind
		await rejects(() => upload(admin, { id: `${A1.id}\x00junk`, file: png }), { code: 'invalid_value' }, 'owner_id with NUL');
		await rejects(() => upload(admin, { kind: 'activity\x00junk', id: A1.id, file: png }), { code: 'invalid_value' }, 'owner_kind with NUL');
		const c100 = await ok(await upload(admin, { id: A1.id, file: { data: makePng(1, 2, 9), name: 'c.png' }, caption: '说'.repeat(100) }), 'caption 100');
		assert.equal(c100.caption, '说'.repeat(100));

		// not multipart at all, or malformed
		const mp = { code: 'multipart' };
		await rejects(() => admin.post('/api/v1/attachments', { owner_kind: 'activity', owner_id: A1.id }), mp, 'a JSON body');
		await rejects(() => admin.post('/api/v1/attachments', undefined, { rawBody: 'owner_kind=activity', contentType: 'application/x-www-form-urlencoded' }), mp, 'urlencoded');
		await rejects(() => admin.post('/api/v1/attachments', undefined, { rawBody: 'x', contentType: 'multipart/form-data' }), mp, 'no boundary');
		await rejects(() => admin.post('/api/v1/attachments', undefined, { rawBody: '', contentType: 'multipart/form-data; boundary=B0' }), mp, 'empty body');
		await rejects(() => admin.post('/api/v1/attachments'), mp, 'no body at all');
		const parts = [field('owner_kind', 'activity'), field('owner_id', A1.id), filePart('p.png', PNG, 'image/png')];
		await rejects(() => postRaw(admin, rawMultipart(parts, 'B1', { close: false })), mp, 'no closing delimiter');
		const noClose = rawMultipart(parts, 'B2');
		await rejects(() => postRaw(admin, { body: noClose.body.subarray(0, noClose.body.length - 30), contentType: noClose.contentType }), mp, 'truncated');
		await rejects(() => postRaw(admin, { body: rawMultipart(parts, 'B3').body, contentType: 'multipart/form-data; boundary=Other' }), mp, 'wrong boundary');
		await rejects(
			() => postRaw(admin, rawMultipart([field('owner_kind', 'activity'), { headers: ['Content-Type: image/png'], data: PNG }])),
			mp,
			'a part without Content-Disposition',
		);
		await rejects(
			() => postRaw(admin, rawMultipart(Array.from({ length: 9 }, (_, i) => field(`f${i}`, i)))),
			mp,
			'too many parts',
		);
		await rejects(() => postRaw(admin, rawMultipart([field('owner_kind', 'activity'), field('owner_id', A1.id), filePart('x'.repeat(600) + '.png', PNG)])), mp, 'overlong file name');
	});

	it('50 attachments per record, then 409 too_many_attachments', async () => {
		const act = await activity(admin, U1.id);
		const data = makePng(2, 2, 50);
		for (let i = 0; i < 50; i++) {
			await ok(await upload(admin, { id: act.id, file: { data, name: `p${i}.png` } }), `upload ${i}`);
		}
		assert.equal(blobCount(sha256(data)), 1);
		await rejects(() => upload(admin, { id: act.id, file: { data, name: 'p50.png' } }), { status: 409, code: 'too_many_attachments', field: 'file' });
		const r = await admin.get(`/api/v1/attachments?owner_kind=activity&owner_id=${act.id}`);
		assert.equal(r.body.total, 50);
		assert.equal(r.body.items.length, 50);
		assert.equal(r.body.bytes, 50 * data.length);
		assert.deepEqual(
			r.body.items.map((x) => x.id),
			[...r.body.items.map((x) => x.id)].sort((x, y) => x - y),
			'in upload order',
		);
		// deleting the activity removes all 50 and the blob (its only user)
		const del = await admin.delete(`/api/v1/activities/${act.id}?version=${act.version}`);
		assert.equal(del.status, 204, del.text);
		assert.equal(srv.db.count('attachments', `owner_kind = 'activity' AND owner_id = ${act.id}`), 0);
		assert.equal(blobCount(sha256(data)), 0);
	});

	it('the list: owner_kind and owner_id are required and checked; an unknown record is 404', async () => {
		const cases = [
			['', 400, 'required', 'owner_kind'],
			[`owner_id=${A1.id}`, 400, 'required', 'owner_kind'],
			[`owner_kind=unit&owner_id=${A1.id}`, 400, 'invalid_value', 'owner_kind'],
			['owner_kind=activity', 400, 'invalid_value', 'owner_id'],
			['owner_kind=activity&owner_id=abc', 400, 'invalid_value', 'owner_id'],
			['owner_kind=activity&owner_id=0', 400, 'invalid_value', 'owner_id'],
			['owner_kind=activity&owner_id=-3', 400, 'invalid_value', 'owner_id'],
			['owner_kind=activity&owner_id=987654321', 404, 'owner_not_found', 'owner_id'],
			['owner_kind=pairing&owner_id=987654321', 404, 'owner_not_found', 'owner_id'],
		];
		for (const [q, status, code, fld] of cases) {
			const r = await admin.get(`/api/v1/attachments?${q}`);
			assert.equal(r.status, status, `${q}: ${JSON.stringify(r.body)}`);
			assert.equal(r.body.error.code, code, q);
			assert.equal(r.body.error.field, fld, q);
		}
		const empty = await activity(admin, U2.id);
		const r = await leader.get(`/api/v1/attachments?owner_kind=activity&owner_id=${empty.id}`);
		assert.equal(r.status, 200);
		assert.deepEqual(r.body, { items: [], total: 0, bytes: 0 });
	});

	it('authentication, CSRF and roles: 401 without a login, 403 without the CSRF token, viewers and assessors read only', async () => {
		const own = await ok(await upload(liaison, { id: AOwn.id, file: { data: makePng(3, 1, 11), name: '联络员.png' } }), 'liaison upload');
		assert.equal(own.unit_id, ownUnitId);
		assert.equal(own.created_by, liaison.user.display_name);
		const png = { data: PNG, name: 'p.png', type: 'image/png' };
		// anonymous: answered from the headers (the body is never read, so a client may instead see
		// the connection reset while still sending: see the upload limit tests for the exact answer)
		{
			const before = snap();
			try {
				const r = await upload(srv.anon(), { id: A1.id, file: png });
				assert.equal(r.status, 401, JSON.stringify(r.body));
				assert.equal(r.body.error.code, 'unauthenticated');
			} catch (e) {
				assert.equal(e.name, 'TypeError', String(e));
			}
			assert.deepEqual(snap(), before);
		}
		for (const c of [admin, liaison]) {
			await rejects(() => upload(c, { id: AOwn.id, file: png, csrf: false }), { status: 403, code: 'csrf' }, `${c.user.username} without CSRF`);
			await rejects(
				() => c.delete(`/api/v1/attachments/${own.id}`, undefined, { csrf: false }),
				{ status: 403, code: 'csrf' },
				`${c.user.username} delete without CSRF`,
			);
		}
		for (const c of [leader, assessor]) {
			await rejects(() => upload(c, { id: AOwn.id, file: png }), { status: 403, code: 'forbidden' }, `${c.user.username} upload`);
			await rejects(() => c.delete(`/api/v1/attachments/${own.id}`), { status: 403, code: 'forbidden' }, `${c.user.username} delete`);
			let r = await c.get(`/api/v1/attachments?owner_kind=activity&owner_id=${AOwn.id}`);
			assert.equal(r.status, 200, `${c.user.username} list`);
			assert.ok(r.body.items.some((x) => x.id === own.id));
			r = await c.get(own.url);
			assert.equal(r.status, 200, `${c.user.username} content`);
			assert.equal(r.headers.get('content-type'), 'image/png');
		}
		const anon = srv.anon();
		for (const p of [`/api/v1/attachments?owner_kind=activity&owner_id=${AOwn.id}`, `/api/v1/attachments/${own.id}`, own.url]) {
			const r = await anon.get(p);
			assert.equal(r.status, 401, p);
		}
		await rejects(() => anon.delete(`/api/v1/attachments/${own.id}`), { status: 401, code: 'unauthenticated' }, 'anonymous delete');
		// the liaison deletes their own unit's attachment (audited as the liaison)
		const r = await liaison.delete(`/api/v1/attachments/${own.id}`);
		assert.equal(r.status, 204);
		oneEntry(r, 'liaison', 'delete', 'attachment', own.id);
	});

	it('scope: a liaison sees only their unit; a banner admin nothing of another banner; the city admin sees both', async () => {
		const a2 = await ok(await upload(admin, { id: A2.id, file: { data: makePng(2, 3, 21), name: 'u2.png' } }), 'U2');
		const aD = await ok(await upload(ordos, { id: AD.id, file: { data: makePng(2, 3, 22), name: 'dalat.png' } }), 'ordos in 150621');
		assert.equal(aD.unit_id, UD.id);
		const png = { data: makePng(3, 3, 23), name: 'p.png', type: 'image/png' };
		const notFound = { status: 404, code: 'owner_not_found', field: 'owner_id' };
		// the liaison and another unit of the same banner
		await rejects(() => upload(liaison, { id: A2.id, file: png }), notFound, 'liaison → U2');
		await rejects(() => upload(liaison, { kind: 'pairing', id: P1.id, file: png }), notFound, 'liaison → U1 pairing');
		// the 准格尔旗 admin and a 达拉特旗 record
		await rejects(() => upload(admin, { id: AD.id, file: png }), notFound, 'admin → 150621');
		// and the 达拉特旗 admin and a 准格尔旗 record
		await rejects(() => upload(dalad, { id: A2.id, file: png }), notFound, 'dalad → 150622');
		for (const [c, a, owner] of [
			[liaison, a2, A2],
			[dalad, a2, A2],
			[admin, aD, AD],
			[leader, aD, AD],
			[assessor, aD, AD],
		]) {
			const who = c.user.username;
			let r = await c.get(`/api/v1/attachments?owner_kind=activity&owner_id=${owner.id}`);
			assert.equal(r.status, 404, `${who} list`);
			assert.equal(r.body.error.code, 'owner_not_found');
			assert.ok(!('items' in r.body));
			r = await c.get(`/api/v1/attachments/${a.id}`);
			assert.equal(r.status, 404, `${who} get`);
			assert.ok(!('sha256' in r.body));
			r = await c.get(a.url);
			assert.equal(r.status, 404, `${who} content`);
			assert.ok(!r.raw.includes(Buffer.from('IHDR')), `${who}: no bytes`);
			r = await c.get(`${a.url}?download=1`);
			assert.equal(r.status, 404, `${who} download`);
			if (c === liaison || c === admin || c === dalad) {
				await rejects(() => c.delete(`/api/v1/attachments/${a.id}`), { status: 404, code: 'not_found' }, `${who} delete`);
			}
		}
		// the 达拉特旗 admin sees their own
		assert.equal((await dalad.get(aD.url)).status, 200);
		// the city admin sees 准格尔旗 and 达拉特旗
		for (const a of [a2, aD]) {
			const r = await ordos.get(a.url);
			assert.equal(r.status, 200);
		}
		assert.equal((await ordos.get(`/api/v1/attachments?owner_kind=activity&owner_id=${A2.id}`)).body.total, 1);
		// and the aid/ad/exemplar kinds are accepted but (not wired yet or) not found
		for (const kind of ['aid', 'ad', 'exemplar']) {
			const r = await upload(admin, { kind, id: 987654321, file: png });
			assert.equal(r.status, 404, `${kind}: ${JSON.stringify(r.body)}`);
			assert.equal(r.body.error.code, 'owner_not_found');
		}
	});

	it('deleting an activity or a pairing deletes its attachments and the blobs nothing else uses (audited once)', async () => {
		const act = await activity(admin, U1.id);
		const shared = makePng(6, 2, 61);
		const only = makePdf('only this activity');
		const keep = await ok(await upload(admin, { id: A1.id, file: { data: shared, name: 'keep.png' } }));
		const x1 = await ok(await upload(admin, { id: act.id, file: { data: shared, name: 'shared.png' } }));
		const x2 = await ok(await upload(admin, { id: act.id, file: { data: only, name: 'only.pdf' } }));
		assert.equal(x1.deduplicated, true);
		// a stale version changes nothing
		let r = await admin.delete(`/api/v1/activities/${act.id}?version=${act.version + 5}`);
		assert.equal(r.status, 409);
		assert.equal(srv.db.count('attachments', `owner_kind = 'activity' AND owner_id = ${act.id}`), 2);
		assert.equal(blobCount(sha256(only)), 1);

		r = await admin.delete(`/api/v1/activities/${act.id}?version=${act.version}`);
		assert.equal(r.status, 204, r.text);
		oneEntry(r, 'admin', 'delete', 'activity', act.id);
		assert.equal(srv.db.count('attachments', `id IN (${x1.id}, ${x2.id})`), 0);
		assert.equal(blobCount(sha256(only)), 0, 'the orphaned blob is gone');
		assert.equal(blobCount(sha256(shared)), 1, 'the shared blob stays');
		assert.equal((await admin.get(x2.url)).status, 404);
		r = await admin.get(keep.url);
		assert.equal(r.status, 200);
		assert.ok(r.raw.equals(shared));

		// a pairing
		let p = await admin.post('/api/v1/partners', { kind: 'community', name: uniqueName('附件小区'), region_code: '150622' });
		assert.equal(p.status, 201, JSON.stringify(p.body));
		p = await admin.post('/api/v1/pairings', { unit_id: U2.id, partner_id: p.body.id, kind: 'city_creation', start_date: '2021-01-01', end_date: '2021-12-31' });
		assert.equal(p.status, 201, JSON.stringify(p.body));
		const pg = p.body;
		const doc = makeDocx('结对共建协议');
		const y = await ok(await upload(admin, { kind: 'pairing', id: pg.id, file: { data: doc, name: '协议.docx' } }));
		assert.equal(y.mime, MIME.docx);
		r = await admin.get(`/api/v1/attachments?owner_kind=pairing&owner_id=${pg.id}`);
		assert.equal(r.body.total, 1);
		r = await admin.delete(`/api/v1/pairings/${pg.id}?version=${pg.version}`);
		assert.equal(r.status, 204, r.text);
		oneEntry(r, 'admin', 'delete', 'pairing', pg.id);
		assert.equal(srv.db.count('attachments', `id = ${y.id}`), 0);
		assert.equal(blobCount(sha256(doc)), 0);
		r = await admin.get(`/api/v1/attachments?owner_kind=pairing&owner_id=${pg.id}`);
		assert.equal(r.status, 404);
	});

	it('a deleted attachment\'s id is not given to the next upload (its content URL is cached as immutable)', async () => {
		const first = await ok(await upload(admin, { id: A1.id, file: { data: makePng(7, 1, 91), name: 'gone.png' } }));
		const cc = (await admin.get(first.url)).headers.get('cache-control') || '';
		assert.equal((await admin.delete(`/api/v1/attachments/${first.id}`)).status, 204);
		const next = await ok(await upload(admin, { id: A1.id, file: { data: makePng(7, 1, 92), name: 'next.png' } }));
		if (/immutable|max-age=[1-9]/.test(cc)) {
			assert.notEqual(next.id, first.id, `id ${first.id} reused while its content was served with Cache-Control: ${cc}`);
		}
	});
});

/**
 * One HTTP/1.1 request over a plain socket: writes head, and when the server has not answered
 * within waitMs, body (if given); then reads the answer until the server closes or Content-Length
 * is reached. Without a body this shows what the server answers from the headers alone.
 * → {status, headers (lower-case names), body (Buffer), early (answered before the body was sent)}.
 */
function rawHttp(port, head, body, { waitMs = 1000 } = {}) {
	return new Promise((resolve, reject) => {
		const sock = net.connect(port, '127.0.0.1');
		const chunks = [];
		let done = false;
		let sent = false;
		let timer = null;
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
			clearTimeout(timer);
			sock.destroy();
			resolve({ status: Number(lines[0].split(' ')[1]), headers, body: rest, early: !sent });
		};
		sock.on('data', (d) => {
			chunks.push(d);
			finish();
		});
		sock.on('end', finish);
		sock.on('close', () => {
			clearTimeout(timer);
			finish();
			if (!done) reject(new Error(`connection closed without a whole answer: ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`));
		});
		sock.on('error', () => {}); // a reset while writing: the answer (if any) still counts
		sock.write(head);
		if (body) {
			timer = setTimeout(() => {
				sent = true;
				sock.write(body);
			}, waitMs);
		}
	});
}

describe('attachments: the upload limit (WENMING_MAX_UPLOAD)', () => {
	let srv, admin, act;
	const LIMIT = 20000; // below WENMING_MAX_BODY (1 MB): the upload limit must still be the one reported

	before(async () => {
		srv = await startServer({ env: { WENMING_MAX_UPLOAD: String(LIMIT) } });
		admin = await srv.login('admin');
		const u = await createUnit(admin, { name: uniqueName('上传限制单位') });
		const r = await admin.post('/api/v1/activities', { unit_id: u.id, type_code: 'volunteer_service', title: '上传限制', activity_date: '2024-05-04' });
		assert.equal(r.status, 201, JSON.stringify(r.body));
		act = r.body;
	});
	after(async () => {
		await srv?.stop();
	});

	const counts = () => srv.db.queryMany(['SELECT count(*) FROM attachments', 'SELECT count(*) FROM blobs', 'SELECT count(*), max(id) FROM audit_log']);
	const headOf = (len, contentType, { auth = true, extra = '' } = {}) =>
		`POST /api/v1/attachments HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: ${contentType}\r\nContent-Length: ${len}\r\n` +
		(auth ? `Cookie: wm_session=${admin.cookie}\r\nX-CSRF-Token: ${admin.csrf}\r\n` : '') +
		`${extra}Connection: close\r\n\r\n`;
	function assertTooLarge(status, body, what) {
		assert.equal(status, 413, `${what}: ${body}`);
		const j = JSON.parse(body);
		assert.equal(j.error.code, 'file_too_large', `${what}: ${body}`);
		assert.equal(j.error.field, 'file', what);
		assert.ok(/[\u4e00-\u9fff]/.test(j.error.message), what);
	}

	it('a Content-Length over the limit → 413 file_too_large (field file); nothing written', async (t) => {
		const before = counts();
		// the server may answer from the headers (then the body is never sent) or read and drop the
		// body first: either way the client gets the 413
		const { body } = rawMultipart([field('owner_kind', 'activity'), field('owner_id', act.id), filePart('big.png', Buffer.alloc(LIMIT), 'image/png')], 'B0');
		const r = await rawHttp(srv.port, headOf(body.length, 'multipart/form-data; boundary=B0'), body);
		t.diagnostic(r.early ? 'answered from the headers' : 'answered after the body');
		assertTooLarge(r.status, r.body.toString('utf8'), 'Content-Length');
		assert.equal(r.headers['x-content-type-options'], 'nosniff');
		assert.deepEqual(counts(), before);
	});

	it('a chunked body over the limit → 413 file_too_large when it has arrived; nothing written', async () => {
		const before = counts();
		const big = Buffer.concat([makePng(2, 2, 1), Buffer.alloc(LIMIT)]); // a PNG with trailing bytes
		const { body, contentType } = rawMultipart([field('owner_kind', 'activity'), field('owner_id', act.id), filePart('big.png', big, 'image/png')]);
		const stream = new ReadableStream({
			start(ctrl) {
				for (let i = 0; i < body.length; i += 4096) ctrl.enqueue(body.subarray(i, i + 4096));
				ctrl.close();
			},
		});
		const res = await fetch(srv.base + '/api/v1/attachments', {
			method: 'POST',
			body: stream,
			duplex: 'half',
			headers: { 'Content-Type': contentType, Cookie: `wm_session=${admin.cookie}`, 'X-CSRF-Token': admin.csrf },
		});
		assertTooLarge(res.status, await res.text(), 'chunked');
		assert.deepEqual(counts(), before);
	});

	it('a browser-style upload (FormData, Content-Length) over the limit is refused; one under it is stored', async (t) => {
		const before = counts();
		const big = Buffer.concat([makePng(2, 2, 1), Buffer.alloc(LIMIT)]);
		const fd = form([['owner_kind', 'activity'], ['owner_id', String(act.id)], ['file', { data: big, name: 'big.png' }]]);
		// the server answers from the headers and closes without reading the body: the client may
		// see the connection reset before it reads the 413 (fetch then throws a TypeError)
		const r0 = await admin.post('/api/v1/attachments', undefined, { rawBody: fd, contentType: null }).catch((e) => {
			assert.equal(e.name, 'TypeError', String(e));
			t.diagnostic(`the 413 was lost to a connection reset: ${e.cause?.code || e.cause?.message || e}`);
			return null;
		});
		if (r0) assertTooLarge(r0.status, r0.text, 'FormData');
		assert.deepEqual(counts(), before);

		const fits = Buffer.concat([makePng(2, 2, 2), Buffer.alloc(LIMIT - 1000)]);
		const r = await admin.post('/api/v1/attachments', undefined, {
			rawBody: form([['owner_kind', 'activity'], ['owner_id', String(act.id)], ['file', { data: fits, name: 'fits.png' }]]),
			contentType: null,
		});
		assert.equal(r.status, 201, JSON.stringify(r.body));
		assert.equal(r.body.size, fits.length);
		assert.equal(r.body.sha256, sha256(fits));
	});

	it('without a login (or with a dead session) the body is read and dropped, then 401 — never a reset connection', async () => {
		const before = counts();
		// 8 MB sent without a login: nothing is kept, and the client reads the 401 after its body
		let r = await rawHttp(srv.port, headOf(8 << 20, 'multipart/form-data; boundary=B0', { auth: false }), Buffer.alloc(8 << 20), { waitMs: 0 });
		assert.equal(r.status, 401, r.body.toString());
		assert.equal(JSON.parse(r.body).error.code, 'unauthenticated');
		assert.equal(r.early, false, 'answered after the body');
		r = await rawHttp(srv.port, headOf(1000, 'multipart/form-data; boundary=B0', { auth: false, extra: 'Cookie: wm_session=' + 'x'.repeat(32) + '\r\n' }), Buffer.alloc(1000), { waitMs: 0 });
		assert.equal(r.status, 401, r.body.toString());
		assert.equal(JSON.parse(r.body).error.code, 'session_expired');
		// far more than the limit announced (over 64 MB beyond it): answered from the headers and closed
		r = await rawHttp(srv.port, headOf(200 << 20, 'multipart/form-data; boundary=B0'));
		assertTooLarge(r.status, r.body.toString('utf8'), 'a 200 MB announcement');
		assert.equal((await admin.get('/api/v1/session')).status, 200, 'the server still answers');
		assert.deepEqual(counts(), before);
	});

});
