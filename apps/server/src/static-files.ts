import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * The front ends are served from the monorepo's own build folders. Both this source file (apps/server/src)
 * and the bundle (apps/server/dist) sit two levels below apps/, so one relative path works for both.
 */
const appsDir = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

export const frontEnds = [
  { app: "shell", prefix: "/" },
  { app: "portal-public", prefix: "/portals/public/" },
  { app: "portal-applicant", prefix: "/portals/applicant/" },
  { app: "portal-reviewer", prefix: "/portals/reviewer/" },
] as const;

/** Client-side routes of the shell (portal areas and sign-in): a GET serves its index.html. */
export const SPA_ROUTE = /^\/(?:(?:public|apply|review)(?:\/.*)?|signin)?(?:\?.*)?$/;

export async function registerStaticFiles(
  app: FastifyInstance,
  options: { appsDir?: string } = {},
): Promise<void> {
  const root = options.appsDir ?? appsDir;
  let decorated = false;
  for (const { app: name, prefix } of frontEnds) {
    const dist = join(root, name, "dist");
    if (!existsSync(dist)) {
      app.log.warn({ dist }, `front end ${name} is not built; ${prefix} will answer 404`);
      continue;
    }
    await app.register(fastifyStatic, {
      root: dist,
      prefix,
      decorateReply: !decorated,
      wildcard: true,
      index: ["index.html"],
      setHeaders(res, path) {
        // Hashed assets can be cached for good; HTML and MF manifests must be revalidated.
        if (path.endsWith(".html") || path.endsWith(".json")) res.header("cache-control", "no-cache");
      },
    });
    decorated = true;
  }
  const shellIndex = join(root, "shell", "dist", "index.html");
  app.setNotFoundHandler(async (request, reply) => {
    if (
      (request.method === "GET" || request.method === "HEAD") &&
      SPA_ROUTE.test(request.url) &&
      existsSync(shellIndex)
    ) {
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(await readFile(shellIndex));
    }
    return reply.code(404).send({ error: { zh: "未找到", en: "Not found" }, requestId: request.id });
  });
}
