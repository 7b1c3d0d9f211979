import { type Executor, schema } from "@kechuang/db";
import type { PolicyModule, SessionUser } from "@kechuang/domain";
import { and, eq, exists, inArray, type SQL, sql } from "drizzle-orm";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import { workflowMessages } from "../workflow/messages";
import { moduleOf, policyIdsDecidedBy } from "../workflow/records";

export type PlatformRow = typeof schema.platforms.$inferSelect;

/**
 * Record scope after approval, as SQL over `platforms`: the platform's own organization (its lead unit), the
 * recommending body it came through, the authority of its module's jurisdiction, and an expert only for a
 * platform whose evaluation seats them. Administrators and the public see none (the public reads the
 * register through its own public procedures).
 */
export function platformsInScope(user: SessionUser): SQL {
  const p = schema.platforms;
  switch (user.role) {
    case "applicant":
      return user.organizationId ? eq(p.leadOrgId, user.organizationId) : sql`false`;
    case "recommender":
      return user.areaCode ? eq(p.recommenderArea, user.areaCode) : sql`false`;
    case "authority":
      // "" keeps the list non-empty for an authority without a jurisdiction: it then matches nothing.
      return inArray(p.policyId, ["", ...policyIdsDecidedBy(user)]);
    case "expert": {
      const { evaluations, evaluationExperts } = schema;
      return exists(
        sql`(select 1 from ${evaluationExperts} join ${evaluations} on ${evaluations.id} = ${evaluationExperts.evaluationId}
            where ${evaluations.platformId} = ${p.id} and ${evaluationExperts.expertId} = ${user.id})`,
      );
    }
    default:
      return sql`false`;
  }
}

/** Loads a platform the user may see, else NOT_FOUND (never revealing that it exists). */
export async function loadPlatformScoped(
  db: Executor,
  user: SessionUser,
  platformId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PlatformRow> {
  const p = schema.platforms;
  const query = db
    .select()
    .from(p)
    .where(and(eq(p.id, platformId), platformsInScope(user)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw markOutOfScope(appError("NOT_FOUND", workflowMessages.notFound), "platform", platformId);
  return row;
}

/** The module a platform was approved under. */
export const platformModule = (platform: Pick<PlatformRow, "policyId">): PolicyModule =>
  moduleOf(platform.policyId);
