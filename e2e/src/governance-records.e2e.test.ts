import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settled, signInThroughShell } from "./applicantSteps";
import { launchChromium, patience } from "./browser";
import { readDemoAccounts } from "./demoAccounts";
import { type RunningServer, startServer } from "./server";

/**
 * Governance bodies as records on the reviewer's platform page (issue 11). The demo seed gives Inner
 * Mongolia's rare-earth center its 2021 bodies and one committee change on 1 March 2024 (黄晓东 left, 高志远
 * joined): today's committee has 高志远, a day picked in 2023 shows 黄晓东, and the history marks who left.
 */

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const platformName = "内蒙古自治区稀土新材料技术创新中心";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("governance records on the reviewer's platform page", () => {
  it("shows today's bodies, the bodies on a picked day, and the membership history", async () => {
    const accounts = await readDemoAccounts(server.dataDir);
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInThroughShell(page, server.url, accounts.get("authority-nm")!);
    await page.goto(`${server.url}/review/platforms`);
    const link = page.getByRole("link", { name: platformName });
    await link.waitFor({ timeout: patience(30_000) });
    await link.click();
    await page.waitForURL(/\/review\/platforms\/[0-9a-f-]{36}$/, { timeout: patience(30_000) });

    const card = page.getByTestId("governance-card");
    const committee = card.getByTestId("governance-committee-member");
    await expect.poll(() => committee.allTextContents(), { timeout: patience(30_000) }).toHaveLength(9);
    expect((await committee.allTextContents()).join()).toContain("高志远");
    expect((await committee.allTextContents()).join()).not.toContain("黄晓东");
    await expect.poll(() => card.getByTestId("governance-director").textContent()).toContain("王建华");
    await expect.poll(() => card.getByTestId("governance-chair").textContent()).toContain("刘振华");
    await expect
      .poll(() => card.getByTestId("governance-lead-unit").textContent())
      .toContain("包头稀土研究院");

    const history = card.getByTestId("governance-history");
    const left = history.locator("tr", { hasText: "黄晓东" });
    await expect.poll(() => left.textContent()).toContain("已离任");
    await expect.poll(() => history.locator("tr", { hasText: "高志远" }).textContent()).toContain("当前");

    // Who sat on the committee on 30 June 2023: before the change.
    const picker = card.getByRole("textbox", { name: "任职情况查询日期" });
    await picker.click();
    await picker.fill("2023-06-30");
    await picker.press("Enter");
    await expect
      .poll(() => card.getByTestId("governance-as-of").textContent(), { timeout: patience(30_000) })
      .toContain("2023");
    await expect.poll(async () => (await committee.allTextContents()).join()).toContain("黄晓东");
    expect((await committee.allTextContents()).join()).not.toContain("高志远");
    await settled(page);
    await page.screenshot({ path: `${artifacts}governance-records-reviewer.png`, fullPage: true });
    await context.close();
  });
});
