import type { Actor } from "@kechuang/domain";

/**
 * Who may call what, as data: procedure path → actors allowed. Enforced by the procedure builder (trpc.ts);
 * a procedure without a row is refused for everyone, and a test checks every router procedure has one.
 * Administrators (三员分立) each get only their own duty: accounts and roles / security / the audit trail.
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
  "applications.create": ["applicant"],
  "applications.get": ["applicant", "recommender", "expert", "authority"],
  "applications.saveDraft": ["applicant"],
  "applications.submit": ["applicant"],
  "applications.transition": ["applicant", "recommender", "expert", "authority"],
  "applications.versions": ["applicant", "recommender", "expert", "authority"],
  "applications.compareVersions": ["applicant", "recommender", "expert", "authority"],
  "attachments.upload": ["applicant"],
  "attachments.list": ["applicant", "recommender", "expert", "authority"],
  "attachments.download": ["applicant", "recommender", "expert", "authority"],
  "review.queue": ["recommender", "expert", "authority"],
  "review.panel": ["authority"],
  "review.expertLoads": ["authority"],
  "review.assignExpert": ["authority"],
  "review.submitOpinion": ["expert"],
  "review.opinions": ["applicant", "recommender", "expert", "authority"],
  "review.recordSiteVisit": ["authority"],
  "publicity.open": ["authority"],
  "publicity.window": ["authority"],
  "publicity.listOpen": everyone,
  "publicity.object": everyone,
  "publicity.objections": ["authority"],
  "publicity.resolveObjection": ["authority"],
  "notifications.list": signedIn,
  "notifications.markRead": signedIn,
  "notifications.waiting": signedIn,
  "policies.list": everyone,
  "policies.get": everyone,
  "policies.check": everyone,
  "policies.schedule": everyone,
  "account.changePassword": signedIn,
  "admin.accounts.list": ["system-admin"],
  "admin.accounts.create": ["system-admin"],
  "admin.accounts.setRole": ["system-admin"],
  "admin.accounts.setDisabled": ["system-admin"],
  "security.lockedAccounts": ["security-admin"],
  "security.unlock": ["security-admin"],
  "security.administrators": ["security-admin"],
  "security.setAdministratorDisabled": ["security-admin"],
  "security.sessions": ["security-admin"],
  "security.revokeSession": ["security-admin"],
  "audit.list": ["audit-admin"],
  "audit.verify": ["audit-admin"],
  "exports.applications": ["authority"],
} as const satisfies Record<string, readonly Actor[]>;

export type ProcedurePath = keyof typeof permissions;
