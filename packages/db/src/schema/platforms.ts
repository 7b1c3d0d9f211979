import { date, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./identity";

/** Approved centers and zones: what the public portal lists. */
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
    approvedOn: date("approved_on", { mode: "string" }).notNull(),
    fields: jsonb("fields").$type<string[]>().notNull(),
    /** The application this platform was approved from (null for records loaded from elsewhere). */
    applicationId: uuid("application_id").unique(),
    status: text("status", { enum: ["active", "rectifying", "delisted"] })
      .notNull()
      .default("active"),
    /** The recommending body's area (copied from the application): its recommender follows the platform. */
    recommenderArea: text("recommender_area"),
    /** Set with status `delisted`: the day of the revocation decision. */
    revokedOn: date("revoked_on", { mode: "string" }),
  },
  (t) => [index("platforms_policy_idx").on(t.policyId)],
);
