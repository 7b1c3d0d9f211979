import type { SameKeys } from "@kechuang/ui";

/** Export buttons: mounted as `exports.*` in the reviewer catalog. */
export const exportsZhCN = {
  csv: "导出 CSV",
  xlsx: "导出 Excel",
  hint: "按当前筛选条件导出",
  list: { "annual-reports": "年度报告", "evaluation-results": "评估结果", rectifications: "整改记录" },
} as const;

export const exportsEn: SameKeys<typeof exportsZhCN> = {
  csv: "Export CSV",
  xlsx: "Export Excel",
  hint: "Exports what the filters on screen show",
  list: {
    "annual-reports": "Annual reports",
    "evaluation-results": "Evaluation results",
    rectifications: "Rectifications",
  },
};
