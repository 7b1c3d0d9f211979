import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { type Database, defaultMigrationsFolder, openDatabase } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { sql } from "drizzle-orm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Crash durability: a child writing numbered records is SIGKILLed at a random moment 50 times; every
 * number it acknowledged (printed after commit) must be there after restart. A process kill, not a
 * power cut: PGlite does not fsync, so this proves nothing about losing power (see README, Deployment).
 */
const KILLS = 50;
// Test-only: the PostgreSQL server the integration suites may use (as in @kechuang/db/testing).
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
const serverRoot = fileURLToPath(new URL("..", import.meta.url));
let probe: string;

beforeAll(async () => {
  // Bundled once so each of the 50 restarts costs a plain `node` start, not a TypeScript loader.
  probe = join(serverRoot, "node_modules", ".cache", "kechuang", "crash-probe.mjs");
  const pkg = JSON.parse(readFileSync(join(serverRoot, "package.json"), "utf8"));
  const npmPackages = Object.keys(pkg.dependencies).filter((name) => !name.startsWith("@kechuang/"));
  await build({
    entryPoints: [join(serverRoot, "src", "crash-probe.ts")],
    outfile: probe,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: npmPackages.flatMap((name) => [name, `${name}/*`]),
    banner: {
      js: "import { createRequire as __kcCreateRequire } from 'node:module'; const require = __kcCreateRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
});

interface Probe {
  child: ChildProcess;
  acked: number[];
  /** Resolves with the pid once the database is open, or rejects with the child's stderr. */
  ready: Promise<number>;
  closed: Promise<unknown>;
  stderr: () => string;
}

function startProbe(target: string): Probe {
  const child = spawn(process.execPath, [probe, target, defaultMigrationsFolder], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acked: number[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  const closed = once(child, "close");
  const ready = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const [word, value] = line.split(" ");
      if (word === "ready") resolve(Number(value));
      if (word === "ack") acked.push(Number(value));
    });
    closed.then(() => reject(new Error(`probe exited before it was ready: ${stderr}`)));
  });
  return { child, acked, ready, closed, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function presentNumbers(database: Database): Promise<Set<number>> {
  const result = await database.db.execute(sql`select n from crash_probe`);
  return new Set((result as unknown as { rows: { n: number }[] }).rows.map((r) => r.n));
}

interface Target {
  /** What the probe receives: a PGlite data directory or a PostgreSQL URL. */
  address: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function makeTarget(kind: "pglite" | "postgres"): Promise<Target> {
  if (kind === "pglite") {
    const dataDir = join(mkdtempSync(join(tmpdir(), "kc-crash-")), "data");
    return { address: dataDir, open: () => openDatabase({ dataDir }), dispose: async () => {} };
  }
  // A fresh database of its own (dropped on close); the probe reaches it by URL on the same server.
  const owner = await createTestDatabase("postgres");
  const result = await owner.db.execute(sql`select current_database() as name`);
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
  return {
    address: url.toString(),
    open: () => openDatabase({ dataDir: "unused", databaseUrl: url.toString() }),
    dispose: () => owner.close(),
  };
}

describe.each(testDatabases())("crash durability on %s", (kind) => {
  let target: Target;
  beforeAll(async () => {
    target = await makeTarget(kind);
  });
  afterAll(async () => {
    await target?.dispose();
  });

  it(`keeps every acknowledged record through ${KILLS} SIGKILLs`, async () => {
    const acked: number[] = [];
    const lockPath = join(target.address, ".kechuang.lock");
    let takeovers = 0;
    for (let round = 0; round < KILLS; round++) {
      if (kind === "pglite" && round > 0) {
        // The killed process could not release its lock: the next start must take it over.
        expect(existsSync(lockPath)).toBe(true);
        takeovers++;
      }
      const running = startProbe(target.address);
      const pid = await running.ready;
      if (kind === "pglite") expect(readFileSync(lockPath, "utf8")).toBe(String(pid));
      await sleep(50 + Math.random() * 250);
      running.child.kill("SIGKILL");
      await running.closed;
      acked.push(...running.acked);
    }
    expect(takeovers).toBe(kind === "pglite" ? KILLS - 1 : 0);
    // Writes really happened between the kills, in a strictly increasing sequence.
    expect(acked.length).toBeGreaterThan(KILLS);
    expect(acked).toEqual([...acked].sort((a, b) => a - b));

    const database = await target.open();
    try {
      const present = await presentNumbers(database);
      expect(acked.filter((n) => !present.has(n))).toEqual([]);
    } finally {
      await database.close();
    }
    // ~1.5 s per restart on an idle machine (node + PGlite start, crash recovery); CI load can triple it.
  }, 600_000);

  it.each(kind === "pglite" ? ["pglite"] : [])(
    "refuses a second live process on the data directory",
    async () => {
      const first = startProbe(target.address);
      const pid = await first.ready;
      try {
        const second = startProbe(target.address);
        await expect(second.ready).rejects.toThrow(`in use by process ${pid}`);
        expect(second.child.exitCode).toBe(3);
        // The refused process must not have written anything in the meantime.
        expect(second.acked).toEqual([]);
      } finally {
        first.child.kill("SIGKILL");
        await first.closed;
      }
    },
  );
});
