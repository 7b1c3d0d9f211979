import { type AppRouter, appRouter, type Context, createContext, sessionCookie } from "@kechuang/api";
import type { Database } from "@kechuang/db";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "./env";

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
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => requestContext(config, database, req, res),
      onError({ error, path, req }) {
        // Expected failures (sign-in, permissions, input) are values for the client, not server errors.
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}
