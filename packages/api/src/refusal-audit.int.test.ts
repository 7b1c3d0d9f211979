import { type Database, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { registry } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRefusal, REFUSAL_AUDIT_WINDOW_MS } from "./refusal-audit";
import { createFixture, placeApplication, signIn } from "./workflow/testing";

describe.each(testDatabases())("throttled refusal audit on %s (F12)", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  const denied = (sourceIp: string) =>
    database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.sourceIp, sourceIp), eq(schema.auditLog.result, "denied")))
      .orderBy(schema.auditLog.id);
  const refusal = (sourceIp: string) => ({
    actorId: null,
    actorRole: "anonymous",
    action: "http:POST csrf",
    objectType: "route",
    objectId: "/trpc/auth.signOut",
    sourceIp,
  });

  it("writes one row per address and kind per window, and counts the suppressed ones in the next", async () => {
    const t0 = new Date("2026-12-01T09:00:00Z").getTime();
    const at = (ms: number) => new Date(t0 + ms);
    const outcomes = [
      await auditRefusal(database, "csrf", refusal("192.0.2.10"), at(0)),
      await auditRefusal(database, "csrf", refusal("192.0.2.10"), at(1_000)),
      await auditRefusal(database, "csrf", refusal("192.0.2.10"), at(REFUSAL_AUDIT_WINDOW_MS - 1)),
      // Another kind and another address have windows of their own.
      await auditRefusal(database, "rate-limit", refusal("192.0.2.10"), at(2_000)),
      await auditRefusal(database, "csrf", refusal("192.0.2.11"), at(2_000)),
      await auditRefusal(database, "csrf", refusal("192.0.2.10"), at(REFUSAL_AUDIT_WINDOW_MS)),
    ];
    expect(outcomes).toEqual(["written", "suppressed", "suppressed", "written", "written", "written"]);
    const rows = await denied("192.0.2.10");
    expect(rows.map((r) => r.detail)).toEqual([
      { reason: "csrf" },
      { reason: "rate-limit" },
      { reason: "csrf", suppressed: 2 },
    ]);
  });

  it("lets concurrent refusals write one row between them", async () => {
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => auditRefusal(database, "csrf", refusal("192.0.2.12"), now)),
    );
    expect(outcomes.filter((o) => o === "written")).toHaveLength(1);
    expect(await denied("192.0.2.12")).toHaveLength(1);
  });
});

describe.each(testDatabases())("out-of-scope 404s are audited on %s (F12)", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it("answers NOT_FOUND and writes a throttled denied row naming the record and the reason", async () => {
    const accounts = await seedDemo(database.db);
    const fixture = await createFixture(database);
    const hunan = registry.get("hn-tic-2020")!;
    const foreign = await placeApplication(database, hunan, "submitted", fixture);
    const applicant2 = await signIn(database, accounts.find((a) => a.username === "applicant2")!);
    for (let i = 0; i < 3; i++) {
      const error = await applicant2.applications.get({ applicationId: foreign.id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("NOT_FOUND");
    }
    const rows = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, foreign.id), eq(schema.auditLog.result, "denied")));
    expect(rows).toMatchObject([
      {
        actorRole: "applicant",
        action: "call:applications.get",
        objectType: "application",
        detail: { reason: "out-of-scope", type: "query" },
      },
    ]);
    // A record in scope leaves no such row.
    const own = await signIn(database, accounts.find((a) => a.username === "applicant")!);
    await own.applications.get({ applicationId: foreign.id });
    const after = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, foreign.id), eq(schema.auditLog.result, "denied")));
    expect(after).toHaveLength(1);
  });
});
