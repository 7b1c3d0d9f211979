import { type Executor, openTotpSecret } from "@kechuang/db";
import { verify } from "otplib";

/**
 * RFC 6238 code check with ±1 step (30 s) of clock drift. A code is single-use: its time step must be
 * later than `afterTimeStep` (the step of the user's last accepted code), so a code seen over a shoulder
 * or replayed from a log cannot be used again inside its window. Returns the accepted step, or null.
 */
export async function acceptTotpCode(
  secret: string,
  code: string,
  options: { now: Date; afterTimeStep?: number },
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      epoch: Math.floor(options.now.getTime() / 1000),
      ...(options.afterTimeStep !== undefined ? { afterTimeStep: options.afterTimeStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/**
 * `acceptTotpCode` for a secret as stored (AES-256-GCM under the database handle's key): the plain
 * secret exists only here, for the check. A value the key cannot open accepts no code.
 */
export async function acceptStoredTotpCode(
  db: Executor,
  storedSecret: string,
  code: string,
  options: { now: Date; afterTimeStep?: number },
): Promise<number | null> {
  const secret = openTotpSecret(db, storedSecret);
  return secret === null ? null : acceptTotpCode(secret, code, options);
}
