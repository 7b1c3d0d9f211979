import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, formatFindings } from "./axe";
import { launchChromium } from "./browser";
import { type RunningServer, startServer } from "./server";

/**
 * The open data's developer page (issue 12) on the built server: reached from the portal's home page,
 * headings in order inside labelled sections, and every link it gives (downloads, OpenAPI) answers.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(width: number): Promise<Page> {
  // axe-core is injected as an inline script, which the server's CSP (rightly) refuses otherwise.
  const context = await browser.newContext({
    locale: "zh-CN",
    viewport: { width, height: 900 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/public`);
  await page.getByTestId("nav-developers").click();
  await page.getByTestId("developers-page").waitFor();
  return page;
}

describe("developer page", () => {
  it("is linked from the home page, with headings in order and labelled sections", async () => {
    const page = await open(1280);
    expect(new URL(page.url()).pathname).toBe("/public/developers");
    await expect(page.locator("main h1").textContent()).resolves.toBe("开放数据与接口");
    const levels = await page
      .locator("main h1, main h2, main h3")
      .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    // Never a skipped level going down.
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1);
    });
    const sections = await page
      .locator("main section[aria-labelledby]")
      .evaluateAll((all) =>
        all.map((s) => document.getElementById(s.getAttribute("aria-labelledby") ?? "")?.textContent),
      );
    expect(sections).toEqual([
      "提供哪些数据",
      "接口",
      "下载",
      "接口说明文档",
      "缓存",
      "访问频率",
      "使用与署名",
    ]);
    await expect(page.locator("main pre").first().textContent()).resolves.toContain(
      `curl '${server.url}/api/v1/platforms?`,
    );
    expect(await axeViolations(page).then(formatFindings)).toEqual(formatFindings([]));
    await page.context().close();
  });

  it("gives download and OpenAPI links that answer, and fits a 375 px phone", async () => {
    const page = await open(375);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const expected: Record<string, string> = {
      csv: "text/csv; charset=utf-8",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      json: "application/json; charset=utf-8",
    };
    for (const [format, mime] of Object.entries(expected)) {
      const href = await page.getByTestId(`download-${format}`).getAttribute("href");
      const response = await page.request.get(`${server.url}${href}`);
      expect(response.status(), format).toBe(200);
      expect(response.headers()["content-type"], format).toBe(mime);
      expect(response.headers()["content-disposition"], format).toContain("attachment;");
    }
    const openapiHref = await page.locator('main a[href$="/api/openapi.json"]').getAttribute("href");
    const openapi = await page.request.get(`${server.url}${openapiHref}`);
    expect(openapi.status()).toBe(200);
    expect(Object.keys((await openapi.json()).paths)).toEqual(
      expect.arrayContaining(["/api/v1/platforms", "/api/v1/platforms/{id}", "/api/v1/platforms.csv"]),
    );
    await page.context().close();
  });
});
