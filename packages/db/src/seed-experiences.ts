import { and, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { platforms, users, zoneExperiences } from "./schema";

/**
 * Demo replicable experiences (sc-zone 五(五), issue 11): the Chengdu zone has two published — one the
 * department promotes province-wide (科技厅…向全省示范推广) — and one draft still being written. The zone's
 * bureau has no demo applicant account, so the department's account stands as the author of record
 * (createdBy) where no applicant of the zone's organization exists.
 */
export const DEMO_EXPERIENCES = {
  platformName: "成都市科技成果转移转化示范区",
  published: [
    {
      title: "“先使用后付费”高校科技成果许可模式",
      body: "示范区推动在蓉高校对专利实行“先使用后付费”许可：企业先免费试用三年，产生收益后再按约定比例付费。已有 300 余项专利以此方式许可给中小企业，降低了企业承接成果的前期成本和风险。",
      promoted: true,
      publishedOn: "2024-06-18",
    },
    {
      title: "技术经理人“持证上岗”与绩效激励",
      body: "示范区建立技术经理人培训、登记和绩效评价制度，按促成的技术合同成交额给予奖励，技术经理人队伍由 200 人增至 800 人。",
      promoted: false,
      publishedOn: "2025-03-20",
    },
  ],
  draft: {
    title: "概念验证中心建设经验",
    body: "（草稿）示范区依托高校院所建设概念验证中心，为早期成果提供原型验证和市场评估。",
  },
} as const;

export async function seedExperiences(tx: Tx): Promise<void> {
  const [zone] = await tx.select().from(platforms).where(eq(platforms.name, DEMO_EXPERIENCES.platformName));
  if (!zone) throw new Error(`demo platform missing: ${DEMO_EXPERIENCES.platformName}`);
  const [authority] = await tx.select({ id: users.id }).from(users).where(eq(users.username, "authority-sc"));
  if (!authority) throw new Error("demo account missing: authority-sc");
  const [applicant] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "applicant"), eq(users.organizationId, zone.leadOrgId)));
  const author = applicant?.id ?? authority.id;
  const at = (day: string) => new Date(`${day}T02:00:00Z`);
  await tx.insert(zoneExperiences).values([
    ...DEMO_EXPERIENCES.published.map((e) => ({
      platformId: zone.id,
      title: e.title,
      body: e.body,
      status: "published" as const,
      promoted: e.promoted,
      createdBy: author,
      submittedAt: at(e.publishedOn),
      publishedAt: at(e.publishedOn),
      publishedBy: authority.id,
      // Saved, submitted and published: three writes.
      version: 3,
      createdAt: at(e.publishedOn),
      updatedAt: at(e.publishedOn),
    })),
    {
      platformId: zone.id,
      title: DEMO_EXPERIENCES.draft.title,
      body: DEMO_EXPERIENCES.draft.body,
      status: "draft" as const,
      createdBy: author,
    },
  ]);
}
