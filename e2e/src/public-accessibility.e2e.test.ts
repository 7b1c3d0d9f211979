import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, formatFindings } from "./axe";
import { launchChromium, patience } from "./browser";
import { type RunningServer, startServer } from "./server";

/**
 * The public portal's accessibility standard, page by page: no serious or critical axe-core violation,
 * one main landmark reached by the first Tab (a skip link), one h1, no horizontal scrolling on a 375 px phone, <html lang>
 * following the chosen language, and in English no Chinese left in the shell's header, nav and footer.
 */

type Locale = "zh-CN" | "en";
/** A page to check; `missing` says why a page reached by a link could not be found. */
type PublicPage = { name: string; path: string; optional?: boolean; missing?: string };

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const widths = [1280, 375] as const;
const locales: Locale[] = ["zh-CN", "en"];
// Han characters: chrome still in Chinese. Platform names and other data may stay Chinese; chrome may not.
const han = /\p{Script=Han}/u;

let server: RunningServer;
let browser: Browser;
let pages: PublicPage[];

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  pages = await publicPages();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * The href of the first `selector` link on `path`, or why there is none (what the page showed instead,
 * usually a page that failed to load its data), so the other pages are still checked.
 */
async function firstLink(path: string, selector: string): Promise<{ href: string } | { missing: string }> {
  const page = await browser.newPage({ locale: "zh-CN" });
  try {
    await page.goto(`${server.url}${path}`);
    const link = page.locator(selector).first();
    await link.waitFor();
    const href = await link.getAttribute("href");
    return href ? { href } : { missing: `${selector} on ${path} has no href` };
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector("main")?.textContent?.slice(0, 400));
    return { missing: `no ${selector} on ${path} (${String(error).split("\n")[0]}); it shows: ${shown}` };
  } finally {
    await page.close();
  }
}

/** Every public page, with a platform and a policy document found by following the first link to one. */
async function publicPages(): Promise<PublicPage[]> {
  const platform = await firstLink("/public", 'main a[href*="/public/platforms/"]');
  const policy = await firstLink("/public/policies", 'main a[href*="/public/policies/"]');
  const found = (name: string, link: { href: string } | { missing: string }): PublicPage =>
    "href" in link ? { name, path: link.href } : { name, path: "", missing: link.missing };
  return [
    { name: "home", path: "/public" },
    found("platform", platform),
    { name: "policy library", path: "/public/policies" },
    found("policy document", policy),
    { name: "self-check", path: "/public/self-check" },
    { name: "publicity", path: "/public/publicity" },
    { name: "stats", path: "/public/stats", optional: true },
    { name: "developers", path: "/public/developers", optional: true },
    { name: "targets", path: "/public/targets/as-plat-2021" },
  ];
}

/**
 * The page has rendered its data: a heading in the main landmark, no spinner or skeleton, and no finite
 * animation still running (a half-faded element would fail the contrast check for the wrong reason).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector("main");
      if (!main?.querySelector("h1, h2, h3, h4, [data-testid=not-found]")) return false;
      if (document.querySelector(".ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active")) return false;
      return document
        .getAnimations()
        .every((animation) => animation.effect?.getTiming().iterations === Number.POSITIVE_INFINITY);
    },
    undefined,
    { timeout: patience(15_000) },
  );
}

/** Switches the language with the shell's own control, as a visitor would; the choice is remembered. */
async function switchTo(page: Page, locale: Locale): Promise<void> {
  await page.goto(`${server.url}/public`);
  await settled(page);
  await page
    .locator("header")
    .getByText(locale === "en" ? "English" : "中文", { exact: true })
    .click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
}

/** The first Tab reaches the skip link, and following it puts focus in the main landmark. */
async function skipLinkReachesMain(page: Page): Promise<string | null> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    return { text: focused?.textContent?.trim() ?? "", href: focused?.getAttribute("href") ?? "" };
  });
  if (!first.href.startsWith("#")) return `the first Tab reached "${first.text}", not a skip link`;
  await page.keyboard.press("Enter");
  const inMain = await page.evaluate(() => document.activeElement?.closest("main") !== null);
  return inMain ? null : `the skip link "${first.text}" does not move focus into <main>`;
}

/** Text of the shell's chrome in Chinese, leaving out what is marked as Chinese on purpose (lang="zh…"). */
async function chineseChrome(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const hanText = new RegExp(pattern, "u");
    const found: string[] = [];
    const roots = document.querySelectorAll("header, nav, footer, [role=navigation], [role=banner]");
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? "";
        if (!hanText.test(text)) continue;
        if (node.parentElement?.closest("[lang]")?.getAttribute("lang")?.startsWith("zh")) continue;
        if (node.parentElement?.closest("[aria-hidden=true], [hidden]")) continue;
        found.push(text);
      }
    }
    if (hanText.test(document.title)) found.push(`<title> ${document.title}`);
    return [...new Set(found)];
  }, han.source);
}

