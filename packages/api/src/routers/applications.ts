import { appendAudit, listApplicationsOfOrganization, schema } from "@kechuang/db";
import {
  availableActions,
  centerFactsSchema,
  createApplicationInputSchema,
  flattenSections,
  outlineCompleteness,
  outlineDraftSchema,
  type PolicyModule,
  reviewCriteria,
  transitionInputSchema,
  updateApplicationInputSchema,
  uuidSchema,
} from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { appError } from "../errors";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { workflowMessages } from "../workflow/messages";
import { loadScoped, moduleOf } from "../workflow/records";
import { runTransition } from "../workflow/transition";

export const applicationIdInputSchema = z.object({ applicationId: uuidSchema });
export const submitInputSchema = transitionInputSchema.pick({
  applicationId: true,
  expectedVersion: true,
  idempotencyKey: true,
});
export const compareVersionsInputSchema = z.object({
  applicationId: uuidSchema,
  a: z.number().int().positive(),
  b: z.number().int().positive(),
});

const EDITABLE_STAGES = new Set(["draft", "returned"]);

/** Stored as the recommending area where the module has no recommender step: no recommender's area is "". */
const NO_RECOMMENDER = "";

/**
 * The recommending area an application is filed with: one of the module's recommending bodies, as the
 * applicant picked it; none where the module has no recommender step. Anything else is refused, citing
 * the clause, so an application can never be recommended by a body outside the policy's jurisdiction.
 */
function recommendingArea(module: PolicyModule, picked: string | null): string {
  const policy = module.recommendation;
  if (!policy) {
    if (picked !== null) throw appError("BAD_REQUEST", workflowMessages.noRecommendation(module.id));
    return NO_RECOMMENDER;
  }
  if (!policy.bodies.some((b) => b.code === picked))
    throw appError("BAD_REQUEST", workflowMessages.recommenderNotListed(policy.citation));
  return picked!;
}

