import { sql } from "drizzle-orm";
import { date, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./identity";

/** Approved centers and zones (and Anshun's cultivation-pool entries): what the public portal lists. */
export const platforms = pgTable(
  "platforms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    policyId: text("policy_id").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    leadOrgId: uuid("lead_org_id")
      .notNull()
      .references(() => organizations.id),
    /** Jurisdiction code of the approving policy module (administrative division, e.g. "430000"). */
    jurisdiction: text("jurisdiction").notNull(),
    /** Day of approval, or of entry into a cultivation pool. */
    approvedOn: date("approved_on", { mode: "string" }).notNull(),
    fields: jsonb("fields").$type<string[]>().notNull(),
    /** The application this platform was approved from (null for records loaded from elsewhere). */
    applicationId: uuid("application_id").unique(),
    /**
     * `cultivating`: an entry of a cultivation pool (Anshun 二(二) 入库), not an approved platform, so the
     * register of approved platforms leaves it out (issue 11).
     */
    status: text("status", { enum: ["active", "rectifying", "delisted", "cultivating"] })
      .notNull()
      .default("active"),
    /** The recommending body's area (copied from the application): its recommender follows the platform. */
    recommenderArea: text("recommender_area"),
    /** Set with status `delisted`: the day of the revocation decision. */
    revokedOn: date("revoked_on", { mode: "string" }),
    /** From the application's facts: "comprehensive" | "domain" (Hunan's 综合类/领域类). */
    category: text("category", { enum: ["comprehensive", "domain"] }),
    /** From the application's facts: how the center was formed. */
    formationMode: text("formation_mode", {
      enum: ["leading-enterprise", "enterprise-alliance", "academia-led"],
    }),
    /** Where the platform sits, when recorded (a change of location is a change request). */
    location: text("location"),
    /** The public publicity notice's body, when there was one (nothing written in confidence). */
    summary: text("summary"),
    /**
     * The normalized searchable document (search/grams.ts): name, lead unit, fields and summary. Empty only
     * for rows written before migration 0008 until the start-up backfill fills it.
     */
    searchText: text("search_text").notNull().default(""),
    /** Distinct unigrams and bigrams of `searchText`, GIN-indexed for substring search. */
    searchGrams: text("search_grams").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index("platforms_policy_idx").on(t.policyId),
    index("platforms_search_grams_idx").using("gin", t.searchGrams),
    index("platforms_fields_idx").using("gin", sql`${t.fields} jsonb_path_ops`),
    index("platforms_approved_idx").on(t.approvedOn, t.id),
    index("platforms_name_idx").on(t.name, t.id),
    index("platforms_jurisdiction_approved_idx").on(t.jurisdiction, t.approvedOn, t.id),
    index("platforms_status_approved_idx").on(t.status, t.approvedOn, t.id),
  ],
);
