import { appendAudit, recordAudit, schema } from "@kechuang/db";
import {
  expertiseSchema,
  idempotencyKeySchema,
  recordSiteVisitInputSchema,
  reviewCriteria,
  scoreProblem,
  submitOpinionInputSchema,
  uuidSchema,
} from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { asc, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { appError } from "../errors";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { activeExperts, conflictOf } from "../workflow/conflicts";
import { idempotent } from "../workflow/idempotency";
import { workflowMessages } from "../workflow/messages";
import { loadScoped, moduleOf } from "../workflow/records";
import { waitingFor } from "../workflow/waiting";

export const assignExpertInputSchema = z.object({
  applicationId: uuidSchema,
  expertId: uuidSchema,
  seat: expertiseSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
});
const applicationIdInput = z.object({ applicationId: uuidSchema });

/** Applications not yet decided count towards an expert's load. */
async function loadsOf(db: Parameters<typeof conflictOf>[0]) {
  const { panelMembers: p, applications: a } = schema;
  const rows = await db
    .select({ expertId: p.expertId, stage: a.stage, policyId: a.policyId, n: count() })
    .from(p)
    .innerJoin(a, eq(a.id, p.applicationId))
    .groupBy(p.expertId, a.stage, a.policyId);
  const loads = new Map<string, number>();
  for (const r of rows) {
    const terminal = registry.get(r.policyId)?.workflow.stages.find((s) => s.id === r.stage)?.terminal;
    if (!terminal) loads.set(r.expertId, (loads.get(r.expertId) ?? 0) + r.n);
  }
  return loads;
}

export const reviewRouter = router({
  /** What waits for me, oldest first, with the hours it has waited (recommender, expert, authority). */
  queue: roleProcedure("recommender", "expert", "authority").query(({ ctx }) =>
    waitingFor(ctx.database.db, ctx.user, ctx.now()),
  ),

  /** The panel of one application against the expertise its module requires. */
  panel: roleProcedure("authority")
    .input(applicationIdInput)
    .query(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const app = await loadScoped(db, ctx.user, input.applicationId);
      const module = moduleOf(app.policyId);
      const { panelMembers: p, users: u, organizations: o } = schema;
      const members = await db
        .select({ expertId: p.expertId, seat: p.seat, name: u.displayName, organization: o.name })
        .from(p)
        .innerJoin(u, eq(u.id, p.expertId))
        .leftJoin(o, eq(o.id, u.organizationId))
        .where(eq(p.applicationId, app.id))
        .orderBy(asc(p.assignedAt));
      const required = module.panel?.requiredExpertise ?? [];
      const seated = new Set(members.map((m) => m.seat));
      return {
        requiredExpertise: [...required],
        missingExpertise: required.filter((e) => !seated.has(e)),
        ruleId: module.panel?.ruleId ?? null,
        members,
      };
    }),

  /** Every expert with expertise, organization, current load and, for one application, any conflict. */
  expertLoads: roleProcedure("authority")
    .input(applicationIdInput)
    .query(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const app = await loadScoped(db, ctx.user, input.applicationId);
      const experts = await activeExperts(db);
      const loads = await loadsOf(db);
      return Promise.all(
        experts.map(async (x) => {
          const conflict = await conflictOf(db, app, x.organizationId);
          return {
            expertId: x.expertId,
            name: x.name,
            organization: x.organization,
            expertise: x.expertise ?? [],
            load: loads.get(x.expertId) ?? 0,
            conflict: conflict ? workflowMessages.conflict(conflict.organization, conflict.tie) : null,
          };
        }),
      );
    }),

  /** Seats an expert; a conflict of interest is refused with its explanation (and audited). */
  assignExpert: roleProcedure("authority")
    .input(assignExpertInputSchema)
    .mutation(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const now = ctx.now();
      const app = await loadScoped(db, ctx.user, input.applicationId);
      const [expert] = await db
        .select({ role: schema.users.role, organizationId: schema.users.organizationId })
        .from(schema.users)
        .where(eq(schema.users.id, input.expertId));
      if (expert?.role !== "expert") throw appError("BAD_REQUEST", workflowMessages.notAnExpert);
      const [profile] = await db
        .select({ expertise: schema.expertProfiles.expertise })
        .from(schema.expertProfiles)
        .where(eq(schema.expertProfiles.userId, input.expertId));
      if (!profile?.expertise.includes(input.seat)) {
        throw appError("BAD_REQUEST", workflowMessages.lacksExpertise(input.seat));
      }
      const conflict = await conflictOf(db, app, expert.organizationId);
      if (conflict) {
        const text = workflowMessages.conflict(conflict.organization, conflict.tie);
        await recordAudit(db, {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          action: "review.assign-expert",
          objectType: "application",
          objectId: app.id,
          result: "denied",
          sourceIp: ctx.ip,
          ruleId: "common.conflict-of-interest",
          detail: { expertId: input.expertId, tie: conflict.tie.en },
        });
        throw appError("PRECONDITION_FAILED", text);
      }
      const claim = { userId: ctx.user.id, scope: "review.assignExpert", key: input.idempotencyKey };
      return db.transaction((tx) =>
        idempotent(tx, claim, async () => {
          const inserted = await tx
            .insert(schema.panelMembers)
            .values({
              applicationId: app.id,
              expertId: input.expertId,
              seat: input.seat,
              assignedBy: ctx.user.id,
              assignedAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: schema.panelMembers.id });
          if (inserted.length === 0) throw appError("CONFLICT", workflowMessages.alreadyOnPanel);
          await tx.insert(schema.notifications).values({
            userId: input.expertId,
            applicationId: app.id,
            kind: "assigned",
            stage: app.stage,
            createdAt: now,
          });
          await appendAudit(
            tx,
            {
              actorId: ctx.user.id,
              actorRole: ctx.user.role,
              action: "review.assign-expert",
              objectType: "application",
              objectId: app.id,
              result: "ok",
              sourceIp: ctx.ip,
              ruleId: moduleOf(app.policyId).panel?.ruleId ?? null,
              detail: { expertId: input.expertId, seat: input.seat },
            },
            now,
          );
          return { panelMemberId: inserted[0]!.id };
        }),
      );
    }),

  /** An assigned expert's opinion and scores for the current stage; one per expert and stage. */
  submitOpinion: roleProcedure("expert")
    .input(submitOpinionInputSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const claim = { userId: ctx.user.id, scope: "review.submitOpinion", key: input.idempotencyKey };
      return ctx.database.db.transaction((tx) =>
        idempotent(tx, claim, async () => {
          // Panel membership is the expert's scope: anyone else gets NOT_FOUND.
          const app = await loadScoped(tx, ctx.user, input.applicationId, { forUpdate: true });
          if (app.version !== input.expectedVersion) throw appError("CONFLICT", workflowMessages.stale);
          const module = moduleOf(app.policyId);
          const stage = module.workflow.stages.find((s) => s.id === app.stage);
          if (!stage?.actors.includes("expert")) {
            throw appError("PRECONDITION_FAILED", workflowMessages.notExpertStage);
          }
          // Scored against the module's own criteria, each exactly once.
          const problem = scoreProblem(reviewCriteria(module), input.scores);
          if (problem) throw appError("BAD_REQUEST", problem);
          const inserted = await tx
            .insert(schema.opinions)
            .values({
              applicationId: app.id,
              expertId: ctx.user.id,
              stage: app.stage,
              recommendation: input.recommendation,
              text: input.text,
              scores: input.scores,
              submittedAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: schema.opinions.id });
          if (inserted.length === 0) throw appError("CONFLICT", workflowMessages.opinionAlreadyIn);
          await appendAudit(
            tx,
            {
              actorId: ctx.user.id,
              actorRole: ctx.user.role,
              action: "review.submit-opinion",
              objectType: "application",
              objectId: app.id,
              result: "ok",
              sourceIp: ctx.ip,
              detail: { stage: app.stage, recommendation: input.recommendation },
            },
            now,
          );
          return { opinionId: inserted[0]!.id };
        }),
      );
    }),

  /**
   * Opinions on an application. The authority sees who wrote what; an expert sees others' only once their
   * own is in; everyone else (applicant, recommender) sees them as 专家 A, B … and never an identity.
   */
  opinions: authedProcedure.input(applicationIdInput).query(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const app = await loadScoped(db, ctx.user, input.applicationId);
    const { opinions: op, users: u, panelMembers: p } = schema;
    const rows = await db
      .select({
        expertId: op.expertId,
        name: u.displayName,
        stage: op.stage,
        recommendation: op.recommendation,
        text: op.text,
        scores: op.scores,
        submittedAt: op.submittedAt,
      })
      .from(op)
      .innerJoin(u, eq(u.id, op.expertId))
      .where(eq(op.applicationId, app.id))
      .orderBy(asc(op.submittedAt));
    const seats = await db
      .select({ expertId: p.expertId })
      .from(p)
      .where(eq(p.applicationId, app.id))
      .orderBy(asc(p.assignedAt), asc(p.id));
    const letter = (expertId: string) => {
      const i = seats.findIndex((s) => s.expertId === expertId);
      return i < 0 ? "?" : String.fromCharCode(65 + (i % 26));
    };
    const anonymous = (r: (typeof rows)[number]) => ({
      author: { zh: `专家 ${letter(r.expertId)}`, en: `Expert ${letter(r.expertId)}` },
      expertId: null,
      stage: r.stage,
      recommendation: r.recommendation,
      text: r.text,
      scores: r.scores,
      submittedAt: r.submittedAt,
      mine: r.expertId === ctx.user.id,
    });
    if (ctx.user.role === "authority") {
      return rows.map((r) => ({ ...anonymous(r), author: { zh: r.name, en: r.name }, expertId: r.expertId }));
    }
    if (ctx.user.role === "expert") {
      const ownStages = new Set(rows.filter((r) => r.expertId === ctx.user.id).map((r) => r.stage));
      return rows.filter((r) => r.expertId === ctx.user.id || ownStages.has(r.stage)).map(anonymous);
    }
    return rows.map(anonymous);
  }),

  /** The authority records a site visit (the site-visit-recorded guard reads it). */
  recordSiteVisit: roleProcedure("authority")
    .input(recordSiteVisitInputSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const app = await loadScoped(ctx.database.db, ctx.user, input.applicationId);
      const claim = { userId: ctx.user.id, scope: "review.recordSiteVisit", key: input.idempotencyKey };
      return ctx.database.db.transaction((tx) =>
        idempotent(tx, claim, async () => {
          const known = await tx
            .select({ id: schema.users.id })
            .from(schema.users)
            .where(inArray(schema.users.id, input.participantIds));
          if (known.length !== new Set(input.participantIds).size) {
            throw appError("BAD_REQUEST", workflowMessages.notFound);
          }
          const [row] = await tx
            .insert(schema.siteVisits)
            .values({
              applicationId: app.id,
              stage: app.stage,
              visitedOn: input.visitedOn,
              location: input.location,
              participantIds: input.participantIds,
              findings: input.findings,
              conclusion: input.conclusion,
              recordedBy: ctx.user.id,
              recordedAt: now,
            })
            .returning({ id: schema.siteVisits.id });
          await appendAudit(
            tx,
            {
              actorId: ctx.user.id,
              actorRole: ctx.user.role,
              action: "review.record-site-visit",
              objectType: "application",
              objectId: app.id,
              result: "ok",
              sourceIp: ctx.ip,
              detail: { visitedOn: input.visitedOn, conclusion: input.conclusion },
            },
            now,
          );
          return { siteVisitId: row!.id };
        }),
      );
    }),
});
