export { cultivationPool, jointMeeting, platformTiers, talentAim } from "./as-plat/data";
export { asPlat2021, PLATFORM_GOAL_2023 } from "./as-plat/module";
export {
  actualAnnualGrowth,
  type GrowthComparison,
  growthComparison,
  type PlatformTypeTarget,
  platformTargets,
  type TargetProgress,
  type TargetYear,
  targetProgress,
  targetTotals,
  targetYears,
} from "./as-plat/targets";
