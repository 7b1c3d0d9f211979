import type { SameKeys } from "@kechuang/ui";

/** A zone's published replicable experiences on its public page: `experiences.*` in the public catalog. */
export const experiencesZhCN = {
  title: "可复制推广的经验做法",
  hint: "示范区凝练、经省科技厅审核发布的政策措施和经验做法（四川省科技成果转移转化示范区建设方案 五(五)）。",
  promoted: "省科技厅推广",
  publishedOn: "发布于 {{date}}",
  emptyTitle: "暂无已发布的经验做法",
  emptyHint: "示范区的经验做法经省科技厅审核发布后显示在这里。可先浏览其他示范区的经验做法。",
  emptyNext: "查看其他示范区",
} as const;

export const experiencesEn: SameKeys<typeof experiencesZhCN> = {
  title: "Replicable experiences",
  hint: "Policies and practices the zone distilled and the provincial department reviewed and published (Sichuan zone plan 五(五)).",
  promoted: "Promoted by the department",
  publishedOn: "Published {{date}}",
  emptyTitle: "No published experiences yet",
  emptyHint:
    "The zone's experiences appear here once the provincial department publishes them. Meanwhile, browse other zones' experiences.",
  emptyNext: "See other zones",
};
