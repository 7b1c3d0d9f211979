ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_outbox_idx" ON "notifications" USING btree ("emailed_at","id");--> statement-breakpoint
-- Rows from before email existed are not sent out as a late burst once SMTP is configured.
UPDATE "notifications" SET "emailed_at" = "created_at";
