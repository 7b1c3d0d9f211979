import type { LocalizedText } from "@kechuang/domain";

/** 四(一)–(八): the eight demonstration tasks; a zone picks one or more by id. */
export const demonstrationTasks = [
  {
    id: "civil-military-transfer",
    clause: "四(一)",
    name: { zh: "军民融合成果转移转化", en: "Civil-military results transfer" },
  },
  {
    id: "value-distribution-incentives",
    clause: "四(二)",
    name: {
      zh: "成果价值分配激励（职务成果权属混合所有制）",
      en: "Value-sharing incentives (mixed ownership of service inventions)",
    },
  },
  {
    id: "major-project-results",
    clause: "四(三)",
    name: { zh: "重大科技专项成果落地转化", en: "Landing results of major S&T projects" },
  },
  {
    id: "technology-market-trading",
    clause: "四(四)",
    name: { zh: "技术市场交易机制", en: "Technology market trading mechanisms" },
  },
  {
    id: "industry-academia-collaboration",
    clause: "四(五)",
    name: { zh: "产学研用协同创新成果转化", en: "Industry-academia-research-user collaboration" },
  },
  {
    id: "transfer-service-system",
    clause: "四(六)",
    name: { zh: "科技成果转化服务体系", en: "Transfer service system" },
  },
  {
    id: "enterprise-innovation-subject",
    clause: "四(七)",
    name: { zh: "企业成为创新主体和成果转化主体", en: "Enterprises as the main innovators and transferors" },
  },
  {
    id: "university-belt-transfer-zone",
    clause: "四(八)",
    name: { zh: "环高校院所成果转化区", en: "Transfer zones around universities and institutes" },
  },
] as const satisfies readonly { id: string; clause: string; name: LocalizedText }[];

export type DemonstrationTaskId = (typeof demonstrationTasks)[number]["id"];

/** 三(一)–(四): four conditions, each answered with evidence and judged by a reviewer. */
export const zoneConditions = [
  {
    id: "in-government-plans",
    clause: "三(一)",
    text: {
      zh: "地方政府高度重视，把促进科技成果转移转化有关工作纳入重要规划和计划",
      en: "The local government puts transfer work in its major plans",
    },
  },
  {
    id: "foundation-and-features",
    clause: "三(二)",
    text: {
      zh: "有较好的科技成果转移转化工作基础和突出的示范特色",
      en: "A good transfer foundation and distinctive demonstration features",
    },
  },
  {
    id: "policies-institutions-staff",
    clause: "三(三)",
    text: {
      zh: "出台较为完备的相关政策措施，有完善的技术转移服务机构和专业化的人才队伍",
      en: "Complete transfer policies, technology transfer service institutions and professional staff",
    },
  },
  {
    id: "demonstration-effect",
    clause: "三(四)",
    text: {
      zh: "科技与产业发展特色鲜明，能形成较好的示范效应",
      en: "Distinctive S&T and industry with a demonstration effect",
    },
  },
] as const;

/** 二(一): about fifteen provincial zones around one national core ("一核多极"). */
export const zoneLayout = {
  plannedProvincialZones: 15,
  plannedIsApproximate: true,
  pattern: { zh: "一核多极", en: "One core, many poles" },
  core: {
    name: {
      zh: "四川成德绵国家科技成果转移转化示范区",
      en: "Sichuan Chengdu-Deyang-Mianyang National S&T Results Transfer Demonstration Zone",
    },
    level: "national",
  },
} as const;

/** 二(二), 五(一): where a zone may be sited. */
export const siteTypeNames = {
  park: { zh: "各类园区", en: "Park" },
  "high-tech-base": { zh: "高新技术产业化基地", en: "High-tech industrialisation base" },
  "university-science-park": { zh: "大学科技园", en: "University science park" },
} as const satisfies Record<string, LocalizedText>;
