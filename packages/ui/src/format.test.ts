import { describe, expect, it } from "vitest";
import { daysBetween, formatCount, formatDate, formatWaited, localized } from "./format";

describe("formatDate", () => {
  it("writes a calendar day in Chinese and in English without shifting it across time zones", () => {
    expect(formatDate("2020-12-31", "zh-CN")).toBe("2020年12月31日");
    expect(formatDate("2020-12-31", "en")).toBe("Dec 31, 2020");
  });

  it("shows a dash for an unreadable date instead of 'Invalid Date'", () => {
    expect(formatDate("not a date", "en")).toBe("—");
  });
});

describe("formatWaited", () => {
  const now = new Date("2026-11-22T08:00:00Z");

  it("counts whole days waited", () => {
    expect(daysBetween("2026-11-19T07:00:00Z", now)).toBe(3);
    expect(formatWaited("2026-11-19T07:00:00Z", now, "zh-CN")).toBe("3 天");
    expect(formatWaited("2026-11-19T07:00:00Z", now, "en")).toBe("3 days");
    expect(formatWaited(new Date("2026-11-21T07:00:00Z"), now, "en")).toBe("1 day");
  });

  it("says today for less than a day, and never a negative wait", () => {
    expect(formatWaited("2026-11-22T07:59:00Z", now, "zh-CN")).toBe("今天");
    expect(formatWaited("2026-11-23T08:00:00Z", now, "en")).toBe("today");
  });
});

describe("localized and formatCount", () => {
  it("pick the locale's text and digit grouping", () => {
    expect(localized({ zh: "四川省", en: "Sichuan" }, "zh-CN")).toBe("四川省");
    expect(localized({ zh: "四川省", en: "Sichuan" }, "en")).toBe("Sichuan");
    expect(formatCount(12345, "en")).toBe("12,345");
  });
});
