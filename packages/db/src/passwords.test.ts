import { describe, expect, it } from "vitest";
import {
  generatePassword,
  generateTotpSecret,
  hashPassword,
  passwordMeetsPolicy,
  verifyPassword,
} from "./passwords";

describe("password policy", () => {
  it.each([
    ["Short1!a", false],
    ["alllowercase123!", false],
    ["ALLUPPERCASE123!", false],
    ["NoDigitsHere!!xx", false],
    ["NoSymbols123abc", false],
    ["Good-Passw0rd-1", true],
  ])("%s → %s", (password, expected) => {
    expect(passwordMeetsPolicy(password)).toBe(expected);
  });

  it("generated passwords always meet it and differ", () => {
    const generated = Array.from({ length: 200 }, () => generatePassword());
    expect(generated.every(passwordMeetsPolicy)).toBe(true);
    expect(new Set(generated).size).toBe(200);
  });

  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("Good-Passw0rd-1");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "Good-Passw0rd-1")).toBe(true);
    expect(await verifyPassword(hash, "Good-Passw0rd-2")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("TOTP secrets are 32 base32 characters (160 bits)", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});
