import { directoryPageSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { apiExamples, downloadLinks, OPENAPI_PATH } from "./examples";

describe("developer page examples", () => {
  it("shows an answer the directory's own schema accepts", () => {
    const { list } = apiExamples("https://kc.example.cn");
    expect(directoryPageSchema.safeParse(JSON.parse(list.response)).error).toBeUndefined();
  });

  it("addresses this origin, the REST paths and one download per format", () => {
    const examples = apiExamples("https://kc.example.cn");
    expect(examples.list.request).toContain("'https://kc.example.cn/api/v1/platforms?");
    expect(examples.platform.request).toMatch(/\/api\/v1\/platforms\/[0-9a-f-]{36}'$/);
    expect(examples.revalidate).toContain("If-None-Match");
    expect(downloadLinks.map((link) => link.href)).toEqual([
      "/api/v1/platforms.csv",
      "/api/v1/platforms.xlsx",
      "/api/v1/platforms.json",
    ]);
    expect(OPENAPI_PATH).toBe("/api/openapi.json");
    // Without a window (server-side rendering, tests) the examples still read as full URLs.
    expect(apiExamples("").list.request).toMatch(/^curl 'https:\/\//);
  });
});
