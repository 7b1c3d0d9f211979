import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { platformStats } from "./repositories/platform-stats";
import { organizations, platforms } from "./schema";
import { createTestDatabase, testDatabases } from "./testing";

describe.each(testDatabases())("platform statistics on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [org] = await database.db
      .insert(organizations)
      .values({
        name: "统计测试单位",
        creditCode: "91430000MA0000002X",
        type: "enterprise",
        areaCode: "430100",
      })
      .returning({ id: organizations.id });
    const row = (
      name: string,
      jurisdiction: string,
      platformKind: string,
      approvedOn: string,
      fields: string[],
      status: "active" | "rectifying" | "delisted" | "cultivating",
    ) => ({
      policyId: "p",
      kind: platformKind,
      name,
      leadOrgId: org!.id,
      jurisdiction,
      approvedOn,
      fields,
      status,
    });
    await database.db
      .insert(platforms)
      .values([
        row("甲", "430000", "tech-innovation-center", "2020-03-01", ["新材料", "电池"], "active"),
        row("乙", "430000", "tech-innovation-center", "2021-05-01", ["电池"], "rectifying"),
        row("丙", "510000", "transfer-demonstration-zone", "2021-12-31", ["电池", "芯片"], "delisted"),
        row("丁", "520400", "city-platform", "2022-01-01", [], "cultivating"),
      ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("groups by jurisdiction, kind, public status, year and field in the database", async () => {
    const stats = await platformStats(database.db, { fieldLimit: 2 });
    expect(stats.total).toBe(4);
    expect(stats.byJurisdiction).toEqual([
      { key: "430000", count: 2 },
      { key: "510000", count: 1 },
      { key: "520400", count: 1 },
    ]);
    expect(stats.byKind).toEqual([
      { key: "tech-innovation-center", count: 2 },
      { key: "city-platform", count: 1 },
      { key: "transfer-demonstration-zone", count: 1 },
    ]);
    // Rectifying is still approved; delisted is revoked; the Anshun pool is its own status.
    expect([...stats.byStatus].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "approved", count: 2 },
      { key: "cultivating", count: 1 },
      { key: "revoked", count: 1 },
    ]);
    expect(stats.byYear).toEqual([
      { key: 2020, count: 1 },
      { key: 2021, count: 2 },
      { key: 2022, count: 1 },
    ]);
    // A platform counts once in each of its fields; the limit keeps the most common, ties by name.
    expect(stats.byField).toEqual([
      { key: "电池", count: 3 },
      { key: "新材料", count: 1 },
    ]);
    expect(stats.fieldCount).toBe(3);
  });
});
