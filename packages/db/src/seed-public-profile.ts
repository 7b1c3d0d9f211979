import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "./client";
import {
  annualReports,
  applicationEvents,
  applications,
  objections,
  organizations,
  platforms,
  publicityNotices,
} from "./schema";

/**
 * Demo public profiles (issue 12): two seeded platforms get the approved application they came from, so their
 * public pages show governance (board, committee, director, co-build units), and the zone its tasks and the
 * indicators of its latest accepted report. The Hunan center's application also went through publicity: an
 * ended notice with one dismissed objection, for the portal's past notices.
 *
 * The members' rows carry a phone and an e-mail on purpose, as an older form collected them: the public page
 * must never show them (public-governance.ts' allow-list), and the browser test looks for them.
 */
export const DEMO_GOVERNANCE = {
  center: {
    platformName: "湖南省先进轨道交通装备技术创新中心",
    board: [
      { name: "张建国", organization: "株洲轨道交通装备集团有限公司", affiliation: "lead-unit" },
      { name: "王丽华", organization: "中南大学", affiliation: "co-build-unit" },
      { name: "陈志远", organization: "湖南省轨道交通产业协会", affiliation: "external" },
    ],
    committeeChair: { name: "黄立明", organization: "中南大学交通运输工程学院", affiliation: "external" },
    committee: [
      {
        name: "周晓峰",
        organization: "株洲轨道交通装备集团有限公司",
        affiliation: "lead-unit",
        isDirector: true,
      },
      { name: "欧阳静", organization: "湖南大学机械与运载工程学院", affiliation: "external" },
    ],
    coBuildUnits: [{ name: "中南大学", type: "university" }],
  },
  zone: {
    platformName: "成都市科技成果转移转化示范区",
    tasks: ["technology-market-trading", "university-belt-transfer-zone", "transfer-service-system"],
    indicators: [
      { name: "技术合同成交额", unit: "亿元", target: 1200, actual: 1268.5 },
      { name: "新增技术转移机构", unit: "家", target: 15, actual: 17 },
      { name: "科技成果转化项目", unit: "项", target: 300, actual: 288 },
    ],
  },
  /** Contact data that must stay out of every public page. */
  privateContacts: { phone: "13912345678", email: "zhang.jianguo@demo-rail.invalid" },
} as const;

async function platformNamed(tx: Tx, name: string) {
  const [row] = await tx.select().from(platforms).where(eq(platforms.name, name));
  if (!row) throw new Error(`demo platform missing: ${name}`);
  return row;
}

/** An approved application for an already seeded platform, linked to it as the platform's source. */
async function approvedApplicationFor(
  tx: Tx,
  platform: typeof platforms.$inferSelect,
  facts: Record<string, unknown>,
): Promise<string> {
  const at = new Date(`${platform.approvedOn}T02:00:00Z`);
  const [row] = await tx
    .insert(applications)
    .values({
      policyId: platform.policyId,
      kind: platform.kind,
      title: platform.name,
      organizationId: platform.leadOrgId,
      recommenderArea: platform.recommenderArea ?? platform.jurisdiction,
      stage: "approved",
      facts,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: applications.id });
  await tx
    .insert(applicationEvents)
    .values({ applicationId: row!.id, at, action: "approve", toStage: "approved" });
  await tx.update(platforms).set({ applicationId: row!.id }).where(eq(platforms.id, platform.id));
  return row!.id;
}

const shiftDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedPublicProfiles(tx: Tx): Promise<void> {
  const { center, zone, privateContacts } = DEMO_GOVERNANCE;
  const centerRow = await platformNamed(tx, center.platformName);
  const [lead] = await tx.select().from(organizations).where(eq(organizations.id, centerRow.leadOrgId));
  const withContacts = <T extends object>(member: T) => ({ ...member, ...privateContacts });
  const centerApplication = await approvedApplicationFor(tx, centerRow, {
    kind: "tech-innovation-center",
    formationMode: "leading-enterprise",
    fields: centerRow.fields,
    leadUnit: { name: lead!.name, type: "enterprise", industryLeader: true },
    coBuildUnits: center.coBuildUnits,
    hasCharter: true,
    board: { members: center.board.map(withContacts) },
    committee: {
      kind: "expert-committee",
      chair: withContacts(center.committeeChair),
      members: [center.committeeChair, ...center.committee].map(withContacts),
    },
    director: { fullTime: true, monthsPerYearAtCenter: 12 },
  });
  // Publicity before approval: ended with the decision, one objection filed and dismissed.
  const closesOn = shiftDays(centerRow.approvedOn, -10);
  const [notice] = await tx
    .insert(publicityNotices)
    .values({
      applicationId: centerApplication,
      policyId: centerRow.policyId,
      title: `关于${centerRow.name}的公示`,
      body: `经方案论证和现场考察，拟批准组建${centerRow.name}，现予公示。如有异议，请于公示期内提出。`,
      opensOn: shiftDays(centerRow.approvedOn, -20),
      closesOn,
      status: "ended",
      publishedAt: new Date(`${shiftDays(centerRow.approvedOn, -20)}T01:00:00Z`),
    })
    .returning({ id: publicityNotices.id });
  await tx.insert(objections).values({
    noticeId: notice!.id,
    objectorName: "钱多多",
    objectorContact: "13700001111",
    grounds: "申报材料中共建单位的投入承诺需要进一步核实。",
    status: "dismissed",
    reason: "经核实，共建协议与投入承诺齐全。",
    resolvedAt: new Date(`${closesOn}T08:00:00Z`),
    submittedAt: new Date(`${shiftDays(closesOn, -3)}T08:00:00Z`),
  });

  const zoneRow = await platformNamed(tx, zone.platformName);
  await approvedApplicationFor(tx, zoneRow, {
    kind: "transfer-demonstration-zone",
    fields: zoneRow.fields,
    coBuildUnits: [{ name: "四川大学", type: "university" }],
    zone: {
      applicantIsCityBureau: true,
      siteType: "high-tech-base",
      demonstrationTasks: zone.tasks,
      indicatorCount: zone.indicators.length,
    },
  });
  const [latest] = await tx
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.platformId, zoneRow.id), eq(annualReports.status, "accepted")))
    .orderBy(desc(annualReports.yearCovered))
    .limit(1);
  if (latest) {
    await tx
      .update(annualReports)
      .set({ content: { ...latest.content, indicators: zone.indicators } })
      .where(eq(annualReports.id, latest.id));
  }
}
