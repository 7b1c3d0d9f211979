import { type CenterFacts, obligationSchema, outlineSectionSchema, reviewCriteria } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import {
  actionsFor,
  citationProblems,
  ruleSetProblems,
  walk,
  workflowProblems,
} from "../shared/module-checks";
import { demonstrationTasks, zoneConditions, zoneLayout } from "./data";
import { scZone2018 } from "./module";

const catalog = [
  "sc-zone.layout",
  "sc-zone.subject",
  "sc-zone.conditions",
  "sc-zone.tasks",
  "sc-zone.stages",
  "sc-zone.indicators",
  "sc-zone.annual-report",
  "sc-zone.period",
  "sc-zone.outcomes",
  "sc-zone.experience",
];
const rule = (id: string) => scZone2018.rules.find((r) => r.id === id)!;
type Zone = NonNullable<CenterFacts["zone"]>;
const zone = (z: Zone): CenterFacts => ({ kind: "transfer-demonstration-zone", zone: z });
const clauseText = (id: string) => scZone2018.source.clauses.find((c) => c.id === id)!.text;

describe("sc-zone-2018 source and rules", () => {
  it("is a draft for comment", () => {
    expect(scZone2018.source.status).toBe("draft");
    expect(scZone2018.source.commentPeriod?.to).toBe("2018-05-18");
  });
  it("transcribes every numbered clause once", () => {
    const ids = scZone2018.source.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["一(三)", "二(二)", "三(四)", "四(八)", "五(五)", "六(三)"]) expect(ids).toContain(id);
  });
  it("carries exactly the catalog rules with verbatim citations", () => {
    expect(ruleSetProblems(scZone2018, catalog)).toEqual([]);
    expect(scZone2018.rules.map((r) => r.id).sort()).toEqual([...catalog].sort());
    expect(citationProblems(scZone2018)).toEqual([]);
  });
});

describe("sc-zone.layout", () => {
  it("plans about 15 zones around the national Chengdu-Deyang-Mianyang core", () => {
    expect(rule("sc-zone.layout").implementedBy).toBe("data");
    expect(zoneLayout.plannedProvincialZones).toBe(15);
    expect(zoneLayout.core.level).toBe("national");
    expect(clauseText("二(一)")).toContain(zoneLayout.core.name.zh);
    expect(clauseText("二(一)")).toContain(zoneLayout.pattern.zh);
  });
});

describe("sc-zone.subject", () => {
  const subject = rule("sc-zone.subject");
  it("passes a city bureau with each allowed site type", () => {
    for (const siteType of ["park", "high-tech-base", "university-science-park"] as const) {
      const result = subject.evaluate!(zone({ applicantIsCityBureau: true, siteType }));
      expect(result.outcome).toBe("pass");
      expect(result.message.zh).toContain("五(一)");
    }
  });
  it("fails an applicant that is not a city bureau", () => {
    expect(subject.evaluate!(zone({ applicantIsCityBureau: false, siteType: "park" })).outcome).toBe("fail");
  });
  it("needs information when the applicant or the site type is unknown", () => {
    expect(subject.evaluate!({ kind: "transfer-demonstration-zone" }).outcome).toBe("needs-information");
    expect(subject.evaluate!(zone({ applicantIsCityBureau: true })).outcome).toBe("needs-information");
  });
});

describe("sc-zone.conditions", () => {
  it("is a reviewer checklist of the four conditions, each tied to its clause", () => {
    expect(rule("sc-zone.conditions").implementedBy).toBe("checklist");
    expect(zoneConditions.map((c) => c.clause)).toEqual(["三(一)", "三(二)", "三(三)", "三(四)"]);
    for (const c of zoneConditions) expect(clauseText(c.clause).length).toBeGreaterThan(0);
  });
});

