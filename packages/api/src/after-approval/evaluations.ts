import { appendAudit, type Executor, recordAudit, schema, type Tx } from "@kechuang/db";
import {
  addMonths,
  type EvaluationGrade,
  type EvaluationPolicy,
  type PolicyModule,
  type SessionUser,
} from "@kechuang/domain";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import type { Context } from "../trpc";
import { activeExperts, conflictOf } from "../workflow/conflicts";
import { idempotent } from "../workflow/idempotency";
import { chinaToday, moduleOf } from "../workflow/records";
import { evaluationMessages as m } from "./evaluation-messages";
import { recordPlatformEvent } from "./events";
import { delistingGroundsOf, FAILED_AFTER_RECTIFICATION_GROUND, REVOCATION_GRADE_GROUND } from "./grounds";
import { citationOf, notifyPlatform } from "./platform-notify";
import { loadPlatformScoped, type PlatformRow, platformModule, platformsInScope } from "./scope";

/**
 * Evaluations after approval (issue 10): the authority opens a round for the platforms that are due, seats
 * experts (conflict rules as at application time) or records the third party, enters data and material per
 * focus area, and grades with the module's grades. The grade's consequence follows the module:
 * nm-tic.post-subsidy "对于评价结果为优秀的技术创新中心给予一定的自治区财政资金后补助支持";
 * nm-tic.rectification "对于评价结果不合格的给予一年整改期,到期后重新进行评估评价";
 * sc-tic.outcomes / sc-zone.outcomes "根据评估结果决定整改、撤销或后续支持等重大事项";
 * hn-tic.evaluation "委托第三方机构开展中心运行绩效评估" (no grades: findings only).
 */

export type AuthedContext = Context & { user: SessionUser };
export type EvaluationRow = typeof schema.evaluations.$inferSelect;
type EvaluationKind = EvaluationRow["kind"];

function evaluationPolicyOf(module: PolicyModule): EvaluationPolicy {
  if (!module.evaluation) throw appError("PRECONDITION_FAILED", m.noEvaluationPolicy);
  return module.evaluation;
}

const auditOf = (ctx: AuthedContext) => ({
  actorId: ctx.user.id,
  actorRole: ctx.user.role,
  sourceIp: ctx.ip,
});

/* ---------- when an evaluation is due ---------- */

export interface EvaluationDue {
  /** The latest evaluation date reached (the module's earliest date), or null when none is reached yet. */
  dueOn: string | null;
  /** The next date ahead, when none is reached or the reached one is already done. */
  nextOn: string | null;
  ruleId: string | null;
  kind: Exclude<EvaluationKind, "re-evaluation">;
  /** Reached and not yet done (no graded evaluation since the date, none in progress). */
  due: boolean;
  openEvaluationId: string | null;
}

/**
 * The module's evaluation dates for a platform: the stored calendar (computed at approval, so a later module
 * version does not move them), else the module's schedule from the approval date (platforms loaded before
 * the calendar was stored).
 */
async function evaluationDates(
  db: Executor,
  platform: PlatformRow,
): Promise<{ on: string; ruleId: string; kind: EvaluationDue["kind"] }[]> {
  const o = schema.platformObligations;
  const stored = await db
    .select()
    .from(o)
    .where(and(eq(o.platformId, platform.id), eq(o.kind, "evaluation")))
    .orderBy(asc(o.dueOn));
  const asKind = (k: string | null | undefined): EvaluationDue["kind"] =>
    k === "annual-assessment" || k === "summary" ? k : "periodic";
  if (stored.some((s) => s.dueOn)) {
    return stored
      .filter((s) => s.dueOn)
      .map((s) => ({ on: s.dueOn!, ruleId: s.ruleId, kind: asKind(s.evaluationKind) }));
  }
  return platformModule(platform)
    .schedule({ approvedOn: platform.approvedOn, years: 20 })
    .flatMap((ob) =>
      ob.kind === "evaluation"
        ? [{ on: ob.earliestOn, ruleId: ob.ruleId, kind: asKind(ob.evaluationKind) }]
        : [],
    )
    .sort((a, b) => a.on.localeCompare(b.on));
}

