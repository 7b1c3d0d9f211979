import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settled, signInThroughShell, signOutThroughShell } from "./applicantSteps";
import { launchChromium } from "./browser";
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

describe("an account created by the system administrator", () => {
  it("must replace its generated initial password before anything else, and then works", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The system administrator creates an expert account; the initial password is shown once.
    await signInThroughShell(page, server.url, accounts.get("sysadmin")!);
    await page.getByTestId("account-create").click();
    await page.getByTestId("account-username").fill("newexpert");
    await page.getByTestId("account-display-name").fill("钱伟教授（湖南大学）");
    await page.getByTestId("account-create-confirm").click();
    const initialPassword = (await page.getByTestId("one-time-password").locator("code").textContent()) ?? "";
    expect(initialPassword).toHaveLength(16);
    await page.getByTestId("one-time-close").click();
    await signOutThroughShell(page);

    // First sign-in: the shell sends the new expert to the password page, whatever was asked for.
    await signInThroughShell(page, server.url, {
      username: "newexpert",
      password: initialPassword,
      role: "expert",
      totpSecret: null,
    });
    await page.waitForURL(/\/account\/password$/);
    await page.getByText("您正在使用系统生成的初始密码").waitFor();
    await page.goto(`${server.url}/review`);
    await page.waitForURL(/\/account\/password$/);

    // A wrong current password is refused with the server's reason; nothing else changes.
    const form = page.getByTestId("change-password");
    await form.getByLabel("当前密码").fill("not-the-password");
    await form.getByLabel("新密码", { exact: true }).fill("Qian-Wei-2026-Hnu!");
    await form.getByLabel("再次输入新密码").fill("Qian-Wei-2026-Hnu!");
    await form.getByRole("button", { name: "保存新密码" }).click();
    await page.getByText("当前密码错误").waitFor();
    await settled(page);
    await page.screenshot({ path: `${artifacts}password-change.png`, fullPage: true });

    await form.getByLabel("当前密码").fill(initialPassword);
    await form.getByRole("button", { name: "保存新密码" }).click();
    await page.waitForURL(/\/review$/);
    await page.getByRole("heading", { name: "待我处理" }).waitFor();
    await context.close();
  });
});
