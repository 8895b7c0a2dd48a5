-- 0004_partners_pairings.sql (SQLite) — the creation ledger's first part: partners (社区/小区
-- and 嘎查村) and pairings (结对共建 / 包联共建) between units and partners.
-- Dates are 'YYYY-MM-DD' text; an open pairing has no end_date.

CREATE TABLE partners (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('community', 'village')),
	name TEXT NOT NULL,
	name_key BLOB NOT NULL,
	region_code TEXT NOT NULL REFERENCES regions(code),
	city_code TEXT NOT NULL,
	prov_code TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	contact_name TEXT NOT NULL DEFAULT '',
	contact_phone TEXT NOT NULL DEFAULT '',
	households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
	population INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
	remark TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (region_code, kind, name)
);
CREATE INDEX partners_region_name ON partners(region_code, name_key, id);
CREATE INDEX partners_city_name ON partners(city_code, name_key, id);
CREATE INDEX partners_prov_name ON partners(prov_code, name_key, id);

CREATE TABLE pairings (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	partner_id INTEGER NOT NULL REFERENCES partners(id),
	kind TEXT NOT NULL CHECK (kind IN ('city_creation', 'rural_revitalization')),
	start_date TEXT NOT NULL,
	end_date TEXT,
	note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX pairings_unit ON pairings(unit_id, kind, start_date);
CREATE INDEX pairings_partner ON pairings(partner_id, start_date);
