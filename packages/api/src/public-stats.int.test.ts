import { type Database, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerWith } from "./workflow/testing";

/**
 * The statistics page's numbers (publicStats.summary) are the directory's: each jurisdiction, kind, status
 * and year counts as many platforms as the directory filtered to it lists, and each chart adds up to the
 * directory's total.
 */
describe.each(testDatabases())("public statistics on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db);
    // One revoked and one rectifying platform, so every public status is present.
    const [first, second] = await database.db
      .select({ id: schema.platforms.id })
      .from(schema.platforms)
      .limit(2);
    await database.db
      .update(schema.platforms)
      .set({ status: "delisted", revokedOn: "2025-09-30" })
      .where(eq(schema.platforms.id, first!.id));
    await database.db
      .update(schema.platforms)
      .set({ status: "rectifying" })
      .where(eq(schema.platforms.id, second!.id));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answers anyone, and every count matches the directory filtered the same way", async () => {
    const api = callerWith(database, null);
    const stats = await api.publicStats.summary();
    const total = async (filter: Record<string, unknown>) =>
      (await api.platforms.directory({ ...filter, pageSize: 1 })).total;

    expect(stats.total).toBe(await total({}));
    expect(stats.total).toBeGreaterThan(0);
    const sum = (rows: { count: number }[]) => rows.reduce((acc, row) => acc + row.count, 0);
    for (const rows of [stats.byJurisdiction, stats.byKind, stats.byStatus, stats.byYear]) {
      expect(sum(rows)).toBe(stats.total);
    }
    for (const row of stats.byJurisdiction) expect(row.count).toBe(await total({ jurisdiction: row.code }));
    for (const row of stats.byKind) expect(row.count).toBe(await total({ kind: row.kind }));
    for (const row of stats.byStatus) expect(row.count).toBe(await total({ status: row.status }));
    for (const row of stats.byYear) expect(row.count).toBe(await total({ year: row.year }));
    for (const row of stats.byField) expect(row.count).toBe(await total({ field: row.field }));
    expect(stats.byStatus.find((row) => row.status === "revoked")?.count).toBe(1);
    // Jurisdictions carry their names from the policy modules.
    expect(stats.byJurisdiction.find((row) => row.code === "430000")?.name).toEqual({
      zh: "湖南省",
      en: "Hunan Province",
    });
  });

  it("limits the fields to the most common, and refuses a bad limit", async () => {
    const api = callerWith(database, null);
    const three = await api.publicStats.summary({ fieldLimit: 3 });
    expect(three.byField).toHaveLength(3);
    expect(three.fieldCount).toBeGreaterThan(3);
    const counts = three.byField.map((row) => row.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await expect(api.publicStats.summary({ fieldLimit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
