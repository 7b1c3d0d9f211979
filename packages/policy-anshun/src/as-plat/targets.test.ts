import { describe, expect, it } from "vitest";
import { PLATFORM_GOAL_2023 } from "./module";
import {
  actualAnnualGrowth,
  growthComparison,
  platformTargets,
  targetProgress,
  targetTotals,
  targetYears,
} from "./targets";

const unwrap = <T>(r: { ok: true; value: T } | { ok: false }) => {
  if (!r.ok) throw new Error("expected ok");
  return r.value;
};

describe("as-plat.targets: the 附件 table", () => {
  it("has five types with cumulative counts that never fall", () => {
    expect(platformTargets.map((r) => r.no)).toEqual([1, 2, 3, 4, 5]);
    for (const row of platformTargets) {
      const counts = targetYears.map((y) => row.counts[y]);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
  });
  it("splits 企业技术中心 into national and provincial that add up each year", () => {
    const row = platformTargets.find((r) => r.name.zh === "企业技术中心")!;
    for (const y of targetYears)
      expect(row.split![y].national + row.split![y].provincial).toBe(row.counts[y]);
    expect(row.split![2023]).toEqual({ national: 5, provincial: 11 });
    expect(row.responsible.map((d) => d.zh)).toEqual(["市发展改革委", "市工业和信息化局"]);
  });
  it("totals the rows to 30 → 33 → 37 → 42", () => {
    expect(targetTotals()).toEqual({ 2020: 30, 2021: 33, 2022: 37, 2023: 42 });
  });
  it("totals whatever rows it is given (not a constant)", () => {
    expect(targetTotals(platformTargets.slice(0, 2))).toEqual({ 2020: 13, 2021: 13, 2022: 14, 2023: 16 });
  });
});

describe("as-plat.goal", () => {
  it("matches the 2023 total of the table", () => {
    expect(PLATFORM_GOAL_2023).toBe(42);
    expect(targetTotals()[2023]).toBe(PLATFORM_GOAL_2023);
  });
});

describe("actualAnnualGrowth", () => {
  it("computes 工程研究中心 4 → 7 over three years as about 20.5% a year", () => {
    expect(unwrap(actualAnnualGrowth(4, 7, 3))).toBeCloseTo(20.51, 2);
  });
  it("is zero for no change and exact for doubling each year", () => {
    expect(unwrap(actualAnnualGrowth(5, 5, 3))).toBe(0);
    expect(unwrap(actualAnnualGrowth(1, 8, 3))).toBeCloseTo(100, 10);
  });
  it("refuses a zero base or a non-positive period as a value, not a throw", () => {
    expect(actualAnnualGrowth(0, 3, 3).ok).toBe(false);
    expect(actualAnnualGrowth(4, 7, 0).ok).toBe(false);
    expect(actualAnnualGrowth(4, -1, 3).ok).toBe(false);
  });
});

describe("growthComparison: stated vs actual", () => {
  const byName = (zh: string) => growthComparison().find((g) => g.name.zh === zh)!;
  it("flags 工程研究中心: stated 12% vs actual ≈ 20.5%", () => {
    const g = byName("工程研究中心");
    expect(g.statedPercent).toBe(12);
    expect(g.actualPercent).toBeCloseTo(20.5, 1);
    expect(g.differs).toBe(true);
  });
  it("agrees for 企业技术中心 (11 → 16 ≈ 13.3% vs 13%)", () => {
    const g = byName("企业技术中心");
    expect(g.actualPercent).toBeCloseTo(13.3, 1);
    expect(g.differs).toBe(false);
  });
  it("flags 院士工作站 (5 → 6 ≈ 6.3% vs 10%)", () => {
    expect(byName("院士工作站").differs).toBe(true);
  });
});

describe("targetProgress", () => {
  const ercId = platformTargets.find((r) => r.name.zh === "工程研究中心")!.id;
  it("meets the 2023 target at exactly 7 and misses it at 6", () => {
    const met = unwrap(targetProgress(ercId, 2023, 7));
    expect(met).toMatchObject({ target: 7, actual: 7, met: true, shortfall: 0 });
    expect(met.message.zh).toContain("附件");
    const missed = unwrap(targetProgress(ercId, 2023, 6));
    expect(missed).toMatchObject({ met: false, shortfall: 1 });
    expect(missed.message.en).toContain("6 by 2023 < target 7");
  });
  it("exceeds the 2021 target at 6", () => {
    expect(unwrap(targetProgress(ercId, 2021, 6))).toMatchObject({ target: 5, met: true, shortfall: 0 });
  });
  it("returns an error value for an unknown type, a year without a target or a bad count", () => {
    expect(targetProgress("observatory", 2022, 1).ok).toBe(false);
    expect(targetProgress(ercId, 2020, 4).ok).toBe(false);
    expect(targetProgress(ercId, 2024, 9).ok).toBe(false);
    expect(targetProgress(ercId, 2022, -1).ok).toBe(false);
    expect(targetProgress(ercId, 2022, 1.5).ok).toBe(false);
  });
});
