import { once } from "node:events";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Database, Db, Tx } from "./client";
import { rowsOf } from "./connection";

/**
 * Backup file: gzip'd NDJSON, the same for PGlite and PostgreSQL, so one can be restored into the other.
 *   1. header   {format, version, createdAt, source, migrations: [{hash, createdAt}], tables: [...]}
 *   2. per table, parents before children: {table, columns: [{name, type}]}, one JSON array per row
 *      (every value as PostgreSQL's own text form, or null), then {tableEnd, rows}
 *   3. {sequences: [{name, lastValue}]}
 *   4. trailer  {end: true, rowCounts} — its absence marks a truncated file.
 * Values travel as text because every type's text output is accepted back by its input function
 * (bytea as \x hex, jsonb, timestamptz with offset, arrays), so new column types need no code here.
 */
export const BACKUP_FORMAT = "kechuang-backup";
export const BACKUP_VERSION = 1;

export interface BackupColumn {
  name: string;
  type: string;
}
export interface MigrationMark {
  hash: string;
  /** drizzle's `created_at`: the migration's folder timestamp, as text (bigint). */
  createdAt: string;
}
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: Database["kind"];
  migrations: MigrationMark[];
  tables: string[];
}
export interface SequenceState {
  name: string;
  /** null: never used (nextval will return its start). */
  lastValue: string | null;
}

export type Progress = (message: string) => void;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const table = (name: string) => `public.${quote(name)}`;
const FETCH_SIZE = 1000;

/** Tables of the `public` schema, parents before children (FK order); cycles are appended as found. */
export async function listTables(db: Pick<Db, "execute">): Promise<string[]> {
  const tables = await rowsOf<{ name: string }>(
    db,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition order by c.relname`,
  );
  const edges = await rowsOf<{ child: string; parent: string }>(
    db,
    `select ch.relname as child, pa.relname as parent from pg_constraint k
     join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
     join pg_namespace n on n.oid = ch.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and ch.oid <> pa.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of edges) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const ready = [...parents.keys()].filter(
      (name) =>
        !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p) || !parents.has(p)),
    );
    // A cycle: take the first remaining table; restore disables FK triggers for such schemas.
    const next = ready.length > 0 ? ready : [[...parents.keys()].find((name) => !placed.has(name))!];
    for (const name of next) {
      placed.add(name);
      ordered.push(name);
    }
  }
  return ordered;
}

/** True when some foreign key points back up the order (a cycle or a self-reference). */
export async function hasForeignKeyCycle(db: Pick<Db, "execute">, order: string[]): Promise<boolean> {
  const edges = await rowsOf<{ child: string; parent: string }>(
    db,
    `select ch.relname as child, pa.relname as parent from pg_constraint k
     join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
     join pg_namespace n on n.oid = ch.relnamespace where k.contype = 'f' and n.nspname = 'public'`,
  );
  const position = new Map(order.map((name, i) => [name, i]));
  return edges.some(({ child, parent }) => (position.get(parent) ?? -1) >= (position.get(child) ?? 0));
}

