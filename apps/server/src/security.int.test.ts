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
import { defaultRateLimits, type RateLimits } from "./env";
import { routeAccess, routePermissions } from "./security";
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
        "GET /api/v1/platforms": { method: "GET", url: "/api/v1/platforms" },
        "GET /api/v1/platforms/:id": { method: "GET", url: "/api/v1/platforms/unknown" },
        "GET /api/v1/platforms.csv": { method: "GET", url: "/api/v1/platforms.csv" },
        "GET /api/v1/platforms.xlsx": { method: "GET", url: "/api/v1/platforms.xlsx" },
        "GET /api/v1/platforms.json": { method: "GET", url: "/api/v1/platforms.json" },
        "GET /api/v1/targets/:policyId": { method: "GET", url: "/api/v1/targets/as-plat-2021" },
        "GET /api/v1/targets/:policyId.csv": { method: "GET", url: "/api/v1/targets/as-plat-2021.csv" },
        "GET /api/v1/targets/:policyId.xlsx": { method: "GET", url: "/api/v1/targets/as-plat-2021.xlsx" },
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

    it.each(Object.keys(kinds))("%s: no framing at all, and powerful browser features off", async (kind) => {
      const response = await kinds[kind]!();
      // SAMEORIGIN would contradict frame-ancestors 'none'.
      expect(response.headers["x-frame-options"]).toBe("DENY");
      const policy = String(response.headers["permissions-policy"] ?? "");
      for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
        expect(policy).toContain(`${feature}=()`);
    });

    it("marks signed-in data no-store on /trpc and /api; public open data is revalidated instead", async () => {
      for (const kind of ["tRPC query", "tRPC mutation", "REST POST"]) {
        const response = await kinds[kind]!();
        expect(response.headers["cache-control"], kind).toBe("no-store");
      }
      // Public GETs of the REST API carry validators (http-cache.ts): stored only if revalidated each time.
      expect((await kinds["REST GET"]!()).headers["cache-control"]).toBe("public, no-cache");
      expect((await kinds["static file"]!()).headers["cache-control"]).not.toBe("no-store");
    });
  });

  describe("rate limits (a burst gets 429; small budgets set through the config)", () => {
    const budgets: RateLimits = {
      signInPerAddress: 4,
      signInPerAccount: 2,
      upload: 3,
      objection: 3,
      export: 2,
      publicDownload: 2,
    };
    let limited: FastifyInstance;
    beforeAll(async () => {
      limited = await buildApp(testConfig({ rateLimits: budgets }), {
        database: await createTestDatabase("pglite"),
        appsDir: mkdtempSync(join(tmpdir(), "kc-apps-")),
      });
    });
    afterAll(async () => {
      await limited.close();
    });
    const post = (path: string, remoteAddress: string, input: unknown = {}) =>
      limited.inject({
        method: "POST",
        url: `/trpc/${path}`,
        headers: json,
        payload: JSON.stringify({ json: input }),
        remoteAddress,
      });

    it.each([
      ["upload", "attachments.upload", budgets.upload],
      ["objection", "publicity.object", budgets.objection],
      ["sign-in", "auth.signIn", budgets.signInPerAddress],
    ] as const)(
      "%s: the request after the per-address budget is refused with 429",
      async (_kind, path, limit) => {
        const from = `192.0.2.${limit}${path.length}`;
        const statuses: number[] = [];
        // A different account each time: only the per-address budget applies.
        for (let i = 0; i <= limit; i++)
          statuses.push((await post(path, from, { username: `u${i}` })).statusCode);
        expect(statuses.slice(0, limit)).not.toContain(429);
        expect(statuses[limit]).toBe(429);
        // Another source address, and other procedures from this one, are not affected.
        expect((await post(path, "198.51.100.7", { username: "other" })).statusCode).not.toBe(429);
        const me = await limited.inject({ url: "/trpc/auth.me", headers: json, remoteAddress: from });
        expect(me.statusCode).toBe(200);
      },
    );

    it("takes the public downloads' per-address budget from the config", async () => {
      const from = "192.0.2.201";
      const download = () => limited.inject({ url: "/api/v1/platforms.json", remoteAddress: from });
      for (let i = 0; i < budgets.publicDownload; i++) expect((await download()).statusCode).toBe(200);
      expect((await download()).statusCode).toBe(429);
    });

    it("counts sign-in per account across addresses, beside the per-address budget", async () => {
      const attempt = (from: string) => post("auth.signIn", from, { username: "Victim", password: "x" });
      expect((await attempt("203.0.113.1")).statusCode).not.toBe(429);
      expect((await attempt("203.0.113.2")).statusCode).not.toBe(429);
      const third = await attempt("203.0.113.3");
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ error: { zh: expect.any(String), en: expect.any(String) } });
      expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
      // Case and spaces do not make a new account; another account from that address still gets through.
      expect((await post("auth.signIn", "203.0.113.4", { username: " victim" })).statusCode).toBe(429);
      expect((await post("auth.signIn", "203.0.113.3", { username: "someone" })).statusCode).not.toBe(429);
    });

    it("audits 429s, at most one row per address and minute", async () => {
      const from = "203.0.113.77";
      for (let i = 0; i < budgets.objection + 3; i++) await post("publicity.object", from);
      const rows = await limited.database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.sourceIp, from));
      expect(rows).toMatchObject([
        {
          action: "http:rate-limit",
          result: "denied",
          objectId: "/trpc/publicity.object",
          detail: { reason: "rate-limit", budget: "objection/address" },
        },
      ]);
    });
  });

  describe("X-Forwarded-For only from TRUSTED_PROXIES (F8)", () => {
    it("ignores the header from any other peer, private or not, for the limiter and the audit log", async () => {
      const proxied = await buildApp(
        testConfig({
          trustedProxies: ["10.0.0.1"],
          rateLimits: { ...defaultRateLimits, signInPerAddress: 2 },
        }),
        { database: await createTestDatabase("pglite"), appsDir: mkdtempSync(join(tmpdir(), "kc-apps-")) },
      );
      try {
        const signIn = (peer: string, forwardedFor: string, username: string) =>
          proxied.inject({
            method: "POST",
            url: "/trpc/auth.signIn",
            headers: { ...json, "x-forwarded-for": forwardedFor },
            payload: JSON.stringify({ json: { username, password: "Wrong-Passw0rd!" } }),
            remoteAddress: peer,
          });
        // An intranet client that is not a listed proxy cannot pick its address: every attempt is its own.
        const untrusted = [];
        for (const [i, spoofed] of ["203.0.113.1", "203.0.113.2", "203.0.113.3"].entries())
          untrusted.push((await signIn("10.0.0.2", spoofed, `someone${i}`)).statusCode);
        expect(untrusted).toEqual([401, 401, 429]);
        // Through the listed proxy, the forwarded address is the client's.
        expect((await signIn("10.0.0.1", "198.51.100.9", "someone9")).statusCode).toBe(401);
        const sources = await proxied.database.db
          .select({ sourceIp: schema.auditLog.sourceIp, action: schema.auditLog.action })
          .from(schema.auditLog);
        expect(sources.filter((r) => r.action === "auth.sign-in").map((r) => r.sourceIp)).toEqual([
          "10.0.0.2",
          "10.0.0.2",
          "198.51.100.9",
        ]);
        expect(sources.find((r) => r.action === "http:rate-limit")?.sourceIp).toBe("10.0.0.2");
      } finally {
        await proxied.close();
      }
    });
  });

  describe("shared rate-limit store unreachable", () => {
    it("refuses throttled calls with 503 rather than let them through uncounted; other calls go on", async () => {
      const orphan = await buildApp(
        testConfig({ redis: { url: "redis://127.0.0.1:1", keyPrefix: "kc-none:" } }),
        {
          database: await createTestDatabase("pglite"),
          appsDir: mkdtempSync(join(tmpdir(), "kc-apps-")),
        },
      );
      try {
        const signIn = await orphan.inject({
          method: "POST",
          url: "/trpc/auth.signIn",
          headers: json,
          payload: JSON.stringify({ json: { username: "someone", password: "x" } }),
        });
        expect(signIn.statusCode).toBe(503);
        expect(signIn.json().error).toEqual({
          zh: "服务暂时不可用，请稍后再试",
          en: "Service temporarily unavailable; try again later",
        });
        expect(signIn.body).not.toMatch(/redis|retries/i);
        expect((await orphan.inject({ url: "/trpc/auth.me", headers: json })).statusCode).toBe(200);
      } finally {
        await orphan.close();
      }
    });
  });

  describe("refused cross-site requests are audited (F12)", () => {
    it("writes one denied row per address and minute, however many are refused", async () => {
      const from = "198.51.100.66";
      const forged = () =>
        app.inject({
          method: "POST",
          url: "/trpc/auth.signOut",
          headers: {
            host: "localhost:3000",
            origin: "https://evil.example",
            "content-type": "application/json",
          },
          payload: "{}",
          remoteAddress: from,
        });
      for (let i = 0; i < 3; i++) expect((await forged()).statusCode).toBe(403);
      const rows = await app.database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.sourceIp, from));
      expect(rows).toMatchObject([
        {
          actorRole: "anonymous",
          result: "denied",
          objectId: "/trpc/auth.signOut",
          detail: { reason: "csrf", problem: "cross-origin request" },
        },
      ]);
    });
  });

  describe("batches (F2)", () => {
    it("refuses a batch carrying sign-in, objection, upload or export calls, and batches over 10 calls", async () => {
      const calls = (n: number, path: string) => Array(n).fill(path).join(",");
      const batch = (paths: string, method: "GET" | "POST" = "POST") =>
        app.inject({
          method,
          url: `/trpc/${paths}?batch=1`,
          headers: json,
          ...(method === "POST" ? { payload: JSON.stringify({}) } : {}),
          remoteAddress: "198.51.100.40",
        });
      for (const paths of [
        calls(15, "auth.signIn"),
        "auth.me,auth.signIn",
        "auth.me%2Cauth.signIn",
        "publicity.object,publicity.object",
        "attachments.upload,attachments.upload",
      ]) {
        const response = await batch(paths);
        expect(response.statusCode, paths).toBe(400);
        expect(response.json().error.zh).toContain("批量请求被拒绝");
      }
      expect((await batch("auth.me,exports.applications", "GET")).statusCode).toBe(400);
      expect((await batch(calls(11, "auth.me"), "GET")).statusCode).toBe(400);
      expect((await batch(calls(10, "auth.me"), "GET")).statusCode).toBe(200);
      // Nothing was verified or audited as a sign-in from that address.
      const signIns = await app.database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.sourceIp, "198.51.100.40"));
      expect(signIns).toEqual([]);
    });
  });
});
