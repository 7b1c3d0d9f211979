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

describe("hn-tic.evaluation timing (configurable, default every 3 years)", () => {
  it("is marked configurable because the source gives no date", () => {
    const evaluations = hnSchedule({ approvedOn: "2021-03-15", years: 6 }).filter(
      (o) => o.kind === "evaluation",
    );
    expect(evaluations).toEqual([
      { kind: "evaluation", earliestOn: "2024-03-15", ruleId: "hn-tic.evaluation", configurable: true },
      { kind: "evaluation", earliestOn: "2027-03-15", ruleId: "hn-tic.evaluation", configurable: true },
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