describe("sc-zone.tasks", () => {
  const tasks = rule("sc-zone.tasks");
  const ids = demonstrationTasks.map((t) => t.id);
  it("lists the eight tasks of 四(一)–(八)", () => {
    expect(demonstrationTasks.map((t) => t.clause)).toEqual([
      "四(一)",
      "四(二)",
      "四(三)",
      "四(四)",
      "四(五)",
      "四(六)",
      "四(七)",
      "四(八)",
    ]);
    expect(new Set(ids).size).toBe(8);
    // The citation links into section 四, where the tasks are, not the principles of 一(二).
    expect(tasks.citation.clause).toBe("四(一)");
  });
  it("passes one task and all eight", () => {
    expect(tasks.evaluate!(zone({ demonstrationTasks: [ids[0]!] })).outcome).toBe("pass");
    const all = tasks.evaluate!(zone({ demonstrationTasks: [...ids] }));
    expect(all.outcome).toBe("pass");
    expect(all.message.en).toContain("8 demonstration task(s)");
  });
  it("fails none chosen and a task outside the eight", () => {
    expect(tasks.evaluate!(zone({ demonstrationTasks: [] })).outcome).toBe("fail");
    const result = tasks.evaluate!(zone({ demonstrationTasks: [ids[1]!, "space-mining"] }));
    expect(result.outcome).toBe("fail");
    expect(result.message.zh).toContain("space-mining");
  });
  it("needs information when no tasks are given", () => {
    expect(tasks.evaluate!(zone({})).outcome).toBe("needs-information");
  });
});

describe("sc-zone.indicators", () => {
  const indicators = rule("sc-zone.indicators");
  it("passes at 1 indicator, fails at 0, needs information when absent", () => {
    expect(indicators.evaluate!(zone({ indicatorCount: 1 })).outcome).toBe("pass");
    expect(indicators.evaluate!(zone({ indicatorCount: 0 })).outcome).toBe("fail");
    expect(indicators.evaluate!(zone({})).outcome).toBe("needs-information");
  });
});

describe("sc-zone.stages (workflow)", () => {
  it("is a well-formed graph of common stages", () => {
    expect(workflowProblems(scZone2018)).toEqual([]);
  });
  it("needs both the consultation and the site investigation before the decision", () => {
    const path = walk(scZone2018, [
      ["applicant", "submit"],
      ["authority", "start-consultation"],
      ["authority", "complete-consultation"],
      ["authority", "record-site-visit"],
      ["authority", "approve"],
    ]);
    expect(path).toEqual(["draft", "submitted", "consultation", "site-visit", "review", "approved"]);
    expect(actionsFor(scZone2018, "consultation", "authority")).not.toContain("approve");
    expect(actionsFor(scZone2018, "site-visit", "authority")).not.toContain("approve");
    const visit = scZone2018.workflow.transitions.find((t) => t.action === "record-site-visit")!;
    expect(visit.guards).toEqual(["site-visit-recorded"]);
  });
  it("lets the city bureau submit, resubmit and withdraw, and only the department decide", () => {
    expect(actionsFor(scZone2018, "draft", "applicant")).toEqual(["submit"]);
    expect(actionsFor(scZone2018, "returned", "applicant")).toEqual(["resubmit", "withdraw"]);
    expect(actionsFor(scZone2018, "review", "applicant")).toEqual(["withdraw"]);
    expect(actionsFor(scZone2018, "review", "authority")).toEqual(["approve", "reject"]);
    expect(actionsFor(scZone2018, "submitted", "recommender")).toEqual([]);
  });
});

describe("sc-zone.annual-report", () => {
  it("is due 31 December of the year covered", () => {
    const reports = scZone2018
      .schedule({ approvedOn: "2019-05-20", years: 3 })
      .filter((o) => o.kind === "annual-report");
    expect(reports.map((r) => [r.yearCovered, r.dueOn, r.exempt])).toEqual([
      [2019, "2019-12-31", false],
      [2020, "2020-12-31", false],
      [2021, "2021-12-31", false],
    ]);
  });
  it("falls due on the approval day itself for a zone approved on 31 December", () => {
    const [first] = scZone2018.schedule({ approvedOn: "2019-12-31", years: 1 });
    expect(first).toMatchObject({ kind: "annual-report", yearCovered: 2019, dueOn: "2019-12-31" });
  });
});

