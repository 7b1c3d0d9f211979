import type { PendingEmail } from "@kechuang/db";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./email-outbox";

const base: PendingEmail = {
  notificationId: 1,
  to: "applicant@demo.kechuang.invalid",
  displayName: "王敏",
  role: "applicant",
  kind: "report-reminder",
  stage: null,
  applicationId: null,
  applicationTitle: null,
  policyId: null,
  platformId: "00000000-0000-4000-8000-000000000001",
  platformName: "湖南省先进轨道交通装备技术创新中心",
  detail: { yearCovered: 2025, dueOn: "2026-01-31", moment: "before" },
};

describe("annual report emails", () => {
  it("remind the platform of the year, the due date, and say when it is overdue, in both languages", () => {
    const before = renderEmail(base, "https://kc.example");
    expect(before.subject).toContain("2025");
    expect(before.text).toContain("将于2026年1月31日到期");
    expect(before.text).toContain("is due on 2026-01-31");
    expect(before.text).toContain("https://kc.example/apply/platforms");
    const overdue = renderEmail(
      { ...base, detail: { ...base.detail, moment: "overdue" } },
      "https://kc.example",
    );
    expect(overdue.text).toContain("已超过报送期限");
    expect(overdue.text).toContain("is overdue");
  });
  it("send reviewers to the platform, and give the platform the reason of a return", () => {
    const review = renderEmail(
      { ...base, role: "recommender", kind: "report-action-needed" },
      "https://kc.example",
    );
    expect(review.text).toContain(`https://kc.example/review/platforms/${base.platformId}`);
    const returned = renderEmail(
      { ...base, kind: "report-returned", detail: { yearCovered: 2025, reason: "请补充经费" } },
      "https://kc.example",
    );
    expect(returned.text).toContain("请补充经费");
  });
});
