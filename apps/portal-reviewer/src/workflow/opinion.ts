import type { ReviewCriterion, Score } from "@kechuang/domain";

export type Criterion = Pick<ReviewCriterion, "id" | "label" | "prompt" | "citation">;

/** The form's score inputs → the scores the server stores, in the criteria's order, whole points 0–100. */
export function scoresFromForm(
  criteria: readonly Criterion[],
  values: Record<string, number | null | undefined>,
): Score[] {
  return criteria.flatMap((c) => {
    const value = values[c.id];
    if (value === undefined || value === null || Number.isNaN(value)) return [];
    return [{ criterion: c.id, score: Math.min(100, Math.max(0, Math.round(value))) }];
  });
}
