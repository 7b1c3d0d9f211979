import { describe, expect, it } from "vitest";
import { clauseDepth } from "./clauses";

describe("clauseDepth", () => {
  it("reads section, sub-section and item from the numbering", () => {
    expect(clauseDepth("三")).toBe(0);
    expect(clauseDepth("附件")).toBe(0);
    expect(clauseDepth("三(二)")).toBe(1);
    expect(clauseDepth("三（二）")).toBe(1);
    expect(clauseDepth("三(一)1")).toBe(2);
    expect(clauseDepth("三（一）12")).toBe(2);
  });
});
