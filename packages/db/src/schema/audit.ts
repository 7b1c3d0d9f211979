import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained trail (等保 2.0 安全审计). A trigger (migration 0001) refuses UPDATE and
 * DELETE; `hash = HMAC-SHA-256(audit key, prev_hash + canonical row)`, under a key kept outside the
 * database (db/secrets.ts), lets `verifyAuditChain` find tampering even by a superuser who recomputes the chain.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id"),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    result: text("result", { enum: ["ok", "denied", "failed"] }).notNull(),
    sourceIp: text("source_ip"),
    /** The clause or rule that allowed (or refused) the action. */
    ruleId: text("rule_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_object_idx").on(t.objectType, t.objectId),
  ],
);
