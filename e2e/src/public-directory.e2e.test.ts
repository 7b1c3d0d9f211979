import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settled } from "./applicantSteps";
import { choose } from "./authorityAndExpertSteps";
import { launchChromium, patience } from "./browser";
import { type RunningServer, startServer } from "./server";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
// Demo data (packages/db seed.ts): Inner Mongolia's rare-earth center; 稀土 appears in no other demo name.
const rareEarthCenter = "内蒙古自治区稀土新材料技术创新中心";
const sichuan = "510000";

type Item = { id: string; name: string };
type DirectoryPage = { items: Item[]; total: number; page: number; pageSize: number };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage(width = 1280): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ locale: "zh-CN", viewport: { width, height: 900 } });
  return context.newPage();
}

/** The REST API's answer for a directory query: what the page must show. */
async function apiDirectory(query: string): Promise<DirectoryPage> {
  const response = await fetch(`${server.url}/api/v1/platforms?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as DirectoryPage;
}

/** Names in the directory table once it has settled (no spinner: not the previous page kept on screen). */
async function shownNames(page: Page): Promise<string[]> {
  if ((await page.locator("[data-testid=directory-table] .ant-spin-spinning").count()) > 0)
    return ["(loading)"];
  return page
    .locator("tr[data-platform-id]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-name") ?? ""));
}

const totalShown = async (page: Page): Promise<number> =>
  Number(((await page.getByTestId("directory-total").textContent()) ?? "").replace(/\D/g, "") || Number.NaN);

describe("public portal: the directory and its statistics", () => {
  it("finds a center by a two-character Chinese word, searched on Enter, the query in the URL", async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/public`);
    await page.getByRole("heading", { name: "已认定的创新平台" }).waitFor();
    const everything = await apiDirectory("pageSize=100");
    expect(everything.total).toBeGreaterThan(1);
    await expect.poll(() => totalShown(page), { timeout: patience(30_000) }).toBe(everything.total);

    const box = page.getByLabel("搜索平台");
    await box.fill("稀土");
    await box.press("Enter");
    await page.waitForURL(/[?&]q=%E7%A8%80%E5%9C%9F(&|$)/);
    const expected = await apiDirectory(`q=${encodeURIComponent("稀土")}`);
    expect(expected.items.map((item) => item.name)).toContain(rareEarthCenter);
    await expect
      .poll(() => shownNames(page), { timeout: patience(30_000) })
      .toEqual(expected.items.map((item) => item.name));
    expect(expected.total).toBeLessThan(everything.total);
    await expect.poll(() => totalShown(page)).toBe(expected.total);
    // The name links to the platform's page.
    const link = page.getByRole("link", { name: rareEarthCenter });
    await link.click();
    await page.waitForURL(/\/public\/platforms\/[0-9a-f-]{36}$/);
    await page.getByTestId("platform-page").waitFor();

    // Back restores the search; a word that matches nothing says what to do next.
    await page.goBack();
    await expect.poll(() => page.getByLabel("搜索平台").inputValue()).toBe("稀土");
    await page.getByLabel("搜索平台").fill("不存在的平台名称xyz");
    await page.getByTestId("directory-search-button").click();
    await page.getByText("没有符合条件的平台").waitFor();
    await page.getByTestId("directory-clear").waitFor();
    await settled(page);
    await page.screenshot({ path: `${artifacts}public-directory-nothing.png`, fullPage: true });
    await page.getByRole("button", { name: "清除全部条件" }).first().click();
    await expect.poll(() => totalShown(page)).toBe(everything.total);
    expect(new URL(page.url()).search).toBe("");
  });

  it("keeps filter + search + page two through a reload, and back returns to page one", async () => {
    const page = await freshPage();
    // Few demo platforms: one per page, so two matches make a page two.
    await page.goto(`${server.url}/public?pageSize=1`);
    await choose(page, page.getByTestId("filter-jurisdiction"), `filter-jurisdiction-option-${sichuan}`);
    await page.waitForURL(new RegExp(`jurisdiction=${sichuan}`));
    const box = page.getByLabel("搜索平台");
    await box.fill("转化");
    await box.press("Enter");
    await page.waitForURL(/q=/);
    const query = `q=${encodeURIComponent("转化")}&jurisdiction=${sichuan}&pageSize=1`;
    const first = await apiDirectory(`${query}&page=1`);
    const second = await apiDirectory(`${query}&page=2`);
    expect(first.total).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => shownNames(page), { timeout: patience(30_000) })
      .toEqual(first.items.map((i) => i.name));

    await page.locator(".ant-pagination-item-2").click();
    await page.waitForURL(/[?&]page=2(&|$)/);
    const secondNames = second.items.map((i) => i.name);
    expect(secondNames).toHaveLength(1);
    await expect.poll(() => shownNames(page), { timeout: patience(30_000) }).toEqual(secondNames);

    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect.poll(() => shownNames(page), { timeout: patience(30_000) }).toEqual(secondNames);
    await expect.poll(() => page.getByLabel("搜索平台").inputValue()).toBe("转化");
    await expect.poll(() => page.getByTestId("filter-jurisdiction").textContent()).toContain("四川");
    await expect.poll(() => page.locator(".ant-pagination-item-active").textContent()).toBe("2");
    await settled(page);
    await page.screenshot({ path: `${artifacts}public-directory-page-two.png`, fullPage: true });

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has("page"));
    await expect
      .poll(() => shownNames(page), { timeout: patience(30_000) })
      .toEqual(first.items.map((i) => i.name));

    // A hand-edited bad value is ignored on its own; the rest of the link still applies.
    await page.goto(`${server.url}/public?jurisdiction=${sichuan}&kind=spaceship&pageSize=oops`);
    await page.getByTestId("directory-ignored").waitFor();
    const sichuanAll = await apiDirectory(`jurisdiction=${sichuan}`);
    await expect.poll(() => totalShown(page), { timeout: patience(30_000) }).toBe(sichuanAll.total);
  });

  it("downloads the rows the page shows, with the current filters", async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/public?jurisdiction=${sichuan}&sort=name`);
    const expected = await apiDirectory(`jurisdiction=${sichuan}&sort=name`);
    expect(expected.total).toBeGreaterThan(0);
    // All of them fit on the page: what is shown is every row the download must hold.
    expect(expected.total).toBeLessThanOrEqual(expected.pageSize);
    await expect
      .poll(() => shownNames(page), { timeout: patience(30_000) })
      .toEqual(expected.items.map((i) => i.name));
    const shown = await shownNames(page);

    const jsonHref = await page.getByTestId("download-json").getAttribute("href");
    const csvHref = await page.getByTestId("download-csv").getAttribute("href");
    const xlsxHref = await page.getByTestId("download-xlsx").getAttribute("href");
    for (const href of [jsonHref, csvHref, xlsxHref]) {
      expect(href).toContain(`jurisdiction=${sichuan}`);
      expect(href).not.toMatch(/page/);
    }

    const json = await page.request.get(new URL(jsonHref!, server.url).toString());
    expect(json.status()).toBe(200);
    const body = (await json.json()) as { items: Item[]; total: number };
    expect(body.items.map((item) => item.name)).toEqual(shown);

    const csv = await page.request.get(new URL(csvHref!, server.url).toString());
    expect(csv.status()).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const nameColumn = lines[0]!.split(",").indexOf("名称");
    expect(nameColumn).toBeGreaterThanOrEqual(0);
    const csvNames = lines.slice(1).map((line) => line.split(",")[nameColumn]!.replace(/^"|"$/g, ""));
    expect(csvNames).toEqual(shown);

    const xlsx = await page.request.get(new URL(xlsxHref!, server.url).toString());
    expect(xlsx.status()).toBe(200);
    // An XLSX workbook is a zip archive: "PK".
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });

  it("shows statistics as charts with table twins whose numbers match the directory", async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/public`);
    await page.getByTestId("nav-stats").click();
    await page.waitForURL(/\/public\/stats$/);
    await page.getByRole("heading", { name: "统计数据" }).waitFor();
    const everything = await apiDirectory("pageSize=1");

    const chart = page.getByTestId("stats-chart-jurisdiction");
    await chart
      .locator("svg")
      .first()
      .waitFor({ timeout: patience(30_000) });
    expect(await chart.getAttribute("aria-label")).toContain("按地区");
    // ECharts' aria description of the drawing itself, in Chinese, naming the data.
    await expect
      .poll(() => chart.locator(":scope > [role=img]").getAttribute("aria-label"))
      .toContain("四川省");
    const table = page.getByTestId("stats-table-jurisdiction");
    expect(await table.locator("caption").textContent()).toContain("按地区");
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => ({ key: tr.getAttribute("data-key"), count: Number(tr.getAttribute("data-count")) })),
      );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(everything.total);
    // Each table's counts add up to the directory's total (a platform has one jurisdiction, kind, status, year).
    for (const id of ["kind", "status", "year"]) {
      const counts = await page
        .getByTestId(`stats-table-${id}`)
        .locator("tbody tr")
        .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-count"))));
      expect(
        counts.reduce((a, b) => a + b, 0),
        id,
      ).toBe(everything.total);
    }
    await page.getByTestId("stats-total").getByText(String(everything.total)).waitFor();
    await settled(page);
    await page.screenshot({ path: `${artifacts}public-stats.png`, fullPage: true });

    // A row of the table leads to the directory filtered to it, with that many platforms.
    const sichuanRow = rows.find((row) => row.key === sichuan)!;
    expect(sichuanRow).toBeDefined();
    await table.locator(`tr[data-key="${sichuan}"] a`).click();
    await page.waitForURL(new RegExp(`/public\\?jurisdiction=${sichuan}$`));
    await expect.poll(() => totalShown(page), { timeout: patience(30_000) }).toBe(sichuanRow.count);

    // A phone: the charts follow the width, and the page does not scroll sideways.
    const phone = await freshPage(375);
    await phone.goto(`${server.url}/public/stats`);
    await phone
      .getByTestId("stats-chart-year")
      .locator("svg")
      .first()
      .waitFor({ timeout: patience(30_000) });
    const width = await phone
      .getByTestId("stats-chart-year")
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(375);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await settled(phone);
    await phone.screenshot({ path: `${artifacts}public-stats-375.png`, fullPage: true });
  });
});
