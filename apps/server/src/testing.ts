import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DemoAccount, seedDemo } from "@kechuang/db";
import { createTestDatabase, TEST_SECRET_KEY, type TestDatabaseKind } from "@kechuang/db/testing";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import superjson from "superjson";
import { buildApp } from "./app";
import { defaultRateLimits, type ServerConfig } from "./env";

export const ORIGIN = "http://localhost:3000";

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir: mkdtempSync(join(tmpdir(), "kc-server-")),
    databaseUrl: undefined,
    production: false,
    demo: false,
    cookieSecure: true,
    publicOrigin: undefined,
    portalManifests: {
      public: "/portals/public/mf-manifest.json",
      applicant: "/portals/applicant/mf-manifest.json",
      reviewer: "/portals/reviewer/mf-manifest.json",
    },
    logLevel: "silent",
    rateLimits: { ...defaultRateLimits },
    trustedProxies: [],
    // The test databases' key too, so a server opens what a test wrote and the other way round.
    secretKey: TEST_SECRET_KEY,
    ...overrides,
  };
}

/** A server on a fresh seeded database, with front ends absent (an empty apps folder). */
export async function startTestApp(
  kind: TestDatabaseKind,
  overrides: Partial<ServerConfig> = {},
): Promise<{ app: FastifyInstance; accounts: DemoAccount[] }> {
  const database = await createTestDatabase(kind);
  const accounts = await seedDemo(database.db);
  const app = await buildApp(testConfig(overrides), {
    database,
    appsDir: mkdtempSync(join(tmpdir(), "kc-apps-")),
  });
  return { app, accounts };
}

export const account = (accounts: DemoAccount[], username: string): DemoAccount =>
  accounts.find((a) => a.username === username)!;

/** tRPC over HTTP the way @trpc/client sends it (superjson, JSON body, same-origin headers). */
export class TrpcClient {
  cookie: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  async call(
    type: "query" | "mutation",
    path: string,
    input?: unknown,
    extra: Partial<InjectOptions> = {},
  ): Promise<LightMyRequestResponse & { body: string }> {
    const headers: Record<string, string> = {
      host: "localhost:3000",
      ...(extra.headers as Record<string, string>),
    };
    if (this.cookie) headers.cookie = this.cookie;
    const encoded = input === undefined ? undefined : superjson.serialize(input);
    // A test may call from another address (the sign-in limit counts per address).
    const from = extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {};
    const response =
      type === "query"
        ? await this.app.inject({
            ...from,
            method: "GET",
            url: `/trpc/${path}${encoded ? `?input=${encodeURIComponent(JSON.stringify(encoded))}` : ""}`,
            headers,
          })
        : await this.app.inject({
            ...from,
            method: "POST",
            url: `/trpc/${path}`,
            headers: { origin: ORIGIN, "content-type": "application/json", ...headers },
            payload: JSON.stringify(encoded ?? {}),
          });
    const setCookie = response.cookies.find((c) => c.name.endsWith("kc_session"));
    if (setCookie) this.cookie = setCookie.value ? `${setCookie.name}=${setCookie.value}` : undefined;
    return response;
  }

  /** The procedure's result, deserialized; throws with the error body otherwise. */
  async data<T = unknown>(type: "query" | "mutation", path: string, input?: unknown): Promise<T> {
    const response = await this.call(type, path, input);
    const body = response.json();
    if (response.statusCode !== 200) throw new Error(`${path} → ${response.statusCode} ${response.body}`);
    return superjson.deserialize(body.result.data) as T;
  }

  async signIn(username: string, password: string, totp?: string) {
    return this.call("mutation", "auth.signIn", { username, password, ...(totp ? { totp } : {}) });
  }
}

export interface TrpcErrorBody {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    requestId: string | null;
    localizedMessage: { zh: string; en: string } | null;
    zodIssues: unknown[] | null;
    needsTotp: boolean;
  };
}

export const errorOf = (response: { json: () => unknown }): TrpcErrorBody =>
  (response.json() as { error: { json: TrpcErrorBody } }).error.json;
