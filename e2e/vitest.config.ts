import { defineProject } from "vitest/config";

// Budgets grow with the CPU slowdown of a throttled run (E2E_CPU_THROTTLE, see src/browser.ts).
const slowdown = Number(process.env.E2E_CPU_THROTTLE ?? "1");

// Browser tests against the BUILT server and front ends (turbo's e2e task depends on ^build).
export default defineProject({
  test: {
    include: ["src/**/*.e2e.test.ts"],
    testTimeout: 120_000 * slowdown,
    hookTimeout: 120_000 * slowdown,
    // One server and one browser at a time: the machine is small and shared.
    fileParallelism: false,
  },
});
