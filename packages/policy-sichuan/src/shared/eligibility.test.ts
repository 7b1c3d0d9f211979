import type { CenterFacts } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { scTic2018 } from "../sc-tic/module";
import { scZone2018 } from "../sc-zone/module";

// Every eligibility rule answers "needs-information" (never throws) on bare facts, and cites itself.
describe.each([scTic2018, scZone2018])("$id eligibility rules on bare facts", (module) => {
  const bare: CenterFacts = { kind: module.kinds[0]! };
  const eligibility = module.rules.filter((r) => r.implementedBy === "eligibility");

  it("has at least one eligibility rule", () => {
    expect(eligibility.length).toBeGreaterThan(0);
  });
  it.each(eligibility.map((r) => [r.id, r] as const))("%s needs information and cites its clause", (_, r) => {
    const result = r.evaluate!(bare);
    expect(result.outcome).toBe("needs-information");
    expect(result.ruleId).toBe(r.id);
    expect(result.citation).toEqual(r.citation);
    expect(result.message.zh).toContain(r.citation.clause);
    expect(result.message.en).toContain(module.id);
  });
});
