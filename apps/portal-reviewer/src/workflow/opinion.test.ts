import { describe, expect, it } from "vitest";
import { criteriaOrOverall, overallCriterionId, scoresFromForm } from "./opinion";

const overall = { zh: "综合评分", en: "Overall score" };

describe("criteriaOrOverall", () => {
  it("keeps the module's criteria when it names some", () => {
    const criteria = [{ id: "innovation", label: { zh: "创新性", en: "Innovation" } }];
    expect(criteriaOrOverall(criteria, overall)).toEqual(criteria);
  });
  it("falls back to one overall score", () => {
    expect(criteriaOrOverall(undefined, overall)).toEqual([{ id: overallCriterionId, label: overall }]);
    expect(criteriaOrOverall([], overall).map((c) => c.id)).toEqual([overallCriterionId]);
  });
});

describe("scoresFromForm", () => {
  const criteria = [
    { id: "a", label: { zh: "甲", en: "A" } },
    { id: "b", label: { zh: "乙", en: "B" } },
    { id: "c", label: { zh: "丙", en: "C" } },
  ];
  it("orders by criteria, drops blanks, clamps and rounds", () => {
    expect(scoresFromForm(criteria, { c: 101, a: 79.6, b: null })).toEqual([
      { criterion: "a", score: 80 },
      { criterion: "c", score: 100 },
    ]);
  });
});
