import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, SECRET_KEY_FILE, seedDemo, tableChecksums, verifyAuditChain } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { runScript } from "./server-process";

/** `pnpm db:backup` / `pnpm db:restore` as an operator runs them: the server's env, real files. */
// Test-only: the PostgreSQL server the integration suites may use (as in @kechuang/db/testing).
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), "kc-db-cli-"));
const source = join(work, "source");
const backupFile = join(work, "kechuang.ndjson.gz");

const checksumsOf = async (dataDir: string) => {
  const database = await openDatabase({ dataDir });
  try {
    return { checksums: await tableChecksums(database.db), chain: await verifyAuditChain(database.db) };
  } finally {
    await database.close();
  }
};

describe("db:backup and db:restore commands", () => {
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: source });
    await seedDemo(database.db);
    await database.close();
  }, 60_000);

  it("backs up a stopped PGlite directory, and refuses while a process holds it", async () => {
    const backup = await runScript("src/db-backup.ts", [backupFile], { DATA_DIR: source });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout.trim()).toBe(backupFile);
    expect(backup.stderr).toMatch(/users: \d+ rows/);

    const running = await openDatabase({ dataDir: source });
    try {
      const refused = await runScript("src/db-backup.ts", [join(work, "refused.gz")], { DATA_DIR: source });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`in use by process ${process.pid}`);
      expect(refused.stderr).toContain("needs the server stopped");
    } finally {
      await running.close();
    }
  }, 60_000);

  it("restores into an empty PGlite directory and refuses a second restore without --force", async () => {
    const target = join(work, "restored");
    // The backup holds no key: the restored installation needs the source's (KECHUANG_SECRET_KEY, or as
    // here the demo's DATA_DIR/secret.key) for its audit chain and TOTP secrets.
    mkdirSync(target, { recursive: true });
    copyFileSync(join(source, SECRET_KEY_FILE), join(target, SECRET_KEY_FILE));
    const restored = await runScript("src/db-restore.ts", [backupFile], { DATA_DIR: target });
    expect(restored.code, restored.stderr).toBe(0);
    const again = await runScript("src/db-restore.ts", [backupFile], { DATA_DIR: target });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("--force");
    const forced = await runScript("src/db-restore.ts", [backupFile, "--force"], { DATA_DIR: target });
    expect(forced.code, forced.stderr).toBe(0);

    const [before, after] = [await checksumsOf(source), await checksumsOf(target)];
    expect(after.checksums).toEqual(before.checksums);
    expect(after.chain).toEqual(before.chain);
    expect(after.chain.ok).toBe(true);
  }, 120_000);

  it.each(testDatabases().filter((kind) => kind === "postgres"))(
    "moves the PGlite backup into %s through DATABASE_URL",
    async (kind) => {
      const database = await createTestDatabase(kind);
      try {
        const result = await database.db.execute(sql`select current_database() as name`);
        const url = new URL(testDatabaseUrl!);
        url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
        const restored = await runScript("src/db-restore.ts", [backupFile], { DATABASE_URL: url.toString() });
        expect(restored.code, restored.stderr).toBe(0);
        expect(await tableChecksums(database.db)).toEqual((await checksumsOf(source)).checksums);
      } finally {
        await database.close();
      }
    },
    60_000,
  );
});
