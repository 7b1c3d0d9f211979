import type { CenterFacts, MemberFacts, PolicyRule } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { nmRules } from "./rules";
import { nmTic2020Source } from "./source";

const base: CenterFacts = { kind: "tech-innovation-center" };
const run = (rule: PolicyRule, facts: CenterFacts) => {
  if (!rule.evaluate) throw new Error(`${rule.id} has no evaluate`);
  return rule.evaluate(facts);
};
const member = (affiliation: MemberFacts["affiliation"], extra: Partial<MemberFacts> = {}): MemberFacts => ({
  name: `${affiliation}-${extra.expertise ?? "x"}`,
  affiliation,
  ...extra,
});
/** A committee of `total` members of whom `insiders` come from the lead or co-build units. */
const committee = (insiders: number, total: number): CenterFacts["committee"] => ({
  kind: "tech-guidance-committee",
  members: Array.from({ length: total }, (_, i) =>
    member(i < insiders ? (i % 2 === 0 ? "lead-unit" : "co-build-unit") : "external"),
  ),
});

describe("citations", () => {
  it("every rule cites a clause of nm-tic-2020 and quotes it verbatim", () => {
    for (const rule of Object.values(nmRules)) {
      const clause = nmTic2020Source.clauses.find((c) => c.id === rule.citation.clause);
      expect(clause, `${rule.id} → ${rule.citation.clause}`).toBeDefined();
      expect(clause?.text, rule.id).toContain(rule.citation.quote);
      expect(rule.citation.source).toBe("nm-tic-2020");
    }
  });

  it("checklist rules carry a prompt and eligibility rules an evaluate", () => {
    for (const rule of Object.values(nmRules) as PolicyRule[]) {
      if (rule.implementedBy === "checklist") expect(rule.prompt?.zh, rule.id).toBeTruthy();
      expect(typeof rule.evaluate === "function", rule.id).toBe(rule.implementedBy === "eligibility");
    }
  });
});

describe("nm-tic.committee-outsiders (at most one third)", () => {
  const rule = nmRules.committeeOutsiders;
  it.each([
    [4, 12, "pass"],
    [5, 12, "fail"],
    [1, 3, "pass"],
    [2, 3, "fail"],
    [0, 5, "pass"],
  ])("%i insiders of %i → %s", (insiders, total, outcome) => {
    const result = run(rule, { ...base, committee: committee(insiders, total) });
    expect(result.outcome).toBe(outcome);
    expect(result.message.zh).toContain(`${insiders}/${total}`);
    expect(result.message.zh).toContain("三(二)");
  });
  it("says so in a complete English sentence", () => {
    expect(run(rule, { ...base, committee: committee(4, 12) }).message.en).toBe(
      "4 of the 12 committee members come from the lead or co-build units, which is within the one-third limit of nm-tic-2020 三(二).",
    );
    expect(run(rule, { ...base, committee: committee(5, 12) }).message.en).toContain(
      "which is over the one-third limit",
    );
  });
  it("no committee or zero members → needs-information (the ratio is undefined)", () => {
    expect(run(rule, base).outcome).toBe("needs-information");
    expect(run(rule, { ...base, committee: committee(0, 0) }).outcome).toBe("needs-information");
  });
});

describe("nm-tic.committee-chair", () => {
  const rule = nmRules.committeeChair;
  const withChair = (chair: MemberFacts): CenterFacts => ({
    ...base,
    committee: { ...committee(1, 3)!, chair },
  });
  it("external chair passes; lead or co-build unit chair fails; absent chair needs information", () => {
    expect(run(rule, withChair(member("external"))).outcome).toBe("pass");
    expect(run(rule, withChair(member("lead-unit"))).outcome).toBe("fail");
    expect(run(rule, withChair(member("co-build-unit"))).outcome).toBe("fail");
    expect(run(rule, { ...base, committee: committee(1, 3) }).outcome).toBe("needs-information");
  });
});

