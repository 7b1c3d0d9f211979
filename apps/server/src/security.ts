import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import { recordAudit } from "@kechuang/db";
import { type Actor, actors } from "@kechuang/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { ServerConfig } from "./env";

declare module "fastify" {
  interface FastifyInstance {
    /** "METHOD /url" of every route registered on this app, for the matrix test. */
    routeKeys: string[];
  }
}

/**
 * The HTTP half of the permission matrix (the tRPC half is packages/api/src/permissions.ts): route →
 * actors allowed. REST routes resolve no session, so a route whose row lacks "anonymous" is refused; tRPC
 * routes defer to the procedure matrix. In production a route without a row is refused (deny by default);
 * elsewhere it is logged, and the matrix test fails for any route buildApp registers without a row.
 */
const everyone = actors;
export const routePermissions: Record<string, readonly Actor[] | "procedure-matrix"> = {
  "GET /healthz": everyone,
  "GET /readyz": everyone,
  "GET /config/portals.json": everyone,
  "GET /api/v1/policies": everyone,
  "POST /api/v1/policies/:id/check": everyone,
  "POST /api/v1/policies/:id/schedule": everyone,
  "GET /api/openapi.json": everyone,
  // tRPC answers 405 itself for methods it does not use.
  "ALL /trpc/:path": "procedure-matrix",
  // File routes (files.ts) call one procedure each with the request's session: its matrix row decides.
  "GET /api/v1/attachments/:id/download": "procedure-matrix", // attachments.download
  "GET /api/v1/exports/applications.csv": "procedure-matrix", // exports.applications
  // The shell and the portals' static files (@fastify/static wildcard routes).
  "GET /*": everyone,
  "GET /portals/public/*": everyone,
  "GET /portals/applicant/*": everyone,
  "GET /portals/reviewer/*": everyone,
};

/** The matrix row of a route; HEAD is answered like GET. */
export function routeAccess(method: string, url: string): readonly Actor[] | "procedure-matrix" | undefined {
  const verb = method === "HEAD" ? "GET" : method;
  return routePermissions[`${verb} ${url}`] ?? routePermissions[`ALL ${url}`];
}

function registerRouteMatrix(app: FastifyInstance, config: ServerConfig): void {
  const keys: string[] = [];
  app.decorate("routeKeys", keys);
  const refuse = async (request: FastifyRequest, reply: FastifyReply, reason: string) => {
    await recordAudit(app.database.db, {
      actorId: null,
      actorRole: "anonymous",
      action: `http:${request.method} ${request.routeOptions.url}`,
      objectType: "route",
      objectId: request.routeOptions.url ?? null,
      result: "denied",
      sourceIp: request.ip,
      detail: { requestId: request.id, reason },
    });
    return reply.code(reason === "role" ? 401 : 403).send({
      error: { zh: "无权访问", en: "Access denied" },
      requestId: request.id,
    });
  };
  app.addHook("onRoute", (route: RouteOptions) => {
    const methods = [route.method].flat();
    for (const method of methods) keys.push(`${method} ${route.url}`);
    const guard = async (request: FastifyRequest, reply: FastifyReply) => {
      const access = routeAccess(request.method, request.routeOptions.url ?? route.url);
      if (access === "procedure-matrix") return;
      if (access === undefined) {
        if (config.production) return refuse(request, reply, "no-permission-row");
        request.log.warn({ url: route.url }, "route has no row in the permission matrix");
        return;
      }
      if (!access.includes("anonymous")) return refuse(request, reply, "role");
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), guard] as RouteOptions["onRequest"];
  });
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A tRPC URL may batch several procedures: /trpc/auth.signIn,auth.me?batch=1 */
const callsProcedure = (request: FastifyRequest, path: string): boolean =>
  request.url.startsWith("/trpc/") &&
  new RegExp(`[/,]${path.replace(".", "\\.")}(?:[,?]|$)`).test(request.url.split("?")[0] ?? "");

export const isSignInRequest = (request: FastifyRequest): boolean => callsProcedure(request, "auth.signIn");

/** Requests throttled per source address per minute, by kind. */
export const throttleLimits = { "sign-in": 10, upload: 30, objection: 10, export: 5 } as const;
export type ThrottledKind = keyof typeof throttleLimits;

export function throttledKind(request: FastifyRequest): ThrottledKind | null {
  // Exports read every application: the file route and the procedure behind it share one budget.
  if (request.method === "GET" || request.method === "HEAD") {
    const path = request.url.split("?")[0] ?? "";
    return path.startsWith("/api/v1/exports/") || callsProcedure(request, "exports.applications")
      ? "export"
      : null;
  }
  if (request.method !== "POST") return null;
  if (isSignInRequest(request)) return "sign-in";
  if (callsProcedure(request, "attachments.upload")) return "upload";
  if (callsProcedure(request, "publicity.object")) return "objection";
  return null;
}

function requestOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin && origin !== "null") return origin;
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF: SameSite=Lax already keeps the cookie off cross-site POSTs; we also require a same-origin Origin
 * (or Referer) and a JSON body, which a cross-site <form> cannot send without a CORS preflight.
 * REST policy checks are state-less, so they need JSON but not an Origin (API clients send none).
 */
export function csrfProblem(request: FastifyRequest, config: ServerConfig): string | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") return "content type must be application/json";
  if (request.url.startsWith("/api/v1/")) return null;
  const origin = requestOrigin(request);
  if (!origin) return "missing Origin";
  if (config.publicOrigin) return origin === config.publicOrigin ? null : "cross-origin request";
  try {
    return new URL(origin).host === request.headers.host ? null : "cross-origin request";
  } catch {
    return "malformed Origin";
  }
}

export async function registerSecurity(app: FastifyInstance, config: ServerConfig): Promise<void> {
  registerRouteMatrix(app, config);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS injects <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });

  app.addHook("onRequest", async (request, reply) => {
    const problem = csrfProblem(request, config);
    if (problem) {
      request.log.warn({ problem }, "refused possible cross-site request");
      return reply.code(403).send({
        error: { zh: "请求被拒绝：跨站请求校验未通过", en: `Request refused: ${problem}` },
        requestId: request.id,
      });
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/trpc") || request.url.startsWith("/api/"))
      reply.header("cache-control", "no-store");
    return payload;
  });

  // Per IP and per kind of costly or abusable request; other calls are not throttled. The sign-in lockout
  // (API) protects each account; the objection limit per notice lives in the API as well.
  await app.register(rateLimit, {
    global: true,
    max: (request) => throttleLimits[throttledKind(request) ?? "sign-in"],
    timeWindow: "1 minute",
    keyGenerator: (request) => `${throttledKind(request)}:${request.ip}`,
    allowList: (request) => throttledKind(request) === null,
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: {
        zh: "请求过于频繁，请稍后再试",
        en: `Too many requests; retry in ${context.after}`,
      },
      requestId: request.id,
    }),
  });
}
