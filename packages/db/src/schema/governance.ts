import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { platforms } from "./platforms";

/**
 * Governance as records (issue 11): memberships with their dates, change requests, a zone's replicable
 * experiences, the recognitions a platform receives. Nothing is deleted: a membership ends with `until`.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`);

/**
 * One seat held over a span of days: a board or committee member, the committee chair, the director, the lead
 * or a co-build unit, or a member of a city's joint meeting (platform_id null, the city in `jurisdiction`).
 * "Who sat on the committee on 1 March 2025": since <= day and (until is null or until > day).
 */
export const governanceMemberships = pgTable(
  "governance_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: uuid("platform_id").references(() => platforms.id),
    /** The platform's jurisdiction, or the city whose joint meeting this is. */
    jurisdiction: text("jurisdiction").notNull(),
    body: text("body", {
      enum: ["board", "committee", "director", "lead-unit", "co-build-unit", "joint-meeting"],
    }).notNull(),
    /** Committees: expert-committee | tech-guidance-committee. */
    bodyKind: text("body_kind"),
    /** member | chair (committee) | convener | deputy-convener (joint meeting). */
    position: text("position").notNull().default("member"),
    /** A person's name, or a unit's name for lead-unit / co-build-unit rows. */
    name: text("name").notNull(),
    organization: text("organization"),
    /** lead-unit | co-build-unit | external (relative to the platform). */
    affiliation: text("affiliation"),
    expertise: text("expertise"),
    isDirector: boolean("is_director").notNull().default(false),
    /** Unit rows: the organization type. */
    organizationType: text("organization_type"),
    /** Director rows. */
    fullTime: boolean("full_time"),
    monthsPerYear: integer("months_per_year"),
    /** Joint meeting: the seat id in the module (`jointMeeting.seats`) and the department spoken for. */
    seatId: text("seat_id"),
    department: text("department"),
    since: date("since", { mode: "string" }).notNull(),
    until: date("until", { mode: "string" }),
    /** The change that opened this row (null: approval or the seed). */
    openedByChange: uuid("opened_by_change"),
    closedByChange: uuid("closed_by_change"),
    createdAt: createdAt(),
  },
  (t) => [
    index("governance_memberships_platform_idx").on(t.platformId, t.body, t.since),
    index("governance_memberships_jurisdiction_idx").on(t.jurisdiction, t.body, t.since),
  ],
);

/**
 * A change the platform files (备案) or asks approval for (批复). `payload` is the new value of one part
 * (domain ChangePayload); `before` the part as it stood when filed, so history reads without replaying.
 */
export const changeRequests = pgTable(
  "change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: uuid("platform_id")
      .notNull()
      .references(() => platforms.id),
    changeKindId: text("change_kind_id").notNull(),
    mode: text("mode", { enum: ["filing", "approval"] }).notNull(),
    status: text("status", { enum: ["filed", "pending", "approved", "rejected"] }).notNull(),
    ruleId: text("rule_id").notNull(),
    description: text("description").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown> | null>(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    /** The day the change took effect: filing day for a filing, decision day for an approval. */
    effectiveOn: date("effective_on", { mode: "string" }),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().default(sql`now()`),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    reason: text("reason"),
  },
  (t) => [
    index("change_requests_platform_idx").on(t.platformId, t.submittedAt),
    index("change_requests_status_idx").on(t.status, t.submittedAt),
  ],
);

/** sc-zone 五(五): the zone writes up replicable experiences; the authority publishes them. */
export const zoneExperiences = pgTable(
  "zone_experiences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: uuid("platform_id")
      .notNull()
      .references(() => platforms.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["draft", "submitted", "returned", "published"] }).notNull(),
    /** 科技厅…向全省示范推广: the authority marks those it promotes province-wide. */
    promoted: boolean("promoted").notNull().default(false),
    returnReason: text("return_reason"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index("zone_experiences_platform_idx").on(t.platformId, t.status)],
);

/** A national, provincial or city recognition a platform received, recorded by its authority (as-plat). */
export const platformRecognitions = pgTable(
  "platform_recognitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    platformId: uuid("platform_id")
      .notNull()
      .references(() => platforms.id),
    /** The module's target type (`targets.types[].id`). */
    typeId: text("type_id").notNull(),
    tier: text("tier", { enum: ["national", "provincial", "city"] }).notNull(),
    recognizedOn: date("recognized_on", { mode: "string" }).notNull(),
    /** The recognizing document's number, where there is one. */
    documentNumber: text("document_number"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("platform_recognitions_platform_idx").on(t.platformId, t.recognizedOn)],
);
