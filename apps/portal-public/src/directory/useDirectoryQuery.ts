import type { DirectoryQuery } from "@kechuang/domain";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { directorySearchParams, type ParsedDirectoryUrl, parseDirectoryParams } from "./directoryUrl";

/**
 * The directory's query read from and written to the URL. Each change is a new history entry, so the
 * browser's back button undoes a search or a page turn, and a reload or a shared link restores it.
 */
export function useDirectoryQuery(): ParsedDirectoryUrl & { setQuery: (next: DirectoryQuery) => void } {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseDirectoryParams(params), [params]);
  const setQuery = useCallback((next: DirectoryQuery) => setParams(directorySearchParams(next)), [setParams]);
  return { ...parsed, setQuery };
}
