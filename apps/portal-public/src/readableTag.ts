import type { CSSProperties } from "react";

export type TagTone = "green" | "orange" | "red" | "blue" | "grey";

/**
 * Tag colours that pass WCAG AA (4.5:1) for 12 px text: antd's preset green and orange text on their light
 * backgrounds do not (axe: color-contrast), so the text takes the palette's darkest shade of the same hue.
 */
const tones: Record<TagTone, CSSProperties> = {
  green: { color: "#135200", background: "#f6ffed", borderColor: "#b7eb8f" },
  orange: { color: "#873800", background: "#fff7e6", borderColor: "#ffd591" },
  red: { color: "#a8071a", background: "#fff1f0", borderColor: "#ffa39e" },
  blue: { color: "#003eb3", background: "#e6f4ff", borderColor: "#91caff" },
  grey: { color: "#434343", background: "#fafafa", borderColor: "#d9d9d9" },
};

export const tagTone = (tone: TagTone): CSSProperties => tones[tone];
