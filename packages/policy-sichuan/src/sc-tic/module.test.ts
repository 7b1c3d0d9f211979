import { type CenterFacts, obligationSchema, outlineSectionSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import {
  actionsFor,
  citationProblems,
  ruleSetProblems,
  walk,
  workflowProblems,
} from "../shared/module-checks";
import { scTic2018 } from "./module";

const catalog = [
  "sc-tic.period",
  "sc-tic.fields",
  "sc-tic.lead-unit",
  "sc-tic.legal-status",
  "sc-tic.governance",
  "sc-tic.funding",
  "sc-tic.stages",
  "sc-tic.panel",
  "sc-tic.outcomes",
  "sc-tic.annual-report",
];
const rule = (id: string) => scTic2018.rules.find((r) => r.id === id)!;
const member = (name: string) => ({ name, affiliation: "external" as const });
const facts = (over: Partial<CenterFacts> = {}): CenterFacts => ({ kind: "tech-innovation-center", ...over });

describe("sc-tic-2018 source and rules", () => {
  it("is a draft for comment with its comment window", () => {
    expect(scTic2018.source.status).toBe("draft");
    expect(scTic2018.source.commentPeriod).toEqual({ from: "2018-08-31", to: "2018-09-09" });
  });

  it("transcribes every numbered clause once, without the duplicated copy", () => {
    const ids = scTic2018.source.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["一", "二(二)", "三(一)", "三(三)", "四(五)", "五(五)", "六(一)", "六(四)"]) {
      expect(ids).toContain(id);
    }
    expect(scTic2018.source.clauses.every((c) => !c.text.includes("责任编辑"))).toBe(true);
  });

  it("carries exactly the catalog rules, each citing a verbatim quote", () => {
    expect(ruleSetProblems(scTic2018, catalog)).toEqual([]);
    expect(scTic2018.rules.map((r) => r.id).sort()).toEqual([...catalog].sort());
    expect(citationProblems(scTic2018)).toEqual([]);
  });
});

describe("sc-tic.governance", () => {
  const governance = rule("sc-tic.governance");
  const board = { members: [member("甲"), member("乙")] };
  const committee = { kind: "expert-committee" as const, members: [member("丙")] };

  it("passes with a board and an expert committee and names the clause", () => {
    const result = governance.evaluate!(facts({ board, committee }));
    expect(result.outcome).toBe("pass");
    expect(result.message.zh).toContain("五(二)");
    expect(result.message.en).toContain("2 members");
  });
  it("needs information when the board or committee is not given", () => {
    expect(governance.evaluate!(facts({ committee })).outcome).toBe("needs-information");
    expect(governance.evaluate!(facts({ board })).outcome).toBe("needs-information");
  });
  it("fails with an empty board or an empty committee (0 members; 1 passes)", () => {
    expect(governance.evaluate!(facts({ board: { members: [] }, committee })).outcome).toBe("fail");
    expect(governance.evaluate!(facts({ board, committee: { ...committee, members: [] } })).outcome).toBe(
      "fail",
    );
    expect(governance.evaluate!(facts({ board: { members: [member("甲")] }, committee })).outcome).toBe(
      "pass",
    );
  });
  it("fails when the body is a technical guidance committee instead of an expert committee", () => {
    const result = governance.evaluate!(
      facts({ board, committee: { ...committee, kind: "tech-guidance-committee" } }),
    );
    expect(result.outcome).toBe("fail");
    expect(result.message.zh).toContain("专家委员会");
  });
});

describe("checklist rules (human judgement)", () => {
  it.each(["sc-tic.lead-unit", "sc-tic.legal-status", "sc-tic.funding"])("%s asks the reviewer", (id) => {
    const r = rule(id);
    expect(r.implementedBy).toBe("checklist");
    expect(r.prompt?.zh.length).toBeGreaterThan(10);
    expect(r.evaluate).toBeUndefined();
  });
});

