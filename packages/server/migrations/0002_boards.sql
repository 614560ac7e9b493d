CREATE TABLE "board_adjustments" (
	"week_start" date NOT NULL,
	"project_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"reason" text NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_adjustments_week_start_project_id_pk" PRIMARY KEY("week_start","project_id")
);
--> statement-breakpoint
CREATE TABLE "board_entries" (
	"board_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"project_name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"park_name" text,
	"hq_name" text,
	"owner_name" text NOT NULL,
	"category" text NOT NULL,
	"levels" text[] NOT NULL,
	"plan_yuan" bigint,
	"ytd_yuan" bigint NOT NULL,
	"completion_rate" double precision,
	"gap_points" double precision,
	"suggested_grade" text,
	"grade" text,
	"grade_reason" text NOT NULL,
	"rank" integer,
	"peer_rank" integer,
	"movement" integer,
	"report_missing" boolean NOT NULL,
	"max_overdue_days" integer NOT NULL,
	"colour" text,
	CONSTRAINT "board_entries_board_id_project_id_pk" PRIMARY KEY("board_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"week_start" date NOT NULL,
	"week_end" date NOT NULL,
	"version" integer NOT NULL,
	"time_progress" double precision NOT NULL,
	"change_note" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "board_adjustments" ADD CONSTRAINT "board_adjustments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_adjustments" ADD CONSTRAINT "board_adjustments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_entries" ADD CONSTRAINT "board_entries_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_entries" ADD CONSTRAINT "board_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "boards_week_version_uq" ON "boards" USING btree ("week_start","version");