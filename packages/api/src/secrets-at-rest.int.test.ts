import { randomBytes } from "node:crypto";
import {
  type Database,
  type DemoAccount,
  decryptTotpSecret,
  deriveSecrets,
  schema,
  seedDemo,
  unknownUsernamePseudonym,
} from "@kechuang/db";
import { createTestDatabase, TEST_SECRET_KEY, testDatabases } from "@kechuang/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionAdministrator } from "./admin/provision";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/** Issue 9 F7 (TOTP secrets at rest) and F12 (what a failed sign-in leaves in the trail). */
describe.each(testDatabases())("secrets at rest on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  // Single-use TOTP codes need increasing time steps: each second-factor sign-in moves the clock 30 s.
  let clockMs = Date.now();
  const secrets = deriveSecrets(TEST_SECRET_KEY);

  const caller = (cookie: { token: string | null } = { token: null }) =>
    createCaller(
      createContext({
        database,
        requestId: "secrets-test",
        ip: "10.0.0.7",
        userAgent: "vitest",
        sessionToken: cookie.token,
        now: () => new Date(clockMs),
        cookies: {
          set: (token) => {
            cookie.token = token;
          },
          clear: () => {
            cookie.token = null;
          },
        },
      }),
    );
  const signIn = async (username: string, password: string, secret: string | null) => {
    clockMs += 30_000;
    const cookie = { token: null as string | null };
    const totp = secret ? await generate({ secret, epoch: Math.floor(clockMs / 1000) }) : undefined;
    const result = await caller(cookie).auth.signIn({ username, password, totp });
    return { result, api: caller(cookie) };
  };
  const storedSecret = async (username: string) => {
    const [row] = await database.db
      .select({ totpSecret: schema.users.totpSecret })
      .from(schema.users)
      .where(eq(schema.users.username, username));
    return row!.totpSecret;
  };
  /** Every users row as the database returns it, as one text: what a dump or a raw SELECT would show. */
  const rawUsers = async () =>
    JSON.stringify((await database.db.execute(sql`select * from users`)) as unknown as { rows: unknown[] });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it("keeps no TOTP secret in clear: the users table holds v1 AES-GCM values only this key opens", async () => {
    const withTotp = accounts.filter((a) => a.totpSecret);
    expect(withTotp.length).toBeGreaterThan(0);
    const dump = await rawUsers();
    for (const account of withTotp) {
      expect(dump).not.toContain(account.totpSecret);
      const stored = await storedSecret(account.username);
      expect(stored).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(decryptTotpSecret(secrets, stored!)).toBe(account.totpSecret);
      // Another installation's key (or a stolen database without the key) opens nothing.
      expect(decryptTotpSecret(deriveSecrets(randomBytes(32)), stored!)).toBeNull();
    }
  });

  it("signs in with a TOTP code against the encrypted secret, and refuses a wrong code", async () => {
    const authority = accounts.find((a) => a.username === "authority")!;
    const { result, api } = await signIn(authority.username, authority.password, authority.totpSecret);
    expect(result.user.username).toBe("authority");
    expect((await api.auth.me())?.username).toBe("authority");

    clockMs += 30_000;
    await expect(
      caller().auth.signIn({ username: authority.username, password: authority.password, totp: "000000" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("encrypts the TOTP secret of an account created online and of an installer-provisioned administrator", async () => {
    const sysadmin = accounts.find((a) => a.username === "sysadmin")!;
    const { api } = await signIn(sysadmin.username, sysadmin.password, sysadmin.totpSecret);
    const created = await api.admin.accounts.create({
      username: "authority-secrets",
      displayName: "密钥测试",
      role: "authority",
    });
    expect(created.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    const createdStored = await storedSecret("authority-secrets");
    expect(createdStored).not.toContain(created.totpSecret!);
    expect(decryptTotpSecret(secrets, createdStored!)).toBe(created.totpSecret);

    const provisioned = await provisionAdministrator(database.db, {
      role: "audit-admin",
      username: "auditor-secrets",
      displayName: "审计 密钥",
    });
    if (!provisioned.ok) throw new Error(provisioned.message);
    expect(await rawUsers()).not.toContain(provisioned.totpSecret);
    expect(decryptTotpSecret(secrets, (await storedSecret("auditor-secrets"))!)).toBe(provisioned.totpSecret);
    // The installer's printed copy of the secret still gives working codes.
    const { result } = await signIn("auditor-secrets", provisioned.initialPassword, provisioned.totpSecret);
    expect(result.user.username).toBe("auditor-secrets");
  });

  it("audits a sign-in with an unknown username under a keyed pseudonym, never the typed text", async () => {
    // Someone typed a password into the username box.
    const typed = "Spring2026!secret";
    await expect(caller().auth.signIn({ username: typed, password: "whatever-1A!" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const rows = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "auth.sign-in"), eq(schema.auditLog.actorRole, "anonymous")));
    expect(rows).toHaveLength(1);
    const pseudonym = unknownUsernamePseudonym(secrets, typed);
    expect(pseudonym).toMatch(/^unknown:[0-9a-f]{16}$/);
    expect(rows[0]).toMatchObject({
      objectId: pseudonym,
      result: "failed",
      detail: { reason: "unknown-user" },
    });
    const trail = JSON.stringify(await database.db.select().from(schema.auditLog));
    expect(trail).not.toContain(typed);
    // Keyed: without the key the pseudonym cannot be recomputed from a guess.
    expect(unknownUsernamePseudonym(deriveSecrets(randomBytes(32)), typed)).not.toBe(pseudonym);

    // A known username with a wrong password stays readable: it names an account, not a secret.
    await expect(
      caller().auth.signIn({ username: "expert", password: "wrong-password-1A!" }),
    ).rejects.toThrow();
    const [known] = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "auth.sign-in"), eq(schema.auditLog.objectId, "expert")));
    expect(known).toMatchObject({ result: "failed", detail: { reason: "password-wrong" } });
  });
});
