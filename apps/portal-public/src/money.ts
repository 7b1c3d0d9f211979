/**
 * Amounts are entered in 万元 (how government forms and the sources state them: "不低于4000万元") and
 * stored as whole 元. Conversion works on the decimal text, never on floats, so 3999.9999 万元 is exactly
 * 39,999,999 元. Four decimals of 万元 is one 元: anything finer is not a whole amount and is refused.
 */
const wanPattern = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

/** "3999.9999" → 39999999; blank → undefined; anything else (negative, 5 decimals, letters) → null. */
export function wanToCny(text: string | undefined | null): number | undefined | null {
  const trimmed = (text ?? "").replace(/[,，\s]/g, "");
  if (trimmed === "") return undefined;
  const match = wanPattern.exec(trimmed);
  if (!match) return null;
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(4, "0");
  const yuan = Number(`${whole}${fraction}`);
  return Number.isSafeInteger(yuan) ? yuan : null;
}

/** 39999999 → "3999.9999"; 40000000 → "4000" (trailing zeros dropped). */
export function cnyToWan(yuan: number): string {
  const digits = String(Math.trunc(Math.abs(yuan))).padStart(5, "0");
  const whole = digits.slice(0, -4).replace(/^0+(?=\d)/, "");
  const fraction = digits.slice(-4).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Whole 元 with digit grouping, for showing what a 万元 entry means: "39,999,999 元". */
export const groupedYuan = (yuan: number): string => yuan.toLocaleString("en-US");
