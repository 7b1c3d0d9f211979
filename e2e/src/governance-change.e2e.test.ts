import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settled, signInThroughShell } from "./applicantSteps";
import { choose } from "./authorityAndExpertSteps";
import { launchChromium, patience } from "./browser";
import { type DemoAccount, readDemoAccounts } from "./demoAccounts";
import { type RunningServer, startServer } from "./server";

/**
 * One change request end to end (issue 11). The demo seed gives applicant2's Inner Mongolia center a
 * technical guidance committee of nine with three members from the lead and co-build units (exactly one
 * third, nm-tic-2020 三(二)) and director 王建华. Adding a lead-unit member is caught by the check with the
 * clause and cannot be sent; a director replacement is only filed (三(五)1) and takes effect at once; the
 * authority sees the new director and the change as 已备案.
 */

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const platformName = "内蒙古自治区稀土新材料技术创新中心";

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

async function signedIn(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signInThroughShell(page, server.url, accounts.get(username)!);
  return page;
}

describe("a change request after approval", () => {
  it("refuses a committee change with 三(二) before sending, files a director replacement, and the authority sees it", async () => {
    const applicant = await signedIn("applicant2");
    await applicant.goto(`${server.url}/apply/platforms`);
    const card = applicant.locator('[data-testid^="platform-"]', { hasText: platformName }).first();
    await card.waitFor({ timeout: patience(30_000) });
    await card.locator('[data-testid^="open-platform-"]').click();
    await applicant.waitForURL(/\/apply\/platforms\/[0-9a-f-]{36}$/, { timeout: patience(30_000) });
    const platformId = /platforms\/([0-9a-f-]{36})$/.exec(applicant.url())![1]!;
    const director = applicant.getByTestId("platform-governance").getByTestId("governance-director");
    await expect.poll(() => director.textContent(), { timeout: patience(30_000) }).toContain("王建华");

    // A fourth member from the lead unit: 4 of 10 is more than one third.
    await applicant.getByTestId("change-kind-board-or-committee-members").click();
    await applicant.getByTestId("change-subject-committee").click();
    await applicant.getByTestId("committee-member-add").click();
    const row = "committee-member-9";
    await applicant.getByTestId(`${row}-name`).fill("钱七");
    await choose(applicant, applicant.getByTestId(`${row}-affiliation`), `${row}-affiliation-lead-unit`);
    await applicant.getByTestId("change-description").fill("增补牵头单位技术骨干为委员");
    await applicant.getByTestId("change-check").click();
    const violations = applicant.getByTestId("change-violations");
    await violations.waitFor({ timeout: patience(30_000) });
    await expect.poll(() => violations.textContent()).toContain("三(二)");
    await expect.poll(() => violations.textContent()).toContain("4/10");
    expect(await applicant.getByTestId("change-submit").isDisabled()).toBe(true);
    await expect
      .poll(() => applicant.getByTestId("change-submit-reason").textContent())
      .toContain("不符合规定");
    // The form keeps what was typed across the check.
    expect(await applicant.getByTestId(`${row}-name`).inputValue()).toBe("钱七");
    await settled(applicant);
    await applicant.screenshot({ path: `${artifacts}governance-change-refused.png`, fullPage: true });

    // A director replacement is only filed: effective at once.
    await applicant.getByTestId("change-kind-director-replacement").click();
    await expect
      .poll(() => applicant.getByTestId("change-routing").textContent())
      .toContain("立即生效，并报送推荐部门和科技厅备案");
    await applicant.getByTestId("director-name").fill("张新");
    await applicant.getByTestId("change-description").fill("原主任王建华退休，由张新接任");
    await applicant.getByTestId("change-check").click();
    await applicant.getByTestId("change-compliant").waitFor({ timeout: patience(30_000) });
    await applicant.getByTestId("change-submit").click();
    await applicant.getByTestId("change-confirm").click();
    const done = applicant.getByTestId("change-done");
    await done.waitFor({ timeout: patience(30_000) });
    await expect.poll(() => done.textContent()).toContain("已备案");
    await expect.poll(() => director.textContent(), { timeout: patience(30_000) }).toContain("张新");
    await expect
      .poll(() => applicant.getByTestId("platform-changes").textContent(), { timeout: patience(30_000) })
      .toContain("已备案");
    await settled(applicant);
    await applicant.screenshot({ path: `${artifacts}governance-change-filed.png`, fullPage: true });

    const authority = await signedIn("authority-nm");
    await authority.goto(`${server.url}/review/platforms/${platformId}`);
    const changes = authority.getByTestId("changes-card");
    await expect.poll(() => changes.textContent(), { timeout: patience(30_000) }).toContain("更换中心主任");
    await expect.poll(() => changes.textContent()).toContain("已备案");
    await expect.poll(() => changes.textContent()).toContain("王建华");
    await expect
      .poll(() => authority.getByTestId("governance-card").getByTestId("governance-director").textContent(), {
        timeout: patience(30_000),
      })
      .toContain("张新");
    await settled(authority);
    await authority.screenshot({ path: `${artifacts}governance-change-authority.png`, fullPage: true });
  });
});
