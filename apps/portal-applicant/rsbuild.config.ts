import { sharedSingletons } from "@kechuang/ui/federation";
import { pluginModuleFederation } from "@module-federation/rsbuild-plugin";
import { defineConfig } from "@rsbuild/core";
import { pluginReact } from "@rsbuild/plugin-react";

// A Module Federation remote: the shell loads ./App at run time from /portals/applicant/mf-manifest.json.
export default defineConfig({
  plugins: [
    pluginReact(),
    pluginModuleFederation({
      name: "portal_applicant",
      exposes: { "./App": "./src/App.tsx" },
      shared: sharedSingletons(import.meta.url),
      // The shell↔portal contract is the PortalProps type in @kechuang/ui, not generated remote types.
      dts: false,
    }),
  ],
  html: { template: "./index.html" },
  // Resolve chunk URLs from where the manifest was served, so the portal can live under any path.
  output: { assetPrefix: "auto" },
  server: { port: 3102, proxy: { "/trpc": "http://localhost:3000" } },
});
