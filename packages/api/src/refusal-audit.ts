import { type AuditEntry, type Database, recordAudit } from "@kechuang/db";

/**
 * Refusals that anyone can provoke cheaply (CSRF 403s, 429s, out-of-scope 404s) are audited, but at most one
 * row per source address and kind per window: every audit row takes the hash chain's lock, so an unthrottled
 * flood of refusals would flood the log and queue every other writer. The next row written for that address
 * and kind carries how many were left out (`detail.suppressed`).
 *
 * The windows live in memory per database handle: one per process in production, one per app in tests.
 */
export const REFUSAL_AUDIT_WINDOW_MS = 60_000;
/** Bound on remembered (address, kind) pairs, so a spray of addresses cannot grow memory without end. */
const MAX_TRACKED = 10_000;

export type RefusalKind = "csrf" | "rate-limit" | "out-of-scope";

interface Window {
  startedAt: number;
  suppressed: number;
}

const windowsOf = new WeakMap<Database, Map<string, Window>>();

function windows(database: Database): Map<string, Window> {
  let map = windowsOf.get(database);
  if (!map) {
    map = new Map();
    windowsOf.set(database, map);
  }
  return map;
}

function makeRoom(map: Map<string, Window>, now: number): void {
  if (map.size < MAX_TRACKED) return;
  for (const [key, window] of map) if (now - window.startedAt >= REFUSAL_AUDIT_WINDOW_MS) map.delete(key);
  // Still full: forget the oldest (Map keeps insertion order).
  if (map.size >= MAX_TRACKED) map.delete(map.keys().next().value as string);
}

/** Writes a `denied` audit row unless one was written for this address and kind within the window. */
export async function auditRefusal(
  database: Database,
  kind: RefusalKind,
  entry: Omit<AuditEntry, "result">,
  now: Date = new Date(),
): Promise<"written" | "suppressed"> {
  const map = windows(database);
  const key = `${kind}|${entry.sourceIp ?? "-"}`;
  const at = now.getTime();
  const previous = map.get(key);
  // Decided synchronously, before any await, so concurrent refusals cannot both write.
  if (previous && at - previous.startedAt < REFUSAL_AUDIT_WINDOW_MS) {
    previous.suppressed++;
    return "suppressed";
  }
  map.delete(key);
  makeRoom(map, at);
  map.set(key, { startedAt: at, suppressed: 0 });
  await recordAudit(database.db, {
    ...entry,
    result: "denied",
    detail: {
      ...entry.detail,
      reason: kind,
      ...(previous?.suppressed ? { suppressed: previous.suppressed } : {}),
    },
  });
  return "written";
}

const outOfScope = new WeakMap<Error, { objectType: string; objectId: string }>();

/** Marks a NOT_FOUND answered for a record outside the caller's scope, for the tRPC layer to audit. */
export function markOutOfScope<E extends Error>(error: E, objectType: string, objectId: string): E {
  outOfScope.set(error, { objectType, objectId });
  return error;
}

export const outOfScopeTarget = (error: unknown): { objectType: string; objectId: string } | undefined =>
  error instanceof Error ? outOfScope.get(error) : undefined;
