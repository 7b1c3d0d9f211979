import { describe, expect, it } from "vitest";
import { newestFirst, policyTitle } from "./applications";

describe("newestFirst", () => {
  it("orders by last update, newest on top, without mutating the input", () => {
    const rows = [
      { id: "old", updatedAt: "2026-01-01T00:00:00Z" },
      { id: "new", updatedAt: new Date("2026-03-01T00:00:00Z") },
      { id: "mid", updatedAt: "2026-02-01T00:00:00Z" },
    ];
    expect(newestFirst(rows).map((row) => row.id)).toEqual(["new", "mid", "old"]);
    expect(rows[0]?.id).toBe("old");
  });
});

describe("policyTitle", () => {
  it("finds the title and falls back to the id", () => {
    const policies = [{ id: "hn-tic-2020", title: "湖南省技术创新中心建设实施方案" }];
    expect(policyTitle(policies, "hn-tic-2020")).toBe("湖南省技术创新中心建设实施方案");
    expect(policyTitle(policies, "sc-tic-2018")).toBe("sc-tic-2018");
    expect(policyTitle(undefined, "sc-tic-2018")).toBe("sc-tic-2018");
  });
});
