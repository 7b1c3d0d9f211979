import { describe, expect, it } from "vitest";
import { cnyToWan, wanToCny } from "./money";

describe("wanToCny", () => {
  it("converts 万元 text to whole 元 exactly, without float rounding", () => {
    expect(wanToCny("3999.9999")).toBe(39_999_999);
    expect(wanToCny("4000")).toBe(40_000_000);
    expect(wanToCny("0.0001")).toBe(1);
    expect(wanToCny("1,000.5")).toBe(10_005_000);
    expect(wanToCny(" 12.34 ")).toBe(123_400);
    // 0.1 + 0.2 style traps: a float multiply would give 1_001_999.9999…
    expect(wanToCny("100.2")).toBe(1_002_000);
  });

  it("treats blank as not given and refuses what is not a whole-元 amount", () => {
    expect(wanToCny("")).toBeUndefined();
    expect(wanToCny(undefined)).toBeUndefined();
    expect(wanToCny("1.00001")).toBeNull();
    expect(wanToCny("-5")).toBeNull();
    expect(wanToCny("abc")).toBeNull();
    expect(wanToCny("1e5")).toBeNull();
  });
});

describe("cnyToWan", () => {
  it("writes whole 元 back as 万元 text and round-trips", () => {
    expect(cnyToWan(39_999_999)).toBe("3999.9999");
    expect(cnyToWan(40_000_000)).toBe("4000");
    expect(cnyToWan(1)).toBe("0.0001");
    expect(cnyToWan(0)).toBe("0");
    for (const yuan of [0, 7, 12_345, 10_005_000, 987_654_321_012])
      expect(wanToCny(cnyToWan(yuan))).toBe(yuan);
  });
});
