import type { Citation, RuleSpec } from "@kechuang/domain";

export const SOURCE = "nm-tic-2020";
export const cite = (clause: string, quote: string): Citation => ({ source: SOURCE, clause, quote });
export const centers = ["tech-innovation-center"] as const;
/** "nm-tic-2020 三(二)": how messages name the clause they applied. */
export const where = (rule: RuleSpec) => `${rule.citation.source} ${rule.citation.clause}`;
