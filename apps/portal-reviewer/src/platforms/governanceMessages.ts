import type { SameKeys } from "@kechuang/ui";

/** A platform's governance bodies and their history (issue 11): mounted as `governance.*` in the catalog. */
export const governanceZhCN = {
  title: "治理结构",
  current: "现任（{{date}}）",
  asOf: "任职情况查询日期",
  asOfHint: "选择日期，查看当日的理事会、委员会和主任",
  onDay: "{{date}} 的任职情况",
  clear: "回到现任",
  history: "任职记录",
  column: {
    body: "机构",
    name: "名称 / 姓名",
    organization: "所在单位",
    since: "起始日期",
    until: "终止日期",
    status: "状态",
  },
  status: { current: "当前", left: "已离任" },
  empty: "该平台尚无治理结构记录。批准时未登记理事会、委员会等信息的，由平台单位通过变更申请补充登记。",
  historyEmpty: "尚无任职记录",
} as const;

export const governanceEn: SameKeys<typeof governanceZhCN> = {
  title: "Governance",
  current: "Current ({{date}})",
  asOf: "Membership on",
  asOfHint: "Pick a day to see that day's board, committee and director",
  onDay: "Membership on {{date}}",
  clear: "Back to current",
  history: "Membership history",
  column: {
    body: "Body",
    name: "Name",
    organization: "Organization",
    since: "Since",
    until: "Until",
    status: "Status",
  },
  status: { current: "Current", left: "Left" },
  empty:
    "No governance records for this platform. If none were given at approval, the platform records them by filing a change.",
  historyEmpty: "No memberships recorded yet",
};
