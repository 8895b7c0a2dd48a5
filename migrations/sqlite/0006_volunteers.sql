-- 0006_volunteers.sql (SQLite) — each unit's volunteer roster (志愿者名册): name, gender, phone
-- (kept whole, shown masked to those who need not see it), the ID on the national volunteer
-- platform (全国志愿服务信息系统), the date they joined, active or left.
CREATE TABLE volunteers (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	name TEXT NOT NULL,
	name_key BLOB NOT NULL,
	gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'male', 'female')),
	phone TEXT NOT NULL DEFAULT '',
	platform_id TEXT NOT NULL DEFAULT '',
	joined_date TEXT,
	status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
	left_date TEXT,
	remark TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX volunteers_unit ON volunteers(unit_id, status, name_key, id);
