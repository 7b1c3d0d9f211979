import type { PolicyModule, PolicyRule } from "@kechuang/domain";
import { zzCatalogRuleIds, zzTic2099 } from "@kechuang/policy-fixture";
import { describe, expect, it } from "vitest";
import { type CatalogSourceId, catalogRuleIds, crossCuttingRuleIds } from "./catalog";
import { conformanceIssues } from "./conformance";
import { policyModules } from "./registry";

const details = (module: PolicyModule, catalog: readonly string[]) =>
  conformanceIssues(module, catalog).map((i) => `${i.check}: ${i.detail}`);

describe("every registered module conforms", () => {
  it("registers one module per catalog source", () => {
    expect(policyModules.map((m) => m.id).sort()).toEqual(Object.keys(catalogRuleIds).sort());
  });

  for (const module of policyModules) {
    it(`${module.id} passes the conformance suite`, () => {
      expect(details(module, catalogRuleIds[module.id as CatalogSourceId])).toEqual([]);
    });
  }
});

describe("the catalog", () => {
  it("has unique ids, each prefixed by its source's short name", () => {
    const all = [...Object.values(catalogRuleIds).flat(), ...crossCuttingRuleIds];
    expect(new Set(all).size).toBe(all.length);
    for (const [source, ids] of Object.entries(catalogRuleIds)) {
      const prefix = source.replace(/-\d{4}$/, ".");
      for (const id of ids) expect(id.startsWith(prefix), id).toBe(true);
    }
  });

  it("holds every rule count of POLICIES.md", () => {
    expect(Object.values(catalogRuleIds).map((ids) => ids.length)).toEqual([10, 10, 23, 13, 6]);
  });
});

/** A deliberately broken copy of the fixture; each test breaks one thing and expects that issue. */
const broken = (change: (m: PolicyModule) => PolicyModule) => details(change(zzTic2099), zzCatalogRuleIds);
const withRule = (m: PolicyModule, id: string, change: (r: PolicyRule) => PolicyRule): PolicyModule => ({
  ...m,
  rules: m.rules.map((r) => (r.id === id ? change(r) : r)),
});

