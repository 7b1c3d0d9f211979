import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Organizations: applicants, recommending governments, the authority. */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** 统一社会信用代码 (18 characters); governments have one too. */
  creditCode: text("credit_code").unique(),
  type: text("type").notNull(),
  /** Administrative division code (GB/T 2260) of the organization's seat. */
  areaCode: text("area_code").notNull(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role").notNull(),
  organizationId: uuid("organization_id").references(() => organizations.id),
  areaCode: text("area_code"),
  passwordHash: text("password_hash").notNull(),
  totpSecret: text("totp_secret"),
  /** Where notifications are emailed when SMTP is configured; none means in-app only. */
  email: text("email"),
  /** A password someone else generated (admin-created, installer-provisioned) must be replaced first. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  disabled: boolean("disabled").notNull().default(false),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/** A session row is keyed by SHA-256(token): a leaked table does not leak live tokens. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** Absolute end of life; the idle limit is computed from last_seen_at. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
