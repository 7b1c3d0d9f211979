import { describe, expect, it } from "vitest";
import {
  documentGrams,
  normalizeSearchText,
  platformSearchColumns,
  searchDocument,
  searchPattern,
} from "./grams";

describe("search normalization", () => {
  it("folds full-width letters, case and whitespace runs", () => {
    expect(normalizeSearchText("  ＡＩ　芯片\t\n Lab ")).toBe("ai 芯片 lab");
  });

  it("keeps parts on separate lines so a match cannot span two of them", () => {
    expect(searchDocument(["湖南省电池中心", null, " ", "某某大学"])).toBe("湖南省电池中心\n某某大学");
  });
});

describe("grams", () => {
  it("gives every distinct unigram and bigram, none across a part boundary", () => {
    const grams = documentGrams("电池电\nab");
    expect(grams.sort()).toEqual(["a", "ab", "b", "池", "池电", "电", "电池"].sort());
    expect(grams).not.toContain("电\n");
  });

  it("contains the grams of every substring of the document", () => {
    const document = searchDocument(["湖南省先进电池材料技术创新中心", "Hunan Battery Lab"]);
    const grams = new Set(documentGrams(document));
    for (const part of document.split("\n")) {
      const chars = Array.from(part);
      for (let start = 0; start < chars.length; start++)
        for (let end = start + 1; end <= chars.length; end++) {
          const pattern = searchPattern(chars.slice(start, end).join(""));
          if (pattern) for (const gram of pattern.grams) expect(grams.has(gram), gram).toBe(true);
        }
    }
  });

  it("counts a character outside the BMP as one character", () => {
    expect(documentGrams("𠀋a")).toEqual(["𠀋", "𠀋a", "a"]);
  });
});

describe("query pattern", () => {
  it("uses the character itself for a one-character query", () => {
    expect(searchPattern(" 芯 ")).toEqual({ needle: "芯", grams: ["芯"] });
  });

  it("uses the distinct bigrams of a longer query", () => {
    expect(searchPattern("电池电池")).toEqual({ needle: "电池电池", grams: ["电池", "池电"] });
    expect(searchPattern("ＡＩ")).toEqual({ needle: "ai", grams: ["ai"] });
  });

  it("is null for a blank query", () => {
    expect(searchPattern("  \t ")).toBeNull();
  });
});

describe("platformSearchColumns", () => {
  it("indexes name, lead unit, fields and summary", () => {
    const columns = platformSearchColumns({
      name: "湖南省先进电池材料技术创新中心",
      leadUnitName: "中南大学",
      fields: ["新能源", "新材料"],
      summary: "围绕动力电池开展攻关。",
    });
    expect(columns.searchText).toBe(
      "湖南省先进电池材料技术创新中心\n中南大学\n新能源\n新材料\n围绕动力电池开展攻关。",
    );
    for (const gram of ["中南", "能源", "动力", "攻"]) expect(columns.searchGrams).toContain(gram);
  });
});
