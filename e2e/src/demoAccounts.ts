import { readFile } from "node:fs/promises";
import { join } from "node:path";

export type DemoAccount = { username: string; password: string; role: string; totpSecret: string | null };

/**
 * The server writes `${DATA_DIR}/demo-accounts.json` as `{ generatedAt, accounts: [...] }`; older or
 * other writers may use a bare array or a map keyed by username, so all three shapes are read.
 */
export function parseDemoAccounts(json: unknown): DemoAccount[] {
  const list: unknown[] = Array.isArray(json)
    ? json
    : typeof json === "object" && json !== null && Array.isArray((json as { accounts?: unknown }).accounts)
      ? (json as { accounts: unknown[] }).accounts
      : typeof json === "object" && json !== null
        ? Object.entries(json).map(([username, value]) => ({ username, ...(value as object) }))
        : [];
  return list.flatMap((entry): DemoAccount[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const { username, password, role, totpSecret } = entry as Record<string, unknown>;
    if (typeof username !== "string" || typeof password !== "string") return [];
    return [
      {
        username,
        password,
        role: typeof role === "string" ? role : "",
        totpSecret: typeof totpSecret === "string" ? totpSecret : null,
      },
    ];
  });
}

export async function readDemoAccounts(dataDir: string): Promise<Map<string, DemoAccount>> {
  const json: unknown = JSON.parse(await readFile(join(dataDir, "demo-accounts.json"), "utf8"));
  return new Map(parseDemoAccounts(json).map((account) => [account.username, account]));
}
