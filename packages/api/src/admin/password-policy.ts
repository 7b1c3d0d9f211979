import { passwordMeetsPolicy } from "@kechuang/db";

/**
 * The one password rule for chosen passwords: the shared composition policy (≥ 12 characters, four
 * classes — see passwords.ts in @kechuang/db), not containing the username, and not the current password.
 */
export function acceptablePassword(
  password: string,
  context: { username: string; current: string },
): boolean {
  return (
    passwordMeetsPolicy(password) &&
    !password.toLowerCase().includes(context.username.toLowerCase()) &&
    password !== context.current
  );
}
