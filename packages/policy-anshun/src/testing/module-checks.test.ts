import type { PolicyModule } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { asPlat2021 } from "../as-plat/module";
import { citationProblems, ruleSetProblems, walk, workflowProblems } from "./module-checks";

// The checks must be able to fail: feed them deliberately broken copies of the module.
describe("module checks catch broken modules", () => {
  it("flags a quote that is not verbatim", () => {
    const [first, ...rest] = asPlat2021.rules;
    const broken: PolicyModule = {
      ...asPlat2021,
      rules: [{ ...first!, citation: { ...first!.citation, quote: "到2025年" } }, ...rest],
    };
    expect(citationProblems(broken)).toEqual(["as-plat.goal: quote not verbatim in 一(三)"]);
  });
  it("flags a transition citing a rule the module lacks, and a missing catalog rule", () => {
    const broken: PolicyModule = {
      ...asPlat2021,
      workflow: {
        ...asPlat2021.workflow,
        transitions: asPlat2021.workflow.transitions.map((t) =>
          t.action === "recommend" ? { ...t, ruleId: "as-plat.nowhere" } : t,
        ),
      },
    };
    expect(workflowProblems(broken)).toEqual([
      "transition submitted/recommend cites unknown rule as-plat.nowhere",
    ]);
    expect(ruleSetProblems(asPlat2021, ["as-plat.pool", "as-plat.extra"])).toEqual([
      "missing rule as-plat.extra",
    ]);
  });
  it("reports a refused step", () => {
    expect(walk(asPlat2021, [["applicant", "approve"]])).toEqual(["draft", "refused: wrong-stage"]);
  });
});
