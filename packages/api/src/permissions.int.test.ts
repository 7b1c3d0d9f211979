import { type Database, type DemoAccount, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { type Actor, actors } from "@kechuang/domain";
import { TRPCError } from "@trpc/server";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissions } from "./permissions";
import { appRouter, createCaller } from "./root";
import { createCallerFactory, createContext, publicProcedure, router } from "./trpc";

const procedurePaths = Object.keys(appRouter._def.procedures).sort();
const usernameOf: Record<Exclude<Actor, "anonymous">, string> = {
  applicant: "applicant",
  recommender: "recommender",
  expert: "expert",
  authority: "authority",
  "system-admin": "sysadmin",
  "security-admin": "secadmin",
  "audit-admin": "auditadmin",
};

describe("permission matrix", () => {
  it("has exactly one row per router procedure (deny by default needs a row to allow anything)", () => {
    expect(procedurePaths.length).toBeGreaterThan(5);
    expect(Object.keys(permissions).sort()).toEqual(procedurePaths);
  });
});

describe.each(testDatabases())("permission enforcement on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  const tokens = new Map<Actor, string | null>();

  const callerFor = (actor: Actor) => {
    const jar = { token: tokens.get(actor) ?? null };
    return createCaller(
      createContext({
        database,
        requestId: `test-${actor}`,
        ip: "127.0.0.1",
        userAgent: "vitest",
        sessionToken: jar.token,
        cookies: { set: (token) => tokens.set(actor, token), clear: () => {} },
      }),
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    tokens.set("anonymous", null);
    for (const [actor, username] of Object.entries(usernameOf) as [Actor, string][]) {
      const a = accounts.find((x) => x.username === username)!;
      const totp = a.totpSecret ? await generate({ secret: a.totpSecret }) : undefined;
      await callerFor(actor).auth.signIn({ username, password: a.password, totp });
      expect(tokens.get(actor)).toBeTruthy();
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it("refuses a procedure that has no row in the matrix, for every actor", async () => {
    const unlisted = router({ secret: { peek: publicProcedure.query(() => "leaked") } });
    const codes: string[] = [];
    for (const actor of actors) {
      const caller = createCallerFactory(unlisted)(
        createContext({
          database,
          requestId: "test-unlisted",
          ip: null,
          userAgent: null,
          sessionToken: tokens.get(actor) ?? null,
          cookies: { set: () => {}, clear: () => {} },
        }),
      );
      codes.push(await caller.secret.peek().then(String, (error: TRPCError) => error.code));
    }
    expect(codes).toEqual(actors.map((a) => (a === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN")));
  });

  it("lets exactly the listed actors through every procedure", async () => {
    const mismatches: string[] = [];
    // Signing out ends the session the other checks use, so it goes last.
    const ordered = [...procedurePaths.filter((p) => p !== "auth.signOut"), "auth.signOut"];
    for (const path of ordered) {
      const allowed = permissions[path as keyof typeof permissions] as readonly Actor[];
      for (const actor of actors) {
        // auth.signIn would replace the session; its permission row is "everyone", checked with a bad input.
        const input = path === "auth.signIn" ? { username: "" } : undefined;
        const procedure = path
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], callerFor(actor));
        let code = "OK";
        try {
          await (procedure as (input: unknown) => Promise<unknown>)(input);
        } catch (error) {
          code = error instanceof TRPCError ? error.code : "THROWN";
        }
        const refused = code === "UNAUTHORIZED" || code === "FORBIDDEN";
        if (refused === allowed.includes(actor)) {
          mismatches.push(`${path} as ${actor}: ${code}`);
        }
        if (!allowed.includes(actor)) {
          const expected = actor === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN";
          if (code !== expected) mismatches.push(`${path} as ${actor}: ${code}, expected ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
