import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@kechuang/db";
import { type DemoAccount, seedDemo, verifyAuditChain } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app";
import { defaultRateLimits, type ServerConfig } from "./env";
import { HttpTrpcClient, type ServerProcess, startServerProcess } from "./server-process";
import { account, ORIGIN, testConfig } from "./testing";

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: nothing may live in one
 * process's memory. PGlite is one process by design, so this suite exists only where PostgreSQL does.
 */
// Test-only: the PostgreSQL server the integration suites may use (as in @kechuang/db/testing).
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe.each(testDatabases().filter((kind) => kind === "postgres"))("two instances on one %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    const [{ name }] = (await rows<{ name: string }>(database, sql`select current_database() as name`)) as [
      { name: string },
    ];
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    // COOKIE_SECURE=0: the test talks plain HTTP to 127.0.0.1 (production sits behind TLS).
    const env = { DATABASE_URL: url.toString(), COOKIE_SECURE: "0" };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  it("honours a session made on one instance on the other, and a sign-out on either", async () => {
    const recommender = account(accounts, "recommender");
    const onA = new HttpTrpcClient(a.url);
    const signedIn = await onA.call("mutation", "auth.signIn", {
      username: recommender.username,
      password: recommender.password,
    });
    expect(signedIn.status).toBe(200);
    const onB = new HttpTrpcClient(b.url, onA.cookie);
    const me = await onB.call("query", "auth.me");
    expect(me.data).toMatchObject({ username: "recommender", role: "recommender" });

    expect((await onB.call("mutation", "auth.signOut")).status).toBe(200);
    const after = new HttpTrpcClient(a.url, onA.cookie);
    expect((await after.call("query", "auth.me")).data).toBeNull();
  });

  it("turns two concurrent decisions on one application through both instances into exactly one change", async () => {
    const recommender = account(accounts, "recommender");
    const onA = new HttpTrpcClient(a.url);
    await onA.call("mutation", "auth.signIn", {
      username: recommender.username,
      password: recommender.password,
    });
    const onB = new HttpTrpcClient(b.url, onA.cookie);
    const [target] = await rows<{ id: string; version: number }>(
      database,
      sql`select id, version from applications
          where stage = 'submitted' and recommender_area = '430200' and policy_id = 'hn-tic-2020' limit 1`,
    );
    expect(target).toBeDefined();
    const [auditBefore] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from audit_log where object_id = ${target!.id} and result = 'ok'`,
    );
    const decision = {
      applicationId: target!.id,
      action: "recommend",
      expectedVersion: target!.version,
    };
    // Three attempts through each instance at once: the optimistic version lets exactly one through.
    const results = await Promise.all(
      [onA, onB, onA, onB, onA, onB].map((client) =>
        client.call("mutation", "applications.transition", decision),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);

    const [after] = await rows<{ stage: string; version: number }>(
      database,
      sql`select stage, version from applications where id = ${target!.id}`,
    );
    expect(after).toEqual({ stage: "recommended", version: target!.version + 1 });
    const events = await rows<{ action: string }>(
      database,
      sql`select action from application_events where application_id = ${target!.id} and action = 'recommend'`,
    );
    expect(events).toHaveLength(1);
    const [auditAfter] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from audit_log where object_id = ${target!.id} and result = 'ok'`,
    );
    expect(auditAfter!.n - auditBefore!.n).toBe(1);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});

// Test-only: a Redis server for the shared rate-limit counts (.ci/run exports it when Redis answers).
const testRedisUrl = process.env.TEST_REDIS_URL;

describe.each(testRedisUrl ? [testRedisUrl] : [])("two instances on one Redis (%s)", (url) => {
  // A key prefix of this run's own: parallel test files (and earlier runs) never share counters.
  const redis: ServerConfig["redis"] = { url, keyPrefix: `kc-test-${randomUUID()}:` };
  const rateLimits = { ...defaultRateLimits, signInPerAccount: 3, export: 2 };
  const instance = async (shared: boolean) =>
    buildApp(testConfig({ rateLimits, ...(shared ? { redis } : {}) }), {
      database: await createTestDatabase("pglite"),
      appsDir: mkdtempSync(join(tmpdir(), "kc-apps-")),
    });
  // Two instances sharing Redis, and two counting alone.
  let a: FastifyInstance;
  let b: FastifyInstance;
  let aloneA: FastifyInstance;
  let aloneB: FastifyInstance;
  beforeAll(async () => {
    [a, b, aloneA, aloneB] = [
      await instance(true),
      await instance(true),
      await instance(false),
      await instance(false),
    ];
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a, b, aloneA, aloneB].map((app) => app?.close()));
  });
  const signIn = (app: FastifyInstance, username: string, remoteAddress: string) =>
    app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { host: "localhost:3000", origin: ORIGIN, "content-type": "application/json" },
      payload: JSON.stringify({ json: { username, password: "Wrong-Passw0rd!" } }),
      remoteAddress,
    });

  it("spends one sign-in budget across both instances, per account and per address", async () => {
    const statuses = [
      (await signIn(a, "shared-account", "192.0.2.1")).statusCode,
      (await signIn(b, "shared-account", "192.0.2.2")).statusCode,
      (await signIn(a, "shared-account", "192.0.2.3")).statusCode,
      (await signIn(b, "shared-account", "192.0.2.4")).statusCode,
    ];
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Exports: two a minute per address, whichever instance serves them.
    const exportFrom = (app: FastifyInstance) =>
      app.inject({ url: "/api/v1/exports/applications.csv", remoteAddress: "192.0.2.50" });
    expect([
      (await exportFrom(a)).statusCode,
      (await exportFrom(b)).statusCode,
      (await exportFrom(b)).statusCode,
    ]).toEqual([401, 401, 429]);
  });

  it("counts per process without REDIS_URL, as documented", async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(aloneA, "alone", "192.0.2.9")).statusCode).toBe(401);
    expect((await signIn(aloneA, "alone", "192.0.2.9")).statusCode).toBe(429);
    expect((await signIn(aloneB, "alone", "192.0.2.9")).statusCode).toBe(401);
  });
});
