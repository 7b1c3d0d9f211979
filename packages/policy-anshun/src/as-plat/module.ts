import type { PolicyModule } from "@kechuang/domain";
import { cultivationPool, jointMeeting, platformTiers, talentAim } from "./data";
import { asPlatOutline } from "./outline";
import { asRecommendation } from "./recommenders";
import { asPlatRules } from "./rules";
import { asPlatSource } from "./source";
import { BASE_YEAR, platformTargets, targetYears } from "./targets";
import { asPlatWorkflow } from "./workflow";

/** 一(三): "到2023年,相关省级及以上科技创新平台42个". */
export const PLATFORM_GOAL_2023 = 42;

export const asPlat2021: PolicyModule = {
  id: "as-plat-2021",
  source: asPlatSource,
  jurisdiction: { code: "520400", name: { zh: "安顺市", en: "Anshun City" }, level: "city" },
  kinds: ["city-platform"],
  fields: [
    {
      orientation: { zh: "围绕“四化”发展", en: "The four modernisations" },
      fields: ["新型工业化", "新型城镇化", "农业现代化", "旅游产业化"],
    },
    {
      orientation: { zh: "“两张名片”", en: "The city's two calling cards" },
      fields: ["军民融合", "康养旅游"],
    },
  ],
  workflow: asPlatWorkflow,
  recommendation: asRecommendation,
  outline: asPlatOutline,
  rules: asPlatRules,
  // The action plan sets targets, not a reporting calendar: no annual reports or evaluations to schedule.
  schedule: () => [],
  settings: [],
  register: {
    statusOnApproval: "cultivating",
    localSetting: {
      zh: "二(二)只规定“积极组织符合条件的创新平台入库”，未规定入库程序；本系统将审批通过视为入库，入库平台在公开名录中标为“培育库”，不列入已认定平台名单。",
      en: "2(2) only says eligible platforms are to be brought into the pool, without an entry procedure; here approval is entry, and pool entries appear in the public directory as cultivating, not in the register of approved platforms.",
    },
  },
  targets: {
    ruleId: "as-plat.targets",
    baseYear: BASE_YEAR,
    years: targetYears.filter((year) => year !== BASE_YEAR),
    // 一(三) counts 省级及以上: city recognitions are recorded but cultivate toward the targets, not into them.
    countedTiers: ["national", "provincial"],
    types: platformTargets,
  },
  jointMeeting: {
    ruleId: "as-plat.joint-meeting",
    name: jointMeeting.name,
    seats: [
      { id: "convener", position: "convener", title: jointMeeting.convener },
      { id: "deputy-convener", position: "deputy-convener", title: jointMeeting.deputyConvener },
      ...jointMeeting.members.map((title, i) => ({
        id: `member-${i + 1}`,
        position: "member" as const,
        title,
      })),
    ],
    duties: jointMeeting.duties,
  },
  extras: {
    goal: { year: 2023, provincialOrHigher: PLATFORM_GOAL_2023 },
    tiers: platformTiers,
    cultivationPool,
    talentAim,
  },
};
