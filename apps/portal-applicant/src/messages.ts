import type { SameKeys } from "@kechuang/ui";

export const applicantNamespace = "applicant";

export const applicantZhCN = {
  title: "我的申报",
  subtitle: "{{organization}}的申报材料与办理进度",
  subtitleNoOrganization: "本单位的申报材料与办理进度",
  start: "开始申报",
  column: {
    title: "申报名称",
    policy: "依据政策",
    kind: "平台类型",
    stage: "当前环节",
    updatedAt: "最近更新",
  },
  empty: {
    title: "还没有申报",
    hint: "先选择适用的建设政策和平台类型，再按提纲填写建设方案。",
  },
  newApplication: {
    title: "开始申报",
    subtitle: "选择依据的政策和要申报的平台类型",
    choose: "申报{{kind}}",
    back: "返回我的申报",
    noPolicies: "暂无可申报的政策",
    noPoliciesHint: "科技厅发布申报通知后，可在此开始申报。",
    draftSource: "征求意见稿",
    notYetOnline: "在线填写建设方案的功能尚未开放；请先按所选政策的编写提纲准备材料。",
  },
  signInRequired: "登录后查看本单位的申报",
  notFound: "页面不存在",
} as const;

export const applicantEn: SameKeys<typeof applicantZhCN> = {
  title: "My applications",
  subtitle: "Applications of {{organization}} and where each one stands",
  subtitleNoOrganization: "Your organization's applications and where each one stands",
  start: "Start an application",
  column: {
    title: "Title",
    policy: "Policy",
    kind: "Platform kind",
    stage: "Stage",
    updatedAt: "Last updated",
  },
  empty: {
    title: "No applications yet",
    hint: "Choose the policy and platform kind that apply, then write the construction plan along its outline.",
  },
  newApplication: {
    title: "Start an application",
    subtitle: "Choose the policy you apply under and the kind of platform",
    choose: "Apply for a {{kind}}",
    back: "Back to my applications",
    noPolicies: "No policy is open for applications",
    noPoliciesHint: "You can start here once the provincial authority publishes a call.",
    draftSource: "Draft for comment",
    notYetOnline:
      "Writing the construction plan online is not open yet; prepare it along the chosen policy's outline.",
  },
  signInRequired: "Sign in to see your organization's applications",
  notFound: "Page not found",
};
