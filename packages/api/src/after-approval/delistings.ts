import { appendAudit, type Executor, schema } from "@kechuang/db";
import type { SessionUser } from "@kechuang/domain";
import { and, asc, desc, eq } from "drizzle-orm";
import { appError } from "../errors";
import { idempotent } from "../workflow/idempotency";
import { chinaToday } from "../workflow/records";
import { evaluationMessages as m } from "./evaluation-messages";
import type { AuthedContext } from "./evaluations";
import { recordPlatformEvent } from "./events";
import {
  delistingGroundsOf,
  delistingRuleIdOf,
  FAILED_AFTER_RECTIFICATION_GROUND,
  REVOCATION_GRADE_GROUND,
} from "./grounds";
import { platformCalendar } from "./obligations";
import { citationOf, notifyPlatform } from "./platform-notify";
import { loadPlatformScoped, type PlatformRow, platformModule } from "./scope";

/**
 * Delisting and revocation (摘牌撤销): nm-tic.delisting "经审定情况属实的予以摘牌并撤销" — the authority
 * records the ground(s) from the module's list, how it verified them and its decision. The platform stays in
 * the register with status "delisted" and the day of the decision; nothing is deleted.
 */

/** Whether the stored evaluations establish a ground the system can check (the others are the authority's). */
async function groundEstablished(db: Executor, platform: PlatformRow, groundId: string): Promise<boolean> {
  if (groundId === FAILED_AFTER_RECTIFICATION_GROUND) {
    const r = schema.rectifications;
    const failed = await db
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.platformId, platform.id), eq(r.status, "failed")))
      .limit(1);
    return failed.length > 0;
  }
  if (groundId === REVOCATION_GRADE_GROUND) {
    const module = platformModule(platform);
    const revoking = new Set(
      (module.evaluation?.grades ?? []).filter((g) => g.consequence === "revocation").map((g) => g.id),
    );
    const e = schema.evaluations;
    const graded = await db
      .select({ gradeId: e.gradeId })
      .from(e)
      .where(and(eq(e.platformId, platform.id), eq(e.status, "graded")));
    return graded.some((g) => g.gradeId !== null && revoking.has(g.gradeId));
  }
  return true;
}

/**
 * Grounds the stored record already supports, offered first in the delisting form: a failed rectification
 * or a revocation grade, and a late annual report (nm-tic 三(六)3 "到期不提交年度报告", the module's
 * `annualReport.lateGroundId`, as the obligations calendar finds it).
 */
export async function proposedGroundIds(
  db: Executor,
  user: SessionUser,
  platform: PlatformRow,
  today: string,
): Promise<string[]> {
  const proposed: string[] = [];
  for (const g of delistingGroundsOf(platformModule(platform))) {
    if (g.evidence === "evaluation" && (await groundEstablished(db, platform, g.id))) proposed.push(g.id);
  }
  const late = (await platformCalendar(db, user, platform.id, today)).lateGround;
  if (late && !proposed.includes(late.id)) proposed.push(late.id);
  return proposed;
}

export async function recordDelisting(
  ctx: AuthedContext,
  input: {
    platformId: string;
    groundIds: string[];
    verification: string;
    decidedOn: string;
    documentNumber?: string;
    idempotencyKey?: string;
  },
) {
  const now = ctx.now();
  const today = chinaToday(now);
  const claim = { userId: ctx.user.id, scope: "delistings.record", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const platform = await loadPlatformScoped(tx, ctx.user, input.platformId, { forUpdate: true });
      const module = platformModule(platform);
      if (platform.status === "delisted") throw appError("CONFLICT", m.alreadyDelisted);
      const offered = delistingGroundsOf(module);
      const groundIds = [...new Set(input.groundIds)];
      for (const id of groundIds) {
        const ground = offered.find((g) => g.id === id);
        if (!ground) throw appError("BAD_REQUEST", m.unknownGround(id));
        // "经审定情况属实": a ground the record can prove must be on record.
        if (!(await groundEstablished(tx, platform, id))) {
          throw appError("PRECONDITION_FAILED", m.groundNotEstablished(ground.text));
        }
      }
      if (input.decidedOn > today) throw appError("BAD_REQUEST", m.futureDate);
      const ruleId = delistingRuleIdOf(module) ?? "common.delisting";
      const reason = groundIds.map((id) => offered.find((g) => g.id === id)!.text.zh).join("；");
      const [row] = await tx
        .insert(schema.delistings)
        .values({
          platformId: platform.id,
          groundIds,
          reason,
          verification: input.verification,
          decidedOn: input.decidedOn,
          decidedBy: ctx.user.id,
          documentNumber: input.documentNumber ?? null,
          ruleId,
          recordedAt: now,
        })
        .returning({ id: schema.delistings.id });
      await tx
        .update(schema.platforms)
        .set({ status: "delisted", revokedOn: input.decidedOn })
        .where(eq(schema.platforms.id, platform.id));
      await recordPlatformEvent(tx, {
        platformId: platform.id,
        kind: "revoked",
        occurredOn: input.decidedOn,
        detail: { groundIds },
        ruleId,
      });
      await notifyPlatform(tx, platform, "platform", "revoked", now, {
        decidedOn: input.decidedOn,
        groundIds,
      });
      await appendAudit(
        tx,
        {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          sourceIp: ctx.ip,
          action: "delisting.record",
          objectType: "platform",
          objectId: platform.id,
          result: "ok",
          ruleId,
          detail: {
            delistingId: row!.id,
            groundIds,
            decidedOn: input.decidedOn,
            documentNumber: input.documentNumber ?? null,
          },
        },
        now,
      );
      return { delistingId: row!.id, platformId: platform.id, revokedOn: input.decidedOn, ruleId };
    }),
  );
}

