import {
  type Affiliation,
  type CenterFacts,
  type CoBuildUnit,
  type CommitteeKind,
  centerFactsSchema,
  type Expertise,
  emptyGovernanceState,
  type GovernanceMember,
  type GovernanceState,
  governanceStateFromFacts,
  type OrganizationType,
} from "@kechuang/domain";
import { and, asc, eq, gt, isNull, lte, notExists, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { applications, governanceMemberships, organizations, platforms } from "../schema";

/**
 * Governance records (issue 11). A state is written as the difference from the rows open on its effective day:
 * a seat that stays keeps its `since`, a seat that goes gets `until`, a new seat opens. Reading a day selects
 * the rows whose span covers it, so "who sat on the committee on 1 March 2025" has one answer.
 */

export type MembershipRow = typeof governanceMemberships.$inferSelect;
type NewMembership = typeof governanceMemberships.$inferInsert;

/** The columns that make one seat; a seat whose columns all match stays open across a change. */
type Seat = Omit<
  NewMembership,
  "id" | "platformId" | "jurisdiction" | "since" | "until" | "openedByChange" | "closedByChange" | "createdAt"
>;

const memberSeat = (
  body: "board" | "committee",
  m: GovernanceMember,
  extra: { bodyKind?: CommitteeKind; position?: "member" | "chair" } = {},
): Seat => ({
  body,
  bodyKind: extra.bodyKind ?? null,
  position: extra.position ?? "member",
  name: m.name,
  organization: m.organization ?? null,
  affiliation: m.affiliation,
  expertise: m.expertise ?? null,
  isDirector: m.isDirector === true,
  organizationType: null,
  fullTime: null,
  monthsPerYear: null,
  seatId: null,
  department: null,
});

const unitSeat = (body: "lead-unit" | "co-build-unit", name: string, type?: OrganizationType): Seat => ({
  ...memberSeat("board", { name, affiliation: body === "lead-unit" ? "lead-unit" : "co-build-unit" }),
  body,
  affiliation: null,
  organizationType: type ?? null,
});

/** Every seat of a state, as rows would hold them. */
export function seatsOf(state: GovernanceState): Seat[] {
  const seats: Seat[] = [];
  if (state.leadUnit) seats.push(unitSeat("lead-unit", state.leadUnit.name, state.leadUnit.type));
  for (const u of state.coBuildUnits) seats.push(unitSeat("co-build-unit", u.name, u.type));
  for (const m of state.board) seats.push(memberSeat("board", m));
  if (state.committee) {
    const bodyKind = state.committee.kind;
    if (state.committee.chair)
      seats.push(memberSeat("committee", state.committee.chair, { bodyKind, position: "chair" }));
    for (const m of state.committee.members) seats.push(memberSeat("committee", m, { bodyKind }));
  }
  if (state.director) {
    const d = state.director;
    seats.push({
      ...memberSeat("board", { name: d.name, affiliation: "lead-unit", organization: d.organization }),
      body: "director",
      affiliation: null,
      fullTime: d.fullTime ?? null,
      monthsPerYear: d.monthsPerYearAtCenter ?? null,
    });
  }
  return seats;
}

const seatKey = (s: Seat | MembershipRow): string =>
  JSON.stringify([
    s.body,
    s.bodyKind ?? null,
    s.position ?? "member",
    s.name,
    s.organization ?? null,
    s.affiliation ?? null,
    s.expertise ?? null,
    s.isDirector ?? false,
    s.organizationType ?? null,
    s.fullTime ?? null,
    s.monthsPerYear ?? null,
    s.seatId ?? null,
    s.department ?? null,
  ]);

/** Rows open on `day`: since <= day < until. */
const openOn = (day: string) =>
  and(
    lte(governanceMemberships.since, day),
    or(isNull(governanceMemberships.until), gt(governanceMemberships.until, day)),
  );

/** The platform's membership rows open on `day`. */
export async function membershipsOn(db: Executor, platformId: string, day: string): Promise<MembershipRow[]> {
  return db
    .select()
    .from(governanceMemberships)
    .where(and(eq(governanceMemberships.platformId, platformId), openOn(day)))
    .orderBy(
      asc(governanceMemberships.body),
      asc(governanceMemberships.since),
      asc(governanceMemberships.createdAt),
    );
}

/** Every row the platform ever had, oldest first: the history the reviewer portal shows. */
export async function membershipHistory(db: Executor, platformId: string): Promise<MembershipRow[]> {
  return db
    .select()
    .from(governanceMemberships)
    .where(eq(governanceMemberships.platformId, platformId))
    .orderBy(
      asc(governanceMemberships.body),
      asc(governanceMemberships.since),
      asc(governanceMemberships.createdAt),
    );
}

const member = (r: MembershipRow): GovernanceMember => ({
  name: r.name,
  affiliation: (r.affiliation ?? "external") as Affiliation,
  ...(r.organization ? { organization: r.organization } : {}),
  ...(r.expertise ? { expertise: r.expertise as Expertise } : {}),
  ...(r.isDirector ? { isDirector: true } : {}),
});

/** The state the rows describe (rows of one day, as `membershipsOn` returns them). */
export function stateOfRows(rows: readonly MembershipRow[]): GovernanceState {
  const lead = rows.find((r) => r.body === "lead-unit");
  const committeeRows = rows.filter((r) => r.body === "committee");
  const chair = committeeRows.find((r) => r.position === "chair");
  const director = rows.find((r) => r.body === "director");
  const kind = committeeRows[0]?.bodyKind as CommitteeKind | undefined;
  return {
    ...emptyGovernanceState,
    leadUnit: lead
      ? {
          name: lead.name,
          ...(lead.organizationType ? { type: lead.organizationType as OrganizationType } : {}),
        }
      : null,
    coBuildUnits: rows
      .filter((r) => r.body === "co-build-unit")
      .map(
        (r): CoBuildUnit => ({
          name: r.name,
          type: (r.organizationType ?? "enterprise") as OrganizationType,
        }),
      ),
    board: rows.filter((r) => r.body === "board").map(member),
    committee: kind
      ? {
          kind,
          chair: chair ? member(chair) : null,
          members: committeeRows.filter((r) => r.position !== "chair").map(member),
        }
      : null,
    director: director
      ? {
          name: director.name,
          ...(director.organization ? { organization: director.organization } : {}),
          ...(director.fullTime !== null ? { fullTime: director.fullTime } : {}),
          ...(director.monthsPerYear !== null ? { monthsPerYearAtCenter: director.monthsPerYear } : {}),
        }
      : null,
  };
}

/** The platform's governance on `day`. */
export async function governanceOn(db: Executor, platformId: string, day: string): Promise<GovernanceState> {
  return stateOfRows(await membershipsOn(db, platformId, day));
}

export interface WriteGovernanceInput {
  platformId: string;
  jurisdiction: string;
  state: GovernanceState;
  effectiveOn: string;
  /** The change that brings this state (null: approval or the seed). */
  changeId?: string | null;
}

/**
 * Makes `state` the platform's governance from `effectiveOn`: closes the open seats it no longer has, opens the
 * ones it adds, leaves the rest untouched. Returns how many rows closed and opened. Call it inside the
 * transaction that records the approval or the change (the audit row goes in the same one).
 */
export async function writeGovernanceState(
  tx: Executor,
  input: WriteGovernanceInput,
): Promise<{ closed: number; opened: number }> {
  const open = await membershipsOn(tx, input.platformId, input.effectiveOn);
  const wanted = seatsOf(input.state);
  const remaining = new Map<string, number>();
  for (const s of wanted) remaining.set(seatKey(s), (remaining.get(seatKey(s)) ?? 0) + 1);
  const toClose: MembershipRow[] = [];
  for (const row of open) {
    const key = seatKey(row);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else toClose.push(row);
  }
  const changeId = input.changeId ?? null;
  for (const row of toClose) {
    await tx
      .update(governanceMemberships)
      .set({ until: input.effectiveOn, closedByChange: changeId })
      .where(eq(governanceMemberships.id, row.id));
  }
  const toOpen = wanted.filter((s) => {
    const key = seatKey(s);
    const left = remaining.get(key) ?? 0;
    if (left <= 0) return false;
    remaining.set(key, left - 1);
    return true;
  });
  if (toOpen.length > 0) {
    // One millisecond apart: reads order a body's seats by (since, createdAt), and now() is the same for every
    // row of a transaction, so without this the seats of one state would come back in any order.
    const start = Date.now();
    await tx.insert(governanceMemberships).values(
      toOpen.map((s, i) => ({
        ...s,
        platformId: input.platformId,
        jurisdiction: input.jurisdiction,
        since: input.effectiveOn,
        openedByChange: changeId,
        createdAt: new Date(start + i),
      })),
    );
  }
  return { closed: toClose.length, opened: toOpen.length };
}

/**
 * The first state of a platform approved on `facts`. Stored facts are JSON nobody re-validated since the
 * form: what does not parse counts as facts that name only the kind (the lead unit then comes from the org).
 */
export function governanceStateOfApproval(
  facts: unknown,
  kind: string,
  leadOrgName: string | null,
): GovernanceState {
  return governanceStateFromFacts(approvedFactsOf(facts, kind), leadOrgName);
}

/** Stored facts as the rules read them; what does not parse (or is absent) names only the platform's kind. */
export function approvedFactsOf(facts: unknown, kind: string): CenterFacts {
  const parsed = centerFactsSchema.safeParse(facts);
  return parsed.success ? parsed.data : ({ kind } as CenterFacts);
}

/**
 * Platforms approved before migration 0009 have no membership rows: their approved application's facts become
 * their first state, effective on the approval day. Runs at server start; a platform with any row is skipped
 * (NOT EXISTS on the indexed platform_id), so once done it selects nothing. Returns how many it filled.
 */
export async function backfillGovernance(db: Executor): Promise<number> {
  const missing = await db
    .select({
      id: platforms.id,
      jurisdiction: platforms.jurisdiction,
      approvedOn: platforms.approvedOn,
      kind: platforms.kind,
      facts: applications.facts,
      leadOrgName: organizations.name,
    })
    .from(platforms)
    .innerJoin(applications, eq(applications.id, platforms.applicationId))
    .leftJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(governanceMemberships)
          .where(eq(governanceMemberships.platformId, platforms.id)),
      ),
    );
  let filled = 0;
  for (const p of missing) {
    const state = governanceStateOfApproval(p.facts, p.kind, p.leadOrgName);
    const { opened } = await db.transaction((tx) =>
      writeGovernanceState(tx, {
        platformId: p.id,
        jurisdiction: p.jurisdiction,
        state,
        effectiveOn: p.approvedOn,
      }),
    );
    if (opened > 0) filled += 1;
  }
  return filled;
}
