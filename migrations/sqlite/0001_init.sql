-- 0001_init.sql (SQLite) — foundation: regions, dictionaries, units with lineage, titles with
-- history, users, sessions, API tokens, login throttling, the hash-chained audit log.
-- Times are epoch seconds (audit: milliseconds); booleans 0/1; every mutable row has `version`.

CREATE TABLE regions (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	parent_code TEXT REFERENCES regions(code),
	level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX regions_parent ON regions(parent_code);

CREATE TABLE dict_items (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	code TEXT NOT NULL,
	label TEXT NOT NULL,
	sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1,
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (kind, code)
);

CREATE TABLE units (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	name_key BLOB NOT NULL,
	uscc TEXT UNIQUE,
	category TEXT NOT NULL,
	region_code TEXT NOT NULL REFERENCES regions(code),
	city_code TEXT NOT NULL,
	prov_code TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	contact_name TEXT NOT NULL DEFAULT '',
	contact_phone TEXT NOT NULL DEFAULT '',
	staff_count INTEGER NOT NULL DEFAULT 0 CHECK (staff_count >= 0),
	status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'dissolved')),
	merged_into_id INTEGER REFERENCES units(id),
	split_from_id INTEGER REFERENCES units(id),
	remark TEXT NOT NULL DEFAULT '',
	top_rank INTEGER NOT NULL DEFAULT 0,
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
-- Scope filters are equalities on the column of the scope's level, so each index also serves the
-- pinyin ORDER BY and keyset paging.
CREATE INDEX units_region_name ON units(region_code, name_key, id);
CREATE INDEX units_city_name ON units(city_code, name_key, id);
CREATE INDEX units_prov_name ON units(prov_code, name_key, id);
CREATE INDEX units_name ON units(name_key, id);
CREATE INDEX units_updated ON units(updated_at, id);

CREATE TABLE unit_events (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	kind TEXT NOT NULL,
	related_unit_id INTEGER REFERENCES units(id),
	old_name TEXT,
	new_name TEXT,
	event_date TEXT,
	doc_no TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	actor_id INTEGER,
	at INTEGER NOT NULL
);
CREATE INDEX unit_events_unit ON unit_events(unit_id, id);

CREATE TABLE titles (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	level TEXT NOT NULL CHECK (level IN ('national', 'region', 'city', 'banner')),
	tier TEXT NOT NULL CHECK (tier IN ('unit', 'model')),
	awarded_year INTEGER NOT NULL,
	term_years INTEGER NOT NULL,
	doc_no TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'valid'
		CHECK (status IN ('valid', 'criticized', 'yellow_card', 'revoked', 'lapsed')),
	note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX titles_unit ON titles(unit_id, id);
CREATE INDEX titles_level ON titles(level, tier, status);

CREATE TABLE title_events (
	id INTEGER PRIMARY KEY,
	title_id INTEGER NOT NULL REFERENCES titles(id),
	from_status TEXT,
	to_status TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	doc_no TEXT NOT NULL DEFAULT '',
	actor_id INTEGER,
	actor_name TEXT NOT NULL DEFAULT '',
	at INTEGER NOT NULL
);
CREATE INDEX title_events_title ON title_events(title_id, id);

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('admin', 'assessor', 'unit', 'viewer')),
	region_code TEXT REFERENCES regions(code),
	unit_id INTEGER REFERENCES units(id),
	must_change_password INTEGER NOT NULL DEFAULT 0,
	disabled INTEGER NOT NULL DEFAULT 0,
	last_login_at INTEGER,
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX users_region ON users(region_code);
CREATE INDEX users_unit ON users(unit_id);

CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id),
	csrf_token TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	user_id INTEGER NOT NULL REFERENCES users(id),
	token_hash TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	last_used_at INTEGER,
	revoked_at INTEGER
);

CREATE TABLE login_throttle (
	key TEXT PRIMARY KEY,
	failures INTEGER NOT NULL,
	window_start INTEGER NOT NULL,
	locked_until INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	seq INTEGER NOT NULL,
	last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '');

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	actor_id INTEGER,
	actor_name TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL DEFAULT '',
	region_code TEXT NOT NULL DEFAULT '',
	before_json TEXT,
	after_json TEXT,
	request_id TEXT NOT NULL DEFAULT '',
	ip TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_at ON audit_log(at, id);
CREATE INDEX audit_region ON audit_log(region_code, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

INSERT INTO dict_items (kind, code, label, sort, created_at, updated_at) VALUES
	('unit_category', 'party_gov', '党政机关', 10, 0, 0),
	('unit_category', 'people_org', '人民团体', 20, 0, 0),
	('unit_category', 'institution', '事业单位', 30, 0, 0),
	('unit_category', 'school', '学校', 40, 0, 0),
	('unit_category', 'hospital', '医疗卫生机构', 50, 0, 0),
	('unit_category', 'soe', '国有企业', 60, 0, 0),
	('unit_category', 'private', '民营企业', 70, 0, 0),
	('unit_category', 'window', '窗口服务单位', 80, 0, 0),
	('unit_category', 'social_org', '社会组织', 90, 0, 0),
	('unit_category', 'community', '城乡社区', 100, 0, 0),
	('unit_category', 'military', '驻地部队', 110, 0, 0);
