import type { LocalizedText, PolicyModule } from "@kechuang/domain";

/** For modules without a list of grounds (Sichuan): a revocation grade itself is the ground. */
export const REVOCATION_GRADE_GROUND = "evaluation-revocation";
/** nm-tic 三(六)3 "评估评价不合格，限期整改仍不合格"; for Sichuan the same fact, named here. */
export const FAILED_AFTER_RECTIFICATION_GROUND = "failed-after-rectification";

export interface DelistingGround {
  id: string;
  text: LocalizedText;
  /** Grounds the stored evaluations establish; the others are the authority's verified judgement. */
  evidence: "evaluation" | "authority";
}

/**
 * The grounds a module offers. Sichuan lists none but decides "整改、撤销或后续支持" by the evaluation
 * (sc-tic.outcomes / sc-zone.outcomes): there a revocation grade, or a rectification that failed its
 * re-evaluation, is the ground. Public pages name the grounds of a revocation through this list too.
 */
export function delistingGroundsOf(module: PolicyModule): DelistingGround[] {
  const policy = module.evaluation;
  if (!policy) return [];
  const listed: DelistingGround[] = (policy.delistingGrounds ?? []).map((g) => ({
    id: g.id,
    text: g.text,
    evidence: g.id === FAILED_AFTER_RECTIFICATION_GROUND ? "evaluation" : "authority",
  }));
  const has = (id: string) => listed.some((g) => g.id === id);
  if (
    policy.grades.some((g) => g.consequence === "rectification") &&
    !has(FAILED_AFTER_RECTIFICATION_GROUND)
  ) {
    listed.push({
      id: FAILED_AFTER_RECTIFICATION_GROUND,
      text: { zh: "整改后重新评估仍未通过", en: "Still failing the re-evaluation after rectification" },
      evidence: "evaluation",
    });
  }
  if (policy.grades.some((g) => g.consequence === "revocation")) {
    listed.push({
      id: REVOCATION_GRADE_GROUND,
      text: { zh: "评估结果为“撤销”", en: "Evaluation outcome: revocation" },
      evidence: "evaluation",
    });
  }
  return listed;
}

/** The rule a revocation cites: the module's delisting clause, else its evaluation-outcome clause. */
export const delistingRuleIdOf = (module: PolicyModule): string | null =>
  module.evaluation?.delistingRuleId ?? module.evaluation?.ruleId ?? null;
