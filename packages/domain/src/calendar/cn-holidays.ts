import type { IsoDate } from "../common";

/**
 * China's official calendar of days off and make-up working days (调休), as the State Council announces
 * it each year (usually in November for the next year). Module-independent: every jurisdiction here
 * follows the national arrangement. Weekends are days off unless listed under `work`.
 *
 * When a year's announcement is not out yet, only the statutory holidays fixed by 《全国年节及纪念日放假
 * 办法》 (as revised by 国务院令第795号, in force from 2025) are listed and `announced` is false: its
 * bridging days and make-up weekends are unknown until the notice, so replace the entry when it is published.
 */
export interface HolidayYear {
  year: number;
  /** The announcement (or, for a year not yet announced, the statutory basis). */
  source: string;
  announced: boolean;
  /** Days off that would otherwise be working days (or fall on weekends), as inclusive ranges. */
  off: readonly (readonly [IsoDate, IsoDate])[];
  /** Weekend days that are working days (调休上班). */
  work: readonly IsoDate[];
}

export const cnHolidayYears: readonly HolidayYear[] = [
  {
    year: 2025,
    source: "国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）",
    announced: true,
    off: [
      ["2025-01-01", "2025-01-01"], // 元旦
      ["2025-01-28", "2025-02-04"], // 春节
      ["2025-04-04", "2025-04-06"], // 清明节
      ["2025-05-01", "2025-05-05"], // 劳动节
      ["2025-05-31", "2025-06-02"], // 端午节
      ["2025-10-01", "2025-10-08"], // 国庆节、中秋节
    ],
    work: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  {
    year: 2026,
    source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
    announced: true,
    off: [
      ["2026-01-01", "2026-01-03"], // 元旦
      ["2026-02-15", "2026-02-23"], // 春节
      ["2026-04-04", "2026-04-06"], // 清明节
      ["2026-05-01", "2026-05-05"], // 劳动节
      ["2026-06-19", "2026-06-21"], // 端午节
      ["2026-09-25", "2026-09-27"], // 中秋节
      ["2026-10-01", "2026-10-07"], // 国庆节
    ],
    work: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
  {
    year: 2027,
    source: "《全国年节及纪念日放假办法》法定节日（2027年安排尚未发布，调休待通知）",
    announced: false,
    off: [
      ["2027-01-01", "2027-01-01"], // 元旦
      ["2027-02-05", "2027-02-08"], // 春节：除夕、正月初一至初三
      ["2027-04-05", "2027-04-05"], // 清明节
      ["2027-05-01", "2027-05-02"], // 劳动节
      ["2027-06-09", "2027-06-09"], // 端午节
      ["2027-09-15", "2027-09-15"], // 中秋节
      ["2027-10-01", "2027-10-03"], // 国庆节
    ],
    work: [],
  },
];
