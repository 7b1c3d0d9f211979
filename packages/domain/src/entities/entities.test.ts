import { describe, expect, it } from "vitest";
import { isAnnualReportLate } from "./annual-report";
import {
  createApplicationInputSchema,
  transitionInputSchema,
  updateApplicationInputSchema,
} from "./application";
import { decisionSchema } from "./decision";
import { jurisdictionSchema } from "./jurisdiction";
import { createOrganizationInputSchema } from "./organization";
import { platformSchema } from "./platform";
import { objectionSchema, publicityClearance, publicityNoticeSchema } from "./publicity";
import { orderRectificationInputSchema } from "./rectification";
import { averageScore } from "./review";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const at = "2021-07-01T09:00:00+08:00";

describe("organization", () => {
  const input = {
    name: "示例科技有限公司",
    creditCode: "914403001922038216",
    type: "enterprise",
    divisionCode: "440300",
  };
  it("accepts a valid credit code, normalising case", () => {
    expect(
      createOrganizationInputSchema.parse({ ...input, creditCode: "9144030071526726xg" }).creditCode,
    ).toBe("9144030071526726XG");
  });
  it("rejects a wrong check character and a malformed division code", () => {
    expect(
      createOrganizationInputSchema.safeParse({ ...input, creditCode: "914403001922038217" }).success,
    ).toBe(false);
    expect(createOrganizationInputSchema.safeParse({ ...input, divisionCode: "4403" }).success).toBe(false);
  });
});

describe("jurisdiction", () => {
  it("defaults parentCode to null and checks the level", () => {
    const j = jurisdictionSchema.parse({
      code: "150000",
      name: { zh: "内蒙古自治区", en: "Inner Mongolia" },
      level: "autonomous-region",
    });
    expect(j.parentCode).toBeNull();
    expect(jurisdictionSchema.safeParse({ ...j, level: "county" }).success).toBe(false);
  });
});

describe("platform", () => {
  const base = {
    id: id(1),
    policyId: "nm-tic-2020",
    name: "稀土新材料",
    tier: "provincial",
    status: "active",
    approvedOn: "2021-03-01",
    applicationId: id(2),
    divisionCode: "150200",
  };
  const center = {
    ...base,
    kind: "tech-innovation-center",
    formationMode: "leading-enterprise",
    fields: ["新材料"],
    leadUnitId: id(3),
    coBuildUnitIds: [id(4)],
    legalEntity: { independent: true, registeredCapital: 10_000_000 },
    branches: [{ name: "包头分中心", organizationId: null, kind: "branch-center" }],
  };
  const zone = {
    ...base,
    policyId: "sc-zone-2018",
    kind: "transfer-demonstration-zone",
    cityCode: "510700",
    bureauOrganizationId: id(5),
    siteType: "high-tech-base",
    siteName: "绵阳高新区",
    demonstrationTasks: ["civil-military-transfer"],
    indicators: [
      {
        id: "contracts",
        name: "技术合同成交额",
        unit: "万元",
        baseline: 100,
        targets: [{ year: 2019, value: 120 }],
      },
    ],
  };
  const cityPlatform = {
    ...base,
    policyId: "as-plat-2021",
    tier: "city",
    status: "cultivating",
    kind: "city-platform",
    platformType: "academician-workstation",
    hostOrganizationId: id(6),
    responsibleDepartment: "市科技局",
    cultivation: { enteredOn: "2022-01-01", targetTier: "provincial", leftOn: null, outcome: null },
  };

  it("accepts each kind and discriminates on kind", () => {
    expect(platformSchema.parse(center).kind).toBe("tech-innovation-center");
    expect(platformSchema.parse(zone).kind).toBe("transfer-demonstration-zone");
    expect(platformSchema.parse(cityPlatform)).toMatchObject({ leadingTalents: 0, talentTeams: 0 });
  });
  it("rejects a center without fields, a zone with a repeated or a ninth task, an unknown platform type", () => {
    expect(platformSchema.safeParse({ ...center, fields: [] }).success).toBe(false);
    expect(platformSchema.safeParse({ ...zone, demonstrationTasks: ["a", "a"] }).success).toBe(false);
    expect(platformSchema.safeParse({ ...zone, demonstrationTasks: "abcdefghi".split("") }).success).toBe(
      false,
    );
    expect(platformSchema.safeParse({ ...cityPlatform, platformType: "museum" }).success).toBe(false);
    expect(platformSchema.safeParse({ ...center, kind: "city-platform" }).success).toBe(false);
  });
});