/**
 * One platform's oversight card: its evaluations, rectifications and delisting, and for the authority the
 * grounds it may record (the ones the record supports first). The platform's own organization sees its
 * grades, findings and rectification; only the authority gets the delisting action.
 */
export async function platformOversight(ctx: AuthedContext, platformId: string) {
  const db = ctx.database.db;
  const platform = await loadPlatformScoped(db, ctx.user, platformId);
  const module = platformModule(platform);
  const policy = module.evaluation;
  const e = schema.evaluations;
  const evaluations = await db
    .select({
      id: e.id,
      kind: e.kind,
      status: e.status,
      gradeId: e.gradeId,
      findings: e.findings,
      conductedOn: e.conductedOn,
      evaluator: e.evaluator,
      evaluatorName: e.evaluatorName,
      createdAt: e.createdAt,
    })
    .from(e)
    .where(eq(e.platformId, platform.id))
    .orderBy(desc(e.createdAt));
  const r = schema.rectifications;
  const rectifications = await db
    .select({
      id: r.id,
      evaluationId: r.evaluationId,
      startsOn: r.startsOn,
      dueOn: r.dueOn,
      status: r.status,
      response: r.response,
      respondedAt: r.respondedAt,
      reEvaluationId: r.reEvaluationId,
      ruleId: r.ruleId,
    })
    .from(r)
    .where(eq(r.platformId, platform.id))
    .orderBy(asc(r.startsOn));
  const [delisting] = await db
    .select()
    .from(schema.delistings)
    .where(eq(schema.delistings.platformId, platform.id));
  const isAuthority = ctx.user.role === "authority";
  const grades = policy?.grades ?? [];
  return {
    platform: {
      id: platform.id,
      name: platform.name,
      policyId: platform.policyId,
      status: platform.status,
      approvedOn: platform.approvedOn,
      revokedOn: platform.revokedOn,
    },
    grades: grades.map((g) => ({ ...g })),
    evaluations: evaluations.map((x) => ({
      ...x,
      createdAt: x.createdAt.toISOString(),
      postSubsidy: grades.find((g) => g.id === x.gradeId)?.consequence === "post-subsidy",
      // The findings are the platform's and the authority's, never a recommender's.
      findings: isAuthority || ctx.user.role === "applicant" ? x.findings : null,
    })),
    rectifications: rectifications.map((x) => ({
      ...x,
      respondedAt: x.respondedAt?.toISOString() ?? null,
      citation: citationOf(module, x.ruleId),
    })),
    delisting: delisting
      ? {
          groundIds: delisting.groundIds,
          decidedOn: delisting.decidedOn,
          documentNumber: delisting.documentNumber,
          verification: isAuthority ? delisting.verification : null,
          ruleId: delisting.ruleId,
          citation: citationOf(module, delisting.ruleId),
        }
      : null,
    delistingAction: isAuthority
      ? {
          grounds: delistingGroundsOf(module),
          proposedGroundIds: await proposedGroundIds(db, ctx.user, platform, chinaToday(ctx.now())),
          ruleId: delistingRuleIdOf(module),
          citation: citationOf(module, delistingRuleIdOf(module)),
        }
      : null,
  };
}
