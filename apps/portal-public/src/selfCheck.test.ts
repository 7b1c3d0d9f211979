import { type PolicySummary, ruleOutcomeSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { publicEn, publicZhCN } from "./messages";
import {
  clearValues,
  factsFromValues,
  governing,
  type KeyValueStore,
  loadValues,
  type SelfCheckValues,
  saveValues,
  selfCheckStorageKey,
  summaryRows,
  taskChoicesOf,
} from "./selfCheck";

const hunanEnterprise: SelfCheckValues = {
  kind: "tech-innovation-center",
  formationMode: "leading-enterprise",
  fields: [" 先进轨道交通 ", ""],
  leadUnit: {
    name: "某某公司",
    type: "enterprise",
    industryLeader: true,
    rdWan: ["3999.9999", "3999.9999", "3999.9999"],
  },
  legalEntity: { independent: true, registeredCapitalWan: "1000" },
  committeeKind: "tech-guidance-committee",
  committeeMembers: [
    { name: "张三", affiliation: "external", expertise: "technical", isChair: true },
    { name: "李四", affiliation: "lead-unit", isDirector: true },
    { name: "", affiliation: "external" },
  ],
  director: { monthsPerYearAtCenter: 10, fullTime: true },
  zone: { applicantIsCityBureau: true },
};

describe("factsFromValues", () => {
  it("turns 万元 text into whole 元 and tidies rows, flags and blanks", () => {
    const result = factsFromValues(hunanEnterprise);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.facts.leadUnit?.rdExpenditureLast3Years).toEqual([39_999_999, 39_999_999, 39_999_999]);
    expect(result.facts.legalEntity).toEqual({ independent: true, registeredCapital: 10_000_000 });
    expect(result.facts.fields).toEqual(["先进轨道交通"]);
    expect(result.facts.committee?.members.map((m) => m.name)).toEqual(["张三", "李四"]);
    expect(result.facts.committee?.chair).toEqual({
      name: "张三",
      affiliation: "external",
      expertise: "technical",
    });
    expect(result.facts.committee?.members[1]?.isDirector).toBe(true);
    // Zone facts only travel with a zone; a center never carries them.
    expect(result.facts.zone).toBeUndefined();
    expect(factsFromValues({ ...hunanEnterprise, kind: "transfer-demonstration-zone" })).toMatchObject({
      ok: true,
      facts: { zone: { applicantIsCityBureau: true } },
    });
  });

  it("leaves out R&D unless all three years are given, so the rule asks rather than misjudges", () => {
    const partial = factsFromValues({
      kind: "tech-innovation-center",
      leadUnit: { rdWan: ["4000", "", "4000"] },
    });
    expect(partial).toEqual({ ok: true, facts: { kind: "tech-innovation-center" } });
  });

  it("reports the fields to fix instead of sending malformed facts", () => {
    expect(factsFromValues({})).toEqual({ ok: false, paths: ["kind"] });
    expect(
      factsFromValues({
        kind: "tech-innovation-center",
        fiscalSupportWan: "1.23456",
        leadUnit: { annualIncomeWan: "x" },
      }),
    ).toEqual({ ok: false, paths: ["leadUnit.annualIncomeWan", "fiscalSupportWan"] });
    expect(
      factsFromValues({ kind: "tech-innovation-center", director: { monthsPerYearAtCenter: 13 } }),
    ).toEqual({
      ok: false,
      paths: ["director.monthsPerYearAtCenter"],
    });
  });
});

describe("governing", () => {
  const summary = (id: string, kinds: PolicySummary["kinds"]): PolicySummary => ({
    id,
    jurisdiction: "00",
    jurisdictionName: { zh: id, en: id },
    title: id,
    issuer: "x",
    date: "2020-01-01",
    status: "in-force",
    kinds,
  });
  it("keeps the modules that govern the kind, in order", () => {
    const all = [
      summary("sc-tic-2018", ["tech-innovation-center"]),
      summary("sc-zone-2018", ["transfer-demonstration-zone"]),
      summary("hn-tic-2020", ["tech-innovation-center"]),
    ];
    expect(governing(all, "tech-innovation-center").map((p) => p.id)).toEqual(["sc-tic-2018", "hn-tic-2020"]);
    expect(governing(all, "city-platform")).toEqual([]);
  });
});

