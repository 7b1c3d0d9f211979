import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, recordAudit, verifyAuditChain, withAudit } from "./audit";
import { type Database, openDatabase } from "./client";
import { passwordMeetsPolicy, verifyPassword } from "./passwords";
import { listApplicationsOfOrganization, submittedInArea } from "./repositories/applications";
import { listApprovedPlatforms } from "./repositories/platforms";
import { findUserByUsername, recordFailedSignIn } from "./repositories/users";
import { auditLog, organizations } from "./schema";
import { DEMO_USERS, isEmptyDatabase, seedDemo, writeDemoAccounts } from "./seed";
import { createTestDatabase, testDatabases } from "./testing";

const entry = (action: string) => ({ actorId: null, actorRole: "anonymous", action, result: "ok" as const });

describe.each(testDatabases())("database on %s", (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  it("is migrated and answers readiness probes; not after close", async () => {
    expect(await database.ping()).toBe(true);
    expect(await database.migrationsApplied()).toBe(true);
    await database.close();
    expect(await database.ping()).toBe(false);
    expect(await database.migrationsApplied()).toBe(false);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on audit_log", async () => {
    await recordAudit(database.db, entry("test.one"));
    await expect(database.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    // The statement trigger refuses it (not a permission or syntax error): its message names the rule.
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toMatchObject({
      cause: { message: expect.stringContaining("append-only (TRUNCATE refused)") },
    });
    const rows = await database.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(["test.one"]);
  });

  it("rolls the change back when its audit row cannot be written", async () => {
    const change = withAudit(
      database.db,
      (tx) =>
        tx.insert(organizations).values({ name: "Rollback Co", type: "enterprise", areaCode: "430200" }),
      () => ({ ...entry("org.create"), actorId: "not-a-uuid" }),
    );
    await expect(change).rejects.toThrow();
    expect(
      await database.db.select().from(organizations).where(eq(organizations.name, "Rollback Co")),
    ).toEqual([]);

    await withAudit(
      database.db,
      (tx) => tx.insert(organizations).values({ name: "Kept Co", type: "enterprise", areaCode: "430200" }),
      () => entry("org.create"),
    );
    expect(
      await database.db.select().from(organizations).where(eq(organizations.name, "Kept Co")),
    ).toHaveLength(1);
  });

  it("chains audit rows and detects an altered or a deleted row", async () => {
    for (const action of ["a", "b", "c", "d"]) {
      await database.db.transaction((tx) =>
        appendAudit(tx, { ...entry(action), detail: { z: 1, a: [action] } }),
      );
    }
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 4 });
    const [second] = await database.db.select().from(auditLog).where(eq(auditLog.action, "b"));
    // A superuser can bypass the append-only trigger; the chain still shows it.
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await database.db.execute(sql`update audit_log set actor_role = 'authority' where id = ${second!.id}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAtId: second!.id,
      reason: "altered",
    });
    await database.db.execute(sql`delete from audit_log where id = ${second!.id}`);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, reason: "missing-predecessor" });
  });

  it("locks an account on the fifth consecutive failure", async () => {
    await seedDemo(database.db);
    const user = (await findUserByUsername(database.db, "expert"))!;
    const now = new Date();
    for (let i = 1; i <= 4; i++)
      expect(await recordFailedSignIn(database.db, user.id, now)).toEqual({ locked: false });
    expect(await recordFailedSignIn(database.db, user.id, now)).toEqual({ locked: true });
    const locked = (await findUserByUsername(database.db, "expert"))!;
    expect(locked.lockedUntil!.getTime()).toBe(now.getTime() + 15 * 60_000);
  });

  it("seeds an empty database with every role, scoped applications and platforms", async () => {
    expect(await isEmptyDatabase(database.db)).toBe(true);
    const accounts = await seedDemo(database.db);
    expect(await isEmptyDatabase(database.db)).toBe(false);
    expect(accounts.map((a) => a.username)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(accounts.every((a) => passwordMeetsPolicy(a.password))).toBe(true);
    const authority = accounts.find((a) => a.username === "authority")!;
    expect(authority.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(accounts.find((a) => a.username === "applicant")!.totpSecret).toBeNull();

    const applicant = (await findUserByUsername(database.db, "applicant"))!;
    expect(await verifyPassword(applicant.passwordHash, accounts[0]!.password)).toBe(true);
    const mine = await listApplicationsOfOrganization(database.db, applicant.organizationId!);
    expect(new Set(mine.map((a) => a.stage))).toEqual(
      new Set(["draft", "submitted", "returned", "recommended", "consultation", "publicity"]),
    );
    // An expert affiliated with the demo applicant, so the conflict-of-interest refusal can be shown.
    const expert3 = (await findUserByUsername(database.db, "expert3"))!;
    expect(expert3.organizationId).toBe(applicant.organizationId);
    const recommender = (await findUserByUsername(database.db, "recommender"))!;
    const queue = await submittedInArea(database.db, recommender.areaCode!);
    expect(queue).toHaveLength(1);
    expect(queue[0]!.organizationName).toBe("湖南湘瓷先进材料科技有限公司");

    const all = await listApprovedPlatforms(database.db);
    expect(new Set(all.map((p) => p.policyId))).toEqual(
      new Set(["sc-tic-2018", "sc-zone-2018", "nm-tic-2020", "hn-tic-2020", "as-plat-2021"]),
    );
    const zones = await listApprovedPlatforms(database.db, { kind: "transfer-demonstration-zone" });
    expect(zones.every((z) => z.policyId === "sc-zone-2018")).toBe(true);
    expect(zones.length).toBeGreaterThan(0);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 1 });
  });
});

describe("PGlite data directory", () => {
  it("creates missing parents, refuses a second opener, reopens after close", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "kc-db-")), "nested", "data");
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
    const accounts = await seedDemo(first.db);
    const path = writeDemoAccounts(dir, accounts);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, "utf8")).accounts).toHaveLength(DEMO_USERS.length);
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    expect(await isEmptyDatabase(second.db)).toBe(false);
    await second.close();
  }, 60_000);
});
