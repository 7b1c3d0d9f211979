import { asc, desc, gt, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "./client";
import { auditLog } from "./schema";
import { hmacHex, type Secrets, secretsOf } from "./secrets";

export type AuditResult = "ok" | "denied" | "failed";

export interface AuditEntry {
  actorId: string | null;
  /** A role or "anonymous". */
  actorRole: string;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result: AuditResult;
  sourceIp?: string | null;
  ruleId?: string | null;
  detail?: Record<string, unknown> | null;
}

export const GENESIS_HASH = "0".repeat(64);
/** Arbitrary constant key: one chain, so writers queue on one advisory lock. */
const AUDIT_CHAIN_LOCK = 7_305_001;

/** JSON with sorted keys, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

type ChainFields = Omit<typeof auditLog.$inferSelect, "id" | "hash">;

/**
 * HMAC-SHA-256 under a key that is not in the database: whoever can edit rows (a superuser, a stolen
 * backup) cannot recompute a chain that verifies, as they could with a plain hash.
 */
function rowMac(auditKey: Buffer, row: ChainFields): string {
  return hmacHex(auditKey, row.prevHash + canonicalAuditRow(row));
}

/** The text of a row that its MAC covers (with the previous row's MAC before it). */
export function canonicalAuditRow(row: Omit<ChainFields, "prevHash">): string {
  return canonicalJson([
    row.at.toISOString(),
    row.actorId,
    row.actorRole,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.sourceIp,
    row.ruleId,
    row.detail,
  ]);
}

/**
 * Appends one audit row inside the caller's transaction, so the audit row and the change commit or roll
 * back together. The advisory lock (held to commit) keeps the chain linear under concurrent writers.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  const { auditKey } = secretsOf(tx);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields: ChainFields = {
    at: new Date(now.getTime()),
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result,
    sourceIp: entry.sourceIp ?? null,
    ruleId: entry.ruleId ?? null,
    detail: entry.detail ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...fields, hash: rowMac(auditKey, fields) });
}

/** Runs `change` and writes its audit row in one transaction; either both commit or neither. */
export async function withAudit<T>(
  db: Executor,
  change: (tx: Tx) => Promise<T>,
  audit: (result: T) => AuditEntry,
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await change(tx);
    await appendAudit(tx, audit(result));
    return result;
  });
}

/** An audit row with no accompanying change (sign-in failures, denied calls). */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, entry));
}

export type AuditChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtId: number; reason: "altered" | "missing-predecessor" };

/**
 * Walks the chain in id order with the handle's key (or `secrets`, to check under another key). An edited
 * row, or a chain recomputed without the key, fails its MAC; a deleted row breaks the next row's prev_hash.
 * (Deleting the newest rows leaves a valid shorter chain: keep `auditChainHead` outside the database.)
 */
export async function verifyAuditChain(
  db: Db,
  options: { secrets?: Secrets } = {},
): Promise<AuditChainReport> {
  const { auditKey } = options.secrets ?? secretsOf(db);
  let prev = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(1000);
    if (page.length === 0) return { ok: true, rows };
    for (const row of page) {
      if (row.prevHash !== prev)
        return { ok: false, rows, brokenAtId: row.id, reason: "missing-predecessor" };
      if (rowMac(auditKey, row) !== row.hash)
        return { ok: false, rows, brokenAtId: row.id, reason: "altered" };
      prev = row.hash;
      lastId = row.id;
      rows++;
    }
  }
}

/** The newest row's id and MAC: `pnpm audit:verify` prints it to be kept elsewhere (a shortened chain shows). */
export async function auditChainHead(db: Db): Promise<{ id: number; mac: string } | null> {
  const [last] = await db
    .select({ id: auditLog.id, mac: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  return last ?? null;
}
