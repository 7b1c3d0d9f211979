import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordAudit, verifyAuditChain } from "./audit";
import { backupDatabase, readMigrationMarks, readSequences, tableChecksums } from "./backup";
import { type Database, defaultMigrationsFolder } from "./client";
import { fromRawPglite, type RawConnection, rawConnectionOf } from "./connection";
import { restoreDatabase } from "./restore";
import { idempotencyKeys, organizations, sessions, users } from "./schema";
import { seedDemo } from "./seed";
import { createTestDatabase, type TestDatabaseKind, testDatabases } from "./testing";

// Each test creates two or three databases (a fresh PGlite is seconds of initdb): more than the default.
vi.setConfig({ testTimeout: 120_000 });

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const database of opened.splice(0).reverse()) await database.close();
});

async function database(kind: TestDatabaseKind): Promise<Database> {
  const created = await createTestDatabase(kind);
  opened.push(created);
  return created;
}

/** Demo data plus a row in every table the demo leaves empty, and values that are awkward as text. */
async function seededSource(kind: TestDatabaseKind): Promise<Database> {
  const source = await database(kind);
  await seedDemo(source.db);
  const [user] = await source.db.select().from(users).limit(1);
  const now = new Date("2026-11-22T08:00:00.123Z");
  await source.db.insert(sessions).values({
    id: "a".repeat(64),
    userId: user!.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
    ip: null,
    userAgent: 'agent "quoted"\nsecond line\\backslash',
  });
  await source.db
    .insert(idempotencyKeys)
    .values({ key: "k-1", userId: user!.id, result: { nested: { 数组: [1, 2.5, null, "中文"] } } });
  await source.db
    .insert(organizations)
    .values({ name: "引号 ' \" 与 \t 制表", creditCode: null, type: "enterprise", areaCode: "430200" });
  await recordAudit(source.db, { actorId: null, actorRole: "anonymous", action: "probe", result: "ok" });
  return source;
}

function backupFile(): string {
  return join(mkdtempSync(join(tmpdir(), "kc-backup-")), "kechuang.ndjson.gz");
}

/** Tables `seededSource` fills; a table added by a later migration belongs here once it seeds rows too. */
const SEEDED_TABLES = [
  "organizations",
  "users",
  "sessions",
  "platforms",
  "applications",
  "application_events",
  "idempotency_keys",
  "audit_log",
];

async function expectSameContents(source: Database, target: RawConnection) {
  const before = await tableChecksums(source.db);
  const after = await tableChecksums(target.db);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const name of SEEDED_TABLES) expect(before[name]?.rows, `${name} has rows`).toBeGreaterThan(0);
  for (const [name, checksum] of Object.entries(before)) expect(after[name], name).toEqual(checksum);
  expect(await readSequences(target.db)).toEqual(await readSequences(source.db));
}

describe.each(testDatabases())("backup and restore on %s", (kind) => {
  it("restores every table into a fresh database with equal counts, checksums and sequences", async () => {
    const source = await seededSource(kind);
    const file = backupFile();
    const progress: string[] = [];
    const summary = await backupDatabase(source, file, (line) => progress.push(line));
    expect(progress).toContain(`audit_log: ${summary.rowCounts.audit_log} rows`);

    const target = rawConnectionOf(await database(kind));
    const outcome = await restoreDatabase(target, file);
    expect(outcome).toEqual({ ok: true, rowCounts: summary.rowCounts });
    await expectSameContents(source, target);

    const chain = await verifyAuditChain(target.db);
    expect(chain).toEqual({ ok: true, rows: summary.rowCounts.audit_log });
    // The audit sequence continues after the restored ids, and the chain stays valid.
    await recordAudit(target.db, { actorId: null, actorRole: "anonymous", action: "after", result: "ok" });
    expect(await verifyAuditChain(target.db)).toEqual({ ok: true, rows: chain.rows + 1 });
  });

  it("refuses a non-empty target unless forced, and replaces it when forced", async () => {
    const source = await seededSource(kind);
    const file = backupFile();
    await backupDatabase(source, file);
    const occupied = await database(kind);
    await seedDemo(occupied.db);
    const target = rawConnectionOf(occupied);

    const refused = await restoreDatabase(target, file);
    expect(refused).toMatchObject({ ok: false, reason: "not-empty" });
    expect(refused.ok || refused.message).toContain("--force");

    expect(await restoreDatabase(target, file, { force: true })).toMatchObject({ ok: true });
    await expectSameContents(source, target);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
  });

  it("refuses a truncated, foreign, non-gzip or missing file, leaving the target empty", async () => {
    const source = await seededSource(kind);
    const file = backupFile();
    await backupDatabase(source, file);
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    const truncated = `${file}.cut`;
    writeFileSync(truncated, gzipSync(lines.slice(0, -1).join("\n")));
    const notBackup = `${file}.other`;
    writeFileSync(notBackup, gzipSync('{"hello":"world"}\n'));

    const target = rawConnectionOf(await database(kind));
    expect(await restoreDatabase(target, truncated)).toMatchObject({ ok: false, reason: "bad-file" });
    expect(await restoreDatabase(target, notBackup)).toMatchObject({ ok: false, reason: "bad-file" });
    const notGzip = `${file}.txt`;
    writeFileSync(notGzip, "plain text");
    expect(await restoreDatabase(target, notGzip)).toMatchObject({ ok: false, reason: "bad-file" });
    expect(await restoreDatabase(target, `${file}.missing`)).toMatchObject({ ok: false, reason: "bad-file" });
    const counts = await tableChecksums(target.db);
    expect(Object.values(counts).every((c) => c.rows === 0)).toBe(true);
  });
});

describe("moving between databases", () => {
  it("restores into a brand-new PGlite that has no schema yet, then migrates it", async () => {
    const source = await seededSource("pglite");
    const file = backupFile();
    await backupDatabase(source, file);
    const target = fromRawPglite(await PGlite.create());
    opened.push(target);
    expect(await restoreDatabase(target, file)).toMatchObject({ ok: true });
    await expectSameContents(source, target);
  });

  it.each(testDatabases().filter((k) => k === "postgres"))("copies PGlite into %s", async (kind) => {
    const source = await seededSource("pglite");
    const file = backupFile();
    await backupDatabase(source, file);
    const target = rawConnectionOf(await database(kind));
    expect(await restoreDatabase(target, file)).toMatchObject({ ok: true });
    await expectSameContents(source, target);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
  });
});

describe("schema growth", () => {
  it("restores a backup made before the newest migration, then applies it", async () => {
    // The source was built by an older release: only the first migration exists there.
    const olderRelease = mkdtempSync(join(tmpdir(), "kc-old-migrations-"));
    cpSync(defaultMigrationsFolder, olderRelease, { recursive: true });
    const journalPath = join(olderRelease, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const source = fromRawPglite(await PGlite.create());
    opened.push(source);
    await source.migrate(olderRelease);
    await source.db
      .insert(organizations)
      .values({ name: "旧版单位", type: "enterprise", areaCode: "430200" });
    const file = backupFile();
    await backupDatabase(source, file);

    const target = fromRawPglite(await PGlite.create());
    opened.push(target);
    expect(await restoreDatabase(target, file)).toMatchObject({ ok: true, rowCounts: { organizations: 1 } });
    const marks = await readMigrationMarks(target.db);
    expect(marks).toHaveLength(journal.entries.length);
    expect((await tableChecksums(target.db)).organizations).toEqual(
      (await tableChecksums(source.db)).organizations,
    );
  });
});
