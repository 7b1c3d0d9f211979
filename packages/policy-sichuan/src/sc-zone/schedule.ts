import { addMonths, isAfter, isoDate, type Obligation, type ScheduleInput, yearOf } from "@kechuang/domain";
import { annualReportRule, periodRule } from "./rules";

/** 六(三): "示范区建设期限原则上为三年". */
export const DEMONSTRATION_PERIOD_MONTHS = 36;

/**
 * 五(四): a report on each year "每年12月底以前", i.e. due 31 December of the year it covers, from the
 * approval year on (no exemption in the source; a zone approved on 31 December reports that same day).
 * 六(三): evaluation "三年示范期结束后", so it opens on the third anniversary of approval.
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
  const evaluationOn = addMonths(approvedOn, DEMONSTRATION_PERIOD_MONTHS);
  const windowEnd = addMonths(approvedOn, years * 12);
  const evaluations: Obligation[] = !isAfter(evaluationOn, windowEnd)
    ? [{ kind: "evaluation", earliestOn: evaluationOn, ruleId: periodRule.id }]
    : [];
  return [...reports, ...evaluations];
}
