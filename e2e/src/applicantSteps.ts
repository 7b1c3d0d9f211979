import type { Page } from "playwright-core";
import { expect } from "vitest";
import { patience } from "./browser";
import type { DemoAccount } from "./demoAccounts";
import { freshTotpCode } from "./totp";

/** Browser steps of the applicant portal (and the shell's sign-in), shared by the workflow tests. */

/** Sign in through the shell's page; the authority and administrators get asked for a TOTP code. */
export async function signInThroughShell(
  page: Page,
  baseUrl: string,
  account: DemoAccount,
  clockOffsetMs = 0,
) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码").fill(account.password);
  const submit = page.locator("form").getByRole("button", { name: "登录" });
  await submit.click();
  if (account.totpSecret) {
    const totp = page.getByLabel("动态验证码");
    await totp.waitFor();
    await totp.fill(await freshTotpCode(account.totpSecret, clockOffsetMs));
    await submit.click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

export async function signOutThroughShell(page: Page) {
  await page.getByTestId("user-menu").hover();
  await page.getByText("退出登录").click();
  await page.getByRole("button", { name: "登录" }).first().waitFor();
}

/** Wait until no antd spinner is showing. */
export async function settled(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll(".ant-spin-spinning").length === 0);
  await page.waitForTimeout(200);
}

/**
 * 开始申报 → policy + kind → proposed name and the recommending body from the policy's list (its Chinese
 * name, e.g. 株洲市人民政府) → the editor of the new application; returns its id.
 */
export async function startApplication(
  page: Page,
  baseUrl: string,
  policyId: string,
  title: string,
  recommender: string,
) {
  await page.goto(`${baseUrl}/apply`);
  await page.getByRole("button", { name: "开始申报" }).first().click();
  await page.getByTestId(`start-${policyId}-tech-innovation-center`).click();
  await page.getByTestId("application-title").fill(title);
  await page.getByTestId("application-recommender").click();
  await page.locator(".ant-select-item-option", { hasText: recommender }).click();
  await page.getByTestId("create-application").click();
  // Creating runs the eligibility rules and writes the audit row; allow for a busy machine.
  await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/, { timeout: patience(60_000) });
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  await page.getByTestId("facts-form").waitFor();
  return id;
}

export type LeadUnitFigures = { name: string; rdYears: [number, number, number]; directorMonths: number };

/** The facts tab: lead unit figures and the director; the live eligibility panel must answer with clauses. */
export async function enterFacts(page: Page, facts: LeadUnitFigures) {
  await page.getByRole("tab", { name: "单位与资格" }).click();
  await page.getByTestId("facts-leadUnit-name").fill(facts.name);
  for (const [index, amount] of facts.rdYears.entries()) {
    await page.getByTestId(`facts-rd-${index}`).fill(String(amount));
  }
  await page.getByTestId("facts-director-months").fill(String(facts.directorMonths));
  const eligibility = page.getByTestId("eligibility");
  await eligibility.getByTestId("eligibility-outcome").waitFor();
  // Every rule result links to its clause in the public policy library.
  const links = eligibility.locator('a[href*="/public/policies/"][href*="#clause-"]');
  await expect.poll(() => links.count()).toBeGreaterThan(0);
}

/**
 * The plan tab: walks every outline section (whatever the module's outline holds) and fills each field by
 * its kind, then expects every step to show as complete.
 */
export async function writePlan(page: Page, textFor: (sectionId: string, fieldId: string) => string) {
  await page.getByRole("tab", { name: "建设方案" }).click();
  const steps = page.locator('[data-testid^="plan-step-"]');
  const count = await steps.count();
  // The form is generated from the outline the server sends with the application.
  expect(count, "plan form has no outline sections (applications.get returned no outline)").toBeGreaterThan(
    0,
  );
  for (let index = 0; index < count; index += 1) {
    const step = steps.nth(index);
    const sectionId = ((await step.getAttribute("data-testid")) ?? "").replace("plan-step-", "");
    await step.click();
    const section = page.getByTestId(`plan-section-${sectionId}`);
    await section.waitFor({ state: "visible" });
    const fields = section.locator('[data-testid^="plan-"]:is(input, textarea)');
    for (let f = 0; f < (await fields.count()); f += 1) {
      const field = fields.nth(f);
      const fieldId = ((await field.getAttribute("data-testid")) ?? "").replace(`plan-${sectionId}-`, "");
      const type = await field.getAttribute("type");
      const isNumber = await field.evaluate((el) => el.closest(".ant-input-number") !== null);
      const value = type === "date" ? "2026-12-31" : isNumber ? "100" : textFor(sectionId, fieldId);
      await field.fill(value);
    }
  }
  await expect.poll(() => page.locator('[data-testid^="plan-step-"][data-complete="false"]').count()).toBe(0);
}

export async function waitSaved(page: Page) {
  await page
    .locator('[data-testid="save-status"][data-status="saved"]')
    .waitFor({ timeout: patience(20_000) });
}

/** A small real PDF (the server checks content, not the name). */
export const tinyPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export async function uploadAttachment(page: Page, name: string) {
  await page.getByRole("tab", { name: "附件" }).click();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "application/pdf", buffer: tinyPdf });
  await page.getByRole("cell", { name }).waitFor({ timeout: patience(20_000) });
}

/** The submit tab: enabled only when nothing is missing; confirm; the editor turns read-only. */
export async function submitApplication(page: Page) {
  await page.getByRole("tab", { name: "提交" }).click();
  const button = page.getByTestId("submit-application");
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await page.getByTestId("submit-confirm").click();
  await page.getByText("申报材料不可修改").waitFor({ timeout: patience(20_000) });
}

/**
 * Two editors on one application: the other window's save lands first, so this one's next save is
 * refused with CONFLICT; the user is told, the editor reloads the latest version, nothing is overwritten.
 */
export async function expectConflictHandled(page: Page, baseUrl: string, applicationId: string) {
  const other = await page.context().newPage();
  await other.goto(`${baseUrl}/apply/${applicationId}`);
  const otherName = other.getByTestId("facts-leadUnit-name");
  const changedName = `${await otherName.inputValue()}（第二窗口）`;
  await otherName.fill(changedName);
  await waitSaved(other);
  await other.close();
  await page.getByRole("tab", { name: "单位与资格" }).click();
  await page.getByTestId("facts-director-months").fill("11");
  await page
    .getByText("他人已修改此申报")
    .first()
    .waitFor({ timeout: patience(20_000) });
  await page.locator(".ant-modal-confirm-btns button").click();
  await expect.poll(() => page.getByTestId("facts-leadUnit-name").inputValue()).toBe(changedName);
}
