import type { LocalizedText } from "./common";
import type { FormationMode, OrganizationType, PlatformKind } from "./facts";

/** Display names of the shared vocabulary (POLICIES.md "Shared vocabulary"). */
export const platformKindLabels: Record<PlatformKind, LocalizedText> = {
  "tech-innovation-center": { zh: "技术创新中心", en: "technology innovation center" },
  "transfer-demonstration-zone": {
    zh: "科技成果转移转化示范区",
    en: "S&T achievement transfer demonstration zone",
  },
  "city-platform": { zh: "科技创新平台", en: "S&T innovation platform" },
};

export const formationModeLabels: Record<FormationMode, LocalizedText> = {
  "leading-enterprise": { zh: "龙头企业牵头", en: "Led by a leading enterprise" },
  "enterprise-alliance": {
    zh: "骨干企业联合高校院所",
    en: "Enterprise alliance with universities and institutes",
  },
  "academia-led": { zh: "高校、科研院所牵头", en: "Led by a university or research institute" },
};

export const organizationTypeLabels: Record<OrganizationType, LocalizedText> = {
  enterprise: { zh: "企业", en: "Enterprise" },
  university: { zh: "高等学校", en: "University" },
  "research-institute": { zh: "科研院所", en: "Research institute" },
  "new-rd-institution": { zh: "新型研发机构", en: "New R&D institution" },
  government: { zh: "政府部门", en: "Government body" },
};
