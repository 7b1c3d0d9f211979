import { blankMessages, keyDifferences } from "@kechuang/ui";
import { describe, expect, it } from "vitest";
import { publicEn, publicZhCN } from "./messages";

describe("public portal messages", () => {
  it("have the same keys in zh-CN and en, none blank", () => {
    expect(keyDifferences(publicZhCN, publicEn)).toEqual({ onlyInA: [], onlyInB: [] });
    expect([...blankMessages(publicZhCN), ...blankMessages(publicEn)]).toEqual([]);
  });
});
