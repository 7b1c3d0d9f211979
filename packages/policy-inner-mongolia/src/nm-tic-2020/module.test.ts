import { outlineSectionSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { nmTic2020 } from "../index";
import { designatedName } from "./module";

/** The nm-tic-2020 rule ids of POLICIES.md, plus the cross-cutting ones this source states. */
const catalogIds = [
  "nm-tic.fields",
  "nm-tic.structure",
  "nm-tic.charter",
  "nm-tic.bodies",
  "nm-tic.committee-outsiders",
  "nm-tic.committee-chair",
  "nm-tic.committee-makeup",
  "nm-tic.director-time",
  "nm-tic.director-filing",
  "nm-tic.national-prereq",
  "nm-tic.rolling",
  "nm-tic.stages",
  "nm-tic.naming",
  "nm-tic.change-filing",
  "nm-tic.change-approval",
  "nm-tic.annual-report",
  "nm-tic.evaluation-timing",
  "nm-tic.evaluation-grades",
  "nm-tic.rectification",
  "nm-tic.delisting",
  "nm-tic.matching-funds",
  "nm-tic.post-subsidy",
  "nm-tic.outline",
  "common.publicity",
  "common.conflict-of-interest",
];
const ruleIds = nmTic2020.rules.map((r) => r.id);

describe("nmTic2020 module", () => {
  it("has exactly the catalog's rules, each once", () => {
    expect([...ruleIds].sort()).toEqual([...catalogIds].sort());
  });

  it("names approved centers 内蒙古自治区{name}技术创新中心 (nm-tic.naming)", () => {
    expect(nmTic2020.naming?.ruleId).toBe("nm-tic.naming");
    expect(nmTic2020.naming?.apply("稀土新材料")).toBe("内蒙古自治区稀土新材料技术创新中心");
    expect(designatedName("内蒙古自治区稀土新材料技术创新中心")).toBe("内蒙古自治区稀土新材料技术创新中心");
  });

  it("splits changes into filing and approval per 三(五)", () => {
    const mode = (id: string) => nmTic2020.changeKinds?.find((k) => k.id === id);
    expect(nmTic2020.changeKinds?.filter((k) => k.mode === "filing").map((k) => k.ruleId)).toEqual(
      Array(4).fill("nm-tic.change-filing"),
    );
    expect(mode("director-replacement")?.mode).toBe("filing");
    expect(mode("lead-unit-change")).toMatchObject({ mode: "approval", ruleId: "nm-tic.change-approval" });
    expect(mode("co-build-units")?.mode).toBe("approval");
    expect(mode("formation-mode")?.mode).toBe("approval");
  });

  it("grades 优秀/良好/合格/不合格; a fail gives 12 months to rectify; excellent earns a post-subsidy; six delisting grounds", () => {
    const evaluation = nmTic2020.evaluation!;
    expect(evaluation.grades.map((g) => g.name.zh)).toEqual(["优秀", "良好", "合格", "不合格"]);
    expect(evaluation.grades.find((g) => g.id === "fail")).toMatchObject({
      consequence: "rectification",
      rectificationMonths: 12,
    });
    expect(evaluation.grades.find((g) => g.id === "excellent")?.consequence).toBe("post-subsidy");
    expect(evaluation.delistingGrounds).toHaveLength(6);
    expect(ruleIds).toContain(evaluation.ruleId);
    expect(ruleIds).toContain(evaluation.delistingRuleId);
  });

  it("takes applications all year: no call window (nm-tic.rolling)", () => {
    expect(nmTic2020.extras?.intake).toEqual({ mode: "rolling", callWindow: null, ruleId: "nm-tic.rolling" });
  });

  it("outline follows the 附件: 一…六 with 二(一)–(四) and 三(五)–(九)", () => {
    const outline = nmTic2020.outline!;
    expect(outline.ruleId).toBe("nm-tic.outline");
    for (const s of outline.sections) outlineSectionSchema.parse(s);
    expect(outline.sections.map((s) => `${s.number}${s.title.zh}`)).toEqual([
      "一建设意义",
      "二建设基础",
      "三建设任务",
      "四经费投入",
      "五进度安排",
      "六保障措施",
    ]);
    const sub = (n: string) => outline.sections.find((s) => s.number === n)?.children?.map((c) => c.title.zh);
    expect(sub("二")).toEqual(["产业基础", "平台基础", "人才基础", "地区优势"]);
    expect(sub("三")).toEqual(["建设定位", "建设目标", "组建模式", "运行管理", "中心框架"]);
  });

  it("source: provisional 内科发〔2020〕68号, unique clause ids, all numbered sub-clauses present", () => {
    const { source } = nmTic2020;
    expect(source).toMatchObject({
      id: "nm-tic-2020",
      status: "provisional",
      documentNumber: "内科发〔2020〕68号",
    });
    const ids = source.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["三(四)1", "三(四)5", "三(五)2", "三(六)3", "四(四)", "附件"])
      expect(ids).toContain(id);
    for (const c of source.clauses) expect(c.text.length, c.id).toBeGreaterThan(0);
  });

  it("every setting and schedule obligation points at a rule of the module", () => {
    for (const s of nmTic2020.settings) expect(ruleIds).toContain(s.relatesTo);
    for (const o of nmTic2020.schedule({ approvedOn: "2021-07-01", years: 6 }))
      expect(ruleIds).toContain(o.ruleId);
  });
});

