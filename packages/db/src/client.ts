import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
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
import { bindSecrets, deriveSecrets, loadOrCreateSecretKey } from "./secrets";

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
  /**
   * Master key of the audit chain's MAC and of TOTP secrets at rest (KECHUANG_SECRET_KEY, 32+ bytes). When
   * absent: an on-disk PGlite uses (or creates) `dataDir/secret.key`, an in-memory one a throwaway key, and a
   * PostgreSQL handle has none (audit writes then fail with a message naming the setting).
   */
  secretKey?: Buffer;
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
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (config.secretKey) bindSecrets(db, deriveSecrets(config.secretKey));
    return wrap("postgres", db, migrationsFolder, () => pool.end());
  }
  const inMemory = config.dataDir.startsWith("memory://");
  if (inMemory)
    return fromPglite(await PGlite.create(), {
      migrationsFolder,
      secretKey: config.secretKey ?? randomBytes(32),
    });
  const dataDir = config.dataDir;
  makePrivateDirectory(dataDir);
  const release = acquireDataDirLock(dataDir);
  try {
    const secretKey = config.secretKey ?? loadOrCreateSecretKey(dataDir);
    const client = await PGlite.create(dataDir);
    const database = await fromPglite(client, {
      migrationsFolder,
      secretKey,
      onClose: () => {
        restrictDataDirFiles(dataDir);
        release();
      },
    });
    restrictDataDirFiles(dataDir);
    return database;
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

/**
 * The data directory is the database: owner only (0700), created so or tightened when it exists (older
 * installs made it world-readable). The directory's mode is what protects files PGlite creates later.
 */
export function makePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * PGlite's file system layer sets its files to 0666 (or 0644) whatever the process umask says, so every
 * entry is tightened after opening and after closing: files 0600, folders 0700.
 */
export function restrictDataDirFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) {
        chmodSync(path, 0o700);
        restrictDataDirFiles(path);
      } else if (entry.isFile()) chmodSync(path, 0o600);
    } catch (error) {
      // PostgreSQL removes temporary files while we walk: a vanished entry needs no tightening.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/** Wraps an already open PGlite (tests clone a migrated template) and migrates it. */
export async function fromPglite(
  client: PGlite,
  options: { migrationsFolder?: string; onClose?: () => void; secretKey?: Buffer } = {},
): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  // Without a key (a bare in-memory clone), a throwaway one: nothing it protects outlives the process.
  bindSecrets(db, deriveSecrets(options.secretKey ?? randomBytes(32)));
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
