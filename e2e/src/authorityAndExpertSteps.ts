import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { signInThroughShell } from "./applicantSteps";
import { patience } from "./browser";
import type { DemoAccount } from "./demoAccounts";
import type { WorkflowHarness } from "./workflowHarness";

/**
 * The authority's and experts' steps through the reviewer portal's screens (apps/portal-reviewer/src/detail):
 * each actor signed in through the shell as themselves, clicking what they would click.
 */

export type SeatedExpert = { expertId: string; name: string; seat: string };

/** The application's page in the reviewer portal, loaded. */
export async function openInReviewer(page: Page, baseUrl: string, applicationId: string): Promise<Locator> {
  // Freshly loaded, as a user coming back to it would see it (others may have acted meanwhile).
  await page.goto(`${baseUrl}/review/${applicationId}`);
  const detail = page.getByTestId("application-detail");
  await detail.waitFor({ timeout: patience(30_000) });
  return detail;
}

/** What the user sees in the page header: the stage's tag (the module's own name for it). */
export async function expectStage(page: Page, stage: string, name?: string) {
  const detail = page.getByTestId("application-detail");
  await expect.poll(() => detail.getAttribute("data-stage"), { timeout: patience(20_000) }).toBe(stage);
  const tag = detail.getByTestId("stage-tag").first();
  await expect.poll(() => tag.getAttribute("data-stage")).toBe(stage);
  if (name) await expect.poll(() => tag.textContent()).toBe(name);
}

const SELECTED = "ant-select-item-option-selected";

/**
 * Clicks an option of an antd Select (its dropdown renders in a portal at the end of the body) until it reads as
 * selected. On a loaded machine a click that lands while antd is still opening or re-rendering the list can be
 * lost, so one click is not trusted; but each click gets time to render before the next, because a second click
 * on a multiple select would undo the first.
 */
async function pickUntilSelected(open: () => Promise<void>, option: Locator) {
  const selected = async () =>
    (await option.count()) > 0 && (await option.evaluate((el, cls) => el.classList.contains(cls), SELECTED));
  for (let attempt = 0; attempt < 5 && !(await selected()); attempt += 1) {
    if (!(await option.isVisible())) await open();
    await option.click({ timeout: patience(5_000) }).catch(() => undefined);
    await expect
      .poll(selected, { timeout: patience(5_000) })
      .toBe(true)
      .catch(() => undefined);
  }
  expect(await selected(), `option ${await option.getAttribute("data-testid")} selected`).toBe(true);
}

/** Picks `optionTestId` in an antd Select. */
export async function choose(page: Page, select: Locator, optionTestId: string) {
  await pickUntilSelected(() => select.click(), page.getByTestId(optionTestId));
}

/** Fills an input that may be wrapped (antd's InputNumber puts the testid on the wrapper or the input). */
async function fillInput(field: Locator, value: string) {
  const isInput = await field.evaluate((el) => el.tagName === "INPUT" || el.tagName === "TEXTAREA");
  await (isInput ? field : field.locator("input").first()).fill(value);
}

type ExpertRow = {
  expertId: string;
  name: string;
  expertise: string[];
  conflict: boolean;
  row: Locator;
};

async function expertRows(card: Locator): Promise<ExpertRow[]> {
  const rows = card.locator("tr[data-expert-id]");
  await expect.poll(() => rows.count(), { timeout: patience(20_000) }).toBeGreaterThan(0);
  const found: ExpertRow[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    found.push({
      expertId: (await row.getAttribute("data-expert-id")) ?? "",
      name: (await row.getAttribute("data-name")) ?? "",
      expertise: ((await row.getAttribute("data-expertise")) ?? "").split(",").filter(Boolean),
      conflict: (await row.getAttribute("data-conflict")) === "true",
      row,
    });
  }
  return found;
}

