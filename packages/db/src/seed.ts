import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Role, statusOnApproval } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { sql } from "drizzle-orm";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import { generatePassword, generateTotpSecret, hashPassword } from "./passwords";
import {
  applicationEvents,
  applications,
  expertProfiles,
  organizations,
  panelMembers,
  platforms,
  publicityNotices,
  users,
} from "./schema";
import { platformSearchColumns } from "./search/grams";
import { sealTotpSecret } from "./secrets";
import { seedExperiences } from "./seed-experiences";
import { seedGovernance } from "./seed-governance";
import { seedPlatformLife } from "./seed-platform-life";
import { seedPublicProfiles } from "./seed-public-profile";
import { seedTargets } from "./seed-targets";

/**
 * Demo data for an EMPTY database: organizations in four jurisdictions, one account per role, approved
 * platforms per policy and applications at several stages. Passwords and TOTP secrets are generated per
 * installation — never shipped — and returned so the caller can write them to demo-accounts.json.
 */

interface OrgSeed {
  key: string;
  name: string;
  creditCode: string;
  type: "enterprise" | "university" | "research-institute" | "government";
  areaCode: string;
}

const ORGS: readonly OrgSeed[] = [
  {
    key: "sc-dept",
    name: "四川省科学技术厅",
    creditCode: "11510000MB0000001A",
    type: "government",
    areaCode: "510000",
  },
  {
    key: "nm-dept",
    name: "内蒙古自治区科学技术厅",
    creditCode: "11150000MB0000002B",
    type: "government",
    areaCode: "150000",
  },
  {
    key: "hn-dept",
    name: "湖南省科学技术厅",
    creditCode: "11430000MB0000003C",
    type: "government",
    areaCode: "430000",
  },
  {
    key: "as-bureau",
    name: "安顺市科学技术局",
    creditCode: "11520400MB0000004D",
    type: "government",
    areaCode: "520400",
  },
  {
    key: "cd-bureau",
    name: "成都市科学技术局",
    creditCode: "11510100MB0000005E",
    type: "government",
    areaCode: "510100",
  },
  {
    key: "my-bureau",
    name: "绵阳市科学技术局",
    creditCode: "11510700MB0000006F",
    type: "government",
    areaCode: "510700",
  },
  {
    key: "bt-gov",
    name: "包头市人民政府",
    creditCode: "11150200MB0000007G",
    type: "government",
    areaCode: "150200",
  },
  {
    key: "zz-gov",
    name: "株洲市人民政府",
    creditCode: "11430200MB0000008H",
    type: "government",
    areaCode: "430200",
  },
  {
    key: "cs-gov",
    name: "长沙市人民政府",
    creditCode: "11430100MB0000009J",
    type: "government",
    areaCode: "430100",
  },
  {
    key: "zz-rail",
    name: "株洲轨道交通装备集团有限公司",
    creditCode: "91430200MA4L00010K",
    type: "enterprise",
    areaCode: "430200",
  },
  {
    key: "zz-ceramics",
    name: "湖南湘瓷先进材料科技有限公司",
    creditCode: "91430200MA4L00011L",
    type: "enterprise",
    areaCode: "430200",
  },
  {
    key: "cs-machinery",
    name: "长沙工程机械研究院有限公司",
    creditCode: "91430100MA4L00012M",
    type: "enterprise",
    areaCode: "430100",
  },
  {
    key: "bt-rare-earth",
    name: "包头稀土新材料研究院有限公司",
    creditCode: "91150200MA0N00013N",
    type: "enterprise",
    areaCode: "150200",
  },
  {
    key: "hh-dairy",
    name: "内蒙古草原乳业科技股份有限公司",
    creditCode: "91150100MA0N00014P",
    type: "enterprise",
    areaCode: "150100",
  },
  {
    key: "cd-infosec",
    name: "成都天府信息安全技术有限公司",
    creditCode: "91510100MA6C00015Q",
    type: "enterprise",
    areaCode: "510100",
  },
  {
    key: "my-aero",
    name: "绵阳航空装备科技有限公司",
    creditCode: "91510700MA6C00016R",
    type: "enterprise",
    areaCode: "510700",
  },
  {
    key: "as-aviation",
    name: "安顺航空产业技术研究院",
    creditCode: "12520400MB0000017T",
    type: "research-institute",
    areaCode: "520400",
  },
  { key: "csu", name: "中南大学", creditCode: "12100000444885018U", type: "university", areaCode: "430100" },
  { key: "scu", name: "四川大学", creditCode: "12100000450717019W", type: "university", areaCode: "510100" },
];

