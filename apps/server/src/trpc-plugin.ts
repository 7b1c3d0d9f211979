import { type AppRouter, appRouter, type Context, createContext, sessionCookie } from "@kechuang/api";
import type { Database } from "@kechuang/db";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "./env";
import { throttledProcedures, trpcCall } from "./throttles";

/** Calls per batch; the portals' batch link uses the same number (packages/ui/src/trpc.tsx). */
export const MAX_BATCH_SIZE = 10;

/**
 * Why a batch is refused before tRPC reads it, or null. Throttled procedures (sign-in, objection, upload,
 * export) are never batched with anything else, so the limiter counts every call (F2); tRPC's own
 * maxBatchSize would answer too, but only once it parses the body.
 */
export function batchProblem(url: string): string | null {
  const call = trpcCall(url);
  if (!call?.batch || call.procedures.length === 1) return null;
  if (call.procedures.length > MAX_BATCH_SIZE) return `more than ${MAX_BATCH_SIZE} calls in one batch`;
  const unbatchable = call.procedures.find((p) => throttledProcedures.has(p));
  return unbatchable ? `${unbatchable} is never batched` : null;
}

/**
 * The tRPC context of an HTTP request: its session cookie, address and request id. Used by /trpc and by
 * the file routes (routes/files.ts), so both resolve the session and the permission matrix the same way.
 */
export function requestContext(
  config: ServerConfig,
  database: Database,
  req: FastifyRequest,
  res: FastifyReply,
): Context {
  const cookie = sessionCookie(config.cookieSecure);
  return createContext({
    database,
    requestId: req.id,
    ip: req.ip,
    userAgent: req.headers["user-agent"] ?? null,
    sessionToken: req.cookies[cookie.name] ?? null,
    cookies: {
      set: (token, expiresAt) => res.setCookie(cookie.name, token, { ...cookie.options, expires: expiresAt }),
      clear: () => res.clearCookie(cookie.name, cookie.options),
    },
  });
}

export async function registerTrpc(
  app: FastifyInstance,
  config: ServerConfig,
  database: Database,
): Promise<void> {
  app.addHook("onRequest", async (request, reply) => {
    const problem = batchProblem(request.url);
    if (problem)
      return reply.code(400).send({
        error: {
          zh: "批量请求被拒绝：登录、异议、上传和导出须单独发送，每批至多 10 个调用",
          en: `Batch refused: ${problem}`,
        },
        requestId: request.id,
      });
  });
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res }) => requestContext(config, database, req, res),
      onError({ error, path, req }) {
        // Expected failures (sign-in, permissions, input) are values for the client, not server errors.
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}
