import type { SameKeys } from "../i18n/messages";
import type { Locale } from "../portal";

/**
 * The governance view's words. The component takes its locale as a prop (it renders inside any portal and in
 * change previews), so it reads this small catalog directly instead of a portal's namespace.
 */
const zh = {
  leadUnit: "牵头单位",
  coBuildUnits: "共建单位",
  board: "理事会",
  director: "主任",
  chair: "主任委员",
  members: "委员",
  none: "未登记",
  noMembers: "暂无成员",
  name: "姓名",
  organization: "所在单位",
  affiliation: "来自",
  expertise: "专业",
  fullTime: "全职",
  partTime: "兼职",
  monthsPerYear: "每年在中心工作 {{months}} 个月",
  isDirector: "中心主任",
  committee: "委员会",
  affiliationOption: { "lead-unit": "牵头单位", "co-build-unit": "共建单位", external: "外单位" },
  expertiseOption: {
    technical: "技术",
    management: "管理",
    policy: "科技政策",
    legal: "法律",
    finance: "财务税务",
    economic: "经济",
  },
  committeeKind: { "expert-committee": "专家委员会", "tech-guidance-committee": "技术指导委员会" },
  organizationType: {
    enterprise: "企业",
    university: "高校",
    "research-institute": "科研院所",
    "new-rd-institution": "新型研发机构",
    government: "政府部门",
  },
};

const en: SameKeys<typeof zh> = {
  leadUnit: "Lead unit",
  coBuildUnits: "Co-build units",
  board: "Board",
  director: "Director",
  chair: "Chair",
  members: "Members",
  none: "Not recorded",
  noMembers: "No members",
  name: "Name",
  organization: "Organization",
  affiliation: "From",
  expertise: "Expertise",
  fullTime: "Full-time",
  partTime: "Part-time",
  monthsPerYear: "{{months}} months a year at the center",
  isDirector: "Center director",
  committee: "Committee",
  affiliationOption: { "lead-unit": "Lead unit", "co-build-unit": "Co-build unit", external: "External" },
  expertiseOption: {
    technical: "Technical",
    management: "Management",
    policy: "S&T policy",
    legal: "Legal",
    finance: "Finance and tax",
    economic: "Economics",
  },
  committeeKind: {
    "expert-committee": "Expert committee",
    "tech-guidance-committee": "Technical guidance committee",
  },
  organizationType: {
    enterprise: "Enterprise",
    university: "University",
    "research-institute": "Research institute",
    "new-rd-institution": "New R&D institution",
    government: "Government",
  },
};

export const governanceMessages = { "zh-CN": zh, en } as const satisfies Record<Locale, SameKeys<typeof zh>>;
export type GovernanceMessages = SameKeys<typeof zh>;
