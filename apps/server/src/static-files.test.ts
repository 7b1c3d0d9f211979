import { describe, expect, it } from "vitest";
import { SPA_ROUTE } from "./static-files";

describe("the shell's client-side routes", () => {
  it.each([
    "/",
    "/public",
    "/public/policies/hn-tic-2020",
    "/apply",
    "/apply/new?x=1",
    "/review/queue",
    "/signin",
    "/signin?next=%2Fapply",
  ])("%s serves the shell", (url) => expect(SPA_ROUTE.test(url)).toBe(true));
  it.each([
    "/signinx",
    "/trpc/auth.me",
    "/api/v1/policies",
    "/portals/public/mf-manifest.json",
    "/publicity",
    "/etc/passwd",
  ])("%s does not", (url) => expect(SPA_ROUTE.test(url)).toBe(false));
});
