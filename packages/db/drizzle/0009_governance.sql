CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"change_kind_id" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"rule_id" text NOT NULL,
	"description" text NOT NULL,
	"payload" jsonb,
	"before" jsonb,
	"effective_on" date,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "governance_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid,
	"jurisdiction" text NOT NULL,
	"body" text NOT NULL,
	"body_kind" text,
	"position" text DEFAULT 'member' NOT NULL,
	"name" text NOT NULL,
	"organization" text,
	"affiliation" text,
	"expertise" text,
	"is_director" boolean DEFAULT false NOT NULL,
	"organization_type" text,
	"full_time" boolean,
	"months_per_year" integer,
	"seat_id" text,
	"department" text,
	"since" date NOT NULL,
	"until" date,
	"opened_by_change" uuid,
	"closed_by_change" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_recognitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"type_id" text NOT NULL,
	"tier" text NOT NULL,
	"recognized_on" date NOT NULL,
	"document_number" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_experiences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"promoted" boolean DEFAULT false NOT NULL,
	"return_reason" text,
	"created_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_memberships" ADD CONSTRAINT "governance_memberships_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_recognitions" ADD CONSTRAINT "platform_recognitions_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_recognitions" ADD CONSTRAINT "platform_recognitions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_experiences" ADD CONSTRAINT "zone_experiences_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_experiences" ADD CONSTRAINT "zone_experiences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_experiences" ADD CONSTRAINT "zone_experiences_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_requests_platform_idx" ON "change_requests" USING btree ("platform_id","submitted_at");--> statement-breakpoint
CREATE INDEX "change_requests_status_idx" ON "change_requests" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "governance_memberships_platform_idx" ON "governance_memberships" USING btree ("platform_id","body","since");--> statement-breakpoint
CREATE INDEX "governance_memberships_jurisdiction_idx" ON "governance_memberships" USING btree ("jurisdiction","body","since");--> statement-breakpoint
CREATE INDEX "platform_recognitions_platform_idx" ON "platform_recognitions" USING btree ("platform_id","recognized_on");--> statement-breakpoint
CREATE INDEX "zone_experiences_platform_idx" ON "zone_experiences" USING btree ("platform_id","status");