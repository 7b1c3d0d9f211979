import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import type { PolicyModule } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendObligationReminders } from "./after-approval/reminders";
import { type Api, createFixture, type Fixture, placeApplication, signIn } from "./workflow/testing";

/**
 * Annual reports and the obligations calendar with the clock set across years (issue 10 proof). Platforms
 * are approved through the real "approve" transition on the day the clock says, so the stored calendar is
 * the one approval writes. Every caller signs in at FAR (the end of the test's time range) so its session
 * is valid on every earlier day the clock is then set to.
 */

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `THROWN ${String(error)}`);
const outcome = (promise: Promise<unknown>) => promise.then(() => "OK", codeOf);
const localized = (error: unknown) =>
  error instanceof TRPCError
    ? (error.cause as { text?: { zh: string; en: string } } | undefined)?.text
    : undefined;

const FAR = "2030-01-01";
/** Noon in China on `day`: chinaToday() of it is `day`. */
const at = (day: string) => new Date(`${day}T04:00:00Z`);
const nm = registry.get("nm-tic-2020")!;
const hn = registry.get("hn-tic-2020")!;
const zone = registry.get("sc-zone-2018")!;

describe.each(testDatabases())("annual reports and the obligations calendar on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let fixture: Fixture;
  let today = FAR;
  const now = () => at(today);
  const as = {} as Record<string, Api>;
  const names = [
    "applicant",
    "applicant2",
    "recommender",
    "recommender-nm",
    "authority",
    "authority-sc",
    "authority-nm",
  ] as const;
  const authorityOf: Record<string, string> = {
    "430000": "authority",
    "510000": "authority-sc",
    "150000": "authority-nm",
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db, at("2026-12-02"));
    for (const name of names)
      as[name] = await signIn(database, accounts.find((a) => a.username === name)!, now);
    fixture = await createFixture(database);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const orgOf = async (username: string) => {
    const [u] = await database.db.select().from(schema.users).where(eq(schema.users.username, username));
    return u!.organizationId!;
  };

  /** Approves a new platform under `module` on `day` through the real transition; returns its id. */
  async function approveOn(
    module: PolicyModule,
    day: string,
    owner: { username: string; area: string } = { username: "applicant", area: "430200" },
  ): Promise<string> {
    const stage = module.workflow.transitions.find((t) => t.action === "approve")!.from;
    const app = await placeApplication(database, module, stage, fixture);
    await database.db
      .update(schema.applications)
      .set({ organizationId: await orgOf(owner.username), recommenderArea: owner.area })
      .where(eq(schema.applications.id, app.id));
    today = day;
    const result = await as[authorityOf[module.jurisdiction.code]!]!.applications.transition({
      applicationId: app.id,
      action: "approve",
      expectedVersion: app.version,
    });
    return result.platformId!;
  }
  const nmOwner = { username: "applicant2", area: "150200" };
  const reportsOf = async (platformId: string, caller = "applicant") =>
    (await as[caller]!.platformCalendar.get({ platformId })).entries.filter(
      (e) => e.kind === "annual-report",
    );

  it("Inner Mongolia, approved 1 July 2024: no report for 2024, the first one due 31 March 2026", async () => {
    const id = await approveOn(nm, "2024-07-01", nmOwner);
    today = "2025-06-01";
    const [first, second] = await reportsOf(id, "applicant2");
    expect(first).toMatchObject({ yearCovered: 2024, dueOn: "2025-03-31", exempt: true, status: "exempt" });
    expect(first!.late).toBe(false);
    expect(second).toMatchObject({
      yearCovered: 2025,
      dueOn: "2026-03-31",
      exempt: false,
      status: "upcoming",
    });
    // Nothing to write for the exempt year.
    expect(
      await outcome(
        as.applicant2!.annualReports.saveDraft({
          platformId: id,
          yearCovered: 2024,
          content: { sections: { annualPlan: "x" } },
        }),
      ),
    ).toBe("PRECONDITION_FAILED");
    // The approval left its public trace.
    const events = await database.db
      .select()
      .from(schema.platformEvents)
      .where(eq(schema.platformEvents.platformId, id));
    expect(events.map((e) => [e.kind, e.occurredOn])).toEqual([["approved", "2024-07-01"]]);
  });

  it("Inner Mongolia, approved 30 June 2024: the 2024 report is due 31 March 2025", async () => {
    const id = await approveOn(nm, "2024-06-30", nmOwner);
    today = "2025-01-15";
    const [first] = await reportsOf(id, "applicant2");
    expect(first).toMatchObject({
      yearCovered: 2024,
      dueOn: "2025-03-31",
      exempt: false,
      status: "upcoming",
    });
  });

  it("Hunan: the first report is due 31 January of the year after approval", async () => {
    const id = await approveOn(hn, "2024-09-10");
    today = "2024-12-31";
    expect((await reportsOf(id))[0]).toMatchObject({
      yearCovered: 2024,
      dueOn: "2025-01-31",
      status: "upcoming",
    });
    today = "2025-01-05";
    const [first] = await reportsOf(id);
    expect(first).toMatchObject({ yearCovered: 2024, dueOn: "2025-01-31", status: "due", writable: true });
  });

  it("a zone's report is due 31 December of the same year, overdue the day after and not on it", async () => {
    const id = await approveOn(zone, "2024-03-01");
    today = "2024-12-31";
    const [first] = await reportsOf(id);
    expect(first).toMatchObject({ yearCovered: 2024, dueOn: "2024-12-31", status: "due", late: false });
    today = "2025-01-01";
    const [again] = await reportsOf(id);
    expect(again).toMatchObject({ status: "overdue", late: true });
    // The authority sees it overdue too, in its queue.
    const queue = await as["authority-sc"]!.annualReports.queue();
    expect(queue.filter((q) => q.platformId === id)).toMatchObject([
      { yearCovered: 2024, reason: "overdue" },
    ]);
    // Not a delisting ground under Sichuan's module.
    expect((await as["authority-sc"]!.platformCalendar.get({ platformId: id })).lateGround).toBeNull();
    // A zone reports indicators with targets and actuals.
    const saved = await as.applicant!.annualReports.saveDraft({
      platformId: id,
      yearCovered: 2024,
      content: {
        sections: Object.fromEntries(zone.annualReport!.sections.map((s) => [s.id, "内容"])),
        indicators: [{ name: "技术合同成交额", unit: "亿元", target: 10, actual: 12.5 }],
      },
    });
    expect(saved.status).toBe("draft");
  });

  it("writes only once the covered year has started, with the module's sections; stale versions conflict", async () => {
    const id = await approveOn(hn, "2024-02-01");
    today = "2024-12-31";
    const content = { sections: { lastYearSummary: "总结" } };
    expect(
      await outcome(as.applicant!.annualReports.saveDraft({ platformId: id, yearCovered: 2025, content })),
    ).toBe("PRECONDITION_FAILED");
    const wrong = await as
      .applicant!.annualReports.saveDraft({
        platformId: id,
        yearCovered: 2024,
        content: { sections: { annualPlan: "内蒙古的部分" } },
      })
      .catch((e: unknown) => e);
    expect(codeOf(wrong)).toBe("BAD_REQUEST");
    expect(localized(wrong)?.zh).toContain("annualPlan");
    expect(localized(wrong)?.en).toContain("sections the policy does not name");
    expect(
      await outcome(
        as.applicant!.annualReports.saveDraft({
          platformId: id,
          yearCovered: 2024,
          content: { sections: {}, indicators: [{ name: "x", unit: "个", target: null, actual: 1 }] },
        }),
      ),
    ).toBe("BAD_REQUEST");
    const first = await as.applicant!.annualReports.saveDraft({ platformId: id, yearCovered: 2024, content });
    expect(first.version).toBe(1);
    const second = await as.applicant!.annualReports.saveDraft({
      platformId: id,
      yearCovered: 2024,
      content,
      expectedVersion: 1,
    });
    expect(second.version).toBe(2);
    expect(
      await outcome(
        as.applicant!.annualReports.saveDraft({
          platformId: id,
          yearCovered: 2024,
          content,
          expectedVersion: 1,
        }),
      ),
    ).toBe("CONFLICT");
    // Reading creates nothing, and a draft is the platform's own.
    const other = await approveOn(hn, "2024-02-02");
    const view = await as.applicant!.annualReports.get({ platformId: other, yearCovered: 2024 });
    expect(view.report).toBeNull();
    const rows = await database.db
      .select()
      .from(schema.annualReports)
      .where(eq(schema.annualReports.platformId, other));
    expect(rows).toHaveLength(0);
    expect((await as.authority!.annualReports.get({ platformId: id, yearCovered: 2024 })).report).toBeNull();
    // Incomplete: submit names the empty sections.
    const incomplete = await as
      .applicant!.annualReports.submit({ platformId: id, yearCovered: 2024, expectedVersion: 2 })
      .catch((e: unknown) => e);
    expect(codeOf(incomplete)).toBe("PRECONDITION_FAILED");
    expect(localized(incomplete)?.zh).toContain("本年度工作计划");
  });

  it("Inner Mongolia: write, submit, recommender checks, authority accepts; late shows the delisting ground", async () => {
    const id = await approveOn(nm, "2024-06-30", nmOwner);
    const sections = Object.fromEntries(nm.annualReport!.sections.map((s) => [s.id, `${s.title.zh}内容`]));
    today = "2025-04-01";
    const calendar = await as["authority-nm"]!.platformCalendar.get({ platformId: id });
    expect(calendar.entries[0]).toMatchObject({ yearCovered: 2024, status: "overdue", late: true });
    expect(calendar.lateGround).toMatchObject({ id: nm.annualReport!.lateGroundId, years: [2024] });
    const draft = await as.applicant2!.annualReports.saveDraft({
      platformId: id,
      yearCovered: 2024,
      content: { sections },
    });
    // Out of scope: another organization's applicant, another area's recommender, another province's authority.
    expect(await outcome(as.applicant!.annualReports.get({ platformId: id, yearCovered: 2024 }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(as.recommender!.platformCalendar.get({ platformId: id }))).toBe("NOT_FOUND");
    expect(
      await outcome(
        as.applicant!.annualReports.saveDraft({
          platformId: id,
          yearCovered: 2024,
          content: { sections },
          expectedVersion: 1,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(as.authority!.platformCalendar.get({ platformId: id }))).toBe("NOT_FOUND");

    const submitted = await as.applicant2!.annualReports.submit({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: draft.version,
    });
    expect(submitted.status).toBe("submitted");
    // The authority may not decide before the recommender's check (nm-tic 三(六)1).
    expect(
      await outcome(
        as["authority-nm"]!.annualReports.decide({
          platformId: id,
          yearCovered: 2024,
          expectedVersion: submitted.version,
          outcome: "accepted",
        }),
      ),
    ).toBe("PRECONDITION_FAILED");
    expect(
      await outcome(
        as.recommender!.annualReports.check({
          platformId: id,
          yearCovered: 2024,
          expectedVersion: submitted.version,
          outcome: "checked",
        }),
      ),
    ).toBe("NOT_FOUND");
    const recommenderQueue = await as["recommender-nm"]!.annualReports.queue();
    expect(recommenderQueue.filter((q) => q.platformId === id)).toMatchObject([
      { yearCovered: 2024, reason: "to-check", late: true },
    ]);
    const notified = await database.db
      .select()
      .from(schema.notifications)
      .where(
        and(eq(schema.notifications.platformId, id), eq(schema.notifications.kind, "report-action-needed")),
      );
    expect(notified.length).toBeGreaterThan(0);
    const checked = await as["recommender-nm"]!.annualReports.check({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: submitted.version,
      outcome: "checked",
    });
    expect(checked.status).toBe("recommender-checked");
    const accepted = await as["authority-nm"]!.annualReports.decide({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: checked.version,
      outcome: "accepted",
    });
    expect(accepted.status).toBe("accepted");
    const [entry] = await reportsOf(id, "applicant2");
    // Accepted, and still on record as late (submitted after 31 March).
    expect(entry).toMatchObject({ status: "accepted", late: true });
    const events = await database.db
      .select()
      .from(schema.platformEvents)
      .where(eq(schema.platformEvents.platformId, id));
    expect(events.map((e) => e.kind)).toEqual(["approved", "report-filed", "report-accepted"]);
    expect(events[1]!.detail).toEqual({ yearCovered: 2024 });
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, accepted.id));
    expect(audit.map((a) => a.action)).toEqual([
      "annualReport.saveDraft",
      "annualReport.submit",
      "annualReport.check",
      "annualReport.decide",
    ]);
  });

  it("Hunan: the authority returns with a reason, the platform edits and resubmits, the authority accepts", async () => {
    const id = await approveOn(hn, "2024-05-05");
    today = "2025-01-20";
    const content = { sections: { lastYearSummary: "总结", thisYearPlan: "计划" } };
    const draft = await as.applicant!.annualReports.saveDraft({ platformId: id, yearCovered: 2024, content });
    const submitted = await as.applicant!.annualReports.submit({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: draft.version,
    });
    // No recommender check under Hunan's module.
    expect(
      await outcome(
        as.recommender!.annualReports.check({
          platformId: id,
          yearCovered: 2024,
          expectedVersion: submitted.version,
          outcome: "checked",
        }),
      ),
    ).toBe("PRECONDITION_FAILED");
    expect(
      await outcome(
        as.authority!.annualReports.decide({
          platformId: id,
          yearCovered: 2024,
          expectedVersion: submitted.version,
          outcome: "returned",
        }),
      ),
    ).toBe("BAD_REQUEST");
    const returned = await as.authority!.annualReports.decide({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: submitted.version,
      outcome: "returned",
      reason: "请补充经费使用情况",
    });
    expect(returned.status).toBe("returned");
    const view = await as.applicant!.annualReports.get({ platformId: id, yearCovered: 2024 });
    expect(view.report).toMatchObject({ status: "returned", returnReason: "请补充经费使用情况" });
    const told = await database.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.platformId, id), eq(schema.notifications.kind, "report-returned")));
    expect(told.length).toBeGreaterThan(0);
    today = "2025-02-03";
    const edited = await as.applicant!.annualReports.saveDraft({
      platformId: id,
      yearCovered: 2024,
      content: { sections: { ...content.sections, lastYearSummary: "总结（含经费）" } },
      expectedVersion: returned.version,
    });
    const resubmitted = await as.applicant!.annualReports.submit({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: edited.version,
    });
    const [entry] = await reportsOf(id);
    // First submitted in time (20 January), so the resubmission after the due date is not late.
    expect(entry).toMatchObject({ status: "in-review", late: false });
    const accepted = await as.authority!.annualReports.decide({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: resubmitted.version,
      outcome: "accepted",
    });
    expect(accepted.status).toBe("accepted");
  });

  it("Inner Mongolia without a recommending body on record: the report goes straight to the authority", async () => {
    const id = await approveOn(nm, "2024-06-30", nmOwner);
    await database.db
      .update(schema.platforms)
      .set({ recommenderArea: null })
      .where(eq(schema.platforms.id, id));
    today = "2025-03-01";
    const sections = Object.fromEntries(nm.annualReport!.sections.map((s) => [s.id, "内容"]));
    const draft = await as.applicant2!.annualReports.saveDraft({
      platformId: id,
      yearCovered: 2024,
      content: { sections },
    });
    const submitted = await as.applicant2!.annualReports.submit({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: draft.version,
    });
    const accepted = await as["authority-nm"]!.annualReports.decide({
      platformId: id,
      yearCovered: 2024,
      expectedVersion: submitted.version,
      outcome: "accepted",
    });
    expect(accepted.status).toBe("accepted");
  });

  it("sends each reminder once: 30 days before, on the day, and overdue", async () => {
    const id = await approveOn(hn, "2024-04-04");
    const reminders = async () =>
      (
        await database.db
          .select()
          .from(schema.notifications)
          .where(
            and(eq(schema.notifications.platformId, id), eq(schema.notifications.kind, "report-reminder")),
          )
      ).map((n) => (n.detail as { moment: string; yearCovered: number }).moment);
    await sendObligationReminders(database.db, "2024-12-31");
    expect(await reminders()).toEqual([]);
    await sendObligationReminders(database.db, "2025-01-01");
    await sendObligationReminders(database.db, "2025-01-02");
    expect(await reminders()).toEqual(["before"]);
    await sendObligationReminders(database.db, "2025-01-31");
    await sendObligationReminders(database.db, "2025-01-31");
    expect(await reminders()).toEqual(["before", "on-day"]);
    await sendObligationReminders(database.db, "2025-02-01");
    expect(await reminders()).toEqual(["before", "on-day", "overdue"]);
    // The platform's applicant account gets them in-app.
    const [applicantRow] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, "applicant"));
    const rows = await database.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.platformId, id), eq(schema.notifications.userId, applicantRow!.id)));
    expect(rows.filter((r) => r.kind === "report-reminder")).toHaveLength(3);
  });

  it("demo data: the Inner Mongolia platform of applicant2 owes its 2025 report, overdue at the demo date", async () => {
    today = "2026-12-02";
    const mine = await as.applicant2!.platformCalendar.mine();
    const platform = mine.find((p) => p.policyId === "nm-tic-2020" && p.recommenderArea === "150200")!;
    expect(platform.nextDue).toMatchObject({ yearCovered: 2025, dueOn: "2026-03-31", status: "overdue" });
    const recommenderSees = await as["recommender-nm"]!.platformCalendar.mine();
    expect(recommenderSees.map((p) => p.id)).toContain(platform.id);
  });
});
