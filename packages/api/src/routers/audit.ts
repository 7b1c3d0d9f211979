import { type AuditChainReport, recordAudit, verifyAuditChain } from "@kechuang/db";
import { z } from "zod";
import { auditEntryOf } from "../admin/audit-entry";
import { type AuditRow, listAudit } from "../admin/store";
import { roleProcedure, router } from "../trpc";

export const auditListInputSchema = z
  .object({
    /** Keyset paging: rows older than this id (the previous page's `nextBeforeId`). */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    actorId: z.uuid().optional(),
    actionPrefix: z.string().min(1).max(100).optional(),
    result: z.enum(["ok", "denied", "failed"]).optional(),
    objectType: z.string().min(1).max(64).optional(),
    objectId: z.string().min(1).max(256).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .default({ limit: 50 });

const auditAdmin = roleProcedure("audit-admin");

/**
 * The audit trail is read by the audit administrator only (三员分立), and reading it is itself audited.
 * There is no procedure that changes or deletes a row; the database refuses it too (migration 0001).
 */
export const auditRouter = router({
  list: auditAdmin
    .input(auditListInputSchema)
    .query(async ({ ctx, input }): Promise<{ rows: AuditRow[]; nextBeforeId: number | null }> => {
      const rows = await listAudit(ctx.database.db, {
        ...input,
        from: input.from ? new Date(input.from) : undefined,
        to: input.to ? new Date(input.to) : undefined,
      });
      await recordAudit(
        ctx.database.db,
        auditEntryOf(ctx, "audit.read", { type: "audit_log", id: null }, "ok", {
          filter: input,
          rows: rows.length,
        }),
      );
      const last = rows.at(-1);
      return { rows, nextBeforeId: rows.length === input.limit && last ? last.id : null };
    }),

  /** Walks the hash chain; an altered or deleted row shows as `ok: false` with the row id. */
  verify: auditAdmin.query(async ({ ctx }): Promise<AuditChainReport> => {
    const report = await verifyAuditChain(ctx.database.db);
    await recordAudit(
      ctx.database.db,
      auditEntryOf(ctx, "audit.verify", { type: "audit_log", id: null }, report.ok ? "ok" : "failed", {
        report,
      }),
    );
    return report;
  }),
});
