import type { ServerConfig } from "./env";

/**
 * GET /config/portals.json: where the shell finds each portal's Module Federation manifest, and whether
 * this is a demo installation (the shell then says so on every page: demo accounts, demo data).
 */
export function portalsConfig(config: Pick<ServerConfig, "portalManifests" | "demo">) {
  return {
    remotes: [
      { name: "portal_public", route: "/", entry: config.portalManifests.public },
      { name: "portal_applicant", route: "/apply", entry: config.portalManifests.applicant },
      { name: "portal_reviewer", route: "/review", entry: config.portalManifests.reviewer },
    ],
    demo: config.demo,
  };
}
