import { describeError } from "@kechuang/ui";

/** Which message the sign-in form shows for a failed attempt (an i18n key in "common"), and whether to ask for TOTP. */
export function signInFailure(
  error: unknown,
  totpWasSent: boolean,
): { messageKey: string; needsTotp: boolean; correlationId: string | null } {
  const described = describeError(error);
  const needsTotp = described.data.needsTotp === true;
  const messageKey =
    described.kind === "rate-limited"
      ? "signIn.tooManyAttempts"
      : described.kind === "unauthorized"
        ? needsTotp
          ? totpWasSent
            ? "signIn.wrongTotp"
            : "signIn.totpRequired"
          : "signIn.wrongCredentials"
        : "state.errorGeneric";
  return { messageKey, needsTotp, correlationId: described.correlationId };
}
