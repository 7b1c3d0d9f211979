import { describe, expect, it } from "vitest";
import {
  cleared,
  defaultDirectoryQuery,
  directorySearchParams,
  downloadHref,
  isNarrowed,
  parseDirectoryParams,
  withChange,
} from "./directoryUrl";

const parse = (search: string) => parseDirectoryParams(new URLSearchParams(search));

describe("parseDirectoryParams", () => {
  it("reads every condition, coercing numbers, and defaults the rest", () => {
    const { query, ignored } = parse(
      "q=稀土&jurisdiction=150000&status=approved&year=2021&page=2&pageSize=1",
    );
    expect(ignored).toEqual([]);
    expect(query).toEqual({
      ...defaultDirectoryQuery,
      q: "稀土",
      jurisdiction: "150000",
      status: "approved",
      year: 2021,
      page: 2,
      pageSize: 1,
    });
    expect(parse("").query).toEqual(defaultDirectoryQuery);
  });

  it("drops only the hand-edited bad values and keeps the rest of the link", () => {
    const { query, ignored } = parse(
      "q=芯片&kind=spaceship&page=-3&pageSize=5000&year=abc&status=cultivating",
    );
    expect([...ignored].sort()).toEqual(["kind", "page", "pageSize", "year"]);
    expect(query).toEqual({ ...defaultDirectoryQuery, q: "芯片", status: "cultivating" });
  });

  it("treats empty parameters as absent", () => {
    expect(parse("q=&jurisdiction=&sort=name")).toEqual({
      query: { ...defaultDirectoryQuery, sort: "name" },
      ignored: [],
    });
  });
});

describe("directorySearchParams and downloadHref", () => {
  it("round-trip through the URL and leave defaults out", () => {
    const query = { ...defaultDirectoryQuery, q: "电池 cell", field: "新材料", page: 3, pageSize: 2 };
    const params = directorySearchParams(query);
    expect(params.get("sort")).toBeNull();
    expect(parse(params.toString())).toEqual({ query, ignored: [] });
    expect(directorySearchParams(defaultDirectoryQuery).toString()).toBe("");
  });

  it("link downloads to the same conditions without the paging", () => {
    const query = {
      ...defaultDirectoryQuery,
      jurisdiction: "510000",
      sort: "name" as const,
      page: 2,
      pageSize: 1,
    };
    expect(downloadHref(query, "csv")).toBe("/api/v1/platforms.csv?jurisdiction=510000&sort=name");
    expect(downloadHref(defaultDirectoryQuery, "json")).toBe("/api/v1/platforms.json");
  });
});

describe("withChange, cleared and isNarrowed", () => {
  it("goes back to page one on a new condition, keeps the page when paging", () => {
    const onPage3 = { ...defaultDirectoryQuery, page: 3 };
    expect(withChange(onPage3, { kind: "city-platform" }).page).toBe(1);
    expect(withChange(onPage3, { page: 4 }).page).toBe(4);
  });

  it("clear removes narrowing but keeps sort and page size", () => {
    const narrowed = {
      ...defaultDirectoryQuery,
      q: "x",
      year: 2020,
      sort: "name" as const,
      pageSize: 50,
      page: 2,
    };
    expect(isNarrowed(narrowed)).toBe(true);
    expect(cleared(narrowed)).toEqual({ ...defaultDirectoryQuery, sort: "name", pageSize: 50 });
    expect(isNarrowed(cleared(narrowed))).toBe(false);
    expect(isNarrowed({ ...defaultDirectoryQuery, sort: "approved-asc", page: 9 })).toBe(false);
  });
});