/** A distinct expert for every seat (a small backtracking match), or null when none exists. */
function seatExperts(seats: string[], experts: ExpertRow[]): [string, ExpertRow][] | null {
  const [seat, ...rest] = seats;
  if (seat === undefined) return [];
  for (const expert of experts.filter((x) => x.expertise.includes(seat))) {
    const others = seatExperts(
      rest,
      experts.filter((x) => x !== expert),
    );
    if (others) return [[seat, expert], ...others];
  }
  return null;
}

/**
 * The authority forms the panel in the panel card: for every seat the module requires (or, when it names
 * none, `seatsWhenNoneRequired`), a conflict-free expert, the seat chosen in the row's dropdown, 分配.
 * Each expert's current load is on screen; a conflicted expert, when `tryConflicted`, is tried first and
 * the server's explanation must appear. Returns who sits where.
 */
export async function formPanelInReviewer(
  page: Page,
  baseUrl: string,
  applicationId: string,
  options: { seatsWhenNoneRequired?: string[]; tryConflicted?: boolean } = {},
): Promise<{ seated: SeatedExpert[]; conflictExplanation: string | null }> {
  await openInReviewer(page, baseUrl, applicationId);
  const card = page.getByTestId("panel-card");
  await expect.poll(() => card.getAttribute("data-ready"), { timeout: patience(20_000) }).toBe("true");
  const required = ((await card.getAttribute("data-required")) ?? "").split(",").filter(Boolean);
  const rows = await expertRows(card);
  // Every expert's load is shown, a number.
  for (const { row } of rows) {
    await expect.poll(() => row.getByTestId("expert-load").textContent()).toMatch(/^\d+$/);
  }

  let conflictExplanation: string | null = null;
  const conflicted = rows.find((r) => r.conflict);
  if (options.tryConflicted) {
    if (!conflicted) throw new Error("expected a conflicted expert in the list");
    const shown = await conflicted.row.getByTestId("expert-conflict").textContent();
    expect(shown ?? "").toContain("利益冲突");
    await conflicted.row.getByTestId(`assign-${conflicted.expertId}`).click();
    const error = page.getByTestId("assign-error");
    await error.waitFor();
    await expect.poll(() => error.textContent()).toContain("利益冲突");
    conflictExplanation = await error.textContent();
    await expect.poll(() => conflicted.row.getAttribute("data-on-panel")).toBe("false");
  }

  const seats = required.length > 0 ? required : (options.seatsWhenNoneRequired ?? []);
  const seating = seatExperts(
    seats,
    rows.filter((r) => !r.conflict),
  );
  if (!seating) throw new Error(`no conflict-free seating for ${seats}: ${rows.map((r) => r.name)}`);
  for (const [seat, expert] of seating) {
    const row = card.getByTestId(`expert-row-${expert.expertId}`);
    await choose(
      page,
      row.getByTestId(`expert-seat-${expert.expertId}`),
      `expert-seat-${expert.expertId}-${seat}`,
    );
    await row.getByTestId(`assign-${expert.expertId}`).click();
    await row.getByTestId("expert-on-panel").waitFor({ timeout: patience(20_000) });
    await card.getByTestId(`panel-member-${expert.expertId}`).waitFor();
    if (required.includes(seat)) {
      await expect
        .poll(() => card.getByTestId(`panel-required-${seat}`).getAttribute("data-covered"))
        .toBe("true");
    }
  }
  if (required.length > 0) {
    await expect
      .poll(() => card.getByTestId("panel-status").textContent())
      .toContain("专家组已覆盖全部要求的类型");
  }
  return {
    seated: seating.map(([seat, e]) => ({ expertId: e.expertId, name: e.name, seat })),
    conflictExplanation,
  };
}

/**
 * Each demo expert signs in through the shell; the ones the panel seated (known by the name in their own
 * user menu) keep their window, the others sign out again. Returns a window per seated expert.
 */
