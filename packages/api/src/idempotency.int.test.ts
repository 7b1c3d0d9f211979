import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { nthWorkingDay, reviewCriteria } from "@kechuang/domain";
import { policyModules } from "@kechuang/policies";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "./workflow/records";
import {
  type Api,
  createFixture,
  type Fixture,
  placeApplication,
  signIn,
  userIdOf,
} from "./workflow/testing";

/**
 * Every decision takes an idempotency key (workflow/idempotency.ts): 50 parallel retries with one key make
 * exactly one record and one audit row, and every retry gets the first answer.
 */
const RETRIES = 50;
const hunan = policyModules.find((m) => m.id === "hn-tic-2020")!;
/** A publicity window that is valid when published today (common.publicity): today on, 20 working days. */
const openWindow = () => {
  const today = chinaToday(new Date());
  return { opensOn: today, closesOn: nthWorkingDay(today, 20) };
};

describe.each(testDatabases())("idempotent decisions on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let expert: Api;
  let authority: Api;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    const named = (username: string) => accounts.find((a) => a.username === username)!;
    expert = await signIn(database, named("expert"));
    authority = await signIn(database, named("authority"));
    fixture = await createFixture(database);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  /** 50 concurrent calls; all must succeed with one and the same answer. */
  async function retried<T>(call: () => Promise<T>): Promise<T> {
    const results = await Promise.all(Array.from({ length: RETRIES }, call));
    for (const r of results) expect(r).toEqual(results[0]);
    return results[0]!;
  }
  const auditOf = (applicationId: string, action: string) =>
    database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, applicationId), eq(schema.auditLog.action, action)));

  it("review.submitOpinion: one opinion, one audit row", async () => {
    const app = await placeApplication(database, hunan, "consultation", fixture);
    await database.db.delete(schema.opinions).where(eq(schema.opinions.applicationId, app.id));
    const answer = await retried(() =>
      expert.review.submitOpinion({
        applicationId: app.id,
        expectedVersion: app.version,
        recommendation: "support",
        text: "方案可行",
        scores: reviewCriteria(hunan).map((c) => ({ criterion: c.id, score: 85 })),
        idempotencyKey: `opinion-${app.id}`,
      }),
    );
    const opinions = await database.db
      .select()
      .from(schema.opinions)
      .where(eq(schema.opinions.applicationId, app.id));
    expect(opinions.map((o) => o.id)).toEqual([answer.opinionId]);
    expect(await auditOf(app.id, "review.submit-opinion")).toHaveLength(1);
  }, 120_000);

  it("review.assignExpert: one panel seat, one audit row", async () => {
    const app = await placeApplication(database, hunan, "consultation", fixture);
    await database.db.delete(schema.panelMembers).where(eq(schema.panelMembers.applicationId, app.id));
    const expertId = await userIdOf(database, "expert");
    const answer = await retried(() =>
      authority.review.assignExpert({
        applicationId: app.id,
        expertId,
        seat: "technical",
        idempotencyKey: `seat-${app.id}`,
      }),
    );
    const seats = await database.db
      .select()
      .from(schema.panelMembers)
      .where(eq(schema.panelMembers.applicationId, app.id));
    expect(seats.map((s) => s.id)).toEqual([answer.panelMemberId]);
    expect(await auditOf(app.id, "review.assign-expert")).toHaveLength(1);
  }, 120_000);

  it("review.recordSiteVisit: one site visit, one audit row", async () => {
    const app = await placeApplication(database, hunan, "site-visit", fixture);
    await database.db.delete(schema.siteVisits).where(eq(schema.siteVisits.applicationId, app.id));
    const answer = await retried(() =>
      authority.review.recordSiteVisit({
        applicationId: app.id,
        visitedOn: "2024-03-01",
        location: "长沙市岳麓区",
        participantIds: [fixture.recordedBy],
        findings: "场地、设备与方案一致",
        conclusion: "satisfactory",
        idempotencyKey: `visit-${app.id}`,
      }),
    );
    const visits = await database.db
      .select()
      .from(schema.siteVisits)
      .where(eq(schema.siteVisits.applicationId, app.id));
    expect(visits.map((v) => v.id)).toEqual([answer.siteVisitId]);
    expect(await auditOf(app.id, "review.record-site-visit")).toHaveLength(1);
  }, 120_000);

  it("publicity.open: one notice, one transition, one audit row", async () => {
    const app = await placeApplication(database, hunan, "site-visit", fixture);
    await database.db
      .delete(schema.publicityNotices)
      .where(eq(schema.publicityNotices.applicationId, app.id));
    const answer = await retried(() =>
      authority.publicity.open({
        applicationId: app.id,
        expectedVersion: app.version,
        title: "关于测试材料的公示",
        body: "拟批准组建，现予公示",
        ...openWindow(),
        idempotencyKey: `notice-${app.id}`,
      }),
    );
    expect(answer).toMatchObject({ to: "publicity", version: app.version + 1 });
    const notices = await database.db
      .select()
      .from(schema.publicityNotices)
      .where(eq(schema.publicityNotices.applicationId, app.id));
    expect(notices).toHaveLength(1);
    const events = await database.db
      .select()
      .from(schema.applicationEvents)
      .where(eq(schema.applicationEvents.applicationId, app.id));
    expect(events).toHaveLength(1);
    expect(await auditOf(app.id, "application.open-publicity")).toHaveLength(1);
  }, 120_000);

  /** An application in publicity with one open objection to its notice. */
  async function objectionInPublicity() {
    const app = await placeApplication(database, hunan, "publicity", fixture);
    const [notice] = await database.db
      .select({ id: schema.publicityNotices.id })
      .from(schema.publicityNotices)
      .where(eq(schema.publicityNotices.applicationId, app.id));
    const [objection] = await database.db
      .insert(schema.objections)
      .values({
        noticeId: notice!.id,
        objectorName: "张三",
        objectorContact: "13800000000",
        grounds: "申报材料中的研发投入数据与年报不符。",
        sourceIp: "10.9.9.9",
      })
      .returning({ id: schema.objections.id });
    return { app, objectionId: objection!.id };
  }

  it("publicity.resolveObjection (dismissed): one resolution, one audit row", async () => {
    const { app, objectionId } = await objectionInPublicity();
    const answer = await retried(() =>
      authority.publicity.resolveObjection({
        objectionId,
        outcome: "dismissed",
        reason: "经核实数据一致",
        idempotencyKey: `dismiss-${objectionId}`,
      }),
    );
    expect(answer).toEqual({ status: "dismissed", application: null });
    const [row] = await database.db
      .select()
      .from(schema.objections)
      .where(eq(schema.objections.id, objectionId));
    expect(row).toMatchObject({ status: "dismissed", reason: "经核实数据一致" });
    expect(await auditOf(app.id, "publicity.dismiss-objection")).toHaveLength(1);
  }, 120_000);

  it("publicity.resolveObjection (upheld): one resolution, one transition, one audit row", async () => {
    const { app, objectionId } = await objectionInPublicity();
    const answer = await retried(() =>
      authority.publicity.resolveObjection({
        objectionId,
        outcome: "upheld",
        reason: "数据不符，退回复核",
        idempotencyKey: `uphold-${objectionId}`,
      }),
    );
    expect(answer).toMatchObject({ status: "upheld", application: { version: app.version + 1 } });
    const events = await database.db
      .select()
      .from(schema.applicationEvents)
      .where(eq(schema.applicationEvents.applicationId, app.id));
    expect(events.map((e) => e.action)).toEqual(["uphold-objection"]);
    expect(await auditOf(app.id, "application.uphold-objection")).toHaveLength(1);
  }, 120_000);

  it("keeps keys per user and per procedure: the same key elsewhere acts on its own", async () => {
    const app = await placeApplication(database, hunan, "site-visit", fixture);
    const key = `shared-${app.id}`;
    const visit = await authority.review.recordSiteVisit({
      applicationId: app.id,
      visitedOn: "2024-03-02",
      location: "现场",
      participantIds: [fixture.recordedBy],
      findings: "良好",
      conclusion: "satisfactory",
      idempotencyKey: key,
    });
    expect(visit.siteVisitId).toEqual(expect.any(String));
    const opened = await authority.publicity.open({
      applicationId: app.id,
      expectedVersion: app.version,
      title: "公示",
      body: "公示内容",
      ...openWindow(),
      idempotencyKey: key,
    });
    expect(opened).toMatchObject({ to: "publicity" });
  }, 60_000);
});
