import { z } from "zod";
import { localizedTextSchema } from "../common";
import { type PlatformTargets, type RecognitionTier, recognitionTierSchema } from "../policy/contract";

/**
 * Target against actual per platform type and year (Anshun's 附件, issue 11): the open-data shape of
 * `GET /api/v1/targets/:policyId`, the reviewer dashboard and the public page all read this one report.
 */

export const targetRowSchema = z.object({
  /** The module's platform type id. */
  type: z.string(),
  typeName: localizedTextSchema,
  year: z.number().int(),
  /** Cumulative target for the year, as published (the base year's is the base value). */
  target: z.number().int().nonnegative(),
  actual: z.number().int().nonnegative(),
  /** The national / provincial split of the target, where the source gives one. */
  targetSplit: z.object({ national: z.number().int(), provincial: z.number().int() }).nullable(),
  /** The average annual growth the source states, and the one its own counts give (base → last year). */
  statedGrowthPct: z.number(),
  computedGrowthPct: z.number().nullable(),
  /** Responsible departments, in Chinese as published. */
  responsible: z.array(z.string()),
  /** The year has begun and the actual count is below the target. */
  behind: z.boolean(),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

export const targetTotalSchema = z.object({
  year: z.number().int(),
  target: z.number().int().nonnegative(),
  actual: z.number().int().nonnegative(),
});
export type TargetTotal = z.infer<typeof targetTotalSchema>;

export const targetsReportSchema = z.object({
  policyId: z.string(),
  ruleId: z.string(),
  baseYear: z.number().int(),
  countedTiers: z.array(recognitionTierSchema),
  rows: z.array(targetRowSchema),
  totals: z.array(targetTotalSchema),
  /** Type ids behind in the latest year that has begun. */
  behindTypes: z.array(z.string()),
});
export type TargetsReport = z.infer<typeof targetsReportSchema>;

/** One recognition as the count reads it. */
export interface CountedRecognition {
  platformId: string;
  typeId: string;
  tier: RecognitionTier;
  recognizedOn: string;
  /** The platform's revocation day: it stops counting from then. */
  platformRevokedOn: string | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Compound annual growth in percent, one decimal; null where it cannot be computed (a zero base). */
export function compoundGrowthPct(base: number, final: number, years: number): number | null {
  if (!(base > 0) || !(final >= 0) || !(years > 0)) return null;
  return round1(((final / base) ** (1 / years) - 1) * 100);
}

/** Platforms of a type counted by the year's end: distinct, of a counted tier, not revoked by then. */
function actualCount(
  targets: PlatformTargets,
  recognitions: readonly CountedRecognition[],
  typeId: string,
  year: number,
): number {
  const yearEnd = `${year}-12-31`;
  const counted = new Set<string>();
  for (const r of recognitions) {
    if (r.typeId !== typeId || !targets.countedTiers.includes(r.tier)) continue;
    if (r.recognizedOn > yearEnd) continue;
    if (r.platformRevokedOn !== null && r.platformRevokedOn <= yearEnd) continue;
    counted.add(r.platformId);
  }
  return counted.size;
}

export function targetsReport(
  policyId: string,
  targets: PlatformTargets,
  recognitions: readonly CountedRecognition[],
  today: string,
): TargetsReport {
  const years = [targets.baseYear, ...targets.years];
  const lastYear = years[years.length - 1]!;
  const currentYear = Number(today.slice(0, 4));
  const rows = targets.types.flatMap((type) => {
    const computed = compoundGrowthPct(
      type.counts[targets.baseYear] ?? 0,
      type.counts[lastYear] ?? 0,
      lastYear - targets.baseYear,
    );
    return years.map((year): TargetRow => {
      const target = type.counts[year] ?? 0;
      const actual = actualCount(targets, recognitions, type.id, year);
      return {
        type: type.id,
        typeName: type.name,
        year,
        target,
        actual,
        targetSplit: type.split?.[year] ?? null,
        statedGrowthPct: type.statedAvgGrowthPercent,
        computedGrowthPct: computed,
        responsible: type.responsible.map((r) => r.zh),
        behind: year <= currentYear && actual < target,
      };
    });
  });
  const totals = years.map((year) => ({
    year,
    target: rows.filter((r) => r.year === year).reduce((sum, r) => sum + r.target, 0),
    actual: rows.filter((r) => r.year === year).reduce((sum, r) => sum + r.actual, 0),
  }));
  const latestBegun = [...years].reverse().find((y) => y <= currentYear);
  const behindTypes = rows.filter((r) => r.year === latestBegun && r.behind).map((r) => r.type);
  return {
    policyId,
    ruleId: targets.ruleId,
    baseYear: targets.baseYear,
    countedTiers: [...targets.countedTiers],
    rows,
    totals,
    behindTypes,
  };
}
