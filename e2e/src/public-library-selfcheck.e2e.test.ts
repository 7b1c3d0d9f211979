import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, patience } from "./browser";
import { type RunningServer, startServer } from "./server";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const enterpriseRdClause = `#${encodeURIComponent("clause-三(四)")}`;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1360, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Wait until no antd spinner is showing, so screenshots show data rather than a fading overlay. */
async function settled(page: Page) {
  await page.waitForFunction(
    () => document.querySelectorAll(".ant-spin-spinning, .ant-spin-blur").length === 0,
  );
  await page.waitForTimeout(300);
}

/** Pick an option of the antd Select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) [title="${option}"]`).click();
}

/** The clause the page highlights: its data-clause, and whether it is on screen. */
async function highlightedClause(page: Page) {
  const clause = page.locator('section[data-highlighted="true"]');
  await clause.waitFor();
  // The page scrolls once the text has rendered; give it a moment rather than racing it.
  const inView = await page
    .waitForFunction(
      () => {
        const box = document.querySelector('section[data-highlighted="true"]')?.getBoundingClientRect();
        return box !== undefined && box.top < window.innerHeight && box.bottom > 0;
      },
      undefined,
      { timeout: patience(5_000) },
    )
    .then(
      () => true,
      () => false,
    );
  return { id: await clause.getAttribute("data-clause"), inView, count: await clause.count() };
}

