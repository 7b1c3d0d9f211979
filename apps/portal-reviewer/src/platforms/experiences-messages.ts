import type { SameKeys } from "@kechuang/ui";

/** Reviewing a zone's replicable experiences (sc-zone 五(五)): mounted as `experiences.*` in the catalog. */
export const experiencesZhCN = {
  title: "可复制推广的经验做法",
  rule: "依据",
  none: "该示范区暂无待审核的经验做法。示范区提交后会显示在这里，可审核发布或退回修改。",
  summary: "已发布 {{published}} 项（其中省科技厅推广 {{promoted}} 项），待审核 {{submitted}} 项",
  submittedAt: "提交于 {{date}}",
  promote: "向全省推广",
  publish: "审核发布",
  published: "已发布",
  return: "退回修改",
  returned: "已退回",
  reason: "退回原因",
  reasonRequired: "请填写退回原因，示范区将据此修改",
  confirmReturn: "确认退回",
  cancel: "取消",
} as const;

export const experiencesEn: SameKeys<typeof experiencesZhCN> = {
  title: "Replicable experiences",
  rule: "Basis",
  none: "No experiences await review. Once the zone submits one it appears here to publish or return.",
  summary: "{{published}} published ({{promoted}} promoted by the department), {{submitted}} awaiting review",
  submittedAt: "Submitted {{date}}",
  promote: "Promote province-wide",
  publish: "Publish",
  published: "Published",
  return: "Return for revision",
  returned: "Returned",
  reason: "Reason for returning",
  reasonRequired: "Give the reason; the zone revises along it",
  confirmReturn: "Return",
  cancel: "Cancel",
};