export async function seatedExpertsSignIn(
  h: WorkflowHarness,
  newPage: () => Promise<Page>,
  seated: SeatedExpert[],
): Promise<Map<string, Page>> {
  const pages = new Map<string, Page>();
  for (const username of h.usernamesWithRole("expert")) {
    if (pages.size === seated.length) break;
    const page = await newPage();
    await signInThroughShell(page, h.url, h.account(username), h.clockOffsetMs);
    const name = ((await page.getByTestId("user-menu").textContent()) ?? "").trim();
    const expert = seated.find((s) => s.name === name);
    if (expert) pages.set(expert.expertId, page);
    else await page.context().close();
  }
  const missing = seated.filter((s) => !pages.has(s.expertId)).map((s) => s.name);
  if (missing.length > 0) throw new Error(`no demo expert account signs in as ${missing.join("、")}`);
  return pages;
}

/**
 * An expert, from their own queue, opens the application and gives an opinion with scores for the current
 * stage; others' opinions stay hidden until theirs is in.
 */
export async function giveOpinionInReviewer(
  page: Page,
  baseUrl: string,
  applicationId: string,
  opinion: { text: string; score: number; screenshot?: string },
) {
  await page.goto(`${baseUrl}/review`);
  const open = page.getByTestId(`queue-open-${applicationId}`);
  await open.waitFor({ timeout: patience(20_000) });
  await open.click();
  await page.getByTestId("application-detail").waitFor();
  const card = page.getByTestId("opinion-card");
  const form = card.getByTestId("opinion-form");
  await form.waitFor({ timeout: patience(20_000) });
  await card.getByTestId("opinions-hidden").waitFor();
  await form.getByTestId("opinion-recommendation").getByText("支持", { exact: true }).click();
  const scores = form.locator('[data-testid^="opinion-score-"]');
  await expect.poll(() => scores.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await scores.count()); i += 1) await fillInput(scores.nth(i), String(opinion.score));
  await form.getByTestId("opinion-text").fill(opinion.text);
  if (opinion.screenshot) await page.screenshot({ path: opinion.screenshot, fullPage: true });
  await form.getByTestId("opinion-submit").click();
  const mine = card.getByTestId("opinion-mine");
  await mine.waitFor({ timeout: patience(20_000) });
  await expect.poll(() => mine.textContent()).toContain(opinion.text);
}

/** The authority records the site visit in the site-visit card, with the panel's experts as participants. */
export async function recordSiteVisitInReviewer(
  page: Page,
  baseUrl: string,
  applicationId: string,
  visit: { visitedOn: string; location: string; findings: string; participantIds: string[] },
) {
  await openInReviewer(page, baseUrl, applicationId);
  const card = page.getByTestId("site-visit-card");
  await card.waitFor({ timeout: patience(20_000) });
  const before = await card.getByTestId("site-visit-saved").count();
  await card.getByTestId("site-visit-date").fill(visit.visitedOn);
  await card.getByTestId("site-visit-location").fill(visit.location);
  // A multiple select stays open while options are picked; the authority is in already.
  const participants = card.getByTestId("site-visit-participants");
  for (const id of visit.participantIds)
    await pickUntilSelected(() => participants.click(), page.getByTestId(`site-visit-participant-${id}`));
  await page.keyboard.press("Escape");
  await card.getByTestId("site-visit-findings").fill(visit.findings);
  await card.getByTestId("site-visit-save").click();
  if (before === 0) await card.getByTestId("site-visit-saved").waitFor({ timeout: patience(20_000) });
  await expect.poll(() => card.getByTestId("site-visit-location").inputValue()).toBe("");
}

/**
 * 进入公示 from the actions card: the notice's text in the modal, keeping the window the form offers (today
 * through the module's minimum in working days, dated by the server: common.publicity), then 确认. Returns
 * that window, so a test can move the clock past its closing day.
 */