interface UserSeed {
  username: string;
  displayName: string;
  role: Role;
  org: string;
  areaCode: string | null;
  totp: boolean;
}

export const DEMO_USERS: readonly UserSeed[] = [
  {
    username: "applicant",
    displayName: "王敏（湘瓷材料）",
    role: "applicant",
    org: "zz-ceramics",
    areaCode: "430200",
    totp: false,
  },
  {
    username: "applicant2",
    displayName: "李强（包头稀土研究院）",
    role: "applicant",
    org: "bt-rare-earth",
    areaCode: "150200",
    totp: false,
  },
  {
    username: "recommender",
    displayName: "陈静（株洲市科技局）",
    role: "recommender",
    org: "zz-gov",
    areaCode: "430200",
    totp: false,
  },
  {
    // Recommends the Baotou application under Inner Mongolia's policy (nm-tic-2020 三(四)1: 盟市政府推荐).
    username: "recommender-nm",
    displayName: "赵磊（包头市科技局）",
    role: "recommender",
    org: "bt-gov",
    areaCode: "150200",
    totp: false,
  },
  {
    username: "expert",
    displayName: "刘洋教授（中南大学）",
    role: "expert",
    org: "csu",
    areaCode: null,
    totp: false,
  },
  {
    username: "expert2",
    displayName: "赵磊研究员（四川大学）",
    role: "expert",
    org: "scu",
    areaCode: null,
    totp: false,
  },
  {
    username: "expert3",
    displayName: "孙婷高工（湘瓷材料）",
    role: "expert",
    org: "zz-ceramics",
    areaCode: null,
    totp: false,
  },
  {
    username: "expert4",
    displayName: "李娜教授（中南大学法学院）",
    role: "expert",
    org: "csu",
    areaCode: null,
    totp: false,
  },
  {
    username: "expert5",
    displayName: "何芳教授（四川大学经济学院）",
    role: "expert",
    org: "scu",
    areaCode: null,
    totp: false,
  },
  {
    username: "expert6",
    displayName: "郑凯研究员（中南大学管理学院）",
    role: "expert",
    org: "csu",
    areaCode: null,
    totp: false,
  },
  {
    username: "authority",
    displayName: "周华（湖南省科技厅）",
    role: "authority",
    org: "hn-dept",
    areaCode: "430000",
    totp: true,
  },
  // One provincial authority per jurisdiction: each decides only under its own jurisdiction's policies.
  {
    username: "authority-sc",
    displayName: "吴敏（四川省科技厅）",
    role: "authority",
    org: "sc-dept",
    areaCode: "510000",
    totp: true,
  },
  {
    username: "authority-nm",
    displayName: "巴特尔（内蒙古自治区科技厅）",
    role: "authority",
    org: "nm-dept",
    areaCode: "150000",
    totp: true,
  },
  {
    username: "authority-as",
    displayName: "罗静（安顺市科技局）",
    role: "authority",
    org: "as-bureau",
    areaCode: "520400",
    totp: true,
  },
  {
    username: "sysadmin",
    displayName: "系统管理员",
    role: "system-admin",
    org: "hn-dept",
    areaCode: null,
    totp: true,
  },
  {
    username: "secadmin",
    displayName: "安全管理员",
    role: "security-admin",
    org: "hn-dept",
    areaCode: null,
    totp: true,
  },
  {
    username: "auditadmin",
    displayName: "审计管理员",
    role: "audit-admin",
    org: "hn-dept",
    areaCode: null,
    totp: true,
  },
];

