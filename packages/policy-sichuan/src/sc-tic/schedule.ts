import {
  addMonths,
  isBefore,
  type Obligation,
  type PolicySetting,
  type ScheduleInput,
  yearOf,
} from "@kechuang/domain";
import { annualReportRule, outcomesRule } from "./rules";

/** 三(二): "一般以三年为建设周期". */
export const CONSTRUCTION_PERIOD_MONTHS = 36;

/** Values the source does not give (六(四) names no due date, and "建设期满前" no lead time): local settings. */
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
    relatesTo: outcomesRule.id,
  },
] as const satisfies readonly PolicySetting[];

const [reportDue, evaluationLead] = scTicSettings;

/**
 * Annual reports cover each calendar year from the approval year on (the source grants no exemption) and
 * are due on the configured date of the following year. 六(四) "建设期满前,科技厅组织开展建设情况总结评估": the
 * summary evaluation opens a configured number of months before the period (三(二), 3 years) ends, and cites
 * 六(四) (sc-tic.outcomes), the clause that schedules it, not 三(二), which only sets the period's length.
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
    ? [
        {
          kind: "evaluation",
          earliestOn: evaluationOn,
          ruleId: outcomesRule.id,
          evaluationKind: "summary",
          configurable: true,
        },
      ]
    : [];
  return [...reports, ...evaluations];
}
