import { type Executor, schema } from "@kechuang/db";
import type { LocalizedText } from "@kechuang/domain";
import { and, asc, eq } from "drizzle-orm";
import type { ApplicationRow } from "./records";

const ties = {
  lead: { zh: "牵头单位", en: "lead unit" },
  coBuild: { zh: "共建单位", en: "co-build unit" },
  recommender: { zh: "推荐单位", en: "recommender" },
} satisfies Record<string, LocalizedText>;

/**
 * common.conflict-of-interest: an expert may not review an application whose lead unit, a co-build unit
 * or recommender is the expert's own organization (matched by id, or by name as entered in the facts).
 */
export async function conflictOf(
  db: Executor,
  app: ApplicationRow,
  expertOrganizationId: string | null,
): Promise<{ organization: string; tie: LocalizedText } | null> {
  if (!expertOrganizationId) return null;
  const [org] = await db
    .select()
    .from(schema.organizations)
    .where(eq(schema.organizations.id, expertOrganizationId));
  if (!org) return null;
  const facts = app.facts as {
    leadUnit?: { name?: string };
    coBuildUnits?: { name: string }[];
  };
  if (org.id === app.organizationId || facts.leadUnit?.name?.trim() === org.name) {
    return { organization: org.name, tie: ties.lead };
  }
  if ((facts.coBuildUnits ?? []).some((u) => u.name.trim() === org.name)) {
    return { organization: org.name, tie: ties.coBuild };
  }
  // The recommender is the government of the application's area: any of its recommender accounts' organization.
  const recommender = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(
      and(
        eq(schema.users.role, "recommender"),
        eq(schema.users.areaCode, app.recommenderArea),
        eq(schema.users.organizationId, org.id),
      ),
    )
    .limit(1);
  if (recommender.length > 0) return { organization: org.name, tie: ties.recommender };
  return null;
}

/** Every enabled expert with organization and expertise, by name: whom a panel or an evaluation can seat. */
export function activeExperts(db: Executor) {
  const { users: u, organizations: o, expertProfiles: x } = schema;
  return db
    .select({
      expertId: u.id,
      name: u.displayName,
      organizationId: u.organizationId,
      organization: o.name,
      expertise: x.expertise,
    })
    .from(u)
    .leftJoin(o, eq(o.id, u.organizationId))
    .leftJoin(x, eq(x.userId, u.id))
    .where(and(eq(u.role, "expert"), eq(u.disabled, false)))
    .orderBy(asc(u.displayName));
}
