import type { EChartOption } from "@kechuang/ui";

/** One bar or slice: what the chart draws and its table twin lists. */
export interface StatRow {
  key: string;
  label: string;
  count: number;
  /** The directory filtered to this row, when such a filter exists. */
  href?: string;
}

/**
 * Bars for categories. Long Chinese names (jurisdictions, fields) read better as horizontal bars, listed
 * top-down in the table's order; years stay vertical, oldest on the left.
 */
export function barOption(rows: readonly StatRow[], seriesName: string, horizontal: boolean): EChartOption {
  const labels = rows.map((row) => row.label);
  const counts = rows.map((row) => row.count);
  const category = { type: "category" as const, data: horizontal ? [...labels].reverse() : labels };
  const value = { type: "value" as const, minInterval: 1 };
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [
      {
        type: "bar",
        name: seriesName,
        data: horizontal ? [...counts].reverse() : counts,
        label: { show: true, position: horizontal ? "right" : "top" },
      },
    ],
  } as EChartOption;
}

/** Shares of a whole (kind, status): few slices, each labelled with its count. */
export function pieOption(rows: readonly StatRow[], seriesName: string): EChartOption {
  return {
    tooltip: { trigger: "item" },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        name: seriesName,
        radius: ["35%", "65%"],
        data: rows.map((row) => ({ name: row.label, value: row.count })),
        // Counts only: the legend names the slices, and long names would be cut off on a phone.
        label: { formatter: "{c}" },
      },
    ],
  };
}

/** Chart height that gives each horizontal bar room for its label. */
export const barHeight = (rows: number): number => Math.max(200, 40 + rows * 32);

/**
 * The drawing's spoken description, from the same rows as the table ("按地区：四川省 4，湖南省 2"): ECharts'
 * generated one reads a horizontal bar's value as "4，3" (value and position), which says nothing.
 */
export function chartDescription(title: string, rows: readonly StatRow[], locale: "zh-CN" | "en"): string {
  const [colon, comma] = locale === "en" ? [": ", ", "] : ["：", "，"];
  return `${title}${colon}${rows.map((row) => `${row.label} ${row.count}`).join(comma)}`;
}
