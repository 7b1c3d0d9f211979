import { describe, expect, it } from "vitest";
import { actionFormNeeds, actionTestId, isVersionConflict, newIdempotencyKey } from "./actions";

describe("actionFormNeeds", () => {
  it("asks for a reason exactly when the transition needs one", () => {
    expect(actionFormNeeds({ action: "return-to-applicant", needsReason: true }).reason).toBe(true);
    expect(actionFormNeeds({ action: "recommend", needsReason: false }).reason).toBe(false);
    expect(actionFormNeeds({ action: "start-review", needsReason: false }).route).toBe("transition");
  });

  it("sends opening publicity through its notice form", () => {
    expect(actionFormNeeds({ action: "open-publicity", needsReason: false })).toEqual({
      route: "publicity-notice",
      reason: false,
      danger: false,
    });
  });

  it("sends upholding an objection to the objection's row, where the reason is asked", () => {
    expect(actionFormNeeds({ action: "uphold-objection", needsReason: true })).toEqual({
      route: "objection-row",
      reason: false,
      danger: true,
    });
  });

  it("marks rejections and returns as dangerous, approvals not", () => {
    expect(actionFormNeeds({ action: "reject", needsReason: true }).danger).toBe(true);
    expect(actionFormNeeds({ action: "return-to-applicant", needsReason: true }).danger).toBe(true);
    expect(actionFormNeeds({ action: "approve", needsReason: false }).danger).toBe(false);
  });
});

describe("isVersionConflict", () => {
  it("recognises the server's CONFLICT code and nothing else", () => {
    expect(isVersionConflict({ message: "stale", data: { code: "CONFLICT" } })).toBe(true);
    expect(isVersionConflict({ message: "no", data: { code: "FORBIDDEN" } })).toBe(false);
    expect(isVersionConflict(new Error("Failed to fetch"))).toBe(false);
  });
});

describe("newIdempotencyKey", () => {
  it("is fresh per intent and long enough for the server's schema", () => {
    const a = newIdempotencyKey();
    expect(a).not.toBe(newIdempotencyKey());
    expect(a.length).toBeGreaterThanOrEqual(8);
  });
});

describe("actionTestId", () => {
  it("is action-<id>", () => {
    expect(actionTestId("open-publicity")).toBe("action-open-publicity");
  });
});
