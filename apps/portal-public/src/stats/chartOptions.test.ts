import { describe, expect, it } from "vitest";
import { barHeight, barOption, chartDescription, pieOption, type StatRow } from "./chartOptions";

const rows: StatRow[] = [
  { key: "510000", label: "四川省", count: 4 },
  { key: "150000", label: "内蒙古自治区", count: 2 },
];

describe("chart options", () => {
  it("horizontal bars list the first row on top, with the same numbers as the table", () => {
    const option = barOption(rows, "平台数", true) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    // ECharts draws a category axis bottom-up: reversed so the chart reads in the table's order.
    expect(option.yAxis.data).toEqual(["内蒙古自治区", "四川省"]);
    expect(option.series[0]?.data).toEqual([2, 4]);
  });

  it("vertical bars keep the order (years oldest first)", () => {
    const option = barOption(rows, "平台数", false) as {
      xAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(["四川省", "内蒙古自治区"]);
    expect(option.series[0]?.data).toEqual([4, 2]);
  });

  it("pie slices carry label and count; bar charts grow with their rows", () => {
    const option = pieOption(rows, "平台数") as { series: { data: { name: string; value: number }[] }[] };
    expect(option.series[0]?.data).toEqual([
      { name: "四川省", value: 4 },
      { name: "内蒙古自治区", value: 2 },
    ]);
    expect(barHeight(20)).toBeGreaterThan(barHeight(2));
    expect(barHeight(0)).toBe(200);
  });

  it("describe the drawing with the table's numbers, in the reader's language", () => {
    expect(chartDescription("按地区", rows, "zh-CN")).toBe("按地区：四川省 4，内蒙古自治区 2");
    expect(chartDescription("By jurisdiction", rows, "en")).toBe("By jurisdiction: 四川省 4, 内蒙古自治区 2");
  });
});
