import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { backfillObligations, OBLIGATION_HORIZON_YEARS, storeObligations } from "./repositories/obligations";
import { organizations, platformObligations, platforms } from "./schema";
import { createTestDatabase, testDatabases } from "./testing";

describe.each(testDatabases())("stored obligations on %s", (kind) => {
  let database: Database;
  let orgId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [org] = await database.db
      .insert(organizations)
      .values({ name: "测试单位", creditCode: "91150000MA0000001X", type: "enterprise", areaCode: "150200" })
      .returning({ id: organizations.id });
    orgId = org!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const newPlatform = async (policyId: string, approvedOn: string) => {
    const [p] = await database.db
      .insert(platforms)
      .values({
        policyId,
        kind: "tech-innovation-center",
        name: `平台${approvedOn}`,
        leadOrgId: orgId,
        jurisdiction: "150000",
        approvedOn,
        fields: [],
      })
      .returning({ id: platforms.id });
    return p!.id;
  };
  const obligationsOf = (platformId: string) =>
    database.db.select().from(platformObligations).where(eq(platformObligations.platformId, platformId));

  it("stores the module's schedule over the horizon, with the exempt first year (nm-tic, approved in July)", async () => {
    const id = await newPlatform("nm-tic-2020", "2024-07-01");
    const written = await storeObligations(database.db, {
      platformId: id,
      policyId: "nm-tic-2020",
      approvedOn: "2024-07-01",
    });
    const rows = await obligationsOf(id);
    expect(rows).toHaveLength(written);
    const reports = rows
      .filter((r) => r.kind === "annual-report")
      .sort((a, b) => a.yearCovered! - b.yearCovered!);
    expect(reports).toHaveLength(OBLIGATION_HORIZON_YEARS);
    expect(reports[0]).toMatchObject({ yearCovered: 2024, dueOn: "2025-03-31", exempt: true });
    expect(reports[1]).toMatchObject({ yearCovered: 2025, dueOn: "2026-03-31", exempt: false });
    expect(rows.some((r) => r.kind === "evaluation")).toBe(true);
  });

  it("gives earlier platforms a calendar once, and none to a module without obligations", async () => {
    const old = await newPlatform("nm-tic-2020", "2021-04-12");
    const anshun = await newPlatform("as-plat-2021", "2022-08-30");
    const given = await backfillObligations(database.db);
    expect(given).toBe(1);
    expect((await obligationsOf(old)).length).toBeGreaterThan(0);
    expect(await obligationsOf(anshun)).toHaveLength(0);
    expect(await backfillObligations(database.db)).toBe(0);
  });
});
