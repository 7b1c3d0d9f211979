import {
  appendAudit,
  approvedFactsOf,
  type Executor,
  governanceOn,
  platformSearchColumns,
  schema,
  type Tx,
  writeGovernanceState,
} from "@kechuang/db";
import {
  applyChange,
  type CenterFacts,
  type ChangeKind,
  type ChangePayload,
  type ChangeSubject,
  changeEffect,
  changePayloadSchema,
  changeRefusal,
  changeViolations,
  idempotencyKeySchema,
  type LocalizedText,
  type PlatformSnapshot,
  type PolicyModule,
  type RuleResult,
  type SessionUser,
  uuidSchema,
} from "@kechuang/domain";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import { idempotent } from "../workflow/idempotency";
import { chinaToday, policyIdsDecidedBy } from "../workflow/records";
import { changeMessages as m, summarizePart } from "./change-messages";
import type { AuthedContext } from "./evaluations";
import { recordPlatformEvent } from "./events";
import { citationOf, notifyPlatform } from "./platform-notify";
import { loadPlatformScoped, type PlatformRow, platformModule } from "./scope";

/**
 * Change requests after approval (issue 11). The module's change kind decides the route: a filing (备案) takes
 * effect the day it is filed and is reported to the recommender and the authority (nm-tic 三(五)1 "报送推荐部门、
 * 科技厅备案"); an approval (批复) waits for the authority and takes effect on the decision day. Every
 * eligibility rule is re-run on the state after the change, and a change that would break one is refused
 * with the rule's clause.
 */

export type ChangeRequestRow = typeof schema.changeRequests.$inferSelect;

