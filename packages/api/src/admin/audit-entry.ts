import type { AuditEntry, AuditResult } from "@kechuang/db";
import type { Context } from "../trpc";

/** An audit row for an action by the signed-in caller, with the request's correlation id. */
export function auditEntryOf(
  ctx: Pick<Context, "user" | "ip" | "requestId">,
  action: string,
  object: { type: string; id: string | null },
  result: AuditResult,
  detail: Record<string, unknown> = {},
): AuditEntry {
  return {
    actorId: ctx.user?.id ?? null,
    actorRole: ctx.user?.role ?? "anonymous",
    action,
    objectType: object.type,
    objectId: object.id,
    result,
    sourceIp: ctx.ip,
    detail: { requestId: ctx.requestId, ...detail },
  };
}
