CREATE TABLE "project_changes" (
	"project_id" uuid,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_changes_horizon" (
	"one" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"below" "xid8" NOT NULL,
	CONSTRAINT "project_changes_horizon_one" CHECK ("project_changes_horizon"."one")
);
--> statement-breakpoint
CREATE INDEX "project_changes_xid_idx" ON "project_changes" USING btree ("xid");--> statement-breakpoint
-- The projects a statement changed, logged in project_changes (see src/db/changes-schema.ts):
-- one row per project, or one row with no project when the statement changed more than 1,000
-- (then anything may have changed, and reading the log stays cheap after a bulk load). Reports
-- count only when they are counting, before or after (submitted or approved): a draft saved
-- changes no figure. A project's id never changes, so old and new rows name the same projects.
CREATE FUNCTION log_project_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  old_ids uuid[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO project_changes (project_id) VALUES (NULL);
    RETURN NULL;
  END IF;
  -- PL/pgSQL plans each statement when it first runs, so each names only the transition table
  -- and the columns its table has.
  IF TG_OP <> 'DELETE' THEN
    IF TG_TABLE_NAME = 'projects' THEN
      SELECT array_agg(n.id) INTO ids FROM (SELECT id FROM new_rows LIMIT 1001) n;
    ELSIF TG_TABLE_NAME = 'progress_reports' THEN
      SELECT array_agg(n.project_id) INTO ids FROM (SELECT project_id FROM new_rows WHERE status IN ('submitted', 'approved') LIMIT 1001) n;
    ELSE
      SELECT array_agg(n.project_id) INTO ids FROM (SELECT project_id FROM new_rows LIMIT 1001) n;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF TG_TABLE_NAME = 'projects' THEN
      SELECT array_agg(o.id) INTO old_ids FROM (SELECT id FROM old_rows LIMIT 1001) o;
    ELSIF TG_TABLE_NAME = 'progress_reports' THEN
      SELECT array_agg(o.project_id) INTO old_ids FROM (SELECT project_id FROM old_rows WHERE status IN ('submitted', 'approved') LIMIT 1001) o;
    ELSE
      SELECT array_agg(o.project_id) INTO old_ids FROM (SELECT project_id FROM old_rows LIMIT 1001) o;
    END IF;
    ids := ids || old_ids;
  END IF;
  IF cardinality(ids) > 1000 THEN
    INSERT INTO project_changes (project_id) VALUES (NULL);
  ELSIF ids IS NOT NULL THEN
    INSERT INTO project_changes (project_id) SELECT DISTINCT unnest(ids);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A change to what every project's line reads: names of regions, organisations and people, a
-- campaign's settings; and a delete from the latest_reports rollup, which only a rebuild or a
-- project's removal makes.
CREATE FUNCTION log_any_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_changes (project_id) VALUES (NULL);
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'campaign_projects', 'project_annual_plans', 'project_milestones', 'project_monthly_plans', 'progress_reports'] LOOP
    EXECUTE format('CREATE TRIGGER %s_changes_on_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_project_changes()', t, t);
    EXECUTE format('CREATE TRIGGER %s_changes_on_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_project_changes()', t, t);
    EXECUTE format('CREATE TRIGGER %s_changes_on_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_project_changes()', t, t);
    EXECUTE format('CREATE TRIGGER %s_changes_on_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION log_project_changes()', t, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['regions', 'organisations', 'people', 'campaigns'] LOOP
    EXECUTE format('CREATE TRIGGER %s_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION log_any_change()', t, t);
  END LOOP;
  CREATE TRIGGER latest_reports_changes AFTER DELETE OR TRUNCATE ON latest_reports FOR EACH STATEMENT EXECUTE FUNCTION log_any_change();
END $$;
