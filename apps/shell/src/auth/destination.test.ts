import { describe, expect, it } from "vitest";
import { destinationAfterSignIn, requiresSignIn, signInUrlFor } from "./destination";

describe("destinationAfterSignIn", () => {
  it("sends applicants to /apply and every other role to /review", () => {
    expect(destinationAfterSignIn("applicant", null)).toBe("/apply");
    expect(destinationAfterSignIn("expert", null)).toBe("/review");
    expect(destinationAfterSignIn("authority", null)).toBe("/review");
    expect(destinationAfterSignIn("audit-admin", null)).toBe("/review");
  });

  it("returns to the requested page only inside the role's own portal", () => {
    expect(destinationAfterSignIn("applicant", "/apply/new")).toBe("/apply/new");
    expect(destinationAfterSignIn("applicant", "/review")).toBe("/apply");
    expect(destinationAfterSignIn("expert", "/review/items")).toBe("/review/items");
    expect(destinationAfterSignIn("expert", "/reviewer-evil")).toBe("/review");
  });

  it("never follows a next that leaves the site", () => {
    expect(destinationAfterSignIn("applicant", "//evil.example/apply")).toBe("/apply");
    expect(destinationAfterSignIn("applicant", "https://evil.example/apply")).toBe("/apply");
  });
});

describe("requiresSignIn and signInUrlFor", () => {
  it("guard the applicant and reviewer portals only", () => {
    expect(requiresSignIn("/apply")).toBe(true);
    expect(requiresSignIn("/review/x")).toBe(true);
    expect(requiresSignIn("/public")).toBe(false);
    expect(requiresSignIn("/applyx")).toBe(false);
    expect(signInUrlFor("/apply/new")).toBe("/signin?next=%2Fapply%2Fnew");
  });
});