/**
 * nm-tic.evaluation-timing "一般为认定运行满三年后开展": a platform is due from its earliest date on (the day
 * itself included) until an evaluation graded on or after that date exists.
 */
export async function evaluationDue(
  db: Executor,
  platform: PlatformRow,
  today: string,
): Promise<EvaluationDue> {
  const dates = await evaluationDates(db, platform);
  const reached = dates.filter((d) => d.on <= today);
  const current = reached.at(-1) ?? null;
  const ahead = dates.find((d) => d.on > today) ?? null;
  const e = schema.evaluations;
  const mine = await db
    .select({ id: e.id, status: e.status, conductedOn: e.conductedOn, kind: e.kind })
    .from(e)
    .where(and(eq(e.platformId, platform.id), ne(e.kind, "re-evaluation")));
  const open = mine.find((x) => x.status === "open") ?? null;
  const done = current
    ? mine.some((x) => x.status === "graded" && x.conductedOn !== null && x.conductedOn >= current.on)
    : false;
  return {
    dueOn: current?.on ?? null,
    nextOn: current && !done ? null : (ahead?.on ?? null),
    ruleId: (current ?? ahead)?.ruleId ?? null,
    kind: (current ?? ahead)?.kind ?? "periodic",
    due: current !== null && !done && open === null && platform.status !== "delisted",
    openEvaluationId: open?.id ?? null,
  };
}

/** The authority's overview: every platform in scope with where its evaluation stands. */
export async function listEvaluationCalendar(ctx: AuthedContext) {
  const db = ctx.database.db;
  const today = chinaToday(ctx.now());
  const p = schema.platforms;
  const rows = await db
    .select()
    .from(p)
    .where(platformsInScope(ctx.user))
    .orderBy(asc(p.policyId), asc(p.approvedOn), asc(p.name));
  return Promise.all(
    rows.map(async (platform) => {
      const due = await evaluationDue(db, platform, today);
      const module = platformModule(platform);
      return {
        platformId: platform.id,
        name: platform.name,
        policyId: platform.policyId,
        platformKind: platform.kind,
        approvedOn: platform.approvedOn,
        status: platform.status,
        ...due,
        citation: citationOf(module, due.ruleId),
        /** The source's contradictions the due date depends on (sc-zone: before or after the period). */
        sourceConflicts: (module.sourceConflicts ?? []).map((c) => ({
          ...c,
          readings: c.readings.map((r) => ({ ...r })),
        })),
      };
    }),
  );
}

/* ---------- opening ---------- */

const defaultEvaluator = (policy: EvaluationPolicy) => (policy.thirdParty ? "third-party" : "experts");

/** Since the last graded evaluation (or the approval), up to today. */
async function periodFromOf(tx: Tx, platform: PlatformRow): Promise<string> {
  const e = schema.evaluations;
  const [last] = await tx
    .select({ conductedOn: e.conductedOn })
    .from(e)
    .where(and(eq(e.platformId, platform.id), eq(e.status, "graded")))
    .orderBy(desc(e.conductedOn))
    .limit(1);
  return last?.conductedOn ?? platform.approvedOn;
}

