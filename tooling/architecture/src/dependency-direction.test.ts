import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Proves that `pnpm lint` (biome, with the per-package import rules in biome.json) fails when a package
 * imports against DESIGN.md's dependency direction. Each probe file is linted in a temporary copy of
 * the layout with the project's real biome.json, so nothing is ever written into the working tree.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

function lintAs(path: string, source: string): { ok: boolean; output: string } {
  const sandbox = mkdtempSync(join(tmpdir(), "kc-arch-"));
  try {
    copyFileSync(join(root, "biome.json"), join(sandbox, "biome.json"));
    mkdirSync(dirname(join(sandbox, path)), { recursive: true });
    writeFileSync(join(sandbox, path), source);
    const args = [biome, "lint", "--vcs-enabled=false", "--only=style/noRestrictedImports", path];
    const output = execFileSync(process.execPath, args, { cwd: sandbox, encoding: "utf8", stdio: "pipe" });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

const use = (pkg: string) => `import { thing } from "${pkg}";\nexport const used = thing;\n`;
const useType = (pkg: string) => `import type { AppRouter } from "${pkg}";\nexport type Used = AppRouter;\n`;

describe("dependency direction (DESIGN.md)", () => {
  it.each([
    ["packages/domain/src/bad.ts", "@kechuang/db"],
    ["packages/domain/src/bad.ts", "@kechuang/policy-hunan"],
    ["packages/policy-hunan/src/bad.ts", "@kechuang/policy-sichuan"],
    ["packages/policy-sichuan/src/bad.ts", "@kechuang/policies"],
    ["packages/db/src/bad.ts", "@kechuang/api"],
    ["packages/api/src/bad.ts", "@kechuang/ui"],
    ["apps/portal-public/src/bad.ts", "@kechuang/db"],
    ["apps/shell/src/bad.ts", "@kechuang/portal-public"],
    // A new jurisdiction's package is covered by the generic policy-* rule, with no change to biome.json.
    ["packages/policy-zhongzhou/src/bad.ts", "@kechuang/policy-hunan"],
    ["packages/policy-zhongzhou/src/bad.ts", "@kechuang/policies"],
    ["packages/policy-zhongzhou/src/bad.ts", "@kechuang/db"],
    ["packages/policy-zhongzhou/src/bad.ts", "@kechuang/domain/src/roles"],
  ])("%s may not import %s", (path, pkg) => {
    const result = lintAs(path, use(pkg));
    expect(result.ok).toBe(false);
    expect(result.output).toContain("noRestrictedImports");
  });

  it("refuses reaching into another package's src/", () => {
    const result = lintAs("packages/api/src/bad.ts", use("@kechuang/domain/src/roles"));
    expect(result.ok).toBe(false);
  });

  it.each([
    ["packages/policy-hunan/src/ok.ts", "@kechuang/domain"],
    ["packages/policies/src/ok.ts", "@kechuang/policy-hunan"],
    ["packages/policy-zhongzhou/src/ok.ts", "@kechuang/domain"],
    ["packages/api/src/ok.ts", "@kechuang/db"],
    ["apps/server/src/ok.ts", "@kechuang/api"],
  ])("%s may import %s", (path, pkg) => {
    const result = lintAs(path, use(pkg));
    expect(result.output).not.toContain("noRestrictedImports");
    expect(result.ok).toBe(true);
  });

  it("front ends take only the type of the API router", () => {
    expect(lintAs("apps/portal-public/src/ok.ts", useType("@kechuang/api")).output).not.toContain(
      "noRestrictedImports",
    );
    expect(lintAs("apps/portal-public/src/bad.ts", use("@kechuang/api")).ok).toBe(false);
    expect(
      lintAs(
        "apps/shell/src/bad.ts",
        'import { appRouter } from "@kechuang/api";\nexport const r = appRouter;\n',
      ).ok,
    ).toBe(false);
  });
});
