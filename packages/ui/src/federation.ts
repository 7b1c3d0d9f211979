import { createRequire } from "node:module";

/**
 * Build-time only (imported by each app's rsbuild.config.ts, never by browser code).
 * The libraries the shell and the portals must share as ONE copy on the page: two Reacts break
 * hooks, two antd/i18next/react-router instances split theme, language and routing context.
 * Versions come from the installed packages, which the pnpm catalog pins once for all apps.
 */
export const singletonPackages = [
  "react",
  "react-dom",
  "antd",
  "@tanstack/react-query",
  "@trpc/client",
  "@trpc/tanstack-react-query",
  "react-router",
  "i18next",
  "react-i18next",
] as const;

function installedVersion(require: NodeRequire, name: string): string {
  const entry = require.resolve(name);
  const marker = `/node_modules/${name}/`;
  const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
  return (require(`${root}package.json`) as { version: string }).version;
}

export type SharedSingleton = { singleton: true; requiredVersion: string };

/** `appUrl` is the calling config's `import.meta.url`: versions resolve from that app's dependencies. */
export function sharedSingletons(appUrl: string): Record<string, SharedSingleton> {
  const require = createRequire(appUrl);
  return Object.fromEntries(
    singletonPackages.map((name) => [
      name,
      { singleton: true, requiredVersion: `^${installedVersion(require, name)}` },
    ]),
  );
}
