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
    for (const rule of Object.values(hnRules) as PolicyRule[]) {
      if (rule.implementedBy === "checklist") expect(rule.prompt?.zh, rule.id).toBeTruthy();
      expect(typeof rule.evaluate === "function", rule.id).toBe(rule.implementedBy === "eligibility");
    }
  });
});

describe("hn-tic.enterprise-rd (3-year average ≥ 40,000,000 CNY)", () => {
  const rule = hnRules.enterpriseRd;
  it("average exactly 40,000,000 passes (sum 120,000,000)", () => {
    const result = run(rule, enterprise([30_000_000, 40_000_000, 50_000_000]));
    expect(result.outcome).toBe("pass");
    expect(result.message.en).toBe(
      "3-year average R&D 40,000,000 CNY ≥ 40,000,000 CNY required by hn-tic-2020 三(四)",
    );
  });
  it("sum 119,999,999 (average 39,999,999.67) fails and shows the fraction", () => {
    const result = run(rule, enterprise([39_999_999, 40_000_000, 40_000_000]));
    expect(result.outcome).toBe("fail");
    expect(result.message.zh).toBe(
      "近三年平均研发投入 39,999,999.67 CNY < 40,000,000 CNY（hn-tic-2020 三(四)）",
    );
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
  it("not applicable to academia leads; missing type or figures → needs-information", () => {
    const result = run(rule, academia({}));
    expect(result.outcome).toBe("pass");
    expect(result.message.en).toContain("Not applicable to university");
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
    expect(run(rule, { ...base, leadUnit: { type: "enterprise", ...lead } }).outcome).toBe("pass");
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
    expect(run(rule, enterprise([1, 1, 1])).outcome).toBe("pass");
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
      "Registered capital 9,999,999 CNY < 10,000,000 CNY required by hn-tic-2020 四(一)",
    );
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
  ])("%s lead passes every eligibility rule, each naming its rule and clause", (_, leadUnit) => {
    for (const rule of Object.values(hnRules) as PolicyRule[]) {
      if (!rule.evaluate) continue;
      const result = rule.evaluate({ ...common, leadUnit });
      expect(result, rule.id).toMatchObject({ ruleId: rule.id, outcome: "pass" });
      expect(result.message.zh, rule.id).toContain(`hn-tic-2020 ${rule.citation.clause}`);
    }
  });
});
