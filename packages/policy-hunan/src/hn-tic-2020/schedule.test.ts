import { obligationSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { hnSchedule } from "./schedule";

describe("hn-tic.annual-report (五(四): from the year after approval, by 31 January)", () => {
  it("approved 2021-12-31: the first report (2021 summary, 2022 plan) is due 2022-01-31", () => {
    const [first] = hnSchedule({ approvedOn: "2021-12-31", years: 1 });
    expect(first).toEqual({
      kind: "annual-report",
      yearCovered: 2021,
      dueOn: "2022-01-31",
      exempt: false,
      ruleId: "hn-tic.annual-report",
    });
  });
  it("approved 2021-01-01: nothing is due in the approval year; one report a year afterwards, never exempt", () => {
    const reports = hnSchedule({ approvedOn: "2021-01-01", years: 3 }).filter(
      (o) => o.kind === "annual-report",
    );
    expect(reports.map((o) => o.dueOn)).toEqual(["2022-01-31", "2023-01-31", "2024-01-31"]);
    expect(reports.every((o) => o.kind === "annual-report" && !o.exempt)).toBe(true);
  });
  it("obligations match the domain schema", () => {
    for (const o of hnSchedule({ approvedOn: "2020-02-29", years: 7 }))
      expect(obligationSchema.parse(o)).toEqual(o);
  });
});

// 五(四) "从批准组建次年开始，建设单位每年1 月底前编写上年度工作总结和本年度工作计划报省科技厅".
describe("issue 10's proof: the first report is due 31 January of the year after approval", () => {
  const firstReport = (approvedOn: string) => hnSchedule({ approvedOn, years: 3 })[0];
  it("approved on the year's last day, 2024-12-31: due 2025-01-31, one month later", () => {
    expect(firstReport("2024-12-31")).toMatchObject({
      yearCovered: 2024,
      dueOn: "2025-01-31",
      exempt: false,
    });
  });
  it("approved on the next year's first day, 2025-01-01: nothing in 2025, due 2026-01-31", () => {
    expect(firstReport("2025-01-01")).toMatchObject({
      yearCovered: 2025,
      dueOn: "2026-01-31",
      exempt: false,
    });
    expect(
      hnSchedule({ approvedOn: "2025-01-01", years: 3 }).some(
        (o) => o.kind === "annual-report" && o.dueOn?.startsWith("2025"),
      ),
    ).toBe(false);
  });
});

describe("hn-tic.evaluation timing (configurable, default every 3 years)", () => {
  it("is marked configurable because the source gives no date", () => {
    const evaluations = hnSchedule({ approvedOn: "2021-03-15", years: 6 }).filter(
      (o) => o.kind === "evaluation",
    );
    expect(evaluations).toEqual([
      {
        kind: "evaluation",
        earliestOn: "2024-03-15",
        ruleId: "hn-tic.evaluation",
        evaluationKind: "periodic",
        configurable: true,
      },
      {
        kind: "evaluation",
        earliestOn: "2027-03-15",
        ruleId: "hn-tic.evaluation",
        evaluationKind: "periodic",
        configurable: true,
      },
    ]);
  });
  it("follows the setting when given, and none falls inside a shorter horizon", () => {
    const twoYearly = hnSchedule({ approvedOn: "2021-03-15", years: 4 }, 2).filter(
      (o) => o.kind === "evaluation",
    );
    expect(twoYearly.map((o) => (o.kind === "evaluation" ? o.earliestOn : ""))).toEqual([
      "2023-03-15",
      "2025-03-15",
    ]);
    expect(hnSchedule({ approvedOn: "2021-03-15", years: 2 }).filter((o) => o.kind === "evaluation")).toEqual(
      [],
    );
  });
});