describe("nm-tic.committee-makeup", () => {
  const rule = nmRules.committeeMakeup;
  const full = [
    member("lead-unit", { isDirector: true, expertise: "management" }),
    member("external", { expertise: "technical" }),
    member("external", { expertise: "management" }),
    member("external", { expertise: "economic" }),
  ];
  const facts = (members: MemberFacts[]): CenterFacts => ({
    ...base,
    committee: { kind: "tech-guidance-committee", members },
  });
  it("director + technical + management + economic passes", () => {
    expect(run(rule, facts(full)).outcome).toBe("pass");
  });
  it("missing the economic expert or the director fails and names what is missing", () => {
    const noEconomist = run(rule, facts(full.filter((m) => m.expertise !== "economic")));
    expect(noEconomist.outcome).toBe("fail");
    expect(noEconomist.message.zh).toContain("经济专家");
    const noDirector = run(rule, facts(full.map((m) => ({ ...m, isDirector: false }))));
    expect(noDirector.outcome).toBe("fail");
    expect(noDirector.message.en).toContain("director");
  });
  it("no members → needs-information", () => {
    expect(run(rule, facts([])).outcome).toBe("needs-information");
  });
});

describe("nm-tic.director-time (≥ 9 months)", () => {
  const rule = nmRules.directorTime;
  it.each([
    [9, "pass"],
    [8, "fail"],
    [10, "pass"],
  ])("%i months → %s", (months, outcome) => {
    const result = run(rule, { ...base, director: { monthsPerYearAtCenter: months } });
    expect(result.outcome).toBe(outcome);
    expect(result.message.en).toContain(`${months} months`);
  });
  it("unknown months → needs-information", () => {
    expect(run(rule, { ...base, director: {} }).outcome).toBe("needs-information");
  });
});

describe("nm-tic.matching-funds (≥ fiscal support, enterprise-led only)", () => {
  const rule = nmRules.matchingFunds;
  const enterprise = (matchingRdFunds: number, fiscalSupport: number): CenterFacts => ({
    ...base,
    leadUnit: { type: "enterprise" },
    matchingRdFunds,
    fiscalSupport,
  });
  it("equal passes, one yuan below fails, above passes", () => {
    expect(run(rule, enterprise(5_000_000, 5_000_000)).outcome).toBe("pass");
    const below = run(rule, enterprise(4_999_999, 5_000_000));
    expect(below.outcome).toBe("fail");
    expect(below.message.en).toBe(
      "The R&D matching funds of 4,999,999 CNY are less than the regional fiscal support of 5,000,000 CNY; nm-tic-2020 四(三) requires at least as much.",
    );
    // Chinese amounts in 元 / 万元, never CNY.
    expect(below.message.zh).toBe(
      "研发配套资金 4,999,999元 < 自治区财政支持资金 500万元（nm-tic-2020 四(三)）",
    );
    expect(run(rule, enterprise(5_000_001, 5_000_000)).outcome).toBe("pass");
  });
  it("四(三) binds only 企业牵头: any other lead is not-applicable (not a pass); unknown type or amounts → needs-information", () => {
    const university = run(rule, {
      ...base,
      leadUnit: { type: "university" },
      matchingRdFunds: 0,
      fiscalSupport: 9,
    });
    expect(university.outcome).toBe("not-applicable");
    expect(university.message).toEqual({
      zh: "不适用：牵头单位为高等学校，本条只约束企业牵头的中心（nm-tic-2020 四(三)）",
      en: "Not applicable: the lead unit is a university, and only enterprise-led centers must match the fiscal support (nm-tic-2020 四(三)).",
    });
    for (const type of ["research-institute", "new-rd-institution", "government"] as const)
      expect(run(rule, { ...base, leadUnit: { type } }).outcome, type).toBe("not-applicable");
    expect(run(rule, { ...base, leadUnit: { type: "enterprise" } }).outcome).toBe("needs-information");
    expect(run(rule, { ...base, matchingRdFunds: 1, fiscalSupport: 1 }).outcome).toBe("needs-information");
    expect(run(rule, { ...base, leadUnit: { type: "enterprise" }, fiscalSupport: 1 }).outcome).toBe(
      "needs-information",
    );
  });
});

