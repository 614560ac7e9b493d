-- The import's commit writes up to 100,000 reports of projects it creates in the same
-- transaction; each such project has that one report, so its rollup row is known without
-- looking at the reports. The commit sets pacer.latest_reports = 'deferred' for its own
-- statements only (set_config(…, true): transaction-local, so it never reaches another
-- transaction on a pooled connection) and writes the rollup rows itself, set-wise, before it
-- commits. Everyone else, and every other statement, keeps the trigger's work as before.
CREATE OR REPLACE FUNCTION latest_reports_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  yrs integer[];
BEGIN
  IF coalesce(current_setting('pacer.latest_reports', true), '') = 'deferred' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.project_id), array_agg(n.year) INTO ids, yrs FROM new_rows n WHERE n.status IN ('submitted', 'approved');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.project_id), array_agg(o.year) INTO ids, yrs FROM old_rows o WHERE o.status IN ('submitted', 'approved');
  ELSE
    SELECT array_agg(c.project_id), array_agg(c.year) INTO ids, yrs FROM (
      SELECT o.project_id, o.year FROM old_rows o WHERE o.status IN ('submitted', 'approved')
      UNION SELECT n.project_id, n.year FROM new_rows n WHERE n.status IN ('submitted', 'approved')) c;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM refresh_latest_reports(ids, yrs);
  END IF;
  RETURN NULL;
END $$;
