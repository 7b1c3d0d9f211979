import {
  applyChange,
  changeViolations,
  type GovernanceMember,
  type PlatformSnapshot,
} from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { nmTic2020 } from "./module";

/**
 * Issue 11: every governance rule is re-checked on the state after a change, and 三(五) decides whether a change is
 * only filed or needs the department's approval.
 */

const person = (name: string, affiliation: GovernanceMember["affiliation"]): GovernanceMember => ({
  name,
  affiliation,
  organization: affiliation === "external" ? "外单位" : "包头稀土研究院",
  expertise: "technical",
});

/** Nine members, three from the lead and co-build units: exactly one third. */
const members: GovernanceMember[] = [
  { ...person("王建华", "lead-unit"), expertise: "management", isDirector: true },
  person("李明", "lead-unit"),
  person("赵敏", "co-build-unit"),
  person("外一", "external"),
  { ...person("外二", "external"), expertise: "management" },
  { ...person("外三", "external"), expertise: "economic" },
  person("外四", "external"),
  person("外五", "external"),
  person("外六", "external"),
];

const before: PlatformSnapshot = {
  governance: {
    leadUnit: { name: "包头稀土研究院", type: "research-institute" },
    coBuildUnits: [{ name: "内蒙古科技大学", type: "university" }],
    board: [person("李强", "lead-unit"), person("赵敏", "co-build-unit")],
    committee: { kind: "tech-guidance-committee", chair: person("刘振华", "external"), members },
    director: { name: "王建华", fullTime: true, monthsPerYearAtCenter: 10 },
  },
  attributes: {
    name: "内蒙古自治区稀土新材料技术创新中心",
    location: null,
    fields: ["新材料"],
    formationMode: null,
  },
};

const facts = { kind: "tech-innovation-center" as const };
const violations = (after: PlatformSnapshot) =>
  changeViolations(nmTic2020, facts, after).map((v) => v.ruleId);

describe("nm-tic-2020 changes re-check the governance rules on the state after", () => {
  it("passes the approved state (3 of 9 insiders is one third)", () => {
    expect(violations(before)).toEqual([]);
  });

  it("refuses a committee change that makes insiders more than one third, quoting 三(二)", () => {
    const after = applyChange(before, {
      subject: "committee",
      committee: { ...before.governance.committee!, members: [...members, person("钱七", "lead-unit")] },
    });
    const found = changeViolations(nmTic2020, facts, after);
    expect(found.map((v) => v.ruleId)).toEqual(["nm-tic.committee-outsiders"]);
    expect(found[0]!.citation).toMatchObject({ source: "nm-tic-2020", clause: "三(二)" });
    expect(found[0]!.message.zh).toContain("4/10");
  });

  it("accepts adding an outside member beside a fourth insider (4 of 12)", () => {
    const after = applyChange(before, {
      subject: "committee",
      committee: {
        ...before.governance.committee!,
        members: [
          ...members,
          person("钱七", "lead-unit"),
          person("外七", "external"),
          person("外八", "external"),
        ],
      },
    });
    expect(violations(after)).toEqual([]);
  });

  it("refuses a chair from the lead unit and a director at the center under nine months", () => {
    const chair = applyChange(before, {
      subject: "committee",
      committee: { ...before.governance.committee!, chair: person("孙磊", "lead-unit") },
    });
    expect(violations(chair)).toEqual(["nm-tic.committee-chair"]);
    const eight = applyChange(before, {
      subject: "director",
      director: { name: "周新", fullTime: true, monthsPerYearAtCenter: 8 },
    });
    expect(violations(eight)).toEqual(["nm-tic.director-time"]);
    const nine = applyChange(before, {
      subject: "director",
      director: { name: "周新", fullTime: true, monthsPerYearAtCenter: 9 },
    });
    expect(violations(nine)).toEqual([]);
  });

  it("files a director replacement and asks approval for a change of lead unit (三(五)1, 三(五)2)", () => {
    const kind = (id: string) => nmTic2020.changeKinds?.find((k) => k.id === id);
    expect(kind("director-replacement")).toMatchObject({ mode: "filing", ruleId: "nm-tic.change-filing" });
    expect(kind("board-or-committee-members")?.subjects).toEqual(["board", "committee"]);
    expect(kind("lead-unit-change")).toMatchObject({ mode: "approval", ruleId: "nm-tic.change-approval" });
    expect(kind("co-build-units")?.mode).toBe("approval");
    // Only the kinds the clause does not list are local settings.
    expect(kind("lead-unit-change")?.localSetting).toBeUndefined();
    expect(kind("name")?.localSetting?.zh).toContain("三(五)2");
  });
});
