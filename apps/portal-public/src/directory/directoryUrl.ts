import { type DirectoryQuery, directoryQuerySchema } from "@kechuang/domain";

/**
 * The directory's whole state lives in the URL (issue 12: a search can be shared, bookmarked and reloaded),
 * parsed with the same zod schema the server validates with. A hand-edited bad value is dropped on its own:
 * the rest of the link still applies.
 */

type Key = keyof DirectoryQuery;
const keys = Object.keys(directoryQuerySchema.shape) as Key[];

/** The query an empty URL means (the schema's defaults): these values are left out of links. */
export const defaultDirectoryQuery: DirectoryQuery = directoryQuerySchema.parse({});

export interface ParsedDirectoryUrl {
  query: DirectoryQuery;
  /** Parameters present in the URL but not valid, so ignored (shown to the reader). */
  ignored: Key[];
}

export function parseDirectoryParams(params: URLSearchParams): ParsedDirectoryUrl {
  const raw: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") raw[key] = value;
  }
  const ignored: Key[] = [];
  // Each failing parameter is removed and the rest parsed again; the loop ends as every pass removes one.
  for (;;) {
    const parsed = directoryQuerySchema.safeParse(raw);
    if (parsed.success) return { query: parsed.data, ignored };
    const bad = parsed.error.issues.map((issue) => issue.path[0]).find((key) => typeof key === "string");
    if (!bad || !(bad in raw)) return { query: defaultDirectoryQuery, ignored: Object.keys(raw) as Key[] };
    delete raw[bad as Key];
    ignored.push(bad as Key);
  }
}

/** The URL parameters of a query: only what differs from the defaults, in a stable order. */
export function directorySearchParams(
  query: DirectoryQuery,
  { paging = true }: { paging?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    if (!paging && (key === "page" || key === "pageSize")) continue;
    const value = query[key];
    if (value === undefined || value === "" || value === defaultDirectoryQuery[key]) continue;
    params.set(key, String(value));
  }
  return params;
}

/** Any condition that narrows the directory (search text or a filter); sort and paging do not. */
export function isNarrowed(query: DirectoryQuery): boolean {
  return keys.some(
    (key) => key !== "sort" && key !== "page" && key !== "pageSize" && query[key] !== undefined,
  );
}

/** Download formats served next to the REST API, taking the directory's query minus the paging. */
export const downloadFormats = ["csv", "xlsx", "json"] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

export function downloadHref(query: DirectoryQuery, format: DownloadFormat): string {
  const params = directorySearchParams(query, { paging: false }).toString();
  return `/api/v1/platforms.${format}${params ? `?${params}` : ""}`;
}

/** The same query with some conditions changed; any change but paging goes back to page one. */
export function withChange(query: DirectoryQuery, change: Partial<DirectoryQuery>): DirectoryQuery {
  const paging = "page" in change || "pageSize" in change;
  return { ...query, ...(paging ? {} : { page: 1 }), ...change };
}

/** Everything narrowing removed; sort and page size are the reader's preference and stay. */
export function cleared(query: DirectoryQuery): DirectoryQuery {
  return { ...defaultDirectoryQuery, sort: query.sort, pageSize: query.pageSize };
}
