import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, fromPglite, openDatabase } from "./client";

/**
 * Fresh migrated databases for tests. PGlite: creating and migrating takes seconds, so one in-memory
 * template is migrated per test process and each test gets a clone of its data directory. PostgreSQL
 * (when TEST_DATABASE_URL is set): a uniquely named database per call, dropped by `close()`.
 */
export type TestDatabaseKind = "pglite" | "postgres";

// The one test-only environment read: which PostgreSQL server the integration suites may use.
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** The kinds available here, for `describe.each(testDatabases())`. */
export function testDatabases(): TestDatabaseKind[] {
  return testDatabaseUrl ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * The secret key of every test database (the audit chain's MAC, TOTP secrets at rest): fixed, so a test
 * can reopen or inspect what another handle wrote. Never a production key.
 */
export const TEST_SECRET_KEY = Buffer.from("kechuang-test-secret-key-not-for-production-use", "utf8");

let template: Promise<Blob> | undefined;

function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const client = await PGlite.create();
    const database = await fromPglite(client);
    const dump = await client.dumpDataDir("none");
    await database.close();
    return dump;
  })();
  return template;
}

export async function createTestDatabase(kind: TestDatabaseKind = "pglite"): Promise<Database> {
  if (kind === "pglite") {
    const client = await PGlite.create({ loadDataDir: await pgliteTemplate() });
    return fromPglite(client, { secretKey: TEST_SECRET_KEY });
  }
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set: PostgreSQL tests cannot run");
  const name = `kc_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    dataDir: "unused",
    databaseUrl: url.toString(),
    secretKey: TEST_SECRET_KEY,
  });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
