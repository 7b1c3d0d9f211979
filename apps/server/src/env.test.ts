import { describe, expect, it } from "vitest";
import { loadConfig } from "./env";

describe("production settings", () => {
  it("keeps demo data off under KECHUANG_PRODUCTION alone, as under NODE_ENV=production", () => {
    const url = "postgres://db/kc";
    for (const env of [{ KECHUANG_PRODUCTION: "1" }, { NODE_ENV: "production" }]) {
      expect(loadConfig({ ...env, DATABASE_URL: url }), JSON.stringify(env)).toMatchObject({
        ok: true,
        config: { production: true, demo: false },
      });
      expect(loadConfig({ ...env, DATABASE_URL: url, DEMO: "1" })).toMatchObject({ config: { demo: true } });
    }
    expect(loadConfig({})).toMatchObject({ config: { production: false, demo: true } });
  });
});
