import { type Expertise, expertiseSchema } from "@kechuang/domain";

export type ExpertiseCheck = { expertise: string; covered: boolean; memberNames: string[] };

/**
 * The module's required expertise as a checklist against the panel's seats: each line turns green once a
 * member sits in that seat. The server's `panel-formed` guard decides; this only shows the state.
 */
export function expertiseCoverage(
  required: readonly string[],
  members: readonly { name: string; seat: string }[],
): ExpertiseCheck[] {
  return [...new Set(required)].map((expertise) => {
    const memberNames = members.filter((m) => m.seat === expertise).map((m) => m.name);
    return { expertise, covered: memberNames.length > 0, memberNames };
  });
}

export const panelComplete = (checks: readonly ExpertiseCheck[]): boolean => checks.every((c) => c.covered);

/** Least-loaded experts first, so the authority spreads the work; conflicted experts go last. */
export function byLoadThenConflict<T extends { load: number; name: string; conflict?: unknown }>(
  experts: readonly T[],
): T[] {
  return [...experts].sort(
    (a, b) =>
      Number(Boolean(a.conflict)) - Number(Boolean(b.conflict)) ||
      a.load - b.load ||
      a.name.localeCompare(b.name, "zh-CN"),
  );
}

const expertiseIds: readonly string[] = expertiseSchema.options;

/** The server stores expertise as text; only the domain's seats can be assigned. */
export const knownExpertise = (values: readonly string[]): Expertise[] =>
  values.filter((v): v is Expertise => expertiseIds.includes(v));
