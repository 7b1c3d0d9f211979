import { blankMessages, keyDifferences } from "@kechuang/ui";
import { describe, expect, it } from "vitest";
import { applicantEn, applicantZhCN } from "./messages";

describe("applicant portal messages", () => {
  it("have the same keys in zh-CN and en, none blank", () => {
    expect(keyDifferences(applicantZhCN, applicantEn)).toEqual({ onlyInA: [], onlyInB: [] });
    expect([...blankMessages(applicantZhCN), ...blankMessages(applicantEn)]).toEqual([]);
  });
});
