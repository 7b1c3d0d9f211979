import type { PlanOutline } from "@kechuang/domain";
import { conditionsRule } from "./rules";

/**
 * The source has no outline; this one asks the city bureau for what the guide judges: the four conditions
 * (三), the chosen demonstration tasks (四), the indicator system (五(四)) and the replicable practices the
 * zone aims to distil (五(五)).
 */
export const scZoneOutline: PlanOutline = {
  ruleId: conditionsRule.id,
  sections: [
    {
      number: "一",
      id: "conditions",
      title: { zh: "建设条件", en: "Conditions" },
      fields: [
        {
          id: "site",
          label: { zh: "依托载体及其基础", en: "Site and its foundation" },
          type: "longtext",
          required: true,
        },
        {
          id: "plans",
          label: { zh: "纳入地方重要规划和计划情况", en: "Place in local plans" },
          type: "longtext",
          required: true,
        },
        {
          id: "foundation",
          label: { zh: "工作基础和示范特色", en: "Foundation and features" },
          type: "longtext",
          required: true,
        },
        {
          id: "policiesAndInstitutions",
          label: {
            zh: "政策措施、技术转移服务机构和人才队伍",
            en: "Policies, service institutions and staff",
          },
          type: "longtext",
          required: true,
        },
        {
          id: "demonstrationEffect",
          label: { zh: "科技与产业特色及示范效应", en: "S&T and industry features" },
          type: "longtext",
          required: true,
        },
      ],
    },
    {
      number: "二",
      id: "tasks",
      title: { zh: "重点示范任务", en: "Demonstration tasks" },
      fields: [
        {
          id: "tasks",
          label: { zh: "所选示范任务及实施内容", en: "Chosen tasks and how" },
          type: "longtext",
          required: true,
        },
      ],
    },
    {
      number: "三",
      id: "indicators",
      title: { zh: "建设指标体系", en: "Indicator system" },
      fields: [
        {
          id: "indicators",
          label: { zh: "指标及三年目标值", en: "Indicators and 3-year targets" },
          type: "longtext",
          required: true,
        },
      ],
    },
    {
      number: "四",
      id: "promotion",
      title: { zh: "先行先试与示范推广", en: "Pilots and promotion" },
      fields: [
        {
          id: "practices",
          label: { zh: "拟形成的可复制推广经验", en: "Practices to be replicated" },
          type: "longtext",
          required: false,
        },
      ],
    },
  ],
};
