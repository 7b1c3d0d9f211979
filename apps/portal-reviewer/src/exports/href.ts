/**
 * The after-approval export files (issue 10) served by the server at GET /api/v1/exports/<list>.<format>:
 * same origin, the session cookie authenticates, the query string carries the filters on screen.
 */
export type ExportList = "annual-reports" | "evaluation-results" | "rectifications";
export type ExportFormat = "csv" | "xlsx";
export type ExportFilters = Record<string, string | number | null | undefined>;

/** The file URL; filters without a value ("all", a cleared select) are left out. */
export function exportHref(
  list: ExportList,
  format: ExportFormat,
  filters: ExportFilters = {},
  locale: "zh" | "en" = "zh",
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  if (locale === "en") query.set("locale", "en");
  const search = query.toString();
  return `/api/v1/exports/${list}.${format}${search ? `?${search}` : ""}`;
}
