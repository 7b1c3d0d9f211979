import { addYears, isAfter, type Obligation, type ScheduleInput, yearOf } from "@kechuang/domain";
import { hnRules } from "./rules";

/** The source gives no evaluation date; a local setting, defaulting to the normal 3-year period (三(三)). */
export const DEFAULT_EVALUATION_AFTER_YEARS = 3;

/**
 * 五(四): from the year after approval, by 31 January each year, last year's summary and this year's plan.
 * No exemption: a center approved in December owes its first report in January. 六(五): third-party
 * evaluation, timing configurable. Lists obligations falling due in the `years` calendar years after approval.
 */
export function hnSchedule(
  { approvedOn, years }: ScheduleInput,
  evaluationAfterYears = DEFAULT_EVALUATION_AFTER_YEARS,
): Obligation[] {
  const approvalYear = yearOf(approvedOn);
  const obligations: Obligation[] = [];
  for (let dueYear = approvalYear + 1; dueYear <= approvalYear + years; dueYear++)
    obligations.push({
      kind: "annual-report",
      yearCovered: dueYear - 1,
      dueOn: `${dueYear}-01-31`,
      exempt: false,
      ruleId: hnRules.annualReport.id,
    });
  const horizon = addYears(approvedOn, years);
  const step = Math.max(1, Math.trunc(evaluationAfterYears));
  for (let after = step; !isAfter(addYears(approvedOn, after), horizon); after += step)
    obligations.push({
      kind: "evaluation",
      earliestOn: addYears(approvedOn, after),
      ruleId: hnRules.evaluation.id,
      // 六(五) "健全有进有出的动态调整机制" by third-party performance evaluation: recurring, not a final one.
      evaluationKind: "periodic",
      configurable: true,
    });
  return obligations;
}
