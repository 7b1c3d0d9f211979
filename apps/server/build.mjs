// Bundles the server for Node 20: workspace packages (TypeScript source) are inlined, npm packages stay
// external and resolve from node_modules. The drizzle migrations are copied next to the bundle.
import { cpSync, readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const npmPackages = Object.keys(pkg.dependencies).filter((name) => !name.startsWith("@kechuang/"));

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  external: npmPackages.flatMap((name) => [name, `${name}/*`]),
  // Some CommonJS dependencies call require() from inside the ESM bundle.
  banner: {
    js: "import { createRequire as __kcCreateRequire } from 'node:module'; const require = __kcCreateRequire(import.meta.url);",
  },
  logLevel: "warning",
});
cpSync("../../packages/db/drizzle", "dist/drizzle", { recursive: true });
console.log("built dist/main.js (+ dist/drizzle)");
