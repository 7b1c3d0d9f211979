import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Database, openDatabase, openRawConnection, type RawConnection } from "@kechuang/db";
import { loadConfig } from "./env";
import { resolveSecretKey } from "./secret-key";

/**
 * Shared start of the db:backup / db:restore commands: the server's own configuration (DATABASE_URL or
 * DATA_DIR) and migrations, so a command always reaches the database the server would.
 */
export interface CliDatabase {
  connection: RawConnection;
  /** Where it is, for messages: the data directory or the URL without its password. */
  describe: string;
  migrationsFolder: string | undefined;
}

export type CliOpen = { ok: true; value: CliDatabase } | { ok: false; message: string };

/** `pnpm db:…` runs in apps/server; relative paths (file, DATA_DIR) mean where the user typed it. */
export function enterInvocationDirectory(initCwd: string | undefined): void {
  if (initCwd && existsSync(initCwd)) process.chdir(initCwd);
}

/** The production bundle carries its migrations in dist/drizzle; from source the db package's own are used. */
export function serverMigrationsFolder(): string | undefined {
  const bundled = fileURLToPath(new URL("./drizzle", import.meta.url));
  return existsSync(bundled) ? bundled : undefined;
}

/**
 * The start of the administrator commands (admin:create, admin:disable/enable): the server's configuration,
 * migrations and key — TOTP secrets are sealed and audit rows chained with it, as the server's are.
 * Exits the process with the configuration's problems when it is invalid.
 */
export async function openServerDatabase(env: NodeJS.ProcessEnv): Promise<Database> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    console.error(`Invalid configuration:\n  ${loaded.problems.join("\n  ")}`);
    process.exit(1);
  }
  return openDatabase({
    dataDir: loaded.config.dataDir,
    databaseUrl: loaded.config.databaseUrl,
    migrationsFolder: serverMigrationsFolder(),
    secretKey: resolveSecretKey(loaded.config),
  });
}

export async function openCliDatabase(
  env: NodeJS.ProcessEnv,
  purpose: "backup" | "restore",
): Promise<CliOpen> {
  const loaded = loadConfig(env);
  if (!loaded.ok) return { ok: false, message: `Invalid configuration:\n  ${loaded.problems.join("\n  ")}` };
  const { dataDir, databaseUrl } = loaded.config;
  const migrationsFolder = serverMigrationsFolder();
  const describe = databaseUrl ? redact(databaseUrl) : `PGlite data directory ${dataDir}`;
  if (!databaseUrl && purpose === "backup" && !existsSync(dataDir))
    return {
      ok: false,
      message: `Nothing to back up: ${describe} does not exist (set DATA_DIR or DATABASE_URL).`,
    };
  try {
    return {
      ok: true,
      value: { connection: await openRawConnection({ dataDir, databaseUrl }), describe, migrationsFolder },
    };
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      message: message.includes("is in use by process")
        ? `${message}\nA PGlite data directory is opened by one process at a time, so ${purpose} needs the server stopped: stop it, run the command, start it again. (On PostgreSQL, backups are taken while the servers run.)`
        : `Cannot open ${describe}: ${message}`,
    };
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
