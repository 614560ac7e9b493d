CREATE TABLE "latest_reports" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"first_end" date,
	"first_ytd_yuan" bigint,
	"second_end" date,
	"second_ytd_yuan" bigint,
	"third_end" date,
	"third_ytd_yuan" bigint,
	CONSTRAINT "latest_reports_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
ALTER TABLE "latest_reports" ADD CONSTRAINT "latest_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recomputes latest_reports for some (project, year) pairs from the reports. Each pair's row is
-- inserted if missing and locked first, in key order, so concurrent writers of one project take
-- turns; the update after the lock sees everything they committed. Row locks rather than
-- advisory locks: an import of 100,000 projects would exhaust the lock table.
CREATE FUNCTION refresh_latest_reports(project_ids uuid[], years integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO latest_reports (project_id, year)
    SELECT DISTINCT k.project_id, k.year FROM unnest(project_ids, years) AS k(project_id, year)
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
  PERFORM 1 FROM latest_reports l
    WHERE (l.project_id, l.year) IN (SELECT k.project_id, k.year FROM unnest(project_ids, years) AS k(project_id, year))
    ORDER BY l.project_id, l.year
    FOR NO KEY UPDATE;
  UPDATE latest_reports l
     SET first_end = t.ends[1], first_ytd_yuan = t.ytds[1],
         second_end = t.ends[2], second_ytd_yuan = t.ytds[2],
         third_end = t.ends[3], third_ytd_yuan = t.ytds[3]
    FROM (SELECT DISTINCT k.project_id, k.year FROM unnest(project_ids, years) AS k(project_id, year)) c
    CROSS JOIN LATERAL (
      SELECT array_agg(top.period_end ORDER BY top.period_end DESC, top.updated_at DESC, top.period_start DESC) AS ends,
             array_agg(top.ytd_yuan ORDER BY top.period_end DESC, top.updated_at DESC, top.period_start DESC) AS ytds
        FROM (SELECT r.period_end, r.updated_at, r.period_start, r.ytd_yuan FROM progress_reports r
               WHERE r.project_id = c.project_id AND r.year = c.year AND r.status IN ('submitted', 'approved')
               ORDER BY r.period_end DESC, r.updated_at DESC, r.period_start DESC LIMIT 3) top
    ) t
   WHERE l.project_id = c.project_id AND l.year = c.year;
END $$;
--> statement-breakpoint
-- The pairs a statement on progress_reports may have changed: those of counting reports before or after it.
CREATE FUNCTION latest_reports_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  yrs integer[];
BEGIN
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
--> statement-breakpoint
CREATE FUNCTION latest_reports_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM latest_reports;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER latest_reports_on_insert AFTER INSERT ON progress_reports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION latest_reports_after_change();
--> statement-breakpoint
CREATE TRIGGER latest_reports_on_update AFTER UPDATE ON progress_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION latest_reports_after_change();
--> statement-breakpoint
CREATE TRIGGER latest_reports_on_delete AFTER DELETE ON progress_reports REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION latest_reports_after_change();
--> statement-breakpoint
CREATE TRIGGER latest_reports_on_truncate AFTER TRUNCATE ON progress_reports FOR EACH STATEMENT EXECUTE FUNCTION latest_reports_after_truncate();
--> statement-breakpoint
-- The whole table from the reports (this migration, bulk loads with the triggers off, repairs).
-- The table lock waits for writers in flight and holds new ones until the rebuild commits.
CREATE FUNCTION rebuild_latest_reports() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE latest_reports IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM latest_reports;
  INSERT INTO latest_reports (project_id, year, first_end, first_ytd_yuan, second_end, second_ytd_yuan, third_end, third_ytd_yuan)
  SELECT t.project_id, t.year, t.ends[1], t.ytds[1], t.ends[2], t.ytds[2], t.ends[3], t.ytds[3]
    FROM (SELECT r.project_id, r.year,
                 array_agg(r.period_end ORDER BY r.period_end DESC, r.updated_at DESC, r.period_start DESC) AS ends,
                 array_agg(r.ytd_yuan ORDER BY r.period_end DESC, r.updated_at DESC, r.period_start DESC) AS ytds
            FROM (SELECT x.project_id, x.year, x.period_end, x.updated_at, x.period_start, x.ytd_yuan,
                         row_number() OVER (PARTITION BY x.project_id, x.year ORDER BY x.period_end DESC, x.updated_at DESC, x.period_start DESC) AS n
                    FROM progress_reports x WHERE x.status IN ('submitted', 'approved')) r
           WHERE r.n <= 3
           GROUP BY r.project_id, r.year) t;
END $$;
--> statement-breakpoint
SELECT rebuild_latest_reports();
--> statement-breakpoint
-- Statistics now, so the first figures are planned as a join (autovacuum would get there later).
ANALYZE latest_reports;