const kindId = z.string().min(1).max(64);
export const changeKindsInputSchema = z.strictObject({ platformId: uuidSchema });
export const checkChangeInputSchema = z.strictObject({
  platformId: uuidSchema,
  changeKindId: kindId,
  payload: changePayloadSchema.nullable(),
});
export const submitChangeInputSchema = z.strictObject({
  platformId: uuidSchema,
  changeKindId: kindId,
  description: z.string().trim().min(1).max(5_000),
  payload: changePayloadSchema.nullable(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const decideChangeInputSchema = z.strictObject({
  changeRequestId: uuidSchema,
  outcome: z.enum(["approved", "rejected"]),
  reason: z.string().trim().max(2_000).optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** Who a kind routes to, in the module's words (三(五)1 备案, 三(五)2 批复). */
const routingOf = (mode: ChangeKind["mode"]): LocalizedText =>
  mode === "filing"
    ? {
        zh: "立即生效，并报送推荐部门和科技厅备案",
        en: "Takes effect at once; reported to the recommending body and the S&T department for the record",
      }
    : {
        zh: "提请科技厅批复，批复后生效",
        en: "Sent to the S&T department for approval; effective once approved",
      };

function kindOf(module: PolicyModule, changeKindId: string): ChangeKind {
  const kind = module.changeKinds?.find((k) => k.id === changeKindId);
  if (!module.changeKinds?.length) throw appError("PRECONDITION_FAILED", m.noProcedure);
  if (!kind) throw appError("BAD_REQUEST", m.unknownKind(changeKindId));
  return kind;
}

/** A payload must match the kind: one of its subjects, or none for a kind described in words only. */
function checkPayload(kind: ChangeKind, payload: ChangePayload | null): void {
  if (kind.subjects.length === 0) {
    if (payload) throw appError("BAD_REQUEST", m.payloadNotAllowed);
    return;
  }
  if (!payload) throw appError("BAD_REQUEST", m.payloadRequired);
  if (!kind.subjects.includes(payload.subject))
    throw appError("BAD_REQUEST", m.wrongSubject(payload.subject));
}

/** The platform as it stands today: its governance records and the attributes on its row. */
export async function currentSnapshot(
  db: Executor,
  platform: PlatformRow,
  day: string,
): Promise<PlatformSnapshot> {
  return {
    governance: await governanceOn(db, platform.id, day),
    attributes: {
      name: platform.name,
      location: platform.location,
      fields: platform.fields,
      formationMode: platform.formationMode,
    },
  };
}

/** The facts the platform was approved on; a platform loaded without an application has its kind only. */
async function approvedFacts(db: Executor, platform: PlatformRow): Promise<CenterFacts> {
  const [app] = platform.applicationId
    ? await db
        .select({ facts: schema.applications.facts })
        .from(schema.applications)
        .where(eq(schema.applications.id, platform.applicationId))
    : [];
  return approvedFactsOf(app?.facts, platform.kind);
}

/** The part a payload edits, as it stands in `snapshot`: stored as `before`, shown beside the new value. */
export function partOf(snapshot: PlatformSnapshot, subject: ChangeSubject): ChangePayload | null {
  const g = snapshot.governance;
  const a = snapshot.attributes;
  switch (subject) {
    case "director":
      return g.director ? { subject, director: g.director } : null;
    case "board":
      return { subject, members: g.board };
    case "committee":
      return g.committee ? { subject, committee: g.committee } : null;
    case "lead-unit":
      return g.leadUnit ? { subject, leadUnit: g.leadUnit } : null;
    case "co-build-units":
      return { subject, units: g.coBuildUnits };
    case "name":
      return { subject, name: a.name };
    case "location":
      return a.location ? { subject, location: a.location } : null;
    case "research-direction":
      return { subject, fields: a.fields };
    case "formation-mode":
      return a.formationMode ? { subject, formationMode: a.formationMode } : null;
  }
}

/** The refusal: changeRefusal, then each broken rule with its source and clause. */
const refusalOf = (violations: readonly RuleResult[], lead: LocalizedText = changeRefusal): LocalizedText => {
  const line = (v: RuleResult, locale: "zh" | "en") =>
    `${v.citation.source} ${v.citation.clause}: ${v.message[locale]}`;
  return {
    zh: [lead.zh, ...violations.map((v) => line(v, "zh"))].join("\n"),
    en: [lead.en, ...violations.map((v) => line(v, "en"))].join("\n"),
  };
};

async function evaluate(db: Executor, platform: PlatformRow, payload: ChangePayload | null, day: string) {
  const before = await currentSnapshot(db, platform, day);
  const after = applyChange(before, payload);
  const violations = changeViolations(platformModule(platform), await approvedFacts(db, platform), after);
  return { before, after, violations };
}

/**
 * Writes the after-state from `effectiveOn`: governance as the difference of its records, attributes on the
 * platform row (with the search document recomputed when the name or the fields change).
 */
async function applySnapshot(
  tx: Tx,
  platform: PlatformRow,
  payload: ChangePayload | null,
  after: PlatformSnapshot,
  effectiveOn: string,
  changeId: string,
): Promise<void> {
  if (!payload) return;
  if (["director", "board", "committee", "lead-unit", "co-build-units"].includes(payload.subject)) {
    await writeGovernanceState(tx, {
      platformId: platform.id,
      jurisdiction: platform.jurisdiction,
      state: after.governance,
      effectiveOn,
      changeId,
    });
    return;
  }
  const a = after.attributes;
  const [org] = await tx
    .select({ name: schema.organizations.name })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, platform.leadOrgId));
  await tx
    .update(schema.platforms)
    .set({
      name: a.name,
      location: a.location,
      fields: a.fields,
      formationMode: a.formationMode,
      ...platformSearchColumns({
        name: a.name,
        leadUnitName: org?.name ?? "",
        fields: a.fields,
        summary: platform.summary,
      }),
    })
    .where(eq(schema.platforms.id, platform.id));
}

const auditBase = (ctx: AuthedContext) => ({
  actorId: ctx.user.id,
  actorRole: ctx.user.role,
  sourceIp: ctx.ip,
  objectType: "change-request",
  result: "ok" as const,
});

/** The module's change kinds for the platform, each with its clause and route; none: the source has none. */
export async function changeKinds(ctx: AuthedContext, input: z.infer<typeof changeKindsInputSchema>) {
  const platform = await loadPlatformScoped(ctx.database.db, ctx.user, input.platformId);
  const module = platformModule(platform);
  return {
    policyId: module.id,
    kinds: (module.changeKinds ?? []).map((k) => ({
      id: k.id,
      name: k.name,
      mode: k.mode,
      subjects: [...k.subjects],
      ruleId: k.ruleId,
      citation: citationOf(module, k.ruleId),
      localSetting: k.localSetting ?? null,
      routing: routingOf(k.mode),
    })),
  };
}

/** The preview the form shows before sending: before, after and the rules the change would break. Writes nothing. */
export async function checkChange(ctx: AuthedContext, input: z.infer<typeof checkChangeInputSchema>) {
  const db = ctx.database.db;
  const platform = await loadPlatformScoped(db, ctx.user, input.platformId);
  const kind = kindOf(platformModule(platform), input.changeKindId);
  checkPayload(kind, input.payload);
  const { before, after, violations } = await evaluate(db, platform, input.payload, chinaToday(ctx.now()));
  return { mode: kind.mode, before, after, violations };
}

export async function submitChange(ctx: AuthedContext, input: z.infer<typeof submitChangeInputSchema>) {
  const now = ctx.now();
  const today = chinaToday(now);
  const claim = { userId: ctx.user.id, scope: "changes.submit", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const platform = await loadPlatformScoped(tx, ctx.user, input.platformId, { forUpdate: true });
      if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.delisted);
      const kind = kindOf(platformModule(platform), input.changeKindId);
      checkPayload(kind, input.payload);
      const c = schema.changeRequests;
      const [pending] = await tx
        .select({ id: c.id })
        .from(c)
        .where(and(eq(c.platformId, platform.id), eq(c.changeKindId, kind.id), eq(c.status, "pending")))
        .limit(1);
      if (pending) throw appError("CONFLICT", m.alreadyPending(kind.name));
      const { before, after, violations } = await evaluate(tx, platform, input.payload, today);
      if (violations.length > 0) throw appError("PRECONDITION_FAILED", refusalOf(violations));
      const status = changeEffect(kind.mode);
      const effectiveOn = status === "filed" ? today : null;
      const [row] = await tx
        .insert(c)
        .values({
          platformId: platform.id,
          changeKindId: kind.id,
          mode: kind.mode,
          status,
          ruleId: kind.ruleId,
          description: input.description,
          payload: input.payload,
          before: input.payload ? partOf(before, input.payload.subject) : null,
          effectiveOn,
          submittedBy: ctx.user.id,
          submittedAt: now,
        })
        .returning({ id: c.id });
      const changeId = row!.id;
      const detail = { changeKindId: kind.id, kindName: kind.name };
      if (status === "filed") {
        await applySnapshot(tx, platform, input.payload, after, today, changeId);
        await recordPlatformEvent(tx, {
          platformId: platform.id,
          kind: "changed",
          occurredOn: today,
          detail: { changeKindId: kind.id },
          ruleId: kind.ruleId,
        });
        // 三(五)1 "报送推荐部门、科技厅备案": the recommending body and the authority learn of a filing.
        await notifyPlatform(tx, platform, "recommender", "change-filed", now, detail);
        await notifyPlatform(tx, platform, "authority", "change-filed", now, detail);
      } else {
        await notifyPlatform(tx, platform, "authority", "change-pending", now, detail);
      }
      await appendAudit(
        tx,
        {
          ...auditBase(ctx),
          action: "change.submit",
          objectId: changeId,
          ruleId: kind.ruleId,
          detail: {
            platformId: platform.id,
            changeKindId: kind.id,
            status,
            subject: input.payload?.subject ?? null,
          },
        },
        now,
      );
      return { changeRequestId: changeId, status, effectiveOn };
    }),
  );
}

