import { createHash, randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { defaultRateLimits, loadConfig } from "./env";
import { csrfProblem } from "./security";
import { testConfig } from "./testing";
import { isSignInRequest, signInAccountKey, throttledKind } from "./throttles";
import { batchProblem } from "./trpc-plugin";

const request = (method: string, url: string, headers: Record<string, string>) =>
  ({ method, url, headers: { host: "kc.example.cn", ...headers } }) as unknown as FastifyRequest;
const json = { "content-type": "application/json; charset=utf-8" };

describe("sign-in detection for the rate limit", () => {
  it.each([
    ["/trpc/auth.signIn", true],
    ["/trpc/auth.signIn?batch=1", true],
    ["/trpc/auth.me,auth.signIn?batch=1", true],
    ["/trpc/auth.signIn,auth.me?batch=1", true],
    // tRPC decodes the path: an encoded comma is still a batch of two.
    ["/trpc/auth.me%2Cauth.signIn?batch=1", true],
    ["/trpc/auth.signInX", false],
    ["/trpc/auth.me?input=auth.signIn", false],
    // Without batch=1 tRPC reads the whole path as one (unknown) procedure.
    ["/trpc/auth.me,auth.signIn", false],
    ["/api/v1/policies", false],
  ])("%s → %s", (url, expected) => {
    expect(isSignInRequest(request("POST", url, {}))).toBe(expected);
  });

  it("counts exports through the file route and the procedure, whatever the method of a throttled call", () => {
    expect(throttledKind(request("GET", "/api/v1/exports/applications.csv", {}))).toBe("export");
    expect(throttledKind(request("GET", "/trpc/exports.applications?input=%7B%7D", {}))).toBe("export");
    expect(throttledKind(request("POST", "/trpc/attachments.upload", {}))).toBe("upload");
    expect(throttledKind(request("POST", "/trpc/publicity.object?batch=1", {}))).toBe("objection");
    expect(throttledKind(request("GET", "/trpc/auth.me", {}))).toBeNull();
    // Names of Object.prototype are not procedures.
    expect(throttledKind(request("POST", "/trpc/constructor", {}))).toBeNull();
    expect(batchProblem("/trpc/auth.me,__proto__?batch=1")).toBeNull();
  });

  it("keys the per-account budget on the typed username, case-folded, under the server's key", () => {
    const serverKey = randomBytes(32);
    const key = signInAccountKey({ json: { username: "Applicant ", password: "x" } }, serverKey);
    expect(key).toBe(signInAccountKey({ "0": { json: { username: "applicant" } } }, serverKey));
    expect(key).not.toContain("applicant");
    // Not an unkeyed hash a dictionary could reverse: another server's key gives another counter key.
    expect(key).not.toBe(createHash("sha256").update("applicant").digest("base64url"));
    expect(signInAccountKey({ json: { username: "applicant" } }, randomBytes(32))).not.toBe(key);
    // As the tRPC plugin hands it over: the JSON text.
    expect(signInAccountKey(JSON.stringify({ json: { username: "APPLICANT" } }), serverKey)).toBe(key);
    expect(signInAccountKey("{not json", serverKey)).toBeNull();
    expect(signInAccountKey({ json: { password: "x" } }, serverKey)).toBeNull();
    expect(signInAccountKey("applicant", serverKey)).toBeNull();
  });
});

describe("tRPC batches (F2)", () => {
  it.each([
    ["/trpc/auth.signIn?batch=1", null],
    ["/trpc/auth.me,applications.listMine?batch=1", null],
    ["/trpc/auth.signIn,auth.signIn?batch=1", "auth.signIn is never batched"],
    ["/trpc/auth.me,publicity.object?batch=1", "publicity.object is never batched"],
    ["/trpc/attachments.upload%2Cauth.me?batch=1", "attachments.upload is never batched"],
    ["/trpc/auth.me,exports.applications?batch=1", "exports.applications is never batched"],
    [`/trpc/${Array(11).fill("auth.me").join(",")}?batch=1`, "more than 10 calls in one batch"],
    [`/trpc/${Array(10).fill("auth.me").join(",")}?batch=1`, null],
  ])("%s → %s", (url, expected) => {
    expect(batchProblem(url)).toBe(expected);
  });
});

describe("throttle and proxy settings", () => {
  it("documents defaults: a building behind one NAT address signs in freely, one account does not", () => {
    const result = loadConfig({});
    expect(result.ok && result.config.rateLimits).toEqual(defaultRateLimits);
    expect(defaultRateLimits.signInPerAddress).toBeGreaterThanOrEqual(300);
    expect(defaultRateLimits.signInPerAccount).toBeLessThanOrEqual(10);
    expect(result.ok && result.config.trustedProxies).toEqual([]);
    expect(result.ok && result.config.redis).toBeUndefined();
  });

  it("reads every budget, Redis and the trusted proxies from the environment", () => {
    const result = loadConfig({
      RATE_SIGN_IN_PER_ADDRESS: "900",
      RATE_SIGN_IN_PER_ACCOUNT: "3",
      RATE_UPLOAD: "7",
      RATE_OBJECTION: "4",
      RATE_EXPORT: "2",
      RATE_PUBLIC_DOWNLOAD: "6",
      REDIS_URL: "redis://127.0.0.1:6379",
      TRUSTED_PROXIES: "10.0.0.1, 192.168.10.0/24,::1",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.rateLimits).toEqual({
      signInPerAddress: 900,
      signInPerAccount: 3,
      upload: 7,
      objection: 4,
      export: 2,
      publicDownload: 6,
    });
    expect(result.config.redis).toEqual({ url: "redis://127.0.0.1:6379", keyPrefix: "kechuang-rate-limit:" });
    expect(result.config.trustedProxies).toEqual(["10.0.0.1", "192.168.10.0/24", "::1"]);
  });

  it.each([
    ["TRUSTED_PROXIES", "uniquelocal"],
    ["TRUSTED_PROXIES", "*"],
    ["RATE_SIGN_IN_PER_ACCOUNT", "0"],
    ["REDIS_URL", "http://127.0.0.1:6379"],
  ])("refuses %s=%s", (name, value) => {
    expect(loadConfig({ [name]: value }).ok).toBe(false);
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
