import type { CenterFacts, PolicyRule } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { hnRules } from "./rules";
import { hnTic2020Source } from "./source";

const base: CenterFacts = { kind: "tech-innovation-center" };
const run = (rule: PolicyRule, facts: CenterFacts) => {
  if (!rule.evaluate) throw new Error(`${rule.id} has no evaluate`);
  return rule.evaluate(facts);
};
const enterprise = (rd: [number, number, number], industryLeader = true): CenterFacts => ({
  ...base,
  leadUnit: { type: "enterprise", industryLeader, rdExpenditureLast3Years: rd },
});
const academia = (lead: NonNullable<CenterFacts["leadUnit"]>): CenterFacts => ({
  ...base,
  leadUnit: { type: "university", ...lead },
});

describe("citations", () => {
  it("every rule cites a clause of hn-tic-2020 and quotes it verbatim", () => {
    for (const rule of Object.values(hnRules)) {
      const clause = hnTic2020Source.clauses.find((c) => c.id === rule.citation.clause);
      expect(clause, `${rule.id} → ${rule.citation.clause}`).toBeDefined();
      expect(clause?.text, rule.id).toContain(rule.citation.quote);
      expect(rule.citation.source).toBe("hn-tic-2020");
    }
  });
  it("checklist rules carry a prompt and eligibility rules an evaluate", () => {
    // hn-tic.lead-general is both: a checklist for the judgements, an evaluate for the stated fact.
    const factChecked = new Set(["hn-tic.lead-general"]);
    for (const rule of Object.values(hnRules) as PolicyRule[]) {
      if (rule.implementedBy === "checklist") expect(rule.prompt?.zh, rule.id).toBeTruthy();
      expect(typeof rule.evaluate === "function", rule.id).toBe(
        rule.implementedBy === "eligibility" || factChecked.has(rule.id),
      );
    }
  });
});

describe("hn-tic.lead-general (三(四) “必须…在申报领域方向具有省级以上创新平台支撑”)", () => {
  const rule = hnRules.leadGeneral;
  const lead = (provincialPlatformSupport?: boolean): CenterFacts => ({
    ...base,
    leadUnit: {
      type: "enterprise",
      ...(provincialPlatformSupport === undefined ? {} : { provincialPlatformSupport }),
    },
  });
  it("the support stated passes, and says the other general conditions are for the reviewers", () => {
    const result = run(rule, lead(true));
    expect(result.outcome).toBe("pass");
    expect(result.message.zh).toBe(
      "牵头单位在申报领域方向具有省级以上创新平台支撑；其余基本条件由评审判断（hn-tic-2020 三(四)）",
    );
  });
  it("no support fails: 必须 makes it mandatory, for every kind of lead unit", () => {
    for (const type of ["enterprise", "university", "research-institute", "new-rd-institution"] as const) {
      const result = run(rule, { ...base, leadUnit: { type, provincialPlatformSupport: false } });
      expect(result.outcome, type).toBe("fail");
      expect(result.message.en).toBe(
        "The lead unit has no provincial-or-higher innovation platform support in the declared field, which hn-tic-2020 三(四) makes mandatory.",
      );
    }
  });
  it("unanswered → needs-information", () => {
    expect(run(rule, lead()).outcome).toBe("needs-information");
    expect(run(rule, base).message.zh).toContain("省级以上创新平台支撑");
  });
  it("stays a reviewer checklist item whose prompt still names the support", () => {
    expect(rule.implementedBy).toBe("checklist");
    expect(rule.prompt?.zh).toContain("省级以上创新平台支撑");
  });
});

