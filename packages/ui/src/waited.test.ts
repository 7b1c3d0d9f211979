import { describe, expect, it } from "vitest";
import { formatHours, formatWaitedHours, hoursBetween } from "./waited";

const now = new Date("2026-11-22T08:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("formatWaitedHours", () => {
  it("speaks in hours under a day", () => {
    expect(formatWaitedHours(ago(0.5), now, "zh-CN")).toBe("不到 1 小时");
    expect(formatWaitedHours(ago(0.5), now, "en")).toBe("under an hour");
    expect(formatWaitedHours(ago(1), now, "en")).toBe("1 hour");
    expect(formatWaitedHours(ago(5), now, "zh-CN")).toBe("5 小时");
  });

  it("speaks in whole days from the first full day on", () => {
    expect(formatWaitedHours(ago(23.9), now, "en")).toBe("23 hours");
    expect(formatWaitedHours(ago(51), now, "zh-CN")).toBe("2 天");
    expect(formatWaitedHours(ago(51), now, "en")).toBe("2 days");
    expect(formatWaitedHours(ago(25), now, "en")).toBe("1 day");
  });

  it("never goes negative when the clocks disagree", () => {
    expect(hoursBetween(new Date(now.getTime() + 7_200_000), now)).toBe(0);
  });
});

describe("formatHours", () => {
  it("formats the server's hoursWaiting the same way", () => {
    expect(formatHours(75, "zh-CN")).toBe("3 天");
    expect(formatHours(7, "zh-CN")).toBe("7 小时");
    expect(formatHours(48, "en")).toBe("2 days");
  });
});
