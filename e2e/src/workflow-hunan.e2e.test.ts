import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enterFacts,
  settled,
  signInThroughShell,
  startApplication,
  submitApplication,
  uploadAttachment,
  waitSaved,
  writePlan,
} from "./applicantSteps";
import { launchChromium } from "./browser";
import { actInReviewer, objectInPublicPortal } from "./reviewerAndPublicSteps";
import {
  act,
  expertsGiveOpinions,
  formPanel,
  getApplication,
  openPublicity,
  recordSiteVisit,
} from "./reviewStepsOverApi";
import { WorkflowHarness } from "./workflowHarness";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
// hn-tic-2020 has no naming rule: the approved platform keeps the name applied for.
const centerName = "湖南省先进储能材料技术创新中心";
const returnReason = "请补充产业基础中近三年的产值数据";

let h: WorkflowHarness;
let browser: Browser;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  h = await WorkflowHarness.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** A browser of its own for each actor: separate cookies, separate sessions. */
async function pageOf(username: string | null): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (username) await signInThroughShell(page, h.url, h.account(username));
  return page;
}

describe("Hunan: recommendation → panel consultation (legal and finance experts) → site inspection → publicity with a dismissed objection → approval", () => {
  it("walks the whole path, each actor as themselves, and the center appears on the public portal", async () => {
    // Applicant, in the browser: start, facts with live eligibility, the plan along Hunan's outline, a file.
    const page = await pageOf("applicant");
    const recommenderPage = await pageOf("recommender");
    const id = await startApplication(page, h.url, "hn-tic-2020", centerName);
    await enterFacts(page, {
      name: "株洲某某储能材料有限公司",
      rdYears: [45_000_000, 52_000_000, 61_000_000],
      directorMonths: 10,
    });
    await writePlan(page, (section) => `本节（${section}）按湖南省编写提纲撰写的建设方案内容。`);
    await waitSaved(page);
    // Drafts survive a reload.
    await page.reload();
    await page.getByRole("tab", { name: "建设方案" }).click();
    await expect
      .poll(() => page.locator('[data-testid^="plan-step-"][data-complete="false"]').count())
      .toBe(0);
    await uploadAttachment(page, "营业执照.pdf");
    await page.screenshot({ path: `${artifacts}workflow-hunan-editor.png`, fullPage: true });
    await submitApplication(page);

    // Recommender returns it with a reason; the applicant answers with a new version.
    await actInReviewer(recommenderPage, h.url, id, "return-to-applicant", returnReason);
    await page.reload();
    await page.getByText("申报已退回修改").waitFor();
    await page.getByRole("tab", { name: "建设方案" }).click();
    const firstField = page.locator('[data-testid^="plan-"]:is(textarea, input)').first();
    await firstField.fill("修改后：补充了近三年产值数据（2023—2025 年分别为 3.1、3.8、4.6 亿元）。");
    await waitSaved(page);
    await submitApplication(page);
    await page.getByTestId("open-versions").click();
    await page.locator('[data-testid^="compare-"]').first().waitFor();
    await expect
      .poll(() => page.getByText("修改后：补充了近三年产值数据", { exact: false }).count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}workflow-hunan-versions.png`, fullPage: true });

    // Recommendation, then the authority's panel (the module requires legal and finance seats) and opinions.
    await actInReviewer(recommenderPage, h.url, id, "recommend");
    const authority = await h.as("authority");
    await act(authority, id, "start-consultation");
    const panel = await formPanel(h, id);
    await expertsGiveOpinions(h, id, panel);
    await act(authority, id, "complete-consultation");
    await recordSiteVisit(h, id, panel);
    await openPublicity(h, id, 7);
    expect((await getApplication(authority, id)).stage).toBe("publicity");

    // Someone objects during publicity; the authority dismisses it with a reason.
    const notices = await (await h.as("authority")).query<{ noticeId: string; applicationTitle: string }[]>(
      "publicity.listOpen",
    );
    const notice = notices.find((n) => n.applicationTitle === centerName);
    if (!notice) throw new Error(`no open notice for ${centerName}: ${JSON.stringify(notices)}`);
    const visitor = await pageOf(null);
    await objectInPublicPortal(
      visitor,
      h.url,
      notice.noticeId,
      "该单位研发投入数据与公开年报不一致，请核实。",
    );
    const objections = await authority.query<{ id: string; status: string }[]>("publicity.objections", {
      applicationId: id,
    });
    const open = objections.find((o) => o.status === "open");
    if (!open) throw new Error(`no open objection: ${JSON.stringify(objections)}`);
    await authority.mutate("publicity.resolveObjection", {
      objectionId: open.id,
      outcome: "dismissed",
      reason: "经核实，研发投入数据以审计报告为准，与年报口径不同，异议不成立。",
    });

    // The period ends; then the authority approves.
    await h.moveClock(9);
    const approved = await act(await h.as("authority"), id, "approve");
    expect(approved.to).toBe("approved");

    // The applicant sees the history with the return reason; the public portal lists the center.
    await signInThroughShell(page, h.url, h.account("applicant"), h.clockOffsetMs);
    await page.goto(`${h.url}/apply/${id}/history`);
    await page.getByTestId("history").waitFor();
    await page.getByText(returnReason, { exact: false }).waitFor();
    await page.screenshot({ path: `${artifacts}workflow-hunan-history.png`, fullPage: true });
    await visitor.goto(`${h.url}/public`);
    await settled(visitor);
    await visitor.getByText(centerName).first().waitFor();
    await visitor.screenshot({ path: `${artifacts}workflow-hunan-public.png`, fullPage: true });
  });
});