const PLATFORMS = [
  {
    policyId: "sc-tic-2018",
    kind: "tech-innovation-center",
    name: "四川省工业信息安全技术创新中心",
    org: "cd-infosec",
    jurisdiction: "510000",
    approvedOn: "2019-06-18",
    fields: ["电子信息", "大数据"],
  },
  {
    policyId: "sc-tic-2018",
    kind: "tech-innovation-center",
    name: "四川省高端航空装备技术创新中心",
    org: "my-aero",
    jurisdiction: "510000",
    approvedOn: "2019-11-05",
    fields: ["装备制造", "军民融合"],
  },
  {
    policyId: "sc-zone-2018",
    kind: "transfer-demonstration-zone",
    name: "成都市科技成果转移转化示范区",
    org: "cd-bureau",
    jurisdiction: "510000",
    approvedOn: "2018-12-20",
    fields: ["电子信息", "生物医药"],
  },
  {
    policyId: "sc-zone-2018",
    kind: "transfer-demonstration-zone",
    name: "绵阳市科技成果转移转化示范区",
    org: "my-bureau",
    jurisdiction: "510000",
    approvedOn: "2018-12-20",
    fields: ["军民融合", "先进材料"],
  },
  {
    policyId: "nm-tic-2020",
    kind: "tech-innovation-center",
    name: "内蒙古自治区稀土新材料技术创新中心",
    org: "bt-rare-earth",
    jurisdiction: "150000",
    approvedOn: "2021-04-12",
    fields: ["新材料"],
    // Recommended by Baotou (recommender-nm checks its annual reports first, nm-tic 三(六)1).
    recommenderArea: "150200",
  },
  {
    policyId: "nm-tic-2020",
    kind: "tech-innovation-center",
    name: "内蒙古自治区乳业技术创新中心",
    org: "hh-dairy",
    jurisdiction: "150000",
    approvedOn: "2021-09-28",
    fields: ["现代农牧业", "生物技术"],
    recommenderArea: "150100",
  },
  {
    policyId: "hn-tic-2020",
    kind: "tech-innovation-center",
    name: "湖南省先进轨道交通装备技术创新中心",
    org: "zz-rail",
    jurisdiction: "430000",
    approvedOn: "2021-07-15",
    fields: ["智能制造", "绿色建造"],
    recommenderArea: "430200",
  },
  {
    policyId: "hn-tic-2020",
    kind: "tech-innovation-center",
    name: "湖南省工程机械技术创新中心",
    org: "cs-machinery",
    jurisdiction: "430000",
    approvedOn: "2021-12-02",
    fields: ["智能制造"],
    recommenderArea: "430100",
  },
  {
    policyId: "as-plat-2021",
    kind: "city-platform",
    name: "安顺市航空装备制造技术创新平台",
    org: "as-aviation",
    jurisdiction: "520400",
    approvedOn: "2022-08-30",
    fields: ["航空装备"],
  },
] as const;

/**
 * Expert seats (sc-tic.panel, hn-tic panel: one expert per seat, so Hunan's five seats need five people).
 * expert3 works for a demo applicant, to show the conflict refusal.
 */
const EXPERTISE: Record<string, string[]> = {
  expert: ["technical", "management", "policy"],
  expert2: ["legal", "finance", "economic", "technical"],
  expert3: ["technical", "finance"],
  expert4: ["legal", "policy"],
  expert5: ["finance", "economic"],
  expert6: ["management", "technical"],
};

/**
 * Each application's recommending area is one of its policy's recommending bodies (Hunan: 株洲市, Inner
 * Mongolia: 包头市), and a demo recommender of that area can act on it (seed.test.ts checks both).
 */
export const APPLICATIONS = [
  { title: "湖南省先进陶瓷材料技术创新中心", org: "zz-ceramics", area: "430200", stage: "draft", days: 2 },
  {
    title: "湖南省电子陶瓷基板技术创新中心",
    org: "zz-ceramics",
    area: "430200",
    stage: "submitted",
    days: 6,
  },
  {
    title: "湖南省特种耐火材料技术创新中心",
    org: "zz-ceramics",
    area: "430200",
    stage: "returned",
    days: 10,
  },
  {
    title: "湖南省功能陶瓷膜技术创新中心",
    org: "zz-ceramics",
    area: "430200",
    stage: "consultation",
    days: 20,
    panel: ["expert", "expert2"],
  },
  {
    title: "湖南省陶瓷3D打印技术创新中心",
    org: "zz-ceramics",
    area: "430200",
    stage: "recommended",
    days: 8,
  },
  {
    title: "湖南省陶瓷基复合材料技术创新中心",
    org: "zz-ceramics",
    area: "430200",
    stage: "publicity",
    days: 3,
    panel: ["expert", "expert2"],
    publicity: true,
  },
  {
    title: "内蒙古自治区稀土永磁材料技术创新中心",
    org: "bt-rare-earth",
    area: "150200",
    stage: "submitted",
    days: 4,
    policyId: "nm-tic-2020",
  },
] as const;

/** The policy a seeded application is filed under: Hunan's unless it says otherwise. */
export const seededPolicyOf = (a: (typeof APPLICATIONS)[number]): string =>
  "policyId" in a ? a.policyId : "hn-tic-2020";

export interface DemoAccount {
  username: string;
  role: Role;
  password: string;
  totpSecret: string | null;
}

