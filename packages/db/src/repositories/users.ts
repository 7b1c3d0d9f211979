import type { Role } from "@kechuang/domain";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { sessions, users } from "../schema";

export type UserRow = typeof users.$inferSelect;

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

/** Counts a failed sign-in; the fifth consecutive one locks the account. Returns whether it is now locked. */
export async function recordFailedSignIn(
  db: Executor,
  userId: string,
  now: Date,
): Promise<{ locked: boolean }> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const [row] = await db
    .update(users)
    .set({
      failedAttempts: sql`case when ${users.failedAttempts} + 1 >= ${MAX_FAILED_SIGN_INS} then 0 else ${users.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${MAX_FAILED_SIGN_INS} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return { locked: row?.lockedUntil != null && row.lockedUntil.getTime() === lockUntil.getTime() };
}

export async function clearFailedSignIns(db: Executor, userId: string): Promise<void> {
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** Disabling an account ends all its sessions at once. */
export async function setUserDisabled(db: Executor, userId: string, disabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabled }).where(eq(users.id, userId));
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

/** A role change ends the account's sessions: privileges never outlive the session that earned them. */
export async function setUserRole(db: Executor, userId: string, role: Role): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}
