import { describe, expect, it } from "vitest";
import type { Transition, WorkflowDefinition } from "../policy/contract";
import { type Role, roles } from "../roles";
import {
  analyzeWorkflow,
  availableActions,
  decideTransition,
  missingReason,
  workflowProblems,
} from "./engine";

const t = (action: string, from: string, to: string, who: Role[]): Transition => ({
  action,
  from,
  to,
  roles: who,
  label: { zh: `动作${action}`, en: `Action ${action}` },
  ruleId: "zz.stages",
});
const s = (id: string, terminal?: boolean) => ({
  id,
  name: { zh: `阶段${id}`, en: `Stage ${id}` },
  actors: [] as Role[],
  ...(terminal ? { terminal } : {}),
});

/** draft → submitted → (approved | rejected); submitted → draft (return); draft → withdrawn. */
const small: WorkflowDefinition = {
  initial: "draft",
  stages: [s("draft"), s("submitted"), s("approved", true), s("rejected", true), s("withdrawn", true)],
  transitions: [
    t("submit", "draft", "submitted", ["applicant"]),
    t("withdraw", "draft", "withdrawn", ["applicant"]),
    t("return", "submitted", "draft", ["recommender", "authority"]),
    t("approve", "submitted", "approved", ["authority"]),
    t("reject", "submitted", "rejected", ["authority"]),
  ],
};

describe("decideTransition", () => {
  it("allows exactly the (stage, action, role) triples the graph lists, for every combination", () => {
    const actions = [...new Set(small.transitions.map((x) => x.action)), "nonsense"];
    for (const stage of small.stages) {
      for (const action of actions) {
        for (const role of roles) {
          const expected = small.transitions.find(
            (x) => x.from === stage.id && x.action === action && x.roles.includes(role),
          );
          const decision = decideTransition(small, { stage: stage.id, action, role });
          expect(decision.allowed, `${stage.id}/${action}/${role}`).toBe(expected !== undefined);
          if (decision.allowed) expect(decision.transition).toBe(expected);
        }
      }
    }
  });

  it("refuses an action from a terminal stage with terminal-stage, naming it", () => {
    const d = decideTransition(small, { stage: "approved", action: "submit", role: "applicant" });
    expect(d).toMatchObject({ allowed: false, code: "terminal-stage" });
    if (!d.allowed) {
      expect(d.reason.zh).toContain("阶段approved");
      expect(d.reason.en).toContain("Stage approved");
    }
  });

  it("refuses an action the graph does not have with unknown-action", () => {
    const d = decideTransition(small, { stage: "draft", action: "publish", role: "authority" });
    expect(d).toMatchObject({ allowed: false, code: "unknown-action" });
    if (!d.allowed) expect(d.reason.en).toContain('"publish"');
  });

  it("refuses an action from the wrong stage, naming where it is possible and where we are", () => {
    const d = decideTransition(small, { stage: "draft", action: "approve", role: "authority" });
    expect(d).toMatchObject({ allowed: false, code: "wrong-stage" });
    if (!d.allowed) {
      expect(d.reason.zh).toContain("阶段submitted");
      expect(d.reason.zh).toContain("阶段draft");
      expect(d.reason.en).toContain("Action approve");
    }
  });

  it("refuses the wrong role, naming the roles that may act and the one that tried", () => {
    const d = decideTransition(small, { stage: "submitted", action: "return", role: "applicant" });
    expect(d).toMatchObject({ allowed: false, code: "role-not-allowed" });
    if (!d.allowed) {
      expect(d.reason.zh).toContain("推荐单位或科技厅");
      expect(d.reason.zh).toContain("申报单位无权");
      expect(d.reason.en).toContain("Recommender or Provincial authority");
      expect(d.reason.en).toContain("not by Applicant");
    }
  });

  it("treats an unknown current stage as wrong-stage for a known action", () => {
    const d = decideTransition(small, { stage: "limbo", action: "submit", role: "applicant" });
    expect(d).toMatchObject({ allowed: false, code: "wrong-stage" });
  });
});

