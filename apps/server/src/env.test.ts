import { describe, expect, it } from "vitest";
import { loadConfig } from "./env";

const url = "postgres://db/kc";
const KECHUANG_SECRET_KEY = "0123456789abcdef".repeat(4);
/** Production is whichever of the two variables says so; each must behave the same. */
const productionEnvs = [
  { KECHUANG_PRODUCTION: "1", KECHUANG_SECRET_KEY },
  { NODE_ENV: "production", KECHUANG_SECRET_KEY },
];

describe("production settings", () => {
  it("keeps demo data off under KECHUANG_PRODUCTION alone, as under NODE_ENV=production", () => {
    for (const env of productionEnvs) {
      expect(loadConfig({ ...env, DATABASE_URL: url }), JSON.stringify(env)).toMatchObject({
        ok: true,
        config: { production: true, demo: false },
      });
      expect(loadConfig({ ...env, DATABASE_URL: url, DEMO: "0" })).toMatchObject({ config: { demo: false } });
    }
    expect(loadConfig({})).toMatchObject({ config: { production: false, demo: true } });
    expect(loadConfig({ NODE_ENV: "test", DEMO: "1" })).toMatchObject({ config: { demo: true } });
  });

  it("refuses the embedded PGlite database under either production variable", () => {
    for (const env of productionEnvs) {
      const refused = loadConfig(env);
      expect(refused.ok, JSON.stringify(env)).toBe(false);
      if (!refused.ok) {
        expect(refused.problems.join("\n")).toContain("DATABASE_URL is not");
        expect(refused.problems.join("\n")).toContain("production needs PostgreSQL");
      }
    }
  });

  it("refuses DEMO under either production variable, naming the reason", () => {
    for (const env of productionEnvs) {
      for (const DEMO of ["1", "true"]) {
        const refused = loadConfig({ ...env, DATABASE_URL: url, DEMO });
        expect(refused.ok, JSON.stringify({ ...env, DEMO })).toBe(false);
        if (!refused.ok)
          expect(refused.problems).toEqual([expect.stringContaining("DEMO is set in production")]);
      }
    }
  });
});

describe("secret key (KECHUANG_SECRET_KEY)", () => {
  it("is required in production, must be 32+ bytes of hex or base64, and is never echoed back", () => {
    for (const env of productionEnvs) {
      const { KECHUANG_SECRET_KEY: _key, ...withoutKey } = env;
      const refused = loadConfig({ ...withoutKey, DATABASE_URL: url });
      expect(refused.ok, JSON.stringify(withoutKey)).toBe(false);
      if (!refused.ok)
        expect(refused.problems).toEqual([expect.stringContaining("KECHUANG_SECRET_KEY is not")]);
    }
    const hex = "ab".repeat(32);
    expect(loadConfig({ KECHUANG_SECRET_KEY: hex })).toMatchObject({
      ok: true,
      config: { secretKey: Buffer.from(hex, "hex") },
    });
    const short = "ab".repeat(31);
    const tooShort = loadConfig({ KECHUANG_SECRET_KEY: short });
    expect(tooShort.ok).toBe(false);
    if (!tooShort.ok) {
      expect(tooShort.problems.join()).toContain("KECHUANG_SECRET_KEY");
      expect(tooShort.problems.join()).not.toContain(short);
    }
    // Outside production it may be absent: the server then keeps one in DATA_DIR/secret.key.
    const demo = loadConfig({});
    expect(demo.ok && demo.config.secretKey).toBeUndefined();
  });
});
