import { createHmac } from "node:crypto";
import rateLimit, { normalizeIP } from "@fastify/rate-limit";
import { auditRefusal } from "@kechuang/api";
import { secretsOf } from "@kechuang/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Redis } from "ioredis";
import { z } from "zod";
import type { RateLimits, ServerConfig } from "./env";

/**
 * The procedures of a /trpc/ URL, read the way tRPC reads them: the decoded path, split on commas only in a
 * batch call (`?batch=1`). Anything else is not a tRPC call.
 */
export function trpcCall(url: string): { batch: boolean; procedures: string[] } | null {
  if (!url.startsWith("/trpc/")) return null;
  const [rawPath = "", query = ""] = url.slice("/trpc/".length).split("?", 2);
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // The router refuses it too; keep the raw text so nothing is skipped.
  }
  const batch = new URLSearchParams(query).get("batch") === "1";
  return { batch, procedures: batch ? path.split(",") : [path] };
}

export type ThrottledKind = "sign-in" | "upload" | "objection" | "export";

/** Throttled procedures: never batched with anything else (trpc-plugin.ts), so each call is one request. */
export const throttledProcedures: ReadonlyMap<string, ThrottledKind> = new Map([
  ["auth.signIn", "sign-in"],
  ["attachments.upload", "upload"],
  ["publicity.object", "objection"],
  ["exports.applications", "export"],
  ["exports.annualReports", "export"],
  ["exports.evaluationResults", "export"],
  ["exports.rectifications", "export"],
]);

export const isSignInRequest = (request: Pick<FastifyRequest, "url">): boolean =>
  trpcCall(request.url)?.procedures.includes("auth.signIn") ?? false;

export function throttledKind(request: Pick<FastifyRequest, "method" | "url">): ThrottledKind | null {
  // Exports read every application: the file route and the procedure behind it share one budget.
  const path = request.url.split("?")[0] ?? "";
  if ((request.method === "GET" || request.method === "HEAD") && path.startsWith("/api/v1/exports/"))
    return "export";
  for (const procedure of trpcCall(request.url)?.procedures ?? []) {
    const kind = throttledProcedures.get(procedure);
    if (kind) return kind;
  }
  return null;
}

/** The per-address budget (settings in env.ts) of each kind. */
const addressBudget: Record<ThrottledKind, keyof RateLimits> = {
  "sign-in": "signInPerAddress",
  upload: "upload",
  objection: "objection",
  export: "export",
};

// The sign-in body, unbatched or as the only call of a batch (superjson envelope).
const signInEnvelope = z.object({ json: z.object({ username: z.string().max(1000) }) });
const signInBody = z.union([signInEnvelope, z.object({ "0": signInEnvelope })]);

/**
 * The account a sign-in names, as a keyed hash: the counter key (kept in Redis, perhaps) must not keep what
 * someone typed — a password in the wrong field — in a form a dictionary could reverse without the server's key.
 */
export function signInAccountKey(body: unknown, key: Buffer): string | null {
  // The tRPC plugin's own content-type parser leaves the JSON body as text (at most 1 MiB: body-limits.ts).
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const parsed = signInBody.safeParse(value);
  if (!parsed.success) return null;
  const { username } = ("json" in parsed.data ? parsed.data : parsed.data["0"]).json;
  return createHmac("sha256", key)
    .update(`sign-in-throttle:${username.trim().toLowerCase()}`)
    .digest("base64url");
}

/**
 * Throttles per minute: sign-in per source address (high: a building of users shares one NAT address) and per
 * account (low, beside the API's five-failure lockout); uploads, objections and exports per address.
 * @fastify/rate-limit keeps the counts — in Redis when REDIS_URL is set, so every instance spends one budget,
 * otherwise in this process. Without Redis reachable these requests are refused (503), not let through
 * uncounted.
 */
export async function registerThrottles(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const accountKey = secretsOf(app.database.db).usernameKey;
  const redis = config.redis ? new Redis(config.redis.url, { maxRetriesPerRequest: 1 }) : undefined;
  redis?.on("error", (error) => app.log.error({ err: error }, "rate-limit store (Redis) unreachable"));
  if (redis)
    app.addHook("onClose", async () => {
      // quit() waits for pending replies; a client that never connected is just dropped.
      if (redis.status === "ready") await redis.quit();
      else redis.disconnect();
    });
  // The plugin only counts (global: false); the hooks below choose what is counted under which key.
  await app.register(rateLimit, {
    global: false,
    timeWindow: "1 minute",
    ...(redis && config.redis ? { redis, nameSpace: config.redis.keyPrefix } : {}),
  });
  const perAddress = Object.fromEntries(
    (Object.keys(addressBudget) as ThrottledKind[]).map((kind) => [
      kind,
      app.createRateLimit({
        max: config.rateLimits[addressBudget[kind]],
        keyGenerator: (request) => `${kind}:${normalizeIP(request.ip)}`,
      }),
    ]),
  ) as Record<ThrottledKind, ReturnType<FastifyInstance["createRateLimit"]>>;
  const accountKeys = new WeakMap<FastifyRequest, string>();
  const perAccount = app.createRateLimit({
    max: config.rateLimits.signInPerAccount,
    keyGenerator: (request) => `sign-in-account:${accountKeys.get(request)}`,
  });

  const refuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ttlInSeconds: number,
    budget: string,
  ) => {
    await auditRefusal(app.database, "rate-limit", {
      actorId: null,
      actorRole: "anonymous",
      action: "http:rate-limit",
      objectType: "route",
      objectId: request.url.split("?")[0] ?? null,
      sourceIp: request.ip,
      detail: { requestId: request.id, budget },
    });
    return reply
      .code(429)
      .header("retry-after", ttlInSeconds)
      .send({
        error: { zh: "请求过于频繁，请稍后再试", en: `Too many requests; retry in ${ttlInSeconds} s` },
        requestId: request.id,
      });
  };

  // The store unreachable: refuse (503) rather than let the request through uncounted.
  const check = async (
    limiter: ReturnType<FastifyInstance["createRateLimit"]>,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    try {
      return await limiter(request);
    } catch (error) {
      request.log.error({ err: error }, "rate-limit store failed");
      reply.code(503).send({
        error: { zh: "服务暂时不可用，请稍后再试", en: "Service temporarily unavailable; try again later" },
        requestId: request.id,
      });
      return null;
    }
  };

  // Per address before the body is read.
  app.addHook("onRequest", async (request, reply) => {
    const kind = throttledKind(request);
    if (!kind) return;
    const limit = await check(perAddress[kind], request, reply);
    if (!limit) return reply;
    if (!limit.isAllowed && limit.isExceeded)
      return refuse(request, reply, limit.ttlInSeconds, `${kind}/address`);
  });
  // Per account once the body names it, before the handler verifies any password.
  app.addHook("preHandler", async (request, reply) => {
    if (throttledKind(request) !== "sign-in") return;
    const account = signInAccountKey(request.body, accountKey);
    if (!account) return;
    accountKeys.set(request, account);
    const limit = await check(perAccount, request, reply);
    if (!limit) return reply;
    if (!limit.isAllowed && limit.isExceeded)
      return refuse(request, reply, limit.ttlInSeconds, "sign-in/account");
  });
}
