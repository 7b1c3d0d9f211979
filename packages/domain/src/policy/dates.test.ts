import { describe, expect, it } from "vitest";
import {
  addMonths,
  addYears,
  compareDates,
  daysInMonth,
  isAfter,
  isBefore,
  isLeapYear,
  monthOf,
  yearOf,
} from "./dates";

describe("addMonths / addYears", () => {
  it("clamps to the end of the month", () => {
    expect(addMonths("2021-01-31", 1)).toBe("2021-02-28");
    expect(addMonths("2020-01-31", 1)).toBe("2020-02-29");
    expect(addMonths("2021-03-31", 1)).toBe("2021-04-30");
    expect(addMonths("2021-03-31", -1)).toBe("2021-02-28");
  });

  it("crosses year boundaries both ways", () => {
    expect(addMonths("2020-12-15", 1)).toBe("2021-01-15");
    expect(addMonths("2020-11-30", 14)).toBe("2022-01-30");
    expect(addMonths("2021-01-15", -1)).toBe("2020-12-15");
    expect(addMonths("2021-01-15", -25)).toBe("2018-12-15");
    expect(addMonths("2021-06-09", 0)).toBe("2021-06-09");
  });

  it("takes 29 February to 28 February in a common year and keeps it in a leap year", () => {
    expect(addYears("2020-02-29", 1)).toBe("2021-02-28");
    expect(addYears("2020-02-29", 4)).toBe("2024-02-29");
    expect(addYears("2020-09-09", 3)).toBe("2023-09-09");
  });

  it("agrees with a day-by-day walk for every day of a leap and a common year", () => {
    for (const year of [2020, 2021]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= daysInMonth(year, month); day++) {
          const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const next = addMonths(date, 1);
          const nm = month === 12 ? 1 : month + 1;
          const ny = month === 12 ? year + 1 : year;
          expect(monthOf(next)).toBe(nm);
          expect(yearOf(next)).toBe(ny);
          expect(Number(next.slice(8))).toBe(Math.min(day, daysInMonth(ny, nm)));
        }
      }
    }
  });
});

describe("calendar facts", () => {
  it("knows the Gregorian leap rule", () => {
    expect([1900, 2000, 2020, 2021, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
  });

  it("reads year and month", () => {
    expect(yearOf("2020-12-31")).toBe(2020);
    expect(monthOf("2020-07-01")).toBe(7);
  });

  it("compares dates", () => {
    expect(compareDates("2020-06-30", "2020-07-01")).toBe(-1);
    expect(compareDates("2020-07-01", "2020-07-01")).toBe(0);
    expect(compareDates("2021-01-01", "2020-12-31")).toBe(1);
    expect(isBefore("2020-06-30", "2020-07-01")).toBe(true);
    expect(isAfter("2020-06-30", "2020-07-01")).toBe(false);
  });

  it("refuses strings that are not calendar dates (a module bug, so it throws)", () => {
    expect(() => addMonths("2021-02-29", 1)).toThrow(RangeError);
    expect(() => yearOf("2021/01/01")).toThrow(RangeError);
    expect(() => compareDates("2021-13-01", "2021-01-01")).toThrow(RangeError);
  });
});