describe("nm-tic.charter (三(二) “原则上应为独立法人实体,制定管理章程”)", () => {
  const rule = nmRules.charter;
  const facts = (independent: boolean | undefined, hasCharter: boolean | undefined): CenterFacts => ({
    ...base,
    ...(independent === undefined ? {} : { legalEntity: { independent } }),
    ...(hasCharter === undefined ? {} : { hasCharter }),
  });

  it("an independent legal entity with a charter passes", () => {
    const result = run(rule, facts(true, true));
    expect(result.outcome).toBe("pass");
    expect(result.message.zh).toBe("已制定管理章程；为独立法人实体（nm-tic-2020 三(二)）");
  });

  it("制定管理章程 is mandatory: no charter fails, whether or not the center is independent", () => {
    for (const independent of [true, false, undefined]) {
      const result = run(rule, facts(independent, false));
      expect(result.outcome, String(independent)).toBe("fail");
      expect(result.message.zh).toContain("未制定管理章程");
      expect(result.message.en).toContain(
        "No management charter has been drawn up, and the charter is mandatory",
      );
    }
  });

  it("原则上 (in principle): not independent is the reviewers' judgement, and the charter's own answer still shows", () => {
    const result = run(rule, facts(false, true));
    expect(result.outcome).toBe("needs-information");
    expect(result.message.zh).toBe(
      "已制定管理章程；非独立法人实体：原则上应为独立法人实体，请说明理由，由评审判断（nm-tic-2020 三(二)）",
    );
    expect(result.message.en).toBe(
      "A management charter has been drawn up. The center is not an independent legal entity, which the clause asks for in principle; explain why, for the reviewers to judge (nm-tic-2020 三(二)).",
    );
  });

  it("each unanswered part asks for itself, and names the other part's answer", () => {
    const noCharterAnswer = run(rule, facts(true, undefined));
    expect(noCharterAnswer.outcome).toBe("needs-information");
    expect(noCharterAnswer.message.zh).toBe(
      "缺少信息：是否已制定管理章程；为独立法人实体（nm-tic-2020 三(二)）",
    );
    const noEntityAnswer = run(rule, facts(undefined, true));
    expect(noEntityAnswer.outcome).toBe("needs-information");
    expect(noEntityAnswer.message.zh).toBe(
      "已制定管理章程；缺少信息：是否为独立法人实体（nm-tic-2020 三(二)）",
    );
    expect(run(rule, facts(undefined, undefined)).outcome).toBe("needs-information");
  });
});

describe("nm-tic.bodies", () => {
  const rule = nmRules.bodies;
  const board = { members: [member("lead-unit"), member("co-build-unit")] };
  it("board of lead/co-build members plus a technical guidance committee passes", () => {
    expect(run(rule, { ...base, board, committee: committee(1, 3) }).outcome).toBe("pass");
  });
  it("an external board member, an empty board or an expert committee instead fails", () => {
    const external = { members: [...board.members, member("external")] };
    expect(run(rule, { ...base, board: external, committee: committee(1, 3) }).outcome).toBe("fail");
    expect(run(rule, { ...base, board: { members: [] }, committee: committee(1, 3) }).outcome).toBe("fail");
    const expertCommittee = { ...committee(1, 3)!, kind: "expert-committee" as const };
    expect(run(rule, { ...base, board, committee: expertCommittee }).outcome).toBe("fail");
  });
  it("missing board or committee → needs-information", () => {
    expect(run(rule, { ...base, committee: committee(1, 3) }).outcome).toBe("needs-information");
    expect(run(rule, { ...base, board }).outcome).toBe("needs-information");
  });
});

describe("no eligibility rule throws on empty facts", () => {
  it("answers needs-information for every eligibility rule", () => {
    for (const rule of Object.values(nmRules) as PolicyRule[]) {
      if (rule.evaluate) expect(rule.evaluate(base).outcome, rule.id).toBe("needs-information");
    }
  });
});

describe("a center meeting every condition", () => {
  const facts: CenterFacts = {
    kind: "tech-innovation-center",
    leadUnit: { type: "enterprise" },
    legalEntity: { independent: true },
    hasCharter: true,
    board: { members: [member("lead-unit"), member("co-build-unit")] },
    committee: {
      kind: "tech-guidance-committee",
      members: [
        member("lead-unit", { isDirector: true, expertise: "management" }),
        member("external", { expertise: "technical" }),
        member("external", { expertise: "economic" }),
      ],
      chair: member("external", { expertise: "technical" }),
    },
    director: { monthsPerYearAtCenter: 9 },
    fiscalSupport: 10_000_000,
    matchingRdFunds: 10_000_000,
  };
  it("passes every eligibility rule, each result naming its rule and clause", () => {
    for (const rule of Object.values(nmRules) as PolicyRule[]) {
      if (!rule.evaluate) continue;
      const result = rule.evaluate(facts);
      expect(result, rule.id).toMatchObject({ ruleId: rule.id, outcome: "pass" });
      expect(result.message.zh, rule.id).toContain(`nm-tic-2020 ${rule.citation.clause}`);
    }
  });
});