describe("sc-tic.fields", () => {
  it("lists the three orientations with the fields of 三(一)", () => {
    expect(rule("sc-tic.fields").implementedBy).toBe("data");
    expect(scTic2018.fields).toHaveLength(3);
    const all = scTic2018.fields.flatMap((g) => g.fields);
    const clause = scTic2018.source.clauses.find((c) => c.id === "三(一)")!.text;
    for (const field of all) expect(clause).toContain(field);
    expect(all).toContain("动力及储能电池");
    expect(all).toContain("军民融合");
  });
});

describe("sc-tic.panel", () => {
  it("requires technical, management and S&T-policy experts", () => {
    expect(scTic2018.panel).toEqual({
      ruleId: "sc-tic.panel",
      requiredExpertise: ["technical", "management", "policy"],
    });
  });
  it("guards the start of the consultation on a formed panel", () => {
    const start = scTic2018.workflow.transitions.find((t) => t.action === "start-consultation")!;
    expect(start.ruleId).toBe("sc-tic.panel");
    expect(start.guards).toContain("panel-formed");
  });
});

describe("sc-tic.stages (workflow)", () => {
  it("is a well-formed graph of common stages", () => {
    expect(workflowProblems(scTic2018)).toEqual([]);
  });
  it("runs intent → consultation → launch", () => {
    const path = walk(scTic2018, [
      ["applicant", "submit"],
      ["authority", "start-consultation"],
      ["authority", "complete-consultation"],
      ["authority", "approve"],
    ]);
    expect(path).toEqual(["draft", "submitted", "consultation", "review", "approved"]);
  });
  it("loops back for revision on the panel's opinions", () => {
    const path = walk(scTic2018, [
      ["applicant", "submit"],
      ["authority", "start-consultation"],
      ["authority", "request-revision"],
      ["applicant", "resubmit"],
    ]);
    expect(path.at(-1)).toBe("submitted");
  });
  it("lets each role do only its own steps", () => {
    expect(actionsFor(scTic2018, "draft", "applicant")).toEqual(["submit"]);
    expect(actionsFor(scTic2018, "draft", "authority")).toEqual([]);
    expect(actionsFor(scTic2018, "submitted", "authority")).toEqual([
      "reject",
      "return-to-applicant",
      "start-consultation",
    ]);
    expect(actionsFor(scTic2018, "submitted", "applicant")).toEqual(["withdraw"]);
    expect(actionsFor(scTic2018, "consultation", "expert")).toEqual([]);
    expect(actionsFor(scTic2018, "review", "recommender")).toEqual([]);
    expect(actionsFor(scTic2018, "approved", "applicant")).toEqual([]);
  });
  it("requires a reason to return or decline", () => {
    const needingReason = scTic2018.workflow.transitions.filter((t) => t.needsReason).map((t) => t.action);
    expect(new Set(needingReason)).toEqual(new Set(["return-to-applicant", "request-revision", "reject"]));
  });
});

describe("sc-tic.outcomes", () => {
  it("grades the summary evaluation as rectification, revocation or continued support", () => {
    expect(scTic2018.evaluation?.ruleId).toBe("sc-tic.outcomes");
    expect(scTic2018.evaluation?.grades.map((g) => g.consequence).sort()).toEqual([
      "continued-support",
      "rectification",
      "revocation",
    ]);
  });
});

