import type { LocalizedText } from "@kechuang/domain";
import { stringify } from "csv-stringify/sync";
// exceljs: maintained, pure JavaScript (no native build on the servers), and it can stream a workbook
// (stream.xlsx.WorkbookWriter) should a list ever outgrow memory; these lists are small, so one buffer.
import ExcelJS from "exceljs";

/**
 * CSV (formula) injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return
 * some programs treat the same way) as a formula. Such cells get a leading apostrophe, which shows as text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export type ExportFormat = "csv" | "xlsx";
export type ExportLocale = "zh" | "en";
export type Cell = string | number | null;

export interface ExportColumn<Row> {
  header: LocalizedText;
  value: (row: Row) => Cell;
  /** Excel column width in characters. */
  width?: number;
}

export interface ExportFile {
  fileName: string;
  mime: string;
  rows: number;
  /** CSV: the text; xlsx: the workbook, base64 (the procedure answers JSON over tRPC too). */
  content: string;
  encoding: "utf8" | "base64";
}

export const mimeOf: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const header = (text: LocalizedText, locale: ExportLocale) => (locale === "en" ? text.en : text.zh);

/** UTF-8 with BOM (Excel then reads Chinese right), CRLF, every string cell neutralized. */
export function toCsv<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  locale: ExportLocale,
) {
  return stringify(
    rows.map((row) => columns.map((column) => column.value(row))),
    {
      bom: true,
      header: true,
      columns: columns.map((column) => header(column.header, locale)),
      record_delimiter: "windows",
      cast: { string: neutralizeFormula },
    },
  );
}

/**
 * One worksheet with a bold header row. exceljs writes strings as text, never as formulas, but a sheet saved
 * back to CSV would carry them on: string cells are neutralized as in CSV.
 */
export async function toXlsx<Row>(
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  locale: ExportLocale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((column) => ({
    header: header(column.header, locale),
    width: column.width ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows)
    sheet.addRow(
      columns.map((column) => {
        const value = column.value(row);
        return typeof value === "string" ? neutralizeFormula(value) : value;
      }),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function renderExport<Row>(
  list: string,
  format: ExportFormat,
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  options: { locale: ExportLocale; today: string },
): Promise<ExportFile> {
  const fileName = `${list}-${options.today}.${format}`;
  if (format === "csv")
    return {
      fileName,
      mime: mimeOf.csv,
      rows: rows.length,
      content: toCsv(columns, rows, options.locale),
      encoding: "utf8",
    };
  const workbook = await toXlsx(list, columns, rows, options.locale);
  return {
    fileName,
    mime: mimeOf.xlsx,
    rows: rows.length,
    content: workbook.toString("base64"),
    encoding: "base64",
  };
}
