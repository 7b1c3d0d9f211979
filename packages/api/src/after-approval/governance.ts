import { type Executor, governanceOn, type MembershipRow, membershipHistory } from "@kechuang/db";
import type { GovernanceState, SessionUser } from "@kechuang/domain";
import { loadPlatformScoped, type PlatformRow } from "./scope";

/**
 * A platform's governance bodies as records (issue 11): the state on a day and every membership with its
 * dates. Read-only; the writes are the approval (workflow/transition.ts) and change requests (changes.ts).
 */

export interface GovernancePlatform {
  id: string;
  name: string;
  policyId: string;
  kind: string;
  location: string | null;
}

const platformOf = (p: PlatformRow): GovernancePlatform => ({
  id: p.id,
  name: p.name,
  policyId: p.policyId,
  kind: p.kind,
  location: p.location ?? null,
});

export interface GovernanceOnDay {
  platform: GovernancePlatform;
  state: GovernanceState;
  asOf: string;
}

/** The bodies on `day` (today for `current`): the rows whose span covers it. */
export async function governanceOnDay(
  db: Executor,
  user: SessionUser,
  platformId: string,
  day: string,
): Promise<GovernanceOnDay> {
  const platform = await loadPlatformScoped(db, user, platformId);
  return { platform: platformOf(platform), state: await governanceOn(db, platform.id, day), asOf: day };
}

export type MembershipHistoryRow = Pick<
  MembershipRow,
  | "id"
  | "body"
  | "bodyKind"
  | "position"
  | "name"
  | "organization"
  | "affiliation"
  | "expertise"
  | "isDirector"
  | "organizationType"
  | "fullTime"
  | "monthsPerYear"
  | "since"
  | "until"
  | "openedByChange"
  | "closedByChange"
>;

const bodyOrder: readonly MembershipRow["body"][] = [
  "lead-unit",
  "co-build-unit",
  "board",
  "committee",
  "director",
  "joint-meeting",
];

/** Every membership the platform ever had, by body then start: who sat when, and which change moved them. */
export async function governanceHistory(
  db: Executor,
  user: SessionUser,
  platformId: string,
): Promise<{ platform: GovernancePlatform; rows: MembershipHistoryRow[] }> {
  const platform = await loadPlatformScoped(db, user, platformId);
  const rows = await membershipHistory(db, platform.id);
  // Bodies in the order the platform page shows them; within one, as stored (by start, then seat order).
  const rank = (r: MembershipRow) => bodyOrder.indexOf(r.body) * 2 + (r.position === "chair" ? 0 : 1);
  return {
    platform: platformOf(platform),
    rows: [...rows]
      .sort((a, b) => rank(a) - rank(b))
      .map((r) => ({
        id: r.id,
        body: r.body,
        bodyKind: r.bodyKind,
        position: r.position,
        name: r.name,
        organization: r.organization,
        affiliation: r.affiliation,
        expertise: r.expertise,
        isDirector: r.isDirector,
        organizationType: r.organizationType,
        fullTime: r.fullTime,
        monthsPerYear: r.monthsPerYear,
        since: r.since,
        until: r.until,
        openedByChange: r.openedByChange,
        closedByChange: r.closedByChange,
      })),
  };
}
