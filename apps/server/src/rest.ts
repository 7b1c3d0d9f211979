import { createCaller, createContext, messages } from "@kechuang/api";
import type { Database } from "@kechuang/db";
import {
  centerFactsSchema,
  checkResponseSchema,
  type LocalizedText,
  obligationSchema,
  policyIdSchema,
  policySummarySchema,
  scheduleInputSchema,
} from "@kechuang/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/**
 * Open REST facade over the same tRPC procedures (createCaller: same permissions, same validation), for
 * systems that do not speak tRPC. Policy checks are state-less: no session, no cookies.
 */
const checkBodySchema = z.object({ facts: centerFactsSchema });

const noCookies = { set: () => {}, clear: () => {} };

function callerFor(database: Database, request: FastifyRequest) {
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

/** Ids that cannot be policy ids are simply unknown: 404, the same as a well-formed unknown id. */
function knownShape(id: string, reply: FastifyReply, request: FastifyRequest): boolean {
  if (policyIdSchema.safeParse(id).success) return true;
  reply.code(404).send({ error: messages.unknownPolicy(id), requestId: request.id });
  return false;
}

export async function registerRest(app: FastifyInstance): Promise<void> {
  const database = app.database;
  app.get("/api/v1/policies", async (request, reply) => {
    try {
      return await callerFor(database, request).policies.list();
    } catch (error) {
      return sendError(reply, request, error);
    }
  });

  app.post<{ Params: { id: string } }>("/api/v1/policies/:id/check", async (request, reply) => {
    if (!knownShape(request.params.id, reply, request)) return reply;
    try {
      const body = (request.body ?? {}) as { facts?: unknown };
      return await callerFor(database, request).policies.check({
        policyId: request.params.id,
        facts: body.facts as never,
      });
    } catch (error) {
      return sendError(reply, request, error);
    }
  });

  app.post<{ Params: { id: string } }>("/api/v1/policies/:id/schedule", async (request, reply) => {
    if (!knownShape(request.params.id, reply, request)) return reply;
    try {
      const body = (request.body ?? {}) as Record<string, unknown>;
      return await callerFor(database, request).policies.schedule({
        policyId: request.params.id,
        approvedOn: body.approvedOn as string,
        years: body.years as number,
      });
    } catch (error) {
      return sendError(reply, request, error);
    }
  });

  const document = openApiDocument();
  app.get("/api/openapi.json", async () => document);
}

const json = (schema: z.ZodType, io: "input" | "output" = "output") => ({
  "application/json": { schema: z.toJSONSchema(schema, { io, unrepresentable: "any" }) },
});

const errorSchema = z.object({
  error: z.object({ zh: z.string(), en: z.string() }),
  issues: z.array(z.unknown()).optional(),
  requestId: z.string(),
});

/** Generated from the same zod schemas that validate the requests. */
export function openApiDocument() {
  const idParameter = {
    name: "id",
    in: "path",
    required: true,
    schema: { type: "string", pattern: "^[a-z]{2}-[a-z]+-\\d{4}$" },
    example: "hn-tic-2020",
  };
  const errors = {
    "400": { description: "Malformed input (zod issues)", content: json(errorSchema) },
    "404": { description: "Unknown policy id", content: json(errorSchema) },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Kechuang open policy API",
      version: "1.0.0",
      description: "State-less eligibility checks and obligation schedules for the registered policies.",
    },
    paths: {
      "/api/v1/policies": {
        get: {
          summary: "List the registered policies",
          responses: { "200": { description: "Policies", content: json(z.array(policySummarySchema)) } },
        },
      },
      "/api/v1/policies/{id}/check": {
        post: {
          summary: "Check a prospective center's or zone's facts against a policy",
          parameters: [idParameter],
          requestBody: { required: true, content: json(checkBodySchema, "input") },
          responses: {
            "200": { description: "Rule results", content: json(checkResponseSchema) },
            ...errors,
          },
        },
      },
      "/api/v1/policies/{id}/schedule": {
        post: {
          summary: "Annual reports and evaluations due after approval",
          parameters: [idParameter],
          requestBody: { required: true, content: json(scheduleInputSchema, "input") },
          responses: {
            "200": { description: "Obligations", content: json(z.array(obligationSchema)) },
            ...errors,
          },
        },
      },
    },
  };
}
