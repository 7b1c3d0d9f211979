import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decryptTotpSecret,
  deriveSecrets,
  encryptTotpSecret,
  loadOrCreateSecretKey,
  parseSecretKey,
  SECRET_KEY_FILE,
  unknownUsernamePseudonym,
} from "./secrets";

describe("secret key", () => {
  it("accepts 32+ bytes as hex or base64 and refuses anything shorter or malformed", () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString("hex"))).toEqual(key);
    expect(parseSecretKey(key.toString("base64"))).toEqual(key);
    expect(parseSecretKey(` ${key.toString("base64url")}\n`)).toEqual(key);
    expect(parseSecretKey(randomBytes(31).toString("base64"))).toBeNull();
    expect(parseSecretKey("correct horse battery staple, quite long enough")).toBeNull();
    expect(parseSecretKey("")).toBeNull();
  });

  it("derives a different subkey per purpose", () => {
    const s = deriveSecrets(randomBytes(32));
    const keys = [s.auditKey, s.totpKey, s.usernameKey].map((k) => k.toString("hex"));
    expect(new Set(keys).size).toBe(3);
    expect(() => deriveSecrets(randomBytes(16))).toThrow(/32 bytes/);
  });

  it("outside production keeps one key in DATA_DIR/secret.key, owner-only, made once", () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "kc-key-")), "data");
    const first = loadOrCreateSecretKey(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(loadOrCreateSecretKey(dataDir)).toEqual(first);
    expect(parseSecretKey(readFileSync(join(dataDir, SECRET_KEY_FILE), "utf8"))).toEqual(first);
  });
});

describe("TOTP secrets at rest", () => {
  const secrets = deriveSecrets(randomBytes(32));
  const plain = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  it("encrypts with a fresh IV each time (v1:iv:tag:ciphertext) and decrypts with the same key only", () => {
    const a = encryptTotpSecret(secrets, plain);
    const b = encryptTotpSecret(secrets, plain);
    expect(a).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(plain);
    expect(decryptTotpSecret(secrets, a)).toBe(plain);
    expect(decryptTotpSecret(deriveSecrets(randomBytes(32)), a)).toBeNull();
  });

  it("refuses a tampered value or one in another format", () => {
    const [v, iv, tag, data] = encryptTotpSecret(secrets, plain).split(":");
    const flipped = Buffer.from(data!, "base64");
    flipped[0]! ^= 1;
    expect(decryptTotpSecret(secrets, [v, iv, tag, flipped.toString("base64")].join(":"))).toBeNull();
    expect(decryptTotpSecret(secrets, plain)).toBeNull();
    expect(decryptTotpSecret(secrets, `v2:${iv}:${tag}:${data}`)).toBeNull();
  });
});

describe("unknown usernames", () => {
  it("become a stable keyed pseudonym that does not contain the typed text", () => {
    const secrets = deriveSecrets(randomBytes(32));
    const p = unknownUsernamePseudonym(secrets, "Hunter2-password!");
    expect(p).toMatch(/^unknown:[0-9a-f]{16}$/);
    expect(unknownUsernamePseudonym(secrets, "Hunter2-password!")).toBe(p);
    expect(unknownUsernamePseudonym(secrets, "hunter2-password!")).not.toBe(p);
    expect(unknownUsernamePseudonym(deriveSecrets(randomBytes(32)), "Hunter2-password!")).not.toBe(p);
  });
});
