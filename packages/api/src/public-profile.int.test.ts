import { type Database, DEMO_USERS, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerWith } from "./workflow/testing";

/**
 * Issue 12, the public page and the publicity archive: governance from the approved application's facts
 * through an allow-list (names and organizations, never contacts or reviewers), a zone's tasks and reported
 * indicators, and past notices with their outcome and objection counts (never who objected).
 */
const phone = /1[3-9]\d{9}/;
const expertNames = DEMO_USERS.filter((u) => u.role === "expert").map((u) =>
  u.displayName.replace(/（.*$/, ""),
);

describe.each(testDatabases())("public profile and past notices on %s", (kind) => {
  let database: Database;
  const anonymous = () => callerWith(database, null, "10.9.0.1");
  const platformId = async (name: string) => {
    const [row] = await database.db.select().from(schema.platforms).where(eq(schema.platforms.name, name));
    return row!.id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("shows a center's governance from its approved facts, names and organizations only", async () => {
    const page = await anonymous().platforms.get({
      platformId: await platformId("湖南省先进轨道交通装备技术创新中心"),
    });
    expect(page.governance).toEqual({
      coBuildUnits: [{ name: "中南大学", type: "university" }],
      board: [
        { name: "张建国", organization: "株洲轨道交通装备集团有限公司" },
        { name: "王丽华", organization: "中南大学" },
        { name: "陈志远", organization: "湖南省轨道交通产业协会" },
      ],
      committee: {
        kind: "expert-committee",
        chair: { name: "黄立明", organization: "中南大学交通运输工程学院" },
        members: [
          { name: "黄立明", organization: "中南大学交通运输工程学院" },
          { name: "周晓峰", organization: "株洲轨道交通装备集团有限公司" },
          { name: "欧阳静", organization: "湖南大学机械与运载工程学院" },
        ],
      },
      director: { name: "周晓峰", organization: "株洲轨道交通装备集团有限公司" },
    });
    expect(page.zone).toBeNull();
    expect(page.approvalRule?.citation?.source).toBe("hn-tic-2020");
    // The stored facts do hold a phone and an e-mail per member (seed-public-profile.ts): none comes out.
    const [stored] = await database.db
      .select({ facts: schema.applications.facts })
      .from(schema.applications)
      .innerJoin(schema.platforms, eq(schema.platforms.applicationId, schema.applications.id))
      .where(eq(schema.platforms.id, page.id));
    expect(JSON.stringify(stored!.facts)).toMatch(phone);
    const json = JSON.stringify(page);
    expect(json).not.toMatch(phone);
    expect(json).not.toContain("@");
    expect(json).not.toMatch(/"(phone|email|expertise|affiliation|isDirector)"/);
    for (const expert of expertNames) expect(json).not.toContain(expert);
  });

  it("shows a zone's tasks from the module's vocabulary and its latest reported indicators", async () => {
    const page = await anonymous().platforms.get({
      platformId: await platformId("成都市科技成果转移转化示范区"),
    });
    expect(page.zone?.tasks.map((task) => [task.id, task.clause])).toEqual([
      ["technology-market-trading", "四(四)"],
      ["university-belt-transfer-zone", "四(八)"],
      ["transfer-service-system", "四(六)"],
    ]);
    expect(page.zone?.indicatorCount).toBe(3);
    expect(page.zone?.reported?.indicators).toEqual([
      { name: "技术合同成交额", unit: "亿元", target: 1200, actual: 1268.5 },
      { name: "新增技术转移机构", unit: "家", target: 15, actual: 17 },
      { name: "科技成果转化项目", unit: "项", target: 300, actual: 288 },
    ]);
    const [latest] = await database.db
      .select({ year: schema.annualReports.yearCovered })
      .from(schema.annualReports)
      .where(eq(schema.annualReports.platformId, page.id))
      .orderBy(schema.annualReports.yearCovered);
    expect(page.zone?.reported?.yearCovered).toBeGreaterThanOrEqual(latest!.year);
    // The report's section text is not part of the public page.
    expect(JSON.stringify(page)).not.toContain("（示例）");
    expect(page.governance?.coBuildUnits).toEqual([{ name: "四川大学", type: "university" }]);
  });

  it("shows a platform without an approved application on file with no governance, and a center no zone", async () => {
    const page = await anonymous().platforms.get({
      platformId: await platformId("湖南省工程机械技术创新中心"),
    });
    expect(page.governance).toBeNull();
    expect(page.zone).toBeNull();
    const zone = await anonymous().platforms.get({
      platformId: await platformId("绵阳市科技成果转移转化示范区"),
    });
    expect(zone.zone).toEqual({ tasks: [], indicatorCount: null, reported: null });
  });

  it("lists past notices with their outcome and objection counts, and keeps open ones out", async () => {
    const past = await anonymous().publicity.listPast({ page: 1, pageSize: 10 });
    expect(past.total).toBe(1);
    const [notice] = past.items;
    expect(notice).toMatchObject({
      title: "关于湖南省先进轨道交通装备技术创新中心的公示",
      outcome: "approved",
      platformId: await platformId("湖南省先进轨道交通装备技术创新中心"),
      objections: { received: 1, resolved: 1 },
      leadUnitName: "株洲轨道交通装备集团有限公司",
    });
    const json = JSON.stringify(past);
    expect(json).not.toMatch(phone);
    expect(json).not.toMatch(/钱多多|objectorName|objectorContact|grounds|reason/);
    const open = await anonymous().publicity.listOpen();
    expect(open.map((n) => n.noticeId)).not.toContain(notice!.noticeId);
  });

  it("moves a notice to the past when its window closes, still under decision, and pages", async () => {
    const [open] = await anonymous().publicity.listOpen();
    expect(open).toBeDefined();
    // Ten days on, the open notice's window (5 days left) has closed though nobody has decided yet.
    const later = () => new Date(Date.now() + 10 * 86_400_000);
    const api = callerWith(database, null, "10.9.0.2", undefined, later);
    const firstPage = await api.publicity.listPast({ page: 1, pageSize: 1 });
    expect(firstPage.total).toBe(2);
    expect(firstPage.items).toHaveLength(1);
    // Newest closing first: the one that just closed, still before the authority.
    expect(firstPage.items[0]).toMatchObject({
      noticeId: open!.noticeId,
      outcome: "pending",
      platformId: null,
      objections: { received: 0, resolved: 0 },
    });
    const secondPage = await api.publicity.listPast({ page: 2, pageSize: 1 });
    expect(secondPage.items.map((n) => n.outcome)).toEqual(["approved"]);
    expect((await api.publicity.listPast({ page: 3, pageSize: 1 })).items).toEqual([]);
    expect(await api.publicity.listOpen()).toEqual([]);
  });

  it("refuses a page or page size outside the bounds", async () => {
    for (const input of [{ page: 0 }, { pageSize: 51 }, { page: 1.5 }]) {
      await expect(anonymous().publicity.listPast(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    // Without input: the first page of ten.
    await expect(anonymous().publicity.listPast()).resolves.toMatchObject({ page: 1, pageSize: 10 });
  });
});
