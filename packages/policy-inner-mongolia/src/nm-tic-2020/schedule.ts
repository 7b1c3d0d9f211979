import { addYears, isAfter, monthOf, type Obligation, type ScheduleInput, yearOf } from "@kechuang/domain";
import { nmRules } from "./rules";

/** Years after approval before the first evaluation (三(六)2 "认定运行满三年后"). */
export const EVALUATION_AFTER_YEARS = 3;
/** The source says 定期 (periodically) without an interval: a local setting. */
export const DEFAULT_EVALUATION_INTERVAL_YEARS = 3;

/**
 * 三(六)1: each year by 31 March, the report on the previous year; a center approved after June (July or
 * later) of a year owes no report for that year. 三(六)2: evaluation after three full years of operation.
 * Lists obligations falling due in the `years` calendar years after approval.
 */
export function nmSchedule(
  { approvedOn, years }: ScheduleInput,
  evaluationIntervalYears = DEFAULT_EVALUATION_INTERVAL_YEARS,
): Obligation[] {
  const approvalYear = yearOf(approvedOn);
  const approvedAfterJune = monthOf(approvedOn) > 6;
  const obligations: Obligation[] = [];
  for (let dueYear = approvalYear + 1; dueYear <= approvalYear + years; dueYear++) {
    const yearCovered = dueYear - 1;
    const exempt = yearCovered === approvalYear && approvedAfterJune;
    obligations.push({
      kind: "annual-report",
      yearCovered,
      dueOn: `${dueYear}-03-31`,
      exempt,
      ruleId: nmRules.annualReport.id,
      ...(exempt ? { exemptRuleId: nmRules.annualReport.id } : {}),
    });
  }
  const horizon = addYears(approvedOn, years);
  const interval = Math.max(1, Math.trunc(evaluationIntervalYears));
  for (
    let after = EVALUATION_AFTER_YEARS;
    !isAfter(addYears(approvedOn, after), horizon);
    after += interval
  ) {
    obligations.push({
      kind: "evaluation",
      earliestOn: addYears(approvedOn, after),
      ruleId: nmRules.evaluationTiming.id,
      // 三(六)2 "定期组织开展技术创新中心运行评估评价": periodic, the first after three years, none final.
      evaluationKind: "periodic",
      // Only the first evaluation's timing is a clause; later ones follow the local interval setting.
      ...(after > EVALUATION_AFTER_YEARS ? { configurable: true } : {}),
    });
  }
  return obligations;
}
