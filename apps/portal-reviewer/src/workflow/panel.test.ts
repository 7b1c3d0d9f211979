import { describe, expect, it } from "vitest";
import { byLoadThenConflict, expertiseCoverage, knownExpertise, panelComplete } from "./panel";

describe("expertiseCoverage", () => {
  it("turns a line green once a member holds that seat", () => {
    const checks = expertiseCoverage(
      ["legal", "finance"],
      [
        { name: "王", seat: "legal" },
        { name: "李", seat: "technical" },
      ],
    );
    expect(checks).toEqual([
      { expertise: "legal", covered: true, memberNames: ["王"] },
      { expertise: "finance", covered: false, memberNames: [] },
    ]);
    expect(panelComplete(checks)).toBe(false);
  });

  it("is complete when every required seat is filled, listing duplicates once", () => {
    const checks = expertiseCoverage(
      ["technical", "technical", "policy"],
      [
        { name: "A", seat: "technical" },
        { name: "B", seat: "policy" },
      ],
    );
    expect(checks.map((c) => c.expertise)).toEqual(["technical", "policy"]);
    expect(panelComplete(checks)).toBe(true);
  });
});

describe("byLoadThenConflict", () => {
  it("puts the least loaded first and conflicted experts last", () => {
    const sorted = byLoadThenConflict([
      { name: "c", load: 0, conflict: { zh: "关联", en: "tied" } },
      { name: "a", load: 3, conflict: null },
      { name: "b", load: 1 },
    ]);
    expect(sorted.map((e) => e.name)).toEqual(["b", "a", "c"]);
  });
});

describe("knownExpertise", () => {
  it("keeps only the domain's seats", () => {
    expect(knownExpertise(["legal", "astrology", "finance"])).toEqual(["legal", "finance"]);
  });
});
