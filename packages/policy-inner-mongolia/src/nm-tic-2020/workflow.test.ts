import {
  analyzeWorkflow,
  availableActions,
  commonActions,
  decideTransition,
  type Role,
  type Transition,
  workflowProblems,
} from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { nmRules } from "./rules";
import { nmWorkflow } from "./workflow";

const { stages, transitions, initial } = nmWorkflow;
const step = (from: string, action: string) =>
  transitions.find((t) => t.from === from && t.action === action);
const allowed = (from: string, role: Role) =>
  availableActions(nmWorkflow, from, role)
    .map((t) => t.action)
    .sort();

/** Follows actions from the initial stage, failing loudly if a step is not in the graph. */
/** Follows actions from the initial stage through the domain engine, as the role each step allows. */
function walk(actions: string[]): string {
  return actions.reduce((stage, action) => {
    const role = step(stage, action)?.roles[0] ?? "applicant";
    const decision = decideTransition(nmWorkflow, { stage, action, role });
    if (!decision.allowed) throw new Error(decision.reason.en);
    return decision.transition.to;
  }, initial);
}

describe("nm-tic-2020 workflow graph", () => {
  it("follows 三(四)1–5: intent → recommended → consultation → site inspection → formal application → review → on-site evaluation → publicity → approved", () => {
    const path = [
      "submit",
      "recommend",
      "start-consultation",
      "complete-consultation",
      "record-site-visit",
      "file-formal-application",
      "complete-review",
      "open-publicity",
      "approve",
    ];
    expect(walk(path)).toBe("approved");
  });

  it("every stage is reachable from draft and terminal stages have no way out", () => {
    const analysis = analyzeWorkflow(nmWorkflow);
    expect(workflowProblems(analysis)).toEqual([]);
    expect([...analysis.reachable].sort()).toEqual(stages.map((s) => s.id).sort());
    for (const s of stages.filter((x) => x.terminal))
      expect(transitions.filter((t) => t.from === s.id)).toEqual([]);
    expect(stages.filter((s) => s.terminal).map((s) => s.id)).toEqual(["approved", "rejected", "withdrawn"]);
  });

  it("transitions use known stages, common actions and a rule of the module; action+from is unique", () => {
    const stageIds = new Set(stages.map((s) => s.id));
    const ruleIds = new Set(Object.values(nmRules).map((r) => r.id));
    const keys = new Set<string>();
    for (const t of transitions) {
      expect(stageIds.has(t.from) && stageIds.has(t.to), `${t.from}→${t.to}`).toBe(true);
      expect(commonActions as readonly string[]).toContain(t.action);
      expect(ruleIds.has(t.ruleId), t.ruleId).toBe(true);
      keys.add(`${t.from}:${t.action}`);
    }
    expect(keys.size).toBe(transitions.length);
  });

  it("the recommender files the formal application; nobody else can", () => {
    const filing = step("formal-application", "file-formal-application") as Transition;
    expect(filing.roles).toEqual(["recommender"]);
    expect(filing.to).toBe("review");
    expect(allowed("formal-application", "applicant")).toEqual(["withdraw"]);
    expect(allowed("formal-application", "authority")).toEqual([]);
  });

  it("allows each role only its own actions", () => {
    expect(allowed("draft", "applicant")).toEqual(["submit"]);
    expect(allowed("submitted", "recommender")).toEqual(["recommend", "return-to-applicant"]);
    expect(allowed("submitted", "authority")).toEqual([]);
    expect(allowed("returned", "applicant")).toEqual(["resubmit", "withdraw"]);
    expect(allowed("recommended", "authority")).toEqual(["start-consultation"]);
    expect(allowed("consultation", "authority")).toEqual([
      "complete-consultation",
      "reject",
      "request-revision",
    ]);
    expect(allowed("publicity", "authority")).toEqual(["approve", "reject", "uphold-objection"]);
    for (const s of stages) expect(allowed(s.id, "expert"), s.id).toEqual([]);
  });

  it("consultation needs a panel and complete opinions; site visits must be recorded", () => {
    expect(step("consultation", "complete-consultation")?.guards).toEqual([
      "panel-formed",
      "opinions-complete",
    ]);
    expect(step("site-visit", "record-site-visit")?.guards).toEqual(["site-visit-recorded"]);
    expect(step("on-site-evaluation", "open-publicity")?.guards).toEqual(["site-visit-recorded"]);
  });

  it("approval requires publicity closed with no objection and cites common.publicity", () => {
    const approve = step("publicity", "approve");
    expect(approve?.guards).toEqual(["publicity-closed-clear"]);
    expect(approve?.ruleId).toBe("common.publicity");
    expect(step("publicity", "uphold-objection")?.to).toBe("review");
  });

  it("supports return-for-revision loops and needs a reason to return or reject", () => {
    expect(walk(["submit", "return-to-applicant", "resubmit", "recommend"])).toBe("recommended");
    expect(walk(["submit", "recommend", "start-consultation", "request-revision"])).toBe("returned");
    for (const t of transitions.filter((x) =>
      ["reject", "return-to-applicant", "request-revision"].includes(x.action),
    ))
      expect(t.needsReason, `${t.from}:${t.action}`).toBe(true);
  });

  it("the applicant may withdraw before the decision but not after", () => {
    expect(walk(["submit", "recommend", "withdraw"])).toBe("withdrawn");
    expect(step("publicity", "withdraw")?.roles).toEqual(["applicant"]);
    expect(step("draft", "withdraw")).toBeUndefined();
    expect(step("approved", "withdraw")).toBeUndefined();
  });
});

describe("the domain engine refuses what the graph does not allow", () => {
  it("an applicant cannot file the formal application; a recommender cannot approve", () => {
    const filing = decideTransition(nmWorkflow, {
      stage: "formal-application",
      action: "file-formal-application",
      role: "applicant",
    });
    expect(filing).toMatchObject({ allowed: false, code: "role-not-allowed" });
    const approve = decideTransition(nmWorkflow, {
      stage: "publicity",
      action: "approve",
      role: "recommender",
    });
    expect(approve).toMatchObject({ allowed: false, code: "role-not-allowed" });
    const early = decideTransition(nmWorkflow, { stage: "review", action: "approve", role: "authority" });
    expect(early).toMatchObject({ allowed: false, code: "wrong-stage" });
  });
});