export async function openRound(
  ctx: AuthedContext,
  input: { platformIds: string[]; title: string; idempotencyKey?: string },
) {
  const now = ctx.now();
  const today = chinaToday(now);
  const claim = { userId: ctx.user.id, scope: "evaluations.openRound", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const ids = [...new Set(input.platformIds)];
      // Scope first, for every platform: a foreign id is NOT_FOUND whatever else is wrong.
      const platforms: PlatformRow[] = [];
      for (const id of ids) platforms.push(await loadPlatformScoped(tx, ctx.user, id, { forUpdate: true }));
      const policyId = platforms[0]!.policyId;
      if (platforms.some((p) => p.policyId !== policyId)) throw appError("BAD_REQUEST", m.mixedPolicies);
      const module = platformModule(platforms[0]!);
      const policy = evaluationPolicyOf(module);
      const plans: { platform: PlatformRow; due: EvaluationDue }[] = [];
      for (const platform of platforms) {
        if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.delisted);
        const due = await evaluationDue(tx, platform, today);
        if (due.openEvaluationId) throw appError("CONFLICT", m.alreadyOpen);
        if (!due.due) {
          throw appError("PRECONDITION_FAILED", m.notYetDue(due.nextOn, citationOf(module, due.ruleId)));
        }
        plans.push({ platform, due });
      }
      const [round] = await tx
        .insert(schema.evaluationRounds)
        .values({ policyId, title: input.title, openedOn: today, openedBy: ctx.user.id, createdAt: now })
        .returning({ id: schema.evaluationRounds.id });
      const evaluationIds: string[] = [];
      for (const { platform, due } of plans) {
        const [row] = await tx
          .insert(schema.evaluations)
          .values({
            platformId: platform.id,
            roundId: round!.id,
            policyId,
            kind: due.kind,
            periodFrom: await periodFromOf(tx, platform),
            periodTo: today,
            evaluator: defaultEvaluator(policy),
            ruleId: due.ruleId ?? policy.ruleId,
            createdAt: now,
          })
          .returning({ id: schema.evaluations.id });
        evaluationIds.push(row!.id);
        await notifyPlatform(tx, platform, "platform", "evaluation-opened", now, { dueOn: due.dueOn });
      }
      await appendAudit(
        tx,
        {
          ...auditOf(ctx),
          action: "evaluation.open-round",
          objectType: "evaluation-round",
          objectId: round!.id,
          result: "ok",
          ruleId: plans[0]!.due.ruleId,
          detail: { platformIds: ids, evaluationIds, title: input.title },
        },
        now,
      );
      return { roundId: round!.id, evaluationIds };
    }),
  );
}

/* ---------- loading with scope ---------- */

/**
 * An evaluation the user may see, else NOT_FOUND: the authority of the platform's jurisdiction, or an expert
 * seated on this very evaluation (not merely on another evaluation of the same platform).
 */
export async function loadEvaluationScoped(
  db: Executor,
  user: SessionUser,
  evaluationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ evaluation: EvaluationRow; platform: PlatformRow }> {
  const e = schema.evaluations;
  const query = db.select().from(e).where(eq(e.id, evaluationId));
  const [evaluation] = options.forUpdate ? await query.for("update") : await query;
  const missing = () =>
    markOutOfScope(appError("NOT_FOUND", m.evaluationNotFound), "evaluation", evaluationId);
  if (!evaluation) throw missing();
  if (user.role === "expert") {
    const seat = await db
      .select({ id: schema.evaluationExperts.id })
      .from(schema.evaluationExperts)
      .where(
        and(
          eq(schema.evaluationExperts.evaluationId, evaluation.id),
          eq(schema.evaluationExperts.expertId, user.id),
        ),
      );
    if (seat.length === 0) throw missing();
  } else if (user.role !== "authority") {
    throw missing();
  }
  try {
    const platform = await loadPlatformScoped(db, user, evaluation.platformId, options);
    return { evaluation, platform };
  } catch {
    throw missing();
  }
}

/* ---------- evaluators ---------- */

/**
 * common.conflict-of-interest, as at application time: the platform's application (lead unit, co-build
 * units, recommender), else its lead organization.
 */
async function platformConflict(db: Executor, platform: PlatformRow, organizationId: string | null) {
  if (!organizationId) return null;
  if (platform.applicationId) {
    const [app] = await db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.id, platform.applicationId));
    if (app) {
      const viaApplication = await conflictOf(db, app, organizationId);
      if (viaApplication) return viaApplication;
    }
  }
  if (organizationId !== platform.leadOrgId) return null;
  const [org] = await db
    .select({ name: schema.organizations.name })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId));
  return { organization: org?.name ?? "", tie: { zh: "牵头单位", en: "lead unit" } };
}

