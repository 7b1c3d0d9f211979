import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { cacheControlFor, IMMUTABLE, registerStaticFiles, SPA_ROUTE } from "./static-files";

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

/** File names as rsbuild emits them (static/<kind>/[name].[contenthash:8][ext]) beside the unhashed ones. */
const hashed = [
  "static/js/index.3f9a1c2e.js",
  "static/js/lib-react.0b1c2d3e.js",
  "static/js/async/__federation_expose_App.a1b2c3d4.js",
  "static/js/async/vendors-node_modules_antd_es_index.1234abcd.js.LICENSE.txt",
  "static/css/index.9f8e7d6c.css",
  "static/font/NotoSans.5a6b7c8d.woff2",
  "static/image/logo.deadbeef.png",
];
const unhashed = [
  "index.html",
  "mf-manifest.json",
  "mf-stats.json",
  "remoteEntry.js",
  "static/js/remoteEntry.js",
  "static/js/index.js",
  "static/js/async/12345678.js",
  "favicon.ico",
  "index.3f9a1c2e.js", // hashed name, but not under static/: not something rsbuild emits
];

describe("cache lifetimes of static files", () => {
  it.each(hashed)("%s: content-hashed, cached for a year", (path) => {
    expect(cacheControlFor(path)).toBe("public, max-age=31536000, immutable");
  });
  it.each(unhashed)("%s: same name across releases, revalidated", (path) => {
    expect(cacheControlFor(path)).toBe("no-cache");
  });

  it("sends those headers for files served from the shell and from a portal", async () => {
    const appsDir = mkdtempSync(join(tmpdir(), "kc-static-"));
    const files = {
      "shell/dist/index.html": "<!doctype html><title>shell</title>",
      "shell/dist/static/js/index.3f9a1c2e.js": "console.log(1)",
      "portal-public/dist/mf-manifest.json": "{}",
      "portal-public/dist/remoteEntry.js": "var portal_public;",
      "portal-public/dist/static/js/async/__federation_expose_App.a1b2c3d4.js": "export {}",
      "portal-public/dist/static/css/index.9f8e7d6c.css": "body{}",
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(appsDir, path)), { recursive: true });
      writeFileSync(join(appsDir, path), content);
    }
    const app = Fastify();
    await registerStaticFiles(app, { appsDir });
    try {
      const expected: Record<string, string> = {
        "/": "no-cache",
        "/index.html": "no-cache",
        "/review": "no-cache", // SPA fallback
        "/static/js/index.3f9a1c2e.js": IMMUTABLE,
        "/portals/public/mf-manifest.json": "no-cache",
        "/portals/public/remoteEntry.js": "no-cache",
        "/portals/public/static/js/async/__federation_expose_App.a1b2c3d4.js": IMMUTABLE,
        "/portals/public/static/css/index.9f8e7d6c.css": IMMUTABLE,
      };
      const seen: Record<string, string> = {};
      for (const url of Object.keys(expected)) {
        const response = await app.inject(url);
        expect(response.statusCode, url).toBe(200);
        seen[url] = String(response.headers["cache-control"]);
      }
      expect(seen).toEqual(expected);
    } finally {
      await app.close();
    }
  });

  it("sends the build's compressed copies to clients that accept them, and the plain file to others", async () => {
    const appsDir = mkdtempSync(join(tmpdir(), "kc-static-"));
    const js = `export const words = ${JSON.stringify("技术创新中心 ".repeat(2000))};`;
    const dist = join(appsDir, "portal-public", "dist");
    mkdirSync(join(dist, "static", "js"), { recursive: true });
    writeFileSync(join(dist, "static", "js", "index.0a1b2c3d.js"), js);
    writeFileSync(join(dist, "static", "js", "tiny.0a1b2c3d.js"), "export {}");
    const script = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../scripts/precompress.mjs");
    execFileSync(process.execPath, [script, dist]);
    // Below a kilobyte a compressed copy is not worth its headers.
    expect(existsSync(join(dist, "static", "js", "tiny.0a1b2c3d.js.br"))).toBe(false);
    const app = Fastify();
    await registerStaticFiles(app, { appsDir });
    try {
      const url = "/portals/public/static/js/index.0a1b2c3d.js";
      const br = await app.inject({ url, headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers["cache-control"]).toBe(IMMUTABLE);
      expect(br.rawPayload.length).toBeLessThan(js.length / 10);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
      const gzip = await app.inject({ url, headers: { "accept-encoding": "gzip" } });
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gzip.rawPayload).toString()).toBe(js);
      const plain = await app.inject({ url, headers: { "accept-encoding": "identity" } });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body).toBe(js);
    } finally {
      await app.close();
    }
  });
});
