import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { backfillGovernance, governanceOn, membershipHistory } from "./repositories/governance";
import { governanceMemberships, platforms } from "./schema";
import { seedDemo } from "./seed";
import { DEMO_NM_GOVERNANCE, DEMO_NM_STATE_2024 } from "./seed-governance";
import { DEMO_GOVERNANCE } from "./seed-public-profile";
import { createTestDatabase, testDatabases } from "./testing";

describe.each(testDatabases())("governance records: demo seed and start-up backfill on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, new Date("2026-12-02T04:00:00Z"));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const platformNamed = async (name: string) => {
    const [row] = await database.db.select().from(platforms).where(eq(platforms.name, name));
    return row!;
  };
  const rowCount = async (platformId?: string) => {
    const [row] = await database.db
      .select({ n: count() })
      .from(governanceMemberships)
      .where(platformId ? eq(governanceMemberships.platformId, platformId) : undefined);
    return row!.n;
  };

  it("seeds Inner Mongolia's center with its 2021 state and the 2024 committee change", async () => {
    const nm = await platformNamed(DEMO_NM_GOVERNANCE.platformName);
    expect(await governanceOn(database.db, nm.id, "2021-04-11")).toMatchObject({
      leadUnit: null,
      committee: null,
    });
    expect(await governanceOn(database.db, nm.id, "2023-06-30")).toEqual(DEMO_NM_GOVERNANCE.state2021);
    expect(await governanceOn(database.db, nm.id, "2024-03-01")).toEqual(DEMO_NM_STATE_2024);
    const committee = (await governanceOn(database.db, nm.id, "2026-12-02")).committee!;
    expect(committee.members).toHaveLength(9);
    expect(committee.members.filter((m) => m.affiliation !== "external")).toHaveLength(3);
    const history = await membershipHistory(database.db, nm.id);
    expect(history.find((r) => r.name === DEMO_NM_GOVERNANCE.leaving)).toMatchObject({
      since: "2021-04-12",
      until: "2024-03-01",
    });
    expect(history.find((r) => r.name === DEMO_NM_GOVERNANCE.joining)).toMatchObject({
      since: "2024-03-01",
      until: null,
    });
    // Everyone else sat on from 2021: one row each, still open.
    expect(history.filter((r) => r.until !== null)).toHaveLength(1);
  });

  it("seeds the two platforms with approved facts from those facts, in their order", async () => {
    const rail = await platformNamed(DEMO_GOVERNANCE.center.platformName);
    const state = await governanceOn(database.db, rail.id, rail.approvedOn);
    expect(state.board.map((m) => m.name)).toEqual(DEMO_GOVERNANCE.center.board.map((m) => m.name));
    expect(state.committee?.chair?.name).toBe(DEMO_GOVERNANCE.center.committeeChair.name);
    expect(state.director).toMatchObject({ name: "周晓峰", fullTime: true, monthsPerYearAtCenter: 12 });
    const zone = await platformNamed(DEMO_GOVERNANCE.zone.platformName);
    expect((await governanceOn(database.db, zone.id, zone.approvedOn)).coBuildUnits).toEqual([
      { name: "四川大学", type: "university" },
    ]);
  });

  it("backfills a platform approved before the records, once, and leaves platforms with rows alone", async () => {
    const rail = await platformNamed(DEMO_GOVERNANCE.center.platformName);
    const nm = await platformNamed(DEMO_NM_GOVERNANCE.platformName);
    const seeded = await governanceOn(database.db, rail.id, rail.approvedOn);
    const nmRows = await rowCount(nm.id);
    // As if approved before migration 0009: the rail center has no rows.
    await database.db.delete(governanceMemberships).where(eq(governanceMemberships.platformId, rail.id));
    expect(await governanceOn(database.db, rail.id, rail.approvedOn)).toMatchObject({ leadUnit: null });

    expect(await backfillGovernance(database.db)).toBe(1);
    expect(await governanceOn(database.db, rail.id, rail.approvedOn)).toEqual(seeded);
    expect(await governanceOn(database.db, rail.id, "2000-01-01")).toMatchObject({ board: [] });
    expect(await rowCount(nm.id)).toBe(nmRows);

    const total = await rowCount();
    expect(await backfillGovernance(database.db)).toBe(0);
    expect(await rowCount()).toBe(total);
  });
});
