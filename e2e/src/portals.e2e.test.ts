import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { type DemoAccount, readDemoAccounts } from "./demoAccounts";
import { sharedChunkPaths } from "./manifests";
import { type RunningServer, startServer } from "./server";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const loadFailed = "该模块暂时无法加载 / This portal could not be loaded";
// Seeded by the server's demo data (packages/db seed.ts).
const seededCenter = "湖南省先进轨道交通装备技术创新中心";
const applicantApplication = "湖南省先进陶瓷材料技术创新中心";
const recommenderItem = "湖南省电子陶瓷基板技术创新中心";
// The seed puts expert on the panel of this consultation (and of a later one); nothing else is theirs.
const expertItem = "湖南省功能陶瓷膜技术创新中心";

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

function account(username: string): DemoAccount {
  const found = accounts.get(username);
  if (!found) throw new Error(`demo account ${username} missing; have ${[...accounts.keys()].join(", ")}`);
  return found;
}

/** Sign in through the shell's form (client-side navigation: the page is never reloaded). */
async function signIn(page: Page, username: string) {
  await page.getByRole("button", { name: "登录" }).first().click();
  await page.waitForURL(/\/signin/);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(account(username).password);
  await page.locator("form").getByRole("button", { name: "登录" }).click();
}

async function signOut(page: Page) {
  await page.getByTestId("user-menu").hover();
  await page.getByText("退出登录").click();
  await page.getByRole("button", { name: "登录" }).first().waitFor();
}

/** Wait until no antd spinner is showing, so screenshots show data rather than a fading overlay. */
async function settled(page: Page) {
  await page.waitForFunction(
    () => document.querySelectorAll(".ant-spin-spinning, .ant-spin-blur").length === 0,
  );
  await page.waitForTimeout(300);
}

/** Requests and the page's own complaints (CSP violations, uncaught errors) for one page. */
function record(page: Page) {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`csp: ${message.text()}`);
    }
  });
  return { requests, problems };
}

