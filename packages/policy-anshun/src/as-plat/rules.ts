import type { Citation, PlatformKind, PolicyRule } from "@kechuang/domain";

const SOURCE = "as-plat-2021";
const cite = (clause: string, quote: string): Citation => ({ source: SOURCE, clause, quote });
const platforms: readonly PlatformKind[] = ["city-platform"];

export const goalRule: PolicyRule = {
  id: "as-plat.goal",
  citation: cite("一(三)", "到2023年,相关省级及以上科技创新平台42个"),
  title: { zh: "到2023年省级及以上科技创新平台42个", en: "42 provincial-or-higher platforms by 2023" },
  appliesTo: platforms,
  implementedBy: "data",
};

export const targetsRule: PolicyRule = {
  id: "as-plat.targets",
  citation: cite("附件", "2020年基期值(累计达到)"),
  title: {
    zh: "分类型年度目标值及责任部门",
    en: "Cumulative targets per type and year, with responsible departments",
  },
  appliesTo: platforms,
  implementedBy: "data",
};

export const tiersRule: PolicyRule = {
  id: "as-plat.tiers",
  citation: cite(
    "一(二)",
    "争创国家级科技创新平台为引领,争取省级科技创新平台建设为重点,市级科技创新平台建设为支撑",
  ),
  title: { zh: "平台层级：国家级、省级、市级", en: "Platform tiers: national, provincial, city" },
  appliesTo: platforms,
  implementedBy: "data",
};

export const poolRule: PolicyRule = {
  id: "as-plat.pool",
  citation: cite("二(二)", "建立科技创新平台培育库"),
  title: {
    zh: "科技创新平台培育库：入库、培训、指导创建",
    en: "Cultivation pool: entry, training, guidance to recognition",
  },
  appliesTo: platforms,
  implementedBy: "workflow",
};

export const talentRule: PolicyRule = {
  id: "as-plat.talent",
  citation: cite("二(五)", "确保形成“一位领军人才+一个人才团队”的架构"),
  title: { zh: "“一位领军人才+一个人才团队”", en: "One leading talent plus one talent team" },
  appliesTo: platforms,
  implementedBy: "checklist",
  prompt: {
    zh: "平台是否已形成“一位领军人才+一个人才团队”的架构？请记录领军人才姓名、团队规模及引进或培养方式。",
    en: "Does the platform have one leading talent and one talent team? Record the leader, the team size and how they were recruited or trained.",
  },
};

export const jointMeetingRule: PolicyRule = {
  id: "as-plat.joint-meeting",
  citation: cite("三(一)", "由市政府分管科技领导同志为联席会议召集人"),
  title: { zh: "市级科技创新平台建设联席会议", en: "City joint meeting on platform building" },
  appliesTo: platforms,
  implementedBy: "data",
};

export const asPlatRules: readonly PolicyRule[] = [
  goalRule,
  targetsRule,
  tiersRule,
  poolRule,
  talentRule,
  jointMeetingRule,
];
