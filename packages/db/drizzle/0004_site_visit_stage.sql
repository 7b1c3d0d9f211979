ALTER TABLE "site_visits" ADD COLUMN "stage" text;--> statement-breakpoint
-- Earlier visits are taken to belong to the stage their application is in now.
UPDATE "site_visits" SET "stage" = "applications"."stage" FROM "applications" WHERE "applications"."id" = "site_visits"."application_id";
