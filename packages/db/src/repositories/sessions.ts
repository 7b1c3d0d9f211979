import { roleSchema, type SessionUser } from "@kechuang/domain";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organizations, sessions, users } from "../schema";

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Executor, session: SessionRow): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The session and the user it belongs to, or undefined. Expiry is the caller's decision. */
export async function findSessionWithUser(
  db: Executor,
  sessionId: string,
): Promise<{ session: SessionRow; user: SessionUser; disabled: boolean } | undefined> {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      organizationName: organizations.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return undefined;
  return {
    session: row.session,
    disabled: row.user.disabled,
    user: {
      id: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      role: roleSchema.parse(row.user.role),
      organizationId: row.user.organizationId,
      organizationName: row.organizationName ?? null,
      areaCode: row.user.areaCode,
      mustChangePassword: row.user.mustChangePassword,
    },
  };
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
