import { targetsReport, validateOutline } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import {
  actionsFor,
  citationProblems,
  ruleSetProblems,
  walk,
  workflowProblems,
} from "../testing/module-checks";
import { cultivationPool, jointMeeting, platformTiers, talentAim } from "./data";
import { asPlat2021 } from "./module";

const catalog = [
  "as-plat.goal",
  "as-plat.targets",
  "as-plat.tiers",
  "as-plat.pool",
  "as-plat.talent",
  "as-plat.joint-meeting",
];
const rule = (id: string) => asPlat2021.rules.find((r) => r.id === id)!;
const clauseText = (id: string) => asPlat2021.source.clauses.find((c) => c.id === id)!.text;

describe("as-plat-2021 source and rules", () => {
  it("is in force for 2021–2023, dated 2021-12-24 and published 2022-06-17", () => {
    expect(asPlat2021.source).toMatchObject({
      status: "in-force",
      date: "2021-12-24",
      publishedOn: "2022-06-17",
      validYears: { from: 2021, to: 2023 },
    });
    expect(asPlat2021.kinds).toEqual(["city-platform"]);
  });
  it("transcribes every numbered clause once, restoring the garbled numbers of 二(六)(七)(九)", () => {
    const ids = asPlat2021.source.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const second = ids.filter((id) => id.startsWith("二("));
    expect(second).toHaveLength(10);
    for (const id of ["一(三)", "二(六)", "二(七)", "二(九)", "三(四)", "附件"]) expect(ids).toContain(id);
    expect(clauseText("二(六)").startsWith(")")).toBe(false);
  });
  it("carries exactly the catalog rules with verbatim citations", () => {
    expect(ruleSetProblems(asPlat2021, catalog)).toEqual([]);
    expect(asPlat2021.rules.map((r) => r.id).sort()).toEqual([...catalog].sort());
    expect(citationProblems(asPlat2021)).toEqual([]);
  });
  it("has no eligibility rule and no reporting calendar (the plan sets none)", () => {
    expect(asPlat2021.rules.filter((r) => r.evaluate)).toEqual([]);
    expect(asPlat2021.schedule({ approvedOn: "2022-01-01", years: 3 })).toEqual([]);
  });
});

describe("as-plat.tiers", () => {
  it("has national, provincial and city tiers; city platforms are cultivated upward", () => {
    expect(rule("as-plat.tiers").implementedBy).toBe("data");
    expect(platformTiers.map((t) => t.id)).toEqual(["national", "provincial", "city"]);
    expect(platformTiers[2].cultivatedToward).toEqual(["provincial", "national"]);
  });
});

describe("as-plat.pool (workflow)", () => {
  it("is a well-formed graph of common stages", () => {
    expect(workflowProblems(asPlat2021)).toEqual([]);
  });
  it("admits a platform: draft → submitted → recommended → review → approved", () => {
    const path = walk(asPlat2021, [
      ["applicant", "submit"],
      ["recommender", "recommend"],
      ["authority", "start-review"],
      ["authority", "approve"],
    ]);
    expect(path).toEqual(["draft", "submitted", "recommended", "review", "approved"]);
  });
  it("lets each role act only at its own stage", () => {
    expect(actionsFor(asPlat2021, "submitted", "recommender")).toEqual(["recommend", "return-to-applicant"]);
    expect(actionsFor(asPlat2021, "submitted", "authority")).toEqual([]);
    expect(actionsFor(asPlat2021, "review", "authority")).toEqual(["approve", "reject", "request-revision"]);
    expect(actionsFor(asPlat2021, "review", "recommender")).toEqual([]);
    expect(actionsFor(asPlat2021, "returned", "applicant")).toEqual(["resubmit", "withdraw"]);
  });
  it("records the pool's phases with verbatim quotes from 二(二)", () => {
    expect(cultivationPool.phases.map((p) => p.id)).toEqual(["entry", "training", "recognition"]);
    for (const p of cultivationPool.phases) expect(clauseText("二(二)")).toContain(p.quote);
    for (const t of cultivationPool.cultivatedTypes) expect(clauseText("二(二)")).toContain(t.zh);
  });
});

describe("pool entry outline", () => {
  it("asks for the leading talent and team of 二(五) and is schema-valid", () => {
    const outline = asPlat2021.outline!;
    expect(outline.ruleId).toBe("as-plat.pool");
    expect(validateOutline(outline)).toEqual([]);
    const fields = outline.sections.flatMap((s) => s.fields.map((f) => f.id));
    expect(fields).toEqual(expect.arrayContaining(["leadingTalent", "teamSize", "targetRecognition"]));
  });
});

describe("as-plat.talent", () => {
  it("is a checklist item for one leading talent plus one team", () => {
    expect(rule("as-plat.talent").implementedBy).toBe("checklist");
    expect(rule("as-plat.talent").prompt?.zh).toContain("领军人才");
    expect(clauseText("二(五)")).toContain(talentAim.text.zh);
  });
});

describe("as-plat.joint-meeting", () => {
  it("is convened by the city leader for S&T with the S&T bureau head as deputy", () => {
    expect(rule("as-plat.joint-meeting").implementedBy).toBe("data");
    const text = clauseText("三(一)");
    expect(text).toContain(jointMeeting.convener.zh);
    expect(text).toContain(jointMeeting.deputyConvener.zh);
    expect(jointMeeting.members).toHaveLength(7);
  });
});

describe("as-plat.goal and as-plat.targets", () => {
  it("expose the goal and the computed totals as module data", () => {
    expect(rule("as-plat.goal").implementedBy).toBe("data");
    expect(rule("as-plat.targets").citation.clause).toBe("附件");
    expect(asPlat2021.extras?.goal).toEqual({ year: 2023, provincialOrHigher: 42 });
  });
  it("typed targets: totals 30 → 33 → 37 → 42 and 工程研究中心's growth, through the domain's report", () => {
    const report = targetsReport("as-plat-2021", asPlat2021.targets!, [], "2024-01-01");
    expect(report.totals).toEqual([
      { year: 2020, target: 30, actual: 0 },
      { year: 2021, target: 33, actual: 0 },
      { year: 2022, target: 37, actual: 0 },
      { year: 2023, target: 42, actual: 0 },
    ]);
    const erc = report.rows.filter((r) => r.type === "engineering-research-center");
    expect(erc.map((r) => r.target)).toEqual([4, 5, 6, 7]);
    expect(erc[0]).toMatchObject({
      statedGrowthPct: 12,
      computedGrowthPct: 20.5,
      responsible: ["市发展改革委"],
    });
    expect(asPlat2021.targets!.countedTiers).toEqual(["national", "provincial"]);
    // Every type is behind with no recognitions recorded; the report names them for the latest year.
    expect(report.behindTypes).toHaveLength(5);
  });
  it("seats the joint meeting: convener, deputy convener and seven members", () => {
    expect(asPlat2021.jointMeeting!.seats.map((s) => s.id)).toEqual([
      "convener",
      "deputy-convener",
      ...Array.from({ length: 7 }, (_, i) => `member-${i + 1}`),
    ]);
  });
});
