import { type CenterFacts, centerFactsSchema, type PlatformKind } from "@kechuang/domain";

/**
 * The facts form edits CenterFacts in place (antd Form names follow the schema's paths); these helpers
 * only tidy what a form leaves behind: blank strings, half-filled rows and half-filled R&D years.
 */

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** Recursively drop blanks and empty objects/arrays so optional facts read as "not given". */
export function pruneBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruneBlanks).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .map(([key, inner]) => [key, pruneBlanks(inner)] as const)
      .filter(([, inner]) => inner !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return isBlank(value) ? undefined : value;
}

export type FactsFromForm = { ok: true; facts: CenterFacts } | { ok: false; paths: string[] };

/**
 * Form values → CenterFacts for saving and the live eligibility check. Three R&D years are all or
 * nothing (the rule averages three years), so a partial entry is left out rather than sent malformed.
 */
export function factsFromForm(kind: PlatformKind, values: unknown): FactsFromForm {
  const pruned = (pruneBlanks(values) ?? {}) as Record<string, unknown>;
  const leadUnit = pruned.leadUnit as Record<string, unknown> | undefined;
  const years = leadUnit?.rdExpenditureLast3Years;
  if (leadUnit && Array.isArray(years) && years.length !== 3) delete leadUnit.rdExpenditureLast3Years;
  const parsed = centerFactsSchema.safeParse({ ...pruned, kind });
  if (parsed.success) return { ok: true, facts: parsed.data };
  return { ok: false, paths: parsed.error.issues.map((issue) => issue.path.join(".")) };
}

/** Stored facts → initial form values (the R&D years as three separate inputs). */
export function formFromFacts(facts: CenterFacts | null): Record<string, unknown> {
  return facts ? structuredClone(facts) : {};
}
