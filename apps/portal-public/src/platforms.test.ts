import { describe, expect, it } from "vitest";
import {
  countPlatforms,
  fieldLabels,
  filterPlatforms,
  isFiltered,
  jurisdictionsOf,
  noFilter,
} from "./platforms";

const sichuan = { code: "51", name: { zh: "四川省", en: "Sichuan" } };
const hunan = { code: "43", name: { zh: "湖南省", en: "Hunan" } };
const rows = [
  { id: "a", kind: "tech-innovation-center", jurisdiction: sichuan },
  { id: "b", kind: "transfer-demonstration-zone", jurisdiction: sichuan },
  { id: "c", kind: "tech-innovation-center", jurisdiction: hunan },
];

describe("filterPlatforms", () => {
  it("keeps everything without a filter and narrows by jurisdiction and kind together", () => {
    expect(filterPlatforms(rows, noFilter).map((row) => row.id)).toEqual(["a", "b", "c"]);
    expect(filterPlatforms(rows, { jurisdiction: "51", kind: null }).map((row) => row.id)).toEqual([
      "a",
      "b",
    ]);
    expect(
      filterPlatforms(rows, { jurisdiction: "51", kind: "tech-innovation-center" }).map((row) => row.id),
    ).toEqual(["a"]);
    expect(filterPlatforms(rows, { jurisdiction: "43", kind: "transfer-demonstration-zone" })).toEqual([]);
    expect(isFiltered(noFilter)).toBe(false);
    expect(isFiltered({ jurisdiction: null, kind: "city-platform" })).toBe(true);
  });
});

describe("countPlatforms and jurisdictionsOf", () => {
  it("count centers, zones and distinct jurisdictions", () => {
    expect(countPlatforms(rows)).toEqual({ centers: 2, zones: 1, jurisdictions: 2 });
    // A revoked platform stays in the register but no longer counts.
    expect(countPlatforms([...rows, { ...rows[0]!, status: "delisted" }])).toEqual({
      centers: 2,
      zones: 1,
      jurisdictions: 2,
    });
    expect(countPlatforms([{ ...rows[2]!, status: "delisted" }])).toEqual({
      centers: 0,
      zones: 0,
      jurisdictions: 0,
    });
    expect(jurisdictionsOf(rows)).toEqual([sichuan, hunan]);
  });
});

describe("fieldLabels", () => {
  it("shows strings and localized pairs, and ignores anything else", () => {
    expect(fieldLabels(["新材料", { zh: "生物医药", en: "Biomedicine" }, 3], (text) => text.en)).toEqual([
      "新材料",
      "Biomedicine",
    ]);
    expect(fieldLabels(null, (text) => text.zh)).toEqual([]);
  });
});
