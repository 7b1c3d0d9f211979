import type { PolicyModule } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { scTic2018 } from "../sc-tic/module";
import { citationProblems, ruleSetProblems, walk, workflowProblems } from "./module-checks";

// The checks must be able to fail: feed them deliberately broken copies of a real module.
describe("module checks catch broken modules", () => {
  it("flags a quote that is not verbatim and a clause that does not exist", () => {
    const [first, second, ...rest] = scTic2018.rules;
    const broken: PolicyModule = {
      ...scTic2018,
      rules: [
        { ...first!, citation: { ...first!.citation, quote: "并非原文" } },
        { ...second!, citation: { ...second!.citation, clause: "九(九)" } },
        ...rest,
      ],
    };
    expect(citationProblems(broken)).toHaveLength(2);
  });

  it("flags an unreachable stage, a foreign stage id and an unknown rule id", () => {
    const broken: PolicyModule = {
      ...scTic2018,
      workflow: {
        ...scTic2018.workflow,
        stages: [...scTic2018.workflow.stages, { id: "limbo", name: { zh: "无", en: "Limbo" }, actors: [] }],
        transitions: scTic2018.workflow.transitions.map((t) =>
          t.action === "approve" ? { ...t, ruleId: "sc-tic.nowhere" } : t,
        ),
      },
    };
    const problems = workflowProblems(broken);
    expect(problems.some((p) => p.includes('"limbo" is unreachable'))).toBe(true);
    expect(problems).toContain("stage limbo not in commonStages");
    expect(problems).toContain("transition review/approve cites unknown rule sc-tic.nowhere");
  });

  it("flags a missing catalog rule", () => {
    expect(ruleSetProblems(scTic2018, ["sc-tic.period", "sc-tic.invented"])).toEqual([
      "missing rule sc-tic.invented",
    ]);
  });

  it("reports a refused step instead of inventing a path", () => {
    expect(walk(scTic2018, [["authority", "submit"]])).toEqual(["draft", "refused: role-not-allowed"]);
  });
});
