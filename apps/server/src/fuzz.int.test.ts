import { createHash, randomBytes } from "node:crypto";
import { appRouter, permissions } from "@kechuang/api";
import { schema } from "@kechuang/db";
import type { Actor } from "@kechuang/domain";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, startTestApp } from "./testing";

/**
 * Every procedure of the router (enumerated, so new ones are covered without touching this file) gets
 * 1,000 generated malformed inputs over real HTTP as a user whose role may call it. The answer is never a
 * 500; a BAD_REQUEST carries zod issues (or, when the input was well-formed, a localized reason); and no
 * body leaks a stack frame, SQL or a file path.
 */
const RUNS = 1000;

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).sort(
  ([a], [b]) => a.localeCompare(b),
);

/** What a response must never contain (the inputs are generated without these, so any hit is the server's). */
const LEAK =
  /\bat [\w.<>]+ \(|\n\s+at |stack|node_modules|\/work\/|\.ts:\d|\bselect\b|\binsert into\b|\bviolates\b|syntax error|\brelation\b|\bpostgres/i;

const nastyKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
);
const nastyString = fc.constantFrom(
  "NaN",
  "-NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x1F",
  "",
  " ",
  "null",
  "undefined",
  "true",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "#{7*7}",
  "{{7*7}}",
  "2026-02-30",
  "9999-99-99T99:99:99Z",
  "00000000-0000-0000-0000-000000000000",
);
const hugeString = fc.string({ minLength: 5_000, maxLength: 20_000 });
const deepNesting = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
});
const pollution = fc
  .tuple(nastyKey, fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => JSON.parse(`{"${key}": ${JSON.stringify(value ?? null)}, "a": 1}`) as unknown);
const value = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 4 },
  { arbitrary: nastyString, weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: pollution, weight: 2 },
  {
    arbitrary: fc.dictionary(fc.oneof(nastyKey, fc.string()), fc.oneof(nastyString, fc.jsonValue())),
    weight: 2,
  },
);
/** Most bodies are what @trpc/client would send (superjson's {json}); some are raw or carry bogus meta. */
const body = fc
  .oneof(
    { arbitrary: value.map((v) => ({ json: v })), weight: 5 },
    { arbitrary: value, weight: 2 },
    {
      arbitrary: fc.tuple(value, fc.jsonValue({ maxDepth: 3 })).map(([v, meta]) => ({ json: v, meta })),
      weight: 2,
    },
  )
  .filter((v) => !LEAK.test(JSON.stringify(v) ?? ""));

const sessionHolder: Record<Exclude<Actor, "anonymous">, string> = {
  applicant: "applicant",
  recommender: "recommender",
  expert: "expert",
  authority: "authority",
  "system-admin": "sysadmin",
  "security-admin": "secadmin",
  "audit-admin": "auditadmin",
};

describe("fuzzing every procedure over HTTP", () => {
  let app: FastifyInstance;
  const userIds = new Map<string, string>();

  /** A fresh session row for a user (the same shape sign-in writes), so runs that end sessions can go on. */
  async function mintSession(username: string): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    await app.database.db.insert(schema.sessions).values({
      id: createHash("sha256").update(token).digest("hex"),
      userId: userIds.get(username)!,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      ip: null,
      userAgent: "fuzz",
    });
    return `__Host-kc_session=${token}`;
  }

  beforeAll(async () => {
    ({ app } = await startTestApp("pglite"));
    for (const username of Object.values(sessionHolder)) {
      const [row] = await app.database.db
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(eq(schema.users.username, username));
      userIds.set(username, row!.id);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it("enumerates the router's procedures (the matrix test checks each has a row)", () => {
    expect(procedures.length).toBeGreaterThan(15);
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
    "%s: malformed inputs never give a 500 or leak internals",
    async (path, procedure) => {
      // A procedure without a row is refused for everyone: fuzz it anonymously then.
      const allowed = (permissions as Record<string, readonly Actor[] | undefined>)[path] ?? [];
      const actor = allowed.find((a): a is Exclude<Actor, "anonymous"> => a !== "anonymous");
      const username = actor ? sessionHolder[actor] : null;
      let cookie = username ? await mintSession(username) : undefined;
      const problems: string[] = [];
      await fc.assert(
        fc.asyncProperty(body, fc.integer({ min: 1, max: 250 }), async (payload, octet) => {
          const encoded = JSON.stringify(payload) ?? "null";
          const headers: Record<string, string> = { host: "localhost:3000", ...(cookie ? { cookie } : {}) };
          // A distinct source address per run keeps the sign-in rate limit out of the way of validation.
          const remoteAddress = `10.${octet}.${octet % 7}.${(octet * 13) % 250}`;
          const response =
            procedure._def.type === "query"
              ? await app.inject({
                  method: "GET",
                  url: `/trpc/${path}?input=${encodeURIComponent(encoded)}`,
                  headers,
                  remoteAddress,
                })
              : await app.inject({
                  method: "POST",
                  url: `/trpc/${path}`,
                  headers: { ...headers, origin: ORIGIN, "content-type": "application/json" },
                  payload: encoded,
                  remoteAddress,
                });
          const status = response.statusCode;
          const problem = (text: string) =>
            problems.push(
              `${path} ${status} ${text} ← ${encoded.slice(0, 200)} → ${response.body.slice(0, 300)}`,
            );
          if (![200, 400, 401, 403, 404, 409, 413, 429].includes(status)) problem("unexpected status");
          if (LEAK.test(response.body)) problem(`leak: ${response.body.slice(0, 300)}`);
          if (status === 400) {
            const error = (response.json() as { error?: { json?: { data?: Record<string, unknown> } } }).error
              ?.json?.data;
            const issues = error?.zodIssues;
            const explained = (Array.isArray(issues) && issues.length > 0) || error?.localizedMessage != null;
            if (!explained) problem("400 without issues");
          }
          // A run that ended or replaced the session (sign-out, password change, lockout): start a new one.
          if (username && (status === 401 || response.cookies.some((c) => c.name.endsWith("kc_session"))))
            cookie = await mintSession(username);
          if (problems.length > 0) throw new Error(problems.join("\n"));
        }),
        { numRuns: RUNS, seed: 20_261_122, endOnFailure: true },
      );
      expect(problems).toEqual([]);
    },
    600_000,
  );
});