/** Stored (non-generated) columns in table order, with their SQL type. */
export async function listColumns(db: Pick<Db, "execute">, name: string): Promise<BackupColumn[]> {
  return rowsOf<BackupColumn>(
    db,
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
     where a.attrelid = '${table(name).replaceAll("'", "''")}'::regclass and a.attnum > 0
       and not a.attisdropped and a.attgenerated = '' order by a.attnum`,
  );
}

async function primaryKey(db: Pick<Db, "execute">, name: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    `select a.attname as name from pg_index i
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = '${table(name).replaceAll("'", "''")}'::regclass and i.indisprimary
     order by array_position(i.indkey, a.attnum)`,
  );
  return rows.map((r) => r.name);
}

/** The drizzle migration journal: which migrations produced this schema. */
export async function readMigrationMarks(db: Pick<Db, "execute">): Promise<MigrationMark[] | null> {
  const [present] = await rowsOf<{ ok: boolean }>(
    db,
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!present?.ok) return null;
  return rowsOf<MigrationMark>(
    db,
    `select hash, created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at, id`,
  );
}

export async function readSequences(db: Pick<Db, "execute">): Promise<SequenceState[]> {
  return rowsOf<SequenceState>(
    db,
    `select sequencename as name, last_value::text as "lastValue" from pg_sequences
     where schemaname = 'public' order by sequencename`,
  );
}

/** Fixed output settings, so a value's text form does not depend on the session (time zone, styles). */
export async function setPortableOutput(tx: Pick<Tx, "execute">): Promise<void> {
  for (const setting of [
    "set local timezone = 'UTC'",
    "set local datestyle = 'ISO, YMD'",
    "set local intervalstyle = 'postgres'",
    "set local extra_float_digits = 3",
    "set local bytea_output = 'hex'",
  ])
    await rowsOf(tx, setting);
}

export interface BackupSummary {
  file: string;
  rowCounts: Record<string, number>;
}

/**
 * Writes every table of `public` from one consistent snapshot (REPEATABLE READ, read-only), so a backup
 * of a live PostgreSQL is consistent without stopping the servers. The file appears only when complete.
 */
export async function backupDatabase(
  database: Pick<Database, "db" | "kind">,
  file: string,
  onProgress: Progress = () => {},
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = gzip.pipe(createWriteStream(partial, { mode: 0o600 }));
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
  };
  try {
    const rowCounts = await database.db.transaction(
      async (tx) => {
        await setPortableOutput(tx);
        const migrations = await readMigrationMarks(tx);
        if (!migrations) throw new Error("Not a Kechuang database: no drizzle migration journal found");
        const tables = await listTables(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations,
          tables,
        };
        await write(header);
        const counts: Record<string, number> = {};
        for (const name of tables) {
          counts[name] = await copyTable(tx, name, write);
          onProgress(`${name}: ${counts[name]} rows`);
        }
        await write({ sequences: await readSequences(tx) });
        await write({ end: true, rowCounts: counts });
        return counts;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    gzip.end();
    await finished(output);
    renameSync(partial, file);
    return { file, rowCounts };
  } catch (error) {
    gzip.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

async function copyTable(tx: Tx, name: string, write: (value: unknown) => Promise<void>): Promise<number> {
  const columns = await listColumns(tx, name);
  await write({ table: name, columns });
  const key = await primaryKey(tx, name);
  const select = columns.map((c) => `${quote(c.name)}::text as ${quote(c.name)}`).join(", ");
  const orderBy = key.length > 0 ? ` order by ${key.map(quote).join(", ")}` : "";
  await rowsOf(tx, `declare kc_backup no scroll cursor for select ${select} from ${table(name)}${orderBy}`);
  let count = 0;
  for (;;) {
    const page = await rowsOf<Record<string, string | null>>(
      tx,
      `fetch forward ${FETCH_SIZE} from kc_backup`,
    );
    for (const row of page) await write(columns.map((c) => row[c.name] ?? null));
    count += page.length;
    if (page.length < FETCH_SIZE) break;
  }
  await rowsOf(tx, "close kc_backup");
  await write({ tableEnd: name, rows: count });
  return count;
}

export interface TableChecksum {
  rows: number;
  md5: string;
}

/**
 * Row count and md5 of every table's rows (each row's text, sorted bytewise), computed by the database
 * itself: equal checksums on two databases mean equal contents, whichever tool copied them.
 */
export async function tableChecksums(db: Db): Promise<Record<string, TableChecksum>> {
  return db.transaction(async (tx) => {
    await setPortableOutput(tx);
    const result: Record<string, TableChecksum> = {};
    for (const name of await listTables(tx)) {
      const [row] = await rowsOf<TableChecksum>(
        tx,
        `select count(*)::int as rows,
                md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as md5
         from ${table(name)} as t`,
      );
      result[name] = row!;
    }
    return result;
  });
}

export { quote as quoteIdentifier };
