import { appRouter, permissions } from "@kechuang/api";
import { type DemoAccount, schema, tableChecksums } from "@kechuang/db";
import type { Actor } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { inArray } from "drizzle-orm";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, startTestApp, TrpcClient } from "./testing";

/**
 * Record scope as a property: for generated (user, record) pairs where the record is outside the user's
 * scope — another organization for an applicant, another area for a recommender, not on the panel for an
 * expert — every procedure the user's role may call with that record's id refuses or answers without it,
 * and no list the user can read contains the id of any record outside their scope.
 */
type ScopedRole = "applicant" | "recommender" | "expert" | "authority";
type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const allowedFor = (path: string, role: Actor) =>
  ((permissions as Record<string, readonly Actor[] | undefined>)[path] ?? []).includes(role);

/** A small real PDF: uploads are sniffed by content. */
const tinyPdfBase64 = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
).toString("base64");

interface ScopedUser {
  username: string;
  role: ScopedRole;
  client: TrpcClient;
  /** Ids of the applications this user may see. */
  inScope: Set<string>;
}

describe("record scope (property tests over the seeded data)", () => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  const users: ScopedUser[] = [];
  let recordIds: string[] = [];

  beforeAll(async () => {
    ({ app, accounts } = await startTestApp("pglite"));
    const db = app.database.db;
    const records = await db.select().from(schema.applications);
    recordIds = records.map((r) => r.id);
    const panel = await db.select().from(schema.panelMembers);
    const people = await db
      .select()
      .from(schema.users)
      .where(inArray(schema.users.role, ["applicant", "recommender", "expert", "authority"]));
    for (const person of people) {
      const role = person.role as ScopedRole;
      const inScope = new Set(
        records
          .filter((r) =>
            role === "applicant"
              ? r.organizationId === person.organizationId
              : role === "recommender"
                ? r.recommenderArea === person.areaCode
                : role === "authority"
                  ? r.stage !== "draft" && registry.get(r.policyId)!.jurisdiction.code === person.areaCode
                  : panel.some((p) => p.applicationId === r.id && p.expertId === person.id),
          )
          .map((r) => r.id),
      );
      const client = new TrpcClient(app);
      const credentials = account(accounts, person.username);
      const totp = credentials.totpSecret ? await generate({ secret: credentials.totpSecret }) : undefined;
      // Each person from their own address: sign-in is rate limited per address.
      const response = await client.call(
        "mutation",
        "auth.signIn",
        { username: person.username, password: credentials.password, ...(totp ? { totp } : {}) },
        { remoteAddress: `10.9.0.${users.length + 1}` },
      );
      expect(response.statusCode, person.username).toBe(200);
      users.push({ username: person.username, role, client, inScope });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it("has cross-scope pairs to test for every scoped role", () => {
    expect(recordIds.length).toBeGreaterThan(3);
    for (const role of ["applicant", "recommender", "expert", "authority"] as const) {
      const ofRole = users.filter((u) => u.role === role);
      expect(ofRole.length, role).toBeGreaterThan(0);
      expect(
        ofRole.some((u) => recordIds.some((id) => !u.inScope.has(id))),
        role,
      ).toBe(true);
    }
  });

  it("answers no procedure about a record outside the caller's scope", async () => {
    const pairs = users.flatMap((user) =>
      recordIds.filter((id) => !user.inScope.has(id)).map((id) => ({ user, id })),
    );
    const leaks: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pairs), async ({ user, id }) => {
        // Reads only: a write that merely failed validation proves nothing, and one that passed would change data.
        for (const [path, procedure] of procedures) {
          if (procedure._def.type !== "query" || !allowedFor(path, user.role)) continue;
          for (const input of [{ applicationId: id }, { id }]) {
            const response = await user.client.call("query", path, input);
            if (response.statusCode === 200 && response.body.includes(id))
              leaks.push(`${user.username} read ${path}(${JSON.stringify(input)}) of foreign ${id}`);
            if (response.statusCode >= 500) leaks.push(`${user.username} ${path} → ${response.statusCode}`);
          }
        }
        return true;
      }),
      { numRuns: Math.min(100, pairs.length), seed: 20_261_122 },
    );
    expect(leaks).toEqual([]);
  }, 300_000);

  it("lets no write through about a record outside the caller's scope, whatever else the input says", async () => {
    const db = app.database.db;
    const records = await db.select().from(schema.applications);
    // Inputs that would be valid if the record were the caller's: only the scope check can stop them.
    const text = fc.string({ minLength: 2, maxLength: 40 }).filter((s) => s.trim().length > 1);
    const writes = (role: ScopedRole, record: (typeof records)[number], free: string) => {
      const base = {
        applicationId: record.id,
        expectedVersion: record.version,
        idempotencyKey: `scope-${free}-key`,
      };
      const module = registry.get(record.policyId)!;
      const transitions = module.workflow.transitions
        .filter((t) => t.from === record.stage && t.roles.includes(role))
        .map((t) => ({
          path: "applications.transition",
          input: { ...base, action: t.action, reason: free },
        }));
      const byRole: Record<ScopedRole, { path: string; input: unknown }[]> = {
        applicant: [
          { path: "applications.saveDraft", input: { ...base, title: free } },
          { path: "applications.submit", input: base },
          {
            path: "attachments.upload",
            input: { applicationId: record.id, fileName: `${free}.pdf`, contentBase64: tinyPdfBase64 },
          },
        ],
        recommender: [],
        authority: [
          {
            path: "review.assignExpert",
            input: { applicationId: record.id, expertId: record.organizationId, seat: "technical" },
          },
        ],
        expert: [
          {
            path: "review.submitOpinion",
            input: { ...base, recommendation: "support", text: free, scores: [] },
          },
        ],
      };
      return [...transitions, ...byRole[role]];
    };
    const volatile = new Set(["audit_log", "sessions", "idempotency_keys"]);
    const stable = async () =>
      Object.fromEntries(Object.entries(await tableChecksums(db)).filter(([name]) => !volatile.has(name)));
    const before = await stable();
    const leaks: string[] = [];
    let attempted = 0;
    // Every cross-scope (user, record) pair, each with generated free text in its inputs.
    const [free] = fc.sample(text, { numRuns: 1, seed: 20_261_201 });
    for (const user of users) {
      for (const record of records.filter((r) => !user.inScope.has(r.id))) {
        for (const { path, input } of writes(user.role, record, free!)) {
          if (!allowedFor(path, user.role)) continue;
          attempted += 1;
          const response = await user.client.call("mutation", path, input);
          if (response.statusCode !== 404)
            leaks.push(`${user.username} ${path} on foreign ${record.id} → ${response.statusCode}`);
          if (response.body.includes(record.title))
            leaks.push(`${user.username} ${path} echoed ${record.title}`);
        }
      }
    }
    expect(attempted).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
    expect(await stable()).toEqual(before);
  }, 300_000);

  it("never shows a foreign record's id in anything the caller can list", async () => {
    const listings = procedures.filter(([, p]) => p._def.type === "query");
    const leaks: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...users), async (user) => {
        const foreign = recordIds.filter((id) => !user.inScope.has(id));
        for (const [path] of listings) {
          if (!allowedFor(path, user.role)) continue;
          const response = await user.client.call("query", path);
          for (const id of foreign)
            if (response.body.includes(id)) leaks.push(`${user.username} saw ${id} in ${path}`);
        }
        return true;
      }),
      { numRuns: users.length * 2, seed: 20_261_122 },
    );
    expect(leaks).toEqual([]);
  }, 300_000);

  it("lets each user read their own records (the property is not vacuous)", async () => {
    const owner = users.find((u) => u.role === "applicant" && u.inScope.size > 0)!;
    const mine = await owner.client.data<{ id: string }[]>("query", "applications.listMine");
    expect(mine.map((r) => r.id).sort()).toEqual([...owner.inScope].sort());
    const recommender = users.find((u) => u.role === "recommender" && u.inScope.size > 0);
    if (recommender) {
      const [id] = [...recommender.inScope];
      expect(
        (await recommender.client.call("query", "applications.get", { applicationId: id })).body,
      ).toContain(id);
    }
  });
});
