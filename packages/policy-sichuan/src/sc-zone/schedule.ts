import {
  addMonths,
  isAfter,
  isBefore,
  isoDate,
  type Obligation,
  type PolicySetting,
  type ScheduleInput,
  yearOf,
} from "@kechuang/domain";
import { annualReportRule, periodRule } from "./rules";

/** 六(三): "示范区建设期限原则上为三年". */
export const DEMONSTRATION_PERIOD_MONTHS = 36;

/**
 * 六(三) "每年对示范区建设进展进行考核" gives no date. The assessment reads the year's written report, due
 * "每年12月底以前" (五(四)), so it opens the day after: 1 January of the following year. A local setting.
 */
export const scZoneSettings = [
  {
    key: "annualAssessmentOpens",
    label: {
      zh: "年度考核开始日（次年，月-日；年度建设情况12月底前报送后）",
      en: "Yearly assessment opens (following year, MM-DD; after the December report)",
    },
    value: "01-01",
    relatesTo: periodRule.id,
  },
] as const satisfies readonly PolicySetting[];

const [assessmentOpens] = scZoneSettings;

/**
 * 五(四): a report on each year "每年12月底以前", i.e. due 31 December of the year it covers, from the
 * approval year on (no exemption in the source; a zone approved on 31 December reports that same day).
 *
 * 六(三): "每年对示范区建设进展进行考核" and "三年示范期结束后,由科技厅组织评估". The summary evaluation opens on the
 * third anniversary of approval (the module's reading of the conflict with 五(四) "建设期满前", see
 * `scZoneSourceConflicts`). Each calendar year of the period before the summary's own year gets one yearly
 * assessment of the year just reported, opening on the configured day; in the summary's year the summary
 * takes the assessment's place, so every zone has two assessments and then the summary.
 */
export function scZoneSchedule({ approvedOn, years }: ScheduleInput): Obligation[] {
  const firstYear = yearOf(approvedOn);
  const reports: Obligation[] = Array.from({ length: years }, (_, i) => ({
    kind: "annual-report",
    yearCovered: firstYear + i,
    dueOn: isoDate(firstYear + i, 12, 31),
    exempt: false,
    ruleId: annualReportRule.id,
  }));
  const windowEnd = addMonths(approvedOn, years * 12);
  const summaryOn = addMonths(approvedOn, DEMONSTRATION_PERIOD_MONTHS);
  const assessments: Obligation[] = [];
  for (let year = firstYear + 1; year < yearOf(summaryOn); year++) {
    const earliestOn = `${year}-${assessmentOpens.value}`;
    if (isAfter(earliestOn, windowEnd) || !isBefore(earliestOn, summaryOn)) break;
    assessments.push({
      kind: "evaluation",
      earliestOn,
      ruleId: periodRule.id,
      evaluationKind: "annual-assessment",
      yearCovered: year - 1,
      configurable: true,
    });
  }
  const summary: Obligation[] = !isAfter(summaryOn, windowEnd)
    ? [{ kind: "evaluation", earliestOn: summaryOn, ruleId: periodRule.id, evaluationKind: "summary" }]
    : [];
  return [...reports, ...assessments, ...summary];
}
