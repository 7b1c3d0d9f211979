import {
  addMonths,
  isBefore,
  type Obligation,
  type PolicySetting,
  type ScheduleInput,
  yearOf,
} from "@kechuang/domain";
import { annualReportRule, periodRule } from "./rules";

/** 三(二): "一般以三年为建设周期". */
export const CONSTRUCTION_PERIOD_MONTHS = 36;

/** Values the source does not give (六(四) names no due date and no evaluation date): local settings. */
export const scTicSettings = [
  {
    key: "annualReportDue",
    label: { zh: "年度报告截止日（次年，月-日）", en: "Annual report due (following year, MM-DD)" },
    value: "03-31",
    relatesTo: annualReportRule.id,
  },
  {
    key: "summaryEvaluationLeadMonths",
    label: {
      zh: "建设期满前开展总结评估的月数",
      en: "Months before the period ends when the summary evaluation opens",
    },
    value: 6,
    relatesTo: periodRule.id,
  },
] as const satisfies readonly PolicySetting[];

const [reportDue, evaluationLead] = scTicSettings;

/**
 * Annual reports cover each calendar year from the approval year on (the source grants no exemption) and
 * are due on the configured date of the following year. The summary evaluation happens "建设期满前", so it
 * opens a configured number of months before the 3-year period ends.
 */
export function scTicSchedule({ approvedOn, years }: ScheduleInput): Obligation[] {
  const firstYear = yearOf(approvedOn);
  const reports: Obligation[] = Array.from({ length: years }, (_, i) => ({
    kind: "annual-report",
    yearCovered: firstYear + i,
    dueOn: `${firstYear + i + 1}-${reportDue.value}`,
    exempt: false,
    ruleId: annualReportRule.id,
    configurable: true,
  }));
  const windowEnd = addMonths(approvedOn, years * 12);
  const evaluationOn = addMonths(approvedOn, CONSTRUCTION_PERIOD_MONTHS - evaluationLead.value);
  const evaluations: Obligation[] = isBefore(evaluationOn, windowEnd)
    ? [{ kind: "evaluation", earliestOn: evaluationOn, ruleId: periodRule.id, configurable: true }]
    : [];
  return [...reports, ...evaluations];
}
