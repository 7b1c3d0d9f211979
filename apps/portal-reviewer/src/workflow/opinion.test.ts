import { describe, expect, it } from "vitest";
import { scoresFromForm } from "./opinion";

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
