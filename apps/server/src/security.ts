import helmet from "@fastify/helmet";
import { auditRefusal } from "@kechuang/api";
import { recordAudit } from "@kechuang/db";
import { type Actor, actors } from "@kechuang/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { ServerConfig } from "./env";
import { registerThrottles } from "./throttles";

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
  // Open data (rest/platforms.ts): the directory, one platform, the directory as files.
  "GET /api/v1/platforms": everyone,
  "GET /api/v1/platforms/:id": everyone,
  "GET /api/v1/platforms.csv": everyone,
  "GET /api/v1/platforms.xlsx": everyone,
  "GET /api/v1/platforms.json": everyone,
  // Open data (rest/targets.ts): a module's platform targets, and its rows as files.
  "GET /api/v1/targets/:policyId": everyone,
  "GET /api/v1/targets/:policyId.csv": everyone,
  "GET /api/v1/targets/:policyId.xlsx": everyone,
  // tRPC answers 405 itself for methods it does not use.
  "ALL /trpc/:path": "procedure-matrix",
  // File routes (files.ts) call one procedure each with the request's session: its matrix row decides.
  "GET /api/v1/attachments/:id/download": "procedure-matrix", // attachments.download
  "GET /api/v1/exports/applications.csv": "procedure-matrix", // exports.applications
  "GET /api/v1/exports/annual-reports.csv": "procedure-matrix", // exports.annualReports
  "GET /api/v1/exports/annual-reports.xlsx": "procedure-matrix",
  "GET /api/v1/exports/evaluation-results.csv": "procedure-matrix", // exports.evaluationResults
  "GET /api/v1/exports/evaluation-results.xlsx": "procedure-matrix",
  "GET /api/v1/exports/rectifications.csv": "procedure-matrix", // exports.rectifications
  "GET /api/v1/exports/rectifications.xlsx": "procedure-matrix",
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

/** Every powerful browser feature off, for this origin and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

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
    // Says what frame-ancestors 'none' says, to browsers that only read the older header.
    frameguard: { action: "deny" },
  });
  // Helmet sets no Permissions-Policy; no page here uses a device, sensor or payment API.
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("permissions-policy", PERMISSIONS_POLICY);
  });

  app.addHook("onRequest", async (request, reply) => {
    const problem = csrfProblem(request, config);
    if (problem) {
      request.log.warn({ problem }, "refused possible cross-site request");
      await auditRefusal(app.database, "csrf", {
        actorId: null,
        actorRole: "anonymous",
        action: `http:${request.method} csrf`,
        objectType: "route",
        objectId: request.url.split("?")[0] ?? null,
        sourceIp: request.ip,
        detail: { requestId: request.id, problem },
      });
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

  await registerThrottles(app, config);
}
