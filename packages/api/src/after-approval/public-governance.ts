import type { FactChoice, GovernanceState, OrganizationType, PolicyModule } from "@kechuang/domain";

/**
 * What the public may know of a platform's governance and, for a zone, its tasks and indicators. Everything
 * here is copied field by field through an allow-list: an applicant's facts also hold contacts, expertise
 * or ID numbers (today or in a later version of the form), and none of it may reach the public page. Reviewer
 * identities, scores and opinions live elsewhere and are never read here.
 *
 * The governance comes from the platform's governance records as they stand today (issue 11); a zone's
 * tasks still come from the approved application's facts (they are not governance).
 */

/** A member as the public sees one: the name and the organization they come from, nothing else. */
export interface PublicMember {
  name: string;
  organization: string | null;
}

export interface PublicGovernance {
  coBuildUnits: { name: string; type: OrganizationType | null }[];
  board: PublicMember[];
  committee: {
    kind: "expert-committee" | "tech-guidance-committee";
    chair: PublicMember | null;
    members: PublicMember[];
  } | null;
  /** The center's director, when one is recorded. */
  director: PublicMember | null;
}

/** One reported indicator: the zone's own target for the year and what was achieved. */
export interface PublicIndicator {
  name: string;
  unit: string;
  target: number | null;
  actual: number;
}

export interface PublicZoneProfile {
  /** The demonstration tasks the zone took on, named from the module's vocabulary (with the clause). */
  tasks: FactChoice[];
  /** How many indicators the zone's system has, as the approved facts state it. */
  indicatorCount: number | null;
  /** The latest accepted annual report's indicators; null when no accepted report carries any yet. */
  reported: { yearCovered: number; indicators: PublicIndicator[] } | null;
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

const shortText = (value: unknown, max: number): string | null => {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : null;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Name and organization only: never affiliation, expertise, contacts or the director flag. */
const publicMember = (member: { name: string; organization?: string }): PublicMember => ({
  name: member.name,
  organization: member.organization ?? null,
});

/**
 * The public governance of a platform: its records open today (governanceOn), copied field by field. The
 * lead unit is on the page already (the register entry); the director's time at the center is not public.
 */
export function publicGovernance(state: GovernanceState): PublicGovernance {
  return {
    coBuildUnits: state.coBuildUnits.map((unit) => ({ name: unit.name, type: unit.type ?? null })),
    board: state.board.map(publicMember),
    committee: state.committee
      ? {
          kind: state.committee.kind,
          chair: state.committee.chair ? publicMember(state.committee.chair) : null,
          members: state.committee.members.map(publicMember),
        }
      : null,
    director: state.director ? publicMember(state.director) : null,
  };
}

const finite = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** A report's indicators, allow-listed: name, unit, target and actual of each, nothing else. */
export function publicIndicators(content: unknown): PublicIndicator[] {
  return list(record(content)?.indicators).flatMap((value) => {
    const indicator = record(value);
    const name = shortText(indicator?.name, 100);
    const unit = shortText(indicator?.unit, 20);
    const actual = finite(indicator?.actual);
    if (!name || !unit || actual === null) return [];
    return [{ name, unit, target: finite(indicator?.target), actual }];
  });
}

/**
 * A zone's public profile, for modules whose annual report carries indicators (sc-zone); null otherwise.
 * `reports` are the platform's accepted reports, any order: the latest one with indicators is shown.
 */
export function publicZoneProfile(
  module: PolicyModule | undefined,
  facts: unknown,
  reports: readonly { yearCovered: number; content: unknown }[],
): PublicZoneProfile | null {
  if (!module?.annualReport?.indicators) return null;
  const zone = record(record(facts)?.zone);
  const vocabulary = module.factChoices?.demonstrationTasks ?? [];
  // Only ids from the module's list: a free-text task an old form let through is not shown as if it were one.
  const tasks = list(zone?.demonstrationTasks).flatMap((id) => {
    const task = vocabulary.find((choice) => choice.id === id);
    return task ? [{ id: task.id, name: task.name, clause: task.clause }] : [];
  });
  const count = finite(zone?.indicatorCount);
  const reported = [...reports]
    .sort((a, b) => b.yearCovered - a.yearCovered)
    .map((report) => ({ yearCovered: report.yearCovered, indicators: publicIndicators(report.content) }))
    .find((report) => report.indicators.length > 0);
  return {
    tasks,
    indicatorCount: count !== null && Number.isInteger(count) && count >= 0 ? count : null,
    reported: reported ?? null,
  };
}
