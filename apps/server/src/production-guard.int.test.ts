import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runUntilExit, startServerProcess } from "./server-process";

// Test-only: the PostgreSQL server the integration suites may use (as in @kechuang/db/testing).
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
// Production needs its master key too; given here so each test sees only the refusal it is about.
const KECHUANG_SECRET_KEY = "0123456789abcdef".repeat(4);
const productionEnvs: { production: string; env: Record<string, string> }[] = [
  { production: "KECHUANG_PRODUCTION=1", env: { KECHUANG_PRODUCTION: "1", KECHUANG_SECRET_KEY } },
  { production: "NODE_ENV=production", env: { NODE_ENV: "production", KECHUANG_SECRET_KEY } },
];

describe("production setting (NODE_ENV=production or KECHUANG_PRODUCTION)", () => {
  it.each(productionEnvs)(
    "$production refuses to start on PGlite, with a message naming the fix, before touching the data directory",
    async ({ env }) => {
      const dataDir = join(mkdtempSync(join(tmpdir(), "kc-prod-")), "data");
      const { code, output } = await runUntilExit({ ...env, DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain("DATABASE_URL is not");
      expect(output).toContain("production needs PostgreSQL");
      expect(existsSync(dataDir)).toBe(false);
    },
    90_000,
  );

  it.each(productionEnvs)(
    "$production refuses DEMO=1 (demo administrators with generated passwords) before touching the data directory",
    async ({ env }) => {
      const dataDir = join(mkdtempSync(join(tmpdir(), "kc-prod-demo-")), "data");
      const { code, output } = await runUntilExit({
        ...env,
        DEMO: "1",
        DATA_DIR: dataDir,
        DATABASE_URL: "postgres://kechuang@127.0.0.1:1/never-opened",
      });
      expect(code).toBe(1);
      expect(output).toContain("DEMO is set in production");
      expect(output).not.toContain("DATABASE_URL is not");
      expect(existsSync(dataDir)).toBe(false);
    },
    90_000,
  );

  it.each(testDatabases().filter((kind) => kind === "postgres"))(
    "starts on %s and reports ready",
    async (kind) => {
      const database = await createTestDatabase(kind);
      try {
        const result = await database.db.execute(sql`select current_database() as name`);
        const url = new URL(testDatabaseUrl!);
        url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
        const server = await startServerProcess({
          KECHUANG_PRODUCTION: "1",
          KECHUANG_SECRET_KEY,
          DATABASE_URL: url.toString(),
        });
        try {
          const ready = await fetch(`${server.url}/readyz`);
          expect(ready.status).toBe(200);
          expect(await ready.json()).toMatchObject({ status: "ready", database: true, migrations: true });
        } finally {
          expect(await server.stop()).toBe(0);
        }
      } finally {
        await database.close();
      }
    },
    90_000,
  );
});
