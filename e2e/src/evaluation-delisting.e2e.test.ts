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
 * Issue 10 in the browser: the Inner Mongolia authority opens an evaluation round for its demo centers (due:
 * approved in 2021, nm-tic.evaluation-timing "一般为认定运行满三年后开展"), seats a conflict-free expert,
 * enters material per focus area and grades one (nm-tic.evaluation-grades), with the consequence shown before
 * confirming; then revokes the other (nm-tic.delisting "经审定情况属实的予以摘牌并撤销"), and the public
 * register shows it revoked with its date and clause.
 */

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const graded = "内蒙古自治区稀土新材料技术创新中心";
const revoked = "内蒙古自治区乳业技术创新中心";

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

/** The platform id of a row of the due table (antd keys each row by it). */
async function dueRow(page: Page, name: string) {
  const row = page.getByTestId("due-card").locator("tr[data-row-key]", { hasText: name });
  await row.waitFor({ timeout: patience(30_000) });
  return { row, platformId: (await row.getAttribute("data-row-key")) ?? "" };
}

/** Today as the Chinese date format the portals show (2026年12月2日), in Beijing time. */
const todayZh = () =>
  new Intl.DateTimeFormat("zh-CN", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "Asia/Shanghai",
  }).format(new Date());

describe("evaluation and revocation of Inner Mongolia centers", () => {
  it("opens a round for the due centers, grades one, revokes the other, and the public register shows the revocation", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInThroughShell(page, server.url, accounts.get("authority-nm")!);
    await page.goto(`${server.url}/review`);
    await page.getByTestId("nav-evaluations").click();
    await page.waitForURL(/\/review\/evaluations$/);
    await page.locator('[data-testid="due-card"][data-ready="true"]').waitFor({ timeout: patience(30_000) });

    // Both demo centers were approved in 2021: three full years have passed, both are due.
    const first = await dueRow(page, graded);
    const second = await dueRow(page, revoked);
    for (const { row, platformId } of [first, second]) {
      await expect
        .poll(() => page.getByTestId(`due-state-${platformId}`).getAttribute("data-state"))
        .toBe("due");
      await row.locator(".ant-checkbox-input").check();
    }
    await page.getByTestId("open-round").click();
    for (const { platformId } of [first, second]) {
      await expect
        .poll(() => page.getByTestId(`due-state-${platformId}`).getAttribute("data-state"), {
          timeout: patience(30_000),
        })
        .toBe("open");
    }

    // The evaluation of the first center: a conflict-free expert, material per focus area, the grade.
    await page.getByRole("link", { name: graded }).first().click();
    await page.waitForURL(/\/review\/evaluations\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="evaluation-page"][data-ready="true"]').waitFor();
    const select = page.getByTestId("expert-select");
    await select.click();
    const option = page.locator('.ant-select-item-option[data-conflict="false"]', { hasText: "刘洋" });
    await option.waitFor({ timeout: patience(20_000) });
    const optionTestId = (await option.getAttribute("data-testid")) ?? "";
    await choose(page, select, optionTestId);
    await page.getByTestId("expert-assign").click();
    await page
      .getByTestId("experts-card")
      .locator('[data-testid^="evaluation-expert-"]')
      .first()
      .waitFor({ timeout: patience(20_000) });

    await page.getByTestId("material-innovation-capacity").fill("研发投入持续增长，新增发明专利授权");
    await page.getByTestId("material-market-service").fill("面向区内企业开展技术服务");
    await page.getByTestId("material-save").click();
    await page.getByText("材料已保存").waitFor({ timeout: patience(20_000) });

    await page.getByTestId("grade-card").getByText("良好", { exact: true }).click();
    await page.getByTestId("grade-findings").fill("创新能力与市场化服务能力良好");
    await page.getByTestId("grade-submit").click();
    // The consequence is shown before confirming.
    const consequence = page.getByTestId("grade-consequence");
    await consequence.waitFor({ timeout: patience(20_000) });
    await expect.poll(() => consequence.textContent()).toContain("良好");
    await page.getByTestId("grade-confirm").click();
    await page
      .locator('[data-testid="evaluation-page"][data-status="graded"]')
      .waitFor({ timeout: patience(30_000) });
    await expect.poll(() => page.getByTestId("result-grade").textContent()).toBe("良好");
    // The oversight card below follows: the evaluation reads as graded there too.
    await expect
      .poll(() =>
        page
          .getByTestId("platform-oversight")
          .locator('[data-testid^="oversight-evaluation-"]')
          .first()
          .textContent(),
      )
      .toContain("良好");
    await settled(page);
    await page.screenshot({ path: `${artifacts}evaluation-graded.png`, fullPage: true });

    // The second center: revoked from its oversight card, ground + verification + decision, confirmed twice.
    await page.goto(`${server.url}/review/evaluations`);
    await page.getByRole("link", { name: revoked }).first().click();
    await page.waitForURL(/\/review\/evaluations\/[0-9a-f-]{36}$/);
    const oversight = page.locator('[data-testid="platform-oversight"][data-ready="true"]');
    await oversight.waitFor({ timeout: patience(30_000) });
    await oversight.getByTestId("delist-open").click();
    await page.locator(".ant-modal").getByText("牵头单位停产", { exact: false }).click();
    await page
      .getByTestId("delist-verification")
      .fill("经审定，牵头单位已停产，不能保障中心正常运行，情况属实");
    await page.getByTestId("delist-document-number").fill("内科发〔2026〕1号");
    await page.getByTestId("delist-next").click();
    await page.getByTestId("delist-confirm").click();
    await page.getByTestId("oversight-delisting").waitFor({ timeout: patience(30_000) });
    await expect.poll(() => page.getByTestId("oversight-status").textContent()).toBe("已撤销");
    await settled(page);
    await page.screenshot({ path: `${artifacts}evaluation-revoked.png`, fullPage: true });
    await context.close();

    // Anyone: the register keeps the center, marked revoked with the date; its page gives the clause.
    const visitor = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${server.url}/public`);
    const tag = publicPage.getByTestId(`platform-revoked-${second.platformId}`);
    await tag.waitFor({ timeout: patience(30_000) });
    await expect.poll(() => tag.textContent()).toContain(todayZh());
    // The graded center is still listed, not revoked.
    await publicPage.getByTestId(`platform-link-${first.platformId}`).waitFor();
    expect(await publicPage.getByTestId(`platform-revoked-${first.platformId}`).count()).toBe(0);

    await publicPage.getByTestId(`platform-link-${second.platformId}`).click();
    const notice = publicPage.getByTestId("platform-revoked");
    await notice.waitFor({ timeout: patience(30_000) });
    await expect.poll(() => notice.textContent()).toContain(todayZh());
    await expect.poll(() => notice.textContent()).toContain("牵头单位停产");
    // Only what the authority ticked: a ground the record merely supports is not pre-ticked.
    expect(await notice.textContent()).not.toContain("到期不提交年度报告");
    await expect
      .poll(() => publicPage.getByTestId("platform-revoked-clause").textContent())
      .toContain("三(六)3");
    await expect
      .poll(() => publicPage.getByTestId("platform-status").getAttribute("data-status"))
      .toBe("delisted");
    await settled(publicPage);
    await publicPage.screenshot({ path: `${artifacts}evaluation-public-revoked.png`, fullPage: true });
    await visitor.close();
  });
});
