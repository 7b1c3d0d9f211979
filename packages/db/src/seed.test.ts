import { registry } from "@kechuang/policies";
import { describe, expect, it } from "vitest";
import { APPLICATIONS, DEMO_USERS, seededPolicyOf } from "./seed";

describe("demo data", () => {
  it("files every application with a recommending body of its policy, and a recommender able to act on it", () => {
    for (const a of APPLICATIONS) {
      const bodies = registry.get(seededPolicyOf(a))!.recommendation?.bodies ?? [];
      expect(
        bodies.map((b) => b.code),
        a.title,
      ).toContain(a.area);
      expect(
        DEMO_USERS.some((u) => u.role === "recommender" && u.areaCode === a.area),
        a.title,
      ).toBe(true);
    }
  });
});
