import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts"],
    // Integration tests start a server on a fresh database per test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
