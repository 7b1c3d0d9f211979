import { cpSync, createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { type SQL, sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupColumn,
  type BackupHeader,
  hasForeignKeyCycle,
  listColumns,
  listTables,
  type MigrationMark,
  type Progress,
  quoteIdentifier,
  readMigrationMarks,
  type SequenceState,
} from "./backup";
import { defaultMigrationsFolder, type Tx } from "./client";
import { type RawConnection, rowsOf } from "./connection";

export type RestoreRefusal =
  /** The target holds rows; pass `force` to replace them. */
  | "not-empty"
  /** The backup was made by a build with migrations this build does not have. */
  | "newer-schema"
  /** Not a backup file, a newer format, or cut short. */
  | "bad-file";

export type RestoreOutcome =
  | { ok: true; rowCounts: Record<string, number> }
  | { ok: false; reason: RestoreRefusal; message: string };

export interface RestoreOptions {
  /** Replace a non-empty target (its `public` and `drizzle` schemas are dropped first). */
  force?: boolean;
  migrationsFolder?: string;
  onProgress?: Progress;
}

class Refused extends Error {
  constructor(
    readonly reason: RestoreRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Restores a `backupDatabase` file into `target`: migrations up to the backup's position, then every
 * row in one transaction (ids kept, sequences set to their backed-up values), then this build's newer
 * migrations. The audit chain is copied byte for byte, so `verifyAuditChain` passes afterwards.
 */
export async function restoreDatabase(
  target: RawConnection,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreOutcome> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
  const progress = options.onProgress ?? (() => {});
  const lines = readLines(file);
  try {
    const header = await readHeader(lines);
    checkMigrationsKnown(header.migrations, migrationsFolder);
    await prepareSchema(target, header.migrations, migrationsFolder, options.force ?? false, progress);
    const rowCounts = await target.db.transaction(async (tx) => {
      if (await hasForeignKeyCycle(tx, await listTables(tx))) {
        // Rows of a self-referencing or cyclic schema cannot be ordered by table: skip FK triggers.
        await rowsOf(tx, "set local session_replication_role = replica");
      }
      return loadRows(tx, lines, progress);
    });
    await target.migrate(migrationsFolder);
    return { ok: true, rowCounts };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  } finally {
    await lines.return?.();
  }
}

type Lines = AsyncIterator<string>;

function readLines(file: string): Lines {
  const input = createGunzip();
  // pipe() does not forward a read error (a missing file): hand it to the gunzip stream readline reads.
  createReadStream(file)
    .on("error", (error) => input.destroy(error))
    .pipe(input);
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
}

async function nextRecord(lines: Lines): Promise<unknown> {
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await lines.next();
    } catch (error) {
      throw new Refused("bad-file", `Backup file is unreadable: ${(error as Error).message}`);
    }
    if (next.done) return undefined;
    if (next.value.trim() === "") continue;
    try {
      return JSON.parse(next.value);
    } catch {
      throw new Refused("bad-file", "Backup file has a line that is not JSON");
    }
  }
}

async function readHeader(lines: Lines): Promise<BackupHeader> {
  const header = (await nextRecord(lines)) as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT)
    throw new Refused("bad-file", "Not a Kechuang backup file (no kechuang-backup header)");
  if ((header.version ?? 0) > BACKUP_VERSION)
    throw new Refused("bad-file", `Backup format ${header.version} is newer than this build understands`);
  return header as BackupHeader;
}

function checkMigrationsKnown(marks: MigrationMark[], migrationsFolder: string): void {
  const known = readMigrationFiles({ migrationsFolder });
  const unknown = marks.findIndex((mark, i) => known[i]?.hash !== mark.hash);
  if (unknown >= 0)
    throw new Refused(
      "newer-schema",
      `The backup's migration #${unknown + 1} is not this build's: restore with the build that made the backup (or a newer one).`,
    );
}

async function hasRows(target: RawConnection): Promise<string[]> {
  const filled: string[] = [];
  for (const name of await listTables(target.db)) {
    const [row] = await rowsOf<{ some: boolean }>(
      target.db,
      `select exists(select 1 from public.${quoteIdentifier(name)}) as some`,
    );
    if (row?.some) filled.push(name);
  }
  return filled;
}

