import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The query surface shared by the PGlite and node-postgres drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Repositories accept either, so a caller can put several writes in one transaction. */
export type Executor = Db | Tx;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Readiness: a round trip to the database. Never throws. */
  ping(): Promise<boolean>;
  /** Readiness: every migration shipped with this build is recorded as applied. Never throws. */
  migrationsApplied(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** PGlite data directory (ignored when `databaseUrl` is set). "memory://" keeps it in memory. */
  dataDir: string;
  /** node-postgres connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** Folder of drizzle-kit SQL migrations; defaults to this package's `drizzle/`. */
  migrationsFolder?: string;
  /** Reports background errors (an idle PostgreSQL connection dropping); defaults to console.error. */
  onBackgroundError?: (error: Error) => void;
}

/** Where drizzle-kit writes migrations, relative to this file (src/ → ../drizzle). */
export const defaultMigrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

const MIGRATIONS_TABLE = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;

/** Opens PGlite (with a data-directory lock) or a PostgreSQL pool, then applies pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const migrationsFolder = config.migrationsFolder ?? defaultMigrationsFolder;
  if (!existsSync(migrationsFolder)) throw new Error(`Migrations folder not found: ${migrationsFolder}`);
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle client's error (database restart, network) is emitted on the pool; unhandled it kills the process.
    pool.on(
      "error",
      config.onBackgroundError ?? ((error) => console.error("PostgreSQL pool error:", error.message)),
    );
    try {
      await migrateWithLock(pool, migrationsFolder);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return wrap("postgres", drizzlePg(pool, { schema }) as unknown as Db, migrationsFolder, () => pool.end());
  }
  const inMemory = config.dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquireDataDirLock(config.dataDir);
  try {
    const client = await PGlite.create(inMemory ? undefined : config.dataDir);
    return await fromPglite(client, { migrationsFolder, onClose: release });
  } catch (error) {
    release();
    throw error;
  }
}

/** Arbitrary constant: several server instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7_305_002;

async function migrateWithLock(pool: pg.Pool, migrationsFolder: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Wraps an already open PGlite (tests clone a migrated template) and migrates it. */
export async function fromPglite(
  client: PGlite,
  options: { migrationsFolder?: string; onClose?: () => void } = {},
): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return wrap("pglite", db, migrationsFolder, async () => {
    if (!client.closed) await client.close();
    options.onClose?.();
  });
}

function wrap(
  kind: Database["kind"],
  db: Db,
  migrationsFolder: string,
  close: () => Promise<void>,
): Database {
  const expected = readMigrationFiles({ migrationsFolder }).length;
  let closed = false;
  return {
    kind,
    db,
    async ping() {
      if (closed) return false;
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    async migrationsApplied() {
      if (closed) return false;
      try {
        const result = await db.execute(MIGRATIONS_TABLE);
        const row = (result as unknown as { rows: { n: number }[] }).rows[0];
        return (row?.n ?? 0) >= expected;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
