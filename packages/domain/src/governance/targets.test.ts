import { describe, expect, it } from "vitest";
import type { PlatformTargets } from "../policy/contract";
import { type CountedRecognition, compoundGrowthPct, targetsReport } from "./targets";

const targets: PlatformTargets = {
  ruleId: "t.targets",
  baseYear: 2020,
  years: [2021, 2022],
  countedTiers: ["national", "provincial"],
  types: [
    {
      no: 1,
      id: "lab",
      name: { zh: "实验室", en: "Lab" },
      counts: { 2020: 1, 2021: 2, 2022: 3 },
      statedAvgGrowthPercent: 50,
      responsible: [{ zh: "市科技局", en: "Science bureau" }],
    },
  ],
};

const rec = (over: Partial<CountedRecognition>): CountedRecognition => ({
  platformId: "p1",
  typeId: "lab",
  tier: "provincial",
  recognizedOn: "2021-06-01",
  platformRevokedOn: null,
  ...over,
});
const actuals = (recognitions: CountedRecognition[]) =>
  targetsReport("t", targets, recognitions, "2023-01-01").rows.map((r) => r.actual);

describe("targetsReport", () => {
  it("counts a recognition on 31 December for that year, one on 1 January from the next", () => {
    expect(actuals([rec({ recognizedOn: "2020-12-31" })])).toEqual([1, 1, 1]);
    expect(actuals([rec({ recognizedOn: "2021-01-01" })])).toEqual([0, 1, 1]);
  });
  it("never counts a city recognition", () => {
    expect(actuals([rec({ tier: "city", recognizedOn: "2020-01-01" })])).toEqual([0, 0, 0]);
  });
  it("stops counting a platform revoked on or before the year's end", () => {
    expect(actuals([rec({ recognizedOn: "2020-05-01", platformRevokedOn: "2021-12-31" })])).toEqual([
      1, 0, 0,
    ]);
    expect(actuals([rec({ recognizedOn: "2020-05-01", platformRevokedOn: "2022-01-01" })])).toEqual([
      1, 1, 0,
    ]);
  });
  it("counts the same platform once however often it is recognized", () => {
    const twice = [rec({ tier: "provincial" }), rec({ tier: "national", recognizedOn: "2022-03-01" })];
    expect(actuals(twice)).toEqual([0, 1, 1]);
    expect(actuals([...twice, rec({ platformId: "p2", recognizedOn: "2022-02-02" })])).toEqual([0, 1, 2]);
  });
  it("ignores other types, totals per year, and names the types behind in the latest year begun", () => {
    const report = targetsReport("t", targets, [rec({}), rec({ typeId: "other" })], "2022-06-30");
    expect(report.totals).toEqual([
      { year: 2020, target: 1, actual: 0 },
      { year: 2021, target: 2, actual: 1 },
      { year: 2022, target: 3, actual: 1 },
    ]);
    expect(report.rows.map((r) => r.behind)).toEqual([true, true, true]);
    expect(report.behindTypes).toEqual(["lab"]);
    // A year not yet begun is never "behind".
    const early = targetsReport("t", targets, [], "2021-12-31");
    expect(early.rows.map((r) => r.behind)).toEqual([true, true, false]);
  });
});

describe("compoundGrowthPct", () => {
  it("gives 工程研究中心's 4 → 7 over three years as 20.5", () => {
    expect(compoundGrowthPct(4, 7, 3)).toBe(20.5);
  });
  it("is 0 without change and null for a zero base, a negative final or no years", () => {
    expect(compoundGrowthPct(5, 5, 3)).toBe(0);
    expect(compoundGrowthPct(0, 3, 3)).toBeNull();
    expect(compoundGrowthPct(4, -1, 3)).toBeNull();
    expect(compoundGrowthPct(4, 7, 0)).toBeNull();
  });
});
