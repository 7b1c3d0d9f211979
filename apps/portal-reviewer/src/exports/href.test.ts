import { describe, expect, it } from "vitest";
import { exportHref } from "./href";

describe("exportHref", () => {
  it("names the list and format, and carries only the filters with a value", () => {
    expect(exportHref("annual-reports", "csv")).toBe("/api/v1/exports/annual-reports.csv");
    expect(
      exportHref("annual-reports", "xlsx", {
        policyId: "nm-tic-2020",
        yearCovered: 2025,
        status: "",
        x: null,
      }),
    ).toBe("/api/v1/exports/annual-reports.xlsx?policyId=nm-tic-2020&yearCovered=2025");
    expect(exportHref("rectifications", "csv", { status: "open" }, "en")).toBe(
      "/api/v1/exports/rectifications.csv?status=open&locale=en",
    );
    expect(exportHref("evaluation-results", "csv", { policyId: "a&b=c" })).toBe(
      "/api/v1/exports/evaluation-results.csv?policyId=a%26b%3Dc",
    );
  });
});
