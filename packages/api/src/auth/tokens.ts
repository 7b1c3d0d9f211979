import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: the only copy of the token lives in the browser's cookie. */
export const generateSessionToken = (): string => randomBytes(32).toString("base64url");

/** The session id stored in the database: SHA-256 of the token, hex. */
export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** Writing last_seen_at on every request is wasted I/O; a minute's resolution is enough for a 30-min idle limit. */
export const TOUCH_AFTER_MS = 60_000;

export interface SessionCookie {
  name: string;
  options: { path: "/"; httpOnly: true; secure: boolean; sameSite: "lax" };
}

/**
 * `__Host-` binds the cookie to this exact origin over HTTPS (no Domain, Path=/); browsers accept Secure
 * cookies on http://localhost, so it is the default. Plain-HTTP deployments behind no TLS set COOKIE_SECURE=false.
 */
export function sessionCookie(secure: boolean): SessionCookie {
  return {
    name: secure ? "__Host-kc_session" : "kc_session",
    options: { path: "/", httpOnly: true, secure, sameSite: "lax" },
  };
}
