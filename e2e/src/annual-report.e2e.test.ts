import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settled, signInThroughShell } from "./applicantSteps";
import { launchChromium, patience } from "./browser";
import { type DemoAccount, readDemoAccounts } from "./demoAccounts";
import { type RunningServer, startServer } from "./server";

/**
 * An Inner Mongolia center's annual report, end to end (issue 10): the demo platform of applicant2 (包头稀土
 * 研究院, recommended by Baotou) owes its 2025 report, due 31 March 2026 and overdue at the demo date. The
 * applicant writes it, saves a draft, reloads (nothing lost) and submits; the recommender checks it first
 * (nm-tic 三(六)1); the authority accepts it; the applicant sees it accepted.
 */

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const sections = [
  "annualPlan",
  "majorProjects",
  "budgetAndAccounts",
  "academicActivities",
  "rdDirections",
  "nextYearPlan",
];
const YEAR = 2025;

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
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInThroughShell(page, server.url, accounts.get(username)!);
  return page;
}

/** Opens the year's report from 待审核年度报告 and takes the reviewer's step ("审核通过"). */
async function passFromQueue(page: Page, platformId: string, expectedStatus: string) {
  await page.goto(`${server.url}/review/reports`);
  // By id: the authority's queue also lists the other Inner Mongolia platform's overdue report.
  const open = page.getByTestId(`report-queue-open-${platformId}-${YEAR}`);
  await open.waitFor({ timeout: patience(30_000) });
  await open.click();
  const review = page.getByTestId(`report-review-${YEAR}`);
  await review.waitFor({ timeout: patience(30_000) });
  await expect
    .poll(() => review.getByTestId("review-section-annualPlan").textContent())
    .toContain("年度发展计划");
  await review.getByTestId("report-pass").click();
  await expect
    .poll(() => review.getByTestId("review-report-status").getAttribute("data-status"), {
      timeout: patience(30_000),
    })
    .toBe(expectedStatus);
}

describe("an Inner Mongolia annual report", () => {
  it("is written, checked by the recommender and accepted by the authority", async () => {
    const applicant = await signedIn("applicant2");
    await applicant.goto(`${server.url}/apply/platforms`);
    const write = applicant.getByTestId(`write-report-${YEAR}`);
    await write.waitFor({ timeout: patience(30_000) });
    // Overdue at the demo date, and shown as such.
    await applicant.getByTestId("obligation-status-overdue").first().waitFor();
    await write.click();
    await applicant.waitForURL(new RegExp(`/apply/platforms/[0-9a-f-]{36}/reports/${YEAR}$`));
    const platformId = /platforms\/([0-9a-f-]{36})\//.exec(applicant.url())![1]!;

    for (const id of sections) {
      await applicant.getByTestId(`report-section-${id}`).fill(`${YEAR}年度${id}：年度发展计划与执行情况。`);
    }
    await applicant.getByTestId("save-report").click();
    await expect
      .poll(() => applicant.getByTestId("report-save-state").textContent(), { timeout: patience(30_000) })
      .toContain("已保存");

    // Reload: what was saved is what the server holds.
    await applicant.reload();
    await applicant.getByTestId("report-section-nextYearPlan").waitFor({ timeout: patience(30_000) });
    for (const id of sections) {
      await expect
        .poll(() => applicant.getByTestId(`report-section-${id}`).inputValue())
        .toBe(`${YEAR}年度${id}：年度发展计划与执行情况。`);
    }
    await expect(applicant.getByTestId("report-status").getAttribute("data-status")).resolves.toBe("draft");

    await applicant.getByTestId("submit-report").click();
    await applicant.getByTestId("confirm-submit-report").click();
    await expect
      .poll(() => applicant.getByTestId("report-status").getAttribute("data-status"), {
        timeout: patience(30_000),
      })
      .toBe("submitted");
    await settled(applicant);
    await applicant.screenshot({ path: `${artifacts}annual-report-submitted.png`, fullPage: true });

    const recommender = await signedIn("recommender-nm");
    await passFromQueue(recommender, platformId, "recommender-checked");
    await recommender.screenshot({ path: `${artifacts}annual-report-checked.png`, fullPage: true });

    const authority = await signedIn("authority-nm");
    await passFromQueue(authority, platformId, "accepted");
    await authority.screenshot({ path: `${artifacts}annual-report-accepted.png`, fullPage: true });

    await applicant.goto(`${server.url}/apply/platforms`);
    await applicant.getByTestId(`view-report-${YEAR}`).click();
    await expect
      .poll(() => applicant.getByTestId("report-status").getAttribute("data-status"), {
        timeout: patience(30_000),
      })
      .toBe("accepted");
    await settled(applicant);
    await applicant.screenshot({ path: `${artifacts}annual-report-applicant-accepted.png`, fullPage: true });
  });
});
