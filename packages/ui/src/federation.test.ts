import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { sharedSingletons, singletonPackages } from "./federation";

// Resolve as a portal does: from an app that depends on every singleton.
const portalConfigUrl = new URL("../../../apps/portal-public/rsbuild.config.ts", import.meta.url).href;

describe("sharedSingletons", () => {
  it("shares every singleton with a caret range on the installed (catalog) version", () => {
    const shared = sharedSingletons(portalConfigUrl);
    expect(Object.keys(shared).sort()).toEqual([...singletonPackages].sort());
    const reactVersion = (createRequire(import.meta.url)("react/package.json") as { version: string })
      .version;
    expect(shared.react).toEqual({ singleton: true, requiredVersion: `^${reactVersion}` });
    for (const entry of Object.values(shared)) expect(entry.requiredVersion).toMatch(/^\^\d+\.\d+\.\d+/);
  });
});
