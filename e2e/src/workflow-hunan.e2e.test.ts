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
import {
  dismissObjectionInReviewer,
  expectStage,
  formPanelInReviewer,
  giveOpinionInReviewer,
  openPublicityInReviewer,
  recordSiteVisitInReviewer,
  seatedExpertsSignIn,
} from "./authorityAndExpertSteps";
import { launchChromium, patience } from "./browser";
import { actInReviewer, objectInPublicPortal } from "./reviewerAndPublicSteps";
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
  it("walks the whole path, each actor as themselves, and the center appears on the public portal", {
    timeout: patience(480_000),
  }, async () => {
    // Applicant, in the browser: start, facts with live eligibility, the plan along Hunan's outline, a file.
    const page = await pageOf("applicant");
    const recommenderPage = await pageOf("recommender");
    const id = await startApplication(page, h.url, "hn-tic-2020", centerName, "株洲市人民政府");
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

    // Recommendation; the authority, signed in with its TOTP code, starts the consultation.
    await actInReviewer(recommenderPage, h.url, id, "recommend");
    const authority = await pageOf("authority");
    await actInReviewer(authority, h.url, id, "start-consultation");
    await expectStage(authority, "consultation", "方案论证");

    // The panel: Hunan requires technical, management, policy, legal and finance seats, one expert each.
    // 孙婷 (expert3) works for the lead unit: trying to seat her shows the conflict and seats nobody.
    const { seated, conflictExplanation } = await formPanelInReviewer(authority, h.url, id, {
      tryConflicted: true,
    });
    expect(conflictExplanation).toContain("牵头单位");
    expect(seated.map((s) => s.seat).sort()).toEqual([
      "finance",
      "legal",
      "management",
      "policy",
      "technical",
    ]);
    expect(new Set(seated.map((s) => s.expertId)).size).toBe(5);
    await authority.screenshot({ path: `${artifacts}workflow-hunan-panel.png`, fullPage: true });

    // Each seated expert, signed in as themselves, opens it from their queue and gives an opinion.
    const experts = await seatedExpertsSignIn(h, () => pageOf(null), seated);
    for (const [index, expert] of seated.entries()) {
      const expertPage = experts.get(expert.expertId);
      if (!expertPage) throw new Error(`no window for ${expert.name}`);
      await giveOpinionInReviewer(expertPage, h.url, id, {
        text: `（${expert.name}）方案定位清晰，基础扎实，建议支持。`,
        score: 85 + index,
        screenshot: index === 0 ? `${artifacts}workflow-hunan-opinion.png` : undefined,
      });
      if (index === 0) {
        await expertPage.screenshot({ path: `${artifacts}workflow-hunan-opinion-given.png`, fullPage: true });
      }
      await expertPage.context().close();
    }

    // Consultation complete; the site inspection is recorded; publicity opens for the module's minimum (five working days).
    await actInReviewer(authority, h.url, id, "complete-consultation");
    await expectStage(authority, "site-visit", "现场考察");
    await recordSiteVisitInReviewer(authority, h.url, id, {
      visitedOn: h.chinaDate(),
      location: "牵头单位研发基地",
      findings: "场地、设备与研发团队与方案所述一致。",
      participantIds: seated.map((s) => s.expertId),
    });
    const notice = await openPublicityInReviewer(authority, h.url, id, {
      body: "现予以公示。如有异议，请在公示期内提出。",
    });

    // Someone objects during publicity; the authority dismisses it with a reason.
    const grounds = "该单位研发投入数据与公开年报不一致，请核实。";
    const visitor = await pageOf(null);
    await objectInPublicPortal(visitor, h.url, centerName, grounds);
    await dismissObjectionInReviewer(
      authority,
      h.url,
      id,
      grounds,
      "经核实，研发投入数据以审计报告为准，与年报口径不同，异议不成立。",
    );
    await authority.screenshot({ path: `${artifacts}workflow-hunan-publicity.png`, fullPage: true });

    // The period ends (the server's clock moves; sessions lapse, so the authority signs in again); approval.
    await h.moveClockPast(notice.closesOn);
    await signInThroughShell(authority, h.url, h.account("authority"), h.clockOffsetMs);
    await actInReviewer(authority, h.url, id, "approve");
    await expectStage(authority, "approved", "批准组建");
    const decision = authority.getByTestId("decision");
    await decision.waitFor();
    await expect
      .poll(() => decision.getByTestId("decision-outcome").getAttribute("data-outcome"))
      .toBe("approved");
    await expect.poll(() => decision.getByTestId("decision-name").textContent()).toBe(centerName);
    await authority.screenshot({ path: `${artifacts}workflow-hunan-decision.png`, fullPage: true });

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
