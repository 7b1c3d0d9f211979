import { describe, expect, it } from "vitest";
import { chinaToday, formatDateTime } from "./dates";

describe("chinaToday", () => {
  it("is already tomorrow in Beijing late in the UTC evening", () => {
    expect(chinaToday(new Date("2026-11-22T17:00:00Z"))).toBe("2026-11-23");
    expect(chinaToday(new Date("2026-11-22T15:59:00Z"))).toBe("2026-11-22");
  });
});

describe("formatDateTime", () => {
  it("shows Beijing time and a dash for garbage", () => {
    expect(formatDateTime("2026-11-22T00:30:00Z", "en")).toContain("8:30");
    expect(formatDateTime("not a date", "zh-CN")).toBe("—");
  });
});
