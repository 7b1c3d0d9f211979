import type { LocalizedText, OutlineSection, PlanOutline } from "@kechuang/domain";
import { nmRules } from "./rules";

/** A leaf section is one required long text; the 附件 gives headings only, no further fields. */
const leaf = (number: string, id: string, title: LocalizedText): OutlineSection => ({
  number,
  id,
  title,
  fields: [{ id: "content", label: title, type: "longtext", required: true }],
});

/**
 * 附件 实施方案编写提纲(参考). The source numbers the sub-items of 三 as (五)–(九), continuing from 二's
 * (一)–(四); the numbers are kept as printed.
 */
export const nmOutline: PlanOutline = {
  ruleId: nmRules.outline.id,
  sections: [
    leaf("一", "significance", { zh: "建设意义", en: "Significance" }),
    {
      number: "二",
      id: "foundation",
      title: { zh: "建设基础", en: "Foundation" },
      fields: [],
      children: [
        leaf("(一)", "industry-base", { zh: "产业基础", en: "Industrial base" }),
        leaf("(二)", "platform-base", { zh: "平台基础", en: "Platform base" }),
        leaf("(三)", "talent-base", { zh: "人才基础", en: "Talent base" }),
        leaf("(四)", "regional-advantage", { zh: "地区优势", en: "Regional advantages" }),
      ],
    },
    {
      number: "三",
      id: "tasks",
      title: { zh: "建设任务", en: "Construction tasks" },
      fields: [],
      children: [
        leaf("(五)", "positioning", { zh: "建设定位", en: "Positioning" }),
        leaf("(六)", "goals", { zh: "建设目标", en: "Goals" }),
        leaf("(七)", "formation-mode", { zh: "组建模式", en: "Formation mode" }),
        leaf("(八)", "operation", { zh: "运行管理", en: "Operation and management" }),
        leaf("(九)", "framework", { zh: "中心框架", en: "Center framework" }),
      ],
    },
    leaf("四", "funding", { zh: "经费投入", en: "Funding" }),
    leaf("五", "timeline", { zh: "进度安排", en: "Timeline" }),
    leaf("六", "safeguards", { zh: "保障措施", en: "Safeguards" }),
  ],
};
