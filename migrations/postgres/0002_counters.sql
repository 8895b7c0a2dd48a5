-- 0002_counters.sql (PostgreSQL) — change counters shared by every server process: a write to units
-- or titles bumps `units` in its own transaction, and cached list totals are keyed by it, so a
-- total is never served stale by one process after another process changed the data.
CREATE TABLE counters (
	name TEXT PRIMARY KEY,
	n BIGINT NOT NULL
);
INSERT INTO counters (name, n) VALUES ('units', 0);
