import { type CountRow, platformStats } from "@kechuang/db";
import {
  type DirectoryStatus,
  type LocalizedText,
  type PlatformKind,
  platformKindSchema,
} from "@kechuang/domain";
import { z } from "zod";
import { jurisdictionName } from "../directory";
import { publicProcedure, router } from "../trpc";

/** The statistics page shows the ten most common fields; a client may ask for up to 50. */
export const publicStatsInputSchema = z
  .object({ fieldLimit: z.number().int().min(1).max(50).default(10) })
  .strict()
  .optional();

export interface PublicStats {
  /** Every platform the directory lists: approved, cultivating and revoked. */
  total: number;
  byJurisdiction: { code: string; name: LocalizedText; count: number }[];
  byKind: { kind: PlatformKind; count: number }[];
  byStatus: { status: DirectoryStatus; count: number }[];
  byYear: { year: number; count: number }[];
  byField: { field: string; count: number }[];
  /** Distinct fields in all (byField holds only the most common). */
  fieldCount: number;
}

const kindRows = (rows: CountRow[]) =>
  rows.flatMap((row) => {
    const kind = platformKindSchema.safeParse(row.key);
    return kind.success ? [{ kind: kind.data, count: row.count }] : [];
  });

export const publicStatsRouter = router({
  /** Platforms by jurisdiction, kind, public status, year of approval and field: counts only, no names. */
  summary: publicProcedure
    .input(publicStatsInputSchema)
    .query(async ({ ctx, input }): Promise<PublicStats> => {
      const rows = await platformStats(ctx.database.db, { fieldLimit: input?.fieldLimit ?? 10 });
      return {
        total: rows.total,
        byJurisdiction: rows.byJurisdiction.map((row) => ({
          code: row.key,
          name: jurisdictionName(row.key),
          count: row.count,
        })),
        byKind: kindRows(rows.byKind),
        byStatus: rows.byStatus.map((row) => ({ status: row.key, count: row.count })),
        byYear: rows.byYear.map((row) => ({ year: row.key, count: row.count })),
        byField: rows.byField.map((row) => ({ field: row.key, count: row.count })),
        fieldCount: rows.fieldCount,
      };
    }),
});
