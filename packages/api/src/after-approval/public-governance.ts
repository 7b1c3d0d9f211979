import {
  type FactChoice,
  type OrganizationType,
  organizationTypeSchema,
  type PolicyModule,
} from "@kechuang/domain";

/**
 * What the public may know of a platform's governance and, for a zone, its tasks and indicators. Everything
 * here is copied field by field through an allow-list: an applicant's facts also hold contacts, expertise
 * or ID numbers (today or in a later version of the form), and none of it may reach the public page. Reviewer
 * identities, scores and opinions live elsewhere and are never read here.
 *
 * The governance comes from the approved application's facts today; a later issue keeps governance as
 * records with history, and only `publicGovernance` has to change its source then.
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
  /** The member the facts mark as the center's director, when one is. */
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

/** Name and organization only; a member without a usable name is left out rather than shown blank. */
function publicMember(value: unknown): PublicMember | null {
  const member = record(value);
  const name = shortText(member?.name, 100);
  if (!name) return null;
  return { name, organization: shortText(member?.organization, 200) };
}

const members = (value: unknown): PublicMember[] =>
  list(value).flatMap((member) => publicMember(member) ?? []);

const committeeKinds = ["expert-committee", "tech-guidance-committee"] as const;

/** The public governance of a platform, from the facts it was approved on (stored JSON, trusted for nothing). */
export function publicGovernance(facts: unknown): PublicGovernance {
  const f = record(facts) ?? {};
  const board = members(record(f.board)?.members);
  const committeeFacts = record(f.committee);
  const kind = committeeKinds.find((k) => k === committeeFacts?.kind);
  const committeeMembers = members(committeeFacts?.members);
  const committee = kind
    ? { kind, chair: publicMember(committeeFacts?.chair), members: committeeMembers }
    : null;
  // The facts mark the director on a member row (nm-tic.committee-makeup); the chair entry counts too.
  const directorRow = [
    ...list(record(f.board)?.members),
    ...list(committeeFacts?.members),
    committeeFacts?.chair,
  ].find((member) => record(member)?.isDirector === true);
  return {
    coBuildUnits: list(f.coBuildUnits).flatMap((unit) => {
      const name = shortText(record(unit)?.name, 200);
      if (!name) return [];
      const type = organizationTypeSchema.safeParse(record(unit)?.type);
      return [{ name, type: type.success ? type.data : null }];
    }),
    board,
    committee,
    director: publicMember(directorRow),
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
