import { createHash } from "node:crypto";
import { appendAudit, type Executor, recordAudit, schema } from "@kechuang/db";
import { type SessionUser, uuidSchema } from "@kechuang/domain";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { loadReportForAttachments } from "../after-approval/annual-reports";
import {
  attachmentFileName,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
  sanitizeDisplayName,
  storedAttachmentName,
} from "../attachments/sniff";
import { appError } from "../errors";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { workflowMessages } from "../workflow/messages";
import { loadScoped } from "../workflow/records";

/**
 * Attachments travel as base64 inside tRPC: the upload then passes the same session, permission matrix,
 * CSRF (JSON only) and audit as every other change, with no second upload path to secure. The cost is
 * ~33% more bytes on the wire, acceptable at a 10 MiB cap.
 */
const BASE64_MAX = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
/** What an attachment belongs to: an application or a platform's annual report (issue 10), never both. */
const applicationTarget = z.strictObject({ applicationId: uuidSchema });
const reportTarget = z.strictObject({ annualReportId: uuidSchema });
export const attachmentTargetSchema = z.union([applicationTarget, reportTarget]);
type Target = z.infer<typeof attachmentTargetSchema>;
const file = { fileName: z.string().min(1).max(255), contentBase64: z.base64().max(BASE64_MAX) };
export const uploadAttachmentInputSchema = z.union([
  applicationTarget.extend(file),
  reportTarget.extend(file),
]);
export const attachmentIdInputSchema = z.object({ attachmentId: uuidSchema });

const EDITABLE_STAGES = new Set(["draft", "returned"]);

interface Owner {
  objectType: "application" | "annual-report";
  objectId: string;
  column: { applicationId: string } | { annualReportId: string };
}

/**
 * Scope first (NOT_FOUND for what the caller may not see), then, for an upload, that the holder is still
 * editable: an application by its stage, an annual report by the rule of annualReports.get/saveDraft.
 */
async function loadOwner(db: Executor, user: SessionUser, target: Target, forEdit: boolean): Promise<Owner> {
  if ("annualReportId" in target) {
    const report = await loadReportForAttachments(db, user, target.annualReportId, forEdit);
    return { objectType: "annual-report", objectId: report.id, column: { annualReportId: report.id } };
  }
  const app = await loadScoped(db, user, target.applicationId, { forUpdate: forEdit });
  if (forEdit && !EDITABLE_STAGES.has(app.stage))
    throw appError("PRECONDITION_FAILED", workflowMessages.notDraft);
  return { objectType: "application", objectId: app.id, column: { applicationId: app.id } };
}

const targetOf = (input: z.infer<typeof uploadAttachmentInputSchema>): Target =>
  "annualReportId" in input
    ? { annualReportId: input.annualReportId }
    : { applicationId: input.applicationId };

export const attachmentsRouter = router({
  upload: roleProcedure("applicant")
    .input(uploadAttachmentInputSchema)
    .mutation(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const now = ctx.now();
      const owner = await loadOwner(db, ctx.user, targetOf(input), true);
      const bytes = Buffer.from(input.contentBase64, "base64");
      const detected = detectAttachmentType(bytes);
      if (!detected.ok) {
        const displayName = sanitizeDisplayName(input.fileName);
        await recordAudit(db, {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          action: "attachment.upload",
          objectType: owner.objectType,
          objectId: owner.objectId,
          result: "denied",
          sourceIp: ctx.ip,
          detail: { displayName, size: bytes.length, reason: detected.error.en },
        });
        throw appError("BAD_REQUEST", workflowMessages.attachmentRefused(detected.error));
      }
      // The name carries the detected type's extension: a PDF called "x.html" is stored as "x.pdf".
      const displayName = attachmentFileName(input.fileName, detected.value);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      return db.transaction(async (tx) => {
        // Again under a row lock: the holder may have been submitted while the bytes were being checked.
        await loadOwner(tx, ctx.user, targetOf(input), true);
        const [row] = await tx
          .insert(schema.attachments)
          .values({
            ...owner.column,
            storedName: "pending",
            displayName,
            mime: detected.value.mime,
            size: bytes.length,
            sha256,
            content: bytes,
            uploadedBy: ctx.user.id,
            uploadedAt: now,
          })
          .returning({ id: schema.attachments.id });
        const storedName = `${row!.id}.${detected.value.extension}`;
        await tx.update(schema.attachments).set({ storedName }).where(eq(schema.attachments.id, row!.id));
        await appendAudit(
          tx,
          {
            actorId: ctx.user.id,
            actorRole: ctx.user.role,
            action: "attachment.upload",
            objectType: owner.objectType,
            objectId: owner.objectId,
            result: "ok",
            sourceIp: ctx.ip,
            detail: { attachmentId: row!.id, mime: detected.value.mime, size: bytes.length, sha256 },
          },
          now,
        );
        return {
          id: row!.id,
          storedName,
          displayName,
          mime: detected.value.mime,
          size: bytes.length,
          sha256,
        };
      });
    }),

  list: authedProcedure.input(attachmentTargetSchema).query(async ({ ctx, input }) => {
    const owner = await loadOwner(ctx.database.db, ctx.user, input, false);
    const a = schema.attachments;
    const rows = await ctx.database.db
      .select({
        id: a.id,
        storedName: a.storedName,
        displayName: a.displayName,
        mime: a.mime,
        size: a.size,
        sha256: a.sha256,
        uploadedAt: a.uploadedAt,
      })
      .from(a)
      .where(
        "annualReportId" in owner.column
          ? eq(a.annualReportId, owner.column.annualReportId)
          : eq(a.applicationId, owner.column.applicationId),
      )
      .orderBy(asc(a.uploadedAt));
    return rows.map((row) => ({ ...row, displayName: storedAttachmentName(row) }));
  }),

  /**
   * Only those who may see the application or annual report may download; anyone else learns nothing
   * (NOT_FOUND). Every answer is audited. The HTTP route GET /api/v1/attachments/:id/download (apps/server) calls this same
   * procedure through createCaller and sends the bytes as a file.
   */
  download: authedProcedure.input(attachmentIdInputSchema).query(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const audit = (
      result: "ok" | "denied",
      owner: Record<string, string | null>,
      detail: Record<string, unknown>,
    ) =>
      recordAudit(db, {
        actorId: ctx.user.id,
        actorRole: ctx.user.role,
        action: "attachment.download",
        objectType: "attachment",
        objectId: input.attachmentId,
        result,
        sourceIp: ctx.ip,
        detail: { requestId: ctx.requestId, ...owner, ...detail },
      });
    const [row] = await db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.id, input.attachmentId));
    if (!row) {
      await audit("denied", { applicationId: null }, { reason: "not-found" });
      throw appError("NOT_FOUND", workflowMessages.attachmentNotFound);
    }
    const held: Target = row.annualReportId
      ? { annualReportId: row.annualReportId }
      : { applicationId: row.applicationId ?? "" };
    try {
      await loadOwner(db, ctx.user, held, false);
    } catch {
      await audit("denied", held, { reason: "out-of-scope" });
      throw appError("NOT_FOUND", workflowMessages.attachmentNotFound);
    }
    await audit("ok", held, { size: row.size, sha256: row.sha256 });
    return {
      id: row.id,
      fileName: row.storedName,
      displayName: storedAttachmentName(row),
      mime: row.mime,
      size: row.size,
      sha256: row.sha256,
      contentBase64: row.content.toString("base64"),
    };
  }),
});
