import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expertiseSchema, recommendationSchema, ruleOutcomeSchema } from "@kechuang/domain";
import { blankMessages, keyDifferences, messageKeys } from "@kechuang/ui";
import { describe, expect, it } from "vitest";
import { reviewerEn, reviewerZhCN } from "./messages";

const keys = new Set(messageKeys(reviewerZhCN));
const srcDir = fileURLToPath(new URL(".", import.meta.url));

/** Every .tsx file under src, read once: the screens whose literal keys must exist. */
function screens(dir = srcDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? screens(join(dir, entry.name))
      : entry.name.endsWith(".tsx")
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

describe("reviewer portal messages", () => {
  it("have the same keys in zh-CN and en, none blank", () => {
    expect(keyDifferences(reviewerZhCN, reviewerEn)).toEqual({ onlyInA: [], onlyInB: [] });
    expect([...blankMessages(reviewerZhCN), ...blankMessages(reviewerEn)]).toEqual([]);
  });

  it("define every literal key the screens ask for", () => {
    const used = screens().flatMap((source) =>
      [...source.matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"/g)].map((match) => match[1] ?? ""),
    );
    expect(used.length).toBeGreaterThan(50);
    expect([...new Set(used)].filter((key) => !keys.has(key))).toEqual([]);
  });

  it("name every expertise, eligibility outcome and recommendation the domain knows", () => {
    const missing = [
      ...expertiseSchema.options.map((e) => `expertise.${e}`),
      ...ruleOutcomeSchema.options.map((o) => `detail.outcome.${o}`),
      ...recommendationSchema.options.map((r) => `opinion.${r}`),
      ...["open", "upheld", "dismissed"].map((s) => `publicity.status.${s}`),
      ...["altered", "missing-predecessor"].map((r) => `admin.audit.${r}`),
    ].filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
  });
});
