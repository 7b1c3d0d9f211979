import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settled, signInThroughShell } from "./applicantSteps";
import { launchChromium, patience } from "./browser";
import { type DemoAccount, readDemoAccounts } from "./demoAccounts";
import { type RunningServer, startServer } from "./server";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));

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

describe("a Sichuan demonstration zone in the applicant portal", () => {
  it("asks the zone's own questions, offers the module's eight tasks, and flags the draft source", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughShell(page, server.url, accounts.get("applicant")!);
    await page.goto(`${server.url}/apply`);
    await page.getByRole("button", { name: "开始申报" }).first().click();
    await page.getByTestId("start-sc-zone-2018-transfer-demonstration-zone").click();
    await page.getByTestId("application-title").fill("株洲市科技成果转移转化示范区");
    await page.getByTestId("create-application").click();
    await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/, { timeout: patience(60_000) });
    await page.getByRole("tab", { name: "单位与资格" }).click();

    const zone = page.getByTestId("facts-zone");
    await zone.waitFor();
    await zone.getByTestId("facts-zone-city-bureau").getByText("是", { exact: true }).click();
    await zone.getByTestId("facts-zone-site-type").click();
    await page.locator(".ant-select-item-option", { hasText: "大学科技园" }).click();
    await zone.getByTestId("facts-zone-tasks").click();
    // The module's vocabulary, with its clauses: the portal holds no list of its own.
    const options = page.locator(".ant-select-item-option");
    await expect.poll(() => options.filter({ hasText: /^四\(/ }).count()).toBeGreaterThanOrEqual(8);
    await options.filter({ hasText: "四(一)" }).click();
    await options.filter({ hasText: "四(四)" }).click();
    await page.keyboard.press("Escape");
    await zone.getByTestId("facts-zone-indicators").fill("12");

    const eligibility = page.getByTestId("eligibility");
    for (const rule of ["sc-zone.tasks", "sc-zone.indicators"]) {
      await expect.poll(() => eligibility.getByTestId(`rule-${rule}`).textContent()).toContain("符合");
      await expect(eligibility.getByTestId(`rule-${rule}`).textContent()).resolves.not.toContain("不符合");
    }
    // sc-zone-2018 is a draft for comment: the results say so.
    await eligibility.getByTestId("draft-source-notice").waitFor();
    await settled(page);
    await page.screenshot({ path: `${artifacts}zone-facts.png`, fullPage: true });
    await context.close();
  });
});