describe("public portal: policy library and self-check", () => {
  it("lists the library with draft badges and follows a citation to its highlighted clause", async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));

    await page.goto(`${server.url}/public`);
    // Home: counts, the ways in, and each approved platform linked to the policy it was approved under.
    await page.getByTestId("nav-self-check").waitFor();
    await page.getByRole("link", { name: "湖南省技术创新中心建设实施方案" }).first().waitFor();
    await settled(page);
    await page.screenshot({ path: `${artifacts}public-home.png`, fullPage: true });
    await page.getByTestId("nav-policies").click();
    await page.waitForURL(/\/public\/policies$/);
    // Router navigation renders in a transition: wait for the new page, not only the new URL.
    const library = page.getByTestId("policy-library");
    await library.getByRole("heading", { name: "政策库" }).waitFor();
    await library.getByRole("link", { name: "湖南省技术创新中心建设实施方案" }).waitFor();
    // Sichuan's two sources are drafts for comment; the badge says so.
    await expect(page.getByTestId("draft-badge").count()).resolves.toBe(2);
    // One language per badge (issue 16): the Chinese page says it in Chinese only.
    await expect(page.getByTestId("draft-badge").first().textContent()).resolves.toBe("征求意见稿");
    await settled(page);
    await page.screenshot({ path: `${artifacts}public-library.png`, fullPage: true });
    // The same page in English: the shell's switch re-renders the portal.
    await page.getByText("English", { exact: true }).click();
    await page.getByRole("heading", { name: "Policy library" }).waitFor();
    await expect(page.getByTestId("draft-badge").first().textContent()).resolves.toBe("Draft for comment");
    await page.screenshot({ path: `${artifacts}public-library-en.png`, fullPage: true });
    await page.getByText("中文", { exact: true }).click();
    await library.getByRole("heading", { name: "政策库" }).waitFor();

    await library.getByRole("link", { name: "湖南省技术创新中心建设实施方案" }).click();
    await page.waitForURL(/\/public\/policies\/hn-tic-2020$/);
    await page.getByRole("heading", { name: "湖南省技术创新中心建设实施方案" }).waitFor();
    await page.getByTestId("citation-hn-tic.enterprise-rd").click();
    await page.waitForURL((url) => url.hash === enterpriseRdClause);
    const followed = await highlightedClause(page);
    expect(followed).toEqual({ id: "三(四)", inView: true, count: 1 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${artifacts}public-clause.png` });

    // A deep link from elsewhere (another portal, an e-mail) lands on the clause too.
    await page.goto(`${server.url}/public/policies/sc-tic-2018#${encodeURIComponent("clause-三(二)")}`);
    await expect(highlightedClause(page)).resolves.toEqual({ id: "三(二)", inView: true, count: 1 });
    await page.getByText("本文件为征求意见稿").waitFor();
    // Anshun's pool entry procedure is the system's own setting, not the plan's (as-plat 二(二)): it says so.
    await page.goto(`${server.url}/public/policies/as-plat-2021`);
    await expect(page.getByTestId("local-setting").textContent()).resolves.toContain("未规定入库程序");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("checks a Hunan enterprise against every jurisdiction side by side, and keeps the facts on reload", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/public/self-check`);
    await page.getByText("尚未自查").waitFor();

    await choose(page, "平台类型", "技术创新中心");
    await choose(page, "组建模式", "龙头企业牵头");
    await choose(page, "牵头单位性质", "企业");
    await choose(page, "是否行业龙头企业", "是");
    // 39,999,999 元 a year, entered in 万元: one yuan short of Hunan's 4000万元 average.
    for (const index of [0, 1, 2]) await page.getByTestId(`fact-rd-${index}`).fill("3999.9999");
    await page.getByText("= 39,999,999 元").first().waitFor();
    await page.getByTestId("run-self-check").click();

    const hunan = page.getByTestId("check-hn-tic-2020");
    const enterpriseRd = hunan.locator('[data-rule-id="hn-tic.enterprise-rd"]');
    await enterpriseRd.waitFor();
    await expect(enterpriseRd.getAttribute("data-outcome")).resolves.toBe("fail");
    await expect(enterpriseRd.textContent()).resolves.toMatch(/39,999,999/);
    await expect(hunan.getAttribute("data-outcome")).resolves.toBe("fail");
    const clauseLink = enterpriseRd.getByTestId("clause-link-hn-tic.enterprise-rd");
    await expect(clauseLink.getAttribute("href")).resolves.toBe(
      `/public/policies/hn-tic-2020${enterpriseRdClause}`,
    );

    // The other jurisdictions that govern centers answer on their own terms, in their own columns.
    for (const other of ["sc-tic-2018", "nm-tic-2020"]) {
      const column = page.getByTestId(`check-${other}`);
      await column.waitFor();
      const ruleIds = await column
        .locator("[data-rule-id]")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-rule-id") ?? ""));
      expect(ruleIds.length).toBeGreaterThan(0);
      expect(ruleIds.every((id) => id.startsWith(other.split("-").slice(0, 2).join("-")))).toBe(true);
    }
    await settled(page);
    await page.screenshot({ path: `${artifacts}public-self-check.png`, fullPage: true });

    await page.reload();
    await page.getByTestId("fact-rd-2").waitFor();
    await expect(page.getByTestId("fact-rd-0").inputValue()).resolves.toBe("3999.9999");
    await expect(page.getByTestId("fact-rd-2").inputValue()).resolves.toBe("3999.9999");
    // Saved facts are checked again straight away.
    await page
      .getByTestId("check-hn-tic-2020")
      .locator('[data-rule-id="hn-tic.enterprise-rd"][data-outcome="fail"]')
      .waitFor();

    // The results in English: the rule messages come from the module in both locales.
    await page.getByText("English", { exact: true }).click();
    await page.getByText("Results by jurisdiction").waitFor();
    await expect(enterpriseRd.textContent()).resolves.toMatch(/39,999,999 CNY/);
    await settled(page);
    await page.screenshot({ path: `${artifacts}public-self-check-en.png`, fullPage: true });
    await page.getByText("中文", { exact: true }).click();
    await page.getByText("各地对照结果").waitFor();

    await page.getByTestId("clause-link-hn-tic.enterprise-rd").click();
    await page.waitForURL(
      (url) => url.pathname === "/public/policies/hn-tic-2020" && url.hash === enterpriseRdClause,
    );
    await expect(highlightedClause(page)).resolves.toEqual({ id: "三(四)", inView: true, count: 1 });

    // "Clear" forgets the facts, in this page and after a reload.
    await page.goto(`${server.url}/public/self-check`);
    await expect(page.getByTestId("fact-rd-0").inputValue()).resolves.toBe("3999.9999");
    await page.getByTestId("clear-self-check").click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect(page.getByTestId("fact-rd-0").inputValue()).resolves.toBe("");
    await page.reload();
    await page.getByText("尚未自查").waitFor();
    await expect(page.getByTestId("fact-rd-0").inputValue()).resolves.toBe("");
    await page.close();
  });

  it("lets a zone pass sc-zone.tasks by ticking the module's tasks, and prints a summary", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/public/self-check`);
    await page.getByText("尚未自查").waitFor();
    await choose(page, "平台类型", "科技成果转移转化示范区");
    // The tasks are the module's own list (sc-zone factChoices), each with its clause: no free text.
    const tasks = page.getByTestId("fact-zone-tasks");
    await tasks.getByRole("checkbox").first().waitFor();
    await expect(tasks.getByRole("checkbox").count()).resolves.toBe(8);
    await tasks.getByLabel("四(四) 技术市场交易机制").check();
    await tasks.getByLabel("四(八) 环高校院所成果转化区").check();
    await choose(page, "申报单位是否为市（州）科技局", "否");
    await page.getByTestId("run-self-check").click();

    const sichuan = page.getByTestId("check-sc-zone-2018");
    await sichuan.locator('[data-rule-id="sc-zone.tasks"][data-outcome="pass"]').waitFor();
    await sichuan.locator('[data-rule-id="sc-zone.subject"][data-outcome="fail"]').waitFor();
    // Every jurisdiction that governs zones answers in its own column, side by side.
    const columns = await page
      .locator('[data-testid^="check-"]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-testid")));
    expect(columns).toContain("check-sc-zone-2018");
    // A yes/no answer can go back to "not answered": the rule then asks for the information again.
    const bureau = page.locator(".ant-form-item").filter({ hasText: "申报单位是否为市（州）科技局" });
    await bureau.locator(".ant-select").hover();
    await bureau.locator(".ant-select-clear").click();
    await bureau.getByText("未填写视为“需补充信息”").waitFor();
    await page.getByTestId("run-self-check").click();
    await sichuan.locator('[data-rule-id="sc-zone.subject"][data-outcome="needs-information"]').waitFor();
    await sichuan.locator('[data-rule-id="sc-zone.tasks"][data-outcome="pass"]').waitFor();

    // Print: window.print is called, and the print stylesheet keeps the facts and the results only.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByTestId("print-self-check").click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    await expect(page.getByTestId("print-summary").isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "print" });
    const summary = page.getByTestId("print-summary");
    await summary.waitFor({ state: "visible" });
    await expect(summary.textContent()).resolves.toContain(
      "四(四) 技术市场交易机制、四(八) 环高校院所成果转化区",
    );
    await expect(page.getByTestId("fact-kind").isVisible()).resolves.toBe(false);
    await expect(page.getByTestId("run-self-check").isVisible()).resolves.toBe(false);
    await expect(sichuan.isVisible()).resolves.toBe(true);
    const chromeVisible = await page.evaluate(() =>
      [...document.querySelectorAll("header, nav, footer")].some(
        (el) => (el as HTMLElement).offsetParent !== null,
      ),
    );
    expect(chromeVisible).toBe(false);
    await page.screenshot({ path: `${artifacts}public-self-check-print.png`, fullPage: true });
    await page.pdf({ path: `${artifacts}public-self-check-summary.pdf`, format: "A4" });
    await page.emulateMedia({ media: "screen" });
    await page.close();
  });
});
