import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeSchema,
  hasValidOrganizationCodeCheck,
  isValidCreditCode,
} from "./credit-code";

/** Independent re-statement of GB 32100-2015 (weights as 3^i mod 31) so the test does not trust the module. */
function referenceCheckChar(body: string): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let sum = 0;
  let weight = 1;
  for (const ch of body) {
    sum += alphabet.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/** Deterministic bodies: registration authority 9, category 1, a division code, then a varied org code. */
function bodies(): string[] {
  const out: string[] = [];
  for (let seed = 0; seed < 200; seed++) {
    let body = "91510100";
    for (let i = 0; i < 9; i++) body += CREDIT_CODE_CHARSET[(seed * 7 + i * 13 + seed * i) % 31];
    out.push(body);
  }
  return out;
}

// Codes published in public company registration records.
const publicCodes = [
  "914403001922038216", // 华为技术有限公司
  "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
  "91110000802100433B", // 北京百度网讯科技有限公司
  "91350100M000100Y43", // the worked example printed with GB 32100-2015 explanations
];

describe("isValidCreditCode", () => {
  it("accepts codes built with an independently computed check character", () => {
    for (const body of bodies()) {
      const code = body + referenceCheckChar(body);
      expect(isValidCreditCode(code), code).toBe(true);
      expect(creditCodeCheckChar(body)).toBe(referenceCheckChar(body));
    }
  });

  it("covers check value 0 (31 mod 31) and the highest check values", () => {
    const checks = new Set(bodies().map(referenceCheckChar));
    expect(checks.has("0")).toBe(true);
    expect(checks.size).toBeGreaterThan(25);
  });

  it("accepts known public codes", () => {
    for (const code of publicCodes) expect(isValidCreditCode(code), code).toBe(true);
  });

  it("rejects every single-character substitution of a valid code", () => {
    for (const code of [
      ...publicCodes,
      ...bodies()
        .slice(0, 20)
        .map((b) => b + referenceCheckChar(b)),
    ]) {
      for (let pos = 0; pos < 18; pos++) {
        for (const ch of CREDIT_CODE_CHARSET) {
          if (ch === code[pos]) continue;
          const mutated = code.slice(0, pos) + ch + code.slice(pos + 1);
          expect(isValidCreditCode(mutated), mutated).toBe(false);
        }
      }
    }
  });

  it("rejects wrong lengths", () => {
    const code = publicCodes[0]!;
    expect(isValidCreditCode("")).toBe(false);
    expect(isValidCreditCode(code.slice(0, 17))).toBe(false);
    expect(isValidCreditCode(`${code}0`)).toBe(false);
  });

  it("rejects the forbidden letters I, O, S, V, Z even where the checksum arithmetic is not reached", () => {
    for (const bad of "IOSVZ") {
      const body = `9151010${bad}MA6CXXXX`.padEnd(17, "1");
      expect(isValidCreditCode(`${body}0`)).toBe(false);
      expect(creditCodeCheckChar(body)).toBeUndefined();
    }
  });

  it("rejects lower case: only the canonical upper-case form is valid", () => {
    expect(isValidCreditCode("9144030071526726xg")).toBe(false);
  });
});

describe("creditCodeSchema", () => {
  it("trims and upper-cases input, then validates", () => {
    expect(creditCodeSchema.parse(" 9144030071526726xg ")).toBe("9144030071526726XG");
  });

  it("fails with a bilingual message", () => {
    const result = creditCodeSchema.safeParse("914403001922038217");
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? "";
    expect(message).toContain("统一社会信用代码");
    expect(message).toContain("unified social credit code");
  });
});

describe("hasValidOrganizationCodeCheck (GB 11714, advisory)", () => {
  it("accepts the organization codes inside the public examples", () => {
    for (const code of publicCodes) expect(hasValidOrganizationCodeCheck(code), code).toBe(true);
  });

  it("detects a wrong organization-code check character", () => {
    // Change position 17 and repair position 18 so only the GB 11714 check is wrong.
    const body = `${publicCodes[0]!.slice(0, 16)}7`;
    const code = body + referenceCheckChar(body);
    expect(isValidCreditCode(code)).toBe(true);
    expect(hasValidOrganizationCodeCheck(code)).toBe(false);
  });
});