/** Every enabled expert with any conflict with the evaluation's platform. */
export async function expertCandidates(ctx: AuthedContext, evaluationId: string) {
  const db = ctx.database.db;
  const { platform } = await loadEvaluationScoped(db, ctx.user, evaluationId);
  const experts = await activeExperts(db);
  return Promise.all(
    experts.map(async (e) => {
      const conflict = await platformConflict(db, platform, e.organizationId);
      return {
        expertId: e.expertId,
        name: e.name,
        organization: e.organization,
        expertise: e.expertise ?? [],
        conflict: conflict ? m.conflict(conflict.organization, conflict.tie) : null,
      };
    }),
  );
}

function assertOpen(evaluation: EvaluationRow, platform: PlatformRow) {
  if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.delisted);
  if (evaluation.status !== "open") throw appError("CONFLICT", m.notOpen);
}

export async function assignEvaluationExpert(
  ctx: AuthedContext,
  input: { evaluationId: string; expertId: string; idempotencyKey?: string },
) {
  const db = ctx.database.db;
  const now = ctx.now();
  const { evaluation, platform } = await loadEvaluationScoped(db, ctx.user, input.evaluationId);
  const policy = evaluationPolicyOf(platformModule(platform));
  if (policy.thirdParty) {
    throw appError(
      "PRECONDITION_FAILED",
      m.thirdPartyOnly(citationOf(platformModule(platform), policy.ruleId)),
    );
  }
  assertOpen(evaluation, platform);
  const [expert] = await db
    .select({ role: schema.users.role, organizationId: schema.users.organizationId })
    .from(schema.users)
    .where(eq(schema.users.id, input.expertId));
  if (expert?.role !== "expert") throw appError("BAD_REQUEST", m.notAnExpert);
  const conflict = await platformConflict(db, platform, expert.organizationId);
  if (conflict) {
    // The refusal is kept: who tried to seat whom, and why it was refused.
    await recordAudit(db, {
      ...auditOf(ctx),
      action: "evaluation.assign-expert",
      objectType: "evaluation",
      objectId: evaluation.id,
      result: "denied",
      ruleId: "common.conflict-of-interest",
      detail: { expertId: input.expertId, tie: conflict.tie.en },
    });
    throw appError("PRECONDITION_FAILED", m.conflict(conflict.organization, conflict.tie));
  }
  const claim = { userId: ctx.user.id, scope: "evaluations.assignExpert", key: input.idempotencyKey };
  return db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const [locked] = await tx
        .select({ status: schema.evaluations.status })
        .from(schema.evaluations)
        .where(eq(schema.evaluations.id, evaluation.id))
        .for("update");
      if (locked?.status !== "open") throw appError("CONFLICT", m.notOpen);
      const inserted = await tx
        .insert(schema.evaluationExperts)
        .values({ evaluationId: evaluation.id, expertId: input.expertId, assignedAt: now })
        .onConflictDoNothing()
        .returning({ id: schema.evaluationExperts.id });
      if (inserted.length === 0) throw appError("CONFLICT", m.alreadyAssigned);
      await tx
        .update(schema.evaluations)
        .set({ evaluator: "experts" })
        .where(eq(schema.evaluations.id, evaluation.id));
      await tx.insert(schema.notifications).values({
        userId: input.expertId,
        platformId: platform.id,
        kind: "evaluation-assigned",
        detail: { platformName: platform.name, evaluationId: evaluation.id },
        createdAt: now,
      });
      await appendAudit(
        tx,
        {
          ...auditOf(ctx),
          action: "evaluation.assign-expert",
          objectType: "evaluation",
          objectId: evaluation.id,
          result: "ok",
          ruleId: "common.conflict-of-interest",
          detail: { expertId: input.expertId, platformId: platform.id },
        },
        now,
      );
      return { seatId: inserted[0]!.id };
    }),
  );
}

