import type { IsoDate } from "../common";

/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD") for module schedules. Pure and time-zone free:
 * a date in a source is a calendar day in China, never an instant, so no Date object with a local
 * offset is involved. Adding months clamps to the end of the month (31 Jan + 1 month = 28/29 Feb).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parse(date: IsoDate): Ymd {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`); // a programming error in a module, not input
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return { year, month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export const isoDate = (year: number, month: number, day: number): IsoDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export const yearOf = (date: IsoDate): number => parse(date).year;
export const monthOf = (date: IsoDate): number => parse(date).month;

/** Adds (or with a negative count subtracts) whole months, clamping the day to the month's end. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Adds whole years; 29 Feb + 1 year = 28 Feb. */
export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);

/** -1, 0 or 1; ISO dates compare as strings once validated. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parse(a);
  parse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) < 0;
export const isAfter = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) > 0;
