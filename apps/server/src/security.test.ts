import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { csrfProblem, isSignInRequest } from "./security";
import { testConfig } from "./testing";

const request = (method: string, url: string, headers: Record<string, string>) =>
  ({ method, url, headers: { host: "kc.example.cn", ...headers } }) as unknown as FastifyRequest;
const json = { "content-type": "application/json; charset=utf-8" };

describe("sign-in detection for the rate limit", () => {
  it.each([
    ["/trpc/auth.signIn", true],
    ["/trpc/auth.me,auth.signIn?batch=1", true],
    ["/trpc/auth.signIn,auth.me?batch=1", true],
    ["/trpc/auth.signInX", false],
    ["/trpc/auth.me?input=auth.signIn", false],
    ["/api/v1/policies", false],
  ])("%s → %s", (url, expected) => {
    expect(isSignInRequest(request("POST", url, {}))).toBe(expected);
  });
});

describe("CSRF check", () => {
  const config = testConfig();
  it("lets reads through and same-origin JSON writes", () => {
    expect(csrfProblem(request("GET", "/trpc/auth.me", {}), config)).toBeNull();
    expect(
      csrfProblem(request("POST", "/trpc/auth.signIn", { ...json, origin: "https://kc.example.cn" }), config),
    ).toBeNull();
  });
  it("refuses other origins, missing origins and form content types", () => {
    expect(
      csrfProblem(request("POST", "/trpc/x", { ...json, origin: "https://kc.example.cn.evil.io" }), config),
    ).toBe("cross-origin request");
    expect(csrfProblem(request("POST", "/trpc/x", json), config)).toBe("missing Origin");
    expect(
      csrfProblem(
        request("POST", "/trpc/x", {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://kc.example.cn",
        }),
        config,
      ),
    ).toMatch(/application\/json/);
  });
  it("compares with PUBLIC_ORIGIN exactly when it is set", () => {
    const pinned = testConfig({ publicOrigin: "https://kc.example.cn" });
    expect(csrfProblem(request("POST", "/trpc/x", { ...json, origin: "http://kc.example.cn" }), pinned)).toBe(
      "cross-origin request",
    );
    expect(
      csrfProblem(request("POST", "/trpc/x", { ...json, origin: "https://kc.example.cn" }), pinned),
    ).toBeNull();
  });
  it("exempts the state-less REST checks from the Origin rule but not from JSON", () => {
    expect(csrfProblem(request("POST", "/api/v1/policies/hn-tic-2020/check", json), config)).toBeNull();
    expect(
      csrfProblem(
        request("POST", "/api/v1/policies/hn-tic-2020/check", { "content-type": "text/plain" }),
        config,
      ),
    ).not.toBeNull();
  });
});
