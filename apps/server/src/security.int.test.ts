import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { schema } from "@kechuang/db";
import { createTestDatabase } from "@kechuang/db/testing";
import { actors } from "@kechuang/domain";
import { eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app";
import { routeAccess, routePermissions, throttleLimits } from "./security";
import { ORIGIN, TrpcClient, testConfig } from "./testing";

/** Every front end "built" (a tiny dist each), so the static routes exist too. */
function builtAppsDir(): string {
  const appsDir = mkdtempSync(join(tmpdir(), "kc-apps-"));
  for (const name of ["shell", "portal-public", "portal-applicant", "portal-reviewer"]) {
    mkdirSync(join(appsDir, name, "dist"), { recursive: true });
    writeFileSync(join(appsDir, name, "dist", "index.html"), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(appsDir, name, "dist", "mf-manifest.json"), `{"name":"${name}"}`);
  }
  return appsDir;
}

const json = { host: "localhost:3000", origin: ORIGIN, "content-type": "application/json" };

describe("HTTP security controls", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(testConfig(), {
      database: await createTestDatabase("pglite"),
      appsDir: builtAppsDir(),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  describe("REST route matrix (deny by default, kept as data)", () => {
    it("has a row for every route the app registers, and no row for a route that does not exist", () => {
      const registered = new Set(app.routeKeys.map((key) => key.replace(/^HEAD /, "GET ")));
      const missing = [...registered].filter((key) => {
        const [method, url] = key.split(" ") as [string, string];
        return routeAccess(method, url) === undefined;
      });
      expect(missing).toEqual([]);
      const stale = Object.keys(routePermissions).filter((key) => {
        const [method, url] = key.split(" ") as [string, string];
        return method === "ALL"
          ? ![...registered].some((r) => r.endsWith(` ${url}`))
          : !registered.has(`${method} ${url}`);
      });
      expect(stale).toEqual([]);
    });

    it("answers every REST route as each row says (all open routes are anonymous-readable)", async () => {
      const samples: Record<string, { method: "GET" | "POST"; url: string; payload?: string }> = {
        "GET /healthz": { method: "GET", url: "/healthz" },
        "GET /readyz": { method: "GET", url: "/readyz" },
        "GET /config/portals.json": { method: "GET", url: "/config/portals.json" },
        "GET /api/v1/policies": { method: "GET", url: "/api/v1/policies" },
        "POST /api/v1/policies/:id/check": {
          method: "POST",
          url: "/api/v1/policies/hn-tic-2020/check",
          payload: "{}",
        },
        "POST /api/v1/policies/:id/schedule": {
          method: "POST",
          url: "/api/v1/policies/hn-tic-2020/schedule",
          payload: JSON.stringify({ approvedOn: "2021-01-01", years: 2 }),
        },
        "GET /api/openapi.json": { method: "GET", url: "/api/openapi.json" },
        "GET /*": { method: "GET", url: "/index.html" },
        "GET /portals/public/*": { method: "GET", url: "/portals/public/mf-manifest.json" },
        "GET /portals/applicant/*": { method: "GET", url: "/portals/applicant/mf-manifest.json" },
        "GET /portals/reviewer/*": { method: "GET", url: "/portals/reviewer/mf-manifest.json" },
      };
      const open = Object.entries(routePermissions).filter(([, access]) => access !== "procedure-matrix");
      expect(Object.keys(samples).sort()).toEqual(open.map(([key]) => key).sort());
      for (const [key, access] of open) {
        const response = await app.inject({ ...samples[key]!, headers: json });
        const refused = response.statusCode === 401 || response.statusCode === 403;
        expect(refused, key).toBe(!(access as readonly string[]).includes("anonymous"));
        expect(response.statusCode, key).toBeLessThan(500);
      }
    });

    it("refuses, and audits, a route that has no row when running in production", async () => {
      const production = await buildApp(testConfig({ production: true }), {
        database: await createTestDatabase("pglite"),
        appsDir: mkdtempSync(join(tmpdir(), "kc-apps-")),
      });
      try {
        production.get("/debug/dump", async () => ({ secrets: "leaked" }));
        const response = await production.inject("/debug/dump");
        expect(response.statusCode).toBe(403);
        expect(response.body).not.toContain("leaked");
        const rows = await production.database.db
          .select()
          .from(schema.auditLog)
          .where(eq(schema.auditLog.objectType, "route"));
        expect(rows).toMatchObject([{ result: "denied", objectId: "/debug/dump" }]);
        expect((await production.inject("/healthz")).statusCode).toBe(200);
      } finally {
        await production.close();
      }
    });

    it("lists every actor in the open rows (the matrix covers all eight actors)", () => {
      expect(actors).toHaveLength(8);
      for (const [key, access] of Object.entries(routePermissions))
        if (access !== "procedure-matrix") expect([...access].sort(), key).toEqual([...actors].sort());
    });
  });

  describe("security headers on every kind of route", () => {
    const kinds: Record<string, () => Promise<LightMyRequestResponse>> = {
      "tRPC query": () => new TrpcClient(app).call("query", "auth.me"),
      "tRPC mutation": () =>
        new TrpcClient(app).call("mutation", "auth.signIn", { username: "x", password: "y" }),
      "REST GET": () => app.inject({ url: "/api/v1/policies", headers: json }),
      "REST POST": () =>
        app.inject({
          method: "POST",
          url: "/api/v1/policies/hn-tic-2020/check",
          headers: json,
          payload: "{}",
        }),
      health: () => app.inject("/healthz"),
      "portal config": () => app.inject("/config/portals.json"),
      "static file": () => app.inject("/portals/public/mf-manifest.json"),
      "SPA fallback": () => app.inject("/review/queue"),
      "not found": () => app.inject("/nothing/here"),
      "CSRF refusal": () =>
        app.inject({ method: "POST", url: "/trpc/auth.signOut", headers: { "content-type": "text/plain" } }),
    };

    it.each(Object.keys(kinds))("%s", async (kind) => {
      const response = await kinds[kind]!();
      const csp = String(response.headers["content-security-policy"] ?? "");
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc.trim()).toBe("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("same-origin");
      expect(response.headers["x-request-id"]).toBeTruthy();
    });

    it("marks signed-in data no-store on /trpc and /api", async () => {
      for (const kind of ["tRPC query", "tRPC mutation", "REST GET", "REST POST"]) {
        const response = await kinds[kind]!();
        expect(response.headers["cache-control"], kind).toBe("no-store");
      }
      expect((await kinds["static file"]!()).headers["cache-control"]).not.toBe("no-store");
    });
  });

  describe("rate limits (a burst gets 429)", () => {
    it.each([
      ["upload", "attachments.upload"],
      ["objection", "publicity.object"],
      ["sign-in", "auth.signIn"],
    ] as const)("%s: the request after the limit is refused with 429", async (kind, path) => {
      const limit = throttleLimits[kind];
      const statuses: number[] = [];
      for (let i = 0; i <= limit; i++) {
        const response = await app.inject({
          method: "POST",
          url: `/trpc/${path}`,
          headers: json,
          payload: JSON.stringify({ json: {} }),
          remoteAddress: `192.0.2.${limit}`,
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, limit)).not.toContain(429);
      expect(statuses[limit]).toBe(429);
      // Another source address, and other procedures from this one, are not affected.
      const other = await app.inject({
        method: "POST",
        url: `/trpc/${path}`,
        headers: json,
        payload: JSON.stringify({ json: {} }),
        remoteAddress: "198.51.100.7",
      });
      expect(other.statusCode).not.toBe(429);
      const me = await app.inject({ url: "/trpc/auth.me", headers: json, remoteAddress: `192.0.2.${limit}` });
      expect(me.statusCode).toBe(200);
    });
  });
});
