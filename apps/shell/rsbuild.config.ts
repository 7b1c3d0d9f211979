import { sharedSingletons } from "@kechuang/ui/federation";
import { pluginModuleFederation } from "@module-federation/rsbuild-plugin";
import { defineConfig } from "@rsbuild/core";
import { pluginReact } from "@rsbuild/plugin-react";

// The Module Federation host. No remotes at build time: the portals' manifest URLs come from the
// server's /config/portals.json at run time, so where a portal lives is deployment configuration.
const server = process.env.KECHUANG_SERVER ?? "http://localhost:3000";

export default defineConfig({
  plugins: [
    pluginReact(),
    pluginModuleFederation({
      name: "shell",
      remotes: {},
      shared: sharedSingletons(import.meta.url),
      dts: false,
    }),
  ],
  html: { template: "./index.html" },
  output: { assetPrefix: "/" },
  server: {
    port: 3100,
    historyApiFallback: true,
    proxy: { "/trpc": server, "/config": server, "/portals": server },
  },
});
