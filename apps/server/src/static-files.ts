import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
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

/** rsbuild names what it emits under static/ `[name].[contenthash:8][ext]`: such a URL never changes content. */
const HASHED_ASSET = /^static\/(?:[^/]+\/)*[^/]+\.[0-9a-f]{8,}(?:\.[A-Za-z0-9]+)+$/;
export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Cache-Control for a file, by its path inside a dist folder. Content-hashed assets are cached for a year;
 * everything else (index.html, mf-manifest.json, remoteEntry.js …) keeps its name across releases and is
 * revalidated on every use, so a deployment takes effect at once.
 */
export function cacheControlFor(pathInDist: string): string {
  return HASHED_ASSET.test(pathInDist) ? IMMUTABLE : "no-cache";
}

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
      // The front-end builds write .br and .gz beside each text asset (scripts/precompress.mjs): a client that
      // accepts them gets the compressed copy with no compression work per request (issue 15).
      preCompressed: true,
      setHeaders(res, path) {
        res.header("cache-control", cacheControlFor(relative(dist, path).split(sep).join("/")));
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
