import { createCaller, createContext, messages } from "@kechuang/api";
import type { Database } from "@kechuang/db";
import type { LocalizedText } from "@kechuang/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";

const noCookies = { set: () => {}, clear: () => {} };

/** The procedures as an anonymous caller: REST is state-less (no session, no cookies). */
export function callerFor(database: Database, request: FastifyRequest) {
  return createCaller(
    createContext({
      database,
      requestId: request.id,
      ip: request.ip,
      userAgent: request.headers["user-agent"] ?? null,
      sessionToken: null,
      cookies: noCookies,
    }),
  );
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: unknown) {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") {
    request.log.error({ err: error }, "REST call failed");
    return reply.code(500).send({ error: messages.internal(request.id), requestId: request.id });
  }
  const cause = error.cause as { text?: LocalizedText; issues?: unknown[] } | undefined;
  const issues = Array.isArray(cause?.issues) ? cause.issues : undefined;
  return reply.code(getHTTPStatusCodeFromError(error)).send({
    error: cause?.text ?? (issues ? messages.invalidInput : { zh: error.message, en: error.message }),
    ...(issues ? { issues } : {}),
    requestId: request.id,
  });
}

/**
 * A query string checked against a strict zod schema before any procedure runs: an unknown key is a 400
 * that names it (a misspelt filter would otherwise silently widen the answer), any other issue a 400 with
 * the zod issues.
 */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  request: FastifyRequest,
  reply: FastifyReply,
): z.output<S> | undefined {
  const parsed = schema.safeParse(request.query ?? {});
  if (parsed.success) return parsed.data;
  const unknownKeys = parsed.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys : [],
  );
  reply.code(400).send({
    error:
      unknownKeys.length > 0
        ? {
            zh: `不支持的查询参数：${unknownKeys.join("、")}`,
            en: `Unknown query parameter${unknownKeys.length > 1 ? "s" : ""}: ${unknownKeys.join(", ")}`,
          }
        : messages.invalidInput,
    issues: parsed.error.issues,
    requestId: request.id,
  });
  return undefined;
}