describe("rules realised as data, checklists or panel duties", () => {
  const rule = (id: string) => nmTic2020.rules.find((r) => r.id === id)!;

  it("nm-tic.fields: the ten key industries of 二", () => {
    expect(rule("nm-tic.fields").implementedBy).toBe("data");
    const industries = nmTic2020.fields.flatMap((g) => g.fields);
    expect(industries).toHaveLength(10);
    for (const f of industries) expect(rule("nm-tic.fields").citation.quote).toContain(f);
  });

  it("nm-tic.structure and nm-tic.director-filing are reviewer checklists", () => {
    expect(rule("nm-tic.structure")).toMatchObject({
      implementedBy: "checklist",
      citation: { clause: "三(一)" },
    });
    expect(rule("nm-tic.director-filing").prompt?.zh).toContain("备案");
  });

  it("nm-tic.national-prereq is reference data cited from 三(二)", () => {
    expect(rule("nm-tic.national-prereq").citation.quote).toContain("一般应已认定为自治区技术创新中心");
    expect(nmTic2020.extras?.nationalCenterPrerequisite).toEqual({ ruleId: "nm-tic.national-prereq" });
  });

  it("nm-tic.stages and common.publicity drive the workflow transitions", () => {
    const used = new Set(nmTic2020.workflow.transitions.map((t) => t.ruleId));
    expect([...used].sort()).toEqual(["common.publicity", "nm-tic.stages"]);
  });

  it("nm-tic.rectification, nm-tic.post-subsidy: evaluation rules cited from 三(六)2 and 四(二)", () => {
    expect(rule("nm-tic.rectification").citation.quote).toContain("一年整改期");
    expect(rule("nm-tic.post-subsidy").citation).toMatchObject({ clause: "四(二)" });
  });

  it("common.conflict-of-interest is a panel duty cited from the committee clause", () => {
    expect(rule("common.conflict-of-interest")).toMatchObject({
      implementedBy: "panel",
      citation: { clause: "三(二)" },
    });
  });

  it("the source is provisional and the module governs innovation centers only", () => {
    expect(nmTic2020.kinds).toEqual(["tech-innovation-center"]);
    expect(nmTic2020.formationModes).toEqual(["leading-enterprise", "enterprise-alliance", "academia-led"]);
  });
});

describe("after approval: annual report and evaluation data (三(六), 四(二))", () => {
  const clauseText = (id: string) => nmTic2020.source.clauses.find((c) => c.id === id)!.text;
  const report = nmTic2020.annualReport!;
  const evaluation = nmTic2020.evaluation!;
  const ruleIds = nmTic2020.rules.map((r) => r.id);

  // 三(六)1 "以…决定的年度发展计划、重大项目、经费预决算、重大学术活动、研发方向及研发内容等为基础,包括下一年工作计划".
  it("the report's sections are the six of 三(六)1, in the source's order", () => {
    expect(report.ruleId).toBe("nm-tic.annual-report");
    const titles = report.sections.map((s) => s.title.zh);
    expect(titles).toEqual([
      "年度发展计划",
      "重大项目",
      "经费预决算",
      "重大学术活动",
      "研发方向及研发内容",
      "下一年工作计划",
    ]);
    const text = clauseText("三(六)1");
    const positions = titles.map((t) => text.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(report.sections.map((s) => s.id)).size).toBe(6);
  });

  it('三(六)1 "经推荐部门审核后报科技厅": the recommender checks the report first; no indicators', () => {
    expect(report.recommenderChecks).toBe(true);
    expect(report.indicators).toBe(false);
    expect(clauseText("三(六)1")).toContain("经推荐部门审核后报科技厅");
  });

  it('三(六)3 "到期不提交年度报告的": a late report is one of the delisting grounds', () => {
    expect(report.lateGroundId).toBe("annual-report-missing");
    const ground = evaluation.delistingGrounds!.find((g) => g.id === report.lateGroundId);
    expect(ground?.text.zh).toBe("到期不提交年度报告");
    expect(clauseText("三(六)3")).toContain(`${ground!.text.zh}的`);
  });

  it('三(六)2 "以创新能力、市场化创新服务能力为评价重点": the two focus areas', () => {
    expect(evaluation.focusAreas?.map((a) => a.name.zh)).toEqual(["创新能力", "市场化创新服务能力"]);
    for (const a of evaluation.focusAreas!) expect(clauseText("三(六)2")).toContain(a.name.zh);
  });

  it("rectification (三(六)2 一年整改期), post-subsidy (四(二) 优秀…后补助) and delisting point at rules of the module", () => {
    expect(evaluation.rectificationRuleId).toBe("nm-tic.rectification");
    expect(evaluation.postSubsidyRuleId).toBe("nm-tic.post-subsidy");
    expect(evaluation.delistingRuleId).toBe("nm-tic.delisting");
    for (const id of [
      evaluation.rectificationRuleId,
      evaluation.postSubsidyRuleId,
      evaluation.delistingRuleId,
    ])
      expect(ruleIds).toContain(id);
  });

  it('every evaluation on the calendar is periodic (三(六)2 "定期组织开展"), none a final summary', () => {
    const evaluations = nmTic2020
      .schedule({ approvedOn: "2021-07-01", years: 9 })
      .filter((o) => o.kind === "evaluation");
    expect(evaluations).toHaveLength(3);
    for (const e of evaluations) expect(e).toMatchObject({ evaluationKind: "periodic" });
  });
});
