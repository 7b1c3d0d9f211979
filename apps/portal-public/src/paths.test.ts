import { describe, expect, it } from "vitest";
import { policyPath, portalPath } from "./paths";

describe("portalPath", () => {
  it("joins under the mount point, standalone or in the shell", () => {
    expect(portalPath("/public", "policies")).toBe("/public/policies");
    expect(portalPath("/public/", "/self-check")).toBe("/public/self-check");
    expect(portalPath("", "policies")).toBe("/policies");
    expect(portalPath("/public")).toBe("/public");
    expect(portalPath("")).toBe("/");
    expect(policyPath("/public", "hn-tic-2020")).toBe("/public/policies/hn-tic-2020");
  });
});
