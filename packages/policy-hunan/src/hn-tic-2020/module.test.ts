import { outlineSectionSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { hnTic2020 } from "../index";

/** The hn-tic-2020 rule ids of POLICIES.md, plus common.publicity (五(三) 经公示无异议). */
const catalogIds = [
  "hn-tic.categories",
  "hn-tic.fields",
  "hn-tic.period",
  "hn-tic.lead-general",
  "hn-tic.enterprise-rd",
  "hn-tic.academia-service-income",
  "hn-tic.academia-cases",
  "hn-tic.capital",
  "hn-tic.bodies",
  "hn-tic.stages",
  "hn-tic.annual-report",
  "hn-tic.evaluation",
  "hn-tic.outline",
  "common.publicity",
];
const ruleIds = hnTic2020.rules.map((r) => r.id);
const rule = (id: string) => hnTic2020.rules.find((r) => r.id === id)!;

describe("hnTic2020 module", () => {
  it("has exactly the catalog's rules, each once", () => {
    expect([...ruleIds].sort()).toEqual([...catalogIds].sort());
  });

  it("hn-tic.stages: the consultation panel needs technical, management, S&T-policy, legal and finance/tax experts", () => {
    expect(hnTic2020.panel).toEqual({
      ruleId: "hn-tic.stages",
      requiredExpertise: ["technical", "management", "policy", "legal", "finance"],
    });
    expect(rule("hn-tic.stages").citation.quote).toContain("法律专家、财税专家");
  });

  it("hn-tic.evaluation: third-party, no invented grades", () => {
    // Focus areas are checked against 六(五) below; nothing else (no rectification or post-subsidy clause).
    expect(hnTic2020.evaluation).toEqual({
      ruleId: "hn-tic.evaluation",
      grades: [],
      thirdParty: true,
      focusAreas: expect.any(Array),
    });
  });

  it("hn-tic.categories: comprehensive and domain", () => {
    const categories = hnTic2020.extras?.categories as { id: string }[];
    expect(categories.map((c) => c.id)).toEqual(["comprehensive", "domain"]);
    expect(hnTic2020.extras?.categoriesRuleId).toBe("hn-tic.categories");
  });

  it("hn-tic.fields: four orientations with the fields of 三(二)", () => {
    expect(hnTic2020.fields.map((g) => g.fields.length)).toEqual([5, 9, 4, 3]);
    const text = hnTic2020.source.clauses.find((c) => c.id === "三(二)")!.text;
    for (const f of hnTic2020.fields.flatMap((g) => g.fields)) expect(text).toContain(f);
  });

  it("hn-tic.period: three-year construction period as reference data", () => {
    expect(hnTic2020.extras?.constructionPeriodYears).toEqual({ value: 3, ruleId: "hn-tic.period" });
    expect(rule("hn-tic.period").implementedBy).toBe("data");
  });

  it("hn-tic.lead-general is a reviewer checklist", () => {
    expect(rule("hn-tic.lead-general")).toMatchObject({ implementedBy: "checklist" });
    expect(rule("hn-tic.lead-general").prompt?.zh).toContain("省级以上创新平台");
  });

  it("hn-tic.outline: sections 一–七 and sub-sections 1.1–7.3 exactly as the 附件 numbers them", () => {
    const { outline } = hnTic2020;
    expect(outline?.ruleId).toBe("hn-tic.outline");
    for (const s of outline!.sections) outlineSectionSchema.parse(s);
    const numbers = outline!.sections.map((s) => [s.number, ...(s.children ?? []).map((c) => c.number)]);
    expect(numbers).toEqual([
      ["一", "1.1", "1.2", "1.3", "1.4", "1.5"],
      ["二", "2.1", "2.2", "2.3", "2.4"],
      ["三", "3.1", "3.2", "3.3"],
      ["四", "4.1", "4.2", "4.3"],
      ["五", "5.1", "5.2"],
      ["六"],
      ["七", "7.1", "7.2", "7.3"],
    ]);
    const annex = hnTic2020.source.clauses.find((c) => c.id === "附件")!.text;
    for (const s of outline!.sections) {
      expect(annex).toContain(`${s.number}、${s.title.zh}`);
      for (const c of s.children ?? []) expect(annex.replace(/ /g, "")).toContain(`${c.number}${c.title.zh}`);
    }
  });

  it("source: in force, dated 2020-12-31, unique clause ids including 三(四), 五(四), 附件", () => {
    const { source } = hnTic2020;
    expect(source).toMatchObject({ id: "hn-tic-2020", status: "in-force", date: "2020-12-31" });
    const ids = source.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["三(一)1", "三(一)2", "三(四)", "四(一)", "五(四)", "六(五)", "附件"])
      expect(ids).toContain(id);
  });

  it("settings and schedule obligations point at rules of the module", () => {
    for (const s of hnTic2020.settings) expect(ruleIds).toContain(s.relatesTo);
    for (const o of hnTic2020.schedule({ approvedOn: "2021-01-01", years: 6 }))
      expect(ruleIds).toContain(o.ruleId);
  });
});

describe("after approval: annual report and evaluation data (五(四), 六(五))", () => {
  const clauseText = (id: string) => hnTic2020.source.clauses.find((c) => c.id === id)!.text;
  const report = hnTic2020.annualReport!;

  // 五(四) "每年1 月底前编写上年度工作总结和本年度工作计划报省科技厅".
  it("the report has the two parts of 五(四): 上年度工作总结, 本年度工作计划", () => {
    expect(report.ruleId).toBe("hn-tic.annual-report");
    expect(report.sections.map((s) => s.title.zh)).toEqual(["上年度工作总结", "本年度工作计划"]);
    for (const s of report.sections) expect(clauseText("五(四)")).toContain(s.title.zh);
  });

  it('五(四) "报省科技厅": straight to the department, no recommender check, no indicators, no late ground', () => {
    expect(report.recommenderChecks).toBe(false);
    expect(report.indicators).toBe(false);
    expect(report.lateGroundId).toBeUndefined();
  });

  it('六(五) "委托第三方机构开展中心运行绩效评估": a third party evaluates, without grades, periodically', () => {
    expect(hnTic2020.evaluation).toMatchObject({ ruleId: "hn-tic.evaluation", thirdParty: true, grades: [] });
    const evaluations = hnTic2020
      .schedule({ approvedOn: "2021-01-01", years: 6 })
      .filter((o) => o.kind === "evaluation");
    expect(evaluations).toHaveLength(2);
    for (const e of evaluations) expect(e).toMatchObject({ evaluationKind: "periodic", configurable: true });
  });

  it('六(五) "以共性关键技术研发成效、成果转化应用实效、对行业技术服务绩效为评价重点": its three focus areas', () => {
    const areas = hnTic2020.evaluation!.focusAreas ?? [];
    expect(areas.map((a) => a.name.zh)).toEqual([
      "共性关键技术研发成效",
      "成果转化应用实效",
      "对行业技术服务绩效",
    ]);
    for (const a of areas) expect(clauseText("六(五)")).toContain(a.name.zh);
  });
});