/** hn-tic.evaluation "委托第三方机构开展中心运行绩效评估": the authority names the third party. */
export async function recordThirdParty(
  ctx: AuthedContext,
  input: { evaluationId: string; evaluatorName: string },
) {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const { evaluation, platform } = await loadEvaluationScoped(tx, ctx.user, input.evaluationId, {
      forUpdate: true,
    });
    const policy = evaluationPolicyOf(platformModule(platform));
    if (!policy.thirdParty) throw appError("PRECONDITION_FAILED", m.noThirdParty);
    assertOpen(evaluation, platform);
    await tx
      .update(schema.evaluations)
      .set({ evaluator: "third-party", evaluatorName: input.evaluatorName })
      .where(eq(schema.evaluations.id, evaluation.id));
    await appendAudit(
      tx,
      {
        ...auditOf(ctx),
        action: "evaluation.record-third-party",
        objectType: "evaluation",
        objectId: evaluation.id,
        result: "ok",
        ruleId: policy.ruleId,
        detail: { evaluatorName: input.evaluatorName },
      },
      now,
    );
    return { evaluationId: evaluation.id, evaluatorName: input.evaluatorName };
  });
}

export interface FocusAreaEntry {
  data: { indicator: string; value: number; unit?: string }[];
  material: string;
}

/**
 * nm-tic 三(六)2 "以创新能力、市场化创新服务能力为评价重点…数据定量评价和材料定性评价相结合": per focus
 * area, figures and qualitative material. Modules without focus areas take one "general" entry.
 */
export async function saveMaterial(
  ctx: AuthedContext,
  input: { evaluationId: string; material: Record<string, FocusAreaEntry> },
) {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const { evaluation, platform } = await loadEvaluationScoped(tx, ctx.user, input.evaluationId, {
      forUpdate: true,
    });
    const policy = evaluationPolicyOf(platformModule(platform));
    assertOpen(evaluation, platform);
    const allowed = new Set((policy.focusAreas ?? [{ id: "general" }]).map((f) => f.id));
    for (const id of Object.keys(input.material)) {
      if (!allowed.has(id)) throw appError("BAD_REQUEST", m.unknownFocusArea(id));
    }
    const material = { ...(evaluation.material as Record<string, unknown>), ...input.material };
    await tx.update(schema.evaluations).set({ material }).where(eq(schema.evaluations.id, evaluation.id));
    await appendAudit(
      tx,
      {
        ...auditOf(ctx),
        action: "evaluation.save-material",
        objectType: "evaluation",
        objectId: evaluation.id,
        result: "ok",
        ruleId: policy.ruleId,
        detail: { focusAreas: Object.keys(input.material) },
      },
      now,
    );
    return { evaluationId: evaluation.id, focusAreas: Object.keys(material) };
  });
}

/* ---------- grading and its consequence ---------- */

/** What a grade leads to under the module; shown before confirming and returned after. */
export interface GradeConsequence {
  consequence: EvaluationGrade["consequence"] | "findings-only";
  /** nm-tic.post-subsidy: eligible for the post-subsidy. */
  postSubsidy: boolean;
  rectification: { dueOn: string; ruleId: string; months: number | null } | null;
  /** A re-evaluation after rectification closes it. */
  closesRectification: "accepted" | "failed" | null;
  /** The delisting ground the authority is offered next (it still decides and records it). */
  proposedGroundId: string | null;
  ruleId: string;
}

/** After a failed re-evaluation the fact is "still failing after rectification"; else a revocation grade. */
function proposedGround(module: PolicyModule, afterRectification: boolean): string {
  const offered = new Set(delistingGroundsOf(module).map((g) => g.id));
  if (afterRectification && offered.has(FAILED_AFTER_RECTIFICATION_GROUND))
    return FAILED_AFTER_RECTIFICATION_GROUND;
  return REVOCATION_GRADE_GROUND;
}

const failing = (g: EvaluationGrade | null) =>
  g?.consequence === "rectification" || g?.consequence === "revocation";

