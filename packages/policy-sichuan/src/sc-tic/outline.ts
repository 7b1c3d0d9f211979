import type { PlanOutline } from "@kechuang/domain";
import { stagesRule } from "./rules";

/**
 * Sichuan publishes no outline. This short one follows what 六(一) asks the intent to state (领域和方向、
 * 建设模式、重点任务) plus the governance (五(一)(二)) and funding (五(五)) the guide requires.
 */
export const scTicOutline: PlanOutline = {
  ruleId: stagesRule.id,
  sections: [
    {
      number: "一",
      id: "field-direction",
      title: { zh: "领域和方向", en: "Field and direction" },
      fields: [
        { id: "field", label: { zh: "重点建设领域", en: "Key field" }, type: "text", required: true },
        {
          id: "direction",
          label: { zh: "技术创新方向", en: "Innovation direction" },
          type: "longtext",
          required: true,
        },
      ],
    },
    {
      number: "二",
      id: "formation-mode",
      title: { zh: "建设模式", en: "Formation mode" },
      fields: [
        {
          id: "mode",
          label: { zh: "组建模式", en: "Formation mode" },
          type: "text",
          required: true,
          help: {
            zh: "龙头企业牵头；多家骨干企业联合高校院所（平台型公司或产业技术创新战略联盟）；高校、科研院所牵头（三(二)）",
            en: "Leading enterprise; several enterprises with universities/institutes (platform company or alliance); university or institute led (三(二))",
          },
        },
        {
          id: "partners",
          label: { zh: "共建单位及分工", en: "Co-building units and roles" },
          type: "longtext",
          required: true,
        },
      ],
    },
    {
      number: "三",
      id: "key-tasks",
      title: { zh: "重点任务", en: "Key tasks" },
      fields: [
        {
          id: "tasks",
          label: { zh: "重点建设任务", en: "Key construction tasks" },
          type: "longtext",
          required: true,
        },
        {
          id: "targets",
          label: { zh: "三年建设目标", en: "Three-year targets" },
          type: "longtext",
          required: true,
        },
      ],
    },
    {
      number: "四",
      id: "governance",
      title: { zh: "治理结构", en: "Governance" },
      fields: [
        {
          id: "legalStatus",
          label: { zh: "法律地位", en: "Legal status" },
          type: "longtext",
          required: true,
        },
        {
          id: "bodies",
          label: {
            zh: "董事会（理事会）、专家委员会及主任负责制",
            en: "Board, expert committee and director",
          },
          type: "longtext",
          required: true,
        },
      ],
    },
    {
      number: "五",
      id: "funding",
      title: { zh: "资金投入", en: "Funding" },
      fields: [
        {
          id: "fundingMode",
          label: {
            zh: "投入方式（会员制、股份制、协议制等）",
            en: "Funding mode (membership, shares, agreement)",
          },
          type: "text",
          required: true,
        },
        {
          id: "totalInvestment",
          label: { zh: "总投入（元）", en: "Total investment (CNY)" },
          type: "cny",
          required: true,
        },
        {
          id: "enterpriseInvestment",
          label: { zh: "企业投入（元）", en: "Enterprise investment (CNY)" },
          type: "cny",
          required: true,
        },
      ],
    },
  ],
};
