import { describe, expect, it } from "vitest";
import { clauseOf, eventColor, eventParams, groundsText, isRevoked, type PublicEventLike } from "./timeline";

const base: PublicEventLike = {
  kind: "graded",
  occurredOn: "2025-08-01",
  yearCovered: null,
  grade: { id: "fail", name: { zh: "不合格", en: "Fail" } },
  grounds: [],
  dueOn: null,
  outcome: null,
  rule: {
    ruleId: "nm-tic.evaluation-grades",
    citation: { source: "nm-tic-2020", clause: "三(六)2", quote: "…" },
  },
};
const en = (text: { en: string }) => text.en;

describe("public timeline helpers", () => {
  it("marks approval green, rectification orange, revocation red, the rest blue", () => {
    expect(eventColor({ kind: "approved", grade: null })).toBe("green");
    expect(eventColor({ kind: "rectification-ordered", grade: null })).toBe("orange");
    expect(eventColor({ kind: "revoked", grade: null })).toBe("red");
    expect(eventColor({ kind: "report-filed", grade: null })).toBe("blue");
  });

  it("fills only the facts an event has, dates in the reader's format", () => {
    expect(eventParams(base, en, (d) => `D${d}`)).toEqual({
      year: "",
      grade: "Fail",
      grounds: "",
      dueOn: "",
    });
    expect(
      eventParams(
        {
          ...base,
          kind: "rectification-ordered",
          grade: null,
          yearCovered: 2024,
          dueOn: "2026-08-01",
        },
        en,
        (d) => `D${d}`,
      ),
    ).toEqual({ year: "2024", grade: "", grounds: "", dueOn: "D2026-08-01" });
  });

  it("joins several grounds, and finds the clause or none", () => {
    const grounds = [{ text: { zh: "甲", en: "A" } }, { text: { zh: "乙", en: "B" } }];
    expect(groundsText(grounds, (t) => t.zh)).toBe("甲；乙");
    expect(groundsText([], (t) => t.zh)).toBe("");
    expect(clauseOf(base.rule)?.clause).toBe("三(六)2");
    expect(clauseOf(null)).toBeNull();
    expect(clauseOf({ ruleId: "x", citation: null })).toBeNull();
    expect(isRevoked({ status: "delisted" })).toBe(true);
    expect(isRevoked({ status: "rectifying" })).toBe(false);
  });
});

describe("platformPath", () => {
  it("addresses a platform's page under the mount point, the id encoded", async () => {
    const { platformPath } = await import("../paths");
    expect(platformPath("/public", "6f1c")).toBe("/public/platforms/6f1c");
    expect(platformPath("", "a/b")).toBe("/platforms/a%2Fb");
  });
});
