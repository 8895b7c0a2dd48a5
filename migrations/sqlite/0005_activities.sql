-- 0005_activities.sql (SQLite) — the creation ledger's activities (精神文明创建活动): typed from the
-- editable dictionary `activity_type`, dated by when they happened (which decides the year they
-- count for), optionally at a partner, hosted or joined, with participants and a description.
CREATE TABLE activities (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	type_code TEXT NOT NULL,
	festival TEXT CHECK (festival IS NULL OR festival IN ('spring_festival', 'lantern', 'qingming',
		'dragon_boat', 'qixi', 'mid_autumn', 'double_ninth')),
	title TEXT NOT NULL,
	activity_date TEXT NOT NULL,
	year INTEGER NOT NULL,
	place TEXT NOT NULL DEFAULT '',
	partner_id INTEGER REFERENCES partners(id),
	role TEXT NOT NULL DEFAULT 'hosted' CHECK (role IN ('hosted', 'joined')),
	participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
	description TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX activities_unit_date ON activities(unit_id, activity_date, id);
CREATE INDEX activities_year_type ON activities(year, type_code);
CREATE INDEX activities_partner ON activities(partner_id);

INSERT INTO dict_items (kind, code, label, sort, created_at, updated_at) VALUES
	('activity_type', 'volunteer_service', '志愿服务', 10, 0, 0),
	('activity_type', 'lei_feng', '学雷锋', 20, 0, 0),
	('activity_type', 'our_festivals', '我们的节日', 30, 0, 0),
	('activity_type', 'moral_lecture', '道德讲堂', 40, 0, 0),
	('activity_type', 'study_lecture', '学习讲堂', 50, 0, 0),
	('activity_type', 'civil_dining', '文明餐桌', 60, 0, 0),
	('activity_type', 'civil_travel', '文明旅游', 70, 0, 0),
	('activity_type', 'civil_traffic', '文明交通', 80, 0, 0),
	('activity_type', 'civil_online', '文明上网', 90, 0, 0),
	('activity_type', 'civil_etiquette', '文明礼仪', 100, 0, 0),
	('activity_type', 'integrity', '诚信宣传', 110, 0, 0),
	('activity_type', 'public_ad', '公益宣传', 120, 0, 0),
	('activity_type', 'community_joint', '共建社区活动', 130, 0, 0),
	('activity_type', 'rural_support', '乡村振兴帮扶', 140, 0, 0),
	('activity_type', 'culture_sports', '文体活动', 150, 0, 0),
	('activity_type', 'other', '其他', 900, 0, 0);
