import { describe, expect, it } from "vitest";
import { loadConfig } from "./env";
import { portalsConfig } from "./portals-config";

const served = (env: NodeJS.ProcessEnv) => {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
  return portalsConfig(loaded.config);
};

describe("/config/portals.json", () => {
  it("tells the shell it runs a demo whenever demo data is on, and not otherwise", () => {
    expect(served({}).demo).toBe(true);
    expect(served({ DEMO: "1" }).demo).toBe(true);
    expect(served({ DEMO: "0" }).demo).toBe(false);
    const production = {
      KECHUANG_PRODUCTION: "1",
      DATABASE_URL: "postgres://db/kc",
      KECHUANG_SECRET_KEY: "0123456789abcdef".repeat(4),
    };
    expect(served(production).demo).toBe(false);
  });

  it("names each portal's manifest as configured", () => {
    expect(served({ PORTAL_APPLICANT_MANIFEST: "https://cdn.example/a/mf-manifest.json" }).remotes).toEqual([
      { name: "portal_public", route: "/", entry: "/portals/public/mf-manifest.json" },
      { name: "portal_applicant", route: "/apply", entry: "https://cdn.example/a/mf-manifest.json" },
      { name: "portal_reviewer", route: "/review", entry: "/portals/reviewer/mf-manifest.json" },
    ]);
  });
});
