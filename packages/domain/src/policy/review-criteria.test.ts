import { describe, expect, it } from "vitest";
import type { PolicyModule } from "./contract";
import { reviewCriteria, scoreProblem } from "./review-criteria";

const module = {
  outline: {
    ruleId: "x.outline",
    sections: [
      { number: "一", id: "significance", title: { zh: "建设意义", en: "Significance" }, fields: [] },
      {
        number: "二",
        id: "foundation",
        title: { zh: "建设基础", en: "Foundation" },
        fields: [],
        children: [{ number: "1", id: "industry", title: { zh: "产业基础", en: "Industry" }, fields: [] }],
      },
    ],
  },
  rules: [
    {
      id: "x.lead-unit",
      title: { zh: "牵头单位条件", en: "Lead unit" },
      citation: { source: "sc-tic-2018", clause: "三(三)", quote: "牵头单位" },
      appliesTo: ["tech-innovation-center"],
      implementedBy: "checklist",
      prompt: { zh: "核验", en: "Check" },
    },
    {
      id: "x.rd",
      title: { zh: "研发投入", en: "R&D" },
      citation: { source: "sc-tic-2018", clause: "三(四)", quote: "研发" },
      appliesTo: ["tech-innovation-center"],
      implementedBy: "eligibility",
    },
    {
      id: "x.experience",
      title: { zh: "经验做法", en: "Experiences" },
      citation: { source: "sc-zone-2018", clause: "五(五)", quote: "经验做法" },
      appliesTo: ["transfer-demonstration-zone"],
      implementedBy: "obligation",
      prompt: { zh: "凝练", en: "Write up" },
    },
  ],
} as unknown as PolicyModule;

describe("review criteria", () => {
  const criteria = reviewCriteria(module);

  it("are the outline's top-level sections, then the checklist rules with their clause (an obligation is no criterion)", () => {
    expect(criteria.map((c) => c.id)).toEqual(["outline.significance", "outline.foundation", "x.lead-unit"]);
    expect(criteria[2]).toMatchObject({
      source: "checklist",
      citation: { clause: "三(三)" },
      prompt: { en: "Check" },
    });
  });

  it("fall back to one overall criterion for a module with no outline and no checklist", () => {
    expect(reviewCriteria({ rules: [] } as unknown as PolicyModule).map((c) => c.id)).toEqual(["overall"]);
  });

  it("must each be scored exactly once", () => {
    const all = criteria.map((c) => ({ criterion: c.id, score: 80 }));
    expect(scoreProblem(criteria, all)).toBeNull();
    expect(scoreProblem(criteria, all.slice(1))?.en).toBe("Criteria not yet scored: Significance");
    expect(scoreProblem(criteria, [...all, { criterion: "x.lead-unit", score: 1 }])?.en).toContain(
      "more than once: x.lead-unit",
    );
    expect(scoreProblem(criteria, [...all, { criterion: "x.rd", score: 1 }])?.zh).toContain("x.rd");
  });
});
