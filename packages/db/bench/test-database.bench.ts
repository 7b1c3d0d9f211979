import { PGlite } from "@electric-sql/pglite";
import { bench, describe } from "vitest";
import { fromPglite } from "../src/client";
import { createTestDatabase } from "../src/testing";

/**
 * Why integration tests clone one migrated PGlite instead of creating their own (testing.ts): both
 * variants end with a migrated, empty, usable database; vitest prints how many times faster the clone is.
 */
describe("a fresh migrated PGlite database for one test", () => {
  bench(
    "create and migrate from scratch",
    async () => {
      const database = await fromPglite(await PGlite.create());
      await database.close();
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );

  bench(
    "clone the migrated template (createTestDatabase)",
    async () => {
      const database = await createTestDatabase("pglite");
      await database.close();
    },
    { iterations: 10, warmupIterations: 1, time: 0 },
  );
});
