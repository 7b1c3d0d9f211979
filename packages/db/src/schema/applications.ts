import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./identity";

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    policyId: text("policy_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** Area code of the recommender that endorses it. */
    recommenderArea: text("recommender_area").notNull(),
    stage: text("stage").notNull(),
    /** Optimistic concurrency: every transition bumps it. */
    version: integer("version").notNull().default(1),
    plan: jsonb("plan").$type<Record<string, unknown>>().notNull().default({}),
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index("applications_org_idx").on(t.organizationId),
    index("applications_area_stage_idx").on(t.recommenderArea, t.stage),
  ],
);

/** One row per transition: the application's history. */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().default(sql`now()`),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    ruleId: text("rule_id"),
    reason: text("reason"),
  },
  (t) => [index("application_events_app_idx").on(t.applicationId)],
);

/** Replays of a mutation with the same key return the stored result instead of acting twice. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    result: jsonb("result").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
