import { describe, expect, it } from "vitest";
import { missingForSubmission, submitAction } from "./submission";

describe("submitAction", () => {
  it("finds submit or resubmit among the caller's actions", () => {
    const label = { zh: "提交", en: "Submit" };
    expect(submitAction([{ action: "withdraw", to: "withdrawn", label }])).toBeNull();
    expect(submitAction([{ action: "resubmit", to: "submitted", label }])?.action).toBe("resubmit");
  });
});

describe("missingForSubmission", () => {
  const title = { zh: "建设目标", en: "Goals" };
  const completeness = [
    { sectionId: "a", number: "一", title, complete: true, missing: [], invalid: [] },
    { sectionId: "b", number: "二", title, complete: false, missing: ["x"], invalid: ["y"] },
  ];
  it("lists incomplete sections with their fields labelled from the outline", () => {
    const outline = {
      ruleId: "r",
      sections: [
        {
          number: "二",
          id: "b",
          title,
          fields: [{ id: "x", label: { zh: "目标", en: "Target" }, type: "text" as const, required: true }],
        },
      ],
    };
    expect(missingForSubmission(completeness, outline)).toEqual([
      {
        sectionId: "b",
        label: { zh: "二 建设目标", en: "二 Goals" },
        fields: [
          { zh: "目标", en: "Target" },
          { zh: "y", en: "y" },
        ],
      },
    ]);
  });
  it("falls back to field ids without an outline", () => {
    expect(missingForSubmission(completeness, null)[0]?.fields).toEqual([
      { zh: "x", en: "x" },
      { zh: "y", en: "y" },
    ]);
  });
});
