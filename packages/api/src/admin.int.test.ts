import { type Database, type DemoAccount, passwordMeetsPolicy, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { type Actor, actors } from "@kechuang/domain";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionAdministrator } from "./admin/provision";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/** A browser: one cookie jar, calling the router in-process with the same middleware as over HTTP. */
class Browser {
  token: string | null = null;
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}
  get api() {
    return createCaller(
      createContext({
        database: this.database,
        requestId: "admin-test",
        ip: "10.0.0.9",
        userAgent: "vitest",
        sessionToken: this.token,
        now: this.now,
        cookies: {
          set: (token) => {
            this.token = token;
          },
          clear: () => {
            this.token = null;
          },
        },
      }),
    );
  }
}

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : "THROWN");
const failure = (promise: Promise<unknown>) => promise.then(() => "OK", codeOf);

describe.each(testDatabases())("administrators (三员分立) on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  // TOTP codes are single-use and their steps must increase, so the suite runs on a clock that moves one
  // 30-second step per second-factor sign-in (far inside the 30-minute idle limit).
  let clockMs = Date.now();
  const now = () => new Date(clockMs);
  const browser = () => new Browser(database, now);

  const demo = (username: string) => accounts.find((a) => a.username === username)!;
  async function signedIn(username: string, password?: string, totpSecret?: string | null): Promise<Browser> {
    const a = accounts.find((x) => x.username === username);
    const secret = totpSecret === undefined ? a?.totpSecret : totpSecret;
    if (secret) clockMs += 30_000;
    const totp = secret ? await generate({ secret, epoch: Math.floor(clockMs / 1000) }) : undefined;
    const signedInBrowser = browser();
    await signedInBrowser.api.auth.signIn({ username, password: password ?? a!.password, totp });
    return signedInBrowser;
  }
  const userId = async (username: string) => {
    const [row] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.username, username));
    return row!.id;
  };
  const auditRows = (action: string) =>
    database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  describe("system administrator: accounts and roles", () => {
    it("creates an account with a generated initial password that meets the policy, returned once", async () => {
      const admin = await signedIn("sysadmin");
      const created = await admin.api.admin.accounts.create({
        username: "newexpert",
        displayName: "新专家",
        role: "expert",
      });
      expect(passwordMeetsPolicy(created.initialPassword)).toBe(true);
      expect(created.totpSecret).toBeNull();
      const [stored] = await database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.username, "newexpert"));
      expect(stored!.passwordHash).not.toContain(created.initialPassword);
      const listed = await admin.api.admin.accounts.list();
      expect(JSON.stringify(listed)).not.toContain(created.initialPassword);
      expect(JSON.stringify(listed)).not.toContain("argon2");
      const expert = await signedIn("newexpert", created.initialPassword, null);
      expect((await expert.api.auth.me())?.role).toBe("expert");
      const [row] = await auditRows("admin.account.create");
      expect(row).toMatchObject({ result: "ok", objectId: created.id, sourceIp: "10.0.0.9" });
    });

    it("opens nothing but the password change to a generated initial password, until it is changed", async () => {
      const admin = await signedIn("sysadmin");
      const created = await admin.api.admin.accounts.create({
        username: "freshexpert",
        displayName: "新任专家",
        role: "expert",
      });
      const expert = await signedIn("freshexpert", created.initialPassword, null);
      expect(await expert.api.auth.me()).toMatchObject({ role: "expert", mustChangePassword: true });
      expect(await failure(expert.api.review.queue())).toBe("FORBIDDEN");
      expect(await failure(expert.api.notifications.list())).toBe("FORBIDDEN");
      // Public pages stay open.
      expect((await expert.api.policies.list()).length).toBeGreaterThan(0);
      const [denied] = await database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "call:review.queue"), eq(schema.auditLog.actorId, created.id)));
      expect(denied).toMatchObject({ result: "denied", detail: { reason: "password-change-required" } });

      await expert.api.account.changePassword({
        currentPassword: created.initialPassword,
        newPassword: "Own-chosen-passw0rd!",
      });
      expect(await expert.api.auth.me()).toMatchObject({ mustChangePassword: false });
      expect(Array.isArray(await expert.api.review.queue())).toBe(true);
    });

    it("gives roles with a second factor a TOTP secret at creation, and refuses duplicates", async () => {
      const admin = await signedIn("sysadmin");
      const created = await admin.api.admin.accounts.create({
        username: "authority2",
        displayName: "科技厅二",
        role: "authority",
      });
      expect(created.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      expect(
        await failure(
          admin.api.admin.accounts.create({ username: "authority2", displayName: "x", role: "expert" }),
        ),
      ).toBe("CONFLICT");
      expect(
        await failure(
          admin.api.admin.accounts.create({ username: "lonely", displayName: "x", role: "applicant" }),
        ),
      ).toBe("BAD_REQUEST");
    });

    it("holds exactly one role per account in the schema, so no account can hold two administrator roles", async () => {
      const result = await database.db.execute(
        sql`select column_name, data_type from information_schema.columns
            where table_schema = 'public' and table_name = 'users' and column_name like '%role%'`,
      );
      const columns = (result as unknown as { rows: { column_name: string; data_type: string }[] }).rows;
      expect(columns).toEqual([{ column_name: "role", data_type: "text" }]);
      const tables = await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_name like '%role%'`,
      );
      expect((tables as unknown as { rows: unknown[] }).rows).toEqual([]);
    });

    it("never grants, moves or withdraws an administrator role online, nor changes one's own role", async () => {
      const admin = await signedIn("sysadmin");
      const secadmin = await userId("secadmin");
      const expert = await userId("expert6");
      const refusedRoleChanges = [
        { userId: secadmin, role: "audit-admin" as const }, // admin → another admin
        { userId: secadmin, role: "expert" as const }, // admin → ordinary role, free to become another admin
        { userId: expert, role: "audit-admin" as const }, // ordinary → admin
        { userId: await userId("sysadmin"), role: "expert" as const }, // oneself
      ];
      for (const change of refusedRoleChanges) {
        expect(await failure(admin.api.admin.accounts.setRole(change)), JSON.stringify(change)).toBe(
          "FORBIDDEN",
        );
      }
      // Nor can the system administrator create an administrator (it would hold that account's credentials).
      for (const role of ["system-admin", "security-admin", "audit-admin"] as const) {
        expect(
          await failure(
            admin.api.admin.accounts.create({ username: `new-${role}`, displayName: "新管理员", role }),
          ),
        ).toBe("FORBIDDEN");
      }
      expect(
        await failure(
          admin.api.admin.accounts.setDisabled({ userId: await userId("sysadmin"), disabled: true }),
        ),
      ).toBe("FORBIDDEN");
      const roles = await database.db
        .select({ username: schema.users.username, role: schema.users.role })
        .from(schema.users)
        .where(
          sql`${schema.users.username} in ('secadmin', 'expert6') or ${schema.users.username} like 'new-%'`,
        );
      expect(roles.sort((a, b) => a.username.localeCompare(b.username))).toEqual([
        { username: "expert6", role: "expert" },
        { username: "secadmin", role: "security-admin" },
      ]);
      const denied = await database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.action, "admin.account.set-role"), eq(schema.auditLog.result, "denied")),
        );
      expect(denied).toHaveLength(refusedRoleChanges.length);
      const deniedCreations = await database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.action, "admin.account.create"),
            eq(schema.auditLog.result, "denied"),
            sql`${schema.auditLog.objectId} like 'new-%'`,
          ),
        );
      expect(deniedCreations).toHaveLength(3);
    });

    it("sets up an administrator only at installation, audited as the installer, with a second factor", async () => {
      const outcome = await provisionAdministrator(database.db, {
        role: "audit-admin",
        username: "auditor2",
        displayName: "审计管理员二",
      });
      if (!outcome.ok) throw new Error(outcome.message);
      expect(passwordMeetsPolicy(outcome.initialPassword)).toBe(true);
      const auditor = await signedIn("auditor2", outcome.initialPassword, outcome.totpSecret);
      expect((await auditor.api.auth.me())?.role).toBe("audit-admin");
      // Without the second factor the right password is not enough.
      const passwordOnly = browser();
      await passwordOnly.api.auth
        .signIn({ username: "auditor2", password: outcome.initialPassword })
        .catch(() => null);
      expect(await passwordOnly.api.auth.me()).toBeNull();
      const [row] = await auditRows("admin.account.provision");
      expect(row).toMatchObject({
        result: "ok",
        objectId: outcome.id,
        actorId: null,
        actorRole: "installer",
      });
      expect(
        await provisionAdministrator(database.db, {
          role: "audit-admin",
          username: "auditor2",
          displayName: "重复",
        }),
      ).toMatchObject({ ok: false });
      expect(
        await provisionAdministrator(database.db, {
          role: "authority" as never,
          username: "sneaky",
          displayName: "不是管理员",
        }),
      ).toMatchObject({ ok: false });
    });

    it("changes a role, ending the account's sessions so its next session id carries the new role", async () => {
      const admin = await signedIn("sysadmin");
      const expert = await signedIn("expert2");
      const oldToken = expert.token;
      await admin.api.admin.accounts.setRole({ userId: await userId("expert2"), role: "recommender" });
      expect(await expert.api.auth.me()).toBeNull();
      const again = await signedIn("expert2");
      expect(again.token).not.toBe(oldToken);
      expect((await again.api.auth.me())?.role).toBe("recommender");
      const [row] = await auditRows("admin.account.set-role").then((rows) =>
        rows.filter((r) => r.result === "ok"),
      );
      expect(row!.detail).toMatchObject({ from: "expert", to: "recommender" });
    });

    it("never disables or enables an administrator's account (三员分立): refused, audited, sessions kept", async () => {
      const admin = await signedIn("sysadmin");
      const overseers = { secadmin: await signedIn("secadmin"), auditadmin: await signedIn("auditadmin") };
      const attempts = [
        { userId: await userId("secadmin"), disabled: true },
        { userId: await userId("auditadmin"), disabled: true },
        { userId: await userId("auditadmin"), disabled: false },
      ];
      for (const attempt of attempts) {
        const outcome = await admin.api.admin.accounts.setDisabled(attempt).catch((error: unknown) => error);
        expect(codeOf(outcome), JSON.stringify(attempt)).toBe("FORBIDDEN");
        expect(String((outcome as Error).message)).toContain("三员分立");
      }
      // Their sessions live on and their accounts stay enabled.
      for (const [username, session] of Object.entries(overseers)) {
        expect((await session.api.auth.me())?.username, username).toBe(username);
      }
      const stored = await database.db
        .select({ disabled: schema.users.disabled })
        .from(schema.users)
        .where(sql`${schema.users.username} in ('secadmin', 'auditadmin')`);
      expect(stored).toEqual([{ disabled: false }, { disabled: false }]);
      const denied = await database.db
        .select({ action: schema.auditLog.action, objectId: schema.auditLog.objectId })
        .from(schema.auditLog)
        .where(
          and(
            sql`${schema.auditLog.action} in ('admin.account.disable', 'admin.account.enable')`,
            eq(schema.auditLog.result, "denied"),
            eq(schema.auditLog.actorId, await userId("sysadmin")),
            sql`${schema.auditLog.objectId} <> ${await userId("sysadmin")}`,
          ),
        );
      expect(denied).toHaveLength(attempts.length);
    });

    it("disabling an account cuts its live sessions at once", async () => {
      const admin = await signedIn("sysadmin");
      const applicant = await signedIn("applicant2");
      expect(await applicant.api.auth.me()).not.toBeNull();
      await admin.api.admin.accounts.setDisabled({ userId: await userId("applicant2"), disabled: true });
      expect(await applicant.api.auth.me()).toBeNull();
      expect(await failure(signedIn("applicant2"))).toBe("UNAUTHORIZED");
      await admin.api.admin.accounts.setDisabled({ userId: await userId("applicant2"), disabled: false });
      expect(await (await signedIn("applicant2")).api.auth.me()).not.toBeNull();
    });
  });

  describe("security administrator: lockouts and sessions", () => {
    it("lists a locked account and unlocks it, with an audit row", async () => {
      const guesser = browser();
      for (let i = 0; i < 5; i++)
        await failure(guesser.api.auth.signIn({ username: "recommender", password: "Wrong-password-1" }));
      expect(await failure(signedIn("recommender"))).toBe("UNAUTHORIZED");
      const security = await signedIn("secadmin");
      const locked = await security.api.security.lockedAccounts();
      expect(locked.map((a) => a.username)).toEqual(["recommender"]);
      await security.api.security.unlock({ userId: locked[0]!.id });
      expect(await security.api.security.lockedAccounts()).toEqual([]);
      expect(await (await signedIn("recommender")).api.auth.me()).not.toBeNull();
      expect(await auditRows("security.unlock")).toHaveLength(1);
    });

    it("disables and re-enables another administrator, cutting its sessions; never its own nor an ordinary account", async () => {
      const security = await signedIn("secadmin");
      const listed = await security.api.security.administrators();
      expect(listed.map((a) => a.username)).toEqual(
        expect.arrayContaining(["auditadmin", "secadmin", "sysadmin"]),
      );
      expect(listed.every((a) => ["system-admin", "security-admin", "audit-admin"].includes(a.role))).toBe(
        true,
      );

      const sysadmin = await signedIn("sysadmin");
      const target = await userId("sysadmin");
      await security.api.security.setAdministratorDisabled({ userId: target, disabled: true });
      expect(await sysadmin.api.auth.me()).toBeNull();
      expect(await failure(signedIn("sysadmin"))).toBe("UNAUTHORIZED");
      expect((await security.api.security.administrators()).find((a) => a.id === target)?.disabled).toBe(
        true,
      );
      await security.api.security.setAdministratorDisabled({ userId: target, disabled: false });
      expect((await (await signedIn("sysadmin")).api.auth.me())?.role).toBe("system-admin");

      const refused = [
        { userId: await userId("secadmin"), disabled: true }, // oneself
        { userId: await userId("expert"), disabled: true }, // the system administrator's duty
      ];
      for (const attempt of refused) {
        expect(
          await failure(security.api.security.setAdministratorDisabled(attempt)),
          JSON.stringify(attempt),
        ).toBe("FORBIDDEN");
      }
      expect(await (await signedIn("expert")).api.auth.me()).not.toBeNull();
      const rows = await database.db
        .select({ action: schema.auditLog.action, result: schema.auditLog.result })
        .from(schema.auditLog)
        .where(sql`${schema.auditLog.action} like 'security.administrator.%'`);
      expect(rows.map((r) => `${r.action} ${r.result}`).sort()).toEqual([
        "security.administrator.disable denied",
        "security.administrator.disable denied",
        "security.administrator.disable ok",
        "security.administrator.enable ok",
      ]);
    });

    it("lists live sessions and revokes one on the server", async () => {
      const security = await signedIn("secadmin");
      const applicant = await signedIn("applicant");
      const sessions = await security.api.security.sessions();
      const target = sessions.find((s) => s.username === "applicant");
      expect(target).toBeDefined();
      await security.api.security.revokeSession({ sessionId: target!.id });
      expect(await applicant.api.auth.me()).toBeNull();
      expect(await failure(security.api.security.revokeSession({ sessionId: target!.id }))).toBe("NOT_FOUND");
      expect((await auditRows("security.revoke-session")).map((r) => r.result).sort()).toEqual([
        "failed",
        "ok",
      ]);
    });
  });

  describe("audit administrator: the trail", () => {
    it("is the only role that reads the trail or runs the verification", async () => {
      const results: string[] = [];
      for (const actor of actors.filter((a): a is Exclude<Actor, "anonymous"> => a !== "anonymous")) {
        const username = {
          "system-admin": "sysadmin",
          "security-admin": "secadmin",
          "audit-admin": "auditadmin",
        }[actor as string];
        const browser = await signedIn(username ?? actor);
        results.push(
          `${actor}:${await failure(browser.api.audit.list())}:${await failure(browser.api.audit.verify())}`,
        );
      }
      results.push(`anonymous:${await failure(browser().api.audit.list())}`);
      expect(results).toEqual([
        ...actors
          .filter((a) => a !== "anonymous")
          .map((a) => (a === "audit-admin" ? `${a}:OK:OK` : `${a}:FORBIDDEN:FORBIDDEN`)),
        "anonymous:UNAUTHORIZED",
      ]);
    });

    it("pages and filters the trail newest first, and audits the reading itself", async () => {
      const auditor = await signedIn("auditadmin");
      const first = await auditor.api.audit.list({ limit: 3 });
      expect(first.rows).toHaveLength(3);
      expect(first.rows[0]!.id).toBeGreaterThan(first.rows[2]!.id);
      const second = await auditor.api.audit.list({ limit: 3, beforeId: first.nextBeforeId! });
      expect(second.rows[0]!.id).toBeLessThan(first.rows[2]!.id);
      const denied = await auditor.api.audit.list({ limit: 200, result: "denied" });
      expect(denied.rows.length).toBeGreaterThan(0);
      expect(denied.rows.every((r) => r.result === "denied")).toBe(true);
      const signIns = await auditor.api.audit.list({ limit: 200, actionPrefix: "auth.sign-in" });
      expect(signIns.rows.every((r) => r.action === "auth.sign-in")).toBe(true);
      expect(signIns.rows.some((r) => r.result === "failed")).toBe(true);
      const wildcard = await auditor.api.audit.list({ limit: 200, actionPrefix: "%" });
      expect(wildcard.rows).toEqual([]);
      const reads = await auditRows("audit.read");
      expect(reads.length).toBeGreaterThanOrEqual(4);
      expect((await auditor.api.audit.verify()).ok).toBe(true);
    });

    it("has no procedure that changes or deletes audit rows", async () => {
      const { appRouter } = await import("./root");
      const mutations = Object.entries(appRouter._def.procedures)
        .filter(
          ([path, p]) =>
            path.startsWith("audit.") && (p as unknown as { _def: { type: string } })._def.type !== "query",
        )
        .map(([path]) => path);
      expect(mutations).toEqual([]);
    });
  });

  describe("own account: password change", () => {
    it("needs the current password and a policy-conforming new one", async () => {
      const user = await signedIn("expert");
      const current = demo("expert").password;
      expect(
        await failure(
          user.api.account.changePassword({ currentPassword: "nope", newPassword: "Aa1!aaaaaaaaaaaa" }),
        ),
      ).toBe("BAD_REQUEST");
      for (const weak of [
        "short1!A",
        "alllowercase123!",
        "NoDigitsHere!!!!",
        "NoSymbols1234567",
        "Expert-Pass-1234",
        current,
      ])
        expect(
          await failure(user.api.account.changePassword({ currentPassword: current, newPassword: weak })),
        ).toBe("BAD_REQUEST");
      const expertId = await userId("expert");
      const rows = (await auditRows("account.change-password")).filter((r) => r.objectId === expertId);
      expect(rows.map((r) => r.result)).toEqual(["failed", ...Array(6).fill("denied")]);
    });

    it("ends every session and issues a new session id; only the new password signs in", async () => {
      const current = demo("applicant").password;
      const other = await signedIn("applicant");
      const user = await signedIn("applicant");
      const before = user.token;
      await user.api.account.changePassword({ currentPassword: current, newPassword: "Brand-new-Passw0rd" });
      expect(user.token).not.toBe(before);
      expect((await user.api.auth.me())?.username).toBe("applicant");
      expect(await other.api.auth.me()).toBeNull();
      expect(await failure(signedIn("applicant", current))).toBe("UNAUTHORIZED");
      expect(await (await signedIn("applicant", "Brand-new-Passw0rd")).api.auth.me()).not.toBeNull();
      demo("applicant").password = "Brand-new-Passw0rd";
    });
  });

  describe("TOTP", () => {
    it("accepts each code once: a replayed code is refused even inside its window", async () => {
      const a = demo("authority");
      clockMs += 30_000;
      const code = await generate({ secret: a.totpSecret!, epoch: Math.floor(clockMs / 1000) });
      const first = browser();
      await first.api.auth.signIn({ username: "authority", password: a.password, totp: code });
      expect(first.token).not.toBeNull();
      await first.api.auth.signOut();
      const replay = browser();
      expect(
        await failure(replay.api.auth.signIn({ username: "authority", password: a.password, totp: code })),
      ).toBe("UNAUTHORIZED");
      expect(replay.token).toBeNull();
    });
  });
});
