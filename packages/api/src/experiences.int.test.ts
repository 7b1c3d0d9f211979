import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { registry } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, callerWith, createFixture, placeApplication, signIn } from "./workflow/testing";

/**
 * Replicable experiences of a zone (sc-zone 五(五), issue 11): the zone writes and submits, the Sichuan
 * department publishes (promoting some province-wide) or returns, the public reads the published ones.
 * `applicant` is moved into the Chengdu zone's bureau and `applicant2` into a Hunan center's lead unit.
 */

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `THROWN ${String(error)}`);
const outcome = (promise: Promise<unknown>) => promise.then(() => "OK", codeOf);
const textOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as TRPCError & { cause?: { text?: { zh: string; en: string } } }).cause?.text;
  }
  return undefined;
};

const ZONE = "成都市科技成果转移转化示范区";
const HUNAN_CENTER = "湖南省先进轨道交通装备技术创新中心";

describe.each(testDatabases())("zone experiences on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  const as = {} as Record<string, Api>;
  let anonymous: Api;
  let zone: typeof schema.platforms.$inferSelect;
  let hunan: typeof schema.platforms.$inferSelect;

  const platformNamed = async (name: string) =>
    (await database.db.select().from(schema.platforms).where(eq(schema.platforms.name, name)))[0]!;
  const experience = async (id: string) =>
    (await database.db.select().from(schema.zoneExperiences).where(eq(schema.zoneExperiences.id, id)))[0]!;
  const auditRows = (id: string) =>
    database.db.select().from(schema.auditLog).where(eq(schema.auditLog.objectId, id));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    zone = await platformNamed(ZONE);
    hunan = await platformNamed(HUNAN_CENTER);
    const moveTo = (username: string, organizationId: string) =>
      database.db.update(schema.users).set({ organizationId }).where(eq(schema.users.username, username));
    await moveTo("applicant", zone.leadOrgId);
    await moveTo("applicant2", hunan.leadOrgId);
    for (const name of ["applicant", "applicant2", "authority", "authority-sc", "recommender"])
      as[name] = await signIn(database, accounts.find((a) => a.username === name)!);
    anonymous = callerWith(database, null);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("runs draft → submit → publish, with audit rows and notifications in the same transactions", async () => {
    const saved = await as.applicant!.experiences.save({
      platformId: zone.id,
      title: "科技成果“三权”改革",
      body: "赋予科研人员职务科技成果所有权或长期使用权。",
    });
    expect(saved).toMatchObject({ status: "draft", version: 1 });
    const edited = await as.applicant!.experiences.save({
      platformId: zone.id,
      id: saved.id,
      title: "科技成果“三权”改革经验",
      body: "赋予科研人员职务科技成果所有权或长期使用权，已有 120 项成果完成赋权。",
      expectedVersion: 1,
    });
    expect(edited.version).toBe(2);

    // Drafts are listed to the zone and the department alike (all statuses), with the writing prompt.
    const list = await as["authority-sc"]!.experiences.list({ platformId: zone.id });
    expect(list.rule?.id).toBe("sc-zone.experience");
    expect(list.rule?.citation.clause).toBe("五(五)");
    expect(list.items.find((i) => i.id === saved.id)).toMatchObject({
      status: "draft",
      title: "科技成果“三权”改革经验",
    });
    // Not publishable before it is submitted.
    expect(await outcome(as["authority-sc"]!.experiences.publish({ id: saved.id, promoted: true }))).toBe(
      "PRECONDITION_FAILED",
    );

    await as.applicant!.experiences.submit({ id: saved.id, expectedVersion: 2 });
    const authorityId = accounts.find((a) => a.username === "authority-sc")!;
    const [authorityUser] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, authorityId.username));
    const notes = await database.db
      .select()
      .from(schema.notifications)
      .where(
        and(
          eq(schema.notifications.userId, authorityUser!.id),
          eq(schema.notifications.kind, "experience-submitted"),
        ),
      );
    expect(notes).toHaveLength(1);
    // A submitted one is no longer the zone's to edit.
    expect(
      await outcome(
        as.applicant!.experiences.save({
          platformId: zone.id,
          id: saved.id,
          title: "x",
          body: "y",
          expectedVersion: 3,
        }),
      ),
    ).toBe("PRECONDITION_FAILED");

    const published = await as["authority-sc"]!.experiences.publish({ id: saved.id, promoted: true });
    expect(published).toMatchObject({ status: "published", version: 4 });
    const row = await experience(saved.id);
    expect(row).toMatchObject({ status: "published", promoted: true, publishedBy: authorityUser!.id });
    expect(row.publishedAt).not.toBeNull();
    expect((await auditRows(saved.id)).map((r) => r.action).sort()).toEqual([
      "experience.publish",
      "experience.save",
      "experience.save",
      "experience.submit",
    ]);
    expect((await auditRows(saved.id)).every((r) => r.ruleId === "sc-zone.experience")).toBe(true);
    const [applicantUser] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, "applicant"));
    const told = await database.db
      .select()
      .from(schema.notifications)
      .where(
        and(
          eq(schema.notifications.userId, applicantUser!.id),
          eq(schema.notifications.kind, "experience-published"),
        ),
      );
    expect(told).toHaveLength(1);
  });

  it("returns with a reason; the zone revises and resubmits", async () => {
    const { id } = await as.applicant!.experiences.save({ platformId: zone.id, title: "初稿", body: "内容" });
    await as.applicant!.experiences.submit({ id });
    // A return without a reason is malformed input.
    expect(await outcome(as["authority-sc"]!.experiences.return({ id, reason: " " }))).toBe("BAD_REQUEST");
    await as["authority-sc"]!.experiences.return({ id, reason: "请补充成效数据" });
    const listed = (await as.applicant!.experiences.list({ platformId: zone.id })).items.find(
      (i) => i.id === id,
    );
    expect(listed).toMatchObject({ status: "returned", returnReason: "请补充成效数据", version: 3 });
    await as.applicant!.experiences.save({
      platformId: zone.id,
      id,
      title: "修改稿",
      body: "内容：技术合同成交额增长 20%",
      expectedVersion: 3,
    });
    await as.applicant!.experiences.submit({ id, expectedVersion: 4 });
    expect(await experience(id)).toMatchObject({ status: "submitted", title: "修改稿", version: 5 });
    const submits = (await auditRows(id)).filter((r) => r.action === "experience.submit");
    expect(submits.map((r) => (r.detail as { resubmission: boolean }).resubmission).sort()).toEqual([
      false,
      true,
    ]);
    // Published without promotion this time: the return reason is cleared.
    await as["authority-sc"]!.experiences.publish({ id, promoted: false });
    expect(await experience(id)).toMatchObject({ status: "published", promoted: false, returnReason: null });
  });

  it("refuses a Hunan center, whose policy asks for no experiences, in both languages", async () => {
    const refused = as.applicant2!.experiences.save({ platformId: hunan.id, title: "经验", body: "内容" });
    expect(await outcome(refused)).toBe("PRECONDITION_FAILED");
    const text = await textOf(
      as.applicant2!.experiences.save({ platformId: hunan.id, title: "经验", body: "内容" }),
    );
    expect(text?.zh).toContain("经验做法");
    expect(text?.en).toContain("replicable experiences");
    expect(await as.authority!.experiences.list({ platformId: hunan.id })).toEqual({ rule: null, items: [] });
  });

  it("keeps to scope: another province's authority and another organization's applicant get NOT_FOUND", async () => {
    const { id } = await as.applicant!.experiences.save({ platformId: zone.id, title: "范围", body: "内容" });
    await as.applicant!.experiences.submit({ id });
    expect(await outcome(as.authority!.experiences.list({ platformId: zone.id }))).toBe("NOT_FOUND");
    expect(await outcome(as.authority!.experiences.publish({ id, promoted: true }))).toBe("NOT_FOUND");
    expect(await outcome(as.authority!.experiences.return({ id, reason: "越权" }))).toBe("NOT_FOUND");
    expect(await outcome(as.applicant2!.experiences.list({ platformId: zone.id }))).toBe("NOT_FOUND");
    expect(await outcome(as.applicant2!.experiences.submit({ id }))).toBe("NOT_FOUND");
    expect(
      await outcome(as.applicant2!.experiences.save({ platformId: zone.id, title: "越权", body: "内容" })),
    ).toBe("NOT_FOUND");
    // Another platform's id with the experience id: no experience of that platform.
    expect(
      await outcome(
        as.applicant2!.experiences.save({
          platformId: hunan.id,
          id,
          title: "x",
          body: "y",
          expectedVersion: 2,
        }),
      ),
    ).not.toBe("OK");
    // The roles are the matrix's: the zone does not publish its own, the department does not write them.
    expect(await outcome(as.applicant!.experiences.publish({ id, promoted: true }))).toBe("FORBIDDEN");
    expect(
      await outcome(as["authority-sc"]!.experiences.save({ platformId: zone.id, title: "x", body: "y" })),
    ).toBe("FORBIDDEN");
    expect((await experience(id)).status).toBe("submitted");
  });

  it("refuses a stale version and changes nothing", async () => {
    const { id } = await as.applicant!.experiences.save({ platformId: zone.id, title: "版本", body: "一" });
    await as.applicant!.experiences.save({
      platformId: zone.id,
      id,
      title: "版本",
      body: "二",
      expectedVersion: 1,
    });
    const stale = as.applicant!.experiences.save({
      platformId: zone.id,
      id,
      title: "版本",
      body: "旧",
      expectedVersion: 1,
    });
    expect(await outcome(stale)).toBe("CONFLICT");
    expect(await outcome(as.applicant!.experiences.submit({ id, expectedVersion: 1 }))).toBe("CONFLICT");
    expect(await experience(id)).toMatchObject({ body: "二", version: 2, status: "draft" });
  });

  it("shows the public only published ones, promoted first, with no ids or authors", async () => {
    const list = await anonymous.experiences.published({ platformId: zone.id });
    // The two seeded ones and the two published above; never the seeded draft or the submitted/draft ones here.
    expect(list.map((e) => e.title)).toEqual(
      expect.arrayContaining(["“先使用后付费”高校科技成果许可模式", "科技成果“三权”改革经验", "修改稿"]),
    );
    expect(list).toHaveLength(4);
    expect(list.map((e) => e.title)).not.toContain("概念验证中心建设经验");
    expect(list.map((e) => e.promoted)).toEqual([true, true, false, false]);
    for (const e of list) {
      expect(Object.keys(e).sort()).toEqual(["body", "promoted", "publishedOn", "title"]);
      expect(e.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(JSON.stringify(list)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await anonymous.experiences.published({ platformId: hunan.id })).toEqual([]);
    expect(
      await outcome(anonymous.experiences.published({ platformId: "00000000-0000-4000-8000-000000000000" })),
    ).toBe("NOT_FOUND");
  });

  it("no longer asks experts to score sc-zone.experience, and opinions scored on it still read", async () => {
    const module = registry.get("sc-zone-2018")!;
    const fixture = await createFixture(database);
    const app = await placeApplication(database, module, "consultation", fixture);
    // An opinion from before the change keeps its criterion id.
    await database.db
      .update(schema.opinions)
      .set({ scores: [{ criterion: "sc-zone.experience", score: 82 }] })
      .where(eq(schema.opinions.applicationId, app.id));
    const detail = await as["authority-sc"]!.applications.get({ applicationId: app.id });
    expect(detail.criteria.map((c) => c.id)).not.toContain("sc-zone.experience");
    const opinions = await as["authority-sc"]!.review.opinions({ applicationId: app.id });
    expect(opinions.length).toBeGreaterThan(0);
    expect(opinions[0]!.scores).toEqual([{ criterion: "sc-zone.experience", score: 82 }]);
  });
});
