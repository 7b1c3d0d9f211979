import { registry } from "@kechuang/policies";
import { describe, expect, it } from "vitest";
import { delistingGroundsOf, delistingRuleIdOf } from "./grounds";

describe("delisting grounds by module", () => {
  it("are Inner Mongolia's six of 三(六)3, cited as nm-tic.delisting; the failed rectification is a stored fact", () => {
    const nm = registry.get("nm-tic-2020")!;
    const grounds = delistingGroundsOf(nm);
    expect(grounds.map((g) => g.id)).toEqual([
      "failed-after-rectification",
      "annual-report-missing",
      "absent-from-evaluation",
      "fraud",
      "lead-unit-stopped",
      "law-or-requirements-violated",
    ]);
    expect(grounds.filter((g) => g.evidence === "evaluation").map((g) => g.id)).toEqual([
      "failed-after-rectification",
    ]);
    expect(delistingRuleIdOf(nm)).toBe("nm-tic.delisting");
  });

  it("are, for Sichuan (no list; sc-tic.outcomes 整改、撤销或后续支持), the evaluation's own outcomes", () => {
    for (const id of ["sc-tic-2018", "sc-zone-2018"]) {
      const module = registry.get(id)!;
      expect(delistingGroundsOf(module).map((g) => [g.id, g.evidence])).toEqual([
        ["failed-after-rectification", "evaluation"],
        ["evaluation-revocation", "evaluation"],
      ]);
      expect(delistingRuleIdOf(module)).toMatch(/^sc-(tic|zone)\.outcomes$/);
    }
  });

  it("are none where the module grades nothing and lists nothing (Hunan: findings only)", () => {
    expect(delistingGroundsOf(registry.get("hn-tic-2020")!)).toEqual([]);
  });
});
