import type { DemoAccount } from "@kechuang/db";
import { schema, setUserDisabled, setUserRole, verifyAuditChain } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import superjson from "superjson";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { account, errorOf, ORIGIN, startTestApp, TrpcClient } from "./testing";

describe.each(testDatabases())("server on %s", (kind) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  let client: TrpcClient;
  beforeEach(async () => {
    ({ app, accounts } = await startTestApp(kind));
    client = new TrpcClient(app);
  });
  afterEach(async () => {
    await app.close();
  });

  const signInAs = async (username: string) => {
    const a = account(accounts, username);
    const totp = a.totpSecret ? await generate({ secret: a.totpSecret }) : undefined;
    const response = await client.signIn(username, a.password, totp);
    expect(response.statusCode).toBe(200);
    return response;
  };
  const auditRows = (action: string) =>
    app.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));

  it("answers health without the database and readiness with it", async () => {
    expect((await app.inject("/healthz")).statusCode).toBe(200);
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ database: true, migrations: true });
    await app.database.close();
    expect((await app.inject("/readyz")).statusCode).toBe(503);
    expect((await app.inject("/healthz")).statusCode).toBe(200);
  });

  it("serves the portal configuration and a request id", async () => {
    const response = await app.inject({
      url: "/config/portals.json",
      headers: { "x-request-id": "trace-12345678" },
    });
    expect(response.headers["x-request-id"]).toBe("trace-12345678");
    expect(response.json().remotes.map((r: { route: string }) => r.route)).toEqual([
      "/",
      "/apply",
      "/review",
    ]);
    expect((await app.inject("/healthz")).headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("signs in with a hardened cookie, knows the user, and signs out", async () => {
    const response = await signInAs("applicant");
    const cookie = response.cookies.find((c) => c.name === "__Host-kc_session")!;
    expect(cookie).toMatchObject({ path: "/", httpOnly: true, secure: true, sameSite: "Lax" });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sessions = await app.database.db.select().from(schema.sessions);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toBe(cookie.value);
    const me = await client.data<{ username: string; organizationName: string }>("query", "auth.me");
    expect(me).toMatchObject({ username: "applicant", organizationName: "湖南湘瓷先进材料科技有限公司" });
    expect(await auditRows("auth.sign-in")).toMatchObject([{ result: "ok" }]);

    expect(await client.data("mutation", "auth.signOut")).toEqual({ ok: true });
    expect(client.cookie).toBeUndefined();
    expect(await app.database.db.select().from(schema.sessions)).toHaveLength(0);
    expect(await auditRows("auth.sign-out")).toHaveLength(1);
  });

  it("gives the same answer for a wrong password and an unknown user", async () => {
    const wrong = await client.signIn("applicant", "Wrong-Passw0rd!");
    const unknown = await client.signIn("nobody-here", "Wrong-Passw0rd!");
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.cookies).toHaveLength(0);
    }
    const [a, b] = [errorOf(wrong), errorOf(unknown)];
    expect(a.data.localizedMessage).toEqual({ zh: "用户名或密码错误", en: "Wrong username or password" });
    expect({ ...a, data: { ...a.data, requestId: null } }).toEqual({
      ...b,
      data: { ...b.data, requestId: null },
    });
    expect(a.data.needsTotp).toBe(false);
    expect(await auditRows("auth.sign-in")).toHaveLength(2);
  });

  it("locks the account after five failures, even for the right password", async () => {
    for (let i = 0; i < 5; i++)
      expect((await client.signIn("applicant", `Wrong-Passw0rd-${i}`)).statusCode).toBe(401);
    const locked = await client.signIn("applicant", account(accounts, "applicant").password);
    expect(locked.statusCode).toBe(401);
    expect(errorOf(locked).data.localizedMessage?.en).toBe("Wrong username or password");
    expect(await auditRows("auth.lock")).toHaveLength(1);
    // Another account is unaffected.
    await signInAs("applicant2");
  });

  it("requires TOTP from the authority, revealing it only after the right password", async () => {
    const a = account(accounts, "authority");
    const wrongPassword = await client.signIn("authority", "Wrong-Passw0rd!");
    expect(errorOf(wrongPassword).data.needsTotp).toBe(false);
    const missing = await client.signIn("authority", a.password);
    expect(missing.statusCode).toBe(401);
    expect(errorOf(missing).data.needsTotp).toBe(true);
    const current = await generate({ secret: a.totpSecret! });
    const wrongCode = String((Number(current) + 1) % 1_000_000).padStart(6, "0");
    const wrong = await client.signIn("authority", a.password, wrongCode);
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(wrong).data.needsTotp).toBe(true);
    expect(wrong.cookies).toHaveLength(0);
    await signInAs("authority");
    expect(await client.data("query", "auth.me")).toMatchObject({ role: "authority" });
  });

  it("requires TOTP from each of the three administrators too, and not from an expert", async () => {
    const admins = [
      ["sysadmin", "system-admin"],
      ["secadmin", "security-admin"],
      ["auditadmin", "audit-admin"],
    ] as const;
    for (const [username, role] of admins) {
      const a = account(accounts, username);
      const passwordOnly = await client.signIn(username, a.password);
      expect(passwordOnly.statusCode, username).toBe(401);
      expect(errorOf(passwordOnly).data.needsTotp, username).toBe(true);
      expect(passwordOnly.cookies, username).toHaveLength(0);
      expect(a.totpSecret, username).toBeTruthy();
      const current = await generate({ secret: a.totpSecret! });
      const wrongCode = String((Number(current) + 1) % 1_000_000).padStart(6, "0");
      expect((await client.signIn(username, a.password, wrongCode)).statusCode, username).toBe(401);
      const signedIn = new TrpcClient(app);
      expect((await signedIn.signIn(username, a.password, current)).statusCode, username).toBe(200);
      expect(await signedIn.data("query", "auth.me")).toMatchObject({ username, role });
    }
    const expert = account(accounts, "expert");
    expect(expert.totpSecret).toBeNull();
    expect((await client.signIn("expert", expert.password)).statusCode).toBe(200);
  });

  it("refuses anonymous calls with 401 and wrong roles with 403, auditing both", async () => {
    expect((await client.call("query", "applications.listMine")).statusCode).toBe(401);
    await signInAs("applicant");
    const forbidden = await client.call("query", "review.queue");
    expect(forbidden.statusCode).toBe(403);
    expect(errorOf(forbidden).data.localizedMessage?.zh).toBe("无权执行此操作");
    const denied = await app.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.result, "denied"), eq(schema.auditLog.objectId, "review.queue")));
    expect(denied).toMatchObject([{ actorRole: "applicant", action: "call:review.queue" }]);
    expect(await auditRows("call:applications.listMine")).toMatchObject([
      { actorRole: "anonymous", result: "denied" },
    ]);
  });

  it("scopes records: each applicant sees only its organization's applications", async () => {
    await signInAs("applicant");
    const mine = await client.data<{ title: string }[]>("query", "applications.listMine");
    expect(mine).toHaveLength(6);
    const other = new TrpcClient(app);
    client = other;
    await signInAs("applicant2");
    const theirs = await other.data<{ title: string }[]>("query", "applications.listMine");
    expect(theirs.map((a) => a.title)).toEqual(["内蒙古自治区稀土永磁材料技术创新中心"]);
  });

  it("queues submissions for the recommender of the area and everything sent in for the authority", async () => {
    await signInAs("recommender");
    const queue = await client.data<{ stage: string; waitingSince: Date }[]>("query", "review.queue");
    expect(queue.map((q) => q.stage)).toEqual(["submitted"]);
    expect(queue[0]!.waitingSince).toBeInstanceOf(Date);
    client = new TrpcClient(app);
    await signInAs("authority");
    const all = await client.data<{ stage: string }[]>("query", "review.queue");
    // What waits for the authority: stages that name it among their actors (hn-tic-2020 workflow).
    expect(all.map((q) => q.stage).sort()).toEqual(["consultation", "publicity", "recommended"]);
    client = new TrpcClient(app);
    await signInAs("expert");
    // The expert sits on two seeded panels; only the consultation one waits for an opinion.
    const assigned = await client.data<{ stage: string }[]>("query", "review.queue");
    expect(assigned.map((q) => q.stage)).toEqual(["consultation"]);
  });

  it("ends sessions when an account is disabled or its role changes, and after 30 idle minutes", async () => {
    await signInAs("applicant");
    const user = (await client.data<{ id: string }>("query", "auth.me"))!;
    await setUserRole(app.database.db, user.id, "applicant");
    expect(await client.data("query", "auth.me")).toBeNull();
    client.cookie = undefined;
    await signInAs("applicant");
    await setUserDisabled(app.database.db, user.id, true);
    expect(await client.data("query", "auth.me")).toBeNull();
    await setUserDisabled(app.database.db, user.id, false);
    await signInAs("applicant");
    await app.database.db.update(schema.sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await client.data("query", "auth.me")).toBeNull();
    expect(await app.database.db.select().from(schema.sessions)).toHaveLength(0);
  });

  it("ends a session at its absolute lifetime even when active", async () => {
    await signInAs("applicant");
    const [session] = await app.database.db.select().from(schema.sessions);
    expect(session!.expiresAt.getTime() - session!.createdAt.getTime()).toBe(12 * 60 * 60_000);
    await app.database.db.update(schema.sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const me = await client.call("query", "auth.me");
    expect(superjson.deserialize(me.json().result.data)).toBeNull();
    // The stale cookie is cleared in the browser too.
    expect(me.cookies.find((c) => c.name === "__Host-kc_session")?.value).toBe("");
  });

  it("refuses cross-site and non-JSON state changes", async () => {
    const payload = JSON.stringify({ json: { username: "applicant", password: "x" } });
    const base = { method: "POST" as const, url: "/trpc/auth.signIn", payload };
    const noOrigin = await app.inject({
      ...base,
      headers: { host: "localhost:3000", "content-type": "application/json" },
    });
    const crossSite = await app.inject({
      ...base,
      headers: { host: "localhost:3000", origin: "https://evil.example", "content-type": "application/json" },
    });
    const formPost = await app.inject({
      ...base,
      headers: { host: "localhost:3000", origin: ORIGIN, "content-type": "text/plain" },
    });
    const viaReferer = await app.inject({
      ...base,
      headers: { host: "localhost:3000", referer: `${ORIGIN}/apply`, "content-type": "application/json" },
    });
    expect([noOrigin, crossSite, formPost].map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(viaReferer.statusCode).toBe(401);
  });

  it("throttles sign-in per account and per address: a building behind one address still signs in", async () => {
    // The bug: the 11th sign-in from one address within a minute got 429, whoever signed in.
    expect(accounts.length).toBeGreaterThan(12);
    for (const a of accounts.slice(0, 12)) {
      const totp = a.totpSecret ? await generate({ secret: a.totpSecret }) : undefined;
      const response = await new TrpcClient(app).signIn(a.username, a.password, totp);
      expect(response.statusCode, a.username).toBe(200);
    }
    // One account (the default budget: 10 a minute), from that same address: the 11th attempt is refused.
    const target = accounts.at(-1)!.username;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await client.signIn(target, "Wrong-Passw0rd!")).statusCode);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    // Other procedures are not throttled.
    expect((await client.call("query", "auth.me")).statusCode).toBe(200);
  }, 120_000); // 22 argon2 verifications on a shared 2-core machine

  it("sends security headers, and no-store on the API", async () => {
    const page = await app.inject("/");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers["strict-transport-security"]).toContain("max-age=31536000");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("same-origin");
    expect((await client.call("query", "auth.me")).headers["cache-control"]).toBe("no-store");
  });

  it("hides internals of unexpected errors behind the request id", async () => {
    await signInAs("recommender");
    await app.database.close();
    const response = await client.call("query", "review.queue", undefined, {
      headers: { "x-request-id": "corr-abcdef12" },
    });
    expect(response.statusCode).toBe(500);
    const error = errorOf(response);
    expect(error.data.requestId).toBe("corr-abcdef12");
    expect(error.message).toContain("corr-abcdef12");
    expect(response.body).not.toMatch(/select|stack|\/work\//i);
  });

  it("keeps a verifiable audit chain that exposes an altered row", async () => {
    await signInAs("applicant");
    await client.signIn("applicant", "Wrong-Passw0rd!");
    expect(await verifyAuditChain(app.database.db)).toMatchObject({ ok: true });
    await expect(app.database.db.execute(sql`update audit_log set result = 'ok'`)).rejects.toThrow();
    await app.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await app.database.db.execute(sql`update audit_log set result = 'ok' where result = 'failed'`);
    await app.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    expect(await verifyAuditChain(app.database.db)).toMatchObject({ ok: false, reason: "altered" });
  });
});

describe("plain-HTTP deployments", () => {
  it("uses kc_session without Secure when COOKIE_SECURE is false", async () => {
    const { app, accounts } = await startTestApp("pglite", { cookieSecure: false });
    try {
      const response = await new TrpcClient(app).signIn("applicant", account(accounts, "applicant").password);
      const cookie = response.cookies.find((c) => c.name === "kc_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect(cookie?.secure).toBeFalsy();
    } finally {
      await app.close();
    }
  });
});
