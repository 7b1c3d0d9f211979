import { asc, count, desc, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { platforms } from "../schema";

/**
 * Counts for the public statistics page (issue 12), over every platform the directory lists (approved,
 * cultivating and revoked), so each chart adds up to the directory's unfiltered total. Grouping is done by the
 * database: the page must stay cheap on 100,000 platforms.
 */

/** The public standing, as the directory shows it: a rectifying platform is still an approved one. */
export const publicStatusSql: SQL<"approved" | "cultivating" | "revoked"> = sql`case ${platforms.status}
  when 'delisted' then 'revoked' when 'cultivating' then 'cultivating' else 'approved' end`;

const yearSql = sql<number>`extract(year from ${platforms.approvedOn})::int`.mapWith(Number);

export interface CountRow<K extends string | number = string> {
  key: K;
  count: number;
}

export interface PlatformStatsRows {
  total: number;
  byJurisdiction: CountRow[];
  byKind: CountRow[];
  byStatus: CountRow<"approved" | "cultivating" | "revoked">[];
  /** Oldest year first. */
  byYear: CountRow<number>[];
  /** The `fieldLimit` most common fields (a platform counts once in each of its fields), then by name. */
  byField: CountRow[];
  /** How many distinct fields there are in all, so a page can say "top 10 of 42". */
  fieldCount: number;
}

export async function platformStats(
  db: Executor,
  options: { fieldLimit: number },
): Promise<PlatformStatsRows> {
  const n = count();
  const [totals, byJurisdiction, byKind, byStatus, byYear, fields] = await Promise.all([
    db.select({ count: n }).from(platforms),
    db
      .select({ key: platforms.jurisdiction, count: n })
      .from(platforms)
      .groupBy(platforms.jurisdiction)
      .orderBy(desc(n), asc(platforms.jurisdiction)),
    db
      .select({ key: platforms.kind, count: n })
      .from(platforms)
      .groupBy(platforms.kind)
      .orderBy(desc(n), asc(platforms.kind)),
    db.select({ key: publicStatusSql, count: n }).from(platforms).groupBy(publicStatusSql).orderBy(desc(n)),
    db.select({ key: yearSql, count: n }).from(platforms).groupBy(yearSql).orderBy(asc(yearSql)),
    db.execute(sql`
      with per_field as (
        select f.value as key, count(*)::int as count
        from ${platforms}, jsonb_array_elements_text(${platforms.fields}) as f(value)
        group by f.value
      )
      select key, count, (select count(*)::int from per_field) as distinct_fields
      from per_field order by count desc, key asc limit ${options.fieldLimit}`),
  ]);
  const fieldRows = (fields as unknown as { rows: { key: string; count: number; distinct_fields: number }[] })
    .rows;
  return {
    total: totals[0]?.count ?? 0,
    byJurisdiction,
    byKind,
    byStatus,
    byYear,
    byField: fieldRows.map((row) => ({ key: row.key, count: Number(row.count) })),
    fieldCount: Number(fieldRows[0]?.distinct_fields ?? 0),
  };
}
