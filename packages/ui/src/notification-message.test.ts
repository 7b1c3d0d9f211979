import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { commonEn } from "./i18n/common.en";
import { commonZhCN } from "./i18n/common.zh-CN";
import { notificationMessage } from "./notification-message";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { "zh-CN": { common: commonZhCN }, en: { common: commonEn } },
  lng: "zh-CN",
  ns: ["common"],
  defaultNS: "common",
  interpolation: { escapeValue: false },
});
const zh = i18n.getFixedT("zh-CN", "common");
const en = i18n.getFixedT("en", "common");
const note = (kind: string, detail: Record<string, unknown>) => ({ kind, stage: null, detail });

describe("notificationMessage", () => {
  it("names the platform and the due date, Chinese dates as 2026年12月9日", () => {
    const n = note("evaluation-opened", { platformName: "甲平台", dueOn: "2026-12-09" });
    expect(notificationMessage(n, "zh-CN", zh)).toBe(
      "甲平台的评估已启动，请于2026年12月9日前按要求准备并提交评估材料",
    );
    expect(notificationMessage(n, "en", en)).toContain("by Dec 9, 2026");
  });

  it("a graded evaluation says what to do: rectify by its due date, or nothing", () => {
    const grade = { zh: "整改", en: "Rectification" };
    const rectify = note("evaluation-graded", {
      platformName: "甲平台",
      gradeId: "rectification",
      gradeName: grade,
      rectificationDueOn: "2027-06-01",
    });
    expect(notificationMessage(rectify, "zh-CN", zh)).toBe(
      "甲平台的评估结果为“整改”，请于2027年6月1日前完成整改并提交整改报告",
    );
    const pass = note("evaluation-graded", { platformName: "P", gradeId: "pass", rectificationDueOn: null });
    expect(notificationMessage(pass, "en", en)).toBe("P was graded “pass”; nothing more is to be done");
  });

  it("renders every after-approval kind with its own text, never the generic one", () => {
    const detail = {
      platformName: "甲平台",
      dueOn: "2026-12-09",
      decidedOn: "2026-12-09",
      gradeId: "x",
      kindName: { zh: "更换中心主任", en: "Director replacement" },
      reason: "材料不全",
      title: "成果转化券",
    };
    for (const kind of [
      "experience-submitted",
      "experience-published",
      "experience-returned",
      "change-filed",
      "change-pending",
      "change-approved",
      "change-rejected",
      "evaluation-assigned",
      "rectification-responded",
      "re-evaluation-opened",
      "revoked",
      "evaluation-graded",
    ]) {
      for (const [locale, t] of [
        ["zh-CN", zh],
        ["en", en],
      ] as const) {
        const text = notificationMessage(note(kind, detail), locale, t);
        expect(text).toContain("甲平台");
        expect(text).not.toContain("{{");
        if (kind.startsWith("experience-")) expect(text).toContain("成果转化券");
        if (kind.startsWith("change-"))
          expect(text).toContain(locale === "en" ? "Director replacement" : "更换中心主任");
        expect(text).not.toBe(t("notifications.kind.other", { stage: "—" }));
      }
    }
    expect(notificationMessage(note("revoked", detail), "zh-CN", zh)).toContain("2026年12月9日");
  });

  it("falls back to the generic text for unknown kinds", () => {
    expect(notificationMessage({ kind: "mystery", stage: null }, "en", en)).toBe(
      en("notifications.kind.other", { stage: "—" }),
    );
  });
});