const evaluations = (approvedOn: string, years: number) =>
  scZone2018.schedule({ approvedOn, years }).filter((o) => o.kind === "evaluation");

describe("sc-zone.period (六(三): 每年…考核, then the evaluation after the three-year period)", () => {
  const assessment = (earliestOn: string, yearCovered: number) => ({
    kind: "evaluation",
    earliestOn,
    ruleId: "sc-zone.period",
    evaluationKind: "annual-assessment",
    yearCovered,
    configurable: true,
  });
  const summary = (earliestOn: string) => ({
    kind: "evaluation",
    earliestOn,
    ruleId: "sc-zone.period",
    evaluationKind: "summary",
  });

  it("cites both obligations of 六(三) verbatim", () => {
    const quote = rule("sc-zone.period").citation.quote;
    expect(quote).toContain("每年对示范区建设进展进行考核");
    expect(quote).toContain("三年示范期结束后,由科技厅组织评估");
    expect(clauseText("六(三)")).toContain(quote);
  });

  it("opens the summary evaluation on the third anniversary, after two yearly assessments", () => {
    const obligations = scZone2018.schedule({ approvedOn: "2019-05-20", years: 3 });
    for (const o of obligations) expect(obligationSchema.parse(o)).toEqual(o);
    expect(evaluations("2019-05-20", 3)).toEqual([
      assessment("2020-01-01", 2019),
      assessment("2021-01-01", 2020),
      summary("2022-05-20"),
    ]);
  });

  it("opens each yearly assessment the day after the year's report fell due (五(四) 每年12月底以前)", () => {
    const obligations = scZone2018.schedule({ approvedOn: "2019-05-20", years: 3 });
    const assessments = obligations.filter(
      (o) => o.kind === "evaluation" && o.evaluationKind === "annual-assessment",
    );
    expect(assessments).toHaveLength(2);
    for (const a of assessments) {
      if (a.kind !== "evaluation") continue;
      const report = obligations.find((o) => o.kind === "annual-report" && o.yearCovered === a.yearCovered);
      expect(report?.kind === "annual-report" ? report.dueOn : null).toBe(`${a.yearCovered}-12-31`);
      expect(a.earliestOn).toBe(`${a.yearCovered! + 1}-01-01`);
    }
  });

  it("gives every zone two assessments then the summary, whether approved on 1 January or 31 December", () => {
    // The summary's own year has no separate assessment: the summary assesses that year.
    expect(evaluations("2019-01-01", 3)).toEqual([
      assessment("2020-01-01", 2019),
      assessment("2021-01-01", 2020),
      summary("2022-01-01"),
    ]);
    expect(evaluations("2019-12-31", 4)).toEqual([
      assessment("2020-01-01", 2019),
      assessment("2021-01-01", 2020),
      summary("2022-12-31"),
    ]);
  });

  it("schedules no assessment after the demonstration period, however long the window", () => {
    const list = evaluations("2019-05-20", 6);
    expect(list.map((o) => (o.kind === "evaluation" ? o.evaluationKind : null))).toEqual([
      "annual-assessment",
      "annual-assessment",
      "summary",
    ]);
  });

  it("lists only what falls inside the window: one year, two years", () => {
    expect(evaluations("2019-05-20", 1)).toEqual([assessment("2020-01-01", 2019)]);
    expect(evaluations("2019-05-20", 2)).toEqual([
      assessment("2020-01-01", 2019),
      assessment("2021-01-01", 2020),
    ]);
    // The window's last day counts: approved 2019-01-01 for one year ends on 2020-01-01, the assessment's day.
    expect(evaluations("2019-01-01", 1)).toEqual([assessment("2020-01-01", 2019)]);
  });

  it("marks the assessment date a local setting, related to sc-zone.period", () => {
    expect(scZone2018.settings.map((s) => [s.key, s.value, s.relatesTo])).toEqual([
      ["annualAssessmentOpens", "01-01", "sc-zone.period"],
    ]);
  });
});

