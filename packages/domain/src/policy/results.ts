import type { LocalizedText } from "../common";
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
    `Please state ${factEn} (${where}).`,
  );
}

/**
 * The standard answer when a rule does not govern these facts: shown apart, neither passing nor failing.
 * `whyEn` is a clause ("the lead unit is a university; only enterprise leads must …"): the helper makes the sentence.
 */
export function notApplicable(rule: Cited, whyZh: string, whyEn: string): RuleResult {
  const where = `${rule.citation.source} ${rule.citation.clause}`;
  return ruleResult(
    rule,
    "not-applicable",
    `不适用：${whyZh}（${where}）`,
    `Not applicable: ${whyEn} (${where}).`,
  );
}

const YUAN_PER_WAN = 10_000;

/**
 * Amounts in rule messages, in the reader's language. Chinese follows the sources' own style (“4000万元”):
 * a whole number of 万 is written in 万元 without separators (5000000 → "500万元"); anything else, 0 included,
 * in 元 with thousands separators (12345 → "12,345元", 10001 → "10,001元"). English always reads
 * "5,000,000 CNY". Fractions (a three-year average) keep up to two decimals: "39,999,999.67元".
 */
export function formatCny(amount: number, locale: keyof LocalizedText): string {
  const yuan = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (locale === "en") return `${yuan(amount)} CNY`;
  if (amount !== 0 && Number.isInteger(amount) && amount % YUAN_PER_WAN === 0)
    return `${amount / YUAN_PER_WAN}万元`;
  return `${yuan(amount)}元`;
}

/**
 * Overall outcome: fail if any rule fails, else needs-information if any needs it, else pass.
 * `not-applicable` results are left out of the combination; only when every result is one is the whole
 * answer `not-applicable` (no results at all still reads pass, as before).
 */
export function overallOutcome(results: readonly { outcome: RuleOutcome }[]): RuleOutcome {
  const applicable = results.filter((r) => r.outcome !== "not-applicable");
  if (results.length > 0 && applicable.length === 0) return "not-applicable";
  if (applicable.some((r) => r.outcome === "fail")) return "fail";
  if (applicable.some((r) => r.outcome === "needs-information")) return "needs-information";
  return "pass";
}

/** How many results of each outcome: what the portals' summaries show (not-applicable is its own count). */
export function countOutcomes(results: readonly { outcome: RuleOutcome }[]): Record<RuleOutcome, number> {
  const counts: Record<RuleOutcome, number> = {
    pass: 0,
    fail: 0,
    "needs-information": 0,
    "not-applicable": 0,
  };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

/** The results in their module order, with the not-applicable ones moved after the rest: shown apart. */
export function applicableFirst<T extends { outcome: RuleOutcome }>(results: readonly T[]): T[] {
  return [
    ...results.filter((r) => r.outcome !== "not-applicable"),
    ...results.filter((r) => r.outcome === "not-applicable"),
  ];
}

/** Convenience for module authors: a rule object is its own `Cited`. */
export type RuleSpec = Omit<PolicyRule, "evaluate">;
