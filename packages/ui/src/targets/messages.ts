import type { SameKeys } from "../i18n/messages";
import type { Locale } from "../portal";

/**
 * The targets figures' words (Anshun's 附件, issue 11). Shared by the reviewer dashboard and the public page,
 * so, like the governance view, the component reads this catalog by its locale prop.
 */
const zh = {
  year: "年份",
  yearSelect: "选择年份",
  byType: "{{year}} 年各类平台目标与实际（累计）",
  byYear: "各年度目标与实际合计（累计）",
  chartLabel: "{{title}}（图表，数据见下表）",
  tableCaption: "{{title}}：数据表",
  type: "平台类型",
  target: "目标",
  actual: "实际",
  status: "进度",
  behind: "滞后",
  met: "已达标",
  notBegun: "未到年份",
  growth: "目标增速：文件所列与按目标计算",
  growthHint:
    "“文件所列”为行动计划附件所列年均增速；“按目标计算”由附件自身的 {{base}} 年基数和 {{last}} 年目标按复合增长计算。两者不一致处已标出。",
  stated: "文件所列年均增速",
  computed: "按目标计算年均增速",
  differs: "不一致",
  responsible: "责任单位",
  behindTypes: "{{year}} 年滞后的平台类型",
  noneBehind: "{{year}} 年各类平台均已达标",
  countedTiers: "实际数为已登记国家级、省级认定且未撤销的平台（市级认定不计入）。",
  downloads: "下载数据",
  csv: "CSV",
  xlsx: "Excel",
  jointMeeting: "联席会议",
  seat: "席位",
  member: "现任成员",
  department: "单位",
  since: "任职起",
  vacant: "暂无登记成员",
  actions: "操作",
};

const en: SameKeys<typeof zh> = {
  year: "Year",
  yearSelect: "Choose a year",
  byType: "Target and actual per platform type, {{year}} (cumulative)",
  byYear: "Total target and actual per year (cumulative)",
  chartLabel: "{{title}} (chart; the numbers are in the table below)",
  tableCaption: "{{title}}: data table",
  type: "Platform type",
  target: "Target",
  actual: "Actual",
  status: "Progress",
  behind: "Behind",
  met: "Met",
  notBegun: "Not yet",
  growth: "Growth of the targets: stated and computed",
  growthHint:
    "“Stated” is the average annual growth the plan's annex gives; “computed” is the compound growth from the annex's own {{base}} base to its {{last}} target. Where they differ, it is flagged.",
  stated: "Stated annual growth",
  computed: "Computed annual growth",
  differs: "Differs",
  responsible: "Responsible",
  behindTypes: "Types behind in {{year}}",
  noneBehind: "Every type met its {{year}} target",
  countedTiers:
    "Actuals are platforms recorded with a national or provincial recognition and not revoked (city recognitions do not count).",
  downloads: "Download the data",
  csv: "CSV",
  xlsx: "Excel",
  jointMeeting: "Joint meeting",
  seat: "Seat",
  member: "Current member",
  department: "Department",
  since: "Since",
  vacant: "No member recorded",
  actions: "Actions",
};

export const targetsViewMessages = { "zh-CN": zh, en } as const satisfies Record<Locale, SameKeys<typeof zh>>;
export type TargetsViewMessages = SameKeys<typeof zh>;

/** `{{name}}` placeholders filled in (the catalog is read directly, not through i18next). */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ""));
