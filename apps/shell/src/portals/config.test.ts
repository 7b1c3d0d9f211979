import { describe, expect, it } from "vitest";
import { fetchPortalsConfig, parsePortalsConfig } from "./config";

const served = {
  remotes: [
    { name: "portal_public", route: "/", entry: "/portals/public/mf-manifest.json" },
    { name: "portal_applicant", route: "/apply", entry: "/portals/applicant/mf-manifest.json" },
    { name: "portal_reviewer", route: "/review", entry: "/portals/reviewer/mf-manifest.json" },
  ],
};

describe("parsePortalsConfig", () => {
  it("accepts the config the server serves", () => {
    const result = parsePortalsConfig(served);
    expect(result.ok && result.value.remotes.map((remote) => remote.name)).toEqual([
      "portal_public",
      "portal_applicant",
      "portal_reviewer",
    ]);
  });

  it("reads whether the installation is a demo, taking a server that does not say as no demo", () => {
    expect(parsePortalsConfig({ ...served, demo: true })).toMatchObject({ ok: true, value: { demo: true } });
    expect(parsePortalsConfig({ ...served, demo: false })).toMatchObject({
      ok: true,
      value: { demo: false },
    });
    expect(parsePortalsConfig(served)).toMatchObject({ ok: true, value: { demo: false } });
    expect(parsePortalsConfig({ ...served, demo: "yes" }).ok).toBe(false);
  });

  it("rejects unknown portal names and empty lists, as values", () => {
    expect(
      parsePortalsConfig({ remotes: [{ name: "portal_admin", route: "/x", entry: "/x.json" }] }).ok,
    ).toBe(false);
    expect(parsePortalsConfig({ remotes: [] }).ok).toBe(false);
    expect(parsePortalsConfig("nonsense").ok).toBe(false);
  });
});

describe("fetchPortalsConfig", () => {
  it("turns HTTP and network failures into errors instead of throwing", async () => {
    const notFound = async () => new Response("missing", { status: 404 });
    const offline = async () => {
      throw new TypeError("Failed to fetch");
    };
    const good = async () => Response.json(served);
    expect(await fetchPortalsConfig(notFound)).toMatchObject({
      ok: false,
      error: expect.stringContaining("404"),
    });
    expect(await fetchPortalsConfig(offline)).toMatchObject({ ok: false });
    expect((await fetchPortalsConfig(good)).ok).toBe(true);
  });
});
