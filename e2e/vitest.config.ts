import { defineProject } from "vitest/config";

// Browser tests against the BUILT server and front ends (turbo's e2e task depends on ^build).
export default defineProject({
  test: {
    include: ["src/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One server and one browser at a time: the machine is small and shared.
    fileParallelism: false,
  },
});
