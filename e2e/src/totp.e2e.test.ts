import { describe, expect, it } from "vitest";
import { totpCode, totpStep } from "./totp";

// Runs with the e2e suite (its config picks *.e2e.test.ts only); no browser or server needed.
describe("totpCode", () => {
  it("matches RFC 6238's SHA-1 vectors (last six digits)", () => {
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"
    expect(totpCode(secret, totpStep(new Date(59_000)))).toBe("287082");
    expect(totpCode(secret, totpStep(new Date(1_111_111_109_000)))).toBe("081804");
    expect(totpCode(secret, totpStep(new Date(2_000_000_000_000)))).toBe("279037");
  });
});