describe("application inputs", () => {
  it("requires expectedVersion on a transition and bounds the idempotency key", () => {
    const t = { applicationId: id(1), action: "submit", expectedVersion: 3 };
    expect(transitionInputSchema.parse(t)).toEqual(t);
    expect(transitionInputSchema.safeParse({ ...t, expectedVersion: undefined }).success).toBe(false);
    expect(transitionInputSchema.safeParse({ ...t, expectedVersion: -1 }).success).toBe(false);
    expect(transitionInputSchema.safeParse({ ...t, idempotencyKey: "short" }).success).toBe(false);
    expect(transitionInputSchema.safeParse({ ...t, reason: "   " }).success).toBe(false);
    expect(transitionInputSchema.safeParse({ ...t, action: "DROP TABLE" }).success).toBe(false);
  });
  it("creates with defaults and refuses facts of another kind", () => {
    const c = createApplicationInputSchema.parse({
      policyId: "hn-tic-2020",
      kind: "tech-innovation-center",
      title: "中心",
    });
    expect(c).toMatchObject({ plan: {}, recommenderAreaCode: null });
    const wrong = {
      policyId: "hn-tic-2020",
      kind: "tech-innovation-center",
      title: "中心",
      facts: { kind: "city-platform" },
    };
    expect(createApplicationInputSchema.safeParse(wrong).success).toBe(false);
    expect(createApplicationInputSchema.safeParse({ ...c, policyId: "Hunan" }).success).toBe(false);
  });
  it("updates against a version", () => {
    expect(updateApplicationInputSchema.safeParse({ applicationId: id(1), plan: {} }).success).toBe(false);
  });
});

describe("publicity and objections", () => {
  const notice = {
    id: id(1),
    applicationId: id(2),
    policyId: "hn-tic-2020",
    title: "公示",
    body: "拟认定名单",
    opensOn: "2021-07-01",
    closesOn: "2021-07-07",
    publishedAt: at,
  };
  const objection = {
    id: id(3),
    noticeId: id(1),
    objectorName: "李四",
    objectorContact: "13800000000",
    grounds: "申报数据与实际不符，请核查。",
    submittedAt: at,
  };

  it("refuses a notice that closes before it opens", () => {
    expect(publicityNoticeSchema.safeParse(notice).success).toBe(true);
    expect(publicityNoticeSchema.safeParse({ ...notice, closesOn: "2021-06-30" }).success).toBe(false);
  });
  it("requires a reason for an upheld or dismissed objection, and none for an open one", () => {
    expect(objectionSchema.safeParse({ ...objection, status: "open" }).success).toBe(true);
    expect(objectionSchema.safeParse({ ...objection, status: "dismissed" }).success).toBe(false);
    const ruling = { reason: "经核查数据属实", resolvedBy: id(9), resolvedAt: at };
    expect(objectionSchema.safeParse({ ...objection, status: "dismissed", ...ruling }).success).toBe(true);
    expect(objectionSchema.safeParse({ ...objection, status: "upheld", ...ruling, reason: "" }).success).toBe(
      false,
    );
  });
  it("clears approval only after the window with nothing open or upheld", () => {
    expect(publicityClearance(notice, [], "2021-07-07")).toMatchObject({ clear: false });
    expect(publicityClearance(notice, [], "2021-07-08")).toEqual({ clear: true });
    expect(publicityClearance(notice, [{ status: "dismissed" }], "2021-07-08")).toEqual({ clear: true });
    const pending = publicityClearance(notice, [{ status: "open" }, { status: "open" }], "2021-07-08");
    expect(pending).toMatchObject({ clear: false, reason: { en: "2 objection(s) still to be resolved" } });
    expect(publicityClearance(notice, [{ status: "upheld" }], "2021-07-08")).toMatchObject({ clear: false });
  });
});

describe("decisions, changes, rectifications, reports", () => {
  it("requires a designated name to approve and a reason to reject", () => {
    const d = {
      id: id(1),
      applicationId: id(2),
      decidedOn: "2021-08-01",
      decidedBy: id(3),
      ruleId: "nm-tic.stages",
      recordedAt: at,
    };
    expect(
      decisionSchema.safeParse({ ...d, outcome: "approved", designatedName: "内蒙古自治区稀土技术创新中心" })
        .success,
    ).toBe(true);
    expect(decisionSchema.safeParse({ ...d, outcome: "approved" }).success).toBe(false);
    expect(decisionSchema.safeParse({ ...d, outcome: "rejected" }).success).toBe(false);
  });
  it("orders rectification with a deadline after its start", () => {
    const r = {
      platformId: id(1),
      evaluationId: null,
      reason: "评估不合格",
      startsOn: "2024-01-01",
      dueOn: "2025-01-01",
    };
    expect(orderRectificationInputSchema.safeParse(r).success).toBe(true);
    expect(orderRectificationInputSchema.safeParse({ ...r, dueOn: "2024-01-01" }).success).toBe(false);
  });
  it("knows when an annual report is late", () => {
    expect(isAnnualReportLate({ dueOn: "2022-03-31", submittedAt: null }, "2022-03-31")).toBe(false);
    expect(isAnnualReportLate({ dueOn: "2022-03-31", submittedAt: null }, "2022-04-01")).toBe(true);
    expect(
      isAnnualReportLate({ dueOn: "2022-03-31", submittedAt: "2022-04-02T10:00:00+08:00" }, "2022-05-01"),
    ).toBe(true);
    expect(isAnnualReportLate({ dueOn: null, submittedAt: null }, "2030-01-01")).toBe(false);
  });
  it("averages scores to one decimal", () => {
    expect(averageScore([])).toBeNull();
    expect(
      averageScore([
        { criterion: "a", score: 80 },
        { criterion: "b", score: 85 },
        { criterion: "c", score: 90 },
      ]),
    ).toBe(85);
    expect(
      averageScore([
        { criterion: "a", score: 80 },
        { criterion: "b", score: 81 },
        { criterion: "c", score: 81 },
      ]),
    ).toBe(80.7);
  });
});
