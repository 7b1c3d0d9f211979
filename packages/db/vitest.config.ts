import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    benchmark: { include: ["bench/**/*.bench.ts"] },
    include: ["src/**/*.test.ts"],
    // Integration tests create databases (PGlite template, or a PostgreSQL database per file).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
