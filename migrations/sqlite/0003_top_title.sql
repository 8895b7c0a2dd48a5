-- 0003_top_title.sql (SQLite) — each unit remembers its highest live title (level, then 标兵
-- over 文明单位), kept by the title store on every title change, so unit lists need no
-- per-row subquery.
ALTER TABLE units ADD COLUMN top_title_id INTEGER;
UPDATE units SET top_title_id = (
	SELECT t.id FROM titles t WHERE t.unit_id = units.id AND t.status IN ('valid', 'criticized', 'yellow_card')
	ORDER BY CASE t.level WHEN 'national' THEN 4 WHEN 'region' THEN 3 WHEN 'city' THEN 2 ELSE 1 END DESC,
		CASE t.tier WHEN 'model' THEN 1 ELSE 0 END DESC, t.id DESC LIMIT 1);
