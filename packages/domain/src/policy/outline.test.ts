import { describe, expect, it } from "vitest";
import type { OutlineField, PlanOutline } from "./contract";
import {
  LONGTEXT_MAX,
  outlineCompleteness,
  outlineContentSchema,
  outlineDraftSchema,
  validateOutline,
} from "./outline";

const f = (id: string, type: OutlineField["type"], required: boolean): OutlineField => ({
  id,
  type,
  required,
  label: { zh: id, en: id },
});

const outline: PlanOutline = {
  ruleId: "zz.outline",
  sections: [
    {
      number: "一",
      id: "meaning",
      title: { zh: "建设意义", en: "Significance" },
      fields: [f("text", "longtext", true)],
    },
    {
      number: "二",
      id: "basis",
      title: { zh: "建设基础", en: "Basis" },
      fields: [],
      children: [
        {
          number: "（一）",
          id: "industry",
          title: { zh: "产业基础", en: "Industry" },
          fields: [f("summary", "text", true), f("note", "longtext", false)],
        },
      ],
    },
    {
      number: "三",
      id: "funding",
      title: { zh: "经费投入", en: "Funding" },
      fields: [f("total", "cny", true), f("startsOn", "date", true), f("staff", "number", false)],
    },
  ],
};

const complete = {
  meaning: { text: "意义" },
  industry: { summary: "基础" },
  funding: { total: 10_000_000, startsOn: "2021-01-01" },
};

describe("outlineContentSchema", () => {
  const schema = outlineContentSchema(outline);

  it("accepts complete content, with nested sections addressed by their own id", () => {
    expect(schema.safeParse(complete).success).toBe(true);
    expect(schema.safeParse({ ...complete, industry: { summary: "x", note: "y" } }).success).toBe(true);
  });

  it("requires required fields and sections that hold them", () => {
    expect(schema.safeParse({ ...complete, meaning: {} }).success).toBe(false);
    const { industry: _, ...withoutIndustry } = complete;
    expect(schema.safeParse(withoutIndustry).success).toBe(false);
    expect(schema.safeParse({ ...complete, meaning: { text: "   " } }).success).toBe(false);
  });

  it("types cny as a non-negative whole number, dates as ISO dates, longtext up to 20000 chars", () => {
    const funding = complete.funding;
    expect(schema.safeParse({ ...complete, funding: { ...funding, total: -1 } }).success).toBe(false);
    expect(schema.safeParse({ ...complete, funding: { ...funding, total: 1.5 } }).success).toBe(false);
    expect(schema.safeParse({ ...complete, funding: { ...funding, total: "100" } }).success).toBe(false);
    expect(schema.safeParse({ ...complete, funding: { ...funding, startsOn: "2021-02-30" } }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...complete, funding: { ...funding, startsOn: "01/02/2021" } }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...complete, meaning: { text: "字".repeat(LONGTEXT_MAX) } }).success).toBe(
      true,
    );
    expect(schema.safeParse({ ...complete, meaning: { text: "字".repeat(LONGTEXT_MAX + 1) } }).success).toBe(
      false,
    );
  });

  it("rejects keys the outline does not have", () => {
    expect(schema.safeParse({ ...complete, extra: { a: 1 } }).success).toBe(false);
    expect(schema.safeParse({ ...complete, meaning: { text: "x", other: "y" } }).success).toBe(false);
  });
});

describe("outlineDraftSchema", () => {
  it("accepts any subset but still checks types", () => {
    const draft = outlineDraftSchema(outline);
    expect(draft.safeParse({}).success).toBe(true);
    expect(draft.safeParse({ funding: { total: 5 } }).success).toBe(true);
    expect(draft.safeParse({ funding: { total: -5 } }).success).toBe(false);
  });
});

describe("outlineCompleteness", () => {
  it("reports each section, with missing and invalid field ids", () => {
    const report = outlineCompleteness(outline, {
      meaning: { text: "ok" },
      funding: { total: -3, staff: "many" },
    });
    expect(report.map((r) => [r.sectionId, r.complete, r.missing, r.invalid])).toEqual([
      ["meaning", true, [], []],
      ["basis", true, [], []],
      ["industry", false, ["summary"], []],
      ["funding", false, ["startsOn"], ["total", "staff"]],
    ]);
  });

  it("agrees with the content schema: all sections complete exactly when the content parses", () => {
    const samples: unknown[] = [
      complete,
      {},
      null,
      "junk",
      { ...complete, funding: { total: 0, startsOn: "x" } },
    ];
    for (const sample of samples) {
      const allComplete = outlineCompleteness(outline, sample).every((r) => r.complete);
      expect(allComplete).toBe(outlineContentSchema(outline).safeParse(sample).success);
    }
  });
});

describe("validateOutline", () => {
  it("accepts a well-formed outline", () => {
    expect(validateOutline(outline)).toEqual([]);
  });

  it("reports duplicate section ids (at any depth), duplicate numbers, missing numbers, duplicate fields", () => {
    const bad: PlanOutline = {
      ruleId: "zz.outline",
      sections: [
        ...outline.sections,
        {
          number: "一",
          id: "industry",
          title: { zh: "重", en: "Dup" },
          fields: [f("a", "text", true), f("a", "text", false)],
        },
        { number: "", id: "nonum", title: { zh: "无", en: "None" }, fields: [] },
      ],
    };
    const problems = validateOutline(bad);
    expect(problems).toContain('section id "industry" is used twice');
    expect(problems).toContain('section number "一" is used twice');
    expect(problems).toContain('section "nonum" has no number');
    expect(problems).toContain('section "industry": field id "a" is used twice');
  });

  it("reports malformed ids and an outline with nothing required", () => {
    const problems = validateOutline({
      ruleId: "",
      sections: [
        { number: "1", id: "Bad Id", title: { zh: "x", en: "x" }, fields: [f("ok", "text", false)] },
      ],
    });
    expect(problems.some((p) => p.startsWith('section "Bad Id": id'))).toBe(true);
    expect(problems).toContain("outline has no ruleId");
    expect(problems).toContain("outline has no required field: any empty plan would be complete");
  });
});
