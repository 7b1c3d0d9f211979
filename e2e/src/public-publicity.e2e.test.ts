import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { type RunningServer, startServer } from "./server";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
// Seeded by the server's demo data (packages/db seed.ts): one Hunan application under publicity, 5 days left.
const noticeTitle = "关于湖南省陶瓷基复合材料技术创新中心的公示";
// Seeded as past (seed-public-profile.ts): the notice that preceded the rail center's approval.
const pastNoticeTitle = "关于湖南省先进轨道交通装备技术创新中心的公示";
// The server allows this many objections per address per hour (publicity.object).
const objectionsPerHour = 5;

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

async function fillObjection(page: Page, contact: string) {
  await page.getByLabel("异议内容与理由").fill("该中心申报材料中的研发投入数据与年报不一致，请核实。");
  await page.getByLabel("联系人姓名").fill("王五");
  await page.getByLabel("联系电话或电子邮箱").fill(contact);
  await page.getByTestId("submit-objection").click();
}

describe("public portal: publicity and objections", () => {
  it("shows the open notice with its closing date, takes objections and explains the rate limit", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/public`);
    await expect(page.getByTestId("open-notices").locator("sup").getAttribute("title")).resolves.toBe("1");
    await page.getByTestId("nav-publicity").click();
    await page.waitForURL(/\/public\/publicity$/);
    await page.getByRole("heading", { name: "公示公告" }).waitFor();
    await page.getByText(noticeTitle).waitFor();
    await expect(page.getByTestId("days-left").textContent()).resolves.toMatch(/^剩余 \d+ 天$/);
    await page.getByText(/公示期：\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日/).waitFor();
    await page.screenshot({ path: `${artifacts}public-publicity.png`, fullPage: true });

    // Validation happens before anything is sent: short grounds, no name, a contact that reaches no one.
    await page.getByTestId("object-button").click();
    await page.getByLabel("异议内容与理由").fill("太短");
    await page.getByLabel("联系电话或电子邮箱").fill("电话");
    await page.getByTestId("submit-objection").click();
    await page.getByText("异议内容需 10—5000 字").waitFor();
    await page.getByText("请填写联系人姓名").waitFor();
    await page.getByText("请填写有效的手机、固定电话或电子邮箱").waitFor();

    await fillObjection(page, "13812345678");
    await page.getByText("异议已提交").waitFor();
    await expect(page.getByTestId("objection-reference").textContent()).resolves.toMatch(
      /受理编号：[0-9a-f-]{36}/,
    );
    await page.screenshot({ path: `${artifacts}public-objection-filed.png` });
    await page.getByTestId("close-objection").click();

    for (let filed = 1; filed < objectionsPerHour; filed++) {
      await page.getByTestId("object-button").click();
      await fillObjection(page, "a.b@example.cn");
      await page.getByText("异议已提交").waitFor();
      await page.getByTestId("close-objection").click();
    }

    // One too many: the server's bilingual message, and the form keeps what was written.
    await page.getByTestId("object-button").click();
    await fillObjection(page, "0731-84445678");
    const limited = page.getByTestId("objection-rate-limited");
    await limited.waitFor();
    await expect(limited.textContent()).resolves.toMatch(/提交异议过于频繁/);
    await expect(page.getByLabel("联系人姓名").inputValue()).resolves.toBe("王五");
    await page.screenshot({ path: `${artifacts}public-objection-rate-limited.png` });
    await context.close();
  });

  it("lists past notices with their outcome and objection counts, and links an approved one to its page", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/publicity`);
    await page.getByText(noticeTitle).waitFor();
    await page.getByTestId("tab-past-notices").click();
    await page.waitForURL(/\/public\/publicity\?tab=past$/);
    // Seeded (packages/db seed-public-profile.ts): the rail center's notice ended with its approval, one
    // objection filed and dismissed.
    const past = page
      .locator('[data-testid^="past-notice-"][data-outcome]')
      .filter({ hasText: pastNoticeTitle });
    await past.waitFor();
    await expect(past.getAttribute("data-outcome")).resolves.toBe("approved");
    await expect(past.getByTestId("notice-outcome").textContent()).resolves.toBe("已批准");
    await expect(past.getByTestId("notice-objections").textContent()).resolves.toBe(
      "收到异议 1 件，已处理 1 件",
    );
    await past.getByText(/公示期：\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日/).waitFor();
    // The open notice is not among the past ones; nobody who objected is named, no contact shown.
    await expect(page.getByTestId("past-notice-list").textContent()).resolves.not.toContain(noticeTitle);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not inline scripts' source
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain("钱多多");
    await page.screenshot({ path: `${artifacts}public-publicity-past.png`, fullPage: true });

    // A reload keeps the tab (it is in the URL); the approved notice leads to the platform's page.
    await page.reload();
    await past.waitFor();
    await past.getByTestId("notice-platform-link").click();
    await page.waitForURL(/\/public\/platforms\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "湖南省先进轨道交通装备技术创新中心" }).waitFor();
    await context.close();
  });
});
