import type { DirectoryStatus } from "@kechuang/domain";
import type { Executor } from "../client";
import { directoryFacets } from "./platforms";

/**
 * Counts for the public statistics page (issue 12), over every platform the directory lists (approved,
 * cultivating and revoked), so each chart adds up to the directory's unfiltered total. They are the
 * directory's facets, ordered for charts: one set of GROUP BYs serves both the filters and the charts.
 */

export interface CountRow<K extends string | number = string> {
  key: K;
  count: number;
}

export interface PlatformStatsRows {
  total: number;
  byJurisdiction: CountRow[];
  byKind: CountRow[];
  byStatus: CountRow<DirectoryStatus>[];
  /** Oldest year first. */
  byYear: CountRow<number>[];
  /** The `fieldLimit` most common fields (a platform counts once in each of its fields), then by name. */
  byField: CountRow[];
  /** How many distinct fields there are in all, so a page can say "top 10 of 42". */
  fieldCount: number;
}

const byCountThenKey = <K extends string | number>(a: CountRow<K>, b: CountRow<K>) =>
  b.count - a.count || String(a.key).localeCompare(String(b.key));

export async function platformStats(
  db: Executor,
  options: { fieldLimit: number },
): Promise<PlatformStatsRows> {
  const facets = await directoryFacets(db);
  const rows = <K extends string | number>(list: { value: K; count: number }[]): CountRow<K>[] =>
    list.map(({ value, count }) => ({ key: value, count }));
  return {
    total: facets.statuses.reduce((sum, s) => sum + s.count, 0),
    byJurisdiction: facets.jurisdictions
      .map(({ code, count }) => ({ key: code, count }))
      .sort(byCountThenKey),
    byKind: rows(facets.kinds).sort(byCountThenKey),
    byStatus: rows(facets.statuses).sort(byCountThenKey),
    byYear: rows(facets.years).sort((a, b) => a.key - b.key),
    // Facets list fields most common first, then by name.
    byField: rows(facets.fields).slice(0, options.fieldLimit),
    fieldCount: facets.fields.length,
  };
}
