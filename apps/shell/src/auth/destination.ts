import { portalOfRole, type Role } from "@kechuang/domain";

export const signInPath = "/signin";
export const passwordChangePath = "/account/password";

/** Where a portal path belongs; null for paths no portal guards. */
const portalOfPath = (path: string): "apply" | "review" | null =>
  /^\/apply(\/|$)/.test(path) ? "apply" : /^\/review(\/|$)/.test(path) ? "review" : null;

/** Paths that need a signed-in user. */
export const requiresSignIn = (path: string): boolean => portalOfPath(path) !== null;

/**
 * After sign-in: back to the page that sent the user here if it is in their role's portal,
 * otherwise the role's portal (applicant → /apply, everyone else → /review). Only local paths are
 * followed, so `next` cannot send anyone to another site.
 */
export function destinationAfterSignIn(role: Role, next: string | null): string {
  const home = `/${portalOfRole(role)}`;
  if (!next?.startsWith("/") || next.startsWith("//")) return home;
  return portalOfPath(next) === portalOfRole(role) ? next : home;
}

export const signInUrlFor = (path: string): string =>
  path === "/" ? signInPath : `${signInPath}?next=${encodeURIComponent(path)}`;
