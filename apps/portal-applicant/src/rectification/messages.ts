import type { SameKeys } from "@kechuang/ui";

/** The platform's side of a rectification: mounted as `rectification.*` in the applicant catalog. */
export const rectificationZhCN = {
  title: "整改",
  none: "本平台没有整改事项",
  noneHint: "评估评价不合格时，主管部门会要求整改，整改要求会显示在这里。",
  status: {
    open: "整改中",
    "response-submitted": "已提交整改报告",
    accepted: "整改通过",
    failed: "整改不合格",
  },
  startsOn: "整改开始",
  dueOn: "整改截止",
  reason: "评估结论",
  rule: "依据",
  response: "整改报告",
  responseHint: "说明整改措施和成效；提交后由主管部门在整改期满后重新评估。",
  submit: "提交整改报告",
  submitted: "整改报告已提交",
  required: "请填写整改报告",
  lastGrade: "最近评价结果",
  postSubsidy: "符合后补助支持条件",
  revoked: "平台已于{{date}}被撤销",
} as const;

export const rectificationEn: SameKeys<typeof rectificationZhCN> = {
  title: "Rectification",
  none: "No rectification for this platform",
  noneHint: "When an evaluation fails, the authority orders a rectification; it appears here.",
  status: {
    open: "Rectifying",
    "response-submitted": "Report submitted",
    accepted: "Accepted",
    failed: "Failed",
  },
  startsOn: "Started on",
  dueOn: "Due on",
  reason: "Evaluation findings",
  rule: "Rule",
  response: "Rectification report",
  responseHint: "Describe the measures and their effect; the authority re-evaluates once the period ends.",
  submit: "Submit the rectification report",
  submitted: "Rectification report submitted",
  required: "Enter the rectification report",
  lastGrade: "Latest result",
  postSubsidy: "Eligible for the post-subsidy",
  revoked: "The platform was revoked on {{date}}",
};
