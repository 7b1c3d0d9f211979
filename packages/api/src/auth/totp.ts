import { verify } from "otplib";

/** RFC 6238 code check with ±1 step (30 s) of clock drift. */
export async function totpCodeIsValid(secret: string, code: string): Promise<boolean> {
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}
