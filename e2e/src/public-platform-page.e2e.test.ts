import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe";
import { launchChromium } from "./browser";
import { type RunningServer, startServer } from "./server";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));

/**
 * The demo's public profiles (packages/db/src/seed-public-profile.ts): the Hunan rail center's approved facts
 * carry governance members — and, on purpose, a phone and an e-mail on every member — and the Chengdu zone
 * its tasks and an accepted report's indicators.
 */
const center = "湖南省先进轨道交通装备技术创新中心";
const zone = "成都市科技成果转移转化示范区";
const members = [
  ["张建国", "株洲轨道交通装备集团有限公司"],
  ["王丽华", "中南大学"],
  ["黄立明", "中南大学交通运输工程学院"],
  ["欧阳静", "湖南大学机械与运载工程学院"],
] as const;
const storedPhone = "13912345678";
/** The demo experts (packages/db/src/seed.ts DEMO_USERS, role "expert"): reviewers are never named in public. */
const expertNames = ["刘洋", "赵磊", "孙婷", "李娜", "何芳", "郑凯"];

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

/** Every character a reader (or a screen reader) could get from the page, the shell included. */
// biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not inline scripts' source
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);

async function openFromHome(page: Page, name: string) {
  await page.goto(`${server.url}/public`);
  await page.getByRole("link", { name }).first().click();
  await page.waitForURL(/\/public\/platforms\/[0-9a-f-]{36}$/);
  await page.getByTestId("platform-page").waitFor();
}

describe("public portal: a platform's page", () => {
  it("shows governance by name and organization, never a contact or a reviewer, and the approval clause", async () => {
    // bypassCSP: axe-core is injected as an inline script, which the server's CSP rightly refuses.
    const context = await browser.newContext({
      locale: "zh-CN",
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await openFromHome(page, center);
    await page.getByRole("heading", { name: center }).waitFor();

    const governance = page.getByTestId("platform-governance");
    await governance.getByRole("heading", { name: "治理结构" }).waitFor();
    for (const [name, organization] of members) {
      await governance.getByText(`${name}（${organization}）`).first().waitFor();
    }
    await expect(governance.getByTestId("governance-director").textContent()).resolves.toBe(
      "周晓峰（株洲轨道交通装备集团有限公司）",
    );
    await governance.getByText("专家委员会").waitFor();
    await expect(page.getByTestId("co-build-units").textContent()).resolves.toContain("中南大学");

    // The approval decision, its date and the clause it rests on (a citation, not a rule id).
    const clause = page.getByTestId("platform-approval-clause");
    await expect(clause.textContent()).resolves.toMatch(/^条款 \S+/);
    await expect(clause.getAttribute("href")).resolves.toMatch(/^\/public\/policies\/hn-tic-2020#clause-/);
    await expect(page.getByTestId("platform-approved-on").textContent()).resolves.toBe("2021年7月15日");

    const text = await pageText(page);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain(storedPhone);
    expect(text).not.toContain("@");
    for (const expert of expertNames) expect(text).not.toContain(expert);
    // No internal rule id in front of people: "hn-tic.xxx" appears nowhere in the text.
    expect(text).not.toMatch(/hn-tic\.[a-z-]+/);
    await page.screenshot({ path: `${artifacts}public-platform-governance.png`, fullPage: true });

    // Headings in order and landmarks: no serious or critical axe finding.
    await expect(axeViolations(page)).resolves.toEqual([]);

    // The same page in English.
    await page.getByText("English", { exact: true }).click();
    await governance.getByRole("heading", { name: "Governance" }).waitFor();
    await governance.getByText("Expert committee").waitFor();
    await page.getByText("中文", { exact: true }).click();
    await governance.getByRole("heading", { name: "治理结构" }).waitFor();
    await context.close();
  });

  it("shows a zone's tasks from the module's list and its reported indicators, on a phone too", async () => {
    const context = await browser.newContext({
      locale: "zh-CN",
      viewport: { width: 375, height: 812 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await openFromHome(page, zone);
    const section = page.getByTestId("platform-zone");
    await section.getByRole("heading", { name: "示范区建设" }).waitFor();
    await expect(page.getByTestId("zone-tasks").locator("li").allTextContents()).resolves.toEqual([
      "四(四) 技术市场交易机制",
      "四(八) 环高校院所成果转化区",
      "四(六) 科技成果转化服务体系",
    ]);
    // Data rows only: a scrolling antd table adds a hidden measuring row.
    const rows = page.getByTestId("zone-indicators").locator("tbody tr.ant-table-row");
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.first().locator("td").allTextContents()).resolves.toEqual([
      "技术合同成交额",
      "亿元",
      "1,200",
      "1,268.5",
    ]);
    await section.getByText(/\d{4} 年度报告（已审核通过）填报的目标值与实际值/).waitFor();
    // Replicable experiences (sc-zone 五(五), seed-experiences.ts): the two published, the promoted one tagged.
    const experiences = page.getByTestId("platform-experiences").getByTestId("platform-experience");
    await experiences
      .filter({ has: page.getByTestId("experience-promoted") })
      .getByText("“先使用后付费”高校科技成果许可模式")
      .waitFor();
    await expect(experiences.count()).resolves.toBe(2);
    await expect(page.getByTestId("platform-experiences").textContent()).resolves.not.toContain(
      "概念验证中心",
    );
    // Nothing wider than the phone's screen but the table's own scroller.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${artifacts}public-platform-zone-phone.png`, fullPage: true });
    await expect(axeViolations(page)).resolves.toEqual([]);
    await context.close();
  });
});
