import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
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
import {
  createAccountInAdmin,
  expectStage,
  formPanelInReviewer,
  giveOpinionInReviewer,
  openPublicityInReviewer,
  recordSiteVisitInReviewer,
  replaceInitialPassword,
  type SeatedExpert,
  seatedExpertsSignIn,
} from "./authorityAndExpertSteps";
import { launchChromium, patience } from "./browser";
import { actInReviewer } from "./reviewerAndPublicSteps";
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

/** A browser of its own for each actor: separate cookies, separate sessions. */
async function pageOf(username: string | null): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (username) await signInThroughShell(page, h.url, h.account(username), h.clockOffsetMs);
  return page;
}

/**
 * A recommender for Baotou (150200), where applicant2's organization is, set up as in production: the system
 * administrator creates one in 账号管理 and hands over the one-time password (the demo's recommender-nm is
 * left aside, to walk that path too).
 */
async function createBaotouRecommender() {
  const sysadmin = await pageOf("sysadmin");
  const created = await createAccountInAdmin(sysadmin, h.url, {
    username: "baotou-recommender",
    displayName: "包头市科技局",
    role: "recommender",
    areaCode: "150200",
  });
  await sysadmin.context().close();
  // Its first sign-in replaces the generated password with one of its own.
  const page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await signInThroughShell(page, h.url, created);
  h.extraAccounts.set(created.username, await replaceInitialPassword(page, h.url, created));
  await page.close();
  return created.username;
}

/** Each seated expert, in their own signed-in window, gives an opinion for the current stage from their queue. */
async function expertsGiveOpinions(
  id: string,
  experts: Map<string, Page>,
  seated: SeatedExpert[],
  stage: string,
) {
  for (const [index, expert] of seated.entries()) {
    const page = experts.get(expert.expertId);
    if (!page) throw new Error(`no window for ${expert.name}`);
    await giveOpinionInReviewer(page, h.url, id, {
      text: `（${stage}）方案定位清晰，稀土资源与产业基础扎实，建议支持。`,
      score: 86 + index,
      screenshot: index === 0 ? `${artifacts}workflow-inner-mongolia-opinion-${stage}.png` : undefined,
    });
  }
}

describe("Inner Mongolia: intent → consultation with site inspection → formal application → review with on-site evaluation → publicity → approval", () => {
  it("walks the whole path, each actor as themselves, and the named center appears on the public portal", {
    timeout: patience(480_000),
  }, async () => {
    const recommender = await createBaotouRecommender();

    // Applicant (Baotou), in the browser: the intent with facts, the plan along Inner Mongolia's outline.
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughShell(page, h.url, h.account("applicant2"));
    // Recommended by Baotou's government, one of nm-tic-2020's recommending bodies (三(四)1).
    const id = await startApplication(page, h.url, "nm-tic-2020", proposedName, "包头市人民政府");
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

    // Intent recommended; the authority (TOTP) starts the consultation and forms a panel. nm-tic-2020
    // names no required expertise, so the authority seats a technical and a management expert.
    const recommenderPage = await pageOf(recommender);
    await actInReviewer(recommenderPage, h.url, id, "recommend");
    const authority = await pageOf("authority-nm");
    await actInReviewer(authority, h.url, id, "start-consultation");
    await expectStage(authority, "consultation", "咨询论证");
    const { seated } = await formPanelInReviewer(authority, h.url, id, {
      seatsWhenNoneRequired: ["technical", "management"],
    });
    expect(seated).toHaveLength(2);
    await authority.screenshot({ path: `${artifacts}workflow-inner-mongolia-panel.png`, fullPage: true });
    const experts = await seatedExpertsSignIn(h, () => pageOf(null), seated);
    await expertsGiveOpinions(id, experts, seated, "consultation");
    await actInReviewer(authority, h.url, id, "complete-consultation");
    await expectStage(authority, "site-visit", "实地考察");
    const visit = (findings: string) => ({
      visitedOn: h.chinaDate(),
      location: "包头市稀土高新区研发基地",
      findings,
      participantIds: seated.map((s) => s.expertId),
    });
    await recordSiteVisitInReviewer(authority, h.url, id, visit("研发场地、中试线与方案所述一致。"));
    await actInReviewer(authority, h.url, id, "record-site-visit");
    await expectStage(authority, "formal-application", "申请建设（推荐部门正式提出）");

    // The recommender files the formal application; plan review, then the on-site evaluation.
    await actInReviewer(recommenderPage, h.url, id, "file-formal-application");
    await expertsGiveOpinions(id, experts, seated, "review");
    for (const page of experts.values()) await page.context().close();
    await actInReviewer(authority, h.url, id, "complete-review");
    await expectStage(authority, "on-site-evaluation", "实地评估");
    await recordSiteVisitInReviewer(authority, h.url, id, visit("实地评估：建设条件落实，运行机制可行。"));
    const notice = await openPublicityInReviewer(authority, h.url, id, {
      body: "现予以公示。如有异议，请在公示期内提出。",
    });
    await authority.getByTestId("publicity-card").waitFor();
    await authority.screenshot({ path: `${artifacts}workflow-inner-mongolia-publicity.png`, fullPage: true });

    // Publicity passes without objection; approval applies the naming rule (内蒙古自治区…技术创新中心).
    await h.moveClockPast(notice.closesOn);
    await signInThroughShell(authority, h.url, h.account("authority-nm"), h.clockOffsetMs);
    await actInReviewer(authority, h.url, id, "approve");
    await expectStage(authority, "approved", "批复认定");
    const decision = authority.getByTestId("decision");
    await decision.waitFor();
    await expect.poll(() => decision.getByTestId("decision-name").textContent()).toBe(designatedName);
    await authority.screenshot({ path: `${artifacts}workflow-inner-mongolia-decision.png`, fullPage: true });

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
