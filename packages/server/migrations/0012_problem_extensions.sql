CREATE TABLE "problem_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"previous_deadline" date NOT NULL,
	"requested_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_org_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problem_extensions" ADD CONSTRAINT "problem_extensions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_extensions" ADD CONSTRAINT "problem_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_extensions" ADD CONSTRAINT "problem_extensions_requested_org_id_organisations_id_fk" FOREIGN KEY ("requested_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_extensions" ADD CONSTRAINT "problem_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_extensions_problem_idx" ON "problem_extensions" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_extensions_one_pending_uq" ON "problem_extensions" USING btree ("problem_id") WHERE "problem_extensions"."status" = 'pending';