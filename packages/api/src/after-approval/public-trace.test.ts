import { describe, expect, it } from "vitest";
import { REVOCATION_GRADE_GROUND } from "./grounds";
import { toApprovedPlatform } from "./public-trace";

const revokedRow = (policyId: string, groundIds: string[], delistingRuleId: string | null) => ({
  id: "00000000-0000-4000-8000-000000000001",
  name: "示例中心",
  kind: "tech-innovation-center",
  policyId,
  jurisdiction: "510000",
  leadUnitName: "示例单位",
  approvedOn: "2019-06-18",
  fields: ["电子信息"],
  status: "delisted" as const,
  revokedOn: "2026-11-30",
  groundIds,
  delistingRuleId,
});

describe("a revoked platform in the public register", () => {
  it("names Sichuan's ground from its outcomes and cites the clause the revocation was decided under", () => {
    // sc-tic-2018 六(四) "根据评估结果决定整改、撤销或后续支持": Sichuan lists no grounds; the grade is the ground.
    const platform = toApprovedPlatform(
      revokedRow("sc-tic-2018", [REVOCATION_GRADE_GROUND], "sc-tic.outcomes"),
    );
    expect(platform.revocation?.grounds).toEqual([
      { id: REVOCATION_GRADE_GROUND, text: { zh: "评估结果为“撤销”", en: "Evaluation outcome: revocation" } },
    ]);
    expect(platform.revocation?.rule?.ruleId).toBe("sc-tic.outcomes");
    expect(platform.revocation?.rule?.citation?.clause).toBe("六(四)");
  });

  it("keeps Inner Mongolia's ground text and the nm-tic.delisting clause (三(六)3)", () => {
    const platform = toApprovedPlatform(
      revokedRow("nm-tic-2020", ["annual-report-missing"], "nm-tic.delisting"),
    );
    expect(platform.revocation?.grounds[0]?.text.zh).toBe("到期不提交年度报告");
    expect(platform.revocation?.rule?.citation?.clause).toBe("三(六)3");
  });
});
