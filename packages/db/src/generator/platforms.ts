import { type FormationMode, statusOnApproval } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { organizations, platforms } from "../schema";
import { platformSearchColumns } from "../search/grams";

/**
 * Many realistic platforms for load tests and benchmarks of the public directory (issue 12): never part
 * of the demo data. Deterministic for a seed (same rows, same order; only the uuids differ), one
 * transaction, multi-row INSERTs. Works on PGlite and PostgreSQL.
 */
export interface GeneratePlatformsOptions {
  count: number;
  seed: number;
  /** Lead units to create (each platform picks one); default one per 30 platforms, at least 50. */
  organizations?: number;
  /** Rows per INSERT statement. */
  batchSize?: number;
}

/** mulberry32: small, fast, and the same sequence on every platform for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CITIES = [
  "长沙",
  "株洲",
  "湘潭",
  "衡阳",
  "岳阳",
  "常德",
  "成都",
  "绵阳",
  "德阳",
  "宜宾",
  "泸州",
  "南充",
  "呼和浩特",
  "包头",
  "鄂尔多斯",
  "赤峰",
  "通辽",
  "安顺",
  "贵阳",
  "遵义",
];
const TOPICS = [
  "先进电池材料",
  "动力电池",
  "储能电池",
  "高端芯片",
  "功率芯片",
  "集成电路",
  "生物医药",
  "中医药",
  "医药创新",
  "新能源汽车",
  "新能源装备",
  "稀土新材料",
  "稀土永磁",
  "人工智能",
  "智能制造",
  "轨道交通装备",
  "工程机械",
  "航空装备",
  "先进陶瓷",
  "碳基材料",
  "现代农牧业",
  "乳业",
  "信息安全",
  "大数据",
  "区块链",
  "精准医学",
  "医疗器械",
  "绿色建造",
  "新型显示",
  "氢能",
  "光伏",
  "智能网联汽车",
];
const ADJECTIVES = ["", "", "先进", "高端", "绿色", "智能", "新一代"];
const EXTRA_FIELDS = ["电池", "芯片", "医药", "新能源", "稀土", "人工智能", "新材料", "生物技术"];
const UNIVERSITY_STEMS = ["中南", "湖南", "四川", "西南", "电子科技", "内蒙古", "贵州", "湘潭", "成都理工"];
const COMPANY_WORDS = ["电池", "芯片", "医药", "新能源", "稀土", "智能", "装备", "材料", "电子", "生物"];
const ENGLISH = ["AI", "Battery", "Chip", "BioPharma", "Lab", "Smart", "Rare Earth", "Solar"];
const SENTENCES = [
  "围绕{topic}开展关键核心技术攻关。",
  "建设{topic}中试验证和成果转化平台。",
  "联合上下游企业和高校院所，构建{topic}产业创新生态。",
  "重点突破{field}领域的共性技术瓶颈。",
  "面向{field}产业需求，培养高层次创新人才。",
  "与{english} partners开展国际合作。",
];

const KIND_SUFFIX: Record<string, string> = {
  "tech-innovation-center": "技术创新中心",
  "transfer-demonstration-zone": "科技成果转移转化示范区",
  "city-platform": "科技创新平台",
};

interface ModuleShape {
  policyId: string;
  jurisdiction: string;
  prefix: string;
  kinds: readonly string[];
  fields: string[];
  formationModes: readonly FormationMode[];
  cultivating: boolean;
}

function moduleShapes(): ModuleShape[] {
  return registry.list().flatMap((summary) => {
    const module = registry.get(summary.id);
    if (!module) return [];
    return [
      {
        policyId: module.id,
        jurisdiction: module.jurisdiction.code,
        prefix: module.jurisdiction.name.zh,
        kinds: module.kinds,
        fields: module.fields.flatMap((group) => [...group.fields]),
        formationModes: module.formationModes ?? [],
        cultivating: statusOnApproval(module) === "cultivating",
      },
    ];
  });
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Inserts `count` platforms (and their lead units); returns the platforms' ids in insertion order. */
export async function generatePlatforms(db: Db, options: GeneratePlatformsOptions): Promise<string[]> {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const batchSize = options.batchSize ?? 1000;
  const modules = moduleShapes();
  const orgCount = options.organizations ?? Math.max(50, Math.ceil(options.count / 30));

  const orgs = Array.from({ length: orgCount }, (_, i) => {
    const city = pick(CITIES);
    const shape = random();
    const name =
      shape < 0.3
        ? `${pick(UNIVERSITY_STEMS)}${pick(["大学", "工业大学", "科技大学", "师范大学"])}`
        : shape < 0.5
          ? `${city}${pick(COMPANY_WORDS)}${pick(["研究院", "研究所", "工程技术研究院"])}`
          : shape < 0.9
            ? `${city}${pick(COMPANY_WORDS)}${pick(["集团有限公司", "科技股份有限公司", "有限责任公司"])}`
            : `${pick(ENGLISH)} ${pick(["Technology", "Materials", "Energy"])}（${city}）有限公司`;
    // A made-up but well-formed 18-character credit code, unique by its serial.
    return {
      name,
      creditCode: `91${String(options.seed % 10_000).padStart(4, "0")}G${String(i).padStart(11, "0")}`,
      type: "enterprise",
      areaCode: "430100",
    };
  });

  return db.transaction(async (tx) => {
    const orgRows: { id: string; name: string }[] = [];
    for (let i = 0; i < orgs.length; i += batchSize) {
      orgRows.push(
        ...(await tx
          .insert(organizations)
          .values(orgs.slice(i, i + batchSize))
          .returning({ id: organizations.id, name: organizations.name })),
      );
    }
    const ids: string[] = [];
    for (let start = 0; start < options.count; start += batchSize) {
      const rows = Array.from({ length: Math.min(batchSize, options.count - start) }, () => {
        const module = pick(modules);
        const kind = pick(module.kinds);
        const topic = pick(TOPICS);
        const lead = pick(orgRows);
        const englishName = chance(0.05) ? ` ${pick(ENGLISH)}` : "";
        const name = `${module.prefix}${pick(ADJECTIVES)}${topic}${englishName}${KIND_SUFFIX[kind] ?? "创新平台"}`;
        const fields = [
          ...new Set([
            pick(module.fields),
            ...(chance(0.5) ? [pick(EXTRA_FIELDS)] : []),
            ...(chance(0.2) ? [pick(module.fields)] : []),
          ]),
        ];
        const summary = chance(0.15)
          ? null
          : Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
              pick(SENTENCES)
                .replace("{topic}", topic)
                .replace("{field}", fields[0]!)
                .replace("{english}", pick(ENGLISH)),
            ).join("");
        const year = 2015 + Math.floor(random() * 12);
        const approvedOn = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
        const roll = random();
        const status = module.cultivating
          ? ("cultivating" as const)
          : roll < 0.85
            ? ("active" as const)
            : roll < 0.93
              ? ("rectifying" as const)
              : ("delisted" as const);
        const revokedOn =
          status === "delisted"
            ? `${Math.min(year + 2, 2026)}-12-${pad(1 + Math.floor(random() * 28))}`
            : null;
        const { searchText, searchGrams } = platformSearchColumns({
          name,
          leadUnitName: lead.name,
          fields,
          summary,
        });
        return {
          policy_id: module.policyId,
          kind,
          name,
          lead_org_id: lead.id,
          jurisdiction: module.jurisdiction,
          approved_on: approvedOn,
          fields,
          status,
          revoked_on: revokedOn,
          category:
            kind === "tech-innovation-center" && chance(0.7)
              ? pick(["comprehensive", "domain"] as const)
              : null,
          formation_mode:
            module.formationModes.length > 0 && chance(0.8) ? pick(module.formationModes) : null,
          summary,
          search_text: searchText,
          search_grams: searchGrams,
        };
      });
      // One JSON parameter per batch instead of ~15 per row: PGlite spends most of its time on parameters.
      const inserted = await tx.execute(sql`
        insert into ${platforms} (policy_id, kind, name, lead_org_id, jurisdiction, approved_on, fields, status,
          revoked_on, category, formation_mode, summary, search_text, search_grams)
        select policy_id, kind, name, lead_org_id, jurisdiction, approved_on, fields, status,
          revoked_on, category, formation_mode, summary, search_text, search_grams
        from json_to_recordset(${JSON.stringify(rows)}::json) as r(policy_id text, kind text, name text,
          lead_org_id uuid, jurisdiction text, approved_on date, fields jsonb, status text, revoked_on date,
          category text, formation_mode text, summary text, search_text text, search_grams text[])
        returning id`);
      ids.push(...(inserted as unknown as { rows: { id: string }[] }).rows.map((row) => row.id));
    }
    return ids;
  });
}
