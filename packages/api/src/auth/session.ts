/**
 * Why no auth library: Lucia is deprecated and its author now recommends exactly this — a random token in
 * the cookie, its SHA-256 as the session id in our own table (the Copenhagen Book). better-auth owns its
 * routes and schema and models neither 三员分立 nor tRPC-first procedures. The whole thing is ~200 lines we
 * can audit against 等保 2.0, with argon2id (@node-rs/argon2) and TOTP (otplib) doing the cryptography.
 */

import {
  type Database,
  deleteSession,
  findSessionWithUser,
  insertSession,
  type Tx,
  touchSession,
} from "@kechuang/db";
import type { SessionUser } from "@kechuang/domain";
import {
  generateSessionToken,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionIdOf,
  TOUCH_AFTER_MS,
} from "./tokens";

export interface ActiveSession {
  id: string;
  user: SessionUser;
  expiresAt: Date;
}

/** Creates a new session (fresh token at every sign-in: no fixation). The token goes to the cookie only. */
export async function createSession(
  tx: Tx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(meta.now.getTime() + SESSION_ABSOLUTE_MS);
  await insertSession(tx, {
    id: sessionIdOf(token),
    userId,
    createdAt: meta.now,
    lastSeenAt: meta.now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
  });
  return { token, expiresAt };
}

/**
 * Resolves a cookie token to a live session, or null. Expired (idle 30 min or absolute 12 h) and
 * disabled-account sessions are deleted on sight.
 */
export async function validateSessionToken(
  database: Database,
  token: string,
  now: Date,
): Promise<ActiveSession | null> {
  const id = sessionIdOf(token);
  const found = await findSessionWithUser(database.db, id);
  if (!found) return null;
  const { session, user, disabled } = found;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (disabled || idleExpired || now >= session.expiresAt) {
    await deleteSession(database.db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(database.db, id, now);
  return { id, user, expiresAt: session.expiresAt };
}
