import { type CenterFacts, obligationSchema, outlineSectionSchema } from "@kechuang/domain";
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

describe("sc-zone.period", () => {
  it("opens the evaluation on the third anniversary of approval", () => {
    const obligations = scZone2018.schedule({ approvedOn: "2019-05-20", years: 3 });
    for (const o of obligations) expect(obligationSchema.parse(o)).toEqual(o);
    expect(obligations.filter((o) => o.kind === "evaluation")).toEqual([
      { kind: "evaluation", earliestOn: "2022-05-20", ruleId: "sc-zone.period" },
    ]);
  });
  it("has no evaluation inside a two-year window", () => {
    const obligations = scZone2018.schedule({ approvedOn: "2019-05-20", years: 2 });
    expect(obligations.some((o) => o.kind === "evaluation")).toBe(false);
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

describe("sc-zone.experience", () => {
  it("asks the reviewer to record replicable practices", () => {
    const r = rule("sc-zone.experience");
    expect(r.implementedBy).toBe("checklist");
    expect(r.prompt?.zh).toContain("复制推广");
  });
});

describe("outline", () => {
  it("is schema-valid", () => {
    for (const s of scZone2018.outline!.sections) expect(() => outlineSectionSchema.parse(s)).not.toThrow();
  });
});
