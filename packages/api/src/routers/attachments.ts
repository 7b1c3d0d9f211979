import { createHash } from "node:crypto";
import { appendAudit, recordAudit, schema } from "@kechuang/db";
import { uuidSchema } from "@kechuang/domain";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
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
export const uploadAttachmentInputSchema = z.object({
  applicationId: uuidSchema,
  fileName: z.string().min(1).max(255),
  contentBase64: z.base64().max(BASE64_MAX),
});
export const attachmentIdInputSchema = z.object({ attachmentId: uuidSchema });

const EDITABLE_STAGES = new Set(["draft", "returned"]);

export const attachmentsRouter = router({
  upload: roleProcedure("applicant")
    .input(uploadAttachmentInputSchema)
    .mutation(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const now = ctx.now();
      const app = await loadScoped(db, ctx.user, input.applicationId);
      if (!EDITABLE_STAGES.has(app.stage)) throw appError("PRECONDITION_FAILED", workflowMessages.notDraft);
      const bytes = Buffer.from(input.contentBase64, "base64");
      const detected = detectAttachmentType(bytes);
      if (!detected.ok) {
        const displayName = sanitizeDisplayName(input.fileName);
        await recordAudit(db, {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          action: "attachment.upload",
          objectType: "application",
          objectId: app.id,
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
        const [row] = await tx
          .insert(schema.attachments)
          .values({
            applicationId: app.id,
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
            objectType: "application",
            objectId: app.id,
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

  list: authedProcedure.input(z.object({ applicationId: uuidSchema })).query(async ({ ctx, input }) => {
    const app = await loadScoped(ctx.database.db, ctx.user, input.applicationId);
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
      .where(eq(a.applicationId, app.id))
      .orderBy(asc(a.uploadedAt));
    return rows.map((row) => ({ ...row, displayName: storedAttachmentName(row) }));
  }),

  /**
   * Only those who may see the application may download; anyone else learns nothing (NOT_FOUND). Every
   * answer is audited. The HTTP route GET /api/v1/attachments/:id/download (apps/server) calls this same
   * procedure through createCaller and sends the bytes as a file.
   */
  download: authedProcedure.input(attachmentIdInputSchema).query(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const audit = (result: "ok" | "denied", applicationId: string | null, detail: Record<string, unknown>) =>
      recordAudit(db, {
        actorId: ctx.user.id,
        actorRole: ctx.user.role,
        action: "attachment.download",
        objectType: "attachment",
        objectId: input.attachmentId,
        result,
        sourceIp: ctx.ip,
        detail: { requestId: ctx.requestId, applicationId, ...detail },
      });
    const [row] = await db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.id, input.attachmentId));
    if (!row) {
      await audit("denied", null, { reason: "not-found" });
      throw appError("NOT_FOUND", workflowMessages.attachmentNotFound);
    }
    try {
      await loadScoped(db, ctx.user, row.applicationId);
    } catch {
      await audit("denied", row.applicationId, { reason: "out-of-scope" });
      throw appError("NOT_FOUND", workflowMessages.attachmentNotFound);
    }
    await audit("ok", row.applicationId, { size: row.size, sha256: row.sha256 });
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