describe("source conflict: 五(四) 建设期满前 vs 六(三) 三年示范期结束后 (issue 14)", () => {
  const [conflict] = scZone2018.sourceConflicts ?? [];

  it("records both readings, each quoted verbatim from its clause", () => {
    expect(scZone2018.sourceConflicts).toHaveLength(1);
    expect(conflict!.ruleId).toBe("sc-zone.period");
    expect(conflict!.readings.map((r) => r.citation.clause)).toEqual(["五(四)", "六(三)"]);
    for (const r of conflict!.readings) {
      expect(r.citation.source).toBe("sc-zone-2018");
      expect(clauseText(r.citation.clause)).toContain(r.citation.quote);
    }
    expect(conflict!.readings[0]!.citation.quote).toContain("建设期满前");
    expect(conflict!.readings[1]!.citation.quote).toContain("三年示范期结束后");
  });

  it("applies 六(三) and says why, in both languages; the schedule follows that choice", () => {
    expect(conflict!.appliedClause).toBe("六(三)");
    expect(conflict!.choice.zh).toContain("六(三)");
    expect(conflict!.choice.en).toContain("六(三)");
    // After the period, not before: the summary opens on the third anniversary, never earlier.
    const last = evaluations("2019-05-20", 3).at(-1);
    expect(last).toMatchObject({ evaluationKind: "summary", earliestOn: "2022-05-20" });
  });
});

describe("sc-zone.outcomes", () => {
  it("grades to rectification, revocation or continued support", () => {
    expect(scZone2018.evaluation?.ruleId).toBe("sc-zone.outcomes");
    expect(scZone2018.evaluation?.grades.map((g) => g.consequence).sort()).toEqual([
      "continued-support",
      "rectification",
      "revocation",
    ]);
  });
});

describe("after-approval data (五(四))", () => {
  it("reports the year's construction with the zone's indicators, straight to the department", () => {
    // 五(四) "示范区设立各具特色的建设指标体系…每年12月底以前,示范区将年度建设情况书面报科技厅".
    expect(scZone2018.annualReport).toEqual({
      ruleId: "sc-zone.annual-report",
      sections: [{ id: "constructionProgress", title: expect.objectContaining({ zh: "年度建设情况" }) }],
      recommenderChecks: false,
      indicators: true,
    });
    expect(clauseText("五(四)")).toContain("建设指标体系");
  });
  it("orders rectification through the evaluation's outcome (五(四) 整改、撤销或后续支持)", () => {
    expect(scZone2018.evaluation?.rectificationRuleId).toBe("sc-zone.outcomes");
    expect(scZone2018.evaluation?.postSubsidyRuleId).toBeUndefined();
  });
});

describe("sc-zone.experience", () => {
  it("is a duty after launch with the zone's writing prompt, quoting 五(五)", () => {
    const r = rule("sc-zone.experience");
    expect(r.implementedBy).toBe("obligation");
    expect(r.citation.clause).toBe("五(五)");
    expect(clauseText("五(五)")).toContain(r.citation.quote);
    expect(r.prompt?.zh).toContain("复制推广");
    expect(r.prompt?.en).toContain("replicable");
  });
  it("is no longer a criterion experts score at application, while the module keeps the rule", () => {
    const ids = reviewCriteria(scZone2018).map((c) => c.id);
    expect(ids).not.toContain("sc-zone.experience");
    expect(ids).toContain("sc-zone.conditions");
    expect(scZone2018.rules.map((r) => r.id)).toContain("sc-zone.experience");
  });
});

describe("outline", () => {
  it("is schema-valid", () => {
    for (const s of scZone2018.outline!.sections) expect(() => outlineSectionSchema.parse(s)).not.toThrow();
  });
});
