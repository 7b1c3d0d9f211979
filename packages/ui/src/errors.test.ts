import { describe, expect, it } from "vitest";
import { describeError } from "./errors";

describe("describeError", () => {
  it("reads the tRPC code, correlation id and flags from error.data", () => {
    const described = describeError({
      message: "用户名或密码错误",
      data: {
        code: "UNAUTHORIZED",
        httpStatus: 401,
        needsTotp: true,
        correlationId: "req-42",
        localizedMessage: { zh: "用户名或密码错误", en: "Wrong username or password" },
      },
    });
    expect(described.kind).toBe("unauthorized");
    expect(described.correlationId).toBe("req-42");
    expect(described.data.needsTotp).toBe(true);
    expect(described.serverText).toEqual({ zh: "用户名或密码错误", en: "Wrong username or password" });
  });

  it("accepts requestId as the correlation id and maps other codes", () => {
    expect(describeError({ data: { code: "FORBIDDEN", requestId: "r-1" } })).toMatchObject({
      kind: "forbidden",
      correlationId: "r-1",
    });
    expect(describeError({ data: { code: "INTERNAL_SERVER_ERROR" } }).kind).toBe("other");
  });

  it("tells a network failure from a server answer, and survives non-errors", () => {
    expect(describeError(new TypeError("Failed to fetch")).kind).toBe("network");
    expect(describeError("boom")).toMatchObject({
      kind: "other",
      code: null,
      correlationId: null,
      serverText: null,
    });
  });
});
