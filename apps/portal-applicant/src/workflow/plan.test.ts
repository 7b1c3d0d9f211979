import type { PlanOutline } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { fieldRules, fillableSections, planFromForm } from "./plan";

const outline: PlanOutline = {
  ruleId: "xx-tic.outline",
  sections: [
    {
      number: "一",
      id: "basics",
      title: { zh: "基本情况", en: "Basics" },
      fields: [
        { id: "summary", label: { zh: "概述", en: "Summary" }, type: "longtext", required: true },
        { id: "budget", label: { zh: "预算", en: "Budget" }, type: "cny", required: false },
      ],
      children: [
        {
          number: "1.1",
          id: "team",
          title: { zh: "团队", en: "Team" },
          fields: [{ id: "size", label: { zh: "人数", en: "Size" }, type: "number", required: true }],
        },
      ],
    },
    { number: "二", id: "heading-only", title: { zh: "标题", en: "Heading" }, fields: [] },
  ],
};

const messages = {
  required: "required",
  tooLong: (max: number) => `max ${max}`,
  notNegative: "not negative",
  date: "date",
};

describe("fillableSections", () => {
  it("walks nested sections and leaves out headings without fields", () => {
    expect(fillableSections(outline).map((s) => s.id)).toEqual(["basics", "team"]);
  });
});

describe("fieldRules", () => {
  it("requires required fields and bounds each type", () => {
    const [summary, budget] = outline.sections[0]?.fields ?? [];
    if (!summary || !budget) throw new Error("fixture");
    expect(fieldRules(summary, messages)).toEqual([
      { required: true, whitespace: true, message: "required" },
      { max: 20_000, message: "max 20000" },
    ]);
    expect(fieldRules(budget, messages)).toEqual([{ type: "integer", min: 0, message: "not negative" }]);
  });
});

describe("planFromForm", () => {
  it("keeps outline fields with values, drops blanks and unknown keys", () => {
    const plan = planFromForm(outline, {
      basics: { summary: "  ", budget: 1200, stray: "x" },
      team: { size: 12 },
      unknown: { a: 1 },
    });
    expect(plan).toEqual({ basics: { budget: 1200 }, team: { size: 12 } });
  });
});