describe("availableActions", () => {
  it("lists the role's actions from a stage, in graph order", () => {
    expect(availableActions(small, "submitted", "authority").map((x) => x.action)).toEqual([
      "return",
      "approve",
      "reject",
    ]);
    expect(availableActions(small, "submitted", "recommender").map((x) => x.action)).toEqual(["return"]);
    expect(availableActions(small, "submitted", "applicant")).toEqual([]);
    expect(availableActions(small, "draft", "applicant").map((x) => x.action)).toEqual([
      "submit",
      "withdraw",
    ]);
  });

  it("lists nothing in a terminal stage", () => {
    const leaky: WorkflowDefinition = {
      ...small,
      transitions: [...small.transitions, t("reopen", "approved", "draft", ["authority"])],
    };
    expect(availableActions(leaky, "approved", "authority")).toEqual([]);
  });
});

describe("analyzeWorkflow", () => {
  it("finds nothing wrong with a well-formed graph", () => {
    const a = analyzeWorkflow(small);
    expect(a.reachable).toEqual(["draft", "submitted", "withdrawn", "approved", "rejected"]);
    expect(a.terminal).toEqual(["approved", "rejected", "withdrawn"]);
    expect(workflowProblems(a)).toEqual([]);
  });

  it("reports unreachable stages and dead ends", () => {
    const broken: WorkflowDefinition = {
      ...small,
      stages: [...small.stages, s("island"), s("stuck")],
      transitions: [...small.transitions, t("park", "submitted", "stuck", ["authority"])],
    };
    const a = analyzeWorkflow(broken);
    expect(a.unreachable).toEqual(["island"]);
    expect(a.deadEnds).toEqual(["island", "stuck"]);
    expect(workflowProblems(a)).toHaveLength(3);
  });

  it("does not count stages behind a terminal stage as reachable", () => {
    const behind: WorkflowDefinition = {
      ...small,
      stages: [...small.stages, s("afterlife", true)],
      transitions: [...small.transitions, t("ascend", "approved", "afterlife", ["authority"])],
    };
    const a = analyzeWorkflow(behind);
    expect(a.unreachable).toEqual(["afterlife"]);
    expect(a.transitionsFromTerminal).toEqual([{ from: "approved", action: "ascend" }]);
  });

  it("reports unknown stage references, including the initial stage", () => {
    const a = analyzeWorkflow({
      ...small,
      initial: "start",
      transitions: [...small.transitions, t("jump", "submitted", "nowhere", ["authority"])],
    });
    expect(a.unknownStageRefs.map((r) => r.ref)).toEqual(["start", "nowhere"]);
    expect(a.reachable).toEqual([]);
    expect(a.unreachable).toHaveLength(5);
  });

  it("reports duplicate (from, action) pairs and duplicate stage ids", () => {
    const a = analyzeWorkflow({
      ...small,
      stages: [...small.stages, s("draft")],
      transitions: [...small.transitions, t("approve", "submitted", "rejected", ["authority"])],
    });
    expect(a.duplicateTransitions).toEqual([{ from: "submitted", action: "approve" }]);
    expect(a.duplicateStageIds).toEqual(["draft"]);
  });

  it("reports a graph without a terminal stage and transitions nobody may take", () => {
    const a = analyzeWorkflow({
      initial: "a",
      stages: [s("a"), s("b")],
      transitions: [t("go", "a", "b", []), t("back", "b", "a", ["authority"])],
    });
    expect(a.terminal).toEqual([]);
    expect(a.deadEnds).toEqual(["a"]);
    expect(workflowProblems(a)).toEqual([
      "no terminal stage",
      'stage "a" is not terminal but has no way out',
      'action "go" from "a" has no role allowed to take it',
    ]);
  });
});

describe("missingReason", () => {
  const needs = { ...t("return", "submitted", "draft", ["authority"]), needsReason: true };
  it("asks for a reason only where the transition needs one", () => {
    expect(missingReason(needs, undefined)?.en).toBe('"Action return" needs a reason');
    expect(missingReason(needs, "  ")?.zh).toBe("“动作return”须填写理由");
    expect(missingReason(needs, "材料不全")).toBeNull();
    expect(missingReason(t("submit", "draft", "submitted", ["applicant"]), undefined)).toBeNull();
  });
});
