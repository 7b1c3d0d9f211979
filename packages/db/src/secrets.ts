import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Executor } from "./client";

/**
 * Secrets kept OUTSIDE the database: one master key (KECHUANG_SECRET_KEY, or DATA_DIR/secret.key outside
 * production) and purpose-specific subkeys derived from it with HKDF, so a leak of one use (say, a TOTP
 * ciphertext oracle) says nothing about another (the audit chain's MAC).
 */
export interface Secrets {
  /** HMAC-SHA-256 key of the audit chain. */
  readonly auditKey: Buffer;
  /** AES-256-GCM key of TOTP secrets at rest. */
  readonly totpKey: Buffer;
  /** HMAC key that turns an unknown typed username into a pseudonym for the audit log. */
  readonly usernameKey: Buffer;
}

export const MIN_SECRET_KEY_BYTES = 32;
export const SECRET_KEY_FILE = "secret.key";

/** Hex (64+ digits; tried first) or base64 (standard or url-safe); null when it is neither or shorter than 32 bytes. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  let key: Buffer | null = null;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) key = Buffer.from(trimmed, "hex");
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) key = Buffer.from(trimmed, "base64");
  return key && key.length >= MIN_SECRET_KEY_BYTES ? key : null;
}

const derive = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync("sha256", master, "kechuang", `kechuang/${purpose}/v1`, 32));

export function deriveSecrets(master: Buffer): Secrets {
  if (master.length < MIN_SECRET_KEY_BYTES)
    throw new Error(`The secret key must be at least ${MIN_SECRET_KEY_BYTES} bytes.`);
  return {
    auditKey: derive(master, "audit-chain"),
    totpKey: derive(master, "totp-secret"),
    usernameKey: derive(master, "unknown-username"),
  };
}

/**
 * Outside production only: the key kept in DATA_DIR/secret.key (0600), made once on first use, so a demo
 * keeps its audit chain and TOTP secrets across restarts. Production passes KECHUANG_SECRET_KEY instead.
 */
export function loadOrCreateSecretKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, SECRET_KEY_FILE);
  try {
    // "wx": two processes starting at once cannot both write a key; the loser reads the winner's.
    writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(path, 0o600);
  const key = parseSecretKey(readFileSync(path, "utf8"));
  if (!key) throw new Error(`${path} does not hold a key of ${MIN_SECRET_KEY_BYTES}+ bytes (hex or base64).`);
  return key;
}

// ---- Binding secrets to a database handle -------------------------------------------------------------

/**
 * Audit and account code receives a drizzle handle (a `Db` or a transaction), not the `Database`: the
 * secrets travel with the handle. `bindSecrets` remembers them for the handle and for every transaction
 * (and savepoint) opened from it, so no call site has to pass a key along.
 */
const bound = new WeakMap<object, Secrets>();

export function bindSecrets<T extends Executor>(executor: T, secrets: Secrets): T {
  bound.set(executor, secrets);
  const open = executor.transaction.bind(executor) as (
    fn: (tx: Executor) => Promise<unknown>,
    config?: unknown,
  ) => Promise<unknown>;
  Object.defineProperty(executor, "transaction", {
    configurable: true,
    writable: true,
    value: (fn: (tx: Executor) => Promise<unknown>, config?: unknown) =>
      open((tx) => fn(bindSecrets(tx, secrets)), config),
  });
  return executor;
}

/** The secrets of a handle opened by `openDatabase`; throws when it was opened without a key. */
export function secretsOf(executor: Executor): Secrets {
  const secrets = bound.get(executor);
  if (!secrets)
    throw new Error(
      "This database handle has no secret key: open it with openDatabase({ secretKey }) (KECHUANG_SECRET_KEY).",
    );
  return secrets;
}

// ---- TOTP secrets at rest -----------------------------------------------------------------------------

const TOTP_FORMAT = "v1";

/** AES-256-GCM with a random 96-bit IV: `v1:<iv>:<tag>:<ciphertext>`, each part base64. */
export function encryptTotpSecret(secrets: Secrets, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secrets.totpKey, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [TOTP_FORMAT, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64")))
    .join(":");
}

/** The plain secret, or null when the value is not ours or the key is wrong (GCM's tag refuses it). */
export function decryptTotpSecret(secrets: Secrets, stored: string): string | null {
  const [format, iv, tag, data, ...rest] = stored.split(":");
  if (format !== TOTP_FORMAT || !iv || !tag || data === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", secrets.totpKey, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Encrypts a TOTP secret with the handle's key, for storing in `users.totp_secret`. */
export const sealTotpSecret = (executor: Executor, plain: string): string =>
  encryptTotpSecret(secretsOf(executor), plain);

/** Decrypts a stored TOTP secret with the handle's key; null when it cannot (then no code is accepted). */
export const openTotpSecret = (executor: Executor, stored: string): string | null =>
  decryptTotpSecret(secretsOf(executor), stored);

// ---- Unknown usernames ---------------------------------------------------------------------------------

/**
 * What the audit log keeps of a username that matches no account: a keyed hash, never the typed text
 * (it may be a password typed into the wrong box, and audit rows are never deleted). The same typed
 * name gives the same pseudonym, so repeated guesses at one name stay visible.
 */
export function unknownUsernamePseudonym(secrets: Secrets, typed: string): string {
  return `unknown:${hmacHex(secrets.usernameKey, typed).slice(0, 16)}`;
}

/** HMAC-SHA-256 of `data` under `key`, hex. */
export function hmacHex(key: Buffer, data: string): string {
  return createHmac("sha256", key).update(data, "utf8").digest("hex");
}
