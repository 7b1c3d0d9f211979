import { describe, expect, it } from "vitest";
import { fieldLabels } from "./platforms";

describe("fieldLabels", () => {
  it("shows strings and localized pairs, and ignores anything else", () => {
    expect(fieldLabels(["新材料", { zh: "生物医药", en: "Biomedicine" }, 3], (text) => text.en)).toEqual([
      "新材料",
      "Biomedicine",
    ]);
    expect(fieldLabels(null, (text) => text.zh)).toEqual([]);
  });
});
