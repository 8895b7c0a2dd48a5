-- 0007_exemplars_aid_ads.sql (SQLite) — the rest of the creation ledger's records:
--   exemplars (先进典型): persons or collectives the unit commended or saw commended, by kind,
--     commending level and year, with their deeds; the unit's 善行义举四德榜 shows them by virtue;
--   aid (帮扶记录): first secretary sent, industry project, purchase aid, donation, matched funds —
--     money in integer fen, quantities in integers of their base unit;
--   public_service_ads (公益广告): carrier, theme, count and period.
CREATE TABLE exemplars (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	kind TEXT NOT NULL CHECK (kind IN ('moral_model', 'moral_model_collective', 'good_person',
		'excellent_staff', 'excellent_volunteer', 'civilized_family')),
	name TEXT NOT NULL,
	name_key BLOB NOT NULL,
	level TEXT NOT NULL CHECK (level IN ('unit', 'banner', 'city', 'region', 'nation')),
	year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
	virtue TEXT NOT NULL DEFAULT '' CHECK (virtue IN ('', 'social', 'professional', 'family', 'personal')),
	deeds TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX exemplars_unit_year ON exemplars(unit_id, year, id);
CREATE INDEX exemplars_year_kind ON exemplars(year, kind);

CREATE TABLE aid_records (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	kind TEXT NOT NULL CHECK (kind IN ('first_secretary', 'industry_project', 'purchase_aid', 'donation',
		'aid_funds')),
	partner_id INTEGER REFERENCES partners(id),
	aid_date TEXT NOT NULL,
	year INTEGER NOT NULL,
	end_date TEXT,
	person TEXT NOT NULL DEFAULT '',
	item TEXT NOT NULL DEFAULT '',
	quantity INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),
	quantity_unit TEXT NOT NULL DEFAULT '' CHECK (quantity_unit IN ('', 'kg', 'head', 'piece', 'box', 'bag')),
	amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
	description TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (end_date IS NULL OR end_date >= aid_date)
);
CREATE INDEX aid_unit_date ON aid_records(unit_id, aid_date, id);
CREATE INDEX aid_year_kind ON aid_records(year, kind);
CREATE INDEX aid_partner ON aid_records(partner_id);

CREATE TABLE public_service_ads (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	carrier TEXT NOT NULL CHECK (carrier IN ('door_head', 'wall', 'bulletin_board', 'led_screen', 'billboard',
		'website', 'wechat_weibo_app')),
	theme TEXT NOT NULL,
	count INTEGER NOT NULL CHECK (count >= 1),
	start_date TEXT NOT NULL,
	end_date TEXT,
	year INTEGER NOT NULL,
	place TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX ads_unit_date ON public_service_ads(unit_id, start_date, id);
CREATE INDEX ads_year_carrier ON public_service_ads(year, carrier);
