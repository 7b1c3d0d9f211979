import { appendAudit, schema } from "@kechuang/db";
import { stringify } from "csv-stringify/sync";
import { asc, eq } from "drizzle-orm";
import { roleProcedure, router } from "../trpc";
import { chinaToday, overseenBy } from "../workflow/records";

/**
 * Exports for the provincial authority. Served as a file by GET /api/v1/exports/applications.csv
 * (apps/server, rate limited per address); the procedure itself reads, formats and audits in one
 * transaction, so every export that returns has its `export.applications` audit row.
 */

/**
 * CSV (formula) injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return
 * some programs treat the same way) as a formula. Such cells get a leading apostrophe, which shows as text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

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

export const exportsRouter = router({
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
