import type { LocalizedText } from "@kechuang/domain";

/** 一(二): national platforms lead, provincial ones are the focus, city ones the base to cultivate upward. */
export const platformTiers = [
  { id: "national", name: { zh: "国家级", en: "National" }, role: { zh: "引领", en: "Lead" } },
  { id: "provincial", name: { zh: "省级", en: "Provincial" }, role: { zh: "重点", en: "Focus" } },
  {
    id: "city",
    name: { zh: "市级", en: "City" },
    role: { zh: "支撑", en: "Base" },
    cultivatedToward: ["provincial", "national"],
  },
] as const;

/**
 * 二(二): the pool's life after entry. Entry is the application workflow; training and guidance toward
 * recognition are recorded against the pooled platform.
 */
export const cultivationPool = {
  phases: [
    {
      id: "entry",
      name: { zh: "入库", en: "Entry" },
      quote: "积极组织符合条件的创新平台入库",
    },
    {
      id: "training",
      name: { zh: "专题培训和政策宣传", en: "Training and policy briefings" },
      quote: "对入库的创新平台开展专题培训和政策宣传",
    },
    {
      id: "recognition",
      name: {
        zh: "指导创建国家、省市级平台",
        en: "Guidance toward national, provincial or city recognition",
      },
      quote: "指导入库的创新平台创建国家、省市级科技创新平台",
    },
  ],
  /** Platform types the pool cultivates (二(二)). */
  cultivatedTypes: [
    { zh: "重点实验室", en: "Key laboratory" },
    { zh: "工程技术(研究)中心", en: "Engineering technology (research) center" },
    { zh: "企业技术中心", en: "Enterprise technology center" },
    { zh: "新型研发机构", en: "New R&D institution" },
    { zh: "院士工作站", en: "Academician workstation" },
    { zh: "博士后工作站", en: "Postdoctoral workstation" },
  ],
} as const;

/** 二(五). */
export const talentAim = {
  leadingTalents: 1,
  talentTeams: 1,
  text: { zh: "一位领军人才+一个人才团队", en: "One leading talent plus one talent team" },
} as const;

/**
 * 三(一): members are the deputy heads in charge (分管负责人) of the listed departments and of the
 * universities and institutes, not the departments' principal heads.
 */
export const jointMeeting = {
  name: { zh: "市级科技创新平台建设联席会议", en: "City joint meeting on S&T innovation platform building" },
  convener: { zh: "市政府分管科技领导同志", en: "The city government leader in charge of S&T" },
  deputyConvener: { zh: "市科技局主要负责人", en: "The head of the City S&T Bureau" },
  // Named as the source abbreviates them (市科技、发改、工信、农业农村、卫健、教育等部门及高校科技院所).
  members: [
    { zh: "市科技部门分管负责人", en: "Deputy head in charge, S&T" },
    { zh: "市发改部门分管负责人", en: "Deputy head in charge, development and reform" },
    { zh: "市工信部门分管负责人", en: "Deputy head in charge, industry and IT" },
    { zh: "市农业农村部门分管负责人", en: "Deputy head in charge, agriculture and rural affairs" },
    { zh: "市卫健部门分管负责人", en: "Deputy head in charge, health" },
    { zh: "市教育部门分管负责人", en: "Deputy head in charge, education" },
    { zh: "高校科技院所分管负责人", en: "Deputy heads in charge, universities and research institutes" },
  ],
  duties: {
    zh: "统筹全市创新平台的规划和布局，加强科技创新统筹协调和督导，协调推进解决科技创新平台建设中的突出问题",
    en: "Plans the city's platform layout, coordinates and supervises, and resolves pressing problems in platform building",
  },
} as const satisfies { members: readonly LocalizedText[] } & Record<string, unknown>;