export async function openPublicityInReviewer(
  page: Page,
  baseUrl: string,
  applicationId: string,
  notice: { body: string },
): Promise<{ opensOn: string; closesOn: string }> {
  const detail = await openInReviewer(page, baseUrl, applicationId);
  const before = await detail.getAttribute("data-version");
  await page.getByTestId("action-open-publicity").click();
  const form = page.getByTestId("action-form");
  await form.waitFor();
  await expect.poll(() => form.getByTestId("action-notice-title").inputValue()).not.toBe("");
  await expect.poll(() => page.getByTestId("publicity-minimum").textContent()).toContain("个工作日");
  await form.getByTestId("action-notice-body").fill(notice.body);
  const opensOn = await form.getByTestId("action-opens-on").inputValue();
  const closesOn = await form.getByTestId("action-closes-on").inputValue();
  expect(closesOn > opensOn).toBe(true);
  await page.getByTestId("action-confirm").click();
  await expect
    .poll(() => detail.getAttribute("data-version"), { timeout: patience(20_000) })
    .not.toBe(before);
  await expectStage(page, "publicity", "公示");
  return { opensOn, closesOn };
}

/** The authority dismisses the objection whose grounds are `grounds` with a reason, in the publicity card. */
export async function dismissObjectionInReviewer(
  page: Page,
  baseUrl: string,
  applicationId: string,
  grounds: string,
  reason: string,
) {
  await openInReviewer(page, baseUrl, applicationId);
  const card = page.getByTestId("publicity-card");
  await card.waitFor({ timeout: patience(20_000) });
  await card.getByTestId("objections-pending").waitFor({ timeout: patience(20_000) });
  const row = card.locator('tr[data-testid^="objection-row-"]').filter({ hasText: grounds });
  await expect.poll(() => row.getAttribute("data-status")).toBe("open");
  await row.locator('[data-testid^="objection-dismiss-"]').click();
  await page.getByTestId("objection-reason").fill(reason);
  await page.getByTestId("objection-confirm").click();
  await expect.poll(() => row.getAttribute("data-status"), { timeout: patience(20_000) }).toBe("dismissed");
  await expect.poll(() => row.textContent()).toContain(reason);
  await expect.poll(() => card.getByTestId("objections-pending").count()).toBe(0);
}

/**
 * The system administrator creates an account in 账号管理 and reads the one-time password off the screen;
 * the account is returned for signing in as it.
 */
export async function createAccountInAdmin(
  page: Page,
  baseUrl: string,
  account: { username: string; displayName: string; role: string; areaCode?: string },
): Promise<DemoAccount> {
  await page.goto(`${baseUrl}/review`);
  await page.getByTestId("account-create").click();
  const form = page.getByTestId("account-form");
  await form.waitFor();
  await form.getByTestId("account-username").fill(account.username);
  await form.getByTestId("account-display-name").fill(account.displayName);
  await choose(page, form.getByTestId("account-role"), `account-role-option-${account.role}`);
  if (account.areaCode) await form.getByTestId("account-area").fill(account.areaCode);
  await page.getByTestId("account-create-confirm").click();
  const password = page.getByTestId("one-time-password");
  await password.waitFor({ timeout: patience(20_000) });
  const initialPassword = ((await password.locator("code").textContent()) ?? "").trim();
  await page.getByTestId("one-time-close").click();
  await page.getByTestId(`account-row-${account.username}`).waitFor();
  return { username: account.username, password: initialPassword, role: account.role, totpSecret: null };
}

/**
 * A first sign-in with an administrator-generated password: the shell asks for a password of the user's
 * own before anything else (when the server requires it); returns the account with the password now valid.
 */
export async function replaceInitialPassword(
  page: Page,
  baseUrl: string,
  account: DemoAccount,
): Promise<DemoAccount> {
  await page.goto(`${baseUrl}/review`);
  const form = page.getByTestId("change-password");
  await form
    .or(page.locator(".ant-table"))
    .first()
    .waitFor({ timeout: patience(30_000) });
  if (!(await form.isVisible())) return account;
  // The policy: 12+ characters, upper and lower case, digits and symbols, never the username.
  const password = `Own-Pw#${Date.now()}x`;
  await form.getByLabel("当前密码", { exact: true }).fill(account.password);
  await form.getByLabel("新密码", { exact: true }).fill(password);
  await form.getByLabel("再次输入新密码", { exact: true }).fill(password);
  await form.getByRole("button", { name: "保存新密码" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/account/password"), {
    timeout: patience(20_000),
  });
  return { ...account, password };
}
