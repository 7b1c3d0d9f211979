import { statusOnApproval } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import type { Tx } from "./client";
import { governanceMemberships, organizations, platformRecognitions, platforms } from "./schema";
import { platformSearchColumns } from "./search/grams";

/**
 * Demo data for Anshun's targets dashboard (issue 11, as-plat.targets): a few pool entries with the provincial
 * and national recognitions they received over 2020–2023, so that 工业设计中心 meets its targets while the
 * other types are behind (工程研究中心 among them); one city recognition, which never counts. The joint
 * meeting's seats are filled with fictitious people, marked （演示） so nobody mistakes them for officials.
 */

const ORGS = [
  { key: "yf", name: "安顺云峰新材料有限公司", creditCode: "91520400MA6TG0001K" },
  { key: "qz", name: "安顺黔中药业有限公司", creditCode: "91520400MA6TG0002L" },
  { key: "xx", name: "安顺西秀农业科技有限公司", creditCode: "91520400MA6TG0003M" },
] as const;
type OrgKey = (typeof ORGS)[number]["key"];

type Tier = "national" | "provincial" | "city";
const PLATFORMS: {
  name: string;
  org: OrgKey;
  fields: string[];
  recognitions: { typeId: string; tier: Tier; on: string; doc: string }[];
}[] = [
  {
    name: "安顺云峰新材料工业设计中心",
    org: "yf",
    fields: ["新型工业化"],
    recognitions: [
      { typeId: "industrial-design-center", tier: "provincial", on: "2020-06-15", doc: "黔工信〔2020〕31号" },
    ],
  },
  {
    name: "安顺黔中中药工业设计中心",
    org: "qz",
    fields: ["新型工业化", "康养旅游"],
    recognitions: [
      { typeId: "industrial-design-center", tier: "provincial", on: "2020-11-20", doc: "黔工信〔2020〕88号" },
    ],
  },
  {
    name: "安顺西秀农产品加工工业设计中心",
    org: "xx",
    fields: ["农业现代化"],
    recognitions: [
      { typeId: "industrial-design-center", tier: "provincial", on: "2022-09-08", doc: "黔工信〔2022〕57号" },
    ],
  },
  {
    name: "安顺新材料工程研究中心",
    org: "yf",
    fields: ["新型工业化"],
    recognitions: [
      {
        typeId: "engineering-research-center",
        tier: "provincial",
        on: "2020-04-10",
        doc: "黔发改高技〔2020〕12号",
      },
    ],
  },
  {
    name: "安顺中药现代化工程研究中心",
    org: "qz",
    fields: ["康养旅游"],
    recognitions: [
      {
        typeId: "engineering-research-center",
        tier: "provincial",
        on: "2021-10-12",
        doc: "黔发改高技〔2021〕40号",
      },
    ],
  },
  {
    name: "安顺山地农业工程研究中心",
    org: "xx",
    fields: ["农业现代化"],
    recognitions: [
      {
        typeId: "engineering-research-center",
        tier: "provincial",
        on: "2023-03-01",
        doc: "黔发改高技〔2023〕9号",
      },
    ],
  },
  {
    name: "安顺云峰企业技术中心",
    org: "yf",
    fields: ["新型工业化"],
    recognitions: [
      {
        typeId: "enterprise-technology-center",
        tier: "national",
        on: "2020-12-31",
        doc: "发改高技〔2020〕1990号",
      },
    ],
  },
  {
    name: "安顺黔中药业企业技术中心",
    org: "qz",
    fields: ["新型工业化"],
    recognitions: [
      {
        typeId: "enterprise-technology-center",
        tier: "provincial",
        on: "2022-05-18",
        doc: "黔发改〔2022〕66号",
      },
    ],
  },
  {
    name: "安顺西秀院士工作站",
    org: "xx",
    fields: ["农业现代化"],
    recognitions: [
      { typeId: "academician-workstation", tier: "provincial", on: "2021-08-03", doc: "黔科通〔2021〕75号" },
      // A city recognition: recorded, never counted (一(三) counts 省级及以上).
      {
        typeId: "engineering-technology-research-center",
        tier: "city",
        on: "2022-12-01",
        doc: "安市科通〔2022〕18号",
      },
    ],
  },
];

/** Fictitious members of the joint meeting, one per seat of the module (as-plat.joint-meeting). */
const JOINT_MEETING: { seatId: string; position: string; name: string; department: string }[] = [
  { seatId: "convener", position: "convener", name: "周明远（演示）", department: "安顺市人民政府" },
  { seatId: "deputy-convener", position: "deputy-convener", name: "吴晓岚（演示）", department: "市科技局" },
  { seatId: "member-1", position: "member", name: "陈立新（演示）", department: "市科技局" },
  { seatId: "member-2", position: "member", name: "杨文博（演示）", department: "市发展改革委" },
  { seatId: "member-3", position: "member", name: "刘建平（演示）", department: "市工业和信息化局" },
  { seatId: "member-4", position: "member", name: "赵春华（演示）", department: "市农业农村局" },
  { seatId: "member-5", position: "member", name: "孙静怡（演示）", department: "市卫生健康局" },
  { seatId: "member-6", position: "member", name: "黄志强（演示）", department: "市教育局" },
  { seatId: "member-7", position: "member", name: "郑雨桐（演示）", department: "安顺学院" },
];

export async function seedTargets(tx: Tx): Promise<void> {
  const policyId = "as-plat-2021";
  const orgRows = await tx
    .insert(organizations)
    .values(ORGS.map(({ key: _key, ...o }) => ({ ...o, type: "enterprise" as const, areaCode: "520400" })))
    .returning({ id: organizations.id, creditCode: organizations.creditCode });
  const org = (key: OrgKey) => {
    const seed = ORGS.find((o) => o.key === key)!;
    return { id: orgRows.find((r) => r.creditCode === seed.creditCode)!.id, name: seed.name };
  };
  // Entered into the pool when the plan took effect; some had a provincial recognition already.
  const approvedOn = "2021-05-20";
  for (const p of PLATFORMS) {
    const [row] = await tx
      .insert(platforms)
      .values({
        policyId,
        kind: "city-platform",
        name: p.name,
        leadOrgId: org(p.org).id,
        jurisdiction: "520400",
        approvedOn,
        fields: p.fields,
        status: statusOnApproval(registry.get(policyId)),
        ...platformSearchColumns({
          name: p.name,
          leadUnitName: org(p.org).name,
          fields: p.fields,
          summary: null,
        }),
      })
      .returning({ id: platforms.id });
    await tx.insert(platformRecognitions).values(
      p.recognitions.map((r) => ({
        platformId: row!.id,
        typeId: r.typeId,
        tier: r.tier,
        recognizedOn: r.on,
        documentNumber: r.doc,
      })),
    );
  }
  await tx.insert(governanceMemberships).values(
    JOINT_MEETING.map((m) => ({
      jurisdiction: "520400",
      body: "joint-meeting" as const,
      position: m.position,
      seatId: m.seatId,
      name: m.name,
      department: m.department,
      since: "2021-06-01",
    })),
  );
}
