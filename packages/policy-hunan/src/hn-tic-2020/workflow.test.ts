import {
  analyzeWorkflow,
  availableActions,
  commonActions,
  decideTransition,
  type Role,
  workflowProblems,
} from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { hnRules } from "./rules";
import { hnWorkflow } from "./workflow";

const { stages, transitions, initial } = hnWorkflow;
const step = (from: string, action: string) =>
  transitions.find((t) => t.from === from && t.action === action);
const allowed = (from: string, role: Role) =>
  availableActions(hnWorkflow, from, role)
    .map((t) => t.action)
    .sort();
/** Follows actions from the initial stage through the domain engine, as the role each step allows. */
function walk(actions: string[]): string {
  return actions.reduce((stage, action) => {
    const role = step(stage, action)?.roles[0] ?? "applicant";
    const decision = decideTransition(hnWorkflow, { stage, action, role });
    if (!decision.allowed) throw new Error(decision.reason.en);
    return decision.transition.to;
  }, initial);
}

describe("hn-tic-2020 workflow graph (五(一)–(三))", () => {
  it("intent → city recommendation → consultation → site inspection → publicity → 批准组建", () => {
    const path = [
      "submit",
      "recommend",
      "start-consultation",
      "complete-consultation",
      "open-publicity",
      "approve",
    ];
    expect(walk(path)).toBe("approved");
  });

  it("every stage is reachable; terminal stages have no way out", () => {
    const analysis = analyzeWorkflow(hnWorkflow);
    expect(workflowProblems(analysis)).toEqual([]);
    expect([...analysis.reachable].sort()).toEqual(stages.map((s) => s.id).sort());
    for (const s of stages.filter((x) => x.terminal))
      expect(transitions.filter((t) => t.from === s.id)).toEqual([]);
  });

  it("uses known stages, common actions and the module's rules; action+from is unique", () => {
    const stageIds = new Set(stages.map((s) => s.id));
    const ruleIds = new Set(Object.values(hnRules).map((r) => r.id));
    const keys = new Set<string>();
    for (const t of transitions) {
      expect(stageIds.has(t.from) && stageIds.has(t.to), `${t.from}→${t.to}`).toBe(true);
      expect(commonActions as readonly string[]).toContain(t.action);
      expect(ruleIds.has(t.ruleId), t.ruleId).toBe(true);
      keys.add(`${t.from}:${t.action}`);
    }
    expect(keys.size).toBe(transitions.length);
  });

  it("each role acts only where the source puts it", () => {
    expect(allowed("draft", "applicant")).toEqual(["submit"]);
    expect(allowed("submitted", "recommender")).toEqual(["recommend", "return-to-applicant"]);
    expect(allowed("submitted", "applicant")).toEqual(["withdraw"]);
    expect(allowed("recommended", "authority")).toEqual(["start-consultation"]);
    expect(allowed("consultation", "authority")).toEqual([
      "complete-consultation",
      "reject",
      "request-revision",
    ]);
    expect(allowed("site-visit", "authority")).toEqual(["open-publicity", "reject"]);
    expect(allowed("publicity", "authority")).toEqual(["approve", "reject", "uphold-objection"]);
    expect(allowed("publicity", "recommender")).toEqual([]);
    for (const s of stages) expect(allowed(s.id, "expert"), s.id).toEqual([]);
  });

  it("consultation needs the panel and all opinions; the site inspection must be recorded before publicity", () => {
    expect(step("consultation", "complete-consultation")?.guards).toEqual([
      "panel-formed",
      "opinions-complete",
    ]);
    expect(step("site-visit", "open-publicity")?.guards).toEqual(["site-visit-recorded"]);
  });

  it("approval needs a clear publicity (common.publicity); an upheld objection goes back to consultation", () => {
    expect(step("publicity", "approve")).toMatchObject({
      guards: ["publicity-closed-clear"],
      ruleId: "common.publicity",
    });
    expect(step("publicity", "uphold-objection")).toMatchObject({ to: "consultation", needsReason: true });
  });

  it("revision loops: returned by the recommender or after consultation, then resubmitted", () => {
    expect(walk(["submit", "return-to-applicant", "resubmit"])).toBe("submitted");
    expect(walk(["submit", "recommend", "start-consultation", "request-revision", "resubmit"])).toBe(
      "submitted",
    );
  });

  it("the applicant may withdraw until the decision", () => {
    expect(walk(["submit", "recommend", "start-consultation", "withdraw"])).toBe("withdrawn");
    expect(step("approved", "withdraw")).toBeUndefined();
    expect(step("rejected", "withdraw")).toBeUndefined();
  });
});