describe("the suite can fail", () => {
  it("passes the unbroken fixture", () => {
    expect(details(zzTic2099, zzCatalogRuleIds)).toEqual([]);
  });

  it("catches an unreachable stage", () => {
    const issues = broken((m) => ({
      ...m,
      workflow: {
        ...m.workflow,
        stages: [
          ...m.workflow.stages,
          { id: "limbo", name: { zh: "悬置", en: "Limbo" }, actors: [], terminal: true },
        ],
      },
    }));
    expect(issues).toEqual(['workflow: stage "limbo" is unreachable from the initial stage']);
  });

  it("catches a workflow without a terminal stage and with a dead end", () => {
    const issues = broken((m) => ({
      ...m,
      workflow: { ...m.workflow, stages: m.workflow.stages.map(({ terminal: _, ...s }) => s) },
    }));
    expect(issues).toContain("workflow: no terminal stage");
    expect(issues).toContain('workflow: stage "approved" is not terminal but has no way out');
  });

  it("catches an uncited rule", () => {
    const issues = broken((m) =>
      withRule(m, "zz-tic.charter", (r) => ({
        ...r,
        citation: undefined as unknown as PolicyRule["citation"],
      })),
    );
    expect(issues).toEqual(['citation: rule "zz-tic.charter" has no valid citation (source, clause, quote)']);
  });

  it("catches a citation to a clause the source does not have, and to another source", () => {
    const issues = broken((m) =>
      withRule(m, "zz-tic.rd", (r) => ({
        ...r,
        citation: { source: "hn-tic-2020", clause: "九(九)", quote: "x" },
      })),
    );
    expect(issues).toEqual([
      'citation: rule "zz-tic.rd" cites source "hn-tic-2020", not "zz-tic-2099"',
      'citation: rule "zz-tic.rd" cites clause "九(九)", which the source does not have',
    ]);
  });

  it("catches a quote the cited clause does not contain", () => {
    const issues = broken((m) =>
      withRule(m, "zz-tic.rd", (r) => ({
        ...r,
        citation: { ...r.citation, quote: "研发投入年均不低于2000万元" },
      })),
    );
    expect(issues).toEqual(['citation: rule "zz-tic.rd" quotes text that clause "二(一)" does not contain']);
  });

  it("catches a catalog rule missing from the module, and a rule outside the catalog", () => {
    const issues = broken((m) => withRule(m, "zz-tic.charter", (r) => ({ ...r, id: "zz-tic.charters" })));
    expect(issues).toEqual([
      'catalog: catalog rule "zz-tic.charter" is missing from module.rules',
      'catalog: rule "zz-tic.charters" is not in the catalog',
    ]);
  });

  it("catches references to rules the module does not have", () => {
    const issues = broken((m) => ({
      ...m,
      rules: m.rules.filter((r) => r.id !== "common.publicity"),
    }));
    expect(issues).toEqual([
      'reference: transition "approve" from "publicity" refers to unknown rule "common.publicity"',
      'reference: transition "uphold-objection" from "publicity" refers to unknown rule "common.publicity"',
      'reference: setting "publicityWorkingDays" refers to unknown rule "common.publicity"',
    ]);
  });

  it("catches an eligibility rule without evaluate and a checklist rule without prompt", () => {
    const issues = broken((m) =>
      withRule(
        withRule(m, "zz-tic.rd", ({ evaluate: _, ...r }) => r),
        "zz-tic.charter",
        ({ prompt: _, ...r }) => r,
      ),
    );
    expect(issues).toEqual([
      'rule-shape: eligibility rule "zz-tic.rd" has no evaluate',
      'rule-shape: checklist rule "zz-tic.charter" has no bilingual prompt',
    ]);
  });

  it("asks an obligation rule for a bilingual prompt, as a checklist rule", () => {
    const issues = broken((m) =>
      withRule(m, "zz-tic.charter", ({ prompt: _, ...r }) => ({ ...r, implementedBy: "obligation" })),
    );
    expect(issues).toEqual(['rule-shape: obligation rule "zz-tic.charter" has no bilingual prompt']);
  });

  it("catches an evaluate that throws on absent facts", () => {
    const issues = broken((m) =>
      withRule(m, "zz-tic.rd", (r) => ({
        ...r,
        evaluate: (facts) => {
          const years = facts.leadUnit!.rdExpenditureLast3Years!;
          return r.evaluate!({ ...facts, leadUnit: { rdExpenditureLast3Years: years } });
        },
      })),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^rule-shape: rule "zz-tic.rd" throws on/);
  });

  it("catches an invalid outline", () => {
    const issues = broken((m) => ({
      ...m,
      outline: {
        ...m.outline!,
        sections: [...m.outline!.sections, { ...m.outline!.sections[0]!, number: "" }],
      },
    }));
    expect(issues).toContain('outline: section id "basis" is used twice');
    expect(issues).toContain('outline: section "basis" has no number');
  });

  it("catches a schedule that gives invalid obligations", () => {
    const issues = broken((m) => ({
      ...m,
      schedule: (input) =>
        m.schedule(input).map((o) => (o.kind === "annual-report" ? { ...o, dueOn: "30 June" } : o)),
    }));
    expect(issues.length).toBe(10); // five reports on each of the two sample inputs
    expect(issues.every((i) => i.startsWith("schedule: obligation"))).toBe(true);
  });

  it("catches reports due before approval and a year reported twice", () => {
    const issues = broken((m) => ({
      ...m,
      schedule: (input) => [
        ...m.schedule(input),
        {
          kind: "annual-report",
          yearCovered: 2021,
          dueOn: "2020-12-31",
          exempt: false,
          ruleId: "zz-tic.annual-report",
        },
      ],
    }));
    expect(issues).toEqual([
      'schedule: annual report on {"approvedOn":"2021-03-15","years":5} is due 2020-12-31, before approval',
      'schedule: two annual reports on {"approvedOn":"2021-03-15","years":5} cover 2021',
      'schedule: annual report on {"approvedOn":"2021-07-15","years":5} is due 2020-12-31, before approval',
      'schedule: two annual reports on {"approvedOn":"2021-07-15","years":5} cover 2021',
    ]);
  });

  const report = {
    ruleId: "zz-tic.annual-report",
    sections: [
      { id: "summary", title: { zh: "上年度总结", en: "Last year's summary" } },
      { id: "plan", title: { zh: "本年度计划", en: "This year's plan" } },
    ],
    recommenderChecks: false,
    indicators: false,
  };
  const evaluation = {
    ruleId: "zz-tic.stages",
    grades: [{ id: "pass", name: { zh: "合格", en: "Pass" }, consequence: "none" as const }],
    delistingRuleId: "zz-tic.stages",
    delistingGrounds: [{ id: "late-report", text: { zh: "到期不报", en: "Late report" } }],
  };

  it("passes well-formed annual report and evaluation data", () => {
    expect(
      broken((m) => ({
        ...m,
        annualReport: { ...report, lateGroundId: "late-report" },
        evaluation: { ...evaluation, rectificationRuleId: "zz-tic.stages", postSubsidyRuleId: "zz-tic.rd" },
      })),
    ).toEqual([]);
  });

  it("catches after-approval data that refers to rules the module does not have", () => {
    const issues = broken((m) => ({
      ...m,
      annualReport: { ...report, ruleId: "zz-tic.report" },
      evaluation: {
        ...evaluation,
        rectificationRuleId: "zz-tic.rectify",
        postSubsidyRuleId: "zz-tic.subsidy",
        delistingRuleId: "zz-tic.delist",
      },
    }));
    expect(issues).toEqual([
      'reference: evaluation delisting refers to unknown rule "zz-tic.delist"',
      'reference: evaluation rectification refers to unknown rule "zz-tic.rectify"',
      'reference: evaluation post-subsidy refers to unknown rule "zz-tic.subsidy"',
      'reference: annual report refers to unknown rule "zz-tic.report"',
    ]);
  });

  it("catches report sections listed twice, malformed or without a title, and a late ground not among the grounds", () => {
    const issues = broken((m) => ({
      ...m,
      annualReport: {
        ...report,
        sections: [
          ...report.sections,
          report.sections[0]!,
          { id: "Next Year", title: { zh: "明年", en: "" } },
        ],
        lateGroundId: "missing-report",
      },
      evaluation,
    }));
    expect(issues).toEqual([
      'after-approval: annual report section "summary" is listed twice',
      'after-approval: annual report section id "Next Year" is malformed',
      'after-approval: annual report section "Next Year" has no bilingual title',
      'after-approval: late-report ground "missing-report" is not one of the delisting grounds',
    ]);
    expect(broken((m) => ({ ...m, annualReport: { ...report, sections: [] } }))).toEqual([
      "after-approval: the annual report has no sections",
    ]);
    // No evaluation at all: the late ground points at nothing.
    expect(broken((m) => ({ ...m, annualReport: { ...report, lateGroundId: "late-report" } }))).toEqual([
      'after-approval: late-report ground "late-report" is not one of the delisting grounds',
    ]);
  });

  const conflict = {
    id: "timing",
    ruleId: "zz-tic.annual-report",
    topic: { zh: "报送时间", en: "When to report" },
    readings: [
      {
        citation: { source: "zz-tic-2099", clause: "四", quote: "每年6月30日前" },
        reading: { zh: "6月底前", en: "By the end of June" },
      },
      {
        citation: { source: "zz-tic-2099", clause: "三", quote: "申报、论证、公示、认定" },
        reading: { zh: "另一读法", en: "Another reading" },
      },
    ],
    appliedClause: "四",
    choice: { zh: "采用四", en: "Applies 四" },
  };

  it("passes a source conflict with two quoted readings and an applied one", () => {
    expect(broken((m) => ({ ...m, sourceConflicts: [conflict] }))).toEqual([]);
  });

  it("catches a source conflict with one reading, a misquote, a foreign clause, or an applied clause it does not read", () => {
    const [first, second] = conflict.readings;
    const issues = broken((m) => ({
      ...m,
      sourceConflicts: [
        { ...conflict, readings: [first!], ruleId: "zz-tic.timing" },
        {
          ...conflict,
          id: "quotes",
          readings: [
            { ...first!, citation: { ...first!.citation, quote: "每年3月31日前" } },
            { ...second!, citation: { ...second!.citation, clause: "九" } },
          ],
          appliedClause: "五",
        },
        conflict,
      ],
    }));
    expect(issues).toEqual([
      'reference: source conflict "timing" refers to unknown rule "zz-tic.timing"',
      'source-conflict: conflict "timing" is listed twice',
      'source-conflict: conflict "timing" has fewer than two readings',
      'source-conflict: conflict "quotes" quotes text that clause "四" does not contain',
      'source-conflict: conflict "quotes" cites no clause "九" of zz-tic-2099',
      'source-conflict: conflict "quotes" applies "五", which is none of its readings',
    ]);
  });

  it("catches a module whose id differs from its source's", () => {
    const issues = broken((m) => ({ ...m, id: "zz-tic-2098" }));
    expect(issues[0]).toBe('identity: module id "zz-tic-2098" ≠ source id "zz-tic-2099"');
  });

  /** The fixture with its submit step handed to a recommender: now someone recommends under it. */
  const recommended = (m: PolicyModule): PolicyModule => ({
    ...m,
    workflow: {
      ...m.workflow,
      transitions: m.workflow.transitions.map((t) =>
        t.action === "submit" ? t : { ...t, roles: [...t.roles, "recommender"] },
      ),
    },
  });
  const bodies = (codes: string[]) =>
    codes.map((code) => ({ code, name: { zh: `推荐单位${code}`, en: `Body ${code}` } }));

  it("catches a recommender step without a list of recommending bodies, and an empty list", () => {
    expect(broken(recommended)).toEqual([
      "recommendation: the workflow has a recommender step but no recommending bodies",
    ]);
    const citation = { source: "zz-tic-2099", clause: "三", quote: "申报、论证、公示、认定" };
    expect(broken((m) => ({ ...recommended(m), recommendation: { citation, bodies: [] } }))).toEqual([
      "recommendation: the list of recommending bodies is empty",
    ]);
  });

  it("catches recommending bodies outside the jurisdiction, listed twice, or without a clause", () => {
    const citation = { source: "zz-tic-2099", clause: "三", quote: "申报、论证、公示、认定" };
    const issues = broken((m) => ({
      ...recommended(m),
      recommendation: { citation, bodies: bodies(["990100", "430200", "990100", "99010"]) },
    }));
    expect(issues).toEqual([
      'recommendation: recommending body "990100" is listed twice',
      'recommendation: recommending body "430200" is not inside 990000',
      'recommendation: recommending body "99010" is not inside 990000',
    ]);
    expect(
      broken((m) => ({
        ...recommended(m),
        recommendation: { citation: { ...citation, clause: "九" }, bodies: bodies(["990100"]) },
      })),
    ).toEqual(["recommendation: the recommending bodies cite no clause of zz-tic-2099"]);
    expect(broken((m) => ({ ...m, recommendation: { citation, bodies: bodies(["990100"]) } }))).toEqual([
      "recommendation: recommending bodies are declared but no recommender step uses them",
    ]);
  });
});

