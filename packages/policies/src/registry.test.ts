import { type CenterFacts, obligationSchema, policySummarySchema } from "@kechuang/domain";
import { zzTic2099 } from "@kechuang/policy-fixture";
import { describe, expect, it } from "vitest";
import { createRegistry, policyModules, registry } from "./registry";

const rich: CenterFacts = {
  kind: "tech-innovation-center",
  leadUnit: { type: "enterprise", rdExpenditureLast3Years: [10_000_000, 11_000_000, 9_000_000] },
};

describe("a fifth module needs only its own package and one registry line", () => {
  const extended = createRegistry([...policyModules, zzTic2099]);

  it("lists it after the others, with a valid summary", () => {
    const list = extended.list();
    expect(list.map((s) => s.id)).toEqual([...policyModules.map((m) => m.id), "zz-tic-2099"]);
    for (const summary of list) expect(policySummarySchema.safeParse(summary).success, summary.id).toBe(true);
    expect(extended.get("zz-tic-2099")).toBe(zzTic2099);
  });

  it("checks facts with it: pass at the threshold, fail below, needs-information without figures", () => {
    const pass = extended.check("zz-tic-2099", rich);
    expect(pass).toMatchObject({ ok: true, value: { policyId: "zz-tic-2099", outcome: "pass" } });
    if (pass.ok) expect(pass.value.results[0]!.message.en).toContain("10,000,000 CNY ≥ 10,000,000 CNY");

    const below = extended.check("zz-tic-2099", {
      ...rich,
      leadUnit: { rdExpenditureLast3Years: [10_000_000, 10_000_000, 9_999_999] },
    });
    expect(below).toMatchObject({ ok: true, value: { outcome: "fail" } });

    const unknown = extended.check("zz-tic-2099", { kind: "tech-innovation-center" });
    expect(unknown).toMatchObject({ ok: true, value: { outcome: "needs-information" } });
  });

  it("gives its schedule", () => {
    const result = extended.schedule("zz-tic-2099", { approvedOn: "2099-03-01", years: 2 });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.map((o) => obligationSchema.parse(o))).toEqual([
        {
          kind: "annual-report",
          yearCovered: 2099,
          dueOn: "2100-06-30",
          exempt: false,
          ruleId: "zz-tic.annual-report",
        },
        {
          kind: "annual-report",
          yearCovered: 2100,
          dueOn: "2101-06-30",
          exempt: false,
          ruleId: "zz-tic.annual-report",
        },
        { kind: "evaluation", earliestOn: "2102-03-01", ruleId: "zz-tic.stages" },
      ]);
    }
  });

  it("refuses to register one id twice", () => {
    expect(() => createRegistry([zzTic2099, zzTic2099])).toThrow(/registered twice/);
  });
});

describe("the default registry", () => {
  it("lists the five sources", () => {
    expect(registry.list().map((s) => s.id)).toEqual([
      "sc-tic-2018",
      "sc-zone-2018",
      "nm-tic-2020",
      "hn-tic-2020",
      "as-plat-2021",
    ]);
  });

  it("answers unknown ids and ungoverned kinds with an error value in both locales", () => {
    const missing = registry.check("xx-tic-1999", rich);
    expect(missing).toMatchObject({ ok: false, error: { zh: expect.stringContaining("xx-tic-1999") } });
    expect(registry.schedule("xx-tic-1999", { approvedOn: "2021-01-01", years: 1 }).ok).toBe(false);
    const zoneFacts: CenterFacts = { kind: "transfer-demonstration-zone" };
    expect(registry.check("hn-tic-2020", zoneFacts)).toMatchObject({
      ok: false,
      error: { en: "Policy hn-tic-2020 does not govern S&T achievement transfer demonstration zone" },
    });
  });

  it("runs only rules that evaluate and apply to the facts' kind, with the overall outcome", () => {
    for (const module of policyModules) {
      for (const kind of module.kinds) {
        const result = registry.check(module.id, { kind });
        expect(result.ok).toBe(true);
        if (!result.ok) continue;
        const expected = module.rules
          .filter((r) => r.evaluate && r.appliesTo.includes(kind))
          .map((r) => r.id);
        expect(result.value.results.map((r) => r.ruleId)).toEqual(expected);
        const outcomes = result.value.results.map((r) => r.outcome);
        const overall = outcomes.includes("fail")
          ? "fail"
          : outcomes.includes("needs-information")
            ? "needs-information"
            : "pass";
        expect(result.value.outcome).toBe(overall);
      }
    }
  });
});
