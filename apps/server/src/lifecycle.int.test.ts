import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "@kechuang/db/testing";
import { describe, expect, it } from "vitest";
import { buildApp, shutdownGracefully } from "./app";
import { loadConfig } from "./env";
import { startTestApp, testConfig } from "./testing";

describe("graceful shutdown", () => {
  it("finishes in-flight requests, refuses new ones, and closes the database", async () => {
    const { app } = await startTestApp("pglite");
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => {
      received = resolve;
    });
    // Instrumentation only: a request that is still running when shutdown starts.
    app.get("/test/slow", async () => {
      received();
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { done: true };
    });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const slow = fetch(`${address}/test/slow`);
    await arrived;
    const closing = shutdownGracefully(app);
    const late = await fetch(`${address}/healthz`).then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(late);
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    expect(await closing).toBe("closed");
    expect(await app.database.ping()).toBe(false);
  });
});

describe("static front ends", () => {
  it("serves built portals, falls back to the shell for client routes, and 404s elsewhere", async () => {
    const appsDir = mkdtempSync(join(tmpdir(), "kc-apps-"));
    for (const name of ["shell", "portal-public"])
      mkdirSync(join(appsDir, name, "dist"), { recursive: true });
    writeFileSync(join(appsDir, "shell", "dist", "index.html"), "<!doctype html><title>shell</title>");
    writeFileSync(join(appsDir, "portal-public", "dist", "mf-manifest.json"), '{"name":"portal_public"}');
    const app = await buildApp(testConfig(), { database: await createTestDatabase("pglite"), appsDir });
    try {
      for (const url of ["/", "/public/centers/1", "/apply", "/review/queue?x=1"]) {
        const page = await app.inject(url);
        expect(page.statusCode, url).toBe(200);
        expect(page.body).toContain("<title>shell</title>");
      }
      const manifest = await app.inject("/portals/public/mf-manifest.json");
      expect(manifest.json()).toEqual({ name: "portal_public" });
      // Not built: a 404, not a crash.
      expect((await app.inject("/portals/reviewer/mf-manifest.json")).statusCode).toBe(404);
      expect((await app.inject("/elsewhere")).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe("configuration", () => {
  it("defaults to a demo PGlite server on port 3000 with secure cookies", () => {
    const result = loadConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 3000,
        host: "0.0.0.0",
        dataDir: "./.data",
        demo: true,
        cookieSecure: true,
        production: false,
      },
    });
  });

  it("turns demo off in production and refuses PGlite when KECHUANG_PRODUCTION is set", () => {
    const KECHUANG_SECRET_KEY = "ab".repeat(32);
    expect(
      loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kc", KECHUANG_SECRET_KEY }),
    ).toMatchObject({
      ok: true,
      config: { demo: false, production: true },
    });
    const refused = loadConfig({ KECHUANG_PRODUCTION: "1" });
    expect(refused.ok).toBe(false);
    expect(loadConfig({ PORT: "not-a-port" }).ok).toBe(false);
    expect(
      loadConfig({ COOKIE_SECURE: "false", PORTAL_REVIEWER_MANIFEST: "https://cdn/r.json" }),
    ).toMatchObject({
      config: { cookieSecure: false, portalManifests: { reviewer: "https://cdn/r.json" } },
    });
  });

  it("emails notifications only when SMTP_URL is an smtp(s) URL", () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { smtp: undefined } });
    expect(loadConfig({ SMTP_URL: "" })).toMatchObject({ ok: true, config: { smtp: undefined } });
    expect(loadConfig({ SMTP_URL: "smtps://kc:secret@mail.example.gov.cn:465" })).toMatchObject({
      ok: true,
      config: { smtp: { url: "smtps://kc:secret@mail.example.gov.cn:465", pollMs: 10_000 } },
    });
    const refused = loadConfig({ SMTP_URL: "http://mail.example.gov.cn" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.join()).toContain("SMTP_URL");
  });
});

describe("structured logs", () => {
  it("writes JSON lines carrying the request id the response returns, minting one for a bad header", async () => {
    const lines: string[] = [];
    const app = await buildApp(testConfig({ logLevel: "info" }), {
      database: await createTestDatabase("pglite"),
      appsDir: mkdtempSync(join(tmpdir(), "kc-apps-")),
      logStream: { write: (line) => lines.push(line) },
    });
    try {
      const traced = await app.inject({
        url: "/healthz",
        headers: { "x-request-id": "req-test-0001", cookie: "__Host-kc_session=secret-token" },
      });
      expect(traced.headers["x-request-id"]).toBe("req-test-0001");
      const entries = lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string; level: number });
      expect(entries.filter((e) => e.reqId === "req-test-0001").map((e) => e.msg)).toEqual([
        "incoming request",
        "request completed",
      ]);
      expect(lines.join("\n")).not.toContain("secret-token");

      const minted = await app.inject({ url: "/healthz", headers: { "x-request-id": "not a valid id!" } });
      expect(minted.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.some((line) => line.includes(String(minted.headers["x-request-id"])))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
