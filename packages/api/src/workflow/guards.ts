import { type Executor, schema } from "@kechuang/db";
import {
  type Expertise,
  type LocalizedText,
  outlineCompleteness,
  outlineContentSchema,
  type PolicyModule,
  publicityClearance,
  type TransitionGuard,
} from "@kechuang/domain";
import { and, desc, eq } from "drizzle-orm";
import { expertiseLabels, workflowMessages } from "./messages";
import { type ApplicationRow, chinaToday } from "./records";

/** A guard's verdict: null when satisfied, else why not (both locales). */
type GuardCheck = (
  tx: Executor,
  app: ApplicationRow,
  module: PolicyModule,
  now: Date,
) => Promise<LocalizedText | null>;

const planComplete: GuardCheck = async (_tx, app, module) => {
  if (!module.outline) return null;
  if (outlineContentSchema(module.outline).safeParse(app.plan).success) return null;
  const incomplete = outlineCompleteness(module.outline, app.plan).filter((s) => !s.complete);
  const list = (pick: (t: LocalizedText) => string) =>
    incomplete.map((s) => `${s.number} ${pick(s.title)}`).join("、") || "—";
  const text = workflowMessages.planIncomplete("");
  return { zh: text.zh + list((t) => t.zh), en: text.en + list((t) => t.en) };
};

async function panelOf(tx: Executor, applicationId: string) {
  return tx
    .select({ expertId: schema.panelMembers.expertId, seat: schema.panelMembers.seat })
    .from(schema.panelMembers)
    .where(eq(schema.panelMembers.applicationId, applicationId));
}

const panelFormed: GuardCheck = async (tx, app, module) => {
  const panel = await panelOf(tx, app.id);
  if (panel.length === 0) return workflowMessages.panelEmpty;
  const seats = new Set(panel.map((m) => m.seat));
  const missing: Expertise[] = (module.panel?.requiredExpertise ?? []).filter((e) => !seats.has(e));
  if (missing.length === 0) return null;
  const zh = missing.map((e) => expertiseLabels[e].zh).join("、");
  const en = missing.map((e) => expertiseLabels[e].en).join(", ");
  return { zh: workflowMessages.panelIncomplete(zh).zh, en: workflowMessages.panelIncomplete(en).en };
};

const opinionsComplete: GuardCheck = async (tx, app) => {
  const panel = await panelOf(tx, app.id);
  if (panel.length === 0) return workflowMessages.panelEmpty;
  const given = await tx
    .select({ expertId: schema.opinions.expertId })
    .from(schema.opinions)
    .where(and(eq(schema.opinions.applicationId, app.id), eq(schema.opinions.stage, app.stage)));
  const done = new Set(given.map((o) => o.expertId));
  const missing = panel.filter((m) => !done.has(m.expertId)).length;
  return missing === 0 ? null : workflowMessages.opinionsMissing(missing);
};

const siteVisitRecorded: GuardCheck = async (tx, app) => {
  const visits = await tx
    .select({ id: schema.siteVisits.id })
    .from(schema.siteVisits)
    .where(and(eq(schema.siteVisits.applicationId, app.id), eq(schema.siteVisits.stage, app.stage)))
    .limit(1);
  return visits.length > 0 ? null : workflowMessages.siteVisitMissing;
};

const publicityClosedClear: GuardCheck = async (tx, app, _module, now) => {
  const [notice] = await tx
    .select()
    .from(schema.publicityNotices)
    .where(and(eq(schema.publicityNotices.applicationId, app.id), eq(schema.publicityNotices.status, "open")))
    .orderBy(desc(schema.publicityNotices.publishedAt))
    .limit(1);
  if (!notice) return workflowMessages.noPublicity;
  const objections = await tx
    .select({ status: schema.objections.status })
    .from(schema.objections)
    .where(eq(schema.objections.noticeId, notice.id));
  const verdict = publicityClearance(notice, objections, chinaToday(now));
  return verdict.clear ? null : verdict.reason;
};

const checks: Record<TransitionGuard, GuardCheck> = {
  "plan-complete": planComplete,
  "panel-formed": panelFormed,
  "opinions-complete": opinionsComplete,
  "site-visit-recorded": siteVisitRecorded,
  "publicity-closed-clear": publicityClosedClear,
};

/** The first unmet guard of a transition, with its reason; null when all hold. */
export async function firstUnmetGuard(
  tx: Executor,
  app: ApplicationRow,
  module: PolicyModule,
  guards: readonly TransitionGuard[],
  now: Date,
): Promise<{ guard: TransitionGuard; reason: LocalizedText } | null> {
  for (const guard of guards) {
    const reason = await checks[guard](tx, app, module, now);
    if (reason) return { guard, reason };
  }
  return null;
}
