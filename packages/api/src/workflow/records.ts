import { type Executor, schema } from "@kechuang/db";
import type { PolicyModule, SessionUser } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { and, eq, inArray, ne, type SQL } from "drizzle-orm";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import { workflowMessages } from "./messages";

export type ApplicationRow = typeof schema.applications.$inferSelect;

/** The module an application was filed under; a stored id without a module is a wiring bug. */
export function moduleOf(policyId: string): PolicyModule {
  const module = registry.get(policyId);
  if (!module) throw new Error(`application refers to unregistered policy module ${policyId}`);
  return module;
}

/**
 * The policies an authority decides under: those of its own jurisdiction (its area code is the
 * jurisdiction's code: 430000 for Hunan's S&T department, 520400 for Anshun's bureau).
 */
export function policyIdsDecidedBy(user: SessionUser): string[] {
  return registry
    .list()
    .filter((policy) => user.areaCode !== null && policy.jurisdiction === user.areaCode)
    .map((policy) => policy.id);
}

/** The applications an authority oversees, as SQL: sent in (drafts stay the applicant's) under its policies. */
export function overseenBy(user: SessionUser): SQL {
  const a = schema.applications;
  // "" keeps the list non-empty for an authority without a jurisdiction: it then matches nothing.
  return and(ne(a.stage, "draft"), inArray(a.policyId, ["", ...policyIdsDecidedBy(user)]))!;
}

/**
 * Record scope: applicant — own organization; recommender — what was sent in from its area; authority — what
 * was sent in under its jurisdiction's policies; expert — only applications whose panel seats them (assignment
 * refuses conflicts).
 * Administrators see none.
 */
export async function isInScope(db: Executor, user: SessionUser, app: ApplicationRow): Promise<boolean> {
  switch (user.role) {
    case "applicant":
      return user.organizationId !== null && user.organizationId === app.organizationId;
    case "recommender":
      // An unsent draft is the applicant's own, whatever area it names.
      return app.stage !== "draft" && user.areaCode !== null && user.areaCode === app.recommenderArea;
    case "authority":
      // An unsent draft is the applicant's own.
      return app.stage !== "draft" && policyIdsDecidedBy(user).includes(app.policyId);
    case "expert": {
      const seat = await db
        .select({ id: schema.panelMembers.id })
        .from(schema.panelMembers)
        .where(and(eq(schema.panelMembers.applicationId, app.id), eq(schema.panelMembers.expertId, user.id)))
        .limit(1);
      return seat.length > 0;
    }
    default:
      return false;
  }
}

/** Loads an application the user may see, else NOT_FOUND (never revealing that it exists). */
export async function loadScoped(
  db: Executor,
  user: SessionUser,
  applicationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationRow> {
  const query = db.select().from(schema.applications).where(eq(schema.applications.id, applicationId));
  const [app] = options.forUpdate ? await query.for("update") : await query;
  // Out of scope reads as missing; the marked refusal is audited by the tRPC layer (trpc.ts).
  if (!app || !(await isInScope(db, user, app)))
    throw markOutOfScope(appError("NOT_FOUND", workflowMessages.notFound), "application", applicationId);
  return app;
}

/** Today's date in China (the calendar the sources and deadlines use). */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
