import { describe, expect, it } from "vitest";
import { settingsOf } from "./settings";

const publicityDays = {
  key: "publicity-working-days",
  label: { zh: "公示期（工作日）", en: "Publicity period (working days)" },
  value: 5,
  relatesTo: "hn-tic.publicity",
};

describe("settingsOf", () => {
  it("reads a module's local settings when the policy detail carries them", () => {
    expect(settingsOf({ summary: {}, settings: [publicityDays] })).toEqual([publicityDays]);
  });
  it("shows none rather than guessing when they are absent or malformed", () => {
    expect(settingsOf({ summary: {} })).toEqual([]);
    expect(settingsOf(null)).toEqual([]);
    expect(settingsOf({ settings: [{ ...publicityDays, value: true }] })).toEqual([]);
  });
});