export function consequenceOf(
  module: PolicyModule,
  evaluation: Pick<EvaluationRow, "kind">,
  gradeId: string | null,
  conductedOn: string,
  rectificationDueOn: string | undefined,
): GradeConsequence {
  const policy = evaluationPolicyOf(module);
  if (policy.grades.length === 0) {
    // hn-tic.evaluation: the source defines no grades; a grade given anyway is refused.
    if (gradeId !== null) throw appError("BAD_REQUEST", m.noGrades(citationOf(module, policy.ruleId)));
    return {
      consequence: "findings-only",
      postSubsidy: false,
      rectification: null,
      closesRectification: null,
      proposedGroundId: null,
      ruleId: policy.ruleId,
    };
  }
  const grade = policy.grades.find((g) => g.id === gradeId) ?? null;
  if (!grade) {
    const names = policy.grades.map((g) => g.name.zh).join("、");
    throw appError("BAD_REQUEST", m.gradeRequired(names, citationOf(module, policy.ruleId)));
  }
  const reEvaluation = evaluation.kind === "re-evaluation";
  const rectificationRuleId = policy.rectificationRuleId ?? policy.ruleId;
  let rectification: GradeConsequence["rectification"] = null;
  if (grade.consequence === "rectification" && !reEvaluation) {
    if (grade.rectificationMonths) {
      if (rectificationDueOn !== undefined) {
        throw appError(
          "BAD_REQUEST",
          m.rectificationDueFixed(grade.rectificationMonths, citationOf(module, rectificationRuleId)),
        );
      }
      rectification = {
        dueOn: addMonths(conductedOn, grade.rectificationMonths),
        ruleId: rectificationRuleId,
        months: grade.rectificationMonths,
      };
    } else {
      // sc-tic.outcomes names no period: the authority sets the due date (a local setting, not a clause).
      if (!rectificationDueOn || rectificationDueOn <= conductedOn) {
        throw appError("BAD_REQUEST", m.rectificationDueRequired);
      }
      rectification = { dueOn: rectificationDueOn, ruleId: rectificationRuleId, months: null };
    }
  }
  return {
    consequence: grade.consequence,
    postSubsidy: grade.consequence === "post-subsidy",
    rectification,
    closesRectification: reEvaluation ? (failing(grade) ? "failed" : "accepted") : null,
    proposedGroundId:
      grade.consequence === "revocation" || (reEvaluation && failing(grade))
        ? proposedGround(module, reEvaluation)
        : null,
    ruleId:
      grade.consequence === "post-subsidy"
        ? (policy.postSubsidyRuleId ?? policy.ruleId)
        : rectification
          ? rectification.ruleId
          : policy.ruleId,
  };
}

