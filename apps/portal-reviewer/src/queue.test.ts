import { describe, expect, it } from "vitest";
import { hasReviewQueue, longestWaitingFirst } from "./queue";

describe("longestWaitingFirst", () => {
  it("puts the oldest arrival on top without mutating the input", () => {
    const rows = [
      { id: "b", waitingSince: "2026-11-20T00:00:00Z" },
      { id: "a", waitingSince: new Date("2026-11-01T00:00:00Z") },
      { id: "c", waitingSince: "2026-11-21T00:00:00Z" },
    ];
    expect(longestWaitingFirst(rows).map((row) => row.id)).toEqual(["a", "b", "c"]);
    expect(rows[0]?.id).toBe("b");
  });
});

describe("hasReviewQueue", () => {
  it("is true for reviewing roles and false for applicants and administrators", () => {
    expect(hasReviewQueue("expert")).toBe(true);
    expect(hasReviewQueue("recommender")).toBe(true);
    expect(hasReviewQueue("authority")).toBe(true);
    expect(hasReviewQueue("applicant")).toBe(false);
    expect(hasReviewQueue("audit-admin")).toBe(false);
  });
});
