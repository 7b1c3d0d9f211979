import { messages } from "@kechuang/api";
import { policyIdSchema } from "@kechuang/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";
import { callerFor, sendError } from "./caller";

/** Ids that cannot be policy ids are simply unknown: 404, the same as a well-formed unknown id. */
function knownShape(id: string, reply: FastifyReply, request: FastifyRequest): boolean {
  if (policyIdSchema.safeParse(id).success) return true;
  reply.code(404).send({ error: messages.unknownPolicy(id), requestId: request.id });
  return false;
}

export function registerPolicyRoutes(app: FastifyInstance, cache: { onSend: onSendHookHandler }): void {
  const database = app.database;
  app.get("/api/v1/policies", { onSend: cache.onSend }, async (request, reply) => {
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
}
