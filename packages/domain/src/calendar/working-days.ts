import type { IsoDate } from "../common";
import { cnHolidayYears, type HolidayYear } from "./cn-holidays";

/**
 * Working days (工作日) in China: Monday to Friday, less the announced days off, plus the announced
 * make-up weekends (调休上班). Dates are calendar days in China (ISO strings), never instants.
 */

const DAY_MS = 86_400_000;
const toUtc = (date: IsoDate): number => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return ms;
};
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromUtc(toUtc(date) + days * DAY_MS);

interface YearIndex {
  entry: HolidayYear;
  off: Set<IsoDate>;
  work: Set<IsoDate>;
}

const byYear = new Map<number, YearIndex>(
  cnHolidayYears.map((entry) => {
    const off = new Set<IsoDate>();
    for (const [from, to] of entry.off) {
      for (let d = from; d <= to; d = addDays(d, 1)) off.add(d);
    }
    return [entry.year, { entry, off, work: new Set(entry.work) }];
  }),
);

/** The calendar's years, oldest first, and whether each one's 调休 arrangement has been announced. */
export const holidayCalendarYears = (): { year: number; announced: boolean; source: string }[] =>
  cnHolidayYears.map(({ year, announced, source }) => ({ year, announced, source }));

/** Whether the calendar knows the days off of `date`'s year. */
export const holidayCalendarCovers = (date: IsoDate): boolean => byYear.has(Number(date.slice(0, 4)));

/** Thrown for a date the calendar does not cover: counting it as a plain weekday could be wrong. */
export class HolidayCalendarGap extends RangeError {
  constructor(readonly year: number) {
    super(`the holiday calendar has no data for ${year}`);
  }
}

export function isWorkingDay(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  const index = byYear.get(year);
  if (!index) throw new HolidayCalendarGap(year);
  if (index.work.has(date)) return true;
  if (index.off.has(date)) return false;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days from `from` to `to`, both included (0 when `to` precedes `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return n;
}

/** The `n`-th working day counting `from` itself (n ≥ 1): the earliest last day of an n-working-day period. */
export function nthWorkingDay(from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a positive count: ${n}`);
  let seen = 0;
  for (let d = from; ; d = addDays(d, 1)) {
    if (isWorkingDay(d)) seen += 1;
    if (seen === n) return d;
  }
}
