CREATE TABLE "project_monthly_plans" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"cumulative_yuan" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "project_monthly_plans_project_id_year_month_pk" PRIMARY KEY("project_id","year","month"),
	CONSTRAINT "monthly_plans_month_range" CHECK ("project_monthly_plans"."month" between 1 and 12),
	CONSTRAINT "monthly_plans_nonneg" CHECK ("project_monthly_plans"."cumulative_yuan" >= 0)
);
--> statement-breakpoint
ALTER TABLE "project_monthly_plans" ADD CONSTRAINT "project_monthly_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_monthly_plans" ADD CONSTRAINT "project_monthly_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monthly_plans_year_idx" ON "project_monthly_plans" USING btree ("year");