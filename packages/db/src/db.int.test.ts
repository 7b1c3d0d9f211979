import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendAudit,
  canonicalAuditRow,
  GENESIS_HASH,
  recordAudit,
  verifyAuditChain,
  withAudit,
} from "./audit";
import { type Database, openDatabase } from "./client";
import { passwordMeetsPolicy, verifyPassword } from "./passwords";
import { listApplicationsOfOrganization, submittedInArea } from "./repositories/applications";
import { listApprovedPlatforms } from "./repositories/platforms";
import { findUserByUsername, recordFailedSignIn } from "./repositories/users";
import { auditLog, organizations } from "./schema";
import { deriveSecrets, hmacHex, SECRET_KEY_FILE } from "./secrets";
import { DEMO_USERS, isEmptyDatabase, seedDemo, writeDemoAccounts } from "./seed";
import { createTestDatabase, TEST_SECRET_KEY, testDatabases } from "./testing";

const entry = (action: string) => ({ actorId: null, actorRole: "anonymous", action, result: "ok" as const });

/**
 * What someone with write access to the table (not the key) does after editing rows: recompute every
 * row's link and digest with `digest(prev + canonical row)`, so each row matches its predecessor again.
 */
async function recomputeChain(database: Database, digest: (data: string) => string): Promise<void> {
  const rows = await database.db.select().from(auditLog).orderBy(auditLog.id);
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const canonical = canonicalAuditRow(row);
    const hash = digest(prev + canonical);
    await database.db.execute(
      sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`,
    );
    prev = hash;
  }
  await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
}

/** Every regular file under `dir`. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

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

  it("keys the chain: recomputed without the key (plain SHA-256) or under another key, it fails", async () => {
    for (const action of ["a", "b", "c"]) await recordAudit(database.db, entry(action));
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 3 });
    // Checked under another installation's key, an untouched chain does not verify either.
    expect(await verifyAuditChain(database.db, { secrets: deriveSecrets(randomBytes(32)) })).toMatchObject({
      ok: false,
      reason: "altered",
    });

    const [second] = await database.db.select().from(auditLog).where(eq(auditLog.action, "b"));
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await database.db.execute(sql`update audit_log set action = 'forged' where id = ${second!.id}`);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const [first] = await database.db.select().from(auditLog).orderBy(auditLog.id).limit(1);
    const brokenAtFirst = { ok: false, brokenAtId: first!.id, reason: "altered" };

    // The unkeyed scheme this replaces: the forger recomputes it and it used to pass.
    await recomputeChain(database, (data) => createHash("sha256").update(data).digest("hex"));
    expect(await verifyAuditChain(database.db)).toMatchObject(brokenAtFirst);
    // An HMAC under a key the forger chose (not the server's) fails just the same.
    const guessed = deriveSecrets(randomBytes(32)).auditKey;
    await recomputeChain(database, (data) => hmacHex(guessed, data));
    expect(await verifyAuditChain(database.db)).toMatchObject(brokenAtFirst);
    // Only the server's own key makes a recomputed chain verify (so the forgeries above were well formed).
    const serverKey = deriveSecrets(TEST_SECRET_KEY).auditKey;
    await recomputeChain(database, (data) => hmacHex(serverKey, data));
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 3 });
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
    // Anshun's demo platform is a cultivation-pool entry, not an approved platform (issue 11).
    expect(new Set(all.map((p) => p.policyId))).toEqual(
      new Set(["sc-tic-2018", "sc-zone-2018", "nm-tic-2020", "hn-tic-2020"]),
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
    // No key was given: the one kept in DATA_DIR/secret.key still verifies the chain after a restart.
    expect(await verifyAuditChain(second.db)).toMatchObject({ ok: true });
    await second.close();
  }, 60_000);

  /** Mode bits of the directory and of every entry below it that group or others may use. */
  const openToOthers = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((e) => join(e.parentPath, e.name))
      .filter((path) => (statSync(path).mode & 0o077) !== 0);

  it("is the owner's alone: the directory 0700 and no entry group/other accessible, open and closed", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "kc-db-perm-")), "data");
    const database = await openDatabase({ dataDir: dir });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(openToOthers(dir)).toEqual([]);
    await seedDemo(database.db);
    await database.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(openToOthers(dir)).toEqual([]);

    // A directory an older version left world-readable is tightened when it is opened.
    chmodSync(dir, 0o777);
    const older = join(dir, "left-by-an-older-version");
    writeFileSync(older, "x", { mode: 0o666 });
    chmodSync(older, 0o666);
    const reopened = await openDatabase({ dataDir: dir });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(openToOthers(dir)).toEqual([]);
    await reopened.close();
  }, 60_000);

  it("keeps no TOTP secret in clear in any file of the data directory, WAL included", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "kc-db-wal-")), "data");
    mkdirSync(dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    const secrets = (await seedDemo(database.db)).flatMap((a) => (a.totpSecret ? [a.totpSecret] : []));
    await database.close();
    expect(secrets.length).toBeGreaterThan(0);
    const files = filesUnder(dir).filter((f) => !f.endsWith(SECRET_KEY_FILE));
    expect(files.some((f) => f.includes("pg_wal"))).toBe(true);
    const leaks = files.filter((file) => {
      const bytes = readFileSync(file).toString("latin1");
      return secrets.some((secret) => bytes.includes(secret));
    });
    expect(leaks).toEqual([]);
  }, 60_000);
});
