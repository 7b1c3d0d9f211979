import { commonStages, platformKindSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { commonEn } from "./common.en";
import { commonZhCN } from "./common.zh-CN";
import { addMessages, initI18n, readStoredLocale, storeLocale } from "./instance";
import { blankMessages, keyDifferences, messageKeys } from "./messages";

describe("common messages", () => {
  it("have the same keys in zh-CN and en, none blank", () => {
    expect(keyDifferences(commonZhCN, commonEn)).toEqual({ onlyInA: [], onlyInB: [] });
    expect(blankMessages(commonZhCN)).toEqual([]);
    expect(blankMessages(commonEn)).toEqual([]);
  });

  it("name every stage of the common spine and every platform kind", () => {
    const keys = new Set(messageKeys(commonZhCN));
    for (const stage of commonStages) expect(keys).toContain(`stage.${stage}`);
    for (const kind of platformKindSchema.options) expect(keys).toContain(`kind.${kind}`);
  });
});

describe("key parity helpers", () => {
  it("report keys missing on either side", () => {
    expect(keyDifferences({ a: "1", b: { c: "2" } }, { a: "1", b: { d: "2" } })).toEqual({
      onlyInA: ["b.c"],
      onlyInB: ["b.d"],
    });
    expect(blankMessages({ a: " ", b: { c: "x" } })).toEqual(["a"]);
  });
});

describe("locale persistence", () => {
  const memory = () => {
    const values = new Map<string, string>();
    return {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
    };
  };

  it("defaults to zh-CN, remembers a valid choice and ignores garbage", () => {
    const storage = memory();
    expect(readStoredLocale(storage)).toBe("zh-CN");
    storeLocale("en", storage);
    expect(readStoredLocale(storage)).toBe("en");
    storage.setItem("kechuang.locale", "fr");
    expect(readStoredLocale(storage)).toBe("zh-CN");
  });

  it("survives storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("blocked");
      },
    };
    expect(readStoredLocale(broken)).toBe("zh-CN");
  });
});

describe("the shared i18n instance", () => {
  it("is one instance: portals add namespaces to it and language switches reach them", async () => {
    const first = initI18n("zh-CN");
    addMessages("demo", { "zh-CN": { hello: "你好" }, en: { hello: "Hello" } });
    expect(initI18n("en")).toBe(first);
    expect(first.t("demo:hello")).toBe("你好");
    expect(first.t("stage.approved")).toBe("已批准");
    await first.changeLanguage("en");
    expect(first.t("demo:hello")).toBe("Hello");
    expect(first.t("signIn.wrongCredentials")).toBe("Wrong username or password");
  });
});
