ALTER TABLE "platforms" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "formation_mode" text;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "platforms_search_grams_idx" ON "platforms" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "platforms_fields_idx" ON "platforms" USING gin ("fields" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "platforms_approved_idx" ON "platforms" USING btree ("approved_on","id");--> statement-breakpoint
CREATE INDEX "platforms_name_idx" ON "platforms" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "platforms_jurisdiction_approved_idx" ON "platforms" USING btree ("jurisdiction","approved_on","id");--> statement-breakpoint
CREATE INDEX "platforms_status_approved_idx" ON "platforms" USING btree ("status","approved_on","id");--> statement-breakpoint
-- Existing platforms take category and formation mode from their application's facts, and as summary the
-- body of the application's latest publicity notice (public by nature). search_text/search_grams are filled
-- by backfillPlatformSearch at server start: the normalization (NFKC, lowercase) is done in TypeScript so
-- documents and queries are normalized by the same code.
UPDATE "platforms" AS p SET
	"category" = CASE WHEN a."facts"->>'category' IN ('comprehensive', 'domain') THEN a."facts"->>'category' END,
	"formation_mode" = CASE WHEN a."facts"->>'formationMode' IN ('leading-enterprise', 'enterprise-alliance', 'academia-led') THEN a."facts"->>'formationMode' END,
	"summary" = (
		SELECT n."body" FROM "publicity_notices" n
		WHERE n."application_id" = a."id"
		ORDER BY n."published_at" DESC, n."id" DESC LIMIT 1
	)
FROM "applications" a
WHERE a."id" = p."application_id";
