import type { OutlineSection, SectionCompleteness } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { planSections } from "./plan";

const outline: OutlineSection[] = [
  {
    number: "一",
    id: "overview",
    title: { zh: "概述", en: "Overview" },
    fields: [
      { id: "summary", label: { zh: "摘要", en: "Summary" }, type: "longtext", required: true },
      { id: "budget", label: { zh: "预算", en: "Budget" }, type: "cny", required: false },
    ],
  },
  { number: "二", id: "heading", title: { zh: "标题", en: "Heading" }, fields: [] },
];
const completeness: SectionCompleteness[] = [
  {
    sectionId: "overview",
    number: "一",
    title: { zh: "概述", en: "Overview" },
    complete: false,
    missing: ["summary"],
    invalid: [],
  },
];

describe("planSections", () => {
  it("follows the outline with labelled fields and completeness", () => {
    const sections = planSections(outline, completeness, { overview: { budget: 100 } });
    expect(sections.map((s) => s.id)).toEqual(["overview", "heading"]);
    expect(sections[0]?.complete).toBe(false);
    expect(sections[0]?.fields.map((f) => [f.id, f.label?.en, f.value])).toEqual([
      ["summary", "Summary", undefined],
      ["budget", "Budget", 100],
    ]);
    expect(sections[1]?.complete).toBeNull();
  });

  it("without the outline, uses the completeness sections and the stored field ids", () => {
    const sections = planSections(null, completeness, { overview: { summary: "文本" } });
    expect(sections).toHaveLength(1);
    expect(sections[0]?.fields).toEqual([{ id: "summary", label: null, type: "string", value: "文本" }]);
  });

  it("never drops values stored under a section nobody listed", () => {
    const sections = planSections(outline, completeness, { legacy: { note: "旧", empty: "" } });
    const legacy = sections.find((s) => s.id === "legacy");
    expect(legacy?.fields.map((f) => f.id)).toEqual(["note"]);
  });
});