describe("hn-tic.enterprise-rd (3-year average ≥ 40,000,000 CNY)", () => {
  const rule = hnRules.enterpriseRd;
  it("average exactly 40,000,000 passes (sum 120,000,000)", () => {
    const result = run(rule, enterprise([30_000_000, 40_000_000, 50_000_000]));
    expect(result.outcome).toBe("pass");
    expect(result.message.en).toBe(
      "The 3-year average R&D expenditure of 40,000,000 CNY is at least the 40,000,000 CNY required by hn-tic-2020 三(四).",
    );
    // 研发经费, the source's word; amounts in 万元 when whole.
    expect(result.message.zh).toBe("近三年平均研发经费 4000万元 ≥ 4000万元（hn-tic-2020 三(四)）");
  });
  it("sum 119,999,999 (average 39,999,999.67) fails and shows the fraction", () => {
    const result = run(rule, enterprise([39_999_999, 40_000_000, 40_000_000]));
    expect(result.outcome).toBe("fail");
    expect(result.message.zh).toBe("近三年平均研发经费 39,999,999.67元 < 4000万元（hn-tic-2020 三(四)）");
  });
  it("average 39,999,999 fails; 40,000,001 passes", () => {
    expect(run(rule, enterprise([39_999_999, 39_999_999, 39_999_999])).outcome).toBe("fail");
    expect(run(rule, enterprise([40_000_001, 40_000_001, 40_000_001])).outcome).toBe("pass");
  });
  it("an enterprise that is not an industry leader fails even with enough R&D", () => {
    const result = run(rule, enterprise([50_000_000, 50_000_000, 50_000_000], false));
    expect(result.outcome).toBe("fail");
    expect(result.message.zh).toContain("龙头企业");
  });
  it("not-applicable (not a pass) to academia leads; missing type or figures → needs-information", () => {
    const result = run(rule, academia({}));
    expect(result.outcome).toBe("not-applicable");
    expect(result.message).toEqual({
      zh: "不适用：牵头单位为高等学校，本条只约束企业牵头的中心（hn-tic-2020 三(四)）",
      en: "Not applicable: the lead unit is a university, and the rule governs enterprise-led centers only (hn-tic-2020 三(四)).",
    });
    expect(run(rule, { ...base, leadUnit: { type: "research-institute" } }).outcome).toBe("not-applicable");
    expect(run(rule, { ...base, leadUnit: {} }).outcome).toBe("needs-information");
    expect(run(rule, { ...base, leadUnit: { type: "enterprise", industryLeader: true } }).outcome).toBe(
      "needs-information",
    );
    const unknownLeader = {
      ...base,
      leadUnit: { type: "enterprise" as const, rdExpenditureLast3Years: [5e7, 5e7, 5e7] },
    };
    expect(run(rule, unknownLeader).outcome).toBe("needs-information");
  });
});

describe("hn-tic.academia-service-income (≥ 30% of annual income)", () => {
  const rule = hnRules.academiaServiceIncome;
  it.each([
    [1000, 300, "pass", "30%"],
    [1000, 299, "fail", "29.9%"],
    [1000, 301, "pass", "30.1%"],
    [3, 1, "pass", "33.33%"],
  ])("income %i, service %i → %s (%s)", (annualIncome, technicalServiceIncome, outcome, percent) => {
    const result = run(rule, academia({ annualIncome, technicalServiceIncome }));
    expect(result.outcome).toBe(outcome);
    expect(result.message.en).toContain(percent);
  });
  it("applies to research institutes and new R&D institutions, not to enterprises", () => {
    const lead = { annualIncome: 1000, technicalServiceIncome: 100 };
    expect(run(rule, { ...base, leadUnit: { type: "research-institute", ...lead } }).outcome).toBe("fail");
    expect(run(rule, { ...base, leadUnit: { type: "new-rd-institution", ...lead } }).outcome).toBe("fail");
    const enterpriseLead = run(rule, { ...base, leadUnit: { type: "enterprise", ...lead } });
    expect(enterpriseLead.outcome).toBe("not-applicable");
    expect(enterpriseLead.message.en).toBe(
      "Not applicable: the lead unit is an enterprise, and the rule governs centers led by universities, research institutes or new R&D institutions only (hn-tic-2020 三(四)).",
    );
  });
  it("missing or zero income → needs-information", () => {
    expect(run(rule, academia({ technicalServiceIncome: 1 })).outcome).toBe("needs-information");
    expect(run(rule, academia({ annualIncome: 1 })).outcome).toBe("needs-information");
    expect(run(rule, academia({ annualIncome: 0, technicalServiceIncome: 0 })).outcome).toBe(
      "needs-information",
    );
  });
});

describe("hn-tic.academia-cases (≥ 5 cases, 含5例)", () => {
  const rule = hnRules.academiaCases;
  it.each([
    [5, "pass"],
    [4, "fail"],
    [6, "pass"],
  ])("%i cases → %s", (transferCasesInField, outcome) => {
    const result = run(rule, academia({ transferCasesInField }));
    expect(result.outcome).toBe(outcome);
    expect(result.message.zh).toContain(`${transferCasesInField} 例`);
  });
  it("unknown count → needs-information; enterprise lead → not applicable", () => {
    expect(run(rule, academia({})).outcome).toBe("needs-information");
    expect(run(rule, enterprise([1, 1, 1])).outcome).toBe("not-applicable");
    expect(run(rule, { ...base, leadUnit: { type: "government" } }).outcome).toBe("not-applicable");
  });
});

