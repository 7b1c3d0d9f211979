import { type Executor, schema } from "@kechuang/db";
import type { Role } from "@kechuang/domain";
import { and, asc, count, desc, eq, gt, gte, like, lt, lte, type SQL, sql } from "drizzle-orm";

/**
 * Queries the administrators' procedures need that no other context does. They live beside the admin
 * routers (not in packages/db) so the account, session and audit screens change in one place.
 */
const { users, sessions, organizations, auditLog } = schema;

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  organizationId: string | null;
  organizationName: string | null;
  areaCode: string | null;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  areaCode: users.areaCode,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
};

export async function listAccounts(db: Executor, filter: { role?: Role }): Promise<AccountRow[]> {
  return db
    .select(accountColumns)
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(filter.role ? eq(users.role, filter.role) : undefined)
    .orderBy(asc(users.username));
}

export async function findAccount(db: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function lockedAccounts(db: Executor, now: Date): Promise<AccountRow[]> {
  return db
    .select(accountColumns)
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(gt(users.lockedUntil, now))
    .orderBy(asc(users.username));
}

export async function organizationExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return row !== undefined;
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row !== undefined;
}

export async function insertAccount(
  db: Executor,
  values: typeof users.$inferInsert,
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id, createdAt: users.createdAt });
  return row!;
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
}

export async function passwordHashOf(db: Executor, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash;
}

export interface LiveSessionRow {
  id: string;
  userId: string;
  username: string;
  role: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Sessions not past their absolute end; idle ones still listed until their next request deletes them. */
export async function liveSessions(db: Executor, now: Date): Promise<LiveSessionRow[]> {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      username: users.username,
      role: users.role,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(gt(sessions.expiresAt, now))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Deletes one session; returns whose it was, or undefined when there was none. */
export async function deleteSessionById(db: Executor, id: string): Promise<{ userId: string } | undefined> {
  const [row] = await db.delete(sessions).where(eq(sessions.id, id)).returning({ userId: sessions.userId });
  return row;
}

/** Ends every session of a user (a password change, then a fresh session is issued). */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export interface AuditFilter {
  beforeId?: number;
  limit: number;
  actorId?: string;
  actionPrefix?: string;
  result?: "ok" | "denied" | "failed";
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** Newest first, keyset-paged by id (stable while rows are being appended). */
export async function listAudit(db: Executor, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  // LIKE metacharacters in the prefix are escaped: a filter, not a pattern language.
  if (filter.actionPrefix)
    conditions.push(like(auditLog.action, `${filter.actionPrefix.replace(/[\\%_]/g, "\\$&")}%`));
  if (filter.result) conditions.push(eq(auditLog.result, filter.result));
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) conditions.push(eq(auditLog.objectId, filter.objectId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

/** The TOTP time step of the user's last successful sign-in, kept in its audit row's detail. */
export async function lastAcceptedTotpStep(db: Executor, userId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, "auth.sign-in"), eq(auditLog.result, "ok")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const step = row?.detail?.totpTimeStep;
  return typeof step === "number" ? step : undefined;
}

/** Successful sign-ins of the user that used this TOTP step or a later one (1 means only the caller's). */
export async function acceptancesOfTotpStep(db: Executor, userId: string, step: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, userId),
        eq(auditLog.action, "auth.sign-in"),
        eq(auditLog.result, "ok"),
        sql`(${auditLog.detail}->>'totpTimeStep')::bigint >= ${step}`,
      ),
    );
  return row?.n ?? 0;
}