describe("saved values", () => {
  const memoryStore = (): KeyValueStore & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => void data.set(key, value),
      removeItem: (key) => void data.delete(key),
    };
  };

  it("survive a reload exactly, and clear removes them", () => {
    const store = memoryStore();
    saveValues(store, hunanEnterprise);
    expect(loadValues(store)).toEqual(hunanEnterprise);
    clearValues(store);
    expect(loadValues(store)).toEqual({});
  });

  it("read as empty when missing or corrupted", () => {
    const store = memoryStore();
    expect(loadValues(undefined)).toEqual({});
    store.data.set(selfCheckStorageKey, "{not json");
    expect(loadValues(store)).toEqual({});
    store.data.set(selfCheckStorageKey, "[1,2]");
    expect(loadValues(store)).toEqual({});
  });
});

describe("outcome labels", () => {
  it("name every rule outcome in both locales, not-applicable apart from met", () => {
    for (const outcome of ruleOutcomeSchema.options) {
      expect(publicZhCN.selfCheck.outcome[outcome], outcome).toBeTruthy();
      expect(publicEn.selfCheck.outcome[outcome], outcome).toBeTruthy();
    }
    expect(publicZhCN.selfCheck.outcome["not-applicable"]).toBe("不适用");
    expect(publicZhCN.selfCheck.summary).toContain("不适用 {{na}}");
    expect(publicEn.selfCheck.summary).toContain("not applicable {{na}}");
  });
});

/** A slice of sc-zone's factChoices (the browser test checks against the real module through the server). */
const vocabulary = [
  {
    id: "civil-military-transfer",
    clause: "四(一)",
    name: { zh: "军民融合成果转移转化", en: "Civil-military results transfer" },
  },
  {
    id: "technology-market-trading",
    clause: "四(四)",
    name: { zh: "技术市场交易机制", en: "Technology market trading mechanisms" },
  },
];

describe("zone tasks from the module's vocabulary", () => {
  it("offers each governing module's tasks once, in order, and nothing without a vocabulary", () => {
    const other = [{ id: "x-task", clause: "五", name: { zh: "别的任务", en: "Another task" } }];
    const choices = taskChoicesOf([
      { factChoices: { demonstrationTasks: vocabulary } },
      undefined,
      {},
      { factChoices: { demonstrationTasks: [...vocabulary].reverse().concat(other) } },
    ]);
    expect(choices.map((c) => c.id)).toEqual([
      "civil-military-transfer",
      "technology-market-trading",
      "x-task",
    ]);
    expect(taskChoicesOf([undefined])).toEqual([]);
  });

  it("sends the ticked ids as the zone's tasks", () => {
    const result = factsFromValues({
      kind: "transfer-demonstration-zone",
      zone: { demonstrationTasks: vocabulary.map((task) => task.id) },
    });
    expect(result.ok && result.facts.zone?.demonstrationTasks).toEqual([
      "civil-military-transfer",
      "technology-market-trading",
    ]);
  });
});

describe("summaryRows: the printed facts", () => {
  const words = {
    t: (key: string, options?: Record<string, unknown>) =>
      options ? `${key}${JSON.stringify(options)}` : key,
    pick: (text: { zh: string; en: string }) => text.zh,
    tasks: vocabulary,
  };
  it("states what was answered, in 元 and with names and organizations, and leaves the rest out", () => {
    const result = factsFromValues(hunanEnterprise);
    if (!result.ok) throw new Error("facts expected");
    const rows = Object.fromEntries(summaryRows(result.facts, words).map((row) => [row.label, row.value]));
    expect(rows["selfCheck.field.kind"]).toBe("common:kind.tech-innovation-center");
    expect(rows['selfCheck.field.rdYear{"n":1}']).toBe("39,999,999 元");
    expect(rows["selfCheck.field.registeredCapital"]).toBe("10,000,000 元");
    expect(rows["selfCheck.field.industryLeader"]).toBe("selfCheck.yes");
    expect(rows["selfCheck.field.isChair"]).toBe("张三");
    expect(rows["selfCheck.field.isDirector"]).toBe("李四");
    expect(rows["selfCheck.section.committee"]).toBe("张三、李四");
    expect(rows).not.toHaveProperty("selfCheck.field.annualIncome");
    expect(rows).not.toHaveProperty("selfCheck.field.hasCharter");
  });

  it("names a zone's tasks with their clauses", () => {
    const result = factsFromValues({
      kind: "transfer-demonstration-zone",
      zone: { demonstrationTasks: ["technology-market-trading"], applicantIsCityBureau: false },
    });
    if (!result.ok) throw new Error("facts expected");
    const rows = Object.fromEntries(summaryRows(result.facts, words).map((row) => [row.label, row.value]));
    expect(rows["selfCheck.field.tasks"]).toBe("四(四) 技术市场交易机制");
    expect(rows["selfCheck.field.cityBureau"]).toBe("selfCheck.no");
  });
});
