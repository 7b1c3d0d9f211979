import {
  appendAudit,
  clearFailedSignIns,
  findOrganizationName,
  findUserByUsername,
  hashPassword,
  recordAudit,
  recordFailedSignIn,
  secretsOf,
  unknownUsernamePseudonym,
  verifyPassword,
} from "@kechuang/db";
import {
  type Result,
  roleSchema,
  type SessionUser,
  type SignInInput,
  secondFactorRoles,
} from "@kechuang/domain";
import { acceptancesOfTotpStep, lastAcceptedTotpStep } from "../admin/store";
import type { Context } from "../trpc";
import { createSession } from "./session";
import { acceptStoredTotpCode } from "./totp";

class TotpReplayed extends Error {}

export type SignInFailure = { needsTotp: boolean };
export type SignInSuccess = { user: SessionUser; token: string; expiresAt: Date };

/** Unknown users still cost one argon2 verify, so response time does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
const timingDummy = () => {
  dummyHash ??= hashPassword("timing-equaliser-not-a-password");
  return dummyHash;
};

/**
 * Password (+ TOTP for authority and administrators). Every failure gives the same answer; `needsTotp` is
 * revealed only after the password was right. Five consecutive failures lock the account for 15 minutes.
 */
export async function signIn(
  ctx: Context,
  input: SignInInput,
): Promise<Result<SignInSuccess, SignInFailure>> {
  const now = ctx.now();
  const db = ctx.database.db;
  const audit = (
    result: "ok" | "failed" | "denied",
    actorId: string | null,
    actorRole: string,
    reason?: string,
    objectId: string = input.username,
  ) => ({
    actorId,
    actorRole,
    action: "auth.sign-in",
    objectType: "user",
    objectId,
    result,
    sourceIp: ctx.ip,
    detail: { requestId: ctx.requestId, ...(reason ? { reason } : {}) },
  });

  const user = await findUserByUsername(db, input.username);
  if (!user) {
    await verifyPassword(await timingDummy(), input.password);
    // Not the typed text: it may be a password typed into the wrong box, kept in an undeletable log.
    const pseudonym = unknownUsernamePseudonym(secretsOf(db), input.username);
    await recordAudit(db, audit("failed", null, "anonymous", "unknown-user", pseudonym));
    return { ok: false, error: { needsTotp: false } };
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (user.disabled || (user.lockedUntil && user.lockedUntil > now)) {
    await recordAudit(db, audit("denied", user.id, user.role, user.disabled ? "disabled" : "locked"));
    return { ok: false, error: { needsTotp: false } };
  }
  const role = roleSchema.parse(user.role);
  const needsTotp = secondFactorRoles.includes(role);
  // A missing code after a right password is the first step of a two-step form, not a guess: not counted.
  if (passwordOk && needsTotp && !input.totp) {
    await recordAudit(db, audit("failed", user.id, role, "totp-missing"));
    return { ok: false, error: { needsTotp: true } };
  }
  // The accepted step goes into the success audit row: the next sign-in must use a later code (no column needed).
  const totpStep =
    needsTotp && user.totpSecret != null
      ? await acceptStoredTotpCode(db, user.totpSecret, input.totp ?? "", {
          now,
          afterTimeStep: await lastAcceptedTotpStep(db, user.id),
        })
      : null;
  const totpOk = !needsTotp || totpStep !== null;
  if (!passwordOk || !totpOk) {
    await ctx.database.db.transaction(async (tx) => {
      const { locked } = await recordFailedSignIn(tx, user.id, now);
      await appendAudit(tx, audit("failed", user.id, role, passwordOk ? "totp-wrong" : "password-wrong"));
      if (locked)
        await appendAudit(tx, { ...audit("denied", user.id, role, "five-failures"), action: "auth.lock" });
    });
    return { ok: false, error: { needsTotp: passwordOk && needsTotp } };
  }
  const session = await db
    .transaction(async (tx) => {
      await clearFailedSignIns(tx, user.id);
      const created = await createSession(tx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent, now });
      const entry = audit("ok", user.id, role);
      await appendAudit(tx, {
        ...entry,
        detail: { ...entry.detail, ...(totpStep !== null ? { totpTimeStep: totpStep } : {}) },
      });
      // appendAudit holds the chain lock to commit, so concurrent sign-ins reach this line one by one and
      // each sees the others' rows: a second acceptance of the same step rolls this one back.
      if (totpStep !== null && (await acceptancesOfTotpStep(tx, user.id, totpStep)) > 1)
        throw new TotpReplayed();
      return created;
    })
    .catch((error: unknown) => {
      if (error instanceof TotpReplayed) return null;
      throw error;
    });
  if (!session) {
    await recordAudit(db, audit("failed", user.id, role, "totp-replayed"));
    return { ok: false, error: { needsTotp: true } };
  }
  const organizationName = user.organizationId ? await findOrganizationName(db, user.organizationId) : null;
  return {
    ok: true,
    value: {
      token: session.token,
      expiresAt: session.expiresAt,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role,
        organizationId: user.organizationId,
        organizationName,
        areaCode: user.areaCode,
        mustChangePassword: user.mustChangePassword,
      },
    },
  };
}
