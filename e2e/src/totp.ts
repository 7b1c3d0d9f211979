import { createHmac } from "node:crypto";

/**
 * RFC 6238 codes (SHA-1, 6 digits, 30 s) from a base32 secret, as an authenticator app computes them:
 * the authority and the administrators sign in with one. Written out rather than adding otplib to e2e.
 */
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(secret: string): Buffer {
  const clean = secret.toUpperCase().replace(/[\s=]/g, "");
  let bits = "";
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    bits += index.toString(2).padStart(5, "0");
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export const totpStep = (at: Date): number => Math.floor(at.getTime() / 1000 / 30);

export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

const lastStepUsed = new Map<string, number>();

/**
 * A code the server has not accepted yet for this secret: the server refuses a reused time step
 * (replay protection), so a second sign-in of the same user waits for the next 30 s step.
 * `clockOffsetMs`: how far the server's clock runs ahead of ours (see clockShift.cjs).
 */
export async function freshTotpCode(secret: string, clockOffsetMs = 0): Promise<string> {
  const serverNow = () => new Date(Date.now() + clockOffsetMs);
  let step = totpStep(serverNow());
  const last = lastStepUsed.get(secret);
  if (last !== undefined && step <= last) {
    const nextStepAt = (last + 1) * 30_000;
    await new Promise((done) => setTimeout(done, nextStepAt - serverNow().getTime() + 200));
    step = totpStep(serverNow());
  }
  lastStepUsed.set(secret, step);
  return totpCode(secret, step);
}