/** Leaves the target's schema exactly at the backup's migration position, with no rows. */
async function prepareSchema(
  target: RawConnection,
  marks: MigrationMark[],
  migrationsFolder: string,
  force: boolean,
  progress: Progress,
): Promise<void> {
  const filled = await hasRows(target);
  if (filled.length > 0 && !force)
    throw new Refused(
      "not-empty",
      `The target database is not empty (rows in ${filled.join(", ")}). Restore into an empty database, or pass --force to replace its contents.`,
    );
  const current = (await readMigrationMarks(target.db)) ?? [];
  const samePosition =
    current.length === marks.length && current.every((mark, i) => mark.hash === marks[i]?.hash);
  if (filled.length === 0 && samePosition) return;
  const hasSchema = current.length > 0 || (await listTables(target.db)).length > 0;
  if (hasSchema) {
    progress(filled.length > 0 ? "replacing the existing contents (--force)" : "resetting the empty schema");
    await rowsOf(target.db, "drop schema if exists drizzle cascade");
    await rowsOf(target.db, "drop schema if exists public cascade");
    await rowsOf(target.db, "create schema public");
  }
  const folder = migrationsUpTo(migrationsFolder, marks.length);
  try {
    progress(`migrating to the backup's position (${marks.length} migrations)`);
    await target.migrate(folder.path);
  } finally {
    folder.dispose();
  }
}

/** A copy of the migrations folder whose journal stops after `count` entries. */
function migrationsUpTo(migrationsFolder: string, count: number): { path: string; dispose: () => void } {
  const journalPath = join(migrationsFolder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: unknown[] };
  if (journal.entries.length === count) return { path: migrationsFolder, dispose: () => {} };
  const copy = mkdtempSync(join(tmpdir(), "kc-migrations-"));
  cpSync(migrationsFolder, copy, { recursive: true });
  writeFileSync(
    join(copy, "meta", "_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
  );
  return { path: copy, dispose: () => rmSync(copy, { recursive: true, force: true }) };
}

/** Stay well below PostgreSQL's 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 30_000;

async function loadRows(tx: Tx, lines: Lines, progress: Progress): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let current: { name: string; columns: BackupColumn[]; batch: (string | null)[][]; rows: number } | null =
    null;
  const flush = async () => {
    if (!current || current.batch.length === 0) return;
    await tx.execute(insertStatement(current.name, current.columns, current.batch));
    current.batch = [];
  };
  for (;;) {
    const record = await nextRecord(lines);
    if (record === undefined) throw new Refused("bad-file", "Backup file is cut short (no end marker)");
    if (Array.isArray(record)) {
      if (!current) throw new Refused("bad-file", "Backup file has a row outside any table");
      current.batch.push(record as (string | null)[]);
      current.rows++;
      if (current.batch.length * current.columns.length >= MAX_PARAMETERS) await flush();
      continue;
    }
    const item = record as Record<string, unknown>;
    if (typeof item.table === "string") {
      current = {
        name: item.table,
        columns: await matchColumns(tx, item.table, item.columns as BackupColumn[]),
        batch: [],
        rows: 0,
      };
    } else if (typeof item.tableEnd === "string") {
      await flush();
      if (!current || current.name !== item.tableEnd || current.rows !== item.rows)
        throw new Refused("bad-file", `Backup file is inconsistent at the end of table ${item.tableEnd}`);
      counts[current.name] = current.rows;
      progress(`${current.name}: ${current.rows} rows`);
      current = null;
    } else if (Array.isArray(item.sequences)) {
      for (const sequence of item.sequences as SequenceState[]) await restoreSequence(tx, sequence);
    } else if (item.end === true) {
      return counts;
    }
  }
}

/** The target's columns (its own types), in the backup's order; both sides must have the same set. */
async function matchColumns(tx: Tx, name: string, columns: BackupColumn[]): Promise<BackupColumn[]> {
  const target = await listColumns(tx, name);
  const byName = new Map(target.map((c) => [c.name, c]));
  const missing = columns.filter((c) => !byName.has(c.name)).map((c) => c.name);
  if (target.length === 0 || missing.length > 0 || target.length !== columns.length)
    throw new Refused(
      "bad-file",
      `Table ${name} in the backup does not match the schema at the backup's migration position`,
    );
  return columns.map((c) => byName.get(c.name)!);
}

function insertStatement(name: string, columns: BackupColumn[], batch: (string | null)[][]): SQL {
  const columnList = sql.raw(columns.map((c) => quoteIdentifier(c.name)).join(", "));
  // Each value is sent as text and converted by the column type's own input function.
  const casts = columns.map((c) => sql.raw(`::text::${c.type}`));
  const rows = batch.map(
    (row) =>
      sql`(${sql.join(
        row.map((value, i) => sql`${value}${casts[i]}`),
        sql`, `,
      )})`,
  );
  return sql`insert into ${sql.raw(`public.${quoteIdentifier(name)}`)} (${columnList}) overriding system value values ${sql.join(rows, sql`, `)}`;
}

async function restoreSequence(tx: Tx, sequence: SequenceState): Promise<void> {
  const name = `public.${quoteIdentifier(sequence.name)}`;
  if (sequence.lastValue === null) {
    await rowsOf(tx, `alter sequence ${name} restart`);
    return;
  }
  await tx.execute(sql`select setval(${name}, ${sequence.lastValue}::text::bigint, true)`);
}
