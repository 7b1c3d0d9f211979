import type { SameKeys } from "@kechuang/ui";

export const publicNamespace = "public";

export const publicZhCN = {
  title: "已认定的创新平台",
  subtitle: "各地批准建设的技术创新中心与科技成果转移转化示范区",
  counts: {
    centers: "技术创新中心",
    zones: "转移转化示范区",
    jurisdictions: "覆盖地区",
    policies: "政策文件",
  },
  filter: { jurisdiction: "地区", kind: "平台类型", all: "全部", clear: "清除筛选" },
  column: {
    name: "名称",
    kind: "类型",
    jurisdiction: "地区",
    leadUnit: "牵头单位",
    approvedOn: "批准日期",
    fields: "重点领域",
  },
  empty: {
    noneTitle: "暂无已认定的平台",
    noneHint: "批准建设的平台会在公示结束后列在这里。可以先阅读各地的建设政策。",
    filteredTitle: "没有符合筛选条件的平台",
    filteredHint: "换一个地区或类型试试。",
    readPolicies: "查看建设政策",
  },
  policies: {
    title: "建设政策",
    status: { draft: "征求意见稿", "in-force": "现行有效", provisional: "暂行" },
    issuedBy: "{{issuer}} · {{date}}",
  },
  notFound: "页面不存在",
  backHome: "返回公共服务首页",
} as const;

export const publicEn: SameKeys<typeof publicZhCN> = {
  title: "Designated innovation platforms",
  subtitle:
    "Technology innovation centers and S&T achievement transfer demonstration zones approved by each jurisdiction",
  counts: {
    centers: "Innovation centers",
    zones: "Demonstration zones",
    jurisdictions: "Jurisdictions",
    policies: "Policies",
  },
  filter: { jurisdiction: "Jurisdiction", kind: "Platform kind", all: "All", clear: "Clear filters" },
  column: {
    name: "Name",
    kind: "Kind",
    jurisdiction: "Jurisdiction",
    leadUnit: "Lead unit",
    approvedOn: "Approved on",
    fields: "Key fields",
  },
  empty: {
    noneTitle: "No designated platforms yet",
    noneHint:
      "Approved platforms are listed here once their publicity period ends. Meanwhile, read each jurisdiction's policy.",
    filteredTitle: "No platform matches these filters",
    filteredHint: "Try another jurisdiction or kind.",
    readPolicies: "Read the policies",
  },
  policies: {
    title: "Policies",
    status: { draft: "Draft for comment", "in-force": "In force", provisional: "Provisional" },
    issuedBy: "{{issuer}} · {{date}}",
  },
  notFound: "Page not found",
  backHome: "Back to the public portal",
};
