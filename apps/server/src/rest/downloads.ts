import { Readable } from "node:stream";
import { type ExportColumn, mimeOf, toCsv, toXlsx } from "@kechuang/api";
import {
  type DirectoryItem,
  type DirectoryPage,
  type DirectoryStatus,
  formationModeLabels,
  type LocalizedText,
  platformKindLabels,
} from "@kechuang/domain";

/**
 * The directory as files (issue 12): every row matching the current filters, fetched through the same
 * procedure in pages of DOWNLOAD_CHUNK and written out as each page arrives, so memory stays flat however
 * many rows match. Excel needs the whole workbook in memory (exceljs' buffered writer), hence its lower cap.
 */
export const DOWNLOAD_CHUNK = 100;
export const DOWNLOAD_MAX_ROWS = 100_000;
export const XLSX_MAX_ROWS = 20_000;

export const downloadFormats = ["csv", "xlsx", "json"] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

const statusLabels: Record<DirectoryStatus, LocalizedText> = {
  approved: { zh: "在册", en: "Approved" },
  cultivating: { zh: "培育库", en: "Cultivation pool" },
  revoked: { zh: "已撤销", en: "Revoked" },
};
const categoryLabels: Record<"comprehensive" | "domain", LocalizedText> = {
  comprehensive: { zh: "综合类", en: "Comprehensive" },
  domain: { zh: "领域类", en: "Domain" },
};

/** Chinese headers and labels (the files are for Excel users in China); dates stay ISO for sorting. */
export const directoryColumns: ExportColumn<DirectoryItem>[] = [
  { header: { zh: "名称", en: "Name" }, value: (r) => r.name, width: 40 },
  { header: { zh: "地区", en: "Jurisdiction" }, value: (r) => r.jurisdiction.name.zh, width: 14 },
  { header: { zh: "地区代码", en: "Jurisdiction code" }, value: (r) => r.jurisdiction.code, width: 10 },
  { header: { zh: "类型", en: "Kind" }, value: (r) => platformKindLabels[r.kind].zh, width: 24 },
  {
    header: { zh: "类别", en: "Category" },
    value: (r) => (r.category ? categoryLabels[r.category].zh : null),
  },
  {
    header: { zh: "组建方式", en: "Formation mode" },
    value: (r) => (r.formationMode ? formationModeLabels[r.formationMode].zh : null),
    width: 24,
  },
  { header: { zh: "牵头单位", en: "Lead unit" }, value: (r) => r.leadUnitName, width: 32 },
  { header: { zh: "重点领域", en: "Fields" }, value: (r) => r.fields.join("、"), width: 28 },
  { header: { zh: "批准日期", en: "Approved on" }, value: (r) => r.approvedOn, width: 12 },
  { header: { zh: "状态", en: "Status" }, value: (r) => statusLabels[r.status].zh, width: 10 },
  { header: { zh: "撤销日期", en: "Revoked on" }, value: (r) => r.revokedOn, width: 12 },
  { header: { zh: "政策", en: "Policy" }, value: (r) => r.policyId, width: 14 },
  { header: { zh: "平台编号", en: "Platform id" }, value: (r) => r.id, width: 38 },
  { header: { zh: "简介", en: "Summary" }, value: (r) => r.summary, width: 60 },
];

/** Every row after the first page, one page at a time; stops at a short page or once `total` is reached. */
export async function* directoryChunks(
  first: DirectoryPage,
  fetchPage: (page: number) => Promise<DirectoryPage>,
): AsyncGenerator<DirectoryItem[]> {
  let current = first;
  let seen = 0;
  for (let page = first.page; ; page++) {
    if (page > first.page) current = await fetchPage(page);
    if (current.items.length > 0) yield current.items;
    seen += current.items.length;
    if (current.items.length < DOWNLOAD_CHUNK || seen >= current.total) return;
  }
}

/** UTF-8 with BOM and Chinese headers once, then each page's rows (toCsv of no rows is exactly that prefix). */
async function* csvText(chunks: AsyncIterable<DirectoryItem[]>): AsyncGenerator<string> {
  const prefix = toCsv(directoryColumns, [], "zh");
  yield prefix;
  for await (const items of chunks) yield toCsv(directoryColumns, items, "zh").slice(prefix.length);
}

/** `{"items":[…],"total":n}`: the count comes last, so it is the count of rows actually written. */
async function* jsonText(chunks: AsyncIterable<DirectoryItem[]>): AsyncGenerator<string> {
  yield '{"items":[';
  let count = 0;
  for await (const items of chunks)
    for (const item of items) yield `${count++ === 0 ? "" : ","}${JSON.stringify(item)}`;
  yield `],"total":${count}}`;
}

export const downloadMime: Record<DownloadFormat, string> = {
  csv: mimeOf.csv,
  xlsx: mimeOf.xlsx,
  json: "application/json; charset=utf-8",
};

/** The file body: a stream for CSV and JSON, a buffer for the workbook. */
export async function directoryFile(
  format: DownloadFormat,
  chunks: AsyncIterable<DirectoryItem[]>,
): Promise<Readable | Buffer> {
  if (format === "csv") return Readable.from(csvText(chunks));
  if (format === "json") return Readable.from(jsonText(chunks));
  const rows: DirectoryItem[] = [];
  for await (const items of chunks) rows.push(...items);
  return toXlsx("平台名录", directoryColumns, rows, "zh");
}
