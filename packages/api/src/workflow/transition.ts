import {
  appendAudit,
  governanceStateOfApproval,
  platformDirectoryColumns,
  recordAudit,
  schema,
  storeObligations,
  type Tx,
  writeGovernanceState,
} from "@kechuang/db";
import {
  decideTransition,
  type LocalizedText,
  missingReason,
  type PolicyModule,
  type SessionUser,
  statusOnApproval,
  type Transition,
  type TransitionInput,
} from "@kechuang/domain";
import { and, eq, max } from "drizzle-orm";
import { appError } from "../errors";
import type { Context } from "../trpc";
import { firstUnmetGuard } from "./guards";
import { idempotent } from "./idempotency";
import { workflowMessages } from "./messages";
import { notifyStageEntered } from "./notify";
import { type ApplicationRow, chinaToday, loadScoped, moduleOf } from "./records";

export interface TransitionOutcome {
  applicationId: string;
  action: string;
  from: string;
  to: string;
  version: number;
  /** Set by "approve": the platform record the public portal lists, with the module's name applied. */
  platformId: string | null;
  designatedName: string | null;
}

type AuthedContext = Context & { user: SessionUser };

/** Extra writes of a specific step (the publicity notice, an objection's ruling), in the same transaction. */
export type TransitionEffect = (tx: Tx, app: ApplicationRow, transition: Transition) => Promise<void>;

type RefusalCode = "NOT_FOUND" | "FORBIDDEN" | "PRECONDITION_FAILED" | "BAD_REQUEST" | "CONFLICT";

/** Thrown inside the transaction to roll it back; turned into an audited, typed error outside. */
class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly text: LocalizedText,
    readonly detail: Record<string, unknown> = {},
    readonly ruleId: string | null = null,
  ) {
    super(text.en);
  }
}

/** Actions that hand the plan in: each one stores a numbered, comparable snapshot. */
const SUBMITTING_ACTIONS = new Set(["submit", "resubmit"]);
/** Actions whose notice or ruling is given through their own procedure (publicity.open). */
const NEEDS_OWN_PROCEDURE: Record<string, LocalizedText> = {
  "open-publicity": workflowMessages.usePublicityOpen,
};

export interface TransitionOptions {
  effect?: TransitionEffect;
  /** Set by the procedure that supplies the step's own data (see NEEDS_OWN_PROCEDURE). */
  viaOwnProcedure?: boolean;
  /** The procedure whose idempotency key `input.idempotencyKey` is (default applications.transition). */
  idempotencyScope?: string;
}

/**
 * The one way an application changes stage. Order matters: scope (NOT_FOUND, revealing nothing), then the
 * optimistic version (a stale caller gets CONFLICT whatever else changed), then the module's graph and the
 * role, the mandatory reason, and the guards from stored data. Everything — stage, event, snapshot,
 * decision, platform, notifications, audit row, idempotency record — commits together or not at all.
 */
export async function runTransition(
  ctx: AuthedContext,
  input: TransitionInput,
  options: TransitionOptions = {},
): Promise<TransitionOutcome> {
  const { user } = ctx;
  const db = ctx.database.db;
  const now = ctx.now();
  try {
    return await db.transaction((tx) =>
      idempotent(
        tx,
        {
          userId: user.id,
          scope: options.idempotencyScope ?? "applications.transition",
          key: input.idempotencyKey,
        },
        () => transitionWithin(tx, ctx, input, options, now),
      ),
    );
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // A stale version is a race, not a refusal of the actor: it is reported, not audited.
    if (error.code !== "CONFLICT") {
      await recordAudit(db, {
        actorId: user.id,
        actorRole: user.role,
        action: `application.${input.action}`,
        objectType: "application",
        objectId: input.applicationId,
        result: "denied",
        sourceIp: ctx.ip,
        ruleId: error.ruleId,
        detail: { code: error.code, reason: error.text.en, ...error.detail },
      });
    }
    throw appError(error.code, error.text);
  }
}

/** The checks and writes of one transition, inside the caller's transaction (after the idempotency claim). */
async function transitionWithin(
  tx: Tx,
  ctx: AuthedContext,
  input: TransitionInput,
  options: TransitionOptions,
  now: Date,
): Promise<TransitionOutcome> {
  const { user } = ctx;
  const app = await loadScopedForTransition(tx, user, input.applicationId);
  if (app.version !== input.expectedVersion) {
    throw new Refusal("CONFLICT", workflowMessages.stale, {
      expectedVersion: input.expectedVersion,
      currentVersion: app.version,
    });
  }
  const module = moduleOf(app.policyId);
  const decision = decideTransition(module.workflow, {
    stage: app.stage,
    action: input.action,
    role: user.role,
  });
  if (!decision.allowed) {
    const code = decision.code === "role-not-allowed" ? "FORBIDDEN" : "PRECONDITION_FAILED";
    throw new Refusal(code, decision.reason, { refusal: decision.code, stage: app.stage });
  }
  const { transition } = decision;
  const ownProcedure = NEEDS_OWN_PROCEDURE[transition.action];
  if (ownProcedure && !options.viaOwnProcedure) throw new Refusal("BAD_REQUEST", ownProcedure);
  const noReason = missingReason(transition, input.reason);
  if (noReason) throw new Refusal("BAD_REQUEST", noReason, {}, transition.ruleId);
  const unmet = await firstUnmetGuard(tx, app, module, transition.guards ?? [], now);
  if (unmet) {
    throw new Refusal("PRECONDITION_FAILED", unmet.reason, { guard: unmet.guard }, transition.ruleId);
  }

  const outcome = await applyTransition(tx, { app, module, transition, user, now, reason: input.reason });
  await options.effect?.(tx, app, transition);
  await notifyStageEntered(tx, app, module, transition.to);
  await appendAudit(
    tx,
    {
      actorId: user.id,
      actorRole: user.role,
      action: `application.${transition.action}`,
      objectType: "application",
      objectId: app.id,
      result: "ok",
      sourceIp: ctx.ip,
      ruleId: transition.ruleId,
      detail: { from: app.stage, to: transition.to, version: outcome.version, reason: input.reason },
    },
    now,
  );
  return outcome;
}

