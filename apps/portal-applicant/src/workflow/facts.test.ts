import { describe, expect, it } from "vitest";
import { factsFromForm, pruneBlanks } from "./facts";

describe("pruneBlanks", () => {
  it("drops blank strings, empty rows and empty objects, keeps false and 0", () => {
    expect(
      pruneBlanks({ a: "", b: { c: undefined }, d: [{}, { name: "x" }], e: false, f: 0, g: "  " }),
    ).toEqual({ d: [{ name: "x" }], e: false, f: 0 });
  });
});

describe("factsFromForm", () => {
  it("builds valid facts for the application's kind", () => {
    const result = factsFromForm("tech-innovation-center", {
      leadUnit: { name: "某公司", type: "enterprise", rdExpenditureLast3Years: [1, 2, 3] },
      committee: { kind: "expert-committee", members: [{ name: "张三", affiliation: "external" }] },
      director: { monthsPerYearAtCenter: 8, fullTime: false },
    });
    expect(result).toEqual({
      ok: true,
      facts: {
        kind: "tech-innovation-center",
        leadUnit: { name: "某公司", type: "enterprise", rdExpenditureLast3Years: [1, 2, 3] },
        committee: { kind: "expert-committee", members: [{ name: "张三", affiliation: "external" }] },
        director: { monthsPerYearAtCenter: 8, fullTime: false },
      },
    });
  });

  it("leaves out partial R&D years instead of sending them malformed", () => {
    const result = factsFromForm("tech-innovation-center", {
      leadUnit: { name: "某公司", rdExpenditureLast3Years: [1, undefined, 3] },
    });
    expect(result).toEqual({
      ok: true,
      facts: { kind: "tech-innovation-center", leadUnit: { name: "某公司" } },
    });
  });

  it("reports the paths of values the schema refuses", () => {
    const result = factsFromForm("tech-innovation-center", { director: { monthsPerYearAtCenter: 13 } });
    expect(result).toEqual({ ok: false, paths: ["director.monthsPerYearAtCenter"] });
  });

  it("keeps a zone's answers (sc-zone-2018) and drops an emptied task list", () => {
    const zone = {
      applicantIsCityBureau: true,
      siteType: "park",
      demonstrationTasks: ["civil-military-transfer"],
      indicatorCount: 12,
    };
    expect(factsFromForm("transfer-demonstration-zone", { zone })).toEqual({
      ok: true,
      facts: { kind: "transfer-demonstration-zone", zone },
    });
    expect(
      factsFromForm("transfer-demonstration-zone", { zone: { siteType: "park", demonstrationTasks: [] } }),
    ).toEqual({
      ok: true,
      facts: { kind: "transfer-demonstration-zone", zone: { siteType: "park" } },
    });
  });
});
