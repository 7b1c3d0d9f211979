import { type AppRouter, appRouter, createContext, sessionCookie } from "@kechuang/api";
import type { Database } from "@kechuang/db";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { FastifyInstance } from "fastify";
import type { ServerConfig } from "./env";

export async function registerTrpc(
  app: FastifyInstance,
  config: ServerConfig,
  database: Database,
): Promise<void> {
  const cookie = sessionCookie(config.cookieSecure);
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContext({
          database,
          requestId: req.id,
          ip: req.ip,
          userAgent: req.headers["user-agent"] ?? null,
          sessionToken: req.cookies[cookie.name] ?? null,
          cookies: {
            set: (token, expiresAt) =>
              res.setCookie(cookie.name, token, { ...cookie.options, expires: expiresAt }),
            clear: () => res.clearCookie(cookie.name, cookie.options),
          },
        }),
      onError({ error, path, req }) {
        // Expected failures (sign-in, permissions, input) are values for the client, not server errors.
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}
