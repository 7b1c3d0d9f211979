import type { PolicyModule } from "@kechuang/domain";
import { scZoneSourceConflicts } from "./conflicts";
import { demonstrationTasks, siteTypeNames, zoneConditions, zoneLayout } from "./data";
import { scZoneOutline } from "./outline";
import { annualReportRule, outcomesRule, scZoneRules, stagesRule } from "./rules";
import { DEMONSTRATION_PERIOD_MONTHS, scZoneSchedule, scZoneSettings } from "./schedule";
import { scZoneSource } from "./source";
import { scZoneWorkflow } from "./workflow";

export const scZone2018: PolicyModule = {
  id: "sc-zone-2018",
  source: scZoneSource,
  jurisdiction: { code: "510000", name: { zh: "四川省", en: "Sichuan Province" }, level: "province" },
  kinds: ["transfer-demonstration-zone"],
  // Zones are defined by their demonstration tasks, not by key fields: see extras.demonstrationTasks.
  fields: [],
  workflow: scZoneWorkflow,
  outline: scZoneOutline,
  rules: scZoneRules,
  // 五(二) asks for an expert group without naming its make-up.
  panel: { ruleId: stagesRule.id, requiredExpertise: [] },
  schedule: scZoneSchedule,
  // 五(四) and 六(三) date the final evaluation differently: both shown, 六(三) applied (see conflicts.ts).
  sourceConflicts: scZoneSourceConflicts,
  // 五(四) "每年12月底以前,示范区将年度建设情况书面报科技厅", with the zone's own indicators (sc-zone.indicators).
  annualReport: {
    ruleId: annualReportRule.id,
    sections: [
      { id: "constructionProgress", title: { zh: "年度建设情况", en: "The year's construction progress" } },
    ],
    recommenderChecks: false,
    indicators: true,
  },
  evaluation: {
    ruleId: outcomesRule.id,
    rectificationRuleId: outcomesRule.id,
    grades: [
      {
        id: "continued-support",
        name: { zh: "后续支持", en: "Continued support" },
        consequence: "continued-support",
      },
      { id: "rectification", name: { zh: "整改", en: "Rectification" }, consequence: "rectification" },
      { id: "revocation", name: { zh: "撤销", en: "Revocation" }, consequence: "revocation" },
    ],
  },
  settings: scZoneSettings,
  factChoices: { demonstrationTasks },
  extras: {
    layout: zoneLayout,
    demonstrationTasks,
    conditions: zoneConditions,
    siteTypes: siteTypeNames,
    demonstrationPeriodMonths: DEMONSTRATION_PERIOD_MONTHS,
  },
};
