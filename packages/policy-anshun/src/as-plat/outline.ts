import type { PlanOutline } from "@kechuang/domain";
import { poolRule } from "./rules";

/**
 * The plan publishes no outline. The pool-entry form asks for what the plan expects of a pooled platform:
 * its type and the recognition it aims for (二(二)), the "一位领军人才+一个人才团队" architecture (二(五)),
 * its research directions and partners (二(三)(四)) and its transfer work (二(八)).
 */
export const asPlatOutline: PlanOutline = {
  ruleId: poolRule.id,
  sections: [
    {
      number: "一",
      id: "platform",
      title: { zh: "平台基本情况", en: "The platform" },
      fields: [
        { id: "platformType", label: { zh: "平台类型", en: "Platform type" }, type: "text", required: true },
        { id: "currentTier", label: { zh: "现有层级", en: "Current tier" }, type: "text", required: true },
        {
          id: "targetRecognition",
          label: { zh: "拟创建的国家级或省级平台", en: "National or provincial recognition sought" },
          type: "text",
          required: true,
        },
      ],
    },
    {
      number: "二",
      id: "talent",
      title: { zh: "人才架构", en: "Talent" },
      fields: [
        {
          id: "leadingTalent",
          label: { zh: "领军人才", en: "Leading talent" },
          type: "text",
          required: true,
        },
        { id: "teamSize", label: { zh: "人才团队人数", en: "Team size" }, type: "number", required: true },
      ],
    },
    {
      number: "三",
      id: "research",
      title: { zh: "研发方向与协同创新", en: "Research and collaboration" },
      fields: [
        {
          id: "directions",
          label: { zh: "主要研发方向", en: "Main research directions" },
          type: "longtext",
          required: true,
        },
        {
          id: "partners",
          label: { zh: "合作高校、科研院所和企业", en: "Partner universities, institutes and enterprises" },
          type: "longtext",
          required: false,
        },
      ],
    },
    {
      number: "四",
      id: "transfer",
      title: { zh: "成果转化与公共服务", en: "Transfer and public services" },
      fields: [
        {
          id: "transfer",
          label: { zh: "成果转化情况", en: "Results transferred" },
          type: "longtext",
          required: false,
        },
        {
          id: "rdInvestment",
          label: { zh: "上年研发投入（元）", en: "Last year's R&D spending (CNY)" },
          type: "cny",
          required: false,
        },
      ],
    },
  ],
};
