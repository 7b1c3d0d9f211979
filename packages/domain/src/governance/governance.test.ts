import { describe, expect, it } from "vitest";
import type { CenterFacts } from "../facts";
import { applyChange, changeEffect, changePayloadSchema, type PlatformSnapshot } from "./changes";
import { factsWithGovernance, governanceStateFromFacts } from "./state";

const facts: CenterFacts = {
  kind: "tech-innovation-center",
  leadUnit: { name: "株洲轨道交通装备集团有限公司", type: "enterprise", annualIncome: 1_000_000 },
  coBuildUnits: [{ name: "中南大学", type: "university" }],
  board: { members: [{ name: "张建国", affiliation: "lead-unit" }] },
  committee: {
    kind: "expert-committee",
    chair: { name: "黄立明", affiliation: "external" },
    members: [{ name: "周晓峰", affiliation: "lead-unit", isDirector: true, organization: "株洲轨道" }],
  },
  director: { fullTime: true, monthsPerYearAtCenter: 11 },
  matchingRdFunds: 5_000_000,
};

describe("governanceStateFromFacts", () => {
  it("takes the director's name from the member row the facts mark, and the time rules from `director`", () => {
    const state = governanceStateFromFacts(facts, null);
    expect(state.director).toEqual({
      name: "周晓峰",
      organization: "株洲轨道",
      fullTime: true,
      monthsPerYearAtCenter: 11,
    });
    expect(state.committee?.chair?.name).toBe("黄立明");
    expect(state.leadUnit).toEqual({ name: "株洲轨道交通装备集团有限公司", type: "enterprise" });
  });

  it("falls back to the lead organization's name and leaves absent bodies empty", () => {
    const state = governanceStateFromFacts({ kind: "tech-innovation-center" }, "某研究院");
    expect(state).toEqual({
      leadUnit: { name: "某研究院" },
      coBuildUnits: [],
      board: [],
      committee: null,
      director: null,
    });
  });
});

describe("factsWithGovernance", () => {
  it("overlays governance and keeps what a change cannot touch", () => {
    const state = governanceStateFromFacts(facts, null);
    const changed = { ...state, coBuildUnits: [] };
    const after = factsWithGovernance(facts, changed, { fields: ["智能制造"], formationMode: null });
    expect(after.coBuildUnits).toEqual([]);
    expect(after.matchingRdFunds).toBe(5_000_000);
    expect(after.leadUnit?.annualIncome).toBe(1_000_000);
    expect(after.fields).toEqual(["智能制造"]);
    expect(after.director).toEqual({ fullTime: true, monthsPerYearAtCenter: 11 });
  });
});

describe("applyChange", () => {
  const before: PlatformSnapshot = {
    governance: governanceStateFromFacts(facts, null),
    attributes: { name: "旧名", location: null, fields: ["智能制造"], formationMode: null },
  };
  it("replaces exactly the part it names", () => {
    const renamed = applyChange(before, { subject: "name", name: "新名" });
    expect(renamed.attributes.name).toBe("新名");
    expect(renamed.governance).toBe(before.governance);
    const board = applyChange(before, { subject: "board", members: [] });
    expect(board.governance.board).toEqual([]);
    expect(board.governance.committee).toEqual(before.governance.committee);
  });
  it("leaves a change described in words only as it was", () => {
    expect(applyChange(before, null)).toBe(before);
  });
  it("routes filings to effect at once and approvals to pending", () => {
    expect(changeEffect("filing")).toBe("filed");
    expect(changeEffect("approval")).toBe("pending");
  });
  it("refuses a payload whose subject and value do not match", () => {
    expect(changePayloadSchema.safeParse({ subject: "name", location: "包头" }).success).toBe(false);
    expect(changePayloadSchema.safeParse({ subject: "research-direction", fields: [] }).success).toBe(false);
    expect(
      changePayloadSchema.safeParse({
        subject: "director",
        director: { name: "王", monthsPerYearAtCenter: 13 },
      }).success,
    ).toBe(false);
  });
});
