import type { Actor } from "@kechuang/domain";

/**
 * Who may call what, as data: procedure path → actors allowed. Enforced by the procedure builder (trpc.ts);
 * a procedure without a row is refused for everyone, and a test checks every router procedure has one.
 * Administrators (三员分立) get nothing here until their own procedures exist.
 */
const everyone: readonly Actor[] = [
  "anonymous",
  "applicant",
  "recommender",
  "expert",
  "authority",
  "system-admin",
  "security-admin",
  "audit-admin",
];
const signedIn = everyone.filter((a) => a !== "anonymous");

export const permissions = {
  "auth.signIn": everyone,
  "auth.signOut": signedIn,
  "auth.me": everyone,
  "platforms.listApproved": everyone,
  "applications.listMine": ["applicant"],
  "review.queue": ["recommender", "expert", "authority"],
  "policies.list": everyone,
  "policies.get": everyone,
  "policies.check": everyone,
  "policies.schedule": everyone,
} as const satisfies Record<string, readonly Actor[]>;

export type ProcedurePath = keyof typeof permissions;
