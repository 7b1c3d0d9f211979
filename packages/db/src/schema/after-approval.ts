import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity";
import { platforms } from "./platforms";

/**
 * A platform's life after approval (issue 10): its obligations calendar, annual reports, evaluations,
 * rectifications, delisting, and the public trace of all of it. Nothing here is ever deleted.
 */

const createdAt = (name = "created_at") =>
  timestamp(name, { withTimezone: true }).notNull().default(sql`now()`);

const platformRef = () =>
  uuid("platform_id")
    .notNull()
    .references(() => platforms.id);

/**
 * The module's schedule, computed once at approval and stored: a later module version does not move a
 * deadline a platform was given.
 */
export const platformObligations = pgTable(
  "platform_obligations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: platformRef(),
    kind: text("kind", { enum: ["annual-report", "evaluation"] }).notNull(),
    /** Annual reports: the year reported on. */
    yearCovered: integer("year_covered"),
    /** Annual reports: the due date; evaluations: the earliest date. Null when no date is given. */
    dueOn: date("due_on", { mode: "string" }),
    exempt: boolean("exempt").notNull().default(false),
    /** Evaluations: annual-assessment | periodic | summary. */
    evaluationKind: text("evaluation_kind"),
    ruleId: text("rule_id").notNull(),
    exemptRuleId: text("exempt_rule_id"),
    /** The date is a local setting, not a clause. */
    configurable: boolean("configurable").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("platform_obligations_platform_idx").on(t.platformId, t.dueOn)],
);

/** One report per platform and year covered; drafts are the platform's own until submitted. */
export const annualReports = pgTable(
  "annual_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: platformRef(),
    yearCovered: integer("year_covered").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    status: text("status", {
      enum: ["draft", "submitted", "recommender-checked", "returned", "accepted"],
    }).notNull(),
    /** Section id → text, and for zones the indicators with targets and actuals. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    checkedBy: uuid("checked_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    returnReason: text("return_reason"),
    /** Optimistic concurrency, as for applications. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [unique("annual_reports_platform_year_uq").on(t.platformId, t.yearCovered)],
);

/** An evaluation round the authority opens for the platforms that are due. */
export const evaluationRounds = pgTable("evaluation_rounds", {
  id: uuid("id").primaryKey().defaultRandom(),
  policyId: text("policy_id").notNull(),
  title: text("title").notNull(),
  openedOn: date("opened_on", { mode: "string" }).notNull(),
  openedBy: uuid("opened_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** One platform's evaluation (in a round, or a re-evaluation after rectification). */
export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: platformRef(),
    roundId: uuid("round_id").references(() => evaluationRounds.id),
    policyId: text("policy_id").notNull(),
    kind: text("kind", { enum: ["annual-assessment", "periodic", "summary", "re-evaluation"] }).notNull(),
    status: text("status", { enum: ["open", "graded"] })
      .notNull()
      .default("open"),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    evaluator: text("evaluator", { enum: ["experts", "authority", "third-party"] }).notNull(),
    evaluatorName: text("evaluator_name"),
    /** Focus area id → { data: quantitative figures, material: qualitative text }. */
    material: jsonb("material").$type<Record<string, unknown>>().notNull().default({}),
    gradeId: text("grade_id"),
    findings: text("findings"),
    conductedOn: date("conducted_on", { mode: "string" }),
    ruleId: text("rule_id").notNull(),
    gradedAt: timestamp("graded_at", { withTimezone: true }),
    gradedBy: uuid("graded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("evaluations_platform_idx").on(t.platformId)],
);

/** Experts assigned to an evaluation (conflict rules as at application time). */
export const evaluationExperts = pgTable(
  "evaluation_experts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    assignedAt: createdAt("assigned_at"),
  },
  (t) => [unique("evaluation_experts_uq").on(t.evaluationId, t.expertId)],
);

/** A rectification period ordered after a failing grade; ends accepted (back to active) or failed. */
export const rectifications = pgTable(
  "rectifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: platformRef(),
    evaluationId: uuid("evaluation_id").references(() => evaluations.id),
    reason: text("reason").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status", { enum: ["open", "response-submitted", "accepted", "failed"] })
      .notNull()
      .default("open"),
    response: text("response"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    /** The re-evaluation that closed it. */
    reEvaluationId: uuid("re_evaluation_id").references(() => evaluations.id),
    ruleId: text("rule_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rectifications_platform_idx").on(t.platformId)],
);

/** Delisting and revocation (摘牌撤销): the platform stays in the register, marked revoked. */
export const delistings = pgTable("delistings", {
  id: uuid("id").primaryKey().defaultRandom(),
  platformId: platformRef().unique(),
  groundIds: jsonb("ground_ids").$type<string[]>().notNull(),
  reason: text("reason").notNull(),
  /** How the grounds were verified (经审定情况属实). */
  verification: text("verification").notNull(),
  decidedOn: date("decided_on", { mode: "string" }).notNull(),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  documentNumber: text("document_number"),
  ruleId: text("rule_id").notNull(),
  recordedAt: createdAt("recorded_at"),
});

/**
 * What the public may know of a platform's life: approval, reports filed (not their content), grades,
 * rectification, revocation. Written in the same transaction as the change it records.
 */
export const platformEvents = pgTable(
  "platform_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    platformId: platformRef(),
    kind: text("kind", {
      enum: [
        "approved",
        "report-filed",
        "report-accepted",
        "graded",
        "rectification-ordered",
        "rectification-closed",
        "revoked",
        "changed",
        "recognized",
      ],
    }).notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    /** Public facts only: { yearCovered } | { gradeId } | { groundIds } … */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    ruleId: text("rule_id"),
    createdAt: createdAt(),
  },
  (t) => [index("platform_events_platform_idx").on(t.platformId, t.occurredOn)],
);

/** Reminders already sent, so the sweep that sends them is idempotent (one per obligation and moment). */
export const obligationReminders = pgTable(
  "obligation_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => platformObligations.id),
    moment: text("moment", { enum: ["before", "on-day", "overdue"] }).notNull(),
    sentAt: createdAt("sent_at"),
  },
  (t) => [unique("obligation_reminders_uq").on(t.obligationId, t.moment)],
);
