import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInThroughShell } from "./applicantSteps";
import { choose } from "./authorityAndExpertSteps";
import { launchChromium, patience } from "./browser";
import { type DemoAccount, readDemoAccounts } from "./demoAccounts";
import { type RunningServer, startServer } from "./server";

/**
 * Issue 11 in the browser: Anshun's authority opens the targets dashboard (chart and table twin), records a
 * provincial 工程研究中心 recognition for a demo platform, and sees 2023's actual go up by one; the public page
 * shows the same actual and the stated 12% beside the computed 20.5%.
 */

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const platformName = "安顺市航空装备制造技术创新平台";
const type = "engineering-research-center";

let server: RunningServer;
let browser: Browser;
let accounts: Map<string, DemoAccount>;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  server = await startServer();
  accounts = await readDemoAccounts(server.dataDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The actual count of a type in the by-type table twin (the chosen year: 2023, the latest begun). */
async function actualOf(page: Page): Promise<number> {
  const cells = page.getByTestId("targets-table-by-type").locator(`tr[data-key="${type}"] td`);
  await cells.first().waitFor({ timeout: patience(30_000) });
  return Number(await cells.nth(1).textContent());
}

describe("Anshun's platform targets", () => {
  it("records a provincial recognition on the dashboard and the public page shows the new actual", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    try {
      await signInThroughShell(page, server.url, accounts.get("authority-as")!);
      await page.goto(`${server.url}/review`);
      await page.getByTestId("nav-targets").click();
      await page.waitForURL(/\/review\/targets\/as-plat-2021$/, { timeout: patience(30_000) });

      // The chart is drawn (SVG) and its table twin carries the same numbers, with a caption.
      await page
        .getByTestId("targets-chart-by-type")
        .locator("svg")
        .first()
        .waitFor({ timeout: patience(30_000) });
      await expect
        .poll(() => page.getByTestId("targets-table-by-type").locator("caption").textContent())
        .toContain("2023");
      const before = await actualOf(page);
      expect(before).toBe(3);

      const select = page.getByTestId("recognition-platform");
      await select.click();
      const option = page.locator('[data-testid^="recognition-platform-"].ant-select-item-option', {
        hasText: platformName,
      });
      await option.waitFor({ timeout: patience(20_000) });
      await choose(page, select, (await option.getAttribute("data-testid")) ?? "");
      await choose(page, page.getByTestId("recognition-type"), `recognition-type-${type}`);
      await choose(page, page.getByTestId("recognition-tier"), "recognition-tier-provincial");
      await page.getByTestId("recognition-date").fill("2023-06-01");
      await page.getByTestId("recognition-document").fill("黔发改高技〔2023〕88号");
      await page.getByTestId("recognition-submit").click();
      await page.getByText("已登记认定").waitFor({ timeout: patience(20_000) });
      await expect.poll(() => actualOf(page), { timeout: patience(20_000) }).toBe(before + 1);

      await page.goto(`${server.url}/public/targets/as-plat-2021`);
      await page.getByTestId("public-targets-page").waitFor({ timeout: patience(30_000) });
      await expect.poll(() => actualOf(page), { timeout: patience(20_000) }).toBe(before + 1);
      const computed = page.getByTestId(`targets-computed-${type}`);
      await expect.poll(() => computed.textContent()).toContain("20.5%");
      const growthRow = page.getByTestId("targets-growth").locator("tr", { has: computed });
      await expect.poll(() => growthRow.textContent()).toContain("12%");
      await expect.poll(() => growthRow.textContent()).toContain("不一致");
      // The joint meeting: names and departments.
      await expect
        .poll(() => page.getByTestId("joint-meeting-member-convener").textContent())
        .toContain("演示");
    } catch (error) {
      await page.screenshot({ path: `${artifacts}anshun-targets-failure.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  });
});