/** A change request whose platform the user may see, else NOT_FOUND. */
async function loadChangeScoped(tx: Executor, user: SessionUser, changeRequestId: string) {
  const c = schema.changeRequests;
  const [change] = await tx.select().from(c).where(eq(c.id, changeRequestId)).for("update");
  const missing = () => markOutOfScope(appError("NOT_FOUND", m.notFound), "change-request", changeRequestId);
  if (!change) throw missing();
  try {
    const platform = await loadPlatformScoped(tx, user, change.platformId, { forUpdate: true });
    return { change, platform };
  } catch {
    throw missing();
  }
}

/** The authority's decision on a pending change; an approval re-checks the rules on the state of that day. */
export async function decideChange(ctx: AuthedContext, input: z.infer<typeof decideChangeInputSchema>) {
  const now = ctx.now();
  const today = chinaToday(now);
  const claim = { userId: ctx.user.id, scope: "changes.decide", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const { change, platform } = await loadChangeScoped(tx, ctx.user, input.changeRequestId);
      if (change.status !== "pending") throw appError("CONFLICT", m.notPending);
      const reason = input.reason?.trim() || null;
      if (input.outcome === "rejected" && !reason) throw appError("BAD_REQUEST", m.reasonRequired);
      const payload = change.payload ? changePayloadSchema.parse(change.payload) : null;
      const effectiveOn = input.outcome === "approved" ? today : null;
      if (input.outcome === "approved") {
        if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.delisted);
        const { after, violations } = await evaluate(tx, platform, payload, today);
        if (violations.length > 0)
          throw appError("PRECONDITION_FAILED", refusalOf(violations, m.cannotApprove));
        await applySnapshot(tx, platform, payload, after, today, change.id);
        await recordPlatformEvent(tx, {
          platformId: platform.id,
          kind: "changed",
          occurredOn: today,
          detail: { changeKindId: change.changeKindId },
          ruleId: change.ruleId,
        });
      }
      await tx
        .update(schema.changeRequests)
        .set({ status: input.outcome, effectiveOn, decidedBy: ctx.user.id, decidedAt: now, reason })
        .where(eq(schema.changeRequests.id, change.id));
      const kind = platformModule(platform).changeKinds?.find((k) => k.id === change.changeKindId);
      await notifyPlatform(tx, platform, "platform", `change-${input.outcome}`, now, {
        changeKindId: change.changeKindId,
        kindName: kind?.name ?? null,
        ...(reason ? { reason } : {}),
      });
      await appendAudit(
        tx,
        {
          ...auditBase(ctx),
          action: "change.decide",
          objectId: change.id,
          ruleId: change.ruleId,
          detail: { platformId: platform.id, changeKindId: change.changeKindId, outcome: input.outcome },
        },
        now,
      );
      return { changeRequestId: change.id, status: input.outcome, effectiveOn };
    }),
  );
}

