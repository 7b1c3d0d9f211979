import { directoryQuerySchema } from "@kechuang/domain";
import { sql } from "drizzle-orm";
import { afterAll, bench, describe } from "vitest";
import type { Database } from "../src/client";
import { generatePlatforms } from "../src/generator/platforms";
import { searchPlatformDirectory } from "../src/repositories/platforms";
import { searchPattern } from "../src/search/grams";
import { createTestDatabase, testDatabases } from "../src/testing";

/**
 * The directory over 100,000 platforms (issue 12), on PGlite (and PostgreSQL with TEST_DATABASE_URL):
 * the gram-indexed substring search against a sequential scan with the same exact-substring test, and the
 * first page against the last one. vitest prints how many times faster each winner is.
 */
const COUNT = 100_000;
const databases = new Map<string, Database>();
for (const kind of testDatabases()) {
  const database = await createTestDatabase(kind);
  await generatePlatforms(database.db, { count: COUNT, seed: 12 });
  await database.db.execute(sql`vacuum analyze platforms`);
  databases.set(kind, database);
}

afterAll(async () => {
  for (const database of databases.values()) await database.close();
});

const options = { iterations: 20, warmupIterations: 2, time: 0 };
const lastPage = Math.ceil(COUNT / 20);

for (const [kind, database] of databases) {
  for (const q of ["长沙电池", "芯片"]) {
    describe(`${kind}: count the matches of "${q}"`, () => {
      const pattern = searchPattern(q)!;
      const grams = sql.join(
        pattern.grams.map((gram) => sql`${gram}`),
        sql`, `,
      );
      bench(
        "gram index, then substring recheck",
        async () => {
          await database.db.execute(sql`select count(*) from platforms
            where search_grams @> array[${grams}]::text[] and position(${pattern.needle} in search_text) > 0`);
        },
        options,
      );
      bench(
        "sequential scan (substring test on every row)",
        async () => {
          await database.db.execute(
            sql`select count(*) from platforms where position(${pattern.needle} in search_text) > 0`,
          );
        },
        options,
      );
    });
  }

  describe(`${kind}: one page of the matches of "芯片", newest first`, () => {
    const chips = { q: "芯片", pageSize: 20 };
    let last = 1;
    bench(
      "first page",
      async () => {
        const { total } = await searchPlatformDirectory(database.db, directoryQuerySchema.parse(chips));
        last = Math.ceil(total / 20);
      },
      options,
    );
    bench(
      "last page",
      async () => {
        await searchPlatformDirectory(database.db, directoryQuerySchema.parse({ ...chips, page: last }));
      },
      options,
    );
  });

  describe(`${kind}: one page of the whole directory, newest first`, () => {
    bench(
      "first page",
      async () => {
        await searchPlatformDirectory(database.db, directoryQuerySchema.parse({ page: 1 }));
      },
      options,
    );
    bench(
      `last page (${lastPage})`,
      async () => {
        await searchPlatformDirectory(database.db, directoryQuerySchema.parse({ page: lastPage }));
      },
      options,
    );
  });
}