/** True when no organization exists yet: demo data is loaded only into an empty database. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const result = await db.execute(sql`select exists(select 1 from organizations) as "any"`);
  const row = (result as unknown as { rows: { any: boolean }[] }).rows[0];
  return !row?.any;
}

/** Loads the demo data in one transaction. Returns the generated credentials. */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<DemoAccount[]> {
  const accounts = await Promise.all(
    DEMO_USERS.map(async (u) => {
      const password = generatePassword();
      return {
        seed: u,
        password,
        hash: await hashPassword(password),
        totpSecret: u.totp ? generateTotpSecret() : null,
      };
    }),
  );
  await db.transaction(async (tx) => {
    const orgRows = await tx
      .insert(organizations)
      .values(ORGS.map(({ key: _key, ...org }) => org))
      .returning({ id: organizations.id, creditCode: organizations.creditCode });
    const orgId = (key: string): string => {
      const code = ORGS.find((o) => o.key === key)!.creditCode;
      return orgRows.find((r) => r.creditCode === code)!.id;
    };
    const userRows = await tx
      .insert(users)
      .values(
        accounts.map(({ seed, hash, totpSecret }) => ({
          username: seed.username,
          displayName: seed.displayName,
          role: seed.role,
          organizationId: orgId(seed.org),
          areaCode: seed.areaCode,
          passwordHash: hash,
          // Encrypted at rest; the plain secret goes only to the installer's 0600 demo-accounts file.
          totpSecret: totpSecret && sealTotpSecret(tx, totpSecret),
          // ".invalid" can never be delivered (RFC 2606): demo mail only reaches a test SMTP server.
          email: `${seed.username}@demo.kechuang.invalid`,
        })),
      )
      .returning({ id: users.id, username: users.username });
    const userId = (username: string): string => userRows.find((u) => u.username === username)!.id;
    await tx
      .insert(expertProfiles)
      .values(
        Object.entries(EXPERTISE).map(([username, expertise]) => ({ userId: userId(username), expertise })),
      );
    const platformRows = await tx
      .insert(platforms)
      .values(
        PLATFORMS.map(({ org, fields, ...p }) => ({
          ...p,
          fields: [...fields],
          leadOrgId: orgId(org),
          // As an approval would write it: Anshun's entries are in its cultivation pool (issue 11).
          status: statusOnApproval(registry.get(p.policyId)),
          ...platformSearchColumns({
            name: p.name,
            leadUnitName: ORGS.find((o) => o.key === org)!.name,
            fields,
            summary: null,
          }),
        })),
      )
      .returning({ id: platforms.id, policyId: platforms.policyId, approvedOn: platforms.approvedOn });
    await seedPlatformLife(tx, platformRows, now);
    await seedPublicProfiles(tx);
    await seedExperiences(tx);
    await seedTargets(tx);
    await seedGovernance(tx);
    for (const a of APPLICATIONS) {
      const at = new Date(now.getTime() - a.days * 86_400_000);
      const [row] = await tx
        .insert(applications)
        .values({
          policyId: seededPolicyOf(a),
          kind: "tech-innovation-center",
          title: a.title,
          organizationId: orgId(a.org),
          recommenderArea: a.area,
          stage: a.stage,
          facts: { kind: "tech-innovation-center" },
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: applications.id });
      await tx
        .insert(applicationEvents)
        .values({ applicationId: row!.id, at, action: "create", toStage: a.stage });
      if ("panel" in a) {
        await tx.insert(panelMembers).values(
          a.panel.map((username) => ({
            applicationId: row!.id,
            expertId: userId(username),
            seat: EXPERTISE[username]![0]!,
            assignedAt: at,
          })),
        );
      }
      if ("publicity" in a) {
        const closesOn = new Date(now.getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
        await tx.insert(publicityNotices).values({
          applicationId: row!.id,
          policyId: "hn-tic-2020",
          title: `关于${a.title}的公示`,
          body: `经方案论证和现场考察，拟批准组建${a.title}，现予公示。如有异议，请于公示期内提出。`,
          opensOn: at.toISOString().slice(0, 10),
          closesOn,
          publishedAt: at,
        });
      }
    }
    await appendAudit(tx, {
      actorId: null,
      actorRole: "system",
      action: "demo.seed",
      result: "ok",
      detail: { organizations: ORGS.length, users: DEMO_USERS.length, platforms: PLATFORMS.length },
    });
  });
  return accounts.map(({ seed, password, totpSecret }) => ({
    username: seed.username,
    role: seed.role,
    password,
    totpSecret,
  }));
}

/** Writes the credentials owner-readable only (0600); returns the path so it can be logged. */
export function writeDemoAccounts(dataDir: string, accounts: readonly DemoAccount[]): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "demo-accounts.json");
  writeFileSync(path, `${JSON.stringify({ generatedAt: new Date().toISOString(), accounts }, null, 2)}\n`, {
    mode: 0o600,
  });
  chmodSync(path, 0o600);
  return path;
}
