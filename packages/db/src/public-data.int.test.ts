import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { publicDataChangedAt } from "./repositories/public-data";
import { organizations, platformEvents, platforms } from "./schema";
import { createTestDatabase, testDatabases } from "./testing";

/** Last-Modified of the open data: approval and revocation days, and when public events were recorded. */
describe.each(testDatabases())("publicDataChangedAt on %s", (kind) => {
  let database: Database;
  let orgId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [org] = await database.db
      .insert(organizations)
      .values({
        name: "开放数据单位",
        creditCode: "91430000MA0000009X",
        type: "enterprise",
        areaCode: "430100",
      })
      .returning({ id: organizations.id });
    orgId = org!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const now = new Date("2027-03-01T12:00:00Z");
  const insertPlatform = async (approvedOn: string) => {
    const [row] = await database.db
      .insert(platforms)
      .values({
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        name: `开放数据平台 ${approvedOn}`,
        leadOrgId: orgId,
        jurisdiction: "430000",
        approvedOn,
        fields: [],
      })
      .returning({ id: platforms.id });
    return row!.id;
  };

  it("is null while nothing is public, then follows approval and revocation days (China midnight)", async () => {
    expect(await publicDataChangedAt(database.db, now)).toBeNull();
    const id = await insertPlatform("2025-05-20");
    expect(await publicDataChangedAt(database.db, now)).toEqual(new Date("2025-05-19T16:00:00Z"));
    await database.db
      .update(platforms)
      .set({ status: "delisted", revokedOn: "2026-02-10" })
      .where(eq(platforms.id, id));
    expect(await publicDataChangedAt(database.db, now)).toEqual(new Date("2026-02-09T16:00:00Z"));
  });

  it("moves when an event is recorded, even for a back-dated decision, and never past now", async () => {
    const id = await insertPlatform("2020-01-01");
    const [event] = await database.db
      .insert(platformEvents)
      .values({ platformId: id, kind: "approved", occurredOn: "2020-01-01" })
      .returning({ createdAt: platformEvents.createdAt });
    const recordedAt = new Date(event!.createdAt);
    expect(await publicDataChangedAt(database.db, new Date(recordedAt.getTime() + 60_000))).toEqual(
      recordedAt,
    );
    // An approval dated ahead (or a clock behind) must not make Last-Modified promise the future.
    await insertPlatform("2099-01-01");
    const later = new Date(recordedAt.getTime() + 120_000);
    expect(await publicDataChangedAt(database.db, later)).toEqual(later);
  });
});
