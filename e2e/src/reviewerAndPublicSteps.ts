import type { Page } from "playwright-core";
import { expect } from "vitest";
import { patience } from "./browser";

/**
 * One step of the module's graph through the reviewer portal: the detail page's actions panel (generated
 * from the server's availableActions), the confirm modal with a reason when the step needs one.
 */
export async function actInReviewer(
  page: Page,
  baseUrl: string,
  applicationId: string,
  action: string,
  reason?: string,
) {
  await page.goto(`${baseUrl}/review/${applicationId}`);
  const detail = page.getByTestId("application-detail");
  await detail.waitFor();
  const before = await detail.getAttribute("data-version");
  await page.getByTestId(`action-${action}`).click();
  if (reason) await page.getByTestId("action-reason").fill(reason);
  await page.getByTestId("action-confirm").click();
  await expect
    .poll(() => detail.getAttribute("data-version"), { timeout: patience(20_000) })
    .not.toBe(before);
}

/** The public's objection through the public portal's publicity page (no sign-in), on the notice naming `title`. */
export async function objectInPublicPortal(page: Page, baseUrl: string, title: string, grounds: string) {
  await page.goto(`${baseUrl}/public/publicity`);
  const notice = page.locator('[data-testid^="notice-"]').filter({ hasText: title }).first();
  await notice.waitFor({ timeout: patience(20_000) });
  await notice.getByTestId("object-button").click();
  await page.getByLabel("异议内容与理由").fill(grounds);
  await page.getByLabel("联系人姓名").fill("李某");
  await page.getByLabel("联系电话或电子邮箱").fill("13800000000");
  await page.getByTestId("submit-objection").click();
  await page.getByText("异议已提交").waitFor();
}
