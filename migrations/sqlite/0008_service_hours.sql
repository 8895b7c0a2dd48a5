-- 0008_service_hours.sql (SQLite) — volunteers' service hours (志愿服务时长):
--   activity_volunteers: the volunteers who served in an activity and their time (minutes,
--     whole multiples of 6 so hours have one exact decimal);
--   self_report_links: each unit's link (a random token) through which its volunteers report their
--     own hours without logging in;
--   hour_reports: such reports, pending until the unit's liaison approves (matching a volunteer of
--     the roster) or declines them with a reason.
CREATE TABLE activity_volunteers (
	activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
	volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
	minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
	PRIMARY KEY (activity_id, volunteer_id)
);
CREATE INDEX activity_volunteers_volunteer ON activity_volunteers(volunteer_id);

CREATE TABLE self_report_links (
	unit_id INTEGER PRIMARY KEY REFERENCES units(id),
	token TEXT NOT NULL UNIQUE,
	created_by INTEGER REFERENCES users(id),
	created_at INTEGER NOT NULL
);

CREATE TABLE hour_reports (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	volunteer_id INTEGER REFERENCES volunteers(id),
	name TEXT NOT NULL,
	phone TEXT NOT NULL,
	service_date TEXT NOT NULL,
	year INTEGER NOT NULL,
	minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
	activity_id INTEGER REFERENCES activities(id) ON DELETE SET NULL,
	description TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
	reason TEXT NOT NULL DEFAULT '',
	decided_by INTEGER REFERENCES users(id),
	decided_at INTEGER,
	client_ip TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX hour_reports_unit ON hour_reports(unit_id, status, id);
CREATE INDEX hour_reports_volunteer ON hour_reports(volunteer_id, status);