/** Everything wrong with one page, as lines a failure message can show; empty when the page passes. */
async function check(page: Page, locale: Locale, width: number): Promise<string[]> {
  const problems: string[] = [];
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== locale) problems.push(`<html lang="${lang}">, expected "${locale}"`);
  const mains = await page.locator("main, [role=main]").count();
  if (mains !== 1) problems.push(`${mains} main landmarks, expected exactly one`);
  // One h1 naming the page (PageHeader's title): where a screen reader's heading list starts.
  const titles = await page.locator("main h1").count();
  if (titles !== 1) problems.push(`${titles} h1 headings in <main>, expected exactly one`);
  const skip = await skipLinkReachesMain(page);
  if (skip) problems.push(skip);
  const findings = await axeViolations(page, ["serious", "critical", "moderate"]);
  const blocking = findings.filter((finding) => finding.impact !== "moderate");
  if (blocking.length > 0) problems.push(formatFindings(blocking));
  // Moderate ones (heading order, landmarks around banners) do not fail the test, but are worth a look.
  const moderate = findings.filter((finding) => finding.impact === "moderate");
  if (moderate.length > 0)
    console.info(`[${locale} ${width}px] ${page.url()} moderate:\n${formatFindings(moderate)}`);
  if (width < 768) {
    const overflow = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      widest: [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((element) => !element.parentElement?.closest("[style*=overflow], .ant-table-content"))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`),
    }));
    if (overflow.scrollWidth > overflow.innerWidth + 1)
      problems.push(
        `scrolls sideways: ${overflow.scrollWidth} px wide on a ${overflow.innerWidth} px screen (${overflow.widest.join(", ")})`,
      );
  }
  if (locale === "en") {
    const chinese = await chineseChrome(page);
    if (chinese.length > 0) problems.push(`Chinese left in the chrome: ${chinese.join(" · ")}`);
  }
  return problems;
}

/** The objection form in its dialog, with its validation messages showing: labels, contrast, focus trap. */
async function objectionFormProblems(page: Page): Promise<string[]> {
  const open = page.getByTestId("object-button").first();
  if ((await open.count()) === 0) return ["no open notice to object to: the objection form went unchecked"];
  await open.click();
  await page.getByTestId("submit-objection").click();
  await page.locator(".ant-form-item-explain-error").first().waitFor();
  await settled(page);
  const findings = await axeViolations(page);
  await page.keyboard.press("Escape");
  await page.locator(".ant-modal-wrap").first().waitFor({ state: "hidden" });
  return findings.length > 0 ? [`objection form: ${formatFindings(findings)}`] : [];
}

describe("public portal: accessibility, phones and English", () => {
  for (const locale of locales) {
    for (const width of widths) {
      it(
        `every public page passes in ${locale} at ${width} px`,
        async () => {
          // The server's CSP allows no inline script, and axe is injected as one: bypass it for this check only.
          const context = await browser.newContext({
            locale: "zh-CN",
            viewport: { width, height: 800 },
            bypassCSP: true,
          });
          const page = await context.newPage();
          const report: string[] = [];
          const skipped: string[] = [];
          try {
            if (locale !== "zh-CN") await switchTo(page, locale);
            for (const target of pages) {
              if (target.missing) {
                report.push(`${target.name}: ${target.missing}`);
                continue;
              }
              await page.goto(`${server.url}${target.path}`);
              const unsettled = await settled(page).then(
                () => null,
                (error: unknown) => String(error).split("\n")[0],
              );
              if (unsettled) {
                const shown = await page.evaluate(() =>
                  document.querySelector("main")?.textContent?.slice(0, 300),
                );
                report.push(
                  `${target.name} (${target.path}): never showed a heading (${unsettled}): ${shown}`,
                );
                continue;
              }
              if (await page.getByTestId("not-found").count()) {
                if (target.optional) {
                  skipped.push(target.name);
                  continue;
                }
                report.push(`${target.name} (${target.path}): renders the not-found page`);
                continue;
              }
              // The phone layout, page by page, for a person to look at.
              if (width < 768) {
                const file = `a11y-${locale}-${width}-${target.name.replaceAll(" ", "-")}.png`;
                await page.screenshot({ path: `${artifacts}${file}`, fullPage: true });
              }
              const problems = await check(page, locale, width);
              if (target.name === "publicity") problems.push(...(await objectionFormProblems(page)));
              for (const problem of problems)
                report.push(`${target.name} (${target.path}):\n  ${problem.replaceAll("\n", "\n  ")}`);
            }
          } finally {
            await context.close();
          }
          if (skipped.length > 0)
            console.info(`[${locale} ${width}px] not there yet, skipped: ${skipped.join(", ")}`);
          expect(report.join("\n"), `${locale} at ${width} px`).toBe("");
          // Checked: every page that exists, and at least the six that must.
          expect(pages.length - skipped.length).toBeGreaterThanOrEqual(6);
        },
        patience(300_000),
      );
    }
  }
});
