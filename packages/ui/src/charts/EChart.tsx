import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from "echarts/charts";
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { type CSSProperties, useEffect, useRef } from "react";

// Tree-shaken: only the chart types and components the portals draw are bundled (not all of echarts).
// SVG rather than canvas: crisp at any zoom and printable.
use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface EChartProps {
  option: EChartOption;
  /** The chart's height; its width follows the container. */
  height?: number;
  /** The chart's name for screen readers (a table twin should carry the numbers). */
  ariaLabel: string;
  /** ECharts' own locale for its built-in texts (aria description, tooltips). */
  locale?: "ZH" | "EN";
  style?: CSSProperties;
  "data-testid"?: string;
}

/**
 * A React wrapper over `echarts/core`: one instance per mount, the option replaced on change, resized with its
 * container (a phone rotating, a sidebar collapsing) and disposed on unmount so no listener or timer leaks.
 * `aria` is always on, so ECharts adds a generated description of the data to the drawing.
 */
export function EChart({ option, height = 320, ariaLabel, locale = "ZH", style, ...rest }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "svg", locale });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption({ ...option, aria: { enabled: true, ...option.aria } }, { notMerge: true });
  }, [option, locale]);

  // ECharts writes its generated description of the data ("这是一个图表，图表类型是柱状图……") into the
  // drawing's aria-label, replacing ours: the figure around it keeps the caller's label.
  return (
    <figure aria-label={ariaLabel} data-testid={rest["data-testid"]} style={{ margin: 0 }}>
      <div ref={container} role="img" aria-label={ariaLabel} style={{ width: "100%", height, ...style }} />
    </figure>
  );
}
