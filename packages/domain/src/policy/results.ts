import type { Citation, PolicyRule, RuleOutcome, RuleResult } from "./contract";

type Cited = { id: string; citation: Citation };

/** Builds a rule result; the message must name the clause and the figure compared. */
export function ruleResult(rule: Cited, outcome: RuleOutcome, zh: string, en: string): RuleResult {
  return { ruleId: rule.id, outcome, message: { zh, en }, citation: rule.citation };
}

/** The standard answer when a fact a rule needs was not given. */
export function needsInformation(rule: Cited, factZh: string, factEn: string): RuleResult {
  const where = `${rule.citation.source} ${rule.citation.clause}`;
  return ruleResult(
    rule,
    "needs-information",
    `缺少信息：${factZh}（${where}）`,
    `Missing: ${factEn} (${where})`,
  );
}

/** 40000000 → "40,000,000 CNY": amounts in messages are whole yuan with separators. */
export const formatCny = (amount: number): string => `${Math.round(amount).toLocaleString("en-US")} CNY`;

/** Overall outcome: fail if any rule fails, else needs-information if any needs it, else pass. */
export function overallOutcome(results: readonly { outcome: RuleOutcome }[]): RuleOutcome {
  if (results.some((r) => r.outcome === "fail")) return "fail";
  if (results.some((r) => r.outcome === "needs-information")) return "needs-information";
  return "pass";
}

/** Convenience for module authors: a rule object is its own `Cited`. */
export type RuleSpec = Omit<PolicyRule, "evaluate">;
