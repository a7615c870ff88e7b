-- Visits are marked when a view is stored instead of being derived by window functions
-- on every report: those sorted all of a period's views by visitor and took seconds at a
-- million views. A view begins a visit when its visitor had no view in the 30 minutes
-- before; it ends one until a next view comes within 30 minutes; `visitor_first` marks a
-- visitor's first view (the key changes daily, so: the first of their day).
ALTER TABLE page_views ADD COLUMN visit_start INTEGER NOT NULL DEFAULT 1 CHECK (visit_start IN (0, 1));
ALTER TABLE page_views ADD COLUMN visit_end INTEGER NOT NULL DEFAULT 1 CHECK (visit_end IN (0, 1));
ALTER TABLE page_views ADD COLUMN visitor_first INTEGER NOT NULL DEFAULT 1 CHECK (visitor_first IN (0, 1));

-- The views stored before this migration (the same statement as analytics::db::recompute_visits).
UPDATE page_views SET visit_start = g.visit_start, visit_end = g.visit_end, visitor_first = g.visitor_first
FROM (
  SELECT id,
         coalesce((julianday(created_at) - julianday(lag(created_at) OVER w)) * 1440 > 30, 1) AS visit_start,
         coalesce((julianday(lead(created_at) OVER w) - julianday(created_at)) * 1440 > 30, 1) AS visit_end,
         row_number() OVER w = 1 AS visitor_first
  FROM page_views
  WINDOW w AS (PARTITION BY site_id, visitor ORDER BY created_at, id)
) AS g
WHERE page_views.id = g.id;

-- The path explorer starts from the views of one page.
CREATE INDEX page_views_by_path ON page_views (site_id, path, created_at);
