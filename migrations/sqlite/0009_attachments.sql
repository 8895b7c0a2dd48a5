-- 0009_attachments.sql (SQLite) — attachments (附件): photos and documents on ledger records.
-- Content is addressed by its SHA-256 and stored once in `blobs` (in the database, so every
-- server process sees it); `attachments` ties a blob to a record with the name it was uploaded
-- under. The type is decided from the content (libmagic), never from the name.
CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY,
	size INTEGER NOT NULL CHECK (size > 0),
	mime TEXT NOT NULL,
	data BLOB NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE attachments (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	owner_kind TEXT NOT NULL CHECK (owner_kind IN ('activity', 'pairing', 'aid', 'ad', 'exemplar')),
	owner_id INTEGER NOT NULL,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	sha256 TEXT NOT NULL REFERENCES blobs(sha256),
	filename TEXT NOT NULL,
	mime TEXT NOT NULL,
	size INTEGER NOT NULL,
	caption TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users(id),
	created_at INTEGER NOT NULL
);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id, id);
CREATE INDEX attachments_sha ON attachments(sha256);
