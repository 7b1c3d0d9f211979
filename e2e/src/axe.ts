import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** The impacts this project treats as failures; minor and moderate ones are reported by axe but tolerated. */
export const blockingImpacts = ["serious", "critical"];

/** A violation as a failure message should show it: what rule, what to do, and where. */
export type AxeFinding = {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
  /** axe's own words on the first element, e.g. the contrast ratio and the two colours. */
  detail: string;
};

let axeSource: Promise<string> | undefined;

/** axe-core's browser bundle from node_modules (the e2e package's own dependency), read once per run. */
function loadAxe(): Promise<string> {
  const require = createRequire(import.meta.url);
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

type AxeResults = {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    helpUrl: string;
    nodes: { target: unknown[]; any: { message: string }[]; all: { message: string }[] }[];
  }[];
};

/**
 * Runs axe-core on the whole document and returns its violations of the given impacts (by default the
 * serious and critical ones). `disabledRules` is for a known third-party false positive only; say why.
 */
export async function axeViolations(
  page: Page,
  impacts: string[] = blockingImpacts,
  disabledRules: string[] = [],
): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ content: await loadAxe() });
  const results = await page.evaluate(async (disabled) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } })
      .axe;
    const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
    return (await axe.run(document, { resultTypes: ["violations"], rules })) as AxeResults;
  }, disabledRules);
  return results.violations
    .filter((violation) => impacts.includes(violation.impact ?? ""))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      helpUrl: violation.helpUrl,
      // A target is a selector, or a list of them through iframes and shadow roots.
      targets: violation.nodes.map((node) => node.target.map(String).join(" >> ")),
      detail: [...(violation.nodes[0]?.any ?? []), ...(violation.nodes[0]?.all ?? [])]
        .map((check) => check.message)
        .join("; "),
    }));
}

/** One line per violation with up to five of its elements: enough to find and fix it. */
export function formatFindings(findings: AxeFinding[]): string {
  return findings
    .map((finding) => {
      const shown = finding.targets.slice(0, 5).join(" | ");
      const more = finding.targets.length > 5 ? ` (+${finding.targets.length - 5} more)` : "";
      return `[${finding.impact}] ${finding.id}: ${finding.help} (${finding.detail}) → ${shown}${more}`;
    })
    .join("\n");
}
