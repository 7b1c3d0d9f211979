import type { PolicyModule } from "@kechuang/domain";
import { cultivationPool, jointMeeting, platformTiers, talentAim } from "./data";
import { asPlatOutline } from "./outline";
import { asRecommendation } from "./recommenders";
import { asPlatRules } from "./rules";
import { asPlatSource } from "./source";
import { growthComparison, platformTargets, targetTotals } from "./targets";
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
  extras: {
    goal: { year: 2023, provincialOrHigher: PLATFORM_GOAL_2023 },
    targets: platformTargets,
    totals: targetTotals(),
    growth: growthComparison(),
    tiers: platformTiers,
    cultivationPool,
    talentAim,
    jointMeeting,
  },
};