async function loadScopedForTransition(tx: Tx, user: SessionUser, id: string): Promise<ApplicationRow> {
  try {
    return await loadScoped(tx, user, id, { forUpdate: true });
  } catch {
    throw new Refusal("NOT_FOUND", workflowMessages.notFound);
  }
}

interface ApplyArgs {
  app: ApplicationRow;
  module: PolicyModule;
  transition: Transition;
  user: SessionUser;
  now: Date;
  reason: string | undefined;
}

async function applyTransition(tx: Tx, a: ApplyArgs): Promise<TransitionOutcome> {
  const { app, module, transition, user, now } = a;
  const version = app.version + 1;
  await tx
    .update(schema.applications)
    .set({ stage: transition.to, version, updatedAt: now })
    .where(eq(schema.applications.id, app.id));
  await tx.insert(schema.applicationEvents).values({
    applicationId: app.id,
    at: now,
    actorId: user.id,
    action: transition.action,
    fromStage: app.stage,
    toStage: transition.to,
    ruleId: transition.ruleId,
    reason: a.reason ?? null,
  });
  if (SUBMITTING_ACTIONS.has(transition.action)) await snapshotVersion(tx, app, user.id, now);
  // Leaving publicity ends its notice; objections can no longer be lodged against it.
  if (app.stage === "publicity") {
    await tx
      .update(schema.publicityNotices)
      .set({ status: "ended" })
      .where(
        and(eq(schema.publicityNotices.applicationId, app.id), eq(schema.publicityNotices.status, "open")),
      );
  }
  let platformId: string | null = null;
  let designatedName: string | null = null;
  if (transition.to === "approved" || transition.to === "rejected") {
    const approved = transition.to === "approved";
    designatedName = approved ? (module.naming?.apply(app.title) ?? app.title) : null;
    await tx.insert(schema.decisions).values({
      applicationId: app.id,
      outcome: approved ? "approved" : "rejected",
      decidedOn: chinaToday(now),
      decidedBy: user.id,
      designatedName,
      reason: a.reason ?? null,
      ruleId: approved && module.naming ? module.naming.ruleId : transition.ruleId,
      recordedAt: now,
    });
    if (approved) {
      const fields = Array.isArray(app.facts.fields) ? (app.facts.fields as string[]) : [];
      const [platform] = await tx
        .insert(schema.platforms)
        .values({
          policyId: app.policyId,
          kind: app.kind,
          name: designatedName!,
          leadOrgId: app.organizationId,
          jurisdiction: module.jurisdiction.code,
          approvedOn: chinaToday(now),
          fields,
          applicationId: app.id,
          recommenderArea: app.recommenderArea,
          // Anshun's approval is entry into its cultivation pool (PolicyModule.register).
          status: statusOnApproval(module),
          ...(await platformDirectoryColumns(tx, {
            applicationId: app.id,
            name: designatedName!,
            leadOrgId: app.organizationId,
            fields,
            facts: app.facts,
          })),
        })
        .returning({ id: schema.platforms.id });
      platformId = platform!.id;
      // Its governance bodies become records from the approved facts (issue 11), effective today.
      const [lead] = await tx
        .select({ name: schema.organizations.name })
        .from(schema.organizations)
        .where(eq(schema.organizations.id, app.organizationId));
      await writeGovernanceState(tx, {
        platformId,
        jurisdiction: module.jurisdiction.code,
        state: governanceStateOfApproval(app.facts, app.kind, lead?.name ?? null),
        effectiveOn: chinaToday(now),
      });
      // Its calendar is fixed now, from the module as it stands (a later version moves no deadline).
      await storeObligations(tx, { platformId, policyId: app.policyId, approvedOn: chinaToday(now) });
      await tx.insert(schema.platformEvents).values({
        platformId,
        kind: "approved",
        occurredOn: chinaToday(now),
        ruleId: module.naming?.ruleId ?? transition.ruleId,
      });
    }
  }
  return {
    applicationId: app.id,
    action: transition.action,
    from: app.stage,
    to: transition.to,
    version,
    platformId,
    designatedName,
  };
}

async function snapshotVersion(tx: Tx, app: ApplicationRow, userId: string, now: Date): Promise<void> {
  const [last] = await tx
    .select({ n: max(schema.applicationVersions.number) })
    .from(schema.applicationVersions)
    .where(eq(schema.applicationVersions.applicationId, app.id));
  await tx.insert(schema.applicationVersions).values({
    applicationId: app.id,
    number: (last?.n ?? 0) + 1,
    title: app.title,
    plan: app.plan as Record<string, Record<string, unknown>>,
    facts: app.facts,
    createdBy: userId,
    createdAt: now,
  });
}
