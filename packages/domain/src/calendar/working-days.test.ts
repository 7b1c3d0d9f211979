import { describe, expect, it } from "vitest";
import {
  defaultPublicityWindow,
  publicityMinimumWorkingDays,
  publicityWindowProblem,
} from "../entities/publicity";
import { cnHolidayYears } from "./cn-holidays";
import {
  addDays,
  HolidayCalendarGap,
  holidayCalendarCovers,
  isWorkingDay,
  nthWorkingDay,
  workingDaysBetween,
} from "./working-days";

describe("China's working-day calendar", () => {
  it("covers 2025 to 2027, 2025 and 2026 from the State Council's announcements", () => {
    expect(cnHolidayYears.map((y) => [y.year, y.announced])).toEqual([
      [2025, true],
      [2026, true],
      [2027, false],
    ]);
    expect(holidayCalendarCovers("2027-12-31")).toBe(true);
    expect(holidayCalendarCovers("2028-01-01")).toBe(false);
  });

  it("knows weekdays, weekends, days off and make-up working weekends", () => {
    expect(isWorkingDay("2026-12-02")).toBe(true); // a Wednesday
    expect(isWorkingDay("2026-12-05")).toBe(false); // a Saturday
    expect(isWorkingDay("2026-10-05")).toBe(false); // 国庆节, a Monday
    expect(isWorkingDay("2026-10-10")).toBe(true); // 调休: a Saturday worked
    expect(isWorkingDay("2026-09-20")).toBe(true); // 调休: a Sunday worked
    expect(isWorkingDay("2025-10-08")).toBe(false); // 2025: 国庆 and 中秋 together, eight days
    expect(isWorkingDay("2025-02-08")).toBe(true); // 2025: a Saturday worked after 春节
    expect(isWorkingDay("2027-02-08")).toBe(false); // 2027 statutory 春节 (正月初三)
  });

  it("lists only weekend days as make-up working days, and no day as both", () => {
    for (const y of cnHolidayYears) {
      for (const day of y.work) {
        expect([0, 6], day).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
        expect(
          y.off.some(([from, to]) => from <= day && day <= to),
          day,
        ).toBe(false);
      }
    }
  });

  it("counts working days inclusively across a holiday and a make-up weekend", () => {
    expect(workingDaysBetween("2026-12-02", "2026-12-08")).toBe(5); // Wed … Tue
    expect(workingDaysBetween("2026-12-08", "2026-12-02")).toBe(0);
    // 30 Sep 2026 (Wed) · 1–7 Oct off · 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, 调休) · 12 Oct (Mon)
    expect(workingDaysBetween("2026-09-30", "2026-10-12")).toBe(5);
    expect(nthWorkingDay("2026-09-30", 5)).toBe("2026-10-12");
    expect(nthWorkingDay("2026-12-02", 1)).toBe("2026-12-02");
    expect(nthWorkingDay("2026-12-05", 1)).toBe("2026-12-07");
    // Spring Festival 2026: 13 Feb (Fri), 14 Feb (Sat, 调休), 15–23 Feb off, 24 Feb on.
    expect(nthWorkingDay("2026-02-13", 5)).toBe("2026-02-26");
  });

  it("refuses to guess a year it has no data for", () => {
    expect(() => isWorkingDay("2028-03-01")).toThrow(HolidayCalendarGap);
    expect(() => workingDaysBetween("2027-12-27", "2028-01-04")).toThrow(HolidayCalendarGap);
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});

describe("the publicity window (common.publicity)", () => {
  const clause = "common.publicity, test 一(一)";

  it("reads the module's minimum, five working days by default", () => {
    const setting = (relatesTo: string, value: number | string) => ({
      key: "x",
      label: { zh: "x", en: "x" },
      relatesTo,
      value,
    });
    expect(publicityMinimumWorkingDays([setting("common.publicity", 7)])).toBe(7);
    expect(publicityMinimumWorkingDays([setting("other", 9), setting("common.publicity", "five")])).toBe(5);
    expect(publicityMinimumWorkingDays([])).toBe(5);
  });

  it("accepts exactly the minimum and refuses one working day less, naming the clause", () => {
    const today = "2026-12-02";
    expect(publicityWindowProblem({ opensOn: today, closesOn: "2026-12-08" }, today, 5, clause)).toBeNull();
    const short = publicityWindowProblem({ opensOn: today, closesOn: "2026-12-07" }, today, 5, clause);
    expect(short?.zh).toContain("不得少于5个工作日");
    expect(short?.zh).toContain("2026-12-08");
    expect(short?.en).toContain(clause);
  });

  it("counts a window spanning a holiday in working days, not calendar days", () => {
    const today = "2026-09-30";
    // Twelve calendar days but four working days: refused; the fifth working day is 12 October.
    expect(
      publicityWindowProblem({ opensOn: today, closesOn: "2026-10-11" }, today, 5, clause)?.en,
    ).toContain("has 4");
    expect(publicityWindowProblem({ opensOn: today, closesOn: "2026-10-12" }, today, 5, clause)).toBeNull();
  });

  it("opens no earlier than the day it is published", () => {
    const today = "2026-12-02";
    const past = publicityWindowProblem({ opensOn: "2026-12-01", closesOn: "2026-12-31" }, today, 5, clause);
    expect(past?.zh).toContain("早于发布当日");
    expect(
      publicityWindowProblem({ opensOn: "2026-12-03", closesOn: "2026-12-09" }, today, 5, clause),
    ).toBeNull();
  });

  it("explains a window it cannot count instead of guessing", () => {
    const problem = publicityWindowProblem(
      { opensOn: "2027-12-27", closesOn: "2028-01-10" },
      "2027-12-27",
      5,
      clause,
    );
    expect(problem?.en).toContain("no data for 2028");
  });

  it("offers today through the minimum's last working day as the default window", () => {
    expect(defaultPublicityWindow("2026-12-02", 5)).toEqual({
      opensOn: "2026-12-02",
      closesOn: "2026-12-08",
    });
    expect(defaultPublicityWindow("2026-09-30", 5)).toEqual({
      opensOn: "2026-09-30",
      closesOn: "2026-10-12",
    });
  });
});
