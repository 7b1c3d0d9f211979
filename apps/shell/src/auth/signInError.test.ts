import { describe, expect, it } from "vitest";
import { signInFailure } from "./signInError";

const unauthorized = (data: Record<string, unknown> = {}) => ({
  message: "用户名或密码错误 / Wrong username or password",
  data: { code: "UNAUTHORIZED", ...data },
});

describe("signInFailure", () => {
  it("says wrong credentials without revealing which part was wrong", () => {
    expect(signInFailure(unauthorized(), false)).toMatchObject({
      messageKey: "signIn.wrongCredentials",
      needsTotp: false,
    });
  });

  it("asks for the one-time code, then says it was wrong if one was sent", () => {
    expect(signInFailure(unauthorized({ needsTotp: true }), false)).toMatchObject({
      messageKey: "signIn.totpRequired",
      needsTotp: true,
    });
    expect(signInFailure(unauthorized({ needsTotp: true }), true).messageKey).toBe("signIn.wrongTotp");
  });

  it("reports rate limiting and unexpected failures with their correlation id", () => {
    expect(signInFailure({ data: { code: "TOO_MANY_REQUESTS" } }, false).messageKey).toBe(
      "signIn.tooManyAttempts",
    );
    expect(signInFailure({ data: { code: "INTERNAL_SERVER_ERROR", correlationId: "c-9" } }, false)).toEqual({
      messageKey: "state.errorGeneric",
      needsTotp: false,
      correlationId: "c-9",
    });
  });
});
