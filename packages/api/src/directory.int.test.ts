import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { registry } from "@kechuang/policies";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Api,
  callerWith,
  createFixture,
  type Fixture,
  placeApplication,
  signIn,
} from "./workflow/testing";

describe.each(testDatabases())("the public directory through the API on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let fixture: Fixture;
  let publicApi: Api;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    fixture = await createFixture(database);
    publicApi = callerWith(database, null);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const authority = (username: string) => signIn(database, accounts.find((a) => a.username === username)!);

  it("enters an approved Anshun application into the pool as cultivating, outside the register", async () => {
    const module = registry.get("as-plat-2021")!;
    const app = await placeApplication(database, module, "review", fixture);
    const { platformId } = await (await authority("authority-as")).applications.transition({
      applicationId: app.id,
      action: "approve",
      expectedVersion: app.version,
    });
    const page = await publicApi.platforms.directory({ status: "cultivating", pageSize: 100 });
    const entry = page.items.find((item) => item.id === platformId);
    expect(entry).toMatchObject({
      status: "cultivating",
      jurisdiction: { code: "520400", name: module.jurisdiction.name },
    });
    // Every Anshun demo platform is a pool entry too.
    expect(page.items.every((item) => item.policyId === "as-plat-2021")).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(2);
    const register = await publicApi.platforms.listApproved();
    expect(register.some((p) => p.policyId === "as-plat-2021")).toBe(false);
  });

  it("keeps an approved platform's facts and public notice, and finds it by a two-character word", async () => {
    const module = registry.get("hn-tic-2020")!;
    const app = await placeApplication(database, module, "publicity", fixture);
    await database.db
      .update(schema.applications)
      .set({ facts: { kind: "tech-innovation-center", category: "domain", formationMode: "academia-led" } })
      .where(eq(schema.applications.id, app.id));
    const body = "拟批准组建，围绕固态锂电池开展攻关，现予公示。";
    await database.db
      .update(schema.publicityNotices)
      .set({ body })
      .where(eq(schema.publicityNotices.applicationId, app.id));
    const { platformId } = await (await authority("authority")).applications.transition({
      applicationId: app.id,
      action: "approve",
      expectedVersion: app.version,
    });
    const page = await publicApi.platforms.directory({ q: "锂电", jurisdiction: "430000" });
    expect(page.items.map((item) => item.id)).toEqual([platformId]);
    expect(page.items[0]).toMatchObject({
      status: "approved",
      category: "domain",
      formationMode: "academia-led",
      summary: body,
      revokedOn: null,
    });
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
  });

  it("validates the query like a URL's: numbers as text, unknown values refused", async () => {
    const page = await publicApi.platforms.directory({ page: "1", pageSize: "2" } as never);
    expect(page.items).toHaveLength(2);
    await expect(publicApi.platforms.directory({ status: "active" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(publicApi.platforms.directory({ pageSize: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("offers facets with jurisdiction names from the modules", async () => {
    const facets = await publicApi.platforms.facets();
    expect(facets.jurisdictions).toContainEqual(
      expect.objectContaining({ code: "430000", name: registry.get("hn-tic-2020")!.jurisdiction.name }),
    );
    const total = (await publicApi.platforms.directory({})).total;
    expect(facets.statuses.reduce((sum, s) => sum + s.count, 0)).toBe(total);
    expect(facets.statuses.map((s) => s.value)).toContain("cultivating");
  });
});
