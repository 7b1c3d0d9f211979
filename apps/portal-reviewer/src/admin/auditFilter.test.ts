import { describe, expect, it } from "vitest";
import { auditFilterInput } from "./auditFilter";

describe("auditFilterInput", () => {
  it("drops blanks", () => {
    expect(auditFilterInput({ actionPrefix: "  ", result: undefined })).toEqual({});
  });

  it("trims the prefix and widens days to whole Beijing days", () => {
    expect(
      auditFilterInput({ actionPrefix: " admin. ", result: "denied", from: "2026-11-01", to: "2026-11-22" }),
    ).toEqual({
      actionPrefix: "admin.",
      result: "denied",
      from: "2026-11-01T00:00:00+08:00",
      to: "2026-11-22T23:59:59.999+08:00",
    });
  });
});
