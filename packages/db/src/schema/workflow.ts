import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  customType,
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
import { annualReports } from "./after-approval";
import { applications } from "./applications";
import { users } from "./identity";
import { platforms } from "./platforms";

/** PostgreSQL bytea as a Node Buffer: attachments live in the database so a backup holds them. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = (name = "created_at") =>
  timestamp(name, { withTimezone: true }).notNull().default(sql`now()`);

/** A snapshot of plan and facts per submission: earlier versions stay comparable. */
export const applicationVersions = pgTable(
  "application_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    plan: jsonb("plan").$type<Record<string, Record<string, unknown>>>().notNull(),
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique("application_versions_app_number_uq").on(t.applicationId, t.number)],
);

/** An expert's profile: the expertise seats they can fill. Their affiliation is users.organization_id. */
export const expertProfiles = pgTable("expert_profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  expertise: jsonb("expertise").$type<string[]>().notNull(),
});

/** The consultation panel of one application: one row per seated expert. */
export const panelMembers = pgTable(
  "panel_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    seat: text("seat").notNull(),
    assignedBy: uuid("assigned_by").references(() => users.id),
    assignedAt: createdAt("assigned_at"),
  },
  (t) => [
    unique("panel_members_app_expert_uq").on(t.applicationId, t.expertId),
    index("panel_members_expert_idx").on(t.expertId),
  ],
);

export const opinions = pgTable(
  "opinions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    stage: text("stage").notNull(),
    recommendation: text("recommendation").notNull(),
    text: text("text").notNull(),
    scores: jsonb("scores").$type<{ criterion: string; score: number }[]>().notNull(),
    submittedAt: createdAt("submitted_at"),
  },
  (t) => [unique("opinions_app_expert_stage_uq").on(t.applicationId, t.expertId, t.stage)],
);

export const siteVisits = pgTable("site_visits", {
  id: uuid("id").primaryKey().defaultRandom(),
  applicationId: uuid("application_id")
    .notNull()
    .references(() => applications.id, { onDelete: "cascade" }),
  /**
   * The stage the visit belongs to: Inner Mongolia inspects the site in consultation and evaluates it
   * again on site in review, and the second must not be satisfied by the first.
   */
  stage: text("stage"),
  visitedOn: date("visited_on", { mode: "string" }).notNull(),
  location: text("location").notNull(),
  participantIds: jsonb("participant_ids").$type<string[]>().notNull(),
  findings: text("findings").notNull(),
  conclusion: text("conclusion").notNull(),
  recordedBy: uuid("recorded_by")
    .notNull()
    .references(() => users.id),
  recordedAt: createdAt("recorded_at"),
});

export const publicityNotices = pgTable(
  "publicity_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    policyId: text("policy_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    /** "open" while it governs the application; "ended" once the application left publicity. */
    status: text("status", { enum: ["open", "ended"] })
      .notNull()
      .default("open"),
    publishedAt: createdAt("published_at"),
  },
  (t) => [index("publicity_notices_app_idx").on(t.applicationId)],
);

export const objections = pgTable(
  "objections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => publicityNotices.id, { onDelete: "cascade" }),
    objectorName: text("objector_name").notNull(),
    objectorContact: text("objector_contact").notNull(),
    grounds: text("grounds").notNull(),
    status: text("status", { enum: ["open", "upheld", "dismissed"] })
      .notNull()
      .default("open"),
    reason: text("reason"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** Only for the per-IP rate limit on anonymous objections. */
    sourceIp: text("source_ip"),
    submittedAt: createdAt("submitted_at"),
  },
  (t) => [
    index("objections_notice_idx").on(t.noticeId),
    index("objections_ip_idx").on(t.sourceIp, t.submittedAt),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** An attachment belongs to exactly one application or one annual report (the CHECK below). */
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "cascade" }),
    annualReportId: uuid("annual_report_id").references(() => annualReports.id, { onDelete: "cascade" }),
    /** Chosen by the server (id + extension of the detected type); never a path from the client. */
    storedName: text("stored_name").notNull(),
    /** The client's name, sanitized, shown as a label only. */
    displayName: text("display_name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: createdAt("uploaded_at"),
  },
  (t) => [
    index("attachments_app_idx").on(t.applicationId),
    index("attachments_report_idx").on(t.annualReportId),
    check("attachments_one_owner_ck", sql`num_nonnulls(${t.applicationId}, ${t.annualReportId}) = 1`),
  ],
);

/** In-app notifications, fanned out to each user who must act (so read_at is per person). */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "cascade" }),
    /** After approval: the platform the notification is about (reports, evaluations, rectification). */
    platformId: uuid("platform_id").references(() => platforms.id),
    /** What the portal needs to render it beyond kind + stage, e.g. { yearCovered, dueOn }. */
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    kind: text("kind").notNull(),
    /** Stage the application entered; the message is rendered from kind + stage in the portal. */
    stage: text("stage"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Set once the email copy went out (the outbox in apps/server sends what is still null). */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.readAt),
    index("notifications_outbox_idx").on(t.emailedAt, t.id),
  ],
);

export const decisions = pgTable("decisions", {
  id: uuid("id").primaryKey().defaultRandom(),
  applicationId: uuid("application_id")
    .notNull()
    .references(() => applications.id, { onDelete: "cascade" }),
  outcome: text("outcome", { enum: ["approved", "rejected"] }).notNull(),
  decidedOn: date("decided_on", { mode: "string" }).notNull(),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  designatedName: text("designated_name"),
  reason: text("reason"),
  ruleId: text("rule_id").notNull(),
  recordedAt: createdAt("recorded_at"),
});
