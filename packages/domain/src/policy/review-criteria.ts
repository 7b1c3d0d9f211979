import type { LocalizedText } from "../common";
import type { Score } from "../entities/review";
import type { Citation, PolicyModule } from "./contract";

/**
 * What an expert scores, derived from the module itself so a province team never maintains a second list:
 * each top-level section of the plan outline (the plan is written along it), then each human-judgement
 * rule of the module (its checklist items, with their clause and prompt). Every criterion is scored 0–100.
 * A module with neither is scored once, overall.
 */
export interface ReviewCriterion {
  id: string;
  label: LocalizedText;
  source: "outline" | "checklist";
  /** The outline's own number ("二", "3") for sections. */
  number?: string;
  citation?: Citation;
  prompt?: LocalizedText;
}

export function reviewCriteria(module: PolicyModule): ReviewCriterion[] {
  const sections: ReviewCriterion[] = (module.outline?.sections ?? []).map((section) => ({
    id: `outline.${section.id}`,
    label: section.title,
    source: "outline",
    number: section.number,
  }));
  const judgements: ReviewCriterion[] = module.rules
    .filter((rule) => rule.implementedBy === "checklist")
    .map((rule) => ({
      id: rule.id,
      label: rule.title,
      source: "checklist",
      citation: rule.citation,
      ...(rule.prompt ? { prompt: rule.prompt } : {}),
    }));
  const criteria = [...sections, ...judgements];
  return criteria.length > 0 ? criteria : [overallCriterion];
}

export const overallCriterion: ReviewCriterion = {
  id: "overall",
  label: { zh: "总体评价", en: "Overall assessment" },
  source: "outline",
};

/** Why `scores` do not cover `criteria` exactly once each, or null when they do. */
export function scoreProblem(
  criteria: readonly ReviewCriterion[],
  scores: readonly Score[],
): LocalizedText | null {
  const known = new Set(criteria.map((c) => c.id));
  const unknown = scores.filter((s) => !known.has(s.criterion)).map((s) => s.criterion);
  if (unknown.length > 0) {
    return {
      zh: `评分项不属于本政策的评审要点：${unknown.join("、")}`,
      en: `Not a review criterion of this policy: ${unknown.join(", ")}`,
    };
  }
  const seen = new Set<string>();
  const twice = scores.filter((s) => seen.has(s.criterion) || !seen.add(s.criterion)).map((s) => s.criterion);
  if (twice.length > 0) {
    return { zh: `评分项重复：${twice.join("、")}`, en: `Scored more than once: ${twice.join(", ")}` };
  }
  const missing = criteria.filter((c) => !seen.has(c.id));
  if (missing.length > 0) {
    return {
      zh: `尚有评审要点未评分：${missing.map((c) => c.label.zh).join("、")}`,
      en: `Criteria not yet scored: ${missing.map((c) => c.label.en).join(", ")}`,
    };
  }
  return null;
}
