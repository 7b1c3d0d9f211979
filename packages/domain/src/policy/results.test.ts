import { describe, expect, it } from "vitest";
import type { RuleOutcome } from "./contract";
import {
  applicableFirst,
  countOutcomes,
  formatCny,
  needsInformation,
  notApplicable,
  overallOutcome,
} from "./results";

const rule = { id: "zz-tic.x", citation: { source: "zz-tic-2099", clause: "二(一)", quote: "q" } };
const of = (...outcomes: RuleOutcome[]) => overallOutcome(outcomes.map((outcome) => ({ outcome })));

describe("formatCny", () => {
  it("writes Chinese amounts in 元 with separators, whole 万 in 万元 (boundaries 0, 9,999, 10,000, 10,001)", () => {
    expect(formatCny(0, "zh")).toBe("0元");
    expect(formatCny(9_999, "zh")).toBe("9,999元");
    expect(formatCny(10_000, "zh")).toBe("1万元");
    expect(formatCny(10_001, "zh")).toBe("10,001元");
    expect(formatCny(12_345, "zh")).toBe("12,345元");
    expect(formatCny(5_000_000, "zh")).toBe("500万元");
    expect(formatCny(40_000_000, "zh")).toBe("4000万元");
    expect(formatCny(39_999_999, "zh")).toBe("39,999,999元");
  });

  it("never says CNY in Chinese, always in English", () => {
    for (const amount of [0, 9_999, 10_000, 10_001, 5_000_000]) {
      expect(formatCny(amount, "zh")).not.toContain("CNY");
      expect(formatCny(amount, "en")).toMatch(/ CNY$/);
    }
    expect(formatCny(0, "en")).toBe("0 CNY");
    expect(formatCny(9_999, "en")).toBe("9,999 CNY");
    expect(formatCny(10_000, "en")).toBe("10,000 CNY");
    expect(formatCny(5_000_000, "en")).toBe("5,000,000 CNY");
  });

  it("keeps up to two decimals of a fractional amount (an average), never in 万元", () => {
    expect(formatCny(119_999_999 / 3, "zh")).toBe("39,999,999.67元");
    expect(formatCny(119_999_999 / 3, "en")).toBe("39,999,999.67 CNY");
    expect(formatCny(10_000.5, "zh")).toBe("10,000.5元");
  });
});

describe("overallOutcome", () => {
  it("fails if any rule fails, else needs information, else passes", () => {
    expect(of("pass", "needs-information", "fail")).toBe("fail");
    expect(of("pass", "needs-information")).toBe("needs-information");
    expect(of("pass", "pass")).toBe("pass");
    expect(of()).toBe("pass");
  });

  it("leaves not-applicable out: it neither passes nor fails", () => {
    expect(of("not-applicable", "fail")).toBe("fail");
    expect(of("not-applicable", "needs-information")).toBe("needs-information");
    expect(of("not-applicable", "pass")).toBe("pass");
    expect(of("pass", "not-applicable", "not-applicable")).toBe("pass");
  });

  it("is not-applicable only when no result applies", () => {
    expect(of("not-applicable")).toBe("not-applicable");
    expect(of("not-applicable", "not-applicable")).toBe("not-applicable");
  });
});

describe("standard results", () => {
  it("notApplicable names the clause in both locales, as a sentence in English", () => {
    const result = notApplicable(rule, "牵头单位为高校", "the lead unit is a university");
    expect(result).toMatchObject({ ruleId: "zz-tic.x", outcome: "not-applicable" });
    expect(result.message).toEqual({
      zh: "不适用：牵头单位为高校（zz-tic-2099 二(一)）",
      en: "Not applicable: the lead unit is a university (zz-tic-2099 二(一)).",
    });
  });

  it("needsInformation names the missing fact and the clause", () => {
    expect(needsInformation(rule, "年收入", "the annual income").message).toEqual({
      zh: "缺少信息：年收入（zz-tic-2099 二(一)）",
      en: "Please state the annual income (zz-tic-2099 二(一)).",
    });
  });
});

describe("presenting results", () => {
  const results = [
    { ruleId: "a", outcome: "not-applicable" as const },
    { ruleId: "b", outcome: "pass" as const },
    { ruleId: "c", outcome: "not-applicable" as const },
    { ruleId: "d", outcome: "fail" as const },
    { ruleId: "e", outcome: "needs-information" as const },
  ];
  it("counts not-applicable apart, never as met", () => {
    expect(countOutcomes(results)).toEqual({ pass: 1, fail: 1, "needs-information": 1, "not-applicable": 2 });
    expect(countOutcomes([])).toEqual({ pass: 0, fail: 0, "needs-information": 0, "not-applicable": 0 });
  });
  it("lists the rules that apply first, in module order, then the not-applicable ones", () => {
    expect(applicableFirst(results).map((r) => r.ruleId)).toEqual(["b", "d", "e", "a", "c"]);
  });
});
