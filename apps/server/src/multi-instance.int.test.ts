import type { Database } from "@kechuang/db";
import { type DemoAccount, seedDemo, verifyAuditChain } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpTrpcClient, type ServerProcess, startServerProcess } from "./server-process";
import { account } from "./testing";

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
