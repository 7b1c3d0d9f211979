import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enterFacts,
  expectConflictHandled,
  settled,
  signInThroughShell,
  startApplication,
  submitApplication,
  uploadAttachment,
  waitSaved,
  writePlan,
} from "./applicantSteps";
import { launchChromium } from "./browser";
import { actInReviewer } from "./reviewerAndPublicSteps";
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
const proposedName = "稀土功能材料";
// nm-tic-2020's naming rule (nm-tic.naming): 内蒙古自治区…技术创新中心.
const designatedName = "内蒙古自治区稀土功能材料技术创新中心";

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

/**
 * The demo data has no recommender for Baotou (150200), where applicant2's organization is: the system
 * administrator creates one, as they would in production, and it signs in with its one-time password.
 */
async function createBaotouRecommender() {
  const sysadmin = await h.as("sysadmin");
  const created = await sysadmin.mutate<{ username: string; initialPassword: string; role: string }>(
    "admin.accounts.create",
    { username: "baotou-recommender", displayName: "包头市科技局", role: "recommender", areaCode: "150200" },
  );
  h.extraAccounts.set(created.username, {
    username: created.username,
    password: created.initialPassword,
    role: created.role,
    totpSecret: null,
  });
  return created.username;
}

describe("Inner Mongolia: intent → consultation with site inspection → formal application → review with on-site evaluation → publicity → approval", () => {
  it("walks the whole path, each actor as themselves, and the named center appears on the public portal", async () => {
    const recommender = await createBaotouRecommender();

    // Applicant (Baotou), in the browser: the intent with facts, the plan along Inner Mongolia's outline.
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughShell(page, h.url, h.account("applicant2"));
    const id = await startApplication(page, h.url, "nm-tic-2020", proposedName);
    await enterFacts(page, {
      name: "包头某某稀土新材料股份有限公司",
      rdYears: [30_000_000, 34_000_000, 38_000_000],
      directorMonths: 12,
    });
    await writePlan(page, (section) => `本节（${section}）按内蒙古自治区实施方案编写提纲撰写。`);
    await waitSaved(page);
    await expectConflictHandled(page, h.url, id);
    await uploadAttachment(page, "建设方案.pdf");
    await page.screenshot({ path: `${artifacts}workflow-inner-mongolia-editor.png`, fullPage: true });
    await submitApplication(page);

    // Intent recommended; consultation by a panel, then the site inspection.
    const recommenderPage = await (await browser.newContext({ locale: "zh-CN" })).newPage();
    await signInThroughShell(recommenderPage, h.url, h.account(recommender));
    await actInReviewer(recommenderPage, h.url, id, "recommend");
    const authority = await h.as("authority");
    await act(authority, id, "start-consultation");
    const panel = await formPanel(h, id);
    await expertsGiveOpinions(h, id, panel);
    await act(authority, id, "complete-consultation");
    await recordSiteVisit(h, id, panel);
    await act(authority, id, "record-site-visit");

    // The recommender files the formal application; plan review, then the on-site evaluation.
    await actInReviewer(recommenderPage, h.url, id, "file-formal-application");
    await expertsGiveOpinions(h, id, panel);
    await act(authority, id, "complete-review");
    expect((await getApplication(authority, id)).stage).toBe("on-site-evaluation");
    await recordSiteVisit(h, id, panel);
    await openPublicity(h, id, 7);

    // Publicity passes without objection; approval applies the naming rule.
    await h.moveClock(9);
    const approved = await act(await h.as("authority"), id, "approve");
    expect(approved.designatedName).toBe(designatedName);

    // The applicant follows every stage; the public portal lists the designated name.
    await signInThroughShell(page, h.url, h.account("applicant2"), h.clockOffsetMs);
    await page.goto(`${h.url}/apply/${id}/history`);
    await page.getByTestId("history").waitFor();
    await expect.poll(() => page.getByTestId("history-entry").count()).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: `${artifacts}workflow-inner-mongolia-history.png`, fullPage: true });
    const visitor = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${h.url}/public`);
    await settled(visitor);
    await visitor.getByText(designatedName).first().waitFor();
    await visitor.screenshot({ path: `${artifacts}workflow-inner-mongolia-public.png`, fullPage: true });
  });
});
