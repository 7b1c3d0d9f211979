import { z } from "zod";

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters.
 *   1     registration authority (登记管理部门码)
 *   2     organization category (机构类别码)
 *   3–8   administrative division code (登记管理机关行政区划码, six digits)
 *   9–17  organization code (主体标识码, GB 11714: eight body characters + its own check character)
 *   18    check character over positions 1–17 (this is what we require)
 *
 * Case: the standard only has upper-case letters. `isValidCreditCode` accepts the canonical form only;
 * `creditCodeSchema` trims and upper-cases user input first, so "91350100m000100y43" is stored as
 * "91350100M000100Y43". One canonical form in the database, forgiving input at the edge.
 *
 * GB 11714 (position 17): NOT required. Codes issued to bodies that never had an organization code
 * are not guaranteed to satisfy it, so rejecting on it would lock real organizations out. It is
 * exposed as `hasValidOrganizationCodeCheck` for an advisory warning only.
 */

/** The 31 characters of GB 32100-2015, in value order (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const CANONICAL = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character (position 18) for a 17-character body; undefined if the body is malformed. */
export function creditCodeCheckChar(body: string): string | undefined {
  if (body.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(body[i]!);
    if (value < 0) return undefined;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31; // 31 → 0
  return CREDIT_CODE_CHARSET[check];
}

/** True for an 18-character canonical (upper-case) code whose check character is right. */
export function isValidCreditCode(code: string): boolean {
  if (!CANONICAL.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

export const normalizeCreditCode = (input: string): string => input.trim().toUpperCase();

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 check of the organization code inside a credit code (positions 9–17). Advisory only. */
export function hasValidOrganizationCodeCheck(code: string): boolean {
  if (!CANONICAL.test(code)) return false;
  const orgCode = code.slice(8, 17);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(orgCode[i]!, 36) * GB11714_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  const expected = c === 10 ? "X" : c === 11 ? "0" : String(c);
  return orgCode[8] === expected;
}

// trim and toUpperCase are zod "overwrites", not transforms, so the schema still renders as JSON Schema.
export const creditCodeSchema = z.string().trim().toUpperCase().refine(isValidCreditCode, {
  message:
    "统一社会信用代码无效：应为18位（数字或除I、O、S、V、Z外的大写字母），且第18位校验码正确（GB 32100-2015） / Invalid unified social credit code: 18 characters (digits or capital letters except I, O, S, V, Z) with a correct check character (GB 32100-2015)",
});
export type CreditCode = z.infer<typeof creditCodeSchema>;
