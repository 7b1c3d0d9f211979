import type { PlatformKind } from "@kechuang/domain";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { delistings, organizations, platformEvents, platforms } from "../schema";

export type PlatformStatus = (typeof platforms.$inferSelect)["status"];

export interface ApprovedPlatformRow {
  id: string;
  name: string;
  kind: string;
  policyId: string;
  jurisdiction: string;
  leadUnitName: string;
  approvedOn: string;
  fields: string[];
  status: PlatformStatus;
  /** Set for a revoked (delisted) platform: the day of the decision. */
  revokedOn: string | null;
  /** The delisting's grounds (module ground ids), for a revoked platform. */
  groundIds: string[] | null;
  /** The clause the revocation cited when it was decided (kept even if the module changes later). */
  delistingRuleId: string | null;
}

const publicColumns = {
  id: platforms.id,
  name: platforms.name,
  kind: platforms.kind,
  policyId: platforms.policyId,
  jurisdiction: platforms.jurisdiction,
  leadUnitName: organizations.name,
  approvedOn: platforms.approvedOn,
  fields: platforms.fields,
  status: platforms.status,
  revokedOn: platforms.revokedOn,
  groundIds: delistings.groundIds,
  delistingRuleId: delistings.ruleId,
};

/**
 * The public register: every approved platform, revoked ones included (a revocation is public and nothing
 * is deleted: issue 10), oldest approval first within each policy.
 */
export async function listApprovedPlatforms(
  db: Executor,
  filter: { policyId?: string; kind?: PlatformKind } = {},
): Promise<ApprovedPlatformRow[]> {
  const conditions: SQL[] = [];
  if (filter.policyId) conditions.push(eq(platforms.policyId, filter.policyId));
  if (filter.kind) conditions.push(eq(platforms.kind, filter.kind));
  return db
    .select(publicColumns)
    .from(platforms)
    .innerJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .leftJoin(delistings, eq(delistings.platformId, platforms.id))
    .where(and(...conditions))
    .orderBy(asc(platforms.policyId), asc(platforms.approvedOn), asc(platforms.name));
}

/** One platform's public record, or null. */
export async function findPublicPlatform(
  db: Executor,
  platformId: string,
): Promise<ApprovedPlatformRow | null> {
  const [row] = await db
    .select(publicColumns)
    .from(platforms)
    .innerJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .leftJoin(delistings, eq(delistings.platformId, platforms.id))
    .where(eq(platforms.id, platformId));
  return row ?? null;
}

export interface PlatformEventRow {
  kind: (typeof platformEvents.$inferSelect)["kind"];
  occurredOn: string;
  detail: Record<string, unknown>;
  ruleId: string | null;
}

/** A platform's public events in the order they happened (same day: the order they were recorded). */
export async function listPlatformEvents(db: Executor, platformId: string): Promise<PlatformEventRow[]> {
  return db
    .select({
      kind: platformEvents.kind,
      occurredOn: platformEvents.occurredOn,
      detail: platformEvents.detail,
      ruleId: platformEvents.ruleId,
    })
    .from(platformEvents)
    .where(eq(platformEvents.platformId, platformId))
    .orderBy(asc(platformEvents.occurredOn), asc(platformEvents.id));
}
