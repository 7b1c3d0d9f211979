import { blankMessages, keyDifferences } from "@kechuang/ui";
import { describe, expect, it } from "vitest";
import { reviewerEn, reviewerZhCN } from "./messages";

describe("reviewer portal messages", () => {
  it("have the same keys in zh-CN and en, none blank", () => {
    expect(keyDifferences(reviewerZhCN, reviewerEn)).toEqual({ onlyInA: [], onlyInB: [] });
    expect([...blankMessages(reviewerZhCN), ...blankMessages(reviewerEn)]).toEqual([]);
  });
});
