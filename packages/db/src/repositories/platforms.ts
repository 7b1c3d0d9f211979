import type { PlatformKind } from "@kechuang/domain";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { organizations, platforms } from "../schema";

export interface ApprovedPlatformRow {
  id: string;
  name: string;
  kind: string;
  policyId: string;
  jurisdiction: string;
  leadUnitName: string;
  approvedOn: string;
  fields: string[];
}

/** Platforms in good standing (not delisted), newest approval first within each policy. */
export async function listApprovedPlatforms(
  db: Executor,
  filter: { policyId?: string; kind?: PlatformKind } = {},
): Promise<ApprovedPlatformRow[]> {
  const conditions: SQL[] = [];
  if (filter.policyId) conditions.push(eq(platforms.policyId, filter.policyId));
  if (filter.kind) conditions.push(eq(platforms.kind, filter.kind));
  const rows = await db
    .select({
      id: platforms.id,
      name: platforms.name,
      kind: platforms.kind,
      policyId: platforms.policyId,
      jurisdiction: platforms.jurisdiction,
      leadUnitName: organizations.name,
      approvedOn: platforms.approvedOn,
      fields: platforms.fields,
      status: platforms.status,
    })
    .from(platforms)
    .innerJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .where(and(...conditions))
    .orderBy(asc(platforms.policyId), asc(platforms.approvedOn), asc(platforms.name));
  return rows.filter((r) => r.status !== "delisted").map(({ status: _status, ...rest }) => rest);
}
