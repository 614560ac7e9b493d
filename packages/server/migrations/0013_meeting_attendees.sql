CREATE TABLE "meeting_attendee_orgs" (
	"meeting_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "meeting_attendee_orgs_meeting_id_org_id_pk" PRIMARY KEY("meeting_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_attendee_orgs" ADD CONSTRAINT "meeting_attendee_orgs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendee_orgs" ADD CONSTRAINT "meeting_attendee_orgs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attendee_orgs_org_idx" ON "meeting_attendee_orgs" USING btree ("org_id");