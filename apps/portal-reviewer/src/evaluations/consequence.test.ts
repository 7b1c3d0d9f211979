import { describe, expect, it } from "vitest";
import { byDueState, consequenceLines, dueState, type GradePreview } from "./consequence";
import { evaluationsZhCN } from "./messages";

const base: GradePreview = {
  consequence: "none",
  postSubsidy: false,
  rectification: null,
  closesRectification: null,
  proposedGroundId: null,
  ruleId: "nm-tic.evaluation-grades",
};
const keyExists = (key: string) =>
  key
    .replace(/^evaluations\./, "")
    .split(".")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      evaluationsZhCN,
    ) !== undefined;

describe("the consequence shown before grading", () => {
  it("names the one-year period the policy fixes (nm-tic.rectification) and the due date", () => {
    const lines = consequenceLines(
      {
        ...base,
        consequence: "rectification",
        rectification: { dueOn: "2025-06-01", ruleId: "nm-tic.rectification", months: 12 },
      },
      (id) => id,
    );
    expect(lines).toEqual([
      { key: "evaluations.consequence.rectification", values: { dueOn: "2025-06-01" } },
      { key: "evaluations.consequence.rectificationMonths", values: { months: 12 } },
    ]);
  });

  it("says a local date when the policy gives none (Sichuan), and the post-subsidy for 优秀", () => {
    expect(
      consequenceLines(
        {
          ...base,
          consequence: "rectification",
          rectification: { dueOn: "2027-01-01", ruleId: "x", months: null },
        },
        (id) => id,
      ),
    ).toHaveLength(1);
    expect(consequenceLines({ ...base, consequence: "post-subsidy", postSubsidy: true }, (id) => id)).toEqual(
      [{ key: "evaluations.consequence.post-subsidy" }],
    );
  });

  it("proposes the delisting ground after a failed re-evaluation", () => {
    const lines = consequenceLines(
      {
        ...base,
        consequence: "rectification",
        closesRectification: "failed",
        proposedGroundId: "failed-after-rectification",
      },
      () => "评估评价不合格，限期整改仍不合格",
    );
    expect(lines.map((l) => l.key)).toEqual([
      "evaluations.consequence.closesFailed",
      "evaluations.consequence.proposedGround",
    ]);
    expect(lines[1]!.values!.ground).toBe("评估评价不合格，限期整改仍不合格");
  });

  it("has a message for every consequence key it can produce", () => {
    for (const consequence of [
      "post-subsidy",
      "continued-support",
      "none",
      "findings-only",
      "revocation",
    ] as const)
      for (const line of consequenceLines({ ...base, consequence }, (id) => id))
        expect(keyExists(line.key), line.key).toBe(true);
  });
});

describe("the evaluation calendar", () => {
  it("lists due platforms first and tells in progress, upcoming, done and revoked apart", () => {
    const rows = [
      { id: "done", due: false, openEvaluationId: null, status: "active" as const, nextOn: null },
      { id: "revoked", due: false, openEvaluationId: null, status: "delisted" as const, nextOn: null },
      { id: "upcoming", due: false, openEvaluationId: null, status: "active" as const, nextOn: "2027-01-01" },
      { id: "open", due: false, openEvaluationId: "e", status: "rectifying" as const, nextOn: null },
      { id: "due", due: true, openEvaluationId: null, status: "active" as const, nextOn: null },
    ];
    expect(byDueState(rows).map((r) => r.id)).toEqual(["due", "open", "upcoming", "done", "revoked"]);
    expect(rows.map(dueState)).toEqual(["done", "delisted", "upcoming", "open", "due"]);
  });
});