describe("hn-tic.capital (independent legal entity, ≥ 10,000,000 CNY)", () => {
  const rule = hnRules.capital;
  const entity = (registeredCapital: number, independent = true): CenterFacts => ({
    ...base,
    legalEntity: { independent, registeredCapital },
  });
  it("10,000,000 passes, 9,999,999 fails, 10,000,001 passes", () => {
    expect(run(rule, entity(10_000_000)).outcome).toBe("pass");
    const below = run(rule, entity(9_999_999));
    expect(below.outcome).toBe("fail");
    expect(below.message.en).toBe(
      "The registered capital of 9,999,999 CNY is less than the 10,000,000 CNY required by hn-tic-2020 四(一).",
    );
    expect(below.message.zh).toBe("注册资金 9,999,999元 < 1000万元（hn-tic-2020 四(一)）");
    expect(run(rule, entity(10_000_001)).outcome).toBe("pass");
  });
  it("not an independent legal entity needs the reviewers' judgement (原则上); unknown status or capital → needs-information", () => {
    const notIndependent = run(rule, entity(50_000_000, false));
    expect(notIndependent.outcome).toBe("needs-information");
    expect(notIndependent.message.zh).toContain("请说明不组建独立法人的理由");
    expect(run(rule, { ...base, legalEntity: { registeredCapital: 50_000_000 } }).outcome).toBe(
      "needs-information",
    );
    expect(run(rule, { ...base, legalEntity: { independent: true } }).outcome).toBe("needs-information");
  });
});

describe("hn-tic.bodies (board, expert committee, full-time main leader)", () => {
  const rule = hnRules.bodies;
  const facts = (
    fullTime: boolean | undefined,
    kind: "expert-committee" | "tech-guidance-committee" = "expert-committee",
  ) => ({
    ...base,
    board: { members: [{ name: "A", affiliation: "lead-unit" as const }] },
    committee: { kind, members: [] },
    director: fullTime === undefined ? {} : { fullTime },
  });
  it("full-time leader with a board and an expert committee passes; part-time fails", () => {
    expect(run(rule, facts(true)).outcome).toBe("pass");
    const partTime = run(rule, facts(false));
    expect(partTime.outcome).toBe("fail");
    expect(partTime.message.zh).toContain("专职");
  });
  it("a technical guidance committee instead of an expert committee fails", () => {
    expect(run(rule, facts(true, "tech-guidance-committee")).outcome).toBe("fail");
  });
  it("unknown full-time status, board or committee → needs-information", () => {
    expect(run(rule, facts(undefined)).outcome).toBe("needs-information");
    expect(run(rule, { ...base, director: { fullTime: true } }).outcome).toBe("needs-information");
  });
});

describe("no eligibility rule throws on empty facts", () => {
  it("answers needs-information for every eligibility rule", () => {
    for (const rule of Object.values(hnRules) as PolicyRule[])
      if (rule.evaluate) expect(rule.evaluate(base).outcome, rule.id).toBe("needs-information");
  });
});

describe("centers meeting every condition", () => {
  const common: CenterFacts = {
    kind: "tech-innovation-center",
    legalEntity: { independent: true, registeredCapital: 10_000_000 },
    board: { members: [{ name: "A", affiliation: "lead-unit" }] },
    committee: { kind: "expert-committee", members: [] },
    director: { fullTime: true },
  };
  it.each<[string, NonNullable<CenterFacts["leadUnit"]>]>([
    ["enterprise", { type: "enterprise", industryLeader: true, rdExpenditureLast3Years: [40e6, 40e6, 40e6] }],
    [
      "research institute",
      { type: "research-institute", annualIncome: 10, technicalServiceIncome: 3, transferCasesInField: 5 },
    ],
  ])("%s lead passes every eligibility rule that applies, each naming its rule and clause", (_, leadUnit) => {
    const other = leadUnit.type === "enterprise" ? "hn-tic.academia-" : "hn-tic.enterprise-";
    for (const rule of Object.values(hnRules) as PolicyRule[]) {
      if (!rule.evaluate) continue;
      const result = rule.evaluate({ ...common, leadUnit: { ...leadUnit, provincialPlatformSupport: true } });
      const expected = rule.id.startsWith(other) ? "not-applicable" : "pass";
      expect(result, rule.id).toMatchObject({ ruleId: rule.id, outcome: expected });
      expect(result.message.zh, rule.id).toContain(`hn-tic-2020 ${rule.citation.clause}`);
    }
  });
});