describe("the shell and its three portals", () => {
  it("loads each portal from its own manifest, shares one React, and shows each role its work", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const log = record(page);

    // Public portal at "/": approved platforms, no sign-in.
    await page.goto(`${server.url}/`);
    await expect(page.title()).resolves.toBe("科创 · Kechuang");
    await page.getByText(seededCenter).waitFor();
    // The server runs with DEMO=1: the shell says on every page that the data is demo data.
    await page.getByTestId("demo-banner").getByText("演示环境：数据为演示数据").waitFor();
    await settled(page);
    await page.screenshot({ path: `${artifacts}public.png`, fullPage: true });

    // One i18n instance for shell and portals: the shell's switch re-renders the portal too.
    await page.getByText("English", { exact: true }).click();
    await page.getByRole("heading", { name: "Designated innovation platforms" }).waitFor();
    await page.getByRole("menuitem", { name: "Public" }).waitFor();
    await page.getByTestId("demo-banner").getByText("Demo environment: demo data").waitFor();
    await page.getByText("中文", { exact: true }).click();
    await page.getByRole("heading", { name: "已认定的创新平台" }).waitFor();

    // Applicant: sign in, land on /apply, see the organization's applications with stage tags.
    await signIn(page, "applicant");
    await page.waitForURL(/\/apply$/);
    await page.getByText(applicantApplication).waitFor();
    await expect(page.getByText("退回修改").count()).resolves.toBeGreaterThan(0);
    await settled(page);
    await page.screenshot({ path: `${artifacts}applicant.png`, fullPage: true });
    await signOut(page);

    // Expert: sign in, land on /review, see only the consultation they sit on, not the recommender's item.
    await signIn(page, "expert");
    await page.waitForURL(/\/review$/);
    await page.getByRole("heading", { name: "待我处理" }).waitFor();
    await page.getByText(expertItem).waitFor();
    await expect(page.getByText(recommenderItem).count()).resolves.toBe(0);
    await settled(page);
    await page.screenshot({ path: `${artifacts}reviewer-expert.png`, fullPage: true });
    await signOut(page);

    // Recommender: the area's submitted application, with how long it has waited.
    await signIn(page, "recommender");
    await page.waitForURL(/\/review$/);
    await page.getByText(recommenderItem).waitFor();
    await page
      .getByText(/^\d+ 天$/)
      .first()
      .waitFor();
    await settled(page);
    await page.screenshot({ path: `${artifacts}reviewer.png`, fullPage: true });

    // Each portal's manifest came from its own path.
    for (const portal of ["public", "applicant", "reviewer"]) {
      expect(log.requests).toContain(`/portals/${portal}/mf-manifest.json`);
      expect(log.requests.some((path) => path.startsWith(`/portals/${portal}/static/js/`))).toBe(true);
    }
    // React is a singleton: of the four builds' react chunks, the page fetched exactly one, once.
    const reactChunks = await sharedChunkPaths(server.url, "react");
    expect(reactChunks.size).toBeGreaterThanOrEqual(4);
    const reactFetches = log.requests.filter((path) => reactChunks.has(path));
    expect(reactFetches).toHaveLength(1);
    expect(log.problems).toEqual([]);
    await context.close();
  });

  it("reports a portal whose manifest is missing while the other two keep working", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.route("**/portals/applicant/mf-manifest.json", (route) =>
      route.fulfill({ status: 404, contentType: "application/json", body: '{"error":"gone"}' }),
    );

    await page.goto(`${server.url}/`);
    await page.getByText(seededCenter).waitFor();

    await signIn(page, "expert");
    await page.waitForURL(/\/review$/);
    await page.getByRole("heading", { name: "待我处理" }).waitFor();

    // The broken portal: a clear bilingual message with a retry, inside the working shell.
    await page.getByRole("menuitem", { name: "申报" }).click();
    await page.waitForURL(/\/apply$/);
    await page.locator('[data-portal-unavailable="portal_applicant"]').getByText(loadFailed).waitFor();
    await expect(page.getByRole("button", { name: "重试" }).count()).resolves.toBe(1);
    await expect(page.getByText("科创 · Kechuang").count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}applicant-broken.png`, fullPage: true });

    // The other two still work after the failure.
    await page.getByRole("menuitem", { name: "公共服务" }).click();
    await page.getByText(seededCenter).waitFor();
    await page.getByRole("menuitem", { name: "评审" }).click();
    await page.getByRole("heading", { name: "待我处理" }).waitFor();
    await expect(page.getByText(loadFailed).count()).resolves.toBe(0);

    // Once the manifest is reachable again, retry loads the portal without reloading the page. The
    // expert may not list applications: the portal shows the server's refusal, not a crash.
    await page.unroute("**/portals/applicant/mf-manifest.json");
    await page.getByRole("menuitem", { name: "申报" }).click();
    await page.getByText(loadFailed).waitFor();
    await page.getByRole("button", { name: "重试" }).click();
    await page.getByRole("heading", { name: "我的申报" }).waitFor();
    await page.getByText("无权执行此操作").waitFor();
    await expect(page.getByText(loadFailed).count()).resolves.toBe(0);
    await context.close();
  });

  it("explains sign-in failures and asks for the one-time code where the role needs one", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/review`);
    // Not signed in: the guarded portal sends the user to the sign-in page.
    await page.waitForURL(/\/signin\?next=%2Freview/);
    // The demo banner is the shell's, so it shows outside the portals too.
    await page.getByTestId("demo-banner").getByText("演示环境：数据为演示数据").waitFor();

    await page.getByLabel("用户名").fill("applicant");
    await page.getByLabel("密码").fill("not-the-password");
    await page.locator("form").getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").getByText("用户名或密码错误").waitFor();

    await page.getByLabel("用户名").fill("authority");
    await page.getByLabel("密码").fill(account("authority").password);
    await page.locator("form").getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").getByText("该账号需要动态验证码，请输入后再登录").waitFor();
    await page.getByLabel("动态验证码").waitFor();
    await context.close();
  });

  it("takes each portal's manifest URL from the server's configuration", async () => {
    // A second server whose configuration points the applicant portal at a path that does not exist.
    const misconfigured = await startServer({
      PORTAL_APPLICANT_MANIFEST: "/portals/missing/mf-manifest.json",
    });
    const otherAccounts = await readDemoAccounts(misconfigured.dataDir);
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const log = record(page);
    try {
      await page.goto(`${misconfigured.url}/public`);
      await page.getByText(seededCenter).waitFor();
      await page.getByRole("button", { name: "登录" }).first().click();
      await page.getByLabel("用户名").fill("applicant");
      await page.getByLabel("密码").fill(otherAccounts.get("applicant")?.password ?? "");
      await page.locator("form").getByRole("button", { name: "登录" }).click();
      await page.waitForURL(/\/apply$/);
      await page.locator('[data-portal-unavailable="portal_applicant"]').getByText(loadFailed).waitFor();
      expect(log.requests).toContain("/portals/missing/mf-manifest.json");
      expect(log.requests).not.toContain("/portals/applicant/mf-manifest.json");
    } finally {
      await context.close();
      await misconfigured.stop();
    }
  });
});
