import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ServerConfig } from "./env";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A tRPC URL may batch several procedures: /trpc/auth.signIn,auth.me?batch=1 */
export const isSignInRequest = (request: FastifyRequest): boolean =>
  request.url.startsWith("/trpc/") && /[/,]auth\.signIn(?:[,?]|$)/.test(request.url.split("?")[0] ?? "");

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

  // Only sign-in is throttled (per IP); the lockout in the API protects each account.
  await app.register(rateLimit, {
    global: true,
    max: 10,
    timeWindow: "1 minute",
    allowList: (request) => !isSignInRequest(request),
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: {
        zh: "登录尝试过于频繁，请稍后再试",
        en: `Too many sign-in attempts; retry in ${context.after}`,
      },
      requestId: request.id,
    }),
  });
}
