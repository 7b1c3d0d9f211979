import { publicDataChangedAt } from "@kechuang/db";
import type { FastifyInstance } from "fastify";
import { publicCacheHook } from "../http-cache";
import { openApiDocument } from "./openapi";
import { registerPlatformRoutes } from "./platforms";
import { registerPolicyRoutes } from "./policies";
import { registerTargetRoutes } from "./targets";

/**
 * Open REST facade over the same tRPC procedures (createCaller: same permissions, same validation), for
 * systems that do not speak tRPC: the policy checks and the open data of the platform directory.
 */
export { callerFor, sendError } from "./caller";
export { openApiDocument } from "./openapi";

export async function registerRest(
  app: FastifyInstance,
  limits: { downloadsPerMinute: number },
): Promise<void> {
  // A deploy can change a representation without any data changing: Last-Modified is never older than this
  // process, so an If-Modified-Since from before it never earns a stale 304.
  const startedAt = new Date();
  const later = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b);
  const codeOnly = publicCacheHook(async () => startedAt);
  const dataChangedAt = async () =>
    later((await publicDataChangedAt(app.database.db)) ?? startedAt, startedAt);
  const data = publicCacheHook(dataChangedAt);

  registerPolicyRoutes(app, { onSend: codeOnly });
  registerPlatformRoutes(app, { onSend: data, lastModified: dataChangedAt, ...limits });
  registerTargetRoutes(app, { onSend: data, lastModified: dataChangedAt, ...limits });
  const document = openApiDocument();
  app.get("/api/openapi.json", { onSend: codeOnly }, async () => document);
}
