import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/**
 * CPU slowdown for every page (DevTools' Emulation.setCPUThrottlingRate), from E2E_CPU_THROTTLE: the suite must
 * pass on a slower machine as well as a faster one, so it is run once at 4× (`pnpm e2e:throttled`).
 */
const cpuThrottle = Number(process.env.E2E_CPU_THROTTLE ?? "1");

/** A time budget for a state to appear, scaled by the CPU slowdown: a budget, never a wait. */
export const patience = (ms: number): number => ms * cpuThrottle;

async function throttle(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send("Emulation.setCPUThrottlingRate", { rate: cpuThrottle });
}

function throttleContext(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(patience(30_000));
  const newPage = context.newPage.bind(context);
  context.newPage = async () => {
    const page = await newPage();
    await throttle(page);
    return page;
  };
  // Pages the site opens itself (popups, target=_blank).
  context.on("page", (page) => void throttle(page).catch(() => undefined));
  return context;
}

function throttleBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => throttleContext(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.context().setDefaultTimeout(patience(30_000));
    await throttle(page);
    return page;
  };
  return browser;
}

/** Debian's chromium, never a downloaded browser; flags keep it quiet and offline-friendly. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return cpuThrottle > 1 ? throttleBrowser(browser) : browser;
}
