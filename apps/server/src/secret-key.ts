import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadOrCreateSecretKey, SECRET_KEY_FILE } from "@kechuang/db";
import type { ServerConfig } from "./env";

/**
 * The server's master key: KECHUANG_SECRET_KEY, which production must set (env.ts refuses to start
 * without it). Outside production, DATA_DIR/secret.key (0600, made on first start) so a demo keeps its
 * audit chain and TOTP secrets across restarts; the server and the CLI tools find the same one.
 */
export function resolveSecretKey(
  config: Pick<ServerConfig, "secretKey" | "production" | "dataDir">,
  options: { create?: boolean } = {},
): Buffer {
  if (config.secretKey) return config.secretKey;
  if (config.production) throw new Error("KECHUANG_SECRET_KEY is required in production.");
  // A checking tool must not make a new key: nothing written so far would verify under it.
  if (options.create === false && !existsSync(join(config.dataDir, SECRET_KEY_FILE)))
    throw new Error(
      `No secret key: set KECHUANG_SECRET_KEY, or run where ${join(config.dataDir, SECRET_KEY_FILE)} is.`,
    );
  return loadOrCreateSecretKey(config.dataDir);
}

/**
 * Files this process creates (data directory, backups, key file) are the owner's alone. PGlite sets its
 * own file modes regardless, so @kechuang/db also tightens the data directory on open and close.
 */
export function restrictNewFiles(): void {
  process.umask(0o077);
}
