import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type Database, type Db, makePrivateDirectory, restrictDataDirFiles } from "./client";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

/**
 * A connection that does NOT migrate on open: backup must not change what it copies, and restore
 * migrates to the backup's own position first. Same config as `openDatabase` (DATABASE_URL or DATA_DIR);
 * PGlite takes the data-directory lock, so it is refused while a server holds the directory.
 */
export interface RawConnection {
  kind: Database["kind"];
  db: Db;
  /** Applies the migrations in `migrationsFolder` that are newer than the last applied one. */
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

export async function openRawConnection(config: {
  dataDir: string;
  databaseUrl?: string;
}): Promise<RawConnection> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
    pool.on("error", (error) => console.error("PostgreSQL pool error:", error.message));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: "postgres",
      db,
      migrate: (migrationsFolder) => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const inMemory = config.dataDir.startsWith("memory://");
  if (!inMemory) makePrivateDirectory(config.dataDir);
  const unlock = inMemory ? () => {} : acquireDataDirLock(config.dataDir);
  // A restore writes a whole database: its files are tightened once it is closed (see restrictDataDirFiles).
  const release = () => {
    if (!inMemory) restrictDataDirFiles(config.dataDir);
    unlock();
  };
  try {
    const client = await PGlite.create(inMemory ? undefined : config.dataDir);
    return fromRawPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an open PGlite without migrating it (tests restore into an in-memory one). */
export function fromRawPglite(client: PGlite, onClose: () => void = () => {}): RawConnection {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    migrate: (migrationsFolder) => migratePglite(db as never, { migrationsFolder }),
    async close() {
      if (!client.closed) await client.close();
      onClose();
    },
  };
}

/** An already open `Database` seen as a raw connection (tests restore into `createTestDatabase()`). */
export function rawConnectionOf(database: Database): RawConnection {
  const migrate =
    database.kind === "postgres"
      ? (migrationsFolder: string) => migratePg(database.db as never, { migrationsFolder })
      : (migrationsFolder: string) => migratePglite(database.db as never, { migrationsFolder });
  return { kind: database.kind, db: database.db, migrate, close: () => database.close() };
}

/** Rows of a raw SQL statement; both drivers put them on `.rows`. */
export async function rowsOf<T>(db: Pick<Db, "execute">, statement: string): Promise<T[]> {
  const result = await db.execute(sql.raw(statement));
  return (result as unknown as { rows: T[] }).rows;
}