export const applicationsRouter = router({
  /** Record scope: only the caller's own organization's applications. */
  listMine: roleProcedure("applicant").query(async ({ ctx }) => {
    if (!ctx.user.organizationId) return [];
    return listApplicationsOfOrganization(ctx.database.db, ctx.user.organizationId);
  }),

  /** Starts a draft under a module; the eligibility rules run on whatever facts are already known. */
  create: roleProcedure("applicant")
    .input(createApplicationInputSchema)
    .mutation(async ({ ctx, input }) => {
      const module = registry.get(input.policyId);
      if (!module?.kinds.includes(input.kind))
        throw appError("BAD_REQUEST", workflowMessages.unknownPolicyOrKind);
      const organizationId = ctx.user.organizationId;
      if (!organizationId) throw appError("FORBIDDEN", workflowMessages.noOrganization);
      const recommenderArea = recommendingArea(module, input.recommenderAreaCode);
      const plan = module.outline ? outlineDraftSchema(module.outline).parse(input.plan) : input.plan;
      const facts = input.facts ?? { kind: input.kind };
      const now = ctx.now();
      const created = await ctx.database.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(schema.applications)
          .values({
            policyId: module.id,
            kind: input.kind,
            title: input.title,
            organizationId,
            recommenderArea,
            stage: module.workflow.initial,
            plan: plan as Record<string, unknown>,
            facts,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: schema.applications.id, version: schema.applications.version });
        await tx.insert(schema.applicationEvents).values({
          applicationId: row!.id,
          at: now,
          actorId: ctx.user.id,
          action: "create",
          toStage: module.workflow.initial,
        });
        await appendAudit(
          tx,
          {
            actorId: ctx.user.id,
            actorRole: ctx.user.role,
            action: "application.create",
            objectType: "application",
            objectId: row!.id,
            result: "ok",
            sourceIp: ctx.ip,
            detail: { policyId: module.id, kind: input.kind, recommenderArea },
          },
          now,
        );
        return row!;
      });
      const eligibility = registry.check(module.id, facts);
      return {
        id: created.id,
        version: created.version,
        stage: module.workflow.initial,
        eligibility: eligibility.ok ? eligibility.value : null,
      };
    }),

  /** One application as the caller may see it: stage, actions open to them, history, completeness. */
  get: authedProcedure.input(applicationIdInputSchema).query(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const app = await loadScoped(db, ctx.user, input.applicationId);
    const module = moduleOf(app.policyId);
    const stage = module.workflow.stages.find((s) => s.id === app.stage);
    const events = await db
      .select({
        at: schema.applicationEvents.at,
        action: schema.applicationEvents.action,
        from: schema.applicationEvents.fromStage,
        to: schema.applicationEvents.toStage,
        ruleId: schema.applicationEvents.ruleId,
        reason: schema.applicationEvents.reason,
        actorRole: schema.users.role,
      })
      .from(schema.applicationEvents)
      .leftJoin(schema.users, eq(schema.users.id, schema.applicationEvents.actorId))
      .where(eq(schema.applicationEvents.applicationId, app.id))
      .orderBy(asc(schema.applicationEvents.id));
    const [org] = await db
      .select({ name: schema.organizations.name })
      .from(schema.organizations)
      .where(eq(schema.organizations.id, app.organizationId));
    const facts = centerFactsSchema.safeParse(app.facts);
    const eligibility = facts.success ? registry.check(module.id, facts.data) : null;
    // Once decided: the outcome and, when approved, the name the module's naming rule gave the platform.
    const [decision] = await db
      .select({
        outcome: schema.decisions.outcome,
        decidedOn: schema.decisions.decidedOn,
        designatedName: schema.decisions.designatedName,
      })
      .from(schema.decisions)
      .where(eq(schema.decisions.applicationId, app.id))
      .orderBy(desc(schema.decisions.recordedAt))
      .limit(1);
    return {
      id: app.id,
      policyId: app.policyId,
      kind: app.kind,
      title: app.title,
      organizationName: org?.name ?? "",
      recommenderArea: app.recommenderArea === NO_RECOMMENDER ? null : app.recommenderArea,
      stage: app.stage,
      stageName: stage?.name ?? { zh: app.stage, en: app.stage },
      // The module's own stage names (a province may have stages of its own, e.g. 实地评估).
      stages: module.workflow.stages.map((s) => ({ id: s.id, name: s.name })),
      // What experts score: the outline's sections and the module's checklist judgements, with clauses.
      criteria: reviewCriteria(module),
      factChoices: { demonstrationTasks: [...(module.factChoices?.demonstrationTasks ?? [])] },
      terminal: stage?.terminal ?? false,
      version: app.version,
      plan: app.plan,
      facts: app.facts,
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
      editable: ctx.user.role === "applicant" && EDITABLE_STAGES.has(app.stage),
      availableActions: availableActions(module.workflow, app.stage, ctx.user.role).map((t) => ({
        action: t.action,
        label: t.label,
        to: t.to,
        needsReason: t.needsReason ?? false,
        guards: t.guards ?? [],
      })),
      // Who acted is shown by role only: applicants never learn an individual reviewer's identity.
      history: events.map((e) => ({ ...e, actorRole: e.actorRole ?? "system" })),
      // The plan form is generated from this outline: portals never import policy modules.
      outline: module.outline ?? null,
      completeness: module.outline ? outlineCompleteness(module.outline, app.plan) : [],
      eligibility: eligibility?.ok ? eligibility.value : null,
      decision: decision ?? null,
    };
  }),

  /**
   * Autosave. A draft may be incomplete but never malformed: each plan value is typed by the outline,
   * the facts by centerFactsSchema. Bumps the version so two open editors cannot overwrite each other.
   */
  saveDraft: roleProcedure("applicant")
    .input(updateApplicationInputSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      return ctx.database.db.transaction(async (tx) => {
        const app = await loadScoped(tx, ctx.user, input.applicationId, { forUpdate: true });
        if (app.version !== input.expectedVersion) throw appError("CONFLICT", workflowMessages.stale);
        if (!EDITABLE_STAGES.has(app.stage)) throw appError("PRECONDITION_FAILED", workflowMessages.notDraft);
        const module = moduleOf(app.policyId);
        const plan =
          input.plan && module.outline ? outlineDraftSchema(module.outline).parse(input.plan) : input.plan;
        const version = app.version + 1;
        await tx
          .update(schema.applications)
          .set({
            version,
            updatedAt: now,
            ...(input.title ? { title: input.title } : {}),
            ...(plan ? { plan: plan as Record<string, unknown> } : {}),
            ...(input.facts ? { facts: input.facts } : {}),
          })
          .where(eq(schema.applications.id, app.id));
        await appendAudit(
          tx,
          {
            actorId: ctx.user.id,
            actorRole: ctx.user.role,
            action: "application.save-draft",
            objectType: "application",
            objectId: app.id,
            result: "ok",
            sourceIp: ctx.ip,
            detail: { version },
          },
          now,
        );
        const savedPlan = plan ?? app.plan;
        return {
          version,
          savedAt: now,
          completeness: module.outline ? outlineCompleteness(module.outline, savedPlan) : [],
        };
      });
    }),

  /** Hands the plan in ("submit", or "resubmit" after a return); refused while anything is incomplete. */
  submit: roleProcedure("applicant")
    .input(submitInputSchema)
    .mutation(async ({ ctx, input }) => {
      const app = await loadScoped(ctx.database.db, ctx.user, input.applicationId);
      const action = app.stage === "returned" ? "resubmit" : "submit";
      return runTransition(ctx, { ...input, action });
    }),

  /** The one generic step: allowed only by the module's graph, the caller's role and the record's scope. */
  transition: authedProcedure
    .input(transitionInputSchema)
    .mutation(({ ctx, input }) => runTransition(ctx, input)),

  versions: authedProcedure.input(applicationIdInputSchema).query(async ({ ctx, input }) => {
    const app = await loadScoped(ctx.database.db, ctx.user, input.applicationId);
    const v = schema.applicationVersions;
    return ctx.database.db
      .select({ number: v.number, title: v.title, createdAt: v.createdAt })
      .from(v)
      .where(eq(v.applicationId, app.id))
      .orderBy(asc(v.number));
  }),

  /** Per outline section, the fields whose value differs between two submitted versions. */
  compareVersions: authedProcedure.input(compareVersionsInputSchema).query(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const app = await loadScoped(db, ctx.user, input.applicationId);
    const module = moduleOf(app.policyId);
    const load = async (n: number) => {
      const v = schema.applicationVersions;
      const [row] = await db
        .select()
        .from(v)
        .where(and(eq(v.applicationId, app.id), eq(v.number, n)));
      if (!row) throw appError("NOT_FOUND", workflowMessages.versionNotFound);
      return row;
    };
    const [a, b] = [await load(input.a), await load(input.b)];
    const sections = module.outline ? flattenSections(module.outline) : [];
    const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
    return {
      a: input.a,
      b: input.b,
      titleChanged: a.title !== b.title,
      factsChanged: Object.keys({ ...a.facts, ...b.facts }).filter((k) => !same(a.facts[k], b.facts[k])),
      sections: sections.map((s) => {
        const before = a.plan[s.id] ?? {};
        const after = b.plan[s.id] ?? {};
        const changes = s.fields
          .filter((f) => !same(before[f.id], after[f.id]))
          .map((f) => ({
            fieldId: f.id,
            label: f.label,
            before: before[f.id] ?? null,
            after: after[f.id] ?? null,
          }));
        return { sectionId: s.id, number: s.number, title: s.title, changed: changes.length > 0, changes };
      }),
    };
  }),
});
