import { describe, expect, it } from "vitest";
import { indicatorValue, memberLabel, taskLabel } from "./profile";

describe("platform profile helpers", () => {
  it("writes a member with the organization in each locale's brackets, or the name alone", () => {
    expect(memberLabel({ name: "张建国", organization: "中南大学" }, "zh-CN")).toBe("张建国（中南大学）");
    expect(memberLabel({ name: "张建国", organization: "中南大学" }, "en")).toBe("张建国 (中南大学)");
    expect(memberLabel({ name: "王丽华", organization: null }, "zh-CN")).toBe("王丽华");
  });

  it("groups indicator figures and shows a missing target as a dash", () => {
    expect(indicatorValue(1268.5, "zh-CN")).toBe("1,268.5");
    expect(indicatorValue(1200, "en")).toBe("1,200");
    expect(indicatorValue(null, "zh-CN")).toBe("—");
  });

  it("names a task with the clause that lists it", () => {
    const task = { clause: "四(四)", name: { zh: "技术市场交易机制", en: "Technology market trading" } };
    expect(taskLabel(task, (text) => text.zh)).toBe("四(四) 技术市场交易机制");
    expect(taskLabel(task, (text) => text.en)).toBe("四(四) Technology market trading");
  });
});
