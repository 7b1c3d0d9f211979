import { obligationSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { nmSchedule } from "./schedule";

const reports = (approvedOn: string, years: number) =>
  nmSchedule({ approvedOn, years }).filter((o) => o.kind === "annual-report");
const evaluations = (approvedOn: string, years: number) =>
  nmSchedule({ approvedOn, years }).filter((o) => o.kind === "evaluation");

describe("nm-tic.annual-report (三(六)1)", () => {
  it("approved 2021-06-30 (not after June): the 2021 report is due 2022-03-31", () => {
    const [first] = reports("2021-06-30", 3);
    expect(first).toEqual({
      kind: "annual-report",
      yearCovered: 2021,
      dueOn: "2022-03-31",
      exempt: false,
      ruleId: "nm-tic.annual-report",
    });
  });

  it("approved 2021-07-01 (after June): the 2021 report is exempt, 2022's is due 2023-03-31", () => {
    const [first, second] = reports("2021-07-01", 3);
    expect(first).toMatchObject({ yearCovered: 2021, exempt: true, exemptRuleId: "nm-tic.annual-report" });
    expect(second).toMatchObject({ yearCovered: 2022, dueOn: "2023-03-31", exempt: false });
  });

  it("lists one report per year, each due on 31 March of the following year", () => {
    const list = reports("2021-01-15", 4);
    expect(list.map((o) => (o.kind === "annual-report" ? [o.yearCovered, o.dueOn] : null))).toEqual([
      [2021, "2022-03-31"],
      [2022, "2023-03-31"],
      [2023, "2024-03-31"],
      [2024, "2025-03-31"],
    ]);
  });

  it("produces obligations that match the domain schema", () => {
    for (const o of nmSchedule({ approvedOn: "2020-12-01", years: 7 }))
      expect(obligationSchema.parse(o)).toEqual(o);
  });
});

// 三(六)1 "每年3月底前提交上年度报告(对在上一年6月后批复的技术创新中心,次年无需提交上年度报告)".
describe("issue 10's proof: the June boundary of 三(六)1's exemption", () => {
  const firstDue = (approvedOn: string) =>
    reports(approvedOn, 3).find((o) => o.kind === "annual-report" && !o.exempt);
  it("approved 2024-07-01: no report for 2024, the first one (on 2025) is due 2026-03-31", () => {
    const [first] = reports("2024-07-01", 3);
    expect(first).toMatchObject({ yearCovered: 2024, exempt: true, exemptRuleId: "nm-tic.annual-report" });
    expect(firstDue("2024-07-01")).toMatchObject({ yearCovered: 2025, dueOn: "2026-03-31", exempt: false });
  });
  it("approved 2024-06-30: the 2024 report is owed, due 2025-03-31", () => {
    expect(firstDue("2024-06-30")).toMatchObject({ yearCovered: 2024, dueOn: "2025-03-31", exempt: false });
    expect(reports("2024-06-30", 3).some((o) => o.kind === "annual-report" && o.exempt)).toBe(false);
  });
});

describe("nm-tic.evaluation-timing (三(六)2: after three full years)", () => {
  it("the first evaluation is three years after approval, within a three-year horizon", () => {
    expect(evaluations("2021-07-01", 3)).toEqual([
      {
        kind: "evaluation",
        earliestOn: "2024-07-01",
        ruleId: "nm-tic.evaluation-timing",
        evaluationKind: "periodic",
      },
    ]);
  });
  it("no evaluation inside two years; later ones follow the configurable interval", () => {
    expect(evaluations("2021-07-01", 2)).toEqual([]);
    const six = evaluations("2021-07-01", 6);
    expect(six).toHaveLength(2);
    expect(six[1]).toMatchObject({
      earliestOn: "2027-07-01",
      configurable: true,
      evaluationKind: "periodic",
    });
  });
  it("approved on 29 February: three full years end on 28 February (domain addYears clamps)", () => {
    expect(evaluations("2020-02-29", 3)).toEqual([
      {
        kind: "evaluation",
        earliestOn: "2023-02-28",
        ruleId: "nm-tic.evaluation-timing",
        evaluationKind: "periodic",
      },
    ]);
  });
});