describe("sc-tic.annual-report and sc-tic.period (schedule)", () => {
  it("lists one report per year, due on the configured 31 March of the next year", () => {
    const obligations = scTic2018.schedule({ approvedOn: "2019-06-30", years: 3 });
    for (const o of obligations) expect(obligationSchema.parse(o)).toEqual(o);
    const reports = obligations.filter((o) => o.kind === "annual-report");
    expect(reports.map((r) => [r.yearCovered, r.dueOn, r.exempt, r.configurable])).toEqual([
      [2019, "2020-03-31", false, true],
      [2020, "2021-03-31", false, true],
      [2021, "2022-03-31", false, true],
    ]);
    expect(reports.every((r) => r.ruleId === "sc-tic.annual-report")).toBe(true);
  });
  it("opens the summary evaluation six months before the 3-year period ends", () => {
    const evaluations = scTic2018
      .schedule({ approvedOn: "2019-08-31", years: 3 })
      .filter((o) => o.kind === "evaluation");
    expect(evaluations).toEqual([
      {
        kind: "evaluation",
        earliestOn: "2022-02-28",
        ruleId: "sc-tic.outcomes",
        evaluationKind: "summary",
        configurable: true,
      },
    ]);
  });
  it("approved 2019-03-01: the period ends 2022-03-01, so the summary evaluation opens 2021-09-01", () => {
    const [evaluation] = scTic2018
      .schedule({ approvedOn: "2019-03-01", years: 3 })
      .filter((o) => o.kind === "evaluation");
    // 建设期满前: 2022-03-01 ends the period, so the evaluation opens six months before it.
    expect(evaluation).toMatchObject({ earliestOn: "2021-09-01", evaluationKind: "summary" });
  });
  it("leaves the evaluation out of a window shorter than the period", () => {
    const obligations = scTic2018.schedule({ approvedOn: "2019-08-31", years: 2 });
    expect(obligations.filter((o) => o.kind === "evaluation")).toEqual([]);
  });
  it("exposes the due date and evaluation lead as local settings, not clauses", () => {
    expect(scTic2018.settings.map((s) => [s.key, s.value, s.relatesTo])).toEqual([
      ["annualReportDue", "03-31", "sc-tic.annual-report"],
      ["summaryEvaluationLeadMonths", 6, "sc-tic.outcomes"],
    ]);
    expect(rule("sc-tic.period").citation.quote).toBe("一般以三年为建设周期");
  });
});

describe("the summary evaluation cites 六(四), the clause that schedules it (issue 14)", () => {
  // 六(四) "建设期满前,科技厅组织开展建设情况总结评估,并根据评估结果决定整改、撤销或后续支持等重大事项";
  // 三(二) "一般以三年为建设周期" only gives the period's length.
  const clauseText = (id: string) => scTic2018.source.clauses.find((c) => c.id === id)!.text;
  it("cites sc-tic.outcomes, whose clause 六(四) dates the evaluation 建设期满前", () => {
    const [evaluation] = scTic2018
      .schedule({ approvedOn: "2019-08-31", years: 3 })
      .filter((o) => o.kind === "evaluation");
    const cited = rule(evaluation!.ruleId);
    expect(cited.citation.clause).toBe("六(四)");
    expect(cited.citation.quote).toContain("建设期满前,科技厅组织开展建设情况总结评估");
    expect(clauseText("六(四)")).toContain(cited.citation.quote);
    expect(clauseText("三(二)")).not.toContain("总结评估");
  });
});

describe("after-approval data (六(四))", () => {
  it("one written account of the year's construction, straight to the department, no indicators", () => {
    // 六(四) "有关单位将省级技术创新中心年度建设情况书面报科技厅": no recommender in between.
    expect(scTic2018.annualReport).toEqual({
      ruleId: "sc-tic.annual-report",
      sections: [{ id: "constructionProgress", title: expect.objectContaining({ zh: "年度建设情况" }) }],
      recommenderChecks: false,
      indicators: false,
    });
  });
  it("rectification follows the summary evaluation's outcome (六(四) 整改); no post-subsidy clause", () => {
    expect(scTic2018.evaluation?.rectificationRuleId).toBe("sc-tic.outcomes");
    expect(scTic2018.evaluation?.postSubsidyRuleId).toBeUndefined();
    expect(scTic2018.sourceConflicts).toBeUndefined();
  });
});

describe("outline", () => {
  it("has the five sections built from 六(一), 五(二) and 五(五), each schema-valid", () => {
    const sections = scTic2018.outline!.sections;
    expect(sections.map((s) => s.number)).toEqual(["一", "二", "三", "四", "五"]);
    for (const s of sections) expect(() => outlineSectionSchema.parse(s)).not.toThrow();
  });
});
