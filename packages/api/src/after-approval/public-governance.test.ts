import { emptyGovernanceState, type GovernanceState } from "@kechuang/domain";
import { policyModules } from "@kechuang/policies";
import { describe, expect, it } from "vitest";
import { publicGovernance, publicIndicators, publicZoneProfile } from "./public-governance";

const scZone = policyModules.find((m) => m.id === "sc-zone-2018")!;
const hnTic = policyModules.find((m) => m.id === "hn-tic-2020")!;

/** Everything a record holds (or a stray writer might add) that the public must never see. */
const privateBits = {
  phone: "13912345678",
  email: "someone@example.cn",
  idNumber: "430102198001011234",
  score: 92,
  opinion: "内部意见：建议缓批",
};

/** A state as governanceOn returns it, with extra keys a careless writer might leave on the objects. */
const state = {
  leadUnit: { name: "株洲轨道交通装备集团有限公司", type: "enterprise", creditCode: "91430200MA4L00010K" },
  coBuildUnits: [{ name: "中南大学", type: "university", contact: "0731-88888888" }],
  board: [
    {
      name: "张建国",
      organization: "株洲轨道交通装备集团有限公司",
      affiliation: "lead-unit",
      expertise: "finance",
      ...privateBits,
    },
    { name: "王丽华", affiliation: "co-build-unit", ...privateBits },
  ],
  committee: {
    kind: "expert-committee",
    chair: {
      name: "黄立明",
      organization: "中南大学",
      affiliation: "external",
      expertise: "legal",
      ...privateBits,
    },
    members: [
      { name: "黄立明", organization: "中南大学", affiliation: "external", ...privateBits },
      {
        name: "周晓峰",
        organization: "株洲轨道交通装备集团有限公司",
        affiliation: "lead-unit",
        isDirector: true,
        ...privateBits,
      },
    ],
  },
  director: {
    name: "周晓峰",
    organization: "株洲轨道交通装备集团有限公司",
    fullTime: true,
    monthsPerYearAtCenter: 12,
    phone: "13700000000",
  },
} as unknown as GovernanceState;

describe("publicGovernance: an allow-list of names and organizations", () => {
  it("keeps each member's name and organization, and nothing else", () => {
    const governance = publicGovernance(state);
    expect(governance).toEqual({
      coBuildUnits: [{ name: "中南大学", type: "university" }],
      board: [
        { name: "张建国", organization: "株洲轨道交通装备集团有限公司" },
        { name: "王丽华", organization: null },
      ],
      committee: {
        kind: "expert-committee",
        chair: { name: "黄立明", organization: "中南大学" },
        members: [
          { name: "黄立明", organization: "中南大学" },
          { name: "周晓峰", organization: "株洲轨道交通装备集团有限公司" },
        ],
      },
      director: { name: "周晓峰", organization: "株洲轨道交通装备集团有限公司" },
    });
  });

  it("lets no phone, e-mail, ID number, affiliation, expertise, time at the center, score or opinion through", () => {
    const text = JSON.stringify(publicGovernance(state));
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain("@");
    for (const key of [
      "phone",
      "email",
      "idNumber",
      "expertise",
      "affiliation",
      "isDirector",
      "fullTime",
      "monthsPerYearAtCenter",
      "score",
      "opinion",
    ]) {
      expect(text).not.toContain(`"${key}"`);
    }
    for (const value of ["430102198001011234", "内部意见", "0731-88888888", "finance", "creditCode"]) {
      expect(text).not.toContain(value);
    }
  });

  it("answers empty bodies for a state without any", () => {
    expect(publicGovernance(emptyGovernanceState)).toEqual({
      coBuildUnits: [],
      board: [],
      committee: null,
      director: null,
    });
  });
});

describe("publicZoneProfile: tasks from the module's vocabulary, indicators from accepted reports", () => {
  const zoneFacts = {
    kind: "transfer-demonstration-zone",
    zone: { demonstrationTasks: ["technology-market-trading", "space-mining"], indicatorCount: 3 },
  };
  const reports = [
    { yearCovered: 2023, content: { indicators: [{ name: "旧指标", unit: "项", target: 1, actual: 2 }] } },
    {
      yearCovered: 2024,
      content: {
        sections: { progress: "机密正文" },
        indicators: [
          {
            name: "技术合同成交额",
            unit: "亿元",
            target: 1200,
            actual: 1268.5,
            note: "内部备注",
            owner: "13912345678",
          },
          { name: "没有实际值", unit: "项", target: 5 },
        ],
      },
    },
    { yearCovered: 2025, content: { sections: {}, indicators: [] } },
  ];

  it("names only the module's tasks and shows the latest reported targets and actuals", () => {
    const profile = publicZoneProfile(scZone, zoneFacts, reports);
    expect(profile?.tasks.map((task) => [task.id, task.clause])).toEqual([
      ["technology-market-trading", "四(四)"],
    ]);
    expect(profile?.indicatorCount).toBe(3);
    expect(profile?.reported).toEqual({
      yearCovered: 2024,
      indicators: [{ name: "技术合同成交额", unit: "亿元", target: 1200, actual: 1268.5 }],
    });
    expect(JSON.stringify(profile)).not.toMatch(/机密|内部备注|1[3-9]\d{9}/);
  });

  it("is absent for modules whose reports carry no indicators, and empty before any report", () => {
    expect(publicZoneProfile(hnTic, zoneFacts, reports)).toBeNull();
    expect(publicZoneProfile(scZone, null, [])).toEqual({ tasks: [], indicatorCount: null, reported: null });
    expect(publicIndicators({ indicators: [{ name: "x", unit: "y", target: null, actual: 1 }] })).toEqual([
      { name: "x", unit: "y", target: null, actual: 1 },
    ]);
  });
});
