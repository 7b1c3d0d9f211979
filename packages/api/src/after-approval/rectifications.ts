import { appendAudit, type Executor, schema } from "@kechuang/db";
import type { SessionUser } from "@kechuang/domain";
import { eq } from "drizzle-orm";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import { idempotent } from "../workflow/idempotency";
import { chinaToday } from "../workflow/records";
import { evaluationMessages as m } from "./evaluation-messages";
import type { AuthedContext } from "./evaluations";
import { citationOf, notifyPlatform } from "./platform-notify";
import { loadPlatformScoped, type PlatformRow, platformModule } from "./scope";

/**
 * Rectification (整改): ordered by a failing grade (evaluations.ts), answered by the platform's own
 * organization with its rectification report, closed by a re-evaluation once the period has run —
 * nm-tic.rectification "对于评价结果不合格的给予一年整改期,到期后重新进行评估评价".
 */

export type RectificationRow = typeof schema.rectifications.$inferSelect;

/** A rectification whose platform the user may see (the platform's scope), else NOT_FOUND. */
export async function loadRectificationScoped(
  db: Executor,
  user: SessionUser,
  rectificationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ rectification: RectificationRow; platform: PlatformRow }> {
  const r = schema.rectifications;
  const query = db.select().from(r).where(eq(r.id, rectificationId));
  const [rectification] = options.forUpdate ? await query.for("update") : await query;
  const missing = () =>
    markOutOfScope(appError("NOT_FOUND", m.rectificationNotFound), "rectification", rectificationId);
  if (!rectification) throw missing();
  try {
    const platform = await loadPlatformScoped(db, user, rectification.platformId, options);
    return { rectification, platform };
  } catch {
    throw missing();
  }
}

/** The platform's rectification report; the authority is told it is in. */
export async function respondToRectification(
  ctx: AuthedContext,
  input: { rectificationId: string; response: string; idempotencyKey?: string },
) {
  const now = ctx.now();
  const claim = { userId: ctx.user.id, scope: "rectifications.respond", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const { rectification, platform } = await loadRectificationScoped(tx, ctx.user, input.rectificationId, {
        forUpdate: true,
      });
      if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.delisted);
      if (rectification.status !== "open") throw appError("CONFLICT", m.rectificationClosed);
      await tx
        .update(schema.rectifications)
        .set({ status: "response-submitted", response: input.response, respondedAt: now })
        .where(eq(schema.rectifications.id, rectification.id));
      await notifyPlatform(tx, platform, "authority", "rectification-responded", now, {
        dueOn: rectification.dueOn,
      });
      await appendAudit(
        tx,
        {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          sourceIp: ctx.ip,
          action: "rectification.respond",
          objectType: "rectification",
          objectId: rectification.id,
          result: "ok",
          ruleId: rectification.ruleId,
          detail: { platformId: platform.id, length: input.response.length },
        },
        now,
      );
      return { rectificationId: rectification.id, status: "response-submitted" as const };
    }),
  );
}

/**
 * The re-evaluation that closes a rectification, from the day the period ends ("到期后"); its grade decides:
 * a pass accepts the rectification (platform active again), a fail closes it failed and proposes delisting.
 */
export async function openReEvaluation(
  ctx: AuthedContext,
  input: { rectificationId: string; idempotencyKey?: string },
) {
  const now = ctx.now();
  const today = chinaToday(now);
  const claim = { userId: ctx.user.id, scope: "rectifications.openReEvaluation", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const { rectification, platform } = await loadRectificationScoped(tx, ctx.user, input.rectificationId, {
        forUpdate: true,
      });
      const module = platformModule(platform);
      if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.delisted);
      if (rectification.reEvaluationId) throw appError("CONFLICT", m.reEvaluationExists);
      if (rectification.status !== "open" && rectification.status !== "response-submitted") {
        throw appError("CONFLICT", m.rectificationClosed);
      }
      if (today < rectification.dueOn) {
        throw appError(
          "PRECONDITION_FAILED",
          m.reEvaluationTooEarly(rectification.dueOn, citationOf(module, rectification.ruleId)),
        );
      }
      const [evaluation] = await tx
        .insert(schema.evaluations)
        .values({
          platformId: platform.id,
          policyId: platform.policyId,
          kind: "re-evaluation",
          periodFrom: rectification.startsOn,
          periodTo: today,
          evaluator: module.evaluation?.thirdParty ? "third-party" : "experts",
          ruleId: rectification.ruleId,
          createdAt: now,
        })
        .returning({ id: schema.evaluations.id });
      await tx
        .update(schema.rectifications)
        .set({ reEvaluationId: evaluation!.id })
        .where(eq(schema.rectifications.id, rectification.id));
      await notifyPlatform(tx, platform, "platform", "re-evaluation-opened", now, {
        dueOn: rectification.dueOn,
      });
      await appendAudit(
        tx,
        {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          sourceIp: ctx.ip,
          action: "rectification.open-re-evaluation",
          objectType: "rectification",
          objectId: rectification.id,
          result: "ok",
          ruleId: rectification.ruleId,
          detail: { platformId: platform.id, evaluationId: evaluation!.id },
        },
        now,
      );
      return { evaluationId: evaluation!.id };
    }),
  );
}
