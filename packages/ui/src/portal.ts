import type { SessionUser } from "@kechuang/domain";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

/**
 * The contract between the shell and every portal: the shell renders a portal's exposed `./App`
 * with these props. Portals never read the session or the locale on their own.
 */
export type PortalProps = {
  /** Where the shell mounted the portal, e.g. "/apply"; links inside the portal start here. */
  basePath: string;
  locale: Locale;
  user: SessionUser | null;
  /** The portal needs a signed-in user: the shell takes over (sign-in page, then back). */
  onSignInRequired(): void;
};

/** The names the server's /config/portals.json uses for the three remotes. */
export const portalNames = ["portal_public", "portal_applicant", "portal_reviewer"] as const;
export type PortalName = (typeof portalNames)[number];
