import { err, type LocalizedText, ok, type Result } from "@kechuang/domain";

/**
 * 附件: cumulative counts per platform type (2020 is the base value), the stated average growth and the
 * responsible departments, transcribed as published. The stated growth does not always match the counts,
 * so it is kept as published and the actual rate is computed beside it (see growthComparison).
 */

export const targetYears = [2020, 2021, 2022, 2023] as const;
export type TargetYear = (typeof targetYears)[number];
export const BASE_YEAR = 2020;

export interface PlatformTypeTarget {
  /** 序号 in the table. */
  no: number;
  id: string;
  name: LocalizedText;
  counts: Record<TargetYear, number>;
  /** Only 企业技术中心 splits its counts into national and provincial. */
  split?: Record<TargetYear, { national: number; provincial: number }>;
  statedAvgGrowthPercent: number;
  responsible: readonly LocalizedText[];
}

const bureau = {
  science: { zh: "市科技局", en: "City Science and Technology Bureau" },
  development: { zh: "市发展改革委", en: "City Development and Reform Commission" },
  industry: { zh: "市工业和信息化局", en: "City Bureau of Industry and Information Technology" },
} as const;

export const platformTargets: readonly PlatformTypeTarget[] = [
  {
    no: 1,
    id: "academician-workstation",
    name: { zh: "院士工作站", en: "Academician workstation" },
    counts: { 2020: 5, 2021: 5, 2022: 5, 2023: 6 },
    statedAvgGrowthPercent: 10,
    responsible: [bureau.science],
  },
  {
    no: 2,
    id: "engineering-technology-research-center",
    name: {
      zh: "工程技术研究中心(技术创新中心)",
      en: "Engineering technology research center (technology innovation center)",
    },
    counts: { 2020: 8, 2021: 8, 2022: 9, 2023: 10 },
    statedAvgGrowthPercent: 10,
    responsible: [bureau.science],
  },
  {
    no: 3,
    id: "enterprise-technology-center",
    name: { zh: "企业技术中心", en: "Enterprise technology center" },
    counts: { 2020: 11, 2021: 13, 2022: 14, 2023: 16 },
    split: {
      2020: { national: 4, provincial: 7 },
      2021: { national: 4, provincial: 9 },
      2022: { national: 4, provincial: 10 },
      2023: { national: 5, provincial: 11 },
    },
    statedAvgGrowthPercent: 13,
    responsible: [bureau.development, bureau.industry],
  },
  {
    no: 4,
    id: "industrial-design-center",
    name: { zh: "工业设计中心", en: "Industrial design center" },
    counts: { 2020: 2, 2021: 2, 2022: 3, 2023: 3 },
    statedAvgGrowthPercent: 15,
    responsible: [bureau.industry],
  },
  {
    no: 5,
    id: "engineering-research-center",
    name: { zh: "工程研究中心", en: "Engineering research center" },
    counts: { 2020: 4, 2021: 5, 2022: 6, 2023: 7 },
    statedAvgGrowthPercent: 12,
    responsible: [bureau.development],
  },
];

/** Sum of every type's cumulative count per year, computed from the rows (30 → 33 → 37 → 42). */
export function targetTotals(
  rows: readonly PlatformTypeTarget[] = platformTargets,
): Record<TargetYear, number> {
  const sum = (year: TargetYear) => rows.reduce((total, row) => total + row.counts[year], 0);
  return { 2020: sum(2020), 2021: sum(2021), 2022: sum(2022), 2023: sum(2023) };
}

/** Compound annual growth in percent: (final / base)^(1 / years) − 1. */
export function actualAnnualGrowth(base: number, final: number, years: number): Result<number> {
  if (!(base > 0) || !(final >= 0) || !(years > 0)) {
    return err({
      zh: `无法计算年均增速：基期值须大于 0、目标值不小于 0、年数大于 0（基期 ${base}，目标 ${final}，${years} 年）`,
      en: `Cannot compute annual growth: base must be > 0, final ≥ 0, years > 0 (base ${base}, final ${final}, ${years} years)`,
    });
  }
  return ok(((final / base) ** (1 / years) - 1) * 100);
}

export interface GrowthComparison {
  id: string;
  name: LocalizedText;
  statedPercent: number;
  actualPercent: number;
  /** The stated figure is a whole percent: they differ when the actual rate does not round to it. */
  differs: boolean;
}

/** Stated vs actual growth from the base year to the last target year, per type. */
export function growthComparison(rows: readonly PlatformTypeTarget[] = platformTargets): GrowthComparison[] {
  const lastYear = targetYears[targetYears.length - 1]!;
  return rows.map((row) => {
    const growth = actualAnnualGrowth(row.counts[BASE_YEAR], row.counts[lastYear], lastYear - BASE_YEAR);
    const actualPercent = growth.ok ? growth.value : Number.NaN;
    return {
      id: row.id,
      name: row.name,
      statedPercent: row.statedAvgGrowthPercent,
      actualPercent,
      differs: Math.round(actualPercent) !== row.statedAvgGrowthPercent,
    };
  });
}

export interface TargetProgress {
  typeId: string;
  year: TargetYear;
  target: number;
  actual: number;
  met: boolean;
  /** How many platforms are still missing (0 when met). */
  shortfall: number;
  message: LocalizedText;
}

/** Compares an actual cumulative count with the year's target for one platform type. */
export function targetProgress(typeId: string, year: number, actualCount: number): Result<TargetProgress> {
  const row = platformTargets.find((r) => r.id === typeId);
  if (!row) {
    return err({
      zh: `未知的平台类型：${typeId}（as-plat-2021 附件）`,
      en: `Unknown platform type: ${typeId} (as-plat-2021 附件)`,
    });
  }
  const targetYear = targetYears.find((y) => y === year && y !== BASE_YEAR);
  if (targetYear === undefined) {
    return err({
      zh: `${year} 年没有目标值；目标年份为 2021–2023 年（as-plat-2021 附件）`,
      en: `No target for ${year}; target years are 2021–2023 (as-plat-2021 附件)`,
    });
  }
  if (!Number.isInteger(actualCount) || actualCount < 0) {
    return err({
      zh: `实际数量须为非负整数：${actualCount}`,
      en: `The actual count must be a non-negative integer: ${actualCount}`,
    });
  }
  const target = row.counts[targetYear];
  const met = actualCount >= target;
  const cmp = met ? "≥" : "<";
  return ok({
    typeId: row.id,
    year: targetYear,
    target,
    actual: actualCount,
    met,
    shortfall: Math.max(0, target - actualCount),
    message: {
      zh: `${row.name.zh} ${targetYear} 年累计 ${actualCount} 个 ${cmp} 目标 ${target} 个（as-plat-2021 附件）`,
      en: `${row.name.en}: ${actualCount} by ${targetYear} ${cmp} target ${target} (as-plat-2021 附件)`,
    },
  });
}
