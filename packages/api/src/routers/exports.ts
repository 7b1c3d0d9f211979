import { appendAudit, schema, type Tx } from "@kechuang/db";
import type { LocalizedText, SessionUser } from "@kechuang/domain";
import { stringify } from "csv-stringify/sync";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { type ExportColumn, type ExportFile, neutralizeFormula, renderExport } from "../exports/format";
import {
  annualReportColumns,
  annualReportFilterSchema,
  annualReportRows,
  evaluationColumns,
  evaluationFilterSchema,
  evaluationRows,
  rectificationColumns,
  rectificationFilterSchema,
  rectificationRows,
} from "../exports/lists";
import { type Context, roleProcedure, router } from "../trpc";
import { chinaToday, overseenBy } from "../workflow/records";

/**
 * Exports for the provincial authority. Served as files by GET /api/v1/exports/<list>.<csv|xlsx>
 * (apps/server files.ts, rate limited per address); each procedure reads, formats and audits in one
 * transaction, so every export that returns has its `export.<list>` audit row.
 */

export { neutralizeFormula };

const columns = [
  { key: "id", header: "id" },
  { key: "policyId", header: "policy" },
  { key: "kind", header: "kind" },
  { key: "title", header: "title" },
  { key: "organization", header: "organization" },
  { key: "recommenderArea", header: "recommender_area" },
  { key: "stage", header: "stage" },
  { key: "version", header: "version" },
  { key: "createdAt", header: "created_at" },
  { key: "updatedAt", header: "updated_at" },
] as const;

/** The screen's filters travel as input; `format` is required, so a bare call is a 400, never a list. */
const fileInput = <T extends z.ZodRawShape>(filters: z.ZodObject<T>) =>
  filters.extend({ format: z.enum(["csv", "xlsx"]), locale: z.enum(["zh", "en"]).default("zh") });

/**
 * One after-approval list as a file (issue 10): rows in the authority's scope, rendered, and its audit row
 * in the same transaction.
 */
async function exportList<Row>(
  ctx: Pick<Context, "database" | "now" | "ip" | "requestId"> & { user: SessionUser },
  list: string,
  input: { format: "csv" | "xlsx"; locale: "zh" | "en" },
  filters: Record<string, unknown>,
  load: (tx: Tx, today: string) => Promise<Row[]>,
  columns: (pick: (text: LocalizedText) => string) => ExportColumn<Row>[],
): Promise<ExportFile> {
  const now = ctx.now();
  const today = chinaToday(now);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await load(tx, today);
    const pick = (text: LocalizedText) => (input.locale === "en" ? text.en : text.zh);
    const file = await renderExport(list, input.format, columns(pick), rows, { locale: input.locale, today });
    await appendAudit(
      tx,
      {
        actorId: ctx.user.id,
        actorRole: ctx.user.role,
        action: `export.${list}`,
        objectType: "export",
        objectId: list,
        result: "ok",
        sourceIp: ctx.ip,
        detail: {
          requestId: ctx.requestId,
          rows: rows.length,
          format: input.format,
          fileName: file.fileName,
          filters,
        },
      },
      now,
    );
    return file;
  });
}

const filtersOf = ({ format: _f, locale: _l, ...filters }: Record<string, unknown>) => filters;

export const exportsRouter = router({
  /** Annual reports due, overdue, submitted or accepted, as of today (China). */
  annualReports: roleProcedure("authority")
    .input(fileInput(annualReportFilterSchema))
    .query(({ ctx, input }) =>
      exportList(
        ctx,
        "annual-reports",
        input,
        filtersOf(input),
        (tx, today) => annualReportRows(tx, ctx.user, input, today),
        annualReportColumns,
      ),
    ),
  /** Graded evaluations; the evaluator is named only when a third-party body (never an expert). */
  evaluationResults: roleProcedure("authority")
    .input(fileInput(evaluationFilterSchema))
    .query(({ ctx, input }) =>
      exportList(
        ctx,
        "evaluation-results",
        input,
        filtersOf(input),
        (tx) => evaluationRows(tx, ctx.user, input),
        evaluationColumns,
      ),
    ),
  rectifications: roleProcedure("authority")
    .input(fileInput(rectificationFilterSchema))
    .query(({ ctx, input }) =>
      exportList(
        ctx,
        "rectifications",
        input,
        filtersOf(input),
        (tx) => rectificationRows(tx, ctx.user, input),
        rectificationColumns,
      ),
    ),

  /** Every application sent in under the authority's jurisdiction, oldest first, as UTF-8 CSV with BOM. */
  applications: roleProcedure("authority").query(async ({ ctx }) => {
    const now = ctx.now();
    const a = schema.applications;
    return ctx.database.db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: a.id,
          policyId: a.policyId,
          kind: a.kind,
          title: a.title,
          organization: schema.organizations.name,
          recommenderArea: a.recommenderArea,
          stage: a.stage,
          version: a.version,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        })
        .from(a)
        .innerJoin(schema.organizations, eq(schema.organizations.id, a.organizationId))
        .where(overseenBy(ctx.user))
        .orderBy(asc(a.createdAt), asc(a.id));
      const content = stringify(
        rows.map((row) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
        })),
        {
          bom: true,
          header: true,
          columns: [...columns],
          record_delimiter: "windows",
          cast: { string: neutralizeFormula },
        },
      );
      const fileName = `applications-${chinaToday(now)}.csv`;
      await appendAudit(
        tx,
        {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          action: "export.applications",
          objectType: "export",
          objectId: "applications",
          result: "ok",
          sourceIp: ctx.ip,
          detail: { requestId: ctx.requestId, rows: rows.length, format: "csv", fileName },
        },
        now,
      );
      return { fileName, mime: "text/csv; charset=utf-8", rows: rows.length, content };
    });
  }),
});