const requestView = (module: PolicyModule, r: ChangeRequestRow) => {
  const kind = module.changeKinds?.find((k) => k.id === r.changeKindId);
  return {
    id: r.id,
    platformId: r.platformId,
    changeKindId: r.changeKindId,
    kindName: kind?.name ?? { zh: r.changeKindId, en: r.changeKindId },
    mode: r.mode,
    status: r.status,
    ruleId: r.ruleId,
    citation: citationOf(module, r.ruleId),
    description: r.description,
    payload: r.payload as ChangePayload | null,
    before: r.before as ChangePayload | null,
    /** The part before and after, one line each, in both locales. */
    summary: {
      before: summarizePart(r.before as ChangePayload | null),
      after: summarizePart(r.payload as ChangePayload | null),
    },
    effectiveOn: r.effectiveOn,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    reason: r.reason,
  };
};

/** The platform today and its change requests, newest first; `canDecide` for its authority. */
export async function listChanges(ctx: AuthedContext, input: z.infer<typeof changeKindsInputSchema>) {
  const db = ctx.database.db;
  const platform = await loadPlatformScoped(db, ctx.user, input.platformId);
  const module = platformModule(platform);
  const c = schema.changeRequests;
  const rows = await db.select().from(c).where(eq(c.platformId, platform.id)).orderBy(desc(c.submittedAt));
  return {
    platform: { id: platform.id, name: platform.name, policyId: platform.policyId, status: platform.status },
    current: await currentSnapshot(db, platform, chinaToday(ctx.now())),
    hasProcedure: (module.changeKinds?.length ?? 0) > 0,
    canDecide: ctx.user.role === "authority",
    requests: rows.map((r) => requestView(module, r)),
  };
}

/** 待批复变更: the pending requests of the authority's jurisdiction, oldest first. */
export async function changeQueue(ctx: AuthedContext) {
  const db = ctx.database.db;
  const c = schema.changeRequests;
  const p = schema.platforms;
  const rows = await db
    .select({ change: c, platformName: p.name, policyId: p.policyId })
    .from(c)
    .innerJoin(p, eq(p.id, c.platformId))
    .where(and(eq(c.status, "pending"), inArray(p.policyId, ["", ...policyIdsDecidedBy(ctx.user)])))
    .orderBy(c.submittedAt);
  return rows.map((r) => ({
    ...requestView(platformModule({ policyId: r.policyId }), r.change),
    platformName: r.platformName,
  }));
}
