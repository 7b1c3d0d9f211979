import type { GovernanceMember, GovernanceState } from "@kechuang/domain";
import { eq } from "drizzle-orm";
import type { Tx } from "./client";
import { governanceStateOfApproval, writeGovernanceState } from "./repositories/governance";
import { applications, organizations, platforms } from "./schema";
import { DEMO_GOVERNANCE } from "./seed-public-profile";

const external = (
  name: string,
  organization: string,
  expertise: GovernanceMember["expertise"],
): GovernanceMember => ({ name, organization, affiliation: "external", expertise });

const NM_2021_COMMITTEE: GovernanceMember[] = [
  {
    name: "王建华",
    organization: "包头稀土研究院",
    affiliation: "lead-unit",
    expertise: "management",
    isDirector: true,
  },
  { name: "张海涛", organization: "包头稀土研究院", affiliation: "lead-unit", expertise: "technical" },
  { name: "李文静", organization: "内蒙古科技大学", affiliation: "co-build-unit", expertise: "technical" },
  external("陈国栋", "北京科技大学材料科学与工程学院", "technical"),
  external("周明", "有研稀土新材料股份有限公司", "technical"),
  external("吴桂芳", "内蒙古大学经济管理学院", "economic"),
  external("郑宏", "中国稀土行业协会", "management"),
  external("黄晓东", "上海交通大学材料科学与工程学院", "technical"),
  external("马丽娜", "内蒙古自治区科学技术信息研究所", "management"),
];

/** 2024-03-01: one outside member leaves the committee and another takes the seat (a filed change). */
const NM_LEAVING = "黄晓东";
const NM_JOINING = external("高志远", "中南大学冶金与环境学院", "technical");

/**
 * Inner Mongolia's rare-earth center as records: a full nm-tic state (three of nine committee members from the
 * lead and co-build units, exactly one third; an outside chair; a full-time director ten months a year), and
 * one committee change so its history shows. The change-request browser test starts from this state.
 */
export const DEMO_NM_GOVERNANCE = {
  platformName: "内蒙古自治区稀土新材料技术创新中心",
  approvedOn: "2021-04-12",
  changedOn: "2024-03-01",
  leaving: NM_LEAVING,
  joining: NM_JOINING.name,
  state2021: {
    leadUnit: { name: "包头稀土研究院", type: "research-institute" },
    coBuildUnits: [{ name: "内蒙古科技大学", type: "university" }],
    board: [
      { name: "李强", organization: "包头稀土研究院", affiliation: "lead-unit" },
      { name: "赵敏", organization: "内蒙古科技大学", affiliation: "co-build-unit" },
      { name: "孙磊", organization: "包头稀土研究院", affiliation: "lead-unit" },
    ],
    committee: {
      kind: "tech-guidance-committee",
      chair: {
        name: "刘振华",
        organization: "中国科学院长春应用化学研究所",
        affiliation: "external",
        expertise: "technical",
      },
      members: NM_2021_COMMITTEE,
    },
    director: { name: "王建华", organization: "包头稀土研究院", fullTime: true, monthsPerYearAtCenter: 10 },
  } satisfies GovernanceState,
} as const;

export const DEMO_NM_STATE_2024: GovernanceState = {
  ...DEMO_NM_GOVERNANCE.state2021,
  committee: {
    ...DEMO_NM_GOVERNANCE.state2021.committee,
    // The new seat opens in 2024, so it reads after the seats held since 2021.
    members: [...NM_2021_COMMITTEE.filter((m) => m.name !== NM_LEAVING), NM_JOINING],
  },
};

async function platformNamed(tx: Tx, name: string) {
  const [row] = await tx.select().from(platforms).where(eq(platforms.name, name));
  if (!row) throw new Error(`demo platform missing: ${name}`);
  return row;
}

/** Demo governance records (issue 11). Runs after seedPublicProfiles, which gives two platforms their facts. */
export async function seedGovernance(tx: Tx): Promise<void> {
  for (const name of [DEMO_GOVERNANCE.center.platformName, DEMO_GOVERNANCE.zone.platformName]) {
    const platform = await platformNamed(tx, name);
    const [source] = await tx
      .select({ facts: applications.facts, leadOrgName: organizations.name })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(eq(applications.id, platform.applicationId!));
    await writeGovernanceState(tx, {
      platformId: platform.id,
      jurisdiction: platform.jurisdiction,
      state: governanceStateOfApproval(source?.facts, platform.kind, source?.leadOrgName ?? null),
      effectiveOn: platform.approvedOn,
    });
  }
  const nm = await platformNamed(tx, DEMO_NM_GOVERNANCE.platformName);
  const base = { platformId: nm.id, jurisdiction: nm.jurisdiction };
  await writeGovernanceState(tx, {
    ...base,
    state: DEMO_NM_GOVERNANCE.state2021,
    effectiveOn: DEMO_NM_GOVERNANCE.approvedOn,
  });
  await writeGovernanceState(tx, {
    ...base,
    state: DEMO_NM_STATE_2024,
    effectiveOn: DEMO_NM_GOVERNANCE.changedOn,
  });
}
