import type { SameKeys } from "@kechuang/ui";

export const reviewerNamespace = "reviewer";

export const reviewerZhCN = {
  title: "待我处理",
  subtitle: "{{role}} · 按等待时间从长到短排列",
  refresh: "刷新",
  column: {
    title: "申报名称",
    organization: "申报单位",
    policy: "依据政策",
    stage: "当前环节",
    waitingSince: "送达时间",
    waited: "已等待",
  },
  empty: {
    title: "暂无待处理事项",
    hint: "新的申报送达时会出现在这里。",
  },
  noQueue: {
    title: "您的角色没有评审待办",
    hintApplicant: "申报单位的申报材料和进度在“申报”中查看。",
    nextApplicant: "前往我的申报",
    hintAdmin: "管理员的账号、安全与审计功能在管理控制台中，不在评审待办里。",
    nextAdmin: "浏览公共服务",
  },
  signInRequired: "登录后查看待您处理的事项",
  overdue: "等待超过 {{days}} 天",
} as const;

export const reviewerEn: SameKeys<typeof reviewerZhCN> = {
  title: "Waiting for me",
  subtitle: "{{role}} · longest waiting first",
  refresh: "Refresh",
  column: {
    title: "Title",
    organization: "Applicant",
    policy: "Policy",
    stage: "Stage",
    waitingSince: "Arrived",
    waited: "Waited",
  },
  empty: {
    title: "Nothing is waiting for you",
    hint: "New items appear here as soon as they reach you.",
  },
  noQueue: {
    title: "Your role has no review queue",
    hintApplicant: "Applicants follow their applications under Apply.",
    nextApplicant: "Go to my applications",
    hintAdmin: "Administrators manage accounts, security and the audit trail in the administration console.",
    nextAdmin: "Browse the public portal",
  },
  signInRequired: "Sign in to see what is waiting for you",
  overdue: "Waiting more than {{days}} days",
};