export async function gradeEvaluation(
  ctx: AuthedContext,
  input: {
    evaluationId: string;
    gradeId: string | null;
    findings: string;
    conductedOn: string;
    rectificationDueOn?: string;
    idempotencyKey?: string;
  },
) {
  const now = ctx.now();
  const today = chinaToday(now);
  const claim = { userId: ctx.user.id, scope: "evaluations.grade", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const { evaluation, platform } = await loadEvaluationScoped(tx, ctx.user, input.evaluationId, {
        forUpdate: true,
      });
      const module = platformModule(platform);
      const policy = evaluationPolicyOf(module);
      assertOpen(evaluation, platform);
      if (input.conductedOn > today) throw appError("BAD_REQUEST", m.futureDate);
      // Someone must have evaluated: the module's third party (Hunan) or seated experts.
      if (policy.thirdParty ? !evaluation.evaluatorName : !(await hasExperts(tx, evaluation.id))) {
        throw appError(
          "PRECONDITION_FAILED",
          policy.thirdParty ? m.thirdPartyOnly(citationOf(module, policy.ruleId)) : m.evaluatorMissing,
        );
      }
      const outcome = consequenceOf(
        module,
        evaluation,
        input.gradeId,
        input.conductedOn,
        input.rectificationDueOn,
      );
      await tx
        .update(schema.evaluations)
        .set({
          status: "graded",
          gradeId: input.gradeId,
          findings: input.findings,
          conductedOn: input.conductedOn,
          gradedAt: now,
          gradedBy: ctx.user.id,
        })
        .where(eq(schema.evaluations.id, evaluation.id));
      // Public fact: the grade only (never the findings); 优秀 carries its post-subsidy eligibility.
      await recordPlatformEvent(tx, {
        platformId: platform.id,
        kind: "graded",
        occurredOn: input.conductedOn,
        detail: {
          gradeId: input.gradeId,
          evaluationKind: evaluation.kind,
          ...(outcome.postSubsidy ? { postSubsidyEligible: true } : {}),
        },
        ruleId: outcome.postSubsidy ? outcome.ruleId : policy.ruleId,
      });
      let rectificationId: string | null = null;
      if (outcome.rectification) {
        const [row] = await tx
          .insert(schema.rectifications)
          .values({
            platformId: platform.id,
            evaluationId: evaluation.id,
            reason: input.findings,
            startsOn: input.conductedOn,
            dueOn: outcome.rectification.dueOn,
            ruleId: outcome.rectification.ruleId,
            createdAt: now,
          })
          .returning({ id: schema.rectifications.id });
        rectificationId = row!.id;
        await tx
          .update(schema.platforms)
          .set({ status: "rectifying" })
          .where(eq(schema.platforms.id, platform.id));
        await recordPlatformEvent(tx, {
          platformId: platform.id,
          kind: "rectification-ordered",
          occurredOn: input.conductedOn,
          detail: { dueOn: outcome.rectification.dueOn },
          ruleId: outcome.rectification.ruleId,
        });
      }
      if (outcome.closesRectification) {
        const r = schema.rectifications;
        const [closed] = await tx
          .update(r)
          .set({ status: outcome.closesRectification })
          .where(eq(r.reEvaluationId, evaluation.id))
          .returning({ id: r.id, ruleId: r.ruleId });
        rectificationId = closed?.id ?? null;
        if (closed) {
          // Accepted: back to active. Failed: stays rectifying until the authority decides on delisting.
          if (outcome.closesRectification === "accepted") {
            await tx
              .update(schema.platforms)
              .set({ status: "active" })
              .where(eq(schema.platforms.id, platform.id));
          }
          await recordPlatformEvent(tx, {
            platformId: platform.id,
            kind: "rectification-closed",
            occurredOn: input.conductedOn,
            detail: { outcome: outcome.closesRectification },
            ruleId: closed.ruleId,
          });
        }
      }
      await notifyPlatform(tx, platform, "platform", "evaluation-graded", now, {
        gradeId: input.gradeId,
        gradeName: policy.grades.find((g) => g.id === input.gradeId)?.name ?? null,
        postSubsidy: outcome.postSubsidy,
        rectificationDueOn: outcome.rectification?.dueOn ?? null,
        rectificationClosed: outcome.closesRectification,
      });
      await appendAudit(
        tx,
        {
          ...auditOf(ctx),
          action: "evaluation.grade",
          objectType: "evaluation",
          objectId: evaluation.id,
          result: "ok",
          ruleId: outcome.ruleId,
          detail: {
            platformId: platform.id,
            gradeId: input.gradeId,
            conductedOn: input.conductedOn,
            consequence: outcome.consequence,
            postSubsidy: outcome.postSubsidy,
            rectificationId,
            closesRectification: outcome.closesRectification,
          },
        },
        now,
      );
      return { evaluationId: evaluation.id, rectificationId, ...outcome };
    }),
  );
}

async function hasExperts(tx: Tx, evaluationId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: schema.evaluationExperts.id })
    .from(schema.evaluationExperts)
    .where(eq(schema.evaluationExperts.evaluationId, evaluationId))
    .limit(1);
  return rows.length > 0;
}

/** Shown before confirming a grade: the same computation as the grading itself, without writing. */
export async function previewGrade(
  ctx: AuthedContext,
  input: { evaluationId: string; gradeId: string | null; conductedOn: string; rectificationDueOn?: string },
) {
  const { evaluation, platform } = await loadEvaluationScoped(ctx.database.db, ctx.user, input.evaluationId);
  return consequenceOf(
    platformModule(platform),
    evaluation,
    input.gradeId,
    input.conductedOn,
    input.rectificationDueOn,
  );
}

/* ---------- reading ---------- */

