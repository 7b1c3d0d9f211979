import { type Executor, schema } from "@kechuang/db";
import type { LocalizedText, SessionUser } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { and, eq, ne, type SQL } from "drizzle-orm";
import { overseenBy } from "./records";

export interface WaitingItem {
  applicationId: string;
  title: string;
  policyId: string;
  stage: string;
  stageName: LocalizedText;
  organizationName: string;
  waitingSince: Date;
  hoursWaiting: number;
}

/**
 * "What waits for me": applications in the caller's scope whose current stage names the caller's role
 * among its actors, oldest first. Experts: only their panels, and only until their opinion is in.
 */
export async function waitingFor(db: Executor, user: SessionUser, now: Date): Promise<WaitingItem[]> {
  const { applications: a, organizations: o, panelMembers: p } = schema;
  const scope: SQL | undefined =
    user.role === "applicant"
      ? eq(a.organizationId, user.organizationId ?? "00000000-0000-0000-0000-000000000000")
      : user.role === "recommender"
        ? // Sent in from its area only: a draft is the applicant's own, and no area means no list.
          user.areaCode
          ? and(eq(a.recommenderArea, user.areaCode), ne(a.stage, "draft"))
          : undefined
        : user.role === "authority"
          ? overseenBy(user)
          : undefined;
  if (user.role !== "expert" && !scope) return [];
  const base = db
    .select({
      applicationId: a.id,
      title: a.title,
      policyId: a.policyId,
      stage: a.stage,
      organizationName: o.name,
      waitingSince: a.updatedAt,
    })
    .from(a)
    .innerJoin(o, eq(o.id, a.organizationId));
  const rows =
    user.role === "expert"
      ? await base.innerJoin(p, and(eq(p.applicationId, a.id), eq(p.expertId, user.id)))
      : await base.where(scope);
  const given =
    user.role === "expert"
      ? await db
          .select({ applicationId: schema.opinions.applicationId, stage: schema.opinions.stage })
          .from(schema.opinions)
          .where(eq(schema.opinions.expertId, user.id))
      : [];
  const items: WaitingItem[] = [];
  for (const row of rows) {
    const stage = registry.get(row.policyId)?.workflow.stages.find((s) => s.id === row.stage);
    if (!stage?.actors.includes(user.role)) continue;
    if (given.some((g) => g.applicationId === row.applicationId && g.stage === row.stage)) continue;
    items.push({
      ...row,
      stageName: stage.name,
      hoursWaiting: Math.max(0, Math.floor((now.getTime() - row.waitingSince.getTime()) / 3_600_000)),
    });
  }
  return items.sort((x, y) => x.waitingSince.getTime() - y.waitingSince.getTime());
}