/** Expectations derived from each registered module's own data, so a new module is checked without edits here. */
describe("after-approval data of the registered modules", () => {
  const sample = { approvedOn: "2021-03-15", years: 8 };

  for (const module of policyModules) {
    const evaluations = module.schedule(sample).filter((o) => o.kind === "evaluation");

    it(`${module.id}: every evaluation on its calendar says what kind it is`, () => {
      for (const e of evaluations) expect(e.evaluationKind, JSON.stringify(e)).toBeDefined();
    });

    it(`${module.id}: a summary evaluation comes last and at most once; yearly assessments come before it`, () => {
      const kinds = evaluations.map((e) => (e.kind === "evaluation" ? e.evaluationKind : undefined));
      const summaries = kinds.filter((k) => k === "summary").length;
      expect(summaries).toBeLessThanOrEqual(1);
      if (summaries === 1) expect(kinds.at(-1)).toBe("summary");
      const dates = evaluations.map((e) => (e.kind === "evaluation" ? e.earliestOn : ""));
      expect([...dates].sort()).toEqual(dates);
    });

    it(`${module.id}: has an annual report policy exactly when its calendar has annual reports`, () => {
      const reports = module.schedule(sample).some((o) => o.kind === "annual-report");
      expect(module.annualReport !== undefined).toBe(reports);
      if (module.annualReport) {
        for (const o of module.schedule(sample))
          if (o.kind === "annual-report") expect(o.ruleId).toBe(module.annualReport.ruleId);
      }
    });
  }
});

describe("recommending bodies of the registered modules", () => {
  it("lists Hunan's 14 市州, Inner Mongolia's 12 盟市 and departments, Anshun's city and six counties", () => {
    const codes = (id: string) => policyModules.find((m) => m.id === id)!.recommendation?.bodies.length;
    expect(["hn-tic-2020", "nm-tic-2020", "as-plat-2021", "sc-tic-2018", "sc-zone-2018"].map(codes)).toEqual([
      14,
      13,
      7,
      undefined,
      undefined,
    ]);
  });
});