/** Evaluations the user may see: the authority's jurisdiction, or the expert's own seats. */
export async function listEvaluations(ctx: AuthedContext) {
  const db = ctx.database.db;
  const { evaluations: e, platforms: p, evaluationRounds: r, evaluationExperts: x } = schema;
  const where =
    ctx.user.role === "expert"
      ? inArray(e.id, db.select({ id: x.evaluationId }).from(x).where(eq(x.expertId, ctx.user.id)))
      : platformsInScope(ctx.user);
  const rows = await db
    .select({
      id: e.id,
      platformId: p.id,
      platformName: p.name,
      policyId: e.policyId,
      kind: e.kind,
      status: e.status,
      gradeId: e.gradeId,
      conductedOn: e.conductedOn,
      evaluator: e.evaluator,
      evaluatorName: e.evaluatorName,
      roundTitle: r.title,
      openedOn: r.openedOn,
      createdAt: e.createdAt,
    })
    .from(e)
    .innerJoin(p, eq(p.id, e.platformId))
    .leftJoin(r, eq(r.id, e.roundId))
    .where(where)
    .orderBy(desc(e.createdAt));
  // The grade's name in the module it was given under.
  return rows.map((row) => ({
    ...row,
    gradeName:
      (row.gradeId && moduleOf(row.policyId).evaluation?.grades.find((g) => g.id === row.gradeId)?.name) ||
      null,
  }));
}

export async function getEvaluation(ctx: AuthedContext, evaluationId: string) {
  const db = ctx.database.db;
  const { evaluation, platform } = await loadEvaluationScoped(db, ctx.user, evaluationId);
  const module = platformModule(platform);
  const policy = evaluationPolicyOf(module);
  const { evaluationExperts: x, users: u, organizations: o } = schema;
  const experts = await db
    .select({ expertId: x.expertId, name: u.displayName, organization: o.name, assignedAt: x.assignedAt })
    .from(x)
    .innerJoin(u, eq(u.id, x.expertId))
    .leftJoin(o, eq(o.id, u.organizationId))
    .where(eq(x.evaluationId, evaluation.id))
    .orderBy(asc(x.assignedAt));
  const [round] = evaluation.roundId
    ? await db
        .select()
        .from(schema.evaluationRounds)
        .where(eq(schema.evaluationRounds.id, evaluation.roundId))
    : [];
  const [rectification] = await db
    .select()
    .from(schema.rectifications)
    .where(eq(schema.rectifications.reEvaluationId, evaluation.id));
  const grade = policy.grades.find((g) => g.id === evaluation.gradeId) ?? null;
  return {
    id: evaluation.id,
    kind: evaluation.kind,
    status: evaluation.status,
    periodFrom: evaluation.periodFrom,
    periodTo: evaluation.periodTo,
    evaluator: evaluation.evaluator,
    evaluatorName: evaluation.evaluatorName,
    material: evaluation.material as Record<string, FocusAreaEntry>,
    gradeId: evaluation.gradeId,
    findings: evaluation.findings,
    conductedOn: evaluation.conductedOn,
    postSubsidy: grade?.consequence === "post-subsidy",
    round: round ? { id: round.id, title: round.title, openedOn: round.openedOn } : null,
    platform: {
      id: platform.id,
      name: platform.name,
      policyId: platform.policyId,
      status: platform.status,
      approvedOn: platform.approvedOn,
    },
    experts,
    /** The rectification this re-evaluation closes. */
    rectification: rectification
      ? {
          id: rectification.id,
          dueOn: rectification.dueOn,
          status: rectification.status,
          response: rectification.response,
        }
      : null,
    policy: {
      ruleId: policy.ruleId,
      citation: citationOf(module, policy.ruleId),
      grades: policy.grades.map((g) => ({ ...g })),
      focusAreas: (policy.focusAreas ?? []).map((f) => ({ ...f })),
      thirdParty: policy.thirdParty ?? false,
      rectificationCitation: citationOf(module, policy.rectificationRuleId),
      postSubsidyCitation: citationOf(module, policy.postSubsidyRuleId),
      /** Where the source contradicts itself (sc-zone: when the final evaluation happens), with the module's pick. */
      sourceConflicts: (module.sourceConflicts ?? []).map((c) => ({
        ...c,
        readings: c.readings.map((r) => ({ ...r })),
      })),
    },
  };
}
